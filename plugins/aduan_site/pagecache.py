"""Pelican's Markdown pages (content/pages) read once, not on every build.

Reading the ten pages runs Markdown with its extensions (and Pygments behind codehilite) on every
`aduan build`: about a quarter of a build that changes one report. The pages rarely change, so
what the reader returns for a file is kept under the build's own state directory
(`<output>/.aduan-state/pages/<key>.json`), keyed by everything it is made from: the file's
bytes, the versions of Pelican, Markdown and Pygments, the reader settings and this module's
own code. Another key is another entry, so an edited page, an upgrade or a new setting simply
reads the file again; nothing is ever stale. After a complete Pelican run, the entries it did not
use (an edited page's old bytes, an older version's) are deleted (`prune`).

An entry is written to a temporary name and renamed into place (atomic: a build killed
mid-write leaves no half entry, and two builds writing the same key write the same bytes).
Only metadata that is plain text is kept, as JSON; a page with anything else (dates, authors,
tags as Pelican objects) is read afresh every build, as before. A damaged entry is read again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pelican.readers import MarkdownReader

logger = logging.getLogger(__name__)

CACHE_DIR = ".aduan-state/pages"
LAYOUT = "1"
# Settings a reader's output depends on (MarkdownReader and Pelican's metadata processors).
READER_SETTINGS = (
    "MARKDOWN",
    "FORMATTED_FIELDS",
    "TIMEZONE",
    "DEFAULT_LANG",
    "DEFAULT_DATE_FORMAT",
    "SLUGIFY_SOURCE",
    "SLUGIFY_USE_UNICODE",
    "SLUGIFY_PRESERVE_CASE",
    "SLUG_REGEX_SUBSTITUTIONS",
    "AUTHOR_REGEX_SUBSTITUTIONS",
    "CATEGORY_REGEX_SUBSTITUTIONS",
    "TAG_REGEX_SUBSTITUTIONS",
    "SUMMARY_MAX_LENGTH",
    "SUMMARY_MAX_PARAGRAPHS",
    "TYPOGRIFY",
)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


def _code_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


# Cache directory → the entries this process's Pelican run read or wrote there (for `prune`).
_USED: dict[str, set[str]] = {}


def prune(output: Path) -> int:
    """After a complete Pelican run into `output`: delete the entries it did not use. Nothing is
    deleted when the run used none (a run without Markdown pages, or with the cache off)."""
    directory = Path(output) / CACHE_DIR
    used = _USED.pop(str(directory), None)
    if not used:
        return 0
    gone = 0
    for entry in directory.glob("*.json"):
        if entry.name not in used:
            entry.unlink(missing_ok=True)
            gone += 1
    return gone


class CachedMarkdownReader(MarkdownReader):
    """Pelican's MarkdownReader, its result kept by the bytes it was made from."""

    _versions: str | None = None  # once per process: the packages do not change under it

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        cache = self._entry(source_path)
        if cache is not None:
            _USED.setdefault(str(cache.parent), set()).add(cache.name)
            try:
                saved = json.loads(cache.read_bytes())
                return saved["content"], saved["metadata"]
            except (OSError, ValueError, KeyError, TypeError):
                pass  # none yet, or damaged: read the page
        content, metadata = super().read(source_path)
        if cache is not None and type(content) is str and all(type(v) is str for v in metadata.values()):
            self._save(cache, {"content": content, "metadata": metadata})
        return content, metadata

    def _entry(self, source_path: str) -> Path | None:
        output = self.settings.get("OUTPUT_PATH")
        if not output:
            return None
        try:
            source = Path(source_path).read_bytes()
        except OSError:
            return None  # the reader says what is wrong
        if CachedMarkdownReader._versions is None:
            packages = ("pelican", "markdown", "pygments")
            CachedMarkdownReader._versions = json.dumps([LAYOUT, _code_digest(), *map(_version, packages)])
        settings = json.dumps({k: self.settings.get(k) for k in READER_SETTINGS}, sort_keys=True, default=repr)
        digest = hashlib.sha256()
        for part in (CachedMarkdownReader._versions.encode(), settings.encode(), source):
            digest.update(hashlib.sha256(part).digest())
        return Path(output) / CACHE_DIR / f"{digest.hexdigest()}.json"

    @staticmethod
    def _save(cache: Path, entry: dict[str, Any]) -> None:
        temporary = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(json.dumps(entry, ensure_ascii=False).encode())
            os.replace(temporary, cache)
        except OSError as exc:  # a read-only output: the page is read again next time
            temporary.unlink(missing_ok=True)
            logger.warning("aduan_site: page cache %s not written: %s", cache, exc)


def use_cached_reader(readers: Any) -> None:
    """`readers_init`: Markdown files through CachedMarkdownReader (only where it is enabled)."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is MarkdownReader:
            readers.reader_classes[extension] = CachedMarkdownReader
