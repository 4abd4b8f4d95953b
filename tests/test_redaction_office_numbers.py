"""An office's number is public, a person's is not (issue 11, session 11): a service's own words ("WA
Center", "call center", "hotline", "nomor pengaduan") make any number an office's, a mobile's too; a table's
cell or a list's item that names an office, and an office's name on the line above a landline alone on its
line (a signature), make the number the office's.

Each case is written anew for this test (not taken from a corpus). Beside them, the same shapes with a
person in them stay redacted.
"""

from __future__ import annotations

import pytest
from redaction_cases import assert_kept, assert_redacted

KEPT = [
    # a service's words before the number, or right after it in brackets: a mobile number too
    "Kontak resmi Pemkot Tidore:\n• WA Center: {0811-4477-120}\n• IG: @pemkottidore",
    "Silakan hubungi call center {(0435) 827 113} atau datang langsung.",
    "Laporan dapat dikirim ke {0812-2200-3300} (hotline Dinas Pendidikan).",
    "nomor pengaduan PDAM yg baru {0813 4455 6677} ya min?",
    # a table of offices and their numbers, the office in the cell before the number
    "No | Layanan | Kontak\n1 | PMI Kota Palu | {(0451) 421 117}\n2 | BPBD Kota Palu | {0811 4500 777}",
    # a list of offices' numbers
    "Nomor penting Kota Kendari:\n- Pemadam kebakaran: {(0401) 312 113}\n- Samsat Kendari: {(0401) 319 456}",
    # an office's signature: its landline alone under its name
    "Hormat kami,\nTim Pengaduan\nDiskominfo Kota Ternate\n{(0921) 312 045}",
]

REDACTED = [
    # a person's number stays a person's, whatever office the line names
    ("telepon", "hp saya {0813-2200-3300} (hotline pribadi)"),
    ("telepon", "Nama | HP\nRahmat Hidayat | {0812 3456 7890}"),
    ("telepon", "Dinas PU | Rahmat Hidayat | {0812 3456 7890}"),
    ("telepon", "Ketua RT 04 | {0812 5566 7788}"),
    ("telepon", "Nomor penting:\n- Bu Sriyani: {(0401) 312 113}"),
    ("telepon", "Hormat saya,\nRahmat Hidayat\n{(0401) 312 113}"),
    # a mobile number in running text after an office's word, without a service's word: a person's
    ("telepon", "Petugas Dinas Sosial kemarin sms dari {0812 3456 7890}"),
]


@pytest.mark.parametrize("marked", KEPT)
def test_an_offices_number_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), REDACTED)
def test_a_persons_number_is_still_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
