"""The embedded store: one SQLite file (WAL, full sync) under the data directory.

A report is one row (indexed columns plus the whole record as JSON) and its updates are rows of
their own; the schema is migrated forward with ``PRAGMA user_version`` when the store opens.
Connections are per thread because `chalice local` serves each connection on its own thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from .deadline import OfficersDeadline
from .errors import Conflict
from .groupcommit import GroupCommit
from .officers import Officer
from .passwords import Login
from .report import Report, Update
from .sessions import ABSOLUTE, Session
from .staging import REPORT_COLUMNS, Staging
from .store import DuePosition, Event, Page, Position, overdue_page, page_of
from .walcheckpoint import FALLBACK_PAGES, Checkpointer
from .writelock import WriteLock

MIGRATIONS: list[str] = [
    # 1: reports, their updates, officers and the publish outbox.
    """
    CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        tracking TEXT NOT NULL UNIQUE,
        ref TEXT UNIQUE,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        agency TEXT,
        submitted_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX reports_status ON reports (status, updated_at);
    CREATE INDEX reports_agency ON reports (agency, updated_at);
    CREATE INDEX reports_updated ON reports (updated_at);
    CREATE TABLE updates (
        report_id TEXT NOT NULL REFERENCES reports (id),
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (report_id, seq)
    );
    CREATE TABLE officers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        agency TEXT,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tracking TEXT NOT NULL
    );
    """,
    # 2: rate-limit buckets (see Store.take_token); a row may go once it would be full again.
    """
    CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        updated REAL NOT NULL,
        full_at REAL NOT NULL
    );
    CREATE INDEX rate_buckets_full ON rate_buckets (full_at);
    """,
    # 3: officers' logins (argon2 hashes) and console sessions (SHA-256 of the id).
    """
    CREATE TABLE logins (
        login TEXT PRIMARY KEY,
        officer_id TEXT NOT NULL REFERENCES officers (id),
        password_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        officer_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        expires REAL NOT NULL
    );
    CREATE INDEX sessions_expires ON sessions (expires);
    """,
    # 4: each report's officers' deadline (deadline.OfficersDeadline), to list overdue reports
    # first across pages: an ISO date, NULL when no officers' step runs, or UNKNOWN until a
    # rule works it out (it then sorts after every date, so it is never taken for overdue).
    """
    ALTER TABLE reports ADD COLUMN due TEXT DEFAULT '?';
    CREATE INDEX reports_due ON reports (due, tracking);
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 5: a report's place (category, kelurahan) and confidentiality as columns of their own, set
    # on every save, indexed, so that the similar-report search reads a handful of index entries
    # instead of decoding an agency's whole listing (similar.py). Columns rather than an index
    # on json_extract(record, ...): that parsed every record twice per insert (+20% import CPU).
    """
    ALTER TABLE reports ADD COLUMN category TEXT;
    ALTER TABLE reports ADD COLUMN kelurahan TEXT;
    ALTER TABLE reports ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
    UPDATE reports SET category = json_extract(record, '$.category'),
        kelurahan = json_extract(record, '$.location.kelurahan'),
        confidential = coalesce(json_extract(record, '$.confidential'), 0);
    CREATE INDEX reports_place ON reports (category, kelurahan, status, updated_at, tracking);
    """,
]
UNKNOWN = "?"
IMPORT_CACHE_KB = 65536  # the page cache while an import streams in (a bounded 64 MB)


class SQLiteStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._inherited: list[sqlite3.Connection | None] = []  # see after_fork
        self._rule: OfficersDeadline | None = None
        # The request path's writers take turns across processes (the API's workers) through
        # a lock that wakes the next one, not SQLite's polling (writelock.py).
        self._write_lock = WriteLock(f"{self.path}.writelock")
        self._commits = GroupCommit(self._conn, self._write_lock.held)
        self._checkpointer = Checkpointer(self.path)
        self._migrate()

    # -- connections -------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a report is acknowledged only once it is on disk, even across a power cut.
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            # Checkpoints are the background thread's (walcheckpoint.py), not a request's.
            conn.execute(f"PRAGMA wal_autocheckpoint={FALLBACK_PAGES}")
            # A group commit's savepoints keep their sub-journals (the pages each write changes,
            # ~70 KB for a submission) in memory, not in a temporary file created, written and
            # deleted in every commit under the write lock. An import's staged tables, which can
            # be hundreds of MB, still go to a file (save_stream).
            conn.execute("PRAGMA temp_store=MEMORY")
            self._local.conn = conn
        return conn

    def after_fork(self) -> None:
        """In a forked child (importpool.py): open connections of its own from now on. The
        parent's, inherited, are kept but never used or closed here: a connection belongs to
        the process that opened it, and closing a copy would touch the parent's locks."""
        self._inherited.append(getattr(self._local, "conn", None))
        self._local = threading.local()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _migrate(self) -> None:
        # In the write lock, like every write a request makes: the API's second process opens
        # its store while the first commits submissions back to back, and SQLite's own polling
        # for the lock could wait a second or more (writelock.py).
        with self._write_lock.held():
            self._migrate_locked()

    def _migrate_locked(self) -> None:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    # -- reports -----------------------------------------------------------------------------

    def save(self, reports: Sequence[Report]) -> None:
        # New reports (an import's thousands) go in with one executemany per table, their rows
        # prepared before the transaction opens; changed ones are checked against their version
        # one by one. All or nothing either way. Concurrent saves (the threads of `chalice
        # local`) share a transaction and its fsync (groupcommit.py); this returns only once the
        # transaction holding these is committed.
        fresh = [r for r in reports if r.version == 0]
        rows = self._new_rows(fresh) if len(fresh) > 1 else None
        self._commits.run(lambda conn: self._save_all(conn, reports, rows))
        self._checkpointer.saved(len(reports))
        # Only once it is on disk does the caller's copy move to the new version.
        for report in reports:
            report.version += 1

    def prepare(self, reports: Sequence[Report]) -> Prepared:
        """A batch for `save_stream` with its new reports' rows made already: an import's
        worker process makes them (importpool.py), and rows cross back cheaper than reports."""
        return Prepared(self._new_rows([r for r in reports if r.version == 0]), [r for r in reports if r.version != 0])

    def save_stream(self, batches: Iterable[Sequence[Report] | Prepared]) -> None:
        # Every batch is staged in temporary tables as it comes (staging.py), without the write
        # lock, so only one batch is held in memory and other connections go on writing; an
        # error while reading the batches (an import's bad line) leaves the store untouched.
        # Then one short transaction copies the staged rows in. It is this connection's own
        # transaction, not a group commit: the staged tables are this connection's alone.
        conn = self._conn()
        conn.execute("PRAGMA temp_store=FILE")  # the staged rows: hundreds of MB at 100k reports
        staging = Staging(conn)
        try:
            for batch in batches:
                prepared = batch if isinstance(batch, Prepared) else self.prepare(batch)
                if prepared.new.reports:
                    staging.add_new(prepared.new.reports, prepared.new.updates, prepared.new.events)
                if changed := [self._changed_row(r) for r in prepared.changed]:
                    staging.add_changed(changed)
            if not staging.reports:
                return  # nothing new or changed (a channel synced again): no write at all
            # A bigger page cache while the rows go in: index pages written again and again
            # stay in memory instead of spilling to the log (a third less SQLite time at 10k).
            conn.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KB}")
            try:
                self._transaction(conn, lambda: staging.save(self._write_one, json.loads))
            finally:
                conn.execute("PRAGMA cache_size=-2000")  # SQLite's default
        finally:
            staging.drop()
            conn.execute("PRAGMA temp_store=MEMORY")  # as `_conn` left it
        self._checkpointer.saved(staging.reports)

    @staticmethod
    def _transaction(conn: sqlite3.Connection, work: Callable[[], object]) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            work()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _changed_row(self, report: Report) -> tuple[str, str, int, str, str]:
        """A changed report as `Staging.add_changed` stages it."""
        values, updates = self._written(report)
        return (report.id, report.tracking, report.version, _JSON.encode(values), _JSON.encode(updates))

    def _written(self, report: Report) -> tuple[tuple[object, ...], list[tuple[str, str]]]:
        """What `_write_one` writes of a report: its row's values and its updates' (at, body)."""
        record, bodies = _encoded(report)
        updates = [(u.at.isoformat(), body) for u, body in zip(report.updates, bodies, strict=True)]
        return self._row(report, report.version + 1, record), updates

    def _save_all(self, conn: sqlite3.Connection, reports: Sequence[Report], rows: _NewRows | None) -> None:
        if rows is not None:
            conn.execute("SAVEPOINT bulk")
            try:
                self._insert_new(conn, rows)
                conn.execute("RELEASE bulk")
            except sqlite3.IntegrityError:
                # Which report clashed: the one-by-one path below names it.
                conn.execute("ROLLBACK TO bulk")
                conn.execute("RELEASE bulk")
                rows = None
        for report in reports:
            if rows is not None and report.version == 0:
                continue
            try:
                self._save_one(conn, report)
            except sqlite3.IntegrityError:
                raise Conflict(
                    f"Nomor pelacakan atau ref laporan {report.tracking} sudah dipakai laporan lain.",
                    en=f"report {report.tracking}: its tracking number or ref is already taken by another report",
                ) from None

    @staticmethod
    def _insert_new(conn: sqlite3.Connection, rows: _NewRows) -> None:
        conn.executemany(
            _INSERT_REPORT,
            rows.reports,
        )
        conn.executemany("INSERT INTO updates (report_id, seq, at, body) VALUES (?, ?, ?, ?)", rows.updates)
        conn.executemany("INSERT INTO events (tracking) VALUES (?)", rows.events)

    def _row(self, report: Report, version: int, record: str) -> tuple[object, ...]:
        """A report's row, in the column order of `_INSERT_REPORT` (and of the UPDATE, whose
        `id` comes last too)."""
        return (
            report.tracking,
            report.ref,
            version,
            report.status.value,
            report.agency,
            report.submitted_at.isoformat(),
            report.updated_at.isoformat(),
            record,
            self._due(report),
            report.category,
            report.location.kelurahan,
            int(report.confidential),
            report.id,
        )

    def _new_rows(self, reports: Sequence[Report]) -> _NewRows:
        """The rows of new reports, as `_save_one` would write them one by one."""
        rows = _NewRows()
        for report in reports:
            record, updates = _encoded(report)
            rows.reports.append(self._row(report, 1, record))
            rows.updates.extend(
                (report.id, seq, update.at.isoformat(), body)
                for seq, (update, body) in enumerate(zip(report.updates, updates, strict=True))
            )
            rows.events.append((report.tracking,))
        return rows

    def _save_one(self, conn: sqlite3.Connection, report: Report) -> None:
        self._write_one(conn, report.id, report.tracking, report.version, *self._written(report))

    @staticmethod
    def _write_one(
        conn: sqlite3.Connection,
        report_id: str,
        tracking: str,
        version: int,
        values: Sequence[Any],
        updates: Sequence[tuple[str, str]],
    ) -> None:
        """Write one report read at `version`: its row `values` (`_row`'s) and those of its
        `updates` (at, body) the store lacks; Conflict if it changed since it was read."""
        stored = conn.execute("SELECT version FROM reports WHERE id = ?", (report_id,)).fetchone()
        stored_version = stored[0] if stored else 0
        if stored_version != version:
            raise Conflict(
                f"Laporan {tracking} baru saja diubah; muat ulang laporan itu lalu coba lagi.",
                en=f"report {tracking} was changed meanwhile; reload it and try again",
            )
        # A report not stored yet has no updates stored either (a submission: one query fewer).
        stored_updates = (
            conn.execute("SELECT COUNT(*) FROM updates WHERE report_id = ?", (report_id,)).fetchone()[0]
            if stored is not None
            else 0
        )
        if stored is None:
            conn.execute(_INSERT_REPORT, values)
        else:
            conn.execute(
                "UPDATE reports SET tracking=?, ref=?, version=?, status=?, agency=?, submitted_at=?,"
                " updated_at=?, record=?, due=?, category=?, kelurahan=?, confidential=? WHERE id=?",
                values,
            )
        conn.executemany(
            "INSERT INTO updates (report_id, seq, at, body) VALUES (?, ?, ?, ?)",
            [(report_id, seq, at, body) for seq, (at, body) in enumerate(updates) if seq >= stored_updates],
        )
        conn.execute("INSERT INTO events (tracking) VALUES (?)", (tracking,))

    def _load(self, row: sqlite3.Row | None) -> Report | None:
        if row is None:
            return None
        report = Report.from_dict(json.loads(row["record"]))
        report.version = row["version"]
        return report

    def get(self, tracking: str) -> Report | None:
        return self._load(self._conn().execute("SELECT * FROM reports WHERE tracking = ?", (tracking,)).fetchone())

    def get_by_ref(self, ref: str) -> Report | None:
        return self._load(self._conn().execute("SELECT * FROM reports WHERE ref = ?", (ref,)).fetchone())

    def get_by_refs(self, refs: Sequence[str]) -> dict[str, Report]:
        # One query for a whole chunk of an import (json_each: no limit on bound parameters).
        rows = self._conn().execute(
            "SELECT * FROM reports WHERE ref IN (SELECT value FROM json_each(?))", (_JSON.encode(list(refs)),)
        )
        return {report.ref: report for report in map(self._load, rows) if report is not None and report.ref}

    def find(
        self,
        *,
        status: str | None = None,
        agency: str | None = None,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page:
        where, params = _of(status, agency)
        if cursor:
            after = Position.decode(cursor)
            where.append("(updated_at < ? OR (updated_at = ? AND tracking < ?))")
            params += [after.updated_at, after.updated_at, after.tracking]
        sql = "SELECT * FROM reports"
        if where:
            sql += " WHERE " + " AND ".join(where)
        # One row beyond the page tells whether there is a next one.
        sql += " ORDER BY updated_at DESC, tracking DESC LIMIT ? OFFSET ?"
        rows = self._conn().execute(sql, (*params, limit + 1, offset)).fetchall()
        return page_of([r for r in map(self._load, rows) if r is not None], limit)

    # -- officers' deadlines (overdue first) -------------------------------------------------

    def _due(self, report: Report) -> str | None:
        if self._rule is None:
            return UNKNOWN
        day = self._rule(report)
        return day.isoformat() if day else None

    def keep_deadlines(self, rule: OfficersDeadline) -> None:
        # Asked on every request (each makes its service): equal levels are the same rule,
        # told without working out both keys (two json.dumps).
        if self._rule is not None and (self._rule == rule or self._rule.key == rule.key):
            return
        self._rule = rule
        conn = self._conn()
        kept = conn.execute("SELECT value FROM store_meta WHERE key = 'deadline_rule'").fetchone()
        if kept is None or kept["value"] != rule.key:
            with self._write_lock.held():
                # Deadlines kept by other service levels: work out again every one that is dated
                # (whether a step runs does not depend on the levels, so NULL stays NULL).
                self._work_out_deadlines("due IS NOT NULL")
                conn.execute(
                    "INSERT INTO store_meta (key, value) VALUES ('deadline_rule', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (rule.key,),
                )

    def _work_out_deadlines(self, where: str) -> None:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(f"SELECT id, record FROM reports WHERE {where}").fetchall()
            conn.executemany(
                "UPDATE reports SET due = ? WHERE id = ?",
                [(self._due(Report.from_dict(json.loads(r["record"]))), r["id"]) for r in rows],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def find_overdue(
        self,
        *,
        today: date,
        status: str | None = None,
        agency: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page:
        if self._rule is None:
            return Page()
        # Reports saved by a store that had no rule (an import by an older Aduan, say) are dated now;
        # the index makes this one probe when there are none.
        if self._conn().execute("SELECT 1 FROM reports WHERE due = ? LIMIT 1", (UNKNOWN,)).fetchone():
            self._work_out_deadlines(f"due = '{UNKNOWN}'")
        where, params = _of(status, agency)
        where.append("due < ?")
        params.append(today.isoformat())
        if cursor:
            after = DuePosition.decode(cursor)
            where.append("(due > ? OR (due = ? AND tracking > ?))")
            params += [after.due, after.due, after.tracking]
        sql = f"SELECT * FROM reports WHERE {' AND '.join(where)} ORDER BY due, tracking LIMIT ?"
        rows = self._conn().execute(sql, (*params, limit + 1)).fetchall()
        dated = [(date.fromisoformat(r["due"]), self._load(r)) for r in rows]
        return overdue_page([(d, r) for d, r in dated if r is not None], limit)

    def trackings_at_place(self, category: str, kelurahan: str, status: str, limit: int) -> list[str]:
        """The tracking numbers of the `limit` most recently updated reports of one category in
        one kelurahan, in one status, not confidential (similar.PlaceIndex): an index range,
        whatever the size of the store."""
        rows = (
            self._conn()
            .execute(
                "SELECT tracking FROM reports WHERE category = ? AND kelurahan = ? AND status = ? AND NOT confidential"
                " ORDER BY updated_at DESC, tracking DESC LIMIT ?",
                (category, kelurahan, status, limit),
            )
            .fetchall()
        )
        return [r["tracking"] for r in rows]

    def all(self) -> Iterator[Report]:
        for row in self._conn().execute("SELECT * FROM reports ORDER BY submitted_at, tracking").fetchall():
            report = self._load(row)
            if report is not None:
                yield report

    def count(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM reports").fetchone()[0])

    def history(self, tracking: str) -> list[Update]:
        """The updates as stored row by row (the audit trail), oldest first."""
        rows = (
            self._conn()
            .execute(
                "SELECT u.body FROM updates u JOIN reports r ON r.id = u.report_id WHERE r.tracking = ? ORDER BY u.seq",
                (tracking,),
            )
            .fetchall()
        )
        return [Update.from_dict(json.loads(r["body"])) for r in rows]

    # -- officers ----------------------------------------------------------------------------

    def _write(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """One autocommitted statement among the rarer writes (officers, logins, sessions, event
        acknowledgements), in turn with the request path's writes through the write lock: a
        waiting process then sleeps in the kernel instead of in SQLite's busy polling."""
        with self._write_lock.held():
            return self._conn().execute(sql, params)

    def add_officer(self, officer: Officer) -> None:
        try:
            self._write(
                "INSERT INTO officers (id, name, role, agency, token_hash, created_at, active)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    officer.id,
                    officer.name,
                    officer.role,
                    officer.agency,
                    officer.token_hash,
                    officer.created_at.isoformat(),
                    int(officer.active),
                ),
            )
        except sqlite3.IntegrityError:
            raise Conflict(
                f"Petugas {officer.id} atau tokennya sudah ada.",
                en=f"officer {officer.id} or their token already exists",
            ) from None

    def _officer(self, row: sqlite3.Row) -> Officer:
        return Officer(
            id=row["id"],
            name=row["name"],
            role=row["role"],
            agency=row["agency"],
            token_hash=row["token_hash"],
            created_at=datetime.fromisoformat(row["created_at"]),
            active=bool(row["active"]),
        )

    def officer_by_token_hash(self, token_hash: str) -> Officer | None:
        row = self._conn().execute("SELECT * FROM officers WHERE token_hash = ?", (token_hash,)).fetchone()
        return self._officer(row) if row else None

    def revoke_officer(self, officer_id: str) -> bool:
        cursor = self._write("UPDATE officers SET active = 0 WHERE id = ? AND active = 1", (officer_id,))
        return cursor.rowcount == 1

    def officers(self) -> list[Officer]:
        return [self._officer(r) for r in self._conn().execute("SELECT * FROM officers ORDER BY created_at")]

    # -- publish events ----------------------------------------------------------------------

    def pending_events(self, limit: int = 1000) -> list[Event]:
        rows = self._conn().execute("SELECT seq, tracking FROM events ORDER BY seq LIMIT ?", (limit,)).fetchall()
        return [Event(r["seq"], r["tracking"]) for r in rows]

    def ack_events(self, upto_seq: int) -> None:
        # An acknowledgement lost to a power cut publishes those reports once more, which
        # changes nothing (a publish is idempotent): like take_token's, this commit skips the
        # fsync FULL makes, the last one `aduan build` waited for (WAL mode NORMAL stays
        # consistent; the next FULL commit syncs these frames too).
        conn = self._conn()
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            self._write("DELETE FROM events WHERE seq <= ?", (upto_seq,))
        finally:
            conn.execute("PRAGMA synchronous=FULL")

    # -- rate limits -------------------------------------------------------------------------

    def take_token(self, key: str, capacity: float, per_second: float, now: float) -> float:
        conn = self._conn()
        # A bucket need not survive a power cut: lost, it is full again, which the contract
        # allows (a store may forget a bucket). So this commit skips the fsync that FULL makes
        # (in WAL mode NORMAL still keeps the file consistent; the next FULL commit syncs these
        # frames too), one fsync less per rate-limited request.
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            with self._write_lock.held():
                return self._take_token(conn, key, capacity, per_second, now)
        finally:
            conn.execute("PRAGMA synchronous=FULL")

    def _take_token(self, conn: sqlite3.Connection, key: str, capacity: float, per_second: float, now: float) -> float:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Forget buckets that have refilled; the index keeps this cheap.
            conn.execute("DELETE FROM rate_buckets WHERE full_at <= ?", (now,))
            row = conn.execute("SELECT tokens, updated FROM rate_buckets WHERE key = ?", (key,)).fetchone()
            tokens = (
                capacity if row is None else min(capacity, row["tokens"] + max(0.0, now - row["updated"]) * per_second)
            )
            wait = 0.0 if tokens >= 1 else (1 - tokens) / per_second
            if wait == 0.0:
                tokens -= 1
            conn.execute(
                "INSERT INTO rate_buckets (key, tokens, updated, full_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, updated = excluded.updated,"
                " full_at = excluded.full_at",
                (key, tokens, now, now + (capacity - tokens) / per_second),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return wait

    # -- officers' sign-in -------------------------------------------------------------------

    def officer(self, officer_id: str) -> Officer | None:
        row = self._conn().execute("SELECT * FROM officers WHERE id = ?", (officer_id,)).fetchone()
        return self._officer(row) if row else None

    def add_login(self, login: Login) -> None:
        try:
            self._write(
                "INSERT INTO logins (login, officer_id, password_hash, updated_at) VALUES (?, ?, ?, ?)",
                (login.login, login.officer_id, login.password_hash, login.updated_at.isoformat()),
            )
        except sqlite3.IntegrityError:
            raise Conflict(
                f"Nama login {login.login!r} sudah dipakai petugas lain.", en=f"login {login.login!r} is already taken"
            ) from None

    def login(self, login: str) -> Login | None:
        row = self._conn().execute("SELECT * FROM logins WHERE login = ?", (login,)).fetchone()
        if row is None:
            return None
        return Login(row["login"], row["officer_id"], row["password_hash"], datetime.fromisoformat(row["updated_at"]))

    def set_password(self, login: str, password_hash: str, at: datetime) -> bool:
        cursor = self._write(
            "UPDATE logins SET password_hash = ?, updated_at = ? WHERE login = ?",
            (password_hash, at.isoformat(), login),
        )
        return cursor.rowcount == 1

    def add_session(self, session: Session) -> None:
        with self._write_lock.held():  # two statements, one turn (see _write)
            conn = self._conn()
            # Sessions past their absolute expiry are dead whatever happens; the index keeps this cheap.
            conn.execute("DELETE FROM sessions WHERE expires <= ?", (session.created_at.timestamp(),))
            conn.execute(
                "INSERT INTO sessions (id_hash, officer_id, created_at, last_seen, expires) VALUES (?, ?, ?, ?, ?)",
                (
                    session.id_hash,
                    session.officer_id,
                    session.created_at.isoformat(),
                    session.last_seen.isoformat(),
                    (session.created_at + ABSOLUTE).timestamp(),
                ),
            )

    def session(self, id_hash: str) -> Session | None:
        row = self._conn().execute("SELECT * FROM sessions WHERE id_hash = ?", (id_hash,)).fetchone()
        if row is None:
            return None
        return Session(
            row["id_hash"],
            row["officer_id"],
            datetime.fromisoformat(row["created_at"]),
            datetime.fromisoformat(row["last_seen"]),
        )

    def touch_session(self, id_hash: str, last_seen: datetime) -> None:
        # an officer's every request: in turn with the other writes
        self._write("UPDATE sessions SET last_seen = ? WHERE id_hash = ?", (last_seen.isoformat(), id_hash))

    def end_session(self, id_hash: str) -> bool:
        return self._write("DELETE FROM sessions WHERE id_hash = ?", (id_hash,)).rowcount == 1

    def end_sessions(self, officer_id: str, keep: str | None = None) -> int:
        return self._write(
            "DELETE FROM sessions WHERE officer_id = ? AND id_hash IS NOT ?", (officer_id, keep)
        ).rowcount


def _of(status: str | None, agency: str | None) -> tuple[list[str], list[str]]:
    """The WHERE terms and parameters of a listing of one status and/or agency."""
    where, params = [], []
    if status:
        where.append("status = ?")
        params.append(status)
    if agency:
        where.append("agency = ?")
        params.append(agency)
    return where, params


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder, not one per json.dumps call

# A new report's row; `SQLiteStore._row` gives its values in this order.
_INSERT_REPORT = f"INSERT INTO reports ({REPORT_COLUMNS}) VALUES ({', '.join('?' * 13)})"


def _encoded(report: Report) -> tuple[str, list[str]]:
    """A report's record and its updates' bodies as JSON that reads back as `to_dict()`, at a
    fifth of the cost of json.dumps(to_dict()) (an import writes thousands): orjson encodes the
    dataclasses, enums and datetimes itself. Its datetimes are isoformat's except for an offset
    with seconds (+07:00:30, which it rounds), so such a report takes the slow road. Keys and
    spacing are not json.dumps's: a record is read as a dict."""
    moments = [report.submitted_at, report.closed_at, *(u.at for u in report.updates)]
    moments += [m for a in report.attachments for m in (a.uploaded_at, a.approved_at)]
    if all(not _seconds_offset(m) for m in moments):
        return orjson.dumps(report).decode("utf-8"), [orjson.dumps(u).decode("utf-8") for u in report.updates]
    data = report.to_dict()
    return json.dumps(data, ensure_ascii=False), [json.dumps(u, ensure_ascii=False) for u in data["updates"]]


_MINUTE = timedelta(minutes=1)


def _seconds_offset(moment: datetime | None) -> bool:
    offset = moment.utcoffset() if moment is not None else None
    return offset is not None and bool(offset % _MINUTE)


@dataclass
class Prepared:
    """A batch of `save_stream`: new reports as their rows, changed reports as they are."""

    new: _NewRows
    changed: list[Report]


@dataclass
class _NewRows:
    """The rows of new reports (version 0), as `_save_one` would write them one by one."""

    reports: list[tuple[Any, ...]] = field(default_factory=list)
    updates: list[tuple[str, int, str, str]] = field(default_factory=list)
    events: list[tuple[str]] = field(default_factory=list)
