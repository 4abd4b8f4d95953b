"""The gate's scan of files, compiled into automata, finds exactly what the word-by-word scan
it replaced found: on the identifiers of real reports stuffed with personal data, on every
spelling a hostile text can give them, and on random mixtures of their pieces."""

from __future__ import annotations

import html
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime

import pytest
from chalicelib.gate import identifiers_of, vocabulary
from chalicelib.gate.files import FOLDS_TO_ASCII, Scanner
from chalicelib.gate.identifiers import DIGIT_RUN, Identifier
from chalicelib.region import load_region
from chalicelib.submission import new_report, validate
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gate import LEAKY
from test_gate_identifiers import IDS
from test_privacy_build import stuffed_lines

REGION = load_region()
VOCAB = vocabulary(REGION)
_TAG = re.compile(r"<[^<>]{0,500}>")
_WORD = re.compile(r"\w+")


def reference_scan(identifiers: Iterable[Identifier], text: str) -> Iterator[tuple[str, str]]:
    """The scan as it was before the automata (gate/files.py up to this change), word by word:
    yields (tracking, key) per finding."""
    numbers: dict[str, Identifier] = {}
    phrases: dict[tuple[str, ...], Identifier] = {}
    for ident in identifiers:
        if ident.is_number:
            numbers.setdefault(ident.key[1:], ident)
        else:
            phrases.setdefault(tuple(ident.key.split(" ")), ident)
    number_lengths = sorted({len(k) for k in numbers})
    shortest = number_lengths[0] if number_lengths else 1_000_000
    lengths_by_first: dict[str, list[int]] = {}
    for phrase in phrases:
        lengths_by_first.setdefault(phrase[0], []).append(len(phrase))
    text = html.unescape(_TAG.sub(" ", text))
    for run in DIGIT_RUN.findall(text):
        if len(run) < shortest:
            continue
        digits = re.sub(r"\D", "", run)
        for length in number_lengths:
            for start in range(len(digits) - length + 1):
                if (number := digits[start : start + length]) in numbers:
                    yield numbers[number].tracking, numbers[number].key
    found = tuple(_WORD.findall(text.casefold()))
    for start, word in enumerate(found):
        for length in lengths_by_first.get(word, ()):
            if (phrase := found[start : start + length]) in phrases:
                yield phrases[phrase].tracking, phrases[phrase].key


def findings(scanner: Scanner, text: str) -> set[tuple[str, str]]:
    """What the scanner finds in a text, the same read as a file's bytes (which skip the text's
    decoding when they hold no entity) as read as text."""
    found = {(leak.identifier.tracking, leak.identifier.key) for leak in scanner.scan_text(text, "x")}
    data = text.encode("utf-8", "surrogatepass")
    assert {(leak.identifier.tracking, leak.identifier.key) for leak in scanner.scan_bytes(data, "x")} == found
    return found


def expected(text: str, identifiers: list[Identifier] | None = None) -> set[tuple[str, str]]:
    """What the old scan found. A set: it yielded a phrase once per identifier that shared its
    first word and length (a list, not a set, of lengths), a repeat and not a finding."""
    return set(reference_scan(identifiers or ALL, text))


def stuffed_reports(count: int) -> list[tuple[list[Identifier], str]]:
    """Real reports made by the real code path from the privacy build's stuffed submissions:
    their identifiers, and their private text."""
    made = []
    for raw in stuffed_lines(count, seed=8):
        report, _ = new_report(validate(json.loads(raw), REGION), REGION, now=datetime(2026, 3, 2, 9))
        made.append((identifiers_of(report, VOCAB), f"{report.title}\n{report.description}"))
    return made


REPORTS = stuffed_reports(40)
# Every key twice, as a strong identifier of two reports: the first one given is the one named.
EVERY = [i for ids, _ in REPORTS for i in ids] + [
    Identifier("PSR-DUPE-0000", i.kind, i.key, True, i.masked) for ids, _ in REPORTS for i in ids
]
# Keys that sit inside one another: a word inside a longer word, a name inside a longer name,
# numbers that overlap or contain each other.
TRICKY = [
    Identifier("PSR-TRIK-0001", "nama", "ana", False, "…"),
    Identifier("PSR-TRIK-0002", "nama", "siti ana", True, "…"),
    Identifier("PSR-TRIK-0003", "nama", "siti ana siti", True, "…"),
    Identifier("PSR-TRIK-0004", "telepon", "#12345678", True, "…"),
    Identifier("PSR-TRIK-0005", "telepon", "#23456789", True, "…"),
    Identifier("PSR-TRIK-0006", "nik", "#1234567890123456", True, "…"),
    Identifier("PSR-TRIK-0007", "email", "ana_b example com", True, "…"),
    Identifier("PSR-TRIK-0008", "nama", "straße müller", True, "…"),
]
ALL = [i for i in (*EVERY, *TRICKY, *IDS) if i is not None]
# A key outside ASCII ("straße") makes every text be read the exact way for words: the quick
# reading is tried without it.
ASCII = [i for i in ALL if i.key.isascii()]
SETS = pytest.mark.parametrize("identifiers", [ALL, ASCII], ids=["all", "ascii"])


def spellings(ident: Identifier, rng: random.Random) -> list[str]:
    """The hostile ways to write one identifier: markup between its parts, other spacing and
    case, entities, digits grouped otherwise, the country code, glued to its neighbours."""
    if ident.is_number:
        digits = ident.key[1:]
        groups = [digits[i : i + rng.randint(1, 5)] for i in range(0, len(digits), 3)]
        grouped = "".join(g for g in groups)[: len(digits)]
        cut = rng.randint(1, len(digits) - 1)
        return [
            digits,
            f"0{digits}",
            f"+62 {digits[:3]} {digits[3:7]} {digits[7:]}",
            f"62{digits}",
            "-".join(digits[i : i + 4] for i in range(0, len(digits), 4)),
            ".".join(digits[i : i + 3] for i in range(0, len(digits), 3)),
            f"({digits[:3]}) {digits[3:]}",
            f"<td>{digits}</td>",
            f"{digits[:cut]}<b>{digits[cut:]}</b>",  # a tag inside a number splits it
            f"{digits[:cut]}, {digits[cut:]}",  # a comma ends a digit run
            f"9{grouped}9",  # inside a longer number
            f"{digits[:-1]}",  # one digit short
            f"x{digits}y",
            f"{digits}/{digits}",
            f'{digits[:cut]}<td id="5{cut}">{digits[cut:]}',  # digits inside the tag between
            f"<{'x' * 600} {digits} >",  # too long for a tag: its text is read
            f"&lt;{digits[:cut]}<b>{digits[cut:]}&gt;",  # brackets that are text, not tags
            f'<a href="/{digits}">tautan</a>',  # inside a tag: not read
            f"{digits[:cut]}<{'y' * 501}>{digits[cut:]}",
        ]
    words = ident.key.split(" ")
    sep = rng.choice([" ", "  ", "\n", "-", ".", "<br>", "</b> <b>", "&nbsp;", "&#32;", ", ", "_"])
    return [
        " ".join(words),
        sep.join(w.upper() for w in words),
        sep.join(w.title() for w in words),
        "<b>" + "</b>\n <i>".join(words) + "</i>",
        "&amp;".join(words),
        "".join(words),  # glued: another word
        " ".join(words[:-1]) + " " + words[-1] + "x",  # the last word longer
        "x" + " ".join(words),
        " ".join(words) + " " + " ".join(words),
        "&#" + str(ord(words[0][0])) + ";" + " ".join(words)[1:],  # first letter as an entity
        f'{{"name": "{" ".join(words)}"}}',
        f"<{'y' * 600} {' '.join(words)}>",
        "&lt;b&gt;".join(words),
        f'{words[0]}<span class="{words[-1]}">{" ".join(words[1:])}</span>',
        f'<img alt="{" ".join(words)}">',
        " ".join(words).upper().replace("K", "\u212a").replace("SS", "\u1e9e"),  # fold into ASCII
        " ".join(words).replace("fi", "\ufb01").replace("s", "\u017f"),
    ]


def hostile_texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = [text for _, text in REPORTS] + [LEAKY]
    for ident in ALL:
        for spelling in spellings(ident, rng):
            filler = rng.choice(["Lampu jalan mati", "RT 03 RW 05", "Rp 1.234.567", "di Jl. Veteran", ""])
            texts.append(f"{filler} {spelling} {rng.choice(['.', '', '<p>', ' 2026'])}")
    return texts


@SETS
def test_the_compiled_scan_finds_what_the_word_by_word_scan_found(identifiers: list[Identifier]) -> None:
    scanner = Scanner(identifiers)
    texts = hostile_texts(seed=5)
    hits: Counter[tuple[str, str]] = Counter()
    for text in texts:
        found = expected(text, identifiers)
        assert findings(scanner, text) == found, text
        hits.update(found)
    # The inputs are not all misses: most identifiers are found, by many spellings.
    assert sum(hits.values()) > len(texts) / 2 and len(hits) > len(identifiers) / 3
    # And all of them in one block (a page or a CSV file holds many reports).
    block = "\n<hr>\n".join(texts)
    assert findings(scanner, block) == expected(block, identifiers)


def test_a_scanner_of_keys_names_what_the_index_would() -> None:
    """`of_keys` (the build's scanner) finds the same keys, naming each through `resolve`."""
    named = {i.key: i for i in reversed(ALL)}
    scanner = Scanner.of_keys([i.key for i in ALL], lambda key: named[key])
    for text in hostile_texts(seed=6)[:400]:
        assert findings(scanner, text) == {(named[key].tracking, key) for _, key in expected(text)}, text


PIECES = sorted({w for i in ALL if not i.is_number for w in i.key.split(" ")}) + ["ana", "banana", "siti", "straße"]
NUMBERS = sorted({i.key[1:] for i in ALL if i.is_number})
SEPARATORS = [" ", "", "-", ".", ",", "(", ")", "/", "+", "\n", "<b>", "</b>", "&nbsp;", "&amp;", "_", "İ", "ß", "٣"]
SEPARATORS += ["<td id=5>", "&lt;", "&gt;", "<", ">", "<" + "z" * 501, "&#56;", "&#x41;", "\u2026", "\xa0"]


@st.composite
def mixtures(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["word", "number", "cut", "sep", "digits"]))
        if kind == "word":
            word = draw(st.sampled_from(PIECES))
            parts.append(draw(st.sampled_from([word, word.upper(), word.title()])))
        elif kind == "number":
            parts.append(draw(st.sampled_from(NUMBERS)))
        elif kind == "cut":
            number = draw(st.sampled_from(NUMBERS))
            cut = draw(st.integers(0, len(number)))
            parts.append(number[:cut] + draw(st.sampled_from(SEPARATORS)) + number[cut:])
        elif kind == "digits":
            parts.append(draw(st.text(alphabet="0123456789", min_size=1, max_size=6)))
        else:
            parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(mixtures())
def test_random_mixtures_of_identifier_pieces_give_the_same_findings(text: str) -> None:
    assert findings(SCANNER, text) == expected(text)
    assert findings(ASCII_SCANNER, text) == expected(text, ASCII)


SCANNER, ASCII_SCANNER = Scanner(ALL), Scanner(ASCII)


@pytest.mark.parametrize("text", ["", "<>", "&", "0" * 30, "<b" * 400 + ">", "\x00\ufffd"])
def test_degenerate_texts(text: str) -> None:
    raw = b"\xe2" + NUMBERS[0].encode() + b"\xff\xe2\x84\xaa"  # not UTF-8, and a Kelvin sign
    assert {leak.identifier.key for leak in SCANNER.scan_bytes(raw, "x")} == {
        key for _, key in expected(raw.decode("utf-8", "replace"))
    }
    assert findings(SCANNER, text) == expected(text)
    assert findings(Scanner(()), text) == set()


def test_the_characters_that_fold_into_ascii_are_all_listed() -> None:
    every = "".join(
        chr(c)
        for c in range(0x80, 0x110000)
        if not 0xD800 <= c < 0xE000 and any(f.isascii() for f in chr(c).casefold())
    )
    assert FOLDS_TO_ASCII == every
