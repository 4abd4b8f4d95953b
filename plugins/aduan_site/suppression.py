"""Small-cell suppression for the area breakdowns: counts below 5 are shown as "<5".

Hiding a small count is not enough when the table's totals are published: a single hidden
cell in a row is that row's total minus the others. So a hidden cell must never be a linear
function of the published figures. Two table shapes are published, each with its own rule
that guarantees it (proofs in the docstrings):

- `suppress_groups` — kelurahan counts grouped by kecamatan, with each kecamatan's total
  published: a group hides zero or at least two cells.
- `suppress_cube` — kecamatan × category × month, with the totals per kecamatan, per category,
  per month and per (kecamatan, sensitive or not) published: every hidden cell lies on a
  "swap cycle" of four hidden cells, which no published total can tell apart.

A cell hidden because it is small is marked "<5"; a larger cell hidden only to protect a
small one is marked "≥5". What this does not address: bounds (a hidden cell is known to be
0–4) and the microdata itself (reports.csv lists every published report; these tables
matter where they count more than the microdata shows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator, Mapping
from typing import TypeVar

THRESHOLD = 5
SMALL = "<5"
WITHHELD = "≥5"

G = TypeVar("G", bound=Hashable)
K = TypeVar("K", bound=Hashable)
Cell = tuple[str, str, str]  # (kecamatan, category, month)


def suppress_groups(groups: Mapping[G, Mapping[K, int]]) -> dict[G, dict[K, str | None]]:
    """Marks for cells partitioned into groups whose totals are published.

    Within one group the only published relation is "the cells add up to the total", one
    equation: it determines a hidden cell exactly when that cell is the group's only hidden
    one. So when a group has exactly one small cell, its smallest other cell is hidden too.
    (A group of one cell equals its total and cannot be protected here; regions have several
    kelurahan per kecamatan.)
    """
    marks: dict[G, dict[K, str | None]] = {}
    for group, cells in groups.items():
        marked: dict[K, str | None] = {key: SMALL if count < THRESHOLD else None for key, count in cells.items()}
        hidden = [key for key, mark in marked.items() if mark]
        if len(hidden) == 1 and len(marked) > 1:
            others = sorted((count, str(key), key) for key, count in cells.items() if marked[key] is None)
            marked[others[0][2]] = WITHHELD
        marks[group] = marked
    return marks


class _Cube:
    """Indexes of the hidden cells of a kecamatan × category × month table."""

    def __init__(self, counts: Mapping[Cell, int], sensitive: set[str]) -> None:
        self.counts = counts
        self.sensitive = sensitive
        self.kecamatan = sorted({k for k, _, _ in counts})
        self.categories = sorted({c for _, c, _ in counts})
        self.months = sorted({m for _, _, m in counts})
        self.hidden: set[Cell] = set()
        self.by_km: dict[tuple[str, str], set[str]] = defaultdict(set)  # (k, m) → categories
        self.by_kc: dict[tuple[str, str], set[str]] = defaultdict(set)  # (k, c) → months
        self.by_m: dict[str, set[tuple[str, str]]] = defaultdict(set)  # m → (k, c)
        self.by_c: dict[str, set[tuple[str, str]]] = defaultdict(set)  # c → (k, m)
        self.by_k: dict[str, set[tuple[str, str]]] = defaultdict(set)  # k → (c, m)

    def hide(self, cell: Cell) -> None:
        k, c, m = cell
        self.hidden.add(cell)
        self.by_km[k, m].add(c)
        self.by_kc[k, c].add(m)
        self.by_m[m].add((k, c))
        self.by_c[c].add((k, m))
        self.by_k[k].add((c, m))

    def same_side(self, c1: str, c2: str) -> bool:
        return (c1 in self.sensitive) == (c2 in self.sensitive)

    def protected(self, cell: Cell) -> bool:
        """Is `cell` on a cycle of four hidden cells that leaves every published total unchanged?

        Adding +1 to `cell` and to e, −1 to b and d, where b and d swap one coordinate
        between `cell` and e, keeps every total listed in the module docstring; so the
        published figures cannot tell the cell's value from that value plus any amount.
        """
        k, c, m = cell
        # Swap months: (k,c,m) (k',c',m') − (k,c,m') (k',c',m).
        for m2 in self.by_kc[k, c]:
            if m2 != m and (self.by_m[m] & self.by_m[m2]) - {(k, c)}:
                return True
        # Swap categories: (k,c,m) (k',c',m') − (k,c',m) (k',c,m'); needs the same side or k' = k.
        for c2 in self.by_km[k, m]:
            if c2 == c:
                continue
            for k2, m2 in self.by_c[c] & self.by_c[c2]:
                if (k2, m2) != (k, m) and (k2 == k or self.same_side(c, c2)):
                    return True
        # Swap kecamatan: (k,c,m) (k',c',m') − (k',c,m) (k,c',m'); needs the same side.
        for k2 in self.kecamatan:
            if k2 == k or (k2, c, m) not in self.hidden:
                continue
            for c2, m2 in self.by_k[k] & self.by_k[k2]:
                if (c2, m2) != (c, m) and self.same_side(c, c2):
                    return True
        return False

    def cycles(self, cell: Cell) -> Iterator[tuple[Cell, Cell, Cell]]:
        """Every four-cell cycle through `cell` (the other three cells), hidden or not."""
        k, c, m = cell
        for m2 in self.months:
            if m2 == m:
                continue
            for k2 in self.kecamatan:
                for c2 in self.categories:
                    if (k2, c2) != (k, c):
                        yield (k, c, m2), (k2, c2, m), (k2, c2, m2)
        for c2 in self.categories:
            if c2 == c:
                continue
            for k2 in self.kecamatan:
                if k2 != k and not self.same_side(c, c2):
                    continue
                for m2 in self.months:
                    if (k2, m2) != (k, m):
                        yield (k, c2, m), (k2, c2, m2), (k2, c, m2)

    def protect(self, cell: Cell) -> bool:
        """Hide the fewest (then the smallest) extra cells that put `cell` on a cycle."""
        best: tuple[int, int, tuple[Cell, ...]] | None = None
        for others in self.cycles(cell):
            if any(o not in self.counts for o in others):
                continue
            extra = tuple(sorted(o for o in set(others) if o not in self.hidden))
            cost = (len(extra), sum(self.counts[o] for o in extra), extra)
            if best is None or cost < best:
                best = cost
                if not extra:
                    break
        if best is None:
            return False
        for other in best[2]:
            self.hide(other)
        return True


def suppress_cube(counts: Mapping[Cell, int], sensitive: set[str]) -> dict[Cell, str | None]:
    """Marks for every cell of a full kecamatan × category × month grid of counts.

    `counts` must list every combination (zeros too): a missing cell would be a published zero.
    `sensitive` are the categories published without kelurahan (their per-kecamatan total is
    published through the kelurahan table).
    """
    cube = _Cube(counts, sensitive)
    for cell in sorted(counts):
        if counts[cell] < THRESHOLD:
            cube.hide(cell)
    small = set(cube.hidden)
    # Cells hidden by `protect` are protected by the cycle that hid them; cells already
    # protected stay so, since hidden cells are never shown again.
    for cell in sorted(small):
        if not cube.protected(cell) and not cube.protect(cell):
            # A grid of one kecamatan, category and month: nothing can hide it.
            continue
    return {cell: (SMALL if cell in small else WITHHELD if cell in cube.hidden else None) for cell in counts}
