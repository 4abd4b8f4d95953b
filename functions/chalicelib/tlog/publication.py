"""One build's turn of the log: the updates it appends, the files that publish it, the commit.

`prepare` compares the public records with the log's state: every update whose content the log
does not hold yet at its position (a new update, or a changed text at an existing position)
becomes a new entry, appended in publication order (date, tracking number, position). Nothing
is ever rewritten. `files()` lists what goes under /log/; `commit()` advances the state and must
run only once those files are written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .checkpoint import Checkpoint
from .entry import Entry
from .merkle import Tree, extend_levels, leaf_hash
from .note import Signer
from .state import LogState, Snapshot
from .tiles import Tile, bundle_bytes, bundles, still_served, tile_bytes, tiles


@dataclass(frozen=True)
class LogFile:
    path: str  # under the log's prefix: "checkpoint", "vkey", "tile/0/000.p/3", …
    make: Callable[[], bytes]
    # What the file is made of: a file on disk made from the same can be kept unread. For a
    # tile, a digest of the tree hashes it holds or (a bundle) commits to, cheap to get from the
    # tile levels; not the path alone: a log started again has other bytes at the same paths.
    digest: str | None = None


class Publication:
    def __init__(
        self, state: LogState, signer: Signer, snapshot: Snapshot, entries: list[Entry], records: dict[str, str]
    ) -> None:
        self.state = state
        self.signer = signer
        self.snapshot = snapshot
        self.entries = entries
        self.records = records
        self.base = snapshot.size
        self.levels = extend_levels(snapshot.levels, [leaf_hash(e.encode()) for e in entries])
        self.size = len(self.levels[0])
        self.checkpoint = Checkpoint(signer.name, self.size, Tree(self.levels).root())
        self.note = signer.sign(self.checkpoint.text()).encode()
        self._new_positions: dict[str, dict[int, list[int]]] = {}
        self.committed = False  # `commit` ran
        for offset, entry in enumerate(entries):
            self._new_positions.setdefault(entry.tracking, {}).setdefault(entry.seq, []).append(self.base + offset)

    @property
    def vkey(self) -> str:
        return self.signer.verifier.vkey()

    def positions(self, tracking: str, count: int) -> list[list[int]]:
        """For updates 1…count of a report, the log indexes of their entries, oldest first:
        the last is the current content, earlier ones a content it replaced."""
        old = self.snapshot.positions(tracking)
        new = self._new_positions.get(tracking, {})
        return [old.get(seq, []) + new.get(seq, []) for seq in range(1, count + 1)]

    def _entries(self, start: int, end: int) -> list[bytes]:
        held = self.state.entries(start, min(end, self.base)) if start < self.base else []
        fresh = [e.encode() for e in self.entries[max(start, self.base) - self.base : end - self.base]]
        return held + fresh

    def _make(self, tile: Tile) -> Callable[[], bytes]:
        if tile.level == "entries":
            return lambda: bundle_bytes(self._entries(tile.start, tile.start + tile.width))
        return lambda: tile_bytes(self.levels, tile)

    def _digest(self, tile: Tile) -> str:
        hashes = tile if tile.level != "entries" else Tile(0, tile.index, tile.width)
        return hashlib.sha256(tile_bytes(self.levels, hashes)).hexdigest()

    def files(self) -> Iterator[LogFile]:
        # Ed25519 signatures are deterministic: the same tree gives the same checkpoint bytes.
        yield LogFile("checkpoint", lambda: self.note, hashlib.sha256(self.note).hexdigest())
        yield LogFile("vkey", lambda: self.vkey.encode(), hashlib.sha256(self.vkey.encode()).hexdigest())
        served: set[Tile] = set()
        for size in [*self.snapshot.checkpoint_sizes, self.size]:
            current = [*tiles(size), *bundles(size)] if size == self.size else still_served(size, self.size)
            for tile in current:
                if tile not in served:
                    served.add(tile)
                    yield LogFile(tile.path(), self._make(tile), self._digest(tile))

    def commit(self) -> None:
        """Advance the state to this build's tree. Only after the site's files were written."""
        self.state.append(self.base, self.entries, self.levels, self.records, (self.size, self.note))
        self.committed = True


def prepare(
    state: LogState, origin: str, records: Sequence[Mapping[str, Any]], digests: Mapping[str, str]
) -> Publication:
    """What this build appends for `records` (public records; `digests`: tracking → digest of
    the record's file, so that records unchanged since they were last logged are skipped)."""
    signer = state.signer(origin)
    snapshot = state.snapshot()
    new: list[tuple[tuple[str, str, int], Entry]] = []
    changed: dict[str, str] = {}
    for record in records:
        tracking = record["tracking"]
        digest = digests.get(tracking, "")
        if digest and snapshot.records.get(tracking) == digest:
            continue
        changed[tracking] = digest
        current = state.current(tracking) if tracking in snapshot.records else {}
        for seq, update in enumerate(record.get("timeline") or [], start=1):
            entry = Entry.of(tracking, seq, update)
            if current.get(seq) != entry.sha256:
                new.append(((str(update.get("date") or ""), tracking, seq), entry))
    new.sort(key=lambda item: item[0])
    return Publication(state, signer, snapshot, [entry for _, entry in new], changed)
