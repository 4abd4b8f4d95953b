"""Incremental output: write a file only when its bytes change, delete what is no longer made.

Pelican's own Writer rewrites every file on every build and its content cache only skips
reading (docs/architecture.md), so the plugin writes its files itself. The build's state, a
SQLite file in the output directory (`state.py`), remembers for every file the plugin wrote the
sha256 of its content and, for pages, the digest of the input it was rendered from: an
unchanged record under an unchanged theme is not even rendered again. Only the rows that
changed are written back, so one change costs a few rows, not a rewrite of the whole manifest.

Files are streamed: each changed file is checked by the gate and written to a staging
directory as soon as it is made, so a build never holds the site in memory; they are moved
into place only once the whole build passed the gate.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .state import BuildState, Column

logger = logging.getLogger(__name__)

STAGING = ".aduan-staging"
# The files there are one per record (or per listing page): the ones `trust_manifest` spares a
# stat. The others, a bounded number, are still looked at (a log deleted by hand is made again).
TRUSTED = ("laporan/", "en/laporan/", "instansi/", "en/instansi/", "status/", "en/status/", "data/open311/requests/")
# The per-record files (a report's pages and photos, its Open311 file): the ones a build that
# `carry`s leaves as they are without naming them (see `IncrementalOutput.carry`).
CARRIED = ("laporan/", "en/laporan/", "data/open311/requests/")


# Files at least this large that the gate passed are remembered by their bytes (`_check`): the
# whole data files the day's snapshot repeats, not the 88k small files of 20k reports.
REPEATED = 64 * 1024


def record_files(tracking: str) -> tuple[str, ...]:
    """Where a record's own files are: the prefixes `reconsider` is given for a changed record."""
    return (f"laporan/{tracking}/", f"en/laporan/{tracking}/", f"data/open311/requests/{tracking}.json")


def write_atomically(path: Path, data: bytes) -> None:
    """Readers (the static server, an S3 sync) never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".aduan-{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # the web server must read the file
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# A staged file is new: created with the mode the site's files have, written with no buffer
# object, closed. (`open(path, "wb")` then `fchmod` cost about 15-20 us more per file in user
# and system time, measured on tmpfs: ~1 s of CPU over the ~70k files of a first build at 20k.)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
FILE_MODE = 0o644  # the web server must read the file


def _umask() -> int | None:
    """This process's umask (Linux tells it in /proc/self/status; None elsewhere, and then each
    file is chmod-ed, as before). Read once by each of the two below: setting the umask to read
    it would race with threads creating files."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return None


@functools.cache
def _umask_keeps_file_mode() -> bool:
    """Whether the umask leaves FILE_MODE whole, so that a file created with it has it."""
    umask = _umask()
    return umask is not None and umask & FILE_MODE == 0


@functools.cache
def _umask_gives_file_mode() -> bool:
    """Whether a file another program creates with the usual mode (0o666, as Pagefind does)
    comes out with FILE_MODE: then a bundle's ~17k files at 20k reports need no chmod each."""
    umask = _umask()
    return umask is not None and 0o666 & ~umask == FILE_MODE


def write_new(path: str, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to a file at `path` (its directory made if need be) with FILE_MODE: created
    anew in the staging area; a file already there (not expected) is truncated and chmod-ed, or
    with `overwrite=False` left as it is (FileExistsError)."""
    try:
        fd = os.open(path, _CREATE, FILE_MODE)
        fresh = True
    except FileNotFoundError:
        directory = os.path.dirname(path)
        try:
            os.mkdir(directory)  # a report's page directory: its parent is there but for the first
        except FileNotFoundError:
            os.makedirs(directory, exist_ok=True)
        except FileExistsError:  # made by another worker meanwhile
            pass
        fd = os.open(path, _CREATE, FILE_MODE)
        fresh = True
    except FileExistsError:
        if not overwrite:
            raise
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC)
        fresh = False
    try:
        if not (fresh and _umask_keeps_file_mode()):
            os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def place(staged: str | Path, path: Path) -> None:
    """Move a staged file into the site: one rename, so readers see the old or the new file."""
    try:
        os.replace(staged, path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, path)


def place_tree(staged: Path, path: Path) -> None:
    """Move a staged directory into the site where there is none yet: one rename, so readers
    see none of its files or all of them. Raises OSError if `path` is there after all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.rename(staged, path)


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on `root`/.aduan-build.lock; a second build waits for it."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".aduan-build.lock", "a") as handle:  # "a": never truncate, no new mtime
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _safe(relpath: str) -> bool:
    """A manifest path may only point inside the output directory."""
    parts = PurePosixPath(relpath).parts
    return bool(parts) and not relpath.startswith("/") and ".." not in parts


Guard = Callable[[list[tuple[str, bytes]]], list[str]]


@dataclass(frozen=True)
class Staged:
    """A file made by this build: its sha256, where it is staged (None: the site already has
    these bytes) and what the gate found in it.

    The staged path is a string, not a `Path`: a first build at 20k reports stages ~70k files,
    each crossing from a render worker in a pickle and held in `IncrementalOutput.pending` to
    the end of the build, and a `Path` (its parts list and strings) holds about four times the
    memory of its string (24 MB against 6 MB for 50k such paths, tracemalloc, 2026-12-02)."""

    relpath: str
    sha: str
    path: str | None
    problems: tuple[str, ...]


class PublicationRefused(RuntimeError):
    """The gate found something that must not be published; nothing of this build was written."""

    def __init__(self, problems: list[str]) -> None:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"publication refused, {len(problems)} problem(s):\n  {shown}{more}")
        self.problems = problems


class _Made(dict[str, str]):
    """path → sha256 of the files a build made or kept so far, and (`dirs`) every directory
    they are under ("a/", "a/b/"): `carry_under` asks whether a directory holds one, once per
    listing; a scan of every path for each listing read ~530k paths in a change build at 20k
    reports."""

    def __init__(self) -> None:
        super().__init__()
        self.dirs: set[str] = set()

    def __setitem__(self, path: str, sha: str) -> None:
        if path not in self:
            at = path.rfind("/")
            while at > 0 and (directory := path[: at + 1]) not in self.dirs:
                self.dirs.add(directory)  # its parents too, unless a path under it came before
                at = path.rfind("/", 0, at)
        super().__setitem__(path, sha)


class IncrementalOutput:
    """Streams the build's changed files through the gate into staging, then into the site.

    Moving files into place only after the gate has read every one of them is what makes the
    publication gate a gate: a build that would leak writes nothing into the site, not even the
    files before the leaking one. Each changed file is scanned and staged the moment it is made,
    so memory holds one file at a time, not the build.

    The order of the moves keeps the site whole if the build is killed at any moment: `rank(path)`
    orders them (lowest first; files others link to, such as report pages, photos and search
    fragments, before the files linking to them; within a rank, the order the build made them),
    and files no longer made are deleted last, once nothing links to them. Each move is one
    rename, so a reader sees either the old site or a state in which every link resolves.
    """

    def __init__(
        self,
        root: Path,
        state_name: str,
        render_key: str,
        guard: Guard | None = None,
        rank: Callable[[str], int] = lambda relpath: 0,
    ) -> None:
        self.root = root
        self._prefix = str(root) + os.sep  # os.path on strings: pathlib per file was 0.7 s at 40k files
        self.guard = guard
        self.rank = rank
        root.mkdir(parents=True, exist_ok=True)
        # A killed build's staged files: never moved into place, so of no use now.
        self.staging = root / STAGING
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()
        self._staging_prefix = str(self.staging) + os.sep
        self.pending: list[tuple[str, str]] = []  # (relpath, where it is staged)
        self.problems: list[str] = []
        # The sha256 of contents the gate found nothing in, this build (`_check`); a worker
        # process adds to its own copy.
        self._passed: set[tuple[str, str]] = set()
        self.state = BuildState(root / state_name)
        self.render_key = render_key
        # The last build into `root` was this process's and nothing has changed the state since
        # (state.py): what this process remembers of that build still holds. (Files are still
        # looked at one by one: one deleted by hand is made again.)
        self.trusted = self.state.remembered is not None
        # Set by the build when it knows which records changed since the last build (the
        # publisher's journal, or this process's last build): then a file the manifest lists
        # under the same input is taken to be there, unlooked at, instead of one stat per file
        # (88k at 20k reports). A file deleted by hand is made again by the next build that
        # does not know what changed (`aduan build --full`, a lost state).
        self.trust_manifest = False
        # Read row by row as they are asked about (state.Manifest): a change build that carries
        # the unchanged records' files reads a few rows, not 70k at 20k reports.
        self.old_files, self.old_inputs = self.state.lazy_files(on_whole=self._whole)
        # Templates, region or settings changed: every report page must be rendered again.
        self.same_render = self.state.meta("render_key") == render_key
        self.files = _Made()
        self.inputs: dict[str, str] = {}
        self.pages: dict[tuple[str, int], list[str] | None] = {}  # listing pages changed (state.py)
        self.meta: dict[str, str] = {}  # more of the state's meta to save with the files
        self.written: list[str] = []
        # Paths whose sha or input digest may differ from the last build's: made (`add`) or
        # kept under a new digest (`reuse(renewed=)`). The rest are as they were, unlooked at.
        self.recorded: list[str] = []
        self.unchanged = 0
        self.rendered = 0  # files whose content was produced this build (written or not)
        # `carry()`: per-record files not named by this build are kept as they are; only those
        # under a `reconsider`ed prefix (a changed record's) are deleted when not made again.
        self.carrying = False
        self.reconsidered: set[str] = set()
        self.changed_records: frozenset[str] = frozenset()  # when carrying: those not carried
        # `carry_under()`: directories of the last build (search bundles) kept whole, unnamed.
        self.carried_dirs: list[str] = []

    def read_whole(self) -> None:
        """Read the state's every row now (as a build asking about many rows does on its own):
        this process then holds it as dicts, and its next builds read one row of it."""
        if isinstance(self.old_files, Column):
            self.old_files.manifest.load()

    def _whole(self, shas: dict[str, str], inputs: dict[str, str]) -> None:
        """The state was read whole after all: ask its dicts directly from now on."""
        self.old_files, self.old_inputs = shas, inputs

    def carry(self, changed: Iterable[str]) -> bool:
        """Leave the per-record files (`CARRIED`) of the records that did not change alone,
        unnamed: the build then looks only at the changed records, and must `reconsider` each
        one's files (`record_files`) so that a file no longer made is deleted. Only when the
        manifest is trusted (the build knows which records changed) and the render key is the
        last build's (otherwise every page is made again). `changed`: the tracking numbers of
        the records changed since the last build (the others' files are carried). Returns
        whether it carries."""
        self.carrying = self.trust_manifest and self.same_render
        self.changed_records = frozenset(changed) if self.carrying else frozenset()
        return self.carrying

    def carry_under(self, prefix: str, digest: str | None) -> bool:
        """When carrying (`carry`): leave every file under the directory `prefix` as it is,
        unnamed and not deleted, if the last build left files there all made from `digest`
        (`BuildState.uniform`; None: whatever they were made from) and this build made none
        there. Returns whether it does; if not, the caller keeps or makes the files one by one.
        Whether the state is read row by row or held as dicts (a warm worker's): `_deleted` and
        `finish` keep a carried directory's files in the state either way."""
        if not self.carrying or not prefix.endswith("/"):
            return False
        if prefix in self.files.dirs:
            return False
        if digest is not None and not self.state.uniform(prefix, digest):
            return False
        self.carried_dirs.append(prefix)
        return True

    def prefetch(self, prefixes: tuple[str, ...]) -> None:
        """The build is about to ask about many files under these prefixes: read their rows of
        the state at once (state.Manifest.prefetch), when the state is read row by row."""
        if isinstance(self.old_files, Column):
            for prefix in prefixes:
                self.old_files.manifest.prefetch(prefix)

    def reconsider(self, prefixes: tuple[str, ...]) -> None:
        """Files under these prefixes that this build does not make are deleted (when carrying)."""
        self.reconsidered.update(prefixes)

    def sha(self, relpath: str) -> str | None:
        """The sha256 of the file at `relpath` after this build: made or kept by it, or carried."""
        made = self.files.get(relpath)
        if made is not None or not self.carrying or not relpath.startswith(CARRIED):
            return made
        return self.old_files.get(relpath)

    def _deleted(self) -> list[str]:
        """The files of the last build this build did not make (nor carried), to delete."""
        files = self.files
        if not self.carrying:
            return sorted(p for p in self.old_files if p not in files and _safe(p))
        # The files outside the carried ones, and the reconsidered ones, by ranges of the state's
        # index (also when this process holds the state as dicts: no pass over every path). The
        # rows `forget` took out are files this build made, so none of them is to delete.
        candidates = self.state.outside(CARRIED + tuple(self.carried_dirs))
        for prefix in sorted(self.reconsidered):
            candidates.extend(row[0] for row in self.state.under(prefix) if row[0].startswith(CARRIED))
        return sorted(p for p in set(candidates) if p not in files and _safe(p))

    def reusable(self, relpath: str, digest: str, *, any_render: bool = False) -> bool:
        """Would `reuse(relpath, digest)` keep the file? Changes nothing: lets a caller check a
        whole group of files before deciding to keep them all or make them all again.

        `any_render`: the digest covers everything the file is made of, so a new render key
        (templates, settings) does not matter (e.g. a search index keyed on the pages' bytes).
        A file deleted from the site since is made again.
        """
        return (
            (self.same_render or any_render)
            and relpath in self.old_files
            and self.old_inputs.get(relpath) == digest
            and relpath not in self.files
            and ((self.trust_manifest and relpath.startswith(TRUSTED)) or os.path.isfile(self._prefix + relpath))
        )

    def reuse(self, relpath: str, digest: str, *, any_render: bool = False, renewed: str | None = None) -> bool:
        """Keep the page at `relpath` as it is if its input still has this `digest`.

        `renewed`: record this digest for it from now on instead (the caller knows the file
        made from the new input would be the same bytes)."""
        if not self.reusable(relpath, digest, any_render=any_render):
            return False
        self.files[relpath] = self.old_files[relpath]
        self.inputs[relpath] = renewed or digest
        if renewed:
            self.recorded.append(relpath)
        self.unchanged += 1
        return True

    def keep(self, relpath: str) -> bool:
        """Keep a file an earlier build wrote, unread, whatever changed since (templates too):
        for files that, once published, never change (dated open data snapshots). Nothing is
        written, so the guard has nothing new to read."""
        old = self.old_files.get(relpath)
        if old is None or relpath in self.files or not os.path.isfile(self._prefix + relpath):
            return False
        self.files[relpath] = old
        if relpath in self.old_inputs:
            self.inputs[relpath] = self.old_inputs[relpath]
        self.unchanged += 1
        return True

    def stage(self, relpath: str, data: bytes, checked: tuple[str, ...] | None = None) -> Staged:
        """Check `data` with the gate and stage it under its own path in the staging area,
        unless the site's file already holds these bytes. Changes nothing of this object: a
        worker process may call it (see pages.py), the parent then calls `add`.

        The staging area is laid out as the site is, so that `finish` can move a directory the
        site does not have yet in one rename (`moves`). A path is staged at most once per build:
        each is made once (`add` refuses a second output for it).

        `checked`: what the gate found in these bytes, when the caller had it read what they hold
        that the gate had not read before (`put`)."""
        sha = hashlib.sha256(data).hexdigest()
        if self.old_files.get(relpath) == sha and os.path.isfile(self._prefix + relpath):
            return Staged(relpath, sha, None, ())
        staged = self._staging_prefix + relpath
        write_new(staged, data)
        if checked is None:
            checked = self._check(relpath, data, sha)
        elif not checked and len(data) >= REPEATED:
            self._passed.add((sha, os.path.splitext(relpath)[1].lower()))  # a snapshot's copy passes too
        return Staged(relpath, sha, staged, checked)

    def _check(self, relpath: str, data: bytes, sha: str) -> tuple[str, ...]:
        """What the gate finds in these bytes. Bytes the gate already passed in this build (a
        snapshot repeats the data files: some 30 MB at 20k reports) pass again unread; bytes
        it found something in are read again, so that the problems name this file too. The
        extension is part of the key: the gate reads a file by its name's too."""
        if self.guard is None:
            return ()
        if len(data) < REPEATED:
            return tuple(self.guard([(relpath, data)]))
        key = (sha, os.path.splitext(relpath)[1].lower())
        if key in self._passed:
            return ()
        problems = tuple(self.guard([(relpath, data)]))
        if not problems:
            self._passed.add(key)
        return problems

    def adopt(self, relpath: str, path: Path, *, digest: str | None = None) -> None:
        """Like `put`, for a file another program wrote into the staging area (Pagefind's
        bundles): checked by the gate where it is, and moved into place from there."""
        self.add(self.adopted(relpath, path), digest=digest)

    def adopted(self, relpath: str, path: Path, data: bytes | None = None) -> Staged:
        """`adopt` without counting the file (as `stage` is to `put`): the caller checks a
        bundle's files as soon as Pagefind wrote them, and calls `add` once every bundle is
        there. `data`: the file's bytes, if the caller has read them."""
        data = path.read_bytes() if data is None else data
        sha = hashlib.sha256(data).hexdigest()
        if self.old_files.get(relpath) == sha and (self.root / relpath).is_file():
            path.unlink()
            return Staged(relpath, sha, None, ())
        if not _umask_gives_file_mode():
            os.chmod(path, FILE_MODE)
        return Staged(relpath, sha, str(path), self._check(relpath, data, sha))

    def add(self, staged: Staged, *, digest: str | None = None) -> Path | None:
        """Count a file `stage` made as this build's (see `put`)."""
        relpath = staged.relpath
        if relpath in self.files:
            raise ValueError(f"two outputs for {relpath}")
        self.rendered += 1
        self.recorded.append(relpath)
        self.files[relpath] = staged.sha
        if digest is not None:
            self.inputs[relpath] = digest
        self.problems.extend(staged.problems)
        if staged.path is None:
            self.unchanged += 1
            return None
        self.pending.append((relpath, staged.path))
        return Path(staged.path)

    def put(
        self, relpath: str, data: bytes, *, digest: str | None = None, checked: tuple[str, ...] | None = None
    ) -> Path | None:
        """Write `data` to `relpath` unless the file already holds exactly these bytes.

        `digest` identifies the input the page was rendered from, for `reuse` next time.
        `checked`: what the gate found in the parts of `data` it had not read before, when the
        caller knows the rest passed the gate as it is now (aduan.db with some months' rows
        replaced: opendata_build.py); the gate then does not read the whole file.
        Returns where the bytes now are for a reader within this build (the staged file),
        or None when the site's file already holds them.
        """
        if relpath in self.files:
            raise ValueError(f"two outputs for {relpath}")
        return self.add(self.stage(relpath, data, checked), digest=digest)

    def set_page(self, listing: str, number: int, items: list[str] | None) -> None:
        """Record a listing page's new items (None: the page is gone), saved with the files."""
        self.pages[(listing, number)] = items

    def finish(self) -> dict[str, Any]:
        """If the gate passed every changed file, move them into place, delete files made last
        time and not this time, save the state's changed rows, report counts."""
        self.files.dirs.clear()  # for carry_under only; the worker keeps the paths, not these
        if self.problems:
            self.abandon()
            raise PublicationRefused(self.problems)
        if self.carrying and isinstance(self.old_files, Column):  # for the count of carried files
            before, again = self.state.count(), sum(1 for p in self.files if p in self.old_files)
        self.state.forget(path for path, _ in self.pending)
        for directory, group in self.moves(sorted(self.pending, key=lambda item: self.rank(item[0]))):
            if directory is not None:
                try:
                    place_tree(self.staging / directory, self.root / directory)
                    self.written.extend(relpath for relpath, _ in group)
                    continue
                except OSError:  # there after all: its files one by one, into what is there
                    pass
            for relpath, staged in group:
                place(staged, self.root / relpath)
                self.written.append(relpath)
        self.pending = []
        shutil.rmtree(self.staging, ignore_errors=True)
        deleted = self._deleted()
        for relpath in deleted:
            path = self.root / relpath
            path.unlink(missing_ok=True)
            self._prune(path.parent)
        changed = {
            path: (self.files[path], self.inputs.get(path))
            for path in self.recorded
            if self.old_files.get(path) != self.files[path] or self.old_inputs.get(path) != self.inputs.get(path)
        }
        # Rows forgotten before the moves must come back even when the bytes were the same.
        changed.update({path: (self.files[path], self.inputs.get(path)) for path in self.written})
        meta = {**self.meta, "render_key": self.render_key}
        files: dict[str, str] = self.files
        inputs = self.inputs
        remember = True
        if self.carrying and isinstance(self.old_files, Column):
            # The state was not read whole: this process will read it again next time.
            remember = False
            self.unchanged += before - len(deleted) - again
        elif self.carrying:  # what the state holds after this build: the carried files too
            # The dicts this process remembers, changed in place (not copied: 350k paths at 100k
            # reports), their memory dropped first so that a build failing now reads the file.
            assert isinstance(self.old_files, dict) and isinstance(self.old_inputs, dict)
            self.state.drop_memory()
            files, inputs = self.old_files, self.old_inputs
            for relpath in self.files:  # a file made again holds only the input it has now
                inputs.pop(relpath, None)
            files.update(self.files)
            inputs.update(self.inputs)
            for relpath in deleted:
                files.pop(relpath, None)
                inputs.pop(relpath, None)
            self.unchanged += len(files) - len(self.files)
        self.state.save(changed, deleted, meta, self.pages, now=(files, inputs) if remember else None)
        self.state.close()
        return {
            "written": len(self.written),
            "unchanged": self.unchanged,
            "deleted": len(deleted),
            "rendered": self.rendered,
            "written_files": tuple(self.written),
            "deleted_files": tuple(deleted),
        }

    def moves(self, order: list[tuple[str, str]]) -> Iterator[tuple[str | None, list[tuple[str, str]]]]:
        """The moves into place of the files `order` lists (relpath, staged path), in that
        order: (directory, its files) for a directory moved in one rename, (None, [one file])
        for a file moved alone.

        A directory moves whole when the site has no such directory yet, every file staged
        under it is in `order` (staged under its own path: not a Pagefind bundle's, see
        `adopted`), and they are next to one another there: then the rename makes them appear
        at once where they would have appeared one after the other, every other file keeps its
        place in the order, and so a build killed at any moment leaves a state that moving
        them one by one could have left too. A first build moves most of its files this way
        (a report's pages, its photos and Open311 files in a few renames), not one rename and
        one mkdir per file (about 5 s of the ~7 s `finish` took at 20k reports, measured)."""
        first: dict[str, int] = {}
        span: dict[str, int] = {}
        loose: set[str] = set()  # directories holding a file not staged under its own path
        prefix = self._staging_prefix
        for at, (relpath, staged) in enumerate(order):
            own = str(staged) == prefix + relpath
            cut = relpath.find("/")
            while cut != -1:
                directory = relpath[: cut + 1]
                if directory not in first:
                    first[directory] = at
                    span[directory] = 0
                span[directory] += 1
                if not own:
                    loose.add(directory)
                if at - first[directory] + 1 != span[directory]:  # not next to one another
                    loose.add(directory)
                cut = relpath.find("/", cut + 1)
        starts: dict[int, list[str]] = {}
        for directory, at in first.items():
            if directory not in loose:
                starts.setdefault(at, []).append(directory)
        at = 0
        while at < len(order):
            # The outermost directory starting here that the site does not have yet.
            whole = next(
                (d for d in sorted(starts.get(at, ()), key=len) if not os.path.lexists(self._prefix + d)),
                None,
            )
            if whole is None:
                yield None, [order[at]]
                at += 1
            else:
                yield whole.rstrip("/"), order[at : at + span[whole]]
                at += span[whole]

    def abandon(self) -> None:
        """Drop the staged files; the site and the state stay as the last build left them."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.pending = []
        self.state.close()

    def _prune(self, directory: Path) -> None:
        """Remove directories left empty (e.g. /laporan/X/ after its record disappeared)."""
        root = self.root.resolve()
        while directory.resolve() != root and root in directory.resolve().parents:
            try:
                directory.rmdir()
            except OSError:  # not empty, or already gone
                return
            directory = directory.parent
