"""Static full-text search of the report pages with Pagefind, in shards: no server, no service.

Pagefind has no incremental indexing, so the report pages are split into shards by the month
they were submitted in (a report never changes month), each indexed into its own bundle under
`/_pagefind/<shard>/`, and the search page merges the bundles in the browser with Pagefind's
`mergeIndex` (theme/static/js/cari.js, which reads the list of shards from
`/_pagefind/shards.json`). A changed report page re-indexes only its month.

Each shard is indexed from a mirror of hard links to the pages kept in the build's directory
(`Mirror`), at most two Pagefind processes at a time (the machines have two cores), in the
background while the build makes its other files, straight into the build's staging area. The
caller hands every file of each bundle to the output writer, so the publication gate reads the
index before anything is published (Pagefind's index files are gzip-compressed; the gate
decompresses them).
Only `data-pagefind-body` of the Indonesian report pages is indexed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

BUNDLE = "_pagefind"
SHARDS = "shards.json"
# The search UI, the same for every shard: published once at /_pagefind/.
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
# What a shard needs for mergeIndex: its loader, worker, wasm, entry, meta, index, fragments,
# filters. The other UIs Pagefind writes into every bundle are left out.
SHARD_FILE = re.compile(
    r"^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\..*|pagefind\..*\.pf_meta|(?:index|fragment|filter)/.*)$"
)
MONTH = re.compile(r"^\d{4}-\d{2}$")
WORKERS = 2


class SearchError(RuntimeError):
    pass


def shard_of(submitted: str) -> str:
    """The shard of a report: the month it was submitted in (`2026-04`)."""
    month = str(submitted)[:7]
    return month if MONTH.match(month) else "lain"


def _executable() -> str:
    # The binary ships with the `pagefind[bin]` package: nothing is downloaded at build time.
    from pagefind.service import get_executable  # noqa: PLC0415 - only builds that index need it

    path = get_executable()
    if path is None:
        raise SearchError("the pagefind binary is not installed (pip install 'pagefind[bin]')")
    return str(path)


def _link(source: Path, target: Path) -> None:
    """Point the mirror's `target` at the page in `source` (a hard link: no copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(".link.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


class Mirror:
    """The Indonesian report pages as Pagefind must see them (`laporan/<tracking>/index.html`),
    hard links kept from build to build in the build's own directory: a build links the pages
    it changed, and Pagefind reads a shard's pages straight from here (`--glob`), with no
    temporary tree to make and delete per build."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def page(self, tracking: str) -> Path:
        return self.root / "laporan" / tracking / "index.html"

    def update(self, tracking: str, source: Path, *, changed: bool) -> None:
        target = self.page(tracking)
        if changed or not target.is_file():
            _link(source, target)

    def forget(self, tracking: str) -> None:
        self.page(tracking).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.page(tracking).parent.rmdir()


def _index(executable: str, mirror: Path, trackings: list[str], bundle: Path) -> Path:
    # Pagefind's glob takes alternatives: exactly this shard's pages, however many the mirror has.
    pattern = "laporan/{" + ",".join(trackings) + "}/index.html"
    command = [executable, "--site", str(mirror), "--glob", pattern, "--output-path", str(bundle), "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own arguments
    if done.returncode != 0:
        raise SearchError(f"pagefind failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return bundle


class IndexJob:
    """Pagefind indexing shards (shard → tracking numbers of its pages, read from the mirror)
    in the background, two at a time, each bundle written into `staging`; `results()` yields
    each shard's files as they are ready."""

    def __init__(self, shards: dict[str, list[str]], mirror: Mirror, staging: Path) -> None:
        executable = _executable()
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="pagefind")
        self.futures: dict[str, Future[Path]] = {}
        for shard, trackings in sorted(shards.items()):
            bundle = staging / f"pagefind-{shard}"
            self.futures[shard] = self.pool.submit(_index, executable, mirror.root, trackings, bundle)

    def results(self) -> Iterator[tuple[str, dict[str, Path]]]:
        """(shard, bundle path → the file Pagefind wrote) for each shard, in shard order; raises
        SearchError if Pagefind failed on one. Only the files a merged search needs are kept
        (the others are deleted)."""
        try:
            for shard, future in self.futures.items():
                bundle = future.result()
                files = {}
                for path in sorted(bundle.rglob("*")):
                    relpath = path.relative_to(bundle).as_posix()
                    if not path.is_file():
                        continue
                    if SHARD_FILE.match(relpath) or path.name in UI_FILES:
                        files[relpath] = path
                    else:
                        path.unlink()
                yield shard, files
        finally:
            self.cancel()

    def cancel(self) -> None:
        for future in self.futures.values():
            future.cancel()
        self.pool.shutdown(wait=True)
