"""A place's kelurahan or village between its street and its city is a place, not a person: "Kampung Jambu RT
05/02 No. 31, Pedurungan Kidul, Semarang", "Masjid Syaichona Cholil, Martajasah, Bangkalan".

An address is written from the street to the city, one unit after a comma each; the kelurahan's or the
village's name in the middle is often missing from the lexicons and reads like a name. A name candidate is
dropped when it fills one such slot on its own: a comma before it, after a street, an address, a public place
or an RT/RW (the detectors' spans end right there), and a comma and a regency, a city or a province of
``data/regions_id.txt`` right after it.

Where a person begins: a name after a person's words ("Hormat saya, Budi, Semarang", "Pak Budi, Semarang")
has no address or public place before its comma, and is kept redacted; so is a name followed by anything but a
city ("Jl. Mawar 3, Budi, 0812...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .region_places import _REGENCIES

_AFTER = re.compile(r"[ \t]*,[ \t]*(?P<city>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)")
_BLANKS = re.compile(r"[ \t]+")
_RT_RW = re.compile(r"(?i)\b(?:rt|rw)[ \t.]*\d+(?:[ \t]*/[ \t]*\d+)?[ \t]*$")


def _city_after(text: str, end: int) -> bool:
    m = _AFTER.match(text, end)
    if not m:
        return False
    words = m.group("city").lower().split()
    return " ".join(words) in _REGENCIES or words[0] in _REGENCIES


def _place_before(doc: _Doc, start: int, ends: set[int]) -> bool:
    """Whether a comma right before ``start`` closes an address, a street, a public place or an RT/RW."""
    before = doc.text[:start].rstrip(" \t")
    if not before.endswith(","):
        return False
    close = len(before) - 1
    head = doc.text[:close].rstrip(" \t")
    return len(head) in ends or bool(_RT_RW.search(head))


def drop_address_tails(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a place between an address and its city (see the module)."""
    candidates = list(candidates)
    if "," not in doc.text or not any(c.kind == "nama" and _city_after(doc.text, c.end) for c in candidates):
        return candidates  # no name followed by a comma and a city: no slot to fill (most texts)
    ends: set[int] | None = None  # made only when a name is followed by a city
    # names side by side ("Pedurungan" "Kidul") fill one slot together
    names = sorted((c for c in candidates if c.kind == "nama"), key=lambda c: c.start)
    runs: list[list[_Candidate]] = []
    for cand in names:
        if runs and _BLANKS.fullmatch(doc.text[runs[-1][-1].end : cand.start]):
            runs[-1].append(cand)
        else:
            runs.append([cand])
    dropped: set[int] = set()
    for run in runs:
        if not _city_after(doc.text, run[-1].end):
            continue
        if ends is None:
            ends = {span.end for span in doc.public} | {c.end for c in candidates if c.kind == "alamat"}
        if _place_before(doc, run[0].start, ends):
            dropped.update(id(c) for c in run)
    return [c for c in candidates if id(c) not in dropped]
