"""One measured child process: wall time, CPU time, its own peak RSS, and the figures it reports.

Every heavy step of the bench runs in a fresh process so that its peak memory is its own and
not the high-water mark of everything the bench did before. The peak comes from `os.wait4`,
the same source `/usr/bin/time` reads: the largest resident set of the child or of any
process it waited for (Pagefind, Hugo), not their sum.

A child that wants to hand figures back prints one line `BENCH-RESULT {json}` on stdout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MARK = "BENCH-RESULT "
REPO = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """What one child did: `figures` is its BENCH-RESULT (empty if it printed none)."""

    command: list[str]
    seconds: float
    peak_mb: float
    exit_code: int
    timed_out: bool = False
    # CPU seconds (user + system) of the child and the processes it waited for: on a shared,
    # loaded machine this moves far less than the wall time.
    cpu_seconds: float = 0.0
    figures: dict[str, Any] = field(default_factory=dict)
    log: Path | None = None

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out

    def tail(self, lines: int = 20) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def report(figures: dict[str, Any]) -> None:
    """Called in the child: hand `figures` to the parent."""
    print(MARK + json.dumps(figures), flush=True)


def run(
    command: Sequence[str],
    log: Path,
    *,
    env: dict[str, str] | None = None,
    cwd: Path = REPO,
    timeout: float | None = None,
) -> Run:
    """Run `command` to its end (or kill its process group after `timeout` seconds)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    timed_out = threading.Event()
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command), stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
    figures: dict[str, Any] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(MARK):
            figures = json.loads(line[len(MARK) :])
    # ru_maxrss is in kilobytes on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return Run(
        list(command), seconds, usage.ru_maxrss / 1024, process.returncode, timed_out.is_set(), cpu, figures, log
    )


def python(script: str, *args: str) -> list[str]:
    """A command running one of the bench's scripts with this interpreter."""
    return [sys.executable, str(REPO / "bench" / script), *args]


def environment(data: Path, **extra: str) -> dict[str, str]:
    """The environment of a child working on the data directory `data`."""
    functions = str(REPO / "functions")
    path = os.environ.get("PYTHONPATH", "")
    # A person's installed Aduan has its bytecode cached; a session started with
    # PYTHONDONTWRITEBYTECODE=1 would have every new process compile ~80 of our modules again,
    # about 0.6 s of CPU each time (measured on `aduan build` with nothing to do). The cache goes
    # under bench/out/, not into functions/: `make package` must not ship __pycache__.
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **inherited,
        "PYTHONPYCACHEPREFIX": str(REPO / "bench" / "out" / "pycache"),
        # The redactor's start cache of this checkout alone, as an installed Aduan has it: the
        # home's cache is shared with every other checkout and version on the machine, and its
        # state (not the code) would set the start-up figures (redaction/startcache.py).
        "ADUAN_CACHE": str(REPO / "bench" / "out" / "cache"),
        "ADUAN_DATA": str(data),
        "PYTHONPATH": functions + (os.pathsep + path if path else ""),
        **extra,
    }
