"""Open data files under /data/: the tables as CSV, reports.json, stats.json, datapackage.json.

Rows are sorted and nothing depends on the clock, so the same dataset always gives the same
bytes and an incremental build rewrites a file only when data changed. Only the documented
public fields are exported (an allow-list, `schema.REPORTS`): if a record ever carried
something more, it would not travel further from here. Column order, types and descriptions
all come from `schema.py`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from . import schema
from .cleantext import clean
from .counts import Counts
from .dataset import Dataset, Record
from .statistics import stats_json_blocks

# reports.csv's columns (tests and users' scripts import this name).
CSV_COLUMNS = schema.REPORTS.columns
JSON_FIELDS = schema.REPORT_FIELDS
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
Row = dict[str, Any]


@dataclass(frozen=True)
class Site:
    """What the data package says about where the data comes from."""

    name: str  # SITENAME
    url: str  # SITEURL, "" in development

    def link(self, path: str) -> str:
        return f"{self.url}/{path}"


def public_row(record: Record, dataset: Dataset) -> Row:
    agency = dataset.agencies.get(record.get("agency") or "")
    category = dataset.categories.get(record.get("category") or "")
    row = {key: record.get(key) for key in JSON_FIELDS}
    # Short names match stats.json's by_agency names.
    row["agency_name"] = (agency.get("short_name") or agency["name"]) if agency else None
    row["category_name"] = category["name"] if category else None
    return row


def update_rows(records: list[Record]) -> list[Row]:
    """The public timelines, one row per entry, numbered from 1 within each report."""
    return [
        {
            "tracking": r["tracking"],
            "seq": seq,
            "date": e.get("date"),
            "type": e.get("type") or "status",
            "status": e.get("status"),
            "agency": e.get("agency"),
            "note": e.get("note") or None,
        }
        for r in records
        for seq, e in enumerate(r.get("timeline") or [], start=1)
    ]


def agency_rows(dataset: Dataset, counts: Counts) -> list[Row]:
    """Every agency of the region, and any other id a report or update names (so every
    reference resolves), from the dataset's kept counts."""
    published = {str(a): n for a, n in counts.agency.items() if a}
    totals = {a.get("agency"): a.get("total") for a in dataset.stats.get("by_agency", [])}
    ids = list(dataset.agencies)
    named = set(published) | {str(a) for a in counts.update_agency if a}
    named |= {str(c["agency"]) for c in dataset.categories.values() if c.get("agency")}
    ids += sorted(named - set(ids))
    return [
        {
            "id": a,
            "short_name": dataset.agencies.get(a, {}).get("short_name"),
            "name": dataset.agencies.get(a, {}).get("name"),
            "published_reports": published.get(a, 0),
            "all_reports": totals.get(a, 0),
        }  # stats.json omits agencies with no report
        for a in ids
    ]


def category_rows(dataset: Dataset, counts: Counts) -> list[Row]:
    published = {str(c): n for c, n in counts.category.items() if c}
    ids = list(dataset.categories) + sorted(set(published) - set(dataset.categories))
    rows = []
    for category_id in ids:
        spec = dataset.categories.get(category_id, {})
        rows.append(
            {
                "id": category_id,
                "name": spec.get("name"),
                "name_en": spec.get("name_en"),
                "agency": spec.get("agency"),
                "sensitive": spec.get("sensitive"),
                "published_reports": published.get(category_id, 0),
            }
        )
    return rows


def kecamatan_rows(published: dict[str, Any]) -> list[Row]:
    """Every kecamatan of the region (and any other a report names), with its counts."""
    return [
        {
            "kecamatan": row["kecamatan"],
            "published_reports": row["total"],
            "without_kelurahan": row["without_kelurahan"],
        }
        for row in published["by_kecamatan"]
    ]


# OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """One CSV cell. Text that a spreadsheet would run as a formula gets a leading single quote
    (OWASP's advice); numbers are written as they are, so -7.64 stays a number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    text = clean(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def table_csv(table: schema.Table, rows: list[Row]) -> bytes:
    buffer = io.StringIO()
    # RFC 4180: CRLF line ends, fields quoted only when needed.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in table.columns])
    return buffer.getvalue().encode("utf-8")


def reports_json(rows: list[Row], generated: str | None) -> bytes:
    # One report per line: valid JSON that still diffs and greps well.
    head = json.dumps({"generated": generated, "count": len(rows)}, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f'{head}, "reports": [\n{body}\n]}}\n'.encode()


def stats_json(dataset: Dataset, published: dict[str, Any]) -> bytes:
    """The dataset's stats.json (counts over all reports) with the published figures added."""
    data = {**dataset.stats, **stats_json_blocks(published)}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def citation(dataset: Dataset, site: Site, generated: str | None, lang: str = "en") -> str:
    region = dataset.region
    operator = region.get("operator") or site.name
    title = f"{site.name} {region.get('name', '')}".strip()
    where = site.link("data/") if site.url else "/data/"
    if lang == "id":
        return f"{operator}. {title}: data laporan publik, data per {generated or '–'}. {where} (CC BY 4.0)."
    return f"{operator}. {title}: public report data, as of {generated or '–'}. {where} (CC BY 4.0)."


def datapackage(
    dataset: Dataset, site: Site, generated: str | None, log: dict[str, str] | None = None
) -> dict[str, Any]:
    region = dataset.region
    region_id = region.get("id") or "region"
    package: dict[str, Any] = {
        # Not "tabular-data-package": reports.json and stats.json are resources too.
        "profile": "data-package",
        "name": f"aduan-{region_id}",
        "title": f"{site.name} {region.get('name', '')}: public reports".strip(),
        "title_id": f"{site.name} {region.get('name', '')}: laporan publik".strip(),
        "description": "Public complaint, aspiration and information-request reports to the city government, "
        "with their public timeline and counts. Personal data is masked; locations are generalised to the "
        "kelurahan (or kecamatan for sensitive categories); dates are days in Western Indonesian Time (WIB).",
        "version": generated or "",
        "created": f"{generated}T00:00:00+07:00" if generated else None,
        "licenses": [
            {"name": "CC-BY-4.0", "path": LICENSE_URL, "title": "Creative Commons Attribution 4.0 International"}
        ],
        "contributors": [{"title": region.get("operator") or site.name, "role": "publisher"}],
        "citation": citation(dataset, site, generated),
        "citation_id": citation(dataset, site, generated, "id"),
        "resources": [t.resource() for t in schema.TABLES]
        + [
            {
                "name": "reports-json",
                "path": "reports.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "The rows of reports.csv as JSON: generated, count, reports.",
            },
            {
                "name": "stats",
                "path": "stats.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "Counts over all reports (total, by_status, by_agency, by_kind) "
                "and the same figures over published reports (published_by_*).",
            },
        ],
    }
    if log and log.get("vkey"):
        # The public history of every row is in the transparency log (docs/transparency-log.md).
        package["transparency_log"] = {
            "vkey": log["vkey"],
            "checkpoint": site.link("log/checkpoint"),
            "about": site.link("transparansi/"),
        }
    if site.url:
        package["homepage"] = site.link("data-terbuka/")
    if package["created"] is None:
        del package["created"]
    return package


def license_text(dataset: Dataset, site: Site, generated: str | None) -> bytes:
    return (
        f"{citation(dataset, site, generated)}\n\n"
        "This data is licensed under the Creative Commons Attribution 4.0 International licence (CC BY 4.0):\n"
        f"{LICENSE_URL}legalcode\n\n"
        "You may copy, redistribute, adapt and build upon it for any purpose, also commercially, provided\n"
        "you give appropriate credit (cite as above), link to the licence and say if you changed it.\n\n"
        "Data ini berlisensi Creative Commons Atribusi 4.0 Internasional (CC BY 4.0):\n"
        f"{LICENSE_URL}deed.id\n"
        f"Kutip sebagai: {citation(dataset, site, generated, 'id')}\n"
    ).encode()


def sha256sums(files: dict[str, bytes]) -> bytes:
    """`sha256sum -c` format, two spaces between digest and path, sorted by path."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items())).encode()


def generated_day(dataset: Dataset) -> str | None:
    return dataset.stats.get("generated") or max((r["updated"] for r in dataset.records), default=None)


def summary_tables(dataset: Dataset, published: dict[str, Any]) -> dict[str, list[Row]]:
    """The rows of the small tables (agencies, categories, the area statistics) without making
    a row per report or per update: what every build publishes live."""
    counts = dataset.counts if dataset.counts is not None else Counts.of(dataset.records)
    return {
        schema.AGENCIES.name: agency_rows(dataset, counts),
        schema.CATEGORIES.name: category_rows(dataset, counts),
        schema.KECAMATAN.name: kecamatan_rows(published),
        schema.KELURAHAN.name: published["by_kelurahan"],
        schema.AREA_CATEGORY_MONTH.name: published["kecamatan_category_month"],
    }
