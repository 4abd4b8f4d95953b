"""`aduan demo`: a realistic year of reports for Kota Pasuruan-like regions.

It writes import lines (docs/import-format.md) and imports them, so the demo exercises the same
path as a real channel. Agencies' shares follow E-Sambat's published breakdown (Air Minum 23%,
PUPR 16%, …) and statuses its mix (selesai, diproses, menunggu tindak lanjut, ditolak).
Reporters, phone numbers and NIKs are invented; some descriptions carry personal data on
purpose, as real ones do, so the redaction shows.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from .clock import WIB
from .region import Region

AGENCY_WEIGHTS = {
    "air-minum": 23,
    "pupr": 16,
    "perhubungan": 11,
    "kesehatan": 11,
    "perkim": 8,
    "ketenagakerjaan": 6,
    "lingkungan-hidup": 4,
    "adminduk": 4,
    "satgas-covid": 3,
    "pendidikan": 3,
    "satpol-pp": 4,
    "sosial": 4,
    "kominfo": 3,
}

SUBJECTS: dict[str, list[tuple[str, str]]] = {
    "air-bersih": [
        (
            "Air PDAM tidak mengalir sudah {n} hari",
            "Sejak {n} hari yang lalu air PDAM di {place} tidak mengalir sama sekali. Warga terpaksa membeli air galon untuk mandi dan memasak.",
        ),
        (
            "Air PDAM keruh dan berbau",
            "Air dari Perumda Air Minum di {place} keruh kecoklatan dan berbau kaporit. Mohon segera dicek.",
        ),
        (
            "Pipa PDAM bocor di pinggir jalan",
            "Ada pipa bocor di {street} dekat {place}, air terbuang percuma sejak minggu lalu.",
        ),
        (
            "Tagihan air naik tidak wajar",
            "Tagihan air bulan ini Rp 450.000 padahal biasanya Rp 90.000. Nomor pelanggan atas nama saya {name}, HP {phone}.",
        ),
    ],
    "jalan-jembatan": [
        (
            "Jalan berlubang membahayakan pengendara",
            "Jalan di {street} wilayah {place} banyak lubang besar, sudah ada pengendara motor yang jatuh malam hari.",
        ),
        (
            "Jembatan kecil retak",
            "Jembatan penghubung di {place} retak di bagian tengah, mohon diperiksa sebelum ambrol.",
        ),
        (
            "Aspal mengelupas setelah hujan",
            "Aspal yang baru diperbaiki di {street} sudah mengelupas lagi setelah {n} kali hujan.",
        ),
    ],
    "drainase-banjir": [
        (
            "Saluran air tersumbat, banjir tiap hujan",
            "Saluran di {street} {place} tersumbat sampah dan lumpur. Setiap hujan air masuk ke rumah warga.",
        ),
        ("Gorong-gorong ambrol", "Gorong-gorong di dekat {facility} ambrol dan membuat genangan."),
    ],
    "penerangan-jalan": [
        (
            "Lampu PJU mati di {street}",
            "Lampu penerangan jalan umum di {street} sekitar {place} mati sudah {n} minggu, rawan kejahatan.",
        ),
        ("Lampu jalan menyala siang hari", "Lampu PJU di {street} menyala terus siang hari, boros listrik."),
    ],
    "lalu-lintas-parkir": [
        (
            "Parkir liar di depan {facility}",
            "Banyak kendaraan parkir liar di depan {facility} sehingga jalan macet setiap pagi.",
        ),
        ("Rambu lalu lintas roboh", "Rambu dilarang parkir di {street} roboh tertabrak truk, belum diperbaiki."),
        ("Juru parkir minta tarif berlebihan", "Juru parkir di {facility} meminta Rp 5.000 untuk motor, tanpa karcis."),
    ],
    "layanan-kesehatan": [
        ("Antrean panjang di {clinic}", "Antrean di {clinic} sangat panjang, pasien lansia menunggu lebih dari 3 jam."),
        (
            "Obat di puskesmas kosong",
            "Obat hipertensi di {clinic} kosong sejak bulan lalu. Ibu saya {name} harus beli sendiri.",
        ),
    ],
    "perumahan-permukiman": [
        (
            "Rumah tidak layak huni belum dibantu",
            "Rumah warga di {place} atapnya hampir roboh, sudah diusulkan program RTLH tapi belum ada kabar.",
        ),
        ("Jalan kampung belum dipaving", "Jalan gang di {place} masih tanah, becek saat hujan. Mohon program paving."),
    ],
    "ketenagakerjaan": [
        ("Info pelatihan kerja untuk pemuda", "Mohon informasi jadwal pelatihan kerja BLK untuk pemuda di {place}."),
        (
            "Gaji di bawah UMK",
            "Perusahaan di {place} membayar karyawan di bawah UMK Kota Pasuruan. Saya {name} bisa dihubungi di {phone}.",
        ),
    ],
    "sampah-kebersihan": [
        (
            "Sampah menumpuk di TPS",
            "Sampah di TPS dekat {facility} menumpuk dan tidak diangkut {n} hari, bau menyengat.",
        ),
        ("Pembakaran sampah sembarangan", "Ada warga membakar sampah di lahan kosong di {place}, asapnya masuk rumah."),
    ],
    "pencemaran": [
        ("Limbah pabrik dibuang ke sungai", "Air sungai di {place} berwarna hitam dan berbau, diduga limbah pabrik."),
    ],
    "kependudukan": [
        (
            "KTP elektronik belum jadi",
            "Saya rekam KTP-el di Dispendukcapil {n} bulan lalu tetapi belum jadi. NIK saya {nik}.",
        ),
        ("Pengurusan akta kelahiran lama", "Pengurusan akta kelahiran anak saya sudah {n} minggu belum selesai."),
        ("Informasi syarat pindah domisili", "Mohon informasi syarat pindah domisili dari kabupaten ke Kota Pasuruan."),
    ],
    "covid-19": [
        ("Jadwal vaksin booster", "Mohon informasi jadwal vaksin booster di {clinic}."),
    ],
    "pendidikan": [
        ("Pungutan di sekolah negeri", "Ada pungutan Rp 250.000 untuk seragam di {school}, padahal katanya gratis."),
        (
            "Zonasi PPDB tidak jelas",
            "Anak saya tidak diterima di {school} padahal rumah dekat. Mohon penjelasan zonasi.",
        ),
    ],
    "ketertiban-umum": [
        (
            "PKL berjualan di trotoar",
            "Pedagang kaki lima memenuhi trotoar di {street}, pejalan kaki terpaksa turun ke jalan.",
        ),
        ("Balap liar tiap malam minggu", "Ada balap liar setiap malam minggu di {street} sampai pukul 02.00."),
    ],
    "bantuan-sosial": [
        (
            "Bansos tidak tepat sasaran",
            "Tetangga saya yang mampu menerima bansos sedangkan warga miskin di {place} tidak.",
        ),
        ("BPNT belum cair", "Bantuan pangan non tunai untuk keluarga saya belum cair {n} bulan."),
    ],
    "kekerasan-perempuan-anak": [
        (
            "Mohon pendampingan korban",
            "Mohon pendampingan untuk seorang anak di lingkungan kami yang diduga mengalami kekerasan.",
        ),
    ],
    "layanan-informasi": [
        (
            "Website kelurahan tidak bisa dibuka",
            "Website resmi kelurahan {place} tidak bisa diakses sejak minggu lalu.",
        ),
        (
            "Terima kasih atas layanan E-Sambat",
            "Terima kasih, aduan saya sebelumnya cepat ditanggapi. Pelayanan sangat baik.",
        ),
    ],
}
STREETS = [
    "Jl. Hayam Wuruk",
    "Jl. Panglima Sudirman",
    "Jl. Veteran",
    "Jl. Ahmad Yani",
    "Jl. Sultan Agung",
    "Jl. Pahlawan",
    "Jl. Soekarno Hatta",
    "Jl. Dr. Wahidin Sudirohusodo",
    "Jl. KH. Mansyur",
    "Jl. Balaikota",
]
FACILITIES = [
    "Pasar Besar",
    "Alun-alun",
    "Stasiun Pasuruan",
    "Terminal Blandongan",
    "Masjid Jami' Al-Anwar",
    "GOR Untung Suropati",
    "Pelabuhan Pasuruan",
]
CLINICS = [
    "Puskesmas Bugul Kidul",
    "Puskesmas Gadingrejo",
    "Puskesmas Purworejo",
    "Puskesmas Kebonsari",
    "RSUD dr. R. Soedarsono",
]
SCHOOLS = ["SDN Kebonsari 1", "SMPN 2 Pasuruan", "SDN Bugul Lor", "SMPN 5 Pasuruan", "SDN Tembokrejo 3"]
NAMES = [
    "Slamet Riyadi",
    "Siti Aminah",
    "Agus Prasetyo",
    "Dewi Lestari",
    "Muhammad Faisal",
    "Nur Hidayah",
    "Bambang Sutrisno",
    "Rina Wulandari",
    "Ahmad Fauzi",
    "Sri Wahyuni",
    "Eko Saputro",
    "Fitri Handayani",
    "Hadi Santoso",
    "Lilik Suryani",
    "Yusuf Maulana",
    "Endang Susilowati",
]
NOTES = {
    "verified": ["Laporan diteruskan ke {agency}.", "Sudah diverifikasi, menunggu tindak lanjut {agency}."],
    "in_progress": [
        "Petugas sudah melakukan survei lokasi.",
        "Sedang dijadwalkan perbaikan minggu ini.",
        "Tim lapangan sudah menuju lokasi.",
    ],
    "resolved": [
        "Perbaikan sudah selesai dilaksanakan.",
        "Sudah ditangani, terima kasih atas laporannya.",
        "Petugas telah menyelesaikan pekerjaan di lokasi.",
    ],
}
REJECTIONS = [
    ("out_of_jurisdiction", "Lokasi di wilayah Kabupaten Pasuruan, diteruskan ke Pemerintah Kabupaten Pasuruan."),
    ("personal_matter", "Permasalahan pribadi antarwarga, bukan layanan publik."),
    ("incomplete", "Laporan tidak memuat lokasi dan keterangan yang cukup."),
    ("duplicate", "Sudah dilaporkan sebelumnya."),
]


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(["0812", "0813", "0857", "0878", "0821"])
        + "-"
        + str(rng.randint(1000, 9999))
        + "-"
        + str(rng.randint(1000, 9999))
    )


def _nik(rng: random.Random) -> str:
    day = rng.randint(1, 28) + rng.choice([0, 40])
    return f"357501{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}{rng.randint(1, 999):04d}"


def generate(region: Region, count: int = 400, seed: int = 2022, end: datetime | None = None) -> list[dict[str, Any]]:
    """`count` reports in the import format, spread over the year before `end`."""
    rng = random.Random(seed)
    end = end or datetime.now(WIB).replace(microsecond=0)
    agencies = [a for a in AGENCY_WEIGHTS if a in region.agencies]
    by_agency = {a: [c for c in region.categories.values() if c.agency == a and c.id in SUBJECTS] for a in agencies}
    kelurahan = list(region.kelurahan.values())
    lines = []
    for i in range(count):
        agency = rng.choices(agencies, weights=[AGENCY_WEIGHTS[a] for a in agencies])[0]
        category = rng.choice(by_agency[agency]) if by_agency[agency] else None
        place = rng.choice(kelurahan)
        name, phone = rng.choice(NAMES), _phone(rng)
        title, text = rng.choice(SUBJECTS[category.id if category else "layanan-informasi"])
        fill = {
            "n": rng.randint(2, 6),
            "place": place.name,
            "street": rng.choice(STREETS),
            "name": name,
            "phone": phone,
            "nik": _nik(rng),
            "facility": rng.choice(FACILITIES),
            "clinic": rng.choice(CLINICS),
            "school": rng.choice(SCHOOLS),
        }
        if rng.random() < 0.25:
            text += rng.choice(
                [
                    f" Hubungi saya di {phone}.",
                    f" Nama saya {name}, RT 0{rng.randint(1, 9)} RW 0{rng.randint(1, 9)}.",
                    f" Bisa WA ke {phone} a.n. {name}.",
                ]
            )
        age = timedelta(days=rng.uniform(0, 365), hours=rng.uniform(0, 10))
        submitted = (end - age).replace(hour=rng.randint(6, 21), minute=rng.randint(0, 59), second=0)
        if submitted > end:
            submitted = end - timedelta(hours=1)
        kind = (
            "appreciation"
            if "Terima kasih" in title
            else "information_request"
            if "informasi" in title.lower()
            else rng.choices(["complaint", "aspiration"], weights=[9, 1])[0]
        )
        history = _history(rng, submitted, end, agency, region)
        lines.append(
            {
                "ref": f"ESAMBAT-{seed}-{i + 1:05d}",
                "channel": rng.choice(["web", "web", "whatsapp", "e-sambat", "sms"]),
                "submitted_at": submitted.isoformat(),
                "kind": kind,
                "title": title.format(**fill),
                "description": text.format(**fill),
                "agency": agency if len(history) > 1 else None,
                "category": category.id if category else None,
                "location": {
                    "kecamatan": place.kecamatan,
                    "kelurahan": place.name,
                    "address": fill["street"],
                    "lat": place.lat,
                    "lon": place.lon,
                },
                "reporter": {
                    "name": name,
                    "phone": phone,
                    "email": f"{name.split()[0].lower()}{rng.randint(1, 99)}@example.com",
                    "nik": fill["nik"] if rng.random() < 0.3 else None,
                },
                "anonymous": rng.random() < 0.1,
                "confidential": rng.random() < 0.05,
                "history": history,
            }
        )
    return lines


def _history(
    rng: random.Random, submitted: datetime, end: datetime, agency: str, region: Region
) -> list[dict[str, Any]]:
    history: list[dict[str, Any]] = [
        {"status": "received", "at": submitted.isoformat(), "agency": None, "reason": None, "note": None}
    ]
    at = submitted
    target = rng.choices(["received", "verified", "in_progress", "resolved", "rejected"], weights=[4, 36, 28, 28, 8])[0]
    if (end - submitted).days < 3:
        target = "received"
    if target == "received":
        return history

    def step(status: str, days: float, **extra: Any) -> bool:
        nonlocal at
        nxt = at + timedelta(days=days, hours=rng.uniform(1, 6))
        if nxt >= end:
            return False
        at = nxt
        notes = NOTES.get(status, [""])
        history.append(
            {
                "status": status,
                "at": at.isoformat(),
                "agency": extra.pop("agency", agency),
                "reason": None,
                "note": rng.choice(notes).format(agency=region.agency_name(agency)),
                **extra,
            }
        )
        return True

    if target == "rejected":
        reason, note = rng.choice(REJECTIONS)
        at = at + timedelta(days=rng.uniform(0.2, 3))
        if at < end:
            history.append({"status": "rejected", "at": at.isoformat(), "agency": None, "reason": reason, "note": note})
        return history
    if not step("verified", rng.uniform(0.1, 4)) or target == "verified":
        return history
    if not step("in_progress", rng.uniform(0.5, 8)) or target == "in_progress":
        return history
    step("resolved", rng.uniform(1, 20))
    return history


def demo_lines(region: Region, count: int = 400, seed: int = 2022, end: datetime | None = None) -> list[str]:
    return [json.dumps(line, ensure_ascii=False) for line in generate(region, count, seed, end)]
