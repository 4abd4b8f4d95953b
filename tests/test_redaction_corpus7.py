"""Corpus 7 (bench/written_corpora.py): it parses, its labels are valid and sit on their text,
it follows corpus 6's span conventions, it covers what its brief asks for, and its evaluation runs
and lists failures when asked (corpus 7 is tuning material, unlike corpus 6).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import corpus_checks as check  # noqa: E402
import written_corpora as written  # noqa: E402

corpus7 = written.corpus(7)

# The floors the corpus must reach: in all, per style file, texts with nobody in them (for
# precision), per naming tradition of corpus 6's list (texts and names), per kind and category.
MIN_TEXTS = 400
MIN_TEXTS_PER_STYLE = 35
MIN_CLEAN_TEXTS = 100
MIN_TEXTS_PER_TRADITION = 10
MIN_NAMES_PER_TRADITION = 20
MIN_PII = {
    "nama": 600,
    "telepon": 75,
    "nik": 15,
    "kk": 6,
    "email": 20,
    "nopol": 10,
    "rekening": 6,
    "alamat": 15,
    "npwp": 4,
    "bpjs": 5,
    "paspor": 4,
    "akun": 12,
}
MIN_PUBLIC = {
    "street_named_after_person": 50,
    "street": 12,
    "hospital": 25,
    "school": 25,
    "university": 8,
    "mosque": 8,
    "place_of_worship": 20,
    "stadium": 6,
    "market": 25,
    "landmark": 80,
    "agency": 150,
    "place": 200,
    "rt_rw": 8,
    "service_number": 12,
    "role_without_name": 40,
    "word_also_a_name": 8,
}

# The words a writer names themself after (the brief's list): each must precede a name somewhere.
SELF_WORDS = ("sy", "saya", "aku", "gw", "kulo", "abdi", "tiang", "sa", "beta", "ambo")

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
    return corpus7.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    check.files_parse(corpus7, FLOORS)


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    check.labels_sit_on_their_text(corpus7, samples)


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    check.spans_follow_the_conventions(samples)


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    assert set(MIN_PII) == set(written.PII_KINDS)
    check.coverage(corpus7, samples, FLOORS)


def test_shapes_the_brief_asks_for(samples: list) -> None:  # type: ignore[type-arg]
    """Identifiers in the shapes people write (+62 and 62 phones, numbers read aloud, a phone split
    over two lines, dotted and spaced NIK, e-mails with "at"), name parts of every tradition inside
    the name spans, lower-case Chinese names, names after each word a writer names themself with,
    and handles both personal (akun) and official (public)."""
    spans = [i for s in samples for i in s.pii]
    phones = [i.text for i in spans if i.label == "telepon"]
    assert any(p.startswith("+62") for p in phones) and any(p.startswith("62") for p in phones)
    assert any("nol" in p or "kosong" in p for p in phones)
    assert any("\n" in p for p in phones)
    niks = [i.text for i in spans if i.label == "nik"]
    assert any("." in n for n in niks) and any(" " in n for n in niks) and any("nol" in n for n in niks)
    emails = [i.text for i in spans if i.label == "email"]
    assert any(" at " in e for e in emails) and any("[at]" in e for e in emails)
    names = [i.text for i in spans if i.label == "nama"]
    lowered = [n.lower() for n in names]
    for part in ("i ", "ni ", "ida bagus", "anak agung", " br. ", "boru", "andi ", "daeng", "la ode", "wa ode",
                 "moh. ", "abd. ", "ach. ", "teuku", "cut ", " bin ", " binti ", "syarifah", "said ", "tjoa",
                 "oey", "oei", "lie ", "pattiasina", "latuconsina", "tuhumury", "sahetapy"):  # fmt: skip
        assert any(part in n for n in lowered), part
    assert any(n in ("the kian hoo", "aseng", "a ling") for n in names), "lower-case Chinese names"
    for word in SELF_WORDS:
        before = re.compile(rf"(?<![\w-]){word} $", re.I)
        assert any(before.search(s.text[max(0, i.start - 12) : i.start]) for s in samples for i in s.pii), word
    public = [i.text for s in samples for i in s.public]
    assert any(p.startswith("@") for p in public) and any(i.text.startswith("@") for i in spans if i.label == "akun")


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    check.a_broken_mark_is_refused(corpus7, tmp_path)


def test_the_evaluation_lists_failures_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    check.lists_failures_only_when_asked(corpus7, monkeypatch)
