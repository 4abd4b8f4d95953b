"""The holidays kept in $ADUAN_DATA/holidays.json: the same days as the package says, and a new
process that publishes one change does not import the package again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from chalicelib import workdays

REPO = Path(__file__).resolve().parents[1]


def test_a_kept_year_is_the_packages_year_and_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import holidays

    monkeypatch.setenv("ADUAN_DATA", str(tmp_path))
    workdays._holidays.cache_clear()
    try:
        days = workdays._holidays(2025)
        expected = holidays.country_holidays("ID", years=2025, categories=("public", "government"))
        assert days == frozenset(expected.keys()) and date(2025, 12, 26) in days
        kept = json.loads((tmp_path / "holidays.json").read_text())
        assert kept["package"] == workdays._package_key() and "2025" in kept["years"]
        # The kept file is what is read: a day put into it is a holiday from now on.
        kept["years"]["2025"].append("2025-03-03")
        (tmp_path / "holidays.json").write_text(json.dumps(kept))
        workdays._holidays.cache_clear()
        assert not workdays.is_workday(date(2025, 3, 3))
        # Another package (an upgrade): the file is not trusted, the package is asked again.
        kept["package"] = "another"
        (tmp_path / "holidays.json").write_text(json.dumps(kept))
        workdays._holidays.cache_clear()
        assert workdays.is_workday(date(2025, 3, 3))
        assert json.loads((tmp_path / "holidays.json").read_text())["package"] == workdays._package_key()
    finally:
        workdays._holidays.cache_clear()


def test_a_new_process_with_the_year_kept_does_not_import_the_package(tmp_path: Path) -> None:
    env = {**os.environ, "ADUAN_DATA": str(tmp_path), "PYTHONPATH": str(REPO / "functions")}
    script = (
        "import sys; from datetime import date; from chalicelib.workdays import workdays_between;"
        "n = workdays_between(date(2025, 12, 22), date(2025, 12, 29));"
        "print(n, 'holidays' in sys.modules)"
    )
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    # 23, 24 and 29 December 2025: the 25th and 26th are holidays, the 27th and 28th a weekend.
    assert first.stdout.split() == ["3", "True"]
    assert second.stdout.split() == ["3", "False"]


def test_the_aws_backend_keeps_nothing_on_a_local_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADUAN_DATA", str(tmp_path))
    monkeypatch.setenv("ADUAN_BACKEND", "aws")
    workdays._holidays.cache_clear()
    try:
        assert not workdays.is_workday(date(2025, 12, 25))
        assert list(tmp_path.iterdir()) == []
    finally:
        workdays._holidays.cache_clear()
