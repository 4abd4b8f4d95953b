"""`aduan run`: the whole local system — API (`chalice local`), static site server and worker.

Loads the demo data when the data directory is empty, builds the site, prints the addresses and
how to get an officer token. Ctrl-C, SIGTERM and SIGHUP stop all three children (they share a
process group, see processgroup.py); a busy port is named before anything starts.
"""

from __future__ import annotations

import email.parser
import http.client
import importlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from . import config, prefork
from .importer import import_lines
from .processgroup import ProcessGroup, Stopped, port_in_use, stop_on_signals
from .region import load_region

FUNCTIONS = Path(__file__).resolve().parents[1]


def chalice_local_without_nagle() -> None:
    """Every connection `chalice local` accepts from now on sends with TCP_NODELAY.

    Its handler writes the headers and the body of a response in two writes; with Nagle's
    algorithm on, the second waits for the client's delayed ACK, so every request on a
    keep-alive connection stalls ~40 ms (docs/architecture.md, BENCH.md). The socketserver
    flag sets TCP_NODELAY on each accepted socket in the handler's setup.
    """
    from chalice.local import ChaliceRequestHandler  # noqa: PLC0415 - the dev server only

    ChaliceRequestHandler.disable_nagle_algorithm = True


def chalice_local_one_write_per_response() -> None:
    """Every response leaves in one write: status line, headers and body together.

    The handler's socket writer is unbuffered (socketserver's default), so the headers and the
    body went out as two sends, and the client woke twice per request. Buffered, they wait in
    the buffer until http.server flushes it at the end of the request (a body larger than the
    buffer is written through).
    """
    from chalice.local import ChaliceRequestHandler  # noqa: PLC0415 - the dev server only

    ChaliceRequestHandler.wbufsize = -1  # io.DEFAULT_BUFFER_SIZE


def chalice_local_one_gateway() -> None:
    """Build `chalice local`'s gateway (route table, authorizer) once, not per connection.

    Its handler made a LocalGateway, which sorts every route of the app, for each connection
    it accepted: with a new connection per request, that is per request. The gateway keeps no
    state between requests (the request itself is per thread in LocalChalice), so one is shared
    by every connection.
    """
    from http.server import BaseHTTPRequestHandler  # noqa: PLC0415 - the dev server only

    from chalice.local import ChaliceRequestHandler, LocalGateway  # noqa: PLC0415

    gateways: dict[int, LocalGateway] = {}

    def __init__(  # noqa: N807 - replaces the handler's own __init__
        self: ChaliceRequestHandler, request: Any, client_address: Any, server: Any, app_object: Any, config: Any
    ) -> None:
        gateway = gateways.get(id(app_object))
        if gateway is None:  # two threads may both build it: either one serves
            gateway = gateways.setdefault(id(app_object), LocalGateway(app_object, config))
        self.local_gateway = gateway
        BaseHTTPRequestHandler.__init__(self, request, client_address, server)

    ChaliceRequestHandler.__init__ = __init__  # type: ignore[method-assign]


class QuickHeaders(http.client.HTTPMessage):
    """A request's headers as `chalice local` reads them with `chalice_local_quick_headers`."""


# A header line the quick path takes: a field name (RFC 9110 token characters, as the email
# parser's header pattern allows them) then a colon; anything else goes to the email parser.
_FIELD_LINE = re.compile(r"[\x21-\x39\x3b-\x7e]+:")
_parse_headers = http.client.parse_headers


def quick_parse_headers(fp: Any, _class: type[http.client.HTTPMessage] = http.client.HTTPMessage) -> Any:
    """http.client.parse_headers, by a short loop for the handler's `QuickHeaders`.

    http.server parses every request's headers with the email package's feed parser (made for
    MIME documents): 6-7% of the API server's CPU per submission. Headers of the usual shape,
    one `Name: value` per line, give the same message by hand (names and values as the email
    parser's compat32 policy stores them); a continuation line, a line without a field name or
    anything else unusual is parsed by the email parser, as before.
    """
    if _class is not QuickHeaders:
        return _parse_headers(fp, _class)
    # http.client reads the lines, with its limits on their length and number (431 past them).
    lines = [line.decode("iso-8859-1") for line in http.client._read_headers(fp)]  # type: ignore[attr-defined]
    message = _class()
    for line in lines:
        if line in ("\r\n", "\n", ""):
            break
        match = _FIELD_LINE.match(line)
        value = line[match.end() :].lstrip(" \t").rstrip("\r\n") if match else "\r"
        if "\r" in value or "\n" in value:  # not a field line, or a bare CR the parser splits at
            return email.parser.Parser(_class=_class).parsestr("".join(lines))
        message[line[: match.end() - 1]] = value  # type: ignore[union-attr]
    return message


def chalice_local_quick_headers() -> None:
    """Request headers parsed by `quick_parse_headers` (http.server looks the parser up as
    http.client.parse_headers on each request; other message classes keep the email parser)."""
    from chalice.local import ChaliceRequestHandler  # noqa: PLC0415 - the dev server only

    ChaliceRequestHandler.MessageClass = QuickHeaders
    http.client.parse_headers = quick_parse_headers  # type: ignore[assignment]


def tune_chalice_local() -> None:
    """Everything `aduan run` changes in `chalice local` (above), before it starts."""
    chalice_local_without_nagle()
    chalice_local_one_write_per_response()
    chalice_local_one_gateway()
    chalice_local_quick_headers()


# What a submission imports on its first call (config imports what it wires when it is asked):
# imported once before the fork, the workers share them and neither worker's first request
# pays ~0.15-0.3 s of imports (a store is not opened: each worker opens its own).
REQUEST_MODULES = (
    "chalicelib.service",
    "chalicelib.sqlite_store",
    "chalicelib.published_records",
    "chalicelib.ratelimit",
    "chalicelib.submission",
    "chalicelib.similar",
    "chalicelib.spam",
    "chalicelib.actions",
    "chalicelib.tracking",
)


def chalice_local_in_processes(workers: int | None = None) -> None:
    """`chalice local` serves from `workers` processes (default `ADUAN_API_PROCESSES`, 2) that
    accept on its one listening socket (prefork.py): one Python process tops out near 320
    submissions a second, a core's worth."""
    from chalice.local import LocalDevServer  # noqa: PLC0415 - the dev server only

    count = prefork.processes_from_env() if workers is None else workers

    def serve_forever(self: LocalDevServer) -> None:
        print(f"Serving on http://{self.host}:{self.port} ({count} processes)", flush=True)
        if count > 1:
            for name in REQUEST_MODULES:
                importlib.import_module(name)
        sys.exit(prefork.serve(self.server, count))

    LocalDevServer.serve_forever = serve_forever  # type: ignore[method-assign]


# `chalice local` tuned (above): Nagle's algorithm off, one write per response, one gateway,
# quick header parsing, served from several processes.
# A path deeper than app.py's catch-all routes reaches chalice local's own "403 Missing
# Authentication Token"; answer it as the API answers every unknown path: 404 in the error shape.
API_SERVER = """
import json, sys
import chalice.local
from chalicelib.devserver import chalice_local_in_processes, tune_chalice_local
_handle = chalice.local.LocalGateway.handle_request
def handle_request(self, method, path, headers, body):
    try:
        return _handle(self, method, path, headers, body)
    except chalice.local.ForbiddenError as error:
        if b"Missing Authentication Token" not in (error.body or b""):
            raise
        message = "Alamat ini tidak ada di API; lihat /openapi.json. / No such path; see /openapi.json."
        return {"statusCode": 404, "headers": {"Content-Type": "application/json"}, "multiValueHeaders": {},
                "body": json.dumps({"Code": "NotFoundError", "Message": message})}
chalice.local.LocalGateway.handle_request = handle_request
tune_chalice_local()
chalice_local_in_processes()
from chalice.cli import main
sys.argv = ["chalice", "--project-dir", sys.argv[1], "local", "--host", sys.argv[2], "--port", sys.argv[3], "--stage", "local", "--no-autoreload"]
main()
"""


def api_command(host: str, port: int) -> list[str]:
    return [sys.executable, "-c", API_SERVER, str(FUNCTIONS), host, str(port)]


def site_command(output: Path, host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "http.server", "--bind", host, "--directory", str(output), str(port)]


def worker_command(output: Path, api_url: str) -> list[str]:
    return [sys.executable, "-m", "chalicelib.cli", "worker", "--output", str(output), "--api-url", api_url]


def busy_ports(host: str, api_port: int, site_port: int) -> list[str]:
    """A sentence for each port `aduan run` cannot listen on, naming it and how to choose another."""
    if api_port == site_port:
        return [f"the API and the site cannot share port {api_port}: give them different ports"]
    return [
        f"port {port} ({what}) on {host} is already in use (another `aduan run`?); "
        f"choose another with {flag} N or {variable}=N"
        for port, what, flag, variable in (
            (api_port, "API", "--api-port", "ADUAN_API_PORT"),
            (site_port, "public site", "--site-port", "ADUAN_SITE_PORT"),
        )
        if port_in_use(host, port)
    ]


def said_ports_are_busy(host: str, api_port: int, site_port: int) -> bool:
    problems = busy_ports(host, api_port, site_port)
    for problem in problems:
        print(f"aduan run: {problem}", file=sys.stderr)
    return bool(problems)


def run(output: Path, host: str = "127.0.0.1", api_port: int = 8000, site_port: int = 8001) -> int:
    """Start the API, the site server and the worker; stop them all on Ctrl-C, SIGTERM or SIGHUP.

    Returns 0 when asked to stop, 1 when a child stopped by itself, 2 when a port is busy
    (checked before anything is loaded, built or started).
    """
    if said_ports_are_busy(host, api_port, site_port):
        return 2
    try:
        prefork.processes_from_env()
    except ValueError as error:
        print(f"aduan run: {error}", file=sys.stderr)
        return 2
    with stop_on_signals():
        children = ProcessGroup()
        try:
            return _run(children, output, host, api_port, site_port)
        except (Stopped, KeyboardInterrupt):
            return 0
        finally:
            children.stop()


def _run(children: ProcessGroup, output: Path, host: str, api_port: int, site_port: int) -> int:
    data = config.data_dir().resolve()
    output = output.resolve()
    api_url, site_url = f"http://{host}:{api_port}", f"http://{host}:{site_port}"
    env = {
        **os.environ,
        "ADUAN_DATA": str(data),
        "ADUAN_API_URL": api_url,
        "ADUAN_SITE_URL": site_url,
        "PYTHONPATH": str(FUNCTIONS) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    os.environ.update(env)
    if config.store().count() == 0:
        from .demo import demo_lines

        result = import_lines(demo_lines(load_region()), config.store(), load_region())
        print(f"data directory {data} was empty: loaded {result.created} demo reports")
    from .sitebuild import build

    build(output, full=True, api_url=api_url)
    # The demo import and the build take a while: check again that nobody took a port meanwhile.
    if said_ports_are_busy(host, api_port, site_port):
        return 2
    children.start(api_command(host, api_port), env=env)
    children.start(site_command(output, host, site_port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children.start(worker_command(output, api_url), env=env)
    print(
        f"""
Aduan is running (Ctrl-C stops everything)
  public site:  {site_url}/
  report form:  {site_url}/lapor/
  API:          {api_url}/   (OpenAPI: {api_url}/openapi.json)
  officers:     {api_url}/console
  data:         {data}
An officer token for the API:
  ADUAN_DATA={data} .venv/bin/aduan officer add --name "Admin Kominfo" --role admin
then e.g.  curl -H "Authorization: Bearer <token>" {api_url}/officer/reports
""",
        flush=True,
    )
    while children.all_running():
        time.sleep(0.5)
    print("aduan run: a process stopped; shutting down the others", file=sys.stderr)
    return 1
