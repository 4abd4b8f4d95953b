"""Words that name nobody: the region's own words, the site's, and ordinary Indonesian.

A reporter who calls themself "Pasuruan", "Dinas" or "True", or writes "lapor ke @pasuruan",
gives no identifier the gate can search for: these words are everywhere on the site. The
vocabulary is read once per process from files that ship with the code.
"""

from __future__ import annotations

import json
import re
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


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    found: set[str] = set()
    for folder, patterns in _SITE_SOURCES:
        root = _REPO / folder
        for pattern in patterns:
            for path in root.rglob(pattern) if root.is_dir() else ():
                found.update(words(path.read_text(encoding="utf-8", errors="replace")))
    codes = _DATA.parent / "public_codes.json"
    if codes.is_file():
        found.update(w for s in _strings(json.loads(codes.read_text(encoding="utf-8"))) for w in words(s))
    return frozenset(found)


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    found: set[str] = set()
    root_words = (resources.files("Sastrawi.Stemmer.data") / "kata-dasar.txt").read_text(encoding="utf-8")
    found.update(w.casefold() for w in root_words.split())
    for name in ("common_id.txt", "titles_id.txt", "roles_id.txt", "honorifics_id.txt", "public_id.txt"):
        for line in _lines(_DATA / name):
            found.update(words(line))
    return frozenset(found)


@lru_cache(maxsize=8)
def _vocabulary(region_json: str) -> Vocabulary:
    region_words = {w for s in _strings(json.loads(region_json)) for w in words(s)}
    return Vocabulary(public=frozenset(region_words | _site_words()), ordinary=_ordinary_words())


def vocabulary(region: Region) -> Vocabulary:
    return _vocabulary(json.dumps(region.raw, sort_keys=True))


def vocabulary_of(region: dict[str, Any]) -> Vocabulary:
    """The vocabulary of a region given as its raw JSON object (the public dataset's copy)."""
    return _vocabulary(json.dumps(region, sort_keys=True))
