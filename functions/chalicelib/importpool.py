"""A long import's lines checked on both cores.

Reading, checking and building the reports of an import file is about two thirds of its CPU,
pure Python, and one chunk of lines does not depend on another except through refs seen
twice. So past the first few chunks (importer.POOL_AFTER lines) the chunks go to forked
workers, in order, and come back checked; the parent accepts them in file order, which is
where a ref already seen on an earlier line is caught (importer._Reading.accept), and stages
them while the workers check the next ones. The first bad line of the file is the one named,
as when one process reads it all.

Workers are forked (they inherit the region and the reading's state), open their own
connection to the store (`after_fork`) and make the new reports' rows (`prepare`); a store
without these, a platform without fork, a
single core or a process with other threads running checks everything itself, as before.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, Any

from .publish_pool import can_fork

if TYPE_CHECKING:
    from .importer import Checked, _Reading

# Chunks out at a time per worker: enough to keep both cores busy while the parent stages.
IN_FLIGHT = 2
# What the workers inherit by fork: set by the parent just before the pool starts.
_reading: _Reading | None = None


def workers() -> int:
    """ADUAN_IMPORT_WORKERS, else the cores this process may run on, at most 2."""
    configured = os.environ.get("ADUAN_IMPORT_WORKERS")
    if configured:
        return max(0, int(configured))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(2, cores)


def _start() -> None:
    assert _reading is not None, "a worker runs only inside checked_chunks's pool"
    _reading.store.after_fork()  # type: ignore[attr-defined]


def _check(chunk: list[tuple[int, Any]]) -> Checked:
    assert _reading is not None, "a worker runs only inside checked_chunks's pool"
    checked = _reading.check(chunk)
    # The new reports' rows are made here too (the store's `prepare`): rows of text cross
    # back to the parent for a fraction of what pickling the reports costs.
    checked.batch = _reading.store.prepare(checked.batch)  # type: ignore[attr-defined]
    return checked


def checked_chunks(reading: _Reading, chunks: Iterable[list[tuple[int, Any]]]) -> Iterator[Checked]:
    """`reading.check(chunk)` for every chunk, in order: in forked workers when they can."""
    global _reading
    processes = workers()
    pool = None
    if processes >= 2 and all(hasattr(reading.store, m) for m in ("after_fork", "prepare")) and can_fork():
        _reading = reading
        try:
            pool = multiprocessing.get_context("fork").Pool(processes, initializer=_start)
        except OSError:  # no semaphores here (AWS Lambda): the same work, in this process
            _reading = None
    if pool is None:
        yield from map(reading.check, chunks)
        return
    # At most IN_FLIGHT chunks per worker are out at a time, read by this thread (not Pool.imap's
    # task thread, which would read the whole file ahead into memory), and the pool is never
    # terminated with work out: Pool.terminate() can deadlock when a worker is blocked writing a
    # large result to a pipe nobody reads any more (seen on an import refused for a bad line). On
    # the way out, a bad line's error included, the chunks still out are waited for, then the
    # workers are told to stop and joined.
    pending: deque[AsyncResult[Checked]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.apply_async(_check, (chunk,)))
            if len(pending) >= IN_FLIGHT * processes:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    finally:
        for result in pending:
            result.wait()
        pool.close()
        pool.join()
        _reading = None
