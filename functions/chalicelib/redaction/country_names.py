"""A country's name is no person's, and a greeting or a closing in a foreign language neither (issue 11, session 14).

Foreigners' reports give their country, and officers write it after "WN" (warga negara): "Passport: AB9120447
(Pakistan)", "penyewa WN India", "Connor Walsh (penyewa, WN Irlandia)", "this is Thomas Andersen, norway". A
capitalised word no list knows reads like a name. The world's countries in Indonesian and in English
(``data/countries.txt``, from Faker's address providers: ``bench/countries_build.py``) tell them: a name candidate
made wholly of a country's name is dropped where a country is written (in brackets, between commas, after "WN",
"negara", "from", "dari", "asal"), unless a word of it is a listed name ("Jordan", "Georgia", "Israel" are given
names too) or an honorific stands right before it: "Satpam Oman" is a person.

The same holds for the greetings and closings tourists write in their languages, which no parent gives as a name:
"grazie", "g'day", "Regards,", "Cheers", "merci", "danke" (``GREETINGS``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from .document import _Candidate, _Doc, _Token, names_dropped
from .lexicon import _DATA, _LEX

# The words a country follows: "WN India", "warga negara Irlandia", "from Norway", "asal Pakistan"
_BEFORE = frozenset("wn wna negara from of dari asal nationality citizen kewarganegaraan".split())
GREETINGS = frozenset(
    "regards cheers thanks thank grazie merci danke gracias obrigado obrigada arigato bonjour bonsoir ciao hola "
    "hallo g'day gday howdy salut sincerely kind best".split()
)
_WORDS = re.compile(r"[a-z']+")


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Every country's name, in Indonesian and in English (lower case)."""
    lines = (_DATA / "countries.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _start(tok: _Token) -> int:
    return tok.start


def _country_or_greeting(doc: _Doc, cand: _Candidate) -> bool:
    words = _WORDS.findall(doc.text[cand.start : cand.end].lower())
    name = " ".join(words)
    if name not in countries() and (len(words) != 1 or name not in GREETINGS):
        return False  # most candidates
    if any(w in _LEX.names for w in words):
        return False
    at = bisect_left(doc.tokens, cand.start, key=_start)
    before = doc.tokens[at - 1].low if at > 0 else ""
    if before in _LEX.honorifics or before in _LEX.titles:
        return False
    if len(words) == 1 and name in GREETINGS:
        return True
    if name not in countries():
        return False
    # where a country is written: "(Pakistan)", "WN India", "from Norway", ", norway," ("Oman" is a given name too)
    text = doc.text
    left = text[max(0, cand.start - 2) : cand.start].strip()
    right = text[cand.end : cand.end + 2].strip()
    return before in _BEFORE or left.endswith("(") and right.startswith(")") or left == "," and right.startswith(",")


def drop_country_names(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a country's or a greeting (see the module)."""
    return names_dropped(candidates, lambda c: _country_or_greeting(doc, c))
