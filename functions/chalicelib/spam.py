"""Spam checks for submissions, tuned to the "judi online" spam injected into .go.id sites.

Text is normalised with NFKC first, so fancy Unicode letters (𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫) match plain words.
"""

from __future__ import annotations

import re
import unicodedata

_TERMS = (
    "slot gacor",
    "slot online",
    "situs slot",
    "maxwin",
    "max win",
    "togel",
    "rtp live",
    "rtp slot",
    "judi online",
    "judol",
    "scatter hitam",
    "bandar bola",
    "link alternatif",
    "deposit pulsa",
    "gacor hari ini",
    "pola gacor",
    "jackpot",
    "zeus",
    "mahjong ways",
    "sbobet",
    "romanobet",
)
_TERM_RE = re.compile("|".join(r"\b" + re.escape(t).replace(r"\ ", r"\s*") + r"\b" for t in _TERMS))
# Brand names glued to digits (SALJU88, GARUDA4D) next to a gambling word.
_BRAND_RE = re.compile(r"\b[a-z]{3,}(?:88|77|99|69|4d|303|138|168|777)\b")
_WA_LINK_RE = re.compile(r"wa\.me/|t\.me/|bit\.ly/")
_GAMBLING_HINT = re.compile(r"\b(slot|gacor|bet|togel|casino|kasino|jp|wd|depo|bonus)\b")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def spam_reason(text: str) -> str | None:
    """Why `text` looks like spam, or None."""
    plain = normalise(text)
    if match := _TERM_RE.search(plain):
        return f"memuat istilah judi online ({match.group(0)!r})"
    if _BRAND_RE.search(plain) and _GAMBLING_HINT.search(plain):
        return "memuat nama situs judi online"
    if _WA_LINK_RE.search(plain) and _GAMBLING_HINT.search(plain):
        return "memuat tautan promosi"
    return None
