"""aduan.db: the open data tables in one SQLite file, ready for Datasette.

`datasette aduan.db -m metadata.json` gives a browsable, queryable copy of the data with
full-text search over the reports, links along the foreign keys and column descriptions.
The file is built in a temporary directory with the standard library and handed to the
output writer as bytes, so the publication gate reads it like every other file.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import schema
from .opendata import LICENSE_URL, Row, Site

# Useful questions, answered once: Datasette lists views next to the tables.
VIEWS = {
    "agency_summary": """
        SELECT a.id AS agency, a.short_name, a.published_reports, a.all_reports,
          COALESCE(SUM(r.status = 'verified'), 0) AS verified,
          COALESCE(SUM(r.status = 'in_progress'), 0) AS in_progress,
          COALESCE(SUM(r.status = 'resolved'), 0) AS resolved,
          COALESCE(SUM(r.status = 'rejected'), 0) AS rejected,
          ROUND(AVG(r.response_workdays), 1) AS mean_response_workdays,
          ROUND(AVG(r.resolution_workdays), 1) AS mean_resolution_workdays
        FROM agencies a LEFT JOIN reports r ON r.agency = a.id
        GROUP BY a.id ORDER BY a.published_reports DESC, a.id""",
    "monthly_counts": """
        SELECT substr(submitted, 1, 7) AS month, COUNT(*) AS reports,
          SUM(status = 'resolved') AS resolved, SUM(status = 'rejected') AS rejected
        FROM reports GROUP BY month ORDER BY month""",
    "status_counts": """
        SELECT status, COUNT(*) AS reports FROM reports GROUP BY status ORDER BY reports DESC, status""",
    "kecamatan_counts": """
        SELECT kecamatan, COUNT(*) AS reports, SUM(kelurahan IS NULL) AS without_kelurahan
        FROM reports GROUP BY kecamatan ORDER BY kecamatan""",
}


def _fill(conn: sqlite3.Connection, table: schema.Table, rows: Iterable[Row]) -> None:
    conn.execute(table.create_sql())
    names = table.columns
    columns = ", ".join(f'"{c}"' for c in names)
    marks = ", ".join("?" for _ in names)
    # The values as they are: sqlite3 binds a bool as the integer 0 or 1 (bool is an int).
    conn.executemany(
        f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})',  # noqa: S608 - names from schema.py
        (tuple(map(row.get, names)) for row in rows),
    )


def sqlite_file_bytes(rows: Callable[[schema.Table], Iterable[Row]]) -> bytes:
    """The database file's bytes from each table's rows, read as they come (a month of rows at
    a time from the parts, not every row at once)."""
    with tempfile.TemporaryDirectory(prefix="aduan-db-") as tmp:
        path = Path(tmp) / "aduan.db"
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            # A scratch file, read back at once: no fsync at each commit and at VACUUM (the
            # bytes are the same). It was about 0.6 s of waiting at 20k reports.
            conn.execute("PRAGMA synchronous = OFF")
            with conn:
                # Referenced tables first, so the file reads top-down.
                for table in (schema.AGENCIES, schema.CATEGORIES, schema.REPORTS, schema.UPDATES):
                    _fill(conn, table, rows(table))
                conn.execute("CREATE INDEX reports_agency ON reports (agency)")
                conn.execute("CREATE INDEX reports_status ON reports (status)")
                conn.execute("CREATE INDEX reports_submitted ON reports (submitted)")
                conn.execute("CREATE INDEX updates_date ON updates (date)")
                # Datasette finds this table and offers a search box on `reports`.
                conn.execute(
                    "CREATE VIRTUAL TABLE reports_fts USING fts5(title, description, "
                    "content='reports', content_rowid='rowid')"
                )
                conn.execute(
                    "INSERT INTO reports_fts (rowid, title, description) SELECT rowid, title, description FROM reports"
                )
                for name, sql in VIEWS.items():
                    conn.execute(f"CREATE VIEW {name} AS {sql.strip()}")
            conn.execute("VACUUM")
        finally:
            conn.close()
        return path.read_bytes()


def datasette_metadata(site: Site, region: dict[str, Any], citation: str) -> bytes:
    """metadata.json for `datasette aduan.db -m metadata.json`: licence, source, descriptions."""
    tables: dict[str, Any] = {}
    for table in (schema.REPORTS, schema.UPDATES, schema.AGENCIES, schema.CATEGORIES):
        tables[table.name] = {"description": table.en, "columns": {f.name: f.en for f in table.fields}}
    tables["reports"]["fts_table"] = "reports_fts"
    tables["reports"]["fts_pk"] = "rowid"
    metadata = {
        "title": f"{site.name} {region.get('name', '')}: public reports".strip(),
        "description": citation,
        "license": "CC BY 4.0",
        "license_url": LICENSE_URL,
        "source": region.get("operator") or site.name,
        "source_url": site.link("data-terbuka/") if site.url else None,
        "databases": {"aduan": {"tables": tables}},
    }
    return (
        json.dumps({k: v for k, v in metadata.items() if v is not None}, ensure_ascii=False, indent=1) + "\n"
    ).encode()
