"""The store's write lock (writelock.py): one writer at a time across processes and threads,
held by the group commit's leader around its transaction and by the rate limiter's bucket."""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path

import pytest


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
def test_a_forked_process_waits_for_the_lock_and_wakes_when_it_is_released(tmp_path: Path) -> None:
    from chalicelib.writelock import WriteLock

    lock = WriteLock(tmp_path / "x.writelock")
    with lock.held():  # opened before the fork: the child must still open its own
        pass
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child holds the lock for 0.3 s
        code = 1
        try:
            with lock.held():
                os.write(ready_w, b"x")
                time.sleep(0.3)
                (tmp_path / "child").write_text(str(time.monotonic()))
            code = 0
        finally:
            os._exit(code)
    os.read(ready_r, 1)
    with lock.held():
        taken = time.monotonic()
        assert (tmp_path / "child").exists()  # not before the child let go
    assert os.waitpid(pid, 0)[1] == 0
    assert taken - float((tmp_path / "child").read_text()) < 0.2  # woken, not polled for long


def test_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    from chalicelib.writelock import WriteLock

    lock = WriteLock(tmp_path / "x.writelock")
    inside, most = [0], [0]

    def work() -> None:
        for _ in range(50):
            with lock.held():
                inside[0] += 1
                most[0] = max(most[0], inside[0])
                time.sleep(0.0005)
                inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1


def test_the_store_holds_it_around_its_request_writes(data_dir: Path) -> None:
    """A group commit and a rate-limit bucket each run inside the lock; reads do not take it."""
    from chalicelib import config

    store = config.store()
    service = config.service()  # its first making writes the deadline rule (in the lock too)
    held: list[str] = []
    real = store._write_lock.held  # type: ignore[attr-defined]

    @contextmanager
    def counted():  # type: ignore[no-untyped-def]
        with real():
            held.append("in")
            assert not store._conn().in_transaction  # type: ignore[attr-defined]
            yield
            assert not store._conn().in_transaction  # type: ignore[attr-defined]

    store._write_lock.held = counted  # type: ignore[attr-defined]
    store._commits._hold = counted  # type: ignore[attr-defined]
    from conftest import submission

    report, _ = service.submit(submission())
    assert held == ["in"]
    store.take_token("t", 5, 1.0, time.time())
    assert held == ["in", "in"]
    store.get(report.tracking)
    store.count()
    assert held == ["in", "in"]


def test_the_rarer_writes_take_it_too(data_dir: Path) -> None:
    """Officers, logins, sessions and event acknowledgements: each write in the lock (one turn
    each), so an officer signing in while citizens submit waits in the kernel, not in SQLite's
    busy polling; reads still do not take it."""
    from datetime import datetime

    from chalicelib import config
    from chalicelib.officers import Officer
    from chalicelib.passwords import Login
    from chalicelib.sessions import Session

    store = config.store()
    turns: list[int] = []
    real = store._write_lock.held  # type: ignore[attr-defined]

    @contextmanager
    def counted():  # type: ignore[no-untyped-def]
        with real():
            turns.append(1)
            yield

    store._write_lock.held = counted  # type: ignore[attr-defined]
    at = datetime(2024, 5, 6, 8, 0, tzinfo=UTC)
    writes = [
        lambda: store.add_officer(Officer("o-1", "Sari", "officer", None, "hash-1", at)),
        lambda: store.add_login(Login("sari", "o-1", "argon2-hash", at)),
        lambda: store.set_password("sari", "argon2-other", at),
        lambda: store.add_session(Session("s-1", "o-1", at, at)),
        lambda: store.touch_session("s-1", at),
        lambda: store.end_session("s-1"),
        lambda: store.end_sessions("o-1"),
        lambda: store.revoke_officer("o-1"),
        lambda: store.ack_events(10),
    ]
    for number, write in enumerate(writes, 1):
        write()
        assert len(turns) == number
    assert store.officer("o-1") is not None and store.officer("o-1").active is False  # type: ignore[union-attr]
    assert store.login("sari").password_hash == "argon2-other"  # type: ignore[union-attr]
    store.officers(), store.session("s-1"), store.pending_events()
    assert len(turns) == len(writes)
