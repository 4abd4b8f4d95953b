"""The tally: the few facts about every report that the statistics count, kept per report.

`stats.json` counts every report, published or not. Reading every report from the store for
that made each publish cost as much as the whole dataset; the tally is updated with the reports
that changed, and the counts themselves are kept per combination of facts (`counts`), moved
by one when a report changes, so reading them costs the number of combinations (a few hundred),
not the number of reports. It lives beside the store (``$ADUAN_DATA/tally.db``) and can always
be made again from it: a full publish (`aduan build --full`) refills it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (
    tracking TEXT PRIMARY KEY, status TEXT NOT NULL, agency TEXT, kind TEXT NOT NULL,
    published INTEGER NOT NULL, confidential INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- agency '' stands for none (a key column cannot be NULL).
CREATE TABLE IF NOT EXISTS counts (
    status TEXT NOT NULL, agency TEXT NOT NULL, kind TEXT NOT NULL, published INTEGER NOT NULL,
    confidential INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (status, agency, kind, published, confidential)
) WITHOUT ROWID;
"""
FILL_COUNTS = """
INSERT INTO counts SELECT status, COALESCE(agency, ''), kind, published, confidential, count(*)
FROM facts GROUP BY status, COALESCE(agency, ''), kind, published, confidential
"""
MOVE = """
INSERT INTO counts VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (status, agency, kind, published, confidential) DO UPDATE SET n = n + excluded.n
"""


@dataclass(frozen=True)
class Facts:
    tracking: str
    status: str
    agency: str | None
    kind: str
    published: bool
    confidential: bool


class Tally:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")  # made again by a full publish if lost
        self._conn.executescript(SCHEMA)
        if self._conn.execute("SELECT 1 FROM meta WHERE key = 'counts'").fetchone() is None:
            with self._tx() as conn:  # a tally made before `counts` existed: fill it once
                conn.execute("DELETE FROM counts")
                conn.execute(FILL_COUNTS)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('counts', '1')")

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @property
    def complete(self) -> bool:
        """True once a full publish has filled it: only then do its counts cover every report."""
        return self._conn.execute("SELECT 1 FROM meta WHERE key = 'complete'").fetchone() is not None

    def update(self, facts: Iterable[Facts], gone: Iterable[str] = ()) -> None:
        with self._tx() as conn:
            for f in facts:
                self._forget(conn, f.tracking)
                conn.execute(
                    "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)",
                    (f.tracking, f.status, f.agency, f.kind, int(f.published), int(f.confidential)),
                )
                conn.execute(MOVE, (f.status, f.agency or "", f.kind, int(f.published), int(f.confidential), 1))
            for tracking in gone:
                self._forget(conn, tracking)
            conn.execute("DELETE FROM counts WHERE n <= 0")

    @staticmethod
    def _forget(conn: sqlite3.Connection, tracking: str) -> None:
        """Remove a report's facts and take it out of its count."""
        old = conn.execute(
            "DELETE FROM facts WHERE tracking = ? RETURNING status, agency, kind, published, confidential",
            (tracking,),
        ).fetchone()
        if old is not None:
            status, agency, kind, published, confidential = old
            conn.execute(MOVE, (status, agency or "", kind, published, confidential, -1))

    def refill(self, facts: Iterable[Facts]) -> None:
        """Replace everything (a full publish) and mark the tally complete."""
        with self._tx() as conn:
            conn.execute("DELETE FROM facts")
            conn.execute("DELETE FROM counts")
            conn.executemany(
                "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)",
                [(f.tracking, f.status, f.agency, f.kind, int(f.published), int(f.confidential)) for f in facts],
            )
            conn.execute(FILL_COUNTS)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('counts', '1')")

    def counts(self) -> Iterator[tuple[str, str | None, str, bool, bool, int]]:
        """(status, agency, kind, published, confidential, how many), one row per combination."""
        rows = self._conn.execute(
            "SELECT status, agency, kind, published, confidential, n FROM counts WHERE n > 0"
        ).fetchall()
        for status, agency, kind, published, confidential, n in rows:
            yield status, agency or None, kind, bool(published), bool(confidential), n

    def close(self) -> None:
        self._conn.close()
