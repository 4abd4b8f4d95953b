"""`aduan run` as `make run` starts it: a signal stops all three children and frees their ports;
a busy port is named before anything starts."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

import pytest
from live import ADUAN, REPO, free_port, start, wait_until


def children_of(pid: int) -> list[int]:
    """The live child processes of `pid`, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Running or sleeping, not gone and not a zombie waiting for a reaper."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.mark.http
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_stops_all_three_children_and_frees_the_ports(
    tmp_path_factory: pytest.TempPathFactory, signum: signal.Signals
) -> None:
    system = start(tmp_path_factory.mktemp(signum.name))
    children = children_of(system.process.pid)
    try:
        assert len(children) == 3, children  # chalice local, the static server, the worker
        ports = [int(url.rsplit(":", 1)[1]) for url in (system.api, system.site)]
        assert not any(port_free(p) for p in ports)
        system.process.send_signal(signum)
        assert system.process.wait(timeout=30) == 0
        assert wait_until(lambda: not any(alive(c) for c in children), timeout=10), [c for c in children if alive(c)]
        assert all(port_free(p) for p in ports), ports
    finally:
        system.stop()
        for child in children:  # only if the test failed: no server may outlive it
            if alive(child):
                os.kill(child, signal.SIGKILL)


def test_a_busy_port_is_named_before_anything_starts(tmp_path: Path) -> None:
    data, output = tmp_path / "data", tmp_path / "output"
    site_port = free_port()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        api_port = busy.getsockname()[1]
        result = subprocess.run(
            [str(ADUAN), "run", "--output", str(output), "--site-port", str(site_port)],
            env={**os.environ, "ADUAN_DATA": str(data), "ADUAN_API_PORT": str(api_port)},
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"port {api_port} (API)" in result.stderr
    assert "--api-port" in result.stderr and "ADUAN_API_PORT" in result.stderr
    assert "Traceback" not in result.stderr and "Aduan is running" not in result.stdout
    assert str(site_port) not in result.stderr  # the free port is not blamed
    assert not data.exists() and not output.exists()  # nothing loaded, built or started
