"""Corpus 4 (bench/redaction_corpus4.py) is well-formed: offsets, labels, size and coverage.

These tests check the hand-written corpus, never the redactor's score on it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import redaction_corpus4 as corpus4  # noqa: E402
from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES  # noqa: E402


@pytest.fixture(scope="module")
def samples() -> list:
    return corpus4.load()


def test_the_corpus_holds_300_distinct_texts(samples: list) -> None:
    assert len(samples) >= 300
    assert len({s.text for s in samples}) == len(samples)


def test_every_span_points_at_its_text_and_has_a_known_label(samples: list) -> None:
    for sample in samples:
        for item in sample.pii:
            assert item.label in PII_KINDS
            assert sample.text[item.start : item.end] == item.text
        for item in sample.public:
            assert item.label in PUBLIC_CATEGORIES
            assert sample.text[item.start : item.end] == item.text


def test_spans_of_one_text_never_overlap(samples: list) -> None:
    for sample in samples:
        spans = sorted((i.start, i.end) for i in sample.pii + sample.public)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, sample.template


def test_every_tradition_kind_and_style_is_present(samples: list) -> None:
    traditions = Counter(t for s in samples for t in s.traditions)
    assert all(traditions[t] >= 5 for t in corpus4.TRADITIONS), traditions
    kinds = Counter(i.label for s in samples for i in s.pii)
    assert all(kinds[k] for k in PII_KINDS), kinds
    public = Counter(i.label for s in samples for i in s.public)
    assert all(public[c] for c in PUBLIC_CATEGORIES), public
    styles = Counter(s.style for s in samples)
    assert len(styles) >= 6 and min(styles.values()) >= 10, styles


def test_names_keep_honorifics_outside_the_span(samples: list) -> None:
    honorifics = (
        "pak ",
        "bu ",
        "ibu ",
        "bapak ",
        "mbak ",
        "mas ",
        "koh ",
        "mama ",
        "haji ",
        "h. ",
        "hj. ",
        "dr. ",
        "mbah ",
        "bli ",
        "ci ",
        "teh ",
        "abah ",
        "sdr. ",
        "pdt. ",
        "ir. ",
        "drs. ",
    )
    for sample in samples:
        for item in sample.pii:
            if item.label == "nama":
                assert not item.text.lower().startswith(honorifics), item.text


def test_the_parser_computes_offsets_and_rejects_bad_marks() -> None:
    text, pii, public = corpus4.parse_text("sy [[nama:Ni Wayan Sari]] di [[public:hospital:RSUD dr. Soetomo]]")
    assert text == "sy Ni Wayan Sari di RSUD dr. Soetomo"
    assert [(i.label, i.start, i.end) for i in pii] == [("nama", 3, 16)]
    assert [(i.label, text[i.start : i.end]) for i in public] == [("hospital", "RSUD dr. Soetomo")]
    for bad in ("[[nick:Budi]]", "[[public:shop:Toko]]", "[[Budi]]", "[[nama: Budi]]", "a ]] b"):
        with pytest.raises(corpus4.CorpusError):
            corpus4.parse_text(bad)


def test_a_file_without_a_style_header_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("== jawa\nsy [[nama:Budi]]\n", encoding="utf-8")
    with pytest.raises(corpus4.CorpusError):
        corpus4.load(tmp_path)
    (tmp_path / "x.txt").write_text("@style chat\n== klingon\nsy [[nama:Budi]]\n", encoding="utf-8")
    with pytest.raises(corpus4.CorpusError):
        corpus4.load(tmp_path)


def test_the_evaluation_names_each_missed_target_and_prints_no_text(capsys: pytest.CaptureFixture[str]) -> None:
    import redaction_corpus4_eval as scoring
    from redaction_heldout_eval import Report

    report = Report(texts=1)
    report.planted.update({"nama": 100, "nik": 10})
    report.removed.update({"nama": 97, "nik": 10})
    report.public.update({"street": 50})
    report.kept.update({"street": 50})
    report.matches.update({"nama": 100})
    report.true_matches.update({"nama": 100})
    assert scoring.missed(report) == ["names"]
    report.removed["nama"] = 99
    assert scoring.missed(report) == []
    scoring.print_figures(report)
    out = capsys.readouterr().out
    assert "person names removed" in out and "99.00%" in out
    assert "«" not in out and "->" not in out  # figures only, never a failure's context
