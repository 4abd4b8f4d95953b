"""Home addresses: RT/RW, house numbers after a street or address word, blocks, gangs.

"Jl. Hasanudin No. 12" keeps "Jl. Hasanudin" and redacts the number; "RT 3" alone names a
neighbourhood and is kept unless it says where somebody lives.
"""

from __future__ import annotations

import re

from .document import _P_ALAMAT, _Candidate, _Doc, _overlaps, _Span
from .lexicon import _LEX
from .public import _public_continuation
from .quantities import _REFERENCE, _UNITS

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
    rf"(?<![^\W\d_])(?:gg|gang)\s?\.?\s?(?:(?!(?:no|nomor|nmr|rt|rw)\b)[^\W_]+(?:['\-][^\W_]+)?\.?\s?){{1,3}}"
    rf"(?:,\s?|\s?/\s?)?(?P<no>{_NO})?{_HOUSE_NUMBER}",
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


# "RT 3" or "RW 05" alone names a neighbourhood of some fifty households ("warga RT 3 terdampak", "Ketua
# RW 05", "pos ronda RT 8"): kept, unless it says where somebody lives ("rumah saya RT 3", "saya warga
# RT 12", "Alamat: Jl. Mawar 5 RT 3"). "RT 03 RW 05" together is an address and always redacted.
_RT_ALONE = re.compile(r"(?i)(?:rt|rw)\s?\.?\s?:?\s?0*\d{1,3}")
_HOME = re.compile(
    r"(?i)(?<![^\W\d_])(?:alamat\w*|almt|beralamat|tinggal|bertempat|domisili|berdomisili|kediaman|kost?|kontrakan"
    r"|rumah\s*(?:saya|sy|sya|kami|aku|ku|nya|beliau|dia|ybs|pelaku|korban|pak|bu|bapak|ibu|mbah)|jl|jln|jalan|gg|gang"
    r"|blok|perum|perumahan|komplek|kompleks|no|nomor|dsn|dusun"
    r"|(?:saya|sy|sya|aku|aq|kami|kulo|beliau|dia)\s+(?:adalah\s+)?(?:warga|wrg|penduduk|dari|di)|tgl\s+di)(?![^\W\d_])"
)


_THEN_PLACE = re.compile(r"(?i)\s?,?\s?(?:kel|kelurahan|desa|ds|kec|kecamatan|kampung|kp)(?![^\W\d_])")


def _home_address(doc: _Doc, start: int, end: int) -> bool:
    """Whether "RT 3" alone is part of a home address: after an address or a residence word, or before
    the kelurahan ("RT 08 kel Gadingrejo", "RT 12, Krapyakrejo")."""
    text = doc.text
    window = text[max(0, start - 40) : start]
    window = re.split(r"[\n;!?]|(?:(?<=[^\W\d_]{4})|(?<=\d))\.\s", window)[-1]  # this sentence ("Jl. X" goes on)
    if _HOME.search(window) or _THEN_PLACE.match(text, end):
        return True
    # "Nama saya Tutik, warga RT 10", "Mahfud di sini, warga RT 04": a person, then where they live
    person = re.search(r"([^\W\d_]+)\s?,\s?(?:warga|wrg|penduduk)\s+(?:[^\W\d_]+\s+){0,2}$", window)
    if person:
        word = person.group(1).lower()
        at = start - len(window) + person.start(1)
        personal = word not in _LEX.common or word in _LEX.names or word == "sini"
        if personal and not _overlaps(at, at + len(word), doc.public):
            return True
    after = re.match(r"\s?,\s?", text[end:])
    return after is not None and any(s == end + after.end() for s, _ in doc.phrases)


def _addresses(doc: _Doc) -> list[_Candidate]:
    text = doc.text
    found = [
        _Candidate("alamat", m.start(), m.end(), _P_ALAMAT)
        for m in _RT_RW.finditer(text)
        if not _RT_ALONE.fullmatch(m.group()) or _home_address(doc, m.start(), m.end())
    ]
    for m in _GANG.finditer(text):  # "Gg. Mawar No. 7 anak saya..." but not "gang sempit 2 hari"
        if m.group("no") or not _overlaps(m.start(), m.end(), doc.numeric):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT + 1))
    found += [_Candidate("alamat", m.start(), m.end(), _P_ALAMAT) for m in _BLOCK.finditer(text)]
    references = [_Span(m.start(), m.end()) for m in _REFERENCE.finditer(text)]
    for m in _HOUSE.finditer(text):
        if _overlaps(m.start(), m.end(), references):
            continue
        window = text[max(0, m.start() - 40) : m.start()]
        window = window[max(window.rfind(c) for c in "\n;!?") + 1 :]
        if _ADDRESS_CONTEXT.search(window):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT))
    found += _street_numbers(doc)
    return found


_BARE_NUMBER = re.compile(rf"\s?,?\s?(?P<n>{_HOUSE_NUMBER})(?!\s?(?:{_UNITS})\b)(?!\s?[-.:]?\s?\d)", re.IGNORECASE)


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
    return found
