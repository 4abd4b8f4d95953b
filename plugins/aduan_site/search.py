"""Static full-text search of the report pages with Pagefind, in shards: no server, no service.

Pagefind has no incremental indexing, so the report pages are split into shards by the month
they were submitted in (a report never changes month), each indexed into its own bundle under
`/_pagefind/<shard>/`, and the search page merges the bundles in the browser with Pagefind's
`mergeIndex` (theme/static/js/cari.js, which reads the list of shards from
`/_pagefind/shards.json`). A changed report page re-indexes only its month.

Each shard is indexed from a small temporary tree of hard links to the pages (as staged by
the build or already published), at most two Pagefind processes at a time (the machines have
two cores), in the background while the build makes its other files. The caller hands every
file of each bundle to the output writer, so the publication gate reads the index before
anything is written (Pagefind's index files are gzip-compressed; the gate decompresses them).
Only `data-pagefind-body` of the Indonesian report pages is indexed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
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


def _place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)  # the page as staged or published: no copy needed
    except OSError:
        shutil.copyfile(source, target)


def _index(executable: str, pages: dict[str, Path], tmp: Path) -> Path:
    site = tmp / "site"
    bundle = tmp / "bundle"
    for relpath, source in pages.items():
        _place(source, site / relpath)
    command = [executable, "--site", str(site), "--output-path", str(bundle), "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own arguments
    if done.returncode != 0:
        raise SearchError(f"pagefind failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return bundle


class IndexJob:
    """Pagefind indexing shards (shard → site path → the file holding the page) in the
    background, two at a time; `results()` yields each shard's bundle as it is ready."""

    def __init__(self, shards: dict[str, dict[str, Path]]) -> None:
        executable = _executable()
        self.tmp = tempfile.TemporaryDirectory(prefix="aduan-search-")
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="pagefind")
        self.futures: dict[str, Future[Path]] = {}
        for shard, pages in sorted(shards.items()):
            work = Path(self.tmp.name) / shard
            work.mkdir()
            self.futures[shard] = self.pool.submit(_index, executable, pages, work)

    def results(self) -> Iterator[tuple[str, dict[str, bytes]]]:
        """(shard, bundle path → bytes) for each shard, in shard order; raises SearchError if
        Pagefind failed on one. Only the files a merged search needs are kept."""
        try:
            for shard, future in self.futures.items():
                bundle = future.result()
                files = {
                    p.relative_to(bundle).as_posix(): p.read_bytes()
                    for p in sorted(bundle.rglob("*"))
                    if p.is_file() and (SHARD_FILE.match(p.relative_to(bundle).as_posix()) or p.name in UI_FILES)
                }
                shutil.rmtree(bundle.parent, ignore_errors=True)
                yield shard, files
        finally:
            self.cancel()

    def cancel(self) -> None:
        for future in self.futures.values():
            future.cancel()
        self.pool.shutdown(wait=True)
        self.tmp.cleanup()
