"""The open data in monthly parts, their index and the changes feed: work in proportion to a change.

Files made from every record (reports.csv, reports.json, updates.csv, aduan.db, Open311
requests.json) cost time in proportion to the whole dataset to make and to pass through the
gate. So the rows are also published in *parts*, one per month a report was submitted in
(a report never changes month), and a change makes again only the parts of its month:

- `data/reports/<YYYY-MM>.csv`, `data/reports/<YYYY-MM>.json`, `data/updates/<YYYY-MM>.csv`:
  the rows of reports.csv, reports.json and updates.csv of that month's reports;
- `data/parts.json`: every part's path, month, rows, bytes and sha256, and how fresh the whole
  files are (`whole.build`, `whole.generated_at`);
- `data/changes/<build>.json` and `data/changes/index.json`: what each build changed (tracking
  numbers new or changed, tracking numbers withdrawn, parts made again) for the last
  `KEEP_CHANGES` builds, so that a mirror fetches only what changed since the build it saw.

Which records changed is found per month: a month whose record digests are those of last time
is not looked into; for the others, the build's own state (`.aduan-state/parts/<month>.json`
in the output: tracking → digests, one small file per month) says which records are new,
changed or gone. docs/public-dataset.md is the contract; `opendata_build.py` decides when the
periodic whole files are made again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import schema
from .dataset import Dataset, Record
from .opendata import Row, public_row, table_csv, update_rows
from .output import IncrementalOutput

INDEX = "data/parts.json"
INDEX_VERSION = 1
CHANGES = "data/changes"
STATE = ".aduan-state/parts"
# A mirror further behind than this many builds syncs from data/parts.json instead.
KEEP_CHANGES = 200
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
UNDATED = "0000-00"  # a record whose `submitted` is not a date


def month_of(record: Record) -> str:
    month = str(record.get("submitted") or "")[:7]
    return month if MONTH_RE.match(month) else UNDATED


def by_month(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Month → its records, in the order given (the dataset's: by tracking number)."""
    months: dict[str, list[Record]] = {}
    for record in records:
        months.setdefault(month_of(record), []).append(record)
    return dict(sorted(months.items()))


def part_paths(month: str) -> tuple[str, str, str]:
    """The parts of one month, relative to the output directory."""
    return f"data/reports/{month}.csv", f"data/reports/{month}.json", f"data/updates/{month}.csv"


def month_json(month: str, rows: list[Row]) -> bytes:
    """reports.json's shape for one month (`month` instead of `generated`): one report per line."""
    head = json.dumps({"month": month, "count": len(rows)}, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f'{head}, "reports": [\n{body}\n]}}\n'.encode()


def part_files(month: str, records: list[Record], dataset: Dataset) -> dict[str, tuple[bytes, int]]:
    """Path → (content, rows) of one month's parts."""
    reports = [public_row(r, dataset) for r in records]
    updates = update_rows(records)
    csv_path, json_path, updates_path = part_paths(month)
    return {
        csv_path: (table_csv(schema.REPORTS, reports), len(reports)),
        json_path: (month_json(month, reports), len(reports)),
        updates_path: (table_csv(schema.UPDATES, updates), len(updates)),
    }


def month_rows(data: bytes) -> list[Row]:
    """The rows of reports.json of one month's JSON part (`month_json`)."""
    rows: list[Row] = json.loads(data)["reports"]
    return rows


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# The state goes through the gate's scan of files like everything written: a hex digest holds
# runs of digits that could, once in a while, equal a phone number. Its digests are letters.
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def _letters(digest: str) -> str:
    return digest.translate(_LETTERS)


def _timeline_digest(record: Record, count: int | None = None) -> str:
    entries = list(record.get("timeline") or [])[:count]
    return _letters(_sha(json.dumps(entries, sort_keys=True).encode()))


def texts_of(record: Record) -> tuple[str, int, str]:
    """(digest of the title, description and forwarding destination; number of timeline
    entries; digest of the entries). A record whose texts or earlier entries are no longer the
    same has taken back something it published (an officer's fix, a redaction, a corrected
    date), not merely gained an update: the whole files must not keep the old version."""
    head = json.dumps([record.get("title"), record.get("description"), record.get("forwarded_to")])
    count = len(record.get("timeline") or [])
    return _letters(_sha(head.encode())), count, _timeline_digest(record)


@dataclass
class Diff:
    """What changed in the records since the last build."""

    changed: set[str] = field(default_factory=set)  # new or changed records
    added: set[str] = field(default_factory=set)  # records new to the site
    withdrawn: set[str] = field(default_factory=set)  # records that left the dataset
    rewritten: set[str] = field(default_factory=set)  # records that changed what they had published
    months: list[str] = field(default_factory=list)  # months whose parts were made again
    # A month the last build published whose state is lost: what left it is unknown.
    unknown: bool = False

    def __bool__(self) -> bool:
        return bool(self.changed or self.withdrawn)


def read_json(out: IncrementalOutput, relpath: str) -> Any:
    """A JSON file the last build wrote, or None."""
    try:
        return json.loads((out.root / relpath).read_bytes())
    except (OSError, ValueError):
        return None


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


class Parts:
    """The monthly parts of one build: which are kept, which are made again, what changed."""

    def __init__(self, out: IncrementalOutput, dataset: Dataset) -> None:
        self.out, self.dataset = out, dataset
        old = read_json(out, INDEX)
        self.old_index: dict[str, Any] = old if isinstance(old, dict) and old.get("version") == INDEX_VERSION else {}
        self.old_parts: dict[str, dict[str, Any]] = {
            "data/" + p["path"]: p
            for p in self.old_index.get("parts", [])
            if isinstance(p, dict) and isinstance(p.get("path"), str)
        }
        self.months = by_month(dataset.records)
        self.diff = Diff()
        self.reset = not self.old_index  # no earlier build to compare with: everything is new
        self.made: dict[str, tuple[bytes, int]] = {}
        self.state: dict[str, dict[str, list[Any]]] = {}

    def month_key(self, records: list[Record]) -> str:
        return _sha(json.dumps([self.dataset.digests[r["tracking"]] for r in records]).encode())

    def write(self) -> None:
        """Keep the parts of every month whose records are unchanged; make the others again and
        find what changed in them."""
        old_months = {str(p["month"]) for p in self.old_parts.values() if isinstance(p.get("month"), str)}
        for month in sorted(old_months | set(self.months)):
            records = self.months.get(month, [])
            paths = part_paths(month)
            state_path = f"{STATE}/{month}.json"
            key = self.month_key(records) if records else ""
            reusable = not self.reset and records and all(self.out.reusable(p, key) for p in paths)
            if reusable and self.out.keep(state_path):
                for path in paths:
                    self.out.reuse(path, key)
                continue
            self._diff_month(records, state_path, known=month in old_months)
            if not records:
                continue  # a month with no record left: not declared, so the writer deletes it
            self.diff.months.append(month)
            for path, (data, rows) in part_files(month, records, self.dataset).items():
                self.made[path] = (data, rows)
                self.out.put(path, data, digest=key)

    def _diff_month(self, records: list[Record], state_path: str, *, known: bool) -> None:
        old = read_json(self.out, state_path)
        if not isinstance(old, dict):
            self.diff.unknown |= known and not self.reset
            old = {}
        now: dict[str, list[Any]] = {}
        for record in records:
            tracking = record["tracking"]
            digest = _letters(self.dataset.digests[tracking])
            head, count, notes = texts_of(record)
            now[tracking] = [digest, head, count, notes]
            before = old.get(tracking)
            if not isinstance(before, list) or len(before) != 4:
                self.diff.changed.add(tracking)
                self.diff.added.add(tracking)
            elif before[0] != digest:
                self.diff.changed.add(tracking)
                if before[1] != head or count < before[2] or _timeline_digest(record, before[2]) != before[3]:
                    self.diff.rewritten.add(tracking)
        self.diff.withdrawn |= set(old) - set(now)
        if records:
            self.state[state_path] = now

    def contents(self, kind: int) -> Iterator[tuple[str, bytes]]:
        """(path, bytes) of every month's part of one kind (0: reports CSV, 1: reports JSON,
        2: updates CSV), in month order, one at a time: made in this build or kept on disk."""
        for month in self.months:
            path = part_paths(month)[kind]
            made = self.made.get(path)
            yield path, made[0] if made is not None else (self.out.root / path).read_bytes()

    @property
    def touched(self) -> list[str]:
        """The months whose parts now hold other bytes (made again is not enough: a new theme
        makes every part again, most often into the same bytes)."""
        return [
            m for m in self.diff.months if any(self.out.files[p] != self.out.old_files.get(p) for p in part_paths(m))
        ]

    @property
    def changed(self) -> bool:
        """Whether parts.json and the changes feed have anything new to say."""
        return self.reset or bool(self.diff) or bool(self.touched)

    def next_build(self) -> int:
        last = self.old_index.get("build")
        if not isinstance(last, int):
            return 1
        return last + 1 if self.changed else last

    def write_feed(self, build: int, at: str, whole_files: bool) -> None:
        """data/changes/<build>.json for a build that changed records, and the index of the last
        `KEEP_CHANGES` builds (older ones are deleted)."""
        old = read_json(self.out, f"{CHANGES}/index.json")
        entries: list[dict[str, Any]] = old.get("builds", []) if isinstance(old, dict) else []
        entries = [e for e in entries if isinstance(e, dict) and isinstance(e.get("build"), int)]
        if self.reset or self.diff:
            entries = [e for e in entries if e["build"] < build]
            entry: dict[str, Any] = {
                "build": build,
                "at": at,
                # Nothing to compare with (the first build, a lost index): mirrors resync from
                # data/parts.json.
                "reset": self.reset,
                "changed": None if self.reset else sorted(self.diff.changed),
                "withdrawn": None if self.reset else sorted(self.diff.withdrawn),
                "parts": [p.removeprefix("data/") for m in self.touched for p in part_paths(m)],
                "whole_files": whole_files,
            }
            self.out.put(f"{CHANGES}/{build}.json", _dump(entry))
            entries.append(
                {
                    "build": build,
                    "at": at,
                    "path": f"changes/{build}.json",
                    "changed": entry["changed"] and len(entry["changed"]),
                    "withdrawn": entry["withdrawn"] and len(entry["withdrawn"]),
                }
            )
        entries = entries[-KEEP_CHANGES:]
        for e in entries:
            if e["build"] != build or not (self.reset or self.diff):
                self.out.keep(f"{CHANGES}/{e['build']}.json")
        if not (self.reset or self.diff) and self.out.keep(f"{CHANGES}/index.json"):
            return
        index = {"last": entries[-1]["build"] if entries else None, "keep": KEEP_CHANGES, "builds": entries}
        self.out.put(f"{CHANGES}/index.json", _dump(index))

    def write_index(self, build: int, at: str, whole: dict[str, Any]) -> None:
        """data/parts.json: rewritten only when a part or the whole files changed."""
        if not self.changed and self.old_index.get("whole") == whole and self.out.keep(INDEX):
            return
        parts = []
        for month in self.months:
            for path in part_paths(month):
                if path in self.made:
                    data, rows = self.made[path]
                    parts.append(
                        {
                            "path": path.removeprefix("data/"),
                            "month": month,
                            "rows": rows,
                            "bytes": len(data),
                            "sha256": self.out.files[path],
                        }
                    )
                else:
                    parts.append(self.old_parts[path])
        index = {"version": INDEX_VERSION, "build": build, "generated_at": at, "parts": parts, "whole": whole}
        self.out.put(INDEX, _dump(index))

    def write_state(self) -> None:
        """Put last: a build killed before its parts are written finds the same changes again."""
        for path, data in self.state.items():
            self.out.put(path, json.dumps(data, separators=(",", ":"), sort_keys=True).encode())
