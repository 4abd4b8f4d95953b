"""Turns one template into a labelled text: slots become names, identifiers and public names.

A template is text with slots in braces. Person slots carry a person number and optionally a
gender, so one person can be mentioned several ways in one text:

    {P1}  honorific + name ("Bu Sumarni", "Bli Wayan"); only the name is labelled
    {N1}  the name, full or short      {F1}  the full registered name
    {S1}  the short name people use    {E1}  an e-mail address made from the name
    {A1}  a social media handle        a gender letter pins it: {P1f}, {S2m}
    {S1f@ordinary_word} also pins the naming tradition (used where a name doubles as a word)

`{@makassar}` places the text in a region (for dialect and local institutions); it prints nothing.
`{r:Lurah}` is a role word standing alone (public: role_without_name); `{w:sabar}` an ordinary
word that is also a name somewhere in the corpus (public: word_also_a_name); `{prt}` a particle
of the region's speech (unlabelled); `{dinas:air}` an agency that deals with the topic
(`{dinas}`: any). Every other slot is in `Filler.simple` below.

Offsets are computed while the text is assembled, never searched for afterwards, so a name that
also occurs as a plain word elsewhere in the text cannot be mislabelled.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus3 import identifiers as ids
from corpus3.identifiers import Seg
from corpus3.names import MARKERS, TRADITIONS, Namer, Person
from corpus3.places import AGENCIES, PLAIN_STREETS, Region, named

SLOT = re.compile(r"\{([^{}]+)\}")
WORD = re.compile(r"[^\W\d_]+")
REGION_PIN = re.compile(r"\{@([a-z]+)\}")
PERSON_SLOT = re.compile(r"^([PNFSEA])(\d)([mf]?)(?:@([a-z_]+))?$")
_SHARED = {m.lower().rstrip(".") for m in MARKERS}  # I, Ni, Wayan, Andi, Daeng, Moh.: shared by many people
# Academic degrees written after a name in letters and signatures; not part of the name.
DEGREES = (
    ", S.Pd.",
    ", S.E.",
    ", S.H., M.H.",
    ", A.Md.Kep.",
    ", S.Kep., Ns.",
    ", S.Sos.",
    ", S.T.",
    ", M.Si.",
    ", S.Pd.I.",
    ", S.Kom.",
    ", A.Md.",
    ", S.IP.",
)
# How often a name is typed in lower case, by style (WhatsApp display names are often lower case).
LOWER_NAME = {"chat": 0.45, "forwarded": 0.2}
# Honorifics as they are typed in chat.
CHAT_HONORIFICS = {
    "Pak": ("pak", "pak", "pk", "bpk", "bpk.", "p."),
    "Bapak": ("bapak", "bpk", "bpk."),
    "Bu": ("bu", "bu", "ibu", "buk", "bu'"),
    "Ibu": ("ibu", "ibu", "bu"),
    "Mbak": ("mbak", "mba", "mb"),
    "Mas": ("mas", "mas", "ms"),
}
PII_LABELS = frozenset(
    ("nama", "nik", "kk", "npwp", "telepon", "email", "nopol", "rekening", "bpjs", "paspor", "akun", "alamat")
)


@dataclass
class Filled:
    """A filled template: its text and labelled spans (start, end, label)."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    traditions: list[str] = field(default_factory=list)


class Filler:
    """Fills templates of one split for one text: its region, style and random source."""

    def __init__(self, namer: Namer, split: str, region: Region, style: str, rng: random.Random) -> None:
        self.namer = namer
        self.split = split
        self.region = region
        self.style = style
        self.rng = rng
        self.people: dict[str, Person] = {}
        # A chat export's timestamps share one day and move forward a few minutes a line.
        self._wa_day = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.choice((24, 25, 26))}"
        self._wa_minute = rng.randint(6 * 60, 21 * 60)
        # One text is about one neighbourhood: its kelurahan and kecamatan stay the same.
        self._kel = rng.choice(region.kelurahan)
        self._kec = rng.choice(region.kecamatan)
        self._honorifics: dict[str, str] = {}
        self._places: dict[str, str] = {}
        self._literal_words: set[str] = set()
        r, g = rng, region
        self.simple: dict[str, Callable[[], list[Seg]]] = {
            "nik": lambda: ids.nik(r, g),
            "kk": lambda: ids.kk(r, g),
            "npwp": lambda: ids.npwp(r, g),
            "telp": lambda: ids.telepon(r, g),
            "nopol": lambda: ids.nopol(r, g),
            "rek": lambda: ids.rekening(r, g),
            "bpjs": lambda: ids.bpjs(r, g),
            "paspor": lambda: ids.paspor(r, g),
            "alamat": lambda: ids.alamat(r, g, named(g, "street_named_after_person", split)),
            "email": lambda: ids.email(r, self._stranger()),
            "akun": lambda: ids.akun(r, self._stranger()),
            "rp": lambda: ids.amount(r),
            "rp_besar": lambda: ids.amount(r, large=True),
            "tgl": lambda: ids.date(r),
            "jam": lambda: ids.time(r, g),
            "lama": lambda: ids.count(r, "lama"),
            "n_rumah": lambda: ids.count(r, "n_rumah"),
            "n_orang": lambda: ids.count(r, "n_orang"),
            "n_titik": lambda: ids.count(r, "n_titik"),
            "meter": lambda: ids.count(r, "meter"),
            "tiket": lambda: ids.report_number(r, g),
            "surat": lambda: ids.letter_number(r),
            "rt": lambda: ids.rt_rw(r),
            "darurat": lambda: ids.service_number(r),
            "dinas": lambda: [
                (self._case(self._sticky("dinas", lambda: r.choice(r.choice(list(AGENCIES.values()))))), "agency")
            ],
            "jalan_tokoh": lambda: self._named("street_named_after_person"),
            "jalan": lambda: [
                (self._case(self._street(self._sticky("jalan", lambda: r.choice(PLAIN_STREETS)))), "street")
            ],
            "rs": lambda: self._named("hospital"),
            "sekolah": lambda: self._named("school"),
            "kampus": lambda: self._named("university"),
            "masjid": lambda: self._named("mosque"),
            "ibadah": lambda: self._named("place_of_worship"),
            "stadion": lambda: self._named("stadium"),
            "landmark": lambda: self._named("landmark"),
            "pasar": lambda: self._named("market"),
            "puskesmas": lambda: [
                (self._case(f"Puskesmas {self._sticky('puskesmas', lambda: r.choice(g.kelurahan))}"), "hospital")
            ],
            "kel": lambda: [(self._case(r.choice(("Kelurahan ", "Kel. ", "kelurahan ", "")) + self._kel), "place")],
            "kec": lambda: [(self._case(r.choice(("Kecamatan ", "Kec. ", "kecamatan "))) + self._kec, "place")],
            "kota": lambda: [(self._case(g.city), "place")],
            "prt": lambda: [(r.choice(g.particles), None)],
            "gelar": lambda: [(r.choice(DEGREES), None)],
            "wa_tgl": lambda: [(self._wa_day, "date")],
            "wa_jam": self._wa_time,
        }

    def fill(self, template: str) -> Filled:
        """The labelled text of `template`."""
        genders, traditions = self._pins(template)
        # Words the template writes itself: a person's name must not be one of them, or the
        # name would also stand unlabelled in the text ("terima kasih" beside a woman called Kasih).
        plain = SLOT.sub(lambda m: " " + m.group(1)[2:] + " " if m.group(1)[:2] in ("r:", "w:") else " ", template)
        self._literal_words = {w.lower() for w in WORD.findall(plain)}
        out = Filled("")
        pieces: list[str] = []
        pos = 0
        last = 0
        for match in SLOT.finditer(template):
            literal = template[last : match.start()]
            pieces.append(literal)
            pos += len(literal)
            for text, label in self._slot(match.group(1), genders, traditions):
                if label is not None and text:
                    out.spans.append((pos, pos + len(text), label))
                pieces.append(text)
                pos += len(text)
            last = match.end()
        pieces.append(template[last:])
        out.text = "".join(pieces)
        out.traditions = [p.tradition for p in self.people.values()]
        if self.style == "caps" and len(out.text.upper()) == len(out.text):
            out.text = out.text.upper()
        return out

    # Slots.

    def _slot(self, slot: str, genders: dict[str, str], traditions: dict[str, str]) -> list[Seg]:
        m = PERSON_SLOT.match(slot)
        if m:
            return self._person_slot(m.group(1), m.group(2), genders, traditions)
        if slot.startswith("@"):
            return []
        if slot.startswith("r:"):
            return [(slot[2:], "role_without_name")]
        if slot.startswith("w:"):
            return [(slot[2:], "word_also_a_name")]
        if slot.startswith("dinas:"):
            topic = slot[6:]
            return [(self._case(self._sticky(slot, lambda: self.rng.choice(AGENCIES[topic]))), "agency")]
        if slot not in self.simple:
            raise KeyError(f"unknown slot {{{slot}}}")
        segs = self.simple[slot]()
        if self.style == "chat" and slot in ("alamat", "nopol") and self.rng.random() < 0.35:
            segs = [(text.lower(), label) for text, label in segs]  # "jl melati no 12", "n 1234 ab"
        return segs

    def _person_slot(self, kind: str, number: str, genders: dict[str, str], traditions: dict[str, str]) -> list[Seg]:
        person = self._person(number, genders.get(number) or self.rng.choice("mf"), traditions.get(number))
        rng = self.rng
        if kind == "E":
            return ids.email(rng, person)
        if kind == "A":
            return ids.akun(rng, person)
        if kind == "F":
            name = person.full
        elif kind == "S":
            name = person.short
        else:
            name = rng.choice((person.full, person.short))
        if rng.random() < LOWER_NAME.get(self.style, 0.0):
            name = name.lower()
        if kind != "P":
            return [(name, "nama")]
        if number not in self._honorifics:  # a writer keeps calling someone the same way
            honorific = self.namer.honorific(rng, person)
            if self.style == "chat" and rng.random() < 0.7:
                honorific = rng.choice(CHAT_HONORIFICS.get(honorific, (honorific.lower(),)))
            self._honorifics[number] = honorific
        honorific = self._honorifics[number]
        return [(honorific + " ", None), (name, "nama")]

    def _person(self, number: str, gender: str, tradition: str | None) -> Person:
        if number not in self.people:
            taken = {w.lower() for p in self.people.values() for w in WORD.findall(p.full)}
            for _ in range(40):
                person = self.namer.person(self.rng, tradition or self._tradition(), gender)
                words = {w.lower() for w in WORD.findall(person.full)} - _SHARED
                if not words & taken and not words & self._literal_words:
                    break
            self.people[number] = person
        return self.people[number]

    def _stranger(self) -> Person:
        """Someone not otherwise in the text (the owner of a lone e-mail or handle)."""
        return self.namer.person(self.rng, self._tradition(), self.rng.choice("mf"))

    def _tradition(self) -> str:
        # Most people of a city carry its common traditions; anyone can live anywhere. Names that
        # are ordinary words and recent coined names occur everywhere and are what lists miss
        # most, so they get a share of their own.
        roll = self.rng.random()
        if roll < 0.5:
            local = self.region.traditions
            return self.rng.choices(local, weights=[4, 2, 1, 1][: len(local)])[0]
        if roll < 0.62:
            return "ordinary_word"
        if roll < 0.67:
            return "modern"
        return self.rng.choice(list(TRADITIONS))

    def _wa_time(self) -> list[Seg]:
        self._wa_minute = min(self._wa_minute + self.rng.randint(0, 9), 23 * 60 + 59)
        return [(f"{self._wa_minute // 60:02d}.{self._wa_minute % 60:02d}", "time")]

    @staticmethod
    def _pins(template: str) -> tuple[dict[str, str], dict[str, str]]:
        """The gender and tradition a template fixes for its person numbers."""
        genders: dict[str, str] = {}
        traditions: dict[str, str] = {}
        for slot in SLOT.findall(template):
            m = PERSON_SLOT.match(slot)
            if m and m.group(3):
                genders[m.group(2)] = m.group(3)
            if m and m.group(4):
                if m.group(4) not in TRADITIONS:
                    raise KeyError(f"unknown tradition in {{{slot}}}")
                traditions[m.group(2)] = m.group(4)
        return genders, traditions

    # Public names, in the spellings people use.

    def _named(self, category: str) -> list[Seg]:
        text = self._sticky(category, lambda: self.rng.choice(named(self.region, category, self.split)))
        if category == "street_named_after_person":
            text = self._street(text)
        return [(self._case(text), category)]

    def _sticky(self, key: str, pick: Callable[[], str]) -> str:
        """The same place each time a text names a place of this kind (a text is about one spot)."""
        if key not in self._places:
            self._places[key] = pick()
        return self._places[key]

    def _street(self, text: str) -> str:
        if text.startswith("Jl. ") and self.rng.random() < 0.3:
            return self.rng.choice(("Jalan ", "Jln. ", "Jl ", "jl. ")) + text[4:]
        return text

    def _case(self, text: str) -> str:
        if self.style == "chat" and self.rng.random() < 0.35:
            return text.lower()
        return text
