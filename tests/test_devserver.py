"""`chalice local` as `aduan run` starts it: every accepted connection sends without Nagle,
each response leaves in one write, and one gateway serves every connection.

With Nagle's algorithm on, each response on a keep-alive connection stalls ~40 ms (headers and
body go out in two writes and the second waits for a delayed ACK; `make bench` measures it).
Timing is the bench's business; this test looks at the server's own accepted sockets, the
sends made on them and the handlers' gateways instead.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.http


def test_accepted_connections_have_nagle_off_one_write_and_one_gateway(data_dir: Path) -> None:
    from app import app
    from chalice.config import Config
    from chalice.local import ChaliceRequestHandler, LocalDevServer
    from chalicelib.devserver import API_SERVER, tune_chalice_local

    assert "tune_chalice_local()" in API_SERVER  # what `aduan run` executes
    before = dict(vars(ChaliceRequestHandler))
    tune_chalice_local()
    server = LocalDevServer(app, Config(chalice_stage="local"), "127.0.0.1", 0)
    accepted: list[socket.socket] = []
    sends: list[int] = []
    gateways: list[object] = []
    get_request = server.server.get_request

    def keep(*args: object) -> tuple[object, object]:
        connection, address = get_request()
        accepted.append(connection)
        return connection, address

    original = ChaliceRequestHandler.handle

    def handle(self: ChaliceRequestHandler) -> None:  # one call per connection
        gateways.append(self.local_gateway)
        # What reaches the socket: the buffer's raw writer, or the unbuffered writer itself.
        target = getattr(self.wfile, "raw", self.wfile)
        write = target.write

        def counted(data: bytes) -> int:
            sends.append(len(data))
            return int(write(data))

        target.write = counted
        original(self)

    ChaliceRequestHandler.handle = handle  # type: ignore[method-assign]
    server.server.get_request = keep  # type: ignore[method-assign]
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    port = server.server.server_address[1]
    try:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(2):  # the same keep-alive connection twice
            client.request("GET", "/region")
            response = client.getresponse()
            assert response.status == 200 and response.read()
        client.close()
        assert len(accepted) == 1 and len(sends) == 2  # a response, a send
        assert accepted[0].getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        other = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        other.request("GET", "/openapi.json")  # larger than the buffer: written through, whole
        response = other.getresponse()
        assert response.status == 200 and json.loads(response.read())["openapi"].startswith("3.")
        other.close()
        assert len(gateways) == 2 and gateways[0] is gateways[1]  # two connections, one gateway
    finally:
        server.server.shutdown()
        server.server.server_close()
        for name in ("__init__", "handle", "wbufsize", "disable_nagle_algorithm"):
            if name in before:
                setattr(ChaliceRequestHandler, name, before[name])
            elif name in vars(ChaliceRequestHandler):
                delattr(ChaliceRequestHandler, name)
