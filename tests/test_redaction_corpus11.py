"""Corpus 11 (bench/written_corpora.py): it parses, its labels are valid and sit on their text, it
follows corpus 6's span conventions, it holds what its brief asked for (natural text, every naming
tradition), and its evaluation lists failures only when asked (it is training and tuning
material, unlike corpora 6, 8 and 10).

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

corpus11 = written.corpus(11)

FLOORS = check.Floors(
    texts=470,
    per_style=30,
    clean=120,
    per_tradition=6,
    names_per_tradition=8,
    pii={
        "nama": 650,
        "nik": 24,
        "kk": 6,
        "npwp": 3,
        "telepon": 55,
        "email": 12,
        "nopol": 12,
        "rekening": 8,
        "bpjs": 5,
        "paspor": 5,
        "akun": 20,
        "alamat": 22,
    },
    public={
        "agency": 280,
        "place": 440,
        "street_named_after_person": 33,
        "street": 48,
        "hospital": 19,
        "school": 35,
        "landmark": 58,
        "market": 23,
        "date": 108,
        "amount": 60,
        "count": 34,
        "report_number": 18,
        "service_number": 18,
        "role_without_name": 28,
        "word_also_a_name": 8,
        "rt_rw": 19,
    },
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus11.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus11, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus11, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    # As in corpora 8 and 10, "Nona" is a given name here (a Moluccan one), and so is "Gus" (Bali's
    # short form of Ida Bagus); a private account made of a person's name carries its tradition tag.
    honorifics = check.HONORIFICS - {"nona", "gus"}
    check.spans_follow_the_conventions(samples, honorifics, handles_carry_traditions=True)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(FLOORS.pii) == set(written.PII_KINDS)
    check.coverage(corpus11, samples, FLOORS)


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus11, tmp_path)


def test_the_evaluation_lists_failures_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    check.lists_failures_only_when_asked(corpus11, monkeypatch)
