"""Corpus 10 (bench/written_corpora.py): it parses, its labels are valid and sit on their text, it
follows corpus 6's span conventions, it holds what its brief asked for (weight on regions earlier
writers touched less, every naming tradition), and its evaluation prints figures only.

The texts are wholly held out: these tests check the corpus's shape and never print a text. The
floors sit a little under what the writer delivered, so that a file lost or cut short fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import corpus_checks as check  # noqa: E402
import written_corpora as written  # noqa: E402

corpus10 = written.corpus(10)

FLOORS = check.Floors(
    texts=460,
    per_style=30,
    clean=140,
    per_tradition=7,
    names_per_tradition=15,
    pii={
        "nama": 600,
        "nik": 20,
        "kk": 5,
        "npwp": 6,
        "telepon": 50,
        "email": 20,
        "nopol": 16,
        "rekening": 9,
        "bpjs": 7,
        "paspor": 5,
        "akun": 25,
        "alamat": 26,
    },
    public={
        "agency": 180,
        "place": 220,
        "street_named_after_person": 30,
        "street": 40,
        "hospital": 25,
        "school": 32,
        "landmark": 48,
        "market": 14,
        "date": 78,
        "amount": 30,
        "report_number": 19,
        "letter_number": 12,
        "role_without_name": 18,
        "word_also_a_name": 9,
        "rt_rw": 13,
    },
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus10.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus10, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus10, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    # As in corpus 8, "Nona" is a given name here (a Moluccan one), and a private account made of a
    # person's name carries its tradition tag.
    honorifics = check.HONORIFICS - {"nona"}
    check.spans_follow_the_conventions(samples, honorifics, handles_carry_traditions=True)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(FLOORS.pii) == set(written.PII_KINDS)
    check.coverage(corpus10, samples, FLOORS)


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus10, tmp_path)


def test_the_evaluation_runs_and_prints_figures_only(samples: list) -> None:  # type: ignore[type-arg]
    check.prints_figures_only(corpus10, samples)
