"""RFC 6962 (RFC 9162 §2.1) Merkle tree hashing over SHA-256.

Leaf hash SHA-256(0x00 ‖ entry), interior node SHA-256(0x01 ‖ left ‖ right), a tree of n
leaves split at the largest power of two below n. The tree's hashes are held as *tile levels*
(C2SP tlog-tiles): level 0 the leaf hashes, level l ≥ 1 the hash of every complete run of
256**l leaves. Any subtree hash, root or consistency proof is computed from those levels,
never from all the leaves again: that is what keeps a build proportional to its change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

HASH_SIZE = 32
TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT  # 256 hashes per full tile
EMPTY_ROOT = hashlib.sha256(b"").digest()

Levels = list[list[bytes]]


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def perfect_root(hashes: Sequence[bytes]) -> bytes:
    """The root over a power-of-two run of hashes at one height."""
    row = list(hashes)
    if not row or len(row) & (len(row) - 1):
        raise ValueError(f"not a power of two: {len(row)} hashes")
    while len(row) > 1:
        row = [node_hash(row[i], row[i + 1]) for i in range(0, len(row), 2)]
    return row[0]


def root_of_leaves(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH(D[0:n]) from the n leaf hashes (a reference implementation: O(n))."""
    n = len(leaf_hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaf_hashes[0]
    k = _split(n)
    return node_hash(root_of_leaves(leaf_hashes[:k]), root_of_leaves(leaf_hashes[k:]))


def _split(n: int) -> int:
    """The largest power of two strictly below n (n ≥ 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def extend_levels(levels: Levels, new_leaf_hashes: Sequence[bytes]) -> Levels:
    """The tile levels after appending leaves: a new list; the old one is left as it was
    (a build that is refused must not have changed the log)."""
    result = [list(level) for level in levels] or [[]]
    result[0].extend(new_leaf_hashes)
    level = 0
    while len(result[level]) >= TILE_WIDTH:
        if len(result) == level + 1:
            result.append([])
        above = result[level + 1]
        complete = len(result[level]) // TILE_WIDTH
        for index in range(len(above), complete):
            above.append(perfect_root(result[level][index * TILE_WIDTH : (index + 1) * TILE_WIDTH]))
        level += 1
    return result


class Tree:
    """The tree over the first `size` leaves of some tile levels (which may hold more)."""

    def __init__(self, levels: Levels, size: int | None = None) -> None:
        self.levels = levels
        self.size = len(levels[0]) if size is None else size
        if levels and self.size > len(levels[0]):
            raise ValueError(f"tree size {self.size} beyond the {len(levels[0])} leaves held")

    def perfect(self, start: int, size: int) -> bytes:
        """The hash of the complete subtree of `size` (a power of two) leaves at `start`."""
        height = size.bit_length() - 1
        level = min(height // TILE_HEIGHT, len(self.levels) - 1)
        unit = 1 << (TILE_HEIGHT * level)
        first = start // unit
        return perfect_root(self.levels[level][first : first + size // unit])

    def hash(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]) for a range the RFC 6962 recursion visits (`start` a multiple of
        the largest power of two not above end - start)."""
        n = end - start
        if n == 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0:
            return self.perfect(start, n)
        k = _split(n)
        return node_hash(self.perfect(start, k), self.hash(start + k, end))

    def root(self, size: int | None = None) -> bytes:
        return self.hash(0, self.size if size is None else size)

    def consistency_proof(self, old_size: int) -> list[bytes]:
        """PROOF(m, D[n]) of RFC 9162 §2.1.4.1, from `old_size` m to this tree's size n."""
        if not 0 <= old_size <= self.size:
            raise ValueError(f"no consistency proof from {old_size} to {self.size}")
        if old_size in (0, self.size):
            return []
        return self._subproof(old_size, 0, self.size, True)

    def _subproof(self, m: int, start: int, end: int, complete: bool) -> list[bytes]:
        n = end - start
        if m == n:
            return [] if complete else [self.hash(start, end)]
        k = _split(n)
        if m <= k:
            return self._subproof(m, start, start + k, complete) + [self.hash(start + k, end)]
        return self._subproof(m - k, start + k, end, False) + [self.hash(start, start + k)]

    def inclusion_proof(self, index: int) -> list[bytes]:
        """PATH(m, D[n]) of RFC 9162 §2.1.3.1 for the leaf at `index`."""
        if not 0 <= index < self.size:
            raise ValueError(f"no leaf {index} in a tree of {self.size}")
        return self._path(index, 0, self.size)

    def _path(self, m: int, start: int, end: int) -> list[bytes]:
        n = end - start
        if n == 1:
            return []
        k = _split(n)
        if m < k:
            return self._path(m, start, start + k) + [self.hash(start + k, end)]
        return self._path(m - k, start + k, end) + [self.hash(start, start + k)]


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> bool:
    """RFC 9162 §2.1.4.2: does `proof` show the tree of `old_size` is a prefix of `new_size`'s?"""
    if old_size > new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0


def verify_inclusion(index: int, size: int, leaf: bytes, root: bytes, proof: Sequence[bytes]) -> bool:
    """RFC 9162 §2.1.3.2: is `leaf` the hash at `index` of the tree of `size` with `root`?"""
    if not 0 <= index < size:
        return False
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root
