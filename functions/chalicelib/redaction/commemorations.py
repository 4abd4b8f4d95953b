"""A day of the national calendar is not a person named Hari: "Selamat Hari Nusantara!", "Dalam rangka Hari
Pahlawan", "peringatan Hari Kartini".

"Hari" is a given name as well as the word for day, so the detectors read a capitalised "Hari" before another
capitalised word as a person ("Hari Santoso"). A name candidate is dropped when it lies inside "Hari" and one to
three capitalised words, and either these words are all everyday words and none of the name list ("Hari
Nusantara", "Hari Lingkungan Hidup"), or a greeting or an occasion's word stands before "Hari" ("Selamat Hari
Kartini", "memperingati Hari Kartini").

Where a person begins: "Pak Hari Nusantara" (after an honorific), "Hari Santoso bilang" or "Hari Wibisono" (a
listed or an unknown word after "Hari", no occasion before it) are kept redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .lexicon import _LEX

# "Hari" and one to three capitalised words: "Hari Nusantara", "Hari Lingkungan Hidup Sedunia"
_DAY = re.compile(r"(?<![^\W\d_])Hari[ \t]+(?P<name>[A-Z][\w'\-]*)(?:[ \t]+[A-Z][\w'\-]*){0,2}")
_OCCASION = re.compile(
    r"(?i)(?:selamat|rangka|memperingati|peringatan|merayakan|perayaan|menyambut|upacara|hut|puncak)[ \t]+$"
)
_WORD = re.compile(r"[^\W\d_]+")
_WORLD = frozenset("sedunia internasional kebangkitan".split())


def _days(text: str) -> list[tuple[int, int]]:
    """The days of the calendar the text names (see the module)."""
    spans = []
    for m in _DAY.finditer(text):
        before = text[max(0, m.start() - 24) : m.start()]
        words = _WORD.findall(before.lower())
        if words and words[-1] in _LEX.honorifics and not before.rstrip().endswith((".", ",", "!", "?")):
            continue  # "Pak Hari Nusantara" is a man
        words = _WORD.findall(m.group().lower())[1:]
        everyday = all((w in _LEX.words or w in _LEX.common or w in _WORLD) and w not in _LEX.names for w in words)
        if everyday or _OCCASION.search(before):
            spans.append((m.start(), m.end()))
    return spans


def drop_commemorations(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a day of the calendar (see the module)."""
    candidates = list(candidates)
    if "Hari" not in doc.text or not any(c.kind == "nama" for c in candidates):
        return candidates
    days = _days(doc.text)
    if not days:
        return candidates
    return [c for c in candidates if c.kind != "nama" or not any(a <= c.start and c.end <= b for a, b in days)]
