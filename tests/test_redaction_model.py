"""The names classifier (chalicelib/redaction/name_model.py): shipped, reproducible, lazy.

The model file is made by bench/names_model_train.py; these tests rebuild a sample of its training
data and check the hash the script recorded, retrain on that sample to check training is
deterministic, and check the model adds a name the rules miss and is loaded only when a text needs
it (its veto of the rules' weakest names: tests/test_redaction_model10.py).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import names_model_train as training  # noqa: E402
from chalicelib.redaction import find_pii, name_model  # noqa: E402

_TABLE = "Data penerima:\n1\tSutrisno\t3573011506690002\tbelum\n2\tKarminah\t3573014401720005\tbelum"


@pytest.fixture(scope="module")
def sample() -> tuple[list, str]:  # type: ignore[type-arg]
    return training.data(training.SAMPLE)


def test_the_shipped_model_is_the_one_the_script_recorded_and_small() -> None:
    meta = json.loads(training.META.read_text(encoding="utf-8"))
    data = name_model.MODEL.read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["model"]
    assert len(data) < 3_000_000
    assert meta["params"] == training.PARAMS and meta["weight"] == training.WEIGHT


def test_the_training_data_are_rebuilt_the_same(sample: tuple[list, str]) -> None:
    """The features, the labels and the corpora are those the shipped model was trained on; after a
    change to any of them (or to the lexicons), run `python bench/names_model_train.py` again."""
    rows, digest = sample
    meta = json.loads(training.META.read_text(encoding="utf-8"))
    assert digest == meta["sample"], "stale model: run python bench/names_model_train.py"
    assert any(name_model.NAME in labels for _, labels, _ in rows)
    assert any(name_model.OTHER in labels for _, labels, _ in rows)


def test_training_is_deterministic_and_learns_names(sample: tuple[list, str], tmp_path: Path) -> None:
    import pycrfsuite

    rows, _ = sample
    first, second = tmp_path / "a.model", tmp_path / "b.model"
    training.train(rows, first)
    training.train(rows, second)
    assert first.read_bytes() == second.read_bytes()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(first))
    # On its own training data the sample's model gets most words right.
    right = total = 0
    for xseq, yseq, _ in rows:
        right += sum(a == b for a, b in zip(tagger.tag(xseq), yseq, strict=True))
        total += len(yseq)
    assert right / total > 0.9


def test_the_model_adds_a_name_the_rules_miss_and_never_removes_one(monkeypatch: pytest.MonkeyPatch) -> None:
    with_model = {(m.kind, m.value) for m in find_pii(_TABLE)}
    monkeypatch.setattr(name_model, "THRESHOLD", 1.01)  # nothing passes: the rules alone
    rules = {(m.kind, m.value) for m in find_pii(_TABLE)}
    assert ("nama", "Karminah") in with_model - rules
    assert rules <= with_model


def test_the_model_is_loaded_only_when_a_text_has_capitalised_words_the_rules_left() -> None:
    script = (
        "import sys\n"
        "from chalicelib.redaction import find_pii\n"
        "find_pii('lampu jalan di gang kami mati sejak minggu lalu, mohon dibetulkan')\n"
        "assert 'pycrfsuite' not in sys.modules\n"
        f"find_pii({_TABLE!r})\n"
        "assert 'pycrfsuite' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO / "functions", check=True)
