"""The build's own state: one SQLite file in the output directory.

It holds what the next build needs to do only the work a change calls for:

- `files`: every file the plugin wrote, with the sha256 of its bytes and the digest of the
  input it was made from (the manifest);
- `pages`: which reports each listing page holds (see `listing.py`), so that listings stay
  stable from build to build;
- `meta`: the render key and the schema version.

A build changes only the rows that changed, in one transaction committed after the site's
files are in place: a build killed before that leaves the previous state, and the rows of the
files it may have replaced are forgotten first (`forget`), so the next build writes them again.
A file that is not a readable state of this version is set aside and the build starts afresh.

A process that builds again and again (the worker) keeps what it last read or saved in memory,
keyed by the state's `generation`, a random token every write of the state replaces: the next
build of the same process reads one row instead of every file's, and a build by another process
(or a `forget` of this one) changes the token, so the memory is dropped and the rows read again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, sha TEXT NOT NULL, input TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages (
    listing TEXT NOT NULL, number INTEGER NOT NULL, items TEXT NOT NULL, PRIMARY KEY (listing, number)
) WITHOUT ROWID;
"""

# listing → page number → the tracking numbers on it, in the order they joined the listing.
Layout = dict[str, dict[int, list[str]]]


@dataclass
class _Remembered:
    """The state as this process last read or saved it, valid while the file's generation is this."""

    generation: str
    shas: dict[str, str]
    inputs: dict[str, str]
    layout: Layout | None = None


# Resolved path of a state file → what this process knows of it (see the module's docstring).
_MEMORY: dict[Path, _Remembered] = {}


def _connect(path: Path) -> sqlite3.Connection:
    """The state's connection. Its transactions are atomic through the rollback journal, which
    is what a build killed at any moment (kill -9) needs: the journal and the file are in the
    operating system's hands as soon as they are written. What `synchronous=OFF` gives up is
    their order on the disk itself across a power cut, when the site's own files (replaced by
    rename, never synced) are not durable either; an unreadable state is set aside and the
    build starts afresh (`_open`). It saves the eight fsyncs of a change build's two
    transactions (`forget`, `save`): journal, directory, journal and file, twice."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    return db


class BuildState:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = self._open()
        self._key = self.path.resolve()
        # Read once: a build of another process waits for the build lock (output.build_lock).
        self.generation = self.meta("generation")
        remembered = _MEMORY.get(self._key)
        self.remembered = remembered if remembered is not None and remembered.generation == self.generation else None
        # The listing layout of a memory dropped during this build (`drop_memory`), for `save`.
        self._layout: Layout | None = None
        if self.remembered is None:
            _MEMORY.pop(self._key, None)

    def _open(self) -> sqlite3.Connection:
        try:
            db = _connect(self.path)
            db.executescript(SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if row is None:
                if db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None:
                    db.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
                    return db
            elif row[0] == VERSION:
                return db
            db.close()
            logger.warning("aduan_site: build state %s is of another version; starting afresh", self.path)
        except sqlite3.DatabaseError as exc:
            logger.warning("aduan_site: ignoring unreadable build state %s: %s", self.path, exc)
        self.path.unlink(missing_ok=True)
        db = _connect(self.path)
        db.executescript(SCHEMA)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
        return db

    def close(self) -> None:
        self.db.close()

    def count(self) -> int:
        """How many files the last build left."""
        (count,) = self.db.execute("SELECT COUNT(*) FROM files").fetchone()
        return int(count)

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def lazy_files(
        self, on_whole: Callable[[dict[str, str], dict[str, str]], None] | None = None
    ) -> tuple[Mapping[str, str], Mapping[str, str]]:
        """Like `files`, but read row by row as paths are asked about (`Manifest`): a build that
        looks at a few files of a large site reads a few rows, not every file's. The dicts this
        process remembers when there are."""
        if self.remembered is not None:
            return self.remembered.shas, self.remembered.inputs
        manifest = Manifest(self, on_whole)
        return manifest.shas, manifest.inputs

    def under(self, prefix: str) -> list[tuple[str, str, str | None]]:
        """(path, sha256, input digest) of the files under `prefix`, by the index (a range)."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return self.db.execute(
            "SELECT path, sha, input FROM files WHERE path >= ? AND path < ?", (prefix, end)
        ).fetchall()

    def uniform(self, prefix: str, digest: str) -> int:
        """How many files the last build left under `prefix` when every one of them has the
        input digest `digest`, else 0: one count in SQLite, no row per file in Python."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        count, other = self.db.execute(
            "SELECT COUNT(*), COUNT(*) - COUNT(CASE WHEN input = ? THEN 1 END) FROM files WHERE path >= ? AND path < ?",
            (digest, prefix, end),
        ).fetchone()
        return int(count) if not other else 0

    def outside(self, prefixes: tuple[str, ...]) -> list[str]:
        """The paths of the files under none of `prefixes`, in path order: one range of the
        index read per gap between the prefixes, no row read for the files under them."""
        ranges = sorted((p, p[:-1] + chr(ord(p[-1]) + 1)) for p in prefixes)
        gaps: list[tuple[str | None, str | None]] = []
        start: str | None = None
        for low, high in ranges:
            if start is None or low > start:
                gaps.append((start, low))
            if start is None or high > start:
                start = high
        gaps.append((start, None))
        found: list[str] = []
        for begin, end in gaps:
            if begin is None and end is None:
                rows = self.db.execute("SELECT path FROM files")
            elif begin is None:
                rows = self.db.execute("SELECT path FROM files WHERE path < ?", (end,))
            elif end is None:
                rows = self.db.execute("SELECT path FROM files WHERE path >= ?", (begin,))
            else:
                rows = self.db.execute("SELECT path FROM files WHERE path >= ? AND path < ?", (begin, end))
            found.extend(row[0] for row in rows)
        return found

    def drop_memory(self) -> None:
        """What this process remembers of the state is about to change in place: until `save`
        remembers the new state, the next build reads the file. The listing layout read in
        this build is kept for `save` (only `save` changes the pages)."""
        if self.remembered is not None and self.remembered.layout is not None:
            self._layout = self.remembered.layout
        _MEMORY.pop(self._key, None)
        self.remembered = None

    def files(self) -> tuple[dict[str, str], dict[str, str]]:
        """(path → sha256, path → input digest) of every file the last build left. The dicts
        may be the ones this process remembers: callers must not change them."""
        if self.remembered is not None:
            return self.remembered.shas, self.remembered.inputs
        shas: dict[str, str] = {}
        inputs: dict[str, str] = {}
        for path, sha, digest in self.db.execute("SELECT path, sha, input FROM files"):
            shas[path] = sha
            if digest is not None:
                inputs[path] = digest
        if self.generation is not None:
            self.remembered = _MEMORY[self._key] = _Remembered(self.generation, shas, inputs)
        return shas, inputs

    def layout(self) -> Layout:
        """listing → number → tracking numbers, as the last build left them (callers must not
        change it)."""
        if self.remembered is not None and self.remembered.layout is not None:
            return self.remembered.layout
        result: Layout = {}
        for listing, number, items in self.db.execute("SELECT listing, number, items FROM pages"):
            result.setdefault(listing, {})[number] = json.loads(items)
        if self.remembered is not None:
            self.remembered.layout = result
        return result

    def _new_generation(self) -> str:
        """Within a transaction: the state is about to change, so what anyone remembers of it is stale."""
        generation = uuid.uuid4().hex
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))
        return generation

    def forget(self, paths: Iterable[str]) -> None:
        """Before files are replaced: should the build die now, they are unknown next time."""
        paths = list(paths)
        if not paths:
            return
        self.drop_memory()
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in paths))
            # The site is no longer what the last fingerprint describes (quiet.py).
            self.db.execute("DELETE FROM meta WHERE key IN ('quiet', 'journal')")
            self.generation = self._new_generation()

    def save(
        self,
        files: dict[str, tuple[str, str | None]],
        removed: Iterable[str],
        meta: dict[str, str],
        pages: dict[tuple[str, int], list[str] | None],
        *,
        now: tuple[dict[str, str], dict[str, str]] | None = None,
    ) -> None:
        """One transaction: the changed files' rows, the removed ones, meta, and the listing
        pages whose items changed ((listing, number) → items, None for a page gone).
        Nothing changed: the file is not touched at all (but for a state without a generation yet).

        `now`: every file's (path → sha256, path → input digest) after this save, which this
        process then remembers for its next build (the caller must not change them after)."""
        removed = list(removed)
        meta = {k: v for k, v in meta.items() if self.meta(k) != v}
        if not (files or removed or meta or pages) and self.generation is not None:
            if self.remembered is None and now is not None:
                self.remembered = _Remembered(self.generation, now[0], now[1], self._layout)
            self._remember(now, pages)
            return
        layout = self.remembered.layout if self.remembered is not None else self._layout
        _MEMORY.pop(self._key, None)
        self.remembered = None
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?)", ((p, s, i) for p, (s, i) in files.items())
            )
            self.db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in removed))
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
            for (listing, number), items in pages.items():
                if items is None:
                    self.db.execute("DELETE FROM pages WHERE listing = ? AND number = ?", (listing, number))
                else:
                    self.db.execute(
                        "INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", (listing, number, json.dumps(items))
                    )
            self.generation = self._new_generation()
        if self.remembered is None and now is not None:
            self.remembered = _Remembered(self.generation, now[0], now[1], layout)
        self._remember(now, pages)

    def _remember(
        self, now: tuple[dict[str, str], dict[str, str]] | None, pages: dict[tuple[str, int], list[str] | None]
    ) -> None:
        """Keep the state as saved for this process's next build (see the module's docstring)."""
        if now is None or self.generation is None:
            _MEMORY.pop(self._key, None)
            return
        layout = self.remembered.layout if self.remembered is not None else None
        if layout is not None:
            # New dicts for what changes: the caller may still hold the old ones.
            layout = dict(layout)
            for (listing, number), items in pages.items():
                numbered = layout[listing] = dict(layout.get(listing, {}))
                if items is None:
                    numbered.pop(number, None)
                else:
                    numbered[number] = list(items)
                if not numbered:
                    del layout[listing]
        _MEMORY[self._key] = self.remembered = _Remembered(self.generation, now[0], now[1], layout)


class Manifest:
    """The state's `files` rows, read one by one as they are asked about and kept: for a build
    that looks at few of a large site's files (a change build that carries the others,
    output.carry). Past `BULK` rows asked about, or when every path is wanted (iteration),
    every row is read at once, as `BuildState.files` does: never slower than that by much."""

    BULK = 2000

    def __init__(
        self, state: BuildState, on_whole: Callable[[dict[str, str], dict[str, str]], None] | None = None
    ) -> None:
        self.state = state
        # Told the plain dicts once every row is read, so that the holder (IncrementalOutput)
        # asks them directly from then on: a lookup through this class costs several times more.
        self.on_whole = on_whole
        self.rows: dict[str, tuple[str, str | None] | None] = {}
        self.asked = 0  # rows read one by one (toward BULK)
        self.prefetched = 0
        self.whole: tuple[dict[str, str], dict[str, str]] | None = None
        self.shas = Column(self, 0)
        self.inputs = Column(self, 1)

    def row(self, path: str) -> tuple[str, str | None] | None:
        if self.whole is not None:
            sha = self.whole[0].get(path)
            return None if sha is None else (sha, self.whole[1].get(path))
        if path not in self.rows:
            if self.asked >= self.BULK:
                self.load()
                return self.row(path)
            self.asked += 1
            found = self.state.db.execute("SELECT sha, input FROM files WHERE path = ?", (path,)).fetchone()
            self.rows[path] = None if found is None else (found[0], found[1])
        return self.rows[path]

    def prefetch(self, prefix: str) -> list[str]:
        """Read the rows under `prefix` at once, by the index (a range), without counting them
        toward `BULK`: for a group of files the build asks about one by one (listing pages).
        Returns their paths (none when the state was read whole: ask its dicts)."""
        if self.whole is not None:
            return []
        paths = []
        for path, sha, digest in self.state.under(prefix):
            self.rows.setdefault(path, (sha, digest))
            paths.append(path)
        self.prefetched += 1
        return paths

    def load(self) -> tuple[dict[str, str], dict[str, str]]:
        if self.whole is None:
            self.whole = self.state.files()
            if self.on_whole is not None:
                self.on_whole(*self.whole)
        return self.whole


class Column(Mapping[str, str]):
    """path → sha256 (column 0) or path → input digest (column 1) of a `Manifest`."""

    def __init__(self, manifest: Manifest, column: int) -> None:
        self.manifest, self.column = manifest, column

    def __getitem__(self, path: str) -> str:
        row = self.manifest.row(path)
        value = None if row is None else row[self.column]
        if value is None:
            raise KeyError(path)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.manifest.load()[self.column])

    def __len__(self) -> int:
        return len(self.manifest.load()[self.column])

    def under(self, prefix: str) -> list[str]:
        """The paths under `prefix` that have a value here, by the state's index."""
        if self.manifest.whole is not None:
            return [p for p in self.manifest.whole[self.column] if p.startswith(prefix)]
        return [row[0] for row in self.manifest.state.under(prefix) if row[1 + self.column] is not None]
