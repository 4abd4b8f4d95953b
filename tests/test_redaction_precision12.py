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
    # an amount, a count of days and a doubled word are no unit's or gang's number
    "Perumahan Bumi Asri minta iuran {Rp 50.000} tiap bulan",
    "Asrama haji di Sudiang {su 4 hari} mati lampu",
    "min jalan di kampung kami {gara2} truk tambang rusak semua",
]
NUMBERS_REDACTED = [
    ("alamat", "rumah saya di gang mawar {no 5} dekat SDN 2"),
    ("alamat", "saya tinggal di Jl. Poros Maros km {21}, sebelah masjid"),
    ("alamat", "warga Jl. Trans Sulawesi km {12} kebanjiran"),
    ("alamat", "Alamat: Perum Griya Asri {C-12}, Kel. Tlogomas"),
    ("alamat", "Perum Bumi Asri {B 7} kebanjiran"),
    ("alamat", "rumah di {Gg. Mawar no7} rt 3 kebanjiran"),
]


@pytest.mark.parametrize("marked", NUMBERS_KEPT)
def test_numbers_of_a_place_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), NUMBERS_REDACTED)
def test_house_numbers_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# Words no parent gives, where a name could stand: a kind of name, anonymity, a state, an adverb, and a verb
# right after a word for "name"
WORDS_KEPT = [
    "min, bapak sy {lansia} gk kuat antri di kantor pos, tlg dibantu",
    "anak saya {tuna netra}, apa ada sekolah inklusi di kecamatan ini?",
    "rumah sy digedor debt collector tiap malam. tolong dibantu, sy {takut}",
    "sy udh lapor ke rt tp blm ada kabar, sy {ragu}",
    "Pelapor: Siti Aminah (nama {panggilan}; nama {asli} dirahasiakan)",
    "Tanggal | Pelapor | Kategori | Petugas\n12/05 | Rina Marlina | Sampah | Joko\n13/05 | {anonim} | Pungli | Anita",
    "Nama saya {dicoret} dari daftar penerima BST tanpa alasan.",
    "Yang bertanda tangan di bawah ini {menyatakan} bahwa data di atas benar.",
    "warung anak saya {tetap} ditagih retribusi dua kali",
    # a document's short name, a letter's opening word, an office alone
    "Rumah sebelah dibangun tinggi, tidak punya {IMB}/PBG. Mohon ditindak.",
    "Pelanggan Yth.,\n{Sehubungan} dengan perbaikan pipa di Jl. Ahmad Yani, air mati.",
    "Nama              RT   Keadaan\nSuparno           03   banjir\nMbah Kasno        03   aman\n{Pak RT}            03   aman",
]
WORDS_REDACTED = [
    ("nama", "min, bapak sy {Sabar} gk kuat antri di kantor pos"),
    ("nama", "Pelapor: {Siti Aminah} (nama panggilan)"),
    ("nama", "Tanggal | Pelapor | Kategori | Petugas\n12/05 | {Rina Marlina} | Sampah | Joko\n13/05 | anonim | Pungli"),
    ("nama", "Nama saya {Dimas Saputra}, dicoret dari daftar penerima BST."),
    ("nama", "Yang bertanda tangan di bawah ini, {Teguh Prasetyo}, menyatakan bahwa data di atas benar."),
    ("nama", "nama sy {mentari}, warga kel. sukajadi"),
    ("nama", "sy {Jujur} mau lapor jalan rusak"),
    ("nama", "Nama              RT   Keadaan\n{Suparno}           03   banjir\nPak RT            03   aman"),
    ("nama", "Pelanggan Yth.,\nSehubungan dengan laporan Bapak {Sugiarto}, petugas akan datang."),
]


@pytest.mark.parametrize("marked", WORDS_KEPT)
def test_words_no_parent_gives_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), WORDS_REDACTED)
def test_names_beside_them_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A listed name made a common noun by the word before it, an organisation's own name after its head word, the
# places a region's "se-" gathers
BODIES_KEPT = [
    "Mohon izin keramaian untuk pengajian {akbar} di lapangan Kauman, Minggu malam",
    "Warga RW 3 mengadakan doa {syukur} setelah jalan diaspal.",
    "Terima kasih atas bantuannya.\n{Om Shanti, Shanti, Shanti Om}\nHormat saya,\nNi Luh Sukerti",
    "Dengan hormat, kami dari {Asosiasi Pedagang Kuliner Lamaru} menyampaikan keberatan.",
    "Undangan:\n1. Camat Kendari; 2. Ketua {Paguyuban Pedagang Mandonga}\nWaktu: Senin",
    "Terima kasih.\n{Panitia Kendari Jazz Fest}",
    "Kepada Yth. Kepala Sekolah se-Kecamatan {Tamalate} dan {Mariso}\nDengan hormat,",
]
BODIES_REDACTED = [
    ("nama", "tadi malam Pak {Akbar} datang ke posko"),
    ("nama", "Ketua Asosiasi Pedagang Pasar Terong, {Daeng Rewa}, menolak kenaikan retribusi."),
    ("nama", "Ketua Kelompok Tani Mekar Sari, {Sutrisno}, sudah lapor ke PPL"),
    ("nama", "Menurut Ketua Paguyuban Pedagang Pak {Darmaji}, retribusi naik"),
    ("nama", "Paguyuban Pedagang {Budi Santoso} menolak"),
    ("nama", "Hormat saya,\n{Ni Luh Sukerti}"),
]


@pytest.mark.parametrize("marked", BODIES_KEPT)
def test_bodies_and_compounds_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), BODIES_REDACTED)
def test_persons_beside_bodies_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# An office's number told by its neighbours: the letterhead's "Telp.", a channel joined to the office's own
PHONES_KEPT = [
    "PEMERINTAH KOTA KENDARI\nDINAS PERHUBUNGAN\nJl. Ahmad Yani No. 4 Kendari, Telp. {(0401) 312 345}\nNomor: 551/12",
    "Untuk pengaduan silakan menghubungi call center (0274) 512 111 atau WA {0811 2600 112}.",
    "Informasi resmi hanya melalui @dishub.kotakendari dan {(0401) 312 345}.",
    "Pengaduan: {(0401) 312 345} / @disdukcapilkendari",
]
PHONES_REDACTED = [
    ("telepon", "Silakan hubungi posko (0370) 640 774 atau Pak Budi {0812 3456 7890}."),
    ("telepon", "Kontak: @budi.santoso88 dan {0812 3456 7890}"),
    ("telepon", "Nama: Sulastri\nAlamat: Jl. Mawar No. 3 Kendari, Telp. {0812 3456 7890}"),
    ("telepon", "Pengaduan: {(0401) 312 345} / @budi.santoso88"),
]


@pytest.mark.parametrize("marked", PHONES_KEPT)
def test_offices_numbers_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), PHONES_REDACTED)
def test_persons_numbers_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A list of damaged public works, a city's programme in English
FACILITIES_KEPT = [
    "Rekap kerusakan Kota Kupang:\n1. {Jembatan Liliba}\n2. {Talud Oesapa}\n3. Pasar Oeba atap bocor\n4. {Dermaga Tenau}",
    "Salam, Admin {Kendari Smart City}.",
]
FACILITIES_REDACTED = [
    ("nama", "Saksi:\n1. {Bunga Lestari}\n2. Intan Permata"),
    ("nama", "lampu jalan depan rumah Pak {Darmo} mati sejak Senin"),
]


@pytest.mark.parametrize("marked", FACILITIES_KEPT)
def test_facilities_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), FACILITIES_REDACTED)
def test_persons_in_lists_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A kecamatan after its officials or a trade named after where it works
REGIONS_KEPT = [
    "jalan perumahan rusak, developer kabur. pak camat {tembalang} tlg fasilitasi serah terima psu",
    "Daftar hadir\nDaeng Ngalle\n(rapat nelayan {Galesong Selatan} soal solar)",
]
REGIONS_REDACTED = [
    ("nama", "pak camat {budi} tlg fasilitasi serah terima psu"),
    ("nama", "Kepada Yth. Camat {Sutrisnowati}, mohon bantuan"),
]


@pytest.mark.parametrize("marked", REGIONS_KEPT)
def test_regions_after_their_officials_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), REGIONS_REDACTED)
def test_officials_are_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
