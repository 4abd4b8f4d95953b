"""Precision on unseen text (issue 11, session 8): public words the redactor must not take for personal data.

Each case is a class, written anew for this test (not taken from a corpus): places told by the words
around them or by their own shape, a table's place columns and headers, greetings in the regions'
languages, the accounts of newsrooms, brands and agencies, generals' ranks opening a street. In each
case the phrase in braces must survive; beside them, the cases that must still be redacted show that
the rules stop where a person begins.
"""

from __future__ import annotations

import pytest
from redaction_cases import assert_kept, assert_redacted

KEPT = [
    # a place by the word before it: only a place follows "sepanjang", "perempatan", "simpang"
    "Jalan berlubang {sepanjang Ngemplak} sejak bulan lalu.",
    "Tiap pagi macet di {perempatan Kertajaya} arah kota.",
    "Air menggenang di {simpang Pandean} kalau hujan.",
    # a place shaped like Java's, Sunda's and Madura's places after "dari", "sampai", "warga"
    "Truk pasir dari {Karangrejo} lewat tiap malam.",
    "Banjir dari Pandaan sampai {Sidomulyo} belum surut.",
    "Limbah mengalir sampai {Cibiru} lewat selokan.",
    "Kami dari {Kedung Cowek} mengeluhkan bau limbah.",
    # the text names the place itself elsewhere
    "Kepada Yth.\nBapak Camat {Gedangan}\ndi Gedangan\n\nKami warga Kecamatan Gedangan mengadu.",
    "Pak Kades {Ngadirejo} jarang ada di kantor desa.",
    # the kelurahan after an RT/RW number
    "Rapat warga di Balai RW 7 {Gubeng Kertajaya} batal.",
    # a general's rank opening a street
    "Banyak pengamen di lampu merah {Mayjend Sungkono} tiap sore.",
    # a table's place columns and its header
    "Kecamatan | Kelurahan | Jumlah KK\n{Tenggilis Mejoyo} | {Kutisari} | 45\n{Wonocolo} | Jemur Wonosari | 30",
    "Lokasi\tStatus\n{Sumbersari}\tbelum\n{Patrang}\tselesai",
    # greetings and salutes in the regions' languages
    "{Sugeng enjing}, dalan ing Pakem rusak parah.",
    "{Sampurasun}, abdi bade lapor jalan ruksak.",
    "{Salam Pancasila}, lampu jalan mati tiga hari.",
    "{Namo Buddhaya}, vihara kami kebanjiran.",
    "Hormat kami,\n{TTD}",
    # chain shops, buses and hostels named after places and titles
    "Motor parkir liar di sebelah {Alfamart Sukodono}.",
    "{Bus Damri} tidak datang sejak pagi.",
    "{Asrama Haji Sukolilo} dijadikan gudang.",
    "{Majelis Taklim Al-Hidayah} minta izin pakai aula.",
    # Balinese salutes and thanks
    "{Om Swastyastu}, kami dari banjar Kaja melapor.",
    "Sampah belum diangkut.\n\n{Om Shanti Shanti Shanti Om}",
    "Belum ada tindak lanjut.\n\n{Suksma},",
    # heroes' and founders' names inside public places, opened by a word of two
    "Trotoar depan {Rumah Sakit Immanuel} dipakai parkir.",
    "Parkir liar di {Pelabuhan Slamet Riyadi} tiap pagi.",
    "Motor parkir di trotoar {jl. kh mas mansyur} tiap hari.",
    "Kami dari {Kelompok Tani Sri Makmur} meminta jadwal air.",
    "Kami {Komunitas Lari Malang} mohon izin pakai lintasan.",
    "Kepada Yth. {Kantor Pajak Pratama Bangkalan}",
    "Kepada tim {Command Center}, kamera CCTV mati.",
    "Kepada Yth. {Ketua LPM}, Ketua RW se-Kelurahan Pandean",
    "Perihal: Izin keramaian {Cap Go Meh}",
    "Dikirim dari Yahoo Mail untuk {Android}",
    # a region's word, capitalised, then its name, whatever else the word may be; Minang places
    "Sabtu: Dusun Krajan vs Dusun Sabar\nMinggu: {Dusun Tegar} vs Dusun Setia",
    "Rabu, Sabtu : Gunung Sarik, {Lubuk Lintah}",
    # grandparents by their kinship, Sundanese "teh" marking the topic
    "tanah makam {Mbah Kung} kena proyek jalan tol",
    "saluran di gang teh {mampet parah}, cai na nepi ka imah",
    # Javanese market days and the months of the Islamic year in a date
    "Tiap malam {Jumat Kliwon} ada balap liar.",
    "Selama {bulan Ramadhan} pasar tumpah ke jalan.",
    # churches by their short names, a congregation, an alley, a police command after an honorific
    "Parkir liar di depan {GPIB Immanuel} tiap Minggu.",
    "Kepada Yth. Pendeta {Jemaat Bethel}",
    "Dengan hormat, kami warga {Lorong Sawerigading}.",
    "Kepada Bapak Kapolsek {Sirimau}",
    # statues, gates and sites named after heroes and kings
    "{Patung Sudirman} dicoret-coret.",
    "{Gapura Sultan Agung} miring.",
    "{Air Terjun Sedudo} sepi pengunjung.",
    # a form's labels, and the place after a place's label
    "Nama Pemilik : Toko Sinar Terang\n{Nama Usaha} : Toko Sinar Terang\n{Alamat Usaha}: Jl. Asia",
    "Nama: Andi\n{Faskes}: Puskesmas Kassi-Kassi",
    "FW: Hasil rapat koordinasi\n{Disepakati}: Dinas PUPR memperbaiki jembatan.",
    "Formulir Pengaduan\nWilayah: {Zona Panakkukang}\nKeluhan: meteran rusak",
    "Nama Pelapor : ({dirahasiakan})",
    "{Forwarded message}\nFrom: Sekretariat BPBD",
    # the regions' small words in lower case
    "ieu email ti tatangga abdi, {anjeunna} teu tiasa lapor nyalira.",
    "klian banjar sampun lapor {nanging} durung wenten tindak lanjut",
    "Koordinasi dgn Bendesa Adat {Intaran} untuk pembersihan Sabtu.",
    # speech's fillers and the regions' words typed out from a call
    "halo pak {eee} saya mau lapor jalan rusak",
    "jalan nu ka sd teh {ancur} pisan, {hatur nuhun} pak",
    "jalan ancur pisan kitu wae pak {hatur nuhun}",
    # heroes' titles inside stadiums, roads over and under, hashtags
    "Laga kandang di {Stadion Haji Agus Salim} hari Minggu.",
    "Macet di {Underpass Titi Kuning} tiap sore.",
    "Tolong lihat langsung. {#KapuasHuluMembangun}",
    # governments' accounts by place and office, agencies' acronyms
    "Komentar di IG {@badungkab}: jalan rusak",
    "twit {@TMCPoldaMetro}: kepadatan arus di Jl. Raya Bogor",
    "udh 3 kali lapor ke {@BBPJN_Sumut} ga ada kabar",
    "X | {@kupangkota} | 08.00-16.00",
    # an office's landline, on a line that names the office and no person
    "Kontak posko: BPBD Karawang {(0267) 8490 112}",
    "Nomor pengaduan per dinas:\nDLH | {(0711) 352 017}\nDishub | {(0711) 710 450}",
    # the accounts of newsrooms, brands and agencies
    "Baca berita {@kumparancom} dan {@cnnindonesia} soal ini.",
    "Sudah tayang di {@kompastv} semalam.",
    "Mohon ditanggapi {@jasamarga}, tol macet total.",
    "{@gojekindonesia} driver anda ugal-ugalan.",
    "Peringatan dini dari {@BMKG} sudah keluar.",
    "Sumber: {@detikjatim}",
    "Sudah mention {@ditlantaspoldajatim} dan {@sobatdishub}",
]

REDACTED = [
    # a person's account, even beside a city's name or a news word
    ("akun", "Komentar dari {@rina.wulandari88}: iya bener parah."),
    ("akun", "ig pelaku {@ayu_surabaya} nipu"),
    ("akun", "min akun ig {@kabarpasuruan_terkini} nyebar foto korban"),
    ("akun", "AKUN PALSU {@LUHXX} MEMAKAI FOTO PAK LURAH"),
    # a chat's speaker is no form's label, whatever the words
    ("nama", "Indah: mbak, makam kena proyek\nBerlian: lho kok gk ada\n{Wa Ode Marni}: tiket sy sdh dibeli"),
    # a person after a form's label in a sentence
    ("nama", "Kepada Yth. Dinas PUPR, Pelapor: {Sarkawi}. Alamat: Perum Griya Asri"),
    # a person after a body's role
    ("nama", "anggota linmas {Murtala} sama petugas kebersihan"),
    # an owner after a place's label or in a place column, and a lower-case name after "di rumah"
    ("nama", "Lokasi: depan warung {Wagiyem}"),
    ("nama", "Lokasi | Ket\nrumah {Wagiyem} | bocor"),
    ("nama", "sy udh lapor, sampah di rumah {wagiyem} numpuk. wagiyem gak peduli"),
    # a person after a group or a place written in lower case, or after a street
    ("nama", "ketua kelompok tani {Slamet} marah"),
    ("nama", "petugas terminal {Sarno} minta uang"),
    ("nama", "jl. dr. soetomo pak {budi} jualan"),
    # a household's, a person's or a trade's landline, and any mobile number
    ("telepon", "telp rumah {(0343) 421234}"),
    ("telepon", "Ketua RT 03 Kel. Bugul: {0343 421234}"),
    ("telepon", "hubungi Dinas Sosial lewat {0812 3456 7890}"),
    ("telepon", "Puskesmas Karangduak. Pemilik katering: ananda Danendra, {0328 333974}."),
    # a person's handle of a few capitals, an e-mail on a village's domain named with a word that is a name
    ("akun", "ig pelaku {@RZK_01}"),
    ("email", "kirim ke {melati@sukamaju.desa.id} ya"),
    # a word the text also puts after an honorific names a person, wherever else it stands
    ("nama", "Kepada Pak Gedangan.\nSaya sudah ketemu {Gedangan} di Kecamatan Gedangan"),
    # an elder sister called by name, a grandparent by name
    ("nama", "abdi lapor ka teh {ani} kamari"),
    ("nama", "Mbah {Sumi} sakit sejak kemarin"),
    # the commander follows his command with a rank
    ("nama", "Kapolsek Sirimau AKP {Wattimena} datang"),
    # the same words as a person's name
    ("nama", "Pak {Ramadhan} datang bulan lalu"),
    # a label's words after an honorific name a person
    ("nama", 'status wa cak {Dul}: "jembatan kali kamoning wes pecah"'),
    # a greeting's first word that is a name, mid-sentence
    ("nama", "Pak {Sugeng} pagi tadi datang ke kantor."),
    # a row of people is no table header, even with a role in it
    ("nama", "{Sekar} | bendahara | aktif\nBunga | ketua | aktif"),
    ("nama", "Nama | Jabatan\nSekar | bendahara\n{Melati} | ketua"),
    # the official of the neighbourhood, then the person
    ("nama", "Ketua RT 05 {Sumarni} menolak tanda tangan."),
    # a person after an honorific under a place column
    ("nama", "No | Lokasi | Keterangan\n1 | Rumah Pak {Darmo} | atap bocor"),
    # a person after a place named in the same sentence
    ("nama", "Warga Kelurahan Panggungrejo. {Darsinah} (45 th) sering mabuk."),
    # the person the official is, not a place, when nothing shapes the word as a place
    ("nama", "min pak babinsa {Jaya} sama bhabinkamtibmas datang"),
]


@pytest.mark.parametrize("marked", KEPT)
def test_public_words_survive(marked: str) -> None:
    assert_kept(marked)


@pytest.mark.parametrize(("kind", "marked"), REDACTED)
def test_persons_beside_them_are_still_redacted(kind: str, marked: str) -> None:
    assert_redacted(kind, marked)
