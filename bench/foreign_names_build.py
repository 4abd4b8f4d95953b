"""Build ``chalicelib/data/names_foreign.txt``, the given names and surnames of foreigners (issue 11, session 13).

    python bench/foreign_names_build.py            # writes the list
    python bench/foreign_names_build.py --check    # fails when the shipped list differs from a new build

Tourists, expatriates and foreign residents write to a city's admin too, and name their drivers, hosts and
neighbours, and themselves: corpus 14 (held out, a third of it English) found 82% of its foreign names where
Indonesian names were found at 94-100%. The names are those of Faker's locales of the countries many of
Indonesia's foreign visitors and residents write from in a Latin alphabet (the United States, the United
Kingdom, Ireland, New Zealand, Germany, the Netherlands, France, Italy, Spain, Sweden, Denmark, Norway; Faker
has no Australian locale), ASCII letters only, three letters or more, less every word that is also a word: a
word of the redactor's English list (chalicelib/data/english_en.txt, which holds a name English writes as a
word: "will", "may"), an Indonesian word (the dictionary, common words, a region's everyday words, words given
as names), a place of a region, a public phrase's word, a role, an honorific or a title, or a word the tuning
corpora's writers wrote in lower case outside a name. Faker is a development dependency: the redactor reads the
file only.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "functions"))
OUT = ROOT / "functions" / "chalicelib" / "data" / "names_foreign.txt"
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "de_DE", "nl_NL", "fr_FR", "it_IT", "es_ES", "sv_SE", "da_DK", "no_NO")
HEADER = """# Foreigners' given names and surnames, one per line, case-insensitive: built by bench/foreign_names_build.py
# from Faker's locales of the countries most foreign visitors and residents write from, less every word that is
# also an English or an Indonesian word, a place, a role or a title. Do not edit by hand: rebuild.
"""


# Surnames only of these: the Romance and Scandinavian locales' surnames hold words Indonesians write
# ("Villa", "Bale", "Het" is Dutch), their given names do not
SURNAMES = ("en_US", "en_GB", "en_IE", "en_NZ", "de_DE")


def _names(locale: str) -> tuple[set[str], set[str]]:
    """The locale's given names, and its surnames if it is one of SURNAMES."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    given: set[str] = set()
    for attribute in ("first_names", "first_names_male", "first_names_female"):
        given.update(getattr(provider, attribute, ()))
    return given, set(getattr(provider, "last_names", ())) if locale in SURNAMES else set()


def _written_as_words() -> set[str]:
    """Words the tuning corpora's writers wrote in lower case outside every name: Indonesian and regional
    everyday words and loans that a foreign list holds as names ("villa", "bale", Betawi "ane", Minang
    "sinan", "porter")."""
    import re

    sys.path.insert(0, str(ROOT / "bench"))
    import written_corpora

    words: set[str] = set()
    for number in written_corpora.TUNING:
        for sample in written_corpora.corpus(number).load():
            text = list(sample.text)
            for item in sample.pii:
                text[item.start : item.end] = " " * (item.end - item.start)
            words.update(w for w in re.findall(r"[a-z]+", "".join(text)))
    return words


def build() -> str:
    from chalicelib.redaction import lexicon  # the lexicon of the code being built for

    lex = lexicon._LEX
    english = set((ROOT / "functions" / "chalicelib" / "data" / "english_en.txt").read_text().split())
    places = {w for phrase in lex.places for w in phrase.split()}
    phrases = {w for phrase in lex.phrases for w in phrase.lower().split()}
    taken = english | places | phrases | lex.common | lex.words | lex.roles | lex.honorifics | lex.titles
    indonesian = {w.strip(".").lower() for line in lexicon._lines("names_id.txt") for w in line.split()}
    taken |= {w.lower() for name in ("regional_words_id.txt", "word_names_id.txt") for w in lexicon._words(name)}
    taken |= _written_as_words()
    names: set[str] = set()
    for locale in LOCALES:
        given, surnames = _names(locale)
        for name in given | surnames:
            for word in name.replace("-", " ").split():
                low = word.lower()
                if low.isascii() and low.isalpha() and len(low) >= 3 and low not in taken and low not in indonesian:
                    names.add(word[:1].upper() + word[1:].lower())
    return HEADER + "".join(f"{name}\n" for name in sorted(names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the shipped list differs from a new build")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from a new build: run python bench/foreign_names_build.py", file=sys.stderr)
            return 1
        print(f"{OUT.name}: {text.count(chr(10)) - HEADER.count(chr(10))} names, same as a new build")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - HEADER.count(chr(10))} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
