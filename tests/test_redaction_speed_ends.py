"""The degree ends worked out from a document's words are the places of the degree hint where a degree's
first letters follow, and every place where a degree is found is among them."""

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
    "Budi S. Pd , M. Si dan Wati,  s.k.m, Ali A.Md.Keb. Dr.Ph.D sp.thT",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_degree_ends_from_words_are_the_hints(text: str) -> None:
    doc = _Doc.of(text)
    assert lexicon._LAST[0] is doc.text  # primed by the document
    hints = [m.start() for m in lexicon._DEGREE_HINT.finditer(doc.text)]
    assert lexicon._LAST[1] == [p for p in hints if lexicon._DEGREE_OPENS.match(doc.text, p)]
    # _degree_at answers (its plain path, the regex at every place) only at those ends, or where no word ends
    ends = set(lexicon._LAST[1])
    for pos in range(len(doc.text) + 1):
        word_end = pos > 0 and lexicon._LETTER.match(doc.text, pos - 1) and not lexicon._LETTER.match(doc.text, pos)
        if word_end and pos not in ends:
            assert lexicon._degree_after(doc.text, pos) is None, (doc.text, pos)
