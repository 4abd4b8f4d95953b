"""A lock across processes around the store's write transactions on a request's path.

SQLite lets one connection write at a time, and a connection that finds the database locked
polls: it sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms between tries (its default busy
handler). Within one API process the group commit (groupcommit.py) queues writers on a condition
instead; across the API's processes (prefork.py) a submission would wait in that polling for a
lock freed a couple of milliseconds later. Here the writers on a request's path (group commits
and rate-limit buckets) first take an exclusive `flock` on a file beside the database: a waiting
process sleeps in the kernel and wakes when the lock is released. Writers that do not take it
(an import, the publisher, the CLI) still meet SQLite's own lock, which stays the real guard;
this lock only orders the waiting. Where `fcntl` is missing (Windows) it is only a thread lock.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on the platforms we run on
    fcntl = None  # type: ignore[assignment]


class WriteLock:
    """`with lock.held():` one writer at a time among every process that uses the same path."""

    def __init__(self, path: Path | str) -> None:
        self.path = os.fspath(path)
        # flock belongs to an open file: the threads of a process share one open file (taking
        # turns through the thread lock), and a forked process opens its own (a file opened
        # before the fork is the parent's, and the parent's lock would be the child's too).
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._pid = 0

    def _file(self) -> int:
        if self._fd is None or self._pid != os.getpid():
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            self._pid = os.getpid()
        return self._fd

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._threads:
            if fcntl is None:
                yield
                return
            fd = self._file()
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
