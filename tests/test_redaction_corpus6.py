"""Corpus 6 (bench/redaction_corpus6.py): it parses, its labels are valid and sit on their text,
it covers what issue 11 asks for, and its evaluation runs and prints figures only.

The texts are wholly held out: these tests check the corpus's shape and never print a text.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import redaction_corpus6 as corpus6  # noqa: E402
import redaction_corpus6_eval as corpus6_eval  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402

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
HONORIFICS = {
    "pak", "bu", "ibu", "bapak", "bapa", "bpk", "bpk.", "haji", "h.", "hj.", "om", "tanta", "mama",
    "koh", "ko", "ci", "cik", "mas", "mbak", "mbah", "kak", "bang", "cak", "yu", "kang", "ceu", "teh",
    "inang", "amang", "sdr.", "sdri.", "ny.", "tn.", "dr.", "drg.", "ir.", "prof.", "pdt.", "sr.", "st.",
    "tgk.", "ustadz", "ust.", "kiai", "kyai", "gus", "ondofolo", "kel.",
}  # fmt: skip

_DIGITS = re.compile(r"\d")


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus6.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    paths = sorted(corpus6.TEXTS.glob("*.txt"))
    assert {p.stem for p in paths} == set(corpus6.STYLES)
    for path in paths:
        parsed = corpus6.parse_file(path)
        assert parsed, path.name
        assert {s.style for s in parsed} == {path.stem}


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    for sample in samples:
        spans = sorted(sample.pii + sample.public, key=lambda i: i.start)
        for item in sample.pii:
            assert item.label in corpus6.PII_KINDS, sample.template
        for item in sample.public:
            assert item.label in corpus6.PUBLIC_CATEGORIES, sample.template
        for item in spans:
            assert sample.text[item.start : item.end] == item.text, sample.template
            assert item.text == item.text.strip() and item.text, sample.template
        for before, after in zip(spans, spans[1:], strict=False):
            assert before.end <= after.start, f"{sample.template}: overlapping spans"
        assert set(sample.traditions) <= set(corpus6.TRADITIONS), sample.template


def test_spans_follow_the_conventions(samples: list) -> None:  # type: ignore[type-arg]
    for sample in samples:
        for item in sample.pii:
            if item.label == "nama":
                first = item.text.split()[0].lower()
                assert first not in HONORIFICS, f"{sample.template}: honorific inside a name span"
                assert not _DIGITS.search(item.text), sample.template
            elif item.label in ("nik", "kk"):
                assert len(_DIGITS.findall(item.text)) == 16, sample.template
            elif item.label == "npwp":
                assert len(_DIGITS.findall(item.text)) == 15, sample.template
            elif item.label == "email":
                assert "@" in item.text or " at " in item.text or "[at]" in item.text, sample.template
            elif item.label == "rekening":
                assert re.fullmatch(r"[\d .-]+", item.text), f"{sample.template}: an account is the number only"
        # A text tagged with a tradition has a person in it; a text with names names its tradition.
        names = [i for i in sample.pii if i.label == "nama"]
        assert bool(names) == bool(sample.traditions), sample.template


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    counts = corpus6.counts(samples)
    assert len(samples) >= MIN_TEXTS
    assert sum(1 for s in samples if not s.pii) >= MIN_CLEAN_TEXTS
    for style in corpus6.STYLES:
        assert counts["styles"][style] >= MIN_TEXTS_PER_STYLE, style
    for tradition in corpus6.TRADITIONS:
        assert counts["traditions"][tradition] >= MIN_TEXTS_PER_TRADITION, tradition
        assert counts["names"][tradition] >= MIN_NAMES_PER_TRADITION, tradition
    for kind, floor in MIN_PII.items():
        assert counts["pii"][kind] >= floor, kind
    assert set(MIN_PII) == set(corpus6.PII_KINDS)
    for category, floor in MIN_PUBLIC.items():
        assert counts["public"][category] >= floor, category


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
    bad = tmp_path / "chat.txt"
    bad.write_text("@style chat\n== jawa\nsy [[nami:Sutrisno]] lapor\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        corpus6.parse_file(bad)
    bad.write_text("@style chat\n== sasak\nsy [[nama:Lalu Muhammad]] lapor\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        corpus6.parse_file(bad)


def test_the_evaluation_runs_and_prints_figures_only(samples: list) -> None:  # type: ignore[type-arg]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = corpus6_eval.main(["--limit", "6"])
    printed = out.getvalue()
    assert status in (0, 1)
    assert "corpus 6: 6 hand-written texts" in printed
    assert "Targets" in printed and "ms per text" in printed
    for sample in samples[:6]:
        for item in sample.pii + sample.public:
            if len(item.text) >= 4:
                assert item.text not in printed, "the held-out evaluation printed a span"
