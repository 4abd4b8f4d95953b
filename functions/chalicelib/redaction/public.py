"""Public names that must survive: streets, agencies, facilities, places, known phrases, URLs.

"Jl. KH. Ahmad Dahlan", "RSUD dr. R. Soedarsono", "Masjid KH Hasyim Asy'ari" contain people's names
but name a public thing; these spans are never redacted as names. The work is deciding where such a
name ends ("staf Dispendukcapil Khodijah": the agency ends before the person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from . import engine, english_text, startcache
from .context import AFTER_NAME
from .document import _Doc, _overlaps, _Scan, _Span, _Token, needs
from .lexicon import _AFFIXED, _FUNCTION_WORDS, _FUZZY_CUES, _LEX, _LOCATIVE, _agency_like, _is_role, _is_word
from .name_shapes import person_shaped
from .quantities import _MONTH, _UNITS


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


_PUBLIC_PHRASES = startcache.remembered_pattern(
    [Path(__file__).read_bytes(), *_LEX.places, "\x00", *_LEX.phrases],
    lambda: _phrase_regex(_LEX.places + _LEX.phrases),
)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|sch\.id|desa\.id)\b\S*",
    re.IGNORECASE,
)
# Every match holds "://", "www." or ".id" in any case (the second alternative tries [\w-]+ at every word of
# the text, and most texts have no address at all). Outside ASCII a letter may match another case-insensitively
# ("ı" is an "i" to the pattern), and the pattern's own pieces are looked for.
_URL_NEED = re.compile(r"(?i)https?://|www\.|\.(?:go|co|ac|or|sch|desa)\.id")


def _may_hold_url(text: str) -> bool:
    if "://" in text:
        return True
    if text.isascii():
        low = text.lower()
        return "www." in low or ".id" in low
    return _URL_NEED.search(text) is not None


needs(_URL, _may_hold_url)
# Institutions whose names are often Arabic words or people's names: "MI Nurul Huda", "GOR Untung Suropati".
_NAMED_OPENERS = frozenset(
    "taman jembatan monumen tugu museum paroki stasi batu sei tanjung kuala muara ujung lumban huta aek labuhan "
    "perum perumahan griya komplek kompleks villa residence graha masjid mesjid musholla mushola musala langgar "
    "surau mi min mis mts mtsn ma man pondok ponpes pesantren yayasan tpq madrasah gereja rsud rs rsu rsia gor "
    # "Rumah Sakit Immanuel", "Pelabuhan Slamet Riyadi", "Kelompok Tani Sri Makmur", "Baitul Mal ..." (only
    # capitalised: see _PROPER_NAMED)
    "sakit pelabuhan terminal tani nelayan baitul komunitas patung gapura arca situs prasasti "
    "lapangan stadion universitas univ uin iain sd sdn smp smpn sma sman smk smkn tk rsup rsj bandara istana katedral "
    "klenteng kelenteng vihara pura gki gkjw gpdi gbi panti asuhan lanud lanal lantamal korem kodam yonif benteng "
    "keraton kraton kapel mushalla mushala kri kmp hkbp gkpi gmim gpib gkps gbkp gpm gmit gkst gkj gks".split()
)
# Mosques, pesantren and churches are often named after people ("Masjid KH Hasyim Asy'ari").
_RELIGIOUS_OPENERS = frozenset(
    "masjid mesjid musholla mushola musala langgar surau pondok ponpes pesantren yayasan tpq gereja klenteng "
    "kelenteng vihara pura gki gkjw gpdi gbi mi min mis mts mtsn madrasah paroki stasi"
    # the churches of Sumatra, Sulawesi, Maluku and NTT by their short names ("GPIB Immanuel", "GPM Silo")
    " hkbp gkpi gmim gpib gkps gbkp gpm gmit gkst gkj gks jemaat".split()
)
# Places named after people as a rule: "Stadion Lukas Enembe", "RSUD Abdul Wahab Sjahranie", "Lapangan
# Puputan Badung I Gusti Ngurah Made Agung", "UIN Syarif Hidayatullah", "Bandara Abdul Rachman Saleh".
# Openers that go on with a person's name only when written as a proper name, capitalised in a mixed-case
# text: "Kelompok Tani Sri Makmur" but "ketua kelompok tani Slamet", "petugas terminal Sarno"
_PROPER_NAMED = frozenset(
    "sakit pelabuhan terminal tani nelayan baitul komunitas patung gapura arca situs prasasti".split()
)
_MEMORIAL_OPENERS = _RELIGIOUS_OPENERS | frozenset(
    "stadion gor bandara rsud rsup rsu rs rsj rsia universitas univ uin iain lapangan istana katedral makam "
    # monuments, parks and works named after heroes: "Taman Kartini", "Jembatan Soekarno", "Gedung Juang"
    "taman jembatan gedung monumen tugu museum perpustakaan waduk bendungan pelabuhan terminal paroki stasi"
    # bases, barracks, forts and homes named after heroes and founders: "Lanud Abdulrachman Saleh", "Panti
    # Asuhan Budi Mulia", "Benteng Van der Wijck"
    " panti asuhan lanud lanal lantamal korem kodam yonif benteng keraton kraton kri"
    # statues, gates and sites: "Patung Sudirman", "Gapura Sultan Agung", "Situs Raja Purnawarman"
    " patung gapura arca situs prasasti".split()
)
_SAINTS = frozenset("santo santa sto".split())
# Forms of address inside a hero's name, after his title ("Jl. KH Mas Mansyur", "Jl. R. Mas Said"); never
# "pak" or "bu", which start the person after a street ("jl. dr. soetomo pak budi")
_HEROES_HONOURED = frozenset("mas ki nyi raden teuku tuanku syekh cut".split())
_HEROES = frozenset("bung sunan pangeran sultan".split())
# Acronyms that open a name even in lower case inside a mixed-case text ("di mi darul ulum"); not
# "min" (admin), "ma" (mother) or "man".
_LOWER_CASE_OPENERS = frozenset(
    "mi mts sd smp sma smk tk rs rsu gor tpa tps tpu kua kel kec ds dsn kp sdk smpk smak".split()
)
_CONNECTORS = frozenset("dan & al el an ar as at ad asy ash ath az bin de van der".split())


# Greetings, in any spelling chat gives them: "slamat sore" ("Slamat" is also a name), "met pagi",
# "Dear Sir/Madam", "Om Swastiastu"; and in the region's own languages, whose first word is often a name
# too: Javanese "Sugeng enjing", "Sugeng rawuh", Sundanese "Wilujeng enjing", "Sampurasun"; and the salutes
# of a letter or a faith: "Salam Pancasila", "Om Shanti Shanti Shanti Om", "Namo Buddhaya" (not "Salam
# Rahayu", "Salam Lestari": names too); "TTD" (signed) under a closing.
_GREETING = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:s(?:e|a)?lamat|met|slmt)[ \t]+(?:pagi|siang|sore|malam|mlm|pg|sing)"
    r"|dear[ \t]+(?:sir|madam|sirs|all)(?:[ \t]*/[ \t]*madam)?|om[ \t]+swast[iy]+astu"
    r"|om[ \t]+(?:shanti|santi)(?:[ \t]+(?:shanti|santi)){1,2}(?:[ \t]+om)?|om[ \t]+(?:shanti|santi)[ \t]+om"
    r"|(?:matur[ \t]+)?suksma"
    r"|sugeng[ \t]+(?:enjing|injing|pagi|siang|sonten|sore|dalu|ndalu|rawuh|tindak|riyadi|ambal[ \t]+warsa)"
    r"|wilujeng[ \t]+(?:enjing|siang|sonten|wengi|sumping|tepang|angkat)|sampurasun|rampes"
    r"|salam[ \t]+(?:pancasila|sejahtera|satu[ \t]+jiwa|hangat|kenal|sehat|budaya|hormat)"
    r"|namo[ \t]+buddhaya|t\.?t\.?d)(?![^\W\d_])"
)
# A greeting starts a word: tried only where one of its first letters does (as a whole-text search it cost
# more than any other public pattern)
_GREETING_SCAN = _Scan(_GREETING, "word")


# The short forms of a late person's word, written before a name with a period ("Alm.", "Almh."); the
# lexicon's titles ("dr.", "H.", "Pdt.") and honorifics ("Bpk.", "Sdr.") are the others
_LATE = frozenset({"alm", "almh"})


def _greets(text: str, m: re.Match[str]) -> bool:
    """A greeting whose first word is also a name ("Sugeng", "Wilujeng") greets only where a sentence
    starts: "Pak Sugeng pagi tadi datang" names Sugeng."""
    if m.group()[:3].lower() not in ("sug", "wil"):
        return True
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\"'(")
    if before.endswith("."):
        # the period of an honorific's short form does not end a sentence: "pelapor (Bpk. Sugeng Riyadi)"
        word = re.search(r"([^\W\d_]+)\.$", text[max(0, m.start() - 12) : m.start()].rstrip(" \t\"'("))
        low = word.group(1).lower() if word else ""
        if low in _LEX.honorifics or low in _LEX.titles or low in _LATE:
            return False
    return not before or not before[-1].isalnum()


# Words that open the name of a place only as part of a proper name, capitalised and followed by one: "Kota
# Ambon", "Kabupaten Aceh Besar", "Negeri Soya" (a village of Maluku), "Distrik Wamena Kota" (Papua), "Lamin
# Long Bagun" (a Dayak longhouse); not "di kota ini", "pegawai negeri".
_PROPER_OPENERS = frozenset("kota kabupaten negeri distrik lamin".split()) | frozenset(
    # the heads of place names made of land and water ("Batu Aji", "Sei Sikambing", "Tanjung Priok", "Kuala
    # Tungkal", "Muara Enim", "Ujung Gurun", "Lumban Siagian", "Aek Natas"): a person's name may follow them
    "batu sei tanjung kuala muara ujung lumban huta aek labuhan".split()
    # and of Java's and Sunda's ("Kedung Cowek", "Rawa Belong", "Tambak Wedi", "Pulo Gadung", "Pasir Impun")
    + "kedung rawa tambak pulo ranca lubuk koto".split()
)
_GEOGRAPHIC = frozenset(
    "batu sei tanjung kuala muara ujung lumban huta aek labuhan sungai pulau teluk bukit kedung rawa tambak pulo "
    "ranca lubuk koto".split()
)


def _proper_opener(doc: _Doc, i: int) -> bool:
    tokens = doc.tokens
    if i + 1 >= len(tokens) or doc.text[tokens[i].end : tokens[i + 1].start] != " ":
        return False
    prev = tokens[i - 1] if i else None
    if prev and prev.low in _LEX.honorifics:
        return False  # "pak Tanjung Budi": after an honorific the word opens a person's name
    if prev and tokens[i].low in _GEOGRAPHIC and doc.text[prev.end : tokens[i].start] == " ":
        if _is_role(prev.low):
            return False  # "petugas Tanjung Wibowo"
        if (prev.cap or doc.mode != "mixed") and not _is_word(prev.low) and prev.low not in _REGION_OPENERS:
            return False  # "Sintua Anton Lumban Gaol": a Batak clan name after the given name
    if doc.mode != "mixed":
        return doc.mode != "lower"
    nxt = tokens[i + 1]
    return tokens[i].cap and nxt.cap and nxt.low not in _LEX.honorifics and nxt.low not in _STOP_PUBLIC


# Where and when a letter was written, on a line of its own: "Ambon, 13 Maret 2026", "Marengan Daya, 20
# November 2026". The place is a town, not the writer.
_PLACE_DATE = re.compile(
    rf"(?m)^[ \t]*(?P<place>[A-Z][\w'\-]*(?:[ \t][A-Z][\w'\-]*){{0,2}}),[ \t]*\d{{1,2}}[ \t]+{_MONTH}\b",
)
needs(_PLACE_DATE, lambda text: "," in text)
# The labels of a header or a schedule at the start of a line, before a colon: "From:", "Subject:", "Isi:",
# "Senin: blok A". The value after it may be a person; the label is not.
_LINE_LABEL = re.compile(
    r"(?im)^[ \t>*\-]*(?P<label>from|to|cc|bcc|subject|date|sent|dari|kepada|perihal|hal|isi|lampiran|tanggal|tgl"
    r"|senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)(?=[ \t]*:)"
)
needs(_LINE_LABEL, lambda text: ":" in text)


# A route between two places: "bus Suroboyo rute Purabaya-Rajawali", "kapal motor Tulehu-Masohi".
# Looked for only after one of the words that name a route or a vessel, found where words start.
_ROUTE_WORD = _Scan(
    re.compile(
        r"(?i)(?<![^\W\d_])(?:rute|trayek|jurusan|lintasan|kapal|motor|speedboat|bus|angkot|travel|kereta|feri|ferry)[ \t]+"
    ),
    "word",
)
_ROUTE = re.compile(r"[A-Z][\w']+(?:[ \t][A-Z][\w']+)?[ \t]?-[ \t]?[A-Z][\w']+(?:[ \t][A-Z][\w']+)?")


def _routes(doc: _Doc) -> list[_Span]:
    if "-" not in doc.text:
        return []
    found = (_ROUTE.match(doc.text, m.end()) for m in _ROUTE_WORD.finditer(doc))
    return [_Span(m.start(), m.end()) for m in found if m]


_CALENDAR_PARTS = ("legi", "pahing", " pon", "wage", "kliwon", "ramad", "syawal", "rajab", "muhar", "safar", "\tpon",
                   "syaban", "sya'ban", "rabi", "jumadil", "dzul", "zulhij")  # fmt: skip
# The Javanese market days after a weekday ("Jumat Kliwon", "Sabtu Pahing") and the months of the Islamic
# year after "bulan" or a day's number ("bulan Ramadhan", "10 Muharram"): a date, though "Kliwon" and
# "Ramadhan" are names too
_CALENDAR = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)[ \t]+(?:legi|pahing|pon|wage|kliwon)"
    r"|(?:bulan|awal|akhir|pertengahan|puasa|\d{1,2})[ \t]+(?:ramadh?an|syawal|rajab|muharr?am|safar|sya'?ban|"
    r"rabi'?ul[ \t]+(?:awal|akhir)|jumadil[ \t]+(?:awal|akhir)|dzul(?:q[ao]'?idah|hijjah)|zulhijjah))(?![^\W\d_])"
)


def _may_hold_calendar(text: str) -> bool:
    """Whether the text holds a piece of every _CALENDAR match: one lower() of it (not one per piece), and
    "syaban"/"sya'ban" rather than "sya", which "masyarakat" and "syarat" hold (the pattern is slow to try)."""
    if not text.isascii():
        return True  # ignoring case, the pattern's "i" is also "\u0131" and "\u0130": left to the pattern
    low = text.lower()
    return any(part in low for part in _CALENDAR_PARTS)


needs(_CALENDAR, _may_hold_calendar)
# A hashtag is a slogan or a campaign, never a person's name: "#KapuasHuluMembangun", "#sumutbutuhjalan"
_HASHTAG = re.compile(r"(?<![\w&])#[^\W\d_][\w]*")
needs(_HASHTAG, lambda text: "#" in text)


def _names_someone(hashtag: str) -> bool:
    """Whether a hashtag holds a listed person's name ("#JusticeForAudrey", "#savebudi"): left to the names."""
    pieces = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", hashtag[1:])
    if len(pieces) <= 1:
        low = hashtag[1:].lower()
        pieces = [low[k:] for k in range(len(low) - 2)]  # any name it ends with ("savebudi")
    return any(p.lower() in _LEX.names and p.lower() not in _LEX.common for p in pieces)


# Every word that may open a street's or a facility's name in _public_spans: a street or facility opener, the
# first word of a two-word one ("rumah sakit"), a capitalised opener, a proper opener
_ANY_OPENER = (
    _LEX.street_openers
    | _LEX.facility_openers
    | {w.split(" ")[0] for w in _LEX.facility_openers if " " in w}
    | _LEX.capital_openers
    | _PROPER_OPENERS
)


def _public_spans(doc: _Doc) -> list[_Span]:
    spans = list(doc.phrases)
    spans += [_Span(m.start(), m.end()) for m in doc.found(_HASHTAG) if not _names_someone(m.group())]
    spans += [_Span(m.start(), m.end()) for m in doc.found(_CALENDAR)]
    spans += [_Span(m.start(), m.end()) for m in doc.found(_URL)]
    spans += [_Span(m.start(), m.end()) for m in _GREETING_SCAN.finditer(doc) if _greets(doc.text, m)]
    spans += [_Span(m.start("place"), m.end("place")) for m in doc.found(_PLACE_DATE)]
    spans += [_Span(m.start("label"), m.end("label")) for m in doc.found(_LINE_LABEL)]
    spans += _routes(doc)
    tokens = doc.tokens
    openers = _ANY_OPENER if engine.FAST else None
    for i, tok in enumerate(tokens):
        if openers is not None and tok.low not in openers:
            continue  # opens no street or facility, whatever follows (most words)
        if tok.text == "man" and english_text.is_english(doc, i):
            continue  # "a man named komang": the English word, not a madrasah (MAN)
        pair = f"{tok.low} {tokens[i + 1].low}" if i + 1 < len(tokens) else ""
        last = i + 1 if pair in _LEX.facility_openers else i
        street = tok.low in _LEX.street_openers
        following = tokens[i + 1].low if i + 1 < len(tokens) else ""
        plain_next = following not in _LEX.common and following not in _LEX.names and following != ""
        lower_ok = doc.mode != "mixed" or (
            tok.low in _LOWER_CASE_OPENERS and (plain_next or _gone_to(doc, i) and not tokens[i + 1].cap)
        )
        capital = tok.low in _LEX.capital_openers and (tok.text.isupper() or lower_ok)
        facility = last > i or tok.low in _LEX.facility_openers or capital
        facility = facility or tok.low in _PROPER_OPENERS and _proper_opener(doc, i)
        if street or facility:
            end = _public_continuation(doc, last, street)
            if end == tok.end and not street and _named_alone(doc, i):
                continue  # "pemiliknya Pak Gunung.", "3. Angkasa Gunung": a person, not a mountain
            spans.append(_Span(tok.start, end))
    return spans


# Words after which a facility is where someone goes or is: "dibawa ke rs wahidin", "dirawat di sd kartini"
_TO_A_PLACE = frozenset("ke di dari depan dekat samping belakang".split())


def _gone_to(doc: _Doc, i: int) -> bool:
    """Whether the lower-case facility acronym at token i ("rs", "sd") follows a word of place and is followed by
    a lower-case word: in a mixed-case text that word is the facility's own name even when it is a person's
    ("dibawa ke rs wahidin", "sekolah di smp budi utomo"): a person right after "ke rs" would need a word
    between ("ke rs sama budi"). Not where what follows the word is what follows a person ("di sd budi bilang",
    "di rs budi udah pulang"): chat leaves out the comma before a person."""
    tokens = doc.tokens
    if not (
        0 < i < len(tokens) - 1
        and tokens[i - 1].low in _TO_A_PLACE
        and doc.text[tokens[i - 1].end : tokens[i].start] == " "
        and doc.text[tokens[i].end : tokens[i + 1].start] == " "
    ):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if after is None or doc.text[tokens[i + 1].end : after.start] != " ":
        return True
    return after.low not in AFTER_NAME and not _AFFIXED.match(after.low)


def _named_alone(doc: _Doc, i: int) -> bool:
    """Whether an opener with nothing after it ("Gunung", "Bukit") is a person's name: after an
    honorific or a name word, capitalised in a mixed-case text."""
    tokens = doc.tokens
    if i == 0 or doc.text[tokens[i - 1].end : tokens[i].start] != " " or _agency_like(tokens[i].low):
        return False  # "Ibu Pimpinan Dukcapil": an agency
    prev = tokens[i - 1].low
    capitalised = tokens[i].cap and not tokens[i].acronym if doc.mode == "mixed" else True
    # "Mas Damai Gunung": the second word of a name after an honorific
    second = i > 1 and tokens[i - 2].low in _LEX.honorifics and doc.text[tokens[i - 2].end : tokens[i - 1].start] == " "
    named = prev in _LEX.names or second and prev not in _LEX.honorifics and prev not in _FUNCTION_WORDS
    named = named and not _is_role(prev)
    return capitalised and (prev in _LEX.honorifics or named and (tokens[i - 1].cap or doc.mode != "mixed"))


def _public_continuation(doc: _Doc, i: int, street: bool) -> int:
    """Where the name of a street or facility opened by token i ends."""
    tokens = doc.tokens
    end, after_rank = tokens[i].end, False
    opener = tokens[i].low
    region = opener in _REGION_OPENERS
    agency = not street and opener not in ("pdam", "perumda") and (_agency_like(opener) or opener in _AGENCY_OPENERS)
    agency = agency and not region  # "Distrik Wamena Kota" is shaped like "Dishub" but is a place
    for j in range(i + 1, min(i + 8, len(tokens))):
        if not _public_gap(doc, j, street):
            break
        if region and j >= i + 2 and not _place_part(doc, j) and not _place_tail(doc, j):
            break  # "Kelurahan Kauman Rukayah": a kelurahan's name is a word or two
        if not street and tokens[j].low == "perwakilan" and _public_gap(doc, j, street):
            end = tokens[j].end  # "Ombudsman RI Perwakilan Maluku": the office of the agency, not a person's role
            continue
        if agency and not _agency_part(doc, j, i):
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
    "kelurahan kel desa ds kecamatan kec dusun dsn kampung kp dukuh lingkungan daerah wilayah kawasan gampong nagari "
    "jorong lembang banjar kota kabupaten negeri distrik lamin".split()
)
# The words that open a village's or a hamlet's name (not "Kota", which also ends one: "Pasuruan Kota Nurul")
_VILLAGE_WORDS = frozenset("kelurahan desa dusun kampung dukuh gampong nagari jorong banjar".split())
_AGENCY_OPENERS = frozenset(
    "dlh bpbd bappeda bapenda bpkad bpn kemenag samsat dprd dukcapil pemkot pemkab pemprov polres polresta polsek "
    "polda kodim koramil inspektorat kpp ulp up3 imigrasi bri bni bca btn bsi pemko polrestabes kejari kejati".split()
)
# Agencies whose name goes on with the city or district they serve: "Polres Jayapura Kota", "Polsek
# Tarogong Kidul", "Pemko Bukittinggi", "Ombudsman RI Perwakilan Maluku"
_PLACED_AGENCIES = frozenset(
    "polres polresta polrestabes polsek polda pemkot pemko pemkab pemprov kejari kejati kodim koramil samsat "
    "kemenag bpn kpp imigrasi ombudsman perwakilan pengadilan kejaksaan dprd kpu kpud bawaslu".split()
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


_ROMAN = re.compile(r"[ivx]{1,4}")


def _place_tail(doc: _Doc, j: int) -> bool:
    """A third word that goes on with the name of a place: a letter or numeral ("Kelurahan Sei Sikambing B",
    "Desa Tanjung Rejo II") or a capitalised word that no list knows as a person's name nor as an ordinary
    word ("Kelurahan Alai Parak Kopi" goes on, "Kelurahan Kauman Rukayah" does not)."""
    tok = doc.tokens[j]
    if doc.tokens[j - 1].low in _GEOGRAPHIC and (tok.cap or doc.mode != "mixed") and not _is_role(tok.low):
        return True  # "Desa Lumban Siagian", "Kelurahan Sei Sikambing"
    if len(tok.text) == 1 and tok.text.isupper() or tok.text.isupper() and _ROMAN.fullmatch(tok.low):
        if doc.mode == "mixed":
            return doc.text[tok.end : tok.end + 1] != "."  # "B" but not the initial "B." of a person
    if doc.mode == "lower" or doc.mode == "mixed" and (not tok.cap or tok.acronym):
        return False  # in lower case an unknown word is as often a slip of the keyboard
    low = tok.low
    unknown = low not in _LEX.names and not _is_word(low)  # not "Menurut" of "Kel. Bugul Lor Menurut Karjo"
    return unknown and low not in _LEX.honorifics and not _is_role(low)


def _place_part(doc: _Doc, j: int) -> bool:
    tok = doc.tokens[j]
    return tok.low in _PLACE_PARTS or _overlaps(tok.start, tok.end, doc.phrases)


def _agency_part(doc: _Doc, j: int, i: int | None = None) -> bool:
    """Whether token j goes on with the agency's name (opened by token i)."""
    tok = doc.tokens[j]
    prev = doc.tokens[j - 1].low
    return (
        _placed(doc, i, j)
        or tok.low in _AGENCY_PARTS
        or _overlaps(tok.start, tok.end, doc.phrases)
        or (tok.acronym and len(tok.text) <= 5)
        or (prev in ("kota", "kabupaten", "kab", "provinsi", "prov") and tok.cap)  # "BPBD Kota Malang"
        or (prev in ("unit", "cabang", "kcp", "kc") and (tok.cap or doc.mode != "mixed"))  # "BRI Unit Bugul"
    )


def _place_word(doc: _Doc, tok: _Token) -> bool:
    """A word that may name a place: capitalised (in a mixed-case text), and no list's person's name."""
    capitalised = tok.cap and not tok.acronym if doc.mode == "mixed" else True
    return capitalised and (tok.low not in _LEX.names or tok.low in _LEX.common) and not _is_role(tok.low)


def _placed(doc: _Doc, i: int | None, j: int) -> bool:
    """'Polres Jayapura Kota', 'Ombudsman RI Perwakilan Maluku': within two words of an agency that serves
    a place ("Polres", "Perwakilan"), a capitalised word that no list knows as a person's name is the place."""
    if i is None:
        return False
    tokens = doc.tokens
    opener = next((k for k in range(j - 1, max(i, j - 3) - 1, -1) if tokens[k].low in _PLACED_AGENCIES), None)
    if opener is None:
        return False
    return _place_word(doc, tokens[j])


_FACILITY_NUMBER = re.compile(rf"\s{{0,2}}\d{{1,3}}(?![\d.,:/])(?!\s?(?:{_UNITS})\b)", re.IGNORECASE)


_STREET_GAP = re.compile(r"[\s.'\-/]{0,3}[\s.'\-]{0,3}")
_FACILITY_GAP = re.compile(r"[\s.'\-/]{0,3}(?:\d{1,3}\s*)?[\s.'\-]{0,3}")


def _public_gap(doc: _Doc, j: int, street: bool) -> bool:
    """Whether what separates tokens j-1 and j can be inside one street or facility name."""
    prev, tok = doc.tokens[j - 1], doc.tokens[j]
    gap = doc.text[prev.end : tok.start]
    gap_shape = _STREET_GAP if street else _FACILITY_GAP  # "SMPN 2 Pasuruan": a number inside a facility's name
    if "\n" in gap or not gap_shape.fullmatch(gap) or (not street and "/" in gap):
        return False
    if any(c.isdigit() for c in gap) and not _overlaps(tok.start, tok.end, doc.phrases):
        # "SDN Tembokrejo 3 Asep Nugroho": after the number only a place ("SMPN 2 Pasuruan"); after "Negeri 3"
        # the place the school is in ("SD Negeri 3 Dauh Puri", "SMP Negeri 1 Tellu Siattinge")
        if prev.low not in ("negeri", "swasta") or not _place_word(doc, tok):
            return False
    # A dot ends the name ("DLH. H. Theresia...") unless it marks an abbreviation: "Jl. Dr. Sutomo",
    # "RSUD dr. R. Soedarsono", "Jl. WR. Supratman".
    abbreviation = (
        prev.low in _LEX.ranks or prev.low in _ABBREVIATED or len(prev.low) == 1 or (street and len(prev.low) <= 3)
    )
    return "." not in gap or abbreviation


def _public_step(doc: _Doc, i: int, j: int, street: bool, after_rank: bool) -> str | None:
    """How token j goes on with the name opened by token i: "rank", "word", or None (it ends)."""
    tokens, tok, opener = doc.tokens, doc.tokens[j], doc.tokens[i].low
    if not street and j + 1 < len(tokens) and doc.text[tok.end : tokens[j + 1].start] == " ":
        # "SMP YPPK Santo Paulus", "Stadion Gelora Bung Tomo", "Makam Bung Karno": a saint's or a hero's
        # title inside the name of a public place, not a person
        if tok.low in _SAINTS or tok.low in _HEROES and opener in _MEMORIAL_OPENERS:
            return "rank"
    if street and after_rank and tok.low in _HEROES_HONOURED:
        return "word"  # "Jl. KH Mas Mansyur": a hero's honorific, after his title, inside the street's name
    if tok.low in _STOP_PUBLIC or tok.low in _LEX.honorifics or tok.low in _FUZZY_CUES:
        return None
    facility = tok.low in _LEX.capital_openers or tok.low in _LEX.facility_openers
    if street and tok.acronym and facility and tok.low not in _LEX.ranks:  # not "Jl. RA Kartini"
        return None  # "jalan ka SDN Cibiru 3": the street ends where a school's name begins
    initial = len(tok.text) == 1 and doc.text[tok.end : tok.end + 1] == "."
    if (street or j == i + 1 or after_rank) and (tok.low in _LEX.ranks or initial):
        return "rank"
    if not street:
        proper = tokens[i].cap or doc.mode != "mixed"  # "Stadion Haji Agus Salim", not "di masjid H. Sukri"
        if (
            tok.low in _LEX.titles
            and j == i + 1
            and proper
            and opener in _MEMORIAL_OPENERS
            and opener not in _NOT_TITLED
        ):
            return "rank"  # "Stadion Haji Agus Salim", "Masjid KH Hasyim Asy'ari": the hero's title
        if tok.low in _LEX.titles and not _title_ends_name(doc, j):
            return None  # "Kel. Panggungrejo KH. Reza": a title starts a person
        if _is_role(tok.low) and opener not in _BUILDINGS:
            return None  # "Kecamatan Purworejo Bidan Hj. Wayan": the role starts a person
        if opener not in _MEMORIAL_OPENERS and _starts_person(doc, j):
            return None
    named = opener in _NAMED_OPENERS and (opener not in _PROPER_NAMED or tokens[i].cap and doc.mode == "mixed")
    # "Dusun Tegar", "Desa Sabar": the first word after a capitalised region's word is its name, whatever
    # else the word may be
    # ("Kepala Desa Tekun Wibowo": after an official's title the words may be the official)
    headed = i > 0 and (
        tokens[i - 1].low in _LEX.honorifics or _is_role(tokens[i - 1].low) or tokens[i - 1].low == "kepala"
    )
    if headed and opener not in _MEMORIAL_OPENERS and person_shaped(tok.low):
        # "Kepala Desa Sutrisnowati", "Kepala Puskesmas Mardiyanto": the office's holder, by the name's ending
        # (``name_shapes``); a hospital or a mosque may be named after a person ("Direktur RSUD Siti Fatimah")
        return None
    region_name = j == i + 1 and opener in _VILLAGE_WORDS and tokens[i].cap and doc.mode in ("mixed", "title")
    named = named or region_name and not headed
    names_allowed = street or after_rank or named or (j > i + 1 and _plain_word(doc, tokens[j - 1]))
    caseless = doc.mode != "mixed" or not tokens[i].cap  # "puskesmas bugul kidul" in a mixed-case text
    next_cap = j + 1 < len(tokens) and tokens[j + 1].cap
    return "word" if _continues_public(tok, names_allowed, street, caseless, next_cap) else None


# Common words inside the names of facilities: "Gereja Katolik ...", "Masjid Jami' ...", "Pasar Besar".
_FACILITY_PARTS = frozenset(
    "raya katolik kristen protestan pantekosta injili jawi jami jami' agung besar baru lama kecil utama pusat "
    "negeri swasta terpadu islam".split()
)
_ABBREVIATED = frozenset("jl jln kel kec ds dsn kp perum komp kab prov gg univ ponpes yth".split())
# Openers after which a title is the place's own word, and a person may follow: "RSU Haji Sulaiman Budi"
_NOT_TITLED = frozenset("rs rsu rsud rsup rsia rsj sakit kantor balai gedung rumah pendopo aula".split())
_BUILDINGS = frozenset("kantor balai gedung rumah pendopo rumah dinas aula".split())


def _title_ends_name(doc: _Doc, j: int) -> bool:
    """'RSU Haji', 'Masjid Haji': a title spelt out as the last word of a facility's name, with no person
    after it (a capitalised word on the same line would be one: "RSU Haji Sulaiman")."""
    tokens, tok = doc.tokens, doc.tokens[j]
    if doc.mode != "mixed" or len(tok.text) < 4 or doc.text[tok.end : tok.end + 1] == ".":
        return False
    if j + 1 >= len(tokens):
        return True
    gap = doc.text[tok.end : tokens[j + 1].start]
    return "\n" in gap or any(c in gap for c in ",;:()") or not tokens[j + 1].cap


def _starts_person(doc: _Doc, j: int) -> bool:
    """'Perumda Air Minum Mega Widodo': a word that is a name, followed by a name."""
    tokens = doc.tokens
    if j + 1 >= len(tokens) or tokens[j].low not in _LEX.names or doc.text[tokens[j].end : tokens[j + 1].start] != " ":
        return False
    nxt = tokens[j + 1].low
    return nxt in _LEX.names and nxt not in _LEX.common


_STOP_PUBLIC = frozenset(
    "no nomor nmr nomer rt rw gg gang blok kav km saya sy sya aku kami kita yang yg di ke dari untuk utk dengan dgn "
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
