"""A person named beside their English role: "the security guard at the mall, budi, was" (session 14).

The name model, retrained with corpus 17, stopped taking a lower-case name between commas after an English
role; the role is the cue (chalicelib/redaction/english_appositions.py)."""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact

NAMED = [
    ("the security guard at the mall, budi, was very helpful. just wanted to say thanks", "budi"),
    ("the security guard, budi, was very helpful to my kids", "budi"),
    ("the receptionist, dewi, was very rude to us at check in", "dewi"),
    ("the officer at the counter, agus, asked for money again", "agus"),
    ("the driver from villa 3, Ketut, took our bags and left", "Ketut"),
    ("the guard suparman was sleeping when the thief came in", "suparman"),
    ("the seller Said asked for more money than the price on the board", "Said"),
]
KEPT = [
    ("the guard, however, was rude to us and the manager did nothing", ["however", "manager"]),
    ("my friend and i went to the beach, it was dirty and full of plastic", ["friend", "beach"]),
    ("the driver said the road was closed, so we walked to the hotel", ["said", "road", "closed"]),
    ("the security guard at the mall, jalan rusak, was not there", ["jalan rusak"]),
    ("the seller said the price is fixed and the driver said nothing", ["seller said", "driver said"]),
]


@pytest.mark.parametrize(("text", "name"), NAMED, ids=[t[:40] for t, _ in NAMED])
def test_a_name_beside_an_english_role_is_removed(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out, out
    assert "[NAMA]" in out


@pytest.mark.parametrize(("text", "kept"), KEPT, ids=[t[:40] for t, _ in KEPT])
def test_english_and_indonesian_words_beside_a_role_stay(text: str, kept: list[str]) -> None:
    out = redact(text)
    assert [word for word in kept if word not in out] == [], out
    assert "[NAMA]" not in out, out
