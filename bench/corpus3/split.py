"""The fixed hash that puts every name, public name and template in one of two splits.

"tune" may be used to improve the redactor; "heldout" never is. The hash depends only on the
entry's own text, so an entry never moves between splits when lists grow.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TypeVar

SPLITS = ("tune", "heldout")

T = TypeVar("T")


def split_of(key: str) -> str:
    """The split an entry belongs to, from a hash of its text (stable across runs and machines)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8, person=b"corpus3").digest()
    return SPLITS[digest[0] % 2]


def check_split(split: str) -> str:
    """`split` itself, or ValueError naming the allowed values."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    return split


def keep(entries: Iterable[str], split: str) -> tuple[str, ...]:
    """The entries that fall in `split`, in their original order."""
    return tuple(e for e in entries if split_of(e) == split)
