"""A complaint line's or a service's number, told by the words right before it (issue 11, session 14).

``identifiers._office_line`` keeps a number whose line names a service ("WA Center:", "call center", "hotline")
and a landline whose line names an office; ``office_phones`` one beside an office's kept channel. An office's
notices and answers give their numbers in a few more shapes, a mobile number too, and every one of them says,
right before the number, that it is a channel the public is asked to use:

- the channel's own label: "nomor layanan 0751-...", "Hubungi layanan (0511) ...", "layanan WA 0811-...",
  "Info resmi: 0711-...", "WA E-Sambat: 0811-..." (a channel's brand, "E-" and a word), "WA Aduan | 0811-...",
  "Telp kantor: (031) ...", a notice's line "Pengaduan: 0812-..." (the number alone on it: beside a person's
  account, "Pengaduan: (0401) ... / @budi.santoso88", it is theirs);
- the public asked to report there: "Laporkan pungli ke 0812-...", "Untuk pengaduan cepat hubungi 0811-...";
- an office that "can be reached at" it, or that the reader is asked to call "at": "damkar bisa dihubungi di
  (0343) ...", "hubungi petugas Dinas Pendidikan di (0341) ...", "Please contact them at (0341) ...";
- an office after "Info:" or "Kontak:": "Info: Pusdalops BPBD Kab. Pasuruan 0343-...";
- a table's row of an office, what it is and its street: "RSUD Kota | RS Tipe B | Jl. Dr. Wahidin 1 | (0343) ...";
- an item of a list of offices' numbers, a mobile's too: "- BPBD Kota Palembang: 0811-7800-112" (a landline's
  item is ``identifiers._office_line``'s).

A mobile number needs an office named somewhere in the text for the channel's words to count (a chat's "hubungi
layanan aduan 0812 ... kalau ada apa2" names none). A person is never so: a number stays redacted when its clause names one (an honorific, "saya", "rumah", "HP", a
name the name rules found between the words and the number): "hubungi Pak Budi di 0812 ...", "Laporkan ke
saya 0812 ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import heads
from .document import _Candidate, _Doc
from .identifiers import _ITEM, _STREET_CELL, _agency_in, _names_an_office
from .lexicon import _LEX

# The words that end right before the number (spaces, a colon, a "|" or "di"/"ke"/"at" between): the channel's
# label or the request to use it
_CHANNEL = re.compile(
    r"(?ix)(?<![^\W\d_])(?:"
    r"(?:nomor|nomer|no|nmr)\.?[ \t]+(?:layanan|aduan|pengaduan|resmi|darurat|kantor)(?:[ \t]+\w+)?"
    r"|(?:hubungi|menghubungi|melalui|lewat|via)?[ \t]*layanan(?:[ \t]+(?:pengaduan|aduan|informasi))?"
    r"(?:[ \t]+(?:wa|whatsapp|sms|telepon|telp))?"
    r"|(?:wa|whatsapp|sms)[ \t]+(?:aduan|pengaduan|layanan|e-[^\W\d_]+)"
    r"|info(?:rmasi)?[ \t]+resmi"
    r"|(?:telp|tlp|telepon|telpon)\.?[ \t]+kantor"
    r"|(?:laporkan|adukan|lapor)(?:[ \t]+[^\W\d_]+){0,2}[ \t]+ke"
    r"|pengaduan(?:[ \t]+[^\W\d_]+){0,2}[ \t]+hubungi"
    r"|(?:contact|call|reach|phone)[ \t]+(?:them|us|the[ \t]+[^\W\d_]+)[ \t]+(?:at|on)"
    r")[ \t]*[:|]?[ \t]*$"
)
# A notice's line that opens with the complaint channel's label: "Pengaduan: 0812-...", "- Aduan: ..."
_LINE_LABEL = re.compile(r"(?i)^[ \t]*(?:[-•*][ \t]*)?(?:pengaduan|aduan)[ \t]*[:|][ \t]*$")
_BODIES = re.compile(
    r"(?i)(?<![^\W\d_])(?:dinas|badan|kelurahan|kecamatan|puskesmas|rsud|rumah\s+sakit|polsek|polres|polresta|damkar|"
    r"pemadam|pdam|perumda|pln|bpbd|dlh|dishub|upt|uptd|pmi|pemkot|pemkab|pemprov|pemda|samsat|kominfo|bpjs|kantor|"
    r"satpol|pemerintah|office|department|police|immigration)(?![^\W\d_])"
)
_MOBILE = re.compile(r"[ \t(]*(?:\+?62|0)[ \t\-.]?8")
_LINE_END = re.compile(r"[ \t.]*(?:\n|$)")
# "damkar bisa dihubungi di", "hubungi petugas Dinas Pendidikan bidang PNF di": reached at, an office named
_REACHED = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:dapat|bisa)[ \t]+dihubungi|hubungi|menghubungi)(?P<who>(?:[ \t]+[^\s]+){0,6}?)"
    r"[ \t]+(?:di|ke)(?:[ \t]+(?:nomor|no\.?))?[ \t]*:?[ \t]*$"
)
# The words that say a person answers (the clause's, after the channel's words are taken out)
_PERSON = re.compile(
    r"(?i)(?<![^\W\d_])(?:saya|sy|sya|aku|aq|gue|gua|gw|ane|kami|kulo|kula|abdi|ambo|beta|rumah|rmh|pribadi|hp|"
    r"a\.?\s?n|atas\s+nama|pelapor|istri|suami|anak|ketua|rt|rw|my|his|her|me)(?![^\W\d_])"
)
_HEADS = heads.register(
    "layanan resmi kantor laporkan adukan lapor hubungi dihubungi pengaduan aduan contact call reach phone "
    "e- : |".split()
)
# "0812-7000-1818", "(0343) 424113", "+62 811 ...": where the candidate's number starts
_PHONE_START = re.compile(r"[(+]?\d")


# "Info: Pusdalops BPBD Kab. Pasuruan 0343-...", "Kontak: Posko Damkar 0812-...": an office after the label
_INFO_OFFICE = re.compile(
    r"(?i)(?<![^\W\d_])(?:info|informasi|kontak|contact)[ \t]*:[ \t]*(?P<office>[^:\n]{2,60}?)[ \t]*[:|]?[ \t]*$"
)
# A sentence's stop, and the word before it: "Kab." and "Jl." stop nothing ("Info: Pusdalops BPBD Kab. Pasuruan ...")
_STOP = re.compile(r"(?P<word>[^\W\d_]*)[.!?;]\s")
_ABBREVIATIONS = frozenset("kab kec kel kota jl jln gg no dr drs h hj ir prof st kp ds dsn tel telp tlp kel ds".split())


def _office_named(text: str) -> bool:
    """Whether the text names an office by a body's word or an agency's shape ("Dinas", "BPBD", "Disdukcapil"),
    not only by a channel's word ("layanan", "pengaduan")."""
    return _BODIES.search(text) is not None or _agency_in(text)


def _clause(text: str, start: int) -> tuple[int, str]:
    """The clause the number ends (from the last sentence stop or line start), and where it starts."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    cut = max((m.end() for m in _STOP.finditer(line) if m["word"].lower() not in _ABBREVIATIONS), default=0)
    return line_start + cut, line[cut:]


def _named(candidates: list[_Candidate], start: int, end: int) -> bool:
    return any(c.kind == "nama" and start <= c.start < end for c in candidates)


def _honorific(words: str) -> bool:
    return any(w in _LEX.honorifics for w in re.findall(r"[^\W\d_]+", words.lower()))


def _directory_row(doc: _Doc, cand: _Candidate, candidates: list[_Candidate], line_start: int) -> bool:
    """Whether the number ends a table's row that opens with an office and holds its street, and no person."""
    before = doc.text[line_start : cand.start]
    cells = [c.strip() for c in re.split(r"[|\t]", before) if c.strip()]
    if len(cells) < 2 or not _names_an_office(cells[0]) or not any(_STREET_CELL.match(c) for c in cells[1:]):
        return False
    return not (_PERSON.search(before) or _honorific(before) or _named(candidates, line_start, cand.start))


def service_number(doc: _Doc, cand: _Candidate, candidates: list[_Candidate]) -> bool:
    """Whether the phone candidate is a service's or a complaint line's number, by the words before it."""
    text = doc.text
    _, clause = _clause(text, cand.start)
    # "Bisa kak, damkar bisa dihubungi di ...": the reader called before a comma is not the number's person
    part = clause[clause.rfind(", ") + 1 :] if _REACHED.search(clause[clause.rfind(", ") + 1 :]) else clause
    if _PERSON.search(part) or _honorific(part) or _named(candidates, cand.start - len(part), cand.start):
        return False  # "hubungi Pak Budi di 0812 ...", "Laporkan ke saya 0812 ..."
    line_start = text.rfind("\n", 0, cand.start) + 1
    if _CHANNEL.search(clause) and (not _MOBILE.match(text, cand.start) or _office_named(text)):
        return True  # a mobile only in a text that names an office: "hubungi layanan aduan 0812 ... kalau ada apa2"
    if _LINE_LABEL.match(text[line_start : cand.start]) and _LINE_END.match(text, cand.end):
        return True  # "Pengaduan: 0812-...", the number alone after the label (not "/ @budi.santoso88")
    reached = _REACHED.search(clause)
    if reached and _names_an_office(reached["who"] or " ".join(clause[: reached.start()].split()[-4:])):
        return True  # "damkar bisa dihubungi di (0343) ...", "hubungi petugas Dinas Pendidikan di (0341) ..."
    if _directory_row(doc, cand, candidates, line_start):
        return True  # "RS Islam Masyitoh | RS swasta | Jl. Ahmad Yani | (0343) 744444"
    info = _INFO_OFFICE.search(clause)
    if info and _names_an_office(info["office"]):
        return True  # "Info: Pusdalops BPBD Kab. Pasuruan 0343-741133"
    item = _ITEM.match(clause)
    label = clause[item.end() :] if item else ""
    # "- BPBD Kota Palembang: 0811-7800-112": a list's item, an office and a colon, the number alone after it
    return bool(item) and label.rstrip().endswith(":") and _names_an_office(label)


def drop_service_numbers(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the phone numbers the words before them call a service's (see the module)."""
    candidates = list(candidates)
    if not heads.present(doc, _HEADS):
        return candidates
    phones = [c for c in candidates if c.kind == "telepon"]
    if not phones:
        return candidates
    dropped = {c for c in phones if service_number(doc, c, candidates)}
    return [c for c in candidates if c not in dropped] if dropped else candidates
