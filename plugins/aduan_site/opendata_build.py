"""Everything under /data/ in one build: which files are live, which periodic, which kept.

- *Live* (current after every build): the monthly parts and their index (`parts.py`), the
  changes feed, the small tables (agencies, categories, the area statistics), stats.json,
  datapackage.json, LICENSE.txt, metadata.json, Open311 services.json, one Open311 file per
  report, SHA256SUMS.
- *Periodic*: the whole-dataset files (`WHOLE_FILES`: reports.csv, reports.json, updates.csv,
  aduan.db, Open311 requests.json). Made again when the data changed and they are older than
  `WHOLE_FILES_MAX_AGE` seconds, on the first build of a day (the day's snapshot is made from
  them), after a full publish (`aduan build --full`), when the code, theme or settings changed,
  and at once when a report was added or withdrawn or changed what it had published (a text, an
  earlier timeline entry): they hold exactly the reports the site shows, and what was taken back
  never outlives the build that took it back. `data/parts.json` says how fresh they are.

So a status change costs one month's parts, the small files and the changed report's own files,
not the whole dataset, in the making and in the gate's scan of the files written.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import open311, schema, snapshots
from .dataset import Dataset, Record
from .opendata import (
    Row,
    Site,
    citation,
    datapackage,
    generated_day,
    license_text,
    reports_json,
    stats_json,
    summary_tables,
    table_csv,
)
from .output import IncrementalOutput
from .parts import MONTH_RE, UNDATED, Parts, month_rows, whole_request, whole_updates
from .sqlite_export import MonthRows, datasette_metadata, sqlite_file_bytes, sqlite_file_updated

logger = logging.getLogger(__name__)

WHOLE_FILES = ("reports.csv", "reports.json", "updates.csv", "aduan.db", "open311/requests.json")
SMALL_TABLES = tuple(t for t in schema.TABLES if t.path not in WHOLE_FILES)
LIVE_FILES = (
    *(t.path for t in SMALL_TABLES),
    "stats.json",
    "datapackage.json",
    "LICENSE.txt",
    "metadata.json",
    "open311/services.json",
)
SUMS = "SHA256SUMS"
# Every file made from the whole dataset, under /data/ (what SHA256SUMS lists, and itself).
DATASET_FILES = (*LIVE_FILES, *WHOLE_FILES, SUMS)


@dataclass(frozen=True)
class Inputs:
    """What the open data of one build is made from, besides the dataset."""

    site: Site
    key: str  # digest of every record, stats.json and the log's key (pages.data_key)
    log_vkey: str
    checkpoint: bytes | None  # the transparency log's signed checkpoint, for the day's snapshot
    max_age: int  # WHOLE_FILES_MAX_AGE
    now: Callable[[], datetime] = lambda: datetime.now(UTC)


# The build state's meta row of what the published aduan.db was made of: its sha256 and, per
# month, the sources of its rows (`Parts.sources`).
DB_META = "whole:aduan.db"
# Why the whole files fall due, when aduan.db may be updated in place (`sqlite_file_updated`):
# rows only changed or were added. A record withdrawn or rewritten, the first build of a day (the
# day's snapshot), a full publish, new code and a lost state make it from scratch.
IN_PLACE = frozenset({"older than WHOLE_FILES_MAX_AGE", "a report was added"})


def _db_meta(out: IncrementalOutput) -> dict[str, Any] | None:
    """The build state's DB_META row, if it describes the published aduan.db (its sha256, read:
    a build killed before saving its state, or a file edited by hand, does not match)."""
    try:
        old = json.loads(out.state.meta(DB_META) or "null")
    except ValueError:
        return None
    path = "data/aduan.db"
    if not isinstance(old, dict) or not isinstance(old.get("months"), dict) or not old.get("sha"):
        return None
    if old["sha"] != out.old_files.get(path):
        return None
    try:
        if hashlib.sha256((out.root / path).read_bytes()).hexdigest() != old["sha"]:
            return None
    except OSError:
        return None
    return old


def changed_months(old: dict[str, Any], sources: dict[str, str | None]) -> list[str] | None:
    """The months whose rows of the published aduan.db (`old`: what it was made of, `_db_meta`)
    are not made of `sources`, or None when it must be made from scratch: a month is undated, or
    most months changed."""
    before: dict[str, Any] = old["months"]
    # A month without a whole-state file (None: an output of older code) is always made again.
    changed = sorted(m for m in sources.keys() | before.keys() if sources.get(m) != before.get(m) or not sources.get(m))
    if any(m == UNDATED or not MONTH_RE.match(m) for m in changed) or 2 * len(changed) > len(sources):
        return None
    return changed


def _texts(replaced: dict[str, MonthRows], small: dict[str, list[Row]]) -> Iterator[bytes]:
    """The rows an in-place aduan.db gained, as the gate's scan of a SQLite file reads rows
    (gate/files.py `scan_sqlite`: their text values joined, 2,000 rows at a time)."""
    tables: list[list[Sequence[Any]]] = [
        [tuple(map(row.get, t.columns)) for row in small[t.name]] for t in (schema.AGENCIES, schema.CATEGORIES)
    ]
    for rows in replaced.values():
        if rows is not None:
            tables.append([tuple(map(row.get, schema.REPORTS.columns)) for row in rows[0]])
            tables.append(rows[1])
    for table in tables:
        for at in range(0, len(table), 2000):
            batch = table[at : at + 2000]
            text = " \n ".join(str(v) for row in batch for v in row if isinstance(v, (str, bytes)))
            yield text.encode("utf-8", "surrogatepass")


def _aduan_db(
    out: IncrementalOutput,
    parts: Parts,
    rows: Callable[[schema.Table], Iterable[Row]],
    small: dict[str, list[Row]],
    site: Site,
    in_place: bool,
) -> tuple[bytes, tuple[str, ...] | None]:
    """aduan.db: the published file with the changed months' rows replaced, when `in_place` and
    the state knows what it was made of; otherwise made from scratch. And what the gate found in
    it, when only the rows it gained were read (None: the gate reads the whole file): so when
    every other row passed the gate as it is now (the same keys, `Scanner.fingerprint`)."""
    sources = parts.sources()
    data, checked = None, None
    fingerprint = getattr(out.guard, "fingerprint", None)
    scanned: str | None = fingerprint() if callable(fingerprint) else None
    old = _db_meta(out) if in_place else None
    months = changed_months(old, sources) if old is not None else None
    if old is not None and months is not None:
        replaced: dict[str, MonthRows] = {}
        for month in months:
            if month in sources:
                updates: list[Sequence[Any]] = [
                    row for line in parts.month_lines(month, site.url) for row in whole_updates(line)
                ]
                replaced[month] = (month_rows(parts.content(month, 1)), updates)
            else:
                replaced[month] = None
        data = sqlite_file_updated(out.root / "data/aduan.db", replaced, small)
        if data is not None and out.guard is not None and scanned is not None and old.get("scanned") == scanned:
            checked = tuple(out.guard([("data/aduan.db", text) for text in _texts(replaced, small)]))
    if data is None:
        data = sqlite_file_bytes(rows)
    made = {"sha": hashlib.sha256(data).hexdigest(), "months": sources, "scanned": scanned}
    out.meta[DB_META] = json.dumps(made, separators=(",", ":"))
    return data, checked


def whole_files(
    out: IncrementalOutput,
    parts: Parts,
    dataset: Dataset,
    published: dict[str, Any],
    site: Site,
    in_place: bool = False,
) -> Iterator[tuple[str, bytes, tuple[str, ...] | None]]:
    """The whole-dataset files' names under /data/, their content and what the gate found in it
    when it read only a part (`_aduan_db`; None: the caller has it read), one at a time (a caller
    that hands each to the output writer before asking for the next holds one file, not five:
    at 100k reports they are some 300 MB together). Made from this build's monthly parts
    (concatenated in month order, each part's rows by tracking number, read back from where
    they were staged) and the months' whole-state files (each record's Open311 line and typed
    update rows, `parts.WHOLE_STATE`), never from a record: aduan.db is filled one month at a
    time, or (`in_place`: see IN_PLACE) only the months whose rows changed are replaced in the
    published file."""
    generated = generated_day(dataset)
    yield "reports.csv", _csv_concat(table_csv(schema.REPORTS, []), parts.contents(0)), None
    yield "reports.json", _json_concat(generated, parts.contents(1)), None
    yield "updates.csv", _csv_concat(table_csv(schema.UPDATES, []), parts.contents(2)), None
    small = summary_tables(dataset, published)
    columns = schema.UPDATES.columns

    def rows(table: schema.Table) -> Iterable[Row]:
        if table is schema.REPORTS:  # the JSON parts hold the rows with their types
            return (row for _, data in parts.contents(1) for row in month_rows(data))
        if table is schema.UPDATES:  # the months' whole-state files hold them with their types
            return (
                dict(zip(columns, row, strict=True))
                for lines in parts.whole_lines(site.url)
                for line in lines
                for row in whole_updates(line)
            )
        return small[table.name]

    yield "aduan.db", *_aduan_db(out, parts, rows, small, site, in_place)
    lines = [whole_request(line) for month in parts.whole_lines(site.url) for line in month]
    yield "open311/requests.json", open311.requests_json_of_lines(lines), None


def _csv_concat(header: bytes, parts: Iterable[tuple[str, bytes]]) -> bytes:
    """One CSV file from parts that each begin with the same header row."""
    chunks = [header]
    for path, data in parts:
        if not data.startswith(header):
            raise ValueError(f"{path} does not begin with the header of its table")
        chunks.append(data[len(header) :])
    return b"".join(chunks)


def _json_concat(generated: str | None, parts: Iterable[tuple[str, bytes]]) -> bytes:
    """reports.json from the months' JSON parts: their lines of reports, joined."""
    bodies, count = [], 0
    for path, data in parts:
        start, end = data.find(_ROWS_START), data.rfind(_ROWS_END)
        if start < 0 or end < start:
            raise ValueError(f"{path} is not a monthly part of reports.json")
        body = data[start + len(_ROWS_START) : end]
        if body:
            bodies.append(body)
            count += body.count(b"\n") + 1  # one report per line
    if not bodies:
        return reports_json([], generated)
    # reports_json's head, with the count of every part's rows.
    head = json.dumps({"generated": generated, "count": count}, ensure_ascii=False)[:-1] + ", "
    return head.encode() + _ROWS_START + b",\n".join(bodies) + _ROWS_END


_ROWS_START, _ROWS_END = b'"reports": [\n', b"\n]}\n"


def live_files(dataset: Dataset, published: dict[str, Any], site: Site, log_vkey: str) -> dict[str, bytes]:
    """The small dataset-wide files, made without a row per report."""
    generated = generated_day(dataset)
    rows = summary_tables(dataset, published)
    files = {t.path: table_csv(t, rows[t.name]) for t in SMALL_TABLES}
    files["stats.json"] = stats_json(dataset, published)
    files["datapackage.json"] = _json(datapackage(dataset, site, generated, {"vkey": log_vkey}))
    files["LICENSE.txt"] = license_text(dataset, site, generated)
    files["metadata.json"] = datasette_metadata(site, dataset.region, citation(dataset, site, generated))
    files["open311/services.json"] = open311.services_json(dataset)
    return files


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def _keep_group(out: IncrementalOutput, paths: list[str], key: str) -> bool:
    if not paths or not all(out.reusable(p, key) for p in paths):
        return False
    for path in paths:
        out.reuse(path, key)
    return True


def whole_due(
    out: IncrementalOutput,
    parts: Parts,
    old: dict[str, Any] | None,
    day: str | None,
    inputs: Inputs,
    full_publish: str | None,
) -> str | None:
    """Why the whole files must be made again in this build, or None to keep them."""
    if old is None or not all(f"data/{p}" in out.old_files and (out.root / "data" / p).is_file() for p in WHOLE_FILES):
        return "missing"
    if not out.same_render:
        return "code, theme or settings changed"
    if old.get("full_publish") != full_publish:
        return "full publish"
    if parts.diff.unknown:
        return "the state of a month was lost: what left it is unknown"
    if parts.diff.withdrawn or parts.diff.rewritten:
        return "a record was withdrawn or changed what it had published"
    if parts.diff.added:
        # The whole files hold exactly the reports the site shows; only the rows of reports
        # already in them may lag (a status change, a new update: the frequent, urgent case).
        return "a report was added"
    if not (old.get("stale") or parts.diff):
        return None
    if old.get("day") != day:
        return "first build of the day"
    try:
        age = (inputs.now() - datetime.fromisoformat(str(old.get("generated_at")))).total_seconds()
    except ValueError:
        return "unknown age"
    return "older than WHOLE_FILES_MAX_AGE" if age >= inputs.max_age else None


def full_publish_mark(publication: dict[str, Any]) -> str | None:
    """What tells one full publish from another: its time and its number (publication.json). The
    time alone repeats (two full publishes within a second, or under a fixed ADUAN_NOW), and the
    whole files were then kept from before the second one."""
    at = publication.get("full_publish")
    if at is None:
        return None
    number = publication.get("number")
    return f"{at} #{number}" if number is not None else str(at)


REQUESTS = "data/open311/requests/"


def write_request(
    out: IncrementalOutput, dataset: Dataset, record: Record, line: bytes | None, site_url: str = ""
) -> None:
    """A report's own Open311 file, kept if its record is unchanged; `line`: its line of
    requests.json when already made."""
    tracking = record["tracking"]
    path = REQUESTS + tracking + ".json"
    digest = dataset.digests[tracking]
    if not out.reuse(path, digest):
        if line is None:
            line = open311.request_line(open311.service_request(record, dataset, site_url))
        out.put(path, open311.requests_json_of_lines([line]), digest=digest)


def changed_records(out: IncrementalOutput, dataset: Dataset) -> set[str] | None:
    """The records new or changed since the last build into `out`: each one's Open311 file was
    made from its record and keyed on the record's digest, so a digest that differs from that
    key is a change. (A record that left the dataset is not among them: `Parts.plan` finds that
    out from the counts.) None when the last build's keys cannot be trusted."""
    if not out.same_render:
        return None
    old = out.old_inputs
    digests = dataset.digests
    # Carrying (output.carry): the others are as the last build left them; no row per record.
    candidates = [t for t in out.changed_records if t in digests] if out.carrying else digests
    return {t for t in candidates if old.get(REQUESTS + t + ".json") != digests[t]}


def write_open_data(out: IncrementalOutput, dataset: Dataset, published: dict[str, Any], inputs: Inputs) -> None:
    """Declare every file under /data/ to the output writer, making only what is due."""
    parts = Parts(out, dataset, inputs.site.url)
    changed = changed_records(out, dataset)
    parts.write(changed)
    build = parts.next_build()
    at = inputs.now().isoformat(timespec="seconds")
    day = generated_day(dataset)
    full_publish = full_publish_mark(dataset.publication)
    old_whole = parts.old_index.get("whole")
    why = whole_due(out, parts, old_whole if isinstance(old_whole, dict) else None, day, inputs, full_publish)

    # The data files the day's snapshot copies, when they were made again: name → where their
    # bytes are now (staged, or the site's file when it already held them), read one at a time.
    made: dict[str, Path] = {}
    records = dataset.records
    if out.carrying and changed is not None:  # the others' files are carried unnamed (output.CARRIED)
        records = [r for r in map(dataset.record, sorted(changed)) if r is not None]
    # The reports whose Open311 file this build declares → its line, if the whole files made it.
    # (Declared after the other files, as before: the build state's rows keep their order.)
    lines = parts.request_lines  # the lines the parts' whole-state files made this build
    requests: dict[str, bytes | None] = {r["tracking"]: lines.get(r["tracking"]) for r in records}
    if why is None:
        for name in WHOLE_FILES:
            out.keep(f"data/{name}")
        assert isinstance(old_whole, dict)
        whole = {**old_whole, "stale": bool(old_whole.get("stale") or parts.diff)}
    else:
        logger.info("aduan_site: whole-dataset files made again: %s", why)
        for name, content, checked in whole_files(out, parts, dataset, published, inputs.site, why in IN_PLACE):
            made[name] = out.put(f"data/{name}", content, checked=checked) or out.root / "data" / name
            del content  # before the next one is made
        same = all(out.files[f"data/{n}"] == out.old_files.get(f"data/{n}") for n in WHOLE_FILES)
        if same and isinstance(old_whole, dict):
            # Made again into the same bytes (a new theme, a full publish that changed nothing):
            # they were current all along.
            whole = {**old_whole, "day": day, "full_publish": full_publish, "stale": False}
        else:
            whole = {
                "files": list(WHOLE_FILES),
                "build": build,
                "generated_at": at,
                "day": day,
                "full_publish": full_publish,
                "stale": False,
            }

    live_paths = [f"data/{name}" for name in LIVE_FILES]
    if not _keep_group(out, live_paths, inputs.key):
        made_live = live_files(dataset, published, inputs.site, inputs.log_vkey)
        for name, content in made_live.items():
            made[name] = out.put(f"data/{name}", content, digest=inputs.key) or out.root / "data" / name
    # opendata.sha256sums's format, from the digests the writer holds: kept files are not read.
    sums = {name: out.files[f"data/{name}"] for name in (*LIVE_FILES, *WHOLE_FILES)}
    listing = "".join(f"{digest}  {path}\n" for path, digest in sorted(sums.items())).encode()
    listing_key = hashlib.sha256(listing).hexdigest()
    if not out.reuse(f"data/{SUMS}", listing_key, any_render=True):
        out.put(f"data/{SUMS}", listing, digest=listing_key)

    for record in records:
        write_request(out, dataset, record, requests.pop(record["tracking"]), inputs.site.url)

    parts.write_feed(build, at, whole_files=why is not None)
    parts.write_index(build, at, whole)
    parts.write_state()

    # The day's snapshot is a copy of the whole files and the live ones as of their making.
    current: dict[str, Path] | None = None
    if why is not None:
        current = {}
        for name in snapshots.FILES:
            if name in made:
                current[name] = made[name]
            elif (out.root / "data" / name).is_file():
                current[name] = out.root / "data" / name
    # No snapshot of an empty dataset, but a day's snapshot follows its data to the end,
    # even when the gate has just withdrawn the last record in it.
    if not dataset.records and day not in snapshots.existing(out.root):
        day = None
    snapshots.write_snapshots(out, day, current, checkpoint=inputs.checkpoint)
