"""A university's short name is not a person: "mahasiswa unsrat", "mahasiswa unpad jatinangor", "komplek belakang
Unand".

Indonesian state and large private universities go by acronyms built from "Universitas" and their place or
founder ("Unsrat" is Universitas Sam Ratulangi, "Unand" Universitas Andalas, "Unpatti" Universitas Pattimura).
Students name their campus this way in every complaint about rents, transport and fees, and the acronyms
read like unknown names. A name candidate made wholly of one of the acronyms below is dropped. The list holds
only acronyms no name list holds and no given name is spelt like ("Untung", "Uno" are not among them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import heads
from .document import _Candidate, _Doc
from .lexicon import _LEX

_CAMPUSES = frozenset(
    w
    for w in (
        "ugm itb ipb its unair undip unpad uns unhas unand usu unsri unej uny upi unsrat unpatti unram untan unmul "
        "unila unja unri unib unimed unesa unnes uncen unima unkhair uho unud undana unsyiah usk unimal unsoed "
        "untirta unsika unpak unisba unjani uinsa ums umy umm uad upnvj unpas unikom unsam unismuh unimus "
        "unissula unwahas udinus unsoed unhalu unsulbar untad unsrit unipa unmus ubb upr ulm unpar unika"
    ).split()
    if w not in _LEX.names
)
_HEADS = heads.register(_CAMPUSES)  # what the text must hold for the rule to apply (see heads)
_WORD = re.compile(r"[^\W\d_]+")


def drop_campus_names(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a university's short name (see the module)."""
    if not heads.present(doc, _HEADS):
        return list(candidates)  # no campus's short name in the text
    kept = []
    for cand in candidates:
        if cand.kind == "nama" and doc.text[cand.start : cand.end].lower() in _CAMPUSES:
            continue  # one acronym: two campuses are never one candidate
        kept.append(cand)
    return kept
