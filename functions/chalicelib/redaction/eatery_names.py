"""An eatery's or a shop's name is not a person, even when it is its founder's: "Nasi Jamblang Mang Dul",
"Sate Mak Syukur", "Mie Razali", "Toko Oen", "Batik Danar Hadi", "Rumah Makan Sari Ratu".

Indonesia names its food stalls and family shops after their founder, and complaints cite them as places
("parkir di Nasi Jamblang Mang Dul", "trotoar depan Toko Oen"). A name candidate is dropped when it lies
wholly inside such a name: a dish or a shop's word, at most one word that says which dish ("jamblang",
"gentong", "taliwang"), an honorific, and one to three words of the name, on one line and before any
punctuation. The name's words stop at a word of the lexicons' everyday vocabulary ("di", "depan", "itu").

Where a person begins: a shop's word ("toko", "apotek") with an honorific after it is its owner
("toko koh Ahong", "toko Pak Budi"), and so is a dish's word that is also a verb or a bare ingredient
("tahu Pak Budi" is "knows Mr Budi"; "beli ikan bu Siti"), unless a word that says which dish stands between
("Tahu Gejrot Pak Wahyu"). A person elsewhere in the text with the same name as the stall is still redacted:
only the words inside the stall's name are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc, _Scan
from .lexicon import _LEX

# Prepared dishes a stall is named by ("Sate Mak Syukur"): the dish alone may stand before an honorific
_DISHES = frozenset(
    "nasi mie mi bakmi bakso soto sate satai empal docang martabak pempek gudeg rawon pecel lontong ketoprak "
    "seblak siomay batagor coto konro pallubasa gulai serabi surabi lotek karedok rujak".split()
)
# Dishes whose word is also a verb, an animal or an ingredient ("tahu Pak Budi" is "knows Mr Budi", "ayam bu
# Siti" her chickens): only with a word that says which dish ("Tahu Gejrot", "Ayam Taliwang", "Keripik Sanjai")
_PLAIN_DISHES = frozenset(
    "tahu tempe ikan es kopi roti pisang kue dodol bolu bika lumpia ayam bebek iga sop sup bubur keripik kerupuk".split()
)
# A shop's word: its name follows without an honorific ("Toko Oen", "Batik Danar Hadi", "Toko Mas Murni")
_SHOPS = ("toko mas", "toko emas", "rumah makan", "toko", "depot", "kedai", "restoran", "resto",
          "kafe", "cafe", "batik", "apotek", "bakery")  # fmt: skip
# Honorifics a stall's name carries ("Mang Dul", "Bu Nur", "H. Apud", "Mak Syukur")
_HONORIFICS = frozenset("mang bu ibu pak bapak mak mbok cak bang kang uda uni koh ci mbah wak h hj haji hajjah".split())

_HEAD = "|".join(sorted({*_DISHES, *_PLAIN_DISHES, *_SHOPS}, key=lambda w: (-len(w), w))).replace(" ", r"[ \t]+")
_HEADS = re.compile(rf"(?i)(?<![^\W\d_])(?:{_HEAD})(?![\w])")
# Tried only where a word starts (most texts hold none of the heads)
_HEAD_SCAN = _Scan(_HEADS, "word", {w[:4] for w in {*_DISHES, *_PLAIN_DISHES, *_SHOPS}})
# The words after the head on its line, before any punctuation but an honorific's dot ("H. Apud")
_AFTER = re.compile(r"(?:[ \t]+[^\W\d_][\w'\-]*\.?){1,5}")
_WORD = re.compile(r"[^\W\d_][\w'\-]*")
_FUNCTION = frozenset("di ke dari dan yg yang itu ini sama juga aja deh ya".split())


def _everyday(low: str) -> bool:
    return low not in _LEX.names and (low in _LEX.words or low in _LEX.common)


def _eatery(doc: _Doc, head: str, start: int) -> int:
    """Where the stall's name that starts after ``head`` at ``start`` ends, or ``start`` if there is none."""
    after = _AFTER.match(doc.text, start)
    if not after:
        return start
    words = list(_WORD.finditer(doc.text, start, after.end()))
    lows = [w.group().lower() for w in words]
    hon = next((k for k, low in enumerate(lows[:2]) if low in _HONORIFICS), None)
    if hon is not None:
        if head in _SHOPS or head in _PLAIN_DISHES and hon == 0:
            return start  # "toko koh Ahong": the shop's owner; "tahu Pak Budi": knows Mr Budi
        if hon == 1 and (lows[0] in _LEX.names or lows[0] in _FUNCTION):
            return start  # "nasi Budi bu", "mie di pak": no dish's word before the honorific
        first = hon + 1
    elif head in _PLAIN_DISHES:
        if len(lows) < 2 or lows[0] in _LEX.names or lows[0] in _FUNCTION or _everyday(lows[0]):
            return start
        first = 1
    else:
        first = 0
    end = start
    for k, (word, low) in enumerate(list(zip(words, lows, strict=True))[first : first + 3]):
        if low in _FUNCTION or _everyday(low) and not (k == 0 and hon is not None):
            break  # the name ends before an everyday word ("mie razali di"), but "Bakso Pak Kumis" is a name
        end = word.end()
    return end


def _eateries(doc: _Doc) -> list[tuple[int, int]]:
    spans = []
    for m in _HEAD_SCAN.finditer(doc):
        if m.start() > 0 and doc.text[m.start() - 1] in "@._":
            continue  # inside an account or an address ("@nasi_kuning", "toko.oen@...")
        head = " ".join(m.group().lower().split())
        if head == "toko mas" and m.group()[-3:] not in ("Mas", "MAS"):
            head, end = "toko", _eatery(doc, "toko", m.start() + 4)  # "toko mas Budi": Mas Budi's shop
        else:
            end = _eatery(doc, head, m.end())
        if end > m.end():
            spans.append((m.start(), end))
    return spans


def drop_eatery_names(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are an eatery's or a shop's name (see the module)."""
    candidates = list(candidates)
    if not any(c.kind == "nama" for c in candidates):
        return candidates
    spans = _eateries(doc)
    if not spans:
        return candidates
    return [c for c in candidates if c.kind != "nama" or not any(a <= c.start and c.end <= b for a, b in spans)]
