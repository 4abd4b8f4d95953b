"""Precision on unseen text (issue 11, session 14): classes of public text the redactor took for personal data.

Each case is a class, written anew for this test (not taken from a corpus), with the person beside it that must
still be redacted.
"""

from __future__ import annotations

import pytest
from redaction_cases import assert_kept, assert_redacted

# A complaint line's or a service's number, told by the words right before it (service_numbers.py)
SERVICE_NUMBERS_KEPT = [
    "Retribusi pasar hanya lewat loket Dinas Perdagangan. Laporkan pungli ke {0812-5500-4321}.",
    "Jam layanan Samsat 08.00-15.00. Untuk pengaduan cepat hubungi {0811-2200-765}.",
    "Informasi lebih lanjut dapat menghubungi layanan WA {0813-4400-2025}.\n\nSalam,\nAdmin Dinas PUPR",
    "Hubungi layanan {(0541) 7720 345} untuk antar jemput dokumen.",
    "Hati-hati penipuan atas nama DLH. Info resmi: {0751-330 456}",
    "Jadwal pengangkutan sampah DLH:\nSenin: Kec. Utara\nPengaduan: {0812-9900-1212}",
    "Petugas pemadam bisa dihubungi di {(0321) 861 113} atau 113.",
    "Nomor penting:\n- Damkar: (0321) 861 113\n- BPBD Kabupaten Jombang: {0811-3355-9900}",
    "Your visa question belongs to the immigration office. Please contact them at {(0361) 751 038}.",
    "Sampaikan keluhan ke nomor layanan {0711-350 800}.",
    "Siap kak, petugas damkar bisa dihubungi di {(0321) 861 113} atau 113.",
    "Debit sungai naik. Info: Pusdalops BPBD Kab. Jombang {0321-861 000}",
    "Nama | Jenis | Alamat | Telepon\nRSUD Jombang | RS Tipe B | Jl. KH. Wahid Hasyim 52 | {(0321) 863 502}",
]
SERVICE_NEIGHBOURS_REDACTED = [
    ("telepon", "Laporkan ke saya {0812-5500-4321} kalau ada pungli."),
    ("telepon", "Kalau ada apa-apa hubungi Pak Darmo di {0812-7711-2244}."),
    ("telepon", "bisa hubungi sya di {0813-2277-4455} mohon ditindak"),
    ("telepon", "Nomor penting:\n- Ketua RT: {0812-1212-3434}"),
    ("telepon", "Keluhan sudah sy sampaikan, hubungi Sutrisno di {0857-3322-1100}"),
    ("telepon", "Nama | Jenis | Alamat | Telepon\nRSUD Jombang | Pak Darto | Jl. Mawar | {0812-7711-2244}"),
]


@pytest.mark.parametrize("marked", SERVICE_NUMBERS_KEPT)
def test_a_service_number_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), SERVICE_NEIGHBOURS_REDACTED)
def test_a_person_number_beside_service_words_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# An office's unit after its post, and the portal's own name (notname_units.py)
UNITS_KEPT = [
    "Hormat kami,\nKetua {DKM}, H. Salim bin Thalib",
    "Penanggung jawab: Ketua {PGRI} Cabang Bangil",
    "Sekretaris: Kabid {IKP}\nAnggota: admin DLH, Dishub",
    "Surat diterima Kasi {Kesos} pada hari Senin.",
    "Kpd. Sdr. Hotman Simanjuntak, Kasi Pengendalian {Ops}, untuk penertiban",
    "Yth. Admin {OPD} se-Kabupaten Pasuruan,",
    "Sudah tiga kali dilaporkan ke {Aduan} tapi belum ada jawaban.",
    "Demikian disampaikan.\na.n. Sekretaris Daerah\n{Asisten Pemerintahan}",
    "Kepada Yth. {Inspektur} Kota Malang\nSaya melaporkan dugaan pungli.",
    "Syalom.\n\n{Pendeta Resort},\nPdt. Markus Simatupang, M.Th.",
    "Kami {Majelis Jemaat} mohon jalan ke gereja diperbaiki.",
    "Aduan Bapak sudah diteruskan.\nSalam,\nAdmin {SIPRAJA} Lumajang",
]
UNIT_NEIGHBOURS_REDACTED = [
    ("nama", "Hormat kami,\nKetua DKM, H. {Salim bin Thalib}"),
    ("nama", "Ketua RW {JOKO} tidak datang rapat."),
    ("nama", "Kasi Trantib {Budi Santoso} sudah datang."),
    ("nama", "Kemarin Pak {Aduan} datang ke kantor."),
    ("nama", "Syalom.\n\nPendeta Resort,\nPdt. {Markus Simatupang}, M.Th."),
]


@pytest.mark.parametrize("marked", UNITS_KEPT)
def test_a_unit_after_its_post_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), UNIT_NEIGHBOURS_REDACTED)
def test_a_person_beside_a_unit_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("DKM", True),
        ("PGRI", True),
        ("IKP", True),
        ("OPD", True),
        ("JOKO", False),
        ("SRI", False),
        ("ANDRI", False),
        ("BAMBANG", False),
    ],
)
def test_acronym_shape(word: str, shaped: bool) -> None:
    from chalicelib.redaction.notname_units import acronym

    assert acronym(word) is shaped


# A word made from a root, said twice, "Bapak/Ibu" as "you", a name made a common noun (notname_derived.py)
DERIVED_KEPT = [
    "Kepada Yth. {Pelanggan} PLN di wilayah Kota Dumai",
    "Yth. Bapak/Ibu {Pengguna} Jalan,\nBalai Jalan Nasional memberitahukan",
    "atap asrama bocor, dong su lapor ke bapa {pembina} tapi belum ada perbaikan",
    "Keluhan warga sudah kami teruskan kepada {penyelenggara} acara.",
    "asap pabrik parah min, anak saya {batuk-batuk} terus",
    "Ibu {dapat} datang kembali ke kantor kelurahan hari Senin.",
    "ada preman tiap {hari} minta uang keamanan",
    "pendaftaran calon peserta {didik} baru SMP Negeri 4 ditunda",
    "anak2 skrg gk diajari {budi} pekerti lagi di sekolah",
]
DERIVED_NEIGHBOURS_REDACTED = [
    ("nama", "nama saya {Pelangi}, pelanggan PDAM sejak 2010"),
    ("nama", "Bu {Hari} sudah datang ke posyandu."),
    ("nama", "Pelanggan PLN {Budi Santoso} belum dapat kompensasi."),
    ("nama", "anak saya {Raihan} batuk-batuk terus"),
]


@pytest.mark.parametrize("marked", DERIVED_KEPT)
def test_a_derived_word_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), DERIVED_NEIGHBOURS_REDACTED)
def test_a_name_beside_a_derived_word_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A village's name where the text puts a place (village_places.py, data/villages_id.txt)
VILLAGES_KEPT = [
    "Pemadaman bergilir hari ini di wilayah {Paal Dua}, {Tikala}, {Perkamil}.",
    "kami mahasiswa dari {Passo} dan {Lateri} mengeluh bus kampus tidak jalan",
    "ada pegawai kelurahan {cempaka putih} minta uang buat ngurus surat",
    "Alamat: Jl. Kedungmundu Raya Gg. Sawo RT 05 RW 02, {Sendangmulyo}",
    "Kepada Yth.\nBapak Lurah {Batu Ampar}\ndi tempat",
    "kapal itu buang oli di depan {Galala} tadi malam",
]
VILLAGE_NEIGHBOURS_REDACTED = [
    ("nama", "Kemarin Pak {Lolo} datang ke kantor desa."),
    ("nama", "SAYA DITIPU PENJUAL ONLINE BERNAMA {RASNO}, SUDAH TRANSFER"),
]


@pytest.mark.parametrize("marked", VILLAGES_KEPT)
def test_a_village_where_a_place_stands_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), VILLAGE_NEIGHBOURS_REDACTED)
def test_a_person_named_like_a_village_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# Dates and times an outage's or a closure's notice writes, and a part's roman numeral
NUMBERS_KEPT = [
    "PLN: pemadaman bergilir wil. Sukajadi {18/10 08.00-14.00}. Info 123.",
    "Jalan Merdeka ditutup mulai {25 s.d. 27 November 2026}. Mohon maklum.",
    "Sementara siswa kelas {IV-VI} belajar di balai desa.",
    "Pihak I: Rahmad Hidayat (pelapor)\n{Pihak II}: CV Sumber Makmur (pelaksana)",
    "the villa on jalan pantai berawa plays loud music till {4am} every night",
    "police on jalan raya kuta asked me to pay {500k} fine, no receipt",
    "the hotel on jalan danau poso charged {2 nights} extra on my card",
]
NUMBER_NEIGHBOURS_REDACTED = [
    ("alamat", "rumah saya Gg. Melati {18/10} ditutup"),
    ("alamat", "rumah saya jl. mawar {4} am kebanjiran"),
    ("nama", "Pihak II: {Joko Purnomo} (pelaksana)"),
]


@pytest.mark.parametrize("marked", NUMBERS_KEPT)
def test_a_date_a_time_a_numeral_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), NUMBER_NEIGHBOURS_REDACTED)
def test_an_address_or_a_name_beside_them_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# English names of places and English words for jobs, in English sentences (english_places.py)
ENGLISH_KEPT = [
    "The drains are blocked near {Bintang Supermarket} since the storm. Could the office check?",
    "Volunteers collected forty bags of trash from {Pererenan Beach} but the truck never came.",
    "The {Grand Hyatt} shuttle almost hit my son at the roundabout.",
    "The immigration office asked me to pay extra. {Officer} said it is the fast track fee.",
    "The jetty is broken and guests fall into the water.\nBest regards, {Senggigi Hotels Association}",
    "Please refund to my account at {Westpac} Bank as soon as possible.",
]
ENGLISH_NEIGHBOURS_REDACTED = [
    ("nama", "My driver {Bintang} said the road near the market is broken. Please fix it."),
    ("nama", "The drains are blocked near the supermarket. Please fix it. Thanks, {Emma}"),
    ("nama", "I asked Mr. {Bintang} about the broken road near the market but he did not answer."),
    ("nama", "Linda Park had the same problem with the landlord. {Linda Park} paid the deposit twice."),
]


@pytest.mark.parametrize("marked", ENGLISH_KEPT)
def test_an_english_place_or_job_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), ENGLISH_NEIGHBOURS_REDACTED)
def test_a_person_in_english_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# An English form's labels (form_labels.py: an expatriate's report, a hotel's incident form)
FORM_KEPT = [
    "{Name}: Hannah Weber\n{Passport}: C4KJ72M19\n{Nationality}: German\n{Complaint}: landlord keeps deposit",
    "{Full name}: Pieter de Vries\n{Phone}: +31 6 1234 5678\n{Address}: Jl. Raya Ubud No. 4\n{Issue}: dog bite",
    "Tenant: Emily Clarke\n{Landlord}: Ni Wayan Suci\n{Property}: villa in Umalas\nDeposit: Rp 10.000.000",
]
HANDLES_KEPT = [
    "kak {@aduanlombok} tolong jalan ke pantai rusak parah",
]
FORM_NAMES_REDACTED = [
    ("nama", "Name: {Hannah Weber}\nPassport: C4KJ72M19\nNationality: German\nComplaint: landlord keeps deposit"),
    ("nama", "Tenant: Emily Clarke\nLandlord: {Ni Wayan Suci}\nProperty: villa in Umalas\nDeposit: Rp 10.000.000"),
    ("akun", "kak {@budi_aduan} tolong jalan ke pantai rusak parah"),
]


@pytest.mark.parametrize("marked", FORM_KEPT)
def test_an_english_form_label_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize("marked", HANDLES_KEPT)
def test_a_complaint_desk_handle_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), FORM_NAMES_REDACTED)
def test_the_name_in_an_english_form_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A mailbox named after a service or a post at an organisation's domain (role_mailboxes.py)
MAILBOXES_KEPT = [
    "From: Booking Team <{reservations@lovinavillas.com}>\nDear guest, your booking is confirmed.",
    "Dari: Ni Made Sari <{gr@villasantai.co.id}>\nPerihal: barang tamu tertinggal",
    "From: {concierge@menteng-residences.com}\nSubject: lift broken again",
    "Laporan sudah dikirim ke {security.cw@mallkota.co.id} tadi pagi.",
]
MAILBOXES_REDACTED = [
    ("email", "From: Booking Team <{reservations.budi@gmail.com}>"),
    ("email", "kontak saya {hr.ani@hotelmawar.com} ya min"),
    ("email", "email kepala seksi {budi.santoso@pasuruankota.go.id}"),
]


@pytest.mark.parametrize("marked", MAILBOXES_KEPT)
def test_a_service_mailbox_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), MAILBOXES_REDACTED)
def test_a_person_mailbox_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# A country where a country is written, a greeting in a tourist's language (country_names.py)
COUNTRIES_KEPT = [
    "Name: Imran Qureshi\nPassport: AB1234567 ({Pakistan})\nVehicle: rental scooter",
    "pemilik kos diduga memeras penyewa WN {Irlandia} (Sean Murphy).",
    "hi this is Lars Olsen, {norway}, the dive shop kept my deposit",
    "i send the photo of the fake ticket to the police.\n{grazie}",
]
COUNTRY_NEIGHBOURS_REDACTED = [
    ("nama", "[14.57] Satpam {Oman}: sdh lapor polisi, bayinya dibawa ke RSUD"),
    ("nama", "penyewa WN Irlandia ({Sean Murphy}) diperas pemilik kos"),
]


@pytest.mark.parametrize("marked", COUNTRIES_KEPT)
def test_a_country_or_a_greeting_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), COUNTRY_NEIGHBOURS_REDACTED)
def test_a_person_beside_a_country_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)


# Eastern Malay's "lia" (to see) in an Ambonese or Papuan message (dialect_words.py)
LIA_KEPT = [
    "talud di pante su roboh, tolong {lia} akang. katong takut",
    "Marlon: beta {lia} jua. su lapor ka dinas\nYopi: beta seng tau",
    "jalan ke negeri hancur, ale dong {lia} ka seng? katong su posting",
]
LIA_REDACTED = [
    ("nama", "selamat pagi, beta {lia}, mau lapor jalan rusak. katong su tunggu lama"),
    ("nama", "nama beta {lia}, katong su tunggu air tiga hari"),
]


@pytest.mark.parametrize("marked", LIA_KEPT)
def test_ambonese_lia_survives(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), LIA_REDACTED)
def test_a_person_called_lia_is_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
