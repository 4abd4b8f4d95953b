"""The one spam check for every citizen-written text: submissions, follow-ups, feedback notes.

Tuned to the "judi online" (online gambling) spam injected into .go.id sites, which dodges
plain word lists with look-alike letters (Cyrillic "ѕlоt"), leetspeak ("sl0t g4c0r"), spacing
("s l o t"), stretched letters ("gacoooor"), bare brand names glued to digits ("MPO500",
"SALJU88") and short links (wa.me/…, bit.ly/…). Text is normalised against all of those before
it is matched. A hit does not drop anything: the caller holds the text for an officer.
"""

from __future__ import annotations

import re
import unicodedata

_TERMS = (
    "slot gacor",
    "slot online",
    "situs slot",
    "agen slot",
    "daftar slot",
    "link slot",
    "slot demo",
    "slot88",
    "maxwin",
    "max win",
    "togel",
    "rtp live",
    "rtp slot",
    "judi online",
    "judi bola",
    "situs judi",
    "judol",
    "scatter hitam",
    "bandar bola",
    "bandar togel",
    "link alternatif",
    "deposit pulsa",
    "gacor hari ini",
    "pola gacor",
    "link gacor",
    "anti rungkad",
    "bonus new member",
    "jackpot",
    "zeus",
    "mahjong ways",
    "pragmatic play",
    "sbobet",
    "romanobet",
    "casino online",
    "kasino online",
    "poker online",
)

# Look-alike letters from other scripts, read as the Latin letter they imitate.
_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
        "ɡ": "g", "ӏ": "l", "ո": "n", "ս": "u",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s", "σ": "s", "γ": "y", "μ": "u", "ζ": "z",
    }
)  # fmt: skip
_LEET = str.maketrans({"0": "o", "4": "a", "1": "i", "3": "e", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_INVISIBLE = re.compile(
    r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)
# Single letters separated by spaces or dots ("s l o t", "g.a.c.o.r"), three or more of them.
_SPACED = re.compile(r"(?<![\w])(?:\w[ \t._*\-]{1,3}){2,}\w(?![\w])")
_REPEATS = re.compile(r"([a-z])\1+")


def _squeeze(text: str) -> str:
    text = _SPACED.sub(lambda m: re.sub(r"[ \t._*\-]", "", m.group(0)), text)
    return _REPEATS.sub(r"\1", text)


def normalise(text: str) -> str:
    """NFKC, case-folded, look-alikes read as Latin letters, invisible characters removed."""
    plain = unicodedata.normalize("NFKC", text).casefold()
    plain = _INVISIBLE.sub("", plain)
    if plain.isascii():  # most reports: no marks to strip (and this was a call per character)
        return plain.translate(_HOMOGLYPHS)
    # Combining marks stacked on letters ("s̶l̶o̶t̶") go too.
    plain = "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))
    return plain.translate(_HOMOGLYPHS)


def _words(term: str) -> str:
    return _squeeze(term.translate(_LEET))


_TERM_RE = re.compile("|".join(r"\b" + re.escape(_words(t)).replace(r"\ ", r"\s*") + r"\b" for t in _TERMS))
# A gambling brand: letters glued to a number (SALJU88, MPO500, GARUDA4D), standing alone.
_BRAND_RE = re.compile(r"(?<![\w.@/-])([a-z]{3,})(\d{2,4}|4d)(?![\w.@/-])")
# Words that are ordinary with a number glued on ("covid19", "lantai2", "tahun2025").
_NOT_BRANDS = {"covid", "sars", "jalan", "blok", "gang", "kav", "lantai", "tahun", "perda", "perwali", "pasal"}
_PROMO_LINK_RE = re.compile(
    r"\b(?:wa\.me|wa\.link|t\.me|bit\.ly|s\.id|tinyurl\.com|cutt\.ly|linktr\.ee|heylink\.me|lynk\.id|shorturl\.at|"
    r"rebrand\.ly|rb\.gy|is\.gd)/\S"
)


def spam_reason(text: str) -> str | None:
    """Why `text` looks like spam (in Bahasa Indonesia, for the officer), or None."""
    plain = normalise(text)
    if match := _PROMO_LINK_RE.search(plain):
        return f"memuat tautan promosi ({match.group(0)[:-1]!r})"
    for candidate in (_squeeze(plain), _squeeze(plain.translate(_LEET))):
        if match := _TERM_RE.search(candidate):
            return f"memuat istilah judi online ({match.group(0)!r})"
    for match in _BRAND_RE.finditer(plain):
        if match.group(1) not in _NOT_BRANDS:
            return f"memuat nama situs judi online ({match.group(0)!r})"
    return None
