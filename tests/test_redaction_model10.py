"""The names classifier as a veto (issue 11, session 10): the rules' weakest names, dropped when the
model doubts them; a name any stronger rule gave, never.

The weak names are those ``_Names.seed_at`` finds on a word alone (a word of the name list, capitalised
unknown words in a mixed-case sentence); ``names._vetoed`` drops one when the trained model
(name_model.py) gives each of its words less than ``name_model.VETO``. In a text all in lower case the
model also reads each line (``LOWER_THRESHOLD``, ``LOWER_VETO``). The texts are made up.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import find_pii, name_model
from chalicelib.redaction.driver import _document
from chalicelib.redaction.names import _Names


def _names(text: str) -> set[str]:
    return {m.value for m in find_pii(text) if m.kind == "nama"}


def _weak(text: str) -> set[str]:
    """The names the rules found on weak evidence alone (what the veto may drop)."""
    finder = _Names(_document(text))
    finder.spans()
    return {" ".join(t.text for t in finder.tokens[a : b + 1]) for a, b in finder.weak}


# A capitalised word in a mixed-case sentence that is a sea, a day's name: the rules' weak evidence
# takes it, the model does not believe it.
_DOUBTED = {
    "Gelombang tinggi di perairan Kei membuat kapal nelayan tidak bisa berangkat.": "Kei",
    # ("Selamat Hari Nusantara" was one until commemorations.py kept days of the calendar before the names)
    "Ombak besar di laut Sawu membuat nelayan libur.": "Sawu",
}


@pytest.mark.parametrize("text", sorted(_DOUBTED))
def test_a_weak_name_the_model_doubts_is_dropped(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    word = _DOUBTED[text]
    assert word in _weak(text)
    assert word not in _names(text)
    monkeypatch.setattr(name_model, "VETO", 0.0)  # no veto: the rules alone take it
    assert word in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Saluran air di belakang Paijo Sukirman tersumbat.", "Paijo Sukirman"),
        ("Motor Sutarmi hilang di parkiran pasar.", "Sutarmi"),
    ],
)
def test_a_weak_name_the_model_believes_is_kept(text: str, name: str) -> None:
    assert name in _weak(text)
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nama saya Kei Sapeken, warga RT 03.", "Kei Sapeken"),
        ("Transfer ke rekening a.n. Hari Talud kemarin.", "Hari Talud"),
        ("Yang datang Pak Cunda dari kelurahan.", "Cunda"),
        ("Hormat saya,\nTarok Dipo", "Tarok Dipo"),
        ("Pelapor: Kei Sapeken, NIK 3573011506690002.", "Kei Sapeken"),
    ],
)
def test_a_name_a_strong_cue_gave_is_never_vetoed(text: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_model, "VETO", 1.01)  # every weak name the model sees is vetoed
    assert name in _names(text)
    # the same words with no cue are a weak name, and the veto takes them (the model adding nothing)
    monkeypatch.setattr(name_model, "THRESHOLD", 1.01)
    bare = f"Saluran air di belakang {name} tersumbat."
    assert name not in _names(bare)
    monkeypatch.setattr(name_model, "VETO", 0.0)
    assert name in _names(bare)


@pytest.mark.parametrize(
    "text",
    [
        "Keluarga Sastrowardoyo kebanjiran sejak pagi.",
        "grup Keluarga Sastrowardoyo: rumah eyang kebanjiran",
        "Rumah alm. Sastrowardoyo kebanjiran.",
    ],
)
def test_a_weak_name_after_a_family_word_is_never_vetoed(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A family's or a late person's word introduces a person: the model's doubt does not drop the name
    (the two texts merged from session 10's branches lost "Sastrowardoyo" to the veto)."""
    monkeypatch.setattr(name_model, "VETO", 1.01)  # every weak name the model sees would be vetoed
    assert any("Sastrowardoyo" in name for name in _names(text))


def test_in_a_lower_case_text_the_model_adds_an_unknown_name_it_is_sure_of(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "beta dullah (abdullah latuconsina), mau lapor jalan rusak"
    assert "dullah" in _names(text)
    monkeypatch.setattr(name_model, "LOWER_THRESHOLD", 1.01)  # the rules alone
    assert "dullah" not in _names(text)


def test_in_a_lower_case_text_the_model_vetoes_a_weak_word_it_doubts(monkeypatch: pytest.MonkeyPatch) -> None:
    """'ambo' is Minang for 'I', and a word of the name list: the rules' weak name takes it with the name."""
    text = "ambo yusnimar dari nagari sungai tarab, jalan rusak parah"
    assert _names(text) == {"yusnimar"}
    monkeypatch.setattr(name_model, "LOWER_VETO", 0.0)
    assert _names(text) == {"ambo yusnimar"}
