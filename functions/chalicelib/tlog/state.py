"""The log's own state under ADUAN_DATA/log/: its entries, tree hashes and signing key.

Never published and never in git. `log.db` (SQLite) holds every entry appended so far, the
tree's hashes as tiles (`merkle.Levels`), for each public record the digest of its file as last
logged (so a build looks only at records that changed) and its entries' positions, and every
checkpoint signed. A build
appends in one transaction, and only after the site's files were written: a refused or killed
build leaves the state where the published site is. `signing-key` holds the Ed25519 key,
created on first use with mode 0600; `ADUAN_LOG_KEY` (a secret in the environment, e.g. on
AWS) takes its place when set.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Conflict
from .entry import Entry
from .merkle import TILE_WIDTH, Levels
from .note import Signer
from .tiles import split_hashes

logger = logging.getLogger(__name__)

KEY_FILE = "signing-key"
KEY_ENV = "ADUAN_LOG_KEY"
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    idx INTEGER PRIMARY KEY, tracking TEXT NOT NULL, seq INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_update ON entries (tracking, seq);
-- The tree's hashes as tiles: the hashes of one level, 256 to a row (fewer in the last).
CREATE TABLE IF NOT EXISTS tiles (level INTEGER NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (level, idx));
-- Per report: the digest of its record file when last logged, and its entries' indexes by
-- position ({"seq": [idx, …]}), so a build reads one row per report, not one per update.
CREATE TABLE IF NOT EXISTS records (tracking TEXT PRIMARY KEY, digest TEXT NOT NULL DEFAULT '',
    positions TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS checkpoints (size INTEGER PRIMARY KEY, note BLOB NOT NULL);
"""


@dataclass
class Snapshot:
    """The state as one build reads it."""

    levels: Levels
    records: dict[str, str]  # tracking → digest of the record file last logged
    stored_positions: dict[str, str] = field(repr=False)  # tracking → its positions, as stored
    checkpoint_sizes: list[int] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.levels[0]) if self.levels else 0

    def positions(self, tracking: str) -> dict[int, list[int]]:
        """seq → the indexes of its entries, oldest first (the last is the current content)."""
        stored = json.loads(self.stored_positions.get(tracking, "{}"))
        return {int(seq): indexes for seq, indexes in stored.items()}


@dataclass
class _Remembered:
    """A snapshot this process read or appended, valid while the state's mark (`_mark`) is this."""

    mark: tuple[int, int, bytes]
    snapshot: Snapshot


# Resolved path of a log.db → the snapshot this process knows of it (LogState.snapshot).
_MEMORY: dict[Path, _Remembered] = {}


class LogState:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._db: sqlite3.Connection | None = None

    def _ensure_directory(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)  # the signing key lives here

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._ensure_directory()
            self._db = sqlite3.connect(self.directory / "log.db", isolation_level=None)
            self._db.executescript(SCHEMA)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time appends to this log, whatever output directory it builds:
        two builds appending different entries at the same index would fork the log."""
        self._ensure_directory()
        with open(self.directory / ".lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def signer(self, name: str) -> Signer:
        """The log's signing key: ADUAN_LOG_KEY, else `signing-key`, created on first use.

        The key's name is the log's origin and never changes with the settings: a log that
        changed its name would be another log. A different configured name is logged.
        """
        secret = os.environ.get(KEY_ENV)
        if secret:
            signer = Signer.from_skey(secret)
        else:
            path = self.directory / KEY_FILE
            if not path.exists():
                self._ensure_directory()
                created = Signer.generate(name)
                # O_EXCL: two first builds at once must not each write a key.
                try:
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:
                    pass
                else:
                    with os.fdopen(fd, "w", encoding="utf-8") as handle:
                        handle.write(created.skey() + "\n")
                    logger.info("transparency log: created signing key %s", created.verifier.vkey())
            signer = Signer.from_skey(path.read_text(encoding="utf-8"))
        if signer.name != name:
            logger.warning(
                "transparency log: the signing key is named %r, the settings say %r; keeping %r "
                "(a log's origin never changes; move %s away to start a new log)",
                signer.name,
                name,
                signer.name,
                self.directory,
            )
        return signer

    def snapshot(self) -> Snapshot:
        """The state as a build reads it. A process that builds again and again (the worker)
        reads it whole once: while the newest checkpoint row (and the file) is the one it last
        read or appended, the snapshot it keeps is the state (every append writes a checkpoint
        of its new size), and it reads that one row instead of every tile and every record's
        row (at 100k reports, 240k leaf hashes and 83k rows per build). Callers must not change it."""
        mark = self._mark()
        remembered = _MEMORY.get(self._key())
        if mark is not None and remembered is not None and remembered.mark == mark:
            return remembered.snapshot
        snapshot = self._read_snapshot()
        if mark is not None:
            _MEMORY[self._key()] = _Remembered(mark, snapshot)
        else:
            _MEMORY.pop(self._key(), None)
        return snapshot

    def _key(self) -> Path:
        return (self.directory / "log.db").resolve()

    def _mark(self) -> tuple[int, int, bytes] | None:
        """What tells this state from any other: the file's inode and its newest checkpoint."""
        row = self.db.execute("SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1").fetchone()
        if row is None:
            return None
        return os.stat(self._key()).st_ino, int(row[0]), bytes(row[1])

    def _read_snapshot(self) -> Snapshot:
        levels: Levels = [[]]
        for level, idx, data in self.db.execute("SELECT level, idx, data FROM tiles ORDER BY level, idx"):
            while len(levels) <= level:
                levels.append([])
            if idx * TILE_WIDTH != len(levels[level]):
                raise Conflict(f"transparency log state is damaged: tile {idx} of level {level} out of order")
            levels[level].extend(split_hashes(bytes(data)))
        size = self.size()
        if size != len(levels[0]):
            raise Conflict(f"transparency log state is damaged: {size} entries, {len(levels[0])} leaf hashes")
        records: dict[str, str] = {}
        positions: dict[str, str] = {}
        for tracking, digest, stored in self.db.execute("SELECT tracking, digest, positions FROM records"):
            records[tracking] = digest
            positions[tracking] = stored
        sizes = [size for (size,) in self.db.execute("SELECT size FROM checkpoints ORDER BY size")]
        return Snapshot(levels, records, positions, sizes)

    def current(self, tracking: str) -> dict[int, str]:
        """seq → the sha256 of the current entry of each update of `tracking` in the log."""
        rows = self.db.execute("SELECT seq, sha256 FROM entries WHERE tracking = ? ORDER BY idx", (tracking,))
        return dict(rows.fetchall())

    def size(self) -> int:
        """How many entries: the last index + 1 (entries are appended at consecutive indexes, see
        `append`), found by the primary key; COUNT(*) read every row's index, three times a build."""
        (last,) = self.db.execute("SELECT MAX(idx) FROM entries").fetchone()
        return 0 if last is None else int(last) + 1

    def entries(self, start: int, end: int) -> list[bytes]:
        rows = self.db.execute("SELECT data FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx", (start, end))
        return [bytes(data) for (data,) in rows]

    def append(
        self,
        base_size: int,
        entries: Sequence[Entry],
        levels: Levels,
        records: dict[str, str],
        checkpoint: tuple[int, bytes],
    ) -> None:
        """Append `entries` at `base_size`, store the new tree hashes, record digests and the
        signed checkpoint: all or nothing."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            size = self.size()
            if size != base_size:
                raise Conflict(f"transparency log moved from {base_size} to {size} entries during the build")
            db.executemany(
                "INSERT INTO entries (idx, tracking, seq, sha256, data) VALUES (?, ?, ?, ?, ?)",
                [(base_size + i, e.tracking, e.seq, e.sha256, e.encode()) for i, e in enumerate(entries)],
            )
            # Tiles from the first one this append changed (the old partial ones) to the last.
            first = base_size
            rows = []
            for level, hashes in enumerate(levels):
                for idx in range(first // TILE_WIDTH, -(-len(hashes) // TILE_WIDTH)):
                    rows.append((level, idx, b"".join(hashes[idx * TILE_WIDTH : (idx + 1) * TILE_WIDTH])))
                first //= TILE_WIDTH
            db.executemany("INSERT OR REPLACE INTO tiles (level, idx, data) VALUES (?, ?, ?)", rows)
            touched = {e.tracking for e in entries}
            for tracking in sorted(touched | set(records)):
                positions: dict[int, list[int]] = {}
                if tracking in touched:
                    query = "SELECT idx, seq FROM entries WHERE tracking = ? ORDER BY idx"
                    for idx, seq in db.execute(query, (tracking,)):
                        positions.setdefault(seq, []).append(idx)
                db.execute(
                    "INSERT INTO records (tracking, digest, positions) VALUES (?, ?, ?) ON CONFLICT (tracking) "
                    "DO UPDATE SET digest = CASE WHEN ? THEN excluded.digest ELSE digest END, "
                    "positions = CASE WHEN ? THEN excluded.positions ELSE positions END",
                    (
                        tracking,
                        records.get(tracking, ""),
                        json.dumps(positions, separators=(",", ":")),
                        tracking in records,
                        tracking in touched,
                    ),
                )
            db.execute("INSERT OR REPLACE INTO checkpoints (size, note) VALUES (?, ?)", checkpoint)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            _MEMORY.pop(self._key(), None)
            raise
        self._remember_append(base_size, levels, touched | set(records), checkpoint)

    def _remember_append(
        self, base_size: int, levels: Levels, changed: set[str], checkpoint: tuple[int, bytes]
    ) -> None:
        """After an append: the snapshot this process keeps (`snapshot`), moved on to it, if it
        was the state appended to; the rows of the records it changed are read back."""
        key = self._key()
        remembered = _MEMORY.pop(key, None)
        if remembered is None or remembered.snapshot.size != base_size:
            return
        old = remembered.snapshot
        records, positions = dict(old.records), dict(old.stored_positions)
        wanted = sorted(changed)
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT tracking, digest, positions FROM records WHERE tracking IN ({marks})"
            for tracking, digest, stored in self.db.execute(query, chunk):
                records[tracking] = digest
                positions[tracking] = stored
        sizes = sorted({*old.checkpoint_sizes, checkpoint[0]})
        snapshot = Snapshot([list(level) for level in levels], records, positions, sizes)
        if (mark := self._mark()) is not None and mark[1:] == (checkpoint[0], bytes(checkpoint[1])):
            _MEMORY[key] = _Remembered(mark, snapshot)
