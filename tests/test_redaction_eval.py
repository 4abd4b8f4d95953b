"""The redactor meets its targets on a seeded corpus from bench/redaction_corpus.py (smaller
than the benchmark's and drawn with another seed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import redaction_eval  # noqa: E402
from redaction_corpus import PII_KINDS, generate  # noqa: E402


@pytest.fixture(scope="module")
def result() -> redaction_eval.Result:
    return redaction_eval.evaluate(generate(400, seed=20261124))


def test_targets_are_met(result: redaction_eval.Result) -> None:
    figures = result.figures()
    assert figures["structured"] >= redaction_eval.TARGETS["structured"], redaction_eval.report(result, 20)
    assert figures["nama"] >= redaction_eval.TARGETS["nama"], redaction_eval.report(result, 20)
    assert figures["public"] >= redaction_eval.TARGETS["public"], redaction_eval.report(result, 20)
    assert redaction_eval.met(result)


def test_every_kind_is_planted_and_found(result: redaction_eval.Result) -> None:
    for kind in PII_KINDS:
        assert result.planted[kind] > 0, kind
        assert result.removed[kind] / result.planted[kind] >= 0.97, (kind, redaction_eval.report(result, 20))


def test_the_corpus_is_labelled_correctly() -> None:
    for sample in generate(50, seed=7):
        for label in sample.labels:
            assert sample.text[label.start : label.end] == label.value


def test_the_corpus_is_reproducible() -> None:
    assert [s.text for s in generate(20, seed=3)] == [s.text for s in generate(20, seed=3)]
    assert [s.text for s in generate(20, seed=3)] != [s.text for s in generate(20, seed=4)]
