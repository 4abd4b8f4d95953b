"""A room in a dormitory or a boarding house is a household's address: "asrama kamasan kamar 14", "kos Bu Sri
kamar no. 3".

A house number locates one household and is redacted (docs/redaction.md); a student's or a worker's room in an
asrama, a kos or a rusun is that household, and the address detector, which looks for house numbers, blocks and
RT/RW, passes "kamar 14" by. A "kamar" with its number is an address candidate when the clause before it, within
a few words, names such a building ("asrama", "kos", "kost", "kosan", "rusun", "rusunawa", "mess", "wisma").

A hospital's or a hotel's room ("RSUD kamar 14", "hotel kamar 201") is left alone: it names no household.
"""

from __future__ import annotations

import re

from .document import _P_ALAMAT, _Candidate, _Doc

_ROOM = re.compile(
    r"(?i)(?<![^\W\d_])(?:asrama|kos|kost|kosan|kos-kosan|rusun|rusunawa|mess|wisma)(?![^\W\d_])"
    r"[^\n.;:!?]{0,40}?(?P<room>(?<![^\W\d_])kamar[ \t]*(?:no\.?|nomor|nmr)?[ \t]*\d{1,4}[a-zA-Z]?)(?![\w])"
)


def _dorm_rooms(doc: _Doc) -> list[_Candidate]:
    """The rooms of a dormitory or a boarding house, as address candidates (see the module)."""
    if "kamar" not in doc.low:
        return []
    return [_Candidate("alamat", m.start("room"), m.end("room"), _P_ALAMAT) for m in _ROOM.finditer(doc.text)]
