"""The log's own state under ADUAN_DATA/log/: its entries, tree hashes and signing key.

Never published and never in git. `log.db` (SQLite) holds every entry appended so far, the
tile-level hashes of the tree (`merkle.Levels`), the digest of each public record as last
logged (so a build looks only at records that changed) and every checkpoint signed. A build
appends in one transaction, and only after the site's files were written: a refused or killed
build leaves the state where the published site is. `signing-key` holds the Ed25519 key,
created on first use with mode 0600; `ADUAN_LOG_KEY` (a secret in the environment, e.g. on
AWS) takes its place when set.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Conflict
from .entry import Entry
from .merkle import Levels
from .note import Signer

logger = logging.getLogger(__name__)

KEY_FILE = "signing-key"
KEY_ENV = "ADUAN_LOG_KEY"
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    idx INTEGER PRIMARY KEY, tracking TEXT NOT NULL, seq INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_update ON entries (tracking, seq);
CREATE TABLE IF NOT EXISTS hashes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
    PRIMARY KEY (level, idx));
CREATE TABLE IF NOT EXISTS records (tracking TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (size INTEGER PRIMARY KEY, note BLOB NOT NULL);
"""


@dataclass
class Snapshot:
    """The state as one build reads it."""

    levels: Levels
    # tracking → seq → the indexes of its entries, oldest first (the last is current).
    positions: dict[str, dict[int, list[int]]]
    current: dict[tuple[str, int], str]  # (tracking, seq) → sha256 of its current entry
    records: dict[str, str]  # tracking → digest of the record file last logged
    checkpoint_sizes: list[int] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.levels[0]) if self.levels else 0


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
        levels: Levels = [[]]
        for level, idx, digest in self.db.execute("SELECT level, idx, hash FROM hashes ORDER BY level, idx"):
            while len(levels) <= level:
                levels.append([])
            if idx != len(levels[level]):
                raise Conflict(f"transparency log state is damaged: hash {idx} of level {level} out of order")
            levels[level].append(bytes(digest))
        positions: dict[str, dict[int, list[int]]] = defaultdict(dict)
        current: dict[tuple[str, int], str] = {}
        count = 0
        for idx, tracking, seq, sha in self.db.execute("SELECT idx, tracking, seq, sha256 FROM entries ORDER BY idx"):
            if idx != count:
                raise Conflict(f"transparency log state is damaged: entry {count} is missing")
            count += 1
            positions[tracking].setdefault(seq, []).append(idx)
            current[(tracking, seq)] = sha
        if count != len(levels[0]):
            raise Conflict(f"transparency log state is damaged: {count} entries, {len(levels[0])} leaf hashes")
        records = dict(self.db.execute("SELECT tracking, digest FROM records"))
        sizes = [size for (size,) in self.db.execute("SELECT size FROM checkpoints ORDER BY size")]
        return Snapshot(levels, dict(positions), current, records, sizes)

    def size(self) -> int:
        (count,) = self.db.execute("SELECT COUNT(*) FROM entries").fetchone()
        return int(count)

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
            (size,) = db.execute("SELECT COUNT(*) FROM entries").fetchone()
            if size != base_size:
                raise Conflict(f"transparency log moved from {base_size} to {size} entries during the build")
            db.executemany(
                "INSERT INTO entries (idx, tracking, seq, sha256, data) VALUES (?, ?, ?, ?, ?)",
                [(base_size + i, e.tracking, e.seq, e.sha256, e.encode()) for i, e in enumerate(entries)],
            )
            stored = dict(db.execute("SELECT level, COUNT(*) FROM hashes GROUP BY level").fetchall())
            db.executemany(
                "INSERT INTO hashes (level, idx, hash) VALUES (?, ?, ?)",
                [
                    (level, idx, hashes[idx])
                    for level, hashes in enumerate(levels)
                    for idx in range(stored.get(level, 0), len(hashes))
                ],
            )
            db.executemany(
                "INSERT INTO records (tracking, digest) VALUES (?, ?) "
                "ON CONFLICT (tracking) DO UPDATE SET digest = excluded.digest",
                sorted(records.items()),
            )
            db.execute("INSERT OR REPLACE INTO checkpoints (size, note) VALUES (?, ?)", checkpoint)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
