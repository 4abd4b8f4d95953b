"""An office's address is not a house address: the letterhead's "Jl. Merdeka No. 1, Lhokseumawe", "Kantor:
Jl. Balai Kota No. 1", "Disdukcapil, Jl. Sudirman No. 18".

A house address is personal because it locates one household (docs/redaction.md); an office's address is
printed on its letters and its website. The address detector cannot tell them apart, so an address
candidate is dropped when the text says it is an office's:

* the letterhead: the candidate's line starts with a street's word and every line above it, up to a blank
  line or the text's start (one to four lines), is written in capitals, one of them naming a public body
  ("PEMERINTAH KOTA BANDUNG / KELURAHAN SUKAGALIH / Jl. Sukagalih No. 2, Bandung"), and the candidate's own
  line is not (a text written wholly in capitals has no letterhead);
* a label that names an office's seat stands before it on its line ("Kantor:", "Alamat kantor:",
  "Sekretariat:"); not "Alamat usaha:", which corpus 7 labels a house address and corpus 9 a public one (a
  family business is often its owner's house, and the safe side is to redact);
* an agency's name and a comma stand right before its street ("di Disdukcapil, Jl. Sudirman No. 18").

A person's address after a name ("Budi, Jl. Mawar No. 3"), after "Alamat:" or in a letter's body stays
redacted: none of the three holds there; nor, after a label or an agency, does an address with an RT/RW, a gang
or a block ("pegawai Dishub, Jl. Mawar No. 3 RT 2").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from . import heads
from .document import _Candidate, _Doc, _Token
from .lexicon import _agency_like

# A public body's word in a letterhead's capitals
_BODIES = frozenset(
    "pemerintah dinas badan kantor kecamatan kelurahan desa sekretariat dprd yayasan rumah sakit rsud puskesmas "
    "universitas sekolah madrasah kementerian kepolisian polres polsek komando perusahaan perumda pdam "
    "inspektorat satuan bagian".split()
)
_STREET_START = re.compile(r"[ \t]*(?:jl|jln|jalan)\b", re.IGNORECASE)
_SEAT_LABEL = re.compile(
    r"(?i)(?:^|[\s•\-*])(?:alamat[ \t]+)?(?:kantor|sekretariat|kedudukan)[ \t]*:[ \t]*(?:jl|jln|jalan)\b"
)
_STREET_WORDS = frozenset("jl jln jalan".split())
# Each of the three rules needs a street's word ("jl", "jln", "jalan") in the text (see heads)
_HEADS = heads.register({"jl", "jalan"})
# What only a household's address holds: after a label or an agency, such an address is a person's
_HOUSEHOLD = re.compile(r"(?i)(?<![^\W\d_])(?:rt|rw|gg|gang|blok)(?![^\W\d_])")
_LETTERS = re.compile(r"[^\W\d_]+")


def _letterhead(text: str, line_start: int) -> bool:
    """Whether the lines above ``line_start`` are a letterhead: capitals, one naming a public body."""
    above = text[:line_start].rstrip("\n").split("\n")
    lines = []
    for line in reversed(above):
        if not line.strip():
            break
        lines.append(line)
    if not 1 <= len(lines) <= 4:
        return False
    for line in lines:
        letters = [c for c in line if c.isalpha()]
        if not letters or line.upper() != line:
            return False
    words = {w.lower() for line in lines for w in _LETTERS.findall(line)}
    return bool(words & _BODIES)


def _start(tok: _Token) -> int:
    return tok.start


def _after_agency(doc: _Doc, line_start: int, start: int) -> bool:
    """Whether the street the candidate belongs to follows an agency's name and a comma."""
    tokens = doc.tokens
    at = bisect_left(tokens, start, key=_start)
    for k in range(at - 1, max(-1, at - 8), -1):
        if tokens[k].start < line_start:
            return False
        if tokens[k].low in _STREET_WORDS:
            if k == 0:
                return False
            gap = doc.text[tokens[k - 1].end : tokens[k].start]
            return gap.strip() == "," and _agency_like(tokens[k - 1].low)
    return False


def _office(doc: _Doc, cand: _Candidate) -> bool:
    text = doc.text
    line_start = text.rfind("\n", 0, cand.start) + 1
    before = text[line_start : cand.start]
    line_end = text.find("\n", cand.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if _STREET_START.match(line) and line.upper() != line and _letterhead(text, line_start):
        return True  # the address's own line is not in capitals: a text written all in capitals has no letterhead
    if _HOUSEHOLD.search(line, cand.start - line_start):
        return False  # "pegawai Dishub, Jl. Mawar No. 3 RT 2": an RT/RW or a gang's number is a household's
    return bool(_SEAT_LABEL.search(before)) or _after_agency(doc, line_start, cand.start)


def drop_office_addresses(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the addresses that are an office's (see the module)."""
    candidates = list(candidates)
    if not any(c.kind == "alamat" for c in candidates) or not heads.present(doc, _HEADS):
        return candidates
    return [c for c in candidates if c.kind != "alamat" or not _office(doc, c)]
