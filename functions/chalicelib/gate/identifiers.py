"""The identifiers a report gives the gate to search for, and how specific each one is.

They come from the reporter's fields (name, phone, email, NIK) and from what the detector finds
in the report's private text (title, description, address, every note). Each becomes a *key*
in the form the gate searches: numbers as their national digits (``0812-3456-7890``,
``+62 812 3456 7890`` and ``6281234567890`` are one key), everything else as its words,
case-folded.

A key is searched for in its own report's public record always, and in every other report's
only when it is *strong*: a number, an email, a structured identifier (a plate, an account),
or a name of two or more words with at least one word that is neither ordinary Indonesian nor
the region's or the site's own, from a report an officer has verified. Anything a submitter
chooses freely and nobody has looked at yet could otherwise hold back other people's reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lifecycle import Status
from ..report import Report
from .vocabulary import Vocabulary, words

if TYPE_CHECKING:
    from ..redaction.document import PiiMatch


def find_pii_remembered(text: str) -> list[PiiMatch]:
    """The redactor's `find_pii_remembered`, imported on first use: a process that publishes nothing (`aduan
    build` with nothing new, most `aduan` commands) never builds the redactor's tables."""
    from ..redaction.driver import find_pii_remembered as redactor  # noqa: PLC0415 - see the docstring

    return redactor(text)


# A number as people write it: digits with spaces, dots, dashes, brackets, slashes or a plus.
DIGIT_RUN = re.compile(r"\d[\d\s.\-()/+]*\d")
MIN_DIGITS = 8  # shorter numbers (amounts, dates, RT/RW) are everywhere and identify nobody
NUMBER_KINDS = frozenset({"telepon", "nik", "kk", "npwp", "bpjs", "rekening", "nip", "nomor"})
STRUCTURED_KINDS = frozenset({"email", "nopol", "paspor"})
# House numbers and RT/RW alone name nobody; searching for them would hold every report.
SKIP_KINDS = frozenset({"alamat"})


@dataclass(frozen=True)
class Identifier:
    tracking: str
    kind: str
    key: str  # "#<digits>" for a number, else the words joined by one space
    strong: bool  # searched for in other reports too
    masked: str  # enough for an officer to find it in the report, not enough to leak it

    @property
    def is_number(self) -> bool:
        return self.key.startswith("#")


def mask(value: str) -> str:
    value = value.strip()
    return value[:2] + "…" + value[-2:] if len(value) > 6 else "…"


def national_digits(value: str) -> str:
    """One phone number, three spellings: 0812…, 62812…, +62 812…; keep the national part."""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("62") and len(digits) >= 10:
        return digits[2:]
    if digits.startswith("0") and len(digits) >= 9:
        return digits[1:]
    return digits


def _is_number(kind: str, value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return kind in NUMBER_KINDS or (len(digits) >= MIN_DIGITS and len(digits) >= len(value) * 0.6)


def identifier(tracking: str, kind: str, value: str, vocab: Vocabulary, *, verified: bool) -> Identifier | None:
    """The identifier for one value, or None when it identifies nobody."""
    masked = mask(value)
    if _is_number(kind, value):
        digits = national_digits(value)
        if len(digits) < MIN_DIGITS:
            return None
        return Identifier(tracking, kind, "#" + digits, True, masked)
    found = words(value)
    if not found or all(vocab.is_public(w) or w.isdigit() for w in found):
        return None  # "Pasuruan", "Kota Pasuruan", "@pasuruan", "True": the site's own words
    if kind in STRUCTURED_KINDS:
        return Identifier(tracking, kind, " ".join(found), True, masked)
    specific = [w for w in found if not vocab.is_plain(w)]
    if len(found) == 1:
        if not specific:
            return None  # "Dinas", "alert", "Jalan": ordinary words
        return Identifier(tracking, kind, found[0], False, masked)
    strong = verified and bool(specific)
    return Identifier(tracking, kind, " ".join(found), strong, masked)


def _unlikely_name(kind: str, value: str, text: str) -> bool:
    """A "name" the detector over-matched in mixed-case text: a lower-case word ("mampu") or a
    short acronym ("UMK"). The redactor still removes it from what it publishes."""
    if kind != "nama" or text.islower() or text.isupper():
        return False
    return value.islower() or (value.isupper() and len(value) <= 5)


def _values(report: Report) -> Iterator[tuple[str, str]]:
    reporter = report.reporter
    for kind, value in (
        ("nama", reporter.name),
        ("telepon", reporter.phone),
        ("email", reporter.email),
        ("nik", reporter.nik),
    ):
        if value:
            yield kind, value
    texts = [report.title, report.description, report.location.address or ""]
    texts += [u.note for u in report.updates if u.note]
    for text in texts:
        for match in find_pii_remembered(text):
            if match.kind not in SKIP_KINDS and not _unlikely_name(match.kind, match.value, text):
                yield match.kind, match.value


def identifiers_of(report: Report, vocab: Vocabulary) -> list[Identifier]:
    """Every identifier of one report, once per key (the strongest form wins)."""
    # Reports rejected as spam were looked at by an officer and found to be nobody's.
    if report.rejection_reason == "spam":
        return []
    verified = report.first(Status.VERIFIED) is not None
    found: dict[str, Identifier] = {}
    for kind, value in _values(report):
        ident = identifier(report.tracking, kind, value, vocab, verified=verified)
        if ident is not None and (ident.key not in found or ident.strong and not found[ident.key].strong):
            found[ident.key] = ident
    return list(found.values())
