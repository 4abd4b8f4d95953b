"""The periodic whole files made when they fall due without a record being looked at: from the
monthly parts and each month's whole-state file (every record's Open311 line and typed update
rows), byte for byte what a build from scratch makes, and aduan.db with the same rows and
answers (docs/public-dataset.md). And the build's own state commits without syncing the disk
(state.py)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from chalicelib.sitebuild import build
from test_change14_whole_db import assert_same_database
from test_parts import WHOLE, _site_with_one_change, changed_files, digests, index


class _Later(datetime):
    """The clock an hour on: the whole files made before are past WHOLE_FILES_MAX_AGE."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def]
        return datetime.now(tz) + timedelta(hours=1)


def _catch_up_costs(region, root: Path, months: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Build, build one status change (the whole files go stale), then build with nothing new
    an hour later (they fall due): what that last build made, per record, and wrote."""
    from aduan_site import open311, opendata, opendata_build, parts

    store, public, output, tracking = _site_with_one_change(region, root, months, 7, monkeypatch)
    build(output, search=False)
    assert index(output)["whole"]["stale"] is True
    before = digests(output)
    made: list[str] = []
    service_request, update_rows = open311.service_request, opendata.update_rows

    def counted_request(record, *args):  # type: ignore[no-untyped-def]
        made.append(record["tracking"])
        return service_request(record, *args)

    def counted_updates(records):  # type: ignore[no-untyped-def]
        made.extend(r["tracking"] for r in records)
        return update_rows(records)

    monkeypatch.setattr(open311, "service_request", counted_request)
    monkeypatch.setattr(parts, "update_rows", counted_updates)
    monkeypatch.setattr(opendata_build, "datetime", _Later)
    build(output, search=False)
    monkeypatch.undo()
    monkeypatch.setenv("ADUAN_DATA", str(root / "data"))
    after = index(output)
    assert after["whole"]["stale"] is False and after["whole"]["build"] == after["build"]
    written = changed_files(before, digests(output))
    # The same bytes as a build from scratch of the same data into an empty directory; aduan.db,
    # updated in place, the same rows and answers (test_change14_whole_db.py).
    fresh = root / "fresh"
    build(fresh, search=False)
    for path in WHOLE:
        if path == "data/aduan.db":
            assert_same_database(output / path, fresh / path)
        else:
            assert (output / path).read_bytes() == (fresh / path).read_bytes(), path
    with sqlite3.connect(output / "data/aduan.db") as db:
        reports = db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        updates = db.execute("SELECT COUNT(*) FROM updates").fetchone()[0]
    store.close()
    return {"made": made, "written": written, "reports": reports, "updates": updates}


def test_whole_files_fall_due_without_a_row_made_from_a_record(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At N and 3N reports the whole files that fall due are the parts and the whole-state
    files joined: no Open311 request and no update row is made from a record (before, every
    record's were), and the build writes the whole files and the index only."""
    small = _catch_up_costs(region, tmp_path / "n", 2, monkeypatch)
    large = _catch_up_costs(region, tmp_path / "3n", 6, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"] > 0  # type: ignore[operator]
    for costs in (small, large):
        assert costs["made"] == []
        assert {p for p in costs["written"] if p.startswith("data/") and "/snapshots/" not in p} <= {  # type: ignore[attr-defined]
            *WHOLE,
            "data/parts.json",
            "data/SHA256SUMS",
        }
    assert len(large["written"]) == len(small["written"])  # type: ignore[arg-type]


def test_the_build_state_commits_without_syncing(tmp_path: Path) -> None:
    """synchronous=OFF: a change build's two transactions no longer wait for eight fsyncs; the
    rollback journal still makes each atomic for a build killed at any moment (test_atomic)."""
    from aduan_site.state import BuildState

    state = BuildState(tmp_path / ".aduan-build.db")
    try:
        assert state.db.execute("PRAGMA synchronous").fetchone() == (0,)
        assert state.db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        state.close()


def test_an_acknowledgement_commits_without_waiting_for_the_disk(store) -> None:  # type: ignore[no-untyped-def]
    """`aduan build`'s last commit, the events it published acknowledged, is made with
    synchronous=NORMAL (lost to a power cut, those reports are published once more), and the
    connection is FULL again for the submissions that follow."""
    statements: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(statements.append)
    try:
        store.ack_events(0)
    finally:
        conn.set_trace_callback(None)
    delete = next(i for i, s in enumerate(statements) if s.startswith("DELETE FROM events"))
    assert "PRAGMA synchronous=NORMAL" in statements[:delete]
    assert statements[delete + 1 :] == ["PRAGMA synchronous=FULL"]
    assert tuple(conn.execute("PRAGMA synchronous").fetchone()) == (2,)  # FULL
