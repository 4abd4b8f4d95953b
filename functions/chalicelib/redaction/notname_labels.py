"""Not a name: a form's field labels, the places after a place's label, and the regions' own small words.

A filled-in form writes its labels like names, capitalised at the start of a line before a colon:
"Nama Usaha :", "Nama sesuai KTP :", "Alamat Usaha:", "Faskes:", "Disepakati:". A label that opens with a
field word ("Nama", "Alamat", "No", "Jenis"...) and goes on with more words is the field's name, and
so is a verb ("Disepakati") or a known field word alone; a chat's speaker ("Indah: mbak ...") is neither.
After a place's label ("Wilayah: Zona Panakkukang", "Lokasi: Sumbersari") the value is a place, unless an
honorific or a listed name says a person is meant. And chat in the regions' languages is full of small
words that the Indonesian dictionary lacks: Sundanese "anjeunna", "ngaranna", Javanese "nanging",
Balinese "suksma"; in lower case they are never a name (those that are names too, "ning", "neng", "eta",
"karo", are left out).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_word
from .notname_tables import OWNED, PERSON_HEADERS, PLACE_HEADERS

if TYPE_CHECKING:
    from .names import _Names

# The first word of a form's field label that more words follow ("Nama Usaha", "Alamat Usaha")
_FIELD_HEADS = frozenset(
    "nama alamat no nomor nmr jenis kategori tanggal tgl lokasi status keterangan akun email telp kontak "
    "instansi unit penanggung tempat tujuan asal".split()
)
# Field words that stand alone as a label ("Faskes:", "FW:", "Nb:")
_FIELD_WORDS = frozenset("faskes fw fwd re cc bcc nb ps catatan lampiran ttl".split())
# Small words of Sundanese, Javanese, Balinese and Minang chat that no dictionary of Indonesian holds
REGIONAL_WORDS = frozenset(
    # Sundanese
    "anjeunna ngaranna namina teu tiasa nyalira caket pisan atos acan ieu kumaha jeung sareng mah teh "
    "nu ti ka ku kango bade hoyong parantos tos punten mangga nuhun hatur janten tina robah widi nyuhunkeun "
    "ruksak kedah tiasa sanes "
    # Javanese
    "nanging namung sampun durung dereng wonten wenten mboten ingkang menawi nggih inggih sanget matur nuwun "
    "suwun kulo kula panjenengan sampeyan ora wis iki kuwi iku mergo amargi "
    "ngan ancur barudak sok labuh kitu wae nuhun hatur "
    # Balinese, Minang, Acehnese, Madurese and Ambonese
    "suksma tiang titiang saking sampun nenten indak alah baa sadonyo putuih mancubo iko tingga anjiang "
    "namonyo sajak kapatang ketek manyampaikan lon nyo kaule akang su seng pung tamang "
    "iye nggih ngge pigi tagoyang arto kangge nyuwun mawon ambo".split()
)
# Words after which an honorific introduces the person it names ("kata bu eta", "ketemu pak lia")
_INTRODUCERS = frozenset(
    "kata sama ama dengan dgn ke dari oleh kepada kpd untuk utk karo bareng ketemu bilang lapor tanya minta "
    "dan atau sm yaitu yakni namanya".split()
)
# The fillers of speech typed out from a call or a voice note ("halo pak eee saya ..."): even after an honorific
FILLERS = frozenset("eh ee eee eeee eeh ehm em emm hmm hm anu".split())
# "Disepakati:", "Ditindaklanjuti:", "Mengetahui:", "Menyetujui:": a passive or active verb with its suffix
_FIELD_VERB = re.compile(r"(?:di|me[mn]?|meng|meny)[a-z]{3,}(?:kan|i)$")
_LABEL_LINE = re.compile(r"(?m)^[ \t>*\-•]*(?P<label>[^\W\d_][^:\n]{0,40}?)[ \t]*:(?!//)")


def labels(finder: _Names) -> list[tuple[int, int, bool]]:
    """The labels of the text's field lines, and the values after a place's label, as character spans
    (start, end, is_label)."""
    text = finder.doc.text
    if ":" not in text:
        return []
    found: list[tuple[int, int, bool]] = []
    for m in _LABEL_LINE.finditer(text):
        words = m.group("label").lower().replace(".", " ").split()
        if not words or len(words) > 5:
            continue
        head = words[0]
        if any(w in _LEX.honorifics for w in words):
            continue  # "status wa cak Dul:": a person, named after an honorific
        if 1 < len(words) <= 3 and head in _FIELD_HEADS or len(words) == 1 and _field_word(head, finder):
            found.append((m.start("label"), m.end("label"), True))
        place = set(words) & PLACE_HEADERS and not set(words) & PERSON_HEADERS
        if place and head not in ("nama", "no", "nomor", "nmr") and _short(m.group("label")):
            value = _VALUE.match(text, m.end())
            found.append((m.end(), value.end() if value else m.end(), False))
    return found


# The value after a label: up to the end of its line or of its clause
_VALUE = re.compile(r"[^\n.,;()]*")


def _short(label: str) -> bool:
    """A label of a form's own (one to three words, no clause in it), not a sentence before a colon."""
    return len(label.split()) <= 3 and "," not in label


def _field_word(low: str, finder: _Names) -> bool:
    if low in _FIELD_WORDS:
        return True
    # "Disepakati:", "Ditindaklanjuti:": a verb, no person's name
    return bool(_FIELD_VERB.match(low)) and _is_word(low) and (low not in _LEX.names or low in _LEX.common)


def in_label(finder: _Names, first: int, last: int, found: list[tuple[int, int, bool]]) -> bool:
    """Whether tokens first..last lie wholly in a field's label, or in a place label's value and are no
    listed name and follow no honorific."""
    tokens = finder.tokens
    start, end = tokens[first].start, tokens[last].end
    inside = [label for a, b, label in found if a <= start and end <= b]
    if not inside or any(finder.is_name(k) for k in range(first, last + 1)):
        return False  # "Wa Ode Marni:": a chat's speaker, whatever the words before
    if inside[0]:
        return True
    # not "Rumah Pak Darmo", "warung Wagiyem": a person after an honorific or as the owner of a place
    before = first - 1
    return not (
        before >= 0
        and (tokens[before].low in _LEX.honorifics or tokens[before].low in OWNED or finder.is_title(before))
    )


def regional_word(finder: _Names, first: int, last: int) -> bool:
    """Whether the span is made of the regions' small words or speech's fillers, not capitalised in a
    mixed-case text ("anjeunna", "nanging", "hatur nuhun", "pak eee saya")."""
    tokens = finder.tokens
    fillers = True
    for k in range(first, last + 1):
        tok = tokens[k]
        if tok.cap and finder.mixed or tok.low in _LEX.names:
            return False
        if tok.low not in FILLERS:
            fillers = False
            if tok.low not in REGIONAL_WORDS:
                return False
    # "bu eta bilang": after an honorific or a title a regional word may be a name; a filler never is
    before = first - 1
    if fillers or before < 0 or tokens[before].low in REGIONAL_WORDS:
        return True  # "teh ancur pisan": Sundanese "teh" is a particle as often as "sister"
    if finder.is_title(before):
        return False
    if tokens[before].low not in _LEX.honorifics:
        return True
    # "... kitu wae pak hatur nuhun", "di nagari koto baru pak iko ambo": "pak" calls the listener at the end
    # of a clause; "kata bu eta", "bu eta bilang": the honorific introduces the person
    vocative = before > 0 and tokens[before - 1].low not in _INTRODUCERS and not tokens[before - 1].cap
    return vocative and finder.doc.text[tokens[before - 1].end : tokens[before].start] == " "


def particle_teh(finder: _Names, first: int, last: int) -> bool:
    """'saluran di gang teh mampet parah': Sundanese "teh" after a noun marks the topic, and the Indonesian
    words after it say what of it; "ka teh Ani", "jeung teh Ani" call an elder sister by her name."""
    tokens = finder.tokens
    before = first - 1
    if before < 1 or tokens[before].low != "teh" or tokens[before - 1].cap:
        return False
    if tokens[before - 1].low in _INTRODUCERS or tokens[before - 1].low in ("ka", "ku", "ti", "jeung", "sareng"):
        return False
    return all(
        not tokens[k].cap and _is_word(tokens[k].low) and tokens[k].low not in _LEX.names
        for k in range(first, last + 1)
    )
