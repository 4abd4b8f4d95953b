"""Words that name nobody: the region's own words, the site's, and ordinary Indonesian.

A reporter who calls themself "Pasuruan", "Dinas" or "True", or writes "lapor ke @pasuruan",
gives no identifier the gate can search for: these words are everywhere on the site. The
vocabulary is read once per process from files that ship with the code, and its words are kept
for the next process in a file of the start cache (``ADUAN_CACHE``, as the redactor's): finding
the words of some 30,000 lines cost every new `aduan build` about 0.05 s of CPU. The file is keyed
by the digest of the exact bytes the words are found in, read again by each process, so a file
that is stale, damaged or of another version is never trusted: the words are found again.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..region import Region

_WORD = re.compile(r"\w+")
_DATA = Path(__file__).resolve().parents[1] / "data"
_REPO = Path(__file__).resolve().parents[3]
# The site's own words (templates, scripts, pages, labels). On a deployment without the theme
# these folders are absent, and the region and word lists still apply.
_SITE_SOURCES = (
    ("theme", ("*.html", "*.js", "*.css")),
    ("content", ("*.md",)),
    ("plugins/aduan_site", ("*.py",)),
)


def words(text: str) -> list[str]:
    """The gate's words: runs of letters and digits, case-folded."""
    return _WORD.findall(text.casefold())


@dataclass(frozen=True)
class Vocabulary:
    # Words the region or the site itself publishes: never part of an identifier's evidence.
    public: frozenset[str]
    # Ordinary Indonesian (root words, common words, titles, roles): a name made only of
    # these is searched for in its own report, never in others.
    ordinary: frozenset[str]

    def is_public(self, word: str) -> bool:
        return word in self.public

    def is_plain(self, word: str) -> bool:
        """A word that says nothing about a person on its own."""
        return word in self.public or word in self.ordinary or len(word) < 3 or word.isdigit()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _site_sources() -> list[bytes]:
    """The bytes of every file the site's own words come from (the region's come apart)."""
    found: list[bytes] = []
    for folder, patterns in _SITE_SOURCES:
        root = _REPO / folder
        for pattern in patterns:
            for path in sorted(root.rglob(pattern)) if root.is_dir() else ():
                found.append(path.read_bytes())
    return found


def _ordinary_sources() -> tuple[bytes, list[bytes]]:
    """Sastrawi's root words, and the bytes of our own word lists (a missing one is empty)."""
    root_words = (resources.files("Sastrawi.Stemmer.data") / "kata-dasar.txt").read_bytes()
    lists = []
    for name in ("common_id.txt", "titles_id.txt", "roles_id.txt", "honorifics_id.txt", "public_id.txt"):
        try:
            lists.append((_DATA / name).read_bytes())
        except FileNotFoundError:
            lists.append(b"")
    return root_words, lists


def _find_site_words(sources: list[bytes], codes: bytes | None) -> frozenset[str]:
    found: set[str] = set()
    for data in sources:
        found.update(words(data.decode("utf-8", errors="replace")))
    if codes is not None:
        found.update(w for s in _strings(json.loads(codes.decode("utf-8"))) for w in words(s))
    return frozenset(found)


def _find_ordinary_words(root_words: bytes, lists: list[bytes]) -> frozenset[str]:
    found: set[str] = {w.casefold() for w in root_words.decode("utf-8").split()}
    for data in lists:
        for line in data.decode("utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                found.update(words(line))
    return frozenset(found)


def _cache_file() -> Path | None:
    """The file the words are kept in between processes (None: ADUAN_CACHE=off)."""
    chosen = os.environ.get("ADUAN_CACHE", "")
    if chosen == "off":
        return None
    base = chosen or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "aduan"
    )
    return Path(base) / f"gate-words-{sys.implementation.cache_tag}.marshal"


def _digest(parts: list[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


@lru_cache(maxsize=1)
def _fixed_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the site's own words, ordinary words): found in the files they come from, or read from
    the cache file when it was written from exactly the same bytes (and this module's code)."""
    site = _site_sources()
    codes_file = _DATA.parent / "public_codes.json"
    codes = codes_file.read_bytes() if codes_file.is_file() else None
    root_words, lists = _ordinary_sources()
    code = Path(__file__).read_bytes()  # another way of finding the words: another key
    key = _digest([code, *site, b"codes", codes or b"", b"ordinary", root_words, *lists])
    path = _cache_file()
    if path is not None:
        try:
            kept = marshal.loads(path.read_bytes())
            if (
                isinstance(kept, tuple)
                and len(kept) == 3
                and kept[0] == key
                and all(isinstance(part, frozenset) for part in kept[1:])
            ):
                return kept[1], kept[2]
        except (OSError, EOFError, ValueError, TypeError):
            pass  # missing or damaged: found again, and written again
    made = (_find_site_words(site, codes), _find_ordinary_words(root_words, lists))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f"{path.name}.{os.getpid()}.part")  # whole, then renamed
            part.write_bytes(marshal.dumps((key, *made)))
            os.replace(part, path)
        except OSError:
            pass  # a read-only home (Lambda): the next process finds them again
    return made


def _site_words() -> frozenset[str]:
    return _fixed_words()[0]


def _ordinary_words() -> frozenset[str]:
    return _fixed_words()[1]


@lru_cache(maxsize=8)
def _vocabulary(region_json: str) -> Vocabulary:
    region_words = {w for s in _strings(json.loads(region_json)) for w in words(s)}
    return Vocabulary(public=frozenset(region_words | _site_words()), ordinary=_ordinary_words())


def vocabulary(region: Region) -> Vocabulary:
    return _vocabulary(json.dumps(region.raw, sort_keys=True))


def vocabulary_of(region: dict[str, Any]) -> Vocabulary:
    """The vocabulary of a region given as its raw JSON object (the public dataset's copy)."""
    return _vocabulary(json.dumps(region, sort_keys=True))
