"""Monuments named after heroes, in any case, and heroes' given names written short inside a facility's name:
"lampu di patung christina martha tiahahu", "RSUD dr. H. Moh. Anwar".

The public-phrase rules (``public.py``) carry a monument's name on after "Patung", "Gapura" and the like only
when it is capitalised in a mixed-case text, and end a facility's name at a dot that is no rank's or
initial's: so chat's "patung christina martha tiahahu" and Madura's "RSUD dr. H. Moh. Anwar" lose their hero
to the name detectors. Those rules feed the trained names model, so this module corrects after them: a name
candidate is dropped when

* a monument's word stands right before it, or before the names side by side that it ends, on its line ("patung", "tugu", "monumen", "gapura", "arca",
  "situs", "prasasti"): nobody stands after a statue's word as its keeper;
* it starts right after a given name written short ("Moh.", "Moch.", "Abd.", "Muh.") that ends a public
  place's name ("RSUD dr. H. Moh" + ". Anwar").

Where a person begins: a person after an agency's abbreviation and a full stop ("DLH. Moh. Syafii") is
still redacted: "DLH" is no public place's name that ends with "Moh".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from . import heads
from .document import _Candidate, _Doc, _Token

_MONUMENTS = frozenset("patung tugu monumen gapura arca situs prasasti".split())
# Given names written short, as Madura and East Java write them
_GIVEN_ABBREVIATED = frozenset("moh moch mochd mohd muh much mhd abd ach achm ahm".split())


# A text holds one of these (in lower case) if the rule can apply (see heads)
_HEADS = heads.register(set(_MONUMENTS) | {f"{w}." for w in _GIVEN_ABBREVIATED})


def _start(tok: _Token) -> int:
    return tok.start


def _hero(doc: _Doc, cand: _Candidate, public_ends: set[int]) -> bool:
    at = bisect_left(doc.tokens, cand.start, key=_start)
    if at == 0 or doc.tokens[at].start != cand.start:
        return False
    prev = doc.tokens[at - 1]
    gap = doc.text[prev.end : cand.start]
    if prev.low in _MONUMENTS and gap.strip(" \t") == "":
        return True
    return prev.low in _GIVEN_ABBREVIATED and gap.strip(" \t") == "." and prev.end in public_ends


def drop_hero_places(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the heroes of monuments and facilities (see the module)."""
    candidates = list(candidates)
    if not heads.present(doc, _HEADS) or not any(c.kind == "nama" for c in candidates):
        return candidates
    public_ends = {span.end for span in doc.public}
    dropped: set[int] = set()
    last = -1  # where the hero's name dropped last ends: the names side by side after it are his too
    for cand in sorted((c for c in candidates if c.kind == "nama"), key=lambda c: c.start):
        after_hero = last >= 0 and doc.text[last : cand.start].strip(" \t") == ""
        if after_hero or _hero(doc, cand, public_ends):
            dropped.add(id(cand))
            last = cand.end
    return [c for c in candidates if id(c) not in dropped]
