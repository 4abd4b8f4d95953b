"""An office's phone number told by its neighbours: the letterhead's "Telp.", the channel after an office's own.

``identifiers._office_line`` keeps a phone number that its line's words call an office's ("WA Center:", "call
center", a table of offices). Two more shapes say it, and every office's letters and notices hold them:

- the letterhead: "Telp."/"Telepon"/"Fax" on the street line under the capitals that name a public body
  ("DINAS LINGKUNGAN HIDUP / Jl. Mojopahit No. 1 Malang, Telp. (0341) 364 551"), the line whose address
  ``office_addresses`` keeps as the office's;
- a channel joined to one the redactor kept as an office's: after a kept service number or an organisation's
  account, by "atau", "dan", "/" or a comma ("call center (0341) 551 961 atau WA 0811 3633 933", "melalui
  @dinkes.kotaprobolinggo dan (0335) 421 228"), or before one ("Pengaduan: (0231) 209 112 / @disdukcapilkotacrb").

Nothing else may stand between them: "hubungi posko (0370) 640 774 atau Pak Budi 0812 ..." names a person, and
a person's account or number beside it is redacted, so it keeps nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .office_addresses import _letterhead

_PHONE_LABEL = re.compile(r"(?i)(?<![^\W\d_])(?:telp|tlp|telepon|telpon|fax|faks|faksimile)\.?[ \t]*:?[ \t]*$")
_STREET_START = re.compile(r"[ \t]*(?:jl|jln|jalan)\b", re.IGNORECASE)
# A phone number as written (a landline's area code in brackets, a mobile's 08, +62) and an account
_PHONE = re.compile(r"(?<![\w+])(?:\(0\d{2,3}\)|\+62|62|0)[ \t\-.]?\d[\d \t\-.]{5,16}\d(?!\d)")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,30}[A-Za-z0-9_]")
# What joins two channels of one office: "atau", "dan", "/", ",", then the channel's word ("WA", "telp")
_JOIN_AFTER = re.compile(
    r"[ \t]*(?:,|/|atau|dan|maupun)[ \t]*(?:(?:wa|whatsapp|sms|telp|tlp|telepon|hp|hotline|call\s?center)\.?"
    r"[ \t]*:?[ \t]*)?$",
    re.IGNORECASE,
)
_JOIN_BEFORE = re.compile(r"[ \t]*(?:,|/|atau|dan|maupun)[ \t]*", re.IGNORECASE)


def _letterhead_phone(doc: _Doc, cand: _Candidate) -> bool:
    text = doc.text
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not _PHONE_LABEL.search(text, line_start, cand.start):
        return False
    return bool(_STREET_START.match(line)) and line.upper() != line and _letterhead(text, line_start)


def _kept(start: int, end: int, candidates: list[_Candidate]) -> bool:
    return not any(c.start < end and start < c.end for c in candidates)


def _joined_to_kept(doc: _Doc, cand: _Candidate, candidates: list[_Candidate]) -> bool:
    """Whether an office's kept number or account stands right before or after the candidate, joined to it."""
    text = doc.text
    window = text[max(0, cand.start - 48) : cand.start]
    joined = _JOIN_AFTER.search(window)
    if joined:
        gap_start = cand.start - len(window) + joined.start()
        for pattern in (_PHONE, _HANDLE):
            for m in pattern.finditer(text, max(0, gap_start - 40), gap_start):
                if m.end() == gap_start and _kept(m.start(), m.end(), candidates):
                    return True
    after = _JOIN_BEFORE.match(text, cand.end)
    if after and after.end() > cand.end:
        handle = _HANDLE.match(text, after.end())
        if handle and _kept(handle.start(), handle.end(), candidates):
            return True
    return False


def drop_office_phones(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the phone numbers that their neighbours call an office's (see the module)."""
    candidates = list(candidates)
    phones = [c for c in candidates if c.kind == "telepon"]
    if not phones:
        return candidates
    dropped = {c for c in phones if _letterhead_phone(doc, c) or _joined_to_kept(doc, c, candidates)}
    return [c for c in candidates if c not in dropped] if dropped else candidates
