"""Static full-text search of the report pages with Pagefind: no server, no external service.

Pagefind indexes a copy of the report pages in a temporary directory and writes its bundle
(index, fragments, the search UI's JS and CSS) to another one; the caller hands every file of
the bundle to the output writer, so the publication gate reads the index before anything is
written (Pagefind's index files are gzip-compressed; the gate decompresses them). Only the
report pages are given to Pagefind, and within them only `data-pagefind-body`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BUNDLE = "_pagefind"


class SearchError(RuntimeError):
    pass


def _executable() -> str:
    # The binary ships with the `pagefind[bin]` package: nothing is downloaded at build time.
    from pagefind.service import get_executable  # noqa: PLC0415 - only builds that index need it

    path = get_executable()
    if path is None:
        raise SearchError("the pagefind binary is not installed (pip install 'pagefind[bin]')")
    return str(path)


def _place(source: bytes | Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, Path):
        try:
            os.link(source, target)  # the page as already published: no copy needed
        except OSError:
            shutil.copyfile(source, target)
    else:
        target.write_bytes(source)


class IndexJob:
    """Pagefind indexing `pages` in the background (site path → HTML bytes, or the file
    holding them), so the build can make its other files meanwhile; `result()` waits for it."""

    def __init__(self, pages: dict[str, bytes | Path]) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="aduan-search-")
        try:
            site = Path(self.tmp.name) / "site"
            self.bundle = Path(self.tmp.name) / "bundle"
            site.mkdir()
            for relpath, source in pages.items():
                _place(source, site / relpath)
            command = [_executable(), "--site", str(site), "--output-path", str(self.bundle), "--silent"]
            self.process = subprocess.Popen(  # noqa: S603 - our own arguments
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        except BaseException:
            self.tmp.cleanup()
            raise

    def result(self) -> dict[str, bytes]:
        """Bundle path → bytes; raises SearchError if Pagefind failed."""
        try:
            _, stderr = self.process.communicate()
            if self.process.returncode != 0:
                raise SearchError(f"pagefind failed ({self.process.returncode}): {stderr.strip()[-2000:]}")
            return {
                p.relative_to(self.bundle).as_posix(): p.read_bytes()
                for p in sorted(self.bundle.rglob("*"))
                if p.is_file()
            }
        finally:
            self.tmp.cleanup()

    def cancel(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.tmp.cleanup()
