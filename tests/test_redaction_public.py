"""Public phrases that name a place, a work or a day after a person must survive redaction (issue 11).

Each case is a structure, not a memorised example: a work named after a hero (a park, a bridge, a
parish), a day of remembrance, a title that ends a hospital's name, a place of three words after a
region word ("Kelurahan Sei Sikambing B"), a city or a Maluku "negeri" or a Papuan "distrik" named as
a proper name. Next to each, the person it must not hide is still redacted.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import find_pii

# The phrase in braces must be touched by no redaction.
KEPT = [
    "sy mau lapor penerangan di {Jembatan Soekarno} banyak yg mati",
    "taman bermain di {Taman Kartini} banyak perosotan rusak",
    "sy Fransiska Romana dari lingkungan {paroki Santa Maria}. mohon info lomba",
    "lomba peringatan {Hari Kartini} diadakan di lapangan",
    "jembatan penyeberangan di depan {RSU Haji} tangganya patah",
    "saya Binsar Pardede warga {Kelurahan Sei Sikambing B}, memohon rambu",
    "Dengan hormat, kami Saniri {Negeri Soya} memohon perbaikan jalan",
    "Pengurus Muda-mudi {Negeri Tulehu}:\nRahman Ohorella (ketua)",
    "Peserta musyawarah adat {Lamin Long Bagun}:\n1. Hanyeq Ajang",
    "kami di {Distrik Wamena Kota} su 2 minggu listrik byar pet",
    "Kepada Yth. Bapak Wali {Kota Banda Aceh}\nPerihal: Keluhan pelayanan",
    "jalan ka {SDN Cibiru 3} ruksak pisan",
    "jalan berlubang di {Jl. RA Kartini} depan terminal",
    "{Kel. Bugul Lor} Menurut Karjo dari Dinkes anggarannya 75 ribu",
    # the neighbourhood speaking as one, and an agency's own account
    "Dengan hormat,\nKami warga {RT 02 RW 03} Kelurahan Trajeng menyampaikan keberatan",
    "lampu jalan mati, perempuan pulang kerja takut. {@pemkobandaaceh} tolong",
    # where and when a letter was written; the labels of a header or a schedule
    "{Marengan Daya}, 20 November 2026\nKetua Kader Posyandu",
    "{From}: Salim Bahasuan <salim.bahasuan@gmail.com>\nTo: aduan",
    "From: Salim Bahasuan\nTo: aduan\n{Subject}: Fwd: parkir",
    "Nama: -\n{Isi}: di Jl. Slamet Riyadi Solo trotoar dipakai parkir",
    "Jadwal ronda bulan ini:\n{Senin}: blok A\nSelasa: blok B",
    # places named by their land or water, routes between places
    "kami tinggal di {Desa Lumban Siagian}",
    "Kepada Yth.\nBapak Wali {Kota Jayapura}\nDi Tempat",
    "pemko Batam tolong la, parit di {Batu Aji} penuh sampah",
    "lapor pak, kapal motor {Tulehu-Masohi} seng ada life jacket",
    "bus kota rute {Purabaya-Rajawali} telat 40 menit",
    "Bapak Camat bersama warga {RT 02 RW 03} kerja bakti",  # an office, not a resident
    # a region anywhere in Indonesia names its own regency or city; bases and heritage sites named after people
    "Bupati {Badung} tidak peduli",
    "jalan ke {Lanud Abdulrachman Saleh} rusak",
    "atap {Keraton Kasepuhan} bocor",
    "lampu di {Panti Asuhan Budi Mulia} mati",
    "naik {KMP Tuna Tomini} ke Luwuk, {KRI Usman Harun} bersandar",
    "bus {Trans Semarang} telat",
]


@pytest.mark.parametrize("marked", KEPT)
def test_public_phrase_is_kept(marked: str) -> None:
    start, end = marked.index("{"), marked.index("}") - 1
    text = marked.replace("{", "").replace("}", "")
    touching = [m for m in find_pii(text) if m.start < end and start < m.end]
    assert not touching, (text, touching)


# The person named next to a public phrase of the same shape is still redacted.
PEOPLE = [
    ("Kelurahan Kauman {Rukayah} datang ke kantor", "Rukayah"),
    ("kemarin ketemu Pak {Hari Santoso} di pasar", "Hari Santoso"),
    ("yang merawat di RSU Haji {Sulaiman Budi} itu ramah", "Sulaiman Budi"),
    ("pegawai negeri bernama {Budi} minta uang", "Budi"),
    ("di kota ini {Budi} mencuri ayam", "Budi"),
    ("Kel. Bugul Lor Menurut {Karjo} dari Dinkes anggarannya 75 ribu", "Karjo"),
    ("From: {Salim Bahasuan} <salim.bahasuan@gmail.com>\nTo: aduan", "Salim Bahasuan"),
    ("Hormat saya,\n{Wartinem Sukarsih}, 13 Maret 2026", "Wartinem Sukarsih"),
    ("kemarin pak {Tanjung Budi} datang marah2", "Tanjung Budi"),
    ("petugas {Tanjung Wibowo} minta uang rokok", "Tanjung Wibowo"),
    (
        "Mohon lampu jalan di Jl. Merdeka dipasang.\n\nHormat kami,\nPdt. Benyamin Sitompul, M.Th.\n"
        "Sintua {Anton Lumban Gaol}",
        "Anton Lumban Gaol",
    ),
]


# The writer's own bare RT/RW is a neighbourhood too (docs/redaction.md, "Addresses and neighbourhoods"):
# only a house number makes an address; next to one, the RT/RW goes with it.
HOMES = [
    "Saya warga {RT 03/RW 05} mau melaporkan",
    "asap masuk ke rumah kami di {RT 3 RW 4}",
    "asapnya masuk ke rumh kami di {RT08 RW03}, Pekuncen.",
    "Telah melapor Sdr. Marselinus Tefa warga {RT 009 RW 003 Kel. Oebufu}, tentang air PDAM",
    "Alamat: {RT 12 RW 04 Kelurahan Fatululi}\nIsi: jalan lingkungan belum diaspal",
    "Alamat : {Dusun Laok Songai RT 03 RW 02}, Desa Larangan Tokol",
    "beta di {Jl. Dr. Siwabessy RT 003/RW 002}",
]
HOUSES = [
    ("rumah saya di Jl. Kemuning Raya {No. 21 RT 008/RW 011}, Kelurahan Utan Kayu", "No. 21 RT 008/RW 011"),
    ("Alamat : Jl. Dukuh Kupang Barat XV {No. 33, RT 05 RW 06}\nmengajukan keberatan", "No. 33, RT 05 RW 06"),
    ("kali cedhak omahku gg. manggis {rt 5 rw 2 no 19} mampet", "rt 5 rw 2 no 19"),
    ("Alamat: Komplek Margahayu Raya Blok {H No. 8, RT.003/RW.011}", "H No. 8, RT.003/RW.011"),
    ("Jl. Panglima Sudirman {45 RT 3 RW 4}, Pasuruan", "45 RT 3 RW 4"),
]


@pytest.mark.parametrize("marked", HOMES)
def test_writers_own_bare_rt_rw_is_kept(marked: str) -> None:
    start, end = marked.index("{"), marked.index("}") - 1
    text = marked.replace("{", "").replace("}", "")
    assert not [m for m in find_pii(text) if m.start < end and start < m.end], find_pii(text)


@pytest.mark.parametrize(("marked", "secret"), HOUSES)
def test_rt_rw_beside_a_house_number_is_an_address(marked: str, secret: str) -> None:
    start = marked.index("{")
    text = marked.replace("{", "").replace("}", "")
    covered = {i for m in find_pii(text) if m.kind == "alamat" for i in range(m.start, m.end)}
    assert all(i in covered for i in range(start, start + len(secret)) if text[i].isalnum()), find_pii(text)


@pytest.mark.parametrize(("marked", "name"), PEOPLE)
def test_person_next_to_public_phrase_is_redacted(marked: str, name: str) -> None:
    start = marked.index("{")
    text = marked.replace("{", "").replace("}", "")
    covered = {i for m in find_pii(text) if m.kind == "nama" for i in range(m.start, m.end)}
    assert all(i in covered for i in range(start, start + len(name)) if text[i].isalnum()), (text, find_pii(text))
