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
  keeps ``Jl. Hasanudin``), ``Blok C-12``, and a whole ``Gang X No. 12``.
* Person names from cues ("nama saya", "a.n.", "bernama", "yang bertanda tangan di bawah ini",
  "tetangga saya", "petugas", "menurut", "oleh", a closing "Hormat saya," or a signature line,
  and words that follow a name: "di sini", "selaku", "(45 th)", ", S.Pd."), honorifics ("Bapak",
  "Bu", "Sdr."), titles ("H.", "Drs.") and a list of Indonesian given and family names
  (``data/names_id.txt``). The honorific is kept ("Bapak [NAMA]"): it carries no identity and
  keeps the text readable; titles and degrees go with the name. Capitalised unknown words inside
  a mixed-case sentence are taken as names, and a word found in one name is redacted wherever
  else it appears in the text. Streets, agencies, facilities and places (``data/public_id.txt``)
  are protected, so "Jl. KH. Ahmad Dahlan" and "RSUD dr. R. Soedarsono" stay. Officials acting in
  office are named persons too and are redacted.

Known limits. A name not in the name list and with no cue is missed in an all-lower-case or
ALL-CAPS message ("kemarin darsinah datang"), and right after "ke" or "di", where a capitalised
word is read as a place ("pergi ke Darsinah").
A name glued to the end of an agency or facility name, with no punctuation, may be kept as part of
it; an unknown agency or brand written like a name after a cue ("petugas Bappeko") may be
redacted as [NAMA], and so may a misspelt common word after a cue ("saya mengajkan"). Numbers of
10 or more digits with no cue are redacted anyway, as [REKENING] (13 digits starting 000 as
[BPJS], a dotted 15-digit number as [NPWP], 16 digits as [NIK]), so an unrelated long number is
over-redacted; a customer number after "no. pelanggan" is redacted as [REKENING]. Only Indonesian
phone numbering is known. ``find_pii`` takes about a millisecond per complaint.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
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
# A count of one or two digits may follow a phone number ("081234567890 3 kali"), but "BRI 4467 0167 52
# Lampu..." is an account number that ran into the next sentence: only a lower-case unit makes a count.
_COUNT_AFTER_DIGITS = re.compile(rf"(?<=\d[ ])\d{{1,2}}\s?(?:{_UNITS})\b")
_NUMERIC = [re.compile(p, re.IGNORECASE) for p in _NUMERIC_PATTERNS] + [_COUNT_AFTER_DIGITS]


def _numeric_spans(text: str) -> list[_Span]:
    spans = []
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
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s]+", phrase)]
        parts.append(r"[\s.]*".join(words))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


_PUBLIC_PHRASES = _phrase_regex(_LEX.places + _LEX.phrases)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|sch\.id|desa\.id)\b\S*",
    re.IGNORECASE,
)
# Institutions whose names are often Arabic words or people's names: "MI Nurul Huda", "GOR Untung Suropati".
_NAMED_OPENERS = frozenset(
    "masjid mesjid musholla mushola musala langgar surau mi min mis mts mtsn ma man pondok ponpes pesantren yayasan "
    "tpq madrasah gereja rsud rs rsu rsia gor stadion universitas univ sd sdn smp smpn sma sman smk smkn tk".split()
)
# Mosques, pesantren and churches are often named after people ("Masjid KH Hasyim Asy'ari").
_RELIGIOUS_OPENERS = frozenset(
    "masjid mesjid musholla mushola musala langgar surau pondok ponpes pesantren yayasan tpq gereja".split()
)
# Acronyms that open a name even in lower case inside a mixed-case text ("di mi darul ulum"); not
# "min" (admin), "ma" (mother) or "man".
_LOWER_CASE_OPENERS = frozenset("mi mts sd smp sma smk tk rs rsu gor tpa tps tpu kua".split())
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
    for j in range(i + 1, min(i + 8, len(tokens))):
        if not _public_gap(doc, j, street):
            break
        step = _public_step(doc, i, j, street, after_rank)
        if step is None:
            break
        after_rank = after_rank or step == "rank"
        end = tokens[j].end
    if not street:  # "SDN Kebonsari 1", "SMPN 2"
        m = _FACILITY_NUMBER.match(doc.text, end)
        end = m.end() if m else end
    return end


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
    "bernama namanya nama pak bu bapak ibu yth kepada kpd".split()
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
    return tok.low not in _LEX.common or tok.low in _LEX.names or tok.low == "raya"


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
    r"(?!(?:ig|fb|instagram|facebook|tiktok|twitter|saya|sy|aku)(?![\w.]))(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})",
    re.IGNORECASE,
)
_DISPLAY_NAME = re.compile(r"(?:\s[A-Z][A-Za-z']+){0,3}")
_PUBLIC_HANDLES = re.compile(
    r"(?i)^@?(?:pemkot|pemkab|pemprov|humas|dinas|dispen|diskominfo|kominfo|lapor|sp4n|satpol|pdam|pln|bpjs|polres|polri|puskesmas|dprd|kemen|official|info|esambat)"
)


def _accounts(doc: _Doc) -> list[_Candidate]:
    text = doc.text
    found = [
        _Candidate("akun", m.start(), _strip_trailing(text, m.start(), m.end()), _P_AKUN)
        for m in _PROFILE_URL.finditer(text)
    ]
    for m in _HANDLE.finditer(doc.text):
        if not _PUBLIC_HANDLES.match(m.group()):
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


def _is_handle(m: re.Match[str]) -> bool:
    handle = m.group("h")
    first = handle.split()[0].lower().strip(".")
    if _PUBLIC_HANDLES.match(handle) or first in _LEX.common - _LEX.names and not re.search(r"[\d_.]", handle):
        return False
    explicit = bool(m.group("sep").strip()) or m.group("own") is not None or "@" in m.group()
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
_VEHICLE = re.compile(
    r"(?i)nopol|no\.?\s*pol|plat|pelat|nomor\s+polisi|motor|mobil|kendaraan|truk|truck|pick\s?up|angkot|bus|avanza|"
    r"xenia|innova|honda|yamaha|vario|beat|mio|nmax|ojol|ojek|parkir|tilang|knalpot|pengendara|sepeda|bak\s+terbuka"
)


def _plates(doc: _Doc) -> list[_Candidate]:
    found = []
    for m in _PLATE.finditer(doc.text):
        region, suffix = m.group("r"), m.group("s")
        if region.upper() not in _PLATE_REGIONS or _NOT_BEFORE_PLATE.search(doc.text, max(0, m.start() - 8), m.start()):
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
    rf"(?:,\s?)?(?P<no>{_NO})?{_HOUSE_NUMBER}",
    re.IGNORECASE,
)
_BLOCK = re.compile(
    rf"(?<![^\W\d_])(?:blok|blk)\s?\.?\s?(?:[A-Za-z]{{1,2}}\s?[\-.]?\s?\d{{1,4}}[A-Za-z]?|[A-Za-z]{{1,2}}(?=\s?,?\s?{_NO}\d)|\d{{1,4}})"
    rf"(?:\s?,?\s?{_NO}{_HOUSE_NUMBER})?|(?<![^\W\d_])kav(?:ling)?\s?\.?\s?{_HOUSE_NUMBER}",
    re.IGNORECASE,
)
_ADDRESS_CONTEXT = re.compile(
    r"(?i)(?<![^\W\d_])(?:jl|jln|jalan|gg|gang|blok|perum|perumahan|komplek|kompleks|rumah|rmh|alamat|almt|tinggal|"
    r"kediaman|domisili|kos|kost|kontrakan|dusun|dsn|desa|kampung|rt|rw|griya|residence|regency|cluster|kav|kavling|"
    r"asrama|rusun|beralamat|bertempat)(?![^\W\d_])"
)


def _addresses(doc: _Doc) -> list[_Candidate]:
    text = doc.text
    found = [_Candidate("alamat", m.start(), m.end(), _P_ALAMAT) for m in _RT_RW.finditer(text)]
    for m in _GANG.finditer(text):  # "Gg. Mawar No. 7 anak saya..." but not "gang sempit 2 hari"
        if m.group("no") or not _overlaps(m.start(), m.end(), doc.numeric):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT + 1))
    found += [_Candidate("alamat", m.start(), m.end(), _P_ALAMAT) for m in _BLOCK.finditer(text)]
    for m in _HOUSE.finditer(text):
        window = text[max(0, m.start() - 40) : m.start()]
        window = window[max(window.rfind(c) for c in "\n;!?") + 1 :]
        if _ADDRESS_CONTEXT.search(window):
            found.append(_Candidate("alamat", m.start(), m.end(), _P_ALAMAT))
    found += _street_numbers(doc)
    return found


_BARE_NUMBER = re.compile(rf"\s?,?\s?(?P<n>{_HOUSE_NUMBER})(?!\s?(?:{_UNITS})\b)(?!\s?[-.]?\s?\d)", re.IGNORECASE)


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

# How much a cue says that a name follows: STRONG ("nama saya", "bernama", an honorific) takes any
# word; MEDIUM ("saya", "anak saya", a role) takes an unknown word that does not look like a verb;
# WEAK ("oleh", "kepada") takes only a listed name or a capitalised word.
_STRONG, _MEDIUM, _WEAK = 3, 2, 1
_ABBREVIATIONS = frozenset({"moh", "muh", "moch", "mochd", "mohd", "abd", "ach", "mhd", "md", "m", "st", "sy"})
_PARTICLES = frozenset({"bin", "binti", "bt", "al", "el", "van", "der", "de", "da", "ibnu", "abu"})
_SKIP_AFTER_ROLE = frozenset(
    "loket jaga lapangan kebersihan parkir pdam pln sekolah kelas kelurahan kecamatan desa dinas bagian yang yg "
    "saya sy kami kita nya itu tersebut tsb baru lama perempuan laki pria wanita muda tua senior piket shift pos "
    "kantor puskesmas teknik teknisi pelayanan layanan informasi pengaduan administrasi lingkungan setempat "
    "kampung wilayah kami kita terkait bersangkutan ybs kepala ketua rt rw proyek yaitu yakni adalah ialah bagian "
    "umum kebersihan keamanan dinas kantor toko warung kios pabrik gudang rumah sekolah kelas kelurahan".split()
)
_STRONG_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:nama\s*(?:saya|sy|sya|aku|ku|lengkap(?:nya)?|pelapor|pemilik|anak|suami|istri|ayah|ibu|bapak"
    r"|petugas|pelaku|oknum|orangnya|korban|pasien|siswa|warga|almarhum|almarhumah|alm)?(?:\s*(?:saya|sy|kami|nya))?|namanya|nm|nma|bernama|bernma"
    r"|brnama|berinisial|inisial(?:nya)?|atas\s+nama|a\s?\.\s?n\s?\.?|a/n|an\.|(?:yang|yg)\s+bertanda\s*tangan\s+di\s*bawah\s+ini(?:\s*,?\s*nama)?|pelapor|dilaporkan\s+oleh|ttd\.?|hormat\s+(?:saya|kami|sy)"
    r"|salam\s+hormat|wassalam(?:u'?alaikum)?(?:\s+wr\.?\s*wb\.?)?|pengirim|dari\s*:|kepada\s*:|yth\.?|alm\.?|almh\.?"
    r"|almarhum(?:ah)?|mendiang)(?![^\W\d_])[\s:=,\-]*(?:adalah\s+|ialah\s+|yaitu\s+|yakni\s+)?"
)
_MEDIUM_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:saya|sy|sya|aku|aq|gue|gw|kami)(?:\s+(?:adalah|ialah|sdr|sdri))?"
    r"|(?:tetangga|anak|anaknya|suami|suaminya|istri|isteri|istrinya|ibu|bapak|ayah|adik|adek|kakak|mertua|ortu"
    r"|orang\s+tua|keponakan|cucu|teman|kawan|saudara|paman|bibi|nenek|kakek|menantu|ipar|putra|putri|putera|puteri"
    r"|majikan|bos|atasan|pacar|rekan|kenalan)(?:\s+(?:saya|sy|sya|kami|ku|aku|gw|gue|kandung|perempuan|laki-laki))+"
    r"(?:\s+(?:yang|yg))?|salam|wassalam|regards|ttd|menurut|kata"
    r"|(?:sampaikan|disampaikan|laporkan|dilaporkan|lapor|bilang|tanya|tanyakan|mengadu|minta|adukan)\s+(?:ke|kpd|kepada|sama|sm|ama)"
    r")(?![^\W\d_])[\s,:]*"
)
_WEAK_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:oleh|kepada|kpd|dengan|dgn|dg|bersama|sama|sm|ama|menghubungi|dihubungi|ditemui|menemui"
    r"|bertemu|ketemu|bilang|ditelepon|dimarahi|dipukul|diancam|ditipu|dari|milik|punya|rumah"
    r"|tanya|terima\s+kasih|makasih|trims|thanks|laporan|bantuan|dibantu|diurus|diterima|dilayani|ditangani)"
    r"(?![^\W\d_])[\s,:]*"
)
# Words that come right AFTER a name: "Budi di sini", "Budi selaku ketua", "Budi (45 th)".
_HERE = re.compile(
    r"(?i)(?<![^\W\d_])(?:di\s?sini|selaku|mengaku)(?![^\W\d_])|\((?:usia\s?|umur\s?)?\d{1,2}\s?(?:th|thn|tahun)?\.?\)"
)
_NAMED_ROLE = re.compile(r"(?i)[^.!?\n]{0,60}?(?<![^\W\d_])(?:yaitu|yakni|adalah|ialah|an\.|a\.n\.)[\s,:]+")
_CLOSING = re.compile(
    r"(?i)(?:salam|hormat\s+(?:saya|kami)|terima\s*kasih|makasih|trims|wassalam\w*|ttd|regards|tabik)\W*$"
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
_LOCATIVE = frozenset(
    "di ke dari daerah arah menuju wilayah kawasan sekitar dekat desa kampung kota kab kabupaten kec kecamatan kel "
    "kelurahan dusun jalan jl jln gang gg perum perumahan pasar masjid sekolah toko warung merek merk aplikasi".split()
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

    def nameish(self, i: int, strength: int) -> bool:
        """Whether token i can continue a name already started."""
        tok = self.tokens[i]
        if self.blocked(i):
            return False
        if tok.low in _LEX.names:
            return True
        if tok.low in _LEX.common or tok.low in _LEX.titles:
            return False
        if self.initial(i):
            return True
        if self.mixed and self.capital(i) or strength == _STRONG:
            return True
        return strength == _MEDIUM and self.plausible_unknown(i)

    def plausible_unknown(self, i: int) -> bool:
        """An unknown word after 'saya', 'anak saya', 'petugas'...: a name unless it looks like a verb."""
        tok = self.tokens[i]
        if len(tok.text) < 3 or tok.acronym and self.mixed and not _wordlike(tok.low) or _AFFIXED.match(tok.low):
            return False
        return not self.blocked(i) and tok.low not in _LEX.common and tok.low not in _LEX.titles

    def starts(self, i: int, strength: int) -> bool:
        """Whether token i can be the first word of a name, after a cue of this strength."""
        tok = self.tokens[i]
        if self.blocked(i) or len(tok.text) < 2 and not self.initial(i):
            return False
        if self.is_name(i):
            return True
        if self.is_ambiguous(i):
            return strength >= _MEDIUM or (self.mixed and tok.cap)
        if tok.low in _LEX.common or tok.low in _LEX.titles:
            return False
        if strength == _STRONG or self.mixed and self.capital(i):
            return True
        return strength == _MEDIUM and self.plausible_unknown(i)

    # -- growing a name
    def take(self, j: int, strength: int) -> tuple[int, int] | None:
        """A name starting at token j (after any titles), as a token range [first, last]."""
        k = j
        while k < len(self.tokens) and self.is_title(k) and self.adjacent(k):
            k += 1
        if k >= len(self.tokens):
            return None
        if k > j:
            strength = _STRONG
        if not self.starts(k, strength):
            return None
        if self.tokens[k].low in _LEX.names:
            strength = max(strength, _MEDIUM)
        return j, self.grow_right(k, strength)

    def grow_right(self, i: int, strength: int) -> int:
        words = 1
        while words < 5 and self.adjacent(i):
            nxt = i + 1
            if self.nameish(nxt, strength):
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
            elif (
                self.initial(prev)
                or not self.blocked(prev)
                and (tok.low in _LEX.names or (self.mixed and self.capital(prev) and tok.low not in _LEX.common))
            ):
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
            skippable = self.public[j] or _is_role(low) or low in _SKIP_AFTER_ROLE
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
        for m in _STRONG_CUE.finditer(text):
            ranges.append(self.after_cue(m.end(), _STRONG) or (-1, -1))
        for m in _MEDIUM_CUE.finditer(text):
            # "tetangga saya yang mampu": after "yang" comes a verb or an adjective, seldom a name
            strength = _WEAK if re.search(r"(?i)\b(?:yang|yg)\W*$", m.group()) else _MEDIUM
            ranges.append(self.after_cue(m.end(), strength) or (-1, -1))
        for m in _WEAK_CUE.finditer(text):
            ranges.append(self.after_cue(m.end(), _WEAK) or (-1, -1))
        for i in self.fuzzy_cues():
            ranges.append(self.after_cue(self.tokens[i].end, _STRONG) or (-1, -1))
        for m in _HERE.finditer(text):
            ranges.append(self.before(m.start()) or (-1, -1))
        for k, tok in enumerate(self.tokens):  # "gimun, S.Ag": a degree follows a name
            if tok.low not in _DEGREE_WORDS and _degree_at(text, tok.end) and not self.public[k]:
                ranges.append(self.ending_at(k) or (-1, -1))
        ranges.append(self.signature() or (-1, -1))
        for i in range(len(self.tokens)):
            ranges.append(self.seed_at(i) or (-1, -1))
        return [r for r in ranges if r[0] >= 0]

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

    def before(self, pos: int) -> tuple[int, int] | None:
        """The name just before 'di sini' ('Budi Santoso di sini, warga Bukir')."""
        last = bisect.bisect_left(self.starts_at, pos) - 1
        if last < 0 or not self.doc.text[self.tokens[last].end : pos].isspace():
            return None
        while last > 0 and _degree_at(self.doc.text, self.tokens[last - 1].end) == self.tokens[last].end:
            last -= 1  # "gimun s.ag selaku": the degree belongs to the name
        if last > 0 and _degree_at(self.doc.text, self.tokens[last - 1].end) and self.tokens[last].low in _DEGREE_WORDS:
            last -= 1
        return self.ending_at(last)

    def ending_at(self, last: int) -> tuple[int, int] | None:
        first = last
        while first > 0 and last - first < 3 and self.adjacent(first - 1) and self.nameish(first - 1, _MEDIUM):
            first -= 1
        ok = all(self.nameish(k, _MEDIUM) or self.is_title(k) for k in range(first, last + 1))
        return (first, last) if ok and self.starts(first, _MEDIUM) else None

    def signature(self) -> tuple[int, int] | None:
        """A last line of one to four words that could be a name: the sender signing off."""
        text = self.doc.text.rstrip()
        cut = max(text.rfind("\n"), text.rfind(","), text.rfind(". "))
        if cut < 0 or not self.tokens:
            return None
        first = bisect.bisect_left(self.starts_at, cut)
        last = len(self.tokens) - 1
        if not 0 <= last - first < 4 or re.search(r"[^\w\s.,'-]", text[cut + 1 :]):
            return None
        if text[cut] != "\n" and not _CLOSING.search(text, max(0, cut - 30), cut + 1):
            return None
        ok = all(
            self.nameish(k, _MEDIUM) or self.is_title(k) or self.tokens[k].low in _PARTICLES
            for k in range(first, last + 1)
        )
        return (first, last) if ok and self.starts(first, _MEDIUM) else None

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
        )

    def capitalised_words(self, i: int) -> tuple[int, int] | None:
        """Capitalised unknown words inside a mixed-case sentence: most likely a person. Two or more
        words ('kemarin Paijo Sukirman datang'), or one word between lower-case words
        ('kemarin Sarditi datang') or before a verb at the start of a sentence ('Yutiyati membuang')."""
        if not self.unknown_capital(i) or (i > 0 and self.adjacent(i - 1) and self.unknown_capital(i - 1)):
            return None
        if i > 0 and self.tokens[i - 1].low in _LOCATIVE:
            return None
        j = i
        while j - i < 4 and self.adjacent(j) and self.unknown_capital(j + 1):
            j += 1
        if j > i:
            return i, j
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) and self.adjacent(i) else None
        if self.sentence_start(i):
            return (i, i) if nxt and not nxt.cap and _VERB.match(nxt.low) else None
        prev = self.tokens[i - 1]
        lower_before = prev.low in _LEX.common and (not prev.cap or self.sentence_start(i - 1))
        lower_around = lower_before and nxt is not None and not nxt.cap
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
        elif cand.kind == "nama":  # "fb: tutik mega purnamasari": the handle took "tutik", the name keeps the rest
            for a, b in _cut(cand.start, cand.end, taken):
                piece = re.search(r"\w.*\w", text[a:b])
                if piece:
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
