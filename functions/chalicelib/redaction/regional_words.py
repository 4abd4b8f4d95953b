"""The regions' everyday words are not names.

Complaints are written in Indonesian mixed with Minang ("ambo manjua di pasar", "rumah kami dakek"),
Sundanese ("cenah teu kenging", "abdi icalan"), Javanese ("sinten mawon", "dokternya baru dateng") and eastern
Malay ("beta pung", "sa pu"). PySastrawi's dictionary lacks these words, so after a cue ("ambo", "sy") or in a
lower-case chat they read as names. ``data/regional_words_id.txt`` lists them; a name candidate made only of
them and of Indonesian words, at least one of them a regional word and none a word of the name list
("ambo" is also a Bugis name), is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .lexicon import _DATA, _LEX


def _load() -> frozenset[str]:
    words = set()
    for line in (_DATA / "regional_words_id.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith(("#", "[")):
            words.update(line.lower().split())
    return frozenset(words - _LEX.names)


_REGIONAL = _load()
_LOW_WORDS = re.compile(r"[a-z]+")


def drop_regional_words(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names made only of the regions' everyday words (see the module)."""
    kept = []
    for cand in candidates:
        if cand.kind == "nama" and not _REGIONAL.isdisjoint(
            words := _LOW_WORDS.findall(doc.text[cand.start : cand.end].lower())
        ):
            regional = [w in _REGIONAL for w in words]
            if any(regional) and all(
                r or w in _LEX.words and w not in _LEX.names for w, r in zip(words, regional, strict=True)
            ):
                continue
        kept.append(cand)
    return kept
