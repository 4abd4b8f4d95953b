"""`chalice local` as `aduan run` starts it: every accepted connection sends without Nagle.

With Nagle's algorithm on, each response on a keep-alive connection stalls ~40 ms (headers and
body go out in two writes and the second waits for a delayed ACK; `make bench` measures it).
Timing is the bench's business; this test looks at the server's own accepted socket instead.
"""

from __future__ import annotations

import http.client
import socket
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.http


def test_accepted_connections_have_nagle_off(data_dir: Path) -> None:
    from app import app
    from chalice.config import Config
    from chalice.local import ChaliceRequestHandler, LocalDevServer
    from chalicelib.devserver import API_SERVER, chalice_local_without_nagle

    assert "chalice_local_without_nagle()" in API_SERVER  # what `aduan run` executes
    before = ChaliceRequestHandler.disable_nagle_algorithm
    chalice_local_without_nagle()
    server = LocalDevServer(app, Config(chalice_stage="local"), "127.0.0.1", 0)
    accepted: list[socket.socket] = []
    get_request = server.server.get_request

    def keep(*args: object) -> tuple[socket.socket, object]:
        connection, address = get_request()
        accepted.append(connection)
        return connection, address

    server.server.get_request = keep  # type: ignore[method-assign]
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    client = http.client.HTTPConnection("127.0.0.1", server.server.server_address[1], timeout=10)
    try:
        for _ in range(2):  # the same keep-alive connection twice
            client.request("GET", "/region")
            response = client.getresponse()
            response.read()
            assert response.status == 200
        assert len(accepted) == 1
        assert accepted[0].getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        client.close()
        server.server.shutdown()
        server.server.server_close()
        ChaliceRequestHandler.disable_nagle_algorithm = before
