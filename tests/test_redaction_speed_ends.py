"""The degree ends worked out from a document's words are the ones the degree hint finds in its text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import redaction_corpus3  # noqa: E402
from chalicelib.redaction import lexicon  # noqa: E402
from chalicelib.redaction.document import _Doc  # noqa: E402

TEXTS = [s.text for s in redaction_corpus3.generate(120, 7175, "tune")] + [
    "Pak Budi Santoso, S.Pd., M.Si. dan dr. Andi,SH; Jum'at sore ibu-ibu, s",
    "Ｎａｍａ saya Ｂｕｄｉ,\u00a0S.Pd zero\u200bwidth",
    "é, sé\u2003a ÀB  ,, ,  m x'\ts  ,,,, a y- b",
    "Sutrisno,S.H.,M.H Lestari ,  ,M.Kes end",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_degree_ends_from_words_are_the_hints(text: str) -> None:
    doc = _Doc.of(text)
    assert lexicon._LAST[0] is doc.text  # primed by the document
    assert lexicon._LAST[1] == [m.start() for m in lexicon._DEGREE_HINT.finditer(doc.text)]
