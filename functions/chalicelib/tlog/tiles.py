"""The C2SP tlog-tiles layout: which tiles a tree has, their paths, their bytes, entry bundles.

A tile at level l, index n holds up to 256 consecutive hashes of level l (`merkle.Levels`);
a full tile never changes once written, the rightmost tile of each level is *partial* and
served as `.p/<width>`. Entry bundles hold the entries themselves, each after its length as a
big-endian uint16, and follow the level 0 tiles exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .merkle import HASH_SIZE, TILE_HEIGHT, TILE_WIDTH, Levels

MAX_ENTRY = 0xFFFF  # the uint16 length prefix
ENTRIES = "entries"


def index_path(index: int) -> str:
    """1234067 → `x001/x234/067`: 3-digit groups, an `x` before all but the last."""
    if index < 0:
        raise ValueError(f"negative tile index {index}")
    groups = [f"{index % 1000:03d}"]
    index //= 1000
    while index:
        groups.append(f"x{index % 1000:03d}")
        index //= 1000
    return "/".join(reversed(groups))


@dataclass(frozen=True, order=True)
class Tile:
    """Tile `index` of `level` (an int, or "entries" for an entry bundle), `width` hashes."""

    level: int | str
    index: int
    width: int = TILE_WIDTH

    @property
    def partial(self) -> bool:
        return self.width < TILE_WIDTH

    def path(self) -> str:
        """The path under the log's prefix: `tile/<L>/<N>[.p/<W>]`."""
        suffix = f".p/{self.width}" if self.partial else ""
        return f"tile/{self.level}/{index_path(self.index)}{suffix}"

    @property
    def start(self) -> int:
        """The first hash of its level this tile holds."""
        return self.index * TILE_WIDTH


_PATH_RE = re.compile(r"^tile/(0|[1-9][0-9]?|entries)/((?:x[0-9]{3}/)*[0-9]{3})(?:\.p/([1-9][0-9]{0,2}))?$")


def parse_path(path: str) -> Tile:
    """The inverse of `Tile.path`, strict as the spec is (no leading zeroes, width 1–255)."""
    match = _PATH_RE.match(path)
    if not match:
        raise ValueError(f"not a tile path: {path!r}")
    level_text, index_text, width_text = match.groups()
    level: int | str = level_text if level_text == ENTRIES else int(level_text)
    if isinstance(level, int) and level > 63:
        raise ValueError(f"tile level {level} above 63")
    index = int(index_text.replace("x", "").replace("/", ""))
    width = int(width_text) if width_text else TILE_WIDTH
    if width_text and width >= TILE_WIDTH:
        raise ValueError(f"partial tile width {width} not below {TILE_WIDTH}")
    return Tile(level, index, width)


def tiles(size: int) -> Iterator[Tile]:
    """Every hash tile a tree of `size` leaves is served as, level by level."""
    level = 0
    while True:
        hashes = size >> (TILE_HEIGHT * level)  # complete hashes at this level
        if hashes == 0:
            return
        full, rest = divmod(hashes, TILE_WIDTH)
        for index in range(full):
            yield Tile(level, index)
        if rest:
            yield Tile(level, full, rest)
        level += 1


def bundles(size: int) -> Iterator[Tile]:
    """The entry bundles of a tree of `size` leaves (the level 0 tiles, as entries)."""
    for tile in tiles(size):
        if tile.level != 0:
            return
        yield Tile(ENTRIES, tile.index, tile.width)


def new_tiles(old_size: int, new_size: int) -> list[Tile]:
    """Tiles and bundles a tree of `new_size` has that one of `old_size` had not: the last
    partial ones and those new since. The others are byte for byte what they were."""
    before = set(tiles(old_size)) | set(bundles(old_size))
    return [t for t in [*tiles(new_size), *bundles(new_size)] if t not in before]


def still_served(old_size: int, new_size: int) -> list[Tile]:
    """Partial tiles of an earlier checkpoint of `old_size` that must still be served at
    `new_size`: the spec allows deleting a partial tile only once its full tile exists."""
    kept = []
    for tile in [*tiles(old_size), *bundles(old_size)]:
        level = 0 if tile.level == ENTRIES else int(tile.level)
        if tile.partial and (new_size >> (TILE_HEIGHT * level)) // TILE_WIDTH == tile.index:
            kept.append(tile)
    return kept


def tile_bytes(levels: Levels, tile: Tile) -> bytes:
    level = 0 if tile.level == ENTRIES else int(tile.level)
    hashes = levels[level][tile.start : tile.start + tile.width]
    if len(hashes) != tile.width:
        raise ValueError(f"{tile.path()}: only {len(hashes)} hashes held")
    return b"".join(hashes)


def split_hashes(data: bytes) -> list[bytes]:
    if len(data) % HASH_SIZE:
        raise ValueError(f"{len(data)} bytes is not a whole number of hashes")
    return [data[i : i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE)]


def bundle_bytes(entries: Sequence[bytes]) -> bytes:
    parts = []
    for entry in entries:
        if len(entry) > MAX_ENTRY:
            raise ValueError(f"log entry of {len(entry)} bytes is longer than {MAX_ENTRY}")
        parts.append(len(entry).to_bytes(2, "big") + entry)
    return b"".join(parts)


def parse_bundle(data: bytes) -> list[bytes]:
    entries = []
    at = 0
    while at < len(data):
        if at + 2 > len(data):
            raise ValueError("entry bundle ends inside a length prefix")
        length = int.from_bytes(data[at : at + 2], "big")
        at += 2
        if at + length > len(data):
            raise ValueError("entry bundle ends inside an entry")
        entries.append(data[at : at + length])
        at += length
    return entries
