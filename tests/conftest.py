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


@pytest.fixture
def client(data_dir: Path) -> Iterator[object]:
    """The API through chalice.test.Client over a fresh data directory."""
    from app import app
    from chalice.test import Client

    with Client(app) as c:
        yield c


@pytest.fixture
def tokens(data_dir: Path) -> dict[str, str]:
    """A token for an officer of each role (two agencies)."""
    from chalicelib import config

    service = config.service()
    return {
        "admin": service.add_officer("Admin Kominfo", "admin")[1],
        "pupr": service.add_officer("Petugas PUPR", "agency", "pupr")[1],
        "perhubungan": service.add_officer("Petugas Dishub", "agency", "perhubungan")[1],
        "auditor": service.add_officer("Inspektorat", "auditor")[1],
    }


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


# -- AWS through an emulator: moto server on loopback, one per test process ----------------------


@pytest.fixture(scope="session")
def moto_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`moto_server` in a process of its own on a free loopback port; its URL."""
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(f"moto server did not start: {log.read_text()[-2000:]}") from None
            time.sleep(0.1)
    yield url
    server.kill()  # it keeps nothing worth a clean shutdown, and SIGTERM can take seconds
    server.wait(timeout=10)


def aws_environment(endpoint: str, prefix: str) -> dict[str, str]:
    """What a user sets to run Aduan against the emulator (dummy credentials, a region)."""
    return {
        "ADUAN_BACKEND": "aws",
        "ADUAN_TABLE_PREFIX": prefix,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "ap-southeast-3",
        "AWS_CONFIG_FILE": "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
    }


@pytest.fixture
def aws_backend(moto_endpoint: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """ADUAN_BACKEND=aws for this test only, on a private table of its own (made by setup's code)."""
    import uuid

    from chalicelib import aws
    from chalicelib.dynamo_store import table_definition

    env = aws_environment(moto_endpoint, f"t{uuid.uuid4().hex[:10]}-")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    aws.dynamodb().create_table(**table_definition(aws.private_table()))
    return env


# Debian's chromium (never `playwright install`), as the browser tests launch it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One chromium per test module (Playwright, /usr/bin/chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()
