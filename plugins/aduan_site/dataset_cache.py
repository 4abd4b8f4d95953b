"""The records a site build read, kept between processes: `aduan build` is a new process each
time, and without this it would list `reports/` and read every record again.

One SQLite file beside the public dataset (`<public>.records.db`, e.g. `var/public.records.db`;
not in the dataset, so never published) holds each record as the build read it (cleaned),
its file's digest, and the journal entry (`changes/<seq>.json`) the records are current as of,
with that entry's time, so a journal started again from 1 is not mistaken for the old one.
A build loads it, rereads only the records the journal names since, and writes back only
those rows. Anything unexpected (no file, another layout, a journal it cannot follow) means
"read every record", never a wrong site: the cache is only ever a shortcut.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from .counts import Counts
from .lazyrecord import LazyRecord, head_of, loads

logger = logging.getLogger(__name__)

LAYOUT = 2  # bumped when the rows' form changes: an old file is then simply not used

Records = dict[str, tuple[dict[str, Any], str]]  # tracking → (record, sha256 of its file)


def cache_path(public_dir: Path) -> Path:
    return public_dir.with_name(public_dir.name + ".records.db")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last write costs a full read
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute(_RECORDS)
    return conn


# A record's head: the fields most builds read of every record (lazyrecord.HEAD), as JSON.
_RECORDS = (
    "CREATE TABLE IF NOT EXISTS records"
    " (tracking TEXT PRIMARY KEY, digest TEXT NOT NULL, head TEXT NOT NULL, record TEXT NOT NULL)"
)


def load(public_dir: Path) -> tuple[int, str, Records, Counts | None] | None:
    """(journal seq, that entry's name (dataset._entry_id), the records, their counts) as last
    saved, or None."""
    path = cache_path(public_dir)
    if not path.is_file():
        return None
    try:
        with closing(_connect(path)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("layout") != str(LAYOUT) or "seq" not in meta or meta.get("public") != str(public_dir):
                return None
            # Each record's head only (lazyrecord.py): its JSON is parsed when more is asked for.
            rows = conn.execute("SELECT tracking, digest, CAST(head AS BLOB), CAST(record AS BLOB) FROM records")
            records: Records = {t: (LazyRecord(loads(h), r), d) for t, d, h, r in rows}
            counts = None
            if meta.get("counts"):
                try:
                    counts = Counts.from_json(json.loads(meta["counts"]))
                except KeyError:  # counts of an older form: counted again from the records
                    counts = None
            return int(meta["seq"]), meta.get("entry", ""), records, counts
    except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
        logger.warning("aduan_site: records cache %s not used: %s", path, exc)
        return None


def save(
    public_dir: Path,
    seq: int,
    entry: str,
    records: Records,
    changed: Iterable[str] | None,
    since: int | None = None,
    counts: dict[str, Any] | None = None,
) -> None:
    """Record that `records` are current as of entry `seq`. `changed`: the only trackings whose
    rows differ from the saved ones when those are as of entry `since` (otherwise, or None,
    every row is written again)."""
    path = cache_path(public_dir)
    try:
        with closing(_connect(path)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                saved = conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
                layout = conn.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
                if saved is None or since is None or saved[0] != str(since) or layout != (str(LAYOUT),):
                    changed = None  # another process moved it meanwhile (or another layout): write it whole
                if changed is None:
                    conn.execute("DROP TABLE records")  # of an older layout perhaps: made again
                    conn.execute(_RECORDS)
                    rows: Iterable[str] = records.keys()
                else:
                    rows = sorted(set(changed))
                    conn.executemany("DELETE FROM records WHERE tracking = ?", [(t,) for t in rows if t not in records])
                conn.executemany(
                    "INSERT OR REPLACE INTO records (tracking, digest, head, record) VALUES (?, ?, ?, ?)",
                    [
                        (
                            t,
                            records[t][1],
                            head_of(records[t][0]),
                            json.dumps(records[t][0], ensure_ascii=False, separators=(",", ":")),
                        )
                        for t in rows
                        if t in records
                    ],
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("layout", str(LAYOUT)),
                        ("seq", str(seq)),
                        ("entry", entry),
                        ("public", str(public_dir)),
                        ("counts", json.dumps(counts) if counts is not None else ""),
                    ],
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    except (sqlite3.Error, OSError) as exc:
        # A read-only place beside the dataset (a mirror): builds still work, reading it all.
        logger.warning("aduan_site: records cache %s not written: %s", path, exc)


def forget(public_dir: Path) -> None:
    """Drop the cache (the dataset has no journal to follow it by)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(cache_path(public_dir)) + suffix).unlink(missing_ok=True)
