"""Directories kept in S3: a local directory mirrored to a key prefix and back, by content.

The site, the public dataset and the publisher's state are all files some code writes into a
directory; this module moves such a directory to a prefix of a bucket (`push`) and brings a
prefix back into a directory (`pull`), whatever the files are. So the layout of the site or
the dataset can change without this code changing.

What is compared is content, never modification times (`aws s3 sync` compares size and mtime):
each object carries the sha256 of its bytes in its metadata (`x-amz-meta-sha256`), and a small
index object beside the prefix (`Prefix.index_key`) lists every key with its sha256, so one GET
and a listing tell what is there without a HEAD per object (an object the index does not name,
e.g. after a lost index, is asked with HEAD).

`push` uploads the new and changed objects first — in an order in which nothing links to an
object not yet uploaded: hashed assets, then other leaves deepest first, then pages deepest
first, listings and the home page last — and deletes removed objects only after that, so a
push cut short leaves the previous site whole plus some new objects nobody links to yet.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import re
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from botocore.exceptions import ClientError

from . import aws

SHA_META = "sha256"  # x-amz-meta-sha256
WORKERS = 16  # parallel GETs/PUTs: S3 latency, not bandwidth, is what a sync of small files waits on

SHORT_CACHE = "public, max-age=60"
LONG_CACHE = "public, max-age=31536000, immutable"
# Pagefind's fragments, indexes and filters (`id_8ac6cbfba4.pf_fragment`), and any asset
# named after its content hash: a new content is a new name, so the old one never changes.
HASHED = re.compile(r"[._-][0-9a-f]{7,}\.[A-Za-z0-9_]+$")
# tlog-tiles: a full tile (no `.p/` width) never changes once written (C2SP tlog-tiles).
FULL_TILE = re.compile(r"(^|/)log/tile/(\d+|entries)/(x\d{3}/)*\d{3}$")

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".db": "application/vnd.sqlite3",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".wasm": "application/wasm",
    # Pagefind's own files are binary (gzip-compressed inside); its .pagefind files are WASM.
    ".pf_fragment": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pagefind": "application/wasm",
}
# Files without a suffix whose type the C2SP specs fix.
NAMED_TYPES = {"checkpoint": "text/plain; charset=utf-8", "vkey": "text/plain; charset=utf-8"}


def content_type(relpath: str) -> str:
    path = PurePosixPath(relpath)
    if path.name.endswith(".atom.xml"):
        return "application/atom+xml"
    if path.name in ("SHA256SUMS", "LICENSE"):
        return "text/plain; charset=utf-8"
    if path.suffix.lower() in CONTENT_TYPES:
        return CONTENT_TYPES[path.suffix.lower()]
    if path.name in NAMED_TYPES:
        return NAMED_TYPES[path.name]
    if "/log/tile/" in f"/{relpath}":  # tiles and entry bundles: binary, no suffix
        return "application/octet-stream"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def cache_control(relpath: str) -> str:
    """Short for pages and data (a change must be seen within a minute); a year and
    `immutable` for objects whose name changes with their content."""
    name = PurePosixPath(relpath).name
    if HASHED.search(name) or FULL_TILE.search(relpath):
        return LONG_CACHE
    return SHORT_CACHE


def upload_order(relpath: str) -> tuple[int, int, str]:
    """Sort key for uploads: what others link to goes first, what links to others last.

    0: immutable, hashed objects (search fragments, full log tiles); 1: other non-HTML files,
    deepest first (records, photos, data; a log checkpoint after its tiles); 2: pages, deepest
    first (a report page before the listing that links to it, the home page last); 3: the
    entry points that name other files (Pagefind's entry, feeds, the log checkpoint), the
    search's list of bundles last of all (it switches the index from the old bundles to the new).
    """
    path = PurePosixPath(relpath)
    depth = len(path.parts)
    if cache_control(relpath) == LONG_CACHE:
        group = 0
    elif path.name in ("pagefind-entry.json", "checkpoint", "shards.json") or path.name.endswith(".xml"):
        group = 3
    elif path.suffix == ".html":
        group = 2
    else:
        group = 1
    return group, -depth, relpath


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Objects(Protocol):
    """A key/bytes store: what `push` and `pull` need from a bucket."""

    def listing(self) -> dict[str, str | None]:
        """Every relative path under the prefix → its sha256 (None when not known)."""

    def get(self, relpath: str) -> bytes | None: ...

    def put(self, relpath: str, data: bytes, digest: str) -> None: ...

    def delete(self, relpaths: list[str]) -> None: ...

    def save_index(self, index: dict[str, str]) -> None: ...


class Prefix:
    """Objects under `prefix` of `bucket`, with their sha256 index at `index_key`.

    `exclude`: relative paths under the prefix that belong to something else (the site's
    `dataset/` and `_build/` under the root prefix) and are neither listed nor deleted.
    `typed`: set Content-Type and Cache-Control (the public site); private state is plain bytes.
    """

    def __init__(
        self,
        bucket: str,
        prefix: str,
        index_key: str,
        *,
        exclude: tuple[str, ...] = (),
        typed: bool = True,
        client: Any = None,
    ) -> None:
        assert prefix == "" or prefix.endswith("/"), prefix
        self.bucket, self.prefix, self.index_key = bucket, prefix, index_key
        self.exclude = exclude
        self.typed = typed
        self._client = client

    @property
    def client(self) -> Any:
        return self._client if self._client is not None else aws.s3()

    def _mine(self, relpath: str) -> bool:
        return bool(relpath) and not relpath.startswith(self.exclude) and self.prefix + relpath != self.index_key

    def _index(self) -> dict[str, str]:
        data = self.get_key(self.index_key)
        if data is None:
            return {}
        try:
            index = json.loads(data)
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in index.items()} if isinstance(index, dict) else {}

    def listing(self) -> dict[str, str | None]:
        index = self._index()
        found: dict[str, str | None] = {}
        with aws.translated(f"list s3://{self.bucket}/{self.prefix}"):
            pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
            for page in pages:
                for item in page.get("Contents", []):
                    relpath = item["Key"][len(self.prefix) :]
                    if self._mine(relpath):
                        found[relpath] = index.get(relpath)
        unknown = [p for p, digest in found.items() if digest is None]
        with ThreadPoolExecutor(WORKERS) as pool:
            for relpath, digest in zip(unknown, pool.map(self._head_digest, unknown), strict=True):
                found[relpath] = digest
        return found

    def _head_digest(self, relpath: str) -> str | None:
        with aws.translated(f"read s3://{self.bucket}/{self.prefix}{relpath}"):
            try:
                head = self.client.head_object(Bucket=self.bucket, Key=self.prefix + relpath)
            except ClientError as error:
                if aws.error_code(error) in ("404", "NoSuchKey", "NotFound"):
                    return None
                raise
        return head.get("Metadata", {}).get(SHA_META)

    def get_key(self, key: str) -> bytes | None:
        with aws.translated(f"read s3://{self.bucket}/{key}"):
            try:
                answer = self.client.get_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if aws.error_code(error) in ("404", "NoSuchKey", "NotFound"):
                    return None
                raise
            return bytes(answer["Body"].read())

    def get(self, relpath: str) -> bytes | None:
        return self.get_key(self.prefix + relpath)

    def put(self, relpath: str, data: bytes, digest: str) -> None:
        extra: dict[str, Any] = {"Metadata": {SHA_META: digest}}
        if self.typed:
            extra["ContentType"] = content_type(relpath)
            extra["CacheControl"] = cache_control(relpath)
        with aws.translated(f"write s3://{self.bucket}/{self.prefix}{relpath}"):
            self.client.put_object(Bucket=self.bucket, Key=self.prefix + relpath, Body=data, **extra)

    def delete(self, relpaths: list[str]) -> None:
        for start in range(0, len(relpaths), 1000):  # DeleteObjects takes at most 1,000 keys
            keys = [{"Key": self.prefix + p} for p in relpaths[start : start + 1000]]
            with aws.translated(f"delete from s3://{self.bucket}/{self.prefix}"):
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})

    def save_index(self, index: dict[str, str]) -> None:
        body = json.dumps(dict(sorted(index.items())), separators=(",", ":")).encode()
        with aws.translated(f"write s3://{self.bucket}/{self.index_key}"):
            self.client.put_object(Bucket=self.bucket, Key=self.index_key, Body=body, ContentType="application/json")


@dataclass
class Sync:
    """What a push or pull changed: relative paths written and deleted, and how many were equal."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    copied: list[str] = field(default_factory=list)  # a pull: written from a local file, not read
    # The objects as the pull listed them: a push right after it (one writer at a time: the
    # publish lock, the build function's concurrency of 1) need not list them again.
    remote: dict[str, str | None] = field(default_factory=dict, repr=False)

    @property
    def changed(self) -> list[str]:
        return self.written + self.deleted


def local_files(root: Path, include: Callable[[str], bool] = lambda relpath: True) -> dict[str, Path]:
    """Relative POSIX path → file, for every file under `root` that `include` accepts."""
    if not root.is_dir():
        return {}
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            relpath = path.relative_to(root).as_posix()
            if include(relpath):
                found[relpath] = path
    return found


def push(
    root: Path,
    objects: Objects,
    *,
    include: Callable[[str], bool] = lambda relpath: True,
    fail_after: int | None = None,
    remote: dict[str, str | None] | None = None,
    last: tuple[str, ...] = (),
) -> Sync:
    """Make the objects equal to the files under `root`: upload the new and changed (in
    `upload_order`), then delete the objects no file stands for. The index is saved after the
    uploads and again after the deletions, so it never names an object that is not there.

    `last`: paths uploaded after every other (a commit point: the dataset's journal position,
    which a reader may trust only once everything it covers is up).
    `fail_after`: raise after that many uploads (tests: a build cut short half-way).
    `remote`: the listing a `pull` just made (`Sync.remote`), instead of listing again.
    """
    if remote is None:
        remote = objects.listing()
    files = local_files(root, include)
    result = Sync()
    index: dict[str, str] = {p: d for p, d in remote.items() if d is not None}
    todo: list[tuple[str, bytes, str]] = []
    for relpath in sorted(files, key=upload_order):
        data = files[relpath].read_bytes()
        digest = sha256(data)
        if remote.get(relpath) == digest:
            result.unchanged += 1
        else:
            todo.append((relpath, data, digest))
    # Upload group by group (hashed assets, leaves, pages, entry points), each group in
    # parallel: within a group nothing links to another member before its turn.
    for group in _groups(todo, last):
        if fail_after is not None and len(result.written) + len(group) > fail_after:
            group = group[: max(fail_after - len(result.written), 0)]
            _upload(objects, group, result, index)
            objects.save_index(index)
            raise InterruptedError(f"push cut short after {fail_after} uploads (test)")
        _upload(objects, group, result, index)
    gone = sorted(p for p in remote if p not in files)
    if result.written or gone or len(index) != len(remote):
        objects.save_index(index)
    if gone:
        objects.delete(gone)
        for relpath in gone:
            index.pop(relpath, None)
        objects.save_index(index)
        result.deleted = gone
    return result


def _groups(todo: list[tuple[str, bytes, str]], last: tuple[str, ...] = ()) -> list[list[tuple[str, bytes, str]]]:
    groups: dict[int, list[tuple[str, bytes, str]]] = {}
    for item in todo:
        groups.setdefault(4 if item[0] in last else upload_order(item[0])[0], []).append(item)
    return [groups[g] for g in sorted(groups)]


def _upload(objects: Objects, items: list[tuple[str, bytes, str]], result: Sync, index: dict[str, str]) -> None:
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda item: objects.put(*item), items))  # list(): raise the first failure
    for relpath, _, digest in items:
        result.written.append(relpath)
        index[relpath] = digest


def pull(
    root: Path,
    objects: Objects,
    *,
    include: Callable[[str], bool] = lambda relpath: True,
    have: dict[str, Path] | None = None,
) -> Sync:
    """Make the files under `root` equal to the objects: download what differs (by sha256),
    remove local files no object stands for. A warm Lambda's /tmp downloads only the changes.

    `have`: sha256 → a local file with those bytes (e.g. `pulled(...)` of another tree): an
    object with one of them is linked from there instead of read from the bucket.
    """
    remote = objects.listing()
    files = local_files(root, include)
    result = Sync(remote=remote)
    wanted = []
    for relpath, digest in remote.items():
        path = files.get(relpath)
        if not include(relpath):
            continue  # another pull's (`remote` still names it, for a push's index)
        if path is not None and digest is not None and sha256(path.read_bytes()) == digest:
            result.unchanged += 1
        elif digest is not None and have and digest in have and _link(have[digest], root / relpath):
            result.copied.append(relpath)
        else:
            wanted.append(relpath)
    with ThreadPoolExecutor(WORKERS) as pool:
        for relpath, data in zip(wanted, pool.map(objects.get, wanted), strict=True):
            if data is None:  # deleted between the listing and the read
                continue
            target = root / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            # A new file, not a write into the old one: that may be linked from another tree.
            tmp = target.with_name(f".{target.name}.pull")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            result.written.append(relpath)
    for relpath in sorted(set(files) - set(remote)):
        files[relpath].unlink()
        result.deleted.append(relpath)
    return result


def pulled(root: Path, sync: Sync) -> dict[str, Path]:
    """sha256 → file under `root`, for the objects a pull left there (for another pull's `have`)."""
    return {digest: root / relpath for relpath, digest in sync.remote.items() if digest is not None}


def _link(source: Path, target: Path) -> bool:
    """`target` as a hard link to `source` (a copy across file systems); False if `source` is gone."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.link")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except FileNotFoundError:
        return False
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)
    return True


# -- CDN invalidation -------------------------------------------------------------------------

# CloudFront: the first 1,000 invalidation paths a month are free, then $0.005 a path; a
# wildcard counts as one path, and at most 15 wildcard paths may be in progress at a time.
INVALIDATION_PATHS = 30  # beyond this, collapse to one wildcard per top-level directory
MAX_WILDCARDS = 15


def invalidation_paths(changed: Iterable[str], limit: int = INVALIDATION_PATHS) -> list[str]:
    """The paths a CloudFront invalidation for these changed objects would send.

    Few changes: each path (and, for `x/index.html`, the directory URL `/x/` it is served as).
    Many: one wildcard per top-level directory (`/laporan/*`); more directories than
    CloudFront's wildcard limit: `/*`, which counts as one path.
    """
    paths: set[str] = set()
    for relpath in changed:
        paths.add("/" + relpath)
        if relpath == "index.html":
            paths.add("/")
        elif relpath.endswith("/index.html"):
            paths.add("/" + relpath[: -len("index.html")])
    if len(paths) <= limit:
        return sorted(paths)
    tops = {p.split("/")[1] + ("/*" if p.count("/") > 1 else "") for p in paths}
    if len(tops) > MAX_WILDCARDS:
        return ["/*"]
    return sorted("/" + t for t in tops)
