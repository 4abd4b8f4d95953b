"""The whole local system as `make run` starts it (`aduan run`), on free loopback ports."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
ADUAN = Path(sys.executable).parent / "aduan"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveSystem:
    data: Path
    output: Path
    api: str
    site: str
    process: subprocess.Popen

    def aduan(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(ADUAN), *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "ADUAN_DATA": str(self.data)},
            cwd=REPO,
        )

    def officer_token(self, role: str = "admin", agency: str | None = None) -> str:
        args = ["officer", "add", "--name", f"Tes {role}", "--role", role] + (["--agency", agency] if agency else [])
        result = self.aduan(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout.split("token (shown once, keep it secret): ")[1].strip()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def wait_for(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"aduan run exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def start(tmp: Path) -> LiveSystem:
    data, output = tmp / "data", tmp / "output"
    api_port, site_port = free_port(), free_port()
    log = open(tmp / "run.log", "w")  # noqa: SIM115 - lives as long as the process
    process = subprocess.Popen(
        [str(ADUAN), "run", "--output", str(output), "--api-port", str(api_port), "--site-port", str(site_port)],
        env={**os.environ, "ADUAN_DATA": str(data)},
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    system = LiveSystem(data, output, f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{site_port}", process)
    try:
        # The site's first build of the demo data takes seconds on a quiet machine, but minutes
        # when the 2 cores are shared with other suites: wait long, fail only on a real hang.
        wait_for(system.api + "/", process, timeout=240)
        wait_for(system.site + "/index.html", process, timeout=240)
    except BaseException:
        system.stop()
        raise RuntimeError((tmp / "run.log").read_text()) from None
    return system


def wait_until(predicate, timeout: float = 30, interval: float = 0.3) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
