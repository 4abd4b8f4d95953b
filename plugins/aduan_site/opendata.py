"""Open data files under /data/: reports.csv, reports.json and stats.json.

Rows are sorted by tracking number and nothing depends on the clock, so the same dataset
always gives the same bytes and an incremental build rewrites a file only when data changed.
Only the documented public fields are exported (an allow-list): if a record ever carried
something more, it would not travel further from here.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .dataset import Dataset, Record

CSV_COLUMNS = (
    "tracking",
    "kind",
    "title",
    "description",
    "agency",
    "agency_name",
    "category",
    "category_name",
    "status",
    "rejection_reason",
    "forwarded_to",
    "duplicate_of",
    "kecamatan",
    "kelurahan",
    "channel",
    "submitted",
    "verified",
    "first_response",
    "resolved",
    "response_workdays",
    "resolution_workdays",
    "updated",
)
# reports.json also has the generalized coordinates (centre of the kelurahan or kecamatan).
JSON_FIELDS = CSV_COLUMNS[:14] + ("lat", "lon") + CSV_COLUMNS[14:]


def public_row(record: Record, dataset: Dataset) -> dict[str, Any]:
    agency = dataset.agencies.get(record.get("agency") or "")
    category = dataset.categories.get(record.get("category") or "")
    row = {key: record.get(key) for key in JSON_FIELDS}
    # Short names match stats.json's by_agency names.
    row["agency_name"] = (agency.get("short_name") or agency["name"]) if agency else None
    row["category_name"] = category["name"] if category else None
    return row


def reports_csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    # RFC 4180: CRLF line ends, fields quoted only when needed.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    return buffer.getvalue().encode("utf-8")


def reports_json(rows: list[dict[str, Any]], generated: str | None) -> bytes:
    # One report per line: valid JSON that still diffs and greps well.
    head = json.dumps({"generated": generated, "count": len(rows)}, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f'{head}, "reports": [\n{body}\n]}}\n'.encode()


def open_data_files(dataset: Dataset) -> dict[str, bytes]:
    """File name under /data/ → content."""
    rows = [public_row(r, dataset) for r in dataset.records]  # records are sorted by tracking
    generated = dataset.stats.get("generated") or max((r["updated"] for r in dataset.records), default=None)
    files = {"reports.csv": reports_csv(rows), "reports.json": reports_json(rows, generated)}
    if dataset.stats_bytes is not None:
        files["stats.json"] = dataset.stats_bytes
    return files
