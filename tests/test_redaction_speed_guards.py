"""The cheap tests that let a detector skip a text (a passport needs a letter then six to eight digits, a
misspelt phone an "08"/"O8"/"628" opening) skip only texts where the detector finds nothing.

Texts are made on the tests' edges (runs of 5 to 9 digits after a letter, a space, a line break, a
non-ASCII letter or a digit; phones with a letter for a digit) and each detector must find on the fast path
exactly what it finds on the plain reference path, which has no such test.
"""

from __future__ import annotations

import itertools

import pytest
from chalicelib.redaction import engine
from chalicelib.redaction.driver import _document
from chalicelib.redaction.identifiers import _may_hold_passport, _passports
from chalicelib.redaction.misspelt_phones import _misspelt_phones

_BEFORE = ["A", "B ", "ab", "X\t", "é", "5", "-", "(", " ", "\n", "C\n", "Ｘ"]
_DIGITS = ["12345", "123456", "1234567", "12345678", "123456789", "１２３４５６７"]
PASSPORT_TEXTS = [f"Paspor saya {before}{digits} hilang" for before, digits in itertools.product(_BEFORE, _DIGITS)] + [
    "no paspor: C 1234567.",
    "X1234567",
    "x1234567, B 7654321",
    "NIK 3575012345670001 dan A1234567",
]

PHONE_TEXTS = [
    "WA 08l2 6633 4410",
    "HP O813-2233-4455",
    "hubungi o8122334455",
    "+628l22334455 atau 628I2233445",
    "nomor 0812 3456 7890 tanpa huruf",
    "lolo Ol 8 angka",
    "O8 lalu 12",
    "08 ll OO",
]


@pytest.mark.parametrize("text", PASSPORT_TEXTS)
def test_the_passport_test_skips_only_texts_without_passports(text: str) -> None:
    fast = _passports(_document(text))
    with engine.reference():
        plain = _passports(_document(text))
    assert fast == plain
    if plain:
        assert _may_hold_passport(_document(text))


def test_the_passport_test_skips_most_texts() -> None:
    assert not _may_hold_passport(_document("Lampu jalan mati sejak 12 hari, HP 081234567890, NIK 3575012345670001"))
    assert _may_hold_passport(_document("paspor A1234567"))


@pytest.mark.parametrize("text", PHONE_TEXTS)
def test_the_misspelt_phone_test_skips_only_texts_without_them(text: str) -> None:
    fast = _misspelt_phones(_document(text))
    with engine.reference():
        plain = _misspelt_phones(_document(text))
    assert fast == plain
