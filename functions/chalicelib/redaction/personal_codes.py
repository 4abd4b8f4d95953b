"""Personal numbers written as codes of letters and digits: a foreigner's stay permit ("KITAS: 2C11AV8812-R"), a
visa ("Visa: B211A-5520981"), a private booking ("Booking ref: ALS-778120"), a medical record ("RM-00882471"), a
student's number in a campus's form ("NIM: 23/518833/PA/22410"), a diving certificate ("PADI 1907AB4412").

The digit runs' rules (identifiers.py) read digits only; these codes are taken, as ``[NOMOR]``, only right after a
cue word of the "nomor" or "kode" kind (with at most a colon, a bracket, "no", "ref", "code" or "was" between) or
in a table's column headed by one.
"""

from __future__ import annotations

import re

from .document import _P_ID, _Candidate, _Doc, _overlaps
from .identifiers import _all_cues, _column_cue

# What may stand between the cue word and the code: "KITAS no 2C21...", "Booking ref: ALS-...", "my KITAS (2C11...",
# "your booking UCV-88213 was", "Re: booking BKG-7731-GL", "booking was HTL-SNR-55812"
_FILLER = re.compile(
    r"(?i)(?:[ \t]*(?:[:#(]|no\.?|nr\.?|number|num|ref\.?|reference|code|kode|id|was|is|adalah|nya)(?![^\W\d_]))*"
    r"[ \t]*"
)
# A code: groups of letters and digits joined by "-" or "/", at least one digit, maybe after an issuer's name in
# capitals ("PADI 1907AB4412")
_CODE = re.compile(r"(?:[A-Z]{2,6}[ \t](?=[A-Za-z0-9/\-]*\d))?[A-Za-z0-9]+(?:[\-/][A-Za-z0-9]+)*(?![\w/\-])")
# A code anywhere: a candidate for a table's cell
_CODE_CELL = re.compile(
    r"(?<![\w/\-])[A-Za-z0-9]+(?:[\-/][A-Za-z0-9]+)+(?![\w/\-])|(?<![\w/\-])[A-Z0-9]{6,}(?![\w/\-])"
)
_CUE_KINDS = ("nomor", "kode")


def _code_like(code: str) -> bool:
    """A code that points at one record: three digits or more and a letter ("HMQ4T8ZZ2P", "RM-00882471"), or a
    group of five digits or more ("55812") that is no year-headed registration."""
    digits = sum(c.isdigit() for c in code)
    if digits < 3:
        return False
    if any(c.isalpha() for c in code):
        return len(code) >= 5
    return any(len(g) >= 5 for g in re.findall(r"\d+", code)) and not re.match(r"20[0-4]\d[\-/]", code)


def _personal_codes(doc: _Doc) -> list[_Candidate]:
    if not doc.starts("number"):
        return []  # every code has a digit
    found: list[_Candidate] = []
    text = doc.text
    for _start, end, kind in _all_cues(doc):
        if kind not in _CUE_KINDS:
            continue
        gap = _FILLER.match(text, end)
        at = gap.end() if gap else end
        m = _CODE.match(text, at)
        if m is None or not _code_like(m.group()):
            continue
        if not any(c.isalpha() for c in m.group()):
            # digits after a record's word: the digit runs' rules take them; after a booking's, not an amount or a
            # date. A code with letters is the person's whatever its shape: a service's code ("ADN-2026-...")
            # follows a report's word, not these.
            if kind == "nomor" or _overlaps(m.start(), m.end(), doc.numeric):
                continue
        found.append(_Candidate("nomor", m.start(), m.end(), _P_ID))
    if "|" in text or "\t" in text:
        for m in _CODE_CELL.finditer(text):
            code = m.group()
            if not any(c.isalpha() for c in code) or not _code_like(code):
                continue
            if _column_cue(doc, m.start()) in _CUE_KINDS:
                found.append(_Candidate("nomor", m.start(), m.end(), _P_ID))
    return found
