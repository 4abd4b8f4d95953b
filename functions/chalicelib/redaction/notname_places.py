"""Not a name, a place: capitalised words the name rules took for a person that the text shows are a place.

No list holds every village, hamlet and neighbourhood of Indonesia, and their names are written like
people's ("sepanjang Ngemplak sampai Karangrejo", "Kami dari Kedung Cowek", "Kata Pak Lurah Ketabang").
Three kinds of evidence tell them apart without such a list:

- the text names the place itself elsewhere: a word that follows "Kelurahan", "Desa", "Kec.", "Dusun",
  "Kampung"... anywhere in the text is that place wherever else it stands ("Kepada Yth. Bapak Camat
  Gedangan di Gedangan" beside "Kecamatan Gedangan");
- a word that only a place follows: "sepanjang", "menuju", "perempatan", "pertigaan", "simpang",
  "bundaran", "seberang", "sekitaran", "jurusan" (a person is never "sepanjang Budi");
- a word that a place or a person may follow ("dari", "ke", "sampai", "warga", "asal"), when the words
  after it are shaped like the places of Java, Sunda, Bali and beyond: a head such as "Karang", "Kali",
  "Sumber", "Tegal", "Kedung", "Ci", "Suka", or an end such as "-rejo", "-harjo", "-mulyo", "-kerto",
  "-wangi", "-agung", or a place word the lexicon knows (a city, a regency, the region's kelurahan).

It never overrides a word of the name list (the caller checks first) nor a word right after an honorific.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_role

if TYPE_CHECKING:
    from .names import _Names

# Words after which only a place is written ("sepanjang Ngemplak", "perempatan Kertajaya")
STRONG_CUES = frozenset(
    "sepanjang menuju perempatan pertigaan perapatan prapatan simpang bundaran seberang sekitaran jurusan "
    "kawasan wilayah daerah dukuh kampung kp dusun dsn desa ds kelurahan kel kecamatan kec kabupaten kab "
    "kota nagari jorong gampong banjar distrik lingkungan".split()
)
# Words after which a place or a person may be written ("dari Ngemplak", "dari Budi")
WEAK_CUES = frozenset("dari dr ke sampai hingga warga wrg asal penduduk lewat via arah di antara dan".split())
# Words that introduce a place by name in the text: what follows is that place wherever it stands
_NAMING = frozenset(
    "kelurahan kel desa ds kecamatan kec dusun dsn kampung kp dukuh gampong nagari jorong banjar distrik "
    "lingkungan kabupaten kab kota di sepanjang menuju perempatan pertigaan simpang bundaran".split()
)
_REGION_WORDS = frozenset(
    "kelurahan kel desa ds kecamatan kec dusun dsn kampung kp dukuh gampong nagari jorong banjar distrik".split()
)
# Police and army commanders, always named after their area ("Kapolsek Sirimau", "Danramil Lowokwaru"); the
# person follows with a rank ("Kapolsek Sirimau AKP ...")
_COMMANDS = frozenset("kapolsek kapolres kapolresta kapolrestabes kapolda danramil dandim danrem pangdam".split())
# The officials named after the place they serve ("Pak Kades Ngadirejo")
_JURISDICTION = frozenset(
    "lurah camat kades kapolsek kapolres danramil dandim bupati walikota gubernur kadus kasun sekcam seklur "
    "sekdes babinsa bhabinkamtibmas kepling kaling".split()
)
# The heads and ends of place names of Java, Sunda, Madura, Bali and Sulawesi: "Karangrejo", "Kalianak",
# "Sumbersari", "Tegalsari", "Kedungdoro", "Cileunyi", "Sukajadi", "Sidomulyo", "Tambaksari", "Wonokromo"
_PLACE_HEAD = re.compile(
    r"(?:karang|kali|sumber|tegal|kedung|tambak|kebon|wono|banyu|watu|tlogo|telogo|sido|suko|ci(?=[bdgjklmprsw])"
    r"|suka(?=jadi|maju|mulya|sari|raja|bumi|manah|mukti|asih|rame|luyu|galih|resmi|damai|makmur|karya|warna)"
    r"|pasir|ranca|leuwi|bojong|cijan|rawa|pondok|kampung|kota|tanjung|sei|pulo|gunung|bukit|ngr|ngl|ngab|ngem"
    r"|ngag|mojo|jati|pandan|krajan|dukuh|pasar|lebak|tanah|bontol?|panak|tamala|kuta|desa|gili|nusa|muara|teluk)"
    r"[a-z]{2,}$"
)
_PLACE_END = re.compile(
    r"[a-z]{3,}(?:rejo|harjo|mulyo|kerto|agung|kulon|wetan|kidul|anyar|jajar|kerep|tengah|utara|selatan|timur"
    r"|barat)$"
)
# Words of a place's own name after its head ("Medokan Ayu", "Jemur Wonosari", "Kedung Cowek")
_PLACE_TAILS = frozenset(
    "lor kidul wetan kulon tengah utara selatan timur barat dalam luar hilir hulu ilir ulu baru lama indah "
    "permai asri raya jaya makmur agung sari ayu anyar kota satu dua tiga".split()
)


_NUMBER_GAP = re.compile(r"[ \t.]*\d{1,3}[ \t]+")
_RT_PAIR = re.compile(r"[ \t.]*\d{1,3}[ \t]*[/,]?[ \t]*")  # "RT 04 RW", "RT 05/RW", "RT. 3, RW"


def place_shaped(low: str) -> bool:
    """Whether a lower-case word is shaped like a place's name, or is a place the lexicon knows."""
    return bool(_PLACE_HEAD.match(low) or _PLACE_END.match(low)) or low in _PLACE_SET


_PLACE_SET = frozenset(p for p in _LEX.places if " " not in p)


def named_places(finder: _Names, honoured_words: frozenset[str]) -> frozenset[str]:
    """The words the text itself names as places: those after "Kelurahan", "Desa", "Kec."... (up to two
    capitalised words, or the one word after the cue in a text without capitals)."""
    tokens, text = finder.tokens, finder.doc.text
    words: set[str] = set()
    for k, tok in enumerate(tokens[:-1]):
        if tok.low not in _NAMING or tok.low not in _REGION_WORDS and not finder.mixed:
            continue  # "di rumah wagiyem": without capitals only a region's word names a place
        if _headed(finder, k):
            continue  # "Kepala Desa Sutrisno", "Kepala Lingkungan Budi": an office, then maybe its holder
        for j in (k + 1, k + 2):
            gaps = (" ", ". ", ".") if j == k + 1 else (" ",)  # "Kel. Bugul", not "Kel. Bugul. Darsinah"
            if j >= len(tokens) or text[tokens[j - 1].end : tokens[j].start] not in gaps:
                break
            nxt = tokens[j]
            if finder.mixed and not nxt.cap or nxt.low in _LEX.honorifics or len(nxt.low) < 3:
                break
            if j > k + 1 and not finder.mixed and not (place_shaped(nxt.low) or nxt.low in _PLACE_TAILS):
                break  # "desa sumber wagiyem": without capitals a second word must look like a place's
            if nxt.low in _LEX.names and nxt.low not in _LEX.common and not place_shaped(nxt.low):
                break  # "Desa Budi"? rather the person; "di Gresik Wahyudi": the person after the place
            words.add(nxt.low)
    return frozenset(words - honoured_words)


def _headed(finder: _Names, k: int) -> bool:
    """Whether region word k follows an office's head ("Kepala Desa", "Ketua Kampung", "Pak Dusun"): the words
    after it may be the person holding the office."""
    if k == 0:
        return False
    head = finder.tokens[k - 1].low
    return head in _HEADS or head in _LEX.honorifics or _is_role(head)


# The heads of a village's or a hamlet's office: "Kelian Banjar Made Sukarta", "Wali Jorong Datuak ..."
_HEADS = frozenset("kepala ketua kades kadus pj plt kelian klian wali perbekel bendesa keuchik geuchik".split())


def honoured(finder: _Names) -> frozenset[str]:
    """The words the text puts right after an honorific or a title ("Pak Gedangan", "H. Sukri"): a person
    is named so somewhere, and the word is no place's for these rules."""
    tokens = finder.tokens
    return frozenset(
        tokens[k + 1].low
        for k in range(len(tokens) - 1)
        if (tokens[k].low in _LEX.honorifics or finder.is_title(k))
        and finder.doc.text[tokens[k].end : tokens[k + 1].start] in (" ", ". ", ".")
    )


# Generals' ranks that open the names of streets ("lampu merah Mayjend Sungkono", "di Brigjen Katamso")
_STREET_RANKS = frozenset("mayjen mayjend brigjen brigjend letjen letjend jend jenderal jendral laksda marsda".split())


def street_by_rank(finder: _Names, first: int, last: int) -> bool:
    """'lampu merah Mayjend Sungkono', 'macet di Brigjen Katamso': a general's rank after a place's cue
    opens a street named after the general, not the person."""
    tokens = finder.tokens
    if tokens[first].low not in _STREET_RANKS or first == 0:
        return False
    cue = tokens[first - 1].low
    lights = cue == "merah" and first > 1 and tokens[first - 2].low == "lampu"
    return lights or cue in STRONG_CUES or cue in ("di", "depan", "sekitar", "arah", "dekat")


def place_not_person(
    finder: _Names, first: int, last: int, named: frozenset[str], honoured_words: frozenset[str]
) -> bool:
    """Whether tokens first..last, taken for a name, are a place by the evidence above."""
    tokens = finder.tokens
    words = [tokens[k].low for k in range(first, last + 1)]
    if honoured_words.intersection(words):
        return False  # "Pak Wagimin" elsewhere: the word names a person in this text
    if all(w in named or w in _PLACE_TAILS and w != words[0] for w in words):
        return True  # the text names this place itself
    before = first - 1
    if before < 0:
        return False
    gap = finder.doc.text[tokens[before].end : tokens[first].start]
    if tokens[before].low in ("rt", "rw") and _NUMBER_GAP.fullmatch(gap):
        k = before - 1
        text = finder.doc.text
        while (
            k >= 0 and tokens[k].low in ("rt", "rw") and _RT_PAIR.fullmatch(text[tokens[k].end : tokens[k + 1].start])
        ):
            k -= 1  # "RT 04 RW 07 Tlogosari", "RT 05/RW 03 Kalibanteng": the word before the pair (session 13)
        head = tokens[k].low if k >= 0 else ""
        # not "Ketua RT 05 Suparno", "Pak RW 3 Darmo": the official of the neighbourhood, then the person
        return not (
            _is_role(head) or head in _LEX.honorifics or head in ("ketua", "pengurus", "sekretaris")
        )  # "Balai RW 7 Gubeng Kertajaya": the kelurahan the neighbourhood is in
    if gap not in (" ", ". "):
        return False
    cue = tokens[before].low
    if finder.mixed and not all(tokens[k].cap for k in range(first, last + 1)):
        return False
    if cue in STRONG_CUES:
        return not _headed(finder, before)
    if cue == "merah" and before > 0 and tokens[before - 1].low == "lampu":
        return True  # "lampu merah Mayjend Sungkono": a crossing is named after its streets
    if cue in _COMMANDS:
        return True  # "Bapak Kapolsek Sirimau": a police or army command is named after its area
    if cue in _JURISDICTION and place_shaped(words[0]) and all(place_shaped(w) or w in _PLACE_TAILS for w in words):
        return True  # "Pak Kades Ngadirejo": the village, by its shape
    if cue in WEAK_CUES:
        head = words[0]
        rest_ok = all(place_shaped(w) or w in _PLACE_TAILS for w in words[1:])
        return place_shaped(head) and rest_ok or head in named
    return False
