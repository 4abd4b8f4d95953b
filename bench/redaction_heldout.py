"""A held-out corpus of labelled Indonesian complaint texts for ``chalicelib.redaction``.

Written independently of ``bench/redaction_corpus.py`` (never read while writing this): its own
name lists, places, templates and identifier formats, in the styles citizens use on SP4N-LAPOR!,
E-Sambat, WhatsApp and Instagram comments: formal letters, short angry messages, ALL CAPS, all
lower case, heavy abbreviations, Javanese and Madurese words mixed in.

``generate(count, seed)`` returns ``Sample``s. Every planted piece of personal data carries its
kind (the redactor's placeholder word in lower case) and its span; every public phrase that must
survive (agencies, programmes, streets without a house number, facilities, places, amounts, dates,
times, counts, roles without a name, "RT 3" alone) carries its category and span. Titles, degrees
and honorifics are left unlabelled: redacting them or not is neither a miss nor a harm.

``names="tune"`` / ``"test"`` / ``"all"`` picks which half of the name lists is used (split by a
fixed hash), so a run on the "test" half measures names the redactor was never tuned against.

    python bench/redaction_heldout.py --count 5 --seed 7     # print a few samples
"""

from __future__ import annotations

import argparse
import random
import re
import zlib
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- samples


@dataclass(frozen=True)
class Item:
    label: str  # a PII kind ("nik", "nama", ...) or a public category ("street", "amount", ...)
    start: int
    end: int
    text: str


@dataclass
class Sample:
    text: str
    style: str
    pii: list[Item] = field(default_factory=list)
    public: list[Item] = field(default_factory=list)


PII_KINDS = ("nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat")
PUBLIC_CATEGORIES = (
    "agency", "programme", "institution", "street", "facility", "place", "amount", "date", "time", "count",
    "role", "rt_alone", "brand", "reference", "handle_public",
)  # fmt: skip

Seg = tuple[str, str | None]  # (text, label); label None = unlabelled text

# --------------------------------------------------------------------------- names
# (given/full names, gender "m"/"f"); written by hand for this corpus.

_NAMES_M = """
Suyanto|Sugiono|Bambang Hermanto|Joko Susilo|Paijo|Parmin|Wagiman|Karsidi|Waluyo|Heru Prasetyo|Eko Purnomo
Setyo Budi Utomo|Legiman|Marsudi|Sukarji|Tumiran|Ngadimin|Sarwono|Priyo Handoko|Tri Haryanto|Kuswanto|Darmaji
Suparno|Warsito|Mujiono|Sukadi|Katiran|Poniman|Kasdi|Wiji Sutrisno|Adi Nugroho|Yulianto|Hartono|Sri Mulyono
Wahyu Hidayat|Bagus Setiawan|Untung Widodo|Dwi Cahyono|Teguh Santoso|Budi Santoso|Sigit Purnomo|Hendro Wibowo
Sanemo|Wakidi|Jumadi|Sakeri|Kasmuri|Dalimin|Samijan|Mukiyo|Wagimin|Tarmuji|Karjo|Kirno|Nartam|Warso|Suwito
Matsari|Mat Rawi|Hosnan|Marzuki|Busiri|Ruslan|Moh. Holil|Salehodin|Muhlis|Supandi|Fathorrahman|Moh. Sahri
Rasidi|Atmari|Suhairi|Sahrawi|Mukarrom|Abd. Rahem|Juma'ali|Misdi|Samsul Arifin|Hairul Anam|Ach. Fauzi|Moh. Ridwan
Muhammad Rizki|Abdul Rahman|Ahmad Fauzi|Zainal Arifin|Khoirul Anam|Mochammad Ilham|Lukman Hakim|Syaiful Bahri
Muhammad Iqbal Fadhilah|Maskur|Mukhlis|Rofiq|Rohmat|Hanif Fathoni|Luthfi Hakim|Imam Syafi'i|Abdul Ghofur
Nur Kholis|Achmad Zaini|Faisal Amri|Hasan Basri|Umar Faruq|M. Nasrullah|Aminudin|Badrus Sholeh|Kholilurrahman
Alfian Nur Huda|Lie Hok Tjwan|Oei Siang Hwa|Hendra Gunawan Tanoto|Yohanes Wijaya|Ferry Halim|Stefanus Tjandra
Budi Hartono Liem|Andreas Salim|Kevin Sutanto|Vincent Wijaya|The Kian Hoo|Go Tjong Bing|Liong Ah Kiong
Sugianto Tandio|Willy Tanujaya|Hengky Gunawan|Aliong|Yohanes Pardede|Petrus Wenda|Yosef Kabes|Markus Simanjuntak
Stefanus Manurung|Agustinus Lumban Tobing|Paulus Rumbiak|Yakobus Sinaga|Immanuel Situmorang|Gregorius Setiawan
Benediktus Nong|Yulius Tanamal|Daniel Pattiasina|Matius Hutagalung|Robert Sihombing|Antonius Bere|Hendrikus Rumere
Dimas Aditya|Rizky Ramadhan|Aldi Pratama|Fajar Nugroho|Indra Kurniawan|Galih Permana|Reza Firmansyah|Bayu Saputra
Yoga Pratama|Arif Wicaksono|Rendy Kurniawan|Ilham Maulana|Andika Putra|Danang Wijayanto|Farhan Hakim|Asep Sunandar
Ujang Komarudin|Cecep Supriatna|I Made Suarta|I Ketut Wirawan|Andi Baso|La Ode Musa|Teuku Rizal|Oktavianus Kogoya
Senen|Kemis|Sholeh|Syamsul Hadi|Nur Salim|Bahrul Ulum|Mahfud|Jainuri|Sapari|Mustofa|Rudi Hermawan|Sutikno
Slamet Riyadi|Gatot Wibisono|Purnomo Sidi|Anwar Sanusi|Sukiman|Santoso|Giman|Tukijo|Dul Karim|Ponirin
""".strip()

_NAMES_F = """
Sri Wahyuni|Tri Wulandari|Sumiati|Tukiyem|Sarmi|Ngatini|Kasiyem|Endang Lestari|Dwi Astuti|Puji Rahayu|Sulastri
Suwarni|Partini|Tumini|Darsinah|Ginah|Suprapti|Rukmini|Sumarni|Wartini|Yuli Handayani|Indah Permatasari
Retno Wulan|Sri Rejeki|Lestari|Wiwik Sulistyowati|Murtini|Painem|Sutinah|Rukayah|Tuminah|Giyem|Painah|Sainem
Juminten|Tarsih|Wasini|Misnati|Sunarsih|Juhairiyah|Sitti Rahmah|Marhamah|Hosniyah|Mistini|Rusmiati|Sumrati
Halimah|Maryam|Asiyah|Sukarti|Buhairah|Siti Aminah|Nur Hasanah|Fatimah Azzahra|Nurul Hidayah|Ainun Jariyah
Umi Kulsum|Faizah|Khodijah|Aisyah Putri|Latifah|Zulaikha|Rohmah|Musyarofah|Siti Khoiriyah|Nur Laili|Mahmudah
Rofi'atul Hasanah|Lailatul Fitriyah|Nadia Shafira|Zahrotul Ula|Tan Giok Lan|Kwee Lan Nio|Lily Kurniawati
Yenny Susanto|Feliciana Tanujaya|Ong Siu Lan|Mei Ling|Lanny Setiawati|Cynthia Halim|Meliana Tjahjadi|Linda Tanoyo
Maria Magdalena Sitompul|Theresia Nainggolan|Fransiska Wulandari|Natalia Tampubolon|Kristina Rumapea
Debora Panjaitan|Elisabeth Hutapea|Veronika Siregar|Yohana Lumbantoruan|Ruth Sinaga|Martha Pasaribu
Margaretha Saragih|Septiani Lubis|Putri Ayu Lestari|Nabila Salsabila|Rina Marlina|Anisa Rahma|Dinda Ayu
Novita Sari|Ayu Wandira|Intan Permata|Desi Ratnasari|Mega Silvia|Wulan Dari|Fitri Handayani|Ratna Sari Dewi
Dede Rohaeti|Euis Komalasari|Ni Luh Putu Ariani|Ni Made Sukerti|Kartika Sari|Eka Wahyuningsih|Yuyun Yuliani
Sriatun|Mujiati|Poniyem|Suminah|Kamisah|Jumiatun|Sutiyah|Wagini|Sainah|Sumiyati|Masruroh|Munawaroh|Rosidah
""".strip()


def _split(block: str) -> list[str]:
    return [n.strip() for line in block.splitlines() for n in line.split("|") if n.strip()]


def _half(name: str) -> str:
    return "tune" if zlib.crc32(name.encode()) % 2 == 0 else "test"


ALL_NAMES = {"m": _split(_NAMES_M), "f": _split(_NAMES_F)}

_HON_M = ["Bapak", "Pak", "Bpk.", "Sdr.", "Mas", "Cak", "Kang", "Mbah", "Abah", "Bang", "pak", "Pak"]
_HON_F = ["Ibu", "Bu", "Sdri.", "Mbak", "Mbak", "Ning", "Mbok", "Mbah", "Bu", "Ny.", "ibu", "Bu"]
_HON_CHINESE_M = ["Koh", "Om", "Pak", "Ko"]
_HON_CHINESE_F = ["Cik", "Ci", "Tante", "Bu"]
_CHINESE = {"Lie", "Oei", "Tan", "Kwee", "Ong", "The", "Go", "Liong", "Mei", "Aliong"}
_TITLES_M = ["H.", "KH.", "Drs.", "Ir.", "Ust.", "Gus", "dr.", "Pdt.", "H."]
_TITLES_F = ["Hj.", "Dra.", "dr.", "Ustadzah", "Hj.", "Pdt."]
_DEGREES = [", S.Pd.", ", S.E.", ", S.H.", ", M.Si.", ", S.Kom", ", A.Md.Kep.", ", S.Sos.", ", S.T.", ", M.M."]

# --------------------------------------------------------------------------- places and public names

KEC_KEL = {
    "Gadingrejo": ["Bukir", "Gadingrejo", "Gentong", "Karangketug", "Krapyakrejo", "Petahunan", "Randusari", "Sebani"],
    "Purworejo": ["Kebonagung", "Pohjentrek", "Purutrejo", "Purworejo", "Sekargadung", "Tembokrejo", "Wirogunan"],
    "Bugul Kidul": ["Bakalan", "Blandongan", "Bugul Kidul", "Krampyangan", "Kepel", "Tapaan"],
    "Panggungrejo": ["Bugul Lor", "Karanganyar", "Kebonsari", "Mandaranrejo", "Mayangan", "Ngemplakrejo",
                     "Panggungrejo", "Pekuncen", "Petamanan", "Trajeng", "Bangilan", "Kandangsapi"],
}  # fmt: skip
OTHER_KEC_KEL = {
    "Lowokwaru": ["Sumbersari", "Tlogomas", "Dinoyo", "Jatimulyo", "Tunggulwulung"],
    "Klojen": ["Kauman", "Oro-oro Dowo", "Kidul Dalem", "Samaan"],
    "Bangil": ["Kalirejo", "Kersikan", "Dermo", "Pogar"],
    "Kanigaran": ["Sukabumi", "Curahgrinting", "Tisnonegaran"],
    "Candi": ["Sugihwaras", "Larangan", "Sumokali"],
    "Pandaan": ["Jogosari", "Petungasri", "Sumbergedang"],
}
CITIES = ["Kota Pasuruan", "Kabupaten Pasuruan", "Kota Malang", "Kota Probolinggo", "Sidoarjo", "Surabaya"]

STREETS = [
    "Dr. Sutomo",
    "KH. Wachid Hasyim",
    "Panglima Sudirman",
    "Untung Suropati",
    "Gajah Mada",
    "Hayam Wuruk",
    "Diponegoro",
    "Soekarno-Hatta",
    "Ahmad Yani",
    "Hasanudin",
    "Pahlawan",
    "Veteran",
    "Sultan Agung",
    "RA Kartini",
    "Dewi Sartika",
    "Cut Nyak Dien",
    "Imam Bonjol",
    "Pattimura",
    "WR. Supratman",
    "Urip Sumoharjo",
    "Sakerah",
    "Balaikota",
    "Nusantara",
    "Halmahera",
    "Ki Hajar Dewantara",
    "Letjen Sutoyo",
    "Mayjen Sungkono",
    "Brigjen Katamso",
    "Raya Bugul",
    "Hos Cokroaminoto",
    "Niaga",
    "Pemuda",
    "Kapten Tendean",
    "Dr. Wahidin Sudirohusodo",
    "Kol. Sugiono",
    "Mangga",
    "Anggrek",
    "Teratai",
    "Kenanga",
    "Cempaka",
    "Raya Pasuruan-Probolinggo",
    "KH. Mansyur",
    "Patiunus",
    "Sukarjo Wiryopranoto",
    "Airlangga",
    "Kartini",
    "Irian Jaya",
    "Sumatera",
    "Slamet Riyadi",
    "Gatot Subroto",
    "Jaksa Agung Suprapto",
    "Ir. H. Juanda",
    "Wahid Hasyim",
    "Yos Sudarso",
    "Trunojoyo",
    "Ronggowarsito",
    "Panglima Polim",
    "Kyai Sepuh",
]
STREET_OPENERS = ["Jl. ", "Jl. ", "Jl. ", "Jln. ", "Jalan ", "jl. ", "Jl ", "JL. "]
GANGS = ["Melati", "Mawar", "Kenari", "Dahlia", "Flamboyan", "Sawo", "Belimbing", "Kutilang", "Merpati", "Manggis"]
PERUMS = ["Perum Griya Asri", "Perum Pondok Sejahtera", "Perumahan Bugul Permai", "Perum Graha Indah",
          "Perum Taman Gading", "Perumahan Sekargadung Residence", "Perum Pesona Candi"]  # fmt: skip

FACILITIES = {
    "health": ["Puskesmas {kel}", "Puskesmas {kel}", "RSUD dr. R. Soedarsono", "RSUD Bangil", "RS Islam Masyitoh",
               "RS Mitra Keluarga", "RSIA Kartini", "Klinik Pratama Husada", "Puskesmas Pembantu {kel}",
               "Posyandu Mawar", "Posyandu Melati 3"],
    "school": ["SDN {kel} {n1}", "SDN Bugul Lor 1", "SMPN {n1} Pasuruan", "SMAN {n1} Pasuruan", "SMKN 1 Pasuruan",
               "MI Nurul Huda", "MTsN Pasuruan", "TK Dharma Wanita", "SDN Kebonagung 2", "MI Darul Ulum",
               "SMP Muhammadiyah 1", "Ponpes Salafiyah", "Pondok Pesantren Sidogiri"],
    "office": ["Kantor Kelurahan {kel}", "Kantor Kecamatan {kec}", "Balai Kota Pasuruan", "Mal Pelayanan Publik",
               "Polres Pasuruan Kota", "Polsek Bugul Kidul", "Perpustakaan Daerah", "Gedung Gradika"],
    "public": ["Pasar Kebonagung", "Pasar Besar", "Pasar Poncol", "Stadion Untung Suropati", "GOR Untung Suropati",
               "Masjid Al-Anwar", "Masjid Jami' Al-Anwar", "Gereja Katolik Santo Antonius", "GKJW Pasuruan",
               "Klenteng Tjoe Tik Kiong", "Alun-alun Kota Pasuruan", "Taman Kota", "Terminal Blandongan",
               "Stasiun Pasuruan", "Pelabuhan Pasuruan", "TPA Kebon Kerep", "Rusunawa Bugul Lor", "Musholla Al-Ikhlas",
               "Masjid Agung Al-Anwar", "Taman Sekargadung", "Pasar Gadingrejo", "TPS Karangketug",
               "Yayasan Al-Hikmah", "SDN {kel} {n1}", "Puskesmas {kel}"],
    "water": ["Kali Gembong", "Sungai Welang", "Kali Petung", "Sungai Gembong", "Waduk Ngembul"],
}  # fmt: skip
TOPIC_FACILITY = {"kesehatan": "health", "bpjs": "health", "sekolah": "school", "adminduk": "office",
                  "pungli": "office", "paspor": "office", "banjir": "water"}  # fmt: skip
TOPIC_AGENCY = {
    "sampah": ["DLH", "Dinas Lingkungan Hidup", "DLH Kota Pasuruan"],
    "jalan": ["Dinas PUPR", "PUPR", "Disperkim"],
    "lampu": ["Dishub", "Disperkim", "Dinas Perhubungan"],
    "bansos": ["Dinsos", "Dinas Sosial", "Baznas"],
    "adminduk": ["Dispendukcapil", "Dukcapil"],
    "kesehatan": ["Dinkes", "Dinas Kesehatan"],
    "sekolah": ["Dispendik", "Dinas Pendidikan"],
    "parkir": ["Dishub", "Satpol PP", "Dinas Perhubungan"],
    "pkl": ["Satpol PP", "Diskoperindag"],
    "banjir": ["BPBD", "Damkar", "BPBD Kota Pasuruan"],
    "rumah": ["Disperkim", "Baznas"],
    "zakat": ["Baznas"],
    "pajak": ["Bapenda", "KPP Pratama Pasuruan"],
    "paspor": ["Kantor Imigrasi Malang", "Imigrasi"],
    "bpjs": ["Dinkes", "Dinsos"],
}
AGENCIES = [
    "Dinas PUPR",
    "DLH",
    "Dinas Lingkungan Hidup",
    "Dishub",
    "Dinas Perhubungan",
    "Dispendukcapil",
    "Disperkim",
    "Satpol PP",
    "BPBD",
    "Baznas",
    "Dinsos",
    "Dinas Sosial",
    "Dinkes",
    "Dinas Kesehatan",
    "Dispendik",
    "Bapenda",
    "BKPSDM",
    "DPMPTSP",
    "Diskominfo",
    "Damkar",
    "Kemenag",
    "Disnaker",
    "Diskoperindag",
    "DPRD Kota Pasuruan",
    "Pemkot Pasuruan",
    "Kantor Imigrasi Malang",
    "KPP Pratama Pasuruan",
    "Samsat",
    "Inspektorat",
    "Ombudsman RI Jawa Timur",
    "Dukcapil",
    "Bappelitbangda",
    "Dinas Pertanian",
    "Disparbud",
    "PUPR",
]
PROGRAMMES = ["PKH", "BPNT", "KIS", "BLT", "RTLH", "PIP", "KIP", "BPUM", "Prakerja", "BSU", "PBI", "SKTM",
              "PPDB", "PTSL", "BLT-DD", "Jamkesda", "bedah rumah", "UHC"]  # fmt: skip
INSTITUTIONS = ["PDAM", "PLN", "BPJS Kesehatan", "BPJS Ketenagakerjaan", "Bank Jatim", "Kantor Pos", "Telkom",
                "Pertamina", "Perumda Air Minum", "ULP PLN Pasuruan", "BRI Unit Bugul"]  # fmt: skip
BRANDS = ["Indomaret", "Alfamart", "Gojek", "Shopee", "Grab", "Mie Gacoan", "WhatsApp", "Google Maps",
          "Instagram", "Telkomsel", "Pegadaian"]  # fmt: skip
PUBLIC_HANDLES = ["@pemkotpasuruan", "@dlh.kotapasuruan", "@dishub_kotapasuruan", "@humaspemkotpasuruan",
                  "@lapor1708", "@satpolpp_kotapasuruan", "@pdam_kotapasuruan"]  # fmt: skip
ROLES_ALONE = ["Pak RT", "Bu RT", "Pak RW", "Pak Lurah", "Bu Lurah", "Pak Camat", "Pak Wali", "Bu Wali",
               "Walikota Pasuruan", "Bapak Walikota", "babinsa", "Bhabinkamtibmas", "kader posyandu",
               "Kapolsek", "Pak Kades", "petugas DLH", "Kepala Dinas PUPR", "Kasatpol PP"]  # fmt: skip
ROLE_TITLES = ["Lurah {kel}", "Camat {kec}", "Kepala Puskesmas {kel}", "Kasi Trantib Kecamatan {kec}",
               "Sekretaris Kelurahan {kel}", "Kepala Sekolah SDN {kel} {n1}", "Kepala Dinas PUPR",
               "Kabid Persampahan DLH", "Ketua RT {rt}", "Ketua RW {rw}", "Kapolsek {kec}", "Kasi Pemerintahan",
               "Kepala UPT Parkir Dishub", "Direktur RSUD dr. R. Soedarsono", "Kasi Kesra Kelurahan {kel}"]  # fmt: skip
OCCUPATIONS = ["petugas", "petugas parkir", "petugas loket", "sopir truk sampah", "satpam", "kurir", "tukang parkir",
               "mandor proyek", "pegawai kelurahan", "staf Dispendukcapil", "operator", "bidan", "perawat",
               "guru", "kader", "juru parkir", "oknum petugas", "pedagang"]  # fmt: skip
REGULATIONS = ["Perda Kota Pasuruan No. {n2} Tahun 20{yy}", "Perwali No. {n2} Tahun 20{yy}",
               "UU No. 25 Tahun 2009", "UU Nomor 27 Tahun 2022", "PP No. {n2} Tahun 20{yy}",
               "Surat Edaran Walikota Nomor 100/{n3}/423.011/20{yy}"]  # fmt: skip
BANKS = ["BRI", "BCA", "BNI", "Mandiri", "BSI", "BTN", "Bank Jatim", "CIMB Niaga", "Danamon"]
EMAIL_DOMAINS = ["gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "ymail.com", "hotmail.com"]

# --------------------------------------------------------------------------- the builder


class Ctx:
    """One text being generated: a random source, the sender, the place, and the segments."""

    def __init__(self, rng: random.Random, names: str) -> None:
        self.rng = rng
        self.pool = {g: [n for n in ALL_NAMES[g] if names == "all" or _half(n) == names] for g in ("m", "f")}
        self.gender = rng.choice("mf")
        self.me = self.name(self.gender)
        if rng.random() < 0.75:
            self.kec = rng.choice(list(KEC_KEL))
            self.kel = rng.choice(KEC_KEL[self.kec])
        else:
            self.kec = rng.choice(list(OTHER_KEC_KEL))
            self.kel = rng.choice(OTHER_KEC_KEL[self.kec])
        self.street = rng.choice(STREETS)
        self.rt, self.rw = rng.randint(1, 15), rng.randint(1, 12)
        self.topic = ""

    def name(self, gender: str | None = None) -> str:
        gender = gender or self.rng.choice("mf")
        return self.rng.choice(self.pool[gender])

    def other(self) -> tuple[str, str]:
        gender = self.rng.choice("mf")
        name = self.name(gender)
        while name == self.me and len(self.pool[gender]) > 1:
            name = self.name(gender)
        return name, gender

    def fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            kel=self.kel,
            kec=self.kec,
            n1=rng.randint(1, 9),
            n2=rng.randint(1, 30),
            n3=rng.randint(100, 999),
            yy=rng.randint(10, 26),
            rt=rng.randint(1, 15),
            rw=rng.randint(1, 12),
        )


def _d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _pick(rng: random.Random, options: list[tuple[float, object]]) -> object:
    total = sum(w for w, _ in options)
    x = rng.random() * total
    for w, o in options:
        x -= w
        if x <= 0:
            return o
    return options[-1][1]


# --------------------------------------------------------------------------- identifiers


def _nik_digits(rng: random.Random, female: bool | None = None) -> str:
    region = rng.choice(["3575", "3514", "3573", "3574", "3515", "3578", "3509", "3513"])
    kec = f"{rng.randint(1, 24):02d}"
    day = rng.randint(1, 28) + (40 if (female if female is not None else rng.random() < 0.5) else 0)
    birth = f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(40, 99) if rng.random() < 0.8 else rng.randint(0, 8):02d}"
    return region + kec + birth + f"{rng.randint(1, 3000):04d}"


def _group16(rng: random.Random, digits: str) -> str:
    style = rng.choice(["plain", "plain", "plain", "space4", "dot4", "bps", "dash4", "space_odd"])
    if style == "plain":
        return digits
    if style == "space4":
        return " ".join(digits[i : i + 4] for i in range(0, 16, 4))
    if style == "dot4":
        return ".".join(digits[i : i + 4] for i in range(0, 16, 4))
    if style == "dash4":
        return "-".join(digits[i : i + 4] for i in range(0, 16, 4))
    if style == "bps":  # 35.75.01.230487.0001
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:12]}.{digits[12:]}"
    return f"{digits[:6]} {digits[6:12]} {digits[12:]}"


def nik(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    digits = _nik_digits(rng, ctx.gender == "f")
    typo = rng.random() < 0.12
    if typo:  # 15 or 17 digits: a cue word is always there
        digits = digits[:-1] if rng.random() < 0.5 else digits + str(rng.randint(0, 9))
        shown = digits if rng.random() < 0.6 else " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    else:
        shown = _group16(rng, digits)
    cue = rng.choice(["NIK ", "NIK: ", "NIK. ", "nik ", "NIK saya ", "No. NIK ", "no KTP ", "NIK : ", "e-KTP: ",
                      "nomor induk kependudukan ", "Nik "])  # fmt: skip
    return [(cue, None), (shown, "nik")]


def nik_bare(ctx: Ctx) -> list[Seg]:
    return [(_group16(ctx.rng, _nik_digits(ctx.rng)), "nik")]


def kk(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    digits = (
        _nik_digits(rng)[:6] + f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 25):02d}" + _d(rng, 4)
    )
    cue = rng.choice(["No. KK ", "No KK: ", "nomor KK ", "KK: ", "no. kartu keluarga ", "Nomor Kartu Keluarga: ",
                      "NKK ", "no kk "])  # fmt: skip
    return [(cue, None), (_group16(rng, digits), "kk")]


def npwp(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    cue = rng.choice(["NPWP ", "NPWP: ", "npwp ", "No. NPWP ", "NPWP saya "])
    if rng.random() < 0.65:
        d = _d(rng, 15)
        shown = f"{d[:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:]}" if rng.random() < 0.75 else d
    else:
        shown = _group16(rng, _nik_digits(rng)) if rng.random() < 0.5 else "0" + _d(rng, 15)
    return [(cue, None), (shown, "npwp")]


def _mobile(rng: random.Random) -> str:
    prefix = rng.choice(["812", "813", "821", "822", "852", "853", "856", "857", "858", "877", "878", "895", "896",
                         "838", "831", "881", "882", "811"])  # fmt: skip
    return prefix + _d(rng, rng.choice([7, 8, 8, 8, 9]))


def phone_shown(rng: random.Random) -> str:
    m = _mobile(rng)
    style = _pick(rng, [(5, "plain"), (2, "dash"), (2, "space"), (1, "dot"), (2, "plus"), (1, "plusspace"),
                        (1, "62"), (1, "62space"), (1.2, "landline"), (0.5, "land_dash")])  # fmt: skip
    if style == "plain":
        return "0" + m
    if style == "dash":
        return f"0{m[:3]}-{m[3:7]}-{m[7:]}"
    if style == "space":
        return f"0{m[:3]} {m[3:7]} {m[7:]}"
    if style == "dot":
        return f"0{m[:3]}.{m[3:7]}.{m[7:]}"
    if style == "plus":
        return "+62" + m
    if style == "plusspace":
        return f"+62 {m[:3]} {m[3:7]} {m[7:]}"
    if style == "62":
        return "62" + m
    if style == "62space":
        return f"62 {m[:3]}-{m[3:7]}-{m[7:]}"
    area = rng.choice(["0343", "0341", "031", "0335", "0343"])
    local = str(rng.randint(2, 8)) + _d(rng, 5 if area == "0343" and rng.random() < 0.5 else 6)
    if style == "landline":
        return f"({area}) {local}"
    return f"{area}-{local}"


def phone(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    if rng.random() < 0.07:
        return [(rng.choice(["wa.me/", "https://wa.me/"]), "telepon"), ("62" + _mobile(rng), "telepon")]
    cue = rng.choice(["HP ", "No. HP ", "no hp ", "WA ", "WA: ", "wa ", "Telp. ", "nomor saya ", "No. WA ", "hp/wa ",
                      "kontak ", "Telp/WA: ", "nmr ", "hub. ", "", ""])  # fmt: skip
    return [(cue, None), (phone_shown(rng), "telepon")]


def email(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    words = re.sub(r"[^a-z ]", "", ctx.me.lower()).split() or ["warga"]
    user = rng.choice([".".join(words), "".join(words), "_".join(words[:2]), words[0] + _d(rng, 2),
                       words[-1] + "." + words[0][:1] + _d(rng, 3), words[0] + "_" + rng.choice(["pasuruan", "psr", "jatim"])])  # fmt: skip
    address = f"{user}@{rng.choice(EMAIL_DOMAINS)}"
    cue = rng.choice(["email ", "Email: ", "e-mail ", "surel: ", "email saya ", ""])
    return [(cue, None), (address, "email")]


def plate(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    region = rng.choice(["N", "N", "N", "L", "W", "S", "AG", "B", "P", "AE", "DK", "KT"])
    num = str(rng.randint(1, 9999)) if rng.random() < 0.85 else str(rng.randint(1, 99))
    suffix = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(rng.choice([1, 2, 2, 2, 3])))
    style = rng.random()
    if style < 0.7:
        shown = f"{region} {num} {suffix}"
    elif style < 0.85:
        shown = f"{region}{num}{suffix}".lower() if rng.random() < 0.6 else f"{region}{num}{suffix}"
    else:
        shown = f"{region}-{num}-{suffix}"
    vehicle = rng.choice(["motor ", "mobil ", "truk ", "Nopol ", "nopol ", "plat nomor ", "motor Beat ", "pick up ",
                          "mobil Avanza hitam ", "plat ", "kendaraan dinas "])  # fmt: skip
    return [(vehicle, None), (shown, "nopol")]


def rekening(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    bank = rng.choice(BANKS)
    if bank == "BRI":
        d = _d(rng, 15)
        shown = rng.choice(
            [d, f"{d[:4]}-{d[4:6]}-{d[6:12]}-{d[12:14]}-{d[14]}", f"{d[:4]} {d[4:6]} {d[6:12]} {d[12:]}"]
        )
    elif bank == "Mandiri":
        d = _d(rng, 13)
        shown = rng.choice([d, f"{d[:3]}-{d[3:5]}-{d[5:]}"])
    else:
        d = _d(rng, 10)
        shown = rng.choice([d, f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]}-{d[3:6]}-{d[6:]}"])
    cue = rng.choice([f"no rek {bank} ", f"rek. {bank} ", f"rekening {bank} nomor ", f"ke rekening {bank} ",
                      "No. Rek: ", f"norek {bank} ", f"transfer ke {bank} ", f"{bank} "])  # fmt: skip
    return [(cue, None), (shown, "rekening")]


def bpjs(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    d = "000" + _d(rng, 10)
    shown = d if rng.random() < 0.8 else f"{d[:4]} {d[4:8]} {d[8:]}"
    cue = rng.choice(["No. BPJS ", "nomor BPJS Kesehatan ", "no kartu KIS ", "no. peserta JKN ", "BPJS: ",
                      "nomor kartu BPJS saya ", "no BPJS "])  # fmt: skip
    return [(cue, None), (shown, "bpjs")]


def paspor(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    letter = rng.choice("ABCEX")
    shown = rng.choice([f"{letter}{_d(rng, 7)}", f"{letter} {_d(rng, 7)}", f"{letter}{_d(rng, 7)}"])
    cue = rng.choice(["paspor ", "nomor paspor ", "No. Paspor: ", "passport no. ", "paspor no "])
    return [(cue, None), (shown, "paspor")]


def _handle(ctx: Ctx, name: str) -> str:
    rng = ctx.rng
    words = re.sub(r"[^a-z ]", "", name.lower()).split() or ["warga"]
    return rng.choice(["_".join(words), "".join(words) + _d(rng, 2), words[0] + "." + words[-1], words[0] + "_psr",
                       "real" + words[0], words[0] + rng.choice(["gans", "cantik", "88", "_official", "123"])])  # fmt: skip


def akun(ctx: Ctx, name: str | None = None) -> list[Seg]:
    rng = ctx.rng
    name = name or ctx.other()[0]
    h = _handle(ctx, name)
    form = rng.randint(0, 7)
    if form == 0:
        return [("@" + h, "akun")]
    if form == 1:
        return [(rng.choice(["ig: ", "IG: ", "ig ", "Instagram: "]), None), (h, "akun")]
    if form == 2:
        return [(rng.choice(["fb: ", "FB ", "facebook: ", "Fb: "]), None), (name, "akun")]
    if form == 3:
        return [(rng.choice(["tiktok ", "TikTok: ", "tiktok: "]), None), ("@" + h, "akun")]
    if form == 4:
        return [(rng.choice(["facebook.com/", "https://www.facebook.com/", "fb.com/"]) + h.replace("_", "."), "akun")]
    if form == 5:
        return [(rng.choice(["instagram.com/", "https://instagram.com/"]) + h, "akun")]
    if form == 6:
        return [(rng.choice(["akun ig ", "akun IG-nya ", "IG nya "]), None), ("@" + h, "akun")]
    return [(rng.choice(["twitter ", "X: "]), None), ("@" + h, "akun")]


# --------------------------------------------------------------------------- addresses


def street(ctx: Ctx, name: str | None = None) -> list[Seg]:
    return [(ctx.rng.choice(STREET_OPENERS) + (name or ctx.street), "street")]


def any_street(ctx: Ctx) -> list[Seg]:
    return street(ctx, ctx.street if ctx.rng.random() < 0.4 else ctx.rng.choice(STREETS))


def _house_no(rng: random.Random) -> str:
    n = str(rng.randint(1, 199))
    return rng.choice([n, n, n + rng.choice("ABC"), f"{n}A", f"{n}/{rng.randint(1, 9)}"])


def _rtrw(ctx: Ctx) -> str:
    rng = ctx.rng
    rt, rw = ctx.rt, ctx.rw
    return rng.choice([
        f"RT {rt:02d} RW {rw:02d}", f"RT.{rt:03d}/RW.{rw:03d}", f"RT {rt}/RW {rw}", f"RT {rt:02d}/{rw:02d}",
        f"rt {rt} rw {rw}", f"RT.{rt:02d} RW.{rw:02d}", f"RT 0{rt}/0{rw}", f"RT{rt:02d}/RW{rw:02d}",
    ])  # fmt: skip


def home_address(ctx: Ctx, full: bool = True) -> list[Seg]:
    """A home address: street kept, number and RT/RW redacted; kelurahan/kecamatan kept."""
    rng = ctx.rng
    segs: list[Seg] = []
    kind = rng.random()
    if kind < 0.6:
        segs += street(ctx)
        segs += [(rng.choice([" No. ", " no ", " No.", " Nomor ", " no. ", " "]), None), (_house_no(rng), "alamat")]
    elif kind < 0.78:
        g = rng.choice(GANGS)
        if rng.random() < 0.5:
            segs += [(f"Gg. {g} {rng.choice(['I', 'II', 'III', 'IV'])}/", None), (str(rng.randint(1, 60)), "alamat")]
        else:
            segs += [(rng.choice(["Gg. ", "Gang ", "gg "]) + g + rng.choice([" No. ", " no "]), None),
                     (str(rng.randint(1, 60)), "alamat")]  # fmt: skip
    else:
        perum = rng.choice(PERUMS)
        block = f"{rng.choice('ABCDEFGH')}{rng.choice(['-', '', ' ', '/'])}{rng.randint(1, 40)}"
        segs += [(perum, "street"), (" Blok ", None), (block, "alamat")]
        if rng.random() < 0.3:
            segs += [(" No. ", None), (str(rng.randint(1, 30)), "alamat")]
    if full and rng.random() < 0.75:
        segs += [(rng.choice([" ", ", ", " "]), None), (_rtrw(ctx), "alamat")]
    if full and rng.random() < 0.7:
        segs += [(rng.choice([", Kel. ", " Kelurahan ", ", kel ", ", Desa "]), None), (ctx.kel, "place")]
        if rng.random() < 0.6:
            segs += [(rng.choice([", Kec. ", ", Kecamatan ", " kec "]), None), (ctx.kec, "place")]
    return segs


# --------------------------------------------------------------------------- names


def _is_chinese(name: str) -> bool:
    return name.split()[0] in _CHINESE or name.split()[-1] in {"Wijaya", "Halim", "Tjandra", "Liem", "Tanujaya"}


def honorific(ctx: Ctx, name: str, gender: str) -> str:
    rng = ctx.rng
    if _is_chinese(name) and rng.random() < 0.4:
        return rng.choice(_HON_CHINESE_M if gender == "m" else _HON_CHINESE_F)
    return rng.choice(_HON_M if gender == "m" else _HON_F)


def person(ctx: Ctx, mode: str = "any", name: str | None = None, gender: str | None = None) -> list[Seg]:
    """A person's name: bare, with an honorific (kept), or with titles and degrees (unlabelled)."""
    rng = ctx.rng
    if name is None:
        name, gender = ctx.other()
    gender = gender or "m"
    first = name.split()[0]
    if mode == "first" and len(first) > 2 and not first.endswith(".") and first not in _CHINESE:
        shown = first
    else:
        shown = name
    if mode == "any":
        mode = rng.choice(["bare", "hon", "hon", "hon", "title"])
    if mode == "hon":
        return [(honorific(ctx, name, gender) + " ", None), (shown, "nama")]
    if mode == "title":
        segs: list[Seg] = []
        if rng.random() < 0.4:
            segs.append((honorific(ctx, name, gender) + " ", None))
        segs.append((rng.choice(_TITLES_M if gender == "m" else _TITLES_F) + " ", None))
        segs.append((shown, "nama"))
        if rng.random() < 0.4:
            segs.append((rng.choice(_DEGREES), None))
        return segs
    return [(shown, "nama")]


def official(ctx: Ctx) -> list[Seg]:
    """'Lurah Trajeng, Bapak Suyanto' / 'Camat Purworejo (Ibu Hj. Sumarni)' / 'Kasi Trantib Pak Heru'."""
    rng = ctx.rng
    role = ctx.fill(rng.choice(ROLE_TITLES))
    name, gender = ctx.other()
    form = rng.randint(0, 4)
    if form == 0:
        return [(role, "role"), (", ", None), *person(ctx, "hon", name, gender)]
    if form == 1:
        return [(role, "role"), (" (", None), *person(ctx, rng.choice(["hon", "title"]), name, gender), (")", None)]
    if form == 2:
        return [(role, "role"), (" yaitu ", None), *person(ctx, "hon", name, gender)]
    if form == 3:
        return [(role, "role"), (" ", None), *person(ctx, rng.choice(["bare", "title", "hon"]), name, gender)]
    return [*person(ctx, "hon", name, gender), (" selaku ", None), (role, "role")]


def worker(ctx: Ctx) -> list[Seg]:
    """'petugas parkir bernama Sakeri' / 'sopir truk DLH, Pak Wagiman' / 'oknum petugas berinisial AS'."""
    rng = ctx.rng
    occ = rng.choice(OCCUPATIONS)
    name, gender = ctx.other()
    form = rng.randint(0, 4)
    if form == 0:
        return [(occ + rng.choice([" bernama ", " yg bernama ", " namanya ", " atas nama "]), None),
                *person(ctx, "bare", name, gender)]  # fmt: skip
    if form == 1:
        return [(occ + " ", None), (rng.choice(AGENCIES), "agency"), (", ", None), *person(ctx, "hon", name, gender)]
    if form == 2:
        return [(occ + " ", None), *person(ctx, "hon", name, gender)]
    if form == 3:
        return [(occ + " ", None), *person(ctx, "bare", name, gender)]
    return [(occ + " ", None), *person(ctx, "first", name, gender)]


def aged(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    name, gender = ctx.other()
    age = rng.randint(5, 85)
    after = rng.choice([f" ({age} th)", f" ({age} tahun)", f", {age} thn,", f" usia {age} tahun", f" (umur {age})"])
    mode = rng.choice(["bare", "hon", "hon"])
    return [*person(ctx, mode, name, gender), (after, None)]


# --------------------------------------------------------------------------- public phrases


def facility(ctx: Ctx) -> list[Seg]:
    kind = TOPIC_FACILITY.get(ctx.topic, "public") if ctx.rng.random() < 0.85 else "public"
    return [(ctx.fill(ctx.rng.choice(FACILITIES[kind])), "facility")]


def agency(ctx: Ctx) -> list[Seg]:
    topical = TOPIC_AGENCY.get(ctx.topic)
    pool = topical if topical and ctx.rng.random() < 0.8 else AGENCIES
    return [(ctx.rng.choice(pool), "agency")]


def programme(ctx: Ctx) -> list[Seg]:
    return [(ctx.rng.choice(PROGRAMMES), "programme")]


TOPIC_INSTITUTION = {"air": ["PDAM", "Perumda Air Minum", "PDAM Kota Pasuruan"], "lampu": ["PLN", "ULP PLN Pasuruan"],
                     "bpjs": ["BPJS Kesehatan", "BPJS", "JKN-KIS", "BPJS Ketenagakerjaan"],
                     "kesehatan": ["BPJS Kesehatan", "BPJS"], "jalan": ["PDAM", "PLN", "Telkom"]}  # fmt: skip


def institution(ctx: Ctx) -> list[Seg]:
    topical = TOPIC_INSTITUTION.get(ctx.topic)
    pool = topical if topical and ctx.rng.random() < 0.85 else INSTITUTIONS
    return [(ctx.rng.choice(pool), "institution")]


def initials(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    a, b = rng.choice("ABDEFHIJKMNRSTWY"), rng.choice("ABDEFHIJKMNRSTWY")
    return [(rng.choice([f"{a}{b}", f"{a}.{b}.", f"{a}{b}"]), "nama")]


def place_kel(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    cue = rng.choice(["Kelurahan ", "Kel. ", "kel ", "kelurahan ", "Desa ", "desa ", "warga ", "daerah ", "Kampung "])
    return [(cue, None), (ctx.kel, "place")]


def place_kec(ctx: Ctx) -> list[Seg]:
    return [(ctx.rng.choice(["Kecamatan ", "Kec. ", "kec ", "kecamatan "]), None), (ctx.kec, "place")]


def city(ctx: Ctx) -> list[Seg]:
    return [(ctx.rng.choice(CITIES), "place")]


def amount(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    n = rng.choice([5, 10, 15, 20, 25, 50, 75, 100, 150, 200, 250, 300, 350, 500, 750])
    big = rng.choice([1, 1.5, 2, 2.5, 3, 5, 7, 10, 15, 25])
    big_s = str(big).replace(".", ",").removesuffix(",0")
    forms = [
        f"Rp {n}.000",
        f"Rp{n}.000,-",
        f"Rp. {n}.000,00",
        f"{n}rb",
        f"{n} ribu",
        f"Rp {big_s} juta",
        f"{big_s}jt",
        f"Rp{int(big * 1_000_000):,}".replace(",", ".") + ",-",
        f"Rp {int(big * 1_000_000):,}".replace(",", "."),
        f"IDR {n}.000",
        f"{n}k",
        f"rp {n}rb",
        f"Rp {big_s} jt",
        f"{n}.000 rupiah",
        f"Rp {n} ribu",
    ]
    return [(rng.choice(forms), "amount")]


_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"]  # fmt: skip


def date(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2025, 2026, 2026])
    forms = [
        f"{rng.choice(_DAYS)} {d}/{m}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d}/{m}/{y}",
        f"{d} {_MONTHS[m - 1]} {y}",
        f"tgl {d}/{m}",
        f"{d} {_MONTHS[m - 1][:3]}",
        f"{y}-{m:02d}-{d:02d}",
        f"{rng.choice(_DAYS)} ({d}/{m})",
        f"{d}-{m}-{y % 100:02d}",
        f"{d:02d}.{m:02d}.{y}",
        f"tanggal {d} {_MONTHS[m - 1]}",
        f"{_MONTHS[m - 1]} {y}",
    ]
    return [(rng.choice(forms), "date")]


def time_(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    h, mi = rng.randint(1, 12), rng.choice([0, 15, 30, 45])
    forms = [
        f"jam {h} {rng.choice(['pagi', 'siang', 'sore', 'malam'])}",
        f"pukul {h + 7:02d}.{mi:02d} WIB",
        f"jam {h + 7:02d}.{mi:02d}",
        f"pkl {h + 7:02d}:{mi:02d}",
        f"{h + 7:02d}.{mi:02d} WIB",
        f"jam {h}an",
        f"jam {h + 7:02d}.{mi:02d}-{h + 8:02d}.{mi:02d}",
        f"pukul {h}",
        f"{h + 7}:{mi:02d}",
    ]
    return [(rng.choice(forms), "time")]


def duration(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    n = rng.randint(2, 30)
    forms = [f"{n} hari", f"{n} minggu", f"{n} bulan", f"{n} kali", f"{n}x", f"{n} hr", f"{n} bln", f"{n} thn",
             f"{n} mgg", f"{n} tahun", f"{n} jam"]  # fmt: skip
    return [(rng.choice(forms), "count")]


def quantity(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    n = rng.randint(2, 60)
    forms = [f"{n} KK", f"{n} rumah", f"{n} orang", f"{n} warga", f"{n} titik", f"{n} lampu", f"{n} tiang",
             f"{n} lubang", f"{n} unit", f"lebih dari {n} warga", f"{n} KK terdampak", f"{n} jiwa", f"{n} org"]  # fmt: skip
    return [(rng.choice(forms), "count")]


def count(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    n = rng.randint(2, 60)
    forms = [
        f"{n} KK terdampak",
        f"{n} rumah",
        f"{n} hari",
        f"{n} minggu",
        f"{n} bulan",
        f"{n} tiang",
        f"{n * 10} meter",
        f"{n} orang",
        f"{n} kali",
        f"ke-{rng.randint(2, 5)}",
        f"{n} titik",
        f"{n}x",
        f"{n} lubang",
        f"{n} KK",
        f"lebih dari {n} warga",
        f"{n} thn",
        f"{n} lampu",
        f"{n} truk",
        f"{n} unit",
    ]
    return [(rng.choice(forms), "count")]


def rt_alone(ctx: Ctx) -> list[Seg]:
    rng = ctx.rng
    shown = rng.choice([f"RT {rng.randint(1, 15)}", f"RT {rng.randint(1, 15):02d}", f"RW {rng.randint(1, 12)}",
                        f"RT {rng.randint(1, 9)}"])  # fmt: skip
    return [(shown, "rt_alone")]


def role_alone(ctx: Ctx) -> list[Seg]:
    return [(ctx.rng.choice(ROLES_ALONE), "role")]


def brand(ctx: Ctx) -> list[Seg]:
    return [(ctx.rng.choice(BRANDS), "brand")]


def regulation(ctx: Ctx) -> list[Seg]:
    return [(ctx.fill(ctx.rng.choice(REGULATIONS)), "reference")]


def public_handle(ctx: Ctx) -> list[Seg]:
    return [(ctx.rng.choice(PUBLIC_HANDLES), "handle_public")]


# --------------------------------------------------------------------------- sentences
# {slot} names a function below; {me}, {me_first}, {me_hon} are the sender.

SLOTS = {
    "nik": nik, "nik_bare": nik_bare, "kk": kk, "npwp": npwp, "phone": phone, "email": email, "phone_bare": lambda c: [(phone_shown(c.rng), "telepon")],
    "email_bare": lambda c: email(c)[1:], "plate": plate,
    "rek": rekening, "bpjs": bpjs, "paspor": paspor, "akun": akun, "addr": home_address,
    "addr_short": lambda c: home_address(c, full=False), "street": any_street, "fac": facility, "agency": agency,
    "prog": programme, "inst": institution, "kel": place_kel, "kec": place_kec, "city": city, "amount": amount,
    "date": date, "time": time_, "initials": initials, "count": count, "dur": duration, "qty": quantity, "rt": rt_alone, "role": role_alone, "brand": brand,
    "reg": regulation, "phandle": public_handle, "official": official, "worker": worker, "aged": aged,
    "person": lambda c: person(c, "any"), "pbare": lambda c: person(c, "bare"), "phon": lambda c: person(c, "hon"),
    "pfirst": lambda c: person(c, "first"), "ptitle": lambda c: person(c, "title"),
    "me": lambda c: person(c, "bare", c.me, c.gender), "me_first": lambda c: person(c, "first", c.me, c.gender),
    "me_hon": lambda c: person(c, "hon", c.me, c.gender), "me_akun": lambda c: akun(c, c.me),
    # the sender's own RT: a neighbourhood all the same, public (docs/redaction.md, "Addresses and neighbourhoods")
    "my_rt": rt_alone,
    "dist": lambda c: [(f"{c.rng.randint(1, 9) * 100} meter", "count")], "kel_name": lambda c: [(c.kel, "place")], "kec_name": lambda c: [(c.kec, "place")],
    "street_name": lambda c: street(c),
}  # fmt: skip

BODY = {
    "sampah": [
        "Sampah di depan {fac} sudah {dur} tidak diangkut, baunya sampai ke rumah warga.",
        "Tolong {agency} segera angkut sampah di {street}, sudah menumpuk sejak {date}.",
        "Tetangga saya {pbare} setiap malam membuang sampah ke {fac}, sudah ditegur {phon} tapi tetap saja.",
        "{pbare} dan {pbare} sering bakar sampah di belakang rumah, asapnya masuk ke rumah saya.",
        "Truk sampah {agency} dengan {plate} tidak datang lagi {time}, sopirnya {phon} bilang armada rusak.",
        "Kemarin sore {pbare} membuang kasur bekas ke {fac}, ada videonya.",
        "Iuran sampah naik jadi {amount} per bulan tanpa musyawarah, yang menarik {phon} dari {role}.",
        "TPS di {kel} penuh, sampah meluber sampai ke {street}.",
        "Sudah lapor ke {role} dan {official} tapi belum ada tindak lanjut.",
        "Pengangkutan sampah oleh {worker} dimintai uang {amount} tiap minggu.",
    ],
    "jalan": [
        "Jalan di {street} berlubang besar, sudah {qty} warga jatuh dari motor.",
        "Mohon {agency} memperbaiki jalan rusak di {street} depan {fac}, panjangnya sekitar {dist}.",
        "Saluran air di {street} tersumbat sejak {date}, kalau hujan {time} langsung banjir.",
        "Proyek galian di {street} dikerjakan {worker} tanpa rambu, {aged} terperosok ke lubang.",
        "Paving di {kel} rusak setelah proyek {inst}, sudah lapor ke {official}.",
        "Jembatan di dekat {fac} retak, tolong dicek {agency} sebelum ada korban.",
        "Anak saya {pbare} jatuh di jalan berlubang {street} {date} {time}, lukanya dijahit di {fac}.",
        "Gorong-gorong di {street} ambles, mobil {pbare} sampai terperosok.",
    ],
    "lampu": [
        "Lampu PJU di {street} mati sudah {dur}, rawan begal kalau malam.",
        "{qty} lampu jalan di {kel} padam, sudah lapor ke {agency} lewat {brand} tapi belum diperbaiki.",
        "Tiang listrik {inst} di depan rumah {phon} miring, khawatir roboh.",
        "Kabel {inst} menjuntai di {street} dekat {fac}, sangat berbahaya untuk anak sekolah.",
        "Listrik padam {time} sampai subuh, petugas {inst} atas nama {pbare} bilang besok baru dicek.",
    ],
    "air": [
        "Air {inst} di {kel} mati sejak {date}, tagihan tetap {amount}.",
        "Meteran air rumah {phon} bocor, sudah lapor ke {inst} {dur} tapi belum datang.",
        "Tagihan {inst} saya bulan ini {amount} padahal biasanya {amount}, mohon dicek.",
        "Pipa {inst} pecah di {street} dan airnya terbuang, sudah {dur}.",
        "Air keruh dan berbau di {kel}, warga {rt} terpaksa beli air galon {amount}.",
    ],
    "bansos": [
        "Saya penerima {prog} tapi sejak {date} bantuan tidak cair, padahal {dur} lalu masih dapat.",
        "Bantuan {prog} di {kel} salah sasaran, {pbare} punya mobil tapi tetap dapat.",
        "Orang tua saya {aged} tidak pernah dapat {prog} padahal sangat tidak mampu.",
        "{official} meminta potongan {amount} dari setiap penerima {prog}.",
        "Nama ibu saya {pbare} hilang dari data {prog}, mohon dicek {agency}.",
        "Pendamping {prog} {phon} sulit dihubungi, {kel_name} belum ada pencairan {prog}.",
        "Kartu {prog} atas nama {pbare} sudah {dur} tidak bisa dipakai di {brand}.",
        "Tetangga saya yang mampu malah dapat {prog}, sedangkan {aged} yang janda tidak dapat.",
        "Tolong tanya ke {role}, kenapa {prog} untuk {qty} di {rt} belum cair.",
    ],
    "adminduk": [
        "Sudah {dur} mengurus KK di {agency} belum jadi, {worker} bilang blangko habis.",
        "KK saya hilang, mohon info syarat cetak ulang di {agency}.",
        "E-KTP anak saya {pbare} salah tulis tanggal lahir, mohon dibantu perbaikan.",
        "Saya mengurus akta kelahiran di {fac} dimintai uang {amount} oleh {worker}.",
        "Data kependudukan saya ganda, {nik} dan {nik} terdaftar atas nama saya.",
        "Pelayanan di {agency} lambat, antre dari {time} baru dipanggil {time}.",
        "Mohon bantuan pindah domisili dari {city} ke {kel}, berkas sudah diserahkan ke {phon} di loket.",
    ],
    "kesehatan": [
        "Pelayanan di {fac} sangat lambat, ibu saya {pbare} menunggu dari {time} sampai {time}.",
        "Kartu {prog} saya ditolak di {fac}, padahal iuran {inst} sudah dibayar.",
        "Petugas pendaftaran {fac} {phon} bersikap kasar kepada pasien lansia.",
        "Anak saya {aged} dirujuk ke {fac} tapi ambulans tidak tersedia.",
        "Obat di {fac} kosong, disuruh beli di apotek sendiri {amount}.",
        "{ptitle} di {fac} tidak datang sesuai jadwal praktik {time}.",
        "Mohon {agency} mengecek kader {phon} yang menarik biaya {amount} di {fac}.",
    ],
    "sekolah": [
        "Anak saya {pbare} tidak diterima di {fac} lewat jalur zonasi {prog} padahal rumah hanya {dist} dari sekolah.",
        "Sekolah {fac} menarik uang seragam {amount}, kata {official} itu wajib.",
        "Dana {prog} anak saya {pbare} tidak sampai, dipotong {amount} oleh oknum.",
        "Guru di {fac} atas nama {pbare} sering memukul murid.",
        "Atap kelas di {fac} bocor sejak {date}, siswa belajar di lantai sudah {dur}.",
    ],
    "parkir": [
        "Parkir liar di depan {brand} {street} bikin macet, jukirnya {pbare} minta {amount}.",
        "Ada {plate} parkir di trotoar {street} setiap hari sejak {date}.",
        "{worker} menarik parkir {amount} padahal ada tulisan parkir gratis di {fac}.",
        "Pengendara {plate} ugal-ugalan di {street} {time}, hampir menabrak anak sekolah.",
        "Mobil tetangga saya {pbare} dengan {plate} selalu menutup jalan gang.",
        "Truk proyek {plate} sering lewat {street} padahal dilarang, mohon {agency} menindak.",
        "Motor saya {plate} hilang di parkiran {fac} {date}, petugas tidak mau bertanggung jawab.",
    ],
    "pkl": [
        "PKL di {street} memakan badan jalan, mohon {agency} menertibkan.",
        "Lapak {pbare} di depan {fac} menutup saluran air.",
        "{agency} menyita gerobak ibu saya {pbare} tanpa surat, padahal sudah bayar retribusi {amount}.",
        "Warung karaoke milik {phon} di {kel} buka sampai {time}, sangat mengganggu.",
    ],
    "banjir": [
        "Banjir setinggi lutut di {kel}, {qty}, mohon bantuan {agency}.",
        "Rumah {aged} terendam sejak {date}, belum ada bantuan dari {agency}.",
        "Tanggul {fac} jebol {time}, air masuk ke {qty}.",
        "Pohon tumbang di {street} menimpa rumah {phon}, mohon {agency} segera datang.",
        "Warga {rt} butuh perahu karet, masih ada {qty} belum dievakuasi.",
    ],
    "rumah": [
        "Rumah {aged} hampir roboh, mohon diusulkan program {prog}.",
        "Sudah diusulkan {prog} sejak {date} lewat {official} tapi tidak ada kabar.",
        "Bantuan {prog} untuk rumah {phon} dikerjakan asal-asalan oleh {worker}.",
    ],
    "pungli": [
        "Saya dimintai {amount} oleh {official} untuk mengurus surat domisili.",
        "{worker} meminta uang rokok {amount} supaya berkas cepat diproses.",
        "Oknum {agency} berinisial {initials} meminta {amount} di pos jaga {street}.",
        "Uang saya {amount} sudah ditransfer ke {rek} tapi surat belum jadi.",
        "Yang menerima uang itu {pbare}, dia bilang suruhan {official}.",
    ],
    "zakat": [
        "Bantuan {agency} untuk {aged} belum diterima padahal sudah disurvei {date}.",
        "Mohon info pencairan bantuan modal {agency}, proposal sudah masuk lewat {phon}.",
    ],
    "pajak": [
        "Tagihan PBB rumah saya {amount}, padahal tahun lalu {amount}, mohon penjelasan {agency}.",
        "Saya sudah bayar pajak daerah lewat {brand} {date} tapi status masih belum lunas, {npwp}.",
        "Bukti potong atas {npwp} belum dikirim oleh {agency}.",
    ],
    "paspor": [
        "Pengurusan paspor saya di {agency} sudah {dur} belum selesai, {paspor}.",
        "Paspor anak saya {pbare} tertahan di {agency}, {paspor}, mohon dibantu.",
    ],
    "penipuan": [
        "Ada yang mengaku petugas {agency} minta transfer {amount} ke {rek}, atas nama {pbare}.",
        "Saya ditelepon nomor {phone} mengaku dari {inst}, minta kode OTP.",
        "Akun {akun} menjual bantuan {prog} palsu, korbannya banyak di {kel}.",
        "Penipu memakai nama {official} dan meminta uang lewat {rek}.",
    ],
    "tetangga": [
        "Tetangga saya {pbare} memelihara ayam di gang, baunya mengganggu.",
        "{pbare} membangun pagar sampai menutup saluran di {street}.",
        "Anjing milik {phon} sering menggigit warga {rt}.",
        "Suara musik dari rumah {phon} sampai {time}, sudah ditegur {role} tapi tidak digubris.",
        "{pbare}, {pbare}, dan {pbare} sering mabuk di pos ronda {rt}.",
        "Saya dan suami saya {pbare} sudah {dur} diganggu tetangga yang bernama {pbare}.",
        "Kemarin {pbare} datang marah-marah ke rumah saya {time}.",
    ],
    "bpjs": [
        "Kepesertaan {inst} saya nonaktif, {bpjs}, padahal saya peserta {prog}.",
        "Ibu saya {pbare} dengan {bpjs} ditolak di {fac} karena kartu tidak aktif.",
        "Iuran {inst} keluarga saya {amount} per bulan terlalu berat, mohon dialihkan ke {prog}.",
    ],
}

OPEN_FORMAL = [
    "Dengan hormat,\n",
    "Kepada Yth. {role}\ndi tempat\n\nDengan hormat,\n",
    "Yth. Bapak/Ibu Pimpinan {agency}\n\nDengan hormat,\n",
    "Assalamualaikum Wr. Wb.\n\n",
]
IDENTITY_FORMAL = [
    "Yang bertanda tangan di bawah ini:\nNama: {me}\n{nik}\nAlamat: {addr}\n{phone}\n\n",
    "Saya yang bertanda tangan di bawah ini,\nNama : {me}\nNIK : {nik_bare}\nAlamat : {addr}\nNo. HP : {phone_bare}\n"
    "Email : {email_bare}\n\n",
    "Perkenalkan, saya {me}, warga {kel_name}, beralamat di {addr}.\n\n",
    "Saya, {me}, {nik}, alamat {addr}, {phone}.\n\n",
    "Nama pelapor: {me}\nAlamat: {addr}\nTelp: {phone_bare}\n\n",
]
CLOSE_FORMAL = [
    "\n\nDemikian pengaduan ini saya sampaikan. Atas perhatian Bapak/Ibu saya ucapkan terima kasih.\n\nHormat saya,\n\n{me}",
    "\n\nAtas perhatiannya saya ucapkan terima kasih.\n\nHormat kami,\n{me}\n{phone}",
    "\n\nDemikian, terima kasih.\nWassalamualaikum Wr. Wb.\n\n{me}",
    "\n\nHormat saya,\n{ptitle_me}",
    "\n\nTerima kasih.\nPelapor,\n{me}",
]
OPEN_WA = [
    "Assalamualaikum min, ",
    "Selamat pagi admin, ",
    "Permisi min, ",
    "Halo kak, ",
    "Min, ",
    "",
    "",
    "Sore min. ",
    "Mohon izin lapor, ",
    "Pagi pak, ",
    "Nyuwun sewu mas admin, ",
    "Ngapunten mbak, ",
    "Punten min, ",
    "Assalamualaikum, nggih mohon maaf. ",
    "Lapor min!! ",
    "cak admin, ",
]
INTRO_WA = [
    "saya {me} dari {kel_name}. ",
    "sy {me_first} warga {kel_name}. ",
    "nama saya {me}, ",
    "saya {me_hon}, ",
    "",
    "",
    "",
    "saya warga {my_rt}. ",
    "kulo {me_first} saking {kel_name}, ",
    "Aku {me_first} dari {kel_name}. ",
]
CLOSE_WA = [
    "",
    "",
    "",
    " Terima kasih.",
    " Trims.",
    " Matur nuwun.",
    " Matur suwun min.",
    " Mohon ditindaklanjuti.",
    " Monggo dicek nggih.",
    " Tlg segera ditindak!",
    " Hub. saya di {phone}",
    " Kontak sy {phone} ({me_first})",
    " - {me}",
    "\n{me_first}",
    " Terima kasih, {me}.",
    " Email saya {email}.",
    " ig saya {me_akun}",
    " Salam, {me}",
    "\nTtd. {me_hon}",
    " Makasih min. {me_first}",
]
JAVANESE_BITS = [
    "Monggo dicek nggih mas. ", "Sampun dangu mboten wonten tindak lanjut. ", "Niki pripun nggih? ",
    "Tulung nggih mbak. ", "Wes bolak-balik lapor tapi durung ditangani. ", "Ojo mung janji thok. ",
    "Lek gak percoyo monggo tinjau langsung. ", "Nyuwun tulung sanget. ", "Ya opo iki rek? ",
]  # fmt: skip
ANGRY_BITS = [
    "PARAH!!! ",
    "Gimana sih ini?? ",
    "Tolong dong!!! ",
    "Sudah berkali2 lapor gak ada respon!! ",
    "Jangan cuma janji!! ",
    "Pemerintah ke mana??? ",
    "Kecewa berat. ",
]
IG_TAIL = [" cc {phandle}", " {phandle} {phandle}", " tolong {phandle}", "", " @{kel_tag}"]

ABBREV = {
    "saya": ["sy", "sya", "aku"], "tidak": ["tdk", "gak", "ga", "nggak"], "yang": ["yg"], "dengan": ["dgn", "dg"],
    "mohon": ["mhn"], "tolong": ["tlg", "tolong"], "bapak": ["bpk", "pak"], "sudah": ["sdh", "udah", "udh"],
    "belum": ["blm"], "untuk": ["utk", "buat"], "karena": ["krn", "karna"], "sampai": ["sampe", "smp"],
    "terima kasih": ["makasih", "trims", "tks"], "ibu-ibu": ["ibu2"], "warga": ["wrg", "warga"],
    "juga": ["jg"], "tetapi": ["tp"], "bagaimana": ["gmn"], "sekarang": ["skrg"], "banyak": ["byk"],
}  # fmt: skip
_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREV), key=len, reverse=True)) + r")\b", re.I)


def _render(ctx: Ctx, template: str) -> list[Seg]:
    segs: list[Seg] = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        if m.start() > pos:
            segs.append((template[pos : m.start()], None))
        slot = m.group(1)
        if slot == "ptitle_me":
            segs += person(ctx, "title", ctx.me, ctx.gender)
        elif slot == "kel_tag":
            segs.append((f"kel.{ctx.kel.lower().replace(' ', '')}", None))
        else:
            segs += SLOTS[slot](ctx)
        pos = m.end()
    if pos < len(template):
        segs.append((template[pos:], None))
    return segs


def _abbreviate(rng: random.Random, segs: list[Seg], rate: float) -> list[Seg]:
    def swap(m: re.Match[str]) -> str:
        if rng.random() > rate:
            return m.group()
        short = rng.choice(ABBREV[m.group().lower()])
        return short.capitalize() if m.group()[0].isupper() else short

    return [(_ABBREV_RE.sub(swap, t) if label is None else t, label) for t, label in segs]


def _body(ctx: Ctx, topics: list[str], sentences: int) -> list[Seg]:
    segs: list[Seg] = []
    for k in range(sentences):
        topic = topics[k % len(topics)]
        ctx.topic = topic
        segs += _render(ctx, ctx.rng.choice(BODY[topic]))
        segs.append((" ", None))
    return segs[:-1] if segs else segs


def _compose(ctx: Ctx, style: str) -> list[Seg]:
    rng = ctx.rng
    topics = rng.sample(list(BODY), 2)
    if style == "formal":
        segs = _render(ctx, rng.choice(OPEN_FORMAL))
        segs += _render(ctx, rng.choice(IDENTITY_FORMAL))
        segs += [("Dengan ini saya menyampaikan pengaduan sebagai berikut. ", None)]
        segs += _body(ctx, topics, rng.randint(2, 4))
        if rng.random() < 0.3:
            segs += [(" Hal ini bertentangan dengan ", None), *_render(ctx, "{reg}"), (".", None)]
        if rng.random() < 0.25:
            segs += _render(ctx, rng.choice([" Sebagai tambahan, {kk}.", " Saya juga melampirkan {bpjs}.",
                                             " Untuk konfirmasi bisa ke istri saya {pbare} di {phone}."]))  # fmt: skip
        segs += _render(ctx, rng.choice(CLOSE_FORMAL))
        return segs
    if style == "esambat":
        segs = _render(ctx, "Kategori: {agency}\nLokasi: {street}, {kel}\nUraian: ")
        segs += _body(ctx, topics, rng.randint(1, 3))
        segs += _render(
            ctx, rng.choice(["\nPelapor: {me} ({phone_bare})", "\nNama: {me}\nHP: {phone_bare}", "\nAnonim", ""])
        )
        return segs
    if style == "ig":
        segs = _render(ctx, rng.choice(["{phandle} ", "", "min ", "{phandle} min, "]))
        segs += _body(ctx, topics, rng.randint(1, 2))
        segs += _render(ctx, rng.choice(IG_TAIL))
        return segs
    if style == "angry":
        segs = _render(ctx, rng.choice(ANGRY_BITS))
        segs += _body(ctx, topics, rng.randint(1, 2))
        segs += _render(ctx, rng.choice(ANGRY_BITS + [""]))
        return segs
    # WhatsApp-like, sometimes Javanese
    segs = _render(ctx, rng.choice(OPEN_WA) + rng.choice(INTRO_WA))
    segs += _body(ctx, topics, rng.randint(1, 3))
    if style == "jawa":
        segs.insert(0, (rng.choice(JAVANESE_BITS), None))
        segs += [(" " + rng.choice(JAVANESE_BITS).strip(), None)]
    if rng.random() < 0.3:
        segs += _render(ctx, rng.choice([" Identitas: {nik}.", " {nik}, {kk}.", " Alamat: {addr}.",
                                         " Bisa dicek ke {phon} di {phone}.", " Rumah saya di {addr}."]))  # fmt: skip
    segs += _render(ctx, rng.choice(CLOSE_WA))
    return segs


_STYLES = [(4, "formal"), (5, "wa"), (2, "jawa"), (2, "angry"), (2, "ig"), (2, "esambat")]


def _assemble(segs: list[Seg], style: str, case: str) -> Sample:
    text_parts: list[str] = []
    pos = 0
    pii: list[Item] = []
    public: list[Item] = []
    merged: list[Seg] = []
    for text, label in segs:  # a labelled item split over two segments ("wa.me/" + number) is one item
        if (
            merged
            and label is not None
            and merged[-1][1] == label
            and label == "telepon"
            and merged[-1][0].endswith("/")
        ):
            merged[-1] = (merged[-1][0] + text, label)
        else:
            merged.append((text, label))
    for text, label in merged:
        if case == "upper":
            text = text.upper()
        elif case == "lower":
            text = text.lower()
        if label is not None:
            item = Item(label, pos, pos + len(text), text)
            (pii if label in PII_KINDS else public).append(item)
        text_parts.append(text)
        pos += len(text)
    full = "".join(text_parts)
    for item in pii + public:
        assert full[item.start : item.end] == item.text
    return Sample(full, f"{style}/{case}", pii, public)


def generate(count: int = 1600, seed: int = 2026, names: str = "all") -> list[Sample]:
    """``count`` labelled texts; the same seed gives the same texts."""
    rng = random.Random(seed)
    samples = []
    for _ in range(count):
        ctx = Ctx(rng, names)
        style = str(_pick(rng, _STYLES))
        segs = _compose(ctx, style)
        if style in ("wa", "angry", "ig", "jawa", "esambat"):
            segs = _abbreviate(rng, segs, rng.choice([0.0, 0.4, 0.9]))
        if style == "formal":
            case = "upper" if rng.random() < 0.03 else "mixed"
        elif style == "angry":
            case = str(_pick(rng, [(4, "mixed"), (4, "upper"), (2, "lower")]))
        else:
            case = str(_pick(rng, [(7, "mixed"), (1, "upper"), (3, "lower")]))
        samples.append(_assemble(segs, style, case))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--names", default="all", choices=["all", "tune", "test"])
    args = parser.parse_args()
    for sample in generate(args.count, args.seed, args.names):
        print(f"--- {sample.style}\n{sample.text}")
        print("  PII:", [(i.label, i.text) for i in sample.pii])
        print("  public:", [(i.label, i.text) for i in sample.public])


if __name__ == "__main__":
    main()
