"""The open data in monthly parts: one change rewrites its month's parts, parts.json agrees with
them, the changes feed names exactly what changed, and the periodic whole-dataset files agree
with the parts whenever they are made (docs/public-dataset.md). Built by `aduan build`'s code."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from chalicelib.demo import demo_lines
from chalicelib.importer import import_lines
from chalicelib.sitebuild import build
from test_gate import LEAKY, SECRETS, admin_of

# The periodic whole-dataset files.
WHOLE = ("data/reports.csv", "data/reports.json", "data/updates.csv", "data/aduan.db", "data/open311/requests.json")


def digests(output: Path) -> dict[str, str]:
    base = output / "data"
    return {
        f"data/{p.relative_to(base)}": hashlib.sha256(p.read_bytes()).hexdigest()
        for p in base.rglob("*")
        if p.is_file() and "snapshots" not in p.parts
    }


def changed_files(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def index(output: Path) -> dict:
    return json.loads((output / "data/parts.json").read_text(encoding="utf-8"))


def part_rows(output: Path, kind: str) -> list[dict[str, str]]:
    """Every row of the `kind` ("reports" or "updates") CSV parts, in index order."""
    rows = []
    for part in index(output)["parts"]:
        if part["path"].startswith(kind + "/") and part["path"].endswith(".csv"):
            rows += csv_rows((output / "data" / part["path"]).read_bytes())
    return rows


def key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted(row.items()))


def assert_index_agrees(output: Path) -> None:
    data = output / "data"
    listed = set()
    for part in index(output)["parts"]:
        raw = (data / part["path"]).read_bytes()
        listed.add(part["path"])
        assert part["bytes"] == len(raw) and part["sha256"] == hashlib.sha256(raw).hexdigest(), part
        if part["path"].endswith(".csv"):
            rows = csv_rows(raw)
            assert len(rows) == part["rows"] and {r["tracking"][:4] for r in rows} <= {"PSR-"}
        else:
            body = json.loads(raw)
            assert body["month"] == part["month"] and body["count"] == part["rows"] == len(body["reports"])
        if part["path"].startswith("reports/"):
            assert all(r["submitted"].startswith(part["month"]) for r in csv_rows(raw) if part["path"].endswith(".csv"))
    on_disk = {str(p.relative_to(data)) for d in ("reports", "updates") for p in (data / d).glob("*") if p.is_file()}
    assert on_disk == listed


def assert_whole_files_are_the_parts(output: Path) -> None:
    data = output / "data"
    for kind in ("reports", "updates"):
        whole = csv_rows((data / f"{kind}.csv").read_bytes())
        assert sorted(map(key, whole)) == sorted(map(key, part_rows(output, kind))), kind
    in_json = json.loads((data / "reports.json").read_text())["reports"]
    from_parts = [
        r
        for p in index(output)["parts"]
        if p["path"].endswith(".json")
        for r in json.loads((data / p["path"]).read_text())["reports"]
    ]
    assert sorted(json.dumps(r, sort_keys=True) for r in in_json) == sorted(
        json.dumps(r, sort_keys=True) for r in from_parts
    )


def feed(output: Path, build_number: int) -> dict:
    return json.loads((output / f"data/changes/{build_number}.json").read_text(encoding="utf-8"))


def test_one_change_rewrites_its_months_parts_and_the_feed_names_it(
    service, region, data_dir: Path, tmp_path: Path
) -> None:
    import_lines(demo_lines(region, count=80, seed=11), service.store, region)
    output = tmp_path / "output"
    build(output, search=False)
    first = index(output)
    assert len({p["month"] for p in first["parts"]}) > 3  # the demo year spans months
    assert_index_agrees(output)
    assert_whole_files_are_the_parts(output)
    assert first["whole"]["build"] == first["build"] == 1 and not first["whole"]["stale"]
    assert feed(output, 1)["reset"] is True

    published = sorted(r["tracking"] for r in part_rows(output, "reports"))
    report = service.store.get(next(t for t in published if service.store.get(t).status.value == "verified"))
    before = digests(output)
    service.act(admin_of(service), report.tracking, {"action": "progress", "note": "Tim sudah ke lokasi"})
    build(output, search=False)

    written = changed_files(before, digests(output))
    data_parts = {f for f in written if f.startswith(("data/reports/", "data/updates/"))}
    record = json.loads((data_dir / "public/reports" / f"{report.tracking}.json").read_text())
    month = record["submitted"][:7]
    assert data_parts == {f"data/reports/{month}.csv", f"data/reports/{month}.json", f"data/updates/{month}.csv"}
    assert not set(WHOLE) & written  # periodic: not made for one status change
    assert_index_agrees(output)
    now = index(output)
    assert now["build"] == 2 and now["whole"]["build"] == 1 and now["whole"]["stale"] is True
    change = feed(output, 2)
    assert (change["changed"], change["withdrawn"], change["reset"]) == ([report.tracking], [], False)
    assert change["parts"] == [f"reports/{month}.csv", f"reports/{month}.json", f"updates/{month}.csv"]
    listing = json.loads((output / "data/changes/index.json").read_text())
    assert listing["last"] == 2 and [b["build"] for b in listing["builds"]] == [1, 2]
    assert "Tim sudah ke lokasi" in (output / f"data/updates/{month}.csv").read_text()

    # Nothing pending: nothing of the open data is written, no new build in the feed.
    before = digests(output)
    build(output, search=False)
    assert changed_files(before, digests(output)) == set()

    # `aduan build --full` makes the whole files again: they equal the parts.
    build(output, full=True, search=False)
    assert "Tim sudah ke lokasi" in (output / "data/updates.csv").read_text()
    assert_whole_files_are_the_parts(output)
    assert index(output)["whole"] == {**index(output)["whole"], "build": 2, "stale": False}


def test_a_held_report_leaves_its_part_and_the_whole_files_at_once(
    service, region, data_dir: Path, tmp_path: Path
) -> None:
    import_lines(demo_lines(region, count=40, seed=5), service.store, region)
    output = tmp_path / "output"
    build(output, search=False)
    tracking = next(r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified")
    service.act(admin_of(service), tracking, {"action": "edit", "public_description": LEAKY, "force": True})
    result = build(output, search=False)
    assert result["held"] == 1

    assert tracking not in {r["tracking"] for r in part_rows(output, "reports")}
    assert tracking not in {r["tracking"] for r in part_rows(output, "updates")}
    # Withdrawn: the periodic files are made again in the same build, not at their next turn.
    assert tracking not in (output / "data/reports.csv").read_text()
    assert_whole_files_are_the_parts(output)
    change = feed(output, index(output)["build"])
    assert change["withdrawn"] == [tracking] and change["changed"] == [] and change["whole_files"] is True
    text = "".join(
        p.read_text("utf-8", "replace")
        for p in (output / "data").rglob("*")
        if p.is_file() and p.suffix in (".csv", ".json")
    )
    assert not any(secret in text for secret in SECRETS)


def test_the_whole_files_wait_their_turn() -> None:
    """The stale rule, with a clock: data changed, and older than WHOLE_FILES_MAX_AGE."""
    from aduan_site.opendata import Site
    from aduan_site.opendata_build import Inputs, whole_due
    from aduan_site.parts import Diff

    class Out:  # what whole_due reads of the output writer
        def __init__(self, root: Path) -> None:
            self.root, self.same_render = root, True
            self.old_files = {
                f"data/{n}": "x"
                for n in ("reports.csv", "reports.json", "updates.csv", "aduan.db", "open311/requests.json")
            }

    class Parts:
        def __init__(self, diff: Diff) -> None:
            self.diff = diff

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in Out(root).old_files:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text("x")
        made = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
        old = {"build": 1, "generated_at": made.isoformat(), "day": "2026-12-01", "full_publish": "f", "stale": False}

        def due(diff: Diff, minutes: float, whole: dict = old, full: str = "f", day: str = "2026-12-01") -> str | None:
            inputs = Inputs(Site("Aduan", ""), "k", "", None, 900, now=lambda: made + timedelta(minutes=minutes))
            return whole_due(Out(root), Parts(diff), whole, day, inputs, full)  # type: ignore[arg-type]

        changed = Diff(changed={"PSR-2222-2222"})
        assert due(Diff(), 60) is None  # nothing changed: never stale
        assert due(changed, 5) is None  # changed, but made 5 minutes ago
        assert due(changed, 16) is not None  # changed, 16 minutes > 15
        assert due(Diff(), 16, whole={**old, "stale": True}) is not None  # changed earlier
        assert due(changed, 5, day="2026-12-02") is not None  # the first build of a day
        assert due(Diff(), 1, full="g") is not None  # aduan build --full
        assert due(Diff(withdrawn={"PSR-2222-2222"}), 1) is not None  # withdrawn: at once
        assert due(Diff(changed={"PSR-2222-2222"}, rewritten={"PSR-2222-2222"}), 1) is not None
        assert due(Diff(unknown=True), 1) is not None  # a month's state lost
        assert due(Diff(changed={"PSR-3333-3333"}, added={"PSR-3333-3333"}), 1) is not None  # a new report


def test_a_lost_state_makes_the_whole_files_again(tmp_path: Path) -> None:
    """Without a month's state nobody knows what left it: the whole files are made again."""
    import shutil

    from aduan_site.build import build as build_site
    from site_fixtures import make_records, make_stats, write_public_dataset

    records = make_records(12)
    write_public_dataset(tmp_path / "var/public", records, make_stats(records))
    output = tmp_path / "output"
    build_site(output, data_dir=tmp_path / "var", search=False)
    gone = records.pop(4)
    assert gone["tracking"] in (output / "data/reports.csv").read_text()
    shutil.rmtree(output / ".aduan-state")
    shutil.rmtree(tmp_path / "var/public/reports")
    write_public_dataset(tmp_path / "var/public", records, make_stats(records))
    build_site(output, data_dir=tmp_path / "var", search=False)
    assert gone["tracking"] not in (output / "data/reports.csv").read_text()
    assert_index_agrees(output)
    assert_whole_files_are_the_parts(output)
    state = "".join(p.read_text() for p in (output / ".aduan-state/parts").glob("*.json"))
    # Its digests are letters: no run of digits for the gate's scan of files to trip on.
    assert state and not re.search(r"\d{5}", state)


def test_a_worker_rereads_only_the_records_the_journal_names(
    service, region, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that builds again (the worker) neither lists reports/ nor reads unchanged records."""
    from aduan_site import dataset as loader
    from chalicelib import config

    import_lines(demo_lines(region, count=30, seed=2), service.store, region)
    publisher = config.publisher()
    service.store.ack_events(publisher.publish_all().upto)  # as `aduan build` does once built
    public = data_dir / "public"
    first = loader.load_dataset(public)
    report = service.store.get(first.records[0]["tracking"])
    admin = admin_of(service)
    service.act(admin, report.tracking, {"action": "progress", "note": "Sudah dicek"})
    publisher.publish_pending()

    reads: list[str] = []
    read_bytes = Path.read_bytes
    iterdir = Path.iterdir
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or read_bytes(self))

    def no_listing(self: Path):  # type: ignore[no-untyped-def]
        assert self.name != "reports", "reports/ listed"
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", no_listing)
    second = loader.load_dataset(public)
    assert [n for n in reads if n.startswith("PSR-")] == [f"{report.tracking}.json"]
    monkeypatch.undo()
    loader._SEEN.clear()
    fresh = loader.load_dataset(public)
    assert second.records == fresh.records and second.digests == fresh.digests
    assert second.digests != first.digests and "Sudah dicek" in json.dumps(second.records)

    # A full publish in between: everything is read again.
    publisher.publish_all()
    reads.clear()
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or read_bytes(self))
    third = loader.load_dataset(public)
    assert len([n for n in reads if n.startswith("PSR-")]) == len(third.records) == len(fresh.records)


def test_a_new_process_rereads_only_the_records_the_journal_names(
    service, region, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`aduan build` from the command line is a new process each time: it starts from the
    records the last build read (kept beside the dataset), lists nothing and reads what changed."""
    import shutil

    from aduan_site import dataset as loader
    from aduan_site import dataset_cache
    from chalicelib import config

    import_lines(demo_lines(region, count=30, seed=3), service.store, region)
    publisher = config.publisher()
    service.store.ack_events(publisher.publish_all().upto)
    public = data_dir / "public"
    loader._SEEN.clear()
    first = loader.load_dataset(public)
    assert dataset_cache.cache_path(public.resolve()).is_file()
    report = service.store.get(next(r["tracking"] for r in first.records if r["status"] == "verified"))
    service.act(admin_of(service), report.tracking, {"action": "progress", "note": "Dicek dari proses baru"})
    publisher.publish_pending()

    def read_in_a_new_process() -> tuple[list[str], object]:
        loader._SEEN.clear()  # what a new process starts with
        reads: list[str] = []
        read_bytes, iterdir = Path.read_bytes, Path.iterdir

        def no_listing(self: Path):  # type: ignore[no-untyped-def]
            reads.append("LISTED " + self.name)
            return iterdir(self)

        monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or read_bytes(self))
        monkeypatch.setattr(Path, "iterdir", no_listing)
        try:
            return reads, loader.load_dataset(public)
        finally:
            monkeypatch.undo()

    reads, second = read_in_a_new_process()
    assert [n for n in reads if n.startswith(("PSR-", "LISTED"))] == [f"{report.tracking}.json"]
    assert "Dicek dari proses baru" in json.dumps(second.records)
    # The statistics' counts moved with the one record: equal to counting every record again.
    from aduan_site.counts import Counts
    from aduan_site.statistics import published_statistics

    assert second.counts is not None and second.counts == Counts.of(second.records)
    assert second.counts.status != Counts.of(first.records).status
    second_figures = published_statistics(second)
    second.counts = None  # counted here from every record
    assert published_statistics(second) == second_figures
    reads, third = read_in_a_new_process()  # nothing changed since: nothing read
    assert not [n for n in reads if n.startswith(("PSR-", "LISTED"))]
    assert third.records == second.records and third.digests == second.digests

    # The same directory made again from scratch (a new journal from 1): the cache is not
    # trusted, every record is read, and what is read is what is there.
    cached_seq = publisher.journal.last()["seq"]
    shutil.rmtree(public)
    while publisher.journal.last()["seq"] < cached_seq:  # the new journal reaches the cached entry
        publisher.publish_all()
    reads, fourth = read_in_a_new_process()
    assert "LISTED reports" in reads and len([n for n in reads if n.startswith("PSR-")]) == len(fourth.records)
    loader._SEEN.clear()
    dataset_cache.forget(public.resolve())
    assert loader.load_dataset(public).records == fourth.records


def test_whole_files_are_made_from_the_parts_not_from_a_row_per_record(
    service, region, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the whole files are due and no record changed (here `aduan build --full`), they are
    the kept parts joined: no report row is made again, and they are byte for byte the parts."""
    import sqlite3

    from aduan_site import opendata, parts

    import_lines(demo_lines(region, count=60, seed=5), service.store, region)
    output = tmp_path / "output"
    build(output, search=False)
    rows_made: list[str] = []
    public_row = opendata.public_row

    def counted(record, dataset):  # type: ignore[no-untyped-def]
        rows_made.append(record["tracking"])
        return public_row(record, dataset)

    monkeypatch.setattr(parts, "public_row", counted)
    monkeypatch.setattr(opendata, "public_row", counted)
    before = index(output)
    # A later full publish, within the same second or not (its number tells it apart:
    # test_full_publish.py), makes the whole files again.
    build(output, full=True, search=False)
    after = index(output)
    assert after["whole"]["full_publish"] != before["whole"]["full_publish"]  # made again
    assert rows_made == []
    data = output / "data"
    months = [p["path"] for p in after["parts"]]
    for whole, suffix, folder in (("reports.csv", ".csv", "reports/"), ("updates.csv", ".csv", "updates/")):
        chunks = [(data / p).read_bytes() for p in months if p.startswith(folder) and p.endswith(suffix)]
        header = chunks[0].split(b"\r\n", 1)[0] + b"\r\n"
        assert (data / whole).read_bytes() == header + b"".join(c[len(header) :] for c in chunks)
    in_json = json.loads((data / "reports.json").read_text())
    from_parts = [r for p in months if p.endswith(".json") for r in json.loads((data / p).read_text())["reports"]]
    assert in_json["reports"] == from_parts and in_json["count"] == len(from_parts) > 0
    with sqlite3.connect(data / "aduan.db") as db:
        trackings = [t for (t,) in db.execute("SELECT tracking FROM reports ORDER BY rowid")]
        assert trackings == [r["tracking"] for r in from_parts]
        assert db.execute("SELECT COUNT(*) FROM updates").fetchone()[0] == len(
            csv_rows((data / "updates.csv").read_bytes())
        )
    assert_whole_files_are_the_parts(output)


def _lines_in_months(region, months: int, per_month: int, seed: int) -> list[str]:
    """Demo reports, `per_month` submitted in each of `months` months from January 2025: a
    larger dataset spans more months, each month as full as before (as a year of a real
    deployment goes on)."""
    shifted = []
    for n, line in enumerate(demo_lines(region, count=months * per_month, seed=seed)):
        report = json.loads(line)
        submitted = datetime.fromisoformat(report["submitted_at"])
        month = n // per_month
        target = submitted.replace(year=2025, month=month + 1, day=min(submitted.day, 28))
        shift = target - submitted
        report["submitted_at"] = target.isoformat()
        for step in report.get("history") or []:
            step["at"] = (datetime.fromisoformat(step["at"]) + shift).isoformat()
        shifted.append(json.dumps(report, ensure_ascii=False))
    return shifted


def _site_with_one_change(region, root: Path, months: int, seed: int, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Import `months` months of reports into a data directory under `root`, build the site and
    move one verified report on a step (not built yet): the store, the public dataset's
    directory, the output and the report's tracking number."""
    from chalicelib import config
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    monkeypatch.setenv("ADUAN_DATA", str(root / "data"))
    public = root / "data" / "public"
    store = config.store()
    service = Aduan(store, region, published=lambda t: read_record(public, t), held=config.gate_index().held)
    import_lines(_lines_in_months(region, months, 8, seed=seed), store, region)
    output = root / "output"
    build(output, search=False)
    tracking = next(r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified")
    service.act(admin_of(service), tracking, {"action": "progress", "note": "Tim sudah ke lokasi"})
    return store, public, output, tracking


def _one_change_costs(region, root: Path, months: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Build a site of `months` months of reports, make one status change and build again (a
    quick build, as the worker's first): what that second build read and wrote."""
    from aduan_site import parts as parts_module
    from chalicelib.tally import Tally

    store, public, output, tracking = _site_with_one_change(region, root, months, 5, monkeypatch)
    report = store.get(tracking)
    month = json.loads((public / "reports" / f"{tracking}.json").read_text())["submitted"][:7]

    before = digests(output)
    store_reads: list[str] = []
    store_class = type(store)
    get, find_all = store_class.get, store_class.all
    monkeypatch.setattr(store_class, "get", lambda self, t: store_reads.append(t) or get(self, t))
    monkeypatch.setattr(store_class, "all", lambda self: store_reads.append("ALL") or find_all(self))

    def no_pass_over_the_tally(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the publish went through one tally row per report")

    monkeypatch.setattr(Tally, "served", no_pass_over_the_tally)
    record_reads: list[str] = []
    read_bytes = Path.read_bytes
    reports_dir = public / "reports"
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda self: (self.parent == reports_dir and record_reads.append(self.name)) or read_bytes(self),
    )
    made: list[object] = []
    write = parts_module.Parts.write

    def counted_write(self, changed=None):  # type: ignore[no-untyped-def]
        made.append(self)
        return write(self, changed)

    monkeypatch.setattr(parts_module.Parts, "write", counted_write)
    build(output, search=False)
    monkeypatch.undo()
    monkeypatch.setenv("ADUAN_DATA", str(root / "data"))
    written = changed_files(before, digests(output))
    after = digests(output)
    data = output
    parts = made[0]
    # The month's parts, made from the last build's rows and one new record's, are byte for
    # byte the parts made from scratch.
    records = [r for r in parts.dataset.records if parts_module.month_of(r) == month]  # type: ignore[attr-defined]
    made = {path: ((output / path).read_bytes(), rows) for path, (_, _, rows) in parts.made.items()}  # type: ignore[attr-defined]
    assert made == parts_module.part_files(month, records, parts.dataset)  # type: ignore[attr-defined]
    rows_of_month = next(p["rows"] for p in index(output)["parts"] if p["path"] == f"reports/{month}.json")
    store.close()
    return {
        "store_reads": len(store_reads),
        "record_files_read": record_reads,
        "months_made": parts.diff.months,  # type: ignore[attr-defined]
        "looked_at": parts.looked_at,  # type: ignore[attr-defined]
        "rows_made": parts.rows_made,  # type: ignore[attr-defined]
        "rows_of_month": rows_of_month,
        "parts_written": sorted(f for f in written if f.startswith(("data/reports/", "data/updates/"))),
        "data_files_written": len(written),
        "data_bytes_written": sum((data / f).stat().st_size for f in written if f in after),
        "month": month,
        "tracking": report.tracking,
        "reports": len(part_rows(output, "reports")),
    }


def test_one_change_costs_the_same_whatever_the_size_of_the_dataset(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One status change, built at N reports and at 3N (three times the months, each as full):
    the publisher reads the same few reports from the store and no row per report from the
    tally, the site rereads one record, makes rows for the changed month only and writes the
    same files; the bytes it writes do not grow with the dataset (only parts.json's list of
    parts does, by a line per month)."""
    small = _one_change_costs(region, tmp_path / "n", 2, monkeypatch)
    large = _one_change_costs(region, tmp_path / "3n", 6, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"]  # type: ignore[operator]
    for costs in (small, large):
        assert costs["months_made"] == [costs["month"]]
        # Only the changed month's records were looked at, and rows made for the changed one.
        assert costs["looked_at"] == costs["rows_of_month"]
        assert costs["rows_made"] == 1
        assert costs["parts_written"] == [
            f"data/reports/{costs['month']}.csv",
            f"data/reports/{costs['month']}.json",
            f"data/updates/{costs['month']}.csv",
        ]
        # The changed record only: the publisher compares before it writes, the site reads it.
        assert set(costs["record_files_read"]) == {f"{costs['tracking']}.json"}  # type: ignore[arg-type]
        assert len(costs["record_files_read"]) <= 2  # type: ignore[arg-type]
    assert large["store_reads"] == small["store_reads"] <= 3
    assert large["data_files_written"] == small["data_files_written"]
    assert large["looked_at"] <= 8 and small["looked_at"] <= 8  # a month of 8 demo reports
    assert large["data_bytes_written"] <= small["data_bytes_written"] * 1.25 + 4096, (small, large)
