"""The redactor's word lists and the word-level tests built on them.

Loads ``chalicelib/data/*.txt`` (names, common words, honorifics, titles and degrees, roles, public
phrases) and PySastrawi's root words once, at import, into ``_LEX``; and answers questions about one
word: is it an Indonesian word with its affixes (``_is_word``), a role, an agency's short name, a
degree, a typo of a cue word.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import engine, startcache

_REGIONS = Path(__file__).resolve().parent.parent / "regions"
_DATA = Path(__file__).resolve().parent.parent / "data"  # chalicelib/data, shared with no one else yet


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word.lower() for line in _lines(name) for word in line.split())


def _root_words_text() -> str:
    """PySastrawi's dictionary as text. Found from the package's location without importing
    ``importlib.resources`` (a fifth of the lexicon's start) when the package is a plain directory."""
    spec = importlib.util.find_spec("Sastrawi")
    if spec is not None and spec.submodule_search_locations:
        for where in spec.submodule_search_locations:
            path = Path(where) / "Stemmer" / "data" / "kata-dasar.txt"
            if path.is_file():
                return path.read_text(encoding="utf-8")
    from importlib import resources

    return (resources.files("Sastrawi.Stemmer.data") / "kata-dasar.txt").read_text(encoding="utf-8")


def _root_words(text: str | None = None) -> frozenset[str]:
    """Indonesian root words (kata dasar) from PySastrawi, the stemmer's own dictionary."""
    words = _root_words_text() if text is None else text
    return frozenset(w.lower() for w in words.split() if w.isalpha())


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line.lower())
    return sections


@dataclass(frozen=True)
class _Lexicon:
    names: frozenset[str]
    common: frozenset[str]
    words: frozenset[str]
    honorifics: frozenset[str]
    titles: frozenset[str]
    degrees: tuple[str, ...]
    roles: frozenset[str]
    street_openers: frozenset[str]
    facility_openers: frozenset[str]
    capital_openers: frozenset[str]
    ranks: frozenset[str]
    places: tuple[str, ...]
    phrases: tuple[str, ...]


# Words of chat that PySastrawi's dictionary lacks: loanwords and the Sundanese, Minang and eastern
# Indonesian function words that citizens write ("tos dilaporkeun", "ambo mau", "tra jalan").
_CHAT_WORDS = frozenset(
    "forward fwd share copy screenshot ss update link posting upload chat japri dm story status grup group "
    "aya abdi teh tos can nu ka ambo awak indak tra su sa pe kitorang torang dong".split()
)


def _load_lexicon(root_words: str | None = None) -> _Lexicon:
    titles = _lines("titles_id.txt")
    public = _sections("public_id.txt")
    facility = public["facility"]
    return _Lexicon(
        names=frozenset(
            w.strip(".").lower()
            for name in ("names_id.txt", "names_foreign.txt")
            for line in _lines(name)
            for w in line.split()
        ),
        common=_words("common_id.txt"),
        words=_root_words(root_words) | _CHAT_WORDS,
        honorifics=_words("honorifics_id.txt"),
        titles=frozenset(t.lower() for t in titles if not t.startswith("@")),
        degrees=tuple(t[1:] for t in titles if t.startswith("@")),
        roles=_words("roles_id.txt"),
        street_openers=frozenset(public["street"]),
        facility_openers=frozenset(w for w in facility if not w.startswith("!")),
        capital_openers=frozenset(w[1:] for w in facility if w.startswith("!")),
        ranks=frozenset(public["rank"]),
        places=tuple(public["place"]) + _region_places(),
        phrases=tuple(public["phrase"]) + _region_phrases(),
    )


def _regions() -> list[dict[str, Any]]:
    """Every region file shipped with the code (regions/*.json): its places and agencies are public."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(_REGIONS.glob("*.json"))]


def _region_places() -> tuple[str, ...]:
    """The kecamatan and kelurahan of every region, and the regions themselves ("Kota Pasuruan")."""
    names = []
    for region in _regions():
        names.append(region["name"])
        for kecamatan in region.get("kecamatan", []):
            names.append(kecamatan["name"])
            names += [kelurahan["name"] for kelurahan in kecamatan.get("kelurahan", [])]
    return tuple(" ".join(n.lower().split()) for n in names)


def _region_phrases() -> tuple[str, ...]:
    """The agencies of every region and the bodies reports are forwarded to, by name and short name."""
    names = []
    for region in _regions():
        names.append(region.get("operator", ""))
        for agency in region.get("agencies", []):
            names += [agency.get("name", ""), agency.get("short_name", "")]
        names += [destination.get("name", "") for destination in region.get("forward_destinations", [])]
    return tuple(" ".join(n.lower().split()) for n in names if n)


def _kept_lexicon() -> _Lexicon:
    """The lexicon, from the start cache when its inputs (this module's code, the data files, the region
    files and the root words) are byte for byte those it was made from; a fifth of the import otherwise."""
    root_words = _root_words_text()
    inputs: list[bytes | str] = [Path(__file__).read_bytes(), root_words]
    for path in sorted(_DATA.glob("*.txt")) + sorted(_REGIONS.glob("*.json")):
        inputs += [path.name, path.read_bytes()]
    fields = startcache.remembered(
        "lexicon:" + startcache.digest(inputs), lambda: dataclasses.asdict(_load_lexicon(root_words))
    )
    return _Lexicon(**fields)


_LEX = _kept_lexicon()
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1 << 16)  # asked for every token many times; the answer depends on the word alone
def _wordlike(low: str) -> bool:
    """Whether an all-capitals word reads as a word ('PAITUN', 'MAT') rather than an acronym ('PDAM', 'BPBD')."""
    return len(low) >= 3 and sum(c in _VOWELS for c in low) / len(low) >= 0.3 and low not in _LEX.common


# The way Indonesian agencies shorten their names: Dishub, Disperkim, Dinkes, Bappelitbangda, BKPSDM,
# DPMPTSP, Kesbangpol, Satpol, Polsek, Pemkab... Checked after the name list, so "Dinda" stays a name.
_AGENCY_SHAPE = re.compile(
    r"(?:dis[bcdfghjklmnpqrstvwxz]|din(?:kes|sos|dik|as)|bap+e[dln]|bp[bkmnos]|bk[dp]|dp[mrpu]|kesbang|setd|setw|"
    r"sat(?:pol|lantas|res|linmas)|pol(?:res|sek|da|resta)|kemen|kanwil|pem(?:kot|kab|prov|da)|dprd|damkar)[a-z]*$"
)


@lru_cache(maxsize=1 << 16)  # asked for every token many times; the answer depends on the word alone
def _agency_like(low: str) -> bool:
    return low not in _LEX.names and bool(_AGENCY_SHAPE.match(low))


@lru_cache(maxsize=1 << 16)  # asked for every token many times; the answer depends on the word alone
def _is_role(low: str) -> bool:
    return low in _LEX.roles or (low.endswith("nya") and low[:-3] in _LEX.roles)


_VERB = re.compile(r"(?:me[mn]?|meng|meny|ber|ter|di)[a-z]{3,}$")
_AFFIXED = re.compile(r"(?:me[mn]?|meng|meny|ber|ter|di|per)[a-z]{4,}$|[a-z]+(?:kan|nya)$")
_LABELS = frozenset(
    "ig fb wa hp telp tlp email ktp nik kk npwp bpjs kis rek no nomor wni wna bem osis pkk".split()
)  # labels and bodies, never names


def _one_typo(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    deletes = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    doubles = {word[:i] + word[i] + word[i:] for i in range(len(word))}
    subs = {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    return (deletes | swaps | doubles | subs) - {word}


_FUZZY_CUES = frozenset().union(*(_one_typo(w) for w in ("bernama", "namanya", "pelapor"))) - _LEX.common - _LEX.names
_LOCATIVE = frozenset(
    "di ke dari daerah arah menuju wilayah kawasan sekitar dekat desa kampung kota kab kabupaten kec kecamatan kel "
    "kelurahan dusun jalan jl jln gang gg perum perumahan pasar masjid sekolah toko warung merek merk aplikasi "
    "warga wrg penduduk lingkungan dukuh dsn saking teko seko asal lewat via pakai".split()
)


def _degree_regex() -> re.Pattern[str]:
    parts = []
    for degree in sorted(_LEX.degrees, key=len, reverse=True):
        pieces = [re.escape(p) for p in degree.split(".") if p]
        parts.append(r"\.?\s?".join(pieces) + r"\.?")
    return re.compile(r"(?:\s?,?\s?(?:" + "|".join(parts) + r"))+(?![\w])", re.IGNORECASE)


_DEGREES = _degree_regex()
_DEGREE_WORDS = frozenset(w.lower() for d in _LEX.degrees for w in re.split(r"[.\s]+", d) if w)


# A degree starts, after at most "\s?,?\s?", with one of these letters.
_DEGREE_FIRST = frozenset(piece[0].lower() for d in _LEX.degrees for piece in d.split(".")[:1] if piece)
# Every end of a word where a degree may follow, found in one pass: a superset of the word ends at which
# _degree_at answers (a word ends after a letter, before a non-letter).
_DEGREE_HINT = re.compile(
    r"(?<=[^\W\d_])(?![^\W\d_])(?=\s{0,3},{0,3}\s{0,3}[" + "".join(sorted(re.escape(c) for c in _DEGREE_FIRST)) + "])",
    re.IGNORECASE,
)


def _degree_ends(text: str) -> list[int]:
    """The word ends p at which _degree_at(text, p) may answer, in order (at the others it answers None)."""
    if engine.FAST:
        return _about(text)[1]
    return [m.start() for m in _DEGREE_HINT.finditer(text)]


# What has been worked out about the last text asked about: its degree ends (as a list and a set) and the
# answers of _degree_at. The names ask about the same text's word ends over and over, one text at a time;
# a text is known by its identity (a new string object starts afresh), and the whole is swapped at once.
_LAST: tuple[str, list[int], frozenset[int], dict[int, int | None]] = ("", [], frozenset(), {})
_LETTER = re.compile(r"[^\W\d_]")


# What must follow a word end for _DEGREE_HINT to find it there: a cheap first test, then _DEGREE_OPENS.
_DEGREE_FOLLOWS = re.compile(
    r"\s{0,3},{0,3}\s{0,3}[" + "".join(sorted(re.escape(c) for c in _DEGREE_FIRST)) + "]", re.IGNORECASE
)


def prime_degree_ends(text: str, word_ends: list[int]) -> None:
    """Work out the degree ends of `text` from the ends of its words (``document._WORD``'s matches, in
    order) rather than by ``_DEGREE_HINT`` over every character (a twentieth of the redactor's time): the
    word ends that ``_DEGREE_OPENS`` says a degree's first letters follow. Only those: _degree_at answers
    nowhere else (see _DEGREE_OPENS), and most texts have none, so the names' loop over the degree ends
    and most of their questions to _degree_at end at once. A place where _degree_at answers ends a run of
    letters and is followed by a space, a comma or a letter, so no "'" or "-" glues a word on and it ends
    a word."""
    global _LAST
    if engine.FAST:
        follows, opens = _DEGREE_FOLLOWS.match, _DEGREE_OPENS.match
        ends = [end for end in word_ends if follows(text, end) and opens(text, end)]
        _LAST = (text, ends, frozenset(ends), {})


def _about(text: str) -> tuple[str, list[int], frozenset[int], dict[int, int | None]]:
    global _LAST
    last = _LAST
    if last[0] is not text:
        ends = [m.start() for m in _DEGREE_HINT.finditer(text)]
        last = _LAST = (text, ends, frozenset(ends), {})
    return last


# The first letters of every degree, dots and spaces left out ("spd" for "S.Pd", "sh" for "S.H"): what
# a text must go on with, its dots and spaces left out, where the degree regex matches.
_DEGREE_LETTERS = [re.sub(r"[.\s]", "", d).lower()[:3] for d in _LEX.degrees]
assert all(len(letters) >= 2 and letters.isascii() for letters in _DEGREE_LETTERS)
_DEGREE_HEADS = (
    frozenset(h for h in _DEGREE_LETTERS if len(h) == 2),
    frozenset(h for h in _DEGREE_LETTERS if len(h) == 3),
)


# Where a degree may open: what _DEGREES asks first ("\s?,?\s?"), then the first letters of a degree
# (_DEGREE_LETTERS) with any dots and spaces between them, a superset of what _DEGREES matches at the
# start of a match. Tried at a word end, it is false at most of them.
# The letters are a trie ("s[.\s]*(?:p[.\s]*(?:d|...)|...)"): a flat alternation of seventy heads, tried
# one after the other, cost more than all the rest of a document's tokenising.


def _trie(heads: set[str]) -> str:
    """A regex matching any of `heads` with dots and spaces between their letters, one branch per letter."""
    branches = []
    for first in sorted({h[0] for h in heads}):
        rest = {h[1:] for h in heads if h[0] == first}
        tail = _trie({r for r in rest if r}) if any(rest) else ""
        optional = "?" if "" in rest else ""
        branches.append(re.escape(first) + (f"(?:[.\\s]*{tail}){optional}" if tail else ""))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_DEGREE_OPENS = re.compile(r"\s?,?\s?" + _trie(set(_DEGREE_LETTERS)), re.IGNORECASE)


def _may_open_degree(text: str, pos: int) -> bool:
    r"""False where no degree can follow position pos; a cheap test done before the degree regex. A match
    is "\s?,?\s?" and the letters of a degree with at most a dot and a space between its parts: the
    text after the separators, its dots and spaces taken out, starts with the degree's letters."""
    head = text[pos : pos + 16].lstrip().lstrip(",").lstrip()
    letters = "".join(head.replace(".", "").split())[:3]
    if not letters.isascii():
        return True  # a letter that ignoring case may equate with an ASCII one: leave it to the regex
    letters = letters.lower()
    return letters[:2] in _DEGREE_HEADS[0] or letters in _DEGREE_HEADS[1]


def _degree_trie() -> str:
    """What _DEGREES' alternation of degrees matches, as a trie of their letters ("s(?:\\.?\\s?(?:p(?:d...":
    one branch tried per letter, where the alternation tries each of seventy degrees in turn."""
    joint = "\x00"  # between two pieces of a degree ("S" and "Pd" in "S.Pd"): _degree_regex's "\.?\s?"
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for degree in _LEX.degrees:
        node = trie
        for k, piece in enumerate(p for p in degree.split(".") if p):
            if k:
                node = node.setdefault(joint, {})
            for char in piece.lower():  # _DEGREES ignores case
                node = node.setdefault(char, {})
        node[""] = {}  # a degree ends here: _degree_regex's "\.?"

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [
            r"\.?" if key == "" else (r"\.?\s?" if key == joint else re.escape(key)) + pattern(child)
            for key, child in sorted(node.items())
        ]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


# Whether _DEGREES matches at a place: the same regex with the trie for the alternation. A regex without
# atomic parts matches where some way through it does, whatever order its branches are tried in, so this
# one matches exactly where _DEGREES does; in a lookahead it only answers yes or no, in one pass, and the
# alternation is run only where it matches, for where the degrees end.
_DEGREE_MATCHES = re.compile(r"(?=(?:\s?,?\s?" + _degree_trie() + r")+(?![\w]))", re.IGNORECASE)


def _degree_at(text: str, pos: int) -> int | None:
    """Where academic degrees written right after position pos end (", S.Pd., M.Si."), if any."""
    if not engine.FAST:
        return _degree_after(text, pos)
    _, _, ends, answers = _about(text)
    if pos in answers:
        return answers[pos]
    if pos not in ends and pos > 0 and _LETTER.match(text, pos - 1) and not _LETTER.match(text, pos):
        answer = None  # a word end at which no degree may start
    else:
        answer = _degree_after(text, pos)
    answers[pos] = answer
    return answer


def _degree_after(text: str, pos: int) -> int | None:
    if text[pos : pos + 4].lstrip().lstrip(",").lstrip()[:1].lower() not in _DEGREE_FIRST:
        return None  # the usual case, decided without the regex
    if engine.FAST and not (_may_open_degree(text, pos) and _DEGREE_MATCHES.match(text, pos)):
        return None
    m = _DEGREES.match(text, pos)
    if not m:
        return None
    shown = m.group()
    return m.end() if "." in shown or "," in shown or any(c.isupper() for c in shown) else None


_FUNCTION_WORDS = frozenset(
    "dan atau di ke yang yg dengan dgn untuk utk pada kepada kpd oleh ini itu tsb tersebut saya sy aku kami kita dia "
    "ia mereka anda kamu beliau juga tapi tetapi namun karena krn agar supaya jika kalau bila sudah belum tidak tdk "
    "ada adalah akan telah sedang masih sangat lebih paling hanya cuma pun lah kah nya selaku sebagai sejak sampai "
    "hingga bahwa maka lalu kemudian serta bersama tanpa antara terhadap tentang dalam atas bawah depan belakang "
    "dekat sini situ sana mohon tolong minta terima kasih jalan jl gang gg rt rw no nomor banyak sering selalu "
    "bilang kata mau ingin bisa harus".split()
)
_PREFIXES = (
    ("meny", "s"), ("meng", "k"), ("meng", ""), ("mem", "p"), ("mem", ""), ("men", "t"), ("men", ""), ("me", ""),
    ("peny", "s"), ("peng", "k"), ("peng", ""), ("pem", "p"), ("pem", ""), ("pen", "t"), ("pen", ""), ("per", ""),
    ("pe", ""), ("ber", ""), ("bel", ""), ("be", ""), ("ter", ""), ("te", ""), ("di", ""), ("ke", ""), ("se", ""),
    ("non", ""), ("ku", ""), ("kau", ""), ("memper", ""), ("diper", ""), ("ng", ""), ("ny", "s"), ("n", "t"), ("m", "p"),
)  # fmt: skip
_PARTICLE_SUFFIXES = frozenset({"kah", "lah", "pun", "tah"})
_SUFFIXES = ("nya", "lah", "kah", "pun", "kan", "an", "i", "ku", "mu", "e", "ne", "ipun", "ake", "na")


@lru_cache(maxsize=1 << 17)  # bounded: a worker that runs for months meets every misspelling there is
def _is_word(low: str) -> bool:
    """Whether a lower-case word is an Indonesian word: a root word or a common word, or one of these with
    the usual prefixes and suffixes ('kehilangan', 'penipu', 'dibantu', 'nonaktif', 'ibu-ibu')."""
    if low in _LEX.words or low in _LEX.common:
        return True
    if "-" in low:
        return all(_is_word(part) for part in low.split("-") if part)
    stems = {low}
    for _ in range(2):
        stems |= {
            s[: -len(x)]
            for s in stems
            for x in _SUFFIXES
            # a particle needs a longer stem: "sulikah" is not "suli" + "kah"
            if s.endswith(x) and len(s) - len(x) >= (5 if x in _PARTICLE_SUFFIXES else 3)
        }
    for _ in range(2):  # "kepesertaan": ke- pe- serta -an
        if any(stem in _LEX.words for stem in stems):
            return True
        stems = {
            first + stem[len(prefix) :]
            for stem in stems
            for prefix, first in _PREFIXES
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3
        }
    return any(stem in _LEX.words for stem in stems)


# Words before a family's or a late person's name ("Keluarga Sastrowardoyo", "alm. Sutrisno", "Bani Hasyim"):
# a person follows them (names._vetoed never drops a name after one).
_KIN_WORDS = frozenset("keluarga kel bani trah alm almarhum almarhumah".split())
