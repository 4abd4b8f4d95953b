"""A change build at N and 3N reports does work that does not grow with the dataset: each
mechanism of session 12 is counted at both sizes, where the count stays the same."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from chalicelib.cli import main
from test_fast_build import another_change_in_the_worker, one_change_after_a_build
from test_parts import part_rows


def _tracked_after_one_shot_build(root: Path, months: int, region, monkeypatch: pytest.MonkeyPatch) -> int:  # type: ignore[no-untyped-def]
    """How many objects the cyclic collector still walks after `aduan build` (in this process,
    as a new process runs it) put one change online."""
    output, tracking, store = one_change_after_a_build(root, months, 8, region, monkeypatch)
    gc.collect()
    try:
        assert main(["build", "--output", str(output)]) == 0
        tracked = len(gc.get_objects())
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == tracking) == "in_progress"
    store.close()
    return tracked


def test_a_one_shot_change_build_leaves_the_collector_nothing_to_walk_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`aduan build` ends its process after the build: what the build read is moved out of the
    collector's reach (sitebuild._collector_paused), so the young collection after the pause
    does not walk every record read (0.08-0.13 s CPU at 20k). Without it, tens of thousands of
    objects, more at 3N."""
    small = _tracked_after_one_shot_build(tmp_path / "n", 2, region, monkeypatch)
    large = _tracked_after_one_shot_build(tmp_path / "3n", 6, region, monkeypatch)
    assert small < 2_000 and large < 2_000, (small, large)


def test_the_log_signs_without_cryptographys_serialization_package(tmp_path: Path) -> None:
    """The log's key in its raw forms (tlog/note.py): importing cryptography's serialization
    package (SSH, PKCS#12…) for two constants cost every `aduan build` ~0.03 s of CPU."""
    import subprocess
    import sys

    code = (
        "import sys; from chalicelib.tlog.note import Signer; s = Signer.generate('example.org/log'); "
        "t = Signer.from_skey(s.skey()); assert t.verifier.vkey() == s.verifier.vkey(); "
        "print(sorted(m for m in sys.modules if m.startswith('cryptography.hazmat.primitives.serialization')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout


def _log_reads_of_a_worker_change(root: Path, months: int, region, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Build, then (the worker: the same process) move another report on and build again,
    counting the statements that build ran on the transparency log's state."""
    import sqlite3

    from chalicelib.sitebuild import build
    from chalicelib.tlog.state import LogState

    output, other, store = another_change_in_the_worker(root, months, 8, region, monkeypatch)
    statements: list[str] = []
    opened = LogState.db.fget  # type: ignore[attr-defined]

    def traced(self: LogState) -> sqlite3.Connection:
        fresh = self._db is None
        db = opened(self)
        if fresh:
            db.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(LogState, "db", property(traced))
    try:
        build(output, search=False)
    finally:
        monkeypatch.undo()
    assert next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == other) == "in_progress"
    whole = LogState(root / "data" / "log")
    try:
        entries = whole.size()
    finally:
        whole.close()
    store.close()
    return {
        "entries": entries,
        "tile reads": sum("FROM tiles" in s and s.lstrip().startswith("SELECT") for s in statements),
        "record rows reads": sum("FROM records" in s and "WHERE" not in s for s in statements),
        "counts": sum("COUNT(" in s for s in statements),
    }


def test_a_worker_change_build_reads_the_logs_state_in_proportion_to_the_change_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker keeps the log's state it read or appended (tlog/state.py `snapshot`): a change
    build reads the newest checkpoint row, not every tile and every record's row (at 100k
    reports, 240k leaf hashes and 83k rows), and finds the log's size by its last index, not
    by counting every entry."""
    small = _log_reads_of_a_worker_change(tmp_path / "n", 2, region, monkeypatch)
    large = _log_reads_of_a_worker_change(tmp_path / "3n", 6, region, monkeypatch)
    assert large["entries"] > 2 * small["entries"] > 0, (small, large)
    for reads in (small, large):
        assert reads["tile reads"] == 0 and reads["record rows reads"] == 0 and reads["counts"] == 0, (small, large)


def _paths_read_by_carry_under(root: Path, months: int, region, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """A change build in a new process: how many of the build's files `carry_under` read, over
    all its calls (one per listing directory it could keep whole)."""
    from aduan_site.output import IncrementalOutput
    from chalicelib.sitebuild import build

    output, tracking, store = one_change_after_a_build(root, months, 30, region, monkeypatch)
    seen = {"read": 0, "calls": 0, "carried": 0}
    inside = [False]
    init, carry_under = IncrementalOutput.__init__, IncrementalOutput.carry_under

    def counting_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs)

        class Counting(type(self.files)):  # type: ignore[misc]
            def __iter__(self):  # type: ignore[no-untyped-def]
                if inside[0]:
                    seen["read"] += len(self)
                return super().__iter__()

        self.files = Counting()

    def counted(self, prefix, digest):  # type: ignore[no-untyped-def]
        inside[0] = True
        seen["calls"] += 1
        try:
            carried = carry_under(self, prefix, digest)
        finally:
            inside[0] = False
        seen["carried"] += carried
        return carried

    monkeypatch.setattr(IncrementalOutput, "__init__", counting_init)
    monkeypatch.setattr(IncrementalOutput, "carry_under", counted)
    try:
        build(output)
    finally:
        monkeypatch.undo()
    assert next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == tracking) == "in_progress"
    store.close()
    return seen


def test_carry_under_asks_the_directories_made_not_every_path_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a listing's directory holds a file this build made is one set lookup
    (output._Made.dirs), not a scan of every file the build made or kept so far for each
    listing (~530k paths read in a change build at 20k reports)."""
    small = _paths_read_by_carry_under(tmp_path / "n", 2, region, monkeypatch)
    large = _paths_read_by_carry_under(tmp_path / "3n", 6, region, monkeypatch)
    for seen in (small, large):
        assert seen["calls"] > 0 and seen["carried"] > 0, (small, large)
        assert seen["read"] == 0, (small, large)
