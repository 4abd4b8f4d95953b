"""`aduan import`: reports from other channels, as JSON Lines (format in docs/import-format.md).

Keyed by `ref`: importing a known ref again adds only the history entries it lacks, so a
channel can be synced repeatedly. All or nothing: every line is checked first and the batch
is saved in one transaction; the first bad line is named in the error.

Other channels often record only some steps of the lifecycle (received, then resolved). An
entry may skip steps forward — the skipped statuses are recorded at the same moment, marked
as coming from the channel — but never go where the lifecycle cannot (rejected → resolved).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import islice
from typing import Any

import orjson

from . import codes
from .clock import parse_timestamp
from .errors import IllegalTransition, ValidationError
from .lifecycle import REJECTION_REASONS, Status, parse_status, path_to, reachable
from .region import Place, Region
from .report import KINDS, NOTE, STATUS, Location, Report, Reporter, Update
from .store import Store
from .tracking import hash_secret, new_secret, new_tracking

REQUIRED = ("ref", "submitted_at", "kind", "title", "description")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    entries_added: int = 0


class LineError(ValueError):
    pass


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = value.strip() if type(value) is str else str(value).strip()  # a line has dozens
    return text or None


# One encoder for every key (json.dumps with options builds a new one per call); same output.
_KEY_JSON = json.JSONEncoder(ensure_ascii=False)
# How that encoder quotes a string: the keys' items are spelled without its list machinery.
_quote = json.encoder.encode_basestring


def _key_item(value: Any) -> str:
    if value is None:
        return "null"
    return _quote(value) if type(value) is str else _KEY_JSON.encode(value)


def _entry_key(entry: dict[str, Any], at: datetime | None = None) -> str:
    """A history entry's identity (stored on its update, so a re-import skips it); `at` is the
    entry's parsed time when the caller already has it."""
    if at is None:
        at = parse_timestamp(entry.get("at"), "history[].at")
    # The JSON list [status, at, agency, reason, note] exactly as _KEY_JSON.encode spells it
    # (keys stored by earlier imports must come out the same), at a third of its cost.
    items = (entry.get("status"), at.isoformat(), entry.get("agency"), entry.get("reason"), entry.get("note") or "")
    canonical = "[" + ", ".join(map(_key_item, items)) + "]"
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24]


# The lifecycle's answers by (from, to): a few dozen pairs, asked once or twice per line.
_reachable = cache(reachable)
_path_to = cache(path_to)


class _Places:
    """The region's kecamatan and kelurahan by lower-cased name or id, as Region.find_* matches
    them, looked up in a dict: an import looks up two places per line."""

    def __init__(self, region: Region) -> None:
        self.kecamatan = self._index(region.kecamatan)
        self.kelurahan = self._index(region.kelurahan)

    @staticmethod
    def _index(places: dict[str, Place]) -> dict[str, Place]:
        index: dict[str, Place] = {}
        for place in places.values():  # the first place with a name wins, as in Region.find_*
            index.setdefault(place.name.casefold(), place)
            index.setdefault(place.id.casefold(), place)
        return index

    @staticmethod
    def find(index: dict[str, Place], value: str) -> Place | None:
        return index.get(" ".join(str(value).split()).casefold())


def _parse_location(data: Any, region: Region, places: _Places | None = None) -> Location:
    if not isinstance(data, dict) or not _str(data.get("kecamatan")):
        raise LineError("location.kecamatan is required")
    places = places or _Places(region)
    kecamatan = places.find(places.kecamatan, str(data["kecamatan"]))
    if kecamatan is None:
        raise LineError(f"location.kecamatan {data['kecamatan']!r} is not a kecamatan of {region.name}")
    kelurahan = None
    if _str(data.get("kelurahan")):
        kelurahan = places.find(places.kelurahan, str(data["kelurahan"]))
        if kelurahan is None:
            raise LineError(f"location.kelurahan {data['kelurahan']!r} is not a kelurahan of {region.name}")
        if kelurahan.kecamatan != kecamatan.name:
            raise LineError(f"location.kelurahan {kelurahan.name} is in {kelurahan.kecamatan}, not {kecamatan.name}")
    coords = []
    for name in ("lat", "lon"):
        value = data.get(name)
        if value is not None and not isinstance(value, (int, float)):
            raise LineError(f"location.{name} must be a number or null")
        coords.append(float(value) if value is not None else None)
    return Location(
        kecamatan=kecamatan.name,
        kelurahan=kelurahan.name if kelurahan else None,
        address=_str(data.get("address")),
        lat=coords[0],
        lon=coords[1],
    )


def _new_report(data: dict[str, Any], region: Region, places: _Places | None = None) -> Report:
    for name in REQUIRED:
        if not _str(data.get(name)):
            raise LineError(f"{name} is required")
    if data["kind"] not in KINDS:
        raise LineError(f"kind {data['kind']!r} is not one of {', '.join(KINDS)}")
    category = _str(data.get("category"))
    if category and category not in region.categories:
        raise LineError(f"category {category!r} is not a category of the region")
    agency = _str(data.get("agency"))
    if agency and agency not in region.agencies:
        raise LineError(f"agency {agency!r} is not an agency of the region ({', '.join(region.agencies)})")
    reporter_data = data.get("reporter") or {}
    if not isinstance(reporter_data, dict):
        raise LineError("reporter must be an object or null")
    submitted = parse_timestamp(data["submitted_at"], "submitted_at")
    channel = _str(data.get("channel")) or "import"
    if channel not in codes.CHANNELS:
        raise LineError(
            f"channel {channel!r} is not a known channel ({', '.join(codes.CHANNELS)}); add it to public_codes.json"
        )
    report = Report(
        id=uuid.uuid4().hex,
        tracking=new_tracking(region.tracking_prefix),
        secret_hash=hash_secret(new_secret()),
        channel=channel,
        submitted_at=submitted,
        kind=data["kind"],
        title=str(data["title"]).strip(),
        description=str(data["description"]).strip(),
        location=_parse_location(data.get("location"), region, places),
        reporter=Reporter(**{k: _str(reporter_data.get(k)) for k in ("name", "phone", "email", "nik")}),
        category=category,
        agency=None,
        anonymous=bool(data.get("anonymous")),
        confidential=bool(data.get("confidential")),
        ref=str(data["ref"]).strip(),
    )
    report.updates.append(Update(at=submitted, actor=f"import:{channel}", type=STATUS, status=Status.RECEIVED))
    return report


def _apply_entry(report: Report, entry: dict[str, Any], at: datetime, index: int, region: Region, key: str) -> None:
    where = f"history[{index}]"
    if at < report.updated_at:
        raise LineError(f"{where}.at {entry['at']} is earlier than the entry before it; history must be in order")
    agency = _str(entry.get("agency"))
    if agency and agency not in region.agencies:
        raise LineError(f"{where}.agency {agency!r} is not an agency of the region")
    reason = _str(entry.get("reason"))
    if reason and reason not in REJECTION_REASONS:
        raise LineError(f"{where}.reason {reason!r} is not one of {', '.join(REJECTION_REASONS)}")
    note = _str(entry.get("note")) or ""
    actor = f"import:{report.channel}"
    if agency:
        report.agency = agency
    if entry.get("status") is None:
        report.updates.append(Update(at=at, actor=actor, type=NOTE, agency=agency, note=note, key=key))
        return
    try:
        target = parse_status(entry["status"])
    except IllegalTransition as e:
        raise LineError(f"{where}.status: {e.message_en}") from None  # the import format speaks English
    if target == report.status:
        report.updates.append(Update(at=at, actor=actor, type=NOTE, agency=agency, note=note, key=key))
        return
    if not _reachable(report.status, target):
        raise LineError(f"{where}.status: a report that is {report.status.value} cannot become {target.value}")
    steps = _path_to(report.status, target)
    for step in steps[:-1]:
        report.updates.append(
            Update(
                at=at,
                actor=actor,
                type=STATUS,
                status=step,
                agency=report.agency,
                note="(tahap ini tidak tercatat rinci di kanal asal)",
            )
        )
    report.updates.append(
        Update(
            at=at,
            actor=actor,
            type=STATUS,
            status=target,
            agency=report.agency,
            note=note,
            reason=reason if target == Status.REJECTED else None,
            key=key,
        )
    )
    report.status = target
    if target == Status.REJECTED:
        report.rejection_reason = reason
    elif target == Status.IN_PROGRESS and report.rejection_reason:
        report.rejection_reason = None


def _apply_history(report: Report, data: dict[str, Any], region: Region) -> int:
    history = data.get("history") or []
    if not isinstance(history, list):
        raise LineError("history must be a list")
    known = {u.key for u in report.updates if u.key}
    added = 0
    for index, entry in enumerate(history):
        if not isinstance(entry, dict):
            raise LineError(f"history[{index}] must be an object")
        try:  # each entry's time is parsed once, for its key and its update
            at = parse_timestamp(entry.get("at"), f"history[{index}].at")
        except ValueError as e:
            raise LineError(str(e)) from None
        key = _entry_key(entry, at)
        if key in known:
            continue
        # The first "received" entry of a new report is the submission itself.
        if (
            entry.get("status") == Status.RECEIVED.value
            and report.version == 0
            and len(report.updates) == 1
            and report.updates[0].key is None
        ):
            first = report.updates[0]
            first.at = at
            first.key, first.note = key, _str(entry.get("note")) or ""
            added += 1
            continue
        _apply_entry(report, entry, at, index, region, key)
        added += 1
    top_agency = _str(data.get("agency"))
    if top_agency and report.version == 0:
        report.agency = top_agency
    return added


# Lines read, checked and saved at a time: each chunk's refs are looked up in one query and its
# new reports inserted with one statement per table, and only one chunk of parsed reports is
# held at once (a 100k-line file streams through in bounded memory).
CHUNK = 1000


def import_lines(lines: Iterable[str | bytes], store: Store, region: Region) -> ImportResult:
    result = ImportResult()
    store.save_stream(_Reading(store, region, result).batches(lines))
    return result


@dataclass
class Checked:
    """One chunk as checked (perhaps in a worker process, importpool.py): its reports to save,
    the (line, ref) of each line read, in order, what they count, and the first bad line's
    number and problem (the lines after it are not checked)."""

    batch: Any  # a list of reports, or as the store's `prepare` made it in a worker
    refs: list[tuple[int, str]]
    counts: ImportResult
    error: tuple[int, str] | None = None


# Lines checked in this process before the rest of a longer file goes to importpool's workers
# (a file of one chunk never starts them).
POOL_AFTER = 1000


class _Reading:
    """One import's pass over its lines: yields the reports to save, a chunk at a time, and
    raises at the first bad line (the store then saves nothing: it is all one transaction)."""

    def __init__(self, store: Store, region: Region, result: ImportResult) -> None:
        self.store, self.region, self.result = store, region, result
        self.places = _Places(region)
        self.seen: dict[str, int] = {}  # ref → its line: a ref twice in one file is refused

    def batches(self, lines: Iterable[str | bytes]) -> Iterator[Any]:
        numbered = enumerate(lines, start=1)
        chunks = iter(lambda: list(islice(numbered, CHUNK)), [])
        read = 0
        for chunk in chunks:
            yield self.accept(self.check(chunk))
            read += len(chunk)
            if read >= POOL_AFTER:
                break
        if read == 0:
            raise ValidationError("the import file is empty")
        from .importpool import checked_chunks  # noqa: PLC0415 - a long file's only

        for checked in checked_chunks(self, chunks):
            yield self.accept(checked)

    def check(self, chunk: list[tuple[int, str | bytes]]) -> Checked:
        """Check a chunk's lines; may run in a worker (its own copy of `seen` then)."""
        # Parse the chunk up to its first unreadable line, look up all its refs at once, then
        # check line by line in order, so that the first bad line is the one named.
        parsed: list[tuple[int, dict[str, Any], str | None]] = []
        unreadable: tuple[int, str] | None = None
        for number, line in chunk:
            try:
                data = _parse_line(line)
            except LineError as e:
                unreadable = (number, str(e))
                break
            if data is not None:
                parsed.append((number, data, _str(data.get("ref"))))
        existing = self.store.get_by_refs([ref for _, _, ref in parsed if ref])
        checked = Checked([], [], ImportResult(), unreadable)
        for number, data, ref in parsed:
            try:
                report = self._report(number, data, ref, existing.get(ref) if ref else None, checked.counts)
            except ValueError as e:  # LineError, and timestamps that do not parse
                checked.error = (number, str(e))
                break
            checked.refs.append((number, str(ref)))
            if report is not None:
                checked.batch.append(report)
        return checked

    def accept(self, checked: Checked) -> Any:
        """A checked chunk's reports, in file order; raises at its first bad line, or at a ref
        seen on an earlier line (in a chunk another worker checked)."""
        for number, ref in checked.refs:
            first = self.seen.setdefault(ref, number)
            if first != number:
                raise _at_line(number, LineError(f"ref {ref!r} already appears on line {first}"))
        if checked.error is not None:
            raise _at_line(checked.error[0], LineError(checked.error[1]))
        for name in ("created", "updated", "unchanged", "entries_added"):
            setattr(self.result, name, getattr(self.result, name) + getattr(checked.counts, name))
        return checked.batch

    def _report(
        self, number: int, data: dict[str, Any], ref: str | None, existing: Report | None, counts: ImportResult
    ) -> Report | None:
        """The report a line creates or changes, or None if it changes nothing."""
        if ref and ref in self.seen:
            raise LineError(f"ref {ref!r} already appears on line {self.seen[ref]}")
        report = existing if existing is not None else _new_report(data, self.region, self.places)
        before = len(report.updates)
        added = _apply_history(report, data, self.region)
        self.seen[str(ref)] = number
        if existing is None:
            counts.created += 1
            return report
        counts.entries_added += added
        if len(report.updates) > before:
            counts.updated += 1
            return report
        counts.unchanged += 1
        return None


class _Digits:
    """`search(line)`: a run of 19 digits in a line of text or of bytes."""

    _text, _bytes = re.compile(r"\d{19}"), re.compile(rb"\d{19}")

    def search(self, line: str | bytes) -> bool:
        return bool(self._bytes.search(line) if isinstance(line, bytes) else self._text.search(line))


_LONG_DIGITS = _Digits()


def _parse_line(line: str | bytes) -> dict[str, Any] | None:
    """A line's JSON object, or None for a blank line."""
    if not line.strip():
        return None
    # orjson: a third of json's time, and bytes need no decoding first. It reads an integer
    # beyond 64 bits as a float where json keeps it whole: a line with such a run of digits
    # anywhere (a string's too, rarely) is json's.
    if _LONG_DIGITS.search(line):
        return _parse_line_slowly(line)
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        # Whatever orjson refuses (bad UTF-8, bad JSON, but also NaN, 1e400 or lone surrogates,
        # which json takes) is read by json as before, and named as before.
        return _parse_line_slowly(line)
    if not isinstance(data, dict):
        raise LineError("each line must be a JSON object")
    return data


def _parse_line_slowly(line: str | bytes) -> dict[str, Any]:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise LineError(f"not UTF-8 text (byte {e.start + 1})") from None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise LineError(f"not valid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(data, dict):
        raise LineError("each line must be a JSON object")
    return data


def _at_line(number: int, error: ValueError) -> ValidationError:
    return ValidationError(f"line {number}: {error}", {"line": str(number)})
