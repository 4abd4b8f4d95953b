"""The titles of village heads across Indonesia and of an office's posts are roles, not names: "pak klebun",
"Kepala Ohoi", "Bapa Raja", "PPID Utama", "Kepala Pelaksana", "General Manager", "Kadisdukcapil".

Each region calls its village head by its own word (Madura's "klebun", Cirebon's "kuwu", Aceh's "keuchik",
Bali's "perbekel", Minahasa's "kumtua", Kei's "ohoi" head, Maluku's "bapa raja"), and offices abbreviate their
heads' posts ("Kadisdukcapil" is the head of Disdukcapil, "Kalak" BPBD's executive head). The name list and the
role list do not know these words, and a capitalised or honoured one ("pak klebun") reads as a name. A name
candidate loses its leading words that are such a title; it is dropped when nothing else is left, or when it is
made of a post's qualifiers alone ("Pelaksana", "Utama") after a post's word ("Kepala Pelaksana,", "PPID Utama").

Where a person begins: the words after the title stay as the detectors found them ("Pak Klebun Haryono"
keeps "Haryono" redacted); "raja" is a title only after Maluku's "bapa" ("Pak Raja" may be a man named Raja), and
a region's name after "ohoi" is the village ("Ohoi Tual").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from . import heads
from .document import _Candidate, _Doc, _Token
from .lexicon import _agency_like
from .region_places import _REGIONS

# Village heads' titles of the regions, and posts the role list lacks
_TITLES = frozenset(
    "klebun kuwu keuchik geuchik perbekel kelian bendesa ondoafi kumtua saniri petinggi ohoi ppid kalak "
    "general manager".split()
)
# An office head's abbreviation: "Ka" and the office ("Kadisdukcapil", "Kabag", "Kasatpol", "Kalak")
_HEAD_OF = re.compile(r"ka(?:bag|bid|subbag|subag|si|sie|ur|ban|dis|sat|lak)[a-z]*$")
# A post's qualifiers, roles only after a post's word
_QUALIFIERS = frozenset("pelaksana utama pembantu harian umum".split())
_POSTS = frozenset("kepala ppid plt plh ketua sekretaris".split())
_WORD = re.compile(r"[^\W\d_][\w'\-]*")
# What the text must hold (in lower case) for a candidate to open with a title or a qualifier (see heads): the
# titles, the qualifiers, "raja" and the openings _HEAD_OF allows
_HEADS = heads.register(
    _TITLES | _QUALIFIERS | {"raja"} | {"ka" + a for a in "bag bid subbag subag si sie ur ban dis sat lak".split()}
)


def _title(low: str) -> bool:
    return low in _TITLES or bool(_HEAD_OF.match(low)) and _agency_like(low[2:]) or low in ("kabag", "kabid")


@lru_cache(maxsize=1 << 12)  # asked of every name's first word; the answer depends on the word alone
def _opens(low: str) -> bool:
    """Whether a candidate opening with this word may lose it: a title, a qualifier, or Maluku's "raja"."""
    return _title(low) or low in _QUALIFIERS or low == "raja"


def _start(tok: _Token) -> int:
    return tok.start


def _without_titles(doc: _Doc, cand: _Candidate) -> _Candidate | None:
    """The candidate without its leading titles, or None when it is a title (see the module)."""
    first = _WORD.match(doc.text, cand.start, cand.end)
    low = first.group().lower() if first else ""
    if not _opens(low):
        return cand  # most candidates: a name, not opened by a title (checked before the words are split)
    words = list(_WORD.finditer(doc.text, cand.start, cand.end))
    lows = [w.group().lower() for w in words]
    if not words:
        return cand
    at = bisect_left(doc.tokens, cand.start, key=_start)
    before = doc.tokens[at - 1].low if at > 0 and "\n" not in doc.text[doc.tokens[at - 1].end : cand.start] else ""
    if lows == ["raja"] and before == "bapa":
        return None  # Maluku's "Bapa Raja", the negeri's head
    if all(low in _QUALIFIERS for low in lows) and (before in _POSTS or _title(before)):
        return None  # "Kepala Pelaksana", "PPID Utama"
    k = 0
    while k < len(lows) and (_title(lows[k]) or k > 0 and lows[k] in _QUALIFIERS and _title(lows[k - 1])):
        k += 1
    if k == 0:
        return cand
    if k == len(lows):
        return None
    rest = " ".join(lows[k:])
    if lows[k - 1] == "ohoi" and rest in _REGIONS:
        return None  # "Ohoi Tual": the village
    return cand._replace(start=words[k].start())


def drop_local_titles(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the village heads' and the posts' titles (see the module)."""
    if not heads.present(doc, _HEADS):
        return list(candidates)  # no title, qualifier or office head's abbreviation in the text
    kept = []
    for cand in candidates:
        if cand.kind == "nama":
            trimmed = _without_titles(doc, cand)
            if trimmed is None:
                continue
            cand = trimmed
        kept.append(cand)
    return kept
