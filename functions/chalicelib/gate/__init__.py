"""The gate: nothing reaches the public dataset, and so the site, unless it passed here.

Every public record is checked when it is about to be written (``check.py``): text an officer
typed goes through the detector, and every published text is searched for the identifiers the
private store knows (``identifiers.py``), kept in an index updated per report (``index.py``).
A hit holds back that one report; the rest of the site keeps publishing. Identifiers are
specific: a word of the region file, the agency list, the site itself or ordinary Indonesian
names nobody (``vocabulary.py``), and only verified reports' names are searched for in other
reports, so no submission can hold back somebody else's report by naming a common word.
"""

from __future__ import annotations

from .check import Problem, check_record, record_texts, texts_digest
from .identifiers import Identifier, identifiers_of
from .index import GateIndex
from .vocabulary import Vocabulary, vocabulary

__all__ = [
    "GateIndex",
    "Identifier",
    "Problem",
    "Vocabulary",
    "check_record",
    "identifiers_of",
    "record_texts",
    "texts_digest",
    "vocabulary",
]
