"""Unit tests of the redactor: one parametrized table per kind of personal data, one of public
phrases that must survive, and the contract of find_pii (spans of the original text)."""

from __future__ import annotations

import unicodedata

import pytest
from chalicelib.redaction import KINDS, PiiMatch, find_pii, redact, redact_many


def _gone(text: str, secret: str, placeholder: str) -> str:
    out = redact(text)
    assert secret not in out, out
    assert placeholder in out, out
    return out


NIKS = [
    ("NIK saya 3575012345670001, mohon dicek", "3575012345670001"),
    ("nik: 3575.0123.4567.0001", "3575.0123.4567.0001"),
    ("NIK 3575 0123 4567 0001 belum aktif", "3575 0123 4567 0001"),
    ("no ktp 3575-0123-4567-0001", "3575-0123-4567-0001"),
    ("NIK 35.75.01.234567.0001 sudah benar", "35.75.01.234567.0001"),
    ("3575016509870003 itu nomor induk saya", "3575016509870003"),  # no cue: 16 digits are a NIK
    ("NIK 9999999999999999 (salah ketik)", "9999999999999999"),  # invalid date and region: still redacted
    ("NIK 357501234567001 kurang satu digit", "357501234567001"),  # 15 digits after a NIK cue
]


@pytest.mark.parametrize(("text", "secret"), NIKS)
def test_nik(text: str, secret: str) -> None:
    _gone(text, secret, "[NIK]")


KKS = [
    ("No. KK 3575012345670002", "3575012345670002"),
    ("nomor kartu keluarga: 3575 0123 4567 0002", "3575 0123 4567 0002"),
    ("KK saya 3575.0123.4567.0002 masih salah", "3575.0123.4567.0002"),
    ("kk nya 3575-0123-4567-0002", "3575-0123-4567-0002"),
]


@pytest.mark.parametrize(("text", "secret"), KKS)
def test_kk(text: str, secret: str) -> None:
    _gone(text, secret, "[KK]")


def test_nik_and_kk_in_one_sentence_keep_their_kinds() -> None:
    kinds = [m.kind for m in find_pii("NIK 3575012345670001 dan KK 3575012345670002")]
    assert kinds == ["nik", "kk"]


NPWPS = [
    ("NPWP 12.345.678.9-012.345", "12.345.678.9-012.345"),
    ("npwp saya 123456789012345", "123456789012345"),
    ("NPWP: 3575012345670001", "3575012345670001"),
    ("nomor pajak 09.254.294.3-407.000", "09.254.294.3-407.000"),  # its shape alone says NPWP
]


@pytest.mark.parametrize(("text", "secret"), NPWPS)
def test_npwp(text: str, secret: str) -> None:
    _gone(text, secret, "[NPWP]")


PHONES = [
    ("hubungi 0812-3456-7890 ya", "0812-3456-7890"),
    ("WA 081234567890", "081234567890"),
    ("hp +62 812 3456 7890", "+62 812 3456 7890"),
    ("wa 62 812 3456 7890 (tanpa plus)", "62 812 3456 7890"),
    ("nomor saya 6281234567890", "6281234567890"),
    ("telp 0812.3456.7890", "0812.3456.7890"),
    ("kantor (0343) 424567", "(0343) 424567"),
    ("telp rumah 0343-424567", "0343-424567"),
    ("0343 4245678 bisa dihubungi", "0343 4245678"),
    ("hp 0857 1234 567", "0857 1234 567"),
    ("nomor wa: 0812345678901", "0812345678901"),
    ("HP: +62-857-1234-5678", "+62-857-1234-5678"),
    ("ＷＡ ０８１２３４５６７８９０", "０８１２３４５６７８９０"),  # full-width, pasted from a chat
]


@pytest.mark.parametrize(("text", "secret"), PHONES)
def test_phone(text: str, secret: str) -> None:
    _gone(text, secret, "[TELEPON]")


def test_phone_next_to_a_count_keeps_the_count() -> None:
    out = redact("sudah telepon 081234567890 3 kali tidak diangkat")
    assert out == "sudah telepon [TELEPON] 3 kali tidak diangkat"


EMAILS = [
    ("email budi.santoso@gmail.com", "budi.santoso@gmail.com"),
    ("EMAIL: SITI_AMINAH99@YAHOO.CO.ID", "SITI_AMINAH99@YAHOO.CO.ID"),
    ("kirim ke budi [at] gmail [dot] com", "budi [at] gmail [dot] com"),
    ("surel budi(at)gmail.com", "budi(at)gmail.com"),
]


@pytest.mark.parametrize(("text", "secret"), EMAILS)
def test_email(text: str, secret: str) -> None:
    _gone(text, secret, "[EMAIL]")


PLATES = [
    ("motor N 1234 AB parkir di trotoar", "N 1234 AB"),
    ("truk L 5678 XYZ buang sampah", "L 5678 XYZ"),
    ("mobil plat AG 1 A", "AG 1 A"),
    ("nopol N1234AB", "N1234AB"),
    ("kendaraan W-4321-NN", "W-4321-NN"),
    ("motor n 1234 ab kabur", "n 1234 ab"),
]


@pytest.mark.parametrize(("text", "secret"), PLATES)
def test_plate(text: str, secret: str) -> None:
    _gone(text, secret, "[NOPOL]")


ACCOUNTS = [
    ("transfer ke rek BRI 0123-01-012345-50-1", "0123-01-012345-50-1"),
    ("BCA 1234567890 a.n. saya", "1234567890"),
    ("no. rek Mandiri 142-00-1234567-8", "142-00-1234567-8"),
    ("rekening BNI: 0987654321", "0987654321"),
    ("BSI 7123456789", "7123456789"),
    ("Bank Jatim 0011223344", "0011223344"),
    ("norek 123 456 7890", "123 456 7890"),
]


@pytest.mark.parametrize(("text", "secret"), ACCOUNTS)
def test_bank_account(text: str, secret: str) -> None:
    _gone(text, secret, "[REKENING]")


BPJS = [
    ("No. BPJS 0001234567890", "0001234567890"),
    ("kartu KIS saya 0002 3456 7890 1", "0002 3456 7890 1"),
    ("nomor peserta JKN: 0001234567890", "0001234567890"),
]


@pytest.mark.parametrize(("text", "secret"), BPJS)
def test_bpjs(text: str, secret: str) -> None:
    _gone(text, secret, "[BPJS]")


PASSPORTS = [
    ("paspor A1234567 ditahan", "A1234567"),
    ("No. Paspor: C 1234567", "C 1234567"),
    ("nomor passport saya x7654321", "x7654321"),
]


@pytest.mark.parametrize(("text", "secret"), PASSPORTS)
def test_passport(text: str, secret: str) -> None:
    _gone(text, secret, "[PASPOR]")


HANDLES = [
    ("DM ke @budi_santoso88", "@budi_santoso88"),
    ("ig: siti.aminah", "siti.aminah"),
    ("IG saya @sitiaminah", "@sitiaminah"),
    ("facebook.com/budi.santoso.9", "facebook.com/budi.santoso.9"),
    ("https://www.instagram.com/siti_aminah/", "instagram.com/siti_aminah"),
    ("chat wa.me/6281234567890", "wa.me/6281234567890"),
    ("tiktok @warga.bukir", "@warga.bukir"),
    ("t.me/budisan", "t.me/budisan"),
]


@pytest.mark.parametrize(("text", "secret"), HANDLES)
def test_social_account(text: str, secret: str) -> None:
    _gone(text, secret, "[AKUN]")


ADDRESSES = [
    ("rumah di Jl. Hasanudin No. 12 kebanjiran", "No. 12", "Jl. Hasanudin"),
    ("tinggal di Gg. Mawar No. 7", "Mawar No. 7", "tinggal di"),
    ("Perum Griya Asri Blok C-12", "C-12", "Perum Griya Asri"),
    ("alamat jl veteran no 5a rt 2 rw 3", "no 5a rt 2 rw 3", "jl veteran"),
    ("Gg. Melati 7, RT 2 RW 4 kebanjiran", "7, RT 2 RW 4", "kebanjiran"),
    ("Jl. Panglima Sudirman 45, Pasuruan", "45", "Jl. Panglima Sudirman"),
    ("rumah nomor 17 di pojok gang", "nomor 17", "pojok gang"),
]

# An RT/RW without a house number beside it names a neighbourhood of dozens of households and identifies
# nobody, whoever lives there (docs/redaction.md, "Addresses and neighbourhoods"): kept, alone or as a pair.
NEIGHBOURHOODS = [
    "saya warga RT 03 RW 05 Bukir",
    "Alamat: RT.003/RW.005 Kel. Sebani",
    "rumah saya di rt 2 rw 4 kelurahan Bukir",
    "Gg. Melati RT 2 RW 4 kebanjiran",
    "Budi di sini, warga kampung nelayan rt06 rw04 pkl di pasar",
    "tinggal di RT/RW 002/004",
    "warga RT 03 RW 05 Bukir terisolasi banjir",
    "saluran PDAM di RT 13 Kelurahan Bukir mampet",
    "banjir di rt 2 rw 4 kelurahan Bukir",
    "Ketua RW 05 sudah lapor",
    "ADA ULAR MASUK RUMAH BU NYAI RUKAYYAH DI RT 08 KELURAHAN PABIAN",
    "MIN, KULO SUKIRMAN SAKING PURWOREJO, WARGA RW 3 BUTUH PERAHU KARET",  # the writer's neighbourhood acts
    "izin penggunaan balai RT 12/RW 08 pada 25/02/2024",
]


@pytest.mark.parametrize("text", NEIGHBOURHOODS)
def test_neighbourhood_rt_rw_is_kept(text: str) -> None:
    assert "[ALAMAT]" not in redact(text), redact(text)


@pytest.mark.parametrize(("text", "secret", "kept"), ADDRESSES)
def test_address(text: str, secret: str, kept: str) -> None:
    out = _gone(text, secret, "[ALAMAT]")
    assert kept in out


NAMES = [
    ("Nama saya Budi Santoso, warga Bukir.", "Budi Santoso"),
    ("saya slamet riyadi mau lapor", "slamet riyadi"),
    ("Bapak Slamet Riyadi belum menerima bantuan", "Slamet Riyadi"),
    ("Ibu Hj. Siti Khotijah, S.Pd. menahan ijazah", "Siti Khotijah"),
    ("transfer a.n. Sutrisno", "Sutrisno"),
    ("rekening atas nama Dewi Lestari", "Dewi Lestari"),
    ("petugas bernama Agus menarik uang", "Agus"),
    ("tetangga saya Paijan selalu bakar sampah", "Paijan"),
    ("anak saya, Muhammad Rizky Ramadhan, dipukul", "Muhammad Rizky Ramadhan"),
    ("suami sy ahmad dhani belum digaji", "ahmad dhani"),
    ("Pelapor: Siti Maemunah", "Siti Maemunah"),
    ("SAYA SUKIRMAN WARGA GENTONG", "SUKIRMAN"),
    ("mhn info, sy bu tatik dr kebonsari", "tatik"),
    ("Lurah Gentong Pak Agus Salim tidak pernah di kantor", "Agus Salim"),
    ("diperiksa dr. Aditya Nugraha, Sp.PD. tapi obat habis", "Aditya Nugraha"),
    ("Yang mengambil uang adalah Sdr. Joko Susilo (35).", "Joko Susilo"),
    ("Wahyu Hidayat dan Eko Prasetyo minta uang ke sopir angkot.", "Eko Prasetyo"),
    ("kemarin Paijo Sukirman datang marah-marah", "Paijo Sukirman"),
    ("Hormat saya,\nHeru Prasetyo", "Heru Prasetyo"),
    ("Kasdi di sini, warga Sebani.", "Kasdi"),
    ("dilayani oleh Mbak Rina yang judes", "Rina"),
    ("Pak Haji Mansur parkir di depan gang", "Mansur"),
    ("Wali Kota Pasuruan, Gus Ipul, sudah meninjau", "Ipul"),
    ("yang bertanda tangan di bawah ini Wagiyem, warga Trajeng", "Wagiyem"),
    ("kepala sekolah Drs. H. Bambang Sutejo, M.Si., menolak", "Bambang Sutejo"),
    ("anak saya Rizky bin Abdullah", "Abdullah"),
    ("penagihnya Kasmuri Wardoyo terus menelepon", "Kasmuri Wardoyo"),
    ("Nama: Nurul Hidayah / Alamat: Kebonsari", "Nurul Hidayah"),
    ("istri saya Ma'rifatul Jannah sakit", "Ma'rifatul Jannah"),
    ("Mbah Sarmo (80 th) tinggal sendiri", "Sarmo"),
    ("menurut juminten dari pdam, anggarannya sudah cair", "juminten"),
    ("Sudah saya sampaikan ke Darsinah tapi tidak ada tanggapan.", "Darsinah"),
    ("istrinya Tan Mei Hwa tidak mau membongkar", "Tan Mei Hwa"),
    ("sopir truk DLH yaitu Tukimin Sarkawi membuang sampah", "Tukimin Sarkawi"),
    ("Kepala Sekolah SDN Tembokrejo 3 Asep Nugroho menahan ijazah", "Asep Nugroho"),
    ("Gimun Sarkawi, S.Ag. selaku pemilik pabrik", "Gimun Sarkawi"),
    ("Yutiyati membuang limbah ke sungai.", "Yutiyati"),
]


@pytest.mark.parametrize(("text", "secret"), NAMES)
def test_person_name(text: str, secret: str) -> None:
    _gone(text, secret, "[NAMA]")


def test_the_honorific_stays_and_the_name_goes() -> None:
    assert redact("Bapak Slamet Riyadi") == "Bapak [NAMA]"
    assert redact("Kepada Yth. Ibu Dra. Siti Aminah, M.Pd.") == "Kepada Yth. Ibu [NAMA]"


def test_a_name_mentioned_again_is_redacted_again() -> None:
    out = redact("Pelapor: Gimun Zainuddin. Kemarin Gimun ditolak di loket.")
    assert "Gimun" not in out


PUBLIC = [
    "Mohon Dinas PUPR memperbaiki jalan di Jl. Hayam Wuruk.",
    "Dispendukcapil dan Perumda Air Minum belum merespons.",
    "Satpol PP, DLH, Dinas Perhubungan dan Diskominfo sudah dilapori.",
    "Lampu mati di Jalan Panglima Sudirman dan Jl. Veteran.",
    "Jl. Ahmad Yani depan Alun-alun banjir.",
    "Jl. Dr. Wahidin Sudirohusodo dan Jl. KH. Ahmad Dahlan macet.",
    "jalan kh ahmad dahlan dan jl dr wahidin sudirohusodo rusak",
    "Warga Gadingrejo, Bukir, Gentong, Karangketug dan Krapyakrejo mengeluh.",
    "Kelurahan Bugul Kidul, Bugul Lor, Kandangsapi, Mandaranrejo dan Ngemplakrejo.",
    "Antre di Puskesmas Bugul Kidul sampai siang.",
    "SDN Kebonsari 1 dan SMPN 2 Pasuruan menarik sumbangan.",
    "Pasien ditolak RSUD dr. R. Soedarsono.",
    "Parkir liar di Pasar Besar dan Masjid Jami' Al-Anwar.",
    "Tagihan naik jadi Rp 150.000 dari Rp150.000,00 menjadi 2 juta.",
    "Kejadian 12/03/2026 pukul 08.30, juga 12 Maret 2026 jam 10.",
    "Sudah 3 hari, lebih dari 2 minggu, air mati.",
    "Sudah lapor lewat E-Sambat dan SP4N-LAPOR! tapi belum dijawab.",
    "Pak RT dan Bu Lurah sudah tahu, Pak Camat juga.",
    "Mohon Bapak Wali Kota Pasuruan meninjau Pasar Besar.",
    "MI Darul Ulum dan Klinik Pratama Sehat tutup.",
    "Stadion Untung Suropati dipakai konser sampai jam 23.00.",
    "Bansos PKH tahap 2 belum cair di Kecamatan Panggungrejo.",
    "Tarif parkir Rp5.000, seharusnya Rp 2.000 sesuai Perda No. 5 Tahun 2019.",
    "LAMPU PJU DI JL. HAYAM WURUK MATI SEJAK 1 JANUARI 2026.",
    "Kepada Yth. BKPSDM dan Bappelitbangda, mohon petugas Disperkim segera turun.",
    "Badan Pendapatan Daerah menagih PBB Rp 1,5 juta padahal tahun lalu 750 ribu.",
    "Jl. WR. Supratman, Jl. MH. Thamrin dan Jl. Ir. H. Juanda rusak.",
    "Transfer ke rekening Mandiri tidak masuk, mohon dicek Bank Jatim.",
    "Masjid Al-Hidayah dan Gereja Santo Antonius di Jl. Pemuda kebanjiran.",
]


@pytest.mark.parametrize("text", PUBLIC)
def test_public_phrases_are_kept(text: str) -> None:
    assert find_pii(text) == []
    assert redact(text) == text


def test_spans_index_the_original_text() -> None:
    text = "Saya 𝐁𝐮𝐝𝐢 𝐒𝐚𝐧𝐭𝐨𝐬𝐨, NIK ３５７５０１２３４５６７０００１, hp 0812\u200b3456\u200b7890."
    matches = find_pii(text)
    assert [m.kind for m in matches] == ["nama", "nik", "telepon"]
    for m in matches:
        assert text[m.start : m.end] == m.value
    assert unicodedata.normalize("NFKC", matches[0].value) == "Budi Santoso"
    assert redact(text) == "Saya [NAMA], NIK [NIK], hp [TELEPON]."


def test_matches_are_sorted_and_do_not_overlap() -> None:
    text = (
        "Nama saya Budi Santoso NIK 3575012345670001 HP 081234567890 email budi@gmail.com "
        "rumah Jl. Hasanudin No. 12 RT 03 RW 05, ig @budi_s, motor N 1234 AB, BRI 012301012345501."
    )
    matches = find_pii(text)
    assert matches == sorted(matches, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))
    assert {m.kind for m in matches} == {"nama", "nik", "telepon", "email", "alamat", "akun", "nopol", "rekening"}
    assert all(isinstance(m, PiiMatch) and m.kind in KINDS for m in matches)


@pytest.mark.parametrize("text", ["", "   ", "\n", "Terima kasih."])
def test_nothing_to_redact(text: str) -> None:
    assert find_pii(text) == []
    assert redact(text) == text


def test_redact_many() -> None:
    assert redact_many(["NIK 3575012345670001", "Jl. Veteran"]) == ["NIK [NIK]", "Jl. Veteran"]


def test_word_lists_do_not_contradict_each_other() -> None:
    from chalicelib.redaction import _LEX

    places = {word for place in _LEX.places for word in place.split()}
    assert not (_LEX.names & _LEX.honorifics)
    assert not (_LEX.names & _LEX.roles)
    assert not (_LEX.names & places - _LEX.common)  # a place word may be a name only if marked ambiguous
    assert len(_LEX.names) > 1500


# --------------------------------------------------------------------------- names placed by structure

STRUCTURED_NAMES = [
    # a list whose other items are names, or that is introduced as a list of people
    (
        "Pedagang di Pasar Kliwon disaksikan oleh:\n1. Baharuddin\n2. Rajin Makmur\n3. Tulus Rejeki\nMohon ditindak.",
        "Rajin Makmur",
    ),
    (
        "Pedagang di Pasar Kliwon disaksikan oleh:\n1. Baharuddin\n2. Rajin Makmur\n3. Tulus Rejeki\nMohon ditindak.",
        "Tulus Rejeki",
    ),
    (
        "absensi kerja bakti:\nSulastri \u2713\nTekun Sabar \u2713\nRajin \u2717\nyg gk hadir kena denda",
        "Gunung Sabar",
    ),
    # the speakers of a forwarded chat
    (
        "min ini pesan dr grup warga:\n[22/07/26 14.32] Kayla: sama, air jg mati\n[22/07/26 14.33] Sakha: udh lapor?",
        "Kayla",
    ),
    ("[10.24] Satpam Damai: sdh telp 112, bayinya dibawa ke puskesmas", "Damai"),
    # the line after a closing, even when something follows it
    ("Sampah belum diangkut.\n\nTerima kasih,\nNurmaida\nDikirim dari iPhone saya", "Nurmaida"),
    ("Mohon ditindaklanjuti.\nHormat saya,\nAnak Agung Ayu Sriasih\nHp 081338323392", "Sriasih"),
    # a name before its NIK, after a relative and a comma, after a role and a comma
    ("1. Damai Sakti, NIK 5171036307610077, hadir", "Damai Sakti"),
    ("Ayah saya, Pelita, pasien BPJS, ditolak di puskesmas.", "Pelita"),
    ("Mobil ambulans desa dipakai sopirnya, Tekun Surya, buat kondangan.", "Tekun Surya"),
    ("Ketua: Sondang br. Purba\nBendahara: Andi Lolo", "Sondang br. Purba"),
    # an ordinary word after an honorific, a Batak name with br.
    ("Juru kunci makam, Pak Tekun, sudah melapor ke kelurahan.", "Tekun"),
    ("Mohon dibantu, ibu saya Masniari br. Silalahi sudah 8 hari di IGD.", "Masniari br. Silalahi"),
    # a table with a Nama column
    ("Daftar warga:\nNo | Nama | Keterangan\n1 | Tekun | belum terima\n2 | Sabar | belum terima", "Tekun"),
]


@pytest.mark.parametrize(("text", "secret"), STRUCTURED_NAMES)
def test_names_placed_by_structure(text: str, secret: str) -> None:
    _gone(text, secret, "[NAMA]")


NOT_NAMES = [
    "Kategori: Dinkes\nLokasi: Jl. Irian Jaya\nUraian: Gorong-gorong ambles",  # fields, not chat speakers
    "Fwd dr grup nelayan: solar di SPBN dijual ke tengkulak",  # "dr" is "dari"
    "Saya mengeluhkan lamanya proses balik nama sertifikat di kantor pertanahan.",
    "Sampah plastik menumpuk di pantai setiap pagi.\nSalam lestari,",
    "Mohon perbaikan ring basket di Stadion Lukas Enembe yang rusak.",  # a stadium named after a person
    "Pasien dirujuk ke RSUD Abdul Wahab Sjahranie kemarin.",
    "Damkar sudah dihubungi lewat 1500-112 tapi belum datang.",  # a call centre, not a phone
    "Mohon tindak lanjut laporan MKS-K4CU-3UYQ yang kami kirim.",  # a report number, not a plate
    "Air mati di Kelurahan Bugul Kidul sejak kemarin, sudah lapor ke Perumda Air Minum.",  # the region's names
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_structure_and_public_names_are_not_redacted(text: str) -> None:
    assert find_pii(text) == [], redact(text)


def test_scans_find_what_finditer_finds() -> None:
    """document._Scan tries a pattern only where a word or a number starts: it must return exactly
    the matches of pattern.finditer on real texts and on the edge cases of word starts."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import redaction_corpus3
    import redaction_heldout
    from chalicelib.redaction import names, quantities
    from chalicelib.redaction.document import _Scan
    from chalicelib.redaction.driver import _document

    scans = [v for module in (names, quantities) for v in vars(module).values() if isinstance(v, _Scan)]
    scans += [v for v in quantities._NUMERIC_SCANS]
    assert len(scans) > 15
    texts = [s.text for s in redaction_heldout.generate(150, seed=11)]
    texts += [s.text for s in redaction_corpus3.generate(150, seed=11, split="tune")]
    texts += ["ibu-ibu saya", "Jum'at kemarin tadi", "2oleh kepada", "_saya", "Rp.150.000 ke-3 12/03/2026", ""]
    for text in texts:
        doc = _document(text) if text else None
        if doc is None:
            continue
        for scan in scans:
            assert [m.span() for m in scan.finditer(doc)] == [m.span() for m in scan.pattern.finditer(doc.text)], (
                scan.pattern.pattern[:60],
                text,
            )
