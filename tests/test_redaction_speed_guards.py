"""The cheap tests that let a detector skip a text (a passport needs a letter then six to eight digits, a
misspelt phone an "08"/"O8"/"628" opening) skip only texts where the detector finds nothing.

Texts are made on the tests' edges (runs of 5 to 9 digits after a letter, a space, a line break, a
non-ASCII letter or a digit; phones with a letter for a digit) and each detector must find on the fast path
exactly what it finds on the plain reference path, which has no such test. And the names model's features,
made on the fast path from each word's kept strings, are the strings the plain path makes, for every run of
mixed-, title- and lower-case texts.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from chalicelib.redaction import engine, name_model
from chalicelib.redaction.driver import _document
from chalicelib.redaction.identifiers import _may_hold_passport, _passports
from chalicelib.redaction.misspelt_phones import _misspelt_phones
from chalicelib.redaction.names import _Names

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
    "WA: o8l2 6633 4410.",
    "hp o8I2-6633-4410 atau (o812 6633 44l0)",
    "+628l22334455 atau 628I2233445",
    "nomor 0812 3456 7890 tanpa huruf",
    "lolo Ol 8 angka",
    "O8 lalu 12",
    "08 ll OO",
    "+628l22334455+628l22334455 x628l22334455 +62 8l22334455",
    "O8l2-2233-4455 O8l2 2233 4455 o8l2.2233.4455 Oo8l22334455 oO8l22334455 008l22334455",
    "08l2 6633 4410 08l2 6633 4411 08l2 6633 4412 08l2 6633 4413",
    "8 88 08 o8 O8 628 +628 _08l2 6633 4410 a08l2 6633 4410 808l2 6633 4410",
    "08l26633441008l266334410, 62 8l2 6633 4410, 6208l2 6633 4410",
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
def test_the_misspelt_phones_are_found_where_they_are(text: str) -> None:
    fast = _misspelt_phones(_document(text))
    with engine.reference():
        plain = _misspelt_phones(_document(text))
    assert fast == plain


def _model_texts() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import redaction_corpus
    import redaction_corpus3

    texts = [s.text for s in redaction_corpus.generate(200, seed=7181)]
    texts += [s.text for s in redaction_corpus3.generate(200, 7182, "tune")]
    # all in lower case (each line's words, with their neighbours), title case, and runs at the text's edges
    texts += [t.lower() for t in texts[:60]] + [t.title() for t in texts[:30]]
    return texts + ["Budi", "pak budi. santoso\n\tketua rt", "A. B. Cahyono - D.E. Fajar, S.Pd."]


def test_the_model_features_made_from_kept_strings_are_the_features() -> None:
    runs = 0
    for text in _model_texts():
        doc = _document(text)
        for run in name_model.runs(doc, _Names(doc).public):
            fast = name_model.features(doc, run)
            with engine.reference():
                assert name_model.features(doc, run) == fast, (text, run)
            runs += 1
    assert runs > 500
