"""Names placed by their context and by the shape of the text (issue 11), and the ordinary words
next to the same cues that must stay: one table of each, checked through ``redact``."""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact

# (text, the name that must go) - names made of ordinary words, in chat style or in capitals
NAMED = [
    ("kontraktornya siapa sih min? mandornya pak jaya cuma bilang sabar2", "jaya"),
    ("untung ada mas angkasa yg nolongin, kalo gk anak sy udh keseret arus", "angkasa"),
    ("Mohon dibantu, ibu saya Mutiara sudah 5 hari di IGD RS Hermina.", "Mutiara"),
    ("SAYA MAU PROTES KERAS! ANAK SAYA TEKUN DITOLAK DI SMP NEGERI 1 DENPASAR", "TEKUN"),
    ("min juru parkir Awan di depan pasar anom suka maksa bayar", "Awan"),
    ("Info dr pak RT Guntur: kerja bakti bersihin selokan Jl. Nangka", "Guntur"),
    ("SUDAH 4 MINGGU KTP SAYA BELUM JADI. SAYA SURYA DAMAI, REKENING SAYA DIBOBOL", "SURYA DAMAI"),
    ("td malem pak RT asrul udh lapor. sy anggrek, hp +628586166619", "anggrek"),
    ("ilaporkeun ka pak RT tapi can aya nu datang. abdi damai", "damai"),
    ("Perwakilan warga Perumahan,\nSabar (sabar_101@gmail.com)", "Sabar"),
    ('*Diteruskan*\n~Jimmy (0855.1116.5733):\n"Ada yg kehilangan dompet"', "Jimmy"),
    ("Yang melaporkan,\n\n(Tekun Rajin)", "Tekun Rajin"),
    ("YANG SUDAH TERTIPU: TETI DAN ONIH ROHAETI!", "ONIH ROHAETI"),
    ("Pihak bersengketa: Parjo dan Awan.", "Awan"),
    ("dr grup kompleks:\nKenanga: ada yg tau siapa yg buang kasur?\nmisnawati: kayaknya penghuni baru\n", "misnawati"),
    ("yang mendengar keributan malam itu:\n- Sintje\n- Shirley\n- Eneng\n", "Shirley"),
    ("Daftar:\n1. Khaira sekeluarga\n2. Teti\n3. Desriyanti Sikumbang\n", "Khaira"),
    ("PEMILIKNYA PAK TEKUN SURYA. DINKES TOLONG SEGERA.", "SURYA"),
]


@pytest.mark.parametrize(("text", "secret"), NAMED)
def test_a_name_placed_by_its_context_goes(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out, out
    assert "[NAMA]" in out, out


# (text, the words that must stay) - the same cues before words that name nobody
KEPT = [
    ("PERMISI MIN, KK SAYA HILANG, MHN INFO SYARAT CETAK ULANG.", "HILANG"),
    ("Pemilik kos, Ko Liong Hoei, tidak mengindahkan teguran warga.", "Pemilik kos"),
    ("keluarga pasien lain mendapat kamar setelah membayar.", "pasien lain"),
    ("monggo dicek nggih mas. hub. saya di 0882 3083 1634", "hub"),
    ("Nyuwun sewu mas admin, Anjing milik warga sering menggigit.", "Anjing"),
    ("Pedagang bunga di Pasar Baru yang kiosnya dibongkar belum dapat ganti.", "bunga"),
    ("Petugas loket Dinas Pangan bernama Ulfa meminta uang.", "Dinas Pangan"),
    ("Kasi Pemerintahan tidak datang ke rapat warga.", "Pemerintahan"),
    ("ibu hamil di rumah pak tua itu sakit. Anak saya sakit, tolong.", "pak tua"),
    ("Ketua Kelompok Tani Kesiman menolak.", "Kelompok Tani Kesiman"),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_an_ordinary_word_after_the_same_cues_stays(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out
