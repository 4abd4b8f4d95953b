"""One pass over a text for the words the filters' rules start from, instead of one scan per filter.

Several filters of the candidates (``english_words``, ``campus_names``, ``hero_places``, ``local_titles``)
can only change a candidate when the text holds one of their own words ("hotline", "ugm", "patung",
"kabag"...). Each registers those words here at import (``register``: its "heads", in lower case), and the
driver's document finds all of them in one pass over the text in lower case, with one Aho-Corasick automaton
(``ahocorasick_rs``, overlapping matches, so no head hides another). A filter whose heads the text lacks
returns its candidates unchanged without looking at them; one whose heads are there runs its rule as it
always did. A head is a necessary piece of the text, never a sufficient one: "kasi" is a head of
"Kasi Pemerintahan" and is found in "terima kasih" too, which only means the filter looks.

The test is on substrings of ``doc.low``: the lower case of any piece of the text is a substring of the
lower case of the whole text (``str.lower`` maps character by character), so a word that a rule would find in
a candidate's text is always found here. On the plain reference path (``engine.reference()``) every filter
looks, as before this pre-scan (tests/test_redaction_speed.py compares the two paths).
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs

from . import engine
from .document import _Doc

_HEADS: set[str] = set()
_automaton: ahocorasick_rs.AhoCorasick | None = None
_KEY = ("heads",)  # of the heads found, in a document's memo


def register(words: Iterable[str]) -> frozenset[str]:
    """Add a filter's heads (lower case) to the shared scan; returns them, for ``present``."""
    global _automaton
    heads = frozenset(words)
    assert all(h and h == h.lower() for h in heads), heads
    if not heads <= _HEADS:
        _HEADS.update(heads)
        _automaton = None  # built again, with the new heads, at the next document
    return heads


def found(doc: _Doc) -> frozenset[str]:
    """Every registered head that occurs in the text (in lower case), once per document."""
    global _automaton
    memo = doc._memo
    heads: frozenset[str] | None = memo.get(_KEY)
    if heads is None:
        if _automaton is None:
            _automaton = ahocorasick_rs.AhoCorasick(sorted(_HEADS))
        heads = memo[_KEY] = frozenset(_automaton.find_matches_as_strings(doc.low, overlapping=True))
    return heads


def present(doc: _Doc, heads: frozenset[str]) -> bool:
    """Whether the text may hold one of these heads: whether the filter that registered them must look."""
    return not engine.FAST or not heads.isdisjoint(found(doc))
