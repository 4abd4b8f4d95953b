"""`aduan run`'s API in two processes (prefork.py), over real HTTP through `chalice local`.

Which process holds a connection is read from /proc (the socket's inode among each worker's
open files), so these tests run on Linux only.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import submission

pytestmark = [
    pytest.mark.http,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]


class Server:
    def __init__(self, process: subprocess.Popen[bytes], port: int, data: Path) -> None:
        self.process, self.port, self.data = process, port, data

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def workers(self) -> list[int]:
        return sorted(
            int(entry) for entry in os.listdir("/proc") if entry.isdigit() and _parent(entry) == self.process.pid
        )

    def holder(self, connection: http.client.HTTPConnection) -> int:
        """The worker process holding the server's end of `connection`."""
        assert connection.sock is not None
        client_port = connection.sock.getsockname()[1]
        inode = _server_socket_inode(self.port, client_port)
        for pid in self.workers():
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                        return pid
                except OSError:
                    continue
        raise AssertionError(f"no worker holds the connection from port {client_port}")


def _parent(pid: str) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _server_socket_inode(server_port: int, client_port: int) -> str:
    """The inode of the accepted socket 127.0.0.1:server_port ← 127.0.0.1:client_port."""
    local, remote = f"0100007F:{server_port:04X}", f"0100007F:{client_port:04X}"
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == local and fields[2] == remote:
            return fields[9]
    raise AssertionError(f"no accepted socket for port {client_port}")


def _request(
    connection: http.client.HTTPConnection, method: str, path: str, body: object = None
) -> tuple[int, dict[str, str], dict]:
    data = None if body is None else json.dumps(body).encode()
    connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), json.loads(response.read())


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    yield from _start(tmp_path, ADUAN_RATE_SUBMIT="5/3600")


def _start(tmp_path: Path, **settings: str) -> Iterator[Server]:
    from chalicelib.devserver import api_command
    from live import free_port, wait_for

    port, data = free_port(), tmp_path / "data"
    env = {**os.environ, "ADUAN_DATA": str(data), "ADUAN_API_PROCESSES": "2", **settings}
    process = subprocess.Popen(api_command("127.0.0.1", port), env=env, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process, timeout=60)
        server = Server(process, port, data)
        # the first worker may answer before the second is forked (seen on CI's machine at load 13)
        deadline = time.monotonic() + 60
        while len(server.workers()) < int(env["ADUAN_API_PROCESSES"]):
            assert time.monotonic() < deadline, f"{server.workers()} of {env['ADUAN_API_PROCESSES']} workers up"
            time.sleep(0.05)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _spread(server: Server, count: int = 4) -> list[http.client.HTTPConnection]:
    """`count` keep-alive connections, each with one request answered."""
    connections = []
    for _ in range(count):
        connection = server.connect()
        assert _request(connection, "GET", "/region")[0] == 200
        connections.append(connection)
    return connections


def test_two_workers_share_the_connections_and_answer_alike(server: Server) -> None:
    """Keep-alive connections are spread over both workers; each answers, an error from either
    has the one JSON shape, and each connection stays open with its worker between requests."""
    workers = server.workers()
    assert len(workers) == 2
    connections = _spread(server)
    holders = [server.holder(c) for c in connections]
    assert set(holders) == set(workers), holders
    for connection in connections:
        status, headers, body = _request(connection, "GET", "/no/such/path/at/all")
        assert status == 404 and body["Code"] == "NotFoundError" and "openapi.json" in body["Message"]
        status, _, body = _request(connection, "POST", "/reports", {"title": ""})
        assert status == 400 and set(body) >= {"Code", "Message"}
    assert [server.holder(c) for c in connections] == holders  # the same sockets: kept alive
    for connection in connections:
        connection.close()


def test_rate_limits_hold_across_the_workers(server: Server) -> None:
    """ADUAN_RATE_SUBMIT=5/3600 allows five submissions from one address in all, not five per
    process: eight sent over connections held by both workers give five 201s and three 429s."""
    connections = _spread(server)
    assert len({server.holder(c) for c in connections}) == 2
    answers = []
    for i in range(8):
        status, headers, body = _request(connections[i % 4], "POST", "/reports", submission(title=f"Lampu mati {i}"))
        answers.append(status)
        if status == 429:
            assert body["Code"] == "TooManyRequestsError" and int(headers["Retry-After"]) >= 1
    assert sorted(answers) == [201] * 5 + [429] * 3, answers
    for connection in connections:
        connection.close()


def test_acknowledged_reports_survive_kill_9_and_the_workers_die_with_the_server(server: Server) -> None:
    """Every 201 from either worker is on disk when the server is killed outright, and its
    workers do not outlive it (they would hold the port)."""
    from chalicelib.sqlite_store import SQLiteStore

    workers = server.workers()
    connections = _spread(server)
    acknowledged = []
    for i in range(4):
        status, _, body = _request(connections[i], "POST", "/reports", submission(title=f"Jalan rusak {i}"))
        assert status == 201
        acknowledged.append(body["tracking"])
    server.process.kill()
    server.process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() and _parent(str(pid)) is not None for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the killed server"
        time.sleep(0.05)
    store = SQLiteStore(server.data / "aduan.db")
    assert sorted(r.tracking for r in store.all()) == sorted(acknowledged)


def test_a_worker_that_dies_stops_the_server(server: Server) -> None:
    """`aduan run` watches the server process: a worker gone must end it (exit 1), not leave
    half a server answering."""
    first, second = server.workers()
    os.kill(first, signal.SIGKILL)
    assert server.process.wait(timeout=15) == 1
    deadline = time.monotonic() + 10
    while _parent(str(second)) == server.process.pid:
        assert time.monotonic() < deadline, "the other worker outlived the server"
        time.sleep(0.05)


def test_asked_to_stop_the_server_and_its_workers_exit_cleanly(server: Server) -> None:
    workers = server.workers()
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=15) == 0
    assert not any(_parent(str(pid)) == server.process.pid for pid in workers)


def test_the_number_of_processes_is_checked(monkeypatch, capsys) -> None:
    from chalicelib import prefork
    from chalicelib.devserver import run
    from live import free_port

    assert prefork.processes_from_env({}) == 2
    assert prefork.processes_from_env({"ADUAN_API_PROCESSES": "3"}) == 3
    for bad in ("0", "-1", "two", "1.5", "1000"):
        with pytest.raises(ValueError, match="ADUAN_API_PROCESSES"):
            prefork.processes_from_env({"ADUAN_API_PROCESSES": bad})
    monkeypatch.setenv("ADUAN_API_PROCESSES", "two")
    assert run(Path("unused"), api_port=free_port(), site_port=free_port()) == 2
    assert "ADUAN_API_PROCESSES" in capsys.readouterr().err
