"""A tiny HTTP server for the site in the site bucket, as CloudFront or S3's website endpoint
would serve it: `/x/` is `x/index.html`, each object with its own Content-Type and
Cache-Control. For `make run-aws` only; the build's state under `_build/` and the dataset's
copy are not served (a deployment keeps them out of the distribution too).
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from botocore.exceptions import ClientError

from . import aws
from .awsstate import BUILD

HIDDEN = (BUILD,)


class BucketHandler(BaseHTTPRequestHandler):
    bucket = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._serve(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        key = unquote(urlsplit(self.path).path).lstrip("/")
        if key == "" or key.endswith("/"):
            key += "index.html"
        if key.startswith(HIDDEN) or ".." in key.split("/"):
            self._answer(404, b"not found\n", "text/plain; charset=utf-8", body)
            return
        try:
            obj = aws.s3().get_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if aws.error_code(error) in ("NoSuchKey", "404") and "." not in key.rsplit("/", 1)[-1]:
                self.send_response(301)  # /laporan/X → /laporan/X/, as S3's website endpoint does
                self.send_header("Location", "/" + key + "/")
                self.end_headers()
                return
            self._answer(404, b"not found\n", "text/plain; charset=utf-8", body)
            return
        data = obj["Body"].read()
        self._answer(200, data, obj.get("ContentType", "application/octet-stream"), body, obj.get("CacheControl"))

    def _answer(self, status: int, data: bytes, ctype: str, body: bool, cache: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if cache:
            self.send_header("Cache-Control", cache)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass


def serve(host: str, port: int, bucket: str) -> None:
    handler = type("Handler", (BucketHandler,), {"bucket": bucket})
    ThreadingHTTPServer((host, port), handler).serve_forever()


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else aws.site_bucket())
