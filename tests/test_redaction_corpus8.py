"""Corpus 8 (bench/written_corpora.py): it parses, its labels are valid and sit on their text, it
follows corpus 6's span conventions, it holds what its brief asked for (most texts outside Java,
every naming tradition), and its evaluation prints figures only.

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

corpus8 = written.corpus(8)

FLOORS = check.Floors(
    texts=450,
    per_style=30,
    clean=120,
    per_tradition=10,
    names_per_tradition=15,
    pii={
        "nama": 600,
        "nik": 20,
        "kk": 8,
        "npwp": 3,
        "telepon": 40,
        "email": 25,
        "nopol": 12,
        "rekening": 10,
        "bpjs": 8,
        "paspor": 5,
        "akun": 25,
        "alamat": 45,
    },
    public={
        "street_named_after_person": 120,
        "street": 45,
        "hospital": 45,
        "school": 25,
        "market": 40,
        "agency": 60,
        "landmark": 35,
        "date": 55,
        "letter_number": 15,
        "service_number": 20,
        "role_without_name": 30,
        "word_also_a_name": 10,
        "rt_rw": 8,
    },
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus8.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus8, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus8, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    # The writer used "Nona" as a given name (in East Nusa Tenggara and Papua it is one) and tagged
    # the tradition of private accounts made of a person's name.
    honorifics = check.HONORIFICS - {"nona"}
    check.spans_follow_the_conventions(samples, honorifics, handles_carry_traditions=True)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(FLOORS.pii) == set(written.PII_KINDS)
    check.coverage(corpus8, samples, FLOORS)


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus8, tmp_path)


def test_the_evaluation_runs_and_prints_figures_only(samples: list) -> None:  # type: ignore[type-arg]
    check.prints_figures_only(corpus8, samples)
