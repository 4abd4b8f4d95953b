"""The names classifier with the text's own evidence (issue 11, session 12), and the lexicon classes it
weighs that travel to a new writer.

A word next to a name already taken, or another mention of a taken name's word, is added when the trained
model (name_model.py) gives it ``name_model.EVIDENCE`` (``LOWER_EVIDENCE`` in a lower-case text), lower than
a word on its own needs (``names._evidenced``, ``name_model.supported``). A function word, a self-word, a
regional everyday word or chat's spelling of a word never joins a name so. The texts are made up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chalicelib.redaction import find_pii, name_model
from chalicelib.redaction.driver import _document
from chalicelib.redaction.names import _Names

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import names_model_train as training  # noqa: E402


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text) if m.kind == "nama"]


def _without_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_model, "EVIDENCE", 2.0)
    monkeypatch.setattr(name_model, "LOWER_EVIDENCE", 2.0)


# Chat in lower case: the writer's first name is taken by the rules after "aku"; the two ordinary words
# after its second mention ("putri", "lestari") are the rest of the name only by the text's evidence
_CHAT = "min aku melati, melati putri lestari. aku penjaga kios pulsa bukan pemilik, mau lapor pungli"


def test_words_next_to_a_name_join_it_when_the_model_agrees() -> None:
    assert "melati putri lestari" in _names(_CHAT)


def test_without_the_evidence_pass_the_rest_of_the_name_is_published(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_evidence(monkeypatch)
    assert "melati putri lestari" not in _names(_CHAT)


# A sign-off's ordinary word as a name ("Salam, Bintang"), said again at the start of a sentence
_SIGNED = (
    "Lampu jalan di lorong kami padam sudah dua minggu dan belum ada perbaikan.\n"
    "Salam, Bintang\nBintang sudah lapor lewat telepon juga."
)


def test_another_mention_of_a_name_word_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _names(_SIGNED) == ["Bintang", "Bintang"]
    _without_evidence(monkeypatch)
    assert _names(_SIGNED) == ["Bintang"]


def test_a_self_word_never_joins_a_name_by_evidence() -> None:
    doc = _document("punten ieu abdi euis rohaeni ti cianjur, jalan ka sakola ruksak")
    finder = _Names(doc)
    words = [t.low for t in doc.tokens]
    taken = [w in ("euis", "rohaeni") for w in words]
    asked = {words[k] for k in name_model.supported(doc, finder.public, taken, frozenset())}
    assert "abdi" not in asked
    assert "ti" in asked  # not in the lexicons: the model judges it (and gives it little)


# A name spelt out letter by letter in chat: the letters stand or fall together
_SPELT = "pak admin mohon maaf, sy h a r y a n t o (ditulis begini krn takut) mau lapor pungli di kelurahan"


def test_a_name_spelt_out_is_taken_whole() -> None:
    assert _names(_SPELT) == ["h a r y a n t o"]
    assert _names("nilai anak sy a b c d semua, gmn ini") == []


def test_no_evidence_pass_without_a_name() -> None:
    doc = _document("lampu jalan di gang kami mati sejak minggu lalu, mohon dibetulkan")
    finder = _Names(doc)
    assert name_model.supported(doc, finder.public, [False] * len(doc.tokens), frozenset()) == {}


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("tual", "g"),  # a kecamatan's name (regions_id.txt)
        ("bunga", "k"),  # an ordinary word given as a name (word_names_id.txt)
        ("urang", "x"),  # a regional everyday word (regional_words_id.txt)
        ("abdi", "s"),  # a word the writer calls themself
        ("wakilin", "p"),  # chat's spelling of an Indonesian word
    ],
)
def test_the_lexicon_classes_that_travel_to_a_new_writer(word: str, code: str) -> None:
    assert code in name_model._class_of(word)
    assert code not in name_model._class_of("lampu")


def test_the_trainer_takes_the_tuning_corpora_from_tuned_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(training, "TUNED", ("9",))
    got = {corpus for corpus, *_ in training.corpora(limit=1, without=("1", "2", "3", "4", "5"))}
    assert got == {"9"}
    monkeypatch.setattr(training, "TUNED", ("99",))
    with pytest.raises(SystemExit, match="no hand-written corpus '99'"):
        list(training.corpora(limit=1, without=("1", "2", "3", "4", "5")))
