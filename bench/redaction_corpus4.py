"""The fourth redaction evaluation corpus: Indonesian complaint texts written by hand (issue 11).

Corpora one to three are generated from templates; this one is not. Every text in
bench/corpus4/texts/*.txt was written as a citizen or an officer would write it to a city's
complaint service (SP4N-LAPOR!, E-Sambat): lower-case WhatsApp chat with abbreviations and
regional particles, forwarded messages, formal letters, witness lists, form-like reports,
officers' dispositions, social-media posts, angry capitals. It was written without reading the
redactor, its tests or the other corpora. It was wholly held out until session 5, which split it
(bench/redaction_corpus4_eval.py --split): the even texts of each style file are a tune half whose
failures may be read, the odd texts a held-out half whose evaluation prints figures, never the
failures. bench/corpus5 is now the corpus nobody tunes on.

File format (one file per style, UTF-8):

    @style chat                      first line: the style of every text in the file
    == jawa, madura                  a new text; the naming traditions of the people in it ("-": none)
    pagi pak, sy [[nama:Moh. Sholeh]] mau lapor ...
    == bali
    ...

Spans are marked inline while writing: ``[[KIND:text]]`` for something that must be removed
(KIND one of PII_KINDS, or in a hand-written corpus also WRITTEN_ONLY_KINDS: nip, nomor) and ``[[public:CATEGORY:text]]`` for something that must survive
(CATEGORY one of PUBLIC_CATEGORIES). The parser strips the marks and computes the offsets.
Label conventions are corpus 3's: a name's own parts are labelled (Balinese "I"/"Ni" and
birth-order names, "Ida Bagus", Bugis "Andi", Makassar "Daeng", Madurese "Moh."/"Abd.", Batak
"br."); honorifics, roles and degrees next to a name (Pak, Bu, Koh, Mama, RT, dr., H., S.Pd.)
are not; rekening is the number only; alamat is street, number and RT/RW as one span.

RT/RW (docs/redaction.md, "Addresses and neighbourhoods"): a house address, with its house
number, block or unit, is personal (``alamat``); an RT/RW without one names a neighbourhood of
dozens of households and is public (``public:rt_rw``), whoever lives there. The writers of corpora
4-6 labelled some of the writer's own bare RT/RW ("Alamat: RT 12 RW 04 Kelurahan X", "Dusun Krajan
RT 01 RW 03") an address and others ("sy X warga RT 03 RW 05") public: `settle_rt_rw` applies the
convention when a file is read, so the texts stay as written and only those labels move.

    python bench/redaction_corpus4.py --stats
    python bench/redaction_corpus4.py --show 3
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, WRITTEN_KINDS, Item, Sample  # noqa: E402

TEXTS = _HERE / "corpus4" / "texts"

# The naming traditions this corpus sets out to cover; every one must occur in some text.
TRADITIONS = (
    "jawa",
    "sunda",
    "madura",
    "bali",
    "batak",
    "minang",
    "bugis_makassar",
    "tionghoa",
    "arab",
    "papua",
    "maluku",
    "nusa_tenggara",
    "melayu_aceh",
    "kristen_barat",
    "word_name",
)

_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


class CorpusError(ValueError):
    """A text file of the corpus is malformed (unknown label, broken mark, missing header)."""


def parse_text(marked: str, where: str = "") -> tuple[str, list[Item], list[Item]]:
    """Strip the ``[[...]]`` marks from one text; return the text and its pii and public spans."""
    out: list[str] = []
    pii: list[Item] = []
    public: list[Item] = []
    length = 0
    pos = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        head, sep, rest = m.group(1).partition(":")
        if not sep:
            raise CorpusError(f"{where}: mark without a label: {m.group(0)!r}")
        if head == "public":
            category, sep, span = rest.partition(":")
            if not sep or category not in PUBLIC_CATEGORIES:
                raise CorpusError(f"{where}: unknown public category in {m.group(0)!r}")
            target, label = public, category
        elif head in WRITTEN_KINDS:
            target, label, span = pii, head, rest
        else:
            raise CorpusError(f"{where}: unknown label {head!r} in {m.group(0)!r}")
        if not span or span != span.strip():
            raise CorpusError(f"{where}: empty or padded span in {m.group(0)!r}")
        target.append(Item(label, length, length + len(span), span))
        out.append(span)
        length += len(span)
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise CorpusError(f"{where}: unbalanced mark left in text")
    for item in pii + public:
        assert text[item.start : item.end] == item.text
    return text, pii, public


# An RT/RW and its numbers ("RT 03 RW 05", "RT.003/RW.011", "RT 02/04", "RT 01 s.d. RT 08 RW 11").
_RT_RW = re.compile(
    r"(?i)(?<![^\W\d_])(?:rt|rw)(?:\s?\.?\s?/\s?rw)?\s?\.?\s?:?\s?\d{1,3}"
    r"(?:\s?(?:/|,|-|s\.?\s?d\.?)?\s?(?:(?:rt|rw)\s?\.?\s?:?\s?)?\d{1,3})*"
)


def house_identified(span: str) -> bool:
    """Whether an address span locates one household: a number left once its RT/RW are taken out
    (a house number, a block's or a unit's, "Gg. V No. 31", "blok C3/17")."""
    return any(c.isdigit() for c in _RT_RW.sub(" ", span))


def settle_rt_rw(pii: list[Item], public: list[Item]) -> tuple[list[Item], list[Item], int]:
    """Apply the RT/RW convention to one text's spans: an ``alamat`` holding an RT/RW and no house
    identifier becomes ``public:rt_rw``, a ``public:rt_rw`` with one becomes ``alamat``. Returns the
    spans and how many labels moved."""
    moved = 0
    kept_pii: list[Item] = []
    kept_public: list[Item] = []
    for item in pii:
        if item.label == "alamat" and _RT_RW.search(item.text) and not house_identified(item.text):
            kept_public.append(Item("rt_rw", item.start, item.end, item.text))
            moved += 1
        else:
            kept_pii.append(item)
    for item in public:
        if item.label == "rt_rw" and house_identified(item.text):
            kept_pii.append(Item("alamat", item.start, item.end, item.text))
            moved += 1
        else:
            kept_public.append(item)
    return sorted(kept_pii, key=_position), sorted(kept_public, key=_position), moved


def _position(item: Item) -> tuple[int, int]:
    return item.start, item.end


def parse_file(path: Path, traditions: Sequence[str] = TRADITIONS, styles: Sequence[str] | None = None) -> list[Sample]:
    """Read one style file into Samples (see the module docstring for the format); the tradition
    tags and, when given, the styles a file may use are checked against `traditions`/`styles`
    (corpus 5 reads its files with its own finer lists)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("@style "):
        raise CorpusError(f"{path.name}: first line must be '@style NAME'")
    style = lines[0].removeprefix("@style ").strip()
    if styles is not None and style not in styles:
        raise CorpusError(f"{path.name}: unknown style {style!r}")
    blocks: list[tuple[int, list[str], list[str]]] = []
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith("== "):
            names = [t.strip() for t in line[3:].split(",") if t.strip() and t.strip() != "-"]
            unknown = set(names) - set(traditions)
            if unknown:
                raise CorpusError(f"{path.name}:{number}: unknown traditions {sorted(unknown)}")
            blocks.append((number, names, []))
        elif blocks:
            blocks[-1][2].append(line)
        elif line.strip() and not line.startswith("#"):
            raise CorpusError(f"{path.name}:{number}: text before the first '== ' header")
    samples = []
    for number, traditions, body in blocks:
        marked = "\n".join(body).strip()
        if not marked:
            raise CorpusError(f"{path.name}:{number}: empty text")
        text, pii, public = parse_text(marked, f"{path.name}:{number}")
        pii, public, _ = settle_rt_rw(pii, public)
        samples.append(Sample(text, style, pii, public, traditions, template=f"{path.name}:{number}"))
    return samples


def load(directory: Path = TEXTS) -> list[Sample]:
    """Every text of the corpus, in file order."""
    samples: list[Sample] = []
    for path in sorted(directory.glob("*.txt")):
        samples.extend(parse_file(path))
    return samples


def print_stats(samples: list[Sample]) -> None:
    styles = Counter(s.style for s in samples)
    pii = Counter(i.label for s in samples for i in s.pii)
    public = Counter(i.label for s in samples for i in s.public)
    traditions = Counter(t for s in samples for t in s.traditions)
    print(f"{len(samples)} texts, {sum(len(s.text) for s in samples)} characters")
    print("\nstyles:      " + ", ".join(f"{k} {v}" for k, v in sorted(styles.items())))
    print("traditions:  " + ", ".join(f"{k} {traditions[k]}" for k in TRADITIONS))
    print("\npii:         " + ", ".join(f"{k} {pii[k]}" for k in WRITTEN_KINDS if k in PII_KINDS or pii[k]))
    print("public:      " + ", ".join(f"{k} {public[k]}" for k in PUBLIC_CATEGORIES if public[k]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="what the corpus holds")
    parser.add_argument("--show", type=int, default=0, help="print the first N texts with their spans")
    args = parser.parse_args(argv)
    samples = load()
    if args.stats or not args.show:
        print_stats(samples)
    for sample in samples[: args.show]:
        print(f"\n[{sample.style}] {sample.template} {sample.traditions}\n{sample.text}")
        for item in sample.pii:
            print(f"  - {item.label}: {item.text}")
        for item in sample.public:
            print(f"  + {item.label}: {item.text}")


if __name__ == "__main__":
    main()
