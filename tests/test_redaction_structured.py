"""Structured identifiers written the many ways Indonesians write them (issue 11: >= 99.5% on unseen text).

Each case is a format, not a memorised example: phone numbers grouped any way, NIK/KK with spaces,
dots or dashes, e-mail addresses spelled out so that robots miss them, plates after "nomor" and next to
a region's own public transport, alleys ("lorong") in addresses, foreign passports of digits only. Every
digit and letter of the identifier must be covered by a redaction of the right kind; the words around
it must stay.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import find_pii

CASES = [
    # phones
    ("telepon", "hubungi sy di {0812 3456 7890} ya"),
    ("telepon", "wa: {+62 812-3456-7890} (malam)"),
    ("telepon", "no hp {0812.3456.7890} tolong"),
    ("telepon", "tlp {(0343) 421234} kantor"),
    ("telepon", "kontak {62812 3456 7890} saja"),
    ("telepon", "wa {0812 - 3456 - 7890} pak"),
    ("telepon", "telp. {0812/3456/7890} ok"),
    ("telepon", "hp:{081234567890}"),
    # a civil servant's NIP (birth date, appointment, sex, serial), after its word or laid out as one
    ("nip", "Ditindaklanjuti oleh Kasi Pemeliharaan, NIP {19850312 201001 1 004}."),
    ("nip", "petugas: Rina, NIP. {198703122010012004}"),
    ("nip", "NI PPPK {199203152023212011} (tenaga kesehatan)"),
    ("nip", "Kepala Seksi\n{19790101 200501 2 003}"),
    # another number that points at one person: a patient's record, a student's, a customer's, a member's
    ("nomor", "Ayah saya (No. RM {11-23-45-67}, BPJS 0001987654321) menunggu"),
    ("nomor", "pasien a.n. Indah, no. rekam medis {00-21-774}, datang"),
    ("nomor", "NISN anak saya {0051234567} tidak terdaftar"),
    ("nomor", "NIM saya {2019041234} belum masuk"),
    ("nomor", "nomor anggota koperasi {000123456}"),
    ("nomor", "ID pelanggan PLN {512345678901} atas nama saya"),
    ("nomor", "no. sambungan PDAM: {03-10998}"),
    ("nomor", "Nama | No RM | BPJS\nI Ketut Arsana | {0452118} | 0001556677882"),
    ("nomor", "Tanggal\tPasien\tNo RM\tWaktu Tunggu\n02/11/2026\tSri\t{00-45-87-21}\t5 jam"),
    # NIK and KK in every grouping
    ("nik", "NIK {3575 0123 4567 0001} atas nama"),
    ("nik", "nik: {3575.0123.4567.0001}."),
    ("nik", "NIK {3575-0123-4567-0001}"),
    ("nik", "nik saya {35750123 45670001} hilang"),
    ("kk", "KK: {3575 0123 4567 0002}"),
    ("kk", "no kk {3575012345670002}"),
    # e-mail addresses spelled out
    ("email", "email sy {budi.santoso at gmail dot com} ya"),
    ("email", "email: {budi dot santoso at gmail dot com}"),
    ("email", "kirim ke {budi_s @ gmail . com} saja"),
    ("email", "email: {budi [at] gmail [dot] com}"),
    ("email", "emailnya {sri.w (at) yahoo (dot) co (dot) id} pak"),
    ("email", "surel {andi titik wijaya at ymail titik com} mohon dibalas"),
    ("email", "Email : {budi . santoso @ gmail . com}"),
    ("email", "alamat email {budi.santoso @gmail.com} mohon dicek"),
    ("email", "email ke {budi.santoso@gmail} sudah sy kirim"),
    ("email", "e-mail {budi(a)gmail.com}"),
    # plates
    ("nopol", "lapor min, petepete nomor {DD 1429 KB} ugal2an"),
    ("nopol", "bentor {DD 5521 XY} parkir di trotoar"),
    ("nopol", "motor plat {N 1234 AB} nabrak"),
    ("nopol", "mobil nopol {B1234XYZ} kabur"),
    # passports, a foreign one of digits only after "paspornya"
    ("paspor", "paspornya sempat sy foto: {75 4418230}, orang asing"),
    ("paspor", "passport no. {B 7654321}"),
    # alleys and house numbers
    ("alamat", "RUMAH KAMI DI JL. BONTOLANGKASA {LR. 3 NO. 14} TERENDAM"),
    ("alamat", "rumah sy di {Lorong 5 No. 8} kebanjiran"),
    ("alamat", "tinggal di {Lrg. Masjid 2 No. 11} Palembang"),
    ("alamat", "alamat Jl. Sudirman {Gg. Buntu No. 3}"),
    ("alamat", "Kompleks Griya Indah {B2/15} banjir"),
    ("alamat", "rumah di Perum Bumi Asri {C-12} roboh"),
    # accounts
    ("rekening", "rek BRI {0123-01-012345-50-1} a.n."),
    ("rekening", "norekening mandiri: {1430012345678}"),
    # a phone number dictated and typed out in words, grouped any way
    ("telepon", "hpku {nol delapan lima tujuh satu dua tiga empat lima enam tujuh delapan} (ngetik pake suara)"),
    ("telepon", "nomer saya {nol delapan tujuh tujuh, lima empat satu dua, sembilan sembilan tiga nol}"),
    ("telepon", "nomor ku {kosong delapan satu tiga - enam dua - tujuh tujuh - empat satu nol lima} ya"),
    # an e-mail address whose local part keeps the space of the name, after an e-mail label
    ("email", "Nama: Naomi K\nEmail: {naomi kaisiepo at yahoo dot co dot id}\nIsi: lambat"),
    ("email", "surel: {sri wahyuni at gmail dot com}"),
    # digits said one by one with digits typed among them; a NIK read out
    ("telepon", "nomer saya {nol delapan 12 3456 7890} ya"),
    ("nik", "NIK saya {tiga lima tujuh lima nol satu dua tiga empat lima enam tujuh nol nol nol satu}"),
    # a house number read out, and one after a gang's roman numeral
    ("alamat", "tinggal di jalan kenanga {nomor dua belas} dekat masjid"),
    ("alamat", "rumah di Jl. Anggrek II/{14} kebanjiran"),
    # a handle after a platform and a regional "its" (Sundanese "na", Javanese "ne")
    ("akun", "akun ig na {@mawar.gadget_bdg} nipu"),
]

# A phone number broken over two lines by a tap of Enter: both lines are redacted.
BROKEN = [
    "Nama: Budi\nHP: {0812-3456}-\n{7890}\nIsi: lampu mati",  # a separator left dangling says it goes on
    "kalo sy ga bisa dihubungi: {0813}\n{3322 7416} (maaf kepencet enter)",
    "Telp: {0878}\n{2014 6631}\nIsi: saluran tersumbat",
]


@pytest.mark.parametrize("marked", BROKEN)
def test_phone_broken_over_lines_is_redacted(marked: str) -> None:
    text = marked.replace("{", "").replace("}", "")
    parts = [p.split("}")[0] for p in marked.split("{")[1:]]
    phones = [m.value for m in find_pii(text) if m.kind == "telepon"]
    assert phones == parts, (text, find_pii(text))


def test_list_numbers_under_a_line_are_not_a_phone() -> None:
    """Only a line too short to be a phone, then digits that make a valid one, are joined."""
    assert find_pii("Daftar:\n1. 0812\n2. 12 rumah") == []


@pytest.mark.parametrize(("kind", "marked"), CASES)
def test_identifier_is_redacted_whole(kind: str, marked: str) -> None:
    start, end = marked.index("{"), marked.index("}") - 1
    text = marked.replace("{", "").replace("}", "")
    matches = find_pii(text)
    covered = {i for m in matches for i in range(m.start, m.end)}
    missed = [text[i] for i in range(start, end) if text[i].isalnum() and i not in covered]
    assert not missed, (text, matches)
    assert any(m.kind == kind and m.start < end and start < m.end for m in matches), (text, matches)


# Shapes that must stay: "at" in a sentence, a handle with a dot, an amount after "nomor".
KEPT = [
    "rapat at kantor camat besok pagi, mohon hadir",
    "Akun IG palsu @andi.id. Jgn ditanggapi.",
    "pengumuman di website kelurahan dot com katanya",
    "nomor antrean 12 di loket 3",
    # the service's own references and accounts, printed on every receipt
    "Digabung ke tiket ADN-2026-02-01988.",
    "Nomor antrian DKP-2026-06-00412. Hormat saya",
    "no. laporan: 2026030100871, mohon ditindaklanjuti",
    "laporan sy #LPR-0927341 belum dibalas",
    "nomor registrasi ESB/2026/11/0452 sudah sy catat",
    "Tanggal\tNo Laporan\tKategori\n01/03/2026\t2026030100871\tSampah\n02/03/2026\t2026030200112\tJalan",
    "No | Nomor Tiket | Status\n1 | 20260301008712 | Selesai",
    "di kwitansi tertulis Bank Jatim 0011 2233 44 a.n. Kas Daerah Kota",
    "bayar retribusi ke rekening kas daerah BRI 0011 2233 4455 ya",
    # numbers that are no house number: a list under a street, a word said twice, a milestone
    "menurut Dinas PUPR:\n1. Jl. Dewi Sartika\n2. Jl. Ki Hajar Dewantara\n3. Jl. Wahid Hasyim",
    "3. Jl. Flamboyan gang 4\n4. Jl. Cut Nyak Dhien (3 titik)",
    "lampu PJU sepanjang jl. pahlawan nyala siang2? boros listrik",
    "jalan trans Kalimantan km 34 arah Sanggau hancur",
    # a registration numbered from its year, after "no peserta" (not a BPJS card: those start with 000)
    "Saya Rini (no peserta 2026-0113-0421) menyatakan keberatan",
    "no kartu ujian 2024/0012/3456 tidak terbaca",
    # a company's or an agency's line: toll-free, or an area code with a six-digit "500" number
    "call center 021-500-454 tidak diangkat",
    # digit words that are no number: a time, a count, a list read out
    "jam tujuh lima belas pagi dua tiga orang datang",
    "lapor nomor tiga belas sudah",
    "bebas pulsa 0800 1 500 808",
    # a restaurant ("RM", rumah makan), a call centre after a customer's word, a registration numbered from its
    # year after a record's word, a column of customers' codes
    "RM Padang Sederhana No. 12 buka jam 10",
    "hubungi layanan pelanggan 1500-123",
    "no. rekam medis pendaftaran 2026-0113 belum keluar",
    "No | Pelanggan | Tarif\n1 | R1-900 | 1.444",
]

# An office's mailbox and an agency's account run together with capitals or digits are public; a person's
# address on the same domain is not.
OFFICES = [
    "kirim ke email pengaduan@pasuruankota.go.id ya",
    "email dinas: dlh@surabaya.go.id",
    "cc humas.polres@polri.go.id dan ppid@bpbd.jatimprov.go.id",
    "cs@pdam-kotapasuruan.co.id tidak membalas",
    "@RSUDdrSoetomo antri lama",
    "@KAI121 kereta telat",
    "@PDAMBandung tolong lah",
    "cc @admin @min tolong dibalas",
]


@pytest.mark.parametrize("text", OFFICES)
def test_an_offices_mailbox_or_account_is_kept(text: str) -> None:
    assert not [m for m in find_pii(text) if m.kind in ("email", "akun")], (text, find_pii(text))


@pytest.mark.parametrize("text", KEPT)
def test_no_identifier_where_there_is_none(text: str) -> None:
    kinds = {m.kind for m in find_pii(text)} - {"nama", "akun"}
    assert not kinds, (text, find_pii(text))
    assert "email" not in {m.kind for m in find_pii(text)}


# What stays an identifier next to the shapes kept above.
STILL_REDACTED = [
    ("nik", "NIK-{3573011506690002} hilang"),
    ("rekening", "transfer ke BRI {0011 2233 4455} a.n. Budi Santoso"),
    ("telepon", "laporan 2 minggu lalu, hp {081234567890}"),
    ("telepon", "hubungi layanan aduan {0812 3456 7890} kalau ada apa2"),
    ("telepon", "Nama: Atmari\nHP: {0343-500522}"),  # a small city's six-digit line, not a company's 500 number
    ("alamat", "rumah di Jl. Hasanudin {12}, banjir"),
    ("alamat", "Alamat: Gg. Flamboyan IV/{51} RT.06 RW.12"),  # a gang's numeral and its house, not a code
    # a road's milestone where someone lives
    ("alamat", "sy tinggal di Jl. Poros Km {7} dekat masjid"),
    ("alamat", "alamat: Jl. Trans Sulawesi Km. {12}, Kel. Lalebata"),
    # a person's mailbox on an office's domain; a BPJS card after "no peserta"
    ("email", "kontak {budi.santoso@pasuruankota.go.id} (staf)"),
    ("email", "email {ratna.dewi@gmail.com} ya"),
    ("bpjs", "no peserta BPJS {0001234567890}"),
    # the RT/RW written beside a house number goes with it (docs/redaction.md)
    ("alamat", "rumah saya Jl. Kemuning Raya {No. 21 RT 008/RW 011}, Kel. Utan Kayu"),
    ("alamat", "gg. manggis {rt 5 rw 2 no 19} mampet"),
]


@pytest.mark.parametrize(("kind", "marked"), STILL_REDACTED)
def test_identifier_next_to_kept_shapes(kind: str, marked: str) -> None:
    test_identifier_is_redacted_whole(kind, marked)


def test_hand_written_corpora_label_rt_rw_by_the_convention() -> None:
    """docs/redaction.md: a bare RT/RW is public, an RT/RW with a house number is an address; the
    hand-written corpora's loader moves the labels that say otherwise, and only those."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from redaction_corpus4 import parse_text, settle_rt_rw

    marked = (
        "Alamat: [[alamat:RT 12 RW 04 Kelurahan Fatululi]], rumah di [[alamat:Jl. Mawar No. 5 RT 3/RW 4]], "
        "banjir di [[public:rt_rw:RT 02/04]], kos di [[public:rt_rw:Gg. Melati 7 RT 1]], [[alamat:Blok C3/17]]"
    )
    text, pii, public = parse_text(marked)
    pii, public, moved = settle_rt_rw(pii, public)
    assert moved == 2
    assert [i.text for i in pii] == ["Jl. Mawar No. 5 RT 3/RW 4", "Gg. Melati 7 RT 1", "Blok C3/17"]
    assert [i.text for i in public] == ["RT 12 RW 04 Kelurahan Fatululi", "RT 02/04"]
    assert all(text[i.start : i.end] == i.text for i in pii + public)
