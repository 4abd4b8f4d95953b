"""Pelican's own pages (content/pages) written only when their bytes change.

Pelican's Writer opens and rewrites every page on every build, so each build (one status
change too) rewrote the ten content pages and their English versions, though they change only
when their Markdown, the theme or the region does: files for an S3 sync or a CDN to carry for
nothing. `KeepingWriter` renders as Pelican does and compares: the same bytes leave the file
untouched, other bytes replace it in one rename (readers never see half a page). Pelican's own
rules on writing one path twice are kept.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from pelican.writers import Writer

from .output import write_atomically


class _KeptFile(io.StringIO):
    """Collects what Pelican writes; on close, replaces the file only if the bytes differ."""

    def __init__(self, path: str, encoding: str) -> None:
        super().__init__()
        self.path, self.charset = path, encoding

    def close(self) -> None:
        if not self.closed:
            data = self.getvalue().encode(self.charset)
            try:
                with open(self.path, "rb") as handle:
                    same = handle.read() == data
            except OSError:
                same = False
            if not same:
                write_atomically(Path(self.path), data)
        super().close()


class KeepingWriter(Writer):  # type: ignore[misc]  # Pelican is untyped
    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if filename in self._overridden_files or filename in self._written_files or filename == os.devnull:
            return super()._open_w(filename, encoding, override)  # Pelican's rules on a second write
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _KeptFile(filename, encoding)
