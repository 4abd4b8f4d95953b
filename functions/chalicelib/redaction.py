"""Find and redact personal data in Indonesian complaint texts before they are published.

``redact(text)`` replaces personal data with bracketed placeholders; ``find_pii(text)`` lists
what it would replace, as ``PiiMatch(kind, start, end, value)`` spans of the *original* text,
sorted and non-overlapping. ``kind`` is the placeholder word in lower case:

    [NAMA] [NIK] [KK] [NPWP] [TELEPON] [EMAIL] [NOPOL] [REKENING] [BPJS] [PASPOR] [AKUN] [ALAMAT]

How it works. The text is matched in an NFKC-normalised copy (fancy Unicode letters and
digits, full-width forms, zero-width characters removed) whose every character remembers its
place in the original, so the placeholders replace exactly the original characters.

* Structured identifiers are found by their shape and classified by the nearest cue word
  before them ("NIK", "KK", "NPWP", "BPJS", "rek"/a bank name, "HP"/"WA", "paspor"): runs of
  digits in any grouping (``3575.0123.4567.0001``, ``0812-3456-7890``, ``(0343) 424567``), with
  ``phonenumbers`` validating phones after a bare leading ``62`` is normalised to ``+62``. A
  16-digit number is always redacted (as a NIK when no other cue says what it is), even when
  its checksum or date is wrong: citizens mistype, and a leaked NIK is an offence under
  UU 27/2022 while an over-redacted number costs nothing.
* Amounts, dates, times and counts (``Rp 150.000``, ``12/03/2026``, ``pukul 08.30``,
  ``3 hari``) are found first and never taken for identifiers.
* Addresses: RT/RW, house numbers after a street or an address word (``Jl. Hasanudin No. 12``
  keeps ``Jl. Hasanudin``), ``Blok C-12``, ``Blok F/16``, and a whole ``Gang X No. 12`` or
  ``Gg. Melati III/15``. "RT 3" or "RW 05" alone names a neighbourhood and is kept ("warga RT 3
  terdampak", "Ketua RW 05", "pos ronda RT 8") unless it says where somebody lives ("rumah saya RT 3",
  "saya warga RT 12", "Nama saya X, warga RT 10", "Alamat: Jl. Mawar 5 RT 3", "RT 08 kel Gadingrejo");
  "RT 03 RW 05" together is always redacted. "Perda No. 5 Tahun 2019" and letter numbers are kept.
* Person names from cues ("nama saya", "a.n.", "bernama", "berinisial AS", "yang bertanda tangan di
  bawah ini", "tetangga saya", "petugas", "menurut", "kulo", a closing "Hormat saya," / "Makasih min."
  or a signature line or "- Budi", a name in brackets after a phone number, and words that follow a
  name: "di sini", "selaku", "(45 th)", ", 51 thn,", "usia 65 tahun", ", S.Pd."), a list around a name
  found ("Sukarji, Masruroh, dan Debora"), "kemarin X datang" (a subject before a verb), honorifics
  ("Bapak", "Bu", "Sdr.", "Cak", "Koh"), titles ("H.", "Drs.", "Pdt.") and a list of Indonesian given
  and family names (``data/names_id.txt``). The honorific is kept ("Bapak [NAMA]"): it carries no
  identity and keeps the text readable; titles and degrees go with the name. An Indonesian word
  (PySastrawi's root words, ``Sastrawi/Stemmer/data/kata-dasar.txt``, also with affixes: "kehilangan", "penipu",
  "nonaktif") is not taken for a name unless the name list has it or a cue names it outright ("bernama
  Bunga"). Capitalised unknown words inside a mixed-case sentence are taken as names, and so is a run
  of capitalised words with one unknown among them ("The Kian Hoo"); a word found in one name is
  redacted wherever else it appears in the text. In a mixed-case text a lower-case word after a cue is
  not a name ("KK saya hilang", "tetangga saya yang mampu") unless the writer puts names in lower case
  elsewhere in the text or it introduces somebody ("saya sarkawi dr karangketug"); in an all-lower-case
  text it may be. Streets, agencies, facilities and places (``data/public_id.txt``) are protected, so
  "Jl. KH. Ahmad Dahlan" and "RSUD dr. R. Soedarsono" stay; so do agency accounts ("@dlh.kotapasuruan"),
  the place after "Lurah", "Camat", "Kapolsek" ("Camat Lowokwaru (Ibu ...)"), and the section after a
  role ("Kasi Pemerintahan"). An agency's one-word name ("Dispendukcapil") does not swallow the name
  after it. Officials acting in office are named persons too and are redacted.

Known limits. A name not in the name list and with no cue is missed in an all-lower-case or
ALL-CAPS message ("lapak samijan di depan pasar"), and right after "ke" or "di", where a capitalised
word is read as a place ("pergi ke Darsinah"); so is a name made of ordinary words or short Chinese
syllables with no capitals to tell ("intan permata", "mei ling", "Wulan Dari" in capitals), and a
lower-case name after "saya" in an otherwise well-capitalised text. A person named right after a
region word is read as the place ("pegawai kelurahan Khodijah"), and a one-word place after "Lurah" or
"Camat" is kept even when it is a name ("Lurah Darsinah"). A name glued to the end of an agency or
facility name, with no punctuation, may be kept as part of it; an unknown agency, brand or title-case
phrase written like a name ("petugas Bappeko", "Call Center 112", "Banjir Rob") may be redacted as
[NAMA]. Numbers of 10 or more digits with no cue are redacted anyway, as [REKENING] (13 digits
starting 000 as [BPJS], a dotted 15-digit number as [NPWP], 16 digits as [NIK]), so an unrelated long
number is over-redacted; a customer number after "no. pelanggan" is redacted as [REKENING]. Only
Indonesian phone numbering is known. ``find_pii`` takes about 1.3 ms per complaint.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import phonenumbers
from stdnum.id import npwp as stdnum_npwp

__all__ = ["KINDS", "PiiMatch", "find_pii", "redact", "redact_many"]

KINDS = ("nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat")

_DATA = Path(__file__).resolve().parent / "data"


class PiiMatch(NamedTuple):
    """One piece of personal data: its kind (the placeholder word in lower case) and where it is."""

    kind: str
    start: int
    end: int
    value: str


# --------------------------------------------------------------------------- word lists


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word.lower() for line in _lines(name) for word in line.split())


def _root_words() -> frozenset[str]:
    """Indonesian root words (kata dasar) from PySastrawi, the stemmer's own dictionary."""
    words = (resources.files("Sastrawi.Stemmer.data") / "kata-dasar.txt").read_text(encoding="utf-8")
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


def _load_lexicon() -> _Lexicon:
    titles = _lines("titles_id.txt")
    public = _sections("public_id.txt")
    facility = public["facility"]
    return _Lexicon(
        names=frozenset(w.strip(".").lower() for line in _lines("names_id.txt") for w in line.split()),
        common=_words("common_id.txt"),
        words=_root_words(),
        honorifics=_words("honorifics_id.txt"),
        titles=frozenset(t.lower() for t in titles if not t.startswith("@")),
        degrees=tuple(t[1:] for t in titles if t.startswith("@")),
        roles=_words("roles_id.txt"),
        street_openers=frozenset(public["street"]),
        facility_openers=frozenset(w for w in facility if not w.startswith("!")),
        capital_openers=frozenset(w[1:] for w in facility if w.startswith("!")),
        ranks=frozenset(public["rank"]),
        places=tuple(public["place"]),
        phrases=tuple(public["phrase"]),
    )


_LEX = _load_lexicon()

# --------------------------------------------------------------------------- normalised text

_TRANSLATE = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_TRANSLATE.update({ord(c): "'" for c in "\u2018\u2019\u201b\u00b4\u0060"})
_TRANSLATE.update({ord(c): '"' for c in "\u201c\u201d\u201e"})


def _normalise(raw: str) -> tuple[str, list[int]]:
    """NFKC, character by character, remembering for each output character its source index."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        if char.isascii():
            chars.append(char)
            origin.append(index)
            continue
        if unicodedata.category(char) == "Cf":  # zero-width space/joiner, soft hyphen, BOM
            continue
        for out in unicodedata.normalize("NFKC", char).translate(_TRANSLATE):
            chars.append(out)
            origin.append(index)
    origin.append(len(raw))
    return "".join(chars), origin


_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def acronym(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def _case_mode(text: str) -> str:
    """'mixed' when capitals carry meaning; 'lower', 'upper' or 'title' when they do not."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper > 0.75:
        return "upper"
    if upper < 0.015:
        return "lower"
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.85:
        return "title"
    return "mixed"


class _Span(NamedTuple):
    start: int
    end: int


class _Candidate(NamedTuple):
    kind: str
    start: int
    end: int
    priority: int


@dataclass
class _Doc:
    raw: str
    text: str
    origin: list[int]
    mode: str
    tokens: list[_Token]
    numeric: list[_Span]  # amounts, dates, times, counts: never identifiers
    phrases: list[_Span]  # known public phrases and places
    public: list[_Span]  # streets, agencies, facilities, places: never names

    @classmethod
    def of(cls, raw: str) -> _Doc:
        text, origin = _normalise(raw)
        tokens = [_Token(m.start(), m.end(), m.group(), m.group().lower()) for m in _WORD.finditer(text)]
        doc = cls(raw, text, origin, _case_mode(text), tokens, [], [], [])
        doc.numeric = _numeric_spans(text)
        doc.phrases = [_Span(m.start(), m.end()) for m in _PUBLIC_PHRASES.finditer(text)]
        doc.public = _public_spans(doc)
        return doc


def _overlaps(start: int, end: int, spans: Iterable[_Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


# --------------------------------------------------------------------------- amounts, dates, counts

_MONTH = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|pebruari|mar(?:et)?|apr(?:il)?|mei|juni?|juli?|agu(?:stus)?|agt|ags|agst"
    r"|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|nop(?:ember)?|des(?:ember)?)"
)
_NOT_AFTER_DIGIT = r"(?<!\d)(?<!\d[ .\-])"
_UNITS = (
    r"hari|hr|minggu|mgg|pekan|bulan|bln|tahun|thn|th|jam|jm|menit|mnt|detik|kali|kl|x|orang|org|jiwa|kk|rumah"
    r"|keluarga|unit|buah|bh|titik|meter|mtr|m|km|cm|mm|kg|ton|kwintal|liter|ltr|lt|lembar|lbr|karung|truk|rit"
    r"|ekor|anak|siswa|murid|pasien|warga|lampu|tiang|pohon|lubang|ruas|persen|kubik|m3|m2|ha|hektar|are"
    r"|bidang|sak|zak|batang|biji|bungkus|paket|porsi|tabung|dus|galon"
    r"|ember|jerigen|bulanan|tahunan|hariannya|an|lebih|kurang|lagi|sekali"
)
_NUMERIC_PATTERNS = [
    # amounts: Rp 150.000 / Rp150.000,00 / rp 1,5 jt / 2 juta / 500 ribu
    r"(?<![^\W\d_])(?:rp|idr)\.?\s?\d[\d.,]*(?:\s?[,.]?-)?(?:\s?(?:juta|jt|ribu|rb|rbu|rebu|k|miliar|milyar|m)\b)?",
    rf"{_NOT_AFTER_DIGIT}\d[\d.,]*\s?(?:juta|jt|ribu|rb|rbu|rebu|miliar|milyar|rupiah|perak|jutaan|ribuan)\b",
    # dates: 12/03/2026, 2026-03-12, 12 Maret 2026, Maret 2026, tahun 2026
    rf"{_NOT_AFTER_DIGIT}(?P<d>\d{{1,2}})\s?[/\-.]\s?(?P<m>\d{{1,2}})\s?[/\-.]\s?(?:19|20)?\d{{2}}(?![.\-/]?\d)",
    rf"{_NOT_AFTER_DIGIT}(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}(?!\d)",
    rf"{_NOT_AFTER_DIGIT}\d{{1,2}}(?:\s?(?:-|s/?d|sampai|hingga)\s?\d{{1,2}})?\s?{_MONTH}\b\.?(?:\s?'?(?:19|20)?\d{{2}}\b)?",
    rf"(?<![^\W\d_]){_MONTH}\.?\s(?:19|20)\d{{2}}\b",
    r"(?<![^\W\d_])(?:tahun|thn|th|tgl|tanggal)\.?\s?(?:19|20)\d{2}\b",
    # times: pukul 08.30, jam 8, 08:30 WIB, 07.00-12.00
    r"(?<![^\W\d_])(?:pukul|pkl|jam|jm)\.?\s?\d{1,2}(?:[.:]\d{2})?(?:\s?(?:-|s/?d|sampai|hingga)\s?\d{1,2}(?:[.:]\d{2})?)?",
    rf"{_NOT_AFTER_DIGIT}\d{{1,2}}[.:]\d{{2}}(?:\s?(?:-|s/?d|sampai|hingga)\s?\d{{1,2}}[.:]\d{{2}})?\s?(?:wib|wita|wit)\b",
    rf"{_NOT_AFTER_DIGIT}\d{{1,2}}[.:][0-5]\d\s?(?:-|s/?d|sampai|hingga)\s?\d{{1,2}}[.:][0-5]\d(?![.\d])",
    # counts and measures: 3 hari, 2 minggu, 50 meter, 10%, ke-3
    rf"{_NOT_AFTER_DIGIT}\d{{1,4}}(?:[.,]\d+)?\s?(?:{_UNITS})\b",
    rf"{_NOT_AFTER_DIGIT}\d{{1,3}}(?:[.,]\d+)?\s?%",
    r"(?<![^\W\d_])ke-?\s?\d{1,3}(?!\d)",
]
# Laws and letters: "Perda No. 5 Tahun 2019", "UU Nomor 27 Tahun 2022", "Surat Nomor 100/761/423.011/2024".
# Numbers, not identifiers, and not house numbers either.
_REFERENCE = re.compile(
    r"(?<![^\W\d_])(?:no|nomor|nmr)\s?\.?\s?:?\s?\d{1,4}(?:\s?/\s?[\w.\-]+)*\s?(?:tahun|thn|th)\.?\s?(?:19|20)\d{2}\b"
    r"|(?<![^\W\d_])(?:no|nomor|nmr)\s?\.?\s?:?\s?\d{1,4}(?:/[\w.\-]+){2,}",
    re.IGNORECASE,
)
# A count of one or two digits may follow a phone number ("081234567890 3 kali"), but "BRI 4467 0167 52
# Lampu..." is an account number that ran into the next sentence: only a lower-case unit makes a count.
_COUNT_AFTER_DIGITS = re.compile(rf"(?<=\d[ ])\d{{1,2}}\s?(?:{_UNITS})\b")
_NUMERIC = [re.compile(p, re.IGNORECASE) for p in _NUMERIC_PATTERNS] + [_COUNT_AFTER_DIGITS]


def _numeric_spans(text: str) -> list[_Span]:
    spans = [_Span(m.start(), m.end()) for m in _REFERENCE.finditer(text)]
    for pattern in _NUMERIC:
        for m in pattern.finditer(text):
            if "d" in pattern.groupindex and m.group("d") and not _plausible_day_month(m.group("d"), m.group("m")):
                continue
            spans.append(_Span(m.start(), m.end()))
    return spans


def _plausible_day_month(day: str, month: str) -> bool:
    d, mo = int(day), int(month)
    return (1 <= d <= 31 and 1 <= mo <= 12) or (1 <= mo <= 31 and 1 <= d <= 12)


# --------------------------------------------------------------------------- public names


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex for many phrases, built as a character trie (a flat alternation of hundreds of phrases
    is slow); the words of a phrase may be written with spaces or dots between them."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for char in " ".join(phrase.lower().split()):
            node = node.setdefault(char, {})
        node[""] = {}  # the phrase may end here

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [
            (r"[\s.]*" if c == " " else re.escape(c)) + pattern(child) for c, child in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return re.compile(r"(?<![\w])" + pattern(trie) + r"(?![\w])", re.IGNORECASE)


_PUBLIC_PHRASES = _phrase_regex(_LEX.places + _LEX.phrases)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|sch\.id|desa\.id)\b\S*",
    re.IGNORECASE,
)
# Institutions whose names are often Arabic words or people's names: "MI Nurul Huda", "GOR Untung Suropati".
_NAMED_OPENERS = frozenset(
    "perum perumahan griya komplek kompleks villa residence graha masjid mesjid musholla mushola musala langgar "
    "surau mi min mis mts mtsn ma man pondok ponpes pesantren yayasan tpq madrasah gereja rsud rs rsu rsia gor "
    "stadion universitas univ sd sdn smp smpn sma sman smk smkn tk "
    "klenteng kelenteng vihara pura gki gkjw gpdi gbi".split()
)
# Mosques, pesantren and churches are often named after people ("Masjid KH Hasyim Asy'ari").
_RELIGIOUS_OPENERS = frozenset(
    "masjid mesjid musholla mushola musala langgar surau pondok ponpes pesantren yayasan tpq gereja klenteng "
    "kelenteng vihara pura gki gkjw gpdi gbi mi min mis mts mtsn madrasah".split()
)
# Acronyms that open a name even in lower case inside a mixed-case text ("di mi darul ulum"); not
# "min" (admin), "ma" (mother) or "man".
_LOWER_CASE_OPENERS = frozenset("mi mts sd smp sma smk tk rs rsu gor tpa tps tpu kua kel kec ds dsn kp".split())
_CONNECTORS = frozenset("dan & al el an ar as at ad asy ash ath az bin de van der".split())


def _public_spans(doc: _Doc) -> list[_Span]:
    spans = list(doc.phrases)
    spans += [_Span(m.start(), m.end()) for m in _URL.finditer(doc.text)]
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        pair = f"{tok.low} {tokens[i + 1].low}" if i + 1 < len(tokens) else ""
        last = i + 1 if pair in _LEX.facility_openers else i
        street = tok.low in _LEX.street_openers
        following = tokens[i + 1].low if i + 1 < len(tokens) else ""
        plain_next = following not in _LEX.common and following not in _LEX.names and following != ""
        lower_ok = doc.mode != "mixed" or (plain_next and tok.low in _LOWER_CASE_OPENERS)
        capital = tok.low in _LEX.capital_openers and (tok.text.isupper() or lower_ok)
        facility = last > i or tok.low in _LEX.facility_openers or capital
        if street or facility:
            spans.append(_Span(tok.start, _public_continuation(doc, last, street)))
    return spans


def _public_continuation(doc: _Doc, i: int, street: bool) -> int:
    """Where the name of a street or facility opened by token i ends."""
    tokens = doc.tokens
    end, after_rank = tokens[i].end, False
    opener = tokens[i].low
    region = opener in _REGION_OPENERS
    agency = not street and opener not in ("pdam", "perumda") and (_agency_like(opener) or opener in _AGENCY_OPENERS)
    for j in range(i + 1, min(i + 8, len(tokens))):
        if not _public_gap(doc, j, street):
            break
        if region and j >= i + 2 and not _place_part(doc, j):
            break  # "Kelurahan Kauman Rukayah": a kelurahan's name is a word or two
        if agency and not _agency_part(doc, j):
            break  # "staf Dispendukcapil Khodijah": an agency's name is complete in itself
        step = _public_step(doc, i, j, street, after_rank)
        if step is None:
            break
        after_rank = after_rank or step == "rank"
        end = tokens[j].end
    if not street:  # "SDN Kebonsari 1", "SMPN 2"
        m = _FACILITY_NUMBER.match(doc.text, end)
        end = m.end() if m else end
    return end


_REGION_OPENERS = frozenset(
    "kelurahan kel desa ds kecamatan kec dusun dsn kampung kp dukuh lingkungan daerah wilayah kawasan".split()
)
_AGENCY_OPENERS = frozenset(
    "dlh bpbd bappeda bapenda bpkad bpn kemenag samsat dprd dukcapil pemkot pemkab pemprov polres polresta polsek "
    "polda kodim koramil inspektorat kpp ulp up3 imigrasi bri bni bca btn bsi".split()
)
# Words that go on with the name of a place ("Bugul Kidul", "Krajan Lor") or of an agency ("DLH Kota Pasuruan").
_PLACE_PARTS = frozenset(
    "lor kidul wetan kulon tengah utara selatan timur barat dalem dowo gede cilik anyar lawas baru lama asri indah "
    "permai jaya makmur rejo sari agung mulyo krajan".split()
)
_AGENCY_PARTS = frozenset(
    "kota kabupaten kab provinsi prov propinsi pusat cabang unit wilayah ri jatim jawa timur tengah barat pp "
    "pratama madya daerah".split()
)


def _place_part(doc: _Doc, j: int) -> bool:
    tok = doc.tokens[j]
    return tok.low in _PLACE_PARTS or _overlaps(tok.start, tok.end, doc.phrases)


def _agency_part(doc: _Doc, j: int) -> bool:
    tok = doc.tokens[j]
    prev = doc.tokens[j - 1].low
    return (
        tok.low in _AGENCY_PARTS
        or _overlaps(tok.start, tok.end, doc.phrases)
        or (tok.acronym and len(tok.text) <= 5)
        or (prev in ("kota", "kabupaten", "kab", "provinsi", "prov") and tok.cap)  # "BPBD Kota Malang"
        or (prev in ("unit", "cabang", "kcp", "kc") and (tok.cap or doc.mode != "mixed"))  # "BRI Unit Bugul"
    )


_FACILITY_NUMBER = re.compile(rf"\s{{0,2}}\d{{1,3}}(?![\d.,:/])(?!\s?(?:{_UNITS})\b)", re.IGNORECASE)


def _public_gap(doc: _Doc, j: int, street: bool) -> bool:
    """Whether what separates tokens j-1 and j can be inside one street or facility name."""
    prev, tok = doc.tokens[j - 1], doc.tokens[j]
    gap = doc.text[prev.end : tok.start]
    digits = "" if street else r"(?:\d{1,3}\s*)?"  # "SMPN 2 Pasuruan"
    if "\n" in gap or not re.fullmatch(rf"[\s.'\-/]{{0,3}}{digits}[\s.'\-]{{0,3}}", gap) or (not street and "/" in gap):
        return False
    if any(c.isdigit() for c in gap) and not _overlaps(tok.start, tok.end, doc.phrases):
        return False  # "SDN Tembokrejo 3 Asep Nugroho": after the number only a place ("SMPN 2 Pasuruan")
    # A dot ends the name ("DLH. H. Theresia...") unless it marks an abbreviation: "Jl. Dr. Sutomo",
    # "RSUD dr. R. Soedarsono", "Jl. WR. Supratman".
    abbreviation = (
        prev.low in _LEX.ranks or prev.low in _ABBREVIATED or len(prev.low) == 1 or (street and len(prev.low) <= 3)
    )
    return "." not in gap or abbreviation


def _public_step(doc: _Doc, i: int, j: int, street: bool, after_rank: bool) -> str | None:
    """How token j goes on with the name opened by token i: "rank", "word", or None (it ends)."""
    tokens, tok, opener = doc.tokens, doc.tokens[j], doc.tokens[i].low
    if tok.low in _STOP_PUBLIC or tok.low in _LEX.honorifics or tok.low in _FUZZY_CUES:
        return None
    initial = len(tok.text) == 1 and doc.text[tok.end : tok.end + 1] == "."
    if (street or j == i + 1 or after_rank) and (tok.low in _LEX.ranks or initial):
        return "rank"
    if not street:
        if tok.low in _LEX.titles:
            return None  # "Kel. Panggungrejo KH. Reza": a title starts a person
        if _is_role(tok.low) and opener not in _BUILDINGS:
            return None  # "Kecamatan Purworejo Bidan Hj. Wayan": the role starts a person
        if opener not in _RELIGIOUS_OPENERS and _starts_person(doc, j):
            return None
    names_allowed = street or after_rank or opener in _NAMED_OPENERS or (j > i + 1 and _plain_word(doc, tokens[j - 1]))
    caseless = doc.mode != "mixed" or not tokens[i].cap  # "puskesmas bugul kidul" in a mixed-case text
    next_cap = j + 1 < len(tokens) and tokens[j + 1].cap
    return "word" if _continues_public(tok, names_allowed, street, caseless, next_cap) else None


# Common words inside the names of facilities: "Gereja Katolik ...", "Masjid Jami' ...", "Pasar Besar".
_FACILITY_PARTS = frozenset(
    "raya katolik kristen protestan pantekosta injili jawi jami jami' agung besar baru lama kecil utama pusat "
    "negeri swasta terpadu islam".split()
)
_ABBREVIATED = frozenset("jl jln kel kec ds dsn kp perum komp kab prov gg univ ponpes yth".split())
_BUILDINGS = frozenset("kantor balai gedung rumah pendopo rumah dinas aula".split())


def _starts_person(doc: _Doc, j: int) -> bool:
    """'Perumda Air Minum Mega Widodo': a word that is a name, followed by a name."""
    tokens = doc.tokens
    if j + 1 >= len(tokens) or tokens[j].low not in _LEX.names or doc.text[tokens[j].end : tokens[j + 1].start] != " ":
        return False
    nxt = tokens[j + 1].low
    return nxt in _LEX.names and nxt not in _LEX.common


_STOP_PUBLIC = frozenset(
    "no nomor nmr nomer rt rw gg gang blok kav saya sy sya aku kami kita yang yg di ke dari untuk utk dengan dgn "
    "mohon mhn tolong tlg terima kasih sudah sdh belum blm tidak tdk ada ini itu tsb dan atau karena krn selaku "
    "bernama berinisial inisial inisialnya yaitu yakni adalah namanya nama pak bu bapak ibu yth kepada kpd "
    "senin selasa rabu kamis jumat jum'at sabtu minggu ahad".split()
)


def _plain_word(doc: _Doc, tok: _Token) -> bool:
    """An unknown word such as 'Darul' in 'Yayasan Darul Ulum': the name goes on after it."""
    low = tok.low
    return (
        not tok.acronym
        and low not in _LEX.names
        and low not in _LEX.common
        and not _overlaps(tok.start, tok.end, doc.phrases)
    )


def _continues_public(tok: _Token, names_allowed: bool, street: bool, caseless: bool, next_cap: bool) -> bool:
    """Whether a word goes on with the street or facility name before it."""
    if tok.low in _LEX.roles and not names_allowed:
        return not caseless and tok.cap
    if tok.low in _LEX.names and tok.low not in _LEX.common and not names_allowed:
        return False  # "Dispendukcapil Budi Santoso": a person, not part of the agency
    if not caseless and tok.cap:
        return True
    if not caseless and tok.low in _CONNECTORS:
        return next_cap
    if not caseless and not street:
        return False
    if street and caseless and tok.low in _LEX.common:  # "jln. irian jaya 197": streets are named with words too
        return tok.low not in _FUNCTION_WORDS and tok.low not in _LOCATIVE and not _AFFIXED.match(tok.low)
    return tok.low not in _LEX.common or tok.low in _LEX.names or tok.low in _FACILITY_PARTS


# --------------------------------------------------------------------------- candidates

_P_EMAIL, _P_AKUN, _P_ID, _P_PHONE, _P_NOPOL, _P_ALAMAT, _P_NAMA = 100, 95, 90, 88, 80, 70, 50

_EMAIL = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*(?:@\s?|\s@\s|\s?[\[(](?:at|@)[\])]\s?)"
    r"[A-Za-z0-9\-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z0-9\-]+)*(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z]{2,}(?![\w])",
    re.IGNORECASE,
)


def _emails(doc: _Doc) -> list[_Candidate]:
    return [_Candidate("email", m.start(), m.end(), _P_EMAIL) for m in _EMAIL.finditer(doc.text)]


_PROFILE_URL = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.|web\.|mobile\.|vt\.)?"
    r"(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|twitter\.com|x\.com|tiktok\.com|youtube\.com"
    r"|youtu\.be|linkedin\.com|t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|line\.me|threads\.net"
    r"|snapchat\.com)/[^\s,;)\]\"'<>]+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w.@/])@(?=[\w.]*[^\W\d_])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_LABELLED_HANDLE = re.compile(
    r"(?<![\w])(?:ig|insta|instagram|fb|facebook|tiktok|tik\s?tok|twitter|twt|threads|id\s?line|line|telegram|tele"
    r"|yt|youtube|snapchat|snap)(?![^\W\d_])(?P<own>\s*(?:saya|sy|ku|nya|kami|aku|beliau|dia|mereka|pelaku)(?![^\W\d_]))?"
    r"(?P<sep>\s*(?:[:=]|adalah|yaitu|yakni|-)?\s*)@?"
    r"(?!(?:ig|fb|instagram|facebook|tiktok|twitter|saya|sy|aku)(?![\w.]))(?=[\w.]*[^\W\d_])"  # a letter in it
    r"(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})",
    re.IGNORECASE,
)
_DISPLAY_NAME = re.compile(r"(?:\s[A-Z][A-Za-z']+){0,3}")
_PUBLIC_HANDLES = re.compile(
    r"(?i)^@?(?:pemkot|pemkab|pemprov|humas|dinas|dispen|diskominfo|kominfo|lapor|sp4n|satpol|pdam|pln|bpjs|polres|polri|puskesmas|dprd|kemen|official|info|esambat)"
)


# One-word agency and institution names ("dlh", "pdam", "dishub"): an account starting with one is the agency's.
_PUBLIC_WORDS = frozenset(w for w in _LEX.phrases if " " not in w and w not in _LEX.names and len(w) > 2) | frozenset(
    "dinas badan kantor puskesmas rsud satpol kelurahan kecamatan desa pemdes pemkot pemkab pemprov humas polres "
    "polsek polresta kodim koramil samsat kpp upt uptd ombudsman imigrasi".split()
)


def _accounts(doc: _Doc) -> list[_Candidate]:
    text = doc.text
    found = [
        _Candidate("akun", m.start(), _strip_trailing(text, m.start(), m.end()), _P_AKUN)
        for m in _PROFILE_URL.finditer(text)
    ]
    for m in _HANDLE.finditer(doc.text):
        if not _public_handle(m.group()):
            found.append(_Candidate("akun", m.start(), m.end(), _P_AKUN))
    found += _misspelt_labels(doc)
    for m in _LABELLED_HANDLE.finditer(doc.text):
        if _is_handle(m):
            end = m.end("h")
            display = _DISPLAY_NAME.match(doc.text, end)
            if display and m.group().lower().startswith(("fb", "facebook")):  # a display name: "fb: Budi Santoso"
                end = display.end()
            found.append(_Candidate("akun", m.start("h"), _strip_trailing(doc.text, m.start("h"), end), _P_AKUN))
    return found


_ANY_LABEL = re.compile(r"(?<![\w])(?P<label>[A-Za-z]{5,10})\s?[:=]\s?@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})")


def _misspelt_labels(doc: _Doc) -> list[_Candidate]:
    """'Instaggram: aliganteng', 'facebok: budi.s': a platform name with a typo, then a colon."""
    found = []
    for m in _ANY_LABEL.finditer(doc.text):
        handle = m.group("h").lower()
        if m.group("label").lower() in _FUZZY_PLATFORMS and handle not in _LEX.common - _LEX.names:
            found.append(_Candidate("akun", m.start("h"), _strip_trailing(doc.text, m.start("h"), m.end("h")), _P_AKUN))
    return found


def _public_handle(handle: str) -> bool:
    """An agency's account: "@pemkotpasuruan", "@dlh.kotapasuruan", "@dishub_kotapasuruan", "@kel.bukir"."""
    if _PUBLIC_HANDLES.match(handle):
        return True
    parts = [p for p in re.split(r"[._]", handle.lstrip("@").lower()) if p]
    if not parts:
        return False
    first = parts[0]
    if len(parts) > 1 and first in ("kel", "kec", "desa", "kelurahan", "kecamatan", "pemdes", "kab", "kota", "prov"):
        return True
    return _agency_like(first) or first in _PUBLIC_WORDS


def _is_handle(m: re.Match[str]) -> bool:
    handle = m.group("h").rstrip(".")
    first = handle.split()[0].lower().strip(".")
    if _public_handle(handle) or first in _LEX.common - _LEX.names and not re.search(r"[\d_.]", handle):
        return False
    explicit = bool(m.group("sep").strip()) or m.group("own") is not None or "@" in m.group()
    explicit = explicit or bool(re.search(r"(?i)\bakun\s*$", m.string[max(0, m.start() - 8) : m.start()]))
    label = m.group().split()[0].lower() if m.group().split() else ""
    if label in ("line", "tele", "yt", "snap") and not explicit:
        return False
    return explicit or bool(re.search(r"[\d_.]", handle))


def _strip_trailing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,!?:;'\"":
        end -= 1
    return end


# ---- numbers: NIK, KK, NPWP, BPJS, bank accounts, phones

_CUE_PATTERNS = {
    "kk": r"kartu\s+keluarga|no(?:mor|mer)?\.?\s*kk|nkk|kk",
    "nik": r"nik|n\.i\.k|nomor\s+induk\s+kependudukan|e-?ktp|ktp",
    "npwp": r"npwp",
    "bpjs": r"bpjs|kis|jkn|kartu\s+indonesia\s+sehat|no(?:mor)?\.?\s*peserta|no(?:mor)?\.?\s*kartu(?!\s+keluarga)|kpj|jamsostek|askes",
    "rekening": (
        r"rek|rekening|norek|no\.?\s*rek|bri|bca|bni|mandiri|bsi|btn|bank|cimb|niaga|danamon|permata|jatim|muamalat"
        r"|bjb|jago|seabank|transfer|tf|virtual\s+account|va|pelanggan|id\s*pel|idpel|sambungan|nosal|no\.?\s*meter"
        r"|id\s*meter|nomor\s+meter|tabungan|dana|ovo|gopay"
    ),
    "telepon": (
        r"telp|tlp|tlpn|telepon|telpon|tel|hp|handphone|ponsel|wa|whatsapp|whatsap|watsap|wea|sms|hubungi|kontak"
        r"|contact|call|cp|nomer\s+(?:saya|sy)|nomor\s+(?:saya|sy)|no\.?\s*(?:saya|sy)|dihubungi|telfon|nelpon|nomornya"
    ),
    "paspor": r"paspor|pasport|passport",
}
_CUES = re.compile(
    "|".join(rf"(?<![^\W\d_])(?P<{kind}>{pattern})(?![^\W\d_])" for kind, pattern in _CUE_PATTERNS.items()),
    re.IGNORECASE,
)
_CUE_WINDOW = 48

_RUN = re.compile(
    r"(?<!\d)(?:\+\s?)?(?:\(\s?\+?\d{1,5}\s?\)[ .\-]?)?\d+(?:(?:[ \t]?[.\-][ \t]?|[ \t]{1,2})(?:\(\d{1,5}\)|\d+))*"
)
_GROUP = re.compile(r"\d+")


def _cue_before(doc: _Doc, start: int) -> str | None:
    window = doc.text[max(0, start - _CUE_WINDOW) : start]
    cut = max(window.rfind(c) for c in "\n;!?")
    if cut >= 0:
        window = window[cut + 1 :]
    kind = None
    for m in _CUES.finditer(window):
        kind = m.lastgroup
    return kind


def _numbers(doc: _Doc) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _RUN.finditer(doc.text):
        for start, end in _cut(m.start(), m.end(), doc.numeric):
            found += _classify_run(doc, start, end)
    return found


def _cut(start: int, end: int, spans: list[_Span]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the given spans."""
    parts = [(start, end)]
    for s, e in spans:
        parts = (
            [p for a, b in parts for p in ((a, min(b, s)), (max(a, e), b)) if p[0] < p[1]]
            if s < end and start < e
            else parts
        )
    return parts


def _classify_run(doc: _Doc, start: int, end: int) -> list[_Candidate]:
    groups = [(g.start(), g.end()) for g in _GROUP.finditer(doc.text, start, end)]
    found: list[_Candidate] = []
    i = 0
    while i < len(groups):
        for strict in (True, False):
            hit = _longest_classified(doc, groups, i, strict)
            if hit:
                j, kind = hit
                found.append(_Candidate(kind, _run_start(doc, groups[i][0], start), groups[j][1], _priority(kind)))
                i = j + 1
                break
        else:
            i += 1
    return found


def _run_start(doc: _Doc, group_start: int, run_start: int) -> int:
    """Include a leading '+' or '(' that belongs to the first group."""
    prefix = doc.text[run_start:group_start]
    return run_start if prefix and re.fullmatch(r"\+?\s?\(?\s?\+?", prefix) else group_start


def _longest_classified(doc: _Doc, groups: list[tuple[int, int]], i: int, strict: bool) -> tuple[int, str] | None:
    for j in range(len(groups) - 1, i - 1, -1):
        digits = "".join(doc.text[s:e] for s, e in groups[i : j + 1])
        if len(digits) > 20:
            continue
        start = groups[i][0]
        plus = doc.text[max(0, start - 2) : start].strip().endswith("+")
        kind = _number_kind(digits, doc.text[start : groups[j][1]], _cue_before(doc, start), plus, strict)
        if kind:
            return j, kind
    return None


def _priority(kind: str) -> int:
    return _P_PHONE if kind == "telepon" else _P_ID


_NPWP_FORMAT = re.compile(r"\d{2}\.\d{3}\.\d{3}\.\d[.\-]\d{3}\.\d{3}")


def _number_kind(digits: str, shown: str, cue: str | None, plus: bool, strict: bool) -> str | None:
    """What a run of digits is, from its length, its shape and the cue word before it."""
    n = len(digits)
    phone = _is_phone(digits, plus)
    if cue == "telepon" and (phone or 7 <= n <= 14):
        return "telepon"
    if cue in ("nik", "kk") and 14 <= n <= 18:
        return cue
    if cue == "npwp" and 14 <= n <= 16:
        return "npwp"
    if cue == "bpjs" and 10 <= n <= 16:
        return "nik" if n == 16 else "bpjs"
    if cue == "rekening" and 6 <= n <= 20 and not (phone and n >= 11 and digits.startswith("08")):
        return "rekening"
    if phone:
        return "telepon"
    if n == 16:
        return "nik"
    if n == 15 and (_NPWP_FORMAT.fullmatch(shown) or stdnum_npwp.is_valid(digits)):
        return "npwp"
    if strict:
        return None
    if n == 15:
        return "rekening"
    if n == 13:
        return "bpjs" if digits.startswith("000") else "rekening"
    if 10 <= n <= 20:
        return "nik" if n == 17 else "rekening"
    return None


def _is_phone(digits: str, plus: bool = False) -> bool:
    if digits.startswith("62") and 10 <= len(digits) <= 14:
        candidate = "+" + digits  # phonenumbers mis-parses a leading 62 written without the plus
    elif digits.startswith("0") and 9 <= len(digits) <= 13 and not plus:
        candidate = digits
    else:
        return False
    return _valid_phone(candidate)


@cache
def _valid_phone(candidate: str) -> bool:
    try:
        number = phonenumbers.parse(candidate, "ID")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    national = str(number.national_number)
    return number.country_code == 62 and national.startswith("8") and 9 <= len(national) <= 12


def _phone_matcher(doc: _Doc) -> list[_Candidate]:
    """phonenumbers' own matcher, for formats the digit runs above do not join up."""
    if not re.search(r"\d{3}", doc.text):
        return []
    found = []
    for m in phonenumbers.PhoneNumberMatcher(doc.text, "ID", leniency=phonenumbers.Leniency.VALID):
        raw = m.raw_string.lstrip("(").lstrip()
        if not raw.startswith(("0", "+", "62")) or _overlaps(m.start, m.end, doc.numeric):
            continue
        digits = re.sub(r"\D", "", m.raw_string)
        if _is_phone(digits, raw.startswith("+") and not digits.startswith("62")) or raw.startswith("+62"):
            unbalanced = m.raw_string.startswith("(") and ")" not in m.raw_string  # "(0857-3344-2211)"
            found.append(_Candidate("telepon", m.start + unbalanced, m.end, _P_PHONE))
    return found


# ---- passports and vehicle plates

_PASSPORT_CUED = re.compile(r"(?<![\w])[A-Za-z]{1,2}\s?\d{6,8}(?![\w])")
_PASSPORT_SHAPE = re.compile(r"(?<![\w])(?:[A-Z] ?|[a-z])\d{7}(?![\w])")


def _passports(doc: _Doc) -> list[_Candidate]:
    found = [_Candidate("paspor", m.start(), m.end(), _P_ID) for m in _PASSPORT_SHAPE.finditer(doc.text)]
    for m in _PASSPORT_CUED.finditer(doc.text):
        if _cue_before(doc, m.start()) == "paspor":
            found.append(_Candidate("paspor", m.start(), m.end(), _P_ID))
    return found


_PLATE_REGIONS = frozenset(
    "A AA AB AD AE AG B BA BB BD BE BG BH BK BL BM BN BP D DA DB DC DD DE DG DH DK DL DM DN DP DR DS DT DW E EA EB ED "
    "F G H K KB KH KT KU L M N P PA PB PG R S T W Z ZA ZB RI CD CC".split()
)
# Words that follow "<1-2 letters> <number>" in ordinary text ("S 1 dan S 2", "B 3 kg"): not a plate
# unless a vehicle word is near.
_PLATE_STOP = frozenset(
    "YG DAN DGN DG UTK KE DI NO RT RW GG JL KM KG CM MM JT RB THN TH BLN HR JAM MNT TGL PKL WIB ORG KK SD SMP SMA TK "
    "ADA AKU APA ITU INI YA TDK GAK GA NGA BGT LG SJA AJA DLL DST DSB PAK BU BPK IBU MAS MBA KAK TPI JD UDH SDH BLM "
    "TAU KOK KAN NYA LHO SIH DEH TOH PUN LAH KAH TAH YAH AN X M HA KWH LT TON ATAU OLH DR DRI SAJA "
    "SY KMI MRK DIA LBR LBH KRG MIN MAX MAU BRP KEL KEC DSN DS JLN".split()
)
_PLATE = re.compile(r"(?<![^\W\d_])(?P<r>[A-Za-z]{1,2})[ \-.]?(?P<n>[1-9]\d{0,3})[ \-.]?(?P<s>[A-Za-z]{1,3})(?![\w])")
_NOT_BEFORE_PLATE = re.compile(r"(?i)(?<![^\W\d_])(?:blok|blk|no|nomor|rt|rw|gg|gang|kav|kelas|lantai)\.?\s?$")
_PLATE_NUMBER = re.compile(r"(?i)(?<![^\W\d_])(?:plat|pelat|tnkb)\s?(?:no|nomor|nmr)\.?\s?:?\s?$")
_VEHICLE = re.compile(
    r"(?i)nopol|no\.?\s*pol|plat|pelat|nomor\s+polisi|motor|mobil|kendaraan|truk|truck|pick\s?up|angkot|bus|avanza|"
    r"xenia|innova|honda|yamaha|vario|beat|mio|nmax|ojol|ojek|parkir|tilang|knalpot|pengendara|sepeda|bak\s+terbuka"
)


def _plates(doc: _Doc) -> list[_Candidate]:
    found = []
    for m in _PLATE.finditer(doc.text):
        region, suffix = m.group("r"), m.group("s")
        before = max(0, m.start() - 14)
        if region.upper() not in _PLATE_REGIONS or (
            _NOT_BEFORE_PLATE.search(doc.text, before, m.start())
            and not _PLATE_NUMBER.search(doc.text, before, m.start())
        ):
            continue
        if not (region.isupper() and suffix.isupper() or region.islower() and suffix.islower()):
            continue
        near = doc.text[max(0, m.start() - 40) : m.end() + 20]
        cued = bool(_VEHICLE.search(near))
        short = len(suffix) == 1 and (len(m.group("n")) < 3 or not suffix.isupper())  # "AG 1 A" needs a vehicle word
        if (region.islower() and doc.mode == "mixed" or short or suffix.upper() in _PLATE_STOP) and not cued:
            continue
        found.append(_Candidate("nopol", m.start(), m.end(), _P_NOPOL))
    return found


# ---- addresses

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


# ---- person names

# How much a cue says that a name follows: EXPLICIT ("nama saya", "bernama", "a.n.", a title) takes any
# word, even an ordinary one ("bernama Bunga"); STRONG (an honorific, "Hormat saya,", "pelapor") takes any
# word that is not an ordinary Indonesian word; MEDIUM ("saya", "anak saya", a role) takes an unknown
# word that does not look like a word or a verb; WEAK ("oleh", "kepada", "mobil") takes only a listed
# name or a capitalised unknown word.
_EXPLICIT, _STRONG, _MEDIUM, _WEAK = 4, 3, 2, 1
_ABBREVIATIONS = frozenset({"moh", "muh", "moch", "mochd", "mohd", "abd", "ach", "mhd", "md", "m", "st", "sy"})
_PARTICLES = frozenset({"bin", "binti", "bt", "al", "el", "van", "der", "de", "da", "ibnu", "abu"})
_SKIP_AFTER_ROLE = frozenset(
    "loket jaga lapangan kebersihan parkir pdam pln sekolah kelas kelurahan kecamatan desa dinas bagian yang yg "
    "saya sy kami kita nya itu tersebut tsb baru lama perempuan laki pria wanita muda tua senior piket shift pos "
    "kantor puskesmas teknik teknisi pelayanan layanan informasi pengaduan administrasi lingkungan setempat "
    "kampung wilayah kami kita terkait bersangkutan ybs kepala ketua rt rw proyek yaitu yakni adalah ialah bagian "
    "umum kebersihan keamanan dinas kantor toko warung kios pabrik gudang rumah sekolah kelas kelurahan".split()
)
_EXPLICIT_CUE = re.compile(
    r"(?i)(?<!\w)(?:nama\s*(?:saya|sy|sya|aku|ku|lengkap(?:nya)?|pelapor|pemilik|anak|suami|istri|ayah|ibu|bapak"
    r"|petugas|pelaku|oknum|orangnya|korban|pasien|siswa|warga|almarhum|almarhumah|alm)?(?:\s*(?:saya|sy|kami|nya))?|namanya|nm|nma|bernama|bernma"
    r"|brnama|atas\s+nama|a\s?\.\s?n\s?\.?|a/n|an\.|(?:yang|yg)\s+bertanda\s*tangan\s+di\s*bawah\s+ini(?:\s*,?\s*nama)?)"
    r"(?![^\W\d_])[\s:=,\-]*(?:adalah\s+|ialah\s+|yaitu\s+|yakni\s+)?"
)
_STRONG_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:pelapor|dilaporkan\s+oleh|ttd\.?|hormat\s+(?:saya|kami|sy)"
    r"|salam\s+hormat|wassalam(?:u'?alaikum)?(?:\s+wr\.?\s*wb\.?)?|pengirim|dari\s*:|kepada\s*:|yth\.?|alm\.?|almh\.?"
    r"|almarhum(?:ah)?|mendiang)(?![^\W\d_])[\s:=,\-]*(?:adalah\s+|ialah\s+|yaitu\s+|yakni\s+)?"
)
# Initials after "berinisial": "oknum berinisial AS", "inisial M.A.", "berinisial h.b."
_INITIALS = re.compile(
    r"(?i)(?<![^\W\d_])(?:ber)?inisial(?:nya)?\s*[:=]?\s*(?P<i>(?:[A-Za-z]\s?\.\s?){1,4}|[A-Za-z]{1,4}(?![^\W\d_]))"
)
_MEDIUM_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:saya|sy|sya|aku|aq|gue|gw|kami|kulo|kula|kawula|sengkok)"
    r"(?:\s+(?:adalah|ialah|sdr|sdri))?"
    r"|(?:tetangga|anak|anaknya|suami|suaminya|istri|isteri|istrinya|ibu|bapak|ayah|adik|adek|kakak|mertua|ortu"
    r"|orang\s+tua|keponakan|cucu|teman|kawan|saudara|paman|bibi|nenek|kakek|menantu|ipar|putra|putri|putera|puteri"
    r"|majikan|bos|atasan|pacar|rekan|kenalan)(?:\s+(?:saya|sy|sya|kami|ku|aku|gw|gue|kandung|perempuan|laki-laki))+"
    r"(?:\s+(?:yang|yg))?|salam|wassalam|regards|ttd|menurut|kata"
    r"|(?:sampaikan|disampaikan|laporkan|dilaporkan|lapor|bilang|tanya|tanyakan|mengadu|minta|adukan)\s+(?:ke|kpd|kepada|sama|sm|ama)"
    r")(?![^\W\d_])[\s,:]*"
)
_WEAK_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:oleh|kepada|kpd|dengan|dgn|dg|bersama|sama|sm|ama|menghubungi|dihubungi|ditemui|menemui"
    r"|bertemu|ketemu|bilang|ditelepon|dimarahi|dipukul|diancam|ditipu|milik|punya|rumah"
    r"|tanya|terima\s+kasih|makasih|trims|thanks|laporan|bantuan|dibantu|diurus|diterima|dilayani|ditangani"
    r"|lapak|kebun|sawah|pagar|anjing|kucing|ayam|kandang|gerobak|mobil|motor|sepeda|truk)"
    r"(?![^\W\d_])[\s,:]*"
)
# Words that come right AFTER a name: "Budi di sini", "Budi selaku ketua", "Budi (45 th)".
_HERE = re.compile(r"(?i)(?<![^\W\d_])(?:di\s?sini|selaku|mengaku)(?![^\W\d_])")
# An age right after a name: "(45 th)", "(umur 25)", ", 51 thn,", "usia 65 tahun"
_AGE = re.compile(
    r"(?i)\((?:usia\s?|umur\s?)?\d{1,2}\s?(?:th|thn|tahun)?\.?\)|,\s?\d{1,2}\s?(?:th|thn|tahun)\.?(?=\s?[,)])"
    r"|(?<![^\W\d_])(?:usia|umur)\s?\d{1,2}(?!\d)"
)
# A name in brackets right after a phone number: "hub. 0812... (Darsinah)"
_CONTACT_NAME = re.compile(r"\d\s?\(\s?(?=[^\W\d_])")
_NAMED_ROLE = re.compile(r"(?i)[^.!?\n]{0,60}?(?<![^\W\d_])(?:yaitu|yakni|adalah|ialah|an\.|a\.n\.)[\s,:]+")
_CLOSING = re.compile(
    r"(?i)(?:salam|hormat\s+(?:saya|kami)|terima\s*kasih|makasih|trims|wassalam\w*|ttd|regards|tabik"
    r"|matur\s+(?:nuwun|suwun)|suwun|nuwun|hatur\s+nuhun|thanks|thx|tq|tks|mksh)"
    r"(?:\s+(?:min|admin|mimin|kak|pak|bu|mas|mbak|nggih|ya|banyak|sebelumnya|semua))*\W*$"
)
_VOWELS = frozenset("aeiou")


def _wordlike(low: str) -> bool:
    """Whether an all-capitals word reads as a word ('PAITUN', 'MAT') rather than an acronym ('PDAM', 'BPBD')."""
    return len(low) >= 3 and sum(c in _VOWELS for c in low) / len(low) >= 0.3 and low not in _LEX.common


# The way Indonesian agencies shorten their names: Dishub, Disperkim, Dinkes, Bappelitbangda, BKPSDM,
# DPMPTSP, Kesbangpol, Satpol, Polsek, Pemkab... Checked after the name list, so "Dinda" stays a name.
_AGENCY_SHAPE = re.compile(
    r"(?:dis[bcdfghjklmnpqrstvwxz]|din(?:kes|sos|dik|as)|bap+e[dln]|bp[bkmnos]|bk[dp]|dp[mrpu]|kesbang|setd|setw|"
    r"sat(?:pol|lantas|res|linmas)|pol(?:res|sek|da|resta)|kemen|kanwil|pem(?:kot|kab|prov|da)|dprd|damkar)[a-z]*$"
)


def _agency_like(low: str) -> bool:
    return low not in _LEX.names and bool(_AGENCY_SHAPE.match(low))


def _is_role(low: str) -> bool:
    return low in _LEX.roles or (low.endswith("nya") and low[:-3] in _LEX.roles)


_VERB = re.compile(r"(?:me[mn]?|meng|meny|ber|ter|di)[a-z]{3,}$")
_AFFIXED = re.compile(r"(?:me[mn]?|meng|meny|ber|ter|di|per)[a-z]{4,}$|[a-z]+(?:kan|nya)$")
_LABELS = frozenset("ig fb wa hp telp tlp email ktp nik kk npwp bpjs kis rek no nomor".split())


def _one_typo(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    deletes = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    doubles = {word[:i] + word[i] + word[i:] for i in range(len(word))}
    subs = {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    return (deletes | swaps | doubles | subs) - {word}


_FUZZY_PLATFORMS = frozenset().union(
    *(_one_typo(w) for w in ("instagram", "facebook", "tiktok", "twitter", "telegram"))
)
_FUZZY_CUES = frozenset().union(*(_one_typo(w) for w in ("bernama", "namanya", "pelapor"))) - _LEX.common - _LEX.names
_INTRODUCERS = frozenset("dari dr dri warga wrg bin binti tinggal alamat asal saking selaku sebagai umur usia".split())
_TEMPORAL = re.compile(
    r"(?i)(?<![^\W\d_])(?:kemarin|kemaren|kmrn|kmarin|kmren|tadi|td|semalam|barusan|tempo\s+hari)"
    r"(?:\s+(?:sore|pagi|siang|malam|mlm|subuh))?\s+"
)
_SUBJECT_VERBS = frozenset(
    "datang dtg pergi pulang bilang marah ngamuk minta bakar buang lewat masuk pukul teriak nyuruh ngomong lapor jual "
    "beli ambil bawa tanya parkir nabrak mukul ngancam nagih malak".split()
)
_CONJUNCTIONS = frozenset("dan dn & atau serta sama".split())
_BALINESE = frozenset("wayan made nyoman ketut putu kadek komang gede luh nengah gusti ngurah ayu".split())
_JURISDICTION = frozenset(
    "lurah camat kades kapolsek kapolres kapolresta danramil dandim bupati walikota gubernur kadus kasun sekcam "
    "seklur sekdes wakapolsek".split()
)
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


def _degree_at(text: str, pos: int) -> int | None:
    """Where academic degrees written right after position pos end (", S.Pd., M.Si."), if any."""
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


@cache
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


class _Names:
    """Person names: seeds from cues, honorifics, titles and the name list, grown over neighbours."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.public = [
            _overlaps(t.start, t.end, doc.public) or _overlaps(t.start, t.end, doc.numeric) for t in doc.tokens
        ]
        self.mixed = doc.mode == "mixed"
        self.starts_at = [t.start for t in doc.tokens]
        # Does this writer put names in lower case ("saya hasanah firmansyah" in a mixed-case text)?
        self.lower_names = self.mixed and any(
            not t.cap and t.low in _LEX.names and t.low not in _LEX.common and len(t.low) > 3 for t in doc.tokens
        )
        links = [_Span(m.start(), m.end()) for m in _EMAIL.finditer(doc.text)]  # "budi.santoso@...": not a name
        links += [_Span(m.start(), m.end()) for m in _PROFILE_URL.finditer(doc.text)]
        links += [_Span(m.start(), m.end()) for m in _HANDLE.finditer(doc.text)]
        if links:
            self.public = [p or _overlaps(t.start, t.end, links) for p, t in zip(self.public, doc.tokens, strict=True)]
        for i, tok in enumerate(self.tokens):  # "Camat Lowokwaru (Ibu ...)", "Kapolsek Sukun Bapak ...": a place
            if tok.low in _JURISDICTION and i + 1 < len(self.tokens) and self.jurisdiction(i + 1):
                self.public[i + 1] = True
                if i + 2 < len(self.tokens) and self.tokens[i + 2].low in _PLACE_PARTS:  # "Lurah Oro-oro Dowo"
                    self.public[i + 2] = True

    def jurisdiction(self, j: int) -> bool:
        """Whether token j, right after "Lurah", "Camat", "Kapolsek"..., is the place the official serves."""
        tok = self.tokens[j]
        if self.doc.text[self.tokens[j - 1].end : tok.start] != " " or self.public[j] or len(tok.text) < 3:
            return False
        low = tok.low
        if (low in _LEX.names and low not in _LEX.common) or low in _LEX.honorifics or low in _LEX.titles:
            return False
        if _is_role(low):
            return False
        if self.mixed:
            return tok.cap and not tok.acronym
        return low not in _LEX.common and not _is_word(low)

    # -- token facts
    def is_name(self, i: int) -> bool:
        low = self.tokens[i].low
        return low in _LEX.names and low not in _LEX.common

    def is_ambiguous(self, i: int) -> bool:
        low = self.tokens[i].low
        return low in _LEX.names and low in _LEX.common

    def is_title(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok.low not in _LEX.titles or self.public[i]:
            return False
        dotted = self.doc.text[tok.end : tok.end + 1] == "."
        return dotted or len(tok.low) > 2 or tok.low in ("hj", "kh", "dr")

    def blocked(self, i: int) -> bool:
        low = self.tokens[i].low
        return self.public[i] or _is_role(low) or low in _LEX.honorifics or low in _LABELS or _agency_like(low)

    def capital(self, i: int) -> bool:
        """Capitalised like a name: 'Budi', or 'BUDI' in a mixed-case text (not an acronym like 'PDAM')."""
        tok = self.tokens[i]
        if not tok.cap:
            return False
        return not tok.acronym or _wordlike(tok.low)

    def initial(self, i: int) -> bool:
        """'M.' in 'M. Rizal', but not the 'a.' and 'n.' of 'a.n.' (atas nama)."""
        tok, text = self.tokens[i], self.doc.text
        if len(tok.text) != 1 or text[tok.end : tok.end + 1] != "." or text[tok.start - 1 : tok.start].isalnum():
            return False  # not "x." in "22x."
        if tok.low == "n" and re.search(r"(?i)(?<![^\W\d_])a\.\s?$", text[max(0, tok.start - 3) : tok.start]):
            return False
        return not (tok.low == "a" and re.match(r"(?i)\.\s?n\b", text[tok.end :]))

    def adjacent(self, i: int) -> bool:
        """Whether tokens i and i+1 can be two words of one name."""
        if i + 1 >= len(self.tokens):
            return False
        gap = self.doc.text[self.tokens[i].end : self.tokens[i + 1].start]
        if gap in (" ", "  "):
            return True
        low = self.tokens[i].low
        abbreviated = len(low) == 1 or low in _ABBREVIATIONS or low in _LEX.titles or low in _LEX.honorifics
        return abbreviated and gap in (".", ". ", ".  ")

    def sentence_start(self, i: int) -> bool:
        before = self.doc.text[: self.tokens[i].start].rstrip(" \t\"'(")
        return not before or before[-1] in ".!?\n:"

    def nameish(self, i: int, strength: int, anchor: int | None = None) -> bool:
        """Whether token i can continue a name already started (next to token `anchor`, if given)."""
        tok = self.tokens[i]
        if self.blocked(i):
            return False
        if tok.low in _LEX.names or tok.low == "ode" and i > 0 and self.particle_before_name(i - 1):
            return True
        if tok.low in _LEX.common or tok.low in _LEX.titles:
            return self.capital_word(i)  # "Intan Permata", "Wulan Dari": capitals say it goes on
        if self.initial(i):
            return True
        if self.mixed and tok.cap:
            return self.capital(i)
        if self.mixed and (anchor is None or self.tokens[anchor].cap):
            return False  # capitals carry meaning: a lower-case word does not go on with "Budi"...
        if self.dictionary(i) and strength < _EXPLICIT:
            return False  # ... but may with "rokib" in "Bp. rokib haryanto"
        return strength >= _STRONG or strength == _MEDIUM and self.plausible_unknown(i)

    def plausible_unknown(self, i: int) -> bool:
        """An unknown word after 'saya', 'anak saya', 'petugas'...: a name unless it is a word or looks like one."""
        tok = self.tokens[i]
        if len(tok.text) < 3 or tok.acronym and self.mixed and not _wordlike(tok.low) or _AFFIXED.match(tok.low):
            return False
        if self.dictionary(i) or not any(c in "aeiouy" for c in tok.low):
            return False  # a word ("hilang"), or an acronym ("pkh", "rtlh")
        return not self.blocked(i) and tok.low not in _LEX.common and tok.low not in _LEX.titles

    def introduced(self, i: int) -> bool:
        """Whether token i is followed by what follows a person introduced: "X dari Bukir", "X, warga ..."."""
        after = self.doc.text[self.tokens[i].end : self.tokens[i].end + 2]
        if after[:1] == "," or i + 1 >= len(self.tokens) or not self.adjacent(i):
            return after[:1] == ","
        return self.tokens[i + 1].low in _INTRODUCERS

    def particle_before_name(self, i: int) -> bool:
        """'I' or 'Ni' before a Balinese birth-order name, 'La' or 'Wa' before 'Ode'."""
        low = self.tokens[i].low
        if low not in ("i", "ni", "la", "wa") or not self.adjacent(i):
            return False
        nxt = self.tokens[i + 1].low
        return nxt in _BALINESE if low in ("i", "ni") else nxt == "ode"

    def joins_left(self, k: int, anchor: int) -> bool:
        """Whether token k, right before the name word `anchor`, belongs to the name."""
        tok = self.tokens[k]
        if tok.low in _LEX.names or self.particle_before_name(k) or self.unknown_before_name(k, anchor):
            return True
        if not (self.mixed and self.capital(k)):
            return False
        if tok.low in _LEX.common:
            return False
        # "Paijo Sukirman", and inside a sentence also a capitalised word: "anak saya Meliana Tjahjadi"
        return not self.dictionary(k) or not self.sentence_start(k)

    def unknown_before_name(self, k: int, anchor: int) -> bool:
        """'dalijo prasetyo': an unknown lower-case word right before a listed lower-case name."""
        tok, name = self.tokens[k], self.tokens[anchor]
        if tok.cap or name.cap and self.mixed or name.low not in _LEX.names:
            return False
        return self.plausible_unknown(k) and not self.sentence_start(anchor)

    def dictionary(self, i: int) -> bool:
        """An ordinary word ('hilang', 'penipu', 'nonaktif') that is not also a listed name."""
        low = self.tokens[i].low
        return low not in _LEX.names and _is_word(low)

    def capital_word(self, i: int) -> bool:
        """A capitalised common word inside a mixed-case sentence, right after or before a name word:
        part of the name ("Intan Permata", "Mei Ling", "The Kian Hoo"), unless it is a function word."""
        tok = self.tokens[i]
        return (
            self.mixed
            and self.capital(i)
            and not tok.acronym
            and tok.low not in _FUNCTION_WORDS
            and not self.blocked(i)
            and not self.sentence_start(i)
        )

    def starts(self, i: int, strength: int) -> bool:
        """Whether token i can be the first word of a name, after a cue of this strength."""
        tok = self.tokens[i]
        if self.particle_before_name(i):
            return True  # "I Made Suarta", "Ni Luh Putu Ariani", "La Ode Musa"
        if self.blocked(i) or len(tok.text) < 2 and not self.initial(i):
            return False
        if self.is_name(i):
            return True
        if self.is_ambiguous(i):
            return strength >= _MEDIUM or (self.mixed and tok.cap)
        if tok.low in _LEX.common or tok.low in _LEX.titles:
            # "saya Mei Ling", "Tante The Kian Hoo": a capitalised word before another name word
            nxt = i + 1
            return (
                strength >= _MEDIUM
                and self.capital_word(i)
                and self.adjacent(i)
                and self.capital_word(nxt)
                and (self.is_name(nxt) or self.tokens[nxt].low not in _LEX.common and self.capital(nxt))
                and self.nameish(nxt, _MEDIUM)
            )
        if self.mixed and self.capital(i):
            # "Bantuan Surat ...", "Motor saya Nopol": a capitalised word is a name after a strong cue only
            return strength >= _STRONG or not self.dictionary(i)
        if self.mixed and strength < _STRONG:
            # "KK saya hilang", "tetangga saya yang mampu": in a mixed-case text a lower-case word after a cue
            # is seldom a name; unless this writer puts names in lower case, or it introduces somebody
            # ("saya sarkawi dr karangketug")
            return strength == _MEDIUM and self.plausible_unknown(i) and (self.lower_names or self.introduced(i))
        if self.dictionary(i) and strength < _EXPLICIT:
            return False
        return strength >= _STRONG or strength == _MEDIUM and self.plausible_unknown(i)

    # -- growing a name
    def take(self, j: int, strength: int) -> tuple[int, int] | None:
        """A name starting at token j (after any titles), as a token range [first, last]."""
        k = j
        while k < len(self.tokens) and self.is_title(k) and self.adjacent(k):
            k += 1
        if k >= len(self.tokens):
            return None
        if k > j:
            strength = _EXPLICIT  # "Dr. Meliana", "H. Mat Rawi": a title says a name follows
        if not self.starts(k, strength):
            return None
        if self.tokens[k].low in _LEX.names:
            strength = max(strength, _MEDIUM)
        return j, self.grow_right(k, strength)

    def grow_right(self, i: int, strength: int) -> int:
        words = 1
        while words < 5 and self.adjacent(i):
            nxt = i + 1
            if self.nameish(nxt, strength, i):
                i, words = nxt, words + 1
            elif self.bridges(nxt, strength):  # "Slamet bin Karto", "Tan Mei Hwa"
                i, words = nxt + 1, words + 2
            else:
                break
        return i

    def bridges(self, k: int, strength: int) -> bool:
        """Whether token k joins two parts of one name: a particle ("bin") or a common word between two names."""
        if k + 1 >= len(self.tokens) or not self.adjacent(k) or self.blocked(k):
            return False
        if self.tokens[k].low in _PARTICLES:
            return self.nameish(k + 1, strength)
        return self.tokens[k].low in _LEX.common and self.is_name(k + 1) and (not self.mixed or self.capital(k))

    def grow_left(self, i: int) -> int:
        while i > 0 and self.adjacent(i - 1):
            prev = i - 1
            tok = self.tokens[prev]
            if self.is_title(prev):
                i = prev
            elif self.initial(prev) or (not self.blocked(prev) and self.joins_left(prev, i)):
                i = prev
            elif tok.low in _PARTICLES and prev > 0 and self.adjacent(prev - 1) and self.nameish(prev - 1, _MEDIUM):
                i = prev - 1
            else:
                break
        return i

    # -- seeds
    def first_token_at(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.starts_at, pos)
        if i >= len(self.tokens):
            return None
        gap = self.doc.text[pos : self.tokens[i].start]
        return i if re.fullmatch(r"[\s:=,\-\"'(]*", gap) else None

    def after_cue(self, pos: int, strength: int, skip: int = 0) -> tuple[int, int] | None:
        j = self.first_token_at(pos)
        if j is None:
            return None
        if self.tokens[j].low in _LEX.honorifics:
            return None  # the honorific seed takes it from here
        for _ in range(skip):
            low = self.tokens[j].low
            # "Kasi Pemerintahan", "Kabid Persampahan DLH", "petugas loket": the office, not the person
            office = (
                low not in _LEX.names
                and (low in _LEX.common or _is_word(low))
                and low not in _FUNCTION_WORDS
                and low not in _LOCATIVE
                and (self.tokens[j].cap or not self.mixed)
            )
            skippable = self.public[j] or _is_role(low) or low in _SKIP_AFTER_ROLE or office
            nxt = j + 1 < len(self.tokens) and self.doc.text[self.tokens[j].end : self.tokens[j + 1].start] in (
                " ",
                ", ",
                ": ",
            )
            if skippable and nxt and not self.is_name(j):
                j += 1
            else:
                break
        return self.take(j, strength)

    def spans(self) -> list[tuple[int, int]]:
        ranges: list[tuple[int, int]] = []
        text = self.doc.text
        for m in _EXPLICIT_CUE.finditer(text):
            ranges.append(self.after_cue(m.end(), _EXPLICIT) or (-1, -1))
        for m in _STRONG_CUE.finditer(text):
            ranges.append(self.after_cue(m.end(), _STRONG) or (-1, -1))
        for m in _MEDIUM_CUE.finditer(text):
            # "tetangga saya yang mampu": after "yang" comes a verb or an adjective, seldom a name
            strength = _WEAK if re.search(r"(?i)\b(?:yang|yg)\W*$", m.group()) else _MEDIUM
            ranges.append(self.after_cue(m.end(), strength) or (-1, -1))
        for m in _WEAK_CUE.finditer(text):
            if "," not in m.group():  # "sulit dihubungi, Jatimulyo belum ...": the comma ends what the cue says
                ranges.append(self.after_cue(m.end(), _WEAK) or (-1, -1))
        for i in self.fuzzy_cues():
            ranges.append(self.after_cue(self.tokens[i].end, _EXPLICIT) or (-1, -1))
        for m in _HERE.finditer(text):
            ranges.append(self.before(m.start()) or (-1, -1))
        for m in _TEMPORAL.finditer(text):  # "kemarin darsinah datang": a subject before a verb
            ranges.append(self.subject(m.end()) or (-1, -1))
        for m in _AGE.finditer(text):
            ranges.append(self.before(m.start(), _STRONG) or (-1, -1))
        for m in _CONTACT_NAME.finditer(text):
            ranges.append(self.after_cue(m.end(), _STRONG) or (-1, -1))
        for k, tok in enumerate(self.tokens):  # "gimun, S.Ag": a degree follows a name
            if tok.low not in _DEGREE_WORDS and _degree_at(text, tok.end) and not self.public[k]:
                ranges.append(self.ending_at(k) or (-1, -1))
        ranges.append(self.signature() or (-1, -1))
        for i in range(len(self.tokens)):
            ranges.append(self.seed_at(i) or (-1, -1))
        ranges = [r for r in ranges if r[0] >= 0]
        return ranges + self.coordinated(ranges)

    def coordinated(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names listed with a found one: "Sukarji, Masruroh, dan Debora Panjaitan", "lily kurniawati dan juminten"."""
        found: list[tuple[int, int]] = []
        todo = list(ranges)
        inside = {k for first, last in ranges for k in range(first, last + 1)}
        while todo:
            first, last = todo.pop()
            for step in (-1, 1):
                hit = self.listed_next(first if step < 0 else last, step)
                if hit is None or hit[0] in inside or not self.listed_name_word(hit[0]):
                    continue
                k, conj = hit
                new = (self.grow_left(k), k) if step < 0 else (k, self.grow_right(k, _MEDIUM))
                # "A, B" alone may be a name and something else ("Sukarti, Kepesertaan PDAM ..."): a list
                # needs its "dan"/"atau", here or further on ("Sukarji, Masruroh, dan Debora")
                if not conj and self.listed_next(last if step < 0 else new[1], 1) is None:
                    continue
                found.append(new)
                todo.append(new)
                inside |= set(range(new[0], new[1] + 1))
        return found

    def listed_next(self, k: int, step: int) -> tuple[int, bool] | None:
        """The token that a list ("A, B dan C") puts next to token k on one side, and whether a
        conjunction stands between them."""
        text, tokens = self.doc.text, self.tokens
        j = k + step
        if not 0 <= j < len(tokens):
            return None
        gap = text[tokens[min(j, k)].end : tokens[max(j, k)].start]
        if gap == ", " and tokens[j].low not in _CONJUNCTIONS:
            return j, False
        if gap in (" ", ", ") and tokens[j].low in _CONJUNCTIONS:
            j2 = j + step
            if 0 <= j2 < len(tokens) and text[tokens[min(j, j2)].end : tokens[max(j, j2)].start] in (" ", ", "):
                return j2, True
        return None

    def listed_name_word(self, k: int) -> bool:
        """Whether token k, listed next to a name, is a name too: a name word, or an unknown word written like one."""
        tok = self.tokens[k]
        if self.blocked(k) or tok.low in _LEX.titles or len(tok.text) < 3:
            return False
        if tok.low in _LEX.names:
            return not self.mixed or tok.cap
        if tok.low in _LEX.common:
            return False
        if self.mixed:
            return tok.cap and self.unknown_capital(k)
        return self.plausible_unknown(k)

    def seed_at(self, i: int) -> tuple[int, int] | None:
        tok = self.tokens[i]
        if tok.low in _LEX.honorifics and not self.public[i] and self.honorific_alone(i):
            if i + 1 < len(self.tokens) and self.tokens[i + 1].low.endswith("nya"):
                return None  # "kakak kelasnya", "ibu-nya": a relation, not a name
            if self.adjacent(i):
                return self.take(i + 1, _STRONG)
            comma = i + 1 < len(self.tokens) and self.doc.text[tok.end : self.tokens[i + 1].start] in (",", ", ", ". ,")
            return self.take(i + 1, _MEDIUM) if comma else None
        if _is_role(tok.low) and not self.public[i]:
            return self.after_role(i)
        if self.is_title(i) and (i == 0 or self.tokens[i - 1].low not in _LEX.titles):
            return self.take(i, _STRONG)
        if self.public[i] or self.blocked(i):
            return None
        if self.is_name(i) or self.is_ambiguous(i) and self.mixed and tok.cap and not self.sentence_start(i):
            return self.grow_left(i), self.grow_right(i, _MEDIUM)
        return self.capitalised_words(i) if self.mixed else None

    def after_role(self, i: int) -> tuple[int, int] | None:
        """'Lurah Bukir Hadi Santoso', 'petugas loket Andi', 'sopir truk DLH yaitu Tukimin'."""
        end = self.tokens[i].end
        named = _NAMED_ROLE.match(self.doc.text, end)
        if named:
            return self.after_cue(named.end(), _MEDIUM)
        if not (self.adjacent(i) or self.doc.text.startswith((" ", ", "), end)):
            return None
        return self.after_cue(end, _MEDIUM, skip=3)

    def subject(self, pos: int) -> tuple[int, int] | None:
        """Unknown words right after "kemarin", "tadi"..., followed by a verb: "kemarin darsinah rumiyati datang"."""
        j = self.first_token_at(pos)
        if j is None or self.tokens[j].cap and self.mixed or not (self.is_name(j) or self.plausible_unknown(j)):
            return None
        last = self.grow_right(j, _MEDIUM)
        if last + 1 >= len(self.tokens) or not self.adjacent(last):
            return None
        verb = self.tokens[last + 1].low
        return (j, last) if verb in _SUBJECT_VERBS or _VERB.match(verb) and _is_word(verb) else None

    def before(self, pos: int, strength: int = _MEDIUM) -> tuple[int, int] | None:
        """The name just before 'di sini' ('Budi Santoso di sini, warga Bukir')."""
        last = bisect.bisect_left(self.starts_at, pos) - 1
        gap = self.doc.text[self.tokens[last].end : pos] if last >= 0 else "x"
        if last < 0 or gap and not gap.isspace():
            return None
        while last > 0 and _degree_at(self.doc.text, self.tokens[last - 1].end) == self.tokens[last].end:
            last -= 1  # "gimun s.ag selaku": the degree belongs to the name
        if last > 0 and _degree_at(self.doc.text, self.tokens[last - 1].end) and self.tokens[last].low in _DEGREE_WORDS:
            last -= 1
        return self.ending_at(last, strength)

    def ending_at(self, last: int, strength: int = _MEDIUM) -> tuple[int, int] | None:
        first = last
        while first > 0 and last - first < 3 and self.adjacent(first - 1) and self.nameish(first - 1, strength, first):
            first -= 1
        ok = all(self.nameish(k, strength, last) or self.is_title(k) for k in range(first, last + 1))
        return (first, last) if ok and self.starts(first, strength) else None

    def signature(self) -> tuple[int, int] | None:
        """A last line of one to four words that could be a name: the sender signing off."""
        text = self.doc.text.rstrip()
        cut = max(text.rfind("\n"), text.rfind(","), text.rfind(". "), text.rfind(" - ") + 1)  # "... - Budi"
        if cut < 0 or not self.tokens:
            return None
        first = bisect.bisect_left(self.starts_at, cut)
        last = len(self.tokens) - 1
        if not 0 <= last - first < 4 or re.search(r"[^\w\s.,'-]", text[cut + 1 :]):
            return None
        if text[cut] not in "\n-" and not _CLOSING.search(text, max(0, cut - 30), cut + 1):
            return None
        ok = all(
            self.nameish(k, _STRONG, first) or self.is_title(k) or self.tokens[k].low in _PARTICLES
            for k in range(first, last + 1)
        )
        return (first, last) if ok and self.starts(first, _STRONG) else None

    def fuzzy_cues(self) -> list[int]:
        """Tokens one typo away from 'bernama', 'namanya' or 'pelapor' ('benama', 'pelpor')."""
        return [i for i, t in enumerate(self.tokens) if t.low in _FUZZY_CUES]

    def honorific_alone(self, i: int) -> bool:
        """'Ibu Siti', not 'ibu-ibu', 'bapak2' or 'Bapak/Ibu'."""
        after = self.doc.text[self.tokens[i].end : self.tokens[i].end + 1]
        return after not in ("-", "/") and not after.isdigit()

    def unknown_capital(self, k: int) -> bool:
        t = self.tokens[k]
        return (
            t.cap
            and not t.acronym
            and len(t.text) > 2
            and t.low not in _LEX.common
            and t.low not in _LEX.titles
            and not self.blocked(k)
            and not _AFFIXED.match(t.low)
            and not self.dictionary(k)
        )

    def run_word(self, k: int) -> bool:
        return self.unknown_capital(k) or self.capital_word(k) or self.capital(k) and self.is_name(k)

    def capitalised_words(self, i: int) -> tuple[int, int] | None:
        """Capitalised unknown words inside a mixed-case sentence: most likely a person. Two or more
        words ('kemarin Paijo Sukirman datang'), or one word between lower-case words
        ('kemarin Sarditi datang') or before a verb at the start of a sentence ('Yutiyati membuang')."""
        if i > 0 and self.tokens[i - 1].low in _LOCATIVE:
            return None
        # A run of capitalised words with at least one unknown word: "Paijo Sukirman", "The Kian Hoo"
        after_office = i > 0 and self.blocked(i - 1) and not self.unknown_capital(i) and not self.is_name(i)
        if self.run_word(i) and not after_office and not (i > 0 and self.adjacent(i - 1) and self.run_word(i - 1)):
            j = i
            while j - i < 4 and self.adjacent(j) and self.run_word(j + 1):
                j += 1
            if j > i and any(self.unknown_capital(k) for k in range(i, j + 1)):
                return i, j
        if not self.unknown_capital(i) or (i > 0 and self.adjacent(i - 1) and self.unknown_capital(i - 1)):
            return None
        j = i
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) and self.adjacent(i) else None
        if self.sentence_start(i):
            return (i, i) if nxt and not nxt.cap and _VERB.match(nxt.low) else None
        prev = self.tokens[i - 1]
        lower_before = prev.low in _LEX.common and (not prev.cap or self.sentence_start(i - 1))
        # "yang menerima uang itu Sukarji, dia ...": a lower-case word before, the clause ending after
        after = self.doc.text[self.tokens[i].end : self.tokens[i].end + 2]
        clause_end = nxt is None and re.match(r"[,;:!?)]|\.(?:\s|$)", after)
        lower_around = lower_before and (nxt is not None and not nxt.cap or bool(clause_end))
        return (i, i) if lower_around and self.doc.text[prev.end : self.tokens[i].start] == " " else None


def _names(doc: _Doc) -> list[_Candidate]:
    finder = _Names(doc)
    found = []
    ranges = finder.spans()
    for first, last in ranges + _repeated(finder, ranges):
        start, end = doc.tokens[first].start, doc.tokens[last].end
        degree = _degree_at(doc.text, end)
        if degree:
            end = degree
        found.append(_Candidate("nama", start, end, _P_NAMA))
    for m in _INITIALS.finditer(doc.text):  # "berinisial AS", "inisial M.A."
        end = m.start("i") + len(m.group("i").rstrip())
        found.append(_Candidate("nama", m.start("i"), end, _P_NAMA))
    return found


def _repeated(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other mentions of a word already found in a name: 'a.n. Gimun Zainuddin ... Gimun mengaku'."""
    tokens = finder.tokens
    words = {
        tokens[k].low
        for first, last in ranges
        for k in range(first, last + 1)
        if len(tokens[k].low) > 2
        and tokens[k].low not in _LEX.common
        and not finder.blocked(k)
        and not finder.is_title(k)
    }
    return [(k, k) for k, tok in enumerate(tokens) if tok.low in words and not finder.blocked(k)]


# --------------------------------------------------------------------------- putting it together

_DETECTORS = (_emails, _accounts, _numbers, _phone_matcher, _passports, _plates, _addresses, _names)


def _resolve(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """Keep the strongest of overlapping candidates (priority, then length), then join neighbours."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        taken = [_Span(c.start, c.end) for c in chosen if c.start < cand.end and cand.start < c.end]
        if not taken:
            chosen.append(cand)
        elif cand.kind in ("nama", "alamat"):
            # "fb: tutik mega purnamasari": the handle took "tutik", the name keeps the rest;
            # "Blok F/16, nmr 0822 ...": the phone took "nmr 0822", the address keeps "F/16".
            for a, b in _cut(cand.start, cand.end, taken):
                piece = re.search(r"\w.*\w" if cand.kind == "nama" else r"\w(?:.*\w)?", text[a:b])
                if piece and (cand.kind == "nama" or re.search(r"\d", piece.group())):
                    chosen.append(cand._replace(start=a + piece.start(), end=a + piece.end()))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _join(doc: _Doc, chosen: list[_Candidate]) -> list[_Candidate]:
    joined: list[_Candidate] = []
    for cand in chosen:
        if joined and joined[-1].kind == cand.kind and cand.kind in ("nama", "alamat"):
            gap = doc.text[joined[-1].end : cand.start]
            if gap.strip() == "" and "\n" not in gap:
                last = joined.pop()
                cand = _Candidate(cand.kind, last.start, cand.end, cand.priority)
        joined.append(cand)
    return joined


def find_pii(text: str) -> list[PiiMatch]:
    """The personal data in ``text``, as sorted, non-overlapping spans of the original string."""
    if not text or not text.strip():
        return []
    doc = _Doc.of(text)
    candidates = [cand for detector in _DETECTORS for cand in detector(doc)]
    matches = []
    for cand in _join(doc, _resolve(candidates, doc.text)):
        start, end = doc.origin[cand.start], doc.origin[cand.end - 1] + 1
        matches.append(PiiMatch(cand.kind, start, end, text[start:end]))
    return matches


def redact(text: str) -> str:
    """``text`` with every piece of personal data replaced by its placeholder, such as ``[NIK]``."""
    parts = []
    position = 0
    for match in find_pii(text):
        parts.append(text[position : match.start])
        parts.append(f"[{match.kind.upper()}]")
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


def redact_many(texts: Iterable[str]) -> list[str]:
    """``redact`` over many texts (for batch jobs such as ``aduan redact``)."""
    return [redact(text) for text in texts]
