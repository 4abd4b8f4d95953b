"""A school's number is not a house number: "deukeut smp pasundan 1", "gang samping SMP Negeri 1 Bangil".

Indonesia numbers its state schools within a city ("SDN 3", "SMP Negeri 1", "SMA Negeri 2 Klaten") and many
foundations number theirs ("SMP Pasundan 1", "SD Muhammadiyah 4"); complaints name them as landmarks ("lampu
mati di depan SMPN 1", "gang samping SD Inpres 3"). The address detector reads the number after a street or a
gang and up to three words as a house's number, so an address candidate whose number comes right after a
school's word and at most two more words on the same line ("SMP", "SD Negeri", "MTs Al-Hidayah") is dropped: the
number is the school's, and a school locates no household. "Gg. Mawar No. 7 dekat SDN 3" keeps "No. 7": the
number after "No." is a house's whatever stands before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc

# The kinds of school whose units are numbered: primary, junior and senior high, vocational, Islamic (MI, MTs,
# MA, each with its state form "...N"), kindergarten
# kindergarten; the short ones that are also words of chat ("ma", "man", "min" for "admin") in capitals only
_SCHOOL = r"(?:(?i:sd|sdn|smp|smpn|sma|sman|smk|smkn|slb|slbn|mts|mtsn|sdit|smpit|smait)|MI|MIN|MA|MAN|TK|TKN)"
# A word of a street or a house between the school and the number makes it a house's ("SD jl mawar 5")
_WORD = r"(?![Jj][Ll][Nn]?\b|[Jj]alan\b|[Gg][Gg]\b|[Gg]ang\b|[Bb]lok\b|[Nn]o\b|[Rr][TtWw]\b)[^\W\d_][\w'\-]*"
# The school's word and at most two words of its name before the number that ends the candidate, on one line
_NUMBERED = re.compile(rf"(?<![^\W\d_]){_SCHOOL}(?:[ \t]+{_WORD}){{0,2}}[ \t]+(?:\d{{1,2}}|[IVX]{{1,4}})$")
_HOUSE_CUE = re.compile(r"(?i)(?<![^\W\d_])(?:no|nomor|nmr|nomer)\.?[ \t]?:?[ \t]?\d{1,4}$")


def _school_number(doc: _Doc, cand: _Candidate) -> bool:
    text = doc.text
    line = text.rfind("\n", 0, cand.start) + 1
    before = text[line : cand.end]
    return bool(_NUMBERED.search(before)) and not _HOUSE_CUE.search(before)


def drop_school_numbers(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the addresses whose number is a school's (see the module)."""
    candidates = list(candidates)
    if not any(c.kind == "alamat" for c in candidates):  # most texts have none: nothing to look at
        return candidates
    return [c for c in candidates if c.kind != "alamat" or not _school_number(doc, c)]
