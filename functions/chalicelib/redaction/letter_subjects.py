"""A letter's or an email's subject line is a title, not a list of people: "Perihal: Peringatan Dini Gelombang
Tinggi", "Perihal: Pelayanan Adminduk Hari Sabtu", "Subject: Limbah restoran ke drainase Peunayong".

Subjects are written in title case or name a place in a few words, and their capitalised words ("Dini",
"Hari", "Talud", a kelurahan the lexicons lack) read like names. A name candidate wholly inside the value of a
"Perihal:", "Hal:", "Subject:", "Subjek:" or "Judul:" line is dropped when nothing in the line before it cues a
person, and either no word of it is in the name list or the subject is written in title case (every word of
four letters or more capitalised, so "Hari" is a title's word there).

Where a person begins: a subject names one after an honorific or title ("Pensiun Mbah Kartowiyono",
"Pengaduan atas Sdr. Budi"), after "a.n."/"atas nama", "oleh", "terhadap", "oknum" or a relative ("Keberatan
PPDB anak saya Rina"); those stay redacted, and so does a word of the name list in a subject written in sentence
case ("Subject: Pungutan liar Sutrisno") and a full name of listed names in any subject ("Perihal: Pengaduan
Pelayanan Budi Santoso").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .lexicon import _LEX

_SUBJECT = re.compile(r"(?im)^[ \t>*]*(?:perihal|hal|subject|subjek|judul)[ \t]*:[ \t]*(?:(?:re|fw|fwd)[ \t]*:[ \t]*)*")
_WORD = re.compile(r"[^\W\d_][\w'\-]*")
# Words before a person in a subject: "a.n.", "atas nama", relatives, and the lexicons' honorifics and titles
_CUES = frozenset(
    "an nama anak ibu ayah bapak suami istri adik kakak cucu nenek kakek mertua keponakan almarhum alm "
    "oleh terhadap oknum pelaku".split()
)


def _title_case(value: str) -> bool:
    words = [w for w in _WORD.findall(value) if len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


def _cued(before: str) -> bool:
    lows = [w.lower() for w in _WORD.findall(before.replace(".", ""))]  # "a.n." is "an"
    return any(low in _CUES or low in _LEX.honorifics or low in _LEX.titles for low in lows)


def _subjects(text: str) -> list[tuple[int, int, bool]]:
    """The subject lines' values: (start, end, whether written in title case)."""
    spans = []
    for m in _SUBJECT.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        spans.append((m.end(), end, _title_case(text[m.end() : end])))
    return spans


def drop_subject_words(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a subject line's words (see the module)."""
    candidates = list(candidates)
    if ":" not in doc.text or not any(c.kind == "nama" for c in candidates):
        return candidates
    subjects = _subjects(doc.text)
    if not subjects:
        return candidates
    kept = []
    for cand in candidates:
        line = next(((a, b, t) for a, b, t in subjects if a <= cand.start and cand.end <= b), None)
        if cand.kind == "nama" and line and not _cued(doc.text[line[0] : cand.start]):
            words = _WORD.findall(doc.text[cand.start : cand.end].lower())
            full_name = len(words) >= 2 and all(w in _LEX.names for w in words)  # "Budi Santoso", not "Hari Sabtu"
            if not full_name and (line[2] or not any(w in _LEX.names for w in words)):
                continue
        kept.append(cand)
    return kept
