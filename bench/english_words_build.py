"""Build ``chalicelib/data/english_en.txt``, the English words the redactor reads as English (issue 11).

    python bench/english_words_build.py            # writes the list
    python bench/english_words_build.py --check    # fails when the shipped list differs from a new build

The words are the most frequent words of pyspellchecker's English frequency list (from film subtitles,
so the English people write, not a dictionary's), letters only, two letters or more, without the given
names and surnames of Faker's English-speaking locales (their given names, and their surnames but for the most frequent
words: "brown", "young", "white", "burns" are words first): "john", "smith", "rose", "mark" stay what the
name lexicons and the model make of them. (Faker's "en" locale and those of Kenya, India, Pakistan or Nigeria
give words as names, "friend", "said", "doctor", and are not used.) Both packages are used here only; the redactor reads the file
(chalicelib/redaction/english_text.py). The list is built in frequency order, then sorted.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "functions" / "chalicelib" / "data" / "english_en.txt"
SIZE = 30000  # words kept, by frequency: "complained" and "roundabout" are in, rare and archaic words out
SURNAME_WORDS = 5000  # a surname among this many most frequent words is kept as a word
_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ")
_HEADER = (
    "# English words (the redactor's English text mode, chalicelib/redaction/english_text.py), one a line.\n"
    "# Made by bench/english_words_build.py from pyspellchecker's English frequency list, without the\n"
    "# English-speaking locales' person names of Faker. Do not edit by hand.\n"
)


def person_names() -> tuple[set[str], set[str]]:
    """Given names and surnames of Faker's English-speaking locales, in lower case."""
    given: set[str] = set()
    surnames: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            given.update(name.lower() for name in getattr(provider, attribute, ()))
        surnames.update(name.lower() for name in getattr(provider, "last_names", ()))
    return given, surnames


def build() -> str:
    data = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    given, surnames = person_names()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    words = [w for w, _ in ranked if w.isascii() and w.isalpha() and len(w) > 1][:SIZE]
    kept = [w for rank, w in enumerate(words) if w not in given and (w not in surnames or rank < SURNAME_WORDS)]
    return _HEADER + "".join(w + "\n" for w in sorted(kept))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the shipped list with a new build")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("english_en.txt is up to date" if same else "english_en.txt differs from a new build")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.name}: {text.count(chr(10)) - _HEADER.count(chr(10))} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
