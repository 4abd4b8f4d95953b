"""Corpus 9 (bench/written_corpora.py): it parses, its labels are valid and sit on their text, it
follows corpus 6's span conventions, it holds what its brief asked for (precision traps and names
that are hard to find, every naming tradition), and its evaluation lists failures only when asked
(it is tuning material, unlike corpora 6 and 8).

The floors sit a little under what the writer delivered, so that a file lost or cut short fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import corpus_checks as check  # noqa: E402
import written_corpora as written  # noqa: E402

corpus9 = written.corpus(9)

FLOORS = check.Floors(
    texts=550,
    per_style=35,
    clean=180,
    per_tradition=12,
    names_per_tradition=30,
    pii={
        "nama": 850,
        "nik": 30,
        "kk": 10,
        "npwp": 6,
        "telepon": 65,
        "email": 28,
        "nopol": 18,
        "rekening": 15,
        "bpjs": 6,
        "paspor": 4,
        "akun": 40,
        "alamat": 30,
    },
    public={
        "agency": 220,
        "street_named_after_person": 85,
        "landmark": 90,
        "market": 40,
        "place": 50,
        "date": 65,
        "role_without_name": 65,
        "service_number": 18,
        "word_also_a_name": 14,
        "rt_rw": 10,
        "letter_number": 18,
    },
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus9.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus9, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus9, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    # As in corpus 8, "Nona" is a given name here, and a private account made of a person's name
    # carries its tradition tag.
    honorifics = check.HONORIFICS - {"nona"}
    check.spans_follow_the_conventions(samples, honorifics, handles_carry_traditions=True)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(FLOORS.pii) == set(written.PII_KINDS)
    check.coverage(corpus9, samples, FLOORS)


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus9, tmp_path)


def test_the_evaluation_lists_failures_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    check.lists_failures_only_when_asked(corpus9, monkeypatch)
