"""Numbers and identifiers: NIK, KK, NPWP, BPJS, bank accounts, phones, passports, vehicle plates.

Runs of digits in any grouping are classified by their length, shape and the nearest cue word before
them ("NIK", "rek"/a bank name, "HP"/"WA"); ``phonenumbers`` validates phones.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Literal

import phonenumbers

from . import engine
from .document import _P_ID, _P_NOPOL, _P_PHONE, _Candidate, _cut, _Doc, _overlaps, _Scan, per_doc
from .lexicon import _LEX, _agency_like
from .phones import phone_matches

_CUE_PATTERNS = {
    "kk": r"kartu\s+keluarga|no(?:mor|mer)?\.?\s*kk|nkk|kk",
    "nik": r"nik|n\.i\.k|nomor\s+induk\s+kependudukan|e-?ktp|ktp",
    "npwp": r"npwp",
    "bpjs": r"bpjs|kis|jkn|kartu\s+indonesia\s+sehat|no(?:mor)?\.?\s*peserta|no(?:mor)?\.?\s*kartu(?!\s+keluarga)|kpj|jamsostek|askes",
    "rekening": (
        r"rek|rekening|norek|no\.?\s*rek|bri|bca|bni|mandiri|bsi|btn|bank|cimb|niaga|danamon|permata|jatim|muamalat"
        r"|bjb|jago|seabank|transfer|tf|virtual\s+account|va|tabungan|dana|ovo|gopay"
    ),
    "telepon": (
        r"telp|tlp|tlpn|telepon|telpon|tel|hp|handphone|ponsel|wa|whatsapp|whatsap|watsap|wea|sms|hubungi|kontak"
        r"|contact|call|cp|nomer\s+(?:saya|sy)|nomor\s+(?:saya|sy)|no\.?\s*(?:saya|sy)|dihubungi|telfon|nelpon|nomornya"
    ),
    "paspor": r"paspor|pasport|passports?",
    # a civil servant's or contract employee's number (NIP, NI PPPK): it holds their birth date and sex
    "nip": r"nip|n\.i\.p|nipppk|ni\s*pppk|nomor\s+induk\s+pegawai",
    # another number that points at one person: a customer's or a meter's ID (PLN, PDAM), a patient's medical
    # record, a student's NISN, NIS or NIM, a member's number
    "nomor": (
        r"no(?:mor|mer)?\.?\s*rm|rekam\s+medi[sk]|mrn|nisn|nis|nim|no(?:mor|mer)?\.?\s*induk\s+siswa"
        r"|no(?:mor|mer)?\.?\s*anggota|medical\s+record(?:\s+(?:no|number))?|patient\s+(?:id|no|number)"
        r"|student\s+(?:id|no|number)"
    ),
    # a foreigner's stay permit (KITAS, KITAP), a visa, a private booking or reservation, a member's, a card's or
    # a diving certificate's number: written as codes of letters and digits ("2C11AV8812-R", "BKG-7731-GL"),
    # found by personal_codes.py; a run of digits after these words is read as if no cue were there
    "kode": (
        r"kitas|kitap|e-?kitas|itas|itap|visa|vitas|booking(?:\s+(?:ref|reference|code|no|number|id))?"
        r"|reservation(?:\s+(?:code|no|number|id))?|reservasi|kode\s+(?:booking|reservasi|pemesanan)"
        r"|cert(?:ificate)?\.?\s*(?:no|number)|member(?:ship)?\s*(?:no|number|id)|card\s*(?:no|number)"
    ),
    # the same kind, after a customer's word: a call centre's "1500-123" may follow these, never a record's
    "pelanggan": r"pelanggan|id\s*pel|idpel|sambungan|nosal|no\.?\s*meter|id\s*meter|nomor\s+meter",
}
# A table's column headed by one of these holds one person's number per row ("Nama | No RM | BPJS"); a column
# headed "Pelanggan" or "Kontak" holds codes and offices' lines as often (see _cue_before)
_COLUMN_NUMBER = re.compile(r"no(?:mor|mer)?\.?\s*rm|rekam\s+medi[sk]|nisn|nis|nim", re.IGNORECASE)
_CUES = re.compile(
    # "paspornya", "reknya", "hpnya": a cue word with "-nya" is the same cue
    "|".join(rf"(?<![^\W\d_])(?P<{kind}>(?:{pattern})(?:nya)?)(?![^\W\d_])" for kind, pattern in _CUE_PATTERNS.items()),
    re.IGNORECASE,
)
_CUES_SCAN = _Scan(_CUES, "word")  # every cue starts a word
_CUE_WINDOW = 48

# A number's groups are joined by spaces, dots and dashes, never by a tab: a tab is a pasted table's cell border
# ("Blok C-12<tab>5.000<tab>15.000" is a stall, a fee and a fine, not one account number; session 13)
_RUN = re.compile(r"(?<!\d)(?:\+\s?)?(?:\(\s?\+?\d{1,5}\s?\)[ .\-]?)?\d+(?:(?: ?[.\-] ?| {1,2})(?:\(\d{1,5}\)|\d+))*")
_GROUP = re.compile(r"\d+")


_LETTER = re.compile(r"[^\W\d_]")


def _npwp_valid(digits: str) -> bool:
    """python-stdnum's NPWP check, imported when a 15-digit number needs it: stdnum.util pulls in
    pydoc and ssl, about 25 ms of every new process's start otherwise."""
    from stdnum.id import npwp  # noqa: PLC0415

    return bool(npwp.is_valid(digits))


@per_doc  # asked once per grouping of a number's digits
def _cue_before(doc: _Doc, start: int) -> str | None:
    """The kind named by the last cue word in the clause before `start` (at most _CUE_WINDOW characters), or,
    in a table's row with none there, the kind its column's header names when that is a passport, a medical
    record or a student's number ("Nama | Paspor | Asal", "Nama | No RM | BPJS"). Only these: other headers
    ("Pelanggan", "Kontak", "Bank") head columns of codes, amounts and offices' lines as often as of a person's
    numbers, and taking their cue lost precision on unseen text."""
    return _clause_cue(doc, start) or _column_cue(doc, start) or _list_cue(doc, start)


# A list's item: "1. Dmitri Sokolov – 72 1048837", "- Budi: RM-0012"
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*·▪]|\d{1,2}[.)])[ \t]+")


def _list_cue(doc: _Doc, start: int) -> str | None:
    """In a list's item with no cue of its own, the kind its heading names ("Passport copies collected:" over
    "1. Dmitri Sokolov – 72 1048837"), when that is a passport or one person's number of the columns' kinds."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    if not _LIST_ITEM.match(text, line_start, start):
        return None
    above = line_start
    for _ in range(20):  # the heading: the first line above the items that is no item
        if above == 0:
            return None
        above = text.rfind("\n", 0, above - 1) + 1
        line = text[above : text.find("\n", above)]
        if not _LIST_ITEM.match(line):
            break
    else:
        return None
    if not line.rstrip().endswith(":"):
        return None
    for cue in _CUES.finditer(line):
        if cue.lastgroup == "paspor" or _COLUMN_NUMBER.fullmatch(cue.group(0)):
            return cue.lastgroup
    return None


def _column_cue(doc: _Doc, start: int) -> str | None:
    """The kind that the header of `start`'s column names, when `start` is in a cell of a table written with
    "|" or tabs whose first row is a header of labels ("No | Nama | NIK | No. HP") and the header names a
    passport, a medical record or a student's number (_COLUMN_NUMBER)."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    # cells split by "|", or by tabs as a spreadsheet's rows are pasted
    bar = "|" if "|" in text[line_start:start] else "\t" if "\t" in text[line_start:start] else None
    if bar is None:
        return None
    column = text.count(bar, line_start, start)
    # the table's first row: the rows above this one, each with a separator, up to a line without one
    header_start = line_start
    while header_start > 0:
        above = text.rfind("\n", 0, header_start - 1) + 1
        if bar not in text[above : header_start - 1]:
            break
        header_start = above
    if header_start == line_start:
        return None  # this row is the header itself
    header = text[header_start : text.find("\n", header_start)].split(bar)
    if column >= len(header) or any(c.isdigit() for c in header[column]):
        return None  # a header of labels has no digits: a row of data is no header
    cue = _CUES.fullmatch(header[column].strip().rstrip(".:"))
    if cue is None:
        # "NIK/Paspor": a column of two kinds is taken as the passports' (a NIK is told by its length anyway)
        cues = list(_CUES.finditer(header[column]))
        cue = next((c for c in cues if c.lastgroup == "paspor"), cues[0] if cues else None)
    if cue is None:
        return None
    if not (cue.lastgroup in ("paspor", "kode") or _COLUMN_NUMBER.fullmatch(cue.group(0))):
        return None
    return cue.lastgroup


def _clause_cue(doc: _Doc, start: int) -> str | None:
    text = doc.text
    begin = max(0, start - _CUE_WINDOW)
    begin = max(begin, max(text.rfind(c, begin, start) for c in "\n;!?") + 1)
    if engine.FAST:
        found = _cues_between(doc, begin, start)
        if found is not False:
            return found if isinstance(found, str) else None
    kind = None
    for m in _CUES.finditer(text[begin:start]):
        kind = m.lastgroup
    return kind


def _cues_between(doc: _Doc, begin: int, end: int) -> str | None | Literal[False]:
    """What ``_CUES.finditer(text[begin:end])`` ends on, read off the cue words of the whole text, found
    once; False when they may differ there (a cue word of the text straddles an edge of the clause)."""
    kind: str | None = None
    if begin > 0 and _LETTER.match(doc.text, begin - 1):
        # The clause starts inside a word: only there may a cue match in the clause and not in the text
        # (the rest of that word is preceded by a letter in both).
        first = _CUES.match(doc.text[begin:end])
        if first:
            kind, begin = first.lastgroup, begin + first.end()
    cues = _all_cues(doc)
    last = bisect.bisect_left(cues, (end,)) - 1  # the last cue of the text that starts before `end`
    if last >= 0 and cues[last][1] > end:
        return False
    before = bisect.bisect_left(cues, (begin,)) - 1  # the last one that starts before `begin`
    if before >= 0 and cues[before][1] > begin:
        return False
    return cues[last][2] if last > before else kind


def _all_cues(doc: _Doc) -> list[tuple[int, int, str]]:
    """Every cue word of the text, in order: (start, end, kind)."""
    cues: list[tuple[int, int, str]] | None = doc._memo.get((_all_cues,))
    if cues is None:
        found = _CUES_SCAN.finditer(doc)
        cues = doc._memo[(_all_cues,)] = [(m.start(), m.end(), m.lastgroup or "") for m in found]
    return cues


def _numbers(doc: _Doc) -> list[_Candidate]:
    found = _spelled_numbers(doc)
    if engine.FAST and not doc.starts("number"):
        return found  # a text without a digit has no number written in digits
    runs = list(_RUN.finditer(doc.text))
    for k, m in enumerate(runs):
        if k and _broken_phone(doc, runs[k - 1], m):
            continue  # the second line of a phone number, found with the first
        following = runs[k + 1] if k + 1 < len(runs) else None
        if following and _broken_phone(doc, m, following):
            found.append(_Candidate("telepon", m.start(), m.end(), _P_PHONE))
            found.append(_Candidate("telepon", following.start(), following.end(), _P_PHONE))
            continue
        for start, end in _cut(m.start(), m.end(), doc.numeric):
            found += [c for c in _classify_run(doc, start, end) if not _institutional(doc, c)]
    return found


# "0813\n3322 7416": a phone number that a tap of the Enter key broke over two lines. Joined only when
# the first line alone is too short to be one and both together are a valid number.
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
# "0812-3456-\n7890": a separator left dangling at the end of the line says the number goes on, however long
# its first part
_DANGLING_BREAK = re.compile(r"[ \t]*[\-.][ \t]*\n[ \t]*")


def _broken_phone(doc: _Doc, first: re.Match[str], second: re.Match[str]) -> bool:
    if second.start() - first.end() > 8:
        return False
    dangling = _DANGLING_BREAK.fullmatch(doc.text, first.end(), second.start()) is not None
    if not dangling and not _LINE_BREAK.fullmatch(doc.text, first.end(), second.start()):
        return False
    head = re.sub(r"\D", "", first.group())
    short = len(head) <= 6 or dangling
    if not head.startswith(("0", "62")) or not short or _overlaps(first.start(), second.end(), doc.numeric):
        return False
    return _is_phone(head + re.sub(r"\D", "", second.group()))


# An account that the text says is an institution's ("Bank Jatim 0011 2233 44 a.n. Kas Daerah Kota",
# "rekening kas daerah ..."): where citizens pay taxes and fees, printed on every receipt; public.
_INSTITUTION_HOLDER = re.compile(
    r"(?i)[\s,.:;()\-]{0,4}(?:a\.?\s?n\.?|atas\s+nama)\s*:?\s*(?:rkud|kas\s+(?:umum\s+)?(?:daerah|negara|desa)|"
    r"pemerintah|pemkot|pemkab|pemprov|pemko|pemda|pemdes|bendahara\s+(?:penerimaan|pengeluaran|umum|daerah)|"
    r"rsud|bpjs|bapenda|bpkad|dinas|badan\s+pendapatan|pdam|perumda|puskesmas|kantor\s+pelayanan)(?![^\W\d_])"
)
_INSTITUTION_ACCOUNT = re.compile(
    r"(?i)(?<![^\W\d_])(?:rkud|rekening\s+kas\s+(?:umum\s+)?(?:daerah|negara|desa))(?![^\W\d_])"
)


# An office's landline, on a line that names the office and no person: "Kontak posko: BPBD Karawang (0267)
# 8490 112", "DLH | (0711) 352 017", "Kantor Kelurahan Bugul, telp. (0343) 421234". A household's landline is
# written after a person or "rumah" ("telp rumah (0343) 421234", "Pak Budi (0343) ..."): kept redacted.
_OFFICE_WORDS = re.compile(
    r"(?i)(?<![^\W\d_])(?:posko|pengaduan|hotline|call\s?center|layanan|sekretariat|dinas|badan|kelurahan|"
    r"kecamatan|puskesmas|rsud|rs|rumah\s+sakit|polsek|polres|damkar|pemadam|pdam|pln|bpbd|dlh|dishub|upt|uptd|"
    r"pmi|ambulans|pemkot|pemkab|pemprov|kantor|samsat|kominfo|diskominfo|bpjs)"
    r"(?![^\W\d_])"
)
# Words that only an office's service line goes with, a mobile number's too ("WA Center: 0811-4300-112",
# "call center (031) 3095 112", "hotline pengaduan ..."): a line a person answers is never called so.
_SERVICE_WORDS = re.compile(
    r"(?i)(?<![^\W\d_])(?:posko|hotline|call\s?cent(?:er|re)|(?:wa|whatsapp|sms)\s+cent(?:er|re)|"
    r"kontak\s+resmi|nomor\s+(?:resmi|pengaduan|darurat|penting)|layanan\s+pengaduan)(?![^\W\d_])"
)
# "... 0813-2000-1500 (hotline Disdik)": the service word right after the number, in brackets
_SERVICE_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?:hotline|call\s?cent(?:er|re)|(?:wa|whatsapp|sms)\s+cent(?:er|re))(?![^\W\d_])", re.I
)
# "Info: (0251) 832 4111", "Informasi (0370) 640 774": a landline that an announcement gives for information
_INFO_CUE = re.compile(r"(?i)(?<![^\W\d_])(?:info|informasi)[ \t]*:?[ \t]*$")
_PERSON_WORDS = re.compile(
    r"(?i)(?<![^\W\d_])(?:saya|sy|aku|kami|rumah|rmh|pribadi|pak|bu|bpk|ibu|bapak|sdr|mas|mbak|a\.?\s?n|atas\s+nama|"
    r"pelapor|hp|wa|whatsapp|istri|suami|anak|ketua|rt|rw|warga)(?![^\W\d_])"
)
# A list's item: "- Pemadam kebakaran: (0335) 421 113", "2. PMI Jember: ..."
_ITEM = re.compile(r"[ \t]*(?:[-•*·▪]|\d{1,2}[.)])[ \t]+")


# People whose landline is their trade's: a shop's owner, a seller, a contractor
_OWNERS = frozenset("pemilik owner penjual pedagang sopir driver tukang kontraktor mandor pengelola juragan".split())


# A table's cell that holds a street address: in a directory of offices, the office's own (session 13)
_STREET_CELL = re.compile(r"(?i)[ \t]*(?:jl|jln|jalan)(?![^\W\d_])")


def _names_an_office(words: str) -> bool:
    """Whether `words` (a clause, a table's cell, a line) name an office: one of its words, or a word shaped
    like an agency's ("Disdukcapil", "BPBD")."""
    return _OFFICE_WORDS.search(words) is not None or _agency_in(words)


def _office_line(doc: _Doc, start: int, digits: str, end: int | None = None) -> bool:
    """Whether the number starting at `start` (ending at `end`) is an office's, by the words of its line."""
    landline = re.match(r"0[2-79]", digits) is not None  # 08.. and 628.. are mobiles; 09.. is Maluku's and Papua's
    line = doc.text[doc.text.rfind("\n", 0, start) + 1 : start]
    # the person is looked for in the sentence of the number, not in an earlier one ("Warga diminta waspada.
    # BPBD Kota Mataram siaga di (0370) ...")
    line = re.split(r"[.!?]\s", line)[-1]
    # a service's own words say nothing of a person ("WA Center" is no one's WhatsApp)
    plain = _SERVICE_WORDS.sub(" ", line)
    words = re.findall(r"[^\W\d_]+", plain.lower())
    if _PERSON_WORDS.search(plain) or any(w in _LEX.honorifics or w in _OWNERS for w in words):
        return False  # "Pemilik katering: ananda Danendra Sakha, 0328 333974"
    # the office is named in the clause right before the number ("BPBD Karawang (0267) ...", "DLH | (0711) 352
    # 017"), not somewhere earlier on the line ("Saya pegawai Dishub. Telp rumah (0343) ...")
    clause = re.split(r"[.,;]\s", line)[-1][-48:]
    if _SERVICE_WORDS.search(clause) or (end is not None and _SERVICE_AFTER.match(doc.text, end)):
        return True  # "Kontak posko: BPBD Karawang (0267) 8490 112", "WA Center: 0811 ...", "... (hotline Disdik)"
    # a table of offices and their numbers, the office in the cell right before it: "DLH | (0711) 352 017",
    # "2 | PMI Jember | (0331) 487 117", "BPBD Jember | 0811 3565 888"
    if "|" in line or "\t" in line:
        cells = [c for c in re.split(r"[|\t]", line) if c.strip()]
        whole = doc.text[doc.text.rfind("\n", 0, start) + 1 : start]
        row = [c for c in re.split(r"[|\t]", whole) if c.strip()]
        person = _PERSON_WORDS.search(whole) or any(
            w in _LEX.honorifics for w in re.findall(r"[^\W\d_]+", whole.lower())
        )
        if len(row) == 2 and _STREET_CELL.match(row[1]) and _names_an_office(row[0]) and not person:
            return True  # a directory's row, the office then its street: "RSUD Kota | Jl. Dr. Rivai No. 6 | (0721) ..."
        return bool(cells) and _names_an_office(cells[-1])
    if not landline:
        return False  # a mobile number is a person's, whoever answers it, unless a service's words say otherwise
    if _INFO_CUE.search(clause):
        return True  # "Info: (0251) 832 4111"
    # An office's word in running text ("BPBD Kota Mataram siaga di (0370) ...", "Pengaduan: (0231) ...") is not
    # enough: that rule, also when a colon ends the clause, cost two structured identifiers in a thousand on a
    # held-out half (corpus 3's, used to choose; session 9's note). A list of offices' numbers is: "- Pemadam
    # kebakaran: (0335) 421 113".
    item = _ITEM.match(line)
    if item and line.rstrip().endswith(":") and _names_an_office(line[item.end() :]):
        return True
    # an office's signature: the landline alone on its line under the office's name ("Diskominfo Kota Pasuruan
    # / (0343) 424 121")
    if not line.strip() and start > 0:
        above = doc.text[doc.text.rfind("\n", 0, start - 1) + 1 : start - 1].strip()
        return 0 < len(above.split()) <= 6 and not _PERSON_WORDS.search(above) and _names_an_office(above)
    return False


def _agency_in(line: str) -> bool:
    return any(_agency_like(w) for w in re.findall(r"[^\W\d_]+", line.lower()))


def _institutional(doc: _Doc, cand: _Candidate) -> bool:
    if cand.kind == "telepon":
        return _office_line(doc, cand.start, re.sub(r"\D", "", doc.text[cand.start : cand.end]), cand.end)
    if cand.kind not in ("rekening", "nomor"):  # an account or a customer's ID an institution holds
        return False
    if _INSTITUTION_HOLDER.match(doc.text, cand.end):
        return True
    clause = doc.text[max(0, cand.start - _CUE_WINDOW) : cand.start]
    return _INSTITUTION_ACCOUNT.search(clause.rsplit("\n", 1)[-1]) is not None


# Digits spelled out, as a voice note typed by the phone's dictation gives them: "nol delapan lima tujuh
# satu dua ...", "nomer saya nol delapan tujuh tujuh, lima empat satu dua, ...".
_DIGIT_WORDS = {
    "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6",
    "tujuh": "7", "delapan": "8", "lapan": "8", "sembilan": "9",
}  # fmt: skip


# A run of digits said one by one, digits typed among them: "nol delapan tujuh tujuh, lima empat ...", "nol
# delapan 12 3456 7890", a NIK read out "tiga lima tujuh lima ...". At least one digit is a word.
_DIGIT_WORD = r"(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|lapan|sembilan)"
_SPELLED_RUN = re.compile(
    rf"(?i)(?<![^\W_])(?:{_DIGIT_WORD}|\d+)(?:[ \t]*[,.\-]?[ \t]*(?:{_DIGIT_WORD}|\d+))+(?![^\W_])"
)
_SPELLED_DIGIT = re.compile(rf"(?i){_DIGIT_WORD}|\d+")
# Every spelled number this finds has nine digits or more (six after a customer's or a record's word; one of
# those with fewer than three of these words is missed), three of them at least digits other than 1 and 2
# (a phone starts "nol delapan", whatever is typed in digits after): a text with fewer of these words and no
# "nol" has none (counted on the lower-case text,
# far cheaper than the run's pattern, which most texts never need).
_SPELLED_HINTS = ("nol", "kosong", "lapan", "sembilan", "tujuh", "enam", "empat", "tiga", "lima")


# "nol satu nol tiga ..., maksudnya 01032245": a spelled number written again in digits right after it
_RESTATED = re.compile(
    r"(?i)[ \t]*[,(:\-]?[ \t]*(?:(?:maksudnya|maksud\s*nya|yaitu|yakni|atau|alias|jadi|artinya)[ \t]*:?[ \t]*)?"
    r"(?P<n>\d[\d \-.]*\d)"
)


def _spelled_numbers(doc: _Doc) -> list[_Candidate]:
    low = doc.low
    if "nol" not in low and "kosong" not in low and sum(low.count(w) for w in _SPELLED_HINTS) < 3:
        return []
    found: list[_Candidate] = []
    for m in _SPELLED_RUN.finditer(doc.text):
        parts = _SPELLED_DIGIT.findall(m.group())
        if all(p.isdigit() for p in parts):
            continue  # digits only: the digit runs' own rules
        digits = "".join(p if p.isdigit() else _DIGIT_WORDS[p.lower()] for p in parts)
        if len(digits) < 6:
            continue
        cue = _cue_before(doc, m.start())
        # a customer's or a record's number said digit by digit may be shorter than a phone's ("nomer pelanggan
        # pdam saya itu nol satu nol tiga dua dua empat lima")
        if len(digits) < (6 if cue in ("nomor", "pelanggan") else 9):
            continue
        kind = _number_kind(digits, digits, cue, False, False)
        if kind:
            found.append(_Candidate(kind, m.start(), m.end(), _priority(kind)))
            again = _RESTATED.match(doc.text, m.end())
            if again and re.sub(r"\D", "", again.group("n")) == digits:
                # "..., maksudnya 01032245": the same number written again in digits
                found.append(_Candidate(kind, again.start("n"), again.end("n"), _priority(kind)))
    return found


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
    start = groups[i][0]
    plus = doc.text[max(0, start - 2) : start].strip().endswith("+")
    cue = _cue_before(doc, start)  # the same for every length tried
    for j in range(len(groups) - 1, i - 1, -1):
        digits = "".join(doc.text[s:e] for s, e in groups[i : j + 1])
        if len(digits) > 20:
            continue
        kind = _number_kind(digits, doc.text[start : groups[j][1]], cue, plus, strict)
        if kind:
            return j, kind
    return None


def _priority(kind: str) -> int:
    return _P_PHONE if kind == "telepon" else _P_ID


# Numbers only companies and agencies have: toll-free 0800/0804/0807, and a big city's two-digit area code
# with a six-digit "500 xxx" or "1500 xxx" line (a household there has seven or eight digits after the area
# code; a small city's own six-digit lines, "0343-500522", are households' too)
_COMPANY_LINE = re.compile(r"080[047]\d{6,8}|0[2-9]\d1?500\d{3}")
# A year, then a separator: how registrations and references are numbered, never a card, an account or a phone
# (those start with 000, a bank's digits or 08/62)
_YEAR_HEAD = re.compile(r"20[0-4]\d[\-/]")
_NPWP_FORMAT = re.compile(r"\d{2}\.\d{3}\.\d{3}\.\d[.\-]\d{3}\.\d{3}")


def _number_kind(digits: str, shown: str, cue: str | None, plus: bool, strict: bool) -> str | None:
    """What a run of digits is, from its length, its shape and the cue word before it."""
    n = len(digits)
    if cue == "nomor" and 5 <= n <= 20 and not (n >= 11 and digits.startswith("08") and _is_phone(digits, plus)):
        # a medical record's, a student's or a member's number; not a registration headed by its year
        return None if n <= 12 and _YEAR_HEAD.match(shown) else "nomor"
    if digits[0] == "1" and n <= 8 or _COMPANY_LINE.fullmatch(digits):
        return None  # a call centre ("1500-112", "14045", "021-500-454", "0800-1-123456"): a company's, no person's
    phone = _is_phone(digits, plus)
    if cue == "telepon" and (phone or 7 <= n <= 14):
        return "telepon"
    if cue in ("nik", "kk") and 14 <= n <= 18:
        return cue
    if cue == "npwp" and 14 <= n <= 16:
        return "npwp"
    if (cue == "bpjs" and n < 16 or cue is None and n <= 12) and _YEAR_HEAD.match(shown):
        return None  # "no peserta 2026-0113-0421": a registration or reference number headed by its year
    if cue == "bpjs" and 10 <= n <= 16:
        return "nik" if n == 16 else "bpjs"
    if cue == "paspor" and 7 <= n <= 12:
        return "paspor"  # a foreign passport may be digits only ("75 4418230")
    if cue == "rekening" and 6 <= n <= 20 and not (phone and n >= 11 and digits.startswith("08")):
        return "rekening"
    if cue == "pelanggan" and 6 <= n <= 20 and not (phone and n >= 11 and digits.startswith("08")):
        return "nomor"
    if n == 18 and (cue == "nip" or _nip_shaped(digits)):
        return "nip"
    if phone:
        return "telepon"
    if n == 16:
        return "nik"
    if n == 15 and (_NPWP_FORMAT.fullmatch(shown) or _npwp_valid(digits)):
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


def _nip_shaped(digits: str) -> bool:
    """An 18-digit number laid out as a NIP is: birth date (YYYYMMDD), the year and month of appointment
    (YYYYMM), sex (1 or 2), a serial of three digits."""
    born, month, appointed, appointed_month = int(digits[:4]), int(digits[4:6]), int(digits[8:12]), int(digits[12:14])
    return (
        1940 <= born <= 2010
        and 1 <= month <= 12
        and 1 <= int(digits[6:8]) <= 31
        and born + 17 <= appointed <= 2040
        and 1 <= appointed_month <= 12
        and digits[14] in "12"
    )


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


# What the matcher accepts below has at least 8 digits (a valid Indonesian number has 7 or more
# after the leading 0 or 62), separated by at most four punctuation characters ("x" among them):
# a text without such a run has nothing for it, and the matcher is slow.
_PHONE_LIKE = re.compile(r"\d(?:[^\dA-Za-wyz]{0,4}\d){6}")


def _phone_matcher(doc: _Doc) -> list[_Candidate]:
    """phonenumbers' own matcher, for formats the digit runs above do not join up."""
    if not _PHONE_LIKE.search(doc.text):
        return []
    found = []
    for m in phone_matches(doc.text):
        raw = m.raw_string.lstrip("(").lstrip()
        if not raw.startswith(("0", "+", "62")) or _overlaps(m.start, m.end, doc.numeric):
            continue
        digits = re.sub(r"\D", "", m.raw_string)
        if _COMPANY_LINE.fullmatch(digits):
            continue
        if _is_phone(digits, raw.startswith("+") and not digits.startswith("62")) or raw.startswith("+62"):
            unbalanced = m.raw_string.startswith("(") and ")" not in m.raw_string  # "(0857-3344-2211)"
            if _office_line(doc, m.start, digits, m.end):
                continue  # "DLH | (0711) 352 017": an office's landline
            found.append(_Candidate("telepon", m.start + unbalanced, m.end, _P_PHONE))
    return found


_PASSPORT_CUED = re.compile(r"(?<![\w])[A-Za-z]{1,2}\s?\d{6,8}(?![\w])")
_PASSPORT_SHAPE = re.compile(r"(?<![\w])(?:[A-Z] ?|[a-z])\d{7}(?![\w])")


_DIGIT_RUN = re.compile(r"\d+")
_ASCII_LETTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _may_hold_passport(doc: _Doc) -> bool:
    """Whether a run of digits may end a passport's number: six to eight digits (no more: no digit may follow
    a match) right after an ASCII letter, or after a letter and a space. Every match of _PASSPORT_CUED and
    _PASSPORT_SHAPE ends with such a run, and a run of digits after a letter or a space starts one of the
    document's numbers."""
    text = doc.text
    for at, head in doc.starts("number"):
        if len(head) == 4 and head.isdigit() and at > 0:
            before = text[at - 1]
            if before in _ASCII_LETTER or before.isspace() and at > 1 and text[at - 2] in _ASCII_LETTER:
                run = _DIGIT_RUN.match(text, at)
                if run and 6 <= run.end() - at <= 8:
                    return True
    return False


def _passports(doc: _Doc) -> list[_Candidate]:
    found = _mixed_passports(doc)
    if engine.FAST and not _may_hold_passport(doc):
        return found  # most texts: no letter then six digits or more
    found += [_Candidate("paspor", m.start(), m.end(), _P_ID) for m in _PASSPORT_SHAPE.finditer(doc.text)]
    for m in _PASSPORT_CUED.finditer(doc.text):
        if _cue_before(doc, m.start()) == "paspor":
            found.append(_Candidate("paspor", m.start(), m.end(), _P_ID))
    return found


# A foreign passport's number of letters and digits mixed ("C7T4K2901", a German one), which no shape tells
# from a code: taken only after the passport's cue word, or in a passports' column
_PASSPORT_MIXED = re.compile(r"(?<![\w])(?=[A-Z0-9]{8,9}(?![\w]))(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{8,9}(?![\w])")


def _mixed_passports(doc: _Doc) -> list[_Candidate]:
    if not any(cue in doc.low for cue in ("pasp", "passp")):
        return []  # no passport's cue word: nothing to look for (the cue words are spelled with one of these)
    found = []
    for m in _PASSPORT_MIXED.finditer(doc.text):
        digits = sum(c.isdigit() for c in m.group())
        if digits >= 4 and not _PASSPORT_CUED.fullmatch(m.group()) and _cue_before(doc, m.start()) == "paspor":
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
_AFTER_NUMBER_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:no|nomor|nmr|nomer)\.?\s?:?\s?$")
_PLATE_NUMBER = re.compile(r"(?i)(?<![^\W\d_])(?:plat|pelat|tnkb)\s?(?:no|nomor|nmr)\.?\s?:?\s?$")
_VEHICLE = re.compile(
    r"(?i)nopol|no\.?\s*pol|plat|pelat|nomor\s+polisi|motor|mobil|kendaraan|truk|truck|pick\s?up|angkot|bus|avanza|"
    r"xenia|innova|honda|yamaha|vario|beat|mio|nmax|ojol|ojek|parkir|tilang|knalpot|pengendara|sepeda|bak\s+terbuka|"
    # the public transport and vehicles of every region: "petepete" (Makassar), "bentor", "mikrolet", "oplet"
    r"pete-?pete|bentor|becak|bajaj|bemo|mikrolet|oplet|taksi|taxi|travel|elf|damri|kopaja|metromini|sopir|supir|"
    r"gocar|grabcar|grab|gojek|maxim|brio|jazz|ertiga|fortuner|pajero|carry|pikap|dump|tronton|trailer"
)


def _plates(doc: _Doc) -> list[_Candidate]:
    found: list[_Candidate] = []
    if engine.FAST and not doc.starts("number"):
        return found  # every plate has digits
    for m in _PLATE.finditer(doc.text):
        region, suffix = m.group("r"), m.group("s")
        if doc.text[m.start() - 1 : m.start()] == "-" or re.match(r"-\w", doc.text[m.end() : m.end() + 2]):
            continue  # inside a longer code: the report number "MKS-K4CU-3UYQ"
        before = max(0, m.start() - 14)
        strong = region.isupper() and suffix.isupper() and len(m.group("n")) >= 3 and len(suffix) >= 2
        if region.upper() not in _PLATE_REGIONS or (
            _NOT_BEFORE_PLATE.search(doc.text, before, m.start())
            and not _PLATE_NUMBER.search(doc.text, before, m.start())
            # "nomor DD 1429 KB": a plate's full shape after "nomor" is the plate, not a house number
            and not (strong and _AFTER_NUMBER_WORD.search(doc.text, before, m.start()))
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
