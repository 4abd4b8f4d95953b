"""The publication gate: find personal data from the private store in what is about to be published.

The identifiers are every reporter field (name, phone, email, NIK) and every identifier the
redactor detects in private text (titles, descriptions, notes, addresses) of every report,
published or not. A scan looks for them in any text — pages, CSV, JSON, XML, the gzip-compressed
search index, SQLite files — in the forms people and programs write them: numbers whatever
their separators (``0812-3456-7890``, ``+62 812 3456 7890`` and ``6281234567890`` are one
number), words whatever their case and the punctuation or markup between them.

House numbers and RT/RW (`[ALAMAT]`) are not identifiers here: alone, "No. 12" names nobody,
and searching for it would stop every build.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .redaction import find_pii
from .report import Report

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^<>]{0,500}>")
_DIGITS = re.compile(r"\d[\d\s.\-()/+]*\d")
MIN_DIGITS = 8  # shorter numbers (amounts, dates, RT/RW) are everywhere and identify nobody
SKIP_KINDS = {"alamat"}
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".wasm"}


@dataclass(frozen=True)
class Identifier:
    tracking: str
    kind: str
    value: str


@dataclass(frozen=True)
class Leak:
    identifier: Identifier
    where: str

    def __str__(self) -> str:
        i = self.identifier
        return f"report {i.tracking}: its {i.kind} ({mask(i.value)}) appears in {self.where}"


def mask(value: str) -> str:
    """Enough of an identifier to find it again in the private store, not enough to leak it."""
    return value[:2] + "…" + value[-2:] if len(value) > 6 else "…"


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    # One phone number, three spellings: 0812…, 62812…, +62 812…; keep the national part.
    if digits.startswith("62") and len(digits) >= 10:
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) >= 9:
        digits = digits[1:]
    return digits


def _words(value: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(value.casefold()))


class Scanner:
    def __init__(self, identifiers: Iterable[Identifier]) -> None:
        self.numbers: dict[str, Identifier] = {}
        self.phrases: dict[tuple[str, ...], Identifier] = {}
        for ident in identifiers:
            digits = re.sub(r"\D", "", ident.value)
            if ident.kind in ("telepon", "nik", "kk", "npwp", "bpjs", "rekening") or (
                len(digits) >= MIN_DIGITS and len(digits) >= len(ident.value) * 0.6
            ):
                key = _digits(ident.value)
                if len(key) >= MIN_DIGITS:
                    self.numbers.setdefault(key, ident)
                continue
            words = _words(ident.value)
            if words and (len(words) > 1 or len(words[0]) >= 3):
                self.phrases.setdefault(words, ident)
        self.number_lengths = sorted({len(k) for k in self.numbers})
        # Look phrases up only where one of them can start: most words start none.
        self.lengths_by_first: dict[str, list[int]] = {}
        for phrase in self.phrases:
            self.lengths_by_first.setdefault(phrase[0], []).append(len(phrase))

    def __len__(self) -> int:
        return len(self.numbers) + len(self.phrases)

    def scan_text(self, text: str, where: str) -> Iterator[Leak]:
        # Markup between the words of a name must not hide it: drop tags, then decode entities.
        text = html.unescape(_TAG.sub(" ", text))
        for run in _DIGITS.findall(text):
            digits = re.sub(r"\D", "", run)
            for length in self.number_lengths:
                for start in range(len(digits) - length + 1):
                    if (ident := self.numbers.get(digits[start : start + length])) is not None:
                        yield Leak(ident, where)
        words = _words(text)
        for start, word in enumerate(words):
            for length in self.lengths_by_first.get(word, ()):
                if (ident := self.phrases.get(words[start : start + length])) is not None:
                    yield Leak(ident, where)

    def scan_bytes(self, data: bytes, where: str) -> Iterator[Leak]:
        if data[:2] == b"\x1f\x8b":  # gzip: Pagefind's index and fragments
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                pass
        yield from self.scan_text(data.decode("utf-8", errors="replace"), where)

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


def report_identifiers(report: Report) -> Iterator[Identifier]:
    reporter = report.reporter
    for kind, value in (
        ("nama", reporter.name),
        ("telepon", reporter.phone),
        ("email", reporter.email),
        ("nik", reporter.nik),
    ):
        if value:
            yield Identifier(report.tracking, kind, value)
    texts = [report.title, report.description, report.location.address or ""]
    texts += [u.note for u in report.updates if u.note]
    for text in texts:
        for match in find_pii(text):
            if match.kind not in SKIP_KINDS and not _unlikely_name(match.kind, match.value, text):
                yield Identifier(report.tracking, match.kind, match.value)


def _unlikely_name(kind: str, value: str, text: str) -> bool:
    """A "name" the redactor over-matched in mixed-case text: a lower-case word ("mampu") or a
    short acronym ("UMK"). Searching the site for such words would stop every build; the
    redactor still removes them from the text it publishes."""
    if kind != "nama" or text.islower() or text.isupper():
        return False
    return value.islower() or (value.isupper() and len(value) <= 5)


def scanner_for(reports: Iterable[Report], cache: IdentifierCache | None = None) -> Scanner:
    if cache is None:
        return Scanner(i for report in reports for i in report_identifiers(report))
    return Scanner(cache.identifiers(reports))


class IdentifierCache:
    """Identifiers per report version, kept on disk: finding them runs the redactor over every
    private text, which a build need not repeat for the reports that did not change."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def identifiers(self, reports: Iterable[Report]) -> Iterator[Identifier]:
        try:
            cached: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            cached = {}
        fresh: dict[str, Any] = {}
        for report in reports:
            entry = cached.get(report.tracking)
            if entry is None or entry[0] != report.version:
                entry = [report.version, [[i.kind, i.value] for i in report_identifiers(report)]]
            fresh[report.tracking] = entry
            for kind, value in entry[1]:
                yield Identifier(report.tracking, kind, value)
        if fresh != cached:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(fresh, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)


def guard_for(scanner: Scanner) -> Callable[[list[tuple[str, bytes]]], list[str]]:
    """The check `aduan build` hands the site generator: every file about to be written."""

    def guard(files: list[tuple[str, bytes]]) -> list[str]:
        return [str(leak) for path, data in files for leak in scan_blob(scanner, path, data)]

    return guard


def scan_blob(scanner: Scanner, where: str, data: bytes) -> Iterator[Leak]:
    """Scan file content that is not on disk yet (SQLite files are written to a temp file)."""
    if data.startswith(b"SQLite format 3"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scan.db"
            path.write_bytes(data)
            yield from scanner.scan_sqlite(path, where)
    elif Path(where).suffix.lower() not in BINARY_SUFFIXES:
        yield from scanner.scan_bytes(data, where)
