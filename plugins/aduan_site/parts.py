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
from pathlib import Path
from typing import Any

from . import open311, schema
from .dataset import Dataset, Record
from .opendata import Row, public_row, table_csv, update_rows
from .output import IncrementalOutput

INDEX = "data/parts.json"
INDEX_VERSION = 1
CHANGES = "data/changes"
STATE = ".aduan-state/parts"
# Per month, what the whole files need of each record beyond its parts: its line of Open311
# requests.json and its rows of aduan.db's `updates` with their types (the updates CSV part
# holds them as text). One line per record, in tracking order: tracking, TAB, the Open311 line,
# TAB, the rows as a JSON array of arrays (schema.UPDATES' columns), LF. JSON escapes every
# control character, so neither TAB nor LF occurs inside a field.
WHOLE_STATE = ".aduan-state/whole"
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


def whole_path(month: str) -> str:
    return f"{WHOLE_STATE}/{month}.tsv"


def whole_line(record: Record, dataset: Dataset, site_url: str) -> bytes:
    """A record's line of its month's whole-state file (`WHOLE_STATE`)."""
    request = open311.request_line(open311.service_request(record, dataset, site_url))
    columns = schema.UPDATES.columns
    updates = [[row.get(c) for c in columns] for row in update_rows([record])]
    return record["tracking"].encode() + b"\t" + request + b"\t" + _encode(updates).encode() + b"\n"


def split_whole(data: bytes) -> dict[str, bytes]:
    """tracking → its line (with its LF) of a whole-state file; ValueError when it is not one."""
    lines: dict[str, bytes] = {}
    for line in data.splitlines(keepends=True):
        tracking, tab, _ = line.partition(b"\t")
        if not tab or line.count(b"\t") != 2 or not line.endswith(b"\n"):
            raise ValueError("not a line of a whole-state file")
        lines[tracking.decode()] = line
    return lines


def whole_request(line: bytes) -> bytes:
    """The Open311 line of a whole-state line."""
    return line.split(b"\t", 2)[1]


def whole_updates(line: bytes) -> list[list[Any]]:
    """The update rows (values in schema.UPDATES' columns) of a whole-state line."""
    rows: list[list[Any]] = json.loads(line.rsplit(b"\t", 1)[1])
    return rows


def month_json(month: str, rows: list[Row]) -> bytes:
    """reports.json's shape for one month (`month` instead of `generated`): one report per line."""
    head = json.dumps({"month": month, "count": len(rows)}, ensure_ascii=False)[:-1]
    body = ",\n".join(map(_encode, rows))
    return f'{head}, "reports": [\n{body}\n]}}\n'.encode()


def part_files(
    month: str, records: list[Record], dataset: Dataset, kept: dict[str, tuple[bytes, bytes, bytes]] | None = None
) -> dict[str, tuple[bytes, int]]:
    """Path → (content, rows) of one month's parts. `kept`: tracking → its (reports CSV row,
    reports.json line, updates CSV rows) as the last build wrote them, for the records that did
    not change since (`Parts.kept_lines`): only the other records' rows are made."""
    csv_path, json_path, updates_path = part_paths(month)
    if not kept:  # every row made (a first build, a new theme): the parts in one go each
        reports = [public_row(r, dataset) for r in records]
        updates = update_rows(records)
        return {
            csv_path: (table_csv(schema.REPORTS, reports), len(reports)),
            json_path: (month_json(month, reports), len(reports)),
            updates_path: (table_csv(schema.UPDATES, updates), len(updates)),
        }
    fresh = [r for r in records if r["tracking"] not in kept]
    made: dict[str, tuple[bytes, bytes, bytes]] = {}
    if fresh:
        rows = [public_row(r, dataset) for r in fresh]
        csv_rows = split_csv(table_csv(schema.REPORTS, rows), len(rows))
        if csv_rows is None:  # cannot be: the rows were just written
            raise ValueError("a CSV part made in this build does not split into its rows")
        updates = update_rows(fresh)
        update_lines = split_csv(table_csv(schema.UPDATES, updates), len(updates), UPDATES_HEADER)
        if update_lines is None:
            raise ValueError("an updates part made in this build does not split into its rows")
        at = 0
        for record, row, csv_row in zip(fresh, rows, csv_rows, strict=True):
            count = len(record.get("timeline") or [])
            made[record["tracking"]] = (csv_row, _encode(row).encode(), b"".join(update_lines[at : at + count]))
            at += count
    lines = [kept.get(r["tracking"]) or made[r["tracking"]] for r in records]
    count = len(records)
    updates_count = sum(len(r.get("timeline") or []) for r in records)
    head = json.dumps({"month": month, "count": count}, ensure_ascii=False)[:-1].encode()
    return {
        csv_path: (REPORTS_HEADER + b"".join(line[0] for line in lines), count),
        json_path: (head + b', "reports": [\n' + b",\n".join(line[1] for line in lines) + b"\n]}\n", count),
        updates_path: (UPDATES_HEADER + b"".join(line[2] for line in lines), updates_count),
    }


REPORTS_HEADER = table_csv(schema.REPORTS, [])
# json.dumps(row, ensure_ascii=False) without making an encoder per row.
_encode = json.JSONEncoder(ensure_ascii=False).encode
UPDATES_HEADER = table_csv(schema.UPDATES, [])


def split_csv(data: bytes, rows: int, header: bytes = REPORTS_HEADER) -> list[bytes] | None:
    """The rows of a CSV part (after its header), each with its CRLF: a CRLF ends a row only
    outside quotes, i.e. after an even number of quote characters (RFC 4180 doubles a quote
    inside a quoted cell). None when the part does not have `rows` rows."""
    if not data.startswith(header):
        return None
    found: list[bytes] = []
    pending: list[bytes] = []
    quotes = 0
    for piece in data[len(header) :].split(b"\r\n")[:-1]:
        pending.append(piece)
        quotes += piece.count(b'"')
        if quotes % 2 == 0:
            found.append(b"\r\n".join(pending) + b"\r\n")
            pending, quotes = [], 0
    if pending or len(found) != rows or b"".join(found) != data[len(header) :]:
        return None
    return found


def month_rows(data: bytes) -> list[Row]:
    """The rows of reports.json of one month's JSON part (`month_json`)."""
    rows: list[Row] = json.loads(data)["reports"]
    return rows


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# The state goes through the gate's scan of files like everything written: a hex digest holds
# runs of digits that could, once in a while, equal a phone number. Its digests are letters.
_ROWS_START, _ROWS_END = b'"reports": [\n', b"\n]}\n"
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

    def __init__(self, out: IncrementalOutput, dataset: Dataset, site_url: str = "") -> None:
        self.out, self.dataset, self.site_url = out, dataset, site_url
        old = read_json(out, INDEX)
        self.old_index: dict[str, Any] = old if isinstance(old, dict) and old.get("version") == INDEX_VERSION else {}
        self.old_parts: dict[str, dict[str, Any]] = {
            "data/" + p["path"]: p
            for p in self.old_index.get("parts", [])
            if isinstance(p, dict) and isinstance(p.get("path"), str)
        }
        self.diff = Diff()
        self.reset = not self.old_index  # no earlier build to compare with: everything is new
        # Path → (where its bytes are now: staged, or the site's own file; bytes; rows) of the
        # parts made this build: read back one at a time for the whole files, never all held.
        self.made: dict[str, tuple[Path, int, int]] = {}
        # Month → where its whole-state file's bytes are now, for the months that have one.
        self.whole_state: dict[str, Path] = {}
        # Tracking → its Open311 line, for the records whose whole-state line this build made.
        self.request_lines: dict[str, bytes] = {}
        self.state: dict[str, dict[str, list[Any]]] = {}
        self.present: list[str] = []  # the months that have records, in order (set by `write`)
        self._months: dict[str, list[Record]] | None = None
        self._old_states: dict[str, Any] = {}
        # What this build looked at: records whose digests it compared, records it made rows for.
        self.looked_at = 0
        self.rows_made = 0

    @property
    def months(self) -> dict[str, list[Record]]:
        """Month → its records, over the whole dataset: for the whole files (made periodically)
        and for a build that cannot tell which records changed."""
        if self._months is None:
            self._months = by_month(self.dataset.records)
        return self._months

    def month_key(self, records: list[Record]) -> str:
        self.looked_at += len(records)
        return _sha(json.dumps([self.dataset.digests[r["tracking"]] for r in records]).encode())

    def _old_state(self, month: str) -> Any:
        if month not in self._old_states:
            self._old_states[month] = read_json(self.out, f"{STATE}/{month}.json")
        return self._old_states[month]

    def _old_months(self) -> dict[str, int]:
        """Month → its reports' rows, as the last build's index says."""
        return {
            str(p["month"]): int(p.get("rows") or 0)
            for path, p in self.old_parts.items()
            if isinstance(p.get("month"), str) and path == part_paths(str(p["month"]))[1]
        }

    def plan(self, changed: set[str] | None) -> dict[str, list[Record]] | None:
        """The months holding a changed record → their records now, when the records that
        changed since the last build are known (`changed`) and everything else is as that build
        left it: then no other month is looked into. None: look at every month."""
        if changed is None or self.reset or not self.out.same_render:
            return None
        old_months = self._old_months()
        touched: dict[str, dict[str, Record]] = {}
        for tracking in changed:
            record = self.dataset.record(tracking)
            if record is None:
                return None  # withdrawn: which month held it is not known here
            touched.setdefault(month_of(record), {})[tracking] = record
        for month, records in touched.items():
            if month not in old_months:
                continue  # a month new to the site: all its records are new, so changed
            old = self._old_state(month)
            if not isinstance(old, dict):
                return None
            for tracking in old:
                if tracking not in records:
                    record = self.dataset.record(tracking)
                    if record is None:
                        return None  # left the dataset without being named as changed
                    records[tracking] = record
        # Every other record is where the last build counted it, or one left unnoticed.
        before = sum(old_months.values())
        after = before + sum(len(r) - (len(self._old_state(m)) if m in old_months else 0) for m, r in touched.items())
        if after != len(self.dataset.records):
            return None
        for month in old_months.keys() - touched.keys():
            key = self.out.old_inputs.get(part_paths(month)[0])
            if not (
                key
                and all(self.out.reusable(p, key) for p in part_paths(month))
                and f"{STATE}/{month}.json" in self.out.old_files
            ):
                return None
        return {month: [records[t] for t in sorted(records)] for month, records in touched.items()}

    def write(self, changed: set[str] | None = None) -> None:
        """Keep the parts of every month whose records are unchanged; make the others again and
        find what changed in them. `changed`: the records new or changed since the last build,
        when known: the other months are then kept unlooked at."""
        planned = self.plan(changed)
        old_months = set(self._old_months()) | {
            str(p["month"]) for p in self.old_parts.values() if isinstance(p.get("month"), str)
        }
        months = sorted(old_months | set(planned)) if planned is not None else sorted(old_months | set(self.months))
        for month in months:
            paths = part_paths(month)
            state_path = f"{STATE}/{month}.json"
            if planned is not None and month not in planned:
                key = self.out.old_inputs[paths[0]]
                if self.out.keep(state_path) and all(self.out.reuse(p, key) for p in paths):
                    self.present.append(month)
                    self._keep_whole(month, key)
                    continue
                raise RuntimeError(f"the parts of {month} could not be kept")  # plan() checked
            records = planned[month] if planned is not None else self.months.get(month, [])
            key = self.month_key(records) if records else ""
            reusable = not self.reset and records and all(self.out.reusable(p, key) for p in paths)
            if reusable and self.out.keep(state_path):
                for path in paths:
                    self.out.reuse(path, key)
                self.present.append(month)
                self._keep_whole(month, key)
                continue
            self._diff_month(records, state_path, known=month in old_months)
            if not records:
                continue  # a month with no record left: not declared, so the writer deletes it
            self.present.append(month)
            self.diff.months.append(month)
            kept = self.kept_lines(month, records)
            self.rows_made += len(records) - len(kept)
            for path, (data, rows) in part_files(month, records, self.dataset, kept).items():
                where = self.out.put(path, data, digest=key) or self.out.root / path
                self.made[path] = (where, len(data), rows)
            self._write_whole(month, records, key, kept)

    def _keep_whole(self, month: str, key: str) -> None:
        """A kept month's whole-state file, if the last build wrote it for these records (an
        output made before these files existed has none: the whole files then make that
        month's lines from its records)."""
        path = whole_path(month)
        if self.out.reuse(path, key):
            self.whole_state[month] = self.out.root / path

    def _write_whole(self, month: str, records: list[Record], key: str, kept: dict[str, Any]) -> None:
        """A month's whole-state file: the lines of its unchanged records (`kept`) cut from the
        last build's, the others made."""
        old: dict[str, bytes] = {}
        if kept and whole_path(month) in self.out.old_files:
            try:
                old = split_whole((self.out.root / whole_path(month)).read_bytes())
            except (OSError, ValueError):
                old = {}
        lines = []
        for record in records:
            tracking = record["tracking"]
            line = old.get(tracking) if tracking in kept else None
            if line is None:
                line = whole_line(record, self.dataset, self.site_url)
                self.request_lines[tracking] = whole_request(line)
            lines.append(line)
        data = b"".join(lines)
        self.whole_state[month] = self.out.put(whole_path(month), data, digest=key) or self.out.root / whole_path(month)

    def _diff_month(self, records: list[Record], state_path: str, *, known: bool) -> None:
        month = state_path[len(STATE) + 1 : -len(".json")]
        old = self._old_state(month)
        if not isinstance(old, dict):
            self.diff.unknown |= known and not self.reset
            old = {}
        now: dict[str, list[Any]] = {}
        for record in records:
            tracking = record["tracking"]
            digest = _letters(self.dataset.digests[tracking])
            before = old.get(tracking)
            if isinstance(before, list) and len(before) == 4 and before[0] == digest:
                now[tracking] = before  # the same record: its texts are those of last time
                continue
            head, count, notes = texts_of(record)
            now[tracking] = [digest, head, count, notes]
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

    def kept_lines(self, month: str, records: list[Record]) -> dict[str, tuple[bytes, bytes, bytes]]:
        """The rows of the last build's parts of `month` for the records whose digest is the one
        they had then, cut out of those parts (their rows are in tracking order, as the last
        state lists them): a month made again for one change makes one record's rows. Empty
        when the parts or the state cannot be read as expected, or the code, theme or settings
        changed (then every row is made again)."""
        old = self._old_state(month)
        if not self.out.same_render or self.reset or not isinstance(old, dict) or not old:
            return {}
        paths = part_paths(month)
        if not all(p in self.out.old_files for p in paths):
            return {}
        try:
            reports_csv, reports_json, updates_csv = ((self.out.root / p).read_bytes() for p in paths)
        except OSError:
            return {}
        order = sorted(old)
        csv_rows = split_csv(reports_csv, len(order))
        start, end = reports_json.find(_ROWS_START), reports_json.rfind(_ROWS_END)
        json_lines = reports_json[start + len(_ROWS_START) : end].split(b",\n") if 0 <= start < end else []
        counts = [old[t][2] if isinstance(old[t], list) and len(old[t]) == 4 else -1 for t in order]
        update_lines = split_csv(updates_csv, sum(counts), UPDATES_HEADER) if min(counts, default=0) >= 0 else None
        if csv_rows is None or update_lines is None or len(json_lines) != len(order):
            return {}
        same = {
            r["tracking"]
            for r in records
            if old.get(r["tracking"], [None])[0] == _letters(self.dataset.digests[r["tracking"]])
        }
        kept: dict[str, tuple[bytes, bytes, bytes]] = {}
        at = 0
        for tracking, csv_row, json_line, count in zip(order, csv_rows, json_lines, counts, strict=True):
            if tracking in same:
                kept[tracking] = (csv_row, json_line, b"".join(update_lines[at : at + count]))
            at += count
        return kept

    def contents(self, kind: int) -> Iterator[tuple[str, bytes]]:
        """(path, bytes) of every month's part of one kind (0: reports CSV, 1: reports JSON,
        2: updates CSV), in month order, one at a time: made in this build or kept on disk."""
        for month in self.present:
            yield part_paths(month)[kind], self.content(month, kind)

    def content(self, month: str, kind: int) -> bytes:
        """The bytes of one month's part of one kind (see `contents`)."""
        path = part_paths(month)[kind]
        made = self.made.get(path)
        return (made[0] if made is not None else self.out.root / path).read_bytes()

    def whole_lines(self, site_url: str) -> Iterator[list[bytes]]:
        """Every month's whole-state lines, in month order, one month at a time: read from its
        file, or made from the month's records when it has none (an output an older build made)."""
        for month in self.present:
            yield self.month_lines(month, site_url)

    def month_lines(self, month: str, site_url: str) -> list[bytes]:
        """One month's whole-state lines (see `whole_lines`)."""
        where = self.whole_state.get(month)
        if where is not None:
            return where.read_bytes().splitlines(keepends=True)
        return [whole_line(r, self.dataset, site_url) for r in self.months.get(month, [])]

    def sources(self) -> dict[str, str | None]:
        """Month → what its rows of the whole files are made from: 16 hex digits of a digest of
        the sha256 of its JSON part and of its whole-state file as this build leaves them (kept in
        the build state's meta: short), or None when it has not both."""
        files = self.out.files
        made: dict[str, str | None] = {}
        for month in self.present:
            part, whole = files.get(part_paths(month)[1]), files.get(whole_path(month))
            made[month] = _sha(f"{part}:{whole}".encode())[:16] if part and whole else None
        return made

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
        for month in self.present:
            for path in part_paths(month):
                if path in self.made:
                    _, size, rows = self.made[path]
                    parts.append(
                        {
                            "path": path.removeprefix("data/"),
                            "month": month,
                            "rows": rows,
                            "bytes": size,
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
