"""aduan.db: the open data tables in one SQLite file, ready for Datasette.

`datasette aduan.db -m metadata.json` gives a browsable, queryable copy of the data with
full-text search over the reports, links along the foreign keys and column descriptions.
The file is built in a temporary directory with the standard library and handed to the
output writer as bytes, so the publication gate reads it like every other file: made from
scratch (`sqlite_file_bytes`), or, when only some months' rows changed since the file was last
made, the published file with those months' rows replaced (`sqlite_file_updated`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    _insert(conn, table, rows)


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


# A month's rows for `sqlite_file_updated`: its reports' rows and its update rows (values in
# schema.UPDATES' columns), or None when the month has no report any more.
MonthRows = tuple[list[Row], list[Sequence[Any]]] | None
_OF_MONTH = "substr(submitted, 1, 7) = ?"


def _upsert(table: schema.Table) -> str:
    """INSERT of a row that updates the row of the same key in place (its rowid, and so its place
    in the table's order, kept), or adds it after the others."""
    names = table.columns
    columns = ", ".join(f'"{c}"' for c in names)
    marks = ", ".join("?" for _ in names)
    key = ", ".join(f'"{c}"' for c in table.primary_key)
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in names if c not in table.primary_key)
    return f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks}) ON CONFLICT ({key}) DO UPDATE SET {sets}'  # noqa: S608


def sqlite_file_updated(
    published: Path, months: Mapping[str, MonthRows], small: Mapping[str, Iterable[Row]]
) -> bytes | None:
    """The bytes of the published aduan.db with the rows of each month in `months` (the month
    of a report's `submitted` day) replaced, its full-text entries with them, and the small
    tables (agencies, categories) filled again; None when the file is not as expected (a report
    in another month than `months` says): the caller then makes it from scratch.

    A report or update row that is still there is updated in place, so it keeps its rowid and
    its place; one new since comes after the others (a file made from scratch orders every row
    by month). Rows taken away are overwritten with zeros (`secure_delete`) and their words leave the
    full-text index (its segments merged), and the file is not vacuumed: it holds the same rows and answers every query as a file made from scratch does
    (tests/test_change14_whole_db.py), in other bytes."""
    with tempfile.TemporaryDirectory(prefix="aduan-db-") as tmp:
        path = Path(tmp) / "aduan.db"
        shutil.copyfile(published, path)
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")  # a scratch file, read back at once
            conn.execute("PRAGMA secure_delete = ON")  # no taken-back byte left in a free page
            where = dict(conn.execute("SELECT tracking, substr(submitted, 1, 7) FROM reports"))
            for month, rows in months.items():
                if any(where.get(row["tracking"], month) != month for row in (rows[0] if rows else [])):
                    return None
            with conn:
                for table in (schema.AGENCIES, schema.CATEGORIES):
                    conn.execute(f'DELETE FROM "{table.name}"')  # noqa: S608 - names from schema.py
                    _insert(conn, table, small[table.name])
                for month, rows in sorted(months.items()):
                    _replace_month(conn, month, rows)
                if months:
                    # The index's segments merged into one: the entries of the rows taken away
                    # (their words) leave it, not only their deletion marks (about 0.02 s at 20k).
                    conn.execute("INSERT INTO reports_fts (reports_fts) VALUES ('optimize')")
        finally:
            conn.close()
        return path.read_bytes()


def _insert(conn: sqlite3.Connection, table: schema.Table, rows: Iterable[Row]) -> None:
    names = table.columns
    columns = ", ".join(f'"{c}"' for c in names)
    marks = ", ".join("?" for _ in names)
    # The values as they are: sqlite3 binds a bool as the integer 0 or 1 (bool is an int).
    conn.executemany(
        f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})',  # noqa: S608 - names from schema.py
        (tuple(map(row.get, names)) for row in rows),
    )


def _replace_month(conn: sqlite3.Connection, month: str, rows: MonthRows) -> None:
    reports, updates = rows if rows is not None else ([], [])
    old = [t for (t,) in conn.execute(f"SELECT tracking FROM reports WHERE {_OF_MONTH}", (month,))]  # noqa: S608
    # The month's full-text entries go with the values they were made of (an external-content
    # index), before the rows change; they come back from the new rows at the end.
    conn.execute(
        "INSERT INTO reports_fts (reports_fts, rowid, title, description)"
        f" SELECT 'delete', rowid, title, description FROM reports WHERE {_OF_MONTH}",  # noqa: S608
        (month,),
    )
    now = {row["tracking"] for row in reports}
    conn.executemany("DELETE FROM reports WHERE tracking = ?", [(t,) for t in old if t not in now])
    kept = {(row[0], row[1]) for row in updates}
    gone = [
        key
        for tracking in old
        for key in conn.execute("SELECT tracking, seq FROM updates WHERE tracking = ?", (tracking,))
        if key not in kept
    ]
    conn.executemany("DELETE FROM updates WHERE tracking = ? AND seq = ?", gone)
    names = schema.REPORTS.columns
    conn.executemany(_upsert(schema.REPORTS), (tuple(map(row.get, names)) for row in reports))
    conn.executemany(_upsert(schema.UPDATES), updates)
    conn.execute(
        "INSERT INTO reports_fts (rowid, title, description)"
        f" SELECT rowid, title, description FROM reports WHERE {_OF_MONTH}",  # noqa: S608
        (month,),
    )


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
