"""A WSGI face for a Chalice app, over Chalice's local API Gateway emulation (what
`chalice.test.Client` and `chalice local` use): lets WSGI tooling such as schemathesis drive the
real app in process, with no server."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from chalice import Chalice
from chalice.config import Config
from chalice.local import LocalGateway, LocalGatewayException

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
REASONS = {200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}


class ChaliceWSGI:
    def __init__(self, app: Chalice) -> None:
        self.gateway = LocalGateway(app, Config())

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        # The target percent-encoded again, as `chalice local` receives it on the wire (a decoded
        # "%3F" would otherwise start a query string, and a ";" path parameters).
        path = quote(environ.get("PATH_INFO") or "/", safe="/")
        if environ.get("QUERY_STRING"):
            path += "?" + environ["QUERY_STRING"]
        headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = environ[key]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            response = self.gateway.handle_request(environ["REQUEST_METHOD"], path, headers=headers, body=body)
        except LocalGatewayException as e:  # what API Gateway itself answers (403, 502, …)
            response = {"statusCode": e.CODE, "headers": dict(e.headers), "body": e.body}
        code = int(response["statusCode"])
        start_response(
            f"{code} {REASONS.get(code, 'Status')}", [(k, str(v)) for k, v in (response.get("headers") or {}).items()]
        )
        payload = response.get("body") or b""
        return [payload.encode("utf-8") if isinstance(payload, str) else payload]
