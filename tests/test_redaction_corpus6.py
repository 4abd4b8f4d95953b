"""Corpus 6 (bench/written_corpora.py): it parses, its labels are valid and sit on their text,
it covers what issue 11 asks for, and its evaluation runs and prints figures only.

The texts are wholly held out: these tests check the corpus's shape and never print a text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import corpus_checks as check  # noqa: E402
import written_corpora as written  # noqa: E402

corpus6 = written.corpus(6)

# What a city admin receives, in proportion: the floors each part of the corpus must reach.
MIN_TEXTS = 400
MIN_TEXTS_PER_STYLE = 25
MIN_CLEAN_TEXTS = 80  # texts with no personal data at all, for precision
MIN_TEXTS_PER_TRADITION = 8
MIN_NAMES_PER_TRADITION = 15
MIN_PII = {
    "nama": 500,
    "telepon": 70,
    "nik": 20,
    "kk": 8,
    "email": 25,
    "nopol": 12,
    "rekening": 8,
    "alamat": 20,
    "npwp": 3,
    "bpjs": 4,
    "paspor": 4,
    "akun": 6,
}
MIN_PUBLIC = {
    "street_named_after_person": 50,
    "street": 12,
    "hospital": 18,
    "school": 25,
    "university": 8,
    "mosque": 5,
    "place_of_worship": 10,
    "stadium": 4,
    "market": 15,
    "landmark": 40,
    "agency": 30,
    "place": 100,
    "rt_rw": 8,
    "role_without_name": 25,
    "word_also_a_name": 12,
}

# Words that sit next to a name and are not part of it (the corpus's convention, as corpus 4's):
# a name span must not start with one.
HONORIFICS = frozenset({
    "pak", "bu", "ibu", "bapak", "bapa", "bpk", "bpk.", "haji", "h.", "hj.", "om", "tanta", "mama",
    "koh", "ko", "ci", "cik", "mas", "mbak", "mbah", "kak", "bang", "cak", "yu", "kang", "ceu", "teh",
    "inang", "amang", "sdr.", "sdri.", "ny.", "tn.", "dr.", "drg.", "ir.", "prof.", "pdt.", "sr.", "st.",
    "tgk.", "ustadz", "ust.", "kiai", "kyai", "gus", "ondofolo", "kel.",
})  # fmt: skip

FLOORS = check.Floors(
    MIN_TEXTS,
    MIN_TEXTS_PER_STYLE,
    MIN_CLEAN_TEXTS,
    MIN_TEXTS_PER_TRADITION,
    MIN_NAMES_PER_TRADITION,
    MIN_PII,
    MIN_PUBLIC,
)


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus6.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus6, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus6, samples)


def test_spans_follow_the_conventions(samples: list) -> None:  # type: ignore[type-arg]
    check.spans_follow_the_conventions(samples, HONORIFICS, npwp_digits=(15,))


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(MIN_PII) == set(written.PII_KINDS)
    check.coverage(corpus6, samples, FLOORS)


def test_shapes_people_really_write(samples: list) -> None:  # type: ignore[type-arg]
    """Identifiers in the shapes issue 11 lists: +62 and 62 phones, spelled-out and split numbers,
    spaced and dotted NIK, e-mails written with "at"/"dot", and Balinese, Batak, Bugis, Madurese,
    Acehnese and Arab name parts inside the name spans."""
    phones = [i.text for s in samples for i in s.pii if i.label == "telepon"]
    assert any(p.startswith("+62") for p in phones)
    assert any(p.startswith("62") for p in phones)
    assert any("nol" in p for p in phones)
    assert any("\n" in p for p in phones)
    niks = [i.text for s in samples for i in s.pii if i.label == "nik"]
    assert any(" " in n for n in niks) and any("." in n for n in niks)
    emails = [i.text for s in samples for i in s.pii if i.label == "email"]
    assert any(" at " in e or "[at]" in e for e in emails)
    names = [i.text for s in samples for i in s.pii if i.label == "nama"]
    for part in ("I ", "Ni ", "Ida Bagus", "Anak Agung", " br. ", "boru", "Andi ", "Daeng", "La Ode", "Wa Ode",
                 "Moh. ", "Abd. ", "Ach. ", "Sitti", "Teuku", "Cut ", " bin ", " binti ", "Tjoa", "Oey", "Lie "):  # fmt: skip
        assert any(part in n for n in names), part


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus6, tmp_path)


def test_the_evaluation_runs_and_prints_figures_only(samples: list) -> None:  # type: ignore[type-arg]
    check.prints_figures_only(corpus6, samples)
