"""Words chat writes where a name could stand, and an identifier's label (issue 11, session 13).

The context rules take a lower-case word for a name when a cue stands before it: a relative or the writer ("anak
sy ...", "saya ..."), a worker ("tukang ojek ...", "pedagang ..."), an office ("pak rt ..."), because Indonesians
are named with ordinary words and chat writes names in lower case. Right there chat writes what happened instead,
and it writes it as it is said, not as the dictionary spells it:

- a verb with the nasal of Jakarta and Java: "pedagang ngeluh", "keluarga pasien kan nunggu", "petugas PLN
  ngambil meteran", "pedagang asongan maksa beli" (``k``/``t``/``p`` become "ng"/"n"/"m");
- a word said without its "h", or with its last vowel as Jakarta, Java and Minang say it: "pegawainya udh ilang",
  "tukang ojek jatoh", "pa rw tp tetep aja", "pak rt katanye", "udah lama saya diem", "kawan ambo jatuah";
- a person's plight or a verb of being, in the standard spelling: "anak sy batuk terus", "anak saya patah kaki",
  "saya curiga", "anak saya cerita" (the words of ``STATES``);
- a region's everyday word no list held: "abdi sieun", "pak wali sajo", "rumah ambo tasumbek", "no bpjs lon".

A span made only of such words, all in lower case, is no name. A word of the name list or of the ordinary words
parents give as names (``data/word_names_id.txt``: "tekun", "melati") is never one of them, and a span right after
an honorific or a title, after "si" (a nickname: "si brewok") or after a word for "name" ("nama saya obet") stays a
name ("pak Tetep" is somebody): a name kept is a leak.

The label of a personal number is no name either: "NIP" under a signature, "NIM"/"NISN" before the number
("Kepala Sekolah,\\nDedeh Rohayati\\nNIP 19720215 ..."), when a number follows it on its line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .context import spoken_word
from .lexicon import _LEX, _is_word
from .names_cued import WORD_NAMES, _chat_verb
from .notname_words import after_name_cue, judged_once

if TYPE_CHECKING:
    from .names import _Names

# A person's plight, and the verbs of being and telling that chat writes after "anak saya", "saya": nobody is named
# so ("anak sy batuk terus", "anak saya patah kaki", "saya curiga", "anak saya cerita")
STATES = frozenset(
    "batuk pilek demam flu diare muntah pusing mual sesak asma jatuh patah luka lecet memar keseleo kejang "
    "pingsan terluka cedera diam curiga kesal jengkel malu capek lelah cape letih lapar haus ngantuk kaget "
    "cerita bilang ngomong mengeluh mengadu lapor melapor nangis menangis sekolah kerja kuliah tidur "
    "susah repot kesulitan kehilangan rugi dirugikan kena terkena".split()
)
# The labels of a person's number ("NIP 1972...", "NIM: 2021...", "NISN 0098..."): a label, then the number
_LABELS = frozenset("nip nim nisn nik nrp nrk nuptk nidn npsn idpel".split())
_NUMBER_AFTER = re.compile(r"[ \t]*[:.]?[ \t]*\d")
# Vowels chat says for the dictionary's last one: "jatoh" (jatuh), "tetep" (tetap), "katanye" (katanya),
# "diem" (diam), "jatuah" (Minang: jatuh)
_LAST_VOWEL = re.compile(r"^(?P<head>.*[^aeiou])(?P<v>[aeiou]+)(?P<tail>[^aeiou]*)$")
_SPOKEN_VOWELS = {"o": ("u",), "ua": ("u",), "ie": ("ia",)}
# An open last "e" for "a" ("katanye", "kenape"); a closed one is as often a name's ("obet", "slamet")
_OPEN_VOWELS = {"e": ("a",)}
# The nasal that makes a verb of a root in chat: "nunggu" (tunggu), "maksa" (paksa), "mukul" (pukul)
_NASALS = (("n", "t"), ("m", "p"))


# Everyday words of the regions' languages that chat writes after "abdi", "ambo", "pak wali": Sundanese "sieun"
# (afraid), "wungkul" (only), "saderek" (relatives), Minang "sajo" (only), "tasumbek" (blocked), Acehnese "lon" (I).
# Kept here rather than in data/regional_words_id.txt, which the names model reads as a feature: growing that list
# and retraining lost a name on the first corpus ("Yutiyati membuang limbah", vetoed)
_REGIONAL_EVERYDAY = frozenset("sieun wungkul saderek sajo tasumbek lon".split())


@lru_cache(maxsize=8192)
def chat_word(low: str) -> bool:
    """Whether a lower-case word is an ordinary word as chat says it (see the module); never a listed name."""
    if low in _LEX.names or low in WORD_NAMES or low in _LEX.honorifics:
        return False
    if all(part in _REGIONAL_EVERYDAY for part in low.split("-")):
        return True  # "abdi sieun", "saderek-saderek"
    if len(low) < 4:
        return False
    if low in STATES or _chat_verb(low):
        return True
    for nasal, first in _NASALS:
        if low.startswith(nasal) and len(low) >= 5 and low[1] in "aeiouy" and low[1:] not in _LEX.names:
            if first + low[1:] in _LEX.words:
                return True  # "nunggu", "maksa": a root word with chat's nasal
    if _is_word(low):
        return False  # the dictionary's own spelling: "aman", "tekun" may be given names
    if spoken_word(low):
        return True
    m = _LAST_VOWEL.match(low)
    if m:
        for said in (_OPEN_VOWELS if not m["tail"] else _SPOKEN_VOWELS).get(m["v"], ()):
            if _is_word(m["head"] + said + m["tail"]):
                return True  # "jatoh", "tetep", "katanye", "jatuah"
    return False


def _label(finder: _Names, k: int) -> bool:
    tok = finder.tokens[k]
    return tok.low in _LABELS and bool(_NUMBER_AFTER.match(finder.doc.text, tok.end))


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that are not chat's ordinary words nor a number's label (see the module)."""
    return judged_once(ranges, lambda first, last: _is_a_name(finder, first, last)) if ranges else ranges


def _is_a_name(finder: _Names, first: int, last: int) -> bool:
    tokens = finder.tokens
    if first == last and _label(finder, first):
        return False  # "NIP 19720215 199703 2 003": the number's label
    if first > 0 and (finder.after_honorific(first) or finder.is_title(first - 1)):
        return True  # "pak Tetep": a person, whatever the word
    if first > 0 and tokens[first - 1].low == "si":
        return True  # "si brewok": a nickname, made of any word
    if after_name_cue(finder, first):
        return True  # "nama saya obet": the writer says it is a name
    if any(tokens[k].cap for k in range(first, last + 1)) or not chat_word(tokens[first].low):
        return True
    # "batuk terus", "patah kaki": chat's word, then ordinary words no parent gives
    return not all(chat_word(tokens[k].low) or _ordinary(tokens[k].low) for k in range(first + 1, last + 1))


def _ordinary(low: str) -> bool:
    return low not in _LEX.names and low not in WORD_NAMES and _is_word(low)
