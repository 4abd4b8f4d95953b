"""Group commit (groupcommit.py) on a real SQLite store: writes queued while one commits share
the next transaction; each caller gets its own result or error; nothing returns before its
transaction is committed."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from chalicelib.errors import Conflict
from chalicelib.groupcommit import GroupCommit, _Pending
from chalicelib.region import Region
from chalicelib.sqlite_store import SQLiteStore
from chalicelib.submission import new_report, validate
from conftest import FakeClock, submission


def until(condition: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def committed_rows(path: Path) -> list[str]:
    """What another connection (another process) reads: only committed rows."""
    with sqlite3.connect(path) as other:
        return [row[0] for row in other.execute("SELECT x FROM t ORDER BY x")]


@pytest.fixture
def table(tmp_path: Path) -> tuple[GroupCommit, Path]:
    path = tmp_path / "t.db"
    local = threading.local()

    def connect() -> sqlite3.Connection:
        if getattr(local, "conn", None) is None:
            local.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            local.conn.execute("PRAGMA journal_mode=WAL")
        return local.conn  # type: ignore[no-any-return]

    connect().execute("CREATE TABLE t (x TEXT PRIMARY KEY)")
    return GroupCommit(connect), path


def test_writes_queued_during_a_commit_share_the_next_one(table: tuple[GroupCommit, Path]) -> None:
    commits, path = table
    holding, release = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def first(conn: sqlite3.Connection) -> str:
        conn.execute("INSERT INTO t VALUES ('a')")
        holding.set()
        release.wait(10)  # the leader is mid-transaction while the others queue up
        return "a"

    def insert(value: str) -> Callable[[sqlite3.Connection], str]:
        def work(conn: sqlite3.Connection) -> str:
            conn.execute("INSERT INTO t VALUES (?)", (value,))
            return value

        return work

    def caller(name: str, work: Callable[[sqlite3.Connection], str]) -> None:
        try:
            results[name] = commits.run(work)
        except Exception as error:  # noqa: BLE001 - checked below
            results[name] = error

    threads = [threading.Thread(target=caller, args=("a", first))]
    threads[0].start()
    assert holding.wait(10)
    for name, value in (("b", "b"), ("dup", "a"), ("c", "c")):  # "dup" breaks the primary key
        threads.append(threading.Thread(target=caller, args=(name, insert(value))))
        threads[-1].start()
    until(lambda: len(commits._queue) == 3)
    assert not results and committed_rows(path) == []  # nobody answered before the commit
    release.set()
    for thread in threads:
        thread.join(10)

    assert results["a"] == "a" and results["b"] == "b" and results["c"] == "c"
    assert isinstance(results["dup"], sqlite3.IntegrityError)  # its own error, to its own caller
    assert committed_rows(path) == ["a", "b", "c"]
    assert commits.groups == 2  # four writes, two transactions: "a" alone, then the three queued


def test_a_write_alone_is_its_own_transaction(table: tuple[GroupCommit, Path]) -> None:
    commits, path = table
    for value in ("a", "b"):
        commits.run(lambda conn, v=value: conn.execute("INSERT INTO t VALUES (?)", (v,)))  # type: ignore[misc]
    assert committed_rows(path) == ["a", "b"] and commits.groups == 2


def test_concurrent_saves_keep_every_report_and_refuse_only_the_conflict(
    store: SQLiteStore, clock: FakeClock, region: Region
) -> None:
    reports = [new_report(validate(submission(), region), region, now=clock())[0] for _ in range(40)]
    store.save(reports[:1])
    twin = new_report(validate(submission(), region), region, now=clock())[0]
    twin.tracking = reports[0].tracking  # the one save that must fail
    errors: list[BaseException] = []

    def save(batch: list) -> None:  # type: ignore[type-arg]
        for report in batch:
            try:
                store.save([report])
            except Conflict as error:
                errors.append(error)

    batches = [reports[1 + i :: 4] for i in range(4)]
    batches[1].insert(5, twin)
    threads = [threading.Thread(target=save, args=(b,)) for b in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert len(errors) == 1 and store.count() == 40
    assert all(r.version == 1 and store.get(r.tracking) is not None for r in reports)
    assert twin.version == 0 and store.get(twin.tracking).id == reports[0].id  # type: ignore[union-attr]
    assert len(store.pending_events()) == 40  # one publish event per saved report, none for the twin


def test_writes_queued_while_the_leader_waits_for_another_process_join_its_transaction(tmp_path: Path) -> None:
    # The API in two processes: a leader waits for the write lock while the other process
    # commits. Writes queued meanwhile go into the leader's transaction, one sync for all,
    # instead of waiting for the next one (with two processes that was about 0.67 transactions
    # per write for two writers each, now 0.5).
    path = tmp_path / "t.db"
    local = threading.local()

    def connect() -> sqlite3.Connection:
        if getattr(local, "conn", None) is None:
            local.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        return local.conn  # type: ignore[no-any-return]

    connect().execute("CREATE TABLE t (x TEXT PRIMARY KEY)")
    other_process = threading.Lock()  # stands for the lock across processes (writelock.py)
    waiting = threading.Event()

    @contextmanager
    def hold() -> Iterator[None]:
        waiting.set()
        with other_process:
            yield

    commits = GroupCommit(connect, hold)
    results: dict[str, object] = {}

    def caller(value: str) -> None:
        results[value] = commits.run(lambda conn: conn.execute("INSERT INTO t VALUES (?)", (value,)).rowcount)

    other_process.acquire()
    threads = [threading.Thread(target=caller, args=("a",))]
    threads[0].start()
    assert waiting.wait(10)  # "a" leads, with itself alone in its group, and waits for the lock
    for value in ("b", "c"):
        threads.append(threading.Thread(target=caller, args=(value,)))
        threads[-1].start()
    until(lambda: len(commits._queue) == 2)
    assert not results and committed_rows(path) == []
    other_process.release()
    for thread in threads:
        thread.join(10)

    assert results == {"a": 1, "b": 1, "c": 1} and committed_rows(path) == ["a", "b", "c"]
    assert commits.groups == 1  # not "a" alone, then "b" and "c"


def test_a_write_alone_takes_no_savepoint_and_its_failure_leaves_nothing(table: tuple[GroupCommit, Path]) -> None:
    # A savepoint made SQLite copy each page the write changed to a sub-journal, a temporary
    # file once past 64 KB (a submission changes ~70 KB): alone, the write is the transaction.
    commits, path = table
    statements: list[str] = []
    commits._connect().set_trace_callback(statements.append)
    commits.run(lambda conn: conn.execute("INSERT INTO t VALUES ('a')"))
    assert statements and not any("SAVEPOINT" in s for s in statements)

    def half(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO t VALUES ('b')")
        conn.execute("INSERT INTO t VALUES ('a')")  # breaks the primary key after 'b' went in

    with pytest.raises(sqlite3.IntegrityError):
        commits.run(half)
    assert committed_rows(path) == ["a"]  # 'b' went back with the write that failed
    commits.run(lambda conn: conn.execute("INSERT INTO t VALUES ('c')"))  # and the next write goes on
    assert committed_rows(path) == ["a", "c"] and commits.groups == 2


def _temporary_files() -> list[str]:
    """SQLite's temporary files this process holds open (deleted as soon as opened)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            if "etilqs_" in (target := os.readlink(f"/proc/self/fd/{fd}")):
                found.append(target)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads /proc")
def test_a_groups_savepoints_keep_their_journal_in_memory(tmp_path: Path) -> None:
    # Each write of a group is in a savepoint, whose sub-journal holds the pages the write
    # changes; past 64 KB SQLite put it in a temporary file, made and deleted in every commit.
    store = SQLiteStore(tmp_path / "s.db")
    conn = store._conn()
    conn.execute("CREATE TABLE big (x TEXT)")
    conn.executemany("INSERT INTO big VALUES (?)", [("x" * 2000,)] * 100)  # ~50 pages
    seen: list[list[str]] = []

    def rewrite(c: sqlite3.Connection) -> None:
        c.execute("UPDATE big SET x = x || 'y'")  # every page: ~200 KB of sub-journal
        seen.append(_temporary_files())

    group: list[_Pending[object]] = [_Pending(rewrite, threading.Event()) for _ in range(2)]
    store._commits._transaction(group)
    assert all(p.error is None for p in group) and store._commits.groups == 1
    assert seen == [[], []]
    assert conn.execute("SELECT COUNT(*) FROM big WHERE x LIKE '%yy'").fetchone()[0] == 100
