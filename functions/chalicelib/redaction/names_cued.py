"""Names that only the words right before them reveal, in any case (issue 11).

The rules in ``names.py`` and ``context.py`` take a word after a cue when the word may be a name by
itself: on a list, unknown to the dictionary, or capitalised in a mixed-case text. Citizens also name
people with ordinary words ("Gunung", "Embun", "Kasih"), write them in lower case or all capitals, put
a role and what it is of between the honorific and the name ("pak guru ombak", "sopir truk sampah
awan", "BIDAN KENANGA"), and sign with a dash and their office ("- harum, ketua RT 03"). This module
reads those shapes:

* a word that parents give as a name (``data/word_names_id.txt``) right after a role, an honorific or
  a relative of the writer's, followed by what follows a name;
* the writer's "I" in the regions' words ("abdi", "beta", "tiang", "ambo"...) or in chat ("sy", "aku")
  at the start of a clause, then one or two words and a comma: the writer introducing themself;
* a Chinese-Indonesian name in lower case: a family name and its one or two given syllables
  ("the kian hoo", "liem swie king");
* a nickname after "si" or after "biasa dipanggil" with an honorific ("si gondrong", "dipanggil
  mbah kung");
* a dash signature with the signer's office after a comma ("- ricky, sekretaris RT");
* the next or previous word of a name already found, in a text that writes names in lower case
  ("ibu sy suci permata stroke", "suami sy bakti nugraha kerja").

It only adds token ranges; ``false_names.kept`` still drops places and bodies afterwards.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .context import AFTER_NAME, NOT_NAMED, TRADES, namable, spoken_word
from .lexicon import _AFFIXED, _FUNCTION_WORDS, _LABELS, _LEX, _LOCATIVE, _is_role, _is_word

if TYPE_CHECKING:
    from .names import _Names

_DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.lower().split())
    return frozenset(words)


WORD_NAMES = _load("word_names_id.txt")

# What a role is of, between the role and the person: "sopir truk sampah awan", "kepala sekolah pelangi"
_OBJECTS = frozenset(
    "truk sampah ambulans ambulan angkot bus bis ojek becak sekolah kebersihan parkir desa kelurahan kel "
    "puskesmas pustu posyandu pasar kampung dusun rt rw kantor kecamatan jalan pintu gerbang malam jaga "
    "piket keamanan kesehatan taman makam masjid gereja pura tpa tps pdam pln kamtibmas".split()
)
# The writer's relatives and acquaintances, before "saya"/"sy"/"ku": "temen sy mei", "ibu saya kasih"
_KIN = frozenset(
    "teman temen kawan tetangga anak adik adek kakak kaka istri suami ponakan keponakan sepupu ipar mertua "
    "menantu cucu saudara ibu bapak ayah bapa mama mamah papa papah emak mak abah umi abi nenek kakek "
    "pacar tunangan bos atasan tamang".split()
)
_MY = frozenset("saya sy sya aku aq ku gue gw gua kami kulo ambo".split())
_OF = frozenset("pu pung punya pny pnya".split())
# "ayahnya", "sopirnya": a relative or a role of somebody already spoken of
_KIN_NYA = frozenset(f"{w}nya" for w in _KIN | frozenset("sopir supir guru bidan perawat satpam".split()))
# The writer's "I", in chat and in the regions' speech
_SELF = _MY | frozenset("abdi tiang sa beta ana ane aye ulun inyong nyong sengkok engkok kaule kula kawula".split())
# What follows a name beyond ``AFTER_NAME``: "mantri angkasa di pustu", "bu guru embun marahin"
_FOLLOW = AFTER_NAME | frozenset(
    "di ke itu ini tsb suka sering mau malah kok selalu pernah masih kalo klo kalau jga skrg sekarang "
    "demam dirawat kena kerja jaga minta tinggal punya pny pnya ngasih kasih"
    # what chat says of a person: "bu lurah sundari baik bgt", "pak rt jaya galak"
    " baik ramah galak jutek judes sombong malas males jatuh ikut btw"
    # where the person is from: "beta maria bria seran dari atambua", "abdi permata sari ti sukasari"
    " dari dr ti asal warga tinggal saking umur usia"
    # who the person is to somebody: "si Kribo anak pak RT", "bu mawar istri pak kades"
    " anak istri suami adik kakak menantu".split()
)
# Chinese-Indonesian family names, and the syllables of given names (in the old and new spellings)
_CHINESE_FAMILY = frozenset(
    "the tan lim liem oei oey go goh kwee kwik tjoa tjia ong lie liauw sie tio thio khoe kho han njoo yap jap "
    "lauw ang tee gouw tjan tjhin phoa pouw siauw thung yo wong bong tjioe tjong oen kang lo loe".split()
)
# Family names that are also words ("the", "go", "tan", "lo", "han", "ang", "yo", "kang"): two syllables after
_CHINESE_AMBIGUOUS = frozenset("the go tan ong lo han ang yo kang lie sie tee wong".split())
_CHINESE_SYLLABLES = frozenset(
    "kian hoo swie king tjong bing bun kiat mei ling hwa liang siong hok tjoe hong eng kim giok lan nio hiang "
    "djin sien tjay gwan hien wan yin ming hui lie lien tjin tek gie hin siang kwan kong kok an ay ai "
    "bian boen djoe fong gin goan hian hoa hoei hwie jin kiem kie kiong kwie lay lim lok bo sing siu soen "
    "swan tiong tjiang tjien wie yang yong yu hwat ping pin tjhoen wei jun jie tjie".split()
)
# Nicknames of a person's looks or manner, which are words too: "si gondrong", "si botak"
_NICKNAMES = frozenset(
    "gondrong gendut botak kribo codet tompel brewok cebol ceking kurus bule item ireng pincang cungkring "
    "jabrik keriting tambun gembul pesek sipit kumis jenggot bongsor kerempeng".split()
)
# Initials the writer gives instead of a name, in any case: "panggil aja b", "inisial mawon s", and an
# admin's sign-off after a caret ("^RN")
_SAID_INITIALS = re.compile(
    r"(?i)(?<![^\W\d_])(?:panggil(?:an)?|dipanggil|sebut|inisial(?:nya)?)[ \t]+(?:(?:aja|saja|wae|mawon|bae)[ \t]+)?"
    r"(?P<i>[a-z]{1,2})(?![^\W\d_])|\^(?P<j>[A-Z]{1,3})(?![^\W\d_])"
)
_NICKNAME_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:biasa|sering|akrab)[ \t]+(?:di)?panggil|panggilannya|dipanggil[ \t]+warga)[ \t]+$"
)
# "- ricky, sekretaris RT", "— pelangi, bendahara RW": a signature with the signer's office
_DASH_SIGNED = re.compile(
    r"[-\u2013\u2014](?<![^\s.!?\"'][-\u2013\u2014])[ \t]?(?P<who>[^\W\d_]{3,}(?:[ \t][^\W\d_]{3,}){0,2}),[ \t]?"
    r"(?P<role>[^\W\d_]+)"
)


# "His name is" and "my name is" in the regions' words: Sundanese "ngaranna", "nami abdi", Javanese
# "jenenge", "jenengku", "asmane", "nami kula", Madurese "nyama'na", Balinese "adan tiang", "wastan
# tiang", Minang "namonyo", "namo ambo"
REGIONAL_NAME_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:ngaranna|jenenge|jenengku|jenenganipun|asmane|asmanipun|nyama'?na|namonyo|"
    r"nami[ \t]+(?:abdi|kula|kulo)|namo[ \t]+ambo|(?:adan|wastan)[ \t]+tiang)[ \t]*:?[ \t]+"
)
_REGIONAL_HINTS = ("ngaran", "jeneng", "asma", "nyama", "namo", "nami", "adan ", "wastan")
_EXPLICIT = 4  # names.py's strength of "bernama": any word after the cue


def found(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of the names these shapes place (some overlap the ranges already found)."""
    low = finder.doc.low or finder.doc.text.lower()
    lows = {t.low for t in finder.tokens}
    more = _after_cues(finder) + _introduced(finder) + _apposed(finder)
    if not lows.isdisjoint(_CHINESE_FAMILY):
        more += _chinese(finder)
    if "si" in lows or "panggil" in low or "kenal" in low:
        more += _nicknamed(finder)
    regional = any(cue in low for cue in _REGIONAL_HINTS)  # most texts have none: skip the scan
    for m in finder.doc.found(REGIONAL_NAME_CUE) if regional else ():
        named = finder.after_cue(m.end(), _EXPLICIT)
        j = finder.first_token_at(m.end())
        if named and not (_name_word(finder, named[0]) or finder.tokens[named[0]].low in WORD_NAMES):
            named = None  # "sabar namonyo hilang sajak kapatang": the name came before the cue
        if not named and j is not None and _name_word(finder, j):
            named = (j, j + 1 if _spaced(finder, j) and _name_word(finder, j + 1) else j)  # "ngaranna jaya"
        if not named and j is not None and j > 1 and _name_word(finder, j - 2) and _spaced(finder, j - 2):
            named = (j - 2, j - 2)  # Minang "anak ketek sabar namonyo": the name before the cue
        if named:
            more.append(named)
    said = "panggil" in low or "sebut" in low or "inisial" in low or "^" in low
    for m in finder.doc.found(_SAID_INITIALS) if said else ():
        group = "i" if m.group("i") else "j"
        k = finder.first_token_at(m.start(group))
        if k is not None and finder.tokens[k].end == m.end(group) and not finder.public[k]:
            if finder.tokens[k].low not in NOT_NAMED and finder.tokens[k].low not in _FUNCTION_WORDS:
                more.append((k, k))
    if "-" in finder.doc.text or "\u2013" in finder.doc.text or "\u2014" in finder.doc.text:
        more += _dash_signed(finder)
    return more + _grown(finder, ranges + more)


def _spaced(finder: _Names, k: int) -> bool:
    """Whether tokens k and k+1 are separated by one space (not a comma or a line)."""
    tokens = finder.tokens
    return k + 1 < len(tokens) and finder.doc.text[tokens[k].end : tokens[k + 1].start] == " "


def _case_allows(finder: _Names, k: int) -> bool:
    """Whether token k's case allows a name: any case where capitals say nothing or the writer puts names
    in lower case; in a mixed-case text, capitalised, or in lower case after a cue in lower case ("pak
    guru ombak di SD Inpres": the writer does not capitalise people here)."""
    tok = finder.tokens[k]
    if not finder.mixed:
        return True
    if tok.cap:
        return not tok.acronym
    return finder.lower_names or k > 0 and not finder.tokens[k - 1].cap


def _free(finder: _Names, k: int) -> bool:
    """Whether token k is free to be a name: not public, or only as the opener of a public name that is
    also given as a name ("gunung", "bukit"), which the cue before it says is a person ("pak lurah
    gunung ada", "sy gunung tekun,", "Narahubung Gunung (")."""
    if not finder.blocked(k):
        return True
    low = finder.tokens[k].low
    if low not in WORD_NAMES:
        return False
    opener = k > 0 and finder.tokens[k - 1].low  # "gunung tekun": the second word of such a name
    return low in _LEX.facility_openers or opener in WORD_NAMES and opener in _LEX.facility_openers


def _name_word(finder: _Names, k: int) -> bool:
    """Whether token k may be a word of a name that a cue points at: a word given as a name, a name on the
    list, or a word no dictionary knows."""
    low = finder.tokens[k].low
    if len(low) < 3 or not _free(finder, k) or low in _FUNCTION_WORDS or low in _LOCATIVE or low in _LABELS:
        return False
    if low in WORD_NAMES:
        return True
    if low in NOT_NAMED or low in _LEX.honorifics or low in _LEX.titles or _is_role(low) or low in _OBJECTS:
        return False
    if low in _LEX.names:
        return True
    return low.isalpha() and not _is_word(low) and not spoken_word(low) and namable(finder, k)


def _ends_name(finder: _Names, k: int) -> bool:
    """Whether what follows token k is what follows a name: the end, a punctuation mark, "yg", a verb."""
    tokens, text = finder.tokens, finder.doc.text
    rest = text[tokens[k].end : tokens[k].end + 2]
    if not rest.strip() or rest.lstrip(" ")[:1] in ",.;:!?)(\n":
        return True
    if not _spaced(finder, k):
        return False
    nxt = tokens[k + 1]
    low = nxt.low
    if finder.mixed and nxt.cap and not nxt.acronym:
        return False  # "pak guru Embun Pagi ...": the capitals go on
    if low in _FOLLOW or spoken_word(low) or _chat_verb(low):
        return True
    return low not in _LEX.names and low not in WORD_NAMES and bool(_AFFIXED.match(low)) and _is_word(low)


def _chat_verb(low: str) -> bool:
    """A verb as chat says it, with the nasal of Jakarta and Java: "ngebut" (kebut), "ngamuk" (amuk),
    "nyuruh" (suruh), "nyolong" (colong)."""
    if len(low) < 5 or low in _LEX.names:
        return False
    if low.startswith("nge") and len(low) > 5 and _is_word(low[3:]):
        return True  # "ngecat"
    if low.startswith("ng"):
        return _is_word(low[2:]) or _is_word("k" + low[2:])
    if low.startswith("ny"):
        return _is_word("s" + low[2:]) or _is_word("c" + low[2:])
    return False


def _cued(finder: _Names, j: int) -> str:
    """What points at token j as a person: "honorific", "role", "kin" or "" (nothing)."""
    tokens = finder.tokens
    k = j - 1
    objects = 0
    while k >= 0 and _spaced(finder, k):
        low = tokens[k].low
        if low in _LEX.honorifics and objects == 0:
            return "honorific"
        if _is_role(low):
            honoured = k > 0 and _spaced(finder, k - 1) and tokens[k - 1].low in _LEX.honorifics
            if low in TRADES and not honoured:
                return ""
            return "role"
        if low in _SELF and objects == 0 and k > 0 and _spaced(finder, k - 1) and tokens[k - 1].low in _KIN:
            return "kin"  # "temen sy mei", "anak beta yosef"
        if low in _KIN and objects == 0 and k > 0 and _spaced(finder, k - 1) and tokens[k - 1].low in _OF:
            return "kin"  # Papua's "sa pu adik ester": my younger sibling
        if low in _KIN_NYA and objects == 0:
            return "kin"
        if low in _OBJECTS and objects < 2:
            objects += 1
            k -= 1
            continue
        return ""
    return ""


def _self_before(finder: _Names, k: int) -> bool:
    """Whether the writer's "I" opens a clause right before token k ("halo min, sy dina marlina")."""
    if k == 0 or not _spaced(finder, k - 1) or finder.tokens[k - 1].low not in _SELF:
        return False
    i = k - 1
    before = finder.doc.text[: finder.tokens[i].start].rstrip(" \t")
    vocative = i > 0 and finder.tokens[i - 1].low in _VOCATIVES and _spaced(finder, i - 1)
    return not before or before[-1] in ".!?,\n" or vocative


def _after_cues(finder: _Names) -> list[tuple[int, int]]:
    """A word given as a name right after a role, an honorific or a relative: "mantri angkasa di",
    "PETUGAS KEBERSIHAN GUNUNG DAN", "temen sy mei hp nya", "lae torang udah"."""
    tokens = finder.tokens
    ranges = []
    for j, tok in enumerate(tokens):
        if j == 0:
            continue
        if tok.low not in WORD_NAMES:
            # any name word after a relative of the writer's: "beta pung tamang Chiko rumah", "sa pu adik ester"
            before = tokens[j - 1].low
            if (before in _SELF or before in _KIN) and _name_word(finder, j) and _case_allows(finder, j):
                capitalised = finder.mixed and tok.cap  # "beta pung tamang Chiko rumah": the capital says so
                if _cued(finder, j) == "kin" and (capitalised or _ends_name(finder, j)):
                    ranges.append((j, j))
            continue
        if not _free(finder, j):
            continue
        if not _case_allows(finder, j) and not _two_lower_words(finder, j):
            continue
        cue = _cued(finder, j)
        if not cue:
            continue
        last = j
        if _spaced(finder, j) and _name_word(finder, j + 1) and tokens[j + 1].cap == tok.cap:
            if _ends_name(finder, j + 1):
                last = j + 1  # "ibu sy suci permata stroke", "Pak makmur awan di"
        if _ends_name(finder, last):
            ranges.append((j, last))
    return ranges


def _apposed(finder: _Names) -> list[tuple[int, int]]:
    """A word given as a name between commas after a relative of the writer's: "anak saya, Kasih, sakit",
    "tetangga sy, mawar, kena tipu"."""
    tokens, text = finder.tokens, finder.doc.text
    ranges = []
    for j in range(2, len(tokens)):
        tok = tokens[j]
        if tok.low not in WORD_NAMES or text[tokens[j - 1].end : tok.start] != ", ":
            continue
        if tokens[j - 1].low not in _MY or tokens[j - 2].low not in _KIN or not _spaced(finder, j - 2):
            continue
        if _case_allows(finder, j) and _free(finder, j) and text[tok.end : tok.end + 1] in (",", ""):
            ranges.append((j, j))
    return ranges


def _two_lower_words(finder: _Names, j: int) -> bool:
    """Two name words in lower case after a capitalised cue, ending where a name ends: "Pak makmur awan di"."""
    tokens = finder.tokens
    if tokens[j].cap or not _spaced(finder, j) or tokens[j + 1].cap:
        return False
    low = tokens[j + 1].low
    return (low in WORD_NAMES or low in _LEX.names) and _name_word(finder, j + 1) and _ends_name(finder, j + 1)


# Words before the writer's "I" that address the reader: "min aku embun,", "pagi pak, beta ..."
_VOCATIVES = frozenset(
    "min mimin admin pak bu kak mas mbak bang bapa bapak ibu mama kaka om tante halo hai eh punten permisi "
    "pagi siang sore malam".split()
)
# What follows the writer's name when they introduce themself: "beta yermias banunaek dari kelurahan ..."
_INTRODUCERS = frozenset(
    "dari dr dri ti asal warga wrg tinggal saking umur usia mau mo ingin pengen bade arep badhe rek btw yg "
    "yang selaku sebagai peserta pelanggan pemilik ya di"
    # the writer's "I" again, or the reader addressed: "beta yohanis seran beta mau", "gw langit min,"
    " saya sy aku gw beta sa ambo abdi tiang min pak bu kak mas bang bapa a teh akang".split()
)


_JOINERS = frozenset("al el bin binti van de".split())


def _surname_like(finder: _Names, k: int) -> bool:
    """A second word of the writer's own name that a dictionary also knows as a word ("lewi itam"): any
    word of the text's case but a common one, a function word or a verb."""
    low = finder.tokens[k].low
    if len(low) < 3 or finder.blocked(k) or low in _LEX.common or low in _FUNCTION_WORDS or low in NOT_NAMED:
        return False
    return not _AFFIXED.match(low) and low not in _INTRODUCERS and low not in _FOLLOW


def _called(finder: _Names, j: int) -> bool:
    """Whether token j, a word of address right after the writer's "I", is what they are called: "sy ning
    btw", "aku Ning pedagang angkringan" (not "saya pak budi", where a name follows it)."""
    tokens = finder.tokens
    if tokens[j].low not in _LEX.honorifics or len(tokens[j].low) < 3 or finder.public[j]:
        return False
    rest = finder.doc.text[tokens[j].end : tokens[j].end + 1]
    if rest not in ("", ",", "!", "?", "\n") and not _spaced(finder, j):
        return False  # "sy Bpk. Wakidi": the dot of an abbreviation, a name follows
    if _spaced(finder, j):
        nxt = tokens[j + 1].low
        return nxt in ("btw", "aja", "saja", "dr", "dari") or _is_role(nxt) and not finder.public[j + 1]
    return True


def text_end(finder: _Names, j: int) -> bool:
    """Whether token j ends its clause: the text's end or a punctuation mark right after it."""
    rest = finder.doc.text[finder.tokens[j].end : finder.tokens[j].end + 1]
    return rest == "" or rest in ",.!?\n"


# Short words that open a name: Buton's "La"/"Wa"/"La Ode", Sundanese "Ai", Balinese "I"/"Ni"
_OPENERS = frozenset("la wa ode ai i ni".split())


def _own_name(finder: _Names, j: int, opened: bool = False) -> tuple[int, int] | None:
    """The writer's own name at token j, right after their "I": one to four words, at least one of them a
    name word, up to a comma, the end, a word that says where they are from or a self-correction ("eh")."""
    tokens, text = finder.tokens, finder.doc.text
    dotted = text.startswith(".", tokens[j].end)  # "moh.", "abd."
    if (tokens[j].low in _OPENERS or finder.is_title(j) or dotted) and finder.adjacent(j):
        # "sy la ode ucu pak", "abdi ai sumirat ti", "kaule moh. berlian pak": a short first word or a title
        # that opens a name says the words after it are one
        rest = _own_name(finder, j + 1, opened=True)
        return (j, rest[1]) if rest else None
    if not (_name_word(finder, j) or _surname_like(finder, j)):
        return None
    last = j
    while last - j < 3 and _spaced(finder, last) and tokens[last + 1].cap == tokens[j].cap:
        if tokens[last + 1].low in _JOINERS and _spaced(finder, last + 1):
            last += 1  # "hasan al jufri", "slamet bin karto"
            continue
        if not (_name_word(finder, last + 1) or _surname_like(finder, last + 1)):
            break
        last += 1
    again = last + 2 + (last + 2 < len(tokens) and tokens[last + 2].low == "iya")
    if _spaced(finder, last) and tokens[last + 1].low == "eh" and again < len(tokens):
        if tokens[again].low == tokens[j].low and again > j:
            said = _own_name(finder, again)  # "aku tambun eh tambun anyau pak": the name said again in full
            if said:
                return j, said[1]
    while last >= j:
        words = range(j, last + 1)
        listed = any(tokens[k].low in _LEX.names or tokens[k].low in WORD_NAMES for k in words)
        named = listed or opened or any(_name_word(finder, k) for k in words)
        after = text[tokens[last].end : tokens[last].end + 1]
        nxt = tokens[last + 1].low if _spaced(finder, last) else ""
        # words no list knows ("natalis unyang") only before what the writer says next, not at the end
        # ("aku kudu nang endi": Javanese the dictionary does not hold)
        ends = after == "," or nxt in _INTRODUCERS or nxt == "eh"
        ends = ends or (listed or opened) and not text[tokens[last].end :].strip()
        if named and ends and tokens[last].low not in _JOINERS:
            return j, last
        last -= 1
    return None


def _introduced(finder: _Names) -> list[tuple[int, int]]:
    """The writer's "I" at the start of a clause, one or two name words and a comma: "abdi cahaya, bade
    lapor", "beta yosua, mau lapor", "sy gunung tekun, peserta pbi"."""
    tokens, text = finder.tokens, finder.doc.text
    ranges = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.low not in _SELF or not _spaced(finder, i):
            continue
        before = text[: tok.start].rstrip(" \t")
        vocative = i > 0 and tokens[i - 1].low in _VOCATIVES and _spaced(finder, i - 1)  # "min aku embun,"
        if before and before[-1] not in ".!?,:\n" and not vocative:
            continue
        j = i + 1
        if _called(finder, j):
            ranges.append((j, j))
            continue
        if not _case_allows(finder, j):
            continue
        run = _own_name(finder, j)
        if run:
            ranges.append(run)
    return ranges


def _chinese(finder: _Names) -> list[tuple[int, int]]:
    """A Chinese-Indonesian family name and its given syllables, in any case: "the kian hoo"."""
    tokens = finder.tokens
    ranges = []
    for i, tok in enumerate(tokens):
        if tok.low not in _CHINESE_FAMILY or finder.blocked(i):
            continue
        last = i
        while last - i < 2 and _spaced(finder, last) and tokens[last + 1].low in _CHINESE_SYLLABLES:
            if finder.blocked(last + 1) or tokens[last + 1].cap != tok.cap:
                break
            last += 1
        need = 2 if tok.low in _CHINESE_AMBIGUOUS else 1
        if last - i >= need:
            ranges.append((i, last))
    return ranges


def _nicknamed(finder: _Names) -> list[tuple[int, int]]:
    """A nickname after "si" ("si gondrong,") or after "biasa dipanggil" and an honorific ("mbah kung")."""
    tokens, text = finder.tokens, finder.doc.text
    ranges = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.low == "si" and _spaced(finder, i):
            j = i + 1
            low = tokens[j].low
            nick = low in _NICKNAMES or _name_word(finder, j)
            if nick and not finder.blocked(j) and _ends_name(finder, j):
                ranges.append((j, j))
        elif tok.low in _LEX.honorifics and _spaced(finder, i) and _NICKNAME_CUE.search(text, 0, tok.start):
            j = i + 1
            low = tokens[j].low
            if len(low) >= 2 and low not in NOT_NAMED and low not in _FUNCTION_WORDS and not finder.blocked(j):
                ranges.append((j, j))
    return ranges


def _dash_signed(finder: _Names) -> list[tuple[int, int]]:
    """A dash, the signer's one to three words, a comma and their office: "- ricky, sekretaris RT"."""
    ranges = []
    for m in _DASH_SIGNED.finditer(finder.doc.text):
        role = m["role"].lower()
        if not (_is_role(role) or role in ("warga", "pelapor", "admin")):
            continue
        first = finder.first_token_at(m.start("who"))
        if first is None:
            continue
        last = first
        while last + 1 < len(finder.tokens) and finder.tokens[last + 1].end <= m.end("who"):
            last += 1
        words = range(first, last + 1)
        if all(_name_word(finder, k) or finder.tokens[k].low in _LEX.common for k in words) and any(
            _name_word(finder, k) for k in words
        ):
            ranges.append((first, last))
    return ranges


# Buton and Muna names open with "La" (a man) or "Wa" (a woman), nobles' with "La Ode"/"Wa Ode"
_BUTON = frozenset("la wa".split())
# "no wa", "lewat wa": WhatsApp, not a woman's name
_NOT_BEFORE_WA = frozenset("no nomor nmr hp telp via lewat di ke dan grup group japri chat pake pakai".split())


def _buton_particles(finder: _Names, first: int) -> int:
    """The first token of a Buton or Muna name found at `first` without its particles ("wa ode [sitti]",
    "la ode [munir]", "wa [nurma]"), or `first` itself."""
    tokens = finder.tokens
    k = first
    if k > 0 and tokens[k - 1].low == "ode" and finder.adjacent(k - 1):
        k -= 1
    if k > 0 and tokens[k - 1].low in _BUTON and finder.adjacent(k - 1) and tokens[k - 1].cap == tokens[first].cap:
        before = tokens[k - 2].low if k > 1 else ""
        if k < first or before not in _NOT_BEFORE_WA:
            k -= 1
    return k if k == first or tokens[k].low in _BUTON else first


_ASIDE = re.compile(r" ?\([^()\n]{1,30}\)")


def _next_item(finder: _Names, last: int) -> int | None:
    """The token after a name found and a list's comma or "dan", when it is a word given as a name of the
    same case that ends where a name ends: "Rejeki, Murni, Cahaya", "Murni dan Cahaya"."""
    tokens, text = finder.tokens, finder.doc.text
    k = last + 1
    if k >= len(tokens):
        return None
    gap = text[tokens[last].end : tokens[k].start]
    aside = _ASIDE.match(text, tokens[last].end)  # "Siti (RT 2), Mawar (RT 3)": past the item's note
    if aside:
        k = bisect.bisect_left(finder.starts_at, aside.end())
        if k >= len(tokens):
            return None
        gap = text[aside.end() : tokens[k].start]
    if gap == " " and tokens[k].low in ("dan", "serta") and _spaced(finder, k):
        k += 1
    elif gap not in (", ", ","):
        return None
    tok = tokens[k]
    if tok.low not in WORD_NAMES or tok.cap != tokens[last].cap or not _free(finder, k):
        return None
    after = text[tok.end : tok.end + 2]
    return k if text_end(finder, k) or k + 1 >= len(tokens) or after == " (" else None


# What a speaker says before saying a name again: "aku tambun eh tambun anyau", "melati eh iya melati"
_AGAIN = frozenset("eh iya ya maksudnya maksud sorry maaf".split())


def _echo(finder: _Names, first: int, last: int) -> tuple[int, int] | None:
    """The same name said again right after a self-correction, with its next name words."""
    tokens = finder.tokens
    for k in range(last + 2, min(last + 5, len(tokens))):
        if tokens[k].low == tokens[first].low and tokens[k - 1].low in _AGAIN:
            end = k
            while end + 1 < len(tokens) and end - k < 3 and _spaced(finder, end):
                same = first + end + 1 - k <= last and tokens[end + 1].low == tokens[first + end + 1 - k].low
                if not (same or _name_word(finder, end + 1)):
                    break
                end += 1
            return k, end
        if tokens[k].low not in _AGAIN:
            return None
    return None


def _grown(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words after or before a name found in lower case, where what follows is what follows a name:
    "suci [permata] stroke", "teuku [maimun azhari],", "suami sy [bakti] nugraha"."""
    tokens = finder.tokens
    taken: set[int] = set()
    for first, last in ranges:
        taken.update(range(first, last + 1))
    more = []
    for first, last in ranges:
        particle = _buton_particles(finder, first)
        if particle < first:
            more.append((particle, first - 1))
        echo = _echo(finder, first, last)
        if echo and echo[0] not in taken:
            more.append(echo)
        item = _next_item(finder, last)
        if item is not None and item not in taken:
            more.append((item, item))  # "anggota: Rejeki, Murni, Cahaya": the list's last word given as a name
        if finder.mixed and tokens[last].cap:
            continue
        k = last
        while k - last < 2 and k + 1 not in taken and _spaced(finder, k):
            if tokens[k + 1].cap != tokens[last].cap or not _name_word(finder, k + 1):
                break
            k += 1
        while k > last and not _ends_name(finder, k):
            k -= 1
        if k > last:
            more.append((last + 1, k))
        if particle < first:
            continue
        k = first - 1
        if (
            k > 0
            and k not in taken
            and _spaced(finder, k)
            and not tokens[k].cap
            and (
                (tokens[k].low in WORD_NAMES and _free(finder, k) or _name_word(finder, k))
                and (_cued(finder, k) or _self_before(finder, k))
                # "saya tumpal siregar ya": the writer's "I", a word of theirs, then a name found
                or _self_before(finder, k)
                and _surname_like(finder, k)
            )
        ):
            more.append((k, k))
    return more
