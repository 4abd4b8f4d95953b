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
from typing import Any

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
# How each report meets the service levels: what the league table on the statistics page
# counts, and the index of deadlines that says which records turn overdue on a given day (so
# the publisher rewrites those without reading every report).
SERVICE_SCHEMA = """
CREATE TABLE IF NOT EXISTS service (
    tracking TEXT PRIMARY KEY, deadline TEXT, deadline_step TEXT,
    verification_workdays INTEGER, response_workdays INTEGER, resolution_workdays INTEGER,
    ever_resolved INTEGER NOT NULL, reopened INTEGER NOT NULL, rating INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS service_deadline ON service (deadline);
"""
# The league table's input, counted: per agency ('' for none) and cell (league.cells: a fact
# and its value, such as ("overdue", its deadline) or ("verification", working days)), how many
# published reports have it. Moved by one per changed report, so the table is read from a few
# thousand rows at most, never from one row per report.
LEAGUE_SCHEMA = """
CREATE TABLE IF NOT EXISTS league (
    agency TEXT NOT NULL, measure TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (agency, measure, value)
) WITHOUT ROWID;
"""
MOVE_CELL = """
INSERT INTO league VALUES (?, ?, ?, ?)
ON CONFLICT (agency, measure, value) DO UPDATE SET n = n + excluded.n
"""
SERVED = (
    "SELECT f.agency, f.status, s.deadline, s.deadline_step, s.verification_workdays,"
    " s.response_workdays, s.resolution_workdays, s.ever_resolved, s.reopened, s.rating"
    " FROM facts f JOIN service s ON s.tracking = f.tracking WHERE f.published"
)


@dataclass(frozen=True)
class Timing:
    """How one report meets the service levels (deadline.py): its current deadline and step,
    the working days each step took, whether it was ever resolved, how often the reporter
    reopened it, and the reporter's rating."""

    deadline: str | None
    deadline_step: str | None
    verification_workdays: int | None
    response_workdays: int | None
    resolution_workdays: int | None
    ever_resolved: bool
    reopened: int
    rating: int | None


@dataclass(frozen=True)
class Served:
    """One published report's row of the league table's input."""

    agency: str | None
    status: str
    timing: Timing


@dataclass(frozen=True)
class Facts:
    tracking: str
    status: str
    agency: str | None
    kind: str
    published: bool
    confidential: bool
    timing: Timing | None = None


class Tally:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")  # made again by a full publish if lost
        had_facts = self._table_exists("facts")
        had_service = self._table_exists("service")
        had_league = self._table_exists("league")
        self._conn.executescript(SCHEMA + SERVICE_SCHEMA + LEAGUE_SCHEMA)
        if had_facts and not had_service:
            # A tally from before the service table: its counts are whole but its timings
            # are missing, so the next publish refills it.
            self._conn.execute("DELETE FROM meta WHERE key = 'complete'")
        if self._conn.execute("SELECT 1 FROM meta WHERE key = 'counts'").fetchone() is None:
            with self._tx() as conn:  # a tally made before `counts` existed: fill it once
                conn.execute("DELETE FROM counts")
                conn.execute(FILL_COUNTS)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('counts', '1')")
        if not had_league:
            with self._tx() as conn:  # a tally made before the league's cells: count them once
                self._fill_league(conn)

    def _table_exists(self, name: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return row.fetchone() is not None

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
        facts, gone = list(facts), list(gone)
        touched = sorted({f.tracking for f in facts} | set(gone))
        with self._tx() as conn:
            self._move_league(conn, touched, -1)  # the old cells off, the new ones on below
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
            conn.executemany("DELETE FROM service WHERE tracking = ?", [(t,) for t in gone])
            self._write_timings(conn, facts)
            self._move_league(conn, touched, +1)
            conn.execute("DELETE FROM league WHERE n <= 0")

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
        facts = list(facts)
        with self._tx() as conn:
            conn.execute("DELETE FROM facts")
            conn.execute("DELETE FROM service")
            conn.execute("DELETE FROM counts")
            self._write_timings(conn, facts)
            conn.executemany(
                "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)",
                [(f.tracking, f.status, f.agency, f.kind, int(f.published), int(f.confidential)) for f in facts],
            )
            conn.execute(FILL_COUNTS)
            self._fill_league(conn)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('counts', '1')")

    def counts(self) -> Iterator[tuple[str, str | None, str, bool, bool, int]]:
        """(status, agency, kind, published, confidential, how many), one row per combination."""
        rows = self._conn.execute(
            "SELECT status, agency, kind, published, confidential, n FROM counts WHERE n > 0"
        ).fetchall()
        for status, agency, kind, published, confidential, n in rows:
            yield status, agency or None, kind, bool(published), bool(confidential), n

    @staticmethod
    def _write_timings(conn: sqlite3.Connection, facts: Iterable[Facts]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO service VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f.tracking,
                    t.deadline,
                    t.deadline_step,
                    t.verification_workdays,
                    t.response_workdays,
                    t.resolution_workdays,
                    int(t.ever_resolved),
                    t.reopened,
                    t.rating,
                )
                for f in facts
                if (t := f.timing) is not None
            ],
        )

    def due_between(self, since: str | None, today: str) -> list[str]:
        """Reports whose deadline passed since the day `since` (a publish's day, ISO): deadline
        on or after `since` and before `today`, so overdue today but not then. With no `since`,
        every report whose deadline has passed. One indexed range read."""
        rows = self._conn.execute(
            "SELECT tracking FROM service WHERE deadline >= ? AND deadline < ? ORDER BY tracking",
            (since or "", today),
        )
        return [tracking for (tracking,) in rows]

    def day(self) -> str | None:
        """The day (ISO) of the last publish that wrote the records' overdue flags."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'day'").fetchone()
        return str(row[0]) if row else None

    def set_day(self, day: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta VALUES ('day', ?)", (day,))

    def served(self) -> Iterator[Served]:
        """The timings of every published report, with its agency and status (one row per
        report: for checks and refills; the league table reads `league_cells`)."""
        yield from map(_served, self._conn.execute(SERVED))

    def league_cells(self) -> dict[tuple[str | None, str, str], int]:
        """(agency, measure, value) → published reports: league.cells counted over every
        published report, as kept (a row per cell, not per report)."""
        rows = self._conn.execute("SELECT agency, measure, value, n FROM league WHERE n > 0")
        return {(agency or None, measure, value): n for agency, measure, value, n in rows}

    @staticmethod
    def _fill_league(conn: sqlite3.Connection) -> None:
        from .league import count_cells  # noqa: PLC0415 - league.py imports this module

        conn.execute("DELETE FROM league")
        counted = count_cells(map(_served, conn.execute(SERVED).fetchall()))
        conn.executemany(MOVE_CELL, [(a or "", m, v, n) for (a, m, v), n in counted.items()])

    @staticmethod
    def _move_league(conn: sqlite3.Connection, trackings: list[str], sign: int) -> None:
        """Add (`sign` 1) or take off (-1) the league cells of these reports as they stand."""
        from .league import cells  # noqa: PLC0415 - league.py imports this module

        moves: dict[tuple[str, str, str], int] = {}
        for start in range(0, len(trackings), 500):
            chunk = trackings[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(f"{SERVED} AND f.tracking IN ({marks})", chunk).fetchall():  # noqa: S608
                served = _served(row)
                for measure, value in cells(served):
                    key = (served.agency or "", measure, value)
                    moves[key] = moves.get(key, 0) + sign
        conn.executemany(MOVE_CELL, [(*key, n) for key, n in moves.items() if n])

    def close(self) -> None:
        self._conn.close()


def _served(row: tuple[Any, ...]) -> Served:
    agency, status, deadline, step, verification, response, resolution, ever_resolved, reopened, rating = row
    return Served(
        agency,
        status,
        Timing(deadline, step, verification, response, resolution, bool(ever_resolved), reopened, rating),
    )
