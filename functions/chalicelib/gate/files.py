"""The gate's second line: a scan of whole files for every strong identifier.

Records are checked one by one before they enter the public dataset (check.py); this scan reads
every file a build is about to write (pages, CSV, JSON, XML, the gzip-compressed search index,
SQLite files) and `aduan check-leaks` reads a whole built site. It finds identifiers in the
forms people and programs write them: numbers whatever their separators (``0812-3456-7890``,
``+62 812 3456 7890`` and ``6281234567890`` are one number), words whatever their case and the
punctuation or markup between them. A hit here means the first line missed something, so the
build that would write it is refused whole.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import ahocorasick_rs

from .identifiers import DIGIT_RUN, Identifier

_TAG = re.compile(r"<[^<>]{0,500}>")
_NOT_DIGIT = re.compile(r"[^\d|]")
_NOT_WORD = re.compile(r"\W+")  # the complement of vocabulary.words' runs
_ALL_BUT_DIGITS_AND_BRACKETS = bytes(b for b in range(256) if b not in b"0123456789<>")
_BRACKETED_DIGITS = re.compile(rb"<[0-9]+>")
_BRACKETS_SPLIT = bytes.maketrans(b"<>", b"||")
# Characters outside ASCII whose case folding holds an ASCII letter (the Kelvin sign, "ß",
# "ﬁ", "İ"…; the whole list, checked by tests/test_gate_scan.py): a text with one of them is
# read the exact way.
FOLDS_TO_ASCII = (
    "\xdf\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)


def _automaton(patterns: list[str]) -> ahocorasick_rs.AhoCorasick | None:
    return ahocorasick_rs.AhoCorasick(patterns) if patterns else None


def _bytes_automaton(
    patterns: list[str], implementation: ahocorasick_rs.Implementation | None = None
) -> ahocorasick_rs.BytesAhoCorasick | None:
    encoded = [p.encode() for p in patterns]
    return ahocorasick_rs.BytesAhoCorasick(encoded, implementation=implementation) if encoded else None


# What `Scanner._compile` makes of a plan (read-only once made), and the last scanner that made it
# from a plan of the gate's index (`Scanner._made_of`).
_AUTOMATA = (
    "_number_keys",
    "_phrase_keys",
    "_has_numbers",
    "_has_phrases",
    "_pairs",
    "_quick_numbers",
    "_all_quick_numbers",
    "_anchor_words",
    "_quick_anchors",
    "_all_quick_anchors",
    "_numbers",
    "_phrases",
)
_LAST_MADE: Scanner | None = None

# Up to this many keys a scanner that reads every text the exact way asks `in` before it builds
# its automata (`Scanner._few_hold`).
FEW_KEYS = 64

BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".wasm"}


@dataclass(frozen=True)
class ScanPlan:
    """What a scanner's automata are made from, worked out in Python from its keys: the number
    keys and the phrase keys, each in the order their automaton numbers them, and (a quick
    scanner's) the anchors of the phrases. The gate's index keeps the plan of its strong keys,
    updated as keys are added (index.py), so a build makes only the automata."""

    numbers: list[str]
    phrases: list[str]
    pairs: dict[str, list[str | None]]  # a phrase's rarest word -> the phrases' second-rarest (None: one word)
    anchors: list[str]  # every word of `pairs`, sorted

    VERSION: ClassVar[int] = 1  # a kept plan of another version is made again

    @classmethod
    def of(cls, keys: Iterable[str], *, quick: bool = True) -> ScanPlan:
        keys = list(keys)
        numbers = [key for key in keys if key.startswith("#")]
        phrases = [key for key in keys if not key.startswith("#")]
        if not quick:
            return cls(numbers, phrases, {}, [])
        return cls([], [], {}, []).adding([*numbers, *phrases])

    def adding(self, keys: Iterable[str]) -> ScanPlan:
        """This plan with more keys (a quick one: their phrases anchored too). The anchors
        already chosen stay: any two words of a phrase are correct anchors (a text holding the
        phrase holds both), the rarest two only let the quick read rule out more texts."""
        keys = list(keys)
        added = [key for key in keys if not key.startswith("#")]
        phrases = self.phrases + added
        # How many keys each word is in: the anchors of a phrase are its two rarest long words.
        seen: dict[str, int] = {}
        for key in phrases:
            for word in set(key.split(" ")):
                seen[word] = seen.get(word, 0) + 1
        pairs: dict[str, set[str | None]] = {word: set(others) for word, others in self.pairs.items()}
        for key in added:
            ranked = sorted(set(key.split(" ")), key=lambda w: (len(w) < 4 or w.isdigit(), seen[w], -len(w), w))
            pairs.setdefault(ranked[0], set()).add(ranked[1] if len(ranked) > 1 else None)
        anchors = sorted(pairs.keys() | {w for pair in pairs.values() for w in pair if w})
        ordered = {word: sorted(others, key=lambda w: (w is None, w or "")) for word, others in pairs.items()}
        numbers = self.numbers + [key for key in keys if key.startswith("#")]
        return ScanPlan(numbers, phrases, ordered, anchors)

    def dumps(self) -> str:
        plan = {"version": self.VERSION, "numbers": self.numbers, "phrases": self.phrases}
        return json.dumps({**plan, "pairs": self.pairs, "anchors": self.anchors}, ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> ScanPlan | None:
        """The plan `dumps` wrote, or None (another version, or not a plan)."""
        try:
            data = json.loads(text)
            if data.get("version") != cls.VERSION:
                return None
            return cls(data["numbers"], data["phrases"], data["pairs"], data["anchors"])
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


@dataclass(frozen=True)
class Leak:
    identifier: Identifier
    where: str

    def __str__(self) -> str:
        i = self.identifier
        return f"report {i.tracking}: its {i.kind} ({i.masked}) appears in {self.where}"


def as_read(text: str) -> str:
    """The text as the exact read reads it: markup between the words of a name must not hide
    it, so tags are dropped, then entities decoded."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    return html.unescape(text)


class Scanner:
    """Finds identifiers in text. Made from identifiers, or (`of_keys`) from their keys alone and
    a function that names the identifier of a key found: the scan of a build then reads only
    the keys from the gate's index, and the few rows it finds.

    Every key is compiled into Aho-Corasick automata, so a text is read by C code a fixed
    number of times whatever the number of identifiers, and Python only sees the hits. Most
    texts hold no identifier at all, so a scan first asks two cheap questions that every text
    holding one answers yes (see `_may_hold`); only a text that answers yes is read the exact
    way: tags dropped, entities decoded, numbers as their digits, words case-folded."""

    def __init__(self, identifiers: Iterable[Identifier], *, quick: bool = True) -> None:
        # key -> its identifier, or None when `resolve` names it (the first one given wins)
        self.keys: dict[str, Identifier | None] = {}
        # quick=False: every text is read the exact way. For one record's few short texts the
        # quick read's automata cost more to build (a DFA: ~0.3 ms) than they would save.
        self.quick = quick
        self.resolve: Callable[[str], Identifier] | None = None
        for ident in identifiers:
            self.keys.setdefault(ident.key, ident)
        self._compiled = False
        self._plan: ScanPlan | None = None
        self._numbers: ahocorasick_rs.AhoCorasick | None = None
        self._phrases: ahocorasick_rs.AhoCorasick | None = None

    @classmethod
    def of_keys(cls, keys: Iterable[str], resolve: Callable[[str], Identifier]) -> Scanner:
        scanner = cls(())
        scanner.keys = dict.fromkeys(keys)
        scanner.resolve = resolve
        return scanner

    @classmethod
    def of_plan(cls, plan: ScanPlan, resolve: Callable[[str], Identifier]) -> Scanner:
        """A quick scanner of the keys a plan was made of (the gate's index keeps the plan of
        its strong keys between builds): only the automata are made, in C."""
        scanner = cls.of_keys([*plan.numbers, *plan.phrases], resolve)
        scanner._plan = plan
        return scanner

    def __len__(self) -> int:
        return len(self.keys)

    def fingerprint(self) -> str:
        """A digest of every key, in the order the scanner holds them: another key, or the same
        keys in a plan made again, is another fingerprint. A caller that remembers the fingerprint
        under which it scanned some text knows whether that text would be scanned the same now."""
        return hashlib.sha256("\x00".join(self.keys).encode("utf-8", "surrogatepass")).hexdigest()

    def _found(self, key: str) -> Identifier:
        ident = self.keys[key]
        if ident is None:
            assert self.resolve is not None
            return self.resolve(key)
        return ident

    def compile(self) -> None:
        """Make the automata now, not on the first scan (before a fork: the workers share them)."""
        if not self._compiled:
            self._compile()

    def _compile(self) -> None:
        """The automata, made on the first scan: the check of one record makes a scanner of a
        few keys and may scan nothing. The plan comes from the gate's index when it kept one
        (`of_plan`); the exact automata are made when a text first needs them.

        A scanner of a plan takes the automata of the last scanner of an equal plan in this
        process, if there is one (`_made_of`): `aduan build` makes the scan over every strong key
        twice, for the publish's check of the changed records and for the scan of the files the
        build writes, about 0.03-0.06 s each at 20k reports. The automata are made from the plan
        (its number keys, phrase keys, anchors and pairs) and the `quick` switch alone, so they
        are kept under exactly those: the whole plan is compared, field by field, so a key added
        or taken away (a new identifier in the gate's index) is another plan, and new automata."""
        if self._plan is not None and self._made_of(self._plan):
            return
        plan = self._plan if self._plan is not None else ScanPlan.of(self.keys, quick=self.quick)
        self._number_keys, self._phrase_keys = plan.numbers, plan.phrases
        self._has_numbers, self._has_phrases = bool(plan.numbers), bool(plan.phrases)
        self._compiled = True
        if not self.quick:
            return
        self._pairs = {word: set(others) for word, others in plan.pairs.items()}
        # The quick ones read bytes. Digits other than 0-9 (Arabic-Indic, …) in a key, or
        # letters outside ASCII in an anchor: those texts are always read the exact way.
        self._quick_numbers = _bytes_automaton([key[1:] for key in plan.numbers if key.isascii()])
        self._all_quick_numbers = all(key.isascii() for key in plan.numbers)
        # A DFA: the largest of the automata's forms, and the fastest over a whole build.
        self._anchor_words = [w for w in plan.anchors if w.isascii()]
        self._quick_anchors = _bytes_automaton(
            self._anchor_words + list(FOLDS_TO_ASCII), ahocorasick_rs.Implementation.DFA
        )
        self._all_quick_anchors = all(w.isascii() for w in plan.anchors)
        if self._plan is not None:
            global _LAST_MADE  # noqa: PLW0603 - one per process, replaced (see _made_of)
            _LAST_MADE = self

    def _made_of(self, plan: ScanPlan) -> bool:
        """Take the automata of the last scanner compiled from a plan, if its plan equals `plan`
        and it is as quick as this one (see `_compile`). Those made later on a first need (the
        exact automata) are taken if the other scanner made them already."""
        made = _LAST_MADE
        if made is None or made is self or made.quick != self.quick or made._plan != plan:
            return False
        for name in _AUTOMATA:
            if hasattr(made, name):
                setattr(self, name, getattr(made, name))
        self._compiled = True
        return True

    def _number_matches(self, digits: str) -> Iterator[int]:
        """The index in `_number_keys` of every key in `digits` (digit runs joined by "|")."""
        if self.quick and self._all_quick_numbers and self._quick_numbers is not None:
            # The quick automaton holds every number key, in order, all ASCII: it finds the same
            # keys in the same order in the digits' UTF-8 (a digit outside ASCII is bytes no key
            # holds), so no second automaton of the same keys is made.
            found = self._quick_numbers.find_matches_as_indexes(digits.encode(), overlapping=True)
        else:
            if self._numbers is None:
                self._numbers = _automaton([key[1:] for key in self._number_keys])
            assert self._numbers is not None
            found = self._numbers.find_matches_as_indexes(digits, overlapping=True)
        return (index for index, _, _ in found)

    def _phrase_matches(self, joined: str) -> Iterator[int]:
        """The index in `_phrase_keys` of every key in `joined` (words joined by single spaces)."""
        if self._phrases is None:
            # A phrase is whole words: spaces on both sides, in a text of words joined by
            # single spaces, make "ana" miss "banana" and "siti ana" miss "siti anak".
            self._phrases = _automaton([f" {key} " for key in self._phrase_keys])
        assert self._phrases is not None
        return (index for index, _, _ in self._phrases.find_matches_as_indexes(joined, overlapping=True))

    def _may_hold(self, text: str) -> tuple[bool, bool]:
        """Whether the text may hold a number key, and a phrase key. Never "no" for a text that
        holds one (tests/test_gate_scan.py holds it to that), so a "no" skips the exact read.

        Both read the text's UTF-8 bytes with entities decoded. Words: every word the exact
        read finds is, unchanged, inside those bytes case-folded (a tag between two letters
        splits a word, never joins one), so a phrase needs its anchors there; ASCII case is
        folded alone, and the characters outside ASCII that fold into it ("K", "ß", "ﬁ") are
        anchors themselves. Numbers: the digits with tags kept as ``<>`` brackets, read twice:
        once with the brackets and the digits they enclose dropped (a run across tags, in one
        pass left to right) and once split at them (a run inside a long "tag" that the exact
        read keeps as text); every other character is dropped, which only joins more runs."""
        if not self.quick:
            # "Yes" for every key kind there is, without compiling (a record's check often
            # finds nothing, and then `_keys_in` never needs the automata).
            numbers = [key.startswith("#") for key in self.keys]
            return any(numbers), not all(numbers)
        return self._quick(html.unescape(text).encode("utf-8", "surrogatepass"))

    def _quick(self, data: bytes) -> tuple[bool, bool]:
        """`_may_hold` of a text's UTF-8 bytes, entities decoded. (Bytes that are not UTF-8 do
        as well: what decodes to an ASCII character or to one of FOLDS_TO_ASCII is that
        character's own bytes.)"""
        if not self._compiled:
            self._compile()
        if not self.quick:
            return self._has_numbers, self._has_phrases
        numbers = self._has_numbers
        if numbers and self._all_quick_numbers:
            kept = data.translate(None, _ALL_BUT_DIGITS_AND_BRACKETS)
            # Tags without digits, most of them, become a mark that keeps the two brackets
            # around them from pairing up with others (it is dropped with them after).
            across = kept.replace(b"<>", b"=")
            if b"<" in across:
                across = _BRACKETED_DIGITS.sub(b"", across)
            across = across.translate(None, b"<>=")
            split = kept.translate(_BRACKETS_SPLIT)
            numbers = bool(self._quick_numbers and self._quick_numbers.find_matches_as_indexes(across + b"|" + split))
        phrases = self._has_phrases
        if phrases and self._all_quick_anchors:
            phrases = self._anchored(data.lower())
        return numbers, phrases

    def _anchored(self, folded: bytes) -> bool:
        """Whether both anchors of some phrase (its one, for a phrase of one word) are in the
        text, or a character that folds into ASCII is."""
        if self._quick_anchors is None:
            return False
        found = {i for i, _, _ in self._quick_anchors.find_matches_as_indexes(folded, overlapping=True)}
        if not found:
            return False
        if max(found) >= len(self._anchor_words):
            return True
        words = {self._anchor_words[i] for i in found}
        return any(other is None or other in words for word in words for other in self._pairs.get(word, ()))

    def scan_text(self, text: str, where: str) -> Iterator[Leak]:
        if self.keys:
            yield from self._exact(text, where, *self._may_hold(text))

    def holds_any(self, text: str) -> bool:
        """Whether the text holds any of the keys, read as `scan_text` reads it, without naming
        the identifier (`resolve` is not asked)."""
        return bool(self.keys) and next(self._keys_in(text, *self._may_hold(text)), None) is not None

    def _exact(self, text: str, where: str, numbers: bool, phrases: bool) -> Iterator[Leak]:
        """The exact read, of the forms (numbers, phrases) the quick one could not rule out."""
        for key in self._keys_in(text, numbers, phrases):
            yield Leak(self._found(key), where)

    def _keys_in(self, text: str, numbers: bool, phrases: bool) -> Iterator[str]:
        """The keys the exact read finds, in the order found (numbers, then phrases)."""
        if not (numbers or phrases):
            return
        text = as_read(text)
        if numbers and (runs := DIGIT_RUN.findall(text)):
            # Every digit run's digits, separators dropped, one run from the next kept apart.
            digits = _NOT_DIGIT.sub("", "|".join(runs))
            if self._few_hold(digits, "#", ""):
                for index in self._number_matches(digits):
                    yield self._number_keys[index]
        if phrases:
            # The gate's words (vocabulary.words), joined by single spaces, in one C pass.
            joined = f" {_NOT_WORD.sub(' ', text.casefold())} "
            if self._few_hold(joined, "", " "):
                for index in self._phrase_matches(joined):
                    yield self._phrase_keys[index]

    def _few_hold(self, text: str, prefix: str, pad: str) -> bool:
        """Whether the automaton of the keys starting with `prefix` (numbers: "#") or not
        (phrases: "") could find any in `text`, compiling it only if so. A scanner of a few
        keys (one record's check) asks `in` for each key first: a text holding none, most,
        costs no automaton (~0.1 ms to build); one holding some is read by the automaton,
        which finds the same keys in its own order."""
        if not self._compiled and not self.quick and len(self.keys) <= FEW_KEYS:
            wanted = [k for k in self.keys if k.startswith("#") == (prefix == "#")]
            if not any(f"{pad}{k[len(prefix) :]}{pad}" in text for k in wanted):
                return False
        if not self._compiled:
            self._compile()
        return self._has_numbers if prefix == "#" else self._has_phrases

    def scan_bytes(self, data: bytes, where: str) -> Iterator[Leak]:
        if data[:2] == b"\x1f\x8b":  # gzip: Pagefind's index and fragments
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                pass
        if not self.keys:
            return
        if b"&" in data:  # entities to decode before the quick read
            yield from self.scan_text(data.decode("utf-8", errors="replace"), where)
        elif (found := self._quick(data)) != (False, False):
            yield from self._exact(data.decode("utf-8", errors="replace"), where, *found)

    def scan_sqlite(self, path: Path, where: str) -> Iterator[Leak]:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                # Rows are scanned a few thousand at a time: one scan per row costs more in
                # overhead than in reading, and a leak is named by its table anyway.
                rows = conn.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the file itself
                while batch := rows.fetchmany(2000):
                    text = " \n ".join(str(v) for row in batch for v in row if isinstance(v, (str, bytes)))
                    yield from self.scan_text(text, f"{where} (table {table})")
        finally:
            conn.close()

    def scan_file(self, path: Path, where: str | None = None) -> Iterator[Leak]:
        where = where or str(path)
        if path.suffix.lower() in BINARY_SUFFIXES:
            return
        with open(path, "rb") as f:
            head = f.read(16)
        if head.startswith(b"SQLite format 3"):
            yield from self.scan_sqlite(path, where)
        else:
            yield from self.scan_bytes(path.read_bytes(), where)

    def scan_tree(self, root: Path) -> list[Leak]:
        leaks: list[Leak] = []
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            leaks.extend(self.scan_file(path, str(path.relative_to(root))))
        return leaks


def guard_for(scanner: Scanner) -> Callable[[list[tuple[str, bytes]]], list[str]]:
    """The check `aduan build` hands the site generator: every file about to be written."""

    def guard(files: list[tuple[str, bytes]]) -> list[str]:
        # The day's snapshot repeats the data files byte for byte: scan each content once, and
        # name every file that holds it.
        by_content: dict[bytes, list[str]] = {}
        for path, data in files:
            by_content.setdefault(hashlib.sha256(data).digest(), []).append(path)
        first = {paths[0]: paths for paths in by_content.values()}
        return [
            f"{leak} (also in {', '.join(first[path][1:])})" if len(first[path]) > 1 else str(leak)
            for path, data in files
            if path in first
            for leak in scan_blob(scanner, path, data)
        ]

    # What the build keeps beside a file it scanned in part (the rows of aduan.db it replaced,
    # opendata_build.py): read on first use, once.
    guard.fingerprint = functools.cache(scanner.fingerprint)  # type: ignore[attr-defined]
    return guard


def scan_blob(scanner: Scanner, where: str, data: bytes) -> Iterator[Leak]:
    """Scan file content that is not on disk yet (SQLite files are written to a temp file)."""
    if data.startswith(b"SQLite format 3"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scan.db"
            path.write_bytes(data)
            yield from scanner.scan_sqlite(path, where)
    elif os.path.splitext(where)[1].lower() not in BINARY_SUFFIXES:
        yield from scanner.scan_bytes(data, where)
