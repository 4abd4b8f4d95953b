"""The dataset store: where the public dataset's files live, by key, behind four verbs.

The publisher writes the public dataset (docs/public-dataset.md) through this interface, and
nothing else: records, photos, stats.json, region.json, the changes journal. Keys are relative
paths with `/` (`reports/PSR-D9E6-80J7.json`), the same on a disk and in a bucket, so an object
store (S3: GetObject, PutObject, DeleteObject, ListObjectsV2 with a prefix) satisfies it as
well as the directory `LocalDatasetStore` writes, which is the default.

Writes are whole and atomic (a reader sees the old bytes or the new ones), and only happen
when the bytes differ, so one change rewrites what it changes and nothing else.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Protocol

from .errors import ValidationError


class DatasetStore(Protocol):
    def read(self, key: str) -> bytes | None:
        """The bytes under `key`, or None when there is none."""
        ...

    def write(self, key: str, data: bytes) -> bool:
        """Put `data` under `key` atomically unless it already holds these bytes; True if written."""
        ...

    def delete(self, key: str) -> bool:
        """Remove `key`; True if it was there."""
        ...

    def keys(self, prefix: str) -> Iterator[str]:
        """The keys that start with `prefix` (a "directory" such as `attachments/PSR-…/`), sorted.
        Listing `reports/` costs as much as the dataset: only a full publish does it."""
        ...


def check_key(key: str) -> str:
    """A key is a plain relative path: no `..`, no leading `/`, no empty part."""
    parts = key.split("/")  # strings, not pathlib: a cold publish checks one key per record
    if not key or key.startswith("/") or ".." in parts or "" in parts:
        raise ValidationError(f"not a dataset key: {key!r}")
    return key


class LocalDatasetStore:
    """The public dataset as a directory (`$ADUAN_DATA/public`), the default."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._prefix = str(self.root) + os.sep

    def path(self, key: str) -> Path:
        return self.root / check_key(key)

    def read(self, key: str) -> bytes | None:
        try:
            with open(self._prefix + check_key(key), "rb") as f:
                return f.read()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def write(self, key: str, data: bytes) -> bool:
        if self.read(key) == data:
            return False
        path = self._prefix + key  # checked by read
        directory, name = os.path.split(path)
        try:
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.splitext(name)[1])
        except FileNotFoundError:
            os.makedirs(directory, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.splitext(name)[1])
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True

    def delete(self, key: str) -> bool:
        path = self.path(key)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        # A report's photo directory (attachments/<tracking>/) goes with its last photo.
        parent = path.parent
        if len(PurePosixPath(key).parts) > 2 and parent.is_dir() and not any(parent.iterdir()):
            shutil.rmtree(parent, ignore_errors=True)
        return True

    def keys(self, prefix: str) -> Iterator[str]:
        base = self.root / prefix.rstrip("/") if prefix.endswith("/") else self.root
        if not base.is_dir():
            return iter(())
        found = (
            str(p.relative_to(self.root)) for p in base.rglob("*") if p.is_file() and not p.name.startswith(".tmp-")
        )
        return iter(sorted(k for k in found if k.startswith(prefix)))
