"""Published records as the API reads them, each file parsed once per version of it.

A submission compares itself with up to twenty published records of its place (similar.py),
and the status page shows one: reading and parsing each file on every request was a third of
a submission's time. A record is kept with the signature of the file it came from (inode,
mtime, size: the publisher replaces a record's file whole, publish.write_json), so one
`stat` tells whether the kept copy is still the published one. The records handed out are
shared between requests: read them, never change them.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import orjson

KEPT = 4096  # records kept (a few KB each); past it the oldest half is forgotten


class PublishedRecords:
    """`records(tracking)`: the published record of a report, or None, as publish.read_record
    answers (its layout: reports/<tracking>.json under the public dataset)."""

    def __init__(self, public_dir: Path) -> None:
        self.public_dir = Path(public_dir)
        self._reports = os.path.join(self.public_dir, "reports", "")  # read_record's layout
        self._kept: dict[str, tuple[tuple[int, int, int], dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.reads = 0  # files parsed (a count for tests)

    def __call__(self, tracking: str) -> dict[str, Any] | None:
        try:
            st = os.stat(self._reports + tracking + ".json")
        except (FileNotFoundError, NotADirectoryError, ValueError):
            self._kept.pop(tracking, None)
            return None
        signature = (st.st_ino, st.st_mtime_ns, st.st_size)
        kept = self._kept.get(tracking)
        if kept is not None and kept[0] == signature:
            return kept[1]
        record = self._read(self._reports + tracking + ".json")
        self.reads += 1
        if record is not None:
            with self._lock:
                if len(self._kept) >= KEPT:
                    for old in list(self._kept)[: KEPT // 2]:
                        del self._kept[old]
                self._kept[tracking] = (signature, record)
        return record

    @staticmethod
    def _read(path: str) -> dict[str, Any] | None:
        """publish.read_record's answer, parsed by orjson (a third of json's time); what orjson
        refuses and json takes (NaN, huge integers) is parsed by json."""
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except FileNotFoundError:
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            try:
                data = json.loads(raw)
            except ValueError:
                return None
        return data if isinstance(data, dict) else None


_BY_DIR: dict[str, PublishedRecords] = {}


def published_records(public_dir: Path) -> PublishedRecords:
    """The reader of one public dataset, shared by every request of this process."""
    key = os.fspath(public_dir)
    reader = _BY_DIR.get(key)
    if reader is None:
        reader = _BY_DIR.setdefault(key, PublishedRecords(public_dir))
    return reader
