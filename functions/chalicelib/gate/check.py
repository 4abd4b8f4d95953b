"""The check of one public record before it is written to the public dataset.

Two searches, over every text the record publishes (title, description, where it was
forwarded, each timeline note):

- text an officer typed is published as written, so the detector reads it again here (it
  already refused it when it was saved, unless the officer insisted);
- every published text is searched for this report's own identifiers and for every other
  report's strong ones (see identifiers.py), in any spelling of a number and any case.

A problem names the kind of identifier, the field, where the identifier came from and a mask
of it: enough for an officer to find and fix the text, never the value itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..report import Report
from .files import Scanner, as_read
from .identifiers import SKIP_KINDS, Identifier, mask
from .index import number_keys, number_runs, phrase_keys
from .snapshot import Identifiers
from .vocabulary import Vocabulary, words

if TYPE_CHECKING:
    from ..redaction.document import PiiMatch


def find_pii(text: str) -> list[PiiMatch]:
    """The redactor's `find_pii`, imported on first use: a process that publishes nothing (`aduan
    build` with nothing new, most `aduan` commands) never builds the redactor's tables."""
    from ..redaction.driver import find_pii as redactor  # noqa: PLC0415 - see the docstring

    return redactor(text)


@dataclass(frozen=True)
class Problem:
    kind: str  # nama, telepon, nik, …: the redactor's placeholder word
    field: str  # title, description, forwarded_to, timeline.3.note
    source: str  # "detector", "this report" or the tracking number the identifier belongs to
    masked: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def __str__(self) -> str:
        where = {"detector": "found by the detector", "this report": "this report's own identifier"}.get(
            self.source, f"an identifier of report {self.source}"
        )
        return f"{self.kind} ({self.masked}) in {self.field}: {where}"


def record_texts(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Every free text a public record publishes, with the field it is in."""
    texts = [(name, record.get(name) or "") for name in ("title", "description", "forwarded_to")]
    texts += [(f"timeline.{i}.note", entry.get("note") or "") for i, entry in enumerate(record.get("timeline", []))]
    return [(name, text) for name, text in texts if text]


def texts_digest(record: dict[str, Any]) -> str:
    """What an admin's override vouches for: these exact texts, nothing written later."""
    return hashlib.sha256(json.dumps(record_texts(record), ensure_ascii=False).encode()).hexdigest()


def _typed_by_officer(report: Report, record: dict[str, Any], forward_names: set[str]) -> list[tuple[str, str]]:
    typed = []
    if report.public_title is not None:
        typed.append(("title", record.get("title") or ""))
    if report.public_description is not None:
        typed.append(("description", record.get("description") or ""))
    forwarded = record.get("forwarded_to") or ""
    if forwarded and forwarded not in forward_names:
        typed.append(("forwarded_to", forwarded))
    return typed


def detector_problems(field: str, text: str, vocab: Vocabulary) -> list[Problem]:
    problems = []
    for match in find_pii(text):
        found = words(match.value)
        if match.kind in SKIP_KINDS or not found or all(vocab.is_public(w) for w in found):
            continue
        problems.append(Problem(match.kind, field, "detector", mask(match.value)))
    return problems


def check_record(
    report: Report, record: dict[str, Any], index: Identifiers, vocab: Vocabulary, forward_names: set[str]
) -> list[Problem]:
    texts = record_texts(record)
    problems: list[Problem] = []
    for field, text in _typed_by_officer(report, record, forward_names):
        problems += detector_problems(field, text, vocab)

    candidates: list[Identifier] = index.own(report.tracking)
    # In a publish (a batch), one scan over every strong key of the index answers first
    # whether any text holds one at all; most hold none, and then only this report's own
    # identifiers can be found. Otherwise the index is asked for the keys these texts could
    # hold, as below, which names the same identifiers the same way.
    wide = index.batch_scanner()
    if wide is not None and not any(wide.holds_any(text) for _, text in texts):
        return _found(problems, Scanner(candidates, quick=False), report, texts)

    # Ask the index only for the keys these texts could hold, then look for them the way the
    # scan of whole files does (one matcher for both lines of the gate).
    # The keys of the text as written and as the scan reads it (tags dropped, entities
    # decoded): "Sutrisno&nbsp;Wibisono" is the name "Sutrisno Wibisono" to the scan of files,
    # which would refuse the whole build for it, so it holds the record back here.
    every_key: set[str] = set()
    for _, text in texts:
        for read in {text, as_read(text)}:
            every_key |= phrase_keys(words(read))
            every_key |= {key for run in number_runs(read) for key in number_keys(run)}
    candidates += [i for i in index.strong_matching(every_key) if i.tracking != report.tracking]
    return _found(problems, Scanner(candidates, quick=False), report, texts)


def _found(problems: list[Problem], scanner: Scanner, report: Report, texts: list[tuple[str, str]]) -> list[Problem]:
    """`problems` and those the scanner finds in the texts, each once."""
    for field, text in texts:
        for leak in scanner.scan_text(text, field):
            ident = leak.identifier
            source = "this report" if ident.tracking == report.tracking else ident.tracking
            problems.append(Problem(ident.kind, field, source, ident.masked))
    return list(dict.fromkeys(problems))
