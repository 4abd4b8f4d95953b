"""Home addresses: RT/RW, house numbers after a street or address word, blocks, gangs.

"Jl. Hasanudin No. 12" keeps "Jl. Hasanudin" and redacts the number; an RT or RW names a
neighbourhood and is kept unless it is written beside a house number (a house address).
"""

from __future__ import annotations

import re

from . import engine
from .document import _P_ALAMAT, _Candidate, _Doc, _overlaps, _Scan, _Span
from .lexicon import _LEX
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
    # the number is not glued to a word: "gang kami gara2" doubles a word, chat's "gara-gara"
    rf"(?:,[ \t]?|[ \t]?/[ \t]?)?(?:(?P<no>{_NO})|(?<![^\W\d_])){_HOUSE_NUMBER}",
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


# An RT or RW names a neighbourhood unit of some thirty to a few hundred households ("warga RT 3 terdampak",
# "Ketua RW 05", "saluran di RT 13 Kelurahan Bukir", "sy X warga RT 03 RW 05", "Alamat: RT 12 RW 04 Kel. Y",
# "Dusun Krajan RT 01 RW 03"): it identifies nobody, whoever lives there, and is kept (docs/redaction.md,
# "Addresses and neighbourhoods"). It is redacted as part of a house address: beside a house number, a
# gang's number, a block or an estate unit ("Jl. Mawar No. 5 RT 3", "Gg. Melati 7, RT 2 RW 4", "rt 5 rw 2
# no 19"). Until issue 11 the writer's own RT/RW ("saya warga RT 12") was redacted too; corpora 1, 2, 4 and 5
# labelled the same shape both ways, and the gate never counted an RT/RW as personal.
_BESIDE = re.compile(r"[ \t]{0,2}(?:[,/\-][ \t]{0,2}|\n[ \t]{0,2})?")


def _house_rt_rw(doc: _Doc, houses: list[_Candidate]) -> list[_Candidate]:
    """The RT/RW written beside a house identifier in ``houses`` (or beside such an RT/RW, "No. 5 RT 3 RW 4")."""
    units = [(m.start(), m.end()) for m in _RT_RW_SCAN.finditer(doc)]
    if not units or not houses:
        return []
    text = doc.text
    ends = {c.end for c in houses}
    starts = {c.start for c in houses}
    found: list[_Candidate] = []
    for start, end in units:  # in text order: a pair after a house makes the next one beside it too
        gap = max((e for e in ends if e <= start), default=-1)
        if gap >= 0 and _BESIDE.fullmatch(text, gap, start):
            found.append(_Candidate("alamat", start, end, _P_ALAMAT))
            ends.add(end)
    for start, end in reversed(units):  # "rt 5 rw 2 no 19": the house number after
        after = _BESIDE.match(text, end)
        if after and after.end() in starts and not any(c.start == start for c in found):
            found.append(_Candidate("alamat", start, end, _P_ALAMAT))
            starts.add(start)
    return found


# A house in a housing estate named by its unit code alone, no "Blok": "Kompleks Griya Indah B2/15",
# "Perum Bumi Asri C-12", "Komp. BTN A.7". The unit's code is on one line: in a list, "4. Perum Jasa Tirta I\n5.
# Camat Beji" is a state company's roman numeral and the next item's number.
_ESTATE_UNIT = re.compile(
    r"(?<![^\W\d_])(?:perum|perumahan|komplek|kompleks|komp|cluster|btn|griya|rusun|rusunawa|asrama)\.?\s+"
    r"(?:[^\W\d_][\w'\-]*\.?\s+){0,4}?(?P<n>[A-Za-z]{1,2}[ \t]?[\-./]?[ \t]?\d{1,4}(?:[ \t]?/[ \t]?\d{1,4})?)(?![\w/])"
    # "asrama mahasiswa di Poka su 10 hari gelap": a count of days ("su": "sudah"), not a unit
    rf"(?![ \t]?(?:{_UNITS})\b)",
    re.IGNORECASE,
)
_ESTATE_UNIT_SCAN = _Scan(_ESTATE_UNIT, "word")
# RT/RW, gangs and blocks start with a word: scanned only where a word starts (see document._Scan).
_RT_RW_SCAN = _Scan(_RT_RW, "word")
_GANG_SCAN = _Scan(_GANG, "word")
_BLOCK_SCAN = _Scan(_BLOCK, "word")


def _addresses(doc: _Doc) -> list[_Candidate]:
    if engine.FAST and not doc.starts("number"):
        return _spelled_houses(doc)  # every other address this module finds has a digit in it
    text = doc.text
    found: list[_Candidate] = []
    for m in _GANG_SCAN.finditer(doc):  # "Gg. Mawar No. 7 anak saya..." but not "gang sempit 2 hari"
        if m.group("no") or not _overlaps(m.start(), m.end(), doc.numeric):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT + 1))
    found += [_Candidate("alamat", m.start(), m.end(), _P_ALAMAT) for m in _BLOCK_SCAN.finditer(doc)]
    found += [
        _Candidate("alamat", m.start("n"), m.end("n"), _P_ALAMAT)
        for m in _ESTATE_UNIT_SCAN.finditer(doc)
        if not _overlaps(m.start("n"), m.end("n"), doc.numeric)  # "Perumahan X minta iuran Rp 35.000": an amount
    ]
    references = [_Span(m.start(), m.end()) for m in _REFERENCE_SCAN.finditer(doc)]
    for m in _HOUSE.finditer(text):
        if _overlaps(m.start(), m.end(), references):
            continue
        window = text[max(0, m.start() - 40) : m.start()]
        window = window[max(window.rfind(c) for c in "\n;!?") + 1 :]
        if _ADDRESS_CONTEXT.search(window):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT))
    found += _street_numbers(doc)
    found += _spelled_houses(doc)
    return found + _house_rt_rw(doc, found)


# A house number read out in a voice note: "rumah saya jalan kenanga nomor dua belas", "gang dahlia no tujuh".
_NUMBER_WORD = r"(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|belas|puluh|ratus)"
_SPELLED_HOUSE = re.compile(
    rf"(?i)(?<![^\W\d_]){_NO}(?P<n>{_NUMBER_WORD}(?:[ \t]+{_NUMBER_WORD}){{0,4}}(?:[ \t]+[a-d](?![^\W\d_]))?)(?![^\W\d_])"
)


def _spelled_houses(doc: _Doc) -> list[_Candidate]:
    if "nomor" not in doc.low and "no " not in doc.low and "nmr" not in doc.low and "nomer" not in doc.low:
        return []
    found = []
    for m in _SPELLED_HOUSE.finditer(doc.text):
        window = doc.text[max(0, m.start() - 40) : m.start()]
        window = window[max(window.rfind(c) for c in "\n;!?") + 1 :]
        if _ADDRESS_CONTEXT.search(window):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT))
    return found


# The number is on the street's line and set apart from its last word: "1. Jl. Dewi Sartika\n2. Jl. ..." is a
# list, and "jl. pahlawan nyala siang2" a word said twice.
_BARE_NUMBER = re.compile(
    rf"(?:[ \t]?,[ \t]?|[ \t]{{1,2}}|(?<=[IVX])[ \t]?/[ \t]?)(?P<n>{_HOUSE_NUMBER})(?!\s?(?:{_UNITS})\b)(?!\s?[-.:]?\s?\d)",
    re.IGNORECASE,
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
        if km and _lives_on(doc.text, tok.start):
            found.append(_Candidate("alamat", km.start("n"), km.end("n"), _P_ALAMAT))
    return found


# "tinggal di Jl. Poros Km 7": a road's milestone is a household's address where the text says someone lives
# there; otherwise it is where the road is broken ("jalan trans Kalimantan km 34 arah Sanggau hancur").
_MILESTONE = re.compile(r"[ \t]?,?[ \t]?km\.?[ \t]?(?P<n>\d{1,3}(?:[.,]\d)?)(?![\d])", re.IGNORECASE)
_LIVES = re.compile(
    r"(?i)(?<![^\W\d_])(?:alamat\w*|almt|tinggal|bertempat|domisili|berdomisili|kediaman|rumah|rmh|kost?|kontrakan"
    r")(?![^\W\d_])"
)
# "warga Jl. Poros km 7" lives there; "seluruh warga yg melintas Jalan Lintas Sumatera km 15" and "usulan warga
# Kec. Bangil:\n1. Jl. Raya ... km 3" name where a road is, and so does a line before the street's own line
_RESIDENT = re.compile(r"(?i)(?<![^\W\d_])(?:warga|wrg|penduduk)[ \t]+$")


def _lives_on(text: str, street: int) -> bool:
    """Whether the words before the street opening at ``street``, on its line, say that someone lives there."""
    line = text.rfind("\n", 0, street) + 1
    return bool(_LIVES.search(text, max(line, street - 40), street) or _RESIDENT.search(text, line, street))
