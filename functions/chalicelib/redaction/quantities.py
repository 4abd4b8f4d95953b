"""Amounts, dates, times, counts and references to laws and letters.

Found before anything else and never taken for identifiers or house numbers: "Rp 150.000",
"12/03/2026", "pukul 08.30", "3 hari", "Perda No. 5 Tahun 2019".
"""

from __future__ import annotations

import re

from . import engine
from .document import _Doc, _Scan, _Span

_MONTH = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|pebruari|mar(?:et)?|apr(?:il)?|mei|juni?|juli?|agu(?:stus)?|agt|ags|agst"
    r"|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|nop(?:ember)?|des(?:ember)?)"
)
_NOT_AFTER_DIGIT = r"(?<!\d)(?<!\d[ .\-])"
_UNIT_WORDS = (
    "hari|hr|minggu|mgg|pekan|bulan|bln|tahun|thn|th|jam|jm|menit|mnt|detik|kali|kl|x|orang|org|jiwa|kk|rumah"
    "|keluarga|unit|buah|bh|titik|meter|mtr|m|km|cm|mm|kg|ton|kwintal|liter|ltr|lt|lembar|lbr|karung|truk|rit"
    "|ekor|anak|siswa|murid|pasien|warga|lampu|tiang|pohon|lubang|ruas|persen|kubik|m3|m2|ha|hektar|are"
    "|bidang|sak|zak|batang|biji|bungkus|paket|porsi|tabung|dus|galon"
    "|ember|jerigen|bulanan|tahunan|hariannya|an|lebih|kurang|lagi|sekali"
    # English (session 14): a tourist's "2 nights", "3 weeks", "40 bags"
    "|night|nights|day|days|week|weeks|month|months|year|years|hour|hours|hrs|minute|minutes|mins|people|persons"
    "|times|bags|rooms|guests|villas|kids|children"
).split("|")


def _trie(words: list[str]) -> str:
    """One regex for a set of words, sharing their prefixes ("b(?:ulan|ln|...)"): the regex engine tries the
    branches of an alternation one by one, so a flat list of 80 words costs 80 tries at every number.
    Every use is followed by ``\\b`` and every word is made of word characters, so at most one word can match
    at a place and the order of the branches changes nothing."""
    children: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        children.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first, rests in sorted(children.items()):
        if not first:
            continue
        tails = [r for r in rests if r]
        inner = _trie(tails) if tails else ""
        if inner and "" in rests:
            inner = f"(?:{inner})?"
        branches.append(re.escape(first) + inner)
    return branches[0] if len(branches) == 1 and "" not in children else "(?:" + "|".join(branches) + ")"


_UNITS = _trie(list(_UNIT_WORDS))
_NUMERIC_PATTERNS = [
    # amounts: Rp 150.000 / Rp150.000,00 / rp 1,5 jt / 2 juta / 500 ribu
    r"(?<![^\W\d_])(?:rp|idr)\.?\s?\d[\d.,]*(?:\s?[,.]?-)?(?:\s?(?:juta|jt|ribu|rb|rbu|rebu|k|miliar|milyar|m)\b)?",
    rf"{_NOT_AFTER_DIGIT}\d[\d.,]*\s?(?:juta|jt|ribu|rb|rbu|rebu|miliar|milyar|rupiah|perak|jutaan|ribuan)\b",
    # dates: 12/03/2026, 2026-03-12, 12 Maret 2026, Maret 2026, tahun 2026
    rf"{_NOT_AFTER_DIGIT}(?P<d>\d{{1,2}})\s?[/\-.]\s?(?P<m>\d{{1,2}})\s?[/\-.]\s?(?:19|20)?\d{{2}}(?![.\-/]?\d)",
    rf"{_NOT_AFTER_DIGIT}(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}(?!\d)",
    rf"{_NOT_AFTER_DIGIT}\d{{1,2}}(?:\s?(?:-|s/?d|s\.d\.?|sampai|hingga)\s?\d{{1,2}})?\s?{_MONTH}\b\.?(?:\s?'?(?:19|20)?\d{{2}}\b)?",
    rf"(?<![^\W\d_]){_MONTH}\.?\s(?:19|20)\d{{2}}\b",
    r"(?<![^\W\d_])(?:tahun|thn|th|tgl|tanggal)\.?\s?(?:19|20)\d{2}\b",
    # times: pukul 08.30, jam 8, 08:30 WIB, 07.00-12.00
    r"(?<![^\W\d_])(?:pukul|pkl|jam|jm)\.?\s?\d{1,2}(?:[.:]\d{2})?(?:\s?(?:-|s/?d|sampai|hingga)\s?\d{1,2}(?:[.:]\d{2})?)?",
    rf"{_NOT_AFTER_DIGIT}\d{{1,2}}[.:]\d{{2}}(?:\s?(?:-|s/?d|sampai|hingga)\s?\d{{1,2}}[.:]\d{{2}})?\s?(?:wib|wita|wit)\b",
    rf"{_NOT_AFTER_DIGIT}\d{{1,2}}[.:][0-5]\d\s?(?:-|s/?d|sampai|hingga)\s?\d{{1,2}}[.:][0-5]\d(?![.\d])",
    # session 14, one scan: a day and a month before a time ("18/10 08.00-14.00", an outage's notice), an English
    # clock's time ("till 4am", "at 10.30 pm") and a thousand written "k" ("pay 500k")
    rf"{_NOT_AFTER_DIGIT}(?:(?:[0-2]?\d|3[01])/(?:0?[1-9]|1[0-2])[ \t]+\d{{1,2}}[.:][0-5]\d"
    rf"(?:\s?(?:-|s/?d|s\.d\.?|sampai|hingga)\s?\d{{1,2}}[.:][0-5]\d)?(?![.\d])"
    r"|\d{1,2}(?:[.:][0-5]\d)?(?:am|pm|\s?(?:pm|a\.m\.|p\.m\.))(?![^\W\d_])"
    r"|\d{2,3}k(?![^\W\d_]))",
    # counts and measures: 3 hari, 2 minggu, 50 meter, 10%, ke-3
    rf"{_NOT_AFTER_DIGIT}\d{{1,4}}(?:[.,]\d+)?\s?(?:{_UNITS})\b",
    rf"{_NOT_AFTER_DIGIT}\d{{1,3}}(?:[.,]\d+)?\s?%",
    r"(?<![^\W\d_])ke-?\s?\d{1,3}(?!\d)",
]
# Laws and letters: "Perda No. 5 Tahun 2019", "UU Nomor 27 Tahun 2022", "Surat Nomor 100/761/423.011/2024".
# Numbers, not identifiers, and not house numbers either.
_REFERENCE = re.compile(
    r"(?<![^\W\d_])(?:no|nomor|nmr)\s?\.?\s?:?\s?\d{1,4}(?:\s?/\s?[\w.\-]+)*\s?(?:tahun|thn|th)\.?\s?(?:19|20)\d{2}\b"
    r"|(?<![^\W\d_])(?:no|nomor|nmr)\s?\.?\s?:?\s?\d{1,4}(?:/[\w.\-]+){2,}",
    re.IGNORECASE,
)
# Report, ticket and queue numbers are the service's own, printed on the receipt and quoted back to it:
# public, never a NIK or an account ("Digabung ke tiket ADN-2026-02-01988", "no. laporan: 2026030100871",
# "Nomor antrian DKP-2026-06-00412", "#LPR-0927341"). Two shapes: what a reference word names, and a code
# of capitals joined to its digits by a dash or a slash, which no personal identifier is written as.
_TICKET_WORDS = (
    r"(?:no(?:mor|mer|mr)?\.?\s?)?(?:laporan|lap|pengaduan|aduan|tiket|ticket|antrian|antrean|registrasi|reg|resi"
    r"|referensi|ref|pelaporan)"
    r"|kode\s(?:laporan|pengaduan|aduan|tiket|booking)|id\s(?:laporan|pengaduan|aduan|tiket)"
)
_TICKET_CODE = r"#?(?:[A-Z][A-Z0-9]{1,7}[\-/])?\d[\dA-Z]*(?:[\-/][\dA-Z]+)*"
_TICKET = re.compile(
    rf"(?<![^\W\d_])(?:{_TICKET_WORDS})(?:nya)?\s?(?:saya|sy|kami|no|nomor)?\.?\s?[:#]?\s?(?P<code>{_TICKET_CODE})(?![\w\-/])",
    re.IGNORECASE,
)
# Capitals that name what a number is when joined to it ("NIK-3573...", "HP-0812..."): not a code.
_CUE_PREFIXES = frozenset("NIK KK NKK KTP NPWP HP WA TELP TLP BPJS KIS REK NOREK NO BRI BNI BCA BTN BSI VA".split())
_CODE = re.compile(r"(?<![^\W\d_])(?P<prefix>[A-Z][A-Z0-9]{1,7})(?:[\-/]\d+)+(?:[\-/][\dA-Z]+)*(?![\w\-/])")
# A count of one or two digits may follow a phone number ("081234567890 3 kali"), but "BRI 4467 0167 52
# Lampu..." is an account number that ran into the next sentence: only a lower-case unit makes a count.
_COUNT_AFTER_DIGITS = re.compile(rf"(?<=\d[ ])\d{{1,2}}\s?(?:{_UNITS})\b")
_NUMERIC = [re.compile(p, re.IGNORECASE) for p in _NUMERIC_PATTERNS] + [_COUNT_AFTER_DIGITS]


# Each pattern is scanned only where a word or a number starts (see document._Scan).
_REFERENCE_SCAN = _Scan(_REFERENCE, "word")
_NUMERIC_SCANS = [_Scan(p, "number" if p.pattern.startswith(("(?<!\\d)", "(?<=\\d")) else "word") for p in _NUMERIC]


_TICKET_SCAN = _Scan(_TICKET, "word")


_PHONE_START = re.compile(r"#?(?:0[2-9]|\+?62)")


def _ticket(code: str) -> bool:
    """What a reference word names is the service's number unless it is shaped like a phone: "layanan aduan
    0812 3456 7890" gives a phone number (whose groups the code, stopping at the first space, begins)."""
    return not _PHONE_START.match(code)


def _code(text: str, m: re.Match[str]) -> bool:
    """A code of the service's ("ADN-2026-02-01988"), not an identifier named by its label ("NIK-3573...")
    nor the tail of a longer token ("12AB-2026")."""
    before = text[m.start() - 1 : m.start()]
    if m.group("prefix") in _CUE_PREFIXES or before.isalnum() or before in "-/":
        return False
    # a service's code carries a year or a serial of four digits or more; "Gg. Flamboyan IV/51" and
    # "RT-05/RW-03" do not
    return _ROMAN.fullmatch(m.group("prefix")) is None and _SERIAL.search(m.group()) is not None


_ROMAN = re.compile(r"[IVXLC]+")
_SERIAL = re.compile(r"\d{4}")


_CODE_HEAD = re.compile(r"(?<![^\W\d_])[A-Z][A-Z0-9]{1,7}[\-/]$")


def _codes(doc: _Doc) -> list[_Span]:
    """The codes of the text, looked for only before a number that follows a dash or a slash (a text has a
    few numbers; the pattern tried over the whole text would cost more than the rest of this module)."""
    if not engine.FAST:
        return [_Span(m.start(), m.end()) for m in _CODE.finditer(doc.text) if _code(doc.text, m)]
    text, found, after = doc.text, [], 0
    for at, _ in doc.starts("number"):
        if at < after or at < 3 or text[at - 1] not in "-/":
            continue
        head = _CODE_HEAD.search(text, max(0, at - 9), at)
        m = _CODE.match(text, head.start()) if head else None
        if m and _code(text, m):
            found.append(_Span(m.start(), m.end()))
            after = m.end()
    return found


def _numeric_spans(doc: _Doc) -> list[_Span]:
    if not doc.starts("number"):
        return []  # every one of them has a digit
    spans = [_Span(m.start(), m.end()) for m in _REFERENCE_SCAN.finditer(doc)]
    spans += [_Span(m.start("code"), m.end("code")) for m in _TICKET_SCAN.finditer(doc) if _ticket(m.group("code"))]
    spans += _codes(doc)
    spans += _report_columns(doc)
    for scan in _NUMERIC_SCANS:
        pattern = scan.pattern
        for m in scan.finditer(doc):
            if "d" in pattern.groupindex and m.group("d") and not _plausible_day_month(m.group("d"), m.group("m")):
                continue
            spans.append(_Span(m.start(), m.end()))
    return spans


def _plausible_day_month(day: str, month: str) -> bool:
    d, mo = int(day), int(month)
    return (1 <= d <= 31 and 1 <= mo <= 12) or (1 <= mo <= 31 and 1 <= d <= 12)


# A table pasted as text whose column says it holds report numbers ("No Laporan", "Nomor Tiket"): its
# cells are the service's references, whatever their length ("01/03/2026\t2026030100871\tSampah").
_REPORT_COLUMN = re.compile(
    r"(?i)^\s*(?:no|nomor|nmr|kode|id)\.?\s?(?:laporan|pengaduan|aduan|tiket|ticket|registrasi|reg|antrian|antrean)\s*$"
)
_CELL = re.compile(r"[^\t|]+")


def _report_columns(doc: _Doc) -> list[_Span]:
    text = doc.text
    if "\t" not in text and "|" not in text:
        return []
    spans: list[_Span] = []
    column: int | None = None
    at = 0
    for line in text.split("\n"):
        cells = [m for m in _CELL.finditer(line) if m.group().strip()]
        if "\t" not in line and "|" not in line:
            column = None  # the table has ended
        elif column is None:
            column = next((k for k, c in enumerate(cells) if _REPORT_COLUMN.match(c.group())), None)
        elif column < len(cells):
            cell = cells[column]
            value = cell.group().strip()
            if any(c.isdigit() for c in value):
                begin = at + cell.start() + cell.group().index(value)
                spans.append(_Span(begin, begin + len(value)))
        at += len(line) + 1
    return spans
