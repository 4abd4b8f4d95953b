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
# A number read aloud in a voice note: each digit a word ("nol delapan satu ...").
_DIGIT = re.compile(r"\d|\b(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\b")


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
                assert len(_DIGIT.findall(item.text)) == 16, sample.template
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
    assert len(samples) >= MIN_TEXTS
    assert sum(1 for s in samples if not s.pii) >= MIN_CLEAN_TEXTS
    assert {p.stem for p in corpus7.TEXTS.glob("*.txt")} == set(corpus7.STYLES)
    for tradition in corpus7.TRADITIONS:
        assert counts["traditions"][tradition] >= MIN_TEXTS_PER_TRADITION, tradition
        assert counts["names"][tradition] >= MIN_NAMES_PER_TRADITION, tradition
    assert set(MIN_PII) == set(corpus7.PII_KINDS)
    for kind, floor in MIN_PII.items():
        assert counts["pii"][kind] >= floor, kind
    for category, floor in MIN_PUBLIC.items():
        assert counts["public"][category] >= floor, category


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
    bad = tmp_path / "chat.txt"
    bad.write_text("@style chat\n== jawa\nsy [[nami:Sutrisno]] lapor\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        corpus7.parse_file(bad)
    bad.write_text("@style chat\n== sasak\nsy [[nama:Lalu Muhammad]] lapor\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        corpus7.parse_file(bad)


def test_the_evaluation_lists_failures_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import redaction_heldout_eval

    # a redactor that finds nothing, so the first texts surely hold failures to list (the real one
    # has been tuned on this corpus and may pass them all)
    monkeypatch.setattr(redaction_heldout_eval, "find_pii", lambda text: [])
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
