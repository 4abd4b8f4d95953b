"""An office's unit after its post, and the portal's own name, are not persons (issue 11, session 14).

A name rule takes the capitalised word after a post for the person who holds it ("Ketua RW Tekun", "Kasi
Pemerintahan Budi"). Letters, dispositions and committee lists write there, as often, the unit the post is of:

- an organisation's or a unit's acronym, in capitals that no name is spelt with: "Ketua DKM", "Kabid IKP",
  "Admin OPD se-Kabupaten", "Ketua PGRI Cabang Bangil", "Korkab PKH", "Kasi SDA" (a word with no vowel, or
  opening or ending with two consonants no Indonesian or foreign name opens or ends with: "PGRI", "IKP");
- a government unit's short name, which every regency's organisation chart uses: "Kasi Kesos", "Kasi Trantib",
  "Kasi Pengendalian Ops", "Kasubag Renbang", "Kanit Reskrim" (``UNITS``).

- a post the roles' lexicon lacks, or a council's or a customary body's word, alone or before a unit: "Asisten
  Pemerintahan", "Kepada Yth. Inspektur Kota ...", "Pendeta Resort,", "Kami Majelis Jemaat", "Panglima Laot Lhok";
- an application's name in capitals after "Admin": "Admin SIPRAJA Sidoarjo".

A span so made, right after a post (or after another unit's word: "Kasi Pengendalian Ops"), is no name; one after
an honorific ("Ketua Pak DKM" is nobody's style, but "Pak Kesos" would be somebody) or holding a listed name stays.
The portal's own name, "Aduan" ("dilaporkan ke Aduan", "Koordinator Aduan"), is the dictionary's word for a
complaint and no parent's: never a name, but after an honorific.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_role
from .notname_words import judged_once

if TYPE_CHECKING:
    from .names import _Names

# The short names of the units of a regency's, a kecamatan's or a police station's organisation chart (Permendagri
# and Perkap naming): "Kasi Kesos" (kesejahteraan sosial), "Kasi Trantib" (ketenteraman dan ketertiban), "Kasi
# Ops" (operasi), "Kasubag Renbang", "Kanit Reskrim"
UNITS = frozenset(
    "ops opsnal kesos trantib trantibum ekbang kesra tapem pemdes renbang renlitbang litbang keu kepeg umpeg "
    "yanum binmas reskrim intelkam lantas samapta sabhara propam dikmas pnf gtk ikp sda pkh dtks "
    "pemerintahan pengendalian penertiban pelayanan perencanaan keuangan kepegawaian umum inteldakim lantaskim "
    "wasdakim".split()
)
# The portal's own name, and the dictionary's word for a complaint
_NEVER = frozenset(("aduan",))
# Posts the roles' lexicon does not hold, and the councils, congregations and customary bodies letters are signed
# by: "Asisten Pemerintahan", "Inspektur", "Korkab PKH", "Pendeta Resort", "Ketua Majelis", "Majelis Jemaat",
# "Panglima Laot Lhok" (Aceh's customary sea office and its bay), "petugas Telkom Witel Malang" (a Telkom region),
# "Anggota Pokmas" (a community group). A span made only of them names an office, not its holder.
_POSTS = frozenset(
    "asisten inspektur korkab korcam korwil pendeta panglima majelis jemaat resort klasis sinode pokmas witel "
    "laot lhok".split()
)
# Whose administrator writes: after "Admin", a word in capitals is an application's or an account's name
# ("Admin SIPRAJA Sidoarjo")
_ADMINS = frozenset("admin operator".split())
# The two letters an Indonesian or a foreign name may open or end with (a consonant pair): "Sri", "Bram", "Khoir",
# "Stefan", "Bambang", "Hendrik", "Ernst"
_ONSETS = frozenset(
    "bl br ch cl cr dh dj dr dw fl fr gl gr kh kl kr ny ng ph pl pr sh sj sk sl sm sn sp sr st sw sy th tj tr ts wh".split()
)
_CODAS = frozenset(
    "ch ck ct dt ft gh hn hr ks ld lf lk lm ln lp ls lt mp ms nc nd ng nk ns nt nz ph rd rg rk rl rm rn rs rt rz sh sk st th tt ts tz".split()
)
_VOWELS = re.compile(r"[aeiouy]")


def acronym(word: str) -> bool:
    """Whether a word in capitals is shaped as no name is: no vowel, or a consonant pair no name opens or ends with."""
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    low = word.lower()
    if low in _LEX.names:
        return False
    if not _VOWELS.search(low):
        return True  # "DKM", "PKH"
    head, tail = low[:2], low[-2:]
    if not _VOWELS.search(head) and head not in _ONSETS:
        return True  # "PGRI"
    return not _VOWELS.search(tail) and tail not in _CODAS  # "IKP", "OPD"


def _unit(finder: _Names, k: int) -> bool:
    tok = finder.tokens[k]
    return tok.low in UNITS and tok.low not in _LEX.names or acronym(tok.text)


def _after_post(finder: _Names, first: int) -> bool:
    """Whether a post stands right before token first, maybe across unit words ("Kasi Pengendalian Ops")."""
    tokens, text = finder.tokens, finder.doc.text
    k = first - 1
    while k >= 0 and text[tokens[k].end : tokens[k + 1].start] == " ":
        if finder.after_honorific(k + 1):
            return False
        if _is_role(tokens[k].low):
            return True
        if not (tokens[k].cap and _unit(finder, k)):
            return False
        k -= 1
    return False


def _is_a_name(finder: _Names, first: int, last: int) -> bool:
    tokens = finder.tokens
    if first > 0 and (finder.after_honorific(first) or finder.is_title(first - 1)):
        return True  # "Pak Kesos": a person, whatever the word
    if all(tokens[k].low in _NEVER for k in range(first, last + 1)):
        return False  # "dilaporkan ke Aduan"
    if any(finder.is_name(k) for k in range(first, last + 1)):
        return True
    if all(tokens[k].low in _POSTS or k > first and _unit(finder, k) for k in range(first, last + 1)):
        return False  # "Asisten Pemerintahan", "Pendeta Resort", "Majelis Jemaat", "Witel"
    if first > 0 and tokens[first - 1].low in _ADMINS and tokens[first].text.isupper() and len(tokens[first].text) >= 3:
        return False  # "Admin SIPRAJA Sidoarjo"
    return not (all(tokens[k].cap and _unit(finder, k) for k in range(first, last + 1)) and _after_post(finder, first))


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that are not a unit after its post nor the portal's name (see the module)."""
    if not ranges or finder.doc.mode not in ("mixed", "title"):
        return ranges
    return judged_once(ranges, lambda first, last: _is_a_name(finder, first, last))
