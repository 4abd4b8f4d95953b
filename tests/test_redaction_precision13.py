"""Precision on unseen text (issue 11, session 13): classes of public text the redactor took for personal data.

Each case is a class, written anew for this test (not taken from a corpus), with the person beside it that must
still be redacted.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction.notname_chat import chat_word
from redaction_cases import assert_kept, assert_redacted

# What chat writes after a cue where a name could stand: a verb with chat's nasal, a word said without its "h" or
# with its last vowel as spoken, a person's plight; and a personal number's label
CHAT_WORDS_KEPT = [
    "td sore pak dedi tukang parkir {jatoh} di got depan pasar, tolong ditutup",
    "jam 12 pegawai kelurahan udh {ilang}",
    "para pedagang kaki lima {ngeluh} terus soal retribusi",
    "tukang parkir liar {maksa} minta 10rb",
    "sy udh bilang ke pak rw {katanye} nunggu dana",
    "anak saya {batuk terus}, kata dokter di puskesmas krn asap pabrik",
    "anak saya {patah kaki}, dirawat di rs daerah",
    "udah lama sy {diem} aja tp skrg makin parah",
    "malam tadi adiak ambo {jatuah} di banda",
    "Demikian kami sampaikan.\n\nKepala Sekolah,\nRina Kusumawati, S.Pd.\n{NIP} 19800101 200501 2 001",
    "Kepala Bidang,\nIr. Agus Salim\nKepala Seksi Jalan\n{NIP} 197001011995031001",
    "Mahasiswa: Budi Santoso\n{NIM}: 2101234567",
]
CHAT_NAMES_REDACTED = [
    ("nama", "halo min nama saya {obet}, tukang ojek di terminal"),
    ("nama", "sy udh lapor ke pak {katanye} yg jaga parkir"),
    ("nama", "anak sy {melati} ditolak sekolah"),
    ("nama", "sy {suparmi} dari kel. tegalrejo mau lapor"),
    ("nama", "Demikian kami sampaikan.\n\nKepala Sekolah,\n{Rina Kusumawati}, S.Pd.\nNIP 19800101 200501 2 001"),
    ("nip", "Petugas: Rina, NIP {19800101 200501 2 001}"),
]


@pytest.mark.parametrize("marked", CHAT_WORDS_KEPT)
def test_chat_words_after_a_cue_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), CHAT_NAMES_REDACTED)
def test_names_beside_chat_words_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


@pytest.mark.parametrize(
    ("word", "chat"),
    [
        ("jatoh", True),
        ("ngeluh", True),
        ("nunggu", True),
        ("katanye", True),
        ("diem", True),
        ("ilang", True),
        # the dictionary's own spelling and a closed "e" may be a given name; a listed name never is chat's word
        ("aman", False),
        ("obet", False),
        ("melati", False),
        ("sutrisno", False),
    ],
)
def test_chat_word(word: str, chat: bool) -> None:
    assert chat_word(word) is chat


# A neighbourhood's village after its RT and RW numbers: the word before the pair decides, not "RT" itself
PLACES_KEPT = [
    "Kepada warga RT 04 RW 07 {Tlogosari Kulon}\n\nKerja bakti bersih selokan Minggu pagi jam 7.",
    "sampah numpuk smp ke jalan, bau bgt. warga RT 05/RW 03 {Kalibanteng Kulon} udh gk tahan",
]
PERSONS_AFTER_NEIGHBOURHOODS = [
    ("nama", "Ketua RT 05 RW 02 {Suparno} sudah lapor ke kelurahan"),
    ("nama", "Pak RT 3 RW 4 {Darmo} tidak datang"),
]


@pytest.mark.parametrize("marked", PLACES_KEPT)
def test_a_village_after_rt_and_rw_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), PERSONS_AFTER_NEIGHBOURHOODS)
def test_the_official_after_rt_and_rw_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A pasted table's cells are split by tabs: the numbers of two cells are never one number
TABLE_CELLS_KEPT = [
    "Nama\tKios\tTagihan\tBayar\tSisa\nSutinah\tA-3\t{450.000}\t{300.000}\t{150.000}",
    "No\tLokasi\tPanjang\tLebar\n1\tJl. Veteran\t{120}\t{6}",
]
TABLE_CELLS_REDACTED = [
    ("telepon", "Nama\tHP\tKios\nSutinah\t{0812 3456 7890}\tA-3\t450.000"),
    ("rekening", "Nama\tRekening\tJumlah\nSutinah\t{1230009876541}\t450.000"),
]


@pytest.mark.parametrize("marked", TABLE_CELLS_KEPT)
def test_numbers_of_two_table_cells_are_not_one_number(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), TABLE_CELLS_REDACTED)
def test_a_number_in_a_table_cell_is_still_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A regency's or a city's official is named after it: the regency's name after "Bupati", "Walikota" is the place
REGENCIES_KEPT = [
    "Kepada Yth. Bapak Bupati {Agam}\ndi Lubuk Basung\n\nPerihal: jalan rusak",
    "Kepada Yth. Walikota {Bima}, mohon perhatian atas banjir",
]
PERSONS_AFTER_REGENCIES = [
    ("nama", "kata pak bupati {Bambang} jalan mau diaspal"),
    ("nama", "mohon maaf pak {Bima}, kami warga Kota Bima"),
]


@pytest.mark.parametrize("marked", REGENCIES_KEPT)
def test_a_regency_after_its_official_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), PERSONS_AFTER_REGENCIES)
def test_a_person_after_an_official_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A market's stalls listed under a heading that names its traders: the stall's block is no house
STALLS_KEPT = [
    "Daftar Pedagang Pasar Raya yang Kiosnya Terbakar:\n1. Sutinah – {Blok A/12}\n2. Marni – {Blok B/3}",
    "Lapak pedagang Pasar Sentral yg belum dapat listrik:\n- Rahmat: {Blok C-7}\n- Sumi: {Blok C-9}",
]
HOUSES_IN_LISTS_REDACTED = [
    ("alamat", "Daftar warga dekat Pasar Raya yang kebanjiran:\n1. Sutinah – Blok {A/12}"),
    ("alamat", "Warga Perum Griya Asri yang belum dapat air:\n1. Sutinah – Blok {A/12}"),
]


@pytest.mark.parametrize("marked", STALLS_KEPT)
def test_stalls_listed_under_a_market_heading_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), HOUSES_IN_LISTS_REDACTED)
def test_houses_listed_under_another_heading_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A directory of offices: the office, its street, its number in one row of a table
DIRECTORY_KEPT = [
    "Nama | Alamat | Telepon\nPuskesmas Sukajadi | Jl. Sukajadi | {(022) 2031 456}\nRSUD Kota | Jl. Merdeka | {0811-2233-4455}",
    "Kantor\tAlamat\tTelepon\nKelurahan Sukamaju\tJl. Melati Raya\t{(0711) 352 017}",
]
DIRECTORY_PERSONS_REDACTED = [
    ("telepon", "Nama | Alamat | HP\nSutinah | Jl. Merdeka | {0812-7900-2231}"),
    ("telepon", "Pak Rahmat, Puskesmas | Jl. Merdeka | {0812-7900-2231}"),
    ("telepon", "Dinas PU | Rahmat Hidayat | Jl. Merdeka | {0812-7900-2231}"),
]


@pytest.mark.parametrize("marked", DIRECTORY_KEPT)
def test_an_offices_number_beside_its_street_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), DIRECTORY_PERSONS_REDACTED)
def test_a_persons_number_beside_a_street_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# The regions' everyday words after a cue: Sundanese "sieun" (afraid), "wungkul" (only), Minang "sajo" (only),
# "tasumbek" (blocked), Acehnese "lon" (I)
REGIONAL_KEPT = [
    "tos tilu dinten listrik pareum, abdi {sieun} aya nanaon ka budak",
    "nu kenging bantuan teh kulawarga pa kades {wungkul}",
    "bantuan dibagi ka urang nan dakek jo pak wali {sajo}",
    "got di muko rumah ambo {tasumbek}, aia naiak ka jalan",
]


@pytest.mark.parametrize("marked", REGIONAL_KEPT)
def test_regional_words_after_a_cue_survive(marked: str) -> None:
    assert_kept(marked)


# Javanese locatives before a regency or a city: "ning Tegal", "nang Kebumen"
JAVANESE_PLACES_KEPT = [
    "eh min, aku Yayuk ning {Tegal}, kiye lho min, sing dodol es",
    "min, aku Darmi nang {Kebumen} arep takon soal bansos",
]
JAVANESE_PERSONS_REDACTED = [
    ("nama", "sy td ketemu neng {Bima} di pasar"),
    ("nama", "aku ketemu ning {Sutinah} wingi sore"),
]


@pytest.mark.parametrize("marked", JAVANESE_PLACES_KEPT)
def test_a_regency_after_a_javanese_locative_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), JAVANESE_PERSONS_REDACTED)
def test_a_person_after_a_javanese_word_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
