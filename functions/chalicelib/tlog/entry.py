"""What one log entry says: that update number `seq` of report `tracking` had this content.

An entry is the canonical JSON (RFC 8785) of
`{"seq": <n>, "sha256": <base64>, "tracking": <tracking number>, "v": 1}`, where `seq` is the
update's position in the report's public timeline, counted from 1 as in updates.csv, and
`sha256` is the SHA-256 of the canonical JSON of the update itself, as updates.csv publishes
it: `{"agency", "date", "note", "status", "type"}`, an empty value as null and a missing type
as "status", in standard base64 like the checkpoint's root. The entry holds a digest, not the
text: withdrawing a note later (privacy) changes the page and the open data but never needs the
log rewritten. docs/transparency-log.md.

Base64 rather than hex because the publication gate reads the entry bundles like every file,
and 40,000 hex digests hold long runs of decimal digits: sooner or later one would contain a
phone number from the private store and stop every build. Base64 digit runs are rare.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

VERSION = 1
UPDATE_FIELDS = ("agency", "date", "note", "status", "type")
_TRACKING_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")


def canonical_json(value: Any) -> bytes:
    """RFC 8785 (JCS) for what updates and entries hold: strings, integers, null, objects.

    For those, sorted keys, no whitespace and the minimal escapes of `json.dumps` with
    `ensure_ascii=False` are exactly JCS (keys here are ASCII, so code point order is UTF-16
    order). Floats are refused: their JCS form is not Python's.
    """

    def check(item: Any) -> None:
        if isinstance(item, float):
            raise ValueError("canonical JSON of a float is not supported")
        if isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str):
                    raise ValueError("canonical JSON object keys must be strings")
                check(inner)
        elif isinstance(item, list | tuple):
            for inner in item:
                check(inner)

    check(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def public_update(update: Mapping[str, Any]) -> dict[str, Any]:
    """An update as updates.csv publishes it (what the log commits to)."""
    fields = {key: update.get(key) or None for key in UPDATE_FIELDS}
    fields["type"] = fields["type"] or "status"
    return fields


def update_digest(update: Mapping[str, Any]) -> str:
    return base64.b64encode(hashlib.sha256(canonical_json(public_update(update))).digest()).decode()


@dataclass(frozen=True)
class Entry:
    tracking: str
    seq: int  # from 1, the update's position in the report's public timeline
    sha256: str  # update_digest of the update, base64

    @cached_property
    def encoded(self) -> bytes:
        # Keys in sorted order, an int and plain strings: this is the canonical JSON already.
        fields = {"seq": self.seq, "sha256": self.sha256, "tracking": self.tracking, "v": VERSION}
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def encode(self) -> bytes:
        return self.encoded

    @classmethod
    def decode(cls, data: bytes) -> Entry:
        try:
            value = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ValueError(f"log entry is not JSON: {data[:60]!r}") from exc
        if not isinstance(value, dict) or set(value) != {"sha256", "seq", "tracking", "v"} or value["v"] != VERSION:
            raise ValueError(f"log entry is not an Aduan update entry v{VERSION}: {data[:80]!r}")
        entry = cls(value["tracking"], value["seq"], value["sha256"])
        if (
            not isinstance(entry.tracking, str)
            or not _TRACKING_RE.match(entry.tracking)
            or not isinstance(entry.seq, int)
            or isinstance(entry.seq, bool)
            or entry.seq < 1
            or not isinstance(entry.sha256, str)
            or not re.fullmatch(r"[A-Za-z0-9+/]{43}=", entry.sha256)
        ):
            raise ValueError(f"log entry has a bad field: {data[:80]!r}")
        if entry.encode() != data:
            raise ValueError(f"log entry is not in canonical form: {data[:80]!r}")
        return entry

    @classmethod
    def of(cls, tracking: str, seq: int, update: Mapping[str, Any]) -> Entry:
        return cls(tracking, seq, update_digest(update))
