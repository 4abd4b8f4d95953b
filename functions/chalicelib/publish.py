"""The publisher: private reports in, the public dataset out (see docs/public-dataset.md).

A public record has no reporter identity, text with personal data redacted (or as an officer
edited it), a location no finer than the kelurahan (the kecamatan for sensitive categories)
and dates as days. Confidential reports and reports never verified are only counted. Each
update leaves a publish event in the store; `Publisher.publish_pending` turns the pending ones
into records, so one change rewrites one record and the statistics, not the whole dataset.

Every record passes the gate (``gate/``) on its way in: a record that would publish personal
data is held back, alone, until an officer fixes its text or an admin overrides the gate for
exactly that text. The public dataset therefore holds only what passed the gate, and every
public channel (the site, the open data, the status API) is served from it.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from . import deadline as deadlines
from .attachments import Blobs, public_key
from .clock import WIB, Clock
from .clock import now as wib_now
from .datastore import DatasetStore, LocalDatasetStore
from .gate import GateIndex, Identifier, check_record, identifiers_of, record_texts, texts_digest, vocabulary
from .gate.index import number_runs
from .gate.snapshot import Identifiers
from .league import count_cells, with_league
from .lifecycle import Status
from .publish_pool import ordered_imap
from .region import Region
from .report import EDIT, NOTE, Report
from .store import Store
from .tally import Facts, Served, Tally, Timing
from .workdays import workdays_between


def redact(text: str) -> str:
    """The redactor's `redact`, imported on first use: a process that publishes nothing (`aduan
    build` with nothing new, most `aduan` commands) never builds the redactor's tables."""
    from .redaction.driver import redact as redactor  # noqa: PLC0415 - see the docstring

    return redactor(text)


def is_published(report: Report) -> bool:
    return not report.confidential and report.first(Status.VERIFIED) is not None


def public_text(report: Report) -> tuple[str, str]:
    """The title and description as published: the officer's reviewed text, else redacted."""
    title = report.public_title if report.public_title is not None else redact(report.title)
    description = report.public_description if report.public_description is not None else redact(report.description)
    return title, description


def _day(value: Any) -> str:
    return value.astimezone(WIB).date().isoformat()


def public_timeline(report: Report, with_notes: bool = True) -> list[dict[str, Any]]:
    entries = []
    for update in report.updates:
        if update.type == EDIT or not update.public:
            continue
        entries.append(
            {
                "date": _day(update.at),
                "type": update.type,
                "status": update.status.value if update.status else None,
                "agency": update.agency,
                "note": redact(update.note) if with_notes and update.note else "",
            }
        )
    return entries


def _first_response(report: Report) -> Any:
    verified = report.first(Status.VERIFIED)
    if verified is None:
        return None
    for update in report.updates:
        if (
            update.at >= verified.at
            and update is not verified
            and (update.status in (Status.IN_PROGRESS, Status.RESOLVED) or (update.type == NOTE and update.public))
        ):
            return update.at
    return None


def _place(report: Report, region: Region) -> tuple[str | None, str, float | None, float | None]:
    """The published kelurahan, the level the coordinates stand for (location_levels in
    public_codes.json) and the coordinates of that area's centre."""
    category = region.categories.get(report.category or "")
    kecamatan = region.find_kecamatan(report.location.kecamatan)
    kelurahan = region.find_kelurahan(report.location.kelurahan or "")
    if category and category.sensitive or kelurahan is None:
        return None, "kecamatan", kecamatan.lat if kecamatan else None, kecamatan.lon if kecamatan else None
    return kelurahan.name, "kelurahan", kelurahan.lat, kelurahan.lon


def public_record(report: Report, region: Region, today: date | None = None) -> dict[str, Any]:
    """The report as published, its `overdue` flag as of `today` (default: the region's today)."""
    title, description = public_text(report)
    deadline = deadlines.current(report, region.service_levels)
    today = today or wib_now().date()
    kelurahan, level, lat, lon = _place(report, region)
    verified = report.first(Status.VERIFIED)
    resolved = report.last(Status.RESOLVED) if report.status == Status.RESOLVED else None
    first_response = _first_response(report)
    timeline = public_timeline(report)
    return {
        "tracking": report.tracking,
        "kind": report.kind,
        "title": title,
        "description": description,
        "agency": report.agency,
        "category": report.category,
        "status": report.status.value,
        "rejection_reason": report.rejection_reason,
        "forwarded_to": report.forwarded_to,
        "duplicate_of": report.duplicate_of,
        "kecamatan": report.location.kecamatan,
        "kelurahan": kelurahan,
        "lat": lat,
        "lon": lon,
        "location_level": level,
        # False while the region file's coordinates are placeholders, not surveyed centroids.
        "coordinates_surveyed": bool(region.raw.get("coordinates_surveyed", False)),
        "channel": report.channel,
        "submitted": _day(report.submitted_at),
        "verified": _day(verified.at) if verified else None,
        "first_response": _day(first_response) if first_response else None,
        "resolved": _day(resolved.at) if resolved else None,
        "verification_workdays": workdays_between(report.submitted_at.date(), verified.at.date()) if verified else None,
        "response_workdays": workdays_between(verified.at.date(), first_response.date())
        if verified and first_response
        else None,
        "resolution_workdays": workdays_between(report.submitted_at.date(), resolved.at.date()) if resolved else None,
        "updated": timeline[-1]["date"] if timeline else _day(report.submitted_at),
        # The service level running now (deadline.py): its step, its last day, and whether that
        # day had passed when this record was written.
        "deadline": deadline.day.isoformat() if deadline else None,
        "deadline_step": deadline.step if deadline else None,
        "overdue": deadline.overdue(today) if deadline else False,
        "rating": report.rating,
        "duplicates": [],  # the published ones among report.duplicates (the publisher fills it)
        "timeline": timeline,
        "attachments": [
            {"id": a.id, "path": f"attachments/{report.tracking}/{a.id}.jpg", "width": a.width, "height": a.height}
            for a in report.attachments
            if a.approved_at
        ],
    }


def timing(report: Report, region: Region) -> Timing:
    """How the report meets the service levels, as the league table counts it."""
    record_days = _service_days(report)
    deadline = deadlines.current(report, region.service_levels)
    return Timing(
        deadline=deadline.day.isoformat() if deadline else None,
        deadline_step=deadline.step if deadline else None,
        verification_workdays=record_days[0],
        response_workdays=record_days[1],
        resolution_workdays=record_days[2],
        ever_resolved=report.first(Status.RESOLVED) is not None,
        reopened=report.reopened,
        rating=report.rating,
    )


def _service_days(report: Report) -> tuple[int | None, int | None, int | None]:
    """Working days to verification, to the first follow-up (after verification) and to the
    resolution, as the public record states them."""
    verified = report.first(Status.VERIFIED)
    resolved = report.last(Status.RESOLVED) if report.status == Status.RESOLVED else None
    first_response = _first_response(report)
    return (
        workdays_between(report.submitted_at.date(), verified.at.date()) if verified else None,
        workdays_between(verified.at.date(), first_response.date()) if verified and first_response else None,
        workdays_between(report.submitted_at.date(), resolved.at.date()) if resolved else None,
    )


def facts(report: Report, region: Region | None = None) -> Facts:
    """What the statistics count about one report (with its timing when `region` is given)."""
    return Facts(
        report.tracking,
        report.status.value,
        report.agency,
        report.kind,
        is_published(report),
        report.confidential,
        timing(report, region) if region is not None else None,
    )


def statistics(reports: Iterable[Report], region: Region, today: str) -> dict[str, Any]:
    """Counts over every report, published or not (the league table over published ones)."""
    every = [facts(r, region) for r in reports]
    stats = counted(((f.status, f.agency, f.kind, f.published, f.confidential, 1) for f in every), region, today)
    served = (Served(f.agency, f.status, f.timing) for f in every if f.published and f.timing is not None)
    return with_league(stats, count_cells(served), region, date.fromisoformat(today))


def counted(rows: Iterable[tuple[str, str | None, str, bool, bool, int]], region: Region, today: str) -> dict[str, Any]:
    """stats.json from (status, agency, kind, published, confidential, how many) rows."""
    total = published = confidential = 0
    by_status: Counter[str] = Counter({s.value: 0 for s in Status})
    by_agency: Counter[str | None] = Counter({a: 0 for a in region.agencies})
    by_kind: Counter[str] = Counter()
    for status, agency, kind, is_public, is_confidential, n in rows:
        total += n
        published += n if is_public else 0
        confidential += n if is_confidential else 0
        by_status[status] += n
        by_agency[agency if agency in region.agencies else None] += n
        by_kind[kind] += n
    ranked = sorted(
        ((a, n) for a, n in by_agency.items() if n), key=lambda item: (-item[1], item[0] is None, item[0] or "")
    )
    agencies = [
        {
            "agency": agency,
            "name": region.agency_name(agency),
            "total": count,
            "share": round(count / total, 4) if total else 0.0,
        }
        for agency, count in ranked
    ]
    return {
        "generated": today,
        "total": total,
        "published": published,
        "confidential": confidential,
        # Only what occurs: a status or agency with no report is absent (read it as 0), so the
        # figures compare equal to a plain count of the reports, zeros and all.
        "by_status": {s.value: by_status[s.value] for s in Status if by_status[s.value]},
        "by_agency": agencies,
        "by_kind": dict(sorted(by_kind.items())),
        "sla": region.service_levels,
    }


def json_bytes(data: Any) -> bytes:
    """How the public dataset writes JSON: sorted keys, one key per line."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


# Floats that Python's repr and orjson write alike: plain decimals (repr turns to an exponent
# below 1e-4 and from 1e16 on, where orjson writes "1e-5" for repr's "1e-05").
_PLAIN_FLOATS = (1e-4, 1e16)
_DEPTH = 8  # levels of nesting record_bytes re-indents (a record has 3)
_TABS_TO_SPACES = bytes.maketrans(b"\t", b" ")


def _orjson_alike(value: Any) -> bool:
    """Whether orjson writes `value` exactly as `json_bytes` would: str keys, and no float,
    integer or other type where the two differ."""
    if isinstance(value, str) or value is None:
        return True
    if isinstance(value, dict):
        return all(isinstance(k, str) and _orjson_alike(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_orjson_alike(v) for v in value)
    if isinstance(value, float):
        return value == 0 or _PLAIN_FLOATS[0] <= abs(value) < _PLAIN_FLOATS[1]
    if isinstance(value, int):
        return -(2**63) <= value < 2**64  # bool too
    return False


def record_bytes(record: dict[str, Any]) -> bytes:
    """`json_bytes(record)`, the same bytes, a few times faster: the standard library writes
    indented JSON in pure Python (its C encoder does not indent), orjson in Rust with two
    spaces per level, halved here. Anything orjson would write otherwise goes the standard way."""
    if not _orjson_alike(record):
        return json_bytes(record)
    try:
        raw = orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a lone surrogate: the standard way raises its own error
        return json_bytes(record)
    if b"\n" + b"  " * (_DEPTH + 1) in raw:
        return json_bytes(record)
    # A line's leading spaces are its indentation (a JSON string holds no raw newline), and
    # no raw tab either: each level's two spaces become a tab, deepest first (a line already
    # done starts with a tab, so no shallower level matches it again), then each tab a space.
    for level in range(_DEPTH, 0, -1):
        raw = raw.replace(b"\n" + b"  " * level, b"\n" + b"\t" * level)
    return raw.translate(_TABS_TO_SPACES)


def write_json(path: Path, data: Any) -> bool:
    """Write atomically, and only if the content changed. True when the file was written."""
    content = json_bytes(data).decode()
    try:
        if path.read_text(encoding="utf-8") == content:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(content)
    os.replace(tmp, path)
    return True


def read_record(public_dir: Path, tracking: str) -> dict[str, Any] | None:
    """A record as published (what passed the gate), or None."""
    try:
        data: dict[str, Any] = json.loads((Path(public_dir) / "reports" / f"{tracking}.json").read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return data


@dataclass(frozen=True)
class Publication:
    """What one publish did: how many records changed, and the last publish event it covered.

    The caller acknowledges the events (`Store.ack_events(upto)`) only once the site built from
    this dataset has been written: a refused or killed build leaves them pending for the next.
    """

    changed: int
    upto: int | None
    journal: int | None = None  # the last entry of changes/ this publish wrote (None: it touched nothing)


class Publisher:
    """Writes the public dataset; every record passes the gate (chalicelib/gate/) on its way."""

    def __init__(
        self,
        store: Store,
        region: Region,
        public_dir: Path,
        clock: Clock = wib_now,
        blobs: Blobs | None = None,
        gate_index: GateIndex | None = None,
        tally: Tally | None = None,
        files: DatasetStore | None = None,
    ) -> None:
        self.store, self.region, self.dir, self.clock = store, region, Path(public_dir), clock
        # Every file of the public dataset goes through this (an S3 one on AWS, later).
        self.files: DatasetStore = files or LocalDatasetStore(self.dir)
        self.blobs = blobs
        self.journal = Journal(self.files, clock)
        # Beside the public dataset, not in it: the index holds identifiers.
        self.gate = gate_index or GateIndex(self.dir.parent / "gate.db")
        self.tally = tally or Tally(self.dir.parent / "tally.db")
        self.vocab = vocabulary(region)
        self.forward_names = set(region.forward_destinations.values())

    def _write_record(self, report: Report, data: bytes) -> bool:
        changed = self.files.write(f"reports/{report.tracking}.json", data)
        return self._write_attachments(report) or changed

    def _write_attachments(self, report: Report) -> bool:
        approved = [a for a in report.attachments if a.approved_at]
        changed = False
        if approved and self.blobs is not None:
            have = set(self.files.keys(f"attachments/{report.tracking}/"))
            for attachment in approved:
                key = f"attachments/{report.tracking}/{attachment.id}.jpg"
                if key not in have:
                    self.files.write(key, self.blobs.get(public_key(report.id, attachment.id)))
                    changed = True
        return changed

    def _unpublish(self, tracking: str) -> bool:
        self.gate.withdrawn(tracking)
        for key in list(self.files.keys(f"attachments/{tracking}/")):
            self.files.delete(key)
        # e.g. marked confidential after the fact, or held by the gate
        return self.files.delete(f"reports/{tracking}.json")

    def _check(
        self, report: Report, record: dict[str, Any], index: Identifiers, duplicates: list[str], *, write: bool = False
    ) -> Checked:
        """The gate's verdict on one record (`record` gets its `duplicates`): a full publish
        decides it in a worker, which hands back the bytes to write, not the record; or
        (`write`) writes a record that passed itself, and hands back whether it changed."""
        record["duplicates"] = duplicates
        problems = check_record(report, record, index, self.vocab, self.forward_names)
        override = report.gate_override or {}
        # The digest only when an override names one (most records have none).
        if override.get("digest") is not None and override["digest"] == texts_digest(record):
            problems = [p for p in problems if p.to_dict() not in override.get("problems", [])]
        if problems:
            return Checked([p.to_dict() for p in problems])
        text = "\n".join(text for _, text in record_texts(record))
        data = record_bytes(record)
        if write:
            written = self.files.write(f"reports/{report.tracking}.json", data)
            return Checked([], b"", text, number_runs(text), written)
        return Checked([], data, text, number_runs(text))

    def _apply(self, tracking: str, report: Report, checked: Checked) -> bool:
        """Write what the gate decided: the record and its text in the index, or the hold."""
        if checked.problems:
            # Held back, and withdrawn if an earlier version was public: the problem may be an
            # identifier that became known after that version was published.
            self.gate.hold(tracking, self.clock().isoformat(), checked.problems)
            return self._unpublish(tracking)
        self.gate.release(tracking)
        if checked.written is None:
            changed = self._write_record(report, checked.data)
        else:
            changed = self._write_attachments(report) or checked.written
        self.gate.published(tracking, checked.text, checked.runs)
        return changed

    def _publish(self, tracking: str, report: Report | None) -> bool:
        if report is None or not is_published(report):
            self.gate.release(tracking)
            return self._unpublish(tracking)
        record = public_record(report, self.region, self.clock().date())
        return self._apply(tracking, report, self._check(report, record, self.gate, self._published_duplicates(report)))

    def _published_duplicates(self, report: Report) -> list[str]:
        """The reports marked as duplicates of this one that have a public page to link to."""
        return sorted(t for t in report.duplicates if (d := self.store.get(t)) is not None and is_published(d))

    def _index(self, reports: Iterable[Report]) -> list[Identifier]:
        """Find the identifiers of the reports whose version the index has not seen; returns
        the strong ones that are new."""
        reports = list(reports)
        seen = self.gate.versions(r.tracking for r in reports)
        return self.gate.replace(
            (r.tracking, r.version, identifiers_of(r, self.vocab)) for r in reports if seen.get(r.tracking) != r.version
        )

    def _write_common(self) -> None:
        today = self.clock().date()
        self.files.write("region.json", json_bytes(self.region.public_dict()))
        stats = counted(self.tally.counts(), self.region, today.isoformat())
        league = with_league(stats, self.tally.league_cells(), self.region, today)
        self.files.write("stats.json", json_bytes(league))
        self.tally.set_day(today.isoformat())

    def publish_pending(self) -> Publication:
        """Publish the reports with pending events (and any published report a new identifier
        now appears in); reads only those reports."""
        events = self.store.pending_events(limit=100_000)
        today = self.clock().date().isoformat()
        if not events and self.files.read("stats.json") is not None and self.tally.day() == today:
            return Publication(0, None)
        if not self.tally.complete:  # its counts would miss reports: fill it from the store first
            return self.publish_all()
        # Overdue changes with the calendar: the records whose deadline passed since the last
        # publish are written again (found in the tally's index of deadlines, not by reading all).
        last_day = self.tally.day()
        due = set(self.tally.due_between(last_day, today)) if last_day != today else set()
        trackings = {e.tracking for e in events} | due
        reports = {t: r for t in trackings if (r := self.store.get(t)) is not None}
        self.tally.update((facts(r, self.region) for r in reports.values()), gone=trackings - reports.keys())
        with self.gate.batch():
            new_identifiers = self._index(reports.values())
            for tracking in self.gate.containing(new_identifiers) - trackings:
                if (report := self.store.get(tracking)) is not None:
                    reports[tracking] = report
            touched = sorted(reports.keys() | trackings)
            self.journal.note(touched, full=False, phase="begin")
            changed = sum(self._publish(t, reports.get(t)) for t in touched)
        self._write_common()
        journal = self.journal.note(touched, full=False, phase="end")
        return Publication(changed, events[-1].seq if events else None, journal)

    def publish_all(self) -> Publication:
        """Rewrite the whole dataset from the store (records of vanished reports are removed)."""
        # Events that arrive during the scan stay pending for the next run.
        events = self.store.pending_events(limit=1_000_000)
        reports = list(self.store.all())
        wanted: set[str] = set()
        changed = 0
        self.journal.note((), full=True, phase="begin")
        with self.gate.batch():
            # Both cores, twice (publish_pool.py). First the work per report: its record, its
            # facts for the tally and its identifiers if the gate's index has not seen this
            # version; the parent stores the identifiers as they come.
            seen = self.gate.versions(r.tracking for r in reports)
            today = self.clock().date()

            def prepare(report: Report) -> Prepared:
                record = public_record(report, self.region, today) if is_published(report) else None
                fresh = seen.get(report.tracking) != report.version
                return record, identifiers_of(report, self.vocab) if fresh else None, facts(report, self.region)

            prepared: list[Prepared] = []

            def fresh_identifiers() -> Iterator[tuple[str, int, list[Identifier]]]:
                for report, made in zip(reports, ordered_imap(prepare, reports), strict=False):
                    prepared.append(made)
                    if made[1] is not None:
                        yield report.tracking, report.version, made[1]

            self.gate.replace(fresh_identifiers())
            # Then the gate's check of every record against every identifier now known, beside
            # the records' bytes: the workers read a snapshot of the index; the parent stores
            # each verdict in the index as it comes, while the workers check the next records.
            index = self.gate.snapshot()
            public = {r.tracking for r in reports if is_published(r)}
            # A record that passed is written by its worker when the dataset is a directory (a
            # store reached over the network is written by this process only).
            write = isinstance(self.files, LocalDatasetStore)

            def check(i: int) -> Checked | None:
                record = prepared[i][0]
                if record is None:
                    return None
                report = reports[i]
                duplicates = sorted(t for t in report.duplicates if t in public)
                return self._check(report, record, index, duplicates, write=write)

            filled = False
            for i, checked in enumerate(ordered_imap(check, range(len(reports)))):
                if not filled:  # the workers check the next records meanwhile
                    self.tally.refill(made[2] for made in prepared)
                    filled = True
                report = reports[i]
                wanted.add(report.tracking)
                if checked is None:
                    self.gate.release(report.tracking)
                    changed += self._unpublish(report.tracking)
                else:
                    changed += self._apply(report.tracking, report, checked)
            if not filled:  # no report at all
                self.tally.refill(())
            prepared.clear()
            # The one listing of every record, in a full publish only.
            stale = {k[len("reports/") : -len(".json")] for k in self.files.keys("reports/") if k.endswith(".json")}
            for tracking in (stale | self.gate.public_trackings()) - wanted:
                changed += self._unpublish(tracking)
            for held in self.gate.holds():
                if held["tracking"] not in wanted:
                    self.gate.release(held["tracking"])
        self._write_common()
        # Tells the site build that everything was republished: it makes the periodic
        # whole-dataset files again (docs/public-dataset.md).
        self.files.write("publication.json", json_bytes(self._next_publication()))
        journal = self.journal.note((), full=True, phase="end")
        return Publication(changed, events[-1].seq if events else None, journal)

    def _next_publication(self) -> dict[str, Any]:
        """publication.json after a full publish: its time, and its number, one more than the last
        one's. The site build remakes the whole-dataset files when these differ from what they
        were made after; the time alone repeats within a second (a fast build) and forever under
        a fixed clock (ADUAN_NOW), and then a full publish left them as they were."""
        try:
            last = orjson.loads(self.files.read("publication.json") or b"{}")
        except orjson.JSONDecodeError:
            last = {}
        number = last.get("number") if isinstance(last, dict) else None
        number = number + 1 if type(number) is int and number >= 0 else 1
        return {"full_publish": self.clock().isoformat(), "number": number}


# What a full publish's first pass makes of one report: its record (None: not published), its
# identifiers (None: the index has them for this version already) and its facts for the tally.
Prepared = tuple[dict[str, Any] | None, list[Identifier] | None, Facts]


@dataclass(frozen=True)
class Checked:
    """The gate's verdict on one record: the problems that hold it back, or (none) the bytes to
    write and its texts for the gate's index of what is public."""

    problems: list[dict[str, str]]
    data: bytes = b""
    text: str = ""
    runs: list[str] | None = None
    written: bool | None = None  # the worker wrote the record: whether that changed it (None: not written)


class Journal:
    """`changes/`: which records each publish touched, so that a reader of the public dataset
    (the site build, a mirror) rereads those and nothing else instead of listing `reports/`.

    `changes/<seq>.json` = {"seq", "at", "phase", "trackings", "full"}; `changes/last.json` =
    {"seq", "oldest", "journal"} (`journal`: this journal's random name). A publish writes an entry before it writes any record ("begin") and
    another after ("end"), each with the tracking numbers it touches (`full`: every record):
    a reader that read the dataset in between rereads them after the second. The newest `KEEP`
    entries are kept; a reader further behind reads the whole dataset once.
    """

    KEEP = 1000

    def __init__(self, files: DatasetStore, clock: Clock) -> None:
        self.files, self.clock = files, clock

    def last(self) -> dict[str, Any]:
        raw = self.files.read("changes/last.json")
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict) or not isinstance(data.get("seq"), int):
            return {"seq": 0, "oldest": 1, "journal": None}
        return {"seq": data["seq"], "oldest": int(data.get("oldest") or 1), "journal": data.get("journal")}

    def note(self, trackings: Iterable[str], *, full: bool, phase: str) -> int:
        """Write one entry, then point `last` at it; its number."""
        last = self.last()
        seq = last["seq"] + 1
        entry = {
            "seq": seq,
            "at": self.clock().isoformat(),
            "phase": phase,
            "trackings": [] if full else sorted(trackings),
            "full": full,
        }
        self.files.write(f"changes/{seq}.json", json_bytes(entry))
        oldest = max(last["oldest"], seq - self.KEEP + 1)
        # A random name for this journal, so that a reader holding "entry N" of another one (the
        # directory made again from scratch) does not take this one's entry N for it.
        journal = last["journal"] or secrets.token_hex(8)
        self.files.write("changes/last.json", json_bytes({"seq": seq, "oldest": oldest, "journal": journal}))
        for old in range(last["oldest"], oldest):
            self.files.delete(f"changes/{old}.json")
        return seq
