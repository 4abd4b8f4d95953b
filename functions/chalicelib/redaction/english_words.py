"""English words in Indonesian complaints are not names: "hotline Disdik", "WA Center", "calo tiket speedboat",
"dilaporkan ke platform", "Jl. Brigjen Dharsono (By Pass)", "produk made in china".

Citizens and offices borrow English for services, transport and the internet, and write the words as they are.
The dictionary the lexicons read (PySastrawi's) lacks them, so a capitalised one ("WA Center") or one after a
cue reads as a name. A name candidate loses its leading words that are such English words, and is dropped when
nothing else is left: "speedboat tulehu" keeps "tulehu" for the other rules to decide.

Where a person begins: no word below is a listed given name; "Made" is a Balinese birth-order name, so it is an
English word only before "in" ("made in china").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import heads
from .document import _Candidate, _Doc
from .lexicon import _LEX

_ENGLISH = frozenset(
    w
    for w in (
        # services and offices
        "hotline center centre call contact helpdesk desk service services customer care support official "
        "manager general supervisor staff team leader head office store outlet showroom counter "
        # transport and the street
        "speedboat speed boat ferry bus busway shuttle travel pass bypass flyover underpass traffic light "
        "parking rest area toll gate driver delivery tracking "
        # the internet and phones
        "platform online offline website web app apps update upload download link server error login "
        "password account inbox story feed reels live streaming trending viral screenshot barcode scan "
        "voucher cashback promo event meeting booking "
        # a city's programmes and shows ("Bukittinggi Smart City", "Malang Jazz Fest")
        "smart city fest festival expo fair"
    ).split()
    if w not in _LEX.names
)
# what the text must hold for the rule to apply (see heads)
_HEADS = heads.register(_ENGLISH | {"made"})
_WORD = re.compile(r"[^\W\d_][\w'\-]*")
_MADE_IN = re.compile(r"(?i)made[ \t]+in\b")


def _english(doc: _Doc, word: re.Match[str]) -> bool:
    low = word.group().lower()
    return low in _ENGLISH or low == "made" and _MADE_IN.match(doc.text, word.start()) is not None


def drop_english_words(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without their leading English words, and without those made of them (see the module)."""
    if not heads.present(doc, _HEADS):
        return list(candidates)  # no English word of the list in the text
    kept = []
    for cand in candidates:
        first = _WORD.match(doc.text, cand.start, cand.end) if cand.kind == "nama" else None
        if first and _english(doc, first):
            words = list(_WORD.finditer(doc.text, cand.start, cand.end))
            k = 0
            while k < len(words) and _english(doc, words[k]):
                k += 1
            if words and k == len(words):
                continue
            if k:
                cand = cand._replace(start=words[k].start())
        kept.append(cand)
    return kept
