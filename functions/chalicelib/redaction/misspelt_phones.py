"""A mobile number typed with a letter for a digit is still a phone number: "08l2 6633 4410", "O813-2233-4455".

A hurried writer's thumb, or a phone's autocorrect, puts the letter "l" or "I" for the digit one and "O" or
"o" for zero; the number detectors read digits only, so they keep the letter and what lies before it
("08l[TELEPON]"). A run that opens like an Indonesian mobile number ("08" or "628", the zero possibly a
letter O), holds ten to thirteen digits once each such letter is read as its digit, at most two of them
letters, and is a valid number (``identifiers._is_phone``) is a phone candidate.

A word is never one: every candidate has at least eight real digits, so "Ol" or "lolo" never match.
"""

from __future__ import annotations

import re

from . import engine
from .document import _P_PHONE, _Candidate, _Doc
from .identifiers import _is_phone

# "0"/"O"/"o", "8", then digits and look-alike letters in groups split by a space, a dot or a hyphen
_MISSPELT = re.compile(r"(?<![\w+])(?:\+?62|[0Oo])8[0-9lIOo]{1,3}(?:[ .\-]?[0-9lIOo]{2,5}){1,3}(?![\w])")
_DIGIT_OF = str.maketrans("lIOo", "1100")
_OPENINGS = ("08", "O8", "o8", "628")  # what every match of _MISSPELT holds: its "0"/"O"/"o" or "62", then "8"


def _matches(text: str) -> list[re.Match[str]]:
    """``_MISSPELT.finditer(text)``, tried only where a match may start: a "0"/"O"/"o", "62" or "+62" right
    before an "8" (the pattern's opening), left to right, never inside a match found."""
    starts = set()
    at = text.find("8", 1)
    while at >= 0:
        if text[at - 1] in "0Oo":
            starts.add(at - 1)
        elif at >= 2 and text[at - 2 : at] == "62":
            starts.add(at - 2)
            if at >= 3 and text[at - 3] == "+":
                starts.add(at - 3)
        at = text.find("8", at + 1)
    found = []
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = _MISSPELT.match(text, start)
            if m:
                found.append(m)
                end = m.end()
    return found


def _misspelt_phones(doc: _Doc) -> list[_Candidate]:
    """Phone candidates typed with a letter for a digit (see the module)."""
    text = doc.text
    if not any(c in text for c in "lIOo") or "8" not in text:
        return []
    if engine.FAST and not any(opening in text for opening in _OPENINGS):
        return []  # every match opens with "08", "O8", "o8" or "628"
    found = []
    for m in _matches(text) if engine.FAST else _MISSPELT.finditer(text):
        raw = m.group()
        letters = sum(c in "lIOo" for c in raw)
        if not 1 <= letters <= 2 or sum(c.isdigit() for c in raw) < 8:
            continue  # no letter: the number detectors' own; more than two: not a number
        digits = re.sub(r"\D", "", raw.translate(_DIGIT_OF))
        if _is_phone(digits):
            found.append(_Candidate("telepon", m.start(), m.end(), _P_PHONE))
    return found
