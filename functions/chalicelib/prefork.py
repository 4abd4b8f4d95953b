"""The API served by several processes: one listening socket, accepted on by forked workers.

One Python process serves at most ~320 submissions a second (about 3 ms of CPU each, one
interpreter lock). `aduan run`'s API server binds and listens once, then forks
`ADUAN_API_PROCESSES` workers (default 2, one per core of the machines we run on), each running
the same app's serve loop on the inherited socket; the kernel gives each new connection to the
one worker whose `accept` takes it. A worker that already holds more connections than another
waits a moment before accepting, so that keep-alive connections (a browser keeps its six for
minutes) spread over the workers instead of piling up on whichever woke first.

The first process only supervises: when a worker ends on its own it stops the others and exits
with 1, so `aduan run` notices as it notices any child ending; asked to stop (SIGINT, SIGTERM,
SIGHUP) it stops them and exits with 0; killed outright, its workers die with it (Linux's
parent-death signal; elsewhere a thread that watches the parent).

Nothing a request may change is kept in a worker's memory: reports, rate-limit buckets,
officers' sessions and tracking numbers are all in the SQLite store, whose transactions hold
across processes (a write waits for the other process's write, `timeout=30`). What a worker
caches (published records, the region, the parsed rate limits) is read-only or checked against
its file on every use. A worker opens its own store after the fork: the parent has opened none.
"""

from __future__ import annotations

import contextlib
import ctypes
import mmap
import os
import select
import signal
import socketserver
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import FrameType
from typing import Any

DEFAULT_PROCESSES = 2
MAX_PROCESSES = 64
# How long a worker lets a less busy one accept a connection first, per connection it holds
# more (it accepts at once when the connection is still waiting after that), and at most: about
# as long as a busy worker's serve loop may wait for the interpreter lock (5 ms switch interval).
YIELD_SECONDS = 0.005
MAX_YIELD_SECONDS = 0.02
GRACE_SECONDS = 5.0  # asked to stop, a worker gets this long before SIGKILL
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def processes_from_env(env: dict[str, str] | None = None) -> int:
    """`ADUAN_API_PROCESSES` as a number of workers (1 serves in the first process, unforked)."""
    text = (os.environ if env is None else env).get("ADUAN_API_PROCESSES") or str(DEFAULT_PROCESSES)
    try:
        count = int(text)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_PROCESSES:
        raise ValueError(f"ADUAN_API_PROCESSES={text!r}: give a whole number from 1 to {MAX_PROCESSES}")
    return count


class Connections:
    """How many connections each worker holds now, in memory the workers share (made before the
    fork). Each worker writes only its own slot; its threads take turns through a lock."""

    def __init__(self, workers: int) -> None:
        self._memory = mmap.mmap(-1, 8 * workers)
        self.counts = memoryview(self._memory).cast("q")
        self.me = 0
        self._lock = threading.Lock()

    def add(self, delta: int) -> None:
        with self._lock:
            self.counts[self.me] += delta

    def surplus(self) -> int:
        """How many more connections this worker holds than the least busy one."""
        counts = self.counts.tolist()
        return int(counts[self.me] - min(counts))


def balanced(server: socketserver.TCPServer, connections: Connections) -> None:
    """Make `server` count its connections in `connections` and let a less busy worker accept
    first. Its listening socket is non-blocking: when another worker took the connection, the
    accept fails with BlockingIOError, which the serve loop ignores (an OSError)."""
    server.socket.setblocking(False)
    accept = server.get_request
    shutdown = server.shutdown_request

    def get_request() -> tuple[Any, Any]:
        surplus = connections.surplus()
        if surplus > 0:
            _wait_while_waiting(server.socket, min(MAX_YIELD_SECONDS, YIELD_SECONDS * surplus))
        request, address = accept()
        request.setblocking(True)  # where accepted sockets inherit the listener's mode (BSD)
        connections.add(1)
        return request, address

    def shutdown_request(request: Any) -> None:
        try:
            shutdown(request)
        finally:
            connections.add(-1)

    server.get_request = get_request  # type: ignore[method-assign]
    server.shutdown_request = shutdown_request  # type: ignore[method-assign]


def _wait_while_waiting(listener: Any, seconds: float) -> None:
    """Sleep up to `seconds` while a connection waits on `listener` (another worker may take it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and select.select([listener], [], [], 0)[0]:
        time.sleep(0.001)


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, however it ends (kill -9 included)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # it ended before the signal was asked for
                    os._exit(1)
                return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def serve(server: socketserver.TCPServer, workers: int, serve_forever: Callable[[], None] | None = None) -> int:
    """Serve `server`'s socket from `workers` forked processes until one ends or we are asked
    to stop; the exit status for the first process. One worker: serve here, unforked."""
    run = serve_forever or server.serve_forever
    if workers <= 1:
        run()
        return 0
    connections = Connections(workers)
    balanced(server, connections)
    parent = os.getpid()
    pids: list[int] = []
    for number in range(workers):
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            connections.me = number
            _work(run, parent)
        pids.append(pid)
    server.socket.close()  # the workers hold the listening socket now
    return _supervise(pids)


def _work(run: Callable[[], None], parent: int) -> None:
    """A forked worker's life: serve until stopped, then leave without running the parent's
    clean-ups (atexit handlers, buffered files it inherited)."""
    code = 0
    try:
        die_with_parent(parent)
        # SIGTERM ends the serve loop as Ctrl-C does (the default would end it as abruptly).
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        signal.signal(signal.SIGHUP, signal.default_int_handler)
        run()
    except KeyboardInterrupt:
        pass
    except BaseException:  # noqa: BLE001 - reported, then the supervisor stops the rest
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class _Stop(BaseException):
    pass


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def _supervise(pids: list[int]) -> int:
    previous = {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    running = set(pids)
    code = 0
    try:
        pid, _ = os.wait()  # the first worker to end: something went wrong
        running.discard(pid)
        print(f"aduan API: worker process {pid} ended; stopping the others", file=sys.stderr, flush=True)
        code = 1
    except _Stop:
        pass
    finally:
        for s in previous:  # the clean-up below is not interrupted again
            signal.signal(s, signal.SIG_IGN)
        _stop_workers(running)
    return code


def _stop_workers(running: set[int]) -> None:
    for pid in running:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    while running and time.monotonic() < deadline:
        for pid in list(running):
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(pid, os.WNOHANG)[0] == 0:
                    continue
            running.discard(pid)
        time.sleep(0.02)
    for pid in running:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
