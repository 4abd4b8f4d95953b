"""The corpus's templates, one text file per style family in `texts/`.

A file holds templates separated by lines of `%%`; lines starting with `#` before the first
template describe the file. Slots are explained in `fill`. Each template falls in one split by
the fixed hash of its text, so the held-out half is written in sentences the tuned half never
showed. Rewording a template may move it to the other split: once the tuned half is in use, add
new templates rather than edit old ones (or check that an edit keeps the split).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from corpus3.split import keep

TEXTS = Path(__file__).resolve().parent / "texts"
STYLES = ("chat", "formal", "forwarded", "witness_list", "caps", "signature")


@cache
def all_templates() -> dict[str, tuple[str, ...]]:
    """Every template by style family, both splits."""
    out: dict[str, tuple[str, ...]] = {}
    for style in STYLES:
        raw = (TEXTS / f"{style}.txt").read_text(encoding="utf-8")
        lines = [line for line in raw.splitlines() if not line.startswith("#")]
        blocks = "\n".join(lines).split("\n%%\n")
        out[style] = tuple(dict.fromkeys(b.strip("\n") for b in blocks if b.strip()))
    return out


def templates(split: str) -> dict[str, tuple[str, ...]]:
    """The templates of `split`, by style family."""
    return {style: keep(ts, split) for style, ts in all_templates().items()}
