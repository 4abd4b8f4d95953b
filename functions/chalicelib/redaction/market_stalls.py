"""A market stall's number is not a house address: "Pasar Raya Padang | Blok A-12", "kios saya di Pasar Sukawati
blok B-3", a table's "Nomor Kios" column.

A house address is personal because it locates one household (docs/redaction.md). A stall in a public market
is a unit the market's manager lets, numbered on the manager's own plan and posted on the market's board;
complaints about rents, keys and fires list stalls by block and number. The address detector reads "Blok A-12"
as an estate's unit, so an address candidate that is a block, a stall or a row ("Blok", "Kios", "Los",
"Lapak") is dropped when its line names a market ("pasar") or it lies under a table header that names stalls
("Nomor Kios", "Los") or is an item of a list whose heading names a market's traders or stalls ("Daftar Pedagang
Pasar Ateh yang Kiosnya Bocor:\n1. Eri - Blok A/12"), and the line holds no word of a house's address ("Jl.", "Gg.", "RT", "Perum"): "Perum
Pasar Indah Blok C-12" is a house.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc

_STALL = re.compile(r"(?i)(?:blok|kios|los|lapak)\b")
_MARKET = re.compile(r"(?i)(?<![^\W\d_])pasar(?![^\W\d_])")
_STALL_HEADER = re.compile(r"(?i)(?<![^\W\d_])(?:kios|los|lapak)(?![^\W\d_])")
_HOUSE = re.compile(
    r"(?i)(?<![^\W\d_])(?:jl|jln|jalan|gg|gang|rt|rw|perum|perumahan|komplek|kompleks|griya|residence|rumah)"
    r"(?![^\W\d_])"
)


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _under_stall_header(text: str, line_start: int) -> bool:
    """Whether a line of a table (cells split by bars or tabs) lies under a header that names stalls."""
    line_end = text.find("\n", line_start)
    row = text[line_start : len(text) if line_end < 0 else line_end]
    bars = row.count("|") or row.count("\t")
    if not bars:
        return False
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end]
        if (above.count("|") or above.count("\t")) != bars:
            return False
        if _STALL_HEADER.search(above) and not any(c.isdigit() for c in above):
            return True
        end = start - 1
    return False


# A list's item line ("1. Eri – Blok A/12", "- Nurhasni: Los B-3"), and the traders and their stalls a list's
# heading names ("Daftar Pedagang Pasar Ateh yang Kiosnya Bocor:"; "kiosnya" holds "kios")
_ITEM = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*\u2022])[ \t]")
_TRADERS = re.compile(r"(?i)(?<![^\W\d_])(?:pedagang|kios\w*|los|lapak\w*)(?![^\W\d_])")


def _under_market_list(text: str, line_start: int) -> bool:
    """Whether a line is an item of a list whose heading names a market and its traders or stalls, and no house
    ("Daftar Pedagang Pasar Ateh yang Kiosnya Bocor:\n1. Eri – Blok A/12"; session 13)."""
    if not _ITEM.match(text, line_start):
        return False
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end]
        if not _ITEM.match(above):
            return bool(_MARKET.search(above) and _TRADERS.search(above)) and not _HOUSE.search(above)
        end = start - 1
    return False


def _stall(doc: _Doc, cand: _Candidate) -> bool:
    text = doc.text
    if not _STALL.match(text, cand.start):
        return False
    start, end = _line(text, cand.start)
    line = text[start:end]
    if _HOUSE.search(line[: cand.start - start] + line[cand.end - start :]):
        return False
    return bool(_MARKET.search(line)) or _under_stall_header(text, start) or _under_market_list(text, start)


def drop_market_stalls(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the addresses that are a market stall's number (see the module)."""
    candidates = list(candidates)
    if not any(c.kind == "alamat" for c in candidates):
        return candidates
    return [c for c in candidates if c.kind != "alamat" or not _stall(doc, c)]
