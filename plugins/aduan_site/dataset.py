"""Read the public dataset (docs/public-dataset.md): region.json, stats.json, reports/*.json.

The site is built from this directory and nothing else. A bad record is logged and skipped
rather than failing the build: one broken file must not take the whole site down.

A process that builds again and again (the worker) keeps the records it read, and on the next
build rereads only the records the publisher's journal (`changes/`) names since then: no
listing of `reports/`, no reading of records that did not change. Without a journal, or too
far behind it, every record is read. A new process starts from the records the last build
read, kept beside the dataset (`dataset_cache.py`), and rereads what the journal names since.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import dataset_cache
from .cleantext import clean_tree, has_unpublishable
from .counts import Counts
from .labels import STATUSES

logger = logging.getLogger(__name__)

# Tracking numbers and agency ids become URL path segments, so they must be plain.
TRACKING_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
REQUIRED = ("tracking", "title", "status", "submitted", "updated")

Record = dict[str, Any]


@dataclass
class Dataset:
    region: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    stats_bytes: bytes | None = None  # published as-is under /data/stats.json
    records: list[Record] = field(default_factory=list)  # sorted by tracking
    digests: dict[str, str] = field(default_factory=dict)  # tracking → sha256 of its file
    # publication.json: the publisher's own facts about the dataset (when it was last
    # republished whole), not published itself.
    publication: dict[str, Any] = field(default_factory=dict)
    # The statistics' counts over `records`, kept up to date per record read (counts.py).
    counts: Counts | None = None
    # (the `digests` of the dataset this one was made from by reading only some records again,
    # the tracking numbers read): the records outside them are that dataset's. None: every
    # record was read, or sorted anew.
    patched: tuple[dict[str, str], frozenset[str]] | None = field(default=None, compare=False, repr=False)
    # tracking → its place in `records`, made at the first `index_of` (see there).
    _places: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    def record(self, tracking: str) -> Record | None:
        """The record with this tracking number, or None."""
        at = self.index_of(tracking)
        return None if at is None else self.records[at]

    def index_of(self, tracking: str) -> int | None:
        """Where the record with this tracking number is in `records`, or None.

        A change build asks this of several thousand records (the reports on the listing pages
        it makes): one dict of every place, made once, instead of a binary search each through a
        key function. A place it gives is checked against the record there; a record not found
        there (`records` changed since, or no such record) is looked for by a binary search
        (`records` is sorted)."""
        places = self._places
        if places is None or len(places) != len(self.records):
            places = self._places = {r["tracking"]: n for n, r in enumerate(self.records)}
        at = places.get(tracking)
        if at is not None and at < len(self.records) and self.records[at]["tracking"] == tracking:
            return at
        at = bisect.bisect_left(self.records, tracking, key=lambda r: r["tracking"])
        if at < len(self.records) and self.records[at]["tracking"] == tracking:
            return at
        return None

    @cached_property
    def agencies(self) -> dict[str, dict[str, Any]]:
        return {a["id"]: a for a in self.region.get("agencies", [])}

    @cached_property
    def categories(self) -> dict[str, dict[str, Any]]:
        return {c["id"]: c for c in self.region.get("categories", [])}

    @cached_property
    def forward_destinations(self) -> dict[str, str]:
        return {d["id"]: d["name"] for d in self.region.get("forward_destinations", [])}


# What in a JSON text can decode to a character `clean` removes: the characters themselves, or
# escapes of them (a few allowed ones too, such as \u0009: then the slow path merely runs).
_ESCAPED = re.compile(r"\\(?:[bf]|u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|u[dD][89a-fA-F]|u[fF]{3}[eEfF])")


def parse_clean(raw: bytes) -> Any:
    """json.loads with every string cleaned (cleantext.clean_tree); walking the tree is most of
    the cost of reading a record, so it is done only when the text can hold such a character."""
    text = raw.decode("utf-8")
    value = json.loads(text)
    if has_unpublishable(text) or _ESCAPED.search(text):
        return clean_tree(value)
    return value


def _read_json(path: Path) -> tuple[Any, bytes] | None:
    try:
        raw = path.read_bytes()
        return parse_clean(raw), raw
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.error("aduan_site: cannot read %s: %s", path, exc)
        return None


def _problem(record: Any, stem: str) -> str | None:
    if not isinstance(record, dict):
        return "not a JSON object"
    missing = [key for key in REQUIRED if not record.get(key)]
    if missing:
        return f"missing {', '.join(missing)}"
    if record["tracking"] != stem or not TRACKING_RE.match(stem):
        return f"tracking {record['tracking']!r} does not match its file name"
    if record["status"] not in STATUSES:
        return f"unknown status {record['status']!r}"
    agency = record.get("agency")
    if agency is not None and not SLUG_RE.match(str(agency)):
        return f"agency {agency!r} is not a plain id"
    return None


def load_dataset(public_dir: Path) -> Dataset:
    dataset = Dataset()
    if not public_dir.is_dir():
        # A fresh install has no reports yet: build the empty site rather than fail.
        logger.warning("aduan_site: public dataset %s does not exist yet", public_dir)
        return dataset

    region = _read_json(public_dir / "region.json")
    if region is None:
        logger.error("aduan_site: %s has no readable region.json", public_dir)
    else:
        dataset.region = region[0]

    stats = _read_json(public_dir / "stats.json")
    if stats is None:
        logger.error("aduan_site: %s has no readable stats.json", public_dir)
    else:
        dataset.stats, dataset.stats_bytes = stats

    publication = _read_json(public_dir / "publication.json")
    if publication is not None and isinstance(publication[0], dict):
        dataset.publication = publication[0]

    last = _journal_last(public_dir)
    key = public_dir.resolve()
    seen = _SEEN.get(key)
    if seen is None and last is not None:
        # A new process (`aduan build` from the command line): the records as the last build
        # read them, if the journal still leads from there.
        cached = dataset_cache.load(key)
        if cached is not None and cached[1] and cached[1] == _entry_id(public_dir, cached[0], last["journal"]):
            seen = _Seen(cached[0], cached[2], cached[3])
    touched = _touched_since(public_dir, seen.seq, last) if seen is not None and last is not None else None
    reports_dir = public_dir / "reports"
    since = seen.seq if seen is not None else None
    counts: Counts | None = None
    if seen is not None and touched is not None:
        records, counts = seen.records, seen.counts
        for tracking in touched:
            if TRACKING_RE.match(tracking):
                old = records.get(tracking)
                _read_record(records, reports_dir, f"{tracking}.json")
                if counts is not None:  # the record's old counts off, its new ones on
                    if old is not None:
                        counts.add(old[0], -1)
                    if (new := records.get(tracking)) is not None:
                        counts.add(new[0])
    else:
        records = {}
        names = sorted(p.name for p in reports_dir.iterdir()) if reports_dir.is_dir() else []
        for name in names:
            # Skip the publisher's temporary files (it writes then renames).
            if name.endswith(".json") and not name.startswith("."):
                _read_record(records, reports_dir, name)
    if counts is None:
        counts = Counts.of([record for record, _ in records.values()])
    dataset.counts = counts
    if last is not None:
        _SEEN[key] = _Seen(last["seq"], records, counts)
        if touched is None or touched or since != last["seq"]:
            entry = _entry_id(public_dir, last["seq"], last["journal"])
            dataset_cache.save(key, last["seq"], entry, records, touched, since, counts.to_json())
    else:
        _SEEN.pop(key, None)
        dataset_cache.forget(key)
    # Open data rows follow this order: by tracking number, not by file name.
    before = _ORDERED.pop(key, None)
    if before is not None and touched is not None and seen is not None and before[0] == since and len(touched) < 1000:
        # The last dataset of this process, with only the records read again put in place.
        previous = before[1]
        dataset.records, dataset.digests = _patched(previous.records, previous.digests, records, touched)
        dataset.patched = (previous.digests, frozenset(touched))
        # Its places, where no record came or went (`index_of` checks each place it gives).
        dataset._places = previous._places
    else:
        for tracking, (record, digest) in sorted(records.items()):
            dataset.records.append(record)
            dataset.digests[tracking] = digest
    if last is not None:
        _ORDERED[key] = (last["seq"], dataset)
    return dataset


# Resolved public directory → (journal seq, the dataset) of the last dataset this process read
# from it: a worker's next read puts the few changed records in place instead of sorting every
# record again. Callers never change a dataset's list or dict.
_ORDERED: dict[Path, tuple[int, Dataset]] = {}


def _patched(
    ordered: list[Record], digests: dict[str, str], records: dict[str, tuple[Record, str]], touched: Iterable[str]
) -> tuple[list[Record], dict[str, str]]:
    """New copies of `ordered` and `digests` with each record of `touched` as `records` has it
    now (changed, new, or gone): the same list and dict a sort of `records` would make."""
    ordered, digests = list(ordered), dict(digests)
    for tracking in sorted(touched):
        if not TRACKING_RE.match(tracking):
            continue
        at = bisect.bisect_left(ordered, tracking, key=lambda r: r["tracking"])
        there = at < len(ordered) and ordered[at]["tracking"] == tracking
        now = records.get(tracking)
        if now is None:
            if there:
                del ordered[at]
            digests.pop(tracking, None)
        else:
            if there:
                ordered[at] = now[0]
            else:
                ordered.insert(at, now[0])
            digests[tracking] = now[1]
    return ordered, digests


def _read_record(records: dict[str, tuple[Record, str]], reports_dir: Path, name: str) -> None:
    """Read one record into `records` (tracking → record, sha256 of its file); a missing or bad
    one leaves it."""
    stem = name[: -len(".json")]
    read = _read_json(reports_dir / name)
    if read is None:
        records.pop(stem, None)
        return
    record, raw = read
    problem = _problem(record, stem)
    if problem:
        logger.error("aduan_site: skipping %s: %s", reports_dir / name, problem)
        records.pop(stem, None)
        return
    records[stem] = (record, hashlib.sha256(raw).hexdigest())


@dataclass
class _Seen:
    """The records as of a journal entry, kept by this process for its next build."""

    seq: int
    records: dict[str, tuple[Record, str]]
    counts: Counts | None = None


_SEEN: dict[Path, _Seen] = {}


def _journal_last(public_dir: Path) -> dict[str, Any] | None:
    try:
        last = json.loads((public_dir / "changes" / "last.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(last, dict) or not isinstance(last.get("seq"), int):
        return None
    return {"seq": last["seq"], "oldest": int(last.get("oldest") or 1), "journal": str(last.get("journal") or "")}


def _entry_id(public_dir: Path, seq: int, journal: str) -> str:
    """Journal entry `seq` named so that another journal's entry `seq` has another name: the
    journal's random name and the entry's time ("" when the entry cannot be read)."""
    try:
        entry = json.loads((public_dir / "changes" / f"{seq}.json").read_bytes())
    except (OSError, ValueError):
        return ""
    return f"{journal} {entry.get('at')}" if isinstance(entry, dict) and entry.get("at") else ""


def _touched_since(public_dir: Path, seq: int, last: dict[str, Any]) -> set[str] | None:
    """The tracking numbers the journal names after entry `seq`, or None when every record must
    be read (a full publish, an entry missing, the journal started again)."""
    if seq > last["seq"] or seq + 1 < last["oldest"]:
        return None
    touched: set[str] = set()
    for n in range(seq + 1, last["seq"] + 1):
        try:
            entry = json.loads((public_dir / "changes" / f"{n}.json").read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("full") or not isinstance(entry.get("trackings"), list):
            return None
        touched.update(str(t) for t in entry["trackings"])
    return touched
