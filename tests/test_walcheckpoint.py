"""The write-ahead log is checkpointed by the store's background thread (walcheckpoint.py), not
by the commit of whichever request crosses SQLite's 1,000 pages."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from chalicelib import walcheckpoint
from chalicelib.region import Region
from chalicelib.sqlite_store import SQLiteStore
from chalicelib.submission import new_report, validate
from conftest import FakeClock, submission


def in_database_file(store: SQLiteStore, tmp_path: Path) -> int:
    """Reports in the database file itself (what checkpoints copied there), the WAL left out."""
    copy = tmp_path / "main-only.db"
    shutil.copyfile(store.path, copy)
    conn = sqlite3.connect(copy)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0])
    except sqlite3.OperationalError:  # not even the schema has been checkpointed yet
        return 0
    finally:
        conn.close()


def test_saves_are_checkpointed_in_the_background_then_the_thread_goes(
    store: SQLiteStore, region: Region, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(walcheckpoint, "IDLE_SECONDS", 0.2)
    conn = store._conn()
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == walcheckpoint.FALLBACK_PAGES
    for _ in range(walcheckpoint.EVERY - 1):
        store.save([new_report(validate(submission(), region), region, now=clock())[0]])
    # Below SQLite's own threshold and below EVERY: everything is still in the WAL only.
    assert store._checkpointer.checkpoints == 0 and in_database_file(store, tmp_path) == 0

    store.save([new_report(validate(submission(), region), region, now=clock())[0]])
    deadline = time.monotonic() + 10
    while store._checkpointer.checkpoints == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert in_database_file(store, tmp_path) == walcheckpoint.EVERY
    while store._checkpointer._thread is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert store._checkpointer._thread is None  # idle: the thread ended; a later save starts another
