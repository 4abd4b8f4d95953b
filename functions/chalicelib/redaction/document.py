"""The text as the detectors see it: normalised, tokenised, with the spans they share.

``_Doc`` holds the NFKC-normalised copy of a complaint (every character remembers its place in the
original, so placeholders replace exactly the original characters), its word tokens, its case mode
(mixed, lower, upper, title) and the spans that no identifier or name may take (amounts and dates,
public phrases). ``_Candidate`` is one detector's proposal; ``PiiMatch`` the public result.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

KINDS = ("nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat")


class PiiMatch(NamedTuple):
    """One piece of personal data: its kind (the placeholder word in lower case) and where it is."""

    kind: str
    start: int
    end: int
    value: str


_TRANSLATE = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_TRANSLATE.update({ord(c): "'" for c in "\u2018\u2019\u201b\u00b4\u0060"})
_TRANSLATE.update({ord(c): '"' for c in "\u201c\u201d\u201e"})


def _normalise(raw: str) -> tuple[str, list[int]]:
    """NFKC, character by character, remembering for each output character its source index."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        if char.isascii():
            chars.append(char)
            origin.append(index)
            continue
        if unicodedata.category(char) == "Cf":  # zero-width space/joiner, soft hyphen, BOM
            continue
        for out in unicodedata.normalize("NFKC", char).translate(_TRANSLATE):
            chars.append(out)
            origin.append(index)
    origin.append(len(raw))
    return "".join(chars), origin


_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def acronym(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def _case_mode(text: str) -> str:
    """'mixed' when capitals carry meaning; 'lower', 'upper' or 'title' when they do not."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper > 0.75:
        return "upper"
    if upper < 0.015:
        return "lower"
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.85:
        return "title"
    return "mixed"


class _Span(NamedTuple):
    start: int
    end: int


class _Candidate(NamedTuple):
    kind: str
    start: int
    end: int
    priority: int


@dataclass
class _Doc:
    raw: str
    text: str
    origin: list[int]
    mode: str
    tokens: list[_Token]
    numeric: list[_Span]  # amounts, dates, times, counts: never identifiers
    phrases: list[_Span]  # known public phrases and places
    public: list[_Span]  # streets, agencies, facilities, places: never names

    @classmethod
    def of(cls, raw: str) -> _Doc:
        text, origin = _normalise(raw)
        tokens = [_Token(m.start(), m.end(), m.group(), m.group().lower()) for m in _WORD.finditer(text)]
        # numeric, phrases and public are filled in by the driver: they need the detectors' modules
        return cls(raw, text, origin, _case_mode(text), tokens, [], [], [])


def _overlaps(start: int, end: int, spans: Iterable[_Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


_P_EMAIL, _P_AKUN, _P_ID, _P_PHONE, _P_NOPOL, _P_ALAMAT, _P_NAMA = 100, 95, 90, 88, 80, 70, 50


def _strip_trailing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,!?:;'\"":
        end -= 1
    return end


def _cut(start: int, end: int, spans: list[_Span]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the given spans."""
    parts = [(start, end)]
    for s, e in spans:
        parts = (
            [p for a, b in parts for p in ((a, min(b, s)), (max(a, e), b)) if p[0] < p[1]]
            if s < end and start < e
            else parts
        )
    return parts
