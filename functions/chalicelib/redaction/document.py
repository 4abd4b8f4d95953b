"""The text as the detectors see it: normalised, tokenised, with the spans they share.

``_Doc`` holds the NFKC-normalised copy of a complaint (every character remembers its place in the
original, so placeholders replace exactly the original characters), its word tokens, its case mode
(mixed, lower, upper, title) and the spans that no identifier or name may take (amounts and dates,
public phrases). ``_Candidate`` is one detector's proposal; ``PiiMatch`` the public result.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as re_constants  # type: ignore[attr-defined]
from re import _parser as re_parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple, TypeVar

from . import engine, lexicon, startcache

KINDS = tuple("nama nik kk npwp telepon email nopol rekening bpjs paspor akun alamat nip nomor".split())


class PiiMatch(NamedTuple):
    """One piece of personal data: its kind (the placeholder word in lower case) and where it is."""

    kind: str
    start: int
    end: int
    value: str


_TRANSLATE = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_TRANSLATE.update({ord(c): "'" for c in "\u2018\u2019\u201b\u00b4\u0060"})
_TRANSLATE.update({ord(c): '"' for c in "\u201c\u201d\u201e"})


def _normalise(raw: str) -> tuple[str, Sequence[int]]:
    """NFKC, character by character, remembering for each output character its source index."""
    if raw.isascii():
        return raw, range(len(raw) + 1)  # NFKC leaves ASCII as it is
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
# _WORD on an ASCII text: the letters of ASCII are exactly [A-Za-z], and a plain class is tested faster
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*")
_SPAN = re.Match.span


class _Token:
    """One word of the text: where it is, as written, in lower case, and whether it is capitalised.

    A plain slotted class rather than a frozen dataclass: a text has a few hundred tokens and a frozen
    dataclass sets each field through ``object.__setattr__``, which made building them a tenth of the
    redactor's time."""

    __slots__ = ("start", "end", "text", "low", "cap")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.cap = text[0].isupper()

    def __repr__(self) -> str:
        return f"_Token({self.start}, {self.end}, {self.text!r})"

    @property
    def acronym(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))


def _case_mode(text: str, tokens: Sequence[_Token] | None = None) -> str:
    """'mixed' when capitals carry meaning; 'lower', 'upper' or 'title' when they do not. `tokens`, when
    given, are the text's words (``_WORD``), not found again."""
    if text.isascii():  # the usual case, counted without a loop in Python
        if engine.FAST:  # the letters and capitals of ASCII, counted by deleting them from the bytes
            data = text.encode("ascii")
            count = len(data) - len(data.translate(None, _ASCII_LETTERS))
            upper = (len(data) - len(data.translate(None, _ASCII_UPPER))) / count if count else 0.0
        else:
            count = sum(map(str.isalpha, text))
            upper = sum(map(str.isupper, text)) / count if count else 0.0
    else:
        letters = [c for c in text if c.isalpha()]
        count = len(letters)
        upper = sum(c.isupper() for c in letters) / count if count else 0.0
    if not count:
        return "lower"
    if upper > 0.75:
        return "upper"
    if upper < 0.015:
        return "lower"
    if tokens is not None and engine.FAST:
        words = [t.text for t in tokens if len(t.text) > 3]
    else:
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
    origin: Sequence[int]
    mode: str
    tokens: list[_Token]
    numeric: list[_Span]  # amounts, dates, times, counts: never identifiers
    phrases: list[_Span]  # known public phrases and places
    public: list[_Span]  # streets, agencies, facilities, places: never names
    low: str = ""  # the text in lower case (as long as the text when the text is ASCII)
    # Computed once and shared by the detectors: where words and numbers start, with the next few
    # characters in lower case, and the matches of patterns that several detectors scan for.
    _starts: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # by id(pattern): a pattern's hash is worked out from its whole compiled code at every lookup (a few
    # microseconds each, a tenth of the redactor's time); the pattern is kept with its matches, so it lives
    # as long as its entry and its id cannot be another pattern's
    _found: dict[int, tuple[re.Pattern[str], list[re.Match[str]]]] = field(default_factory=dict)
    _candidates: dict[str, dict[int, list[tuple[int, str]]]] = field(default_factory=dict)
    _memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)  # see per_doc

    def candidates(self, scan: _Scan) -> list[tuple[int, str]]:
        """The starts where the scan's pattern may match: those that begin with one of its prefixes."""
        by_scan = self._candidates.get(scan.starts)
        if by_scan is None:
            by_scan = self._candidates[scan.starts] = {}
            scans_for = _HEAD_SCANS[scan.starts]
            for start in self.starts(scan.starts):
                sids = scans_for.get(start[1])
                if sids is None:
                    sids = _scans_for_head(scan.starts, start[1])
                for sid in sids:
                    found = by_scan.get(sid)
                    if found is None:
                        by_scan[sid] = [start]
                    else:
                        found.append(start)
            for sid in _SCAN_INDEX.get(scan.starts, ({}, {}, []))[2]:
                by_scan[sid] = self.starts(scan.starts)
        return by_scan.get(scan.id, [])

    def starts(self, kind: str) -> list[tuple[int, str]]:
        """Positions where a run of letters ("word") or of digits ("number") starts, each with the
        next four characters in lower case."""
        found = self._starts.get(kind)
        if found is None:
            text = self.text
            if kind == "word":
                at = [t.start for t in self.tokens]
                for t in self.tokens:  # "ibu-ibu", "Jum'at": a run of letters starts after the mark too
                    if "-" in t.text or "'" in t.text:
                        at += [t.start + i + 1 for i, c in enumerate(t.text) if c in "-'"]
                at.sort()
            else:
                at = [m.start() for m in _DIGITS.finditer(text)]
            if text.isascii() and len(self.low) == len(text):  # ASCII keeps its length in lower case
                low = self.low
                found = [(p, low[p : p + _HEAD]) for p in at]
            else:
                found = [(p, text[p : p + _HEAD].lower()) for p in at]
            self._starts[kind] = found
        return found

    def found(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """``pattern.finditer`` over the text, once per document whoever asks; not at all when the text
        lacks what every match needs (see ``needs``)."""
        kept = self._found.get(id(pattern))
        if kept is not None and kept[0] is pattern:
            return kept[1]
        need = _NEEDS.get(id(pattern))
        if need is not None and need[0] is pattern and engine.FAST and not need[1](self.text):
            matches: list[re.Match[str]] = []
        else:
            matches = list(pattern.finditer(self.text))
        self._found[id(pattern)] = (pattern, matches)
        return matches

    @classmethod
    def of(cls, raw: str) -> _Doc:
        text, origin = _normalise(raw)
        low = text.lower()
        if engine.FAST and text.isascii():  # ASCII keeps its length in lower case: slice one lower() of it all
            tokens = [_Token(s, e, text[s:e], low[s:e]) for s, e in map(_SPAN, _ASCII_WORD.finditer(text))]
        else:
            tokens = [_Token(m.start(), m.end(), m.group(), m.group().lower()) for m in _WORD.finditer(text)]
        lexicon.prime_degree_ends(text, [t.end for t in tokens])
        # numeric, phrases and public are filled in by the driver: they need the detectors' modules
        return cls(raw, text, origin, _case_mode(text, tokens), tokens, [], [], [], low)


_R = TypeVar("_R")


def per_doc(function: Callable[[_Doc, int], _R]) -> Callable[[_Doc, int], _R]:
    """Remember ``function(doc, position)`` for the life of the document: for a question that the
    detectors ask about the same place more than once (the cue word before a number, asked for each
    grouping of its digits). The answer must depend on the document and the position alone."""

    @functools.wraps(function)
    def remembered(doc: _Doc, position: int) -> _R:
        if not engine.FAST:
            return function(doc, position)
        key = (function, position)
        memo = doc._memo
        if key in memo:
            return memo[key]  # type: ignore[no-any-return]
        found = memo[key] = function(doc, position)
        return found

    return remembered


# What every match of a pattern needs in the text ("@" for an e-mail address): a pattern tried at every
# word of a text that cannot match there is skipped. Each test must hold for EVERY possible match.
# By id(pattern), for the reason given at _Doc._found; the pattern is kept with its test.
_NEEDS: dict[int, tuple[re.Pattern[str], Callable[[str], bool]]] = {}


def needs(pattern: re.Pattern[str], test: Callable[[str], bool]) -> re.Pattern[str]:
    """Register what every match of ``pattern`` needs in the text, for ``_Doc.found``."""
    _NEEDS[id(pattern)] = (pattern, test)
    return pattern


_DIGITS = re.compile(r"\d+")
_HEAD = 4


class _Scan:
    r"""A pattern that can only match where a word (or a number) starts, scanned only there.

    Python's regex engine tries a pattern such as ``(?i)(?<![^\W\d_])(?:saya|kami|...)`` at every
    character of the text; a complaint has a few dozen word starts, and the first letters of the
    pattern rule most of them out. ``finditer(doc)`` returns exactly what ``pattern.finditer(text)``
    would: the same matches, leftmost first, never overlapping.
    """

    def __init__(self, pattern: re.Pattern[str], starts: str, prefixes: set[str] | None = None) -> None:
        """`prefixes`, when the caller knows them (every string of up to four characters that a match may
        start with), spare parsing the pattern again: a regex of a thousand phrases takes a tenth of a
        second to parse, at every cold start."""
        self.pattern = pattern
        self.starts = starts
        prefixes = _kept_prefixes(pattern) if prefixes is None else prefixes
        if starts == "word":
            # every match must begin with a letter that no letter precedes, in every alternative
            assert re.match(r"(?:\(\?i\))?\(\?<!(?:\[\^\\W\\d_\]|\\w|\[\\w\])\)", pattern.pattern), pattern.pattern
            assert all(p[:1].isalpha() for p in prefixes), (pattern.pattern, prefixes)
            assert pattern.flags & re.IGNORECASE or not any(c.isupper() for p in prefixes for c in p)
        else:
            # every match must begin with a digit that no digit precedes
            assert pattern.pattern.startswith(("(?<!\\d)", "(?<=\\d")), pattern.pattern
            assert all(p[:1].isdigit() or not p for p in prefixes), (pattern.pattern, prefixes)
        self.prefixes = tuple(sorted(p for p in prefixes if p)) if all(prefixes) else ("",)
        # Index the scan by the first one or two characters of its prefixes, so that a document
        # finds the candidates of every scan in one pass over its word starts (see _Doc.candidates).
        self.id = len(_SCANS)
        self.key = (_Scan, self.id)  # of its matches in a document's memo
        _SCANS.append(self)
        _HEAD_SCANS.setdefault(starts, {}).clear()  # a new scan: heads are worked out again
        index = _SCAN_INDEX.setdefault(starts, ({}, {}, []))
        if self.prefixes == ("",):
            index[2].append(self.id)
        for prefix in self.prefixes:
            if prefix:
                keys = index[0] if len(prefix) >= 2 else index[1]
                ids = keys.setdefault(prefix[:2], [])
                if self.id not in ids:
                    ids.append(self.id)

    def finditer(self, doc: _Doc) -> list[re.Match[str]]:
        """The matches, once per document whoever asks (the addresses and the quantities both scan for
        references to laws and letters): the list is shared, and no caller changes it."""
        if not engine.FAST:
            return list(self.pattern.finditer(doc.text))
        memo = doc._memo
        kept: list[re.Match[str]] | None = memo.get(self.key)
        if kept is None:
            kept = memo[self.key] = self._scan(doc)
        return kept

    def _scan(self, doc: _Doc) -> list[re.Match[str]]:
        by_scan = doc._candidates.get(self.starts)  # doc.candidates(self), without the call once worked out
        starts = doc.candidates(self) if by_scan is None else by_scan.get(self.id)
        if not starts:
            return []  # most scans, in most texts
        text, match = doc.text, self.pattern.match
        found = []
        pos = 0
        for at, _ in starts:
            if at < pos:
                continue
            m = match(text, at)
            if m:
                found.append(m)
                pos = max(m.end(), at + 1)
        return found


_SCANS: list[_Scan] = []
# per kind of start: scans by two-character key, scans by one-character key, scans with no key
_SCAN_INDEX: dict[str, tuple[dict[str, list[int]], dict[str, list[int]], list[int]]] = {}
# Per kind of start, the scans whose prefixes a start's first characters ("head") begin with: the same
# heads come back in text after text ("saya", "nama", "jl", "0812"), so each is worked out once.
_HEAD_SCANS: dict[str, dict[str, tuple[int, ...]]] = {}
_HEAD_MEMO_SIZE = 1 << 16  # heads are at most _HEAD characters; the memo starts over when this full


def _scans_for_head(kind: str, head: str) -> tuple[int, ...]:
    """The keyed scans of this kind of start whose pattern may match at a start with this head."""
    two, one, _ = _SCAN_INDEX.get(kind, ({}, {}, []))
    by_two = two.get(head[:2], ())
    sids = [sid for sid in by_two if head.startswith(_SCANS[sid].prefixes)]
    sids += [sid for sid in one.get(head[:1], ()) if sid not in by_two and head.startswith(_SCANS[sid].prefixes)]
    memo = _HEAD_SCANS.setdefault(kind, {})
    if len(memo) >= _HEAD_MEMO_SIZE:
        memo.clear()
    memo[head] = found = tuple(sids)
    return found


_SOURCE = Path(__file__).read_bytes()  # what _prefixes does: part of the key of its kept answers


def _kept_prefixes(pattern: re.Pattern[str]) -> set[str]:
    """``_prefixes``, from the start cache when this module and the pattern are those it was worked out for."""
    key = "prefixes:" + startcache.digest([_SOURCE, pattern.pattern, str(pattern.flags)])
    return set(startcache.remembered(key, lambda: _prefixes(pattern)))


def _prefixes(pattern: re.Pattern[str]) -> set[str]:
    """Every string of up to four characters that a match of the pattern may start with (lower case
    when it ignores case); "" when the pattern may start with anything."""
    parsed = re_parser.parse(pattern.pattern, pattern.flags)
    fold = bool(parsed.state.flags & re.IGNORECASE)
    return {s for s, _ in _sequence_prefixes(list(parsed), fold)}


def _sequence_prefixes(items: list[tuple[Any, Any]], fold: bool) -> set[tuple[str, bool]]:
    """(prefix, complete) pairs: complete when the items match exactly the prefix, so what follows
    them may add to it."""
    current = {("", True)}
    for op, av in items:
        expansions = _item_prefixes(op, av, fold)
        grown = set()
        for s, complete in current:
            if not complete or len(s) >= _HEAD:
                grown.add((s[:_HEAD], False))
                continue
            for e, e_complete in expansions:
                t = s + e
                grown.add((t[:_HEAD], False) if len(t) >= _HEAD else (t, e_complete))
        current = grown
        if not any(complete for _, complete in current):
            break
    return current


def _item_prefixes(op: Any, av: Any, fold: bool) -> set[tuple[str, bool]]:
    if op is re_constants.LITERAL:
        return {(chr(av).lower() if fold else chr(av), True)}
    if op is re_constants.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is re_constants.LITERAL:
                chars.add(chr(item_av))
            elif item_op is re_constants.RANGE and item_av[1] - item_av[0] < 40:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return {("", False)}
        return {(c.lower() if fold else c, True) for c in chars}
    if op is re_constants.BRANCH:
        return {pair for branch in av[1] for pair in _sequence_prefixes(list(branch), fold)}
    if op is re_constants.SUBPATTERN:
        return _sequence_prefixes(list(av[3]), fold)
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
        low, high, sub = av
        inner = _sequence_prefixes(list(sub), fold)
        once = inner if high == 1 else {(s, False) for s, _ in inner}
        return once | ({("", True)} if low == 0 else set())
    if op in (re_constants.ASSERT, re_constants.ASSERT_NOT, re_constants.AT):
        return {("", True)}  # takes no characters
    return {("", False)}


def names_dropped(candidates: Iterable[_Candidate], dropped: Callable[[_Candidate], bool]) -> list[_Candidate]:
    """The candidates without the names `dropped` says are none; the rules find each name about three
    times, and each distinct span is judged once."""
    verdicts: dict[tuple[int, int], bool] = {}
    kept = []
    for c in candidates:
        if c.kind == "nama":
            span = (c.start, c.end)
            if span not in verdicts:
                verdicts[span] = dropped(c)
            if verdicts[span]:
                continue
        kept.append(c)
    return kept


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
