"""The cold publish on both cores: the same dataset, byte for byte, as a serial publish; and the
gate's index updated per report, not rebuilt."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from chalicelib import publish, publish_pool
from chalicelib.gate import GateIndex
from chalicelib.importer import import_lines
from chalicelib.publish import Publisher
from chalicelib.publish_pool import can_fork, ordered_map
from chalicelib.tally import Tally
from test_gate import LEAKY, admin_of
from test_privacy_build import stuffed_lines


def _pid_of(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_the_pool_hands_results_back_in_order_from_other_processes() -> None:
    # the pool forks only when no other thread runs here: say which did (a CI run once lacked workers)
    assert can_fork(), f"other threads in this test process: {[t.name for t in threading.enumerate()]}"
    items = list(range(50))
    results = ordered_map(_pid_of, items, processes=2, min_batch=1, chunk=3)
    assert [square for square, _ in results] == [i * i for i in items]
    pids = {pid for _, pid in results}
    # Forked workers did the work, no more than asked for (which of the two takes which chunk is
    # the scheduler's choice: on a busy machine one may take them all).
    assert os.getpid() not in pids and 1 <= len(pids) <= 2, "forked workers did the work"
    # A small batch, or one process, runs here.
    assert {pid for _, pid in ordered_map(_pid_of, items[:5], processes=2, min_batch=10)} == {os.getpid()}
    assert {pid for _, pid in ordered_map(_pid_of, items, processes=1, min_batch=1)} == {os.getpid()}


def test_the_pool_forks_beside_asyncios_child_watcher_but_not_beside_another_thread() -> None:
    """A browser test's Playwright driver, started through asyncio, leaves a thread waiting for it
    ("asyncio-waitpid-N") for as long as the driver runs; a later test in the same process found
    can_fork() false and ran its pool without workers (a CI run's failures). That thread only
    waits for its child: the pool forks beside it, and not beside a thread of unknown work."""
    import asyncio

    async def beside_a_child() -> tuple[list[str], bool]:
        child = await asyncio.create_subprocess_exec("sleep", "5")
        try:
            return [t.name for t in threading.enumerate()], can_fork()
        finally:
            child.kill()
            await child.wait()

    names, forks = asyncio.run(beside_a_child())
    if not any(name.startswith("asyncio-waitpid-") for name in names):
        pytest.skip(f"this Python's asyncio waits for children without a thread: {names}")
    assert forks, names
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="someone-else", daemon=True)
    other.start()
    try:
        assert not can_fork()
        assert {pid for _, pid in ordered_map(_pid_of, list(range(20)), processes=2, min_batch=1)} == {os.getpid()}
    finally:
        stop.set()
        other.join()


def _fails_on_seven(item: int) -> int:
    if item == 7:
        raise ValueError("seven")
    return item


def test_a_workers_error_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="seven"):
        ordered_map(_fails_on_seven, list(range(20)), processes=2, min_batch=1, chunk=4)


def _dataset(root: Path) -> dict[str, bytes]:
    files = {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    # The journal's name is random by design (publish.Journal): the one byte that may differ.
    files.pop("changes/last.json", None)
    return files


def _index_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT * FROM identifiers ORDER BY key, tracking").fetchall()
        rows += conn.execute("SELECT tracking, problems FROM held ORDER BY tracking").fetchall()
        return rows
    finally:
        conn.close()


def _publisher(store, region, clock, root: Path) -> Publisher:
    return Publisher(
        store,
        region,
        root / "public",
        clock=clock,
        gate_index=GateIndex(root / "gate.db"),
        tally=Tally(root / "tally.db"),
    )


def test_a_pooled_full_publish_writes_the_serial_dataset_byte_for_byte(
    service, region, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reports stuffed with personal data, and one an officer forced personal data into: the
    # gate holds that one back.
    store = service.store
    assert import_lines(stuffed_lines(90, seed=11), store, region).created == 90
    leaky = next(r for r in store.all() if publish.is_published(r))
    service.act(admin_of(service), leaky.tracking, {"action": "edit", "public_description": LEAKY, "force": True})
    serial = _publisher(store, region, clock, tmp_path / "serial")
    monkeypatch.setenv("ADUAN_PUBLISH_WORKERS", "1")
    serial.publish_all()
    # Which processes made the records: a file, since a forked worker's memory is its own.
    made_by = tmp_path / "pids"
    real = publish.public_record

    def public_record(*args, **kwargs):
        with open(made_by, "a") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(publish, "public_record", public_record)
    monkeypatch.setenv("ADUAN_PUBLISH_WORKERS", "2")
    monkeypatch.setattr(publish_pool, "MIN_BATCH", 10)
    monkeypatch.setattr(publish_pool, "CHUNK", 7)
    pooled = _publisher(store, region, clock, tmp_path / "pooled")
    pooled.publish_all()
    pids = set(made_by.read_text().split())
    assert str(os.getpid()) not in pids and len(pids) == 2, "two forked workers made the records"
    a, b = _dataset(tmp_path / "serial" / "public"), _dataset(tmp_path / "pooled" / "public")
    assert len([k for k in a if k.startswith("reports/")]) > 40
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []
    assert _index_rows(tmp_path / "serial" / "gate.db") == _index_rows(tmp_path / "pooled" / "gate.db")
    assert [h["tracking"] for h in serial.gate.holds()] == [leaky.tracking]
    assert serial.gate.holds() == pooled.gate.holds()


def test_one_change_finds_the_identifiers_of_one_report(
    service, region, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gate's index is updated per report: a publish finds identifiers only for the reports
    whose version it has not seen, and a full publish of an unchanged store finds none."""
    import_lines(stuffed_lines(30, seed=12), service.store, region)
    publisher = _publisher(service.store, region, clock, tmp_path)
    calls: list[str] = []
    real = publish.identifiers_of

    def identifiers_of(report, vocab):
        calls.append(report.tracking)
        return real(report, vocab)

    monkeypatch.setattr(publish, "identifiers_of", identifiers_of)
    publisher.publish_all()
    assert len(calls) == 30
    calls.clear()
    publisher.publish_all()
    assert calls == [], "nothing changed: nothing found again"
    changed = next(r for r in service.store.all() if publish.is_published(r))
    officer = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    service.act(officer, changed.tracking, {"action": "progress", "note": "Sedang dikerjakan petugas"})
    publisher.publish_pending()
    assert calls == [changed.tracking]


def _handlers(item: int) -> tuple[int, object, object]:
    import signal

    return os.getpid(), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)


def test_workers_forked_from_aduan_run_stop_plainly_not_by_its_stopped_handlers() -> None:
    """`aduan run` turns SIGTERM into `Stopped` (processgroup.py); a pool worker inherited that,
    and a pool's terminate() raised Stopped inside the pool's queue code (a traceback in the
    log, and a queue lock a worker may leave taken). The workers take the plain handlers."""
    import signal

    from chalicelib.processgroup import stop_on_signals

    with stop_on_signals():
        results = ordered_map(_handlers, list(range(12)), processes=2, min_batch=1, chunk=2)
    assert {pid for pid, _, _ in results} - {os.getpid()}, "forked workers did the work"
    assert {(term, intr) for _, term, intr in results} == {(signal.SIG_DFL, signal.SIG_IGN)}
