"""Home addresses: RT/RW, house numbers after a street or address word, blocks, gangs.

"Jl. Hasanudin No. 12" keeps "Jl. Hasanudin" and redacts the number; an RT or RW names a
neighbourhood and is kept unless it is part of a household's address.
"""

from __future__ import annotations

import re

from . import engine
from .document import _P_ALAMAT, _Candidate, _Doc, _overlaps, _Scan, _Span
from .lexicon import _LEX, _is_role, _one_typo
from .public import _public_continuation
from .quantities import _REFERENCE_SCAN, _UNITS

_HOUSE_NUMBER = r"\d{1,4}(?:\s?[A-Za-z](?![A-Za-z]))?(?:\s?[/\-]\s?\d{1,4}(?:[A-Za-z](?![A-Za-z]))?)?(?![\d,.]\d)"
_NO = r"(?:no|nomor|nmr|nomer|nom|#)\s?\.?\s?:?\s?"
_RT_RW = re.compile(
    r"(?<![^\W\d_])(?:rt\s?\.?\s?/\s?rw\s?\.?\s?:?\s?0*\d{1,3}\s?/\s?0*\d{1,3}"
    r"|rt\s?\.?\s?:?\s?0*\d{1,3}(?:\s?[/,.\-]?\s?(?:rw\s?\.?\s?:?\s?)0*\d{1,3}|\s?/\s?0*\d{1,3})?"
    r"|rw\s?\.?\s?:?\s?0*\d{1,3})(?!\d)",
    re.IGNORECASE,
)
_HOUSE = re.compile(rf"(?<![^\W\d_]){_NO}(?P<n>{_HOUSE_NUMBER})", re.IGNORECASE)
_GANG = re.compile(
    rf"(?<![^\W\d_])(?:gg|gang|lr|lrg|lorong)[ \t]?\.?[ \t]?(?:(?!(?:no|nomor|nmr|rt|rw)\b)[^\W_]+(?:['\-][^\W_]+)?\.?[ \t]?){{1,3}}"
    rf"(?:,[ \t]?|[ \t]?/[ \t]?)?(?P<no>{_NO})?{_HOUSE_NUMBER}",
    re.IGNORECASE,
)
_BLOCK = re.compile(
    rf"(?<![^\W\d_])(?:blok|blk)\s?\.?\s?(?:[A-Za-z]{{1,2}}\s?[\-./]?\s?\d{{1,4}}[A-Za-z]?|[A-Za-z]{{1,2}}(?=\s?,?\s?{_NO}\d)|\d{{1,4}})"
    rf"(?:\s?,?\s?{_NO}{_HOUSE_NUMBER})?|(?<![^\W\d_])kav(?:ling)?\s?\.?\s?{_HOUSE_NUMBER}",
    re.IGNORECASE,
)
_ADDRESS_CONTEXT = re.compile(
    r"(?i)(?<![^\W\d_])(?:jl|jln|jalan|gg|gang|blok|perum|perumahan|komplek|kompleks|rumah|rmh|alamat|almt|tinggal|"
    r"kediaman|domisili|kos|kost|kontrakan|dusun|dsn|desa|kampung|rt|rw|griya|residence|regency|cluster|kav|kavling|"
    r"asrama|rusun|beralamat|bertempat)(?![^\W\d_])"
)


# An RT or RW names a neighbourhood unit of some fifty to a few hundred households ("warga RT 3 terdampak",
# "Ketua RW 05", "saluran di RT 13 Kelurahan Bukir", "warga RT 07/RW 01 terisolasi", "rumah Bu X di RT 08"):
# it is kept, alone or as a pair, because it identifies nobody. It is an address, and redacted, where it is
# part of a household's address: after a street, a house number, a gang, a block or a housing estate
# ("Jl. Mawar 5 RT 3", "Gg. Melati RT 2 RW 4"), or where the writer says it is where they live ("rumah
# saya di RT 2 RW 4", "saya warga RT 12", "Nama saya X, warga RT 10", "Alamat: RT 03/RW 05", "tinggal di
# RT 3"). The first corpus labelled "banjir di rt 2 rw 4 kelurahan X" an address and the third labelled
# "saluran di RT 13 Kelurahan X" public, the same shape: this is the rule both now follow (issue 11).
_HAMLET = r"(?:(?:dsn|dusun|kampung|kp|desa)\.?,?\s+(?:[^\W\d_]+\s+){1,2})?"  # "Dsn. Kampung Baru RT 3"
_HOME = re.compile(
    r"(?i)(?<![^\W\d_])(?:alamat\w*|almt|beralamat|tinggal|bertempat|domisili|berdomisili|kediaman|kost?|kontrakan"
    r"|rumah\s*(?:saya|sy|sya|kami|aku|ku|nya|beliau|dia|ybs|pelaku|korban)|jl|jln|gg|gang"
    r"|blok|perum|perumahan|komplek|kompleks"
    r"|(?:saya|sy|sya|aku|aq|kulo|beliau|dia)\s+(?:adalah\s+)?(?:warga|wrg|penduduk|dari|di)|kami\s+di|tgl\s+di)(?![^\W\d_])"
    # "Jalan Mawar 12 RT 3" but not "lampu jalan depan rumah Pak X di RT 3": a street spelled out has a number
    r"|(?<![^\W\d_])jalan\s[^\d]*\d"
    # a house number, not "nomor pengaduan 113 ... di RT 5"
    r"|(?<![^\W\d_])(?:no|nomor|nmr)\s?\.?\s?:?\s?\d{1,4}[a-zA-Z]?(?:\s?[/-]\s?\d{1,3})?,?\s+$"
    # "di rumah RT 03 RW 02", "di rumah Dsn. Kampung Baru RT 3": a house, right before
    rf"|(?<!\d\s)(?<![^\W\d_])(?:rumah|rmh)\s+(?:di\s+)?{_HAMLET}$"  # not "47 rumah di RT 05"
)
# "Nama saya Husein warga RT 04", "Widodo di sini, warga Dsn. Kampung Baru RT 5": the writer, then where
# they live ("warga RT 07/RW 01 terisolasi" alone is the neighbourhood)
_RESIDENT = re.compile(rf"(?i)(?<![^\W\d_])(?:warga|wrg|wrga|penduduk)\s+{_HAMLET}$")
# Not "kami": "Kami warga RT 02 RW 03 Kelurahan Trajeng menyampaikan..." is the neighbourhood speaking as one.
_WRITER = re.compile(r"(?i)(?<![^\W\d_])(?:saya|sy|sya|aku|aq|kulo|di\s?sini|pelapor)(?![^\W\d_])")
# A person named by an honorific ("Sdr. Marselinus Tefa warga RT 009 RW 003"): a pair after them is their home
_NAMED_PERSON = re.compile(
    rf"(?<![^\W\d_])(?:Sdr|Sdri|Saudara|Saudari|Bapak|Bpk|Pak|Ibu|Bu)\.?\s+(?P<name>(?:[A-Z][^\W\d_]+\s+){{1,3}})"
    rf"(?:warga|wrg|penduduk)\s+{_HAMLET}$"
)


def _named_resident(window: str) -> bool:
    """Whether the window ends with a person named after an honorific, then "warga" (not "Bapak Camat")."""
    m = _NAMED_PERSON.search(window)
    return m is not None and not any(_is_role(w.lower()) or w.lower() in _LEX.common for w in m.group("name").split())


# What follows the writer's own RT: a stop, the kelurahan, or what the writer does ("..., warga RT 3 mau
# lapor"); "aku Bu X, warga RT 03 butuh perahu karet" makes the neighbourhood the subject instead.
_RESIDENT_END = re.compile(
    r"(?i)\s?(?:[,.:)]|$|\n|(?:kel|kelurahan|desa|ds|kec|kecamatan|kampung|kp|kab|kota)(?![^\W\d_])"
    r"|(?:sudah|sdh|udh|udah|mau|ingin|akan|hendak|melapor\w*|lapor|mengadu\w*|menyampaikan|mohon|mhn|minta)(?![^\W\d_]))"
)


# "Aamat: RT08 RW04", "tnggal di RT 4/RW 4", "Dusnu Krajan RT 6": citizens mistype the words of their own
# address (built once, at import: every one-letter slip of each word)
_HOME_SLIPS = (
    frozenset().union(*(_one_typo(w) for w in ("alamat", "tinggal", "domisili", "beralamat", "dusun")))
    - _LEX.common
    - _LEX.names
    - _LEX.words
)
_WORD = re.compile(r"[^\W\d_]+")


def _resident_end(doc: _Doc, end: int) -> bool:
    """Whether what follows the RT/RW ending at ``end`` is what follows the writer's own address."""
    if _RESIDENT_END.match(doc.text, end):
        return True
    after = re.match(r"\s?", doc.text[end:])
    return after is not None and any(s == end + after.end() for s, _ in doc.phrases)  # "RT 04 Kebonagung"


def _home_address(doc: _Doc, start: int, end: int) -> bool:
    """Whether the RT/RW at ``start:end`` is part of a household's address: in its clause, after a street,
    a house number, a residence word or the writer saying they live there."""
    text = doc.text
    window = text[max(0, start - 60) : start]
    # this sentence ("Jl. X" goes on; "pukul 19.30 WIB. Warga RT 15" does not)
    window = re.split(r"[\n;!?]|(?:(?<=[^\W\d_]{4})|(?<=\d)|(?<=WIB|wib|WIT|wit))\.\s", window)[-1]
    if _HOME.search(window[-40:]) or any(w.lower() in _HOME_SLIPS for w in _WORD.findall(window[-40:])):
        return True
    # a pair names one household's RT and RW: the writer's own, whatever follows ("warga kampung nelayan
    # rt06 rw04 pkl di ..."); a single RT after the writer may be the neighbourhood ("Wrg RT 14 butuh perahu")
    shown = text[start:end].lower()
    pair = "rt" in shown and ("rw" in shown or "/" in shown)  # "RT 03 RW 05", "RT/RW 04/01", "RT 10/08"
    if not pair and not _resident_end(doc, end):
        return False
    if _RESIDENT.search(window) and (_WRITER.search(window) or pair and _named_resident(window)):
        return True  # "Telah melapor Sdr. Marselinus Tefa warga RT 009 RW 003": the reporter's own, as the writer's
    # "Nama saya Tutik, warga RT 10", "Mahfud di sini, warga RT 04": a person, then where they live
    person = re.search(r"([^\W\d_]+)\s?,\s?(?:warga|wrg|penduduk)\s+(?:[^\W\d_]+\s+){0,2}$", window)
    if person:
        word = person.group(1).lower()
        at = start - len(window) + person.start(1)
        personal = word not in _LEX.common or word in _LEX.names or word == "sini"
        if personal and not _overlaps(at, at + len(word), doc.public):
            return True
    return False


# A house in a housing estate named by its unit code alone, no "Blok": "Kompleks Griya Indah B2/15",
# "Perum Bumi Asri C-12", "Komp. BTN A.7".
_ESTATE_UNIT = re.compile(
    r"(?<![^\W\d_])(?:perum|perumahan|komplek|kompleks|komp|cluster|btn|griya|rusun|rusunawa|asrama)\.?\s+"
    r"(?:[^\W\d_][\w'\-]*\.?\s+){0,4}?(?P<n>[A-Za-z]{1,2}\s?[\-./]?\s?\d{1,4}(?:\s?/\s?\d{1,4})?)(?![\w/])",
    re.IGNORECASE,
)
_ESTATE_UNIT_SCAN = _Scan(_ESTATE_UNIT, "word")
# RT/RW, gangs and blocks start with a word: scanned only where a word starts (see document._Scan).
_RT_RW_SCAN = _Scan(_RT_RW, "word")
_GANG_SCAN = _Scan(_GANG, "word")
_BLOCK_SCAN = _Scan(_BLOCK, "word")


def _addresses(doc: _Doc) -> list[_Candidate]:
    if engine.FAST and not doc.starts("number"):
        return []  # every address this module finds has a number in it
    text = doc.text
    found = [
        _Candidate("alamat", m.start(), m.end(), _P_ALAMAT)
        for m in _RT_RW_SCAN.finditer(doc)
        if _home_address(doc, m.start(), m.end())
    ]
    for m in _GANG_SCAN.finditer(doc):  # "Gg. Mawar No. 7 anak saya..." but not "gang sempit 2 hari"
        if m.group("no") or not _overlaps(m.start(), m.end(), doc.numeric):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT + 1))
    found += [_Candidate("alamat", m.start(), m.end(), _P_ALAMAT) for m in _BLOCK_SCAN.finditer(doc)]
    found += [_Candidate("alamat", m.start("n"), m.end("n"), _P_ALAMAT) for m in _ESTATE_UNIT_SCAN.finditer(doc)]
    references = [_Span(m.start(), m.end()) for m in _REFERENCE_SCAN.finditer(doc)]
    for m in _HOUSE.finditer(text):
        if _overlaps(m.start(), m.end(), references):
            continue
        window = text[max(0, m.start() - 40) : m.start()]
        window = window[max(window.rfind(c) for c in "\n;!?") + 1 :]
        if _ADDRESS_CONTEXT.search(window):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT))
    found += _street_numbers(doc)
    return found


# The number is on the street's line and set apart from its last word: "1. Jl. Dewi Sartika\n2. Jl. ..." is a
# list, and "jl. pahlawan nyala siang2" a word said twice.
_BARE_NUMBER = re.compile(
    rf"(?:[ \t]?,[ \t]?|[ \t]{{1,2}})(?P<n>{_HOUSE_NUMBER})(?!\s?(?:{_UNITS})\b)(?!\s?[-.:]?\s?\d)", re.IGNORECASE
)


def _street_numbers(doc: _Doc) -> list[_Candidate]:
    """'Jl. Hasanudin 12': a bare number right after a street name is the house number."""
    found = []
    for tok_index, tok in enumerate(doc.tokens):
        if tok.low not in _LEX.street_openers:
            continue
        end = _public_continuation(doc, tok_index, True)
        m = _BARE_NUMBER.match(doc.text, end)
        if m and end > tok.end and not _overlaps(m.start("n"), m.end("n"), doc.numeric):
            found.append(_Candidate("alamat", m.start("n"), m.end("n"), _P_ALAMAT))
        km = _MILESTONE.match(doc.text, end) if end > tok.end else None
        if km and _LIVES.search(doc.text, max(0, tok.start - 40), tok.start):
            found.append(_Candidate("alamat", km.start("n"), km.end("n"), _P_ALAMAT))
    return found


# "tinggal di Jl. Poros Km 7": a road's milestone is a household's address where the text says someone lives
# there; otherwise it is where the road is broken ("jalan trans Kalimantan km 34 arah Sanggau hancur").
_MILESTONE = re.compile(r"[ \t]?,?[ \t]?km\.?[ \t]?(?P<n>\d{1,3}(?:[.,]\d)?)(?![\d])", re.IGNORECASE)
_LIVES = re.compile(
    r"(?i)(?<![^\W\d_])(?:alamat\w*|almt|tinggal|bertempat|domisili|berdomisili|kediaman|rumah|rmh|kost?|kontrakan"
    r"|warga|wrg|penduduk)(?![^\W\d_])"
)
