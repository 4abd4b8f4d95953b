"""Shared fixtures: a real SQLite store in a temporary data directory, the demo region, an
injectable clock, and the service over them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "functions"))
sys.path.insert(0, str(REPO / "plugins"))

from chalicelib.clock import WIB  # noqa: E402
from chalicelib.region import Region, load_region  # noqa: E402

if TYPE_CHECKING:
    from chalicelib.service import Aduan
    from chalicelib.sqlite_store import SQLiteStore


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def region() -> Region:
    return load_region()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=WIB))  # a Monday


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("ADUAN_DATA", str(data))
    return data


@pytest.fixture
def store(data_dir: Path) -> Iterator[SQLiteStore]:
    from chalicelib import config

    s = config.store()
    yield s
    s.close()


@pytest.fixture
def service(store: SQLiteStore, region: Region, clock: FakeClock) -> Aduan:
    from chalicelib import config
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    public = config.data_dir() / "public"
    return Aduan(store, region, clock=clock, published=lambda t: read_record(public, t), held=config.gate_index().held)


def submission(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "complaint",
        "title": "Lampu PJU mati di Jl. Veteran",
        "description": "Lampu penerangan jalan di Jl. Veteran dekat Pasar Besar mati sudah dua minggu.",
        "category": "penerangan-jalan",
        "location": {"kecamatan": "Panggungrejo", "kelurahan": "Trajeng", "address": "Jl. Veteran"},
        "reporter": {"name": "Slamet Riyadi", "phone": "0812-3456-7890", "email": "slamet@example.com"},
    }
    data.update(overrides)
    return data


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """`aduan run` (API through `chalice local`, static server, worker) on demo data."""
    from live import start

    system = start(tmp_path_factory.mktemp("live"))
    yield system
    system.stop()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo city (400 reports) imported into a real store, published and built; read-only."""
    from site_fixtures import build_demo_site

    root = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ADUAN_DATA", str(root / "data"))
        return build_demo_site(root)
