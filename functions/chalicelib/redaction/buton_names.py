"""Buton's and Muna's noble names, "La Ode ..." (a man) and "Wa Ode ..." (a woman), in any casing.

"Ode" after "La" or "Wa" is a title and nothing else in Indonesian, so the words after it are a person's
name whether a name list holds them or not and whatever the case: "wa ode nurmi belum dapat bantuan",
"LA ODE NURMI". (Without "Ode", "wa" is as often WhatsApp and "la" a particle: those are left to the
name rules, which take "La"/"Wa" before a name they find.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import namable

if TYPE_CHECKING:
    from .names import _Names


def found(finder: _Names, strength: int) -> list[tuple[int, int]]:
    """The names opened by "La Ode"/"Wa Ode", title included, as token ranges."""
    tokens = finder.tokens
    ranges = []
    for k in range(1, len(tokens) - 1):
        if tokens[k].low != "ode" or tokens[k - 1].low not in ("la", "wa"):
            continue
        if not (finder.adjacent(k - 1) and finder.adjacent(k)) or not namable(finder, k + 1):
            continue
        ranges.append((k - 1, finder.grow_right(k + 1, strength)))
    return ranges
