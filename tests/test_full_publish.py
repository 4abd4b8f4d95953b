"""`aduan build --full` makes the whole-dataset files again every time, even when its clock says
the same second as the last full publish: two builds within a second (the fast path builds a
change in a fraction of one) or a system run on a fixed day (ADUAN_NOW). The full publish's time
alone told them apart, and such a second full publish kept the old whole files (a flaky failure
of test_parts' one-change test, found when builds became fast)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from chalicelib.clock import WIB
from chalicelib.demo import demo_lines
from chalicelib.importer import import_lines
from chalicelib.sitebuild import build
from test_gate import admin_of
from test_parts import assert_whole_files_are_the_parts, index, part_rows


def publication(data_dir: Path) -> dict:
    return json.loads((data_dir / "public" / "publication.json").read_text())


def test_a_full_publish_in_the_same_second_as_the_last_still_makes_the_whole_files(
    service, region, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    end = datetime.now(WIB).replace(microsecond=0) - timedelta(days=1)
    import_lines(demo_lines(region, count=40, seed=7, end=end), service.store, region)
    monkeypatch.setenv("ADUAN_NOW", (end + timedelta(hours=2)).isoformat())  # every build in one second
    output = tmp_path / "output"
    build(output, full=True, search=False)
    first = publication(data_dir)
    assert first["number"] == 1 and index(output)["whole"]["full_publish"] == f"{first['full_publish']} #1"

    tracking = next(r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified")
    service.act(admin_of(service), tracking, {"action": "progress", "note": "Petugas sudah mengecek saluran"})
    build(output, search=False)
    assert index(output)["whole"]["stale"] is True  # a status change: the parts now, the whole files later
    assert "Petugas sudah mengecek saluran" not in (output / "data/updates.csv").read_text()

    build(output, full=True, search=False)
    second = publication(data_dir)
    assert second == {"full_publish": first["full_publish"], "number": 2}  # the same second, another publish
    assert "Petugas sudah mengecek saluran" in (output / "data/updates.csv").read_text()
    assert index(output)["whole"]["stale"] is False
    assert_whole_files_are_the_parts(output)
