"""False names: words the name rules or the classifier took for a person that are a place or a body (issue 11).

Most of the redactor's wrong redactions are not a person's name but the name of what an official
serves or works in, which is written just like one: "Lurah Parupuk Tabing", "PAK LURAH SEI PUTIH
TIMUR", "banjir Lebak Siliwangi", "Dinas Pemadam Kebakaran", "Panitia Seleksi", "Kabag Hukum", a
letter's "Marengan Daya, 20 November 2026". Each is a class told by its structure, not by a list of
places (no list holds every kelurahan of Indonesia):

- the place an official serves: the capitalised words right after a jurisdiction ("Lurah", "Camat",
  "Bhabinkamtibmas", optionally with "Kelurahan"/"Desa" between), when none of them is a listed name;
  after an honorific ("Pak Lurah X") the words are the person, unless they end in a place part
  ("Timur", "Kidul");
- a place by the word before it: "banjir X", "lahan kosong X", "di X", in a mixed-case text ("warga X" is
  as often a person: "warga Budi");
- a body's name: capitalised Indonesian words after a body's head word ("Panitia", "Dinas", "Kabag");
- a letter's place-and-date line: capitalised words opening a line, then a comma and a date;
- a capitalised Indonesian word opening a sentence before lower-case words ("Rapat warga pada ...");
- words of faith ("Puji Tuhan"), a vessel's name after "KM"/"Kapal", a span opened by a body's head,
  a service ("Suroboyo Bus"), a body of a place ("Saniri Negeri Soya"), a compound noun ("budi pekerti").

A span holding a word of the name list (not a common word) is never dropped, nor one right after an
honorific or a title: those say a person is meant, and a name kept is a leak avoided.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import notname_labels, notname_places, notname_tables
from .lexicon import _FUNCTION_WORDS, _LEX, _is_word
from .name_shapes import person_shaped

if TYPE_CHECKING:
    from .names import _Names

# The officials who are named after the place they serve ("Lurah Karuwisi", "Bupati Badung")
JURISDICTION = frozenset(
    "lurah camat kades kapolsek kapolres kapolresta danramil dandim bupati walikota gubernur kadus kasun sekcam "
    "bhabinkamtibmas babinsa seklur sekdes wakapolsek kepling kaling bendesa perbekel keuchik geuchik".split()
)
# Words of a place's own name that may stand between the official and the place ("Lurah kelurahan X")
_PLACE_WORDS = frozenset("kelurahan kel desa kecamatan kec kampung dusun nagari negeri gampong distrik adat".split())
# The last word of a place's name, never of a person's ("Sei Putih Timur", "Antapani Kidul")
_PLACE_ENDS = frozenset("lor kidul wetan kulon tengah utara selatan timur barat hilir hulu".split())
# Words after which a capitalised word is a place in a mixed-case text: "banjir Karangduak", "lahan kosong
# Bontoala", "Warga Maccini menolak", "beredar di Tegal Sari"
_PLACE_BEFORE = frozenset("banjir longsor kosong di daerah wilayah kawasan sekitar arah dekat seberang samping".split())
# The words of thanks and faith that open a sentence like a name ("Alhamdulillah, Puji Tuhan, ...")
_FAITH = frozenset("tuhan allah yesus kristus alhamdulillah subhanallah haleluya santih".split())
# Grandparents are called by their kinship ("Mbah Kung", "Mbah Uti", "Eyang Putri"), not by a name
_ELDERS = frozenset("mbah embah eyang simbah".split())
_KIN = frozenset("kung kakung uti putri lanang wedok buyut".split())
# Words that make a service of a span ("Suroboyo Bus", "Trans Semarang", "Baraya Travel")
_SERVICES = frozenset("bus travel express ekspres shuttle trans".split())
# Words that make a name-like word an ordinary noun ("budi pekerti", "bunga bank")
_COMPOUNDS = {
    "budi": frozenset("pekerti daya bahasa luhur".split()),
    "bunga": frozenset("bank pinjaman utang hutang kredit rentenir deposito tinggi".split()),
}
# Words that name a vessel or a service by what follows ("KM Sinar Bangun", "KMP Tunu Pratama")
_VESSELS = frozenset("km kmp kml mv kri kapal kereta ka".split())
# The head words of a body's name, after which Indonesian words name the body ("Panitia Seleksi", "Dinas
# Pemadam Kebakaran", "Kabag Hukum", "Redaksi Layanan Aduan")
_BODY_HEADS = frozenset(
    "dinas badan panitia redaksi tim komunitas kelompok paguyuban yayasan koperasi forum majelis lembaga dewan "
    "satgas posko sanggar komite bagian bidang seksi kabag kabid kasi kasubag kasubbag kasie unit divisi biro "
    "kantor sekretariat direktorat inspektorat perumda perusahaan dinkes dishub balai pusat forkopimcam "
    "forkopimda forkopimka muspika muspida".split()
)
_DATE_AFTER = re.compile(
    r",[ \t]*(?:\d{1,2}[ \t]*[-/.][ \t]*\d{1,2}|\d{1,2}[ \t]+[A-Za-z]{3,}|(?:senin|selasa|rabu|kamis|jumat|jum'at|"
    r"sabtu|minggu)\b|(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
    r"desember)\b)",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[^\W\d_]{3,}[.!?][ \t\"'(]*$")


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges (first and last token of each name found) that are not a place or a body."""
    if not ranges:
        return ranges
    honoured = notname_places.honoured(finder)
    named = notname_places.named_places(finder, honoured)
    columns = notname_tables.table_columns(finder)
    labels = notname_labels.labels(finder)
    verdicts = {  # the rules find the same range several times (about three times each): judged once
        r: not false_name(finder, r[0], r[1], named, honoured)
        and not notname_tables.in_table_column(finder, *r, columns)
        and not notname_labels.in_label(finder, *r, labels)
        and not notname_labels.regional_word(finder, *r)
        and not notname_labels.particle_teh(finder, *r)
        for r in dict.fromkeys(ranges)
    }
    return [r for r in ranges if verdicts[r]]


def false_name(
    finder: _Names, first: int, last: int, named: frozenset[str] = frozenset(), honoured: frozenset[str] = frozenset()
) -> bool:
    """Whether tokens first..last, taken for a name, are a place or a body by their structure."""
    tokens = finder.tokens
    if any(tokens[k].low in _FAITH for k in range(first, last + 1)):
        return True  # "Puji Tuhan": thanks, not a person
    if any(tokens[k].low in _SERVICES for k in range(first, last + 1)):
        return True  # "Suroboyo Bus": a service
    if first == last and last + 1 < len(tokens) and _joined(finder, last):
        if tokens[last + 1].low in _COMPOUNDS.get(tokens[first].low, ()):
            return True  # "ajarkan budi pekerti"
    low = tokens[first].low
    if low.endswith("nya") and low not in _LEX.names and _is_word(low[:-3]):
        return True  # "nama kelurahannya": a word and its "-nya"
    if notname_places.street_by_rank(finder, first, last):
        return True  # "lampu merah Mayjend Sungkono": a street
    if any(finder.is_name(k) for k in range(first, last + 1)):
        return False
    before = first - 1
    if first == last and before >= 0 and tokens[before].low in _ELDERS and tokens[first].low in _KIN:
        return True  # "makam Mbah Kung", "Eyang Putri": a grandparent, not a name
    if before >= 0 and (tokens[before].low in _LEX.honorifics or finder.is_title(before)):
        return False  # "Pak Gunung", "H. Sabar": a person, whatever the word
    if tokens[first].low in _BODY_HEADS and last > first:
        return True  # "Forkopimcam Tamalanrea", "Tim Reaksi": a body, opened by its head word
    after = last + 1
    if after + 1 < len(tokens) and tokens[after].low in _PLACE_WORDS and tokens[after].cap and tokens[after + 1].cap:
        if finder.mixed and _joined(finder, last) and _joined(finder, after):
            return True  # "kami Saniri Negeri Soya", "Karang Taruna Desa Lembang": a body of the place
    vessel = _run_start(finder, first) - 1
    if vessel >= 0 and tokens[vessel].low in _VESSELS and tokens[vessel].cap and _joined(finder, vessel):
        return True  # "KM Sinar Bangun": a ship
    return (
        _served_place(finder, first, last)
        or _placed(finder, first, last)
        or _body(finder, first, last)
        or _place_and_date(finder, first, last)
        or _opening_word(finder, first, last)
        or notname_places.place_not_person(finder, first, last, named, honoured)
    )


def _joined(finder: _Names, k: int) -> bool:
    """Whether token k and token k+1 are written with one space between them."""
    return finder.doc.text[finder.tokens[k].end : finder.tokens[k + 1].start] == " "


def _run_start(finder: _Names, first: int) -> int:
    """The first of the capitalised words before token first that run into it ("Parupuk" of "Parupuk
    Tabing"), in a mixed-case text; in any other text the run is the span itself."""
    k = first
    if not finder.mixed:
        return k
    while k > 0 and _joined(finder, k - 1) and finder.tokens[k - 1].cap and not finder.is_name(k - 1):
        low = finder.tokens[k - 1].low
        if (
            low in JURISDICTION
            or low in _BODY_HEADS
            or low in _LEX.honorifics
            or low in _PLACE_BEFORE
            or low in _VESSELS
        ):
            break
        k -= 1
    return k


def _served_place(finder: _Names, first: int, last: int) -> bool:
    """'Lurah Parupuk Tabing, Ibu ...', 'Bhabinkamtibmas Kelurahan Marengan Daya', 'PAK LURAH SEI PUTIH TIMUR'."""
    tokens = finder.tokens
    k = _run_start(finder, first)
    while k > 0 and tokens[k - 1].low in _PLACE_WORDS and _joined(finder, k - 1):
        k -= 1
    role = k - 1
    if role < 0 or tokens[role].low not in JURISDICTION or not _joined(finder, role):
        return False
    if finder.doc.text.startswith(":", tokens[last].end) or tokens[first].low in _LEX.ranks:
        return False  # "[16/09/25 17.56] Kepling Makmur:" speaks; "Bhabinkamtibmas Bripka ...": a person
    if any(person_shaped(tokens[j].low) for j in range(first, last + 1)):
        return False  # "Kades Sutrisnowati": a person's name by its ending (``name_shapes``)
    if not finder.mixed or role > 0 and tokens[role - 1].low in _LEX.honorifics:
        # "Bu Lurah Rabiatul", "SEKDES SYAKIRA": capitals do not tell a person from a place, but a place's
        # last word does ("PAK LURAH ANTAPANI KIDUL")
        return tokens[last].low in _PLACE_ENDS and last > first
    return all(tokens[j].cap for j in range(first, last + 1))


def _placed(finder: _Names, first: int, last: int) -> bool:
    """'banjir Karangduak', 'lahan kosong Bontoala', 'Warga Maccini menolak': capitals after a place's cue."""
    if not finder.mixed:
        return False
    tokens = finder.tokens
    k = _run_start(finder, first)
    if not all(tokens[j].cap and tokens[j].low not in _FUNCTION_WORDS for j in range(k, last + 1)):
        return False  # "di Petamanan Menurut Wagirah": a sentence's words, not one place's name
    return k > 0 and tokens[k - 1].low in _PLACE_BEFORE and _joined(finder, k - 1)


def _body(finder: _Names, first: int, last: int) -> bool:
    """'Panitia Seleksi', 'Dinas Pemadam Kebakaran', 'Kabag Hukum': Indonesian words after a body's head."""
    tokens = finder.tokens
    if not all(_is_word(tokens[j].low) for j in range(first, last + 1)):
        return False
    k = first
    while k > 0 and _joined(finder, k - 1) and tokens[k - 1].cap:
        if tokens[k - 1].low in _BODY_HEADS:
            return True
        if not _is_word(tokens[k - 1].low):
            return False
        k -= 1
    return False


def _place_and_date(finder: _Names, first: int, last: int) -> bool:
    """'Marengan Daya, 20 November 2026': a letter's place and date, on a line of its own."""
    text, tokens = finder.doc.text, finder.tokens
    line = text.rfind("\n", 0, tokens[first].start) + 1
    if text[line : tokens[first].start].strip() or not all(tokens[j].cap for j in range(first, last + 1)):
        return False
    return bool(_DATE_AFTER.match(text, tokens[last].end))


def _opening_word(finder: _Names, first: int, last: int) -> bool:
    """'Rapat warga pada ...': one capitalised Indonesian word opening a sentence before lower-case words."""
    tokens, text = finder.tokens, finder.doc.text
    if first != last or not finder.mixed or last + 1 >= len(tokens) or not _joined(finder, last):
        return False
    tok = tokens[first]
    if not tok.cap or tok.low in _LEX.names or not _is_word(tok.low) or tokens[last + 1].cap:
        return False
    # after a sentence's last word, not after a list number ("1. Buyung sekeluarga") or "a.n."
    return bool(_SENTENCE_END.search(text, max(0, tok.start - 40), tok.start))
