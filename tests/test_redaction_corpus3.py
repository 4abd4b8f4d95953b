"""The third redaction corpus (bench/redaction_corpus3.py) is well formed.

Spans match their text and do not overlap, both splits have every style and naming tradition,
the splits share no name entry, public name or template, generation is deterministic, and
identifiers have their real structure. These checks are about the corpus, not the redactor.
"""

from __future__ import annotations

import dataclasses
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from corpus3.fill import Filler  # noqa: E402
from corpus3.names import HONORIFICS, MARKERS, TRADITIONS, Namer, name_entries  # noqa: E402
from corpus3.places import REGIONS, all_named  # noqa: E402
from corpus3.split import split_of  # noqa: E402
from corpus3.templates import STYLES, all_templates, templates  # noqa: E402
from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, Item, Sample, generate  # noqa: E402

SPLITS = ("tune", "heldout")


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[Sample]]:
    return {split: generate(1200, seed=3, split=split) for split in SPLITS}


def _items(sample: Sample):
    return sample.pii + sample.public


def test_every_span_matches_its_text(corpus):
    for samples in corpus.values():
        for s in samples:
            for item in _items(s):
                assert 0 <= item.start < item.end <= len(s.text)
                assert s.text[item.start : item.end] == item.text, (s.text, item)
                assert item.text == item.text.strip(), item


def test_spans_do_not_overlap(corpus):
    for samples in corpus.values():
        for s in samples:
            spans = sorted((i.start, i.end) for i in _items(s))
            for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
                assert end <= start, (s.text, spans)


def test_labels_are_known_and_on_the_right_side(corpus):
    for samples in corpus.values():
        for s in samples:
            assert all(i.label in PII_KINDS for i in s.pii)
            assert all(i.label in PUBLIC_CATEGORIES for i in s.public)
    assert not set(PII_KINDS) & set(PUBLIC_CATEGORIES)


def test_both_splits_have_every_style_tradition_and_pii_kind(corpus):
    for split, samples in corpus.items():
        assert samples, split
        assert {s.style for s in samples} == set(STYLES), split
        assert {t for s in samples for t in s.traditions} == set(TRADITIONS), split
        assert {i.label for s in samples for i in s.pii} == set(PII_KINDS), split
        public = {i.label for s in samples for i in s.public}
        assert public == set(PUBLIC_CATEGORIES), (split, set(PUBLIC_CATEGORIES) - public)


def test_name_lists_are_large_and_disjoint_between_splits():
    tune, heldout = name_entries("tune"), name_entries("heldout")
    all_tune = {e for es in tune.values() for e in es}
    all_heldout = {e for es in heldout.values() for e in es}
    assert len(all_tune | all_heldout) >= 600
    assert not all_tune & all_heldout
    for key in TRADITIONS:
        assert tune[key] and heldout[key], key
        assert len(tune[key]) + len(heldout[key]) >= 15, key


def test_generated_names_use_only_their_split_tokens(corpus):
    def tokens(samples: list[Sample]) -> set[str]:
        words = {
            w.lower() for s in samples for i in s.pii if i.label == "nama" for w in re.findall(r"[^\W\d_]+", i.text)
        }
        return words - {m.lower().rstrip(".") for m in MARKERS}

    tune, heldout = tokens(corpus["tune"]), tokens(corpus["heldout"])
    assert not tune & heldout, sorted(tune & heldout)[:20]
    assert all(split_of(w) == "tune" for w in {w for es in name_entries("tune").values() for w in es})


def test_templates_are_many_and_disjoint_between_splits(corpus):
    for style, every in all_templates().items():
        assert len(every) >= 40, style
        tune, heldout = set(templates("tune")[style]), set(templates("heldout")[style])
        assert len(tune) >= 15 and len(heldout) >= 15, style
        assert not tune & heldout, style
        assert tune | heldout == set(every), style
    for split, samples in corpus.items():
        pools = templates(split)
        assert all(s.template in pools[s.style] for s in samples)


def test_public_names_are_disjoint_between_splits():
    tune, heldout = all_named("tune"), all_named("heldout")
    for category in tune.keys() | heldout.keys():
        assert not tune.get(category, set()) & heldout.get(category, set()), category


def test_generation_is_deterministic_for_a_seed():
    first = generate(150, seed=11, split="heldout")
    again = generate(150, seed=11, split="heldout")
    other = generate(150, seed=12, split="heldout")
    assert [(s.text, s.pii, s.public) for s in first] == [(s.text, s.pii, s.public) for s in again]
    assert [s.text for s in first] != [s.text for s in other]


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="split"):
        generate(1, split="train")


def test_honorifics_and_roles_are_outside_name_spans(corpus):
    honorifics = {
        h.lower() for by_gender in HONORIFICS.values() for hs in by_gender.values() for h in hs for h in h.split()
    }
    honorifics -= {m.lower() for m in MARKERS}
    roles = {"rt", "rw", "lurah", "camat", "perawat", "bidan", "ketua", "pak", "bu", "ttd", "ttd."}
    for samples in corpus.values():
        for s in samples:
            for item in s.pii:
                if item.label == "nama":
                    first = item.text.split()[0].lower()
                    assert first not in honorifics | roles, (item.text, s.text)


def test_role_mentions_label_only_the_name(corpus):
    # "Pak RT Slamet": the role word stays outside the name span, right before it.
    seen = 0
    for s in corpus["tune"] + corpus["heldout"]:
        for item in s.pii:
            before = s.text[max(0, item.start - 12) : item.start].lower()
            if item.label == "nama" and re.search(r"\b(rt|rw|lurah|perawat|bidan|satpam|sopir)\s*\(?$", before):
                seen += 1
    assert seen >= 20


def test_identifiers_have_their_real_structure(corpus):
    prefixes = {r.nik_prefix for r in REGIONS}
    checks = {
        "nik": lambda t: len(re.sub(r"\D", "", t)) == 16 and re.sub(r"\D", "", t)[:4] in prefixes,
        "kk": lambda t: len(re.sub(r"\D", "", t)) == 16 and re.sub(r"\D", "", t)[:4] in prefixes,
        "npwp": lambda t: len(re.sub(r"\D", "", t)) in (15, 16),
        "bpjs": lambda t: re.fullmatch(r"000\d{10}", re.sub(r"\D", "", t)) is not None,
        "paspor": lambda t: re.fullmatch(r"[A-Z] ?\d{7}", t) is not None,
        "telepon": lambda t: re.fullmatch(r"(\(?\+?62\)?|\(?0)[\d .()-]{8,16}", t) is not None,
        "email": lambda t: re.fullmatch(r"[a-z0-9._]+@[a-z.]+\.[a-z]+", t.lower()) is not None,
        "akun": lambda t: re.fullmatch(r"@[a-z0-9._]+", t.lower()) is not None,
        "nopol": lambda t: re.fullmatch(r"[A-Z]{1,2}[ -]?\d{1,4}[ -]?[A-Z]{1,3}", t.upper()) is not None,
        "rekening": lambda t: re.fullmatch(r"[\d -]{10,20}", t) is not None,
        "alamat": lambda t: re.search(r"\d", t) is not None,
    }
    for samples in corpus.values():
        for s in samples:
            for item in s.pii:
                if item.label in checks:
                    assert checks[item.label](item.text), (item, s.text)


def test_styles_look_like_their_family(corpus):
    samples = corpus["tune"] + corpus["heldout"]
    caps = [s.text for s in samples if s.style == "caps"]
    assert all(t == t.upper() for t in caps)
    chat = " ".join(s.text for s in samples if s.style == "chat")
    for word in ("sy", "yg", "udh", "gk", "tp", "bgt"):
        assert re.search(rf"\b{word}\b", chat), word
    signed = " ".join(s.text for s in samples if s.style == "signature")
    assert "ttd." in signed and "Hormat saya" in signed
    lists = [s for s in samples if s.style == "witness_list"]
    assert sum(1 for s in lists if len([i for i in s.pii if i.label == "nama"]) >= 3) > len(lists) / 2


def test_public_names_contain_person_names(corpus):
    # Public names made of a person's name must survive: "Jl. Ahmad Yani", "Stadion Kapten I Wayan Dipta".
    listed = {n.lower() for split in SPLITS for names in all_named(split).values() for n in names}
    for fragment in ("yani", "wayan", "moh.", "andi", "daeng", "marthen", "kartini", "slamet", "cheng ho"):
        assert any(fragment in n for n in listed), fragment
    for split, samples in corpus.items():
        kinds = [i.label for s in samples for i in s.public]
        for category in ("street_named_after_person", "hospital", "school", "mosque", "stadium", "landmark"):
            assert kinds.count(category) >= 10, (split, category)


def test_name_structures_of_every_tradition_appear(corpus):
    names = " ".join(i.text for s in corpus["tune"] + corpus["heldout"] for i in s.pii if i.label == "nama")
    markers = ("Wayan", "Made", "Nyoman", "Ketut", "Ni ", "Andi ", "Daeng ", "Moh.", "Abd.", "br.", "Teuku ", "Lalu ")
    for marker in markers:
        assert marker.lower() in names.lower(), marker


def test_main_prints_samples():
    out = subprocess.run(
        [sys.executable, str(BENCH / "redaction_corpus3.py"), "--count", "4", "--split", "heldout"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.count("--- ") == 4
    assert "PII" in out and "public" in out


def test_every_template_fills_in_every_region():
    # A misspelt slot fails here, not only when generate() happens to draw its template.
    rng = random.Random(0)
    for split in SPLITS:
        namer = Namer(split)
        for style, pool in templates(split).items():
            for template in pool:
                for region in REGIONS:
                    filled = Filler(namer, split, region, style, rng).fill(template)
                    assert "{" not in filled.text and "}" not in filled.text, template
                    assert filled.text.strip(), template


def test_dialect_templates_stay_in_their_region(corpus):
    samples = corpus["tune"] + corpus["heldout"]
    tabe = [s for s in samples if s.text.lower().startswith("tabe'")]
    assert all("makassar" in s.template or "{@makassar}" in s.template for s in tabe)
    beta = [s for s in samples if "{@ambon}" in s.template]
    places = {i.text.lower() for s in beta for i in s.public if i.label == "place"}
    ambon = next(r for r in REGIONS if r.key == "ambon")
    assert all(any(k.lower() in p for k in ambon.kelurahan + ambon.kecamatan + (ambon.city,)) for p in places)


def test_a_name_never_also_stands_unlabelled_in_its_text(corpus):
    # If "Kasih" is a person in the text, no unlabelled "kasih" (as in "terima kasih") may remain:
    # the text would then hold the name where no label says so.
    shared = {m.lower().rstrip(".") for m in MARKERS}
    for samples in corpus.values():
        for s in samples:
            mask = list(s.text.lower())
            for item in s.pii + s.public:
                mask[item.start : item.end] = " " * (item.end - item.start)
            outside = set(re.findall(r"[^\W\d_]+", "".join(mask)))
            for item in s.pii:
                if item.label == "nama":
                    words = set(re.findall(r"[^\W\d_]+", item.text.lower())) - shared
                    assert not words & outside, (item.text, s.text)


def test_interface_is_the_one_the_evaluator_relies_on():
    assert [f.name for f in dataclasses.fields(Item)] == ["label", "start", "end", "text"]
    assert Item.__dataclass_params__.frozen
    assert [f.name for f in dataclasses.fields(Sample)][:4] == ["text", "style", "pii", "public"]
    assert PII_KINDS == (
        "nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat"
    )  # fmt: skip
    samples = generate()
    assert len(samples) == 2000 and all(isinstance(s, Sample) for s in samples)
