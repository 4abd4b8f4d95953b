"""Group commit: the writes of concurrent requests share one SQLite transaction, so one fsync.

A report is acknowledged only once it is on disk (synchronous=FULL: every commit syncs the
write-ahead log). On a loaded disk that sync is most of a submission's time, and commits are
serial, so N clients at once would wait N syncs in a row. Here a thread with a write to make
queues it; if no thread is committing, it becomes the leader: it takes every write queued so
far, runs each in a savepoint of one transaction (a write that fails is rolled back alone and
its error goes to its own caller), commits, and wakes the callers. Each caller returns only
after the commit that holds its write has returned, so nothing is acknowledged before it is
durable. Writes queued while the leader commits form the next group; the leader hands the lead
to the first of them rather than serving them itself, so no caller waits for more than the
group before its own and its own.

With one writer at a time this is one transaction per write, as before.

A leader may also be given a lock to hold around its transaction (writelock.py): with the
API in several processes, their leaders then wait for each other in the kernel instead of in
SQLite's polling busy handler. Writes queued while a leader waits for that lock join its
transaction (up to MAX_GROUP): the other process's commit is time this process's writers would
otherwise spend waiting for a second sync.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Generic, TypeVar

T = TypeVar("T")
Work = Callable[[sqlite3.Connection], object]

MAX_GROUP = 64  # writes in one transaction: bounds how long the last of a group waits


class _Pending(Generic[T]):
    __slots__ = ("work", "wake", "finished", "lead", "result", "error")

    def __init__(self, work: Callable[[sqlite3.Connection], T], wake: threading.Event) -> None:
        self.work = work
        self.wake = wake  # set when its group committed or it is to lead
        self.finished = False  # its group committed (or failed as a whole)
        self.lead = False  # it is to commit the next group itself
        self.result: T | None = None
        self.error: BaseException | None = None


class GroupCommit:
    """Runs writes (functions of a connection) in shared transactions; see the module doc."""

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        hold: Callable[[], AbstractContextManager[object]] = nullcontext,
    ) -> None:
        self._connect = connect  # the calling thread's connection (connections are per thread)
        self._hold = hold  # held around each transaction (a lock across processes)
        self._lock = threading.Lock()
        self._queue: list[_Pending[object]] = []
        self._leading = False
        # One Event per thread, used by each of its writes in turn (a thread waits for one write
        # at a time): making a new one per write was a few percent of a submission's CPU.
        self._events = threading.local()
        self.groups = 0  # transactions committed (a count for tests and the bench)

    def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work(conn)` inside a committed transaction; its result, or its exception."""
        wake = getattr(self._events, "wake", None)
        if wake is None:
            wake = self._events.wake = threading.Event()
        wake.clear()  # a write's group wakes it at most once, but start clean whatever happened
        pending: _Pending[T] = _Pending(work, wake)
        with self._lock:
            self._queue.append(pending)  # type: ignore[arg-type]
            if not self._leading:
                self._leading = pending.lead = True
        while True:
            if pending.lead:
                self._lead()  # its own write is in the group it commits
            if pending.finished:
                break
            pending.wake.wait()
            pending.wake.clear()
        if pending.error is not None:
            raise pending.error
        return pending.result  # type: ignore[return-value]

    def _lead(self) -> None:
        with self._lock:
            group, self._queue = self._queue[:MAX_GROUP], self._queue[MAX_GROUP:]
        try:
            self._commit(group)
        finally:
            with self._lock:
                for pending in group:
                    pending.lead, pending.finished = False, True
                    pending.wake.set()
                if self._queue:
                    successor = self._queue[0]
                    successor.lead = True
                    successor.wake.set()
                else:
                    self._leading = False

    def _commit(self, group: list[_Pending[object]]) -> None:
        with self._hold():
            # Writes queued while this leader waited for the lock (another process was
            # committing) join this transaction rather than wait for the next one: with the API
            # in two processes, each commit otherwise carried one or two writes and every
            # other write waited a whole extra sync (`_lead` wakes everyone in `group`).
            with self._lock:
                room = MAX_GROUP - len(group)
                if room > 0 and self._queue:
                    group += self._queue[:room]
                    del self._queue[:room]
            self._transaction(group)

    def _transaction(self, group: list[_Pending[object]]) -> None:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            if len(group) == 1:
                # A write alone needs no savepoint: if it fails, the whole transaction is rolled
                # back (below), which is all it holds. A savepoint made SQLite copy every page
                # the write changed to a sub-journal first: a submission changes ~17 pages
                # (~70 KB), past the 64 KB it keeps in memory, so each took a temporary file
                # (created, written, deleted) inside the commit, under the write lock.
                group[0].result = group[0].work(conn)
            for pending in group if len(group) > 1 else ():
                conn.execute("SAVEPOINT write")
                try:
                    pending.result = pending.work(conn)
                except Exception as error:  # noqa: BLE001 - handed to its own caller
                    conn.execute("ROLLBACK TO write")
                    pending.error = error
                conn.execute("RELEASE write")
            conn.execute("COMMIT")
            self.groups += 1
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            for pending in group:
                pending.error = error
                pending.result = None
            if not isinstance(error, Exception):
                raise
