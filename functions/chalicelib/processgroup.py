"""The children of `aduan run`, started in one process group of their own and stopped together.

Every child (and anything a child starts, such as the worker's Pagefind run) joins the group
of the first one, so one `killpg` reaches them all, whoever signalled `aduan run` and however:
Ctrl-C in a terminal, SIGTERM from a service manager or `kill`, SIGHUP when the terminal
closes. Without it a killed `aduan run` left its servers holding the ports.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(BaseException):
    """Raised in the main thread when `aduan run` is asked to stop by a signal.

    A BaseException, like KeyboardInterrupt, so no `except Exception` on the way swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    # Once stopping has begun, further signals must not interrupt the cleanup.
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGINT, SIGTERM and SIGHUP into `Stopped`, so `finally` blocks run for each of them."""
    previous = {s: signal.signal(s, _raise_stopped) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


class ProcessGroup:
    """Child processes sharing one process group, stopped as one."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[Any]] = []
        self.pgid: int | None = None

    def start(self, command: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
        # The first child founds the group (its pid is the group id); the others join it.
        proc = subprocess.Popen(command, process_group=0 if self.pgid is None else self.pgid, **kwargs)
        if self.pgid is None:
            self.pgid = proc.pid
        self.procs.append(proc)
        return proc

    def all_running(self) -> bool:
        return all(p.poll() is None for p in self.procs)

    def stop(self, grace: float = 5.0) -> None:
        """SIGINT to the whole group (each child shuts down cleanly), SIGKILL after `grace` seconds."""
        if self.pgid is None:
            return
        self._signal(signal.SIGINT)
        deadline = time.monotonic() + grace
        for proc in self.procs:
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        # Also reaches grandchildren that outlived their parent.
        self._signal(signal.SIGKILL)
        for proc in self.procs:
            proc.wait()

    def _signal(self, signum: int) -> None:
        assert self.pgid is not None
        try:
            os.killpg(self.pgid, signum)
        except ProcessLookupError:  # every member has already exited
            pass


def port_in_use(host: str, port: int) -> bool:
    """Whether a server could not listen on host:port now (bound the way our servers bind)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As http.server and chalice local do, so a port left in TIME_WAIT counts as free.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False
