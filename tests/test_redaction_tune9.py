"""Precision on unseen text (issue 11, session 9): public words the redactor must not take for personal data.

Each case is a class, written anew for this test (not taken from a corpus). In each case the phrase in
braces must survive; beside them, the cases that must still be redacted show that the rules stop where a
person begins.
"""

from __future__ import annotations

import pytest
from redaction_cases import assert_kept, assert_redacted

KEPT = [
    # a regency or city whose name is also a given name, after a unit's word or a locative
    "Banjir lagi di {Kota Bima}, air sepinggang.",
    "Tolong {BPBD Kabupaten Agam} kirim perahu.",
    "sy tinggal di {sarmi} dekat pantai, listrik mati terus",
    "Truk sawit dari {Agam} lewat tiap malam.",
    # a letter's place and date, an address that ends with its kecamatan or city
    "{Bima}, 4 Maret 2027\nKepada Yth. Kepala Dinas Sosial",
    "Kantor: Jl. Veteran No. 3, {Bima}",
    # the text names the city as such elsewhere
    "Posko di Kel. Paruga, {Bima}: 1. Andi Nurlela 2. Hasan\nBantuan Kota Bima belum tiba.",
    # the regions' everyday words after a cue or in a lower-case chat
    "min, dokternya baru {dateng} jam 11, antrian panjang",
    "ambo rosmani, anak ambo {dakek sakola}",
    # a form's labels, whatever words the lexicons lack
    "Nama : Sutrisno\n{NIM} : 20-4412-0091\n{Fakultas} : Teknik\nKeluhan : UKT naik",
    "Tanggal : 04/02/2027\n{OPD} : Dinas PUPR\n{Tindakan} : lubang ditambal\nPetugas : regu 2",
    "Tanggal : 5/2/2027\n{Ruang Tunggu} : panas\n{Nilai SKM} : 80\nJumlah responden : 30",
    # an office's landline: Maluku's and Papua's area codes (09..), after "Info:"
    "Pendaftaran vaksin dibuka Senin. Info: {(0911) 355 210}",
    # the accounts of a city's offices and newspapers: an office's or a paper's word with a city's name
    "Sudah lapor ke {@dlhpalu} tapi belum dibalas",
    "cc {@dukcapilmakassar} tolong",
    "tanya ke {@kanimmedan} soal paspor",
    "Mohon dibantu {@rsudkendari}",
    "baca di {@balikpapanpost} semalam",
]

REDACTED = [
    # a person whose name is a region's, after an honorific, even where the text names the region too
    ("nama", "Pak {Bima} datang ke posko."),
    ("nama", "Banjir di Kota Bima. Pak Bima ketua posko, {Bima} bilang perahu kurang."),
    # a kecamatan's name that is also a given name, after a locative only
    ("nama", "sampah numpuk di rumah {Bambang} dan tetangganya"),
    # a signature after a comma whose name is a kecamatan's, in a text that cites an identity number
    ("nama", "identitas: no ktp 3578 0705 0591 1657. terima kasih, {senen}."),
    # a kelurahan's or a village's staff, named after the unit
    ("nama", "perangkat desa {Sumarni} minta uang"),
    ("nama", "petugas kelurahan {Wagiyo} tidak datang"),
    # the writer beside the regions' words
    ("nama", "ambo {rosmani}, anak ambo dakek sakola"),
    ("nama", "uni admin, ambo {rosmani}. ambo manjua sayur di pasa ateh"),
    # names that are also the regions' words: Chinese "Nio", Batak "Torang"
    ("nama", "[12/01/27 09.15] Ani: lampu mati lagi\n[12/01/27 09.16] {Nio}: iya di gang kami juga"),
    ("nama", "bang {torang} udah lapor ke lurah tapi belum ada yg datang"),
    # an office and its number, then the person: no address ends there
    ("nama", "Hadir:\n1. Lurah Sukamaju, Bapak Hasan\n2. Ketua RW 07, {Sekar}\n3. Ketua RT 02, Budi"),
    # a roll call inside a form labels its lines with people
    ("nama", "Tanggal : 5/2/2027\n{Supardi} : hadir\nNama : Rudi\nAlamat : Jl. Melati"),
    # a household's landline in the east, an informant's, a landline after "rumah" in its own sentence
    ("telepon", "telp rumah saya {(0911) 352 440}"),
    ("telepon", "Info dari Pak Darmo, {(0370) 640 221}"),
    ("telepon", "Pengaduan ke Dinas belum dijawab. Telp rumah {(0370) 640 221}"),
    # a person's account, even with a city's name or a paper's word in it
    ("akun", "ig pelaku {@yusuf_makassar} nipu"),
    ("akun", "ig {@rina_post} nyebar hoaks"),
    # a person after "dari" whose name is a kecamatan's
    ("nama", "Ada titipan dari {Sekar} untuk ketua RT."),
]


@pytest.mark.parametrize("marked", KEPT)
def test_public_words_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), REDACTED)
def test_persons_beside_them_are_still_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
