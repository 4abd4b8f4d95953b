"""Structured identifiers (PII) and public numbers, in the spellings people really type.

Each maker returns segments: (text, label) pairs, label None for the cue words around an
identifier that are not themselves identifying ("BRI", "a.n."), so a bank account's span is the
number alone. Identifiers follow their real structure (a NIK starts with the region's code and
carries a birth date, women's day plus 40; a BPJS card number has 13 digits) so a detector
cannot pass by counting digits alone, and public numbers sit close to them in shape (report
numbers, letter numbers, amounts, a count of "40 KK" households) so a detector that redacts
every long number pays in precision.
"""

from __future__ import annotations

import random

from corpus3.names import Person
from corpus3.places import ADDRESS_STREETS, Region

Seg = tuple[str, str | None]

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
MONTHS_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
DAYS = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()
TIME_ZONE = {"denpasar": "WITA", "makassar": "WITA", "jayapura": "WIT", "ambon": "WIT"}
MOBILE_PREFIXES = (
    "0811 0812 0813 0821 0822 0823 0852 0853 0814 0815 0816 0855 0856 0857 0858 0817 0818 0819 0859 "
    "0877 0878 0895 0896 0897 0898 0899 0881 0882 0883 0887 0888 0831 0832 0833 0838"
).split()
MAIL_DOMAINS = (
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "yahoo.co.id",
    "yahoo.com",
    "ymail.com",
    "outlook.com",
    "hotmail.com",
)
TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BANKS = {  # bank cue -> digit count of its account numbers
    "BRI": 15,
    "BCA": 10,
    "Mandiri": 13,
    "BNI": 10,
    "BSI": 10,
    "Bank Jatim": 10,
    "BTN": 16,
    "Bank Nagari": 13,
    "Bank Sumut": 13,
    "Bank Papua": 13,
    "BPD Bali": 13,
    "Bank Sulselbar": 13,
    "Bank Maluku": 12,
    "BJB": 13,
    "CIMB Niaga": 13,
}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _group(s: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(s[i : i + size])
        i += size
    if i < len(s):
        parts.append(s[i:])
    return sep.join(p for p in parts if p)


def _birth(rng: random.Random, female: bool) -> str:
    day = rng.randint(1, 28) + (40 if female else 0)
    return f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(50, 99) if rng.random() < 0.7 else rng.randint(0, 8):02d}"


def _sixteen(rng: random.Random, digits: str) -> str:
    roll = rng.random()
    if roll < 0.45:
        return digits
    if roll < 0.65:
        return _group(digits, (4, 4, 4, 4), " ")
    if roll < 0.75:
        return _group(digits, (6, 6, 4), " ")
    if roll < 0.85:
        return _group(digits, (2, 2, 2, 6, 4), ".")
    if roll < 0.95:
        return _group(digits, (4, 4, 4, 4), "-")
    return _group(digits, (4, 4, 4, 4), ".")


def nik(rng: random.Random, region: Region) -> list[Seg]:
    """A 16-digit NIK: region code, district, birth date (women +40), serial."""
    digits = (
        region.nik_prefix + f"{rng.randint(1, 9):02d}" + _birth(rng, rng.random() < 0.5) + f"{rng.randint(1, 120):04d}"
    )
    return [(_sixteen(rng, digits), "nik")]


def kk(rng: random.Random, region: Region) -> list[Seg]:
    """A 16-digit family card number: region code, district, issue date, serial."""
    issue = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(5, 24):02d}"
    digits = region.nik_prefix + f"{rng.randint(1, 9):02d}" + issue + f"{rng.randint(1, 300):04d}"
    return [(_sixteen(rng, digits), "kk")]


def npwp(rng: random.Random, region: Region) -> list[Seg]:
    """A tax number: 15 digits (often as 09.254.294.3-407.000) or the 16-digit form."""
    d15 = (
        rng.choice(("01", "02", "07", "08", "09", "15", "24", "25", "31", "47", "54", "66", "73", "81", "86"))
        + _digits(rng, 7)
        + _digits(rng, 3)
        + "000"
    )
    roll = rng.random()
    if roll < 0.5:
        text = f"{d15[0:2]}.{d15[2:5]}.{d15[5:8]}.{d15[8]}-{d15[9:12]}.{d15[12:15]}"
    elif roll < 0.7:
        text = d15
    elif roll < 0.85:
        text = "0" + d15
    else:  # since 2024 a resident's NPWP is the NIK
        return [(nik(rng, region)[0][0], "npwp")]
    return [(text, "npwp")]


def telepon(rng: random.Random, region: Region) -> list[Seg]:
    """A phone number: mobile in 08xx/+62/62 with spaces, dots or dashes, or a landline."""
    if rng.random() < 0.12:
        local = _digits(rng, 6 if len(region.area_code) == 4 else 7)
        fmt = rng.choice(("({a}) {n}", "{a}-{n}", "{a} {n}", "{a}{n}"))
        return [(fmt.format(a=region.area_code, n=local), "telepon")]
    prefix = rng.choice(MOBILE_PREFIXES)
    rest = _digits(rng, rng.choice((7, 8, 8, 8)))
    number = prefix + rest
    roll = rng.random()
    if roll < 0.3:
        text = number
    elif roll < 0.45:
        text = _group(number, (4, 4, 4), "-")
    elif roll < 0.6:
        text = _group(number, (4, 4, 4), " ")
    elif roll < 0.67:
        text = _group(number, (4, 4, 4), ".")
    elif roll < 0.8:
        text = "+62 " + _group(number[1:], (3, 4, 4), "-")
    elif roll < 0.88:
        text = "+62" + number[1:]
    elif roll < 0.95:
        text = "62" + number[1:]
    elif roll < 0.97:
        text = "+62 " + _group(number[1:], (3, 4, 4), " ")
    else:
        text = "(+62) " + _group(number[1:], (3, 4, 4), " ")
    return [(text, "telepon")]


def email(rng: random.Random, person: Person) -> list[Seg]:
    """An e-mail address built from `person`'s name, as people make their own."""
    tokens = person.tokens() or ["warga"]
    first = tokens[0]
    last = tokens[-1] if len(tokens) > 1 else ""
    roll = rng.random()
    if roll < 0.3 and last:
        local = f"{first}.{last}"
    elif roll < 0.5 and last:
        local = f"{first}{last[:3]}{rng.randint(1, 99)}"
    elif roll < 0.7:
        local = f"{first}{rng.choice(('', '_'))}{rng.randint(70, 2009)}"
    elif roll < 0.85 and last:
        local = f"{first}_{last}"
    else:
        local = f"{first}.{rng.choice(('official', 'ok', 'cantik', 'mantap', 'new', 'jaya'))}"
    return [(f"{local}@{rng.choice(MAIL_DOMAINS)}", "email")]


def akun(rng: random.Random, person: Person) -> list[Seg]:
    """A social media handle, @ included."""
    tokens = person.tokens() or ["warga"]
    roll = rng.random()
    if roll < 0.35 and len(tokens) > 1:
        handle = f"{tokens[0]}_{tokens[-1]}"
    elif roll < 0.6:
        handle = f"{tokens[0]}.{rng.randint(1, 99)}"
    elif roll < 0.8:
        handle = f"{tokens[0]}{rng.choice(('_', '.', ''))}{rng.choice(('real', 'official', 'id', 'xx', 'ku'))}"
    else:
        handle = "".join(tokens)[:14] + rng.choice(("", "_", "__"))
    return [("@" + handle, "akun")]


def nopol(rng: random.Random, region: Region) -> list[Seg]:
    """A vehicle plate: region letters, 1-4 digits, 1-3 letters, spaced or not."""
    prefix = rng.choice(region.plates)
    number = str(rng.randint(1, 9999))
    suffix = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice((1, 2, 2, 2, 3))))
    fmt = rng.choice(("{p} {n} {s}", "{p} {n} {s}", "{p} {n} {s}", "{p}{n}{s}", "{p}-{n}-{s}", "{p} {n}{s}"))
    return [(fmt.format(p=prefix, n=number, s=suffix), "nopol")]


def rekening(rng: random.Random, region: Region) -> list[Seg]:
    """A bank cue and an account number; only the number is the identifier."""
    bank = rng.choice(list(BANKS))
    digits = _digits(rng, BANKS[bank])
    if bank == "BRI" and rng.random() < 0.5:
        number = _group(digits, (4, 2, 6, 2, 1), "-")
    elif bank == "Mandiri" and rng.random() < 0.5:
        number = _group(digits, (3, 2, 7, 1), "-")
    elif rng.random() < 0.15:
        number = _group(digits, (4, 4, 4, 4), " ")
    else:
        number = digits
    cue = rng.choice(("{b} ", "{b} no. ", "{b} ", "{b} nomor ", "{b}: "))
    return [(cue.format(b=bank), None), (number, "rekening")]


def bpjs(rng: random.Random, region: Region) -> list[Seg]:
    """A 13-digit BPJS/KIS card number."""
    digits = "000" + _digits(rng, 10)
    roll = rng.random()
    if roll < 0.6:
        text = digits
    elif roll < 0.85:
        text = _group(digits, (4, 4, 4, 1), " ")
    else:
        text = _group(digits, (4, 4, 5), "-")
    return [(text, "bpjs")]


def paspor(rng: random.Random, region: Region) -> list[Seg]:
    """An Indonesian passport number: a letter and seven digits."""
    letter = rng.choice("ABCEX")
    digits = _digits(rng, 7)
    return [(rng.choice((f"{letter}{digits}", f"{letter}{digits}", f"{letter} {digits}")), "paspor")]


def alamat(rng: random.Random, region: Region, person_streets: tuple[str, ...]) -> list[Seg]:
    """A house address: street, number and often RT/RW (one span: it locates one household)."""
    street = rng.choice(person_streets) if person_streets and rng.random() < 0.2 else rng.choice(ADDRESS_STREETS)
    if street.startswith("Jl. ") and rng.random() < 0.25:
        street = rng.choice(("Jalan ", "Jln. ", "Jl ", "Jl.")) + street[4:]
    n = rng.randint(1, 120)
    rt, rw = rng.randint(1, 15), rng.randint(1, 12)
    if street.startswith("Perum"):
        base = f"{street} Blok {rng.choice('ABCDEFGH')}{rng.choice(('-', '', ' No. '))}{rng.randint(1, 40)}"
    elif rng.random() < 0.15:
        base = f"{street} Gg. {rng.choice(('II', 'III', 'IV', 'V', 'VII', '3', '5'))} No. {n}"
    else:
        base = f"{street} {rng.choice(('No. ', 'No.', 'no ', 'Nomor ', 'No '))}{n}"
    roll = rng.random()
    if roll < 0.35:
        text = base
    elif roll < 0.6:
        text = f"{base} RT {rt:02d}/RW {rw:02d}"
    elif roll < 0.75:
        text = f"{base} RT {rt:03d} RW {rw:03d}"
    elif roll < 0.9:
        text = f"{base}, RT.{rt:02d} RW.{rw:02d}"
    else:
        text = f"{base} RT{rt}/{rw}"
    return [(text, "alamat")]


# Public numbers: they must survive.


def amount(rng: random.Random, large: bool = False) -> list[Seg]:
    """A sum of money as people write it; `large` for compensation, losses and land (millions)."""
    scale = rng.choice((100, 100, 1000)) if large else rng.choice((1, 1, 10, 1))
    value = rng.choice((25, 50, 75, 100, 150, 200, 250, 300, 350, 500, 600, 750, 900)) * 1000 * scale
    thousands = f"{value:,}".replace(",", ".")
    roll = rng.random()
    if roll < 0.3:
        text = f"Rp {thousands}"
    elif roll < 0.45:
        text = f"Rp{thousands}"
    elif roll < 0.55:
        text = f"Rp. {thousands},-"
    elif roll < 0.7 and value >= 1_000_000:
        text = f"Rp {value / 1_000_000:g} juta".replace(".", ",")
    elif roll < 0.85 and value < 1_000_000:
        text = f"{value // 1000}{rng.choice(('rb', ' ribu', 'rb', 'k'))}"
    else:
        text = f"Rp {thousands}"
    return [(text, "amount")]


def date(rng: random.Random) -> list[Seg]:
    """A date: "12 Maret 2025", "12/03/2025", "Senin, 3 Februari 2025", "3 Feb"."""
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.choice((2024, 2025, 2026))
    roll = rng.random()
    if roll < 0.35:
        text = f"{d} {MONTHS[m - 1]} {y}"
    elif roll < 0.55:
        text = f"{d:02d}/{m:02d}/{y}"
    elif roll < 0.65:
        text = f"{d:02d}-{m:02d}-{y}"
    elif roll < 0.8:
        text = f"{rng.choice(DAYS)}, {d} {MONTHS[m - 1]} {y}"
    elif roll < 0.9:
        text = f"{d} {MONTHS_SHORT[m - 1]}"
    else:
        text = f"{d}/{m}/{str(y)[2:]}"
    return [(text, "date")]


def time(rng: random.Random, region: Region) -> list[Seg]:
    """A clock time: "19.30", "19.30 WIB", "07:15", "7 malam"."""
    h, m = rng.randint(5, 23), rng.choice((0, 0, 15, 30, 30, 45, 10, 20))
    roll = rng.random()
    if roll < 0.35:
        text = f"{h:02d}.{m:02d}"
    elif roll < 0.6:
        text = f"{h:02d}.{m:02d} {TIME_ZONE.get(region.key, 'WIB')}"
    elif roll < 0.75:
        text = f"{h:02d}:{m:02d}"
    else:
        part = "pagi" if h < 11 else "siang" if h < 15 else "sore" if h < 18 else "malam"
        text = f"{h if h <= 12 else h - 12} {part}"
    return [(text, "time")]


COUNT_UNITS = {
    "lama": ("hari", "hari", "hari", "minggu", "minggu", "bulan", "bulan", "tahun"),
    "n_rumah": ("rumah", "rumah", "KK", "warga", "keluarga"),
    "n_orang": ("orang", "orang", "anak", "warga"),
    "n_titik": ("titik", "titik", "lubang", "tempat"),
    "meter": ("meter", "m", "km"),
}


def count(rng: random.Random, unit_kind: str) -> list[Seg]:
    """A count with its unit: "3 hari", "40 KK", "200 meter"."""
    unit = rng.choice(COUNT_UNITS[unit_kind])
    top = {"lama": 14, "n_rumah": 80, "n_orang": 30, "n_titik": 25, "meter": 500}[unit_kind]
    top = {"minggu": 4, "bulan": 11, "tahun": 3, "km": 5}.get(unit, top)
    n = rng.randint(2, top)
    return [(f"{n} {unit}" if unit != "m" else f"{n}{unit}", "count")]


def report_number(rng: random.Random, region: Region) -> list[Seg]:
    """The portal's report number, e.g. PSR-7K3M-9QX2."""
    a = "".join(rng.choice(TICKET_ALPHABET) for _ in range(4))
    b = "".join(rng.choice(TICKET_ALPHABET) for _ in range(4))
    return [(f"{region.ticket}-{a}-{b}", "report_number")]


def letter_number(rng: random.Random) -> list[Seg]:
    """An official letter number, e.g. 470/123/423.105/2025."""
    code = rng.choice(("470", "474", "045.2", "400.9", "600", "460", "440", "900"))
    text = f"{code}/{rng.randint(10, 999)}/{rng.choice(('423.105', 'KEL', '35.75.01', 'Kec', '424.206'))}/{rng.choice((2024, 2025, 2026))}"
    return [(text, "letter_number")]


def rt_rw(rng: random.Random) -> list[Seg]:
    """An RT or RW on its own (a neighbourhood of dozens of households, not an address)."""
    rt, rw = rng.randint(1, 15), rng.randint(1, 12)
    text = rng.choice(
        (f"RT {rt}", f"RT {rt:02d}", f"RW {rw:02d}", f"RT {rt:02d}/RW {rw:02d}", f"RW {rw}", f"RT {rt:03d}")
    )
    return [(text, "rt_rw")]


def service_number(rng: random.Random) -> list[Seg]:
    """A public service line (emergency, call centre)."""
    return [(rng.choice(("112", "110", "113", "119", "123", "1500-112", "14045", "1-500-171")), "service_number")]
