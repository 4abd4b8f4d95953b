"""Submission handler latency, in process and over HTTP through `chalice local`.

    python bench/latency.py --data DIR --lines FILE [--requests N]

Each request files a new report (POST /reports, JSON) built from the next demo report, so the
handler does its real work: validation, the rate limiter (switched off here: every request
comes from one address), redaction of the private text, the SQLite transaction.

- in process: Chalice's own test client calling the view through the app;
- over HTTP: `chalice local` started twice, once stock (as `chalice local` ships: Nagle's
  algorithm on) and once as `aduan run` starts it (devserver.api_command), each driven by one
  client, first over one persistent connection (keep-alive, http.client), then with a new
  connection per request; requests per second there are for that one sequential client. Last,
  the throughput of four clients at once, keep-alive and then with a new connection per
  request (the figure issue 8's ≥ 300 requests/s target is judged on: a server's rate, not
  one client's). `aduan run` serves from `ADUAN_API_PROCESSES` processes (prefork.py); the
  server CPU per request counts all of them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from child import REPO, report

CLIENTS = 4  # for the throughput figure: more than the 2 cores, fewer than a browser's 6 connections

STOCK_SERVER = """
import sys
from chalice.cli import main
sys.argv = ["chalice", "--project-dir", sys.argv[1], "local", "--host", sys.argv[2], "--port", sys.argv[3], "--stage", "local", "--no-autoreload"]
main()
"""


def submissions(lines: Path) -> Iterator[bytes]:
    """Request bodies, one per demo report, round and round the file."""
    keep = ("kind", "title", "description", "category", "location", "reporter", "anonymous", "confidential")
    bodies = []
    for line in lines.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            bodies.append(json.dumps({k: item[k] for k in keep if k in item}, ensure_ascii=False).encode())
    while True:
        yield from bodies


def summary(samples: list[float], wall: float) -> dict[str, float]:
    ordered = sorted(samples)

    def rank(p: float) -> float:  # nearest rank
        return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered))) - 1))] * 1000

    return {
        "requests": len(samples),
        "p50_ms": rank(50),
        "p99_ms": rank(99),
        "max_ms": ordered[-1] * 1000,
        "per_second": len(samples) / wall,
    }


def measure(send: Callable[[bytes], int], bodies: Iterator[bytes], count: int, warmup: int = 10) -> dict[str, float]:
    for _ in range(warmup):
        status = send(next(bodies))
        if status != 201:
            raise RuntimeError(f"POST /reports answered {status}, expected 201")
    samples = []
    start = time.perf_counter()
    for _ in range(count):
        body = next(bodies)
        t = time.perf_counter()
        status = send(body)
        samples.append(time.perf_counter() - t)
        if status != 201:
            raise RuntimeError(f"POST /reports answered {status}, expected 201")
    return summary(samples, time.perf_counter() - start)


def in_process(bodies: Iterator[bytes], count: int) -> dict[str, float]:
    from app import app
    from chalice.test import Client

    with Client(app) as client:

        def send(body: bytes) -> int:
            return int(
                client.http.post("/reports", headers={"Content-Type": "application/json"}, body=body).status_code
            )

        return measure(send, bodies, count)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post(connection: http.client.HTTPConnection, body: bytes) -> int:
    connection.request("POST", "/reports", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    return response.status


def parallel(
    port: int, bodies: Iterator[bytes], count: int, clients: int = CLIENTS, keep_alive: bool = True
) -> dict[str, float]:
    """Throughput with `clients` at once (chalice local is threaded), each over one keep-alive
    connection or with a new connection per request."""
    lock = threading.Lock()
    samples: list[float] = []
    failures: list[int] = []

    def client(share: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            for _ in range(share):
                with lock:
                    body = next(bodies)
                t = time.perf_counter()
                status = post(connection, body)
                if not keep_alive:
                    connection.close()  # the next request connects again
                elapsed = time.perf_counter() - t
                with lock:
                    samples.append(elapsed)
                    if status != 201:
                        failures.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(count // clients,)) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"POST /reports answered {sorted(set(failures))}, expected 201")
    return {**summary(samples, time.perf_counter() - start), "clients": clients}


def _stat(pid: int | str) -> list[str] | None:
    """/proc/PID/stat's fields after the command name (state first), or None."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user + system) process `pid` and its children (the API's worker
    processes) have used so far; None where /proc is not."""
    own = _stat(pid)
    if own is None:
        return None
    ticks = int(own[11]) + int(own[12])
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(entry)) is not None and fields[1] == str(pid):
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def with_server_cpu(pid: int, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """`run()`'s figures plus the server's CPU milliseconds per request meanwhile: on a shared
    machine the wall-clock rates move with the load, the CPU a request costs much less."""
    before = cpu_seconds(pid)
    figures = run()
    after = cpu_seconds(pid)
    if before is not None and after is not None and figures.get("requests"):
        figures["server_cpu_ms"] = 1000 * (after - before) / figures["requests"]
    return figures


def over_http(command: list[str], port: int, bodies: Iterator[bytes], count: int, **settings: str) -> dict[str, Any]:
    env = {**os.environ, "ADUAN_RATE_SUBMIT": "off", **settings}
    server = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                probe.request("GET", "/")
                probe.getresponse().read()
                probe.close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chalice local did not start ({command[:3]}…)") from None
                time.sleep(0.2)
        persistent = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        keep_alive = with_server_cpu(server.pid, lambda: measure(lambda body: post(persistent, body), bodies, count))
        persistent.close()

        def fresh(body: bytes) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                return post(connection, body)
            finally:
                connection.close()

        new_connection = with_server_cpu(server.pid, lambda: measure(fresh, bodies, count))
        together = with_server_cpu(server.pid, lambda: parallel(port, bodies, count))
        together_new = with_server_cpu(server.pid, lambda: parallel(port, bodies, count, keep_alive=False))
        return {
            "keep_alive": keep_alive,
            "new_connection": new_connection,
            "parallel": together,
            "parallel_new_connection": together_new,
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--lines", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args(argv)
    os.environ["ADUAN_DATA"] = str(args.data)
    os.environ["ADUAN_RATE_SUBMIT"] = "off"
    from chalicelib.devserver import FUNCTIONS, api_command

    bodies = submissions(args.lines)
    figures: dict[str, Any] = {"in_process": in_process(bodies, args.requests)}
    port = free_port()
    stock = [sys.executable, "-c", STOCK_SERVER, str(FUNCTIONS), "127.0.0.1", str(port)]
    figures["http_stock"] = over_http(stock, port, bodies, args.requests)
    port = free_port()
    figures["http_aduan"] = over_http(api_command("127.0.0.1", port), port, bodies, args.requests)
    # The same server in one process (as before prefork.py), for the ratio in the same run.
    port = free_port()
    figures["http_aduan_one_process"] = over_http(
        api_command("127.0.0.1", port), port, bodies, args.requests, ADUAN_API_PROCESSES="1"
    )
    report(figures)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "functions"))
    sys.exit(main())
