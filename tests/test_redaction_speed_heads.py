"""The filters' shared pre-scan (``redaction.heads``) finds every head a direct scan finds, and a filter that
skips a text for want of its heads finds what it finds when it looks (the plain reference path).

Each filter registers the words it starts from; one Aho-Corasick pass over the text in lower case finds them
all. Here every head is planted in texts (alone, glued inside a word, in capitals, overlapping another head)
and the pre-scan must report exactly the heads that ``head in doc.low`` reports; then the whole redactor must
find the same on those texts with and without the pre-scan.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import (
    campus_names,
    engine,
    english_words,
    find_pii,
    heads,
    hero_places,
    local_titles,
    office_addresses,
)
from chalicelib.redaction.document import _Doc

FILTERS = (campus_names, english_words, hero_places, local_titles, office_addresses)


def _planted(head: str) -> list[str]:
    """Texts that hold the head in the ways a complaint may: a word of its own, capitalised, inside a word,
    next to a name (so that the filters have candidates to look at)."""
    return [
        f"Laporan dari Bapak Sutrisno tentang {head} di depan rumah.",
        f"Pak {head.title()} Sutrisno datang, lalu {head.upper()} tutup.",
        f"Kemarin Budi{head}an dan Sutrisno ke Jl. Mawar No. 5, Malang.",
        f"{head.title()} Sutrisno, Jl. Merdeka No. 1, Lhokseumawe",
        f"Mohon bantuan {head.title()} Sutrisno Wibowo.",
    ]


ALL_HEADS = sorted(set().union(*(module._HEADS for module in FILTERS)))
# The words each rule acts on, from the rules' own lists (not from the heads they register: a head left out of
# the registry must make the redactor differ here)
RULES_WORDS = sorted(
    english_words._ENGLISH
    | {"made in"}
    | campus_names._CAMPUSES
    | hero_places._MONUMENTS
    | {f"rsud dr. {w}." for w in hero_places._GIVEN_ABBREVIATED}
    | local_titles._TITLES
    | local_titles._QUALIFIERS
    | {"bapa raja", "kepala pelaksana", "ppid utama"}
    | {"kabag", "kabid", "kasubbag", "kasubag", "kasi", "kasie", "kaur", "kaban", "kadis", "kadisdukcapil", "kasat"}
    | {"kasatpol", "kalak", "kadishub"}
    | {"jl.", "jln.", "jalan"}
)
# heads that hold other heads, which a scan that reports one match per place would hide
OVERLAPS = ["kasie", "kasubbag", "jalan", "general manager", "patung moh."]


def test_every_filter_registers_its_heads() -> None:
    for module in FILTERS:
        assert module._HEADS, module.__name__
        assert module._HEADS <= heads._HEADS, module.__name__


@pytest.mark.parametrize("head", ALL_HEADS + OVERLAPS)
def test_the_pre_scan_finds_what_a_direct_scan_finds(head: str) -> None:
    for text in _planted(head):
        doc = _Doc.of(text)
        direct = {h for h in heads._HEADS if h in doc.low}
        assert heads.found(doc) == direct, text
        for module in FILTERS:
            assert heads.present(doc, module._HEADS) == bool(module._HEADS & direct), (module.__name__, text)


def test_a_text_without_heads_is_skipped_and_the_reference_path_looks() -> None:
    doc = _Doc.of("Lampu jalan mati sejak Senin.")  # "jalan": the office addresses' head only
    assert heads.found(doc) == {"jalan"}
    assert heads.present(doc, office_addresses._HEADS)
    assert not heads.present(doc, english_words._HEADS)
    with engine.reference():
        assert heads.present(doc, english_words._HEADS)


@pytest.mark.parametrize("word", RULES_WORDS)
def test_the_redactor_finds_the_same_with_and_without_the_pre_scan(word: str) -> None:
    texts = _planted(word) + [
        f"PEMERINTAH KOTA BANDUNG\nKELURAHAN SUKAGALIH\n{word.title()} Sukagalih No. 2, Bandung",
        f"Kantor: {word.title()} Balai Kota No. 1. Disdukcapil, {word.title()} Sudirman No. 18",
    ]
    fast = [find_pii(text) for text in texts]
    with engine.reference():
        plain = [find_pii(text) for text in texts]
    assert fast == plain
