"""A seeded, labelled corpus of Indonesian complaint texts for measuring the redactor.

Each text is assembled from pieces of natural complaint prose (as citizens write on SP4N-LAPOR!
or E-Sambat: PDAM water, roads, street lights, rubbish, KTP/KK, schools, puskesmas, bansos,
parking, public order...) with *planted* items: personal data of every kind the redactor knows
(``nama``, ``nik``, ``kk``, ``npwp``, ``telepon``, ``email``, ``nopol``, ``rekening``, ``bpjs``,
``paspor``, ``akun``, ``alamat``) and public phrases that must be kept (``public:agency``,
``public:street``, ``public:place``, ``public:facility``, ``public:amount``, ``public:date``,
``public:time``, ``public:count``, ``public:product``, ``public:rt_rw`` for an RT/RW that is not part of a
house address). Every planted item carries its span.

Texts are then written in one of several styles: tidy, all lower case, ALL CAPS, WhatsApp
shorthand ("sy", "mhn", "tlg"), with typos, or sloppy punctuation; a few carry full-width
digits or zero-width characters. Person names come from this file's own lists, which were
written apart from the redactor's name list; ``Label.oov`` marks names with a word the
redactor's list does not have, so their recall can be read separately.

    python bench/redaction_corpus.py --n 5 --seed 7     # print a few samples with their labels
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PII_KINDS = ("nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat")
DEFAULT_SEED = 26_03_2026

_LEXICON = Path(__file__).resolve().parents[1] / "functions" / "chalicelib" / "data" / "names_id.txt"


@dataclass(frozen=True)
class Label:
    kind: str  # a PII kind, or "public:<category>" for a phrase that must be kept
    start: int
    end: int
    value: str
    oov: bool = False  # a name with a word outside the redactor's name list

    @property
    def public(self) -> bool:
        return self.kind.startswith("public:")


@dataclass
class Sample:
    text: str
    labels: list[Label]
    style: str


# --------------------------------------------------------------------------- vocabularies

MEN = """Agus Bambang Budi Joko Slamet Sugeng Heru Eko Hadi Wahyu Dedi Rudi Andi Arif Yusuf Ahmad Muhammad
Abdul Imam Rahmat Hendra Dwi Tri Sutrisno Suparman Sunarto Sukirman Darmaji Samsul Fauzi Rizky Fajar Dimas
Bagus Galih Yoga Angga Reza Ilham Faisal Hasan Husein Ali Umar Ismail Ibrahim Zainal Syaiful Arifin Mukhlis
Nur Solikin Sholeh Misnadin Marsuki Hosnan Busiri Mashuri Jufri Wagiman Paijo Tukiman Ngadimin Poniman
Giyanto Legiman Mulyono Purnomo Prayitno Widodo Wibowo Santoso Setiawan Kurniawan Gunawan Hidayat Nugroho
Pratama Saputra Permana Siregar Nasution Lubis Simanjuntak Wayan Made Ketut Asep Ujang Dadang Cecep Yohanes
Antonius Petrus Stefanus Hendrik Robert Kevin Daniel Taufik Lukman Hamid Anwar Mahfud Munir Mustofa Kholil
Choirul Khoirul Saifullah Abdullah Rahman Aziz Hakim Halim Iqbal Irfan Fikri Farhan Naufal Alif Rafi Bayu""".split()
WOMEN = """Siti Sri Dewi Sumarni Sumiati Tutik Endang Yuli Wahyuni Rahayu Lestari Kartini Suparmi Ngatini Wartini
Rubiyah Tukiyem Painem Sarinah Fatimah Aisyah Khadijah Zainab Maryam Halimah Aminah Nurul Nurhayati Laila
Latifah Masitoh Musdalifah Maimunah Munawaroh Rohmah Umi Ulfa Zahra Hasanah Istiqomah Jamilah Khoiriyah Ratna
Retno Rini Rina Indah Yanti Wiwik Ika Ida Erna Heni Anik Ani Ninik Nanik Yayuk Puji Diah Dian Fitri Intan
Kartika Maya Mega Nadia Nabila Putri Sari Tari Wulan Yulia Yuni Citra Ayu Anisa Annisa Salsabila Amelia
Novita Dinda Rizka Lia Lina Nia Tina Vina Euis Neneng Lilis Imas Komang Luh Maria Theresia Agnes Magdalena""".split()
SURNAMES = """Santoso Setiawan Wijaya Hartono Kurniawan Saputra Pratama Hidayat Nugroho Susanto Gunawan Permana
Kusuma Utomo Prasetyo Handoko Firmansyah Ramadhan Maulana Hakim Anggraini Lestari Wulandari Rahayu Purnamasari
Handayani Safitri Maharani Rahmawati Fitriani Damayanti Agustina Wahyudi Riyadi Sudirman Hasanah Aminah Fauzi
Hidayatullah Abdullah Rahman Arifin Zainuddin Syamsudin Siregar Nasution Lubis Harahap Sinaga Sitorus
Simanjuntak Hutapea Pardede Wibowo Widodo Mulyono Purnomo Sutrisno Suryadi Supriyadi Suharto Sulistyo
Prabowo Haryanto Setyawan Kusumawati Puspitasari Novitasari Ningsih Lestari Astuti Susanti Yulianti""".split()
# Names written apart from the redactor's list; several are deliberately absent from it.
RARE = """Kasdi Sarpan Tukijo Ngadiyo Sumarjo Karjo Suwaji Sadikin Kamdi Rasimun Mukayat Parjiman Sarkawi
Dulkamid Matrawi Sanip Jumadil Marsaid Rokib Sukarmin Tarmijan Warsiyem Saripah Rumiyati Kasini Tukinem
Sumirah Juminten Karsini Sukesi Darsinah Wagirah Mukarromah Rofiqoh Nasyiatul Ummu Badriyah Hosniyah Sunarmi
Suwarsih Paitun Sulikah Kamisih Ngatemi Darwati Supini Tumiran Dalijo Sukimin Kasmuri Rasno Daryono Sunardi
Samingun Wakimun Kasiyanto Bardi Sugiman Juwadi Nurhadi Riswanto Khoirun Marjuki Mat Sahlan Ponidi Gimun""".split()
TITLES_BEFORE = ["H.", "Hj.", "Drs.", "Dra.", "Ir.", "dr.", "Dr.", "Prof.", "KH.", "Ust.", "R."]
DEGREES = [
    ", S.Pd.",
    ", S.H.",
    ", S.Kom.",
    ", M.Si.",
    ", S.E.",
    ", S.T.",
    ", M.M.",
    ", S.Sos.",
    ", M.Pd.",
    " S.Ag",
    ", A.Md.",
    ", SKM",
    ", S.Kep., Ns.",
]
HONORIFICS_M = ["Bapak", "Pak", "Bpk.", "Bp.", "Mas", "Sdr.", "Cak", "Kang", "Om", "Bang"]
HONORIFICS_F = ["Ibu", "Bu", "Mbak", "Mba", "Sdri.", "Ning", "Ny.", "Bude", "Tante", "Kak"]

KELURAHAN = (
    """Bukir Gadingrejo Gentong Karangketug Krapyakrejo Petahunan Randusari Sebani Kebonagung Pohjentrek
Purutrejo Purworejo Sekargadung Tembokrejo Wirogunan Bakalan Blandongan Kepel Krampyangan Tapaan Bangilan
Kandangsapi Karanganyar Kebonsari Mandaranrejo Mayangan Ngemplakrejo Panggungrejo Pekuncen Petamanan Tambaan
Trajeng""".split()
    + ["Bugul Kidul", "Bugul Lor"]
)
KECAMATAN = ["Gadingrejo", "Purworejo", "Bugul Kidul", "Panggungrejo"]
STREETS = [
    "Jl. Hayam Wuruk",
    "Jalan Panglima Sudirman",
    "Jl. Veteran",
    "Jl. Ahmad Yani",
    "Jl. A. Yani",
    "Jl. Dr. Wahidin Sudirohusodo",
    "Jl. KH. Ahmad Dahlan",
    "Jl. Soekarno-Hatta",
    "Jl. Gajah Mada",
    "Jl. Diponegoro",
    "Jl. Pahlawan",
    "Jl. Sultan Agung",
    "Jl. Balaikota",
    "Jl. Kartini",
    "Jl. RA Kartini",
    "Jl. Hasanudin",
    "Jl. Untung Suropati",
    "Jl. Pattimura",
    "Jl. Dr. Sutomo",
    "Jl. Imam Bonjol",
    "Jl. WR. Supratman",
    "Jl. Halmahera",
    "Jl. Slamet Riyadi",
    "Jl. Juanda",
    "Jl. HOS Cokroaminoto",
    "Jl. Urip Sumoharjo",
    "Jl. KH. Mansyur",
    "Jl. Kyai Sepuh",
    "Jl. Ki Hajar Dewantara",
    "Jl. Letjen Sutoyo",
    "Jl. Mayjen Panjaitan",
    "Jl. Airlangga",
    "Jl. Niaga",
    "Jl. Sakera",
    "Jl. Raya Gadingrejo",
    "Jalan Raya Bugul",
    "Jl. Panglima Polim",
    "Jl. Irian Jaya",
    "Jl. Sumatera",
    "Jalan Hasanudin",
    "Jln. Veteran",
    "Jl Gajah Mada",
    "Jl. dr. Cipto",
    "Jl. Jend. Sudirman",
    "Jl. Teuku Umar",
    "Jl. Cut Nyak Dien",
    "Jl. Wachid Hasyim",
    "Jl. Sunan Ampel",
    "Jl. Pemuda",
    "Jl. Raya Pasuruan-Probolinggo",
    "Jl. Kom. Yos Sudarso",
    "Jl. Dr. Soetomo",
    "Jl. Gatot Subroto",
    "Jl. MH. Thamrin",
    "Jl. Sersan Harun",
    "Jl. Kapten Tendean",
    "Jl. Hang Tuah",
    "Jl. Sam Ratulangi",
    "Jl. Pangeran Diponegoro",
    "Jalan Letnan Sanip",
    "Jl. Bengawan Solo",
    "Jl. Dewi Sartika",
    "Jl. Cokroaminoto",
    "Jl. Ir. H. Juanda",
]
AGENCIES = [
    "Dinas PUPR",
    "Dispendukcapil",
    "Perumda Air Minum",
    "Satpol PP",
    "DLH",
    "Dinas Lingkungan Hidup",
    "Dinas Perhubungan",
    "Dishub",
    "Diskominfo",
    "Dinas Kesehatan",
    "Dinas Sosial",
    "Dinas Pendidikan",
    "BPBD",
    "PLN",
    "PDAM",
    "Pemkot Pasuruan",
    "Dinas Perkim",
    "Disdukcapil",
    "BPJS Kesehatan",
    "Dinas Ketenagakerjaan",
    "Bapenda",
    "Kantor Pos",
    "Samsat",
    "Badan Pendapatan Daerah",
    "Inspektorat",
    "Bappelitbangda",
    "BKPSDM",
    "Dinas Koperasi dan UMKM",
    "Dinas Pangan",
    "Kantor Kecamatan Gadingrejo",
    "Polres Pasuruan Kota",
    "Kejaksaan Negeri",
    "Dinas Pemadam Kebakaran",
    "Dinkes",
    "Dinsos",
]
FACILITIES = [
    "Puskesmas Bugul Kidul",
    "Puskesmas Kebonsari",
    "Puskesmas Gadingrejo",
    "Puskesmas Trajeng",
    "Puskesmas Sekargadung",
    "Puskesmas Kandangsapi",
    "Puskesmas Pohjentrek",
    "Puskesmas Karangketug",
    "SDN Kebonsari 1",
    "SDN Bugul Lor 2",
    "SMPN 2 Pasuruan",
    "SMPN 4 Pasuruan",
    "SMAN 1 Pasuruan",
    "SMKN 1 Pasuruan",
    "RSUD dr. R. Soedarsono",
    "Pasar Besar",
    "Pasar Poncol",
    "Pasar Karangketug",
    "Alun-alun",
    "Masjid Jami' Al-Anwar",
    "GOR Untung Suropati",
    "Terminal Blandongan",
    "Stasiun Pasuruan",
    "Taman Kota",
    "Pelabuhan Pasuruan",
    "Kantor Kelurahan Bukir",
    "MI Darul Ulum",
    "SDN Tembokrejo 3",
    "TK Dharma Wanita",
    "Posyandu Melati",
    "Masjid Agung Al-Anwar",
    "SMPN 1 Pasuruan",
    "SDN Petamanan 2",
    "RSUD Bangil",
    "Pasar Gadingrejo",
    "Terminal Untung Suropati",
    "Taman Sekargadung",
    "SD Muhammadiyah 1 Pasuruan",
    "Rumah Sakit Islam Masyitoh",
    "Klinik Pratama Sehat",
    "Masjid Al-Hidayah",
    "Gereja Santo Antonius",
    "Lapangan Kebonsari",
    "Stadion Untung Suropati",
    "Pondok Pesantren Sidogiri",
    "Puskesmas Pembantu Tapaan",
    "SMK Untung Suropati",
    "Pasar Poncol Baru",
]
PRODUCTS = ["E-Sambat", "SP4N-LAPOR!", "aplikasi E-Sambat", "LAPOR!", "website E-Sambat"]
BANKS = ["BRI", "BCA", "BNI", "Mandiri", "BSI", "Bank Jatim", "bank BRI", "Bank Mandiri"]
MOBILE_PREFIXES = [
    "0812",
    "0813",
    "0811",
    "0821",
    "0822",
    "0823",
    "0852",
    "0853",
    "0851",
    "0857",
    "0856",
    "0858",
    "0877",
    "0878",
    "0838",
    "0831",
    "0895",
    "0896",
    "0897",
    "0898",
    "0881",
    "0882",
    "0888",
]
PLATE_REGIONS = ["N", "L", "W", "S", "AG", "B", "P", "AE", "DK", "AB", "M", "K"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def _lexicon_words() -> set[str]:
    if not _LEXICON.exists():
        return set()
    words = set()
    for line in _LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.update(w.strip(".").lower() for w in line.split())
    return words


# --------------------------------------------------------------------------- value makers


class _Maker:
    """Random values of every planted kind, in the many ways people write them."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, items: list[str]) -> str:
        return self.r.choice(items)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    # -- identifiers
    def nik_digits(self) -> str:
        r = self.r
        region = r.choice(["3575", "3575", "3575", "3514", "3578", "3507", "3573", "3201"])
        day = r.randint(1, 28) + (40 if r.random() < 0.5 else 0)
        return f"{region}{r.randint(1, 4):02d}{day:02d}{r.randint(1, 12):02d}{r.randint(50, 99) if r.random() < 0.7 else r.randint(0, 9):02d}{r.randint(1, 40):04d}"

    def group16(self, d: str) -> str:
        style = self.r.random()
        if style < 0.35:
            return d
        if style < 0.55:
            return " ".join(d[i : i + 4] for i in range(0, 16, 4))
        if style < 0.75:
            return ".".join(d[i : i + 4] for i in range(0, 16, 4))
        if style < 0.85:
            return "-".join(d[i : i + 4] for i in range(0, 16, 4))
        if style < 0.93:
            return f"{d[:6]} {d[6:12]} {d[12:]}"
        return f"{d[:2]}.{d[2:4]}.{d[4:6]}.{d[6:12]}.{d[12:]}"

    def nik(self) -> str:
        d = self.nik_digits() if self.r.random() < 0.8 else self.digits(16)  # some mistyped
        if d[0] == "0":
            d = "3" + d[1:]
        return self.group16(d)

    def kk(self) -> str:
        return self.group16(self.nik_digits())

    def npwp(self) -> str:
        d = self.digits(15)
        style = self.r.random()
        if style < 0.6:
            return f"{d[:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:]}"
        if style < 0.75:
            return d
        if style < 0.85:
            return f"{d[:2]} {d[2:5]} {d[5:8]} {d[8]} {d[9:12]} {d[12:]}"
        return self.group16(self.nik_digits())  # the 16-digit NPWP is the NIK

    def phone(self) -> str:
        r = self.r
        if r.random() < 0.18:  # landline
            number = f"{r.choice(['42', '43', '41', '44'])}{self.digits(r.choice([4, 5]))}"
            return r.choice(
                [
                    f"(0343) {number}",
                    f"0343-{number}",
                    f"0343 {number}",
                    f"0343{number}",
                    f"+62 343 {number}",
                    f"(0343)-{number}",
                ]
            )
        prefix = r.choice(MOBILE_PREFIXES)
        rest = self.digits(r.choice([7, 8, 8, 8]))
        full = prefix + rest
        style = r.random()
        if style < 0.25:
            return full
        if style < 0.4:
            return f"{prefix}-{rest[:4]}-{rest[4:]}"
        if style < 0.52:
            return f"{prefix} {rest[:4]} {rest[4:]}"
        if style < 0.6:
            return f"{prefix}.{rest[:4]}.{rest[4:]}"
        if style < 0.72:
            return f"+62 {full[1:4]} {full[4:8]} {full[8:]}"
        if style < 0.8:
            return f"+62{full[1:]}"
        if style < 0.9:
            return f"62{full[1:]}"
        if style < 0.95:
            return f"62 {full[1:4]}-{full[4:8]}-{full[8:]}"
        return f"{full[:4]} {full[4:7]} {full[7:]}"

    def email(self, name: str) -> str:
        r = self.r
        words = [w.lower().strip(".,'") for w in name.split() if len(w.strip(".,")) > 1] or ["warga"]
        local = r.choice(
            [
                words[0],
                ".".join(words[:2]),
                "_".join(words[:2]),
                words[0] + str(r.randint(1, 99)),
                words[-1] + words[0][:1] + str(r.randint(70, 2005)),
                words[0] + "." + words[-1] + str(r.randint(1, 9)),
            ]
        )
        domain = r.choice(
            [
                "gmail.com",
                "gmail.com",
                "yahoo.com",
                "yahoo.co.id",
                "ymail.com",
                "outlook.com",
                "hotmail.com",
                "pasuruankota.go.id",
            ]
        )
        if r.random() < 0.06:
            return f"{local} [at] {domain.replace('.', ' [dot] ')}"
        if r.random() < 0.05:
            return f"{local}(at){domain}"
        return f"{local}@{domain}"

    def plate(self) -> str:
        r = self.r
        region = r.choice(PLATE_REGIONS)
        number = str(r.randint(1, 9999)) if r.random() < 0.85 else str(r.randint(1, 99))
        suffix = "".join(r.choice("ABCDEFGHIJKLMNPRSTUVWXYZ") for _ in range(r.choice([1, 2, 2, 2, 3])))
        sep = r.choice([" ", " ", " ", "", "-"])
        return f"{region}{sep}{number}{sep}{suffix}"

    def account(self) -> tuple[str, str]:
        r = self.r
        bank = r.choice(BANKS)
        if "BRI" in bank:
            d = self.digits(15)
            return bank, r.choice(
                [d, f"{d[:4]}-{d[4:6]}-{d[6:12]}-{d[12:14]}-{d[14]}", f"{d[:4]} {d[4:6]} {d[6:12]} {d[12:14]} {d[14]}"]
            )
        if "Mandiri" in bank:
            d = "1" + self.digits(12)
            return bank, r.choice([d, f"{d[:3]}-{d[3:5]}-{d[5:12]}-{d[12]}", f"{d[:3]} {d[3:5]} {d[5:12]} {d[12]}"])
        d = self.digits(10)
        return bank, r.choice(
            [d, f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]}-{d[3:6]}-{d[6:]}", f"{d[:4]} {d[4:8]} {d[8:]}"]
        )

    def bpjs(self) -> str:
        d = "000" + self.digits(10)
        return self.r.choice([d, d, f"{d[:4]} {d[4:8]} {d[8:12]} {d[12]}", f"{d[:4]}-{d[4:8]}-{d[8:]}"])

    def passport(self) -> str:
        r = self.r
        letter = r.choice("ABCEXS")
        return r.choice(
            [
                f"{letter}{self.digits(7)}",
                f"{letter} {self.digits(7)}",
                f"{letter}{self.digits(7)}".lower() if r.random() < 0.2 else f"{letter}{self.digits(7)}",
            ]
        )

    def handle(self, name: str) -> str:
        r = self.r
        words = [w.lower().strip(".,'") for w in name.split() if len(w.strip(".,")) > 1] or ["warga"]
        base = r.choice(
            [
                words[0] + "_" + words[-1],
                words[0] + str(r.randint(1, 999)),
                "_".join(words[:2]) + "_",
                words[0] + "." + words[-1],
                words[-1] + "_official" if r.random() < 0.2 else words[0] + "ganteng",
            ]
        )
        return base

    # -- addresses
    def house_number(self) -> str:
        r = self.r
        n = str(r.randint(1, 250))
        if r.random() < 0.12:
            n += r.choice("ABC")
        if r.random() < 0.06:
            n += f"/{r.randint(1, 20)}"
        return r.choice([f"No. {n}", f"No.{n}", f"no {n}", f"No {n}", f"nomor {n}", f"No: {n}"])

    def rt_rw(self) -> str:
        r = self.r
        rt, rw = r.randint(1, 12), r.randint(1, 9)
        return r.choice(
            [
                f"RT {rt:02d} RW {rw:02d}",
                f"RT.{rt:03d}/RW.{rw:03d}",
                f"RT {rt}/RW {rw}",
                f"Rt {rt} Rw {rw}",
                f"RT 0{rt} / RW 0{rw}",
                f"RT/RW {rt:02d}/{rw:02d}",
                f"rt {rt} rw {rw}",
                f"RT {rt:02d}",
                f"RT{rt:02d} RW{rw:02d}",
                f"RT. {rt} RW. {rw}",
                f"RT {rt:02d}/{rw:02d}",
            ]
        )

    def gang(self) -> str:
        r = self.r
        name = r.choice(
            [
                "Mawar",
                "Melati",
                "Kenanga",
                "Anggrek",
                "Flamboyan",
                "Masjid",
                "Buntu",
                "Seruni",
                "Delima",
                "Sawo",
                "Nangka",
                "Manggis",
            ]
        )
        if r.random() < 0.3:
            name += " " + r.choice(["I", "II", "III", "IV", "1", "2", "3"])
        return f"{r.choice(['Gg.', 'Gang', 'Gg', 'gang'])} {name} {self.house_number()}"

    def block(self) -> str:
        r = self.r
        letter = r.choice("ABCDEFGH")
        return r.choice(
            [
                f"Blok {letter}-{r.randint(1, 30)}",
                f"Blok {letter}{r.randint(1, 30)}",
                f"Blok {letter} No. {r.randint(1, 30)}",
                f"blok {letter.lower()} {r.randint(1, 30)}",
            ]
        )

    # -- public phrases
    def amount(self) -> str:
        r = self.r
        value = r.choice(
            [
                15_000,
                25_000,
                50_000,
                75_000,
                100_000,
                150_000,
                200_000,
                250_000,
                350_000,
                500_000,
                750_000,
                1_250_000,
                2_000_000,
                3_500_000,
            ]
        )
        dotted = f"{value:,}".replace(",", ".")
        return r.choice(
            [
                f"Rp {dotted}",
                f"Rp{dotted}",
                f"Rp {dotted},00",
                f"Rp{dotted},-",
                f"Rp. {dotted}",
                f"{value // 1000} ribu",
                f"{value // 1000}rb",
                f"Rp {value // 1000} ribu",
                f"{value / 1_000_000:g} juta".replace(".", ","),
                f"Rp {value // 1000}rb",
                f"rp {dotted}",
            ]
        )

    def date(self) -> str:
        r = self.r
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2025, 2026])
        return r.choice(
            [
                f"{d:02d}/{m:02d}/{y}",
                f"{d}/{m}/{y}",
                f"{d:02d}-{m:02d}-{y}",
                f"{d} {MONTHS[m - 1]} {y}",
                f"{d} {MONTHS[m - 1]}",
                f"{d} {MONTHS[m - 1][:3]} {y}",
                f"{d}/{m}/{str(y)[2:]}",
                f"{MONTHS[m - 1]} {y}",
                f"{y}-{m:02d}-{d:02d}",
            ]
        )

    def time(self) -> str:
        r = self.r
        h, mi = r.randint(6, 22), r.choice([0, 15, 30, 45])
        return r.choice(
            [
                f"pukul {h:02d}.{mi:02d}",
                f"jam {h}",
                f"pukul {h:02d}.{mi:02d} WIB",
                f"jam {h:02d}:{mi:02d}",
                f"pkl {h}.{mi:02d}",
                f"pukul {h:02d}.00-{min(h + 2, 23):02d}.00",
                f"{h:02d}.{mi:02d} WIB",
                f"jam {h} malam" if h > 18 else f"jam {h} pagi",
            ]
        )

    def duration(self) -> str:
        r = self.r
        n = r.randint(2, 30)
        return r.choice(
            [
                f"{n} hari",
                f"lebih dari {n} minggu",
                f"{n} bulan",
                f"hampir {n} tahun",
                f"{n} jam",
                f"{n} hari ini",
                f"{n} minggu lebih",
            ]
        )

    def quantity(self) -> str:
        r = self.r
        n = r.randint(2, 30)
        return r.choice(
            [
                f"{n} kali",
                f"{n * 10} meter",
                f"{n} titik",
                f"{n} KK",
                f"{n} warga",
                f"{n} rumah",
                f"{n}x",
                f"{n} orang",
                f"{n} tiang",
            ]
        )


# --------------------------------------------------------------------------- assembling a text

_SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class _Piece:
    text: str
    kind: str | None = None
    oov: bool = False
    literal: bool = True


@dataclass
class _Builder:
    maker: _Maker
    lexicon: set[str]
    pieces: list[_Piece] = field(default_factory=list)
    person: str = ""  # the reporter's name, reused for e-mail and handles
    gender: str = "m"

    def lit(self, text: str) -> None:
        self.pieces.append(_Piece(text))

    def put(self, kind: str, text: str, oov: bool = False) -> None:
        self.pieces.append(_Piece(text, kind, oov, literal=False))

    # -- names
    def name_words(self, gender: str | None = None) -> tuple[str, bool]:
        r = self.maker.r
        gender = gender or r.choice("mf")
        given_pool = MEN if gender == "m" else WOMEN
        rare = r.random() < 0.22
        first = r.choice(RARE) if rare and r.random() < 0.6 else r.choice(given_pool)
        shape = r.random()
        if shape < 0.3:
            words = [first]
        elif shape < 0.8:
            words = [first, r.choice(RARE) if rare and r.random() < 0.5 else r.choice(SURNAMES)]
        elif shape < 0.9:
            words = [first, r.choice(given_pool), r.choice(SURNAMES)]
        elif shape < 0.95:
            words = [r.choice(["M.", "Moh.", "Muh.", "Moch.", "Achmad", "Abd."]) if gender == "m" else "Siti", first]
        else:
            words = [first, "bin" if gender == "m" else "binti", r.choice(MEN)]
        oov = any(w.strip(".").lower() not in self.lexicon for w in words if w not in ("bin", "binti"))
        return " ".join(words), oov

    def name(self, titled: bool = False, gender: str | None = None) -> None:
        r = self.maker.r
        words, oov = self.name_words(gender)
        if titled or r.random() < 0.08:
            if r.random() < 0.6:
                words = f"{r.choice(TITLES_BEFORE)} {words}"
            if r.random() < 0.5:
                words += r.choice(DEGREES)
        if r.random() < 0.1:
            words = words.upper()
        elif r.random() < 0.08:
            words = words.lower()
        self.put("nama", words, oov)

    def honorific_name(self, titled: bool = False) -> None:
        r = self.maker.r
        gender = r.choice("mf")
        self.lit(r.choice(HONORIFICS_M if gender == "m" else HONORIFICS_F) + " ")
        self.name(titled, gender)

    def reporter(self) -> None:
        r = self.maker.r
        self.gender = r.choice("mf")
        words, oov = self.name_words(self.gender)
        self.person = words
        if r.random() < 0.07:
            words = words.lower()
        self.put("nama", words, oov)

    # -- slots
    def fill(self, template: str) -> None:
        position = 0
        for m in _SLOT.finditer(template):
            if m.start() > position:
                self.lit(template[position : m.start()])
            self.slot(m.group(1))
            position = m.end()
        if position < len(template):
            self.lit(template[position:])

    def slot(self, name: str) -> None:
        mk = self.maker
        simple: dict[str, Callable[[], None]] = {
            "N": lambda: self.name(),
            "NT": lambda: self.name(titled=True),
            "HN": lambda: self.honorific_name(),
            "HNT": lambda: self.honorific_name(titled=True),
            "ME": self.reporter,
            "NIK": lambda: self.put("nik", mk.nik()),
            "KK": lambda: self.put("kk", mk.kk()),
            "NPWP": lambda: self.put("npwp", mk.npwp()),
            "HP": lambda: self.put("telepon", mk.phone()),
            "EMAIL": lambda: self.put("email", mk.email(self.person or self.name_words()[0])),
            "NOPOL": lambda: self.put("nopol", mk.plate()),
            "BPJS": lambda: self.put("bpjs", mk.bpjs()),
            "PASPOR": lambda: self.put("paspor", mk.passport()),
            "AKUN": self.account_slot,
            "REK": self.bank_slot,
            "RTRW": lambda: self.put("alamat", mk.rt_rw()),
            "NO": lambda: self.put("alamat", mk.house_number()),
            "GANG": lambda: self.put("alamat", mk.gang()),
            "BLOK": lambda: self.put("alamat", mk.block()),
            "ADDR": self.address_slot,
            "NBH": self.address_slot,  # where something happens ("banjir di {NBH}"): the same shapes
            "STREET": lambda: self.put("public:street", mk.pick(STREETS)),
            "KEL": lambda: self.put("public:place", mk.pick(KELURAHAN)),
            "KEC": lambda: self.put("public:place", mk.pick(KECAMATAN)),
            "AGENCY": lambda: self.put("public:agency", mk.pick(AGENCIES)),
            "FAC": lambda: self.put("public:facility", mk.pick(FACILITIES)),
            "PKM": lambda: self.put("public:facility", mk.pick([f for f in FACILITIES if f.startswith("Puskesmas")])),
            "SCH": lambda: self.put(
                "public:facility",
                mk.pick([f for f in FACILITIES if f.startswith(("SD", "SMP", "SMA", "SMK", "MI", "TK"))]),
            ),
            "RP": lambda: self.put("public:amount", mk.amount()),
            "DATE": lambda: self.put("public:date", mk.date()),
            "TIME": lambda: self.put("public:time", mk.time()),
            "COUNT": lambda: self.put("public:count", mk.duration()),
            "QTY": lambda: self.put("public:count", mk.quantity()),
            "PROD": lambda: self.put("public:product", mk.pick(PRODUCTS)),
        }
        if name in simple:
            simple[name]()
        elif name == "OFFICIAL":
            self.official_slot()
        else:
            raise KeyError(name)

    def bank_slot(self) -> None:
        bank, number = self.maker.account()
        if bank.lower().startswith("bank") or self.maker.r.random() < 0.5:
            self.lit(f"{bank} ")
        else:
            self.lit(f"rek {bank} ")
        self.put("rekening", number)

    def account_slot(self) -> None:
        r, mk = self.maker.r, self.maker
        person = self.person or self.name_words()[0]
        handle = mk.handle(person)
        style = r.random()
        if style < 0.3:
            self.lit(r.choice(["IG ", "ig ", "instagram ", "tiktok ", "twitter ", ""]))
            self.put("akun", "@" + handle)
        elif style < 0.5:
            self.lit(r.choice(["ig: ", "IG: ", "Instagram: ", "tiktok: ", "ig = "]))
            self.put("akun", handle)
        elif style < 0.65:
            self.put(
                "akun",
                r.choice(
                    [
                        "facebook.com/",
                        "https://www.facebook.com/",
                        "instagram.com/",
                        "https://instagram.com/",
                        "tiktok.com/@",
                        "fb.com/",
                    ]
                )
                + handle,
            )
        elif style < 0.75:
            self.lit(r.choice(["fb: ", "FB: ", "facebook: "]))
            self.put("akun", " ".join(w for w in person.split() if w not in ("bin", "binti")))
        else:
            number = mk.phone()
            digits = re.sub(r"\D", "", number)
            digits = "62" + digits[1:] if digits.startswith("0") else digits
            self.put("akun", r.choice(["wa.me/", "https://wa.me/", "http://wa.me/"]) + digits)

    def address_slot(self) -> None:
        """An address: somebody's home or the place where something happens ("banjir di {NBH}").

        An RT/RW with no house number, gang number or block beside it names a neighbourhood unit of
        dozens of households and identifies nobody, whoever lives there: it is labelled public
        (``public:rt_rw``), not ``alamat`` (docs/redaction.md, "Addresses and neighbourhoods"). Until
        issue 11 this corpus labelled "banjir di rt 2 rw 4 kelurahan X" an address; session 6 kept the
        writer's own bare RT/RW ("Nama saya X, warga RT 3 RW 4") an address; now only a house address
        is. The random draws are the same as before, so the texts are unchanged; only these labels moved.
        """
        r = self.maker.r
        rtrw = "public:rt_rw"
        shape = r.random()
        if shape < 0.45:
            self.slot("STREET")
            self.lit(r.choice([" ", " ", ", "]))
            self.slot("NO")
            if r.random() < 0.6:
                self.lit(r.choice([" ", ", "]))
                self.slot("RTRW")
        elif shape < 0.65:
            self.slot("GANG")
            if r.random() < 0.5:
                self.lit(" ")
                self.slot("RTRW")
        elif shape < 0.8:
            self.put(rtrw, self.maker.rt_rw())
        elif shape < 0.9:
            self.lit(
                r.choice(
                    [
                        "Perum Griya Asri ",
                        "Perumahan Pondok Sejahtera ",
                        "Perum Bugul Permai ",
                        "Griya Kebonsari Indah ",
                    ]
                )
            )
            self.slot("BLOK")
        else:
            self.lit(r.choice(["Dusun Krajan ", "Dsn. Kampung Baru ", "Kampung Nelayan "]))
            self.put(rtrw, self.maker.rt_rw())
        if r.random() < 0.7:
            self.lit(r.choice([" Kel. ", " Kelurahan ", ", ", " kel "]))
            self.slot("KEL")

    def official_slot(self) -> None:
        r = self.maker.r
        role = r.choice(
            [
                "Lurah {KEL}",
                "Camat {KEC}",
                "Kepala {AGENCY}",
                "petugas {AGENCY}",
                "Kepala Sekolah {SCH}",
                "Kepala {PKM}",
                "Ketua RT",
                "Pak RT",
                "staf {AGENCY}",
                "sopir truk {AGENCY}",
                "bidan di {PKM}",
                "dokter jaga {FAC}",
                "Wali Kota",
                "Kasi Pelayanan",
                "operator loket",
                "juru parkir",
                "mandor proyek",
            ]
        )
        self.fill(role + r.choice([" ", " ", ", ", " yaitu ", " bernama "]))
        if r.random() < 0.6:
            self.honorific_name(titled=r.random() < 0.4)
        else:
            self.name(titled=r.random() < 0.3)

    # -- finishing
    def render(self, style: str) -> Sample:
        pieces = [self.restyle(p, style) for p in self.pieces]
        text, labels, position = [], [], 0
        for piece in pieces:
            if piece.kind:
                labels.append(Label(piece.kind, position, position + len(piece.text), piece.text, piece.oov))
            text.append(piece.text)
            position += len(piece.text)
        return Sample("".join(text), labels, style)

    def restyle(self, piece: _Piece, style: str) -> _Piece:
        r, text = self.maker.r, piece.text
        if style == "lower" or (style == "wa" and r.random() < 0.7):
            text = text.lower()
        elif style == "upper":
            text = text.upper()
        if piece.literal and style in ("wa", "typo"):
            text = _shorthand(text, r) if style == "wa" else _typos(text, r)
        if piece.literal and style == "sloppy":
            end = r.choice([". ", ".. ", " ", "!! "])
            text = re.sub(r"(?<=[a-z]{4})\. ", end, text.replace(", ", " "))  # not after "Sdr." or "a.n."
        if not piece.literal and piece.kind in ("nik", "kk", "telepon") and r.random() < 0.03:
            text = text.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789"})  # full-width digits
        if not piece.literal and piece.kind == "nama" and r.random() < 0.02 and len(text) > 3:
            text = text[:2] + "\u200b" + text[2:]  # a zero-width space pasted from a chat
        return _Piece(text, piece.kind, piece.oov, piece.literal)


_SHORTHAND = {
    "saya": ["sy", "sya", "aku"],
    "yang": ["yg"],
    "tidak": ["tdk", "gak", "nggak", "ga"],
    "sudah": ["sdh", "udah", "udh"],
    "dengan": ["dgn", "dg"],
    "untuk": ["utk", "buat"],
    "tolong": ["tlg", "tolong"],
    "mohon": ["mhn", "mohon"],
    "karena": ["krn", "karna"],
    "belum": ["blm", "blom"],
    "bapak": ["bpk", "bp"],
    "terima kasih": ["makasih", "trims", "terimakasih", "tq"],
    "sampai": ["sampe", "smp"],
    "tetapi": ["tp", "tapi"],
    "juga": ["jg"],
    "kalau": ["klo", "kalo"],
    "sekarang": ["skrg", "skrng"],
    "bagaimana": ["gmn", "gimana"],
    "nomor": ["no", "nmr", "nomer"],
    "sekali": ["bgt", "banget"],
    "segera": ["sgr", "segera"],
    "dari": ["dr", "dari"],
    "pada": ["pd"],
    "kemarin": ["kmrn", "kemaren"],
    "rumah": ["rmh", "rumah"],
    "tinggal": ["tgl", "tinggal"],
    "informasi": ["info"],
    "minggu": ["mgg", "minggu"],
    "hari": ["hr", "hari"],
    "bulan": ["bln", "bulan"],
}


def _shorthand(text: str, r: random.Random) -> str:
    for word, options in _SHORTHAND.items():
        text = re.sub(
            rf"\b{word}\b",
            lambda m, o=options: r.choice(o) if r.random() < 0.75 else m.group(),
            text,
            flags=re.IGNORECASE,
        )
    return text.replace(". ", r.choice([". ", " ", ", "])).rstrip(".")


def _typos(text: str, r: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < 5 or r.random() > 0.12:
            return word
        i = r.randrange(1, len(word) - 1)
        return r.choice(
            [word[:i] + word[i + 1 :], word[:i] + word[i] + word[i:], word[:i] + word[i + 1] + word[i] + word[i + 2 :]]
        )

    return re.sub(r"[A-Za-z]+", one, text)


# --------------------------------------------------------------------------- the templates

OPENERS = [
    "",
    "",
    "Assalamualaikum wr. wb. ",
    "Selamat pagi, ",
    "Selamat siang admin. ",
    "Permisi, ",
    "Mohon maaf mengganggu. ",
    "Yth. Bapak/Ibu petugas {PROD}, ",
    "Halo min, ",
    "Kepada Yth. {AGENCY}, ",
    "Mohon izin melapor. ",
    "Lapor! ",
]
INTROS = [
    "Nama saya {ME}, warga {ADDR}. ",
    "Saya {ME} dari {KEL}. ",
    "Perkenalkan, saya {ME}, tinggal di {ADDR}. ",
    "Saya, {ME}, warga Kelurahan {KEL} Kecamatan {KEC}, ",
    "Dengan hormat, saya yang bertanda tangan di bawah ini {ME}, melaporkan: ",
    "nama saya {ME} alamat {ADDR} ",
    "Saya {ME} NIK {NIK} ",
    "Pelapor: {ME}. Alamat: {ADDR}. ",
    "Sy {ME} warga {KEL}. ",
    "Saya warga {ADDR} mau melaporkan ",
    "Kami warga {KEL} ",
    "{ME} di sini, warga {ADDR}. ",
    "Atas nama {ME}, ",
    "",
    "",
    "",
]
BODIES = [
    # air PDAM
    "Air {AGENCY} di {STREET} sudah {COUNT} tidak mengalir, padahal tagihan bulan ini {RP}. ",
    "Sudah {COUNT} air PDAM mati total di {NBH}, sudah lapor ke kantor tapi belum ada tindakan. ",
    "Tagihan air saya naik jadi {RP} padahal biasanya {RP}. Nomor pelanggan atas nama {N}. ",
    "Pipa {AGENCY} bocor di depan rumah {HN} di {STREET}, airnya meluber ke jalan sejak {DATE}. ",
    "Air keruh dan bau sejak {DATE}, mohon Perumda Air Minum segera cek ke {KEL}. ",
    "Meteran air rumah saya di {ADDR} diganti petugas bernama {N} tanpa pemberitahuan, lalu saya ditagih {RP}. ",
    # jalan
    "Jalan berlubang di {STREET} depan {FAC} sangat berbahaya, sudah {COUNT} dibiarkan. ",
    "Mohon {AGENCY} memperbaiki jalan rusak di {STREET} dekat rumah {HN}, kemarin ada pengendara motor jatuh {TIME}. ",
    "Proyek galian di {STREET} ditinggal begitu saja sejak {DATE}, mandor proyek {HN} tidak bisa dihubungi. ",
    "Paving di gang depan {GANG} ambles, {QTY} kesulitan lewat. ",
    "Jembatan kecil dekat {FAC} retak, mohon dicek sebelum roboh. ",
    # PJU
    "Lampu PJU di {STREET} mati {QTY} sejak {COUNT} lalu, malam hari gelap sekali dan rawan begal. ",
    "Lampu jalan depan rumah {HN} di {NBH} padam sejak {DATE}. ",
    "Sudah lapor lewat {PROD} tentang lampu PJU mati di {KEL} tapi status masih diproses. ",
    # sampah
    "Sampah di TPS dekat {FAC} menumpuk {COUNT}, bau sekali dan banyak lalat. ",
    "Tetangga saya {N} setiap malam membakar sampah plastik, asapnya masuk ke rumah kami di {ADDR}. ",
    "Truk sampah {AGENCY} dengan nopol {NOPOL} membuang sampah ke sungai di {KEL} {TIME}. ",
    "Petugas kebersihan minta uang {RP} per bulan, katanya perintah {HN}. ",
    "Ada orang membuang sampah sembarangan dari mobil plat {NOPOL} di {STREET} pada {DATE} {TIME}. ",
    # adminduk
    "Saya mengurus KTP elektronik di {AGENCY} sejak {DATE} tapi sampai sekarang belum jadi. NIK saya {NIK}. ",
    "Mohon bantuan, KK saya nomor {KK} masih salah nama anak. ",
    "Data di KK {KK} tidak sesuai, nama istri saya {N} tertulis salah. ",
    "Akta kelahiran anak saya {N} belum terbit padahal sudah {COUNT}. ",
    "Petugas loket {AGENCY} bernama {N} meminta uang {RP} untuk mempercepat cetak KTP. ",
    "NIK saya {NIK} tidak terdaftar di sistem saat mau vaksin, padahal KTP sudah jadi. ",
    "Nomor KK: {KK}, NIK: {NIK}, mohon dibantu perubahan data. ",
    # sekolah
    "Anak saya {N} kelas 5 di {SCH} diminta membayar {RP} untuk seragam, apakah ini resmi? ",
    "Kepala sekolah {SCH} {HNT} menahan ijazah anak saya karena tunggakan {RP}. ",
    "Guru di {SCH} bernama {HN} sering tidak masuk kelas, sudah {QTY} bulan ini. ",
    "PPDB zonasi {SCH} tidak transparan, anak tetangga saya {N} yang rumahnya dekat tidak diterima. ",
    # puskesmas / RS
    "Pelayanan di {PKM} sangat lambat, saya antre dari {TIME} sampai siang. ",
    "Ibu saya {N} pasien BPJS nomor {BPJS} ditolak di {FAC} dengan alasan kamar penuh. ",
    "Nomor kartu KIS saya {BPJS} tidak aktif padahal saya peserta PBI. ",
    "Dokter jaga di {FAC} {HNT} membentak pasien {TIME}. ",
    "Bidan {N} di {PKM} meminta biaya {RP} untuk persalinan padahal pakai BPJS. ",
    # bansos
    "Saya tidak menerima bansos PKH lagi sejak {DATE}, padahal terdaftar dengan NIK {NIK}. ",
    "Bantuan BLT tahap 2 dipotong {RP} oleh {OFFICIAL}. ",
    "Yang menerima bansos justru {HN} yang punya mobil, sedangkan tetangga saya {N} yang janda tidak dapat. ",
    "Uang bantuan ditransfer ke {REK} atas nama {N} tapi tidak pernah sampai. ",
    # parkir / lalu lintas
    "Juru parkir di {FAC} minta {RP} untuk motor, jauh di atas tarif resmi. ",
    "Mobil dengan nomor polisi {NOPOL} parkir di trotoar {STREET} setiap hari. ",
    "Jukir liar di {STREET} memaksa minta uang, motor saya {NOPOL} sempat ditahan. ",
    "Traffic light di simpang {STREET} mati {COUNT}, sering terjadi kecelakaan. ",
    "Angkot {NOPOL} ngetem sembarangan di depan {FAC} dan bikin macet {TIME}. ",
    # ketertiban / lain-lain
    "Ada warung remang-remang di {NBH} yang buka sampai {TIME}, mohon {AGENCY} menertibkan. ",
    "Tetangga saya {HN} memelihara anjing yang dilepas di jalan, sudah menggigit {QTY}. ",
    "PKL di {FAC} menutup jalan, {AGENCY} sudah tahu tapi diam saja. ",
    "Pengamen dan pengemis di lampu merah {STREET} makin banyak sejak {DATE}. ",
    "Pembangunan ruko milik {HN} di {STREET} tanpa IMB dan menutup saluran air. ",
    "Ada pinjol yang meneror saya, penagihnya {N} menelepon dari {HP}. ",
    "Saya ditipu penjual online bernama {N}, sudah transfer {RP} ke rekening {REK}. ",
    "Debt collector bernama {N} mengancam di rumah {ADDR} pada {DATE}. ",
    "Pengajuan paspor saya nomor {PASPOR} ditahan imigrasi, mohon info. ",
    "Saya mengajukan NPWP {NPWP} tapi data di sistem salah. ",
    "Penghasilan saya dipotong pajak padahal NPWP {NPWP} sudah non-efektif. ",
    "Banjir setinggi lutut di {NBH} setiap hujan deras, saluran di {STREET} mampet. ",
    "Got di {GANG} buntu sehingga air meluap ke rumah {HN}. ",
    "Pohon tumbang di {STREET} menimpa kabel listrik {TIME}, belum dievakuasi {AGENCY}. ",
    "Terima kasih kepada {OFFICIAL} yang sudah cepat menanggapi laporan kami lewat {PROD}. ",
    "Apresiasi untuk {AGENCY}, jalan di {STREET} sudah diperbaiki dalam {COUNT}. ",
    "Laporan saya di {PROD} tanggal {DATE} belum ditanggapi, mohon {AGENCY} memberi kejelasan. ",
    "{N} mengaku petugas {AGENCY} dan menarik uang {RP} dari tiap rumah di {KEL}. ",
    "{NT} selaku pemilik pabrik di {KEL} membuang limbah ke sungai sejak {DATE}. ",
    "{HN} dan {HN} bertengkar soal batas tanah di {NBH}. ",
    "Anak saya, {N}, dibully di {SCH} oleh kakak kelasnya. ",
    "Suami saya {N} kerja di proyek {AGENCY} tapi gajinya {RP} belum dibayar {COUNT}. ",
    "Orang tua saya {HN} lansia dan belum mendapat bantuan sejak {DATE}. ",
    "Kemarin {N} datang ke rumah dan marah-marah soal batas tanah. ",
    "Sudah saya sampaikan ke {N} tapi tidak ada tanggapan. ",
    "Kata {HN}, petugas {AGENCY} baru bisa datang {COUNT} lagi. ",
    "{N} (45 th), warga {KEL}, sering mabuk dan membuat onar di {FAC}. ",
    "Saya sudah bertemu {OFFICIAL} di kantor tapi disuruh menunggu. ",
    "Rumah kosong milik {HN} di {NBH} jadi sarang narkoba. ",
    "Menurut {N} dari {AGENCY}, anggarannya {RP} dan sudah cair {DATE}. ",
    "Kami sudah urunan {RP} per KK untuk perbaikan saluran, dikoordinir {HN}. ",
    "Warga {KEL} dan {KEL} terdampak banjir, {QTY} terendam sejak {DATE} {TIME}. ",
]
CONTACTS = [
    "Bisa hubungi saya di {HP}. ",
    "No. HP/WA: {HP}. ",
    "Kontak saya {HP} atau email {EMAIL}. ",
    "WA {HP} ",
    "Email: {EMAIL}. ",
    "Mohon hubungi {HP} (WA only). ",
    "Telp rumah {HP}. ",
    "Bisa DM ke {AKUN}. ",
    "Info lebih lanjut {AKUN} ",
    "HP saya {HP}, NIK {NIK}. ",
    "Nomor saya {HP}. ",
    "Hubungi via WhatsApp {AKUN}. ",
    "Saya sertakan KTP, NIK {NIK}, KK {KK}. ",
    "No rek {REK} a.n. {N} untuk pengembalian dana. ",
    "Akun fb saya {AKUN} ",
    "",
    "",
    "",
]
CLOSERS = [
    "Terima kasih.",
    "Mohon segera ditindaklanjuti.",
    "Mohon tindak lanjut, terima kasih.",
    "Wassalamualaikum.",
    "Terima kasih atas perhatiannya. Hormat saya, {ME}",
    "Salam, {ME}",
    "Tolong segera diperbaiki!!",
    "Matur suwun.",
    "Saya tunggu kabarnya via {PROD}.",
    "",
    "Ttd, {ME}",
    "Mohon ditanggapi sebelum {DATE}.",
]
STYLES = ["tidy"] * 35 + ["lower"] * 15 + ["upper"] * 10 + ["wa"] * 20 + ["typo"] * 10 + ["sloppy"] * 10


def generate(n: int = 2400, seed: int = DEFAULT_SEED) -> list[Sample]:
    """``n`` labelled complaint texts, the same for the same seed."""
    rng = random.Random(seed)
    lexicon = _lexicon_words()
    samples = []
    for _ in range(n):
        builder = _Builder(_Maker(rng), lexicon)
        builder.fill(rng.choice(OPENERS))
        builder.fill(rng.choice(INTROS))
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            builder.fill(rng.choice(BODIES))
        builder.fill(rng.choice(CONTACTS))
        builder.fill(rng.choice(CLOSERS))
        if not builder.person and rng.random() < 0.2:
            builder.fill("\n\n{ME}")
        samples.append(builder.render(rng.choice(STYLES)))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    for sample in generate(args.n, args.seed):
        print(f"[{sample.style}] {sample.text}")
        for label in sample.labels:
            print(f"    {label.kind:16} {label.value!r}{' (oov)' if label.oov else ''}")
        print()


if __name__ == "__main__":
    main()
