"""Corpus 12 (bench/written_corpora.py): it parses, its labels are valid and sit on their text, it
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

corpus12 = written.corpus(12)

FLOORS = check.Floors(
    texts=480,
    per_style=30,
    clean=140,
    per_tradition=7,
    names_per_tradition=20,
    pii={
        "nama": 720,
        "nik": 15,
        "kk": 8,
        "npwp": 4,
        "telepon": 58,
        "email": 18,
        "nopol": 9,
        "rekening": 10,
        "bpjs": 7,
        "paspor": 6,
        "akun": 12,
        "alamat": 10,
    },
    public={
        "agency": 245,
        "place": 490,
        "street_named_after_person": 70,
        "street": 34,
        "hospital": 20,
        "school": 37,
        "mosque": 14,
        "landmark": 30,
        "market": 30,
        "date": 98,
        "amount": 39,
        "count": 24,
        "report_number": 15,
        "service_number": 24,
        "role_without_name": 15,
        "word_also_a_name": 21,
        "rt_rw": 15,
    },
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus12.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus12, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus12, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    # As in corpora 8 and 10, "Nona" is a given name here (a Moluccan one), and so is "Gus" (Bali's
    # short form of Ida Bagus); a private account made of a person's name carries its tradition tag.
    honorifics = check.HONORIFICS - {"nona", "gus"}
    check.spans_follow_the_conventions(samples, honorifics, handles_carry_traditions=True)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(FLOORS.pii) == set(written.PII_KINDS)
    check.coverage(corpus12, samples, FLOORS)


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus12, tmp_path)


def test_the_evaluation_lists_failures_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    check.lists_failures_only_when_asked(corpus12, monkeypatch)
