"""The gate's index: identifiers per report, and what the public dataset says, in one SQLite file.

It is updated per report, never rebuilt: a report that changed gets its identifiers found
again (the detector over its private text costs about a millisecond per text); a record that
is published gets its text indexed, so that a *new* strong identifier (a verified reporter's
name, a phone number) can be looked up in everything already public in one query instead of a
scan of the whole site. Reports held back by the gate are kept here too, with their problems.

The file lives under ``ADUAN_DATA`` beside the private store: it holds identifiers, so it is
as private as the store.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .files import Scanner, ScanPlan
from .identifiers import DIGIT_RUN, MIN_DIGITS, Identifier, national_digits
from .snapshot import IdentifierSnapshot

MAX_PHRASE_WORDS = 8
BUSY_TIMEOUT_MS = 30_000  # how long a write waits for another process's transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS indexed (tracking TEXT PRIMARY KEY, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS identifiers (
    key TEXT NOT NULL, tracking TEXT NOT NULL, kind TEXT NOT NULL, strong INTEGER NOT NULL,
    masked TEXT NOT NULL, PRIMARY KEY (key, tracking)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS identifiers_tracking ON identifiers (tracking);
-- The published text, full-text indexed; `public` gives each record the rowid of its text, so
-- replacing or withdrawing one record touches one row (FTS5 cannot index a lookup column).
CREATE TABLE IF NOT EXISTS public (id INTEGER PRIMARY KEY, tracking TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE IF NOT EXISTS published_text USING fts5(text);
CREATE TABLE IF NOT EXISTS published_numbers (tracking TEXT NOT NULL, digits TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS published_numbers_tracking ON published_numbers (tracking);
CREATE TABLE IF NOT EXISTS held (tracking TEXT PRIMARY KEY, since TEXT NOT NULL, problems TEXT NOT NULL);
-- 'scan_plan': the plan of the scan over every strong key (files.ScanPlan), updated as strong
-- keys are added (deleted when one is taken away), so a build makes only the automata.
CREATE TABLE IF NOT EXISTS kept (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def number_runs(text: str) -> list[str]:
    """The digit runs of a text long enough to be an identifier, separators dropped."""
    runs = (re.sub(r"\D", "", run) for run in DIGIT_RUN.findall(text))
    return [run for run in runs if len(run) >= MIN_DIGITS]


def number_keys(run: str) -> set[str]:
    """Every key a digit run could contain (an identifier may sit anywhere inside it)."""
    keys = set()
    for length in range(MIN_DIGITS, min(len(run), 20) + 1):
        for start in range(len(run) - length + 1):
            keys.add("#" + run[start : start + length])
    keys.add("#" + national_digits(run))
    return keys


def phrase_keys(words: list[str]) -> set[str]:
    return {
        " ".join(words[i : i + n])
        for i in range(len(words))
        for n in range(1, MAX_PHRASE_WORDS + 1)
        if i + n <= len(words)
    }


def _row(row: tuple[Any, ...]) -> Identifier:
    key, tracking, kind, strong, masked = row
    return Identifier(tracking=tracking, kind=kind, key=key, strong=bool(strong), masked=masked)


class GateIndex:
    """One connection per instance: the publisher asks thousands of small questions in a build,
    and the API makes a new instance per request."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn: sqlite3.Connection | None = None
        # The scan over every strong key, kept while one batch lasts (see `batch_scanner`).
        self._wide: Scanner | None = None
        self._connection().executescript(SCHEMA)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            # Everything here can be made again from the store by a full publish (`aduan build
            # --full`): losing the last transactions to a power cut costs a rebuild, not data.
            self._conn.execute("PRAGMA synchronous=NORMAL")
        return self._conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """A transaction, or a part of the one under way (see `batch`)."""
        conn = self._connection()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes in one transaction (a full publish: one commit, not one per record)."""
        try:
            with self._tx():
                yield
        finally:
            self._wide = None

    def batch_scanner(self) -> Scanner | None:
        """Inside a batch, the scan over every strong key, made once: while the batch's
        transaction lasts this connection reads the identifiers as they were when it began,
        plus its own `replace`s, which drop the scan. None outside a batch (another process
        may add identifiers between two questions)."""
        if self._conn is None or not self._conn.in_transaction:
            return None
        if self._wide is None:
            self._wide = self.scanner()
        return self._wide

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- identifiers -------------------------------------------------------------------------

    def versions(self, trackings: Iterable[str]) -> dict[str, int]:
        wanted = list(trackings)
        found: dict[str, int] = {}
        with self._tx() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(conn.execute(f"SELECT tracking, version FROM indexed WHERE tracking IN ({marks})", chunk))
        return found

    def replace(self, entries: Iterable[tuple[str, int, list[Identifier]]]) -> list[Identifier]:
        """Store each report's identifiers (tracking, version, identifiers); returns the strong
        identifiers that are new, which must be looked for in what is already public."""
        new: list[Identifier] = []
        # The kept scan plan takes the strong keys added; one taken away drops it (it may still
        # be another report's: the plan is made again from the index).
        added: set[str] = set()
        removed = False
        self._wide = None
        with self._tx() as conn:
            for tracking, version, identifiers in entries:
                old = {
                    row[0]
                    for row in conn.execute("SELECT key FROM identifiers WHERE tracking = ? AND strong", (tracking,))
                }
                conn.execute("DELETE FROM identifiers WHERE tracking = ?", (tracking,))
                conn.executemany(
                    "INSERT INTO identifiers VALUES (?, ?, ?, ?, ?)",
                    [(i.key, i.tracking, i.kind, int(i.strong), i.masked) for i in identifiers],
                )
                conn.execute("INSERT OR REPLACE INTO indexed VALUES (?, ?)", (tracking, version))
                new += [i for i in identifiers if i.strong and i.key not in old]
                strong = {i.key for i in identifiers if i.strong}
                added |= strong - old
                removed = removed or bool(old - strong)
            if removed:
                conn.execute("DELETE FROM kept WHERE name = 'scan_plan'")
            elif added:
                self._extend_plan(conn, added)
        return new

    @staticmethod
    def _extend_plan(conn: sqlite3.Connection, keys: set[str]) -> None:
        """Add strong keys to the kept scan plan, if there is one (in the caller's transaction)."""
        row = conn.execute("SELECT value FROM kept WHERE name = 'scan_plan'").fetchone()
        if row is None:
            return
        plan = ScanPlan.loads(row[0])
        if plan is None:
            conn.execute("DELETE FROM kept WHERE name = 'scan_plan'")
            return
        known = {*plan.numbers, *plan.phrases}
        if fresh := sorted(keys - known):
            conn.execute("UPDATE kept SET value = ? WHERE name = 'scan_plan'", (plan.adding(fresh).dumps(),))

    def own(self, tracking: str) -> list[Identifier]:
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT key, tracking, kind, strong, masked FROM identifiers WHERE tracking = ?", (tracking,)
            )
            return [_row(r) for r in rows]

    def strong_matching(self, keys: Iterable[str]) -> list[Identifier]:
        """The strong identifiers (of any report) whose key is one of `keys`."""
        wanted = list(keys)
        found: list[Identifier] = []
        with self._tx() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, tracking, kind, strong, masked FROM identifiers WHERE strong AND key IN ({marks})",
                    chunk,
                )
                found += [_row(r) for r in rows]
        return found

    def strong_keys(self) -> list[str]:
        """The key of every strong identifier: all the scan of files needs until it finds one."""
        with self._tx() as conn:
            return [row[0] for row in conn.execute("SELECT DISTINCT key FROM identifiers WHERE strong")]

    def scanner(self) -> Scanner:
        """The scan of whole files over every strong identifier (rows read only for a hit)."""
        return Scanner.of_plan(self.scan_plan(), lambda key: self.strong_matching([key])[0])

    def scan_plan(self) -> ScanPlan:
        """The plan of the scan over every strong key: the one kept (and extended by `replace`
        as keys are added), else made now and kept, in the transaction that read the keys, so
        a kept plan never misses a key."""
        with self._tx() as conn:
            row = conn.execute("SELECT value FROM kept WHERE name = 'scan_plan'").fetchone()
            plan = ScanPlan.loads(row[0]) if row else None
            if plan is not None:
                return plan
            plan = ScanPlan.of(self.strong_keys())
            # Kept only if that costs no wait: a publish in another process may hold the lock.
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("INSERT OR REPLACE INTO kept VALUES ('scan_plan', ?)", (plan.dumps(),))
            except sqlite3.OperationalError:
                pass  # a read-only index, or another process writes: made again next time
            finally:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            return plan

    def snapshot(self) -> IdentifierSnapshot:
        """Every identifier as this connection sees it now, in memory (see snapshot.py)."""
        with self._tx() as conn:
            rows = conn.execute("SELECT key, tracking, kind, strong, masked FROM identifiers").fetchall()
            plan = self.scan_plan()
        return IdentifierSnapshot((_row(r) for r in rows), plan)

    def strong(self) -> Iterator[Identifier]:
        """Every strong identifier: what the scan of whole files looks for."""
        with self._tx() as conn:
            for row in conn.execute("SELECT key, tracking, kind, strong, masked FROM identifiers WHERE strong"):
                yield _row(row)

    # -- what is public ----------------------------------------------------------------------

    def published(self, tracking: str, text: str, runs: list[str] | None = None) -> None:
        """`runs`: the text's `number_runs`, when a worker found them already."""
        with self._tx() as conn:
            self._forget_public(conn, tracking)
            row = conn.execute("INSERT INTO public (tracking) VALUES (?) RETURNING id", (tracking,)).fetchone()
            conn.execute("INSERT INTO published_text (rowid, text) VALUES (?, ?)", (row[0], text))
            conn.executemany(
                "INSERT INTO published_numbers VALUES (?, ?)",
                [(tracking, run) for run in (number_runs(text) if runs is None else runs)],
            )

    def withdrawn(self, tracking: str) -> None:
        with self._tx() as conn:
            self._forget_public(conn, tracking)

    @staticmethod
    def _forget_public(conn: sqlite3.Connection, tracking: str) -> None:
        row = conn.execute("DELETE FROM public WHERE tracking = ? RETURNING id", (tracking,)).fetchone()
        if row is not None:
            conn.execute("DELETE FROM published_text WHERE rowid = ?", (row[0],))
        conn.execute("DELETE FROM published_numbers WHERE tracking = ?", (tracking,))

    def public_trackings(self) -> set[str]:
        with self._tx() as conn:
            return {row[0] for row in conn.execute("SELECT tracking FROM public")}

    def containing(self, identifiers: Iterable[Identifier]) -> set[str]:
        """Published records whose text may contain one of these identifiers (to check again)."""
        found: set[str] = set()
        with self._tx() as conn:
            for ident in identifiers:
                if ident.is_number:
                    digits = ident.key[1:]
                    rows = conn.execute("SELECT tracking FROM published_numbers WHERE instr(digits, ?) > 0", (digits,))
                else:
                    phrase = '"' + ident.key.replace('"', " ") + '"'
                    rows = conn.execute(
                        "SELECT public.tracking FROM published_text JOIN public ON public.id = published_text.rowid"
                        " WHERE published_text MATCH ?",
                        (phrase,),
                    )
                found.update(row[0] for row in rows)
        return found

    # -- held reports ------------------------------------------------------------------------

    def hold(self, tracking: str, since: str, problems: list[dict[str, str]]) -> None:
        with self._tx() as conn:
            old = conn.execute("SELECT since FROM held WHERE tracking = ?", (tracking,)).fetchone()
            conn.execute(
                "INSERT OR REPLACE INTO held VALUES (?, ?, ?)",
                (tracking, old[0] if old else since, json.dumps(problems, ensure_ascii=False)),
            )

    def release(self, tracking: str) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM held WHERE tracking = ?", (tracking,))

    def held(self, tracking: str) -> list[dict[str, str]] | None:
        """The problems for which the gate holds this report back, or None."""
        with self._tx() as conn:
            row = conn.execute("SELECT problems FROM held WHERE tracking = ?", (tracking,)).fetchone()
        return json.loads(row[0]) if row else None

    def holds(self) -> list[dict[str, Any]]:
        with self._tx() as conn:
            rows = conn.execute("SELECT tracking, since, problems FROM held ORDER BY since, tracking").fetchall()
        return [{"tracking": t, "since": s, "problems": json.loads(p)} for t, s, p in rows]
