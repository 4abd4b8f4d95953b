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

import gzip
import hashlib
import html
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .identifiers import DIGIT_RUN, Identifier
from .vocabulary import words

_TAG = re.compile(r"<[^<>]{0,500}>")
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".wasm"}


@dataclass(frozen=True)
class Leak:
    identifier: Identifier
    where: str

    def __str__(self) -> str:
        i = self.identifier
        return f"report {i.tracking}: its {i.kind} ({i.masked}) appears in {self.where}"


class Scanner:
    """Finds identifiers in text. Made from identifiers, or (`of_keys`) from their keys alone and
    a function that names the identifier of a key found: the scan of a build then reads only
    the keys from the gate's index, and the few rows it finds."""

    def __init__(self, identifiers: Iterable[Identifier]) -> None:
        self.numbers: dict[str, Identifier | None] = {}
        self.phrases: dict[tuple[str, ...], Identifier | None] = {}
        self.resolve: Callable[[str], Identifier] | None = None
        for ident in identifiers:
            if ident.is_number:
                self.numbers.setdefault(ident.key[1:], ident)
            else:
                self.phrases.setdefault(tuple(ident.key.split(" ")), ident)
        self._index()

    @classmethod
    def of_keys(cls, keys: Iterable[str], resolve: Callable[[str], Identifier]) -> Scanner:
        scanner = cls(())
        for key in keys:
            if key.startswith("#"):
                scanner.numbers.setdefault(key[1:], None)
            else:
                scanner.phrases.setdefault(tuple(key.split(" ")), None)
        scanner.resolve = resolve
        scanner._index()
        return scanner

    def _found(self, ident: Identifier | None, key: str) -> Identifier:
        if ident is None:
            assert self.resolve is not None
            return self.resolve(key)
        return ident

    def _index(self) -> None:
        self.number_lengths = sorted({len(k) for k in self.numbers})
        self.shortest_number = self.number_lengths[0] if self.number_lengths else 1_000_000
        # Look phrases up only where one of them can start: most words start none.
        self.lengths_by_first: dict[str, list[int]] = {}
        for phrase in self.phrases:
            self.lengths_by_first.setdefault(phrase[0], []).append(len(phrase))

    def __len__(self) -> int:
        return len(self.numbers) + len(self.phrases)

    def scan_text(self, text: str, where: str) -> Iterator[Leak]:
        # Markup between the words of a name must not hide it: drop tags, then decode entities.
        text = html.unescape(_TAG.sub(" ", text))
        for run in DIGIT_RUN.findall(text):
            if len(run) < self.shortest_number:
                continue  # too short to hold any identifier, separators and all
            digits = re.sub(r"\D", "", run)
            for length in self.number_lengths:
                for start in range(len(digits) - length + 1):
                    if (number := digits[start : start + length]) in self.numbers:
                        yield Leak(self._found(self.numbers[number], "#" + number), where)
        found = tuple(words(text))
        for start, word in enumerate(found):
            for length in self.lengths_by_first.get(word, ()):
                if (phrase := found[start : start + length]) in self.phrases:
                    yield Leak(self._found(self.phrases[phrase], " ".join(phrase)), where)

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
