"""Checkpoints of the SQLite write-ahead log, made in a background thread, off the requests' path.

SQLite copies the WAL back into the database file (a checkpoint) in whichever connection's
commit finds the WAL over 1,000 pages. A submission writes about 16 pages, so every 60th or so
paid for a checkpoint (copying ~4 MB and syncing the database file: 13–40 ms on this machine's
loaded disk), which made the 99th percentile of submissions. Here the store's connections
checkpoint on their own only far later (`FALLBACK_PAGES`, in case this thread falls behind), and
after every `EVERY` saved reports a thread of the store's own makes a passive checkpoint (it
never blocks a writer or reader). A checkpoint is crash-safe wherever it stops, so the thread is
a daemon and goes away when idle.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

EVERY = 32  # reports saved between checkpoints: about 500 pages of WAL
FALLBACK_PAGES = 10_000  # the connections' own automatic checkpoint, if this thread lags far behind
IDLE_SECONDS = 5.0  # the thread ends after this long with nothing to do (a new save starts it again)


class Checkpointer:
    def __init__(self, path: Path, every: int = EVERY) -> None:
        self._path, self._every = path, every
        self._lock = threading.Lock()
        self._due = threading.Event()
        self._saved = 0
        self._thread: threading.Thread | None = None
        self.checkpoints = 0  # made by the thread (a count for tests)

    def saved(self, reports: int) -> None:
        """Count `reports` just committed; past `every`, wake (or start) the thread."""
        with self._lock:
            self._saved += reports
            if self._saved < self._every:
                return
            self._saved = 0
            self._due.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous=FULL")  # the database file is synced after copying
            while True:
                if not self._due.wait(IDLE_SECONDS):
                    with self._lock:
                        if not self._due.is_set():
                            self._thread = None
                            return
                self._due.clear()
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                self.checkpoints += 1
        except sqlite3.Error:
            with self._lock:  # the connections' own checkpoints go on; a later save tries again
                self._thread = None
        finally:
            conn.close()
