"""A complaint written in English names its writer the English way ("my name is ..."), and the name after
it is removed whatever its case, as after "nama saya" (issue 11). "named after" names a place's namesake,
not a person here."""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my name is budi and the road is broken", "budi"),
        ("Hello, my name is Wayan Sudarta, I live in Ubud", "Wayan Sudarta"),
        ("her name is siti, she was asked for money at the counter", "siti"),
        ("a man named Komang Ardana asked for money", "Komang Ardana"),
    ],
)
def test_the_name_after_an_english_cue_is_removed(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out and "[NAMA]" in out, out


def test_named_after_is_no_cue() -> None:
    text = "the street named after the hero is flooded"
    assert redact(text) == text
