"""The record check's scanner (few keys, every text read the exact way) asks `in` before it
builds its automata: it must find exactly what the automata find, in their order, and build
nothing for a text that holds none of its keys."""

from __future__ import annotations

import random

from chalicelib.gate.files import FEW_KEYS, Scanner
from test_gate_scan import ALL, expected, hostile_texts


def keys_found(scanner: Scanner, text: str) -> list[str]:
    return [leak.identifier.key for leak in scanner.scan_text(text, "x")]


def test_a_few_keys_are_found_as_the_automata_find_them() -> None:
    rng = random.Random(8)
    texts = hostile_texts(seed=8)
    hits = 0
    for _ in range(60):
        few = rng.sample(ALL, rng.randint(1, 6))
        for text in rng.sample(texts, 40):
            lazy = Scanner(few, quick=False)
            eager = Scanner(few, quick=False)
            eager._compile()
            found = keys_found(lazy, text)
            assert found == keys_found(eager, text), text  # the same keys, in the same order
            assert {(lazy._found(k).tracking, k) for k in found} == expected(text, few), text
            hits += bool(found)
            if not found:  # a text that holds none of the keys built no automaton
                assert lazy._compiled is False
    assert hits > 30  # not all misses


def test_many_keys_compile_as_before() -> None:
    many = list({i.key: i for i in ALL}.values())[: FEW_KEYS + 1]
    scanner = Scanner(many, quick=False)
    assert len(scanner) == FEW_KEYS + 1
    assert keys_found(scanner, "nothing 0899 1234 5678 to see here") == []
    assert scanner._compiled
