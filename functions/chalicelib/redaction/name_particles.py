"""A particle that opens a name goes with the name found after it (issue 11, session 14).

Sasak "Lalu" and "Baiq", Balinese "I" and "Ni", Buton "La" and "Wa" open a name ("Lalu Sapriadi", "Baiq Sri
Wahyuni"). The rules take the particle with the name when they find the name themselves (``names._Names.grow_left``);
a name the trained model or the text's evidence added later is one word, and its particle stayed in the text:
"Perwakilan warga:\\nLalu [NAMA] (Ketua RT)". A capitalised "Lalu" opening a sentence is Indonesian "then" ("Lalu
Budi datang"), unless it opens a line or follows a label's colon ("Tim: Lalu Wirahadi, Baiq Herlina").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .names import _Names

_SASAK = frozenset(("lalu", "baiq"))


def widened(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges, each with the particle right before it when the particle opens the name (see the module)."""
    tokens, text = finder.tokens, finder.doc.text
    out = []
    for first, last in ranges:
        p = first - 1
        if p >= 0 and tokens[first].cap and finder.adjacent(p) and text[tokens[p].end : tokens[first].start] == " ":
            low = tokens[p].low
            after_label = low in _SASAK and tokens[p].cap and text[: tokens[p].start].rstrip(" \t").endswith(":")
            if finder.particle_before_name(p) or after_label:
                first = p
        out.append((first, last))
    return out
