"""Closings and numbered tables (issue 11, session 13): words that are no name in a letter's closing and in
a table whose rows wrote their number into the name's cell. Each case fails without its rule."""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact

CASES = [
    # two closing lines: the name is under the second one, the first line's "Salam" is no name
    ("Terima kasih.\nSalam,\nArief Rachman Hakim", "Terima kasih.\nSalam,\n[NAMA]"),
    (
        "Mohon ditindaklanjuti. Terima kasih\nHormat saya,\nSri Wahyuni",
        "Mohon ditindaklanjuti. Terima kasih\nHormat saya,\n[NAMA]",
    ),
    # an office's motto after "Salam", in lower case under a capital
    ("Salam hijau,\nDinas Lingkungan Hidup Kota Malang", "Salam hijau,\nDinas Lingkungan Hidup Kota Malang"),
    ("Salam tangguh!\nBPBD Kabupaten Pasuruan", "Salam tangguh!\nBPBD Kabupaten Pasuruan"),
    # a numbered table whose rows put the number into the name's cell: the next column is no person
    (
        "No | Nama | Komoditas | TTD\n1. Mukhlis | bakso | v\n2. Siti Aminah | es degan | v\n3. Kasimo | mainan anak | -",
        "No | Nama | Komoditas | TTD\n1. [NAMA] | bakso | v\n2. [NAMA] | es degan | v\n3. [NAMA] | mainan anak | -",
    ),
    (
        "No\tNama\tKeterangan\n1. Sukarji\tsakit\n2. Karsini\thadir",
        "No\tNama\tKeterangan\n1. [NAMA]\tsakit\n2. [NAMA]\thadir",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_closings_and_numbered_tables(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_a_name_right_after_one_closing_line_is_still_removed() -> None:
    assert redact("Terima kasih.\nArief Rachman Hakim") == "Terima kasih.\n[NAMA]"
    assert redact("Salam,\nArief") == "Salam,\n[NAMA]"
