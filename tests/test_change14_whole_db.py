"""aduan.db updated in place when the whole files fall due with rows only changed or added: the
published file with the changed months' rows replaced holds the same rows and answers queries as
a file made from scratch does, passes SQLite's integrity checks, keeps no byte of a row taken
away, and costs rows in proportion to the months that changed (docs/public-dataset.md)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from chalicelib.sitebuild import build
from test_parts import WHOLE, _site_with_one_change, index


class _Later(datetime):
    """The clock an hour on: the whole files made before are past WHOLE_FILES_MAX_AGE."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def]
        return datetime.now(tz) + timedelta(hours=1)


TABLES = ("agencies", "categories", "reports", "updates")
WORDS = ("jalan", "sampah", "air", "lampu", "banjir", "rusak")


def contents(path: Path) -> dict[str, Any]:
    """What a reader of aduan.db sees: every table's rows (in key order), the schema, what the
    full-text search finds, and SQLite's own checks."""
    with sqlite3.connect(path) as db:
        seen: dict[str, Any] = {
            table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)  # noqa: S608
            for table in TABLES
        }
        seen["schema"] = sorted(db.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
        seen["search"] = {
            word: sorted(
                db.execute(
                    "SELECT r.tracking FROM reports_fts f JOIN reports r ON r.rowid = f.rowid WHERE reports_fts MATCH ?",
                    (word,),
                ).fetchall()
            )
            for word in WORDS
        }
        views = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
        seen["views"] = {v: sorted(db.execute(f'SELECT * FROM "{v}"').fetchall(), key=repr) for v in views}  # noqa: S608
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        db.execute("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')")
    return seen


def assert_same_database(one: Path, other: Path) -> None:
    assert contents(one) == contents(other)


def _due_in_place(region, root: Path, months: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Build, build one status change (the whole files go stale), build an hour later (they fall
    due): whether aduan.db was made from scratch in that last build, and the rows it replaced."""
    from aduan_site import opendata_build, sqlite_export

    store, _, output, _ = _site_with_one_change(region, root, months, 7, monkeypatch)
    build(output, search=False)
    assert index(output)["whole"]["stale"] is True
    fresh_made: list[int] = []
    replaced: list[str] = []
    made_fresh, replace = opendata_build.sqlite_file_bytes, sqlite_export._replace_month

    def counted_fresh(rows):  # type: ignore[no-untyped-def]
        fresh_made.append(1)
        return made_fresh(rows)

    def counted_replace(conn, month, rows):  # type: ignore[no-untyped-def]
        replaced.extend(row["tracking"] for row in (rows[0] if rows else []))
        return replace(conn, month, rows)

    monkeypatch.setattr(opendata_build, "sqlite_file_bytes", counted_fresh)
    monkeypatch.setattr(sqlite_export, "_replace_month", counted_replace)
    monkeypatch.setattr(opendata_build, "datetime", _Later)
    build(output, search=False)
    monkeypatch.undo()
    monkeypatch.setenv("ADUAN_DATA", str(root / "data"))
    after = index(output)
    assert after["whole"]["stale"] is False and after["whole"]["build"] == after["build"]
    fresh = root / "fresh"
    build(fresh, search=False)
    for path in WHOLE:
        if path != "data/aduan.db":
            assert (output / path).read_bytes() == (fresh / path).read_bytes(), path
    assert_same_database(output / "data/aduan.db", fresh / "data/aduan.db")
    store.close()
    return {"fresh": bool(fresh_made), "replaced": replaced}


def test_aduan_db_due_is_updated_in_place_with_the_rows_of_a_fresh_build(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At N and 3N reports: one status change, then the whole files fall due. aduan.db is the
    published file with one month's rows replaced (not made from scratch), and reads as the
    file a build from scratch makes. The rows replaced are one month's, at both sizes."""
    small = _due_in_place(region, tmp_path / "n", 2, monkeypatch)
    large = _due_in_place(region, tmp_path / "3n", 6, monkeypatch)
    for costs in (small, large):
        assert costs["fresh"] is False
        assert costs["replaced"]
    # One month of reports each (the demo spreads the same number of reports over each month).
    assert len(large["replaced"]) <= 1.5 * len(small["replaced"])


def _rows(n: int, month: str, title: str = "Jalan rusak") -> tuple[list[dict[str, Any]], list[list[Any]]]:
    from aduan_site import schema

    reports = []
    updates: list[list[Any]] = []
    for i in range(n):
        tracking = f"PSR-{month[2:4]}{month[5:7]}-{i:04d}"
        row = dict.fromkeys(schema.REPORTS.columns)
        row.update(
            tracking=tracking,
            kind="complaint",
            title=f"{title} {i}",
            description="Lubang besar di depan sekolah",
            status="verified",
            kecamatan="Gadingrejo",
            submitted=f"{month}-0{1 + i % 9}",
            updated=f"{month}-1{i % 9}",
        )
        reports.append(row)
        updates.append([tracking, 1, f"{month}-01", "status", "received", None, ""])
        updates.append([tracking, 2, f"{month}-02", "status", "verified", "pupr", "Diteruskan"])
    return reports, updates


def _fresh(tmp_path: Path, months: dict[str, tuple[list[dict[str, Any]], list[list[Any]]]], name: str) -> Path:
    from aduan_site import schema
    from aduan_site.sqlite_export import sqlite_file_bytes

    def rows(table: schema.Table) -> list[dict[str, Any]]:
        if table is schema.REPORTS:
            return [r for m in sorted(months) for r in months[m][0]]
        if table is schema.UPDATES:
            return [dict(zip(table.columns, u, strict=True)) for m in sorted(months) for u in months[m][1]]
        return []

    path = tmp_path / name
    path.write_bytes(sqlite_file_bytes(rows))
    return path


def test_a_row_taken_away_leaves_no_byte_behind_and_the_file_reads_as_a_fresh_one(tmp_path: Path) -> None:
    """sqlite_file_updated: a report taken out of its month, another's title changed and a new
    one added. Its old title is nowhere in the file's bytes (secure_delete: no free page keeps
    it), and the file reads as one made from scratch of the new rows."""
    from aduan_site.sqlite_export import sqlite_file_updated

    before = {"2026-01": _rows(30, "2026-01"), "2026-02": _rows(30, "2026-02")}
    published = _fresh(tmp_path, before, "published.db")
    reports, updates = _rows(31, "2026-02", title="Lampu mati")
    secret = "Wirogunan Sukarmiati"
    published_with_secret = {"2026-01": before["2026-01"], "2026-02": _rows(30, "2026-02")}
    published_with_secret["2026-02"][0][0]["title"] = secret  # published before, taken back now
    published = _fresh(tmp_path, published_with_secret, "published.db")
    assert secret.encode() in published.read_bytes()
    del reports[5]
    updates = [u for u in updates if u[0] != f"PSR-2602-{5:04d}"]
    after = {"2026-01": before["2026-01"], "2026-02": (reports, updates)}
    data = sqlite_file_updated(published, {"2026-02": after["2026-02"]}, {"agencies": [], "categories": []})
    assert data is not None and secret.encode() not in data
    updated = tmp_path / "updated.db"
    updated.write_bytes(data)
    # Nor its words in the full-text index's segments (terms are stored lower case, after the
    # prefix they share with the term before them: the ends of the words are looked for).
    assert b"rogunan" in published.read_bytes() and b"karmiati" in published.read_bytes()
    assert b"rogunan" not in data and b"karmiati" not in data
    assert_same_database(updated, _fresh(tmp_path, after, "fresh.db"))
    # A month taken away whole.
    data = sqlite_file_updated(updated, {"2026-01": None}, {"agencies": [], "categories": []})
    assert data is not None
    updated.write_bytes(data)
    assert_same_database(updated, _fresh(tmp_path, {"2026-02": after["2026-02"]}, "fresh2.db"))


def test_a_report_in_another_month_than_the_file_says_makes_it_from_scratch(tmp_path: Path) -> None:
    from aduan_site.sqlite_export import sqlite_file_updated

    published = _fresh(tmp_path, {"2026-01": _rows(3, "2026-01")}, "published.db")
    moved, _ = _rows(3, "2026-01")
    for row in moved:
        row["submitted"] = "2026-02-01"
    assert sqlite_file_updated(published, {"2026-02": (moved, [])}, {"agencies": [], "categories": []}) is None


def _due_guard_reads(region, root: Path, monkeypatch: pytest.MonkeyPatch, new_keys: bool) -> list[tuple[str, bytes]]:  # type: ignore[no-untyped-def]
    """What the gate was handed of data/aduan.db in a due build after one status change; with
    `new_keys`, the gate's keys are taken to have changed since the file was last read whole."""
    from chalicelib import sitebuild
    from chalicelib.gate.files import Scanner

    store, _, output, _ = _site_with_one_change(region, root, 2, 7, monkeypatch)
    build(output, search=False)
    handed: list[tuple[str, bytes]] = []
    guard_for = sitebuild.guard_for

    def recording_guard_for(scanner):  # type: ignore[no-untyped-def]
        guard = guard_for(scanner)

        def recording(files):  # type: ignore[no-untyped-def]
            handed.extend((path, data) for path, data in files if path == "data/aduan.db")
            return guard(files)

        recording.fingerprint = guard.fingerprint  # type: ignore[attr-defined]
        return recording

    from aduan_site import opendata_build

    monkeypatch.setattr(sitebuild, "guard_for", recording_guard_for)
    monkeypatch.setattr(opendata_build, "datetime", _Later)
    if new_keys:
        fingerprint = Scanner.fingerprint
        monkeypatch.setattr(Scanner, "fingerprint", lambda self: "another " + fingerprint(self))
    build(output, search=False)
    monkeypatch.undo()
    store.close()
    return handed


def test_the_gate_reads_only_the_rows_an_in_place_aduan_db_gained_while_its_keys_are_the_same(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rest of the file passed the gate under the same keys when it was last read whole, so
    the gate reads the replaced months' rows (the status change's note among them), not the
    file; with other keys it reads the whole file again."""
    handed = _due_guard_reads(region, tmp_path / "same", monkeypatch, new_keys=False)
    assert handed and not any(data.startswith(b"SQLite format 3") for _, data in handed)
    assert any(b"Tim sudah ke lokasi" in data for _, data in handed)
    handed = _due_guard_reads(region, tmp_path / "other", monkeypatch, new_keys=True)
    assert [data[:15] for _, data in handed] == [b"SQLite format 3"]


def test_the_rows_the_gate_reads_are_read_as_the_scan_of_a_sqlite_file_reads_them(tmp_path: Path) -> None:
    """`_texts` joins a table's text values as `Scanner.scan_sqlite` does, batch for batch."""
    from aduan_site.opendata_build import _texts

    reports, updates = _rows(2500, "2026-03")
    path = _fresh(tmp_path, {"2026-03": (reports, updates)}, "fresh.db")
    read: list[str] = []

    class Reading:
        def scan_text(self, text: str, where: str) -> list[object]:
            if "table reports)" in where or "table updates)" in where:
                read.append(text)
            return []

    from chalicelib.gate.files import Scanner

    list(Scanner.scan_sqlite(Reading(), path, "aduan.db"))  # type: ignore[arg-type]
    texts = [t.decode() for t in _texts({"2026-03": (reports, updates)}, {"agencies": [], "categories": []})]
    assert texts == read and len(texts) == 2 + 3  # 2,500 reports, 5,000 updates
