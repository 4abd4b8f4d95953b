"""The third redaction evaluation corpus: labelled Indonesian complaint texts (issue 11).

Written without reading the redactor or the first two corpora. It covers the naming traditions
of Indonesia (Javanese single names, Sundanese, Balinese birth-order names, Batak and Minang
clans, Bugis "Andi" and Makassar "Daeng", Chinese-Indonesian names of one to three syllables,
Arab-Indonesian families, Papuan and Moluccan names, Madurese "Moh."/"Abd.", names that are
ordinary words, recent coined names), the ways citizens write (chat, formal letters, forwarded
WhatsApp messages, witness lists, capitals, signatures), officials named by role, structured
identifiers in real spellings, and public names and numbers that must survive.

Each Sample lists `pii` spans (must be removed) and `public` spans (must survive intact).
Label conventions:
- nama: the name as written, with the parts that belong to a registered name (Balinese "I"/"Ni"
  and birth-order names, caste titles such as "Ida Bagus", Bugis "Andi", Makassar "Daeng" and
  paddaengang, Madurese "Moh."/"Abd.", Batak "br."). Honorifics (Pak, Bu, Bli, Koh, Habib,
  Mama...), roles (RT, Lurah, perawat, Babinsa...) and titles or degrees (H., Hj., dr., Drs.,
  ", S.Pd.") next to a name are unlabelled: redacting them is neither a miss nor a harm.
- rekening: the account number only, not the bank's name; alamat: street, number and RT/RW as
  one span; email and akun: the whole address or handle, "@" included.
- public role_without_name: a role word with no name attached ("lapor ke Pak RT");
  word_also_a_name: an ordinary word that is a name elsewhere ("bunga", "sabar", "bintang").
- Sample.traditions and Sample.template say where a text came from (for breakdowns). `split="tune"` may be used to
improve the redactor; `split="heldout"` never is: the two use disjoint name lists, public name
lists and templates, split by a fixed hash (bench/corpus3/split.py).

    python bench/redaction_corpus3.py --count 5 [--split heldout] [--seed 3]
    python bench/redaction_corpus3.py --stats     # what a corpus of 2000 holds, per split
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# The corpus's data and machinery live in bench/corpus3/; make it importable however this
# module is loaded (as a script, from bench/ on sys.path, or by file path).
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from corpus3.fill import PII_LABELS, REGION_PIN, Filler  # noqa: E402
from corpus3.names import TRADITIONS, Namer, name_entries  # noqa: E402
from corpus3.places import REGIONS, region_by_key  # noqa: E402
from corpus3.split import check_split  # noqa: E402
from corpus3.templates import STYLES, templates  # noqa: E402


@dataclass(frozen=True)
class Item:
    label: str  # a PII kind (see PII_KINDS) or a public category (see PUBLIC_CATEGORIES)
    start: int  # character offsets into Sample.text, text[start:end] == Item.text
    end: int
    text: str


@dataclass
class Sample:
    text: str
    style: str  # one of STYLES
    pii: list[Item] = field(default_factory=list)  # must be removed
    public: list[Item] = field(default_factory=list)  # must survive intact
    traditions: list[str] = field(default_factory=list)  # naming traditions of the people named
    template: str = field(default="", repr=False)  # the template the text was made from


PII_KINDS = ("nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat")
# Kinds a hand-written corpus may also mark (session 13): a civil servant's NIP, and another number that
# points at one person (a customer or meter ID, a student's NIM or NISN, a membership number). Earlier
# writers had no kind for them and left them unmarked, so a redaction of one counted as a false one.
WRITTEN_ONLY_KINDS = ("nip", "nomor")
WRITTEN_KINDS = PII_KINDS + WRITTEN_ONLY_KINDS
PUBLIC_CATEGORIES = (
    "agency",
    "street_named_after_person",
    "street",
    "hospital",
    "school",
    "university",
    "mosque",
    "place_of_worship",
    "stadium",
    "landmark",
    "market",
    "place",
    "amount",
    "date",
    "time",
    "count",
    "report_number",
    "letter_number",
    "rt_rw",
    "service_number",
    "role_without_name",
    "word_also_a_name",
)
assert set(PII_KINDS) == PII_LABELS
NAME_TRADITIONS = tuple(TRADITIONS)


def generate(count: int = 2000, seed: int = 3, split: str = "tune") -> list[Sample]:
    """split="tune": may be used to improve the redactor; split="heldout": never tuned on.
    The two splits use disjoint name lists AND disjoint templates (split by a fixed hash), so
    the held-out half measures generalisation, not memory."""
    check_split(split)
    rng = random.Random(f"corpus3:{seed}:{split}")
    namer = Namer(split)
    pools = templates(split)
    samples = []
    for i in range(count):
        style = STYLES[i % len(STYLES)]
        template = rng.choice(pools[style])
        region = rng.choice(REGIONS)
        pinned = REGION_PIN.search(template)
        if pinned:
            region = region_by_key(pinned.group(1))
        filled = Filler(namer, split, region, style, rng).fill(template)
        sample = Sample(filled.text, style, traditions=filled.traditions, template=template)
        for start, end, label in filled.spans:
            item = Item(label, start, end, filled.text[start:end])
            (sample.pii if label in PII_LABELS else sample.public).append(item)
        samples.append(sample)
    return samples


def main(argv: list[str] | None = None) -> None:
    """Print a few samples with their labels."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--stats", action="store_true", help="count labels, styles and traditions instead")
    args = parser.parse_args(argv)
    if args.stats:
        print_stats(args.count if args.count != 5 else 2000, args.seed)
        return
    for sample in generate(args.count, args.seed, args.split):
        print(f"--- {sample.style} ({', '.join(sample.traditions) or 'no names'})")
        print(sample.text)
        for item in sample.pii:
            print(f"    PII    {item.label:<26} {item.text!r}")
        for item in sample.public:
            print(f"    public {item.label:<26} {item.text!r}")


def print_stats(count: int, seed: int) -> None:
    """Labels, styles, traditions and list sizes of both splits."""
    names = {split: sum(len(v) for v in name_entries(split).values()) for split in ("tune", "heldout")}
    print(
        f"name entries: {names}; templates: { {s: len(t) for s, t in templates('tune').items()} } (tune), "
        f"{ {s: len(t) for s, t in templates('heldout').items()} } (heldout)"
    )
    for split in ("tune", "heldout"):
        samples = generate(count, seed, split)
        print(f"== {split}: {len(samples)} texts")
        for title, counter in (
            ("pii", Counter(i.label for s in samples for i in s.pii)),
            ("public", Counter(i.label for s in samples for i in s.public)),
            ("traditions", Counter(t for s in samples for t in s.traditions)),
        ):
            print(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))


if __name__ == "__main__":
    main()
