"""One line of an import file: read as JSON and its values checked, each problem a `LineError`
in Bahasa Indonesia and in English (docs/import-format.md lists them).

An import file comes from another system, or from someone who wants to break ours, so a line is
checked for what would fail later, far from the file: text the store cannot encode (a lone
UTF-16 surrogate, "\\ud800" in JSON) or that breaks published feeds, CSV and HTML (control
characters, as the API refuses them, textrules.py); a value of the wrong type that Python would
quietly turn into text or truth (`"anonymous": "false"`); coordinates and timestamps outside
the range the publisher can work with (year 1 overflows its date arithmetic) or later than the
service's clock allows (a report "submitted" next year would be listed first, with a negative
age, and its service levels never run out); JSON nested
deeper than Python's parser recurses; lines and texts far larger than any report.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from datetime import datetime, timedelta
from typing import Any

import orjson

from . import clock
from .textrules import bad_character

MAX_LINE_BYTES = 4 * 1024 * 1024  # a line of an import file; a report with a long history is ~10 KB
MAX_HISTORY = 1000  # entries in one line's history
# Characters of each text a line may hold: far above what the web form takes (150 and 5,000
# characters), so a channel's long texts pass, and far below what makes a page or a redaction
# crawl.
MAX_CHARS = {"title": 1000, "description": 50_000, "note": 10_000, "ref": 200}
MAX_OTHER_CHARS = 1000  # the address, the reporter's details
FIRST_YEAR, LAST_YEAR = 1970, 2099  # the years a timestamp may name
# How far past the service's clock (clock.now, which ADUAN_NOW sets) a moment may lie: a channel's
# clock may run ahead of ours, or write local time with a wrong offset (WIT is UTC+9).
FUTURE_SLACK = timedelta(days=1)
SHOWN = 80  # characters of a value repeated in an error


class LineError(ValueError):
    """A problem with one line: `message` in Bahasa Indonesia, `en` in English."""

    def __init__(self, message: str, en: str) -> None:
        super().__init__(message, en)
        self.message, self.en = message, en

    def __str__(self) -> str:
        return f"{self.message} / {self.en}"


def shown(value: Any) -> str:
    """`value` as an error repeats it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


# -- reading a line ----------------------------------------------------------------------------

BOM = b"\xef\xbb\xbf"


# Every digit as "0", every other byte as a space: 19 zeros in a row in a line so translated is
# a run of 19 digits (a third of the time of searching the line with the regex \d{19}).
_DIGITS_AS_ZEROS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_NINETEEN_ZEROS = b"0" * 19
_NINETEEN_DIGITS = re.compile(r"\d{19}")


def _long_digits(line: str | bytes) -> bool:
    """Whether `line` holds a run of 19 digits (an integer that may be past 64 bits)."""
    if isinstance(line, bytes):
        return _NINETEEN_ZEROS in line.translate(_DIGITS_AS_ZEROS)
    return bool(_NINETEEN_DIGITS.search(line))


def parse_line(line: str | bytes, first: bool = False) -> dict[str, Any] | None:
    """A line's JSON object, or None for a blank line; `first`: the file's first line, which
    may start with a byte order mark (spreadsheet programs write one)."""
    if first and line[:3] in (BOM, BOM.decode("utf-8")):
        line = line[3:] if isinstance(line, bytes) else line[1:]
    if len(line) > MAX_LINE_BYTES:
        mb = MAX_LINE_BYTES // (1024 * 1024)
        raise LineError(f"baris ini lebih dari {mb} MB", f"the line is longer than {mb} MB")
    if not line.strip():
        return None
    # orjson: a third of json's time, and bytes need no decoding first. It reads an integer
    # beyond 64 bits as a float where json keeps it whole: a line with such a run of digits
    # anywhere (a string's too, rarely) is json's.
    if _long_digits(line):
        data = _parse_slowly(line)
    else:
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError:
            # Whatever orjson refuses (bad UTF-8, bad JSON, but also NaN, 1e400, lone surrogates
            # or nesting past its limit, which json takes) is read by json, and named as before.
            data = _parse_slowly(line)
    if not isinstance(data, dict):
        raise LineError("setiap baris harus berupa objek JSON", "each line must be a JSON object")
    if _may_hold_bad_characters(line):
        refuse_bad_characters(data)
    return data


def _parse_slowly(line: str | bytes) -> Any:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise LineError(
                f"bukan teks UTF-8 (byte ke-{e.start + 1})", f"not UTF-8 text (byte {e.start + 1})"
            ) from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        # json says e.g. "Invalid control character at": the column follows.
        where = f"{e.msg.removesuffix(' at')}, kolom {e.colno}"
        en = f"{e.msg.removesuffix(' at')} at column {e.colno}"
        if "\r" in line.rstrip("\r\n"):
            where += "; baris dipisah CR saja? Pakai LF atau CRLF"
            en += "; are lines separated by a bare CR? Use LF or CRLF"
        raise LineError(f"bukan JSON yang sah ({where})", f"not valid JSON ({en})") from None
    except RecursionError:
        raise LineError("JSON bersarang terlalu dalam", "the JSON nests too deeply") from None
    except ValueError as e:  # an integer of thousands of digits (Python's limit on converting them)
        raise LineError(f"bukan JSON yang sah ({e})", f"not valid JSON ({e})") from None


# -- characters --------------------------------------------------------------------------------

# What may spell a refused character (textrules.BAD_CHARACTER) in a line: a \u escape of a C0
# or C1 control, DEL, a surrogate or U+FFFE/U+FFFF, or those characters written out (raw C0
# controls are not JSON). A line without any needs no closer look (nearly every line); a line
# with one has its values looked at (an escaped backslash before "u0000" is only text).
_ESCAPES = r"\\u(?:00[0189][0-9a-fA-F]|007[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])"
_MAY_HOLD_BAD = re.compile(_ESCAPES + "|[\x7f-\x9f\ufffe\uffff]")
_MAY_HOLD_BAD_BYTES = re.compile(_ESCAPES.encode() + rb"|\x7f|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]")


def _may_hold_bad_characters(line: str | bytes) -> bool:
    if isinstance(line, str):
        return bool(_MAY_HOLD_BAD.search(line))
    # Bytes that start every such spelling, looked for first (a memchr each, where the regex
    # walks the line): an escape, DEL, the lead byte of C1 in UTF-8, that of U+FFFE/U+FFFF.
    if b"\\u" in line or b"\x7f" in line or b"\xc2" in line or b"\xef\xbf" in line:
        return bool(_MAY_HOLD_BAD_BYTES.search(line))
    return False


# The texts of a line that are kept (the other fields are ignored, so not looked at).
_TEXTS = ("ref", "channel", "submitted_at", "kind", "title", "description", "agency", "category")
_PARTS = {"location": ("kecamatan", "kelurahan", "address"), "reporter": ("name", "phone", "email", "nik")}
_ENTRY_TEXTS = ("status", "at", "agency", "reason", "note")


def refuse_bad_characters(data: dict[str, Any]) -> None:
    """LineError naming the first kept text holding a character the API refuses (textrules)."""
    found: list[tuple[str, Any]] = [(name, data.get(name)) for name in _TEXTS]
    for part, names in _PARTS.items():
        if isinstance(value := data.get(part), dict):
            found += [(f"{part}.{name}", value.get(name)) for name in names]
    if isinstance(history := data.get("history"), list):
        for index, entry in enumerate(history):
            if isinstance(entry, dict):
                found += [(f"history[{index}].{name}", entry.get(name)) for name in _ENTRY_TEXTS]
    for name, value in found:
        if isinstance(value, str) and (problem := bad_character(value)):
            indonesian, _, english = problem.partition(" / ")
            raise LineError(f"{name} {indonesian}", f"{name} {english}")


# -- values ------------------------------------------------------------------------------------


def text(value: Any, name: str, limit: int = MAX_OTHER_CHARS, whole_number: bool = False) -> str | None:
    """A text field, stripped, or None when absent or empty: a string (with `whole_number`, an
    integer too, as its digits: channels number their reports), of at most `limit` characters."""
    if value is None:
        return None
    if type(value) is str:
        stripped = value.strip()
    elif whole_number and type(value) is int:
        stripped = str(value)
    else:
        kind = "teks atau bilangan bulat" if whole_number else "teks"
        kind_en = "a string or a whole number" if whole_number else "a string"
        raise LineError(f"{name} harus {kind}, bukan {shown(value)}", f"{name} must be {kind_en}, not {shown(value)}")
    if len(stripped) > limit:
        raise LineError(
            f"{name} lebih dari {limit:,} karakter ({len(stripped):,})".replace(",", "."),
            f"{name} is longer than {limit:,} characters ({len(stripped):,})",
        )
    return stripped or None


def flag(value: Any, name: str) -> bool:
    """A yes/no field: true, false or null (absent: false). A string such as "false" is refused
    rather than read as true, as Python's bool() would."""
    if value is None or type(value) is bool:
        return bool(value)
    raise LineError(
        f"{name} harus true, false atau null, bukan {shown(value)}",
        f"{name} must be true, false or null, not {shown(value)}",
    )


def coordinate(value: Any, name: str, bound: float) -> float | None:
    """A latitude (`bound` 90) or longitude (180): a JSON number within ±bound, or null."""
    if value is None:
        return None
    if type(value) not in (int, float):  # not a bool (an int to Python), not a string
        raise LineError(f"{name} harus angka atau null", f"{name} must be a number or null")
    number = float(value)
    if not (math.isfinite(number) and -bound <= number <= bound):
        raise LineError(
            f"{name} harus di antara -{bound:g} dan {bound:g}, bukan {shown(value)}",
            f"{name} must be between -{bound:g} and {bound:g}, not {shown(value)}",
        )
    return number


def timestamp(value: Any, name: str) -> datetime:
    """An ISO 8601 timestamp with its offset, in the years FIRST_YEAR to LAST_YEAR; a naive one
    is refused (whose clock was it?)."""
    try:
        parsed = datetime.fromisoformat(value) if type(value) is str else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise LineError(
            f"{name} {shown(value)} bukan stempel waktu ISO 8601 (contoh: 2024-05-06T08:15:00+07:00)",
            f"{name} {shown(value)} is not an ISO 8601 timestamp",
        )
    if parsed.tzinfo is None:
        raise LineError(
            f"{name} {shown(value)} tidak mencantumkan selisih UTC (tulis misalnya +07:00)",
            f"{name} {shown(value)} has no UTC offset (write e.g. +07:00)",
        )
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise LineError(
            f"{name} {shown(value)} di luar tahun {FIRST_YEAR}–{LAST_YEAR}",
            f"{name} {shown(value)} is outside the years {FIRST_YEAR}–{LAST_YEAR}",
        )
    if parsed > latest_moment():
        raise LineError(
            f"{name} {shown(value)} ada di masa depan (sekarang {clock.now().isoformat()})",
            f"{name} {shown(value)} is in the future (now is {clock.now().isoformat()})",
        )
    return parsed


_latest: tuple[str | None, int, datetime] | None = None  # (ADUAN_NOW, second, the moment)


def latest_moment() -> datetime:
    """The latest moment an imported timestamp may name: now plus FUTURE_SLACK. Asked for every
    timestamp of an import (tens of thousands a second), so it is worked out again only when the
    second or ADUAN_NOW changes."""
    global _latest
    fixed, second = os.environ.get("ADUAN_NOW"), int(time.monotonic())
    if _latest is None or _latest[0] != fixed or _latest[1] != second:
        _latest = (fixed, second, clock.now() + FUTURE_SLACK)
    return _latest[2]
