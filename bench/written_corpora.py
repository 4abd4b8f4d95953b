"""The hand-written redaction corpora from corpus 6 on, one loader for all of them, by number (issue 11).

Each corpus was written by hand by a writer who read neither the redactor, its data and tests, nor
the texts of any other corpus, from a brief that gave only the file format, the span conventions
and the kinds of text a city's inbox holds: WhatsApp chat (often in lower case, with abbreviations
and regional particles), forwarded messages with their headers, voice notes typed out, officers'
notes, letters, witness and signature lists, tables pasted as text, social-media posts, filled-in
forms and e-mails, and many texts with no personal data at all. The file format, the span
conventions, the naming-tradition tags and the styles are corpus 6's (bench/redaction_corpus6.py,
whose docstring states them; corpus 4's parser reads every file): ``[[KIND:text]]`` marks what must
be removed and ``[[public:CATEGORY:text]]`` what must survive.

A corpus is either **wholly held out** (nobody tunes the redactor on it; its evaluation prints
figures and never a failure) or **tuning material** (its failures are listed with ``--failures N``
and the names model, bench/names_model_train.py, learns from it). The evaluation of all of them is
bench/written_corpus_eval.py.

- **6** (a third writer, held out): from Sabang to Merauke, chat with Javanese, Sundanese, Betawi,
  Makassar, Papuan and Ambonese particles.
- **7** (a fourth writer, tuning, session 8): weight on what the held-out figures said was hardest:
  lower-case chat, a writer naming themself after "sy"/"aku"/"gw"/"kulo"/"abdi"/"tiang"/"sa"/
  "beta"/"ambo", nicknames and initials, names made of ordinary words, Chinese-Indonesian names in
  lower case; and as many public phrases that look like names, which must survive.
- **8** (a fifth writer, held out, session 9): mostly outside Java (Bali, North Sumatra, South
  Sulawesi, Papua, East Nusa Tenggara, Kalimantan). In session 13 the lead marked its PDAM connection
  numbers and a medical record number as ``nomor`` (there was no kind for them; four numbers).
- **9** (a sixth writer, tuning, session 9): the hard cases: texts with nobody in them but many
  capitalised words, and names that are hard to find; West and Central Java, Aceh, West Sumatra,
  Maluku, North Sulawesi, Madura, West Nusa Tenggara. In session 13 the lead marked its four personal numbers
  (a medical record, a PLN customer ID, a NIM, a NISN) as ``nomor``.
- **10** (a seventh writer, held out, session 11): regions earlier writers touched less (Lampung,
  Bengkulu, Jambi, Riau and its islands, Bangka Belitung, Central and South Kalimantan, Central and
  Southeast Sulawesi, Gorontalo, North Maluku, East Nusa Tenggara, West Papua) and the big cities;
  the same person often comes back across styles. The writer's calls: a civil servant's NIP is left
  unmarked (there was no kind for it; the lead marked the two as ``nip`` in session 13, and a customer's number and four medical record
  numbers the writer had marked ``report_number`` as ``nomor``); Habib, Tgk., Pdt., St., Kang and Bli are titles outside a
  name, Daeng, La Ode/Wa Ode, Wan and a Minang adat title inside it; Malay names of Riau and Jambi
  carry the nearest tag, mostly ``minang``.
- **11** (an eighth writer, tuning, session 11): natural text in natural proportions, every name
  marked with care, as the names model's training material; East Java and Madura, Yogyakarta,
  Banten, North Sumatra, South Sulawesi, Bali, East Nusa Tenggara, Papua, Ambon. The writer's calls:
  a NIP is left unmarked; ships' names and an association's e-mail address are public.
- **12** (a ninth writer, tuning, session 12): training material like corpus 11, about half of it
  chat, social posts and voice notes typed the way people type on a phone, mixing Indonesian with
  Minang, Sundanese, Betawi, Palembang, Banjar, Acehnese and eastern Malay; Aceh, North and West
  Sumatra, Riau, South Sumatra, Lampung, Jakarta, West Java, Banten and Kalimantan. The writer's
  calls: a Minang adat title ("Dt. Bagindo"), Daeng and a Gayo "Aman ..." are inside a name; NIPs,
  customer and chassis numbers and birth dates are left unmarked (no kind for them); Betawi names
  are tagged ``jawa`` or ``nickname``.
- **13** (a tenth writer, tuning, session 12): training material like corpus 11, with the written
  styles (officers' dispositions, RT/RW and village letters, lists, tables, e-mails) a little over
  their share; North Sulawesi, Gorontalo, South and Southeast Sulawesi, Maluku and North Maluku,
  Papua, NTB (Lombok's Sasak villages, Bima, Sumbawa), NTT, Bali and Central Java. The writer's
  calls: a NIP is left unmarked; Lalu/Baiq and Umbu/Rambu are inside a name, Opa, Oma, Inaq, Amaq
  and Ne' outside it; Gorontalo, Sasak and Bima names of Arabic origin are tagged ``arab``,
  Minahasa, Toraja and Flores names ``kristen``; companies, media and ships are public (agency); a
  shop's street is a public street, not a house address.

- **14** (an eleventh writer, held out, session 13): English and mixed English-Indonesian text as a
  tourist or big city's admin receives it: about a third mostly English (tourists, expatriates,
  villa and hotel managers), code-switching, and plain Indonesian; Bali, Lombok and the Gilis,
  Labuan Bajo, Jakarta, Batam and Bintan, Yogyakarta, Bandung, Surabaya, Medan and Lake Toba,
  Makassar. Foreign persons are tagged ``asing``; NIPs and other personal numbers are marked
  (``nip``, ``nomor``); a business named after its owner has the owner's name marked.

- **15** (a twelfth writer, tuning, session 13): what officers type and a report's back-and-forth:
  verification notes, dispositions, matters passed to another agency, field reports naming staff,
  contractors and witnesses, officers' replies and the citizen's (more information, a dispute, a
  confirmation, thanks to a named officer); mostly East Java (Kota and Kabupaten Pasuruan, Malang,
  Surabaya, Sidoarjo, Probolinggo, Jember, Madura), some Yogyakarta, Jakarta and Central Kalimantan.
  Officers' NIPs and citizens' customer IDs, NISN, NIM and medical-record numbers are marked.
- **16** (a thirteenth writer, held out, session 14): a broad, natural sample of a city admin's inbox
  anywhere in Indonesia, over all 38 provinces: citizens in every style, officers' notes and replies, some
  English and code-switched text, heavy regional mixing (Javanese, Sundanese, Madurese, Minang, Batak, Bugis,
  Banjar, Betawi, Palembang, Manado, Ambon, Papuan and Kupang Malay); every naming tradition. The writer's
  calls: a Minang Datuk title, Sasak Lalu, Sumba Rambu and "T." for Teuku are inside a name; H., Hj., K.H.,
  Ir., Pdt., Romo, Buya and police or army ranks outside; a kiosk number, a land-tax object number (NOP), a
  fisher's card and a co-op membership number are ``nomor``; an agency's handle or e-mail is left unmarked; a
  house address is one span even when its street is named after a hero; Banjar, Betawi, Riau Malay, Sasak
  and Kaili names carry the nearest tag.
- **17** (a fourteenth writer, tuning, session 14): English and mixed English-Indonesian text where
  tourists, expatriates and foreign workers live (Bali, Lombok and the Gilis, Labuan Bajo, Raja Ampat,
  Jakarta, Batam, Yogyakarta, Bandung, Surabaya, Medan, Makassar, Manado): half mostly English, often
  lower-case chat; foreign names of many origins, often without a title ("tom said", "ask grace at
  reception"), names that are English words (Grace, Will, Sky, Hope); hotels, beach clubs, clinics,
  schools and boats as public phrases. The writer's calls: foreign names that are English words are
  tagged ``asing, word_name``; KITAS and visa numbers, private booking codes and dive certificates are
  ``nomor``; an institution's e-mail address or handle is left unmarked; hotels, bars and boats, even
  named after a person ("Ricky's Bar"), are public (landmark); a police report number is left unmarked.

    python bench/written_corpora.py 11 --stats
    python bench/written_corpora.py 7 --show 3
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5 as corpus5  # noqa: E402 - corpus 4's format, read with corpus 6's tags
from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, WRITTEN_KINDS, Sample  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402
from redaction_corpus6 import STYLES, TRADITIONS  # noqa: E402

__all__ = [
    "CORPORA",
    "PII_KINDS",
    "PUBLIC_CATEGORIES",
    "WRITTEN_KINDS",
    "STYLES",
    "TRADITIONS",
    "CorpusError",
    "Written",
    "counts",
]

counts = corpus5.counts


@dataclass(frozen=True)
class Written:
    """One hand-written corpus: its number and whether it is wholly held out."""

    number: int
    held_out: bool

    @property
    def texts(self) -> Path:
        return _HERE / f"corpus{self.number}" / "texts"

    @property
    def kind(self) -> str:
        return "all held out" if self.held_out else "tuning material"

    def parse_file(self, path: Path) -> list[Sample]:
        """One style file's texts, in file order."""
        return corpus5.parse_file(path, traditions=TRADITIONS, styles=STYLES)

    def load(self) -> list[Sample]:
        """Every text of the corpus, style file by style file, in file order."""
        return corpus5.load(self.texts, traditions=TRADITIONS, styles=STYLES)


CORPORA = {
    number: Written(number, held_out)
    for number, held_out in (
        (6, True),
        (7, False),
        (8, True),
        (9, False),
        (10, True),
        (11, False),
        (12, False),
        (13, False),
        (14, True),
        (15, False),
        (16, True),
        (17, False),
    )
}
TUNING = tuple(number for number, corpus in CORPORA.items() if not corpus.held_out)


def corpus(number: int | str) -> Written:
    """The corpus of that number; a clear error for one that does not exist."""
    try:
        return CORPORA[int(number)]
    except (KeyError, ValueError):
        raise SystemExit(f"no hand-written corpus {number!r}: there are {', '.join(map(str, CORPORA))}") from None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("number", help=f"the corpus: {', '.join(map(str, CORPORA))}")
    parser.add_argument("--stats", action="store_true", help="what the corpus holds")
    parser.add_argument("--show", type=int, default=0, help="print the first N texts with their spans")
    args = parser.parse_args(argv)
    flags = ["--stats"] * args.stats + ["--show", str(args.show)]
    corpus5.main(flags, doc=__doc__, directory=corpus(args.number).texts, traditions=TRADITIONS, styles=STYLES)


if __name__ == "__main__":
    main()
