"""Names placed by a chat's slots, nicknames and initials, and the places and bodies that are written
like names (issue 11, session 7: chat_names.py, initials.py, false_names.py), checked through ``redact``."""

from __future__ import annotations

import re

import pytest
from chalicelib.redaction import redact

# (text, the name that must go): a slot or a cue places the person, whatever the word
NAMED = [
    ("[21/02/25, 10.16] Gunung: pak lurah ada di kantor gk ya hr ini?", "Gunung"),
    ("[02/02/24 17.33] Bu Lurah sejati: bapak ibu, penyaluran BLT ditunda", "sejati"),
    ("21/01/25 19.45 - Surya menambahkan Besse\n21/01/25 19.46 - besse: makasih", "Surya"),
    ("-----Pesan yang diteruskan-----\nDari: surya (087779836108)\nMohon dibantu", "surya"),
    ("Demikian laporan kami.\nHormat saya,\nGunung\nHp 0822.1869.1587", "Gunung"),
    ("Pelaku: Rudi alias Gondrong", "Gondrong"),
    ("anaknya biasa dipanggil ucok, umur 12", "ucok"),
    ("HUBUNGI AMAI YELMI DI 6285686804622.", "YELMI"),
    ("yg punya katanya pak rajin tp gk mau dikasih tau", "rajin"),
    ("yg nagih itu pak H, anak buahnya pak K", "pak [NAMA], anak"),
    ("Sdri. N.H. melapor kehilangan motor", "N.H"),
    ("teman saya T dipukul satpam", "T"),
    ("di warung bu E dekat SD", "E"),
    ("Pihak bersengketa: Sabar dan Hisar Sitorus.", "Sabar"),
    ("BNI: 3252295224! YANG SUDAH TERTIPU: SUNAIDAH DAN ANGKASA!", "ANGKASA"),
]

# (text, the words that must stay): a place an official serves, a body, a letter's place and date
KEPT = [
    ("Mengetahui,\nLurah Air Tawar Barat\n\nttd.\n\nTajuddin Daeng Baji", "Air Tawar Barat"),
    (
        "Hadir dalam mediasi:\n1. Camat kecamatan Koto Tangah\n2. Lurah Parupuk Tabing, Buyung Caniago\n",
        "Parupuk Tabing",
    ),
    ("PAK LURAH SEI PUTIH TIMUR TIDAK PERNAH ADA DI KANTOR!", "SEI PUTIH TIMUR"),
    ("Relawan yang membantu evakuasi banjir Lebak Siliwangi tanggal 12/9/24, mohon diberi penghargaan", "Lebak"),
    ("h Maimun buang sampah sembarangan di lahan kosong Bontoala. sy ada videonya.", "Bontoala"),
    ("Yang terhormat Bapak/Ibu petugas Dinas Pemadam Kebakaran. Bersama ini saya melaporkan", "Pemadam"),
    ("Yth. Panitia Seleksi,\nSaya Rini Marlina Putri keberatan.", "Seleksi"),
    ("2. Kabag Hukum (Lie Swan Ing, S.H.) telaah izin PT terkait", "Kabag Hukum"),
    ("posyandu dikembalikan seperti semula.\nMarengan Daya, 20 November 2026\nKetua Kader Posyandu", "Daya"),
    ("Bendahara sudah menjawab. Rapat warga pada 8/1/26 telah meminta laporan tertulis.", "Rapat"),
    ("min sy mahasiswa, kos di Kampung Lalang. tiap malem ada geng motor depan kos, pernah malak", "kos"),
    ("Hormat kami,\nKetua Kelompok Tani Renon\nIr. Ratna Permata", "Renon"),
    ("sy wakilin tetangga sy: mbah sarmo (80th) & istrinya", "wakilin"),
    ("bung nus latuconsina udh lapor ke negeri tp seng ada respon", "negeri"),
    ("sy dipanggil ke kantor desa, katanya nomor panggilan darurat 112 gk aktif", "darurat"),
    ("yg nagih itu pak RT, katanya disuruh pak H. Sabar", "RT"),
    ("Alhamdulillah, Puji Tuhan, jalan sudah diperbaiki. Matur nuwun.", "Puji Tuhan"),
    ("KM Sinar Bangun tenggelam tahun 2018.", "Sinar Bangun"),
    ("korbannya: anak-anak sekolah dan warga sekitar.", "anak-anak sekolah"),
    ("Rapat Koordinasi bersama Forkopimcam Tamalanrea", "Tamalanrea"),
    ("Lokasi: Pantai Losari, dekat Anjungan Toraja", "Toraja"),
    ('Cuitan: "Halo @DishubSby, bus Suroboyo Bus rute Purabaya telat 40 menit"', "Suroboyo Bus"),
    ("Yth. Bapak Wali Kota Ambon\nDengan hormat, kami Saniri Negeri Soya memohon perbaikan jalan", "Saniri"),
    ("Perikanan memberi penyuluhan. Tolong juga ajarkan budi pekerti yg baik", "budi pekerti"),
    ("sy La Ode Budiman warga Kel. Laode... iya nama kelurahannya mirip nama sy hehe.", "kelurahannya"),
]


def _gone(text: str, name: str) -> bool:
    out = redact(text)
    if "[NAMA]" in name:
        return name in out
    return re.search(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", out) is None


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_placed_names_are_redacted(text: str, name: str) -> None:
    assert _gone(text, name), redact(text)


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_places_and_bodies_are_kept(text: str, kept: str) -> None:
    assert kept in redact(text), redact(text)


def test_a_listed_name_after_an_office_is_still_the_person() -> None:
    """The place rules never drop a span that holds a listed name: 'Lurah Sumarno' is a person."""
    assert "Sumarno" not in redact("Tolong Lurah Sumarno segera turun ke lokasi banjir.")
    assert "Budi" not in redact("Warga Budi Santoso menolak pembangunan menara.")
