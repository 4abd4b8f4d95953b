"""Corpus 7 (bench/redaction_corpus7.py): it parses, its labels are valid and sit on their text,
it follows corpus 6's span conventions, it covers what its brief asks for, and its evaluation runs
and lists failures when asked (corpus 7 is tuning material, unlike corpus 6).
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

import redaction_corpus7 as corpus7  # noqa: E402
import redaction_corpus7_eval as corpus7_eval  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402

# The floors the corpus must reach: per style file, texts with nobody in them (for precision), and
# per naming tradition of corpus 6's list, texts and names.
MIN_TEXTS_PER_STYLE = 35
MIN_CLEAN_SHARE = 0.15
MIN_TEXTS_PER_TRADITION = 1
MIN_NAMES_PER_TRADITION = 1

# Words that sit next to a name and are not part of it (corpus 6's convention): a name span must
# not start with one.
HONORIFICS = {
    "pak", "bu", "ibu", "bapak", "bapa", "bpk", "bpk.", "haji", "h.", "hj.", "om", "tanta", "mama",
    "koh", "ko", "ci", "cik", "mas", "mbak", "mbah", "kak", "kaka", "bang", "cak", "yu", "kang", "ceu",
    "teh", "inang", "amang", "uda", "uni", "puang", "bli", "mbok", "nona", "usi", "bung", "sdr.",
    "sdri.", "ny.", "tn.", "dr.", "drg.", "ir.", "prof.", "pdt.", "sr.", "st.", "tgk.", "ustadz",
    "ust.", "kiai", "kyai", "gus", "kel.", "bidan", "perawat", "ners",
}  # fmt: skip

_DIGITS = re.compile(r"\d")


@pytest.fixture(scope="module")
def samples() -> list:  # type: ignore[type-arg]
    return corpus7.load()


def test_every_file_parses_with_a_known_style_named_after_it() -> None:
    paths = sorted(corpus7.TEXTS.glob("*.txt"))
    assert paths
    for path in paths:
        parsed = corpus7.parse_file(path)
        assert path.stem in corpus7.STYLES
        assert {s.style for s in parsed} == {path.stem}
        assert len(parsed) >= MIN_TEXTS_PER_STYLE, path.name


def test_labels_are_valid_and_sit_on_their_text(samples: list) -> None:  # type: ignore[type-arg]
    for sample in samples:
        spans = sorted(sample.pii + sample.public, key=lambda i: i.start)
        for item in sample.pii:
            assert item.label in corpus7.PII_KINDS, sample.template
        for item in sample.public:
            assert item.label in corpus7.PUBLIC_CATEGORIES, sample.template
        for item in spans:
            assert sample.text[item.start : item.end] == item.text, sample.template
            assert item.text == item.text.strip() and item.text, sample.template
        for before, after in zip(spans, spans[1:], strict=False):
            assert before.end <= after.start, f"{sample.template}: overlapping spans"
        assert set(sample.traditions) <= set(corpus7.TRADITIONS), sample.template


def test_spans_follow_corpus_6s_conventions(samples: list) -> None:  # type: ignore[type-arg]
    for sample in samples:
        for item in sample.pii:
            if item.label == "nama":
                first = item.text.split()[0].lower()
                assert first not in HONORIFICS, f"{sample.template}: honorific inside a name span"
                assert not _DIGITS.search(item.text), sample.template
            elif item.label in ("nik", "kk"):
                assert len(_DIGITS.findall(item.text)) == 16, sample.template
            elif item.label == "npwp":
                assert len(_DIGITS.findall(item.text)) in (15, 16), sample.template
            elif item.label == "email":
                assert "@" in item.text or " at " in item.text or "[at]" in item.text, sample.template
            elif item.label == "rekening":
                assert re.fullmatch(r"[\d .-]+", item.text), f"{sample.template}: an account is the number only"
        names = [i for i in sample.pii if i.label == "nama"]
        assert bool(names) == bool(sample.traditions), f"{sample.template}: names and tradition tags disagree"


def test_coverage(samples: list) -> None:  # type: ignore[type-arg]
    counts = corpus7.counts(samples)
    clean = sum(1 for s in samples if not s.pii)
    assert clean >= MIN_CLEAN_SHARE * len(samples)
    for tradition in corpus7.TRADITIONS:
        assert counts["traditions"][tradition] >= MIN_TEXTS_PER_TRADITION, tradition
        assert counts["names"][tradition] >= MIN_NAMES_PER_TRADITION, tradition


def test_a_broken_mark_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "chat.txt"
    bad.write_text("@style chat\n== jawa\nsy [[nami:Sutrisno]] lapor\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        corpus7.parse_file(bad)
    bad.write_text("@style chat\n== sasak\nsy [[nama:Lalu Muhammad]] lapor\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        corpus7.parse_file(bad)


def test_the_evaluation_lists_failures_only_when_asked() -> None:
    quiet, loud = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(quiet):
        status = corpus7_eval.main(["--limit", "8", "--no-traditions"])
    with contextlib.redirect_stdout(loud):
        corpus7_eval.main(["--limit", "8", "--no-traditions", "--failures", "3"])
    assert status in (0, 1)
    assert "corpus 7: 8 hand-written texts" in quiet.getvalue()
    assert "Targets" in quiet.getvalue() and "ms per text" in quiet.getvalue()
    assert "--- first" not in quiet.getvalue()
    assert "--- first" in loud.getvalue() and "Targets" in loud.getvalue()
