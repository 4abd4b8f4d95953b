"""The service and the rate limiter are made once per wiring and kept between requests (config.py),
and a changed setting still takes effect on the next request: data directory, site address,
region, rate limits, the directory a relative data directory is under, the backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import submission


def test_the_service_and_rate_limiter_are_kept_while_nothing_changes(data_dir: Path) -> None:
    from chalicelib import config

    assert config.service() is config.service()
    assert config.rate_limiter() is config.rate_limiter()
    assert config.service().store is config.store()


def test_a_changed_setting_makes_a_new_service_that_uses_it(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from chalicelib import config

    first = config.service()
    monkeypatch.setenv("ADUAN_SITE_URL", "https://aduan.example.go.id/")
    assert config.service() is not first and config.service().site_url == "https://aduan.example.go.id"

    other = tmp_path / "other"
    monkeypatch.setenv("ADUAN_DATA", str(other))
    report, _ = config.service().submit(submission())
    assert config.store().path == other / "aduan.db" and config.service().store is config.store()
    assert config.service().blobs.root == (other / "attachments").resolve()  # type: ignore[union-attr]
    assert config.service().store.get(report.tracking) is not None
    monkeypatch.setenv("ADUAN_DATA", str(data_dir))
    assert config.service().store.get(report.tracking) is None  # the first directory's store

    changed = tmp_path / "region.json"
    source = json.loads(_region_file().read_text(encoding="utf-8"))
    source["name"] = "Kota Contoh"
    changed.write_text(json.dumps(source))
    monkeypatch.setenv("ADUAN_REGION", str(changed))
    assert config.service().region.name == "Kota Contoh"
    monkeypatch.delenv("ADUAN_REGION")
    assert config.service().region.name != "Kota Contoh"


def _region_file() -> Path:
    from chalicelib.region import DEFAULT_REGION, REGIONS_DIR

    return REGIONS_DIR / f"{DEFAULT_REGION}.json"


def test_a_relative_data_directory_follows_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    from chalicelib import config

    monkeypatch.setenv("ADUAN_DATA", "data")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    in_a = config.service()
    monkeypatch.chdir(tmp_path / "b")
    in_b = config.service()
    assert in_a is not in_b
    assert in_a.store.path.resolve() == (tmp_path / "a" / "data" / "aduan.db").resolve()  # type: ignore[attr-defined]
    assert in_b.store.path.resolve() == (tmp_path / "b" / "data" / "aduan.db").resolve()  # type: ignore[attr-defined]


def test_changed_rate_limits_take_effect_on_the_next_request(client, monkeypatch) -> None:
    """Through the API in process: a limit set, then lifted, then set again, each at once."""

    def submit() -> int:
        body = json.dumps(submission())
        return int(client.http.post("/reports", headers={"Content-Type": "application/json"}, body=body).status_code)

    monkeypatch.setenv("ADUAN_RATE_SUBMIT", "1/3600")
    assert [submit(), submit()] == [201, 429]
    monkeypatch.setenv("ADUAN_RATE_SUBMIT", "off")
    assert [submit(), submit()] == [201, 201]
    monkeypatch.setenv("ADUAN_RATE_SUBMIT", "2/3600")  # a new limit: the same bucket, now at 0
    assert submit() == 429


def test_an_unknown_backend_is_still_refused_on_every_call(data_dir: Path, monkeypatch) -> None:
    from chalicelib import config
    from chalicelib.errors import ValidationError

    config.service()
    monkeypatch.setenv("ADUAN_BACKEND", "nope")
    for _ in range(2):
        with pytest.raises(ValidationError, match="ADUAN_BACKEND"):
            config.service()
        with pytest.raises(ValidationError, match="ADUAN_BACKEND"):
            config.rate_limiter()
