"""Corpus 5 (bench/redaction_corpus5.py) is well-formed and covers what issue 11 asks for.

The corpus is split like corpus 4 (even texts of each style file = tune half, odd = held-out half):
these tests check its shape (offsets, labels, conventions, coverage per naming tradition, style
and kind), the split, and that its evaluation runs, never what the redactor makes of any one text.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import redaction_corpus5 as corpus5  # noqa: E402

# Honorifics, roles and degrees stand next to a name, outside its span (corpus 4's convention).
_HONORIFIC = re.compile(
    r"^(pak|bu|bpk|ibu|mas|mbak|mbah|koh|ko|ci|cik|bli|om|tante|tanta|mama|bapa|kang|teh|ceu|mang|"
    r"uda|uni|lae|amang|inang|opung|h|hj|kh|dr|drs|ir|pdt|tgk|teungku|habib|sdr|sdri|kak|bang|"
    r"neng|encik|datuk|bunda|ke|kyai|ustadz|pnt|ev)\.? ",
    re.IGNORECASE,
)
_STRUCTURED = [kind for kind in corpus5.PII_KINDS if kind != "nama"]


@pytest.fixture(scope="module")
def samples() -> list:
    return corpus5.load()


def test_the_corpus_parses_to_about_four_hundred_texts(samples: list) -> None:
    assert len(samples) >= 400
    assert all(s.text.strip() for s in samples)
    assert "[[" not in "".join(s.text for s in samples)


def test_every_label_is_a_known_kind_and_every_span_matches_its_text(samples: list) -> None:
    for sample in samples:
        for item in sample.pii:
            assert item.label in corpus5.PII_KINDS, sample.template
        for item in sample.public:
            assert item.label in corpus5.PUBLIC_CATEGORIES, sample.template
        for item in [*sample.pii, *sample.public]:
            assert sample.text[item.start : item.end] == item.text, sample.template
            assert item.text == item.text.strip() and item.text, sample.template


def test_no_two_spans_overlap(samples: list) -> None:
    for sample in samples:
        spans = sorted((i.start, i.end) for i in [*sample.pii, *sample.public])
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, sample.template


def test_a_planted_item_is_planted_wherever_it_recurs_in_its_text(samples: list) -> None:
    unmarked = []
    for sample in samples:
        covered = [(i.start, i.end) for i in [*sample.pii, *sample.public]]
        for item in sample.pii:
            for m in re.finditer(rf"(?<!\w){re.escape(item.text)}(?!\w)", sample.text):
                if not any(a <= m.start() and m.end() <= b for a, b in covered):
                    unmarked.append((sample.template, item.text))
    assert unmarked == []


def test_names_leave_honorifics_and_degrees_outside(samples: list) -> None:
    inside = [(s.template, i.text) for s in samples for i in s.pii if i.label == "nama" and _HONORIFIC.match(i.text)]
    assert inside == []


def test_every_naming_tradition_and_style_is_covered(samples: list) -> None:
    traditions = Counter(t for s in samples for t in s.traditions)
    names = Counter(t for s in samples for t in s.traditions for i in s.pii if i.label == "nama")
    styles = Counter(s.style for s in samples)
    assert {t: traditions[t] for t in corpus5.TRADITIONS if traditions[t] < 9} == {}
    assert {t: names[t] for t in corpus5.TRADITIONS if names[t] < 14} == {}
    assert {s: styles[s] for s in corpus5.STYLES if styles[s] < 20} == {}
    # The most common traditions and styles weigh most, as in a real city's inbox.
    assert traditions["jawa"] == max(traditions.values())
    assert styles["chat"] == max(styles.values())


def test_every_kind_and_the_public_phrases_that_hold_names_are_covered(samples: list) -> None:
    pii = Counter(i.label for s in samples for i in s.pii)
    public = Counter(i.label for s in samples for i in s.public)
    assert pii["nama"] >= 450
    assert {k: pii[k] for k in _STRUCTURED if pii[k] < 3} == {}
    assert pii["telepon"] >= 60 and pii["nik"] >= 15 and pii["alamat"] >= 30
    assert public["street_named_after_person"] >= 30
    for category in ("hospital", "school", "university", "mosque", "place_of_worship", "stadium", "market"):
        assert public[category] >= 5, category
    assert public["role_without_name"] >= 20 and public["word_also_a_name"] >= 8 and public["rt_rw"] >= 5


def test_a_quarter_of_the_texts_hold_no_personal_data(samples: list) -> None:
    clean = [s for s in samples if not s.pii]
    assert len(clean) >= len(samples) // 4
    assert sum(len(s.public) for s in clean) >= len(clean)  # and they still name public places


def test_phones_come_in_every_shape(samples: list) -> None:
    phones = [i.text for s in samples for i in s.pii if i.label == "telepon"]
    assert any(p.startswith("+62") for p in phones)
    assert any(p.startswith("62") for p in phones)
    assert any("." in p for p in phones) and any("-" in p for p in phones)
    assert any("\n" in p for p in phones)
    assert any(p.startswith("nol ") for p in phones)
    emails = [i.text for s in samples for i in s.pii if i.label == "email"]
    assert any(" at " in e or "(at)" in e for e in emails)


def test_an_unknown_tradition_or_style_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("@style chat\n== klingon\nhalo [[nama:Worf]]\n", encoding="utf-8")
    with pytest.raises(corpus5.CorpusError):
        corpus5.load(tmp_path)
    bad.write_text("@style telegram\n== jawa\nhalo [[nama:Slamet]]\n", encoding="utf-8")
    with pytest.raises(corpus5.CorpusError):
        corpus5.load(tmp_path)
    bad.write_text("@style chat\n== jawa\nhalo [[nama :Slamet]]\n", encoding="utf-8")
    with pytest.raises(corpus5.CorpusError):
        corpus5.load(tmp_path)


def test_the_split_halves_each_style_file_by_position(samples: list) -> None:
    from redaction_corpus4_eval import split

    tune, heldout = split(samples, "tune"), split(samples, "heldout")
    assert len(tune) + len(heldout) == len(samples)
    assert {id(s) for s in tune}.isdisjoint({id(s) for s in heldout})
    # Within each style file the even texts (from 0, in file order) are the tune half.
    by_file: dict[str, list] = {}
    for sample in samples:
        by_file.setdefault(sample.template.partition(":")[0], []).append(sample)
    tune_ids = {id(s) for s in tune}
    for texts in by_file.values():
        assert [id(s) in tune_ids for s in texts] == [n % 2 == 0 for n in range(len(texts))]
    # Every style is in both halves in about equal measure.
    for style in corpus5.STYLES:
        a, b = sum(s.style == style for s in tune), sum(s.style == style for s in heldout)
        assert a and b and abs(a - b) <= len(by_file), style


def test_the_evaluation_prints_figures_for_both_halves_and_failures_for_the_tune_half_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import redaction_corpus5_eval
    from redaction_corpus4_eval import split

    status = redaction_corpus5_eval.main(["--split", "heldout", "--limit", "12", "--show", "40"])
    out = capsys.readouterr().out
    assert status in (0, 1)
    assert "corpus 5, heldout half: 12 hand-written texts" in out and "ms per text" in out
    assert "person names removed" in out and "precision of redactions" in out
    assert "names in texts of" in out
    # No text of the held-out half is ever printed, nor a failure of it.
    assert "---" not in out and " -> " not in out
    assert not any(s.text[:40] in out for s in split(corpus5.load(), "heldout")[:12])

    redaction_corpus5_eval.main(["--split", "tune", "--limit", "12", "--no-traditions"])
    out = capsys.readouterr().out
    assert "corpus 5, tune half: 12 hand-written texts" in out and "heldout" not in out
