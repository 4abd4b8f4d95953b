"""Personal numbers written as codes (session 14, issue 11): a stay permit, a visa, a private booking, a diving
certificate, a medical record or a campus's student number in letters and digits is `[NOMOR]` after its cue word,
in a column headed by it, or in a list under a heading naming it; public numbers stay. Invented examples."""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nama: Hans Vogel\nKITAS: 2C11XY4471-Z\nAlamat: Ubud", "2C11XY4471-Z"),
        ("saya WN Belanda, KITAP no 2D31KL0093-B, mau tanya soal perpanjangan", "2D31KL0093-B"),
        ("Visa: C312-8841207 expired yesterday", "C312-8841207"),
        ("Booking ref: QRT-449130\nIssue: room not cleaned", "QRT-449130"),
        ("the hotel says my reservation W7PK3ZQ9M1 does not exist", "W7PK3ZQ9M1"),
        ("My booking was VIL-NSA-30917. Please help.", "VIL-NSA-30917"),
        ("kode booking GTX-771204 tidak bisa dipakai", "GTX-771204"),
        ("Cert. no: SSI 2210QW8833\nDepth: 18 m", "SSI 2210QW8833"),
        ("Medical record no: MR-00417720", "MR-00417720"),
        ("NIM: 22/498812/TK/51207\nJurusan: Teknik Sipil", "22/498812/TK/51207"),
        ("my employer kept my KITAS (2C21TT5510-K) for three months", "2C21TT5510-K"),
    ],
)
def test_a_code_after_its_cue_is_a_personal_number(text: str, code: str) -> None:
    out = redact(text)
    assert code not in out and "[NOMOR]" in out, out


def test_a_column_of_permits_or_bookings() -> None:
    table = "Tenant | Room | KITAS\nIgor Petrov | 3 | 2C11PP7710-N\nLi Wei | 4 | 2C21LW0042-F"
    out = redact(table)
    assert "2C11PP7710-N" not in out and "2C21LW0042-F" not in out, out
    table = "| booking | guest | nights |\n| BLX-33019 | Emma Stone | 3 |"
    out = redact(table)
    assert "BLX-33019" not in out and "| 3 |" in out, out


def test_a_passport_column_of_two_kinds_and_a_list_heading() -> None:
    out = redact("Nama\tNIK/Paspor\tPeran\nTom Hardy\tLK4419032\tsaksi")
    assert "LK4419032" not in out and "[PASPOR]" in out, out
    out = redact("Passports held by the landlord:\n1. Anna Novak – 44 7720115\n2. Petr Novak – 44 7720116")
    assert "7720115" not in out and "7720116" not in out, out


def test_a_customer_number_said_digit_by_digit_then_written() -> None:
    out = redact("no pelanggan pdam saya nol dua satu empat tiga tujuh tujuh delapan, maksudnya 02143778, mohon dicek")
    assert "02143778" not in out and "nol dua satu" not in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("visa on arrival sekarang Rp 500.000 per orang", "500.000"),
        ("booking 2 malam tgl 14/02/2027 tapi kamar 207 kotor", "14/02/2027"),
        ("booking 2 malam tgl 14/02/2027 tapi kamar 207 kotor", "207"),
        ("KITAS saya habis, nomor laporan ADU-2026-00418 belum dijawab", "ADU-2026-00418"),
        ("Soal visa, hubungi call center imigrasi 1500-119", "1500-119"),
        ("Surat No. 470/2231/2026 tentang reservasi gedung", "470/2231/2026"),
        ("KITAS no record found, please check villa 12", "villa 12"),
    ],
)
def test_public_numbers_stay(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out
