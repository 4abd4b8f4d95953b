"""Check a published log from the outside, as `aduan log verify` does.

From a built site (a directory) or a site URL: the checkpoint's signature against `log/vkey`,
the root recomputed from every entry bundle, every hash tile against the recomputed hashes,
every entry's format, and, given an older checkpoint, that its tree is a prefix of the new one
(an RFC 9162 consistency proof built from the tiles and checked). When the site publishes
`data/updates.csv`, every public update in it must be the current entry at its position.
"""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LogVerificationFailed
from .checkpoint import Checkpoint, open_checkpoint
from .entry import Entry, update_digest
from .merkle import Levels, Tree, extend_levels, leaf_hash, verify_consistency
from .note import NoteError, Verifier
from .tiles import bundles, parse_bundle, split_hashes, tile_bytes, tiles

PREFIX = "log"


class Source:
    """Files of a published site, by path relative to its root."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.is_url = location.startswith(("http://", "https://"))

    def read(self, path: str) -> bytes | None:
        if self.is_url:
            url = f"{self.location.rstrip('/')}/{path}"
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - http(s) only
                    data: bytes = response.read()
                    return data
            except urllib.error.HTTPError as exc:
                if exc.code == 404:
                    return None
                raise LogVerificationFailed(f"{url}: HTTP {exc.code}") from exc
            except urllib.error.URLError as exc:
                raise LogVerificationFailed(f"{url}: {exc.reason}") from exc
        try:
            return (Path(self.location) / path).read_bytes()
        except FileNotFoundError:
            return None

    def need(self, path: str) -> bytes:
        data = self.read(path)
        if data is None:
            raise LogVerificationFailed(f"{path} is missing")
        return data


@dataclass
class Verified:
    checkpoint: Checkpoint
    vkey: str
    tiles: int = 0
    since: Checkpoint | None = None
    updates_checked: int = 0
    entries: list[Entry] = field(default_factory=list, repr=False)


def read_vkey(source: Source) -> Verifier:
    try:
        return Verifier.from_vkey(source.need(f"{PREFIX}/vkey").decode("utf-8"))
    except (NoteError, UnicodeDecodeError) as exc:
        raise LogVerificationFailed(f"{PREFIX}/vkey: {exc}") from exc


def read_checkpoint(data: bytes, verifier: Verifier, what: str) -> Checkpoint:
    try:
        return open_checkpoint(data, verifier)
    except NoteError as exc:
        raise LogVerificationFailed(f"{what}: {exc}") from exc


def read_entries(source: Source, size: int) -> tuple[list[bytes], Levels]:
    """Every entry from the bundles, and the tree levels recomputed from them."""
    entries: list[bytes] = []
    for bundle in bundles(size):
        path = f"{PREFIX}/{bundle.path()}"
        try:
            found = parse_bundle(source.need(path))
        except ValueError as exc:
            raise LogVerificationFailed(f"{path}: {exc}") from exc
        if len(found) != bundle.width:
            raise LogVerificationFailed(f"{path}: {len(found)} entries, the checkpoint needs {bundle.width}")
        entries.extend(found)
    return entries, extend_levels([[]], [leaf_hash(e) for e in entries])


def check_tiles(source: Source, levels: Levels, size: int) -> int:
    count = 0
    for tile in tiles(size):
        path = f"{PREFIX}/{tile.path()}"
        data = source.need(path)
        try:
            split_hashes(data)
        except ValueError as exc:
            raise LogVerificationFailed(f"{path}: {exc}") from exc
        if data != tile_bytes(levels, tile):
            raise LogVerificationFailed(f"{path} does not match the hashes recomputed from the entry bundles")
        count += 1
    return count


def check_updates(source: Source, entries: list[Entry]) -> int:
    """Every row of data/updates.csv is the current entry at its (tracking, seq)."""
    data = source.read("data/updates.csv")
    if data is None:
        return 0
    current = {(e.tracking, e.seq): e.sha256 for e in entries}  # later entries replace earlier
    count = 0
    for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        key = (row["tracking"], int(row["seq"]))
        if current.get(key) != update_digest({k: v or None for k, v in row.items()}):
            state = "has another content in the log" if key in current else "is not in the log"
            raise LogVerificationFailed(f"data/updates.csv: update {key[1]} of {key[0]} {state}")
        count += 1
    return count


def verify(location: str, since: bytes | None = None, *, updates: bool = True) -> Verified:
    """Verify the log published at `location`; LogVerificationFailed names what failed."""
    source = Source(location)
    verifier = read_vkey(source)
    checkpoint = read_checkpoint(source.need(f"{PREFIX}/checkpoint"), verifier, f"{PREFIX}/checkpoint")
    raw, levels = read_entries(source, checkpoint.size)
    tree = Tree(levels)
    if tree.root() != checkpoint.root:
        raise LogVerificationFailed(
            f"{PREFIX}/checkpoint: the root hash of its {checkpoint.size} entries recomputed from the "
            "entry bundles is not the signed one"
        )
    result = Verified(checkpoint, verifier.vkey(), tiles=check_tiles(source, levels, checkpoint.size))
    for index, data in enumerate(raw):
        try:
            result.entries.append(Entry.decode(data))
        except ValueError as exc:
            raise LogVerificationFailed(f"entry {index}: {exc}") from exc
    if since is not None:
        old = read_checkpoint(since, verifier, "the older checkpoint")
        if old.origin != checkpoint.origin:
            raise LogVerificationFailed(f"the older checkpoint is of log {old.origin!r}, not {checkpoint.origin!r}")
        if old.size > checkpoint.size:
            raise LogVerificationFailed(
                f"the older checkpoint has {old.size} entries, more than the current {checkpoint.size}: "
                "the log lost entries"
            )
        proof = tree.consistency_proof(old.size)
        if not verify_consistency(old.size, checkpoint.size, old.root, checkpoint.root, proof):
            raise LogVerificationFailed(
                f"the older checkpoint (size {old.size}) is not a prefix of the current log "
                f"(size {checkpoint.size}): history was rewritten"
            )
        result.since = old
    if updates:
        result.updates_checked = check_updates(source, result.entries)
    return result
