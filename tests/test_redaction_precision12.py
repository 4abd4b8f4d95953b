"""Precision on unseen text (issue 11, session 12): classes of public text the redactor took for personal data.

Each case is a class, written anew for this test (not taken from a corpus), with the person or the house beside
it that must still be redacted.
"""

from __future__ import annotations

import pytest
from redaction_cases import assert_kept, assert_redacted

# Numbers that are not a house's: a school's number, a road's kilometre, a state company's numeral
NUMBERS_KEPT = [
    "lampu jalan mati di jl. kartini deket {smp muhammadiyah 2}, gelap bgt",
    "Genangan di gang belakang {SD Negeri 4} Kota Blitar sudah seminggu",
    "Lokasi:\n1. Jl. Ahmad Yani km 8\n2. gang depan {SMPN 3} Kepanjen",
    "Mohon perhatian kepada warga yg lewat Jalan Poros Maros {km 21}, ada pohon tumbang.",
    "Usulan perbaikan dari warga Kec. Lawang:\n1. Jl. Raya Malang-Surabaya {km 14}\n2. Jl. Thamrin",
    "Tembusan:\n1. Dinas PU\n2. {Perum Perhutani II}\n3. Camat Singosari",
]
NUMBERS_REDACTED = [
    ("alamat", "rumah saya di gang mawar {no 5} dekat SDN 2"),
    ("alamat", "saya tinggal di Jl. Poros Maros km {21}, sebelah masjid"),
    ("alamat", "warga Jl. Trans Sulawesi km {12} kebanjiran"),
    ("alamat", "Alamat: Perum Griya Asri {C-12}, Kel. Tlogomas"),
]


@pytest.mark.parametrize("marked", NUMBERS_KEPT)
def test_numbers_of_a_place_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), NUMBERS_REDACTED)
def test_house_numbers_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
