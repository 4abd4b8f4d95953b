"""Names placed by their context and by the shape of the text (issue 11), and the ordinary words
next to the same cues that must stay: one table of each, checked through ``redact``."""

from __future__ import annotations

import re

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

# (text, the whole name that must go) - naming traditions placed by their own morphology, no list needed
MORPHOLOGY = [
    ("ibu sy sondang br. sitepu stroke min, dirawat di RSUP", "sondang br. sitepu"),  # Batak: name, br., clan
    ("SAYA NURMA BR. GINTING, WARGA KEL. SEI AGUL", "NURMA BR. GINTING"),
    ("BERKAS DIURUS OLEH I DEWA MADE ARTAWAN TAPI HILANG", "I DEWA MADE ARTAWAN"),  # Balinese caste titles
    ("SAYA LAPOR KE CALO BERNAMA ANAK AGUNG GEDE PUTRA TAPI TIDAK ADA HASIL", "ANAK AGUNG GEDE PUTRA"),
    ("Hadir:\n1. Hj. Salmah\n2. Lalu Kertanah\n3. Baiq Suhaini", "Lalu Kertanah"),  # Sasak, at a list item
    ("pelaku bernama lalu gedarip yg kabur", "lalu gedarip"),
    ("YANG TERTIPU: HASNAH DAENG TAYU DAN MUSTAMIN DAENG RUPA!", "MUSTAMIN DAENG RUPA"),  # Makassar
    ("Kemarin Sainal Dg. Sewang datang ke kantor", "Sainal Dg. Sewang"),
]


@pytest.mark.parametrize(("text", "secret"), MORPHOLOGY)
def test_a_name_placed_by_its_tradition_goes_whole(text: str, secret: str) -> None:
    out = redact(text)
    assert "[NAMA]" in out, out
    for word in secret.replace(".", " ").split():
        if word.lower() not in ("br", "dg"):
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out), out


# (text, the name that must go) - names placed by the shape of a list or a form
STRUCTURE = [
    ("Korban banjir yang mengungsi:\n1. Suparti\n2. Bukit Pelangi\n3. Riyanto", "Bukit Pelangi"),
    ("Pemiliknya Pak Gunung. Tolong ditertibkan.", "Gunung"),
    # a name after a role, then "dan"/"sama" and another role: the word after it is a name too
    ("PAK KADES JOKO DAN SEKDES CAHAYA MENJUAL ASET DESA!", "CAHAYA"),
    ("pak babinsa Hutapea sama bhabinkamtibmas bripka jaya udh ngecek", "jaya"),
    # after a role and what it is of, a word before a verb
    ("td pagi sopir truk sampah Maimun buang sampah di sungai", "Maimun"),
    ("SAKSI KAMI PELANGI.", "PELANGI"),
    ("Isinya KTP a.n. Makmur dan kartu BPJS.", "Makmur"),  # an explicit cue names an ordinary word
    ("Anjing milik Mas Go Tjong Bing sering menggigit", "Go Tjong"),  # and a capitalised phrase still goes whole
    # after a relative, a second word that ends where a name ends goes with the first
    ("PUSKESMAS MENOLAK PERSALINAN. ISTRI SAYA YELMI GUCI MELAHIRKAN DI JALAN!", "GUCI"),
    # an office that opens a list item, over its unit or agency, then a comma and the person
    ("Yang hadir dalam rapat warga:\n1. Camat Bukir, Bapak Sutrisno\n2. Ketua RW 07, Pelangi\n", "Pelangi"),
    ("Yang hadir dalam rapat warga:\n1. Perwakilan Dinas Lingkungan Hidup, Angkasa Damai\n", "Angkasa Damai"),
    # a signature block: a name, then its office to the end of the line, under another such line
    ("Mohon dibantu pompa air.\nHormat kami,\nYohana Sapulette, Ketua RT\nRajin, Bendahara (rek BRI 123)", "Rajin"),
    ("Petugas: Sabar Gunung, dari ULP Kota", "Sabar Gunung"),  # "Role: Name" past a lookalike public name
]


@pytest.mark.parametrize(("text", "secret"), STRUCTURE)
def test_a_name_placed_by_structure_goes(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out, out


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
    ("ambo mau mengadu min, atap pasa bocor", "ambo"),  # Minang "I"
    ("asap masuk rumah, anak sy asma. udh ditegur", "asma"),  # a condition after a relative
    ("Tertanda,\nKepala Keluarga: Sutejo\nNIK: 3575012345670001", "Kepala Keluarga"),
    ("Lalu Budi datang ke kantor kelurahan.", "Lalu"),  # "then", opening the text
    ("Lokasi longsor:\n1. Gunung Kawi\n2. Kelurahan Bukir", "Gunung"),
    ("kami naik ke Gunung Bromo lalu turun lagi", "Gunung Bromo"),
    ("KATA PETUGAS BLANGKO HABIS TERUS. BOHONG!", "TERUS"),
    ("petugas pajak datang ke rumah, udh lapor tp gk ada", "pajak"),
    ("Lurah Sukirman dan Camat Lowokwaru datang", "Lowokwaru"),
    ("ini chat sy dgn petugas pln semalam:\nPetugas: Bu, meteran harus diganti", "semalam"),
    ("Pengendara mobil Avanza hitam ugal-ugalan di Jl. Panglima Sudirman", "Avanza"),
    ("balik nama sertifikat atas nama Warga Desa belum jadi", "Warga Desa"),
    ("kemarin ada pengendara motor jatuh pukul 17.15 WIB", "jatuh"),
    ("Kepada Yth. Bapak Wali Kota\nKami warga kecamatan Bukir mengeluhkan rencana", "Wali Kota"),
    ("Saya yang bertanda tangan di bawah ini:\nNama: Rejeki\nNIK: 3529065406060119", "Nama:"),
    ("pagar SMP YPPK Santo Yosef roboh sejak 4 minggu", "SMP YPPK Santo Yosef"),  # a saint in a school's name
    ("parkir di Stadion Gelora Bung Tomo ditarik Rp 10.000", "Stadion Gelora Bung Tomo"),  # a hero's
    ("tiap hari nongkrong di Makam Bung Hatta. Nomor dia 0812", "Makam Bung Hatta"),
    ("sy Sabar, peserta pbi dr Minggu, 6 Juni 2026", "Minggu, 6 Juni 2026"),  # chat's "dr" is "dari"
    ("Yth. Bapak/Ibu Pimpinan Dukcapil\n\nDengan hormat, saya mau lapor", "Dukcapil"),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_an_ordinary_word_after_the_same_cues_stays(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out


# (text, the name that must go) - issue 11: the cues that generalise beyond the name list. The names
# here are ordinary words or words no list holds; the cue and the case of the words around them place them.
GENERALISED = [
    # the writer's "I" in lower case (or a regional "I"), then capitals that end where a name ends
    ("uda admin, ambo Cahaya Bulan urang Bukittinggi, manggaduan parkir", "Cahaya Bulan"),
    ("lapor pak, Sa Matahari Terbit minta tolong, sekolah tra ada guru", "Matahari Terbit"),
    ("beta Pelangi Senja mau lapor, lampu jalan mati", "Pelangi Senja"),
    # a role written in lower case, then two capitalised words
    ("Melihat guru olahraga Embun Pagi memukul murid kelas 5", "Embun Pagi"),
    # a role, its unit's short name, then the person
    ("Terlapor: oknum ASN Bening Cahaya (BKPSDM). Pelapor minta dirahasiakan.", "Bening"),
    # the regions' words for "name": Minang "namo", Javanese "jenenge", Sundanese "nami abdi"
    ("juru parkirnyo namo Kancil, indak sasuai karcis", "Kancil"),
    ("iki jenenge Gagah wong sing ngutangi warga", "Gagah"),
    ("namanya katanya Pelita. penumpang ketakutan semua", "Pelita"),
    # a relative or neighbour in lower case, then capitals
    ("Kajadian: tatangga Kabut Senja ngaruksak pager bumi", "Kabut Senja"),
    ("mak ambo Embun (75) jatuah di tangga", "Embun"),
    # a signature block: the office on its own line, then the name
    ("Ambon, 17 Oktober 2026\nKetua Komite Sekolah,\nSetia Kawan\nBendahara,\nBudi", "Setia Kawan"),
    # two names of one person around a slash
    ("Saksi:\n1. Ahong (pemilik warung)\n2. Embun Samudra / Oey Kian Hong, satpam ruko", "Embun"),
    # an Acehnese title before the name
    ("pak, lapor: Tgk. Pelita datang bawa massa ke meunasah", "Pelita"),
]


@pytest.mark.parametrize(("text", "secret"), GENERALISED)
def test_a_name_placed_by_a_general_cue_goes(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out, out


# (text, the words that must stay) - the same new cues where nobody is named
GENERALISED_KEPT = [
    ("saya Warga Desa Sukamaju melaporkan jalan rusak", "Warga Desa Sukamaju"),
    ("sy Mau tanya min, kapan bansos cair", "Mau tanya"),
    ("punten, nami abdi Bintang, mahasiswa UPI. sy ditipu", "UPI"),
    ("kartu kis sy ditolak di RSUD Dok II Jayapura? katanya nonaktif", "Jayapura"),
    ("iki jenenge Gagah wong sing ngutangi warga", "wong sing ngutangi"),
    ("anak sy asma, tolong dibantu", "asma"),
    ("Kepala Dinas Kesehatan Kota sudah kami surati", "Dinas Kesehatan"),
]


@pytest.mark.parametrize(("text", "kept"), GENERALISED_KEPT)
def test_the_general_cues_leave_other_words(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out


# (text, the public name that must stay whole) - issue 11: public names by their structure, not a list:
# an agency with the place it serves, a school after "Negeri N", other regions' words for a village,
# churches by their short names, water works
PUBLIC_STRUCTURE = [
    ("ditahan polisi tra jelas salah apa di Polres Jayapura Kota. keluarga tra boleh jenguk", "Polres Jayapura Kota"),
    ("ndak ado petugas nan manolong. tolong Pemko Bukittinggi", "Pemko Bukittinggi"),
    ("Yth. Ombudsman RI Perwakilan Maluku,\n\nbeta mau lapor maladministrasi di kantor kelurahan", "Perwakilan Maluku"),
    ("anjing liar bergerombol di areal SD Negeri 3 Dauh Puri, membahayakan siswa", "SD Negeri 3 Dauh Puri"),
    ("kami Majelis Jemaat GKPI Pematangsiantar Kota memohon pemasangan lampu", "GKPI Pematangsiantar Kota"),
    ("sawah terendam akibat pintu air Bendung Lekopancing tidak dibuka.", "Bendung Lekopancing"),
    ("sengketa tanah wakaf meunasah Gampong Lamgugob", "Gampong Lamgugob"),
]


@pytest.mark.parametrize(("text", "public"), PUBLIC_STRUCTURE)
def test_a_public_name_placed_by_its_structure_stays(text: str, public: str) -> None:
    out = redact(text)
    assert public in out, out


def test_a_person_after_a_school_number_still_goes() -> None:
    out = redact("anak saya di SD Negeri 3 Budi Santoso yang bilang begitu tadi pagi ke rumah.")
    assert "Budi Santoso" not in out, out


# (text, the words that must stay) - issue 11: words of chat and of the regions that are no names:
# a word spelt as said ("ilang" for "hilang"), Minang "-nyo", greetings, a question after an honorific,
# the regions' village offices
SPOKEN_KEPT = [
    ("asu tenan, motor sy ilang di parkiran Pasar Besar, tukang parkir gak tanggung jawab", "ilang"),
    ("slamat sore, sy mau ngajuin keberatan pajak PBB. NOP tdk sesuai", "slamat sore"),
    ("tolong uda dibantu. ambo anaknyo, hp 0812 6677 9021", "anaknyo"),
    ("om swastiastu. tiang I Wayan Sudarsana saking Banjar Tegal", "swastiastu"),
    ("Petugas: dengan bapak siapa?\nPenelpon: Samsul Arifin pak, nomor sy 0813 3009 1234", "siapa"),
    ("Dear Sir/Madam,\n\nI am writing on behalf of my landlord", "Dear Sir"),
    # the village offices of other regions: Aceh "Imum Meunasah", Bali "Kelian Banjar"
    ("sudah sy sampaikan ke Imum Meunasah tapi belum ada jawaban", "Imum"),
    ("sudah sy sampaikan ke Kelian Banjar tapi belum ada jawaban", "Kelian"),
]


@pytest.mark.parametrize(("text", "kept"), SPOKEN_KEPT)
def test_words_of_chat_and_of_the_regions_stay(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out
