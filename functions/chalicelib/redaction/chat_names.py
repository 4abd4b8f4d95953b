"""Names that a chat's or a letter's structure places where a word alone would not say "person" (issue 11).

A forwarded chat names its speakers in a slot that holds nothing else: "[21/02/25, 10.16] Gunung: ...",
"21/01/25 19.45 - Surya menambahkan Besse", "[02/02/24 17.33] Bu Lurah sejati: ...". So does a
letter's signature under its closing ("Hormat saya,\\nGunung\\nHp ...") and a forwarded message's
sender ("Dari: surya (0877...)"). The name rules in ``names.py`` read these slots too, but only with
words that may be a name anywhere: a word that is also a place or a thing ("Gunung", "Surya", "Sejati")
or one written in lower case is left. In these slots the structure is the evidence, so any word is taken
that is not an honorific, a role, a label, a function word or one of the region's public phrases.
A nickname's cue ("alias", "biasa dipanggil", "panggilannya") is such a slot too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import engine
from .document import _overlaps, _Scan
from .lexicon import _FUNCTION_WORDS, _LABELS, _LEX, _agency_like, _is_role, _is_word

if TYPE_CHECKING:
    from .names import _Names

_STAMP = r"(?:\[[^\]\n]{4,30}\][ \t]*|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}[.:]\d{2}[ \t]*-[ \t]*)"
# A stamped chat line's speaker, and a group's notices ("X menambahkan Y", "X keluar")
_STAMPED = re.compile(
    rf"(?m)^[ \t]*{_STAMP}(?:(?P<who>[^\W\d_][^\n:\[\]]{{0,40}}?)[ \t]?:[ \t]"
    rf"|(?P<a>[^\W\d_][^\n:]{{0,40}}?)[ \t]+(?:menambahkan|mengeluarkan|added|removed)[ \t]+"
    rf"(?P<b>[^\W\d_][^\n:]{{0,40}}?)[ \t]*$"
    rf"|(?P<c>[^\W\d_][^\n:]{{0,40}}?)[ \t]+(?:keluar|bergabung|left|joined)\b)"
)
# A forwarded message's sender with their number or address: "Dari: surya (087779836108)"
_SENDER = re.compile(r"(?im)^[ \t]*(?:dari|from|pengirim)[ \t]*:[ \t]*(?P<who>[^\W\d_][^\n:(<]{0,40}?)[ \t]*[(<]")
# A social post's or comment's author at the head of a line: "status fb Wa Ode Sarniati: ...",
# "fb Permata Hati: nitip info", "komentar Apui Labai: ..."
_SOCIAL = re.compile(
    r"(?im)^[ \t]*(?:status|post(?:ingan)?|komen(?:tar)?|fb|facebook|ig|instagram|twitter|tiktok)"
    r"(?:[ \t]+(?:fb|facebook|ig|wa|grup|di[ \t]+fb))?[ \t]+(?P<who>[^\W\d_][^\n:@()]{0,40}?)[ \t]*:[ \t]"
)
# A closing, then the writer's name alone on the next line: "Hormat saya,\nGunung\n", or an initial ("N.")
_SIGNED = re.compile(
    r"(?im)^[ \t]*(?:hormat\s+(?:saya|kami)|salam(?:[ \t]+\w+)?|tertanda|wassalam\w*(?:[ \t]+wr\.?[ \t]*wb\.?)?|"
    r"ttd\.?|regards|yang\s+melaporkan|yang\s+membuat\s+pernyataan)[ \t]*[,.:]?[ \t]*\n"
    r"[ \t]*(?P<who>[^\W\d_][^\W\d_ .'-]*(?:[ \t][^\W\d_][^\W\d_.'-]*){0,3})\.?[ \t]*(?:\n|$)"
)
# A nickname's cue, after which any word is the name: "Rudi alias Gondrong", "biasa dipanggil Ucok",
# "panggilannya Butet", "dikenal sebagai Gondrong", "dijuluki Codet" (a bare "dipanggil" is also
# "summoned": "dipanggil ke kantor")
_NICKNAME = re.compile(
    r"(?i)(?<![^\W\d_])(?:alias|als\.|a\.k\.a\.?|(?:biasa|sering|akrab)[ \t]+(?:di)?panggil|"
    r"nama[ \t]+panggilan(?:nya)?|panggilannya|(?:di|ter)?kenal[ \t]+(?:sebagai|dengan)(?:[ \t]+(?:nama|julukan))?|"
    r"dijuluki|julukan(?:nya)?)(?:[ \t]+(?:sehari-hari|akrab))?[ \t]*:?[ \t]+"
)
_EXPLICIT = 4  # names.py's strength of "bernama": any word after the cue
# The people a colon introduces, to the end of the clause: "Pihak bersengketa: Sabar dan Hisar Sitorus.",
# "YANG SUDAH TERTIPU: NI MADE PUSPAWATI DAN SURYA GUNTUR!"
_PEOPLE = re.compile(
    r"(?i)(?<![^\W\d_])(?:tertipu|bersengketa|korbannya|pelakunya|saksinya|saksi-saksi|terlapor|teradu)[ \t]*:[ \t]+"
    r"(?P<list>[^\W\d_][^\n.!?;:()]{0,120})"
)
# Both open where a word starts: scanned only there in an ASCII text (outside ASCII a letter such as "ı" may
# stand for an "i" of a case-insensitive pattern where the scan's lower-case heads do not: searched as before)
_NICKNAME_SCAN = _Scan(_NICKNAME, "word")
_PEOPLE_SCAN = _Scan(_PEOPLE, "word")
_ITEM_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:dan|&)[ \t]+)?|[ \t]+(?:dan|&|serta)[ \t]+", re.IGNORECASE)

# Words of a slot that are not the person: place and body words ("Kelurahan Bukir:", "Dinas Sosial:")
_NOT_PERSON = frozenset(
    "kelurahan kel desa kecamatan kec kota kabupaten dinas badan kantor grup group admin min mimin humas info "
    "layanan pengaduan warga pelapor petugas operator sistem system anda you saya ttd materai meterai".split()
)


def found(finder: _Names) -> list[tuple[int, int]]:
    """The token ranges of the names in the text's speaker, sender and signature slots."""
    text = finder.doc.text
    # (start, end, whether a role may open the slot: "Bu Lurah sejati:" speaks as the person, while under a
    # closing "Ketua Kelompok Tani Renon" signs as the body)
    spans: list[tuple[int, int, bool]] = []
    scan = engine.FAST and text.isascii()
    if "[" in text or "/" in text:
        for m in _STAMPED.finditer(text):
            for part in ("who", "a", "b", "c"):
                if m.group(part):
                    spans.append((m.start(part), m.end(part), True))
    if ":" in text:
        spans += [(m.start("who"), m.end("who"), True) for m in _SENDER.finditer(text)]
        spans += [(m.start("who"), m.end("who"), True) for m in _SOCIAL.finditer(text)]
    if "\n" in text:
        spans += [(m.start("who"), m.end("who"), False) for m in _SIGNED.finditer(text)]
    if ":" in text:
        for m in _PEOPLE_SCAN.finditer(finder.doc) if scan else _PEOPLE.finditer(text):
            start = m.start("list")
            for item in _ITEM_SPLIT.split(m["list"]):
                at = text.find(item, start)
                words = item.lower().split()
                # ordinary words name the people only when capitals say so ("Sabar", not "anak-anak sekolah")
                plain = all(_is_word(w) for w in words) and not (finder.mixed and item[:1].isupper())
                if words and at >= 0 and not (plain and finder.doc.mode != "upper"):
                    spans.append((at, at + len(item.rstrip()), False))
                    start = at + len(item)
    ranges = []
    if "lia" in text or "pangg" in text or "als" in text or "k.a" in text or "kenal" in text or "juluk" in text:
        for m in _NICKNAME_SCAN.finditer(finder.doc) if scan else _NICKNAME.finditer(text):
            found_after = finder.after_cue(m.end(), _EXPLICIT)
            if found_after:
                ranges.append(found_after)
    for start, end, role in spans:
        slot = _slot(finder, start, end, role)
        if slot:
            ranges.append(slot)
    return ranges


def _slot(finder: _Names, start: int, end: int, role: bool) -> tuple[int, int] | None:
    """The name in the slot start..end: its words after any honorific, title or role ("Bu Lurah sejati")."""
    tokens = finder.tokens
    j = finder.first_token_at(start)
    if j is None:
        return None
    last = j
    while last + 1 < len(tokens) and tokens[last + 1].end <= end:
        last += 1
    if tokens[last].end != end:
        return None
    while j <= last and (tokens[j].low in _LEX.honorifics or finder.is_title(j) or role and _is_role(tokens[j].low)):
        j += 1
    if j > last or last - j > 3:
        return None
    # an opener of a public name opens one only with words after it ("Gereja Silo", not "Gunung:")
    for k in range(j, last + 1):
        tok = tokens[k]
        if (
            tok.low in _FUNCTION_WORDS
            or tok.low in _NOT_PERSON
            or tok.low in _LABELS
            and not (tok.low == "wa" and k < last and tokens[k + 1].low == "ode")  # Buton's "Wa Ode Sarniati"
            or tok.low in _LEX.honorifics
            or _is_role(tok.low)
            or _agency_like(tok.low)
            or k < last
            and (tok.low in _LEX.facility_openers or tok.low in _LEX.capital_openers)
            or (tok.acronym and len(tok.low) > 1 and finder.mixed)
            or _overlaps(tok.start, tok.end, finder.doc.phrases)
        ):
            return None
    return j, last
