"""The SQLite store: durable, atomic, versioned, migrated."""

import sqlite3
from pathlib import Path

import pytest
from chalicelib.errors import Conflict
from chalicelib.sqlite_store import MIGRATIONS, SQLiteStore
from chalicelib.submission import new_report, validate
from conftest import submission


def make(region, clock, **overrides):
    return new_report(validate(submission(**overrides), region), region, now=clock())[0]


def test_round_trip_keeps_everything(store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    loaded = store.get(report.tracking)
    assert loaded is not None and loaded.to_dict() == report.to_dict()
    assert loaded.reporter.phone == "+6281234567890" and loaded.version == 1


def test_reopened_file_still_has_the_report(data_dir: Path, store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    store.close()
    again = SQLiteStore(data_dir / "aduan.db")
    assert again.get(report.tracking) is not None
    assert again._conn().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_stale_copy_is_refused(store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    first, second = store.get(report.tracking), store.get(report.tracking)
    first.title = "Judul baru yang cukup panjang"
    store.save([first])
    second.title = "Judul lain yang cukup panjang"
    with pytest.raises(Conflict):
        store.save([second])
    assert store.get(report.tracking).title == "Judul baru yang cukup panjang"


def test_a_batch_is_all_or_nothing(store, region, clock) -> None:
    good, clash = make(region, clock), make(region, clock)
    clash.tracking = good.tracking  # violates the unique tracking number
    with pytest.raises(sqlite3.IntegrityError):
        store.save([good, clash])
    assert store.count() == 0 and store.pending_events() == []
    assert good.version == 0  # the caller's copy did not move on


def test_every_save_leaves_a_publish_event(store, region, clock) -> None:
    a, b = make(region, clock), make(region, clock)
    store.save([a, b])
    events = store.pending_events()
    assert [e.tracking for e in events] == [a.tracking, b.tracking]
    store.ack_events(events[0].seq)
    assert [e.tracking for e in store.pending_events()] == [b.tracking]


def test_updates_are_stored_row_by_row(store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    assert [u.status.value for u in store.history(report.tracking)] == ["received"]


def test_schema_is_migrated_and_versioned(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    assert s._conn().execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    SQLiteStore(tmp_path / "x.db")  # opening again applies nothing twice


def test_find_filters_and_orders(store, region, clock) -> None:
    a = make(region, clock)
    clock.advance(hours=1)
    b = make(region, clock, category="air-bersih")
    store.save([a, b])
    assert [r.tracking for r in store.find()] == [b.tracking, a.tracking]
    assert [r.tracking for r in store.find(status="received", limit=1)] == [b.tracking]
    assert store.find(status="resolved") == []
