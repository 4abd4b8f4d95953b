"""What only the SQLite store promises: one durable file (WAL), migrated forward, updates kept row
by row. Everything every store promises is in test_store_contract.py."""

from pathlib import Path

from chalicelib.sqlite_store import MIGRATIONS, SQLiteStore
from chalicelib.submission import new_report, validate
from conftest import submission


def make(region, clock, **overrides):
    return new_report(validate(submission(**overrides), region), region, now=clock())[0]


def test_reopened_file_still_has_the_report(data_dir: Path, store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    store.close()
    again = SQLiteStore(data_dir / "aduan.db")
    assert again.get(report.tracking) is not None
    assert again._conn().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_updates_are_stored_row_by_row(store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    assert [u.status.value for u in store.history(report.tracking)] == ["received"]


def test_schema_is_migrated_and_versioned(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    assert s._conn().execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    SQLiteStore(tmp_path / "x.db")  # opening again applies nothing twice
