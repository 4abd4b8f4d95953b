"""The checks every hand-written redaction corpus from corpus 6 on (bench/written_corpora.py) must
pass: each style file parses and names its style, labels are valid and sit on their own text
without overlapping, spans follow corpus 6's conventions, the corpus reaches its floors, a broken
mark is refused, the evaluation of a held-out corpus prints figures and never a span, and that of
tuning material lists failures only when asked. tests/test_written_corpora.py calls them for
corpora 8 to 13 with each corpus's floors; corpora 6 and 7 have test modules of their own."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import written_corpora as written
import written_corpus_eval
from redaction_corpus6 import LATER_TRADITIONS

# Words that sit next to a name and are not part of it (corpus 6's convention): a name span must
# not start with one.
HONORIFICS = frozenset({
    "pak", "bu", "ibu", "bapak", "bapa", "bpk", "bpk.", "haji", "h.", "hj.", "om", "tanta", "mama",
    "koh", "ko", "ci", "cik", "mas", "mbak", "mbah", "kak", "kaka", "bang", "cak", "yu", "kang", "ceu",
    "teh", "inang", "amang", "uda", "uni", "puang", "bli", "mbok", "nona", "usi", "bung", "sdr.",
    "sdri.", "ny.", "tn.", "dr.", "drg.", "ir.", "prof.", "pdt.", "sr.", "st.", "tgk.", "ustadz",
    "ust.", "kiai", "kyai", "gus", "kel.", "bidan", "perawat", "ners",
})  # fmt: skip

_DIGITS = re.compile(r"\d")
# A number read aloud in a voice note: each digit a word ("nol delapan satu ...").
_DIGIT = re.compile(r"\d|\b(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\b")
# An account number as typed or read aloud: digits and separators, or digit words.
_NUMBER_ONLY = re.compile(
    r"[\d .-]+|(?:(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)[ ,.-]*)+", re.I
)


@dataclass(frozen=True)
class Floors:
    """What a corpus must hold: in all, per style file, texts with nobody in them (for precision),
    per naming tradition (texts, and names in them), per kind and per public category."""

    texts: int
    per_style: int
    clean: int
    per_tradition: int
    names_per_tradition: int
    pii: Mapping[str, int] = field(default_factory=dict)
    public: Mapping[str, int] = field(default_factory=dict)


def files_parse(corpus: written.Written, floors: Floors) -> None:
    paths = sorted(corpus.texts.glob("*.txt"))
    assert paths, corpus.texts
    for path in paths:
        parsed = corpus.parse_file(path)
        assert path.stem in written.STYLES, path.name
        assert {s.style for s in parsed} == {path.stem}, path.name
        assert len(parsed) >= floors.per_style, path.name


def labels_sit_on_their_text(corpus: written.Written, samples: list[Any]) -> None:
    for sample in samples:
        spans = sorted(sample.pii + sample.public, key=lambda i: i.start)
        for item in sample.pii:
            assert item.label in written.WRITTEN_KINDS, sample.template
        for item in sample.public:
            assert item.label in written.PUBLIC_CATEGORIES, sample.template
        for item in spans:
            assert sample.text[item.start : item.end] == item.text, sample.template
            assert item.text == item.text.strip() and item.text, sample.template
        for before, after in zip(spans, spans[1:], strict=False):
            assert before.end <= after.start, f"{sample.template}: overlapping spans"
        assert set(sample.traditions) <= set(written.TRADITIONS), sample.template


def spans_follow_the_conventions(
    samples: list[Any],
    honorifics: frozenset[str] = HONORIFICS,
    npwp_digits: tuple[int, ...] = (15, 16),
    handles_carry_traditions: bool = False,
) -> None:
    """With `handles_carry_traditions`, a text whose only people are private accounts may still
    name their tradition (a handle made of a name)."""
    for sample in samples:
        for item in sample.pii:
            if item.label == "nama":
                words = item.text.split()
                # one word alone is the name itself (an initial "H.", a given name "Nona"), not a
                # word next to one
                assert len(words) == 1 or words[0].lower() not in honorifics, (
                    f"{sample.template}: honorific inside a name span"
                )
                assert not _DIGITS.search(item.text), sample.template
            elif item.label in ("nik", "kk"):
                assert len(_DIGIT.findall(item.text)) == 16, f"{sample.template}: {item.label} of 16 digits"
            elif item.label == "npwp":
                assert len(_DIGITS.findall(item.text)) in npwp_digits, sample.template
            elif item.label == "email":
                assert "@" in item.text or " at " in item.text or "[at]" in item.text, sample.template
            elif item.label == "rekening":
                assert _NUMBER_ONLY.fullmatch(item.text), f"{sample.template}: an account is the number only"
        # A text tagged with a tradition has a person in it; a text with names names its tradition.
        names = [i for i in sample.pii if i.label == "nama"]
        people = names or (handles_carry_traditions and [i for i in sample.pii if i.label == "akun"])
        assert bool(names) <= bool(sample.traditions), f"{sample.template}: names without a tradition tag"
        assert bool(people) >= bool(sample.traditions), f"{sample.template}: a tradition tag without a person"


def coverage(corpus: written.Written, samples: list[Any], floors: Floors) -> None:
    counts = written.counts(samples)
    assert len(samples) >= floors.texts
    assert sum(1 for s in samples if not s.pii) >= floors.clean
    assert {p.stem for p in corpus.texts.glob("*.txt")} == set(written.STYLES)
    for style in written.STYLES:
        assert counts["styles"][style] >= floors.per_style, style
    for tradition in written.TRADITIONS:
        if corpus.number < LATER_TRADITIONS.get(tradition, 0):
            continue  # the tag did not exist when this corpus was written
        assert counts["traditions"][tradition] >= floors.per_tradition, tradition
        assert counts["names"][tradition] >= floors.names_per_tradition, tradition
    for kind, floor in floors.pii.items():
        assert counts["pii"][kind] >= floor, kind
    for category, floor in floors.public.items():
        assert counts["public"][category] >= floor, category


def a_broken_mark_is_refused(corpus: written.Written, tmp_path: Path) -> None:
    bad = tmp_path / "chat.txt"
    bad.write_text("@style chat\n== jawa\nsy [[nami:Sutrisno]] lapor\n", encoding="utf-8")
    with pytest.raises(written.CorpusError):
        corpus.parse_file(bad)
    bad.write_text("@style chat\n== sasak\nsy [[nama:Lalu Muhammad]] lapor\n", encoding="utf-8")
    with pytest.raises(written.CorpusError):
        corpus.parse_file(bad)


def prints_figures_only(corpus: written.Written, samples: list[Any], limit: int = 6) -> None:
    """A held-out corpus's evaluation prints its figures and never a text or a span of one, and it
    refuses to list failures."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = written_corpus_eval.main([str(corpus.number), "--limit", str(limit)])
    printed = out.getvalue()
    assert status in (0, 1)
    assert f"corpus {corpus.number}: {limit} hand-written texts, all held out" in printed
    assert "Targets" in printed and "ms per text" in printed
    for sample in samples[:limit]:
        for item in sample.pii + sample.public:
            if len(item.text) >= 4:
                assert item.text not in printed, "the held-out evaluation printed a span"
    with pytest.raises(SystemExit), contextlib.redirect_stderr(io.StringIO()):
        written_corpus_eval.main([str(corpus.number), "--failures", "3"])


def lists_failures_only_when_asked(corpus: written.Written, monkeypatch: Any) -> None:
    """A tuning corpus's evaluation lists failures with --failures N, and only then. It is run with a
    redactor that finds nothing, so the first texts surely hold failures to list (the real one may
    have been tuned to pass them all)."""
    import redaction_heldout_eval

    monkeypatch.setattr(redaction_heldout_eval, "find_pii", lambda text: [])
    quiet, loud = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(quiet):
        status = written_corpus_eval.main([str(corpus.number), "--limit", "8", "--no-traditions"])
    with contextlib.redirect_stdout(loud):
        written_corpus_eval.main([str(corpus.number), "--limit", "8", "--no-traditions", "--failures", "3"])
    assert status in (0, 1)
    assert f"corpus {corpus.number}: 8 hand-written texts, tuning material" in quiet.getvalue()
    assert "Targets" in quiet.getvalue() and "ms per text" in quiet.getvalue()
    assert "--- first" not in quiet.getvalue()
    assert "--- first" in loud.getvalue() and "Targets" in loud.getvalue()
