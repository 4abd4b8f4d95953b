"""Words that are not a person's name, whatever rule took them (issue 11, session 12).

The context rules take an ordinary word for a name when a cue names it ("sy Sabar", "anak saya Jujur", "nama
saya Bunga"), because Indonesians are named with ordinary words. Some classes of words are never given as a
name, and every city's inbox holds them right where a name could stand:

- a kind or a part of a name, and anonymity: "nama panggilan", "nama asli", "nama lengkap", "nama pahlawan",
  "Pelapor | anonim", "dirahasiakan";
- a person's state or condition: "anak saya tuna rungu", "ibu sy lansia", "sy takut", "sy ragu", "suami saya
  stroke", "anak ketek namonyo hilang";
- a relation that is not a term of address: "ayah tiri", "sepupu", "ipar";
- an adverb or a conjunction where a name would be: "sekolah anak saya tetap minta", "ibu saya waktu periksa";
- a document's or a programme's short name ("tidak punya IMB", "fotokopi SPPT") and a word that opens a letter's
  sentence ("Pelanggan Yth.,\nSehubungan dengan ...", "Mulai 1 Desember ...");
- an office alone, whoever holds it: "Pak RT", "Yth. Rektor Universitas Jember";
- a word doubled with a "2", as chat writes it: "gang kami gara2 tower BTS";
- a span opened by a public work's or a facility's noun: "4. Lampu Jembatan Watdek", "1. Dermaga Ohoi Tual";
- a listed name that the word before it makes a common noun: "pengajian akbar", "apel akbar", "ucapan syukur",
  "ibadah syukur", and the close of a Hindu prayer, "Om Shanti, Shanti, Shanti Om";
- after a word for "name" ("nama saya", "namanya", "namo"), a verb with an affix: "Nama saya dicoret dari
  daftar", "nama kami dipajang", "Yang bertanda tangan di bawah ini menerangkan bahwa", "nama saya tercantum".

A span made only of such words is no name; a span that opens with one right after a word for "name" names
nothing (the cue said what happened to the name, not what it is). A word of the name list is never one of
them but in a compound ("Cucu" is a Sundanese given name), and a span after an honorific or a title stays a name ("Pak Tetap"
is somebody): a name kept is a leak, so the classes are the words no parent gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_role, _is_word

if TYPE_CHECKING:
    from .names import _Names

_KINDS_OF_NAME = "panggilan sapaan asli lengkap samaran julukan kecil baptis marga fam pena pahlawan inisial sebenarnya"
_ANONYMOUS = "anonim anonymous anonimus rahasia dirahasiakan disamarkan"
_STATES = (
    "lansia manula jompo disabilitas difabel tunanetra tunarungu tunawicara tunadaksa tunagrahita tuna rungu netra "
    "wicara daksa grahita lumpuh buta tuli bisu sakit hamil stroke yatim piatu takut ragu bingung kecewa sedih marah "
    "khawatir cemas trauma hilang meninggal wafat pingsan kritis koma pensiunan"
)
_RELATIONS = "tiri kandung menantu mertua keponakan ponakan sepupu ipar"
_ADVERBS = "tetap waktu wkt saat ketika malah justru pernah sempat terus trs tp tapi cuma hanya juga jg"
# The documents and programmes citizens write about, by their short names ("tidak punya IMB", "fotokopi SPPT")
_DOCUMENTS = "imb pbg sppt sktm skck stnk bpkb shm ajb kip kis pkh bpnt blt bst dtks rtlh"
# The words that open a letter's or a notice's sentence ("Sehubungan dengan perbaikan pipa", "Mulai 1 Desember")
_OPENERS = "sehubungan berdasarkan menindaklanjuti menanggapi merujuk terkait mulai memperhatikan menimbang"
NOT_NAMES = frozenset(
    f"{_KINDS_OF_NAME} {_ANONYMOUS} {_STATES} {_RELATIONS} {_ADVERBS} {_DOCUMENTS} {_OPENERS}".split()
)
# The public works and facilities a list of damage or of places names ("1. Dermaga Ohoi Tual", "4. Lampu
# Jembatan Watdek", "5. Talud Pantai Ngurbloat"): a span opened by one is a place, whatever follows
FACILITIES = frozenset(
    "dermaga jembatan lampu talud pantai gedung pasar terminal halte taman lapangan saluran drainase gorong "
    "tanggul bendungan sumur pipa tiang trotoar pelabuhan bandara stasiun puskesmas posyandu pustu balai aula "
    "irigasi embung waduk makam pemakaman tpu tps tpa menara bak".split()
)
# Offices the lexicon's roles do not hold: "Yth. Rektor Universitas Jember"
_OFFICES = frozenset("rektor dekan kaprodi kajur".split())

# A word for "name" and at most one pronoun right before a token: "nama saya ", "namanya: ", "namo ambo ",
# "nama kami ", "bertanda tangan di bawah ini "
_NAME_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:nama(?:nya|ku)?|namo(?:nyo)?|nami(?:na)?|jeneng(?:e|ku)?|bertanda\s*tangan\s+di\s*bawah\s+ini)"
    r"(?:[ \t]+(?:saya|sy|kami|aku|ambo|abdi|kulo|beta|urang|kita|anak|dia))?[ \t]*[:,]?[ \t]*$"
)
# An affixed verb: a passive "di-" or "ter-" on a root ("dicoret", "dipajang", "tercantum"), an active "me-" with
# "-kan" ("menerangkan", "menyatakan"): a name that looks like one ("Diana", "Meliana", "Mentari") is in the
# name list, and one with "me-" ends otherwise
_VERB = re.compile(r"(?:di|ter)[a-z]{4,}|me[a-z]{4,}kan")


def _affixed_verb(low: str) -> bool:
    """Whether a lower-case word is a verb made from an Indonesian root with an affix (not a listed name)."""
    return bool(_VERB.fullmatch(low)) and low not in _LEX.names and low not in _LEX.words and _is_word(low)


# A listed name that a word before it makes a common noun ("pengajian akbar", "tabligh akbar", "ucapan syukur",
# "ibadah syukur"): a gathering called grand, thanks given. Each name with the words that may stand before it.
_COMPOUNDS = {
    "akbar": frozenset(
        "pengajian tabligh tablig istighosah istigosah dzikir zikir haul apel sholawat shalawat selawat doa "
        "senam maulid halalbihalal reuni festival pawai karnaval".split()
    ),
    "syukur": frozenset("ucapan rasa ibadah doa acara malam tanda puji bersyukur bilang".split()),
}
# A Hindu prayer's close, "Om Shanti, Shanti, Shanti Om" (and the "santih" spelling): peace said three times
_SHANTI = re.compile(r"(?i)(?<![^\W\d_])om[ \t]+(?:(?:shanti|santih?)[ \t,]+){2,}(?:shanti|santih?)(?![^\W\d_])")


def _compound(finder: _Names, first: int, last: int) -> bool:
    """Whether tokens first..last are the one word of a compound noun or of the Hindu prayer's close."""
    return first == last and compound_word(finder, first)


def compound_word(finder: _Names, first: int) -> bool:
    """Whether token first is a listed name made a common noun by the word before it ("pengajian akbar")."""
    tokens = finder.tokens
    before = _COMPOUNDS.get(tokens[first].low)
    if before and first > 0 and tokens[first - 1].low in before:
        return finder.doc.text[tokens[first - 1].end : tokens[first].start] == " "
    if tokens[first].low in ("shanti", "santi", "santih"):
        start = tokens[first].start
        return any(m.start() <= start < m.end() for m in _SHANTI.finditer(finder.doc.text, max(0, start - 40)))
    return False


_DOUBLED = re.compile(r"2(?![\w])")


def _doubled(finder: _Names, k: int) -> bool:
    tok = finder.tokens[k]
    return tok.low not in _LEX.names and bool(_DOUBLED.match(finder.doc.text, tok.end))


def _facility(finder: _Names, k: int) -> bool:
    low = finder.tokens[k].low
    return low in FACILITIES and low not in _LEX.names


def _office(finder: _Names, k: int) -> bool:
    low = finder.tokens[k].low
    return (_is_role(low) or low in _OFFICES) and low not in _LEX.names


def _not_a_name(finder: _Names, k: int) -> bool:
    low = finder.tokens[k].low
    return low in NOT_NAMES and low not in _LEX.names


def after_name_cue(finder: _Names, k: int) -> bool:
    text, start = finder.doc.text, finder.tokens[k].start
    line = text.rfind("\n", 0, start) + 1
    return bool(_NAME_CUE.search(text, max(line, start - 48), start))


def judged_once(ranges: list[tuple[int, int]], judge: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The ranges `judge(first, last)` keeps, in order; the rules find the same range several times (about
    three each), and each distinct range is judged once."""
    verdicts = {r: judge(*r) for r in dict.fromkeys(ranges)}
    return [r for r in ranges if verdicts[r]]


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges (first and last token of each name found) that are not words no parent gives (see the module)."""
    return judged_once(ranges, lambda first, last: _is_a_name(finder, first, last)) if ranges else ranges


def _is_a_name(finder: _Names, first: int, last: int) -> bool:
    """Whether tokens first..last, found as a name, may be one (see the module)."""
    if _compound(finder, first, last):
        return False  # "pengajian akbar", "ucapan syukur", "Om Shanti, Shanti, Shanti Om" (where "Om" is no honorific)
    if all(_office(finder, k) for k in range(first, last + 1)):
        return False  # "Pak RT", "Yth. Rektor": an office, whoever holds it
    if first > 0 and (finder.after_honorific(first) or finder.is_title(first - 1)):
        return True  # "Pak Tetap": a person, whatever the word
    if _facility(finder, first):
        return False  # "4. Lampu Jembatan Watdek", "Dermaga Ohoi Tual": a public work, named after anything
    if first == last and _doubled(finder, first):
        return False  # "gara2", "hati2": chat writes a doubled word with a 2, and nobody doubles a name
    if all(_not_a_name(finder, k) for k in range(first, last + 1)):
        return False  # "ibu sy lansia", "Pelapor | anonim": a state, anonymity
    opening = _not_a_name(finder, first) or _affixed_verb(finder.tokens[first].low)
    # "nama panggilan", "Nama saya dicoret dari daftar": the cue named nothing
    return not (opening and after_name_cue(finder, first))
