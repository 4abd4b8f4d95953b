"""Open data journalists can trust: real builds, files read back, every figure recomputed.

The main site here is the demo city (400 reports) imported into a real store, published and
built by `aduan build`'s code path; the open data is checked against its own reports.csv.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import frictionless
import pytest
from aduan_site import schema, snapshots
from aduan_site.build import build
from aduan_site.labels import STATUSES
from aduan_site.pages import DATASET_FILES
from site_fixtures import load_region, make_record, make_records, make_stats, write_public_dataset


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def counts(values: Any) -> dict[Any, int]:
    return dict(Counter(values))


class Tables(HTMLParser):
    """The tables of a page, by id: [(row key or header text, [cell texts])]."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[tuple[str, list[str]]]] = {}
        self.current: str | None = None
        self.row: list[str] | None = None
        self.key = ""
        self.cell: list[str] | None = None
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table" and a.get("id"):
            self.current = a["id"]
            self.tables[self.current] = []
        elif tag == "tr" and self.current:
            self.row, self.key = [], a.get("data-key") or ""
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.current:
            self.tables[self.current].append((self.key, self.row))
            self.row = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def number(text: str) -> int:
    """A count as printed on an Indonesian or English page: 1.234 / 1,234."""
    return int(re.sub(r"[.,]", "", text))


def keyed(table: list[tuple[str, list[str]]]) -> dict[str, int]:
    """Rows with a data-key → the count in their first number column."""
    return {key: number(cells[1]) for key, cells in table if key or cells[0] and cells[1][:1].isdigit()}


# -- one source of truth --------------------------------------------------------------------


def test_every_published_figure_agrees_with_reports_csv(demo: Path) -> None:
    reports = rows(demo / "data/reports.csv")
    stats = json.loads((demo / "data/stats.json").read_text())
    assert len(reports) == stats["published"] > 300  # a realistic site: most of 400 demo reports
    by_status = {s: 0 for s in STATUSES} | counts(r["status"] for r in reports)
    by_agency = counts(r["agency"] or None for r in reports)
    by_category = counts(r["category"] or None for r in reports)
    by_kecamatan = counts(r["kecamatan"] for r in reports)
    by_month = counts(r["submitted"][:7] for r in reports)
    by_kind = counts(r["kind"] for r in reports)

    # stats.json: the published figures, and how they sit within the counts of all reports.
    assert stats["published_by_status"] == by_status
    assert {k: v for k, v in stats["published_by_kind"].items() if v} == by_kind
    assert {a["agency"]: a["total"] for a in stats["published_by_agency"] if a["total"]} == by_agency
    assert {c["category"]: c["total"] for c in stats["published_by_category"] if c["total"]} == by_category
    assert {k["kecamatan"]: k["total"] for k in stats["published_by_kecamatan"] if k["total"]} == by_kecamatan
    assert {m["month"]: m["total"] for m in stats["published_by_month"] if m["total"]} == by_month
    for row in stats["published_by_agency"]:
        assert row["share"] == round(row["total"] / len(reports), 4)
    for status, n in by_status.items():
        assert n <= stats["by_status"][status]
    totals = {a["agency"]: a["total"] for a in stats["by_agency"]}
    for agency, n in by_agency.items():
        assert n <= totals[agency]
    assert stats["total"] >= stats["published"] + stats["confidential"]

    # The statistics pages, both languages: the printed numbers.
    for page in ("statistik/index.html", "en/statistik/index.html"):
        tables = Tables((demo / page).read_text()).tables
        assert keyed(tables["table-status"]) == by_status, page
        assert {k: v for k, v in keyed(tables["table-agency"]).items() if v} == {
            a or "": n for a, n in by_agency.items()
        }, page
        assert {k: v for k, v in keyed(tables["table-category"]).items() if v} == {
            c or "": n for c, n in by_category.items()
        }, page
        assert {k: v for k, v in keyed(tables["table-kecamatan"]).items() if v} == by_kecamatan, page
        assert {k: v for k, v in keyed(tables["table-month"]).items() if v} == by_month, page
        printed_all = {cells[0]: number(cells[1]) for _, cells in tables["table-all-status"][1:]}
        assert sorted(printed_all.values()) == sorted(stats["by_status"].values()), page
        html = (demo / page).read_text()
        assert re.search(rf'id="total-published">{stats["published"]}<', html), page

    # Open311: one request per report, the same statuses.
    requests = json.loads((demo / "data/open311/requests.json").read_text())
    assert [r["service_request_id"] for r in requests] == [r["tracking"] for r in reports]
    closed = by_status["resolved"] + by_status["rejected"]
    assert counts(r["status"] for r in requests) == {"closed": closed, "open": len(reports) - closed}
    assert counts(r["service_code"] for r in requests) == {c or "tanpa-kategori": n for c, n in by_category.items()}

    # SQLite: the same counts from SQL.
    db = sqlite3.connect(demo / "data/aduan.db")
    try:
        assert dict(db.execute("SELECT status, COUNT(*) FROM reports GROUP BY status").fetchall()) == {
            s: n for s, n in by_status.items() if n
        }
        assert dict(db.execute("SELECT agency, COUNT(*) FROM reports GROUP BY agency").fetchall()) == by_agency
        assert dict(db.execute("SELECT kecamatan, COUNT(*) FROM reports GROUP BY kecamatan").fetchall()) == by_kecamatan
        assert dict(db.execute("SELECT month, reports FROM monthly_counts").fetchall()) == by_month
        summary = {a: n for a, n in db.execute("SELECT agency, published_reports FROM agency_summary") if n}
        assert summary == {a: n for a, n in by_agency.items() if a}
    finally:
        db.close()

    # The small tables say the same.
    assert {
        r["id"]: int(r["published_reports"]) for r in rows(demo / "data/agencies.csv") if r["published_reports"] != "0"
    } == {a: n for a, n in by_agency.items() if a}
    assert {
        r["kecamatan"]: int(r["published_reports"])
        for r in rows(demo / "data/statistics/kecamatan.csv")
        if r["published_reports"] != "0"
    } == by_kecamatan


def test_updates_csv_is_every_public_timeline(demo: Path) -> None:
    updates = rows(demo / "data/updates.csv")
    tracking = {r["tracking"] for r in rows(demo / "data/reports.csv")}
    assert {u["tracking"] for u in updates} == tracking
    seqs: dict[str, list[int]] = {}
    for u in updates:
        seqs.setdefault(u["tracking"], []).append(int(u["seq"]))
    assert all(s == list(range(1, len(s) + 1)) for s in seqs.values())
    # Each report's last status entry is its current status.
    last = {}
    for u in updates:
        if u["type"] == "status":
            last[u["tracking"]] = u["status"]
    assert last == {r["tracking"]: r["status"] for r in rows(demo / "data/reports.csv")}


# -- the data package -------------------------------------------------------------------------


def test_data_package_validates_and_describes_every_file(demo: Path) -> None:
    report = frictionless.validate(str(demo / "data/datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "message"])[:5]
    package = json.loads((demo / "data/datapackage.json").read_text())
    resources = {r["name"]: r for r in package["resources"]}
    for table in schema.TABLES:
        resource = resources[table.name]
        assert resource["path"] == table.path and (demo / "data" / table.path).is_file()
        assert [f["name"] for f in resource["schema"]["fields"]] == list(table.columns)
        assert all(f["description"] and f["description_id"] for f in resource["schema"]["fields"])
        header = (demo / "data" / table.path).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(table.columns)
    reports = {f["name"]: f for f in resources["reports"]["schema"]["fields"]}
    assert reports["status"]["constraints"]["enum"] == list(STATUSES)
    assert reports["kind"]["constraints"]["enum"] == ["complaint", "aspiration", "information_request", "appreciation"]
    assert "spam" in reports["rejection_reason"]["constraints"]["enum"]
    assert resources["reports"]["schema"]["primaryKey"] == ["tracking"]
    fks = {(tuple(fk["fields"]), fk["reference"]["resource"]) for fk in resources["reports"]["schema"]["foreignKeys"]}
    assert (("agency",), "agencies") in fks
    assert resources["updates"]["schema"]["primaryKey"] == ["tracking", "seq"]
    assert {
        (tuple(fk["fields"]), fk["reference"]["resource"]) for fk in resources["updates"]["schema"]["foreignKeys"]
    } >= {(("tracking",), "reports")}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "CC BY 4.0" in package["citation"] and "Kota Pasuruan" in package["citation"]
    assert json.loads((demo / "data/reports.json").read_text())["reports"][0].keys() == set(schema.REPORT_FIELDS)


def test_a_broken_reference_fails_validation(tmp_path: Path) -> None:
    """The foreign keys are real: a report naming an agency nobody lists does not validate."""
    root = tmp_path
    records = make_records(12)
    write_public_dataset(root / "var/public", records)
    build(root / "output", data_dir=root / "var")
    data = root / "output/data"
    assert frictionless.validate(str(data / "datapackage.json")).valid
    agencies = data / "agencies.csv"
    lines = agencies.read_text().splitlines(keepends=True)
    agencies.write_text("".join(line for line in lines if not line.startswith(records[0]["agency"] + ",")))
    report = frictionless.validate(str(data / "datapackage.json"))
    assert not report.valid and "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_sha256sums_cover_the_current_files(demo: Path) -> None:
    lines = (demo / "data/SHA256SUMS").read_text().splitlines()
    listed = {}
    for line in lines:
        digest, path = line.split("  ", 1)
        listed[path] = digest
    assert set(listed) == set(DATASET_FILES) - {"SHA256SUMS"}
    for path, digest in listed.items():
        assert hashlib.sha256((demo / "data" / path).read_bytes()).hexdigest() == digest, path


def test_licence_and_citation(demo: Path) -> None:
    licence = (demo / "data/LICENSE.txt").read_text()
    assert "CC BY 4.0" in licence and "creativecommons.org/licenses/by/4.0" in licence
    for page, cite in (
        ("data-terbuka/index.html", "data laporan publik"),
        ("en/data-terbuka/index.html", "public report data"),
    ):
        html = (demo / page).read_text()
        assert "CC BY 4.0" in html and cite in html and 'class="citation"' in html, page


def test_data_page_dictionary_is_the_schema(demo: Path) -> None:
    for page, lang in (("data-terbuka/index.html", "id"), ("en/data-terbuka/index.html", "en")):
        html = (demo / page).read_text()
        dictionary = html[html.index('id="dictionary"') :]
        for table in schema.TABLES:
            assert f'id="table-{table.name}"' in dictionary, (page, table.name)
            section = dictionary[dictionary.index(f'id="table-{table.name}"') :]
            for field in table.fields:
                assert f"<code>{field.name}</code>" in section, (page, field.name)
                description = field.id if lang == "id" else field.en
                assert description.replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;") in section, (
                    page,
                    field.name,
                )
        text = unescape(re.sub(r"<[^>]+>", "", html))  # code blocks are highlighted: markup between words
        assert "datasette aduan.db" in text and 'pd.read_csv("' in text and "SELECT" in text, page


# -- Open311 -------------------------------------------------------------------------------

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00\+07:00$")


def test_open311_files(demo: Path) -> None:
    services = json.loads((demo / "data/open311/services.json").read_text())
    region = load_region()
    assert {s["service_code"] for s in services} >= {c["id"] for c in region["categories"]}
    for service in services:
        assert set(service) == {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
        assert service["metadata"] is False and service["type"] == "realtime" and service["service_name"]
    codes = {s["service_code"] for s in services}
    requests = json.loads((demo / "data/open311/requests.json").read_text())
    georeport = {
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
        "service_code",
        "description",
        "agency_responsible",
        "service_notice",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
        "address",
        "address_id",
        "zipcode",
        "lat",
        "long",
        "media_url",
    }
    reports = {r["tracking"]: r for r in rows(demo / "data/reports.csv")}
    for request in requests:
        assert georeport <= request.keys()
        assert request["status"] in ("open", "closed") and request["service_code"] in codes
        assert DATETIME.match(request["requested_datetime"]) and DATETIME.match(request["updated_datetime"])
        report = reports[request["service_request_id"]]
        assert request["status"] == ("closed" if report["status"] in ("resolved", "rejected") else "open")
        assert request["requested_datetime"].startswith(report["submitted"])
        single = json.loads((demo / f"data/open311/requests/{request['service_request_id']}.json").read_text())
        assert single == [request]
    assert len(list((demo / "data/open311/requests").glob("*.json"))) == len(requests)


# -- SQLite ----------------------------------------------------------------------------------


def test_sqlite_is_ready_for_datasette(demo: Path) -> None:
    db = sqlite3.connect(demo / "data/aduan.db")
    try:
        names = dict(db.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())
        assert {"reports", "updates", "agencies", "categories"} <= {n for n, t in names.items() if t == "table"}
        assert {"agency_summary", "monthly_counts", "status_counts", "kecamatan_counts"} <= {
            n for n, t in names.items() if t == "view"
        }
        for table in (schema.REPORTS, schema.UPDATES, schema.AGENCIES, schema.CATEGORIES):
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table.name})")]
            assert columns == list(table.columns)
            (count,) = db.execute(f"SELECT COUNT(*) FROM {table.name}").fetchone()
            assert count == len(rows(demo / "data" / table.path)), table.name
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        word = rows(demo / "data/reports.csv")[0]["title"].split()[0]
        found = db.execute("SELECT COUNT(*) FROM reports_fts WHERE reports_fts MATCH ?", (f'"{word}"',)).fetchone()[0]
        assert found >= 1
    finally:
        db.close()
    metadata = json.loads((demo / "data/metadata.json").read_text())
    assert metadata["license"] == "CC BY 4.0"
    assert metadata["databases"]["aduan"]["tables"]["reports"]["columns"]["tracking"]


def test_same_data_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds of the same dataset into two directories: every open data file identical.
    (The same transparency log key too: datapackage.json names it.)"""
    from chalicelib.tlog.note import Signer

    monkeypatch.setenv("ADUAN_LOG_KEY", Signer.generate("kota-pasuruan.aduan.invalid/log").skey())
    records = make_records(30)
    for name in ("a", "b"):
        write_public_dataset(tmp_path / name / "var/public", records)
        build(tmp_path / name / "output", data_dir=tmp_path / name / "var")
    for path in DATASET_FILES:
        assert (tmp_path / "a/output/data" / path).read_bytes() == (tmp_path / "b/output/data" / path).read_bytes(), (
            path
        )


# -- snapshots -------------------------------------------------------------------------------


def build_day(root: Path, records: list[dict[str, Any]], day: str, **kwargs: Any) -> Any:
    write_public_dataset(root / "var/public", records, make_stats(records, generated=day))
    return build(root / "output", data_dir=root / "var", **kwargs)


def snapshot_files(root: Path) -> dict[str, bytes]:
    base = root / "output/data/snapshots"
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def test_one_snapshot_per_day_final_when_the_day_ends(tmp_path: Path) -> None:
    records = make_records(20)
    build_day(tmp_path, records, "2026-11-01")
    day1 = tmp_path / "output/data/snapshots/2026-11-01"
    first = snapshot_files(tmp_path)
    assert (day1 / "reports.csv").read_bytes() == (tmp_path / "output/data/reports.csv").read_bytes()
    assert frictionless.validate(str(day1 / "datapackage.json")).valid
    for line in (day1 / "SHA256SUMS").read_text().splitlines():
        digest, path = line.split("  ")
        assert hashlib.sha256((day1 / path).read_bytes()).hexdigest() == digest
    assert set(snapshots.FILES) | {snapshots.CHECKPOINT} == {
        line.split("  ")[1] for line in (day1 / "SHA256SUMS").read_text().splitlines()
    }

    # Later the same day: the day's snapshot follows the day's data (a record withdrawn by the
    # gate must leave it too).
    records[3]["title"] = "Judul baru di siang hari"
    result = build_day(tmp_path, records, "2026-11-01")
    assert "data/reports.csv" in result.written_files
    assert "data/snapshots/2026-11-01/reports.csv" in result.written_files
    assert b"Judul baru di siang hari" in (day1 / "reports.csv").read_bytes()
    first = snapshot_files(tmp_path)

    # The next day: a second snapshot, the first kept as it was.
    records[4]["title"] = "Judul baru esok hari"
    result = build_day(tmp_path, records, "2026-11-02")
    after = snapshot_files(tmp_path)
    assert {k: v for k, v in after.items() if k.startswith("2026-11-01/")} == {
        k: v for k, v in first.items() if k.startswith("2026-11-01/")
    }
    assert b"Judul baru esok hari" in after["2026-11-02/reports.csv"]
    index = json.loads(after["index.json"])
    assert [s["date"] for s in index["snapshots"]] == ["2026-11-01", "2026-11-02"]

    # Nothing changed: nothing written, snapshots included.
    result = build_day(tmp_path, records, "2026-11-02")
    assert result.written_files == () and result.deleted_files == ()


def test_snapshots_survive_a_lost_manifest_and_a_new_theme(tmp_path: Path) -> None:
    records = make_records(10)
    build_day(tmp_path, records, "2026-11-01")
    records[0]["title"] = "Berubah"
    build_day(tmp_path, records, "2026-11-02")
    before = snapshot_files(tmp_path)
    assert {k.split("/")[0] for k in before} == {"2026-11-01", "2026-11-02", "index.json"}

    (tmp_path / "output/.aduan-build.db").unlink()
    result = build_day(tmp_path, records, "2026-11-02")
    assert not [f for f in result.deleted_files if "snapshots" in f]
    assert snapshot_files(tmp_path) == before

    # A different API URL renders every page anew; snapshots are kept without being read again.
    result = build_day(tmp_path, records, "2026-11-02", api_url="https://api.example.go.id")
    assert snapshot_files(tmp_path) == before
    with sqlite3.connect(tmp_path / "output/.aduan-build.db") as state:
        assert state.execute("SELECT 1 FROM files WHERE path = 'data/snapshots/2026-11-01/reports.csv'").fetchone()


# -- privacy of what is exported ---------------------------------------------------------------


def test_tables_carry_only_public_fields(tmp_path: Path) -> None:
    record = make_record(1, reporter={"name": "Budi Santoso", "phone": "0812"}, secret="xyzzy")
    write_public_dataset(tmp_path / "var/public", [record])
    build(tmp_path / "output", data_dir=tmp_path / "var")
    for path in (tmp_path / "output/data").rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".json", ".db", ".txt"):
            data = path.read_bytes()
            assert b"Budi Santoso" not in data and b"xyzzy" not in data, path


def test_small_area_counts_in_files_are_suppressed(demo: Path) -> None:
    reports = rows(demo / "data/reports.csv")
    exact = counts((r["kecamatan"], r["kelurahan"]) for r in reports if r["kelurahan"])
    for row in rows(demo / "data/statistics/kelurahan.csv"):
        n = exact.get((row["kecamatan"], row["kelurahan"]), 0)
        if row["suppressed"] == "<5":
            assert row["count"] == "" and n < 5
        elif row["suppressed"] == "≥5":
            assert row["count"] == "" and n >= 5
        else:
            assert int(row["count"]) == n >= 5
    cube = counts((r["kecamatan"], r["category"], r["submitted"][:7]) for r in reports if r["category"])
    cells = rows(demo / "data/statistics/kecamatan_category_month.csv")
    # Every kecamatan × category × month of the year, zeros too (a missing row would be a published 0).
    assert len(cells) == 4 * len(load_region()["categories"]) * len({r["submitted"][:7] for r in reports})
    for row in cells:
        n = cube.get((row["kecamatan"], row["category"], row["month"]), 0)
        assert (row["count"] == "") == bool(row["suppressed"])
        if row["suppressed"] == "<5":
            assert n < 5
        elif row["count"]:
            assert int(row["count"]) == n >= 5


def test_agencies_without_reports_count_zero(tmp_path: Path) -> None:
    region = load_region()
    records = [make_record(n, region, agency="pupr", category="jalan-jembatan") for n in range(3)]
    stats = make_stats(records, region)
    stats["by_agency"] = [a for a in stats["by_agency"] if a["total"]]  # as the publisher writes it
    write_public_dataset(tmp_path / "var/public", records, stats)
    build(tmp_path / "output", data_dir=tmp_path / "var")
    stats = json.loads((tmp_path / "output/data/stats.json").read_text())
    assert [a["agency"] for a in stats["by_agency"]] == ["pupr"]  # stats.json omits the zeros
    table = {r["id"]: r["all_reports"] for r in rows(tmp_path / "output/data/agencies.csv")}
    assert table["pupr"] == "3" and table["kominfo"] == "0"
    page = (tmp_path / "output/statistik/index.html").read_text()
    assert "Diskominfotik" in page  # every agency is on the statistics page, zeros included
