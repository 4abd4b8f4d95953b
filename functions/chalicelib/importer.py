"""`aduan import`: reports from other channels, as JSON Lines (format in docs/import-format.md).

Keyed by `ref`: importing a known ref again adds only the history entries it lacks, so a
channel can be synced repeatedly. All or nothing: every line is checked first and the batch
is saved in one transaction; the first bad line is named in the error, in Bahasa Indonesia
and in English (importline.py reads a line and checks its values).

Other channels often record only some steps of the lifecycle (received, then resolved). An
entry may skip steps forward — the skipped statuses are recorded at the same moment, marked
as coming from the channel — but never go where the lifecycle cannot (rejected → resolved).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from . import codes
from .clock import parse_timestamp
from .deadline import OfficersDeadline
from .errors import IllegalTransition, ValidationError
from .importline import (
    MAX_CHARS,
    MAX_HISTORY,
    MAX_LINE_BYTES,
    LineError,
    coordinate,
    flag,
    parse_line,
    shown,
    text,
    timestamp,
)
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
    if data is not None and not isinstance(data, dict):
        raise LineError("location harus objek", "location must be an object")
    named = text(data.get("kecamatan"), "location.kecamatan") if data else None
    if not named:
        raise LineError("location.kecamatan wajib diisi", "location.kecamatan is required")
    assert data is not None
    places = places or _Places(region)
    kecamatan = places.find(places.kecamatan, named)
    if kecamatan is None:
        raise LineError(
            f"location.kecamatan {shown(data['kecamatan'])} bukan kecamatan di {region.name}",
            f"location.kecamatan {shown(data['kecamatan'])} is not a kecamatan of {region.name}",
        )
    kelurahan = None
    if named_kelurahan := text(data.get("kelurahan"), "location.kelurahan"):
        kelurahan = places.find(places.kelurahan, named_kelurahan)
        if kelurahan is None:
            raise LineError(
                f"location.kelurahan {shown(data['kelurahan'])} bukan kelurahan di {region.name}",
                f"location.kelurahan {shown(data['kelurahan'])} is not a kelurahan of {region.name}",
            )
        if kelurahan.kecamatan != kecamatan.name:
            raise LineError(
                f"location.kelurahan {kelurahan.name} ada di kecamatan {kelurahan.kecamatan}, bukan {kecamatan.name}",
                f"location.kelurahan {kelurahan.name} is in {kelurahan.kecamatan}, not {kecamatan.name}",
            )
    return Location(
        kecamatan=kecamatan.name,
        kelurahan=kelurahan.name if kelurahan else None,
        address=text(data.get("address"), "location.address"),
        lat=coordinate(data.get("lat"), "location.lat", 90),
        lon=coordinate(data.get("lon"), "location.lon", 180),
    )


def _new_report(data: dict[str, Any], region: Region, places: _Places | None = None) -> Report:
    texts = {
        name: text(data.get(name), name, MAX_CHARS.get(name, 1000), whole_number=name == "ref") for name in REQUIRED
    }
    for name in REQUIRED:
        if not texts[name]:
            raise LineError(f"{name} wajib diisi", f"{name} is required")
    if texts["kind"] not in KINDS:
        raise LineError(
            f"kind {shown(data['kind'])} bukan salah satu dari {', '.join(KINDS)}",
            f"kind {shown(data['kind'])} is not one of {', '.join(KINDS)}",
        )
    category = text(data.get("category"), "category")
    if category and category not in region.categories:
        raise LineError(
            f"category {shown(category)} bukan kategori wilayah ini",
            f"category {shown(category)} is not a category of the region",
        )
    agency = text(data.get("agency"), "agency")
    if agency and agency not in region.agencies:
        agencies = ", ".join(region.agencies)
        raise LineError(
            f"agency {shown(agency)} bukan instansi wilayah ini ({agencies})",
            f"agency {shown(agency)} is not an agency of the region ({agencies})",
        )
    reporter_data = data.get("reporter") or {}
    if not isinstance(reporter_data, dict):
        raise LineError("reporter harus objek atau null", "reporter must be an object or null")
    submitted = timestamp(data["submitted_at"], "submitted_at")
    channel = text(data.get("channel"), "channel") or "import"
    if channel not in codes.CHANNELS:
        channels = ", ".join(codes.CHANNELS)
        raise LineError(
            f"channel {shown(channel)} bukan kanal yang dikenal ({channels}); tambahkan ke public_codes.json",
            f"channel {shown(channel)} is not a known channel ({channels}); add it to public_codes.json",
        )
    report = Report(
        id=uuid.uuid4().hex,
        tracking=new_tracking(region.tracking_prefix),
        secret_hash=hash_secret(new_secret()),
        channel=channel,
        submitted_at=submitted,
        kind=str(texts["kind"]),
        title=str(texts["title"]),
        description=str(texts["description"]),
        location=_parse_location(data.get("location"), region, places),
        reporter=Reporter(
            **{k: text(reporter_data.get(k), f"reporter.{k}") for k in ("name", "phone", "email", "nik")}
        ),
        category=category,
        agency=None,
        anonymous=flag(data.get("anonymous"), "anonymous"),
        confidential=flag(data.get("confidential"), "confidential"),
        ref=str(texts["ref"]),
    )
    report.updates.append(Update(at=submitted, actor=f"import:{channel}", type=STATUS, status=Status.RECEIVED))
    return report


def _apply_entry(report: Report, entry: dict[str, Any], at: datetime, index: int, region: Region, key: str) -> None:
    where = f"history[{index}]"
    if at < report.updated_at:
        raise LineError(
            f"{where}.at {entry['at']} lebih awal dari entri sebelumnya; riwayat harus urut dari yang terlama",
            f"{where}.at {entry['at']} is earlier than the entry before it; history must be in order",
        )
    agency = text(entry.get("agency"), f"{where}.agency")
    if agency and agency not in region.agencies:
        raise LineError(
            f"{where}.agency {shown(agency)} bukan instansi wilayah ini",
            f"{where}.agency {shown(agency)} is not an agency of the region",
        )
    reason = text(entry.get("reason"), f"{where}.reason")
    if reason and reason not in REJECTION_REASONS:
        reasons = ", ".join(REJECTION_REASONS)
        raise LineError(
            f"{where}.reason {shown(reason)} bukan salah satu dari {reasons}",
            f"{where}.reason {shown(reason)} is not one of {reasons}",
        )
    note = text(entry.get("note"), f"{where}.note", MAX_CHARS["note"]) or ""
    actor = f"import:{report.channel}"
    if agency:
        report.agency = agency
    if entry.get("status") is None:
        report.updates.append(Update(at=at, actor=actor, type=NOTE, agency=agency, note=note, key=key))
        return
    try:
        target = parse_status(entry["status"])
    except IllegalTransition as e:
        raise LineError(f"{where}.status: {e.message.rstrip('.')}", f"{where}.status: {e.message_en}") from None
    if target == report.status:
        report.updates.append(Update(at=at, actor=actor, type=NOTE, agency=agency, note=note, key=key))
        return
    if not _reachable(report.status, target):
        raise LineError(
            f"{where}.status: laporan berstatus {report.status.value} tidak dapat menjadi {target.value}",
            f"{where}.status: a report that is {report.status.value} cannot become {target.value}",
        )
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
        raise LineError("history harus daftar (list)", "history must be a list")
    if len(history) > MAX_HISTORY:
        raise LineError(
            f"history memuat {len(history):,} entri; paling banyak {MAX_HISTORY:,}".replace(",", "."),
            f"history holds {len(history):,} entries; at most {MAX_HISTORY:,}",
        )
    known = {u.key for u in report.updates if u.key}
    added = 0
    for index, entry in enumerate(history):
        if not isinstance(entry, dict):
            raise LineError(f"history[{index}] harus objek", f"history[{index}] must be an object")
        at = timestamp(entry.get("at"), f"history[{index}].at")  # parsed once, for its key and its update
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
            first.key, first.note = key, text(entry.get("note"), f"history[{index}].note", MAX_CHARS["note"]) or ""
            added += 1
            continue
        _apply_entry(report, entry, at, index, region, key)
        added += 1
    top_agency = text(data.get("agency"), "agency")
    if top_agency and report.version == 0:
        report.agency = top_agency
    return added


# Lines read, checked and saved at a time: each chunk's refs are looked up in one query and its
# new reports inserted with one statement per table, and only one chunk of parsed reports is
# held at once (a 100k-line file streams through in bounded memory). A chunk also ends past
# CHUNK_BYTES, so that a file of long lines is held a few megabytes at a time too.
CHUNK = 1000
CHUNK_BYTES = 8 * 1024 * 1024


def import_lines(lines: Iterable[str | bytes], store: Store, region: Region) -> ImportResult:
    result = ImportResult()
    # The officers' deadlines are kept by the region's rule from the import on, as the service
    # keeps them (each new report dated as it is saved, ~8 us of a worker's CPU). Without it a
    # command-line import left every report undated, and the first request of the API made all
    # of them at once with the write lock held: 100k reports, 9 s of CPU, 16 s before that
    # request was answered, and a 281 MB log whose checkpoint then slowed the syncs after it.
    store.keep_deadlines(OfficersDeadline(region.service_levels))
    store.save_stream(_Reading(store, region, result).batches(lines))
    return result


@dataclass
class Checked:
    """One chunk as checked (perhaps in a worker process, importpool.py): its reports to save,
    the (line, ref) of each line read, in order, what they count, and the first bad line's
    number and problem in both languages (the lines after it are not checked)."""

    batch: Any  # a list of reports, or as the store's `prepare` made it in a worker
    refs: list[tuple[int, str]]
    counts: ImportResult
    error: tuple[int, str, str] | None = None


# Lines checked in this process before the rest of a longer file goes to importpool's workers
# (a file of one chunk never starts them).
POOL_AFTER = 1000


def _bounded_lines(lines: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """The lines of a file read at most MAX_LINE_BYTES + 1 at a time (iterating a file reads a
    line whole, however long: a file without a newline would be read into memory at once). A
    piece that long is a line too long, refused when checked; plain lists pass as they are."""
    readline = getattr(lines, "readline", None)
    if readline is None:
        yield from lines
        return
    while line := readline(MAX_LINE_BYTES + 1):
        yield line


def _chunks(numbered: Iterator[tuple[int, str | bytes]]) -> Iterator[list[tuple[int, str | bytes]]]:
    chunk: list[tuple[int, str | bytes]] = []
    size = 0
    for item in numbered:
        chunk.append(item)
        size += len(item[1])
        if len(chunk) >= CHUNK or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _ref(data: dict[str, Any]) -> str | None:
    """A line's ref to look up, if it is one (a wrong one is refused when the line is checked)."""
    ref = data.get("ref")
    if type(ref) is str:
        return ref.strip() or None
    return str(ref) if type(ref) is int else None


class _Reading:
    """One import's pass over its lines: yields the reports to save, a chunk at a time, and
    raises at the first bad line (the store then saves nothing: it is all one transaction)."""

    def __init__(self, store: Store, region: Region, result: ImportResult) -> None:
        self.store, self.region, self.result = store, region, result
        self.places = _Places(region)
        self.seen: dict[str, int] = {}  # ref → its line: a ref twice in one file is refused

    def batches(self, lines: Iterable[str | bytes]) -> Iterator[Any]:
        chunks = _chunks(enumerate(_bounded_lines(lines), start=1))
        read = 0
        for chunk in chunks:
            yield self.accept(self.check(chunk))
            read += len(chunk)
            if read >= POOL_AFTER:
                break
        if read == 0:
            raise ValidationError("berkas impor kosong", en="the import file is empty")
        from .importpool import checked_chunks  # noqa: PLC0415 - a long file's only

        for checked in checked_chunks(self, chunks):
            yield self.accept(checked)

    def check(self, chunk: list[tuple[int, str | bytes]]) -> Checked:
        """Check a chunk's lines; may run in a worker (its own copy of `seen` then)."""
        # Parse the chunk up to its first unreadable line, look up all its refs at once, then
        # check line by line in order, so that the first bad line is the one named.
        parsed: list[tuple[int, dict[str, Any], str | None]] = []
        unreadable: tuple[int, str, str] | None = None
        for number, line in chunk:
            try:
                data = parse_line(line, first=number == 1)
            except LineError as e:
                unreadable = (number, e.message, e.en)
                break
            if data is not None:
                parsed.append((number, data, _ref(data)))
        existing = self.store.get_by_refs([ref for _, _, ref in parsed if ref])
        checked = Checked([], [], ImportResult(), unreadable)
        for number, data, ref in parsed:
            try:
                report = self._report(number, data, ref, existing.get(ref) if ref else None, checked.counts)
            except LineError as e:
                checked.error = (number, e.message, e.en)
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
                raise _at_line(number, _seen_before(ref, first))
        if checked.error is not None:
            number, message, en = checked.error
            raise _at_line(number, LineError(message, en))
        for name in ("created", "updated", "unchanged", "entries_added"):
            setattr(self.result, name, getattr(self.result, name) + getattr(checked.counts, name))
        return checked.batch

    def _report(
        self, number: int, data: dict[str, Any], ref: str | None, existing: Report | None, counts: ImportResult
    ) -> Report | None:
        """The report a line creates or changes, or None if it changes nothing."""
        if ref and ref in self.seen:
            raise _seen_before(ref, self.seen[ref])
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


def _seen_before(ref: str, line: int) -> LineError:
    return LineError(f"ref {shown(ref)} sudah ada di baris {line}", f"ref {shown(ref)} already appears on line {line}")


def _at_line(number: int, error: LineError) -> ValidationError:
    return ValidationError(f"baris {number}: {error.message}", {"line": str(number)}, en=f"line {number}: {error.en}")
