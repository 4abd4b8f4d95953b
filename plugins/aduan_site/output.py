"""Incremental output: write a file only when its bytes change, delete what is no longer made.

Pelican's own Writer rewrites every file on every build and its content cache only skips
reading (docs/architecture.md), so the plugin writes its files itself. A manifest in the output
directory remembers, for every file the plugin wrote, the sha256 of its content and, for
every report page, the digest of the record it was rendered from: an unchanged record under
an unchanged theme is not even rendered again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

logger = logging.getLogger(__name__)

MANIFEST_VERSION = 1


def write_atomically(path: Path, data: bytes) -> None:
    """Readers (the static server, an S3 sync) never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".aduan-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the web server must read the file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


class PublicationRefused(RuntimeError):
    """The guard found something that must not be published; nothing of this build was written."""

    def __init__(self, problems: list[str]) -> None:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"publication refused, {len(problems)} problem(s):\n  {shown}{more}")
        self.problems = problems


class IncrementalOutput:
    """Collects the build's changed files, lets the guard read them all, then writes them.

    Writing only after the guard has passed is what makes the publication gate a gate: a
    build that would leak writes nothing, not even the files before the leaking one.
    """

    def __init__(self, root: Path, manifest_name: str, render_key: str, guard: Guard | None = None) -> None:
        self.root = root
        self.guard = guard
        self.pending: list[tuple[str, bytes]] = []
        self.manifest_path = root / manifest_name
        self.render_key = render_key
        old = self._load()
        self.old_files: dict[str, str] = old.get("files", {})
        self.old_inputs: dict[str, str] = old.get("inputs", {})
        # Templates, region or settings changed: every report page must be rendered again.
        self.same_render = old.get("render_key") == render_key
        self.files: dict[str, str] = {}
        self.inputs: dict[str, str] = {}
        self.written: list[str] = []
        self.unchanged = 0
        self.rendered = 0  # files whose content was produced this build (written or not)

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.manifest_path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            logger.warning("aduan_site: ignoring unreadable manifest %s: %s", self.manifest_path, exc)
            return {}
        if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
            return {}
        return data

    def reusable(self, relpath: str, digest: str, *, any_render: bool = False) -> bool:
        """Would `reuse(relpath, digest)` keep the file? Changes nothing: lets a caller check a
        whole group of files before deciding to keep them all or make them all again.

        `any_render`: the digest covers everything the file is made of, so a new render key
        (templates, settings) does not matter (e.g. a search index keyed on the pages' bytes).
        """
        return (
            (self.same_render or any_render)
            and relpath in self.old_files
            and self.old_inputs.get(relpath) == digest
            and (self.root / relpath).is_file()
        )

    def reuse(self, relpath: str, digest: str, *, any_render: bool = False) -> bool:
        """Keep the page at `relpath` as it is if its input still has this `digest`."""
        if not self.reusable(relpath, digest, any_render=any_render):
            return False
        self.files[relpath] = self.old_files[relpath]
        self.inputs[relpath] = digest
        self.unchanged += 1
        return True

    def keep(self, relpath: str) -> bool:
        """Keep a file an earlier build wrote, unread, whatever changed since (templates too):
        for files that, once published, never change (dated open data snapshots). Nothing is
        written, so the guard has nothing new to read."""
        old = self.old_files.get(relpath)
        if old is None or relpath in self.files or not (self.root / relpath).is_file():
            return False
        self.files[relpath] = old
        if relpath in self.old_inputs:
            self.inputs[relpath] = self.old_inputs[relpath]
        self.unchanged += 1
        return True

    def put(self, relpath: str, data: bytes, *, digest: str | None = None) -> None:
        """Write `data` to `relpath` unless the file already holds exactly these bytes.

        `digest` identifies the input the page was rendered from, for `reuse` next time.
        """
        if relpath in self.files:
            raise ValueError(f"two outputs for {relpath}")
        self.rendered += 1
        sha = hashlib.sha256(data).hexdigest()
        self.files[relpath] = sha
        if digest is not None:
            self.inputs[relpath] = digest
        path = self.root / relpath
        if self.old_files.get(relpath) == sha and path.is_file():
            self.unchanged += 1
            return
        self.pending.append((relpath, data))

    def finish(self) -> dict[str, Any]:
        """Let the guard check every changed file, write them, delete files made last time and
        not this time, save the manifest, report counts."""
        if self.guard is not None and (problems := self.guard(self.pending)):
            raise PublicationRefused(problems)
        for relpath, data in self.pending:
            write_atomically(self.root / relpath, data)
            self.written.append(relpath)
        self.pending = []
        deleted = sorted(p for p in self.old_files if p not in self.files and _safe(p))
        for relpath in deleted:
            path = self.root / relpath
            path.unlink(missing_ok=True)
            self._prune(path.parent)
        manifest = {
            "version": MANIFEST_VERSION,
            "render_key": self.render_key,
            "files": dict(sorted(self.files.items())),
            "inputs": dict(sorted(self.inputs.items())),
        }
        data = json.dumps(manifest, indent=0, sort_keys=False).encode()
        try:
            unchanged_manifest = self.manifest_path.read_bytes() == data
        except OSError:
            unchanged_manifest = False
        if not unchanged_manifest:
            write_atomically(self.manifest_path, data)
        return {
            "written": len(self.written),
            "unchanged": self.unchanged,
            "deleted": len(deleted),
            "rendered": self.rendered,
            "written_files": tuple(self.written),
            "deleted_files": tuple(deleted),
        }

    def _prune(self, directory: Path) -> None:
        """Remove directories left empty (e.g. /laporan/X/ after its record disappeared)."""
        root = self.root.resolve()
        while directory.resolve() != root and root in directory.resolve().parents:
            try:
                directory.rmdir()
            except OSError:  # not empty, or already gone
                return
            directory = directory.parent
