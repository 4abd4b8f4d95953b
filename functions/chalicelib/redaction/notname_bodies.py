"""A body's own name and the places a region's "se-" gathers are not persons (issue 11, session 12).

Two classes of capitalised words that read like a name in a mixed-case text and that every city's letters hold:

- the proper name of an organisation, written right after its head word and the capitalised words that say what
  it is (none a listed name): "Paguyuban Pedagang Suryakencana", "Asosiasi Pedagang Kuliner Losari", "Panitia Malang Jazz Fest",
  "Kepala Dinas Perindag", "Ikatan Mahasiswa Kamasan". ``false_names`` keeps a body's name made of Indonesian
  words ("Panitia Seleksi"); a place or a brand at its end ("Losari", "Suryakencana") is no Indonesian word, and
  no person stands there without a comma or an honorific ("Ketua Paguyuban, Bapak ...");
- the places after "se-Kecamatan", "se-Kota", "se-Kabupaten" (all the units of a region: "Lurah se-Kecamatan
  Sario dan Wenang", "Kepala Sekolah se-Kota Bima"): "se-" gathers places, never people.

A span holding a word of the name list is left a name, unless the word is one of a compound noun ("Panitia Haul
Akbar": ``notname_words``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import _FUNCTION_WORDS, _LEX
from .name_shapes import person_shaped
from .notname_words import compound_word, judged_once

if TYPE_CHECKING:
    from .names import _Names

# The head words of an organisation's name: a gathering of people named after what they do and where
BODIES = frozenset(
    "paguyuban asosiasi ikatan himpunan persatuan perkumpulan serikat kelompok komunitas forum koperasi yayasan "
    "panitia dinas badan lembaga gabungan kerukunan asrama".split()
)
# "se-Kecamatan X", "sekecamatan X", "se Kota X": every unit of the region that follows
_GATHERED = re.compile(
    r"(?i)(?<![^\W\d_])se[ \-]?(?:kecamatan|kelurahan|kabupaten|kota|desa|provinsi|kec\.|kab\.|kel\.)[ \t]+$"
)


def _joined(finder: _Names, k: int) -> bool:
    return finder.doc.text[finder.tokens[k].end : finder.tokens[k + 1].start] == " "


def body_name(finder: _Names, first: int, last: int) -> bool:
    """Whether capitalised tokens first..last end an organisation's name opened by a head word (see the module)."""
    tokens = finder.tokens
    words = range(first, last + 1)
    if not all(tokens[k].cap and tokens[k].low not in _FUNCTION_WORDS for k in words):
        return False
    if any(person_shaped(tokens[k].low) for k in words):
        return False  # "Ketua Kelompok Tani Sutrisnowati": a Javanese given name by its ending (``name_shapes``)
    k = first - 1
    while k >= 0 and _joined(finder, k) and tokens[k].cap:
        low = tokens[k].low
        if low in BODIES:
            return True
        if finder.is_name(k) or low in _LEX.honorifics or low in _LEX.titles:
            return False  # "Paguyuban Pak Budi": the honorific says a person comes
        k -= 1
    return False


def gathered_place(finder: _Names, first: int, last: int) -> bool:
    """Whether tokens first..last follow "se-Kecamatan" (or a place that does, across "dan" or a comma)."""
    tokens, text = finder.tokens, finder.doc.text
    k = first
    while True:
        line = text.rfind("\n", 0, tokens[k].start) + 1
        if _GATHERED.search(text, max(line, tokens[k].start - 20), tokens[k].start):
            return True
        # "se-Kecamatan Sario dan Wenang", "se-Kota Ambon, Tual dan Saumlaki": go back over the places before
        j = k - 1
        if j >= 1 and tokens[j].low == "dan" and tokens[j - 1].cap:
            k = j - 1
        elif j >= 0 and text[tokens[j].end : tokens[k].start] == ", " and tokens[j].cap:
            k = j
        else:
            return False
        while (
            k > 0
            and _joined(finder, k - 1)
            and tokens[k - 1].cap
            and not _GATHERED.search(text, max(0, tokens[k].start - 20), tokens[k].start)
        ):
            k -= 1


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that are not a body's own name or a gathered region's place (see the module)."""
    if not ranges or finder.doc.mode not in ("mixed", "title"):
        return ranges  # capitals tell nothing in a text all in capitals or in lower case
    return judged_once(
        ranges,
        lambda first, last: (
            any(finder.is_name(k) and not compound_word(finder, k) for k in range(first, last + 1))
            or not (body_name(finder, first, last) or gathered_place(finder, first, last))
        ),
    )
