"""The tally: the few facts about every report that the statistics count, kept per report.

`stats.json` counts every report, published or not. Reading every report from the store for
that made each publish cost as much as the whole dataset; the tally is updated with the reports
that changed and counted with one query. It lives beside the store (``$ADUAN_DATA/tally.db``)
and can always be made again from it: a full publish (`aduan build --full`) refills it.
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
            conn.executemany(
                "INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?, ?)",
                [(f.tracking, f.status, f.agency, f.kind, int(f.published), int(f.confidential)) for f in facts],
            )
            conn.executemany("DELETE FROM facts WHERE tracking = ?", [(t,) for t in gone])

    def refill(self, facts: Iterable[Facts]) -> None:
        """Replace everything (a full publish) and mark the tally complete."""
        with self._tx() as conn:
            conn.execute("DELETE FROM facts")
            conn.executemany(
                "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)",
                [(f.tracking, f.status, f.agency, f.kind, int(f.published), int(f.confidential)) for f in facts],
            )
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")

    def counts(self) -> Iterator[tuple[str, str | None, str, bool, bool, int]]:
        """(status, agency, kind, published, confidential, how many), one row per combination."""
        rows = self._conn.execute(
            "SELECT status, agency, kind, published, confidential, count(*) FROM facts"
            " GROUP BY status, agency, kind, published, confidential"
        )
        for status, agency, kind, published, confidential, n in rows:
            yield status, agency, kind, bool(published), bool(confidential), n

    def close(self) -> None:
        self._conn.close()
