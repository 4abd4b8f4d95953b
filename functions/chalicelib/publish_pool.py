"""The cold publish on both cores: a full publish's work per report in forked workers.

A full publish (`Publisher.publish_all`) redacts every published report into its public record
and finds the gate's identifiers of every report the gate's index has not seen: about 2 ms of
pure Python per report, nearly all of a cold publish, and no report's work depends on another's.
Then the gate checks every record against every identifier found, and the record is encoded and
written. `ordered_imap` runs each pass in a pool of forked workers fed in chunks and hands the
results back in the order of the reports as they come, so the parent stores them (identifiers,
verdicts) while the workers go on, and the dataset is exactly what a serial run writes
(tests/test_publish_pool.py and tests/test_cold8_gate.py compare the two byte for byte).

Workers are forked, not spawned: they inherit the reports, the region and the loaded redactor
instead of receiving them pickled, and only the results cross back. A small batch (one change,
a few dozen reports) costs less serially than starting a pool, so it runs serially; so does a
platform without fork, a single core, a process with other threads running (`can_fork`), and
a sandbox that refuses the pool's semaphores (AWS Lambda
has no /dev/shm).
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_BATCH = 400  # below this many reports a pool costs more than it saves
CHUNK = 100  # reports per task: large enough to amortise a task, small enough to balance two cores

# What the workers inherit by fork: set by the parent just before the pool starts.
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def workers() -> int:
    """How many workers a pool would have: ADUAN_PUBLISH_WORKERS, else the cores this process
    may run on, at most 2 (the machines this runs on have 2)."""
    configured = os.environ.get("ADUAN_PUBLISH_WORKERS")
    if configured:
        return max(1, int(configured))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(2, cores)


# Threads that may run while the workers fork: the store's WAL checkpoints (walcheckpoint.py)
# touch only their own SQLite connection, which a worker never uses; asyncio's child watcher
# threads ("asyncio-waitpid-N", one per child process started through asyncio, as Playwright
# starts its driver) only wait for their child and hand its status to their own event loop.
FORK_SAFE_THREADS = frozenset({"wal-checkpoint"})
FORK_SAFE_PREFIXES = ("asyncio-waitpid-",)


def _fork_safe(thread: threading.Thread) -> bool:
    return (
        thread is threading.main_thread()
        or thread.name in FORK_SAFE_THREADS
        or thread.name.startswith(FORK_SAFE_PREFIXES)
    )


def can_fork() -> bool:
    """Fork is there, and no other thread runs code a worker could need (a fork copies a
    thread's locks as they are, held or not, but not the thread that would release them)."""
    import multiprocessing  # noqa: PLC0415 - only when a pool may start (see ordered_imap)

    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    return all(_fork_safe(t) for t in threading.enumerate())


def frozen_before_fork() -> None:
    """Before forking a pool: when the process has moved what it holds out of the cyclic
    collector's reach (`gc.freeze`, as a first or full build does: sitebuild._collector_paused),
    move what it has made since too, so that neither the workers nor this process walk the
    reports and records again in their full collections. Otherwise nothing is done."""
    if gc.get_freeze_count():
        gc.freeze()


def _plain_signals() -> None:
    """A worker forked from `aduan run` inherits the handlers that turn SIGTERM, SIGINT and SIGHUP
    into `Stopped` (processgroup.py): a pool's terminate() then raised Stopped inside the pool's
    queue code, with a traceback in the log, and a worker could leave a queue lock taken. A
    worker stops plainly instead (as the render pool's, pages.py); the parent handles the stop."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _run(span: tuple[int, int]) -> list[Any]:
    assert _job is not None, "a worker runs only inside ordered_map's pool"
    work, items = _job
    return [work(item) for item in items[span[0] : span[1]]]


def ordered_map(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    processes: int | None = None,
    min_batch: int | None = None,
    chunk: int | None = None,
) -> list[Result]:
    """`[work(item) for item in items]`, on `processes` forked workers when it pays."""
    return list(ordered_imap(work, items, processes=processes, min_batch=min_batch, chunk=chunk))


def ordered_imap(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    processes: int | None = None,
    min_batch: int | None = None,
    chunk: int | None = None,
) -> Iterator[Result]:
    """`ordered_map`, each result handed back as soon as it and those before it are made: the
    caller works on the first ones (writes them, say) while the workers make the rest."""
    processes = workers() if processes is None else processes
    min_batch = MIN_BATCH if min_batch is None else min_batch
    chunk = CHUNK if chunk is None else chunk
    if processes < 2 or len(items) < min_batch or not can_fork():
        yield from (work(item) for item in items)
        return
    global _job
    _job = (work, items)
    spans = [(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]
    # multiprocessing (with pickle and socket: about 0.1 s of CPU) is imported only when a pool
    # starts: a change build publishes a few reports serially and never needs it.
    import multiprocessing  # noqa: PLC0415 - see the comment above

    frozen_before_fork()
    try:
        pool = multiprocessing.get_context("fork").Pool(processes, initializer=_plain_signals)
    except OSError:  # no semaphores here (AWS Lambda): the same work, serially
        _job = None
        yield from (work(item) for item in items)
        return
    finished = False
    try:
        for part in pool.imap(_run, spans):
            yield from part
        finished = True
    finally:
        _job = None
        if finished:  # every result is in: the workers end on their own, no signal needed
            pool.close()
        else:  # an error, or the caller stopped early: work may still be out
            pool.terminate()
        pool.join()
