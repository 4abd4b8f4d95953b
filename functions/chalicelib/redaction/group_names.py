"""A chat group's name is not a person: "Diteruskan dari grup Warga Cibogo Indah:", "grup Ohoi Ngilngof".

Forwarded messages name the group they came from, and groups are named after a neighbourhood, an estate, a
village or a congregation, words that read like names ("Indah", "Ngilngof"). A name candidate is dropped when
it lies in a group's name: after "grup", "group", "WAG" or "GC" on the same line, before any colon, bracket or
full stop, and the group's name opens with a word that is neither a listed name nor an honorific.

Where a person begins: a group named after a person or a family opens with the name, an honorific, a role or
a kin word ("grup Budi", "grup RT Sadimin", "grup Arisan Bu Siti" keeps "Siti", "grup Keluarga Sutrisno"): the
candidate stays when an honorific, a role or a kin word stands between "grup" and it, or the group's name opens
with a listed name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .lexicon import _KIN_WORDS as _KIN
from .lexicon import _LEX, _is_role

_GROUP = re.compile(r"(?i)(?<![^\W\d_])(?:grup|group|wag|gc)[ \t]+\*?(?P<name>[^\n:()\[\].\"*]{2,60})")
_WORD = re.compile(r"[^\W\d_]+")


def _person_cue(low: str) -> bool:
    """An honorific, a role or a kin word: a person may follow it ("grup RT Sadimin", "grup Arisan Bu Siti")."""
    return low in _LEX.honorifics or low in _KIN or _is_role(low)


def _groups(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _GROUP.finditer(text):
        words = [w.lower() for w in _WORD.findall(m.group("name"))]
        if not words or words[0] in _LEX.names or _person_cue(words[0]) or words[0] in ("wa", "whatsapp"):
            continue
        if any(_person_cue(w) for w in words):
            # only the words before the honorific, role or kin word are the group's ("grup Arisan Bu Siti")
            cut = next(k for k, w in enumerate(words) if _person_cue(w))
            end = m.start("name")
            for k, word in enumerate(_WORD.finditer(text, m.start("name"), m.end("name"))):
                if k == cut:
                    break
                end = word.end()
            spans.append((m.start("name"), end))
            continue
        spans.append((m.start("name"), m.end("name")))
    return spans


def drop_group_names(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a chat group's name (see the module)."""
    candidates = list(candidates)
    low = doc.text.lower()
    if not ("grup" in low or "group" in low or "wag" in low or "gc" in low):
        return candidates
    if not any(c.kind == "nama" for c in candidates):
        return candidates
    groups = _groups(doc.text)
    if not groups:
        return candidates
    return [c for c in candidates if c.kind != "nama" or not any(a <= c.start and c.end <= b for a, b in groups)]
