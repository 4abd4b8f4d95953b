"""An import staged outside the store's write lock, then saved in one short transaction.

SQLite lets one connection write at a time. An import that inserted each chunk into the store
as it read the file held that lock for the whole run (seconds at 10k, half a minute at 100k),
and a citizen's submission waited behind it. Here the rows of every chunk go first into
temporary tables of the importing connection (SQLite's TEMP database: private to the
connection, never synced, no lock on the store), while the file is still being read and
checked; other connections read and write the store meanwhile. Only once the whole file has
been read does one transaction copy the staged rows in (`INSERT ... SELECT`, no Python per row
for new reports) and commit: all or nothing as before, and a bad line anywhere stops the
import before the store is touched at all.

A changed report (a known ref imported again) is staged with the version it was read at; the
transaction checks that version again, so an officer's change made meanwhile is not
overwritten: the import is refused (`Conflict`) and may be run again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from .errors import Conflict
from .tracking import new_tracking

# Columns of a report row, in the order `SQLiteStore._row` gives them (the `id` last).
REPORT_COLUMNS = (
    "tracking, ref, version, status, agency, submitted_at, updated_at, record, due, category, kelurahan,"
    " confidential, id"
)

_TABLES = (
    f"CREATE TEMP TABLE stage_reports ({REPORT_COLUMNS})",
    "CREATE TEMP TABLE stage_updates (report_id, seq, at, body)",
    # A changed report: its row (`values`, as JSON), the version it was read at, and every one
    # of its updates (only those the store lacks are inserted).
    "CREATE TEMP TABLE stage_changed (id, tracking, read_version, row_values, updates)",
    # New reports' publish events (a changed report's is written with it).
    "CREATE TEMP TABLE stage_events (tracking)",
)
_NAMES = ("stage_reports", "stage_updates", "stage_changed", "stage_events")

# Writes one changed report inside the transaction: (connection, id, tracking, version it was
# read at, row values, its updates as (at, body)). SQLiteStore._write_one.
WriteOne = Callable[[sqlite3.Connection, str, str, int, Sequence[Any], Sequence[tuple[str, str]]], None]


class Staging:
    """The staged rows of one import, on one connection (the importing thread's)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # Staged pages are scratch: no rollback journal for them (a failed import drops them).
        conn.execute("PRAGMA temp.journal_mode=OFF")
        self.drop()  # left by an import on this connection that could not drop them
        for sql in _TABLES:
            conn.execute(sql)
        self.reports = 0  # reports staged (new and changed)

    def add_new(
        self,
        reports: Sequence[tuple[Any, ...]],
        updates: Sequence[tuple[str, int, str, str]],
        events: Sequence[tuple[str]],
    ) -> None:
        """New reports' rows, as `SQLiteStore._new_rows` makes them."""
        self.conn.executemany(f"INSERT INTO temp.stage_reports VALUES ({', '.join('?' * 13)})", reports)
        self.conn.executemany("INSERT INTO temp.stage_updates VALUES (?, ?, ?, ?)", updates)
        self.conn.executemany("INSERT INTO temp.stage_events VALUES (?)", events)
        self.reports += len(reports)

    def add_changed(self, rows: Sequence[tuple[str, str, int, str, str]]) -> None:
        """Changed reports: (id, tracking, version read, row values as JSON, updates as JSON)."""
        self.conn.executemany("INSERT INTO temp.stage_changed VALUES (?, ?, ?, ?, ?)", rows)
        self.reports += len(rows)

    def save(self, write_one: WriteOne, decode: Callable[[str], Any]) -> None:
        """Copy every staged row into the store; runs inside the store's write transaction."""
        conn = self.conn
        self._redraw_taken_trackings()
        try:
            conn.execute(f"INSERT INTO main.reports ({REPORT_COLUMNS}) SELECT * FROM temp.stage_reports ORDER BY rowid")
        except sqlite3.IntegrityError:
            raise self._clash() from None
        conn.execute(
            "INSERT INTO main.updates (report_id, seq, at, body) SELECT * FROM temp.stage_updates ORDER BY rowid"
        )
        changed = conn.execute("SELECT * FROM temp.stage_changed ORDER BY rowid")
        for report_id, tracking, read_version, values, updates in changed:
            write_one(conn, report_id, tracking, read_version, decode(values), decode(updates))
        conn.execute("INSERT INTO main.events (tracking) SELECT tracking FROM temp.stage_events ORDER BY rowid")

    def _redraw_taken_trackings(self) -> None:
        """A new report whose tracking number is taken, by a report of the store or by one
        earlier in this import, gets another. Numbers are 35 random bits: among 100k reports
        of one file two draws coincide about one time in seven, which refused the whole file.
        A staged report and its event have the same rowid (`add_new` stages them in step)."""
        conn = self.conn
        taken = conn.execute(
            "SELECT rowid, tracking FROM temp.stage_reports WHERE tracking IN (SELECT tracking FROM main.reports)"
            " OR rowid NOT IN (SELECT MIN(rowid) FROM temp.stage_reports GROUP BY tracking) ORDER BY rowid"
        ).fetchall()
        for rowid, tracking in taken:
            while True:
                fresh = new_tracking(tracking.split("-", 1)[0])
                if not conn.execute(
                    "SELECT 1 FROM main.reports WHERE tracking = ? UNION ALL"
                    " SELECT 1 FROM temp.stage_reports WHERE tracking = ?",
                    (fresh, fresh),
                ).fetchone():
                    break
            conn.execute(
                "UPDATE temp.stage_reports SET tracking = ?, record = json_set(record, '$.tracking', ?) WHERE rowid = ?",
                (fresh, fresh, rowid),
            )
            conn.execute("UPDATE temp.stage_events SET tracking = ? WHERE rowid = ?", (fresh, rowid))

    def _clash(self) -> Conflict:
        """The error for a new report whose tracking number or ref is taken (by a report of the
        store or another of this import), naming the first such report."""
        clash = (
            self.conn.execute(
                "SELECT s.tracking FROM temp.stage_reports s WHERE s.tracking IN (SELECT tracking FROM main.reports)"
                " OR s.ref IN (SELECT ref FROM main.reports WHERE ref IS NOT NULL) ORDER BY s.rowid LIMIT 1"
            ).fetchone()
            or self.conn.execute(
                "SELECT tracking FROM temp.stage_reports GROUP BY tracking HAVING COUNT(*) > 1 LIMIT 1"
            ).fetchone()
        )
        tracking = clash[0] if clash else "?"
        return Conflict(
            f"Nomor pelacakan atau ref laporan {tracking} sudah dipakai laporan lain.",
            en=f"report {tracking}: its tracking number or ref is already taken by another report",
        )

    def drop(self) -> None:
        """The staged tables go (dropping is quicker than deleting their rows)."""
        for name in _NAMES:
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
