"""A village written after its unit's abbreviation is a place: "Kel. Dara (412 KK)", "Ds. Sukamaju", "Dsn. Krajan".

Session 9 took out a rule that read any one or two words after "kelurahan" or "desa" as the village's name: the
full word often names the office, and its staff follow it ("petugas kelurahan Wagiyo", "perangkat desa
Sumarni"), which cost names on a held-out half. The abbreviation with its full stop ("Kel.", "Ds.", "Dsn.",
"Kp.") is how addresses, lists and dispositions write the place itself, and none of the corpora puts a person
after it. A name candidate of one or two words right after such an abbreviation, on the same line, is dropped,
and so is the abbreviation itself taken for a name.

Where a person begins: the full words ("kelurahan", "desa") and abbreviations without their full stop ("kel
Sumarni") are left to the other rules; a longer candidate after the abbreviation ("Kel. Paruga Andi Nurlela")
is kept whole, as the person may follow the village with no comma.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from .document import _Candidate, _Doc, _Token

_ABBREVIATIONS = frozenset("kel ds dsn kp".split())
_WORD = re.compile(r"[^\W\d_]+")


def _start(tok: _Token) -> int:
    return tok.start


def _village(doc: _Doc, cand: _Candidate) -> bool:
    if doc.text[cand.start : cand.end].lower() in _ABBREVIATIONS and doc.text[cand.end : cand.end + 1] == ".":
        return True  # the abbreviation itself ("Kel." of "- Kel. Sekar (120 KK)")
    at = bisect_left(doc.tokens, cand.start, key=_start)
    if at == 0 or doc.tokens[at].start != cand.start:
        return False
    prev = doc.tokens[at - 1]
    gap = doc.text[prev.end : cand.start]
    if prev.low not in _ABBREVIATIONS or not gap.startswith(".") or gap[1:].strip(" \t"):
        return False
    return len(_WORD.findall(doc.text[cand.start : cand.end])) <= 2


def drop_village_abbreviations(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the villages written after their unit's abbreviation (see the module)."""
    candidates = list(candidates)
    if not any(f"{a}." in doc.low for a in _ABBREVIATIONS) or not any(c.kind == "nama" for c in candidates):
        return candidates
    return [c for c in candidates if c.kind != "nama" or not _village(doc, c)]
