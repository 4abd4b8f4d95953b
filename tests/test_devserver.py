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
    parse_headers = http.client.parse_headers
    tune_chalice_local()
    server = LocalDevServer(app, Config(chalice_stage="local"), "127.0.0.1", 0)
    accepted: list[socket.socket] = []
    sends: list[int] = []
    gateways: list[object] = []
    nodelay: list[int] = []
    get_request = server.server.get_request

    def keep(*args: object) -> tuple[object, object]:
        connection, address = get_request()
        accepted.append(connection)
        return connection, address

    original = ChaliceRequestHandler.handle

    def handle(self: ChaliceRequestHandler) -> None:  # one call per connection
        gateways.append(self.local_gateway)
        # Read while the connection is open: after the client closes, the server closes it too.
        nodelay.append(self.connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
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
        assert nodelay and nodelay[0] != 0
        other = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        other.request("GET", "/openapi.json")  # larger than the buffer: written through, whole
        response = other.getresponse()
        assert response.status == 200 and json.loads(response.read())["openapi"].startswith("3.")
        other.close()
        assert len(gateways) == 2 and gateways[0] is gateways[1]  # two connections, one gateway
    finally:
        server.server.shutdown()
        server.server.server_close()
        http.client.parse_headers = parse_headers
        for name in ("__init__", "handle", "wbufsize", "disable_nagle_algorithm", "MessageClass"):
            if name in before:
                setattr(ChaliceRequestHandler, name, before[name])
            elif name in vars(ChaliceRequestHandler):
                delattr(ChaliceRequestHandler, name)


HEADER_BLOCKS = [  # (block, parsed by the quick loop itself)
    (
        b"Host: 127.0.0.1:8000\r\nAccept-Encoding: identity\r\nContent-Length: 12\r\n"
        b"Content-Type: application/json\r\n\r\n",
        True,
    ),
    (b"host:x\r\nX-Empty:\r\nX-Spaces: \t a  b \t\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n", True),
    (b"Accept: */*\nUser-Agent: curl/8.5\n\n", True),  # bare LF line ends
    (b"X-Latin: caf\xe9\r\nX-Colon: a:b:c\r\n\r\n", True),
    (b"\r\n", True),
    # Shapes the quick loop leaves to the email parser:
    (b"X-Folded: one\r\n two\r\nHost: x\r\n\r\n", False),  # a continuation line
    (b"Host: x\r\nno colon here\r\n\r\n", False),
    (b"Bad Name: x\r\nHost: y\r\n\r\n", False),
    (b"X-CR: a\rb\r\n\r\n", False),
    (b"From nobody\r\nHost: x\r\n\r\n", False),
]


@pytest.mark.parametrize(("block", "quick_loop"), HEADER_BLOCKS)
def test_quick_headers_are_the_email_parsers_headers(block: bytes, quick_loop: bool, monkeypatch) -> None:
    """`aduan run`'s header parsing gives the message http.server's own parser gives: the same
    (name, value) pairs in order, the same lookups, the same body left unread; the usual
    shapes without the email parser, the others through it."""
    import email.parser
    import io

    from chalicelib.devserver import QuickHeaders, quick_parse_headers

    rest = b"BODY"
    stock_file = io.BytesIO(block + rest)
    lines = b"".join(http.client._read_headers(stock_file)).decode("iso-8859-1")
    stock = email.parser.Parser(_class=QuickHeaders).parsestr(lines)  # what http.client does
    parsers: list[object] = []

    class Counted(email.parser.Parser):
        def __init__(self, *args, **kwargs) -> None:
            parsers.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(email.parser, "Parser", Counted)
    quick_file = io.BytesIO(block + rest)
    quick = quick_parse_headers(quick_file, QuickHeaders)
    assert len(parsers) == (0 if quick_loop else 1)
    assert quick.items() == stock.items() and dict(quick) == dict(stock)
    for name in ("host", "Cookie", "content-length", "X-Folded", "absent"):
        assert quick.get(name) == stock.get(name) and quick.get_all(name) == stock.get_all(name)
    assert quick_file.read() == stock_file.read() == rest
    assert isinstance(quick, QuickHeaders)
