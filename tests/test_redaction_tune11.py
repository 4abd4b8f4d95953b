"""Names and public words on unseen text (issue 11, session 11): the classes corpus 11 showed.

Each case is a class, written anew for this test (not taken from a corpus).
"""

from __future__ import annotations

import pytest
from redaction_cases import assert_kept, assert_redacted

KEPT = [
    # a greeting whose first word is also a name still greets where a sentence starts
    "Terima kasih atas bantuannya.\n{Sugeng riyadi}, mohon maaf lahir batin.",
    "Selesai rapat. {Wilujeng sumping} di Kota Bogor.",
    # an office's unit by its short name after a post's word
    "Disposisi: Kabid {Kesmas} agar turun ke lokasi",
    "Tembusan:\n1. Kasubag {Umpeg}\n2. Arsip",
    "sudah dilaporkan ke Kasi {Linjamsos}, katanya minggu depan",
    "Kepala Bidang {Rehsos} belum membalas surat kami",
    # councils of a school and of a Papuan kampung
    "Hormat kami,\nKetua {Bamuskam},\nttd",
    # the portal's own desk
    "Kepada {Admin Aduan},\nSaya mau lapor lampu mati.",
]

REDACTED = [
    # the period of an honorific's short form does not start a sentence: the name after it is a name, even one
    # that is also a greeting ("Sugeng Riyadi": happy Eid)
    ("nama", "sdh dihubungi pelapor (Bpk. {Sugeng Riyadi}) via telp kantor"),
    ("nama", "Disposisi kepada Sdr. {Sugeng Riyadi} untuk ditindaklanjuti."),
    ("nama", "Kepada Yth. Bp. {Sugeng Riyadi} di tempat"),
    # the person after the unit is still a person
    ("nama", "Kasi Yankes, {Maria Lusiana} sudah hadir"),
    ("nama", "Ketua Komite, {Hendrik Wanggai}, menandatangani surat"),
]


@pytest.mark.parametrize("marked", KEPT)
def test_public_words_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), REDACTED)
def test_persons_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


PASSPORTS = [
    # a foreign passport of letters and digits mixed, after the cue word
    "Wisatawan kehilangan dompet, No. paspor: {X4R9T2K81}, mohon dibantu",
    # a passports' column of a table, digits only or mixed
    "Nama | Paspor | Negara\nLukas Weber | {CF7K29T41} | Jerman\nOliver Hughes | 547120983 | Inggris",
    "Nama | Paspor | Negara\nLukas Weber | CF7K29T41 | Jerman\nOliver Hughes | {547120983} | Inggris",
]

NOT_PASSPORTS = [
    # the same shapes without a passport's cue: codes, vouchers, other columns
    "kode voucher {X4R9T2K81} tidak bisa dipakai",
    "No | Kode | Negara\n1 | {CF7K29T41} | Jerman",
]


@pytest.mark.parametrize("marked", PASSPORTS)
def test_passports_are_redacted(marked: str) -> None:
    assert_redacted("paspor", marked)


@pytest.mark.parametrize("marked", NOT_PASSPORTS)
def test_codes_are_not_passports(marked: str) -> None:
    assert_kept(marked)
