"""Corpus 13 (bench/written_corpora.py): it parses, its labels are valid and sit on their text, it
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

corpus13 = written.corpus(13)

FLOORS = check.Floors(
    texts=480,
    per_style=30,
    clean=120,
    per_tradition=3,
    names_per_tradition=8,
    pii={
        "nama": 720,
        "nik": 25,
        "kk": 8,
        "npwp": 3,
        "telepon": 58,
        "email": 15,
        "nopol": 9,
        "rekening": 6,
        "bpjs": 5,
        "paspor": 3,
        "akun": 12,
        "alamat": 34,
    },
    public={
        "agency": 250,
        "place": 520,
        "street_named_after_person": 40,
        "street": 30,
        "hospital": 13,
        "school": 24,
        "stadium": 13,
        "landmark": 52,
        "market": 23,
        "date": 100,
        "amount": 72,
        "service_number": 14,
        "role_without_name": 24,
        "word_also_a_name": 11,
        "rt_rw": 18,
    },
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus13.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus13, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus13, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    # As in corpora 8 and 10, "Nona" is a given name here (a Moluccan one), and so is "Gus" (Bali's
    # short form of Ida Bagus); in Makassar "St." is Sitti as an identity card writes it, not a
    # church elder's title; a private account made of a person's name carries its tradition tag.
    honorifics = check.HONORIFICS - {"nona", "gus", "st."}
    check.spans_follow_the_conventions(samples, honorifics, handles_carry_traditions=True)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(FLOORS.pii) == set(written.PII_KINDS)
    check.coverage(corpus13, samples, FLOORS)


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus13, tmp_path)


def test_the_evaluation_lists_failures_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    check.lists_failures_only_when_asked(corpus13, monkeypatch)
