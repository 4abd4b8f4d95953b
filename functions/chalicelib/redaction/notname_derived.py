"""Words made from a root, said twice, said of "Bapak/Ibu" as "you", or numbered, are not names (issue 11, session 14).

A cue ("kepada", "menurut", "Yth.", an honorific, a relative) makes the rules take the word after it for a name,
as Indonesians are named with ordinary words. Five classes of words stand there in every city's inbox and are no
parent's choice:

- a noun or a verb built on a root with a prefix: "kepada penyelenggara", "Yth. Pelanggan PLN", "Bapak/Ibu
  Pengguna Jalan", "lapor ke bapa pembina", "pemohon", "keterangan" (``pe-``, ``peN-``, ``per-``, ``ke-`` on
  a dictionary root, the word itself no root: a given name is a root or no word at all; of the names the tuning
  corpora mark, none is such a word, while "-an" alone makes "Raihan", "Riduan" and "Tumbuan");
- a word said twice: "anak saya batuk-batuk", "saderek-saderek pa kades", "ibu-ibu" (nobody's name is doubled);
- "Bapak"/"Ibu" as the formal "you", before a modal or an auxiliary: "Ibu dapat datang kembali", "Mohon Bapak
  sudah hadir", "Bapak bisa lapor";
- a listed name that the word beside it makes a common noun: "tiap hari", "peserta didik", "daftar titik", "budi
  pekerti", "sinar matahari", "bintang laut";
- a roman numeral, after Indonesian words or alone: "siswa kelas IV-VI", "Pihak II" (a part's or a stage's number).

A span is dropped only when every word of it is such a word, or an Indonesian word or an acronym after the first;
a listed name in it keeps it ("Pelanggan PLN Budi Santoso" is Budi's), and so does a word for "name" before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_word
from .names_cued import WORD_NAMES
from .notname_words import after_name_cue, judged_once

if TYPE_CHECKING:
    from .names import _Names

# A prefix that makes a noun or a verb of a root: "pelanggan", "pemohon", "penyelenggara", "pengguna", "keterangan",
# "perbaikan" (with the root's first letter dropped or not; ``lexicon._is_word`` says whether a root is under it)
_PREFIXED = re.compile(r"(?:pe[mnrl]?|peng|peny|ke|per)[a-z]{3,}")
# The modals and auxiliaries after "Bapak"/"Ibu" as "you": "Ibu dapat datang kembali"
_AUXILIARIES = frozenset(
    "dapat bisa boleh harus akan sudah telah sedang mohon perlu wajib tidak belum jangan juga pun cukup "
    "diminta dimohon dipersilakan".split()
)
# A listed name made a common noun by the word before it ("tiap hari", "peserta didik") or after it ("budi
# pekerti", "sinar matahari")
_NUMBERS = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh beberapa berapa"
_BEFORE = {
    "hari": frozenset(f"tiap setiap per suatu sehari harian {_NUMBERS}".split()),
    "didik": frozenset("peserta anak tenaga".split()),
    "titik": frozenset(f"daftar tiap setiap lokasi beberapa {_NUMBERS}".split()),
}
_AFTER = {
    "budi": frozenset("pekerti daya luhur bahasa".split()),
    "sinar": frozenset("matahari bulan lampu".split()),
    "bintang": frozenset("laut".split()),
}


# A roman numeral of two letters or more, or a range of them: "kelas IV-VI", "Pihak II" (a lone "I" opens a
# Balinese name)
_ROMAN = re.compile(r"(?:[IVX]{2,}|[IVX]+-[IVX]+)")


def derived(low: str) -> bool:
    """Whether a lower-case word is a root with a nominal or verbal prefix, and no root nor a listed name itself."""
    return (
        len(low) >= 6
        and bool(_PREFIXED.fullmatch(low))
        and low not in _LEX.words
        and low not in _LEX.names
        and low not in WORD_NAMES
        and _is_word(low)
    )


def _doubled(low: str) -> bool:
    """'batuk-batuk', 'saderek-saderek', 'ibu-ibunya': a word said twice."""
    head, _, tail = low.partition("-")
    return bool(head) and low not in _LEX.names and (tail == head or tail == head + "nya")


def _compound(finder: _Names, k: int) -> bool:
    tokens, text = finder.tokens, finder.doc.text
    low = tokens[k].low
    before = _BEFORE.get(low)
    if before and k > 0 and tokens[k - 1].low in before and text[tokens[k - 1].end : tokens[k].start] == " ":
        return True
    after = _AFTER.get(low)
    return bool(
        after
        and k + 1 < len(tokens)
        and tokens[k + 1].low in after
        and text[tokens[k].end : tokens[k + 1].start] == " "
    )


def _plain(finder: _Names, k: int) -> bool:
    """An Indonesian word or an acronym that is no listed name: what may follow a derived word in the span."""
    tok = finder.tokens[k]
    if tok.low in _LEX.names or tok.low in WORD_NAMES:
        return False
    return _is_word(tok.low) or tok.acronym


def _is_a_name(finder: _Names, first: int, last: int) -> bool:
    tokens = finder.tokens
    low = tokens[first].low
    if not (
        derived(low)
        or _doubled(low)
        or low in _AUXILIARIES
        or low in _BEFORE
        or low in _AFTER
        or _ROMAN.fullmatch(tokens[last].text)
    ):
        return True  # most names: none of the classes opens them
    if after_name_cue(finder, first):
        return True  # "nama saya Pelangi": the writer says it is a name
    rest = range(first + 1, last + 1)
    if all(_ROMAN.fullmatch(tokens[k].text) or k < last and _plain(finder, k) for k in range(first, last + 1)):
        return False  # "kelas IV-VI", "Pihak II": a part's or a stage's number
    if first == last and _compound(finder, first):
        return False  # "tiap hari", "budi pekerti"
    if (derived(tokens[first].low) or _doubled(tokens[first].low)) and all(_plain(finder, k) for k in rest):
        return False  # "Yth. Pelanggan PLN", "bapa pembina", "kepada penyelenggara", "batuk-batuk terus"
    if (
        tokens[first].low in _AUXILIARIES
        and first > 0
        and tokens[first - 1].low in ("bapak", "ibu", "bpk", "bapa")
        and all(_plain(finder, k) for k in rest)
    ):
        return False  # "Ibu dapat datang kembali"
    return True


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that are not a derived word, a doubled word, "you" or a compound (see the module)."""
    return judged_once(ranges, lambda first, last: _is_a_name(finder, first, last)) if ranges else ranges
