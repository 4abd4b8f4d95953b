"""The redactor on the third corpus (bench/redaction_corpus3.py): floors that keep what the
context-aware name rules reached from sliding back. Measured on a seed the redactor was never
tuned on; the held-out half's failures are not printed (looking at them would be tuning on it).
The issue's targets (names >= 98%, public phrases >= 99%) are not met yet: see `make bench`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import redaction_heldout_eval as scoring  # noqa: E402
from redaction_corpus3 import generate  # noqa: E402

FRESH_SEED = 77  # the tuning used seed 3
FLOORS = {
    "tune": {"structured": 99.5, "names": 90.0, "public": 96.0, "precision": 95.0},
    "heldout": {"structured": 99.0, "names": 85.0, "public": 94.0, "precision": 92.0},
}


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_third_corpus_floors(split: str) -> None:
    report = scoring.evaluate(generate(400, seed=FRESH_SEED, split=split))
    figures = {
        "structured": report.structured,
        "names": report.names,
        "public": report.retention,
        "precision": report.precision,
    }
    low = {name: round(value, 2) for name, value in figures.items() if value < FLOORS[split][name]}
    assert not low, (split, figures)
