"""Names placed by their context rather than by a list: the words around a person (issue 11).

Citizens name people with ordinary words ("Jaya", "Tekun", "Angkasa") and write them in lower case
("pak jaya cuma bilang"), so neither the name list nor capitals find them. What does is the context:
an honorific, a relative ("ibu saya") or a role ("juru parkir", "bidan") right before the word, and
what follows a name right after it (a comma, "yg", "udh", a verb: "ANAK SAYA TEKUN DITOLAK").

``namable`` says whether a word may be such a name; ``named_by_context`` finds the one or two words
that a cue before position j names. The word lists here are the words that follow an honorific, a
relative or a role without being a name ("pak tua", "ibu hamil", "anak saya sakit").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import _AFFIXED, _DEGREE_WORDS, _FUNCTION_WORDS, _LEX, _LOCATIVE, _is_role, _is_word, _wordlike

if TYPE_CHECKING:
    from .names import _Names

# The marks of chat style: a writer who writes "sy", "yg", "udh" seldom capitalises names either.
CHAT_MARKERS = frozenset(
    "sy yg udh udah gk gak ga tp dgn jg tlg bgt blm sdh kmrn skrg krn trs aja dong sih gmn knp nyuruh".split()
)

# Words that come right after a name: "pak jaya cuma bilang", "mas angkasa yg nolongin", "lae jaya udah lapor".
AFTER_NAME = frozenset(
    "yg yang udh udah sdh sudah blm belum gk ga gak nggak tdk tidak cuma cm bilang blg sama sm dan dgn dengan "
    "juga jg pas lagi lg hp nik tadi td katanya ada"
    # the verbs of chat: "sopir truk awan buang sampah", "pak jaya nyuruh"
    " buang datang dtg pergi pulang marah ngamuk bakar lewat masuk teriak nyuruh ngomong lapor jual beli ambil"
    " bawa tanya parkir nabrak mukul ngancam nagih malak minta"  # not "pukul": also "at (a time)"
    # a condition: "ibu sy suci permata stroke"
    " stroke sakit meninggal".split()
)
# Words that follow a name only right after an honorific: "pak rajin tp gk mau", "bidan permata cuti"
# (after another cue they follow anything: "lapor ke negeri tp ...")
_AFTER_HONOURED = frozenset("tp tapi cuti".split())

# Words that follow an honorific, a relative or a role without naming anybody.
NOT_NAMED = frozenset(
    "udh udah sdh blm gk ga gak nggak tdk jg aja saja ya iya sih dong deh kok lagi lg tolong tlg mohon mhn minta "
    "tanya makasih nanti ntar skrg sekarang td tadi kemarin kmrn besok kalau klo kalo cuma malah tp kan tuh nih "
    "loh lho ok oke siap maaf permisi selamat halo hai hamil tua muda rumah kota jari semua sekalian yg sy min "
    "bgt banget sendiri kandung haji hajah ustad ustadz sakit demam baru lama setempat terkait tersebut tsb "
    "sekeluarga kalian sekalian mereka dia beliau nya kita kami saya aku gw gue ane kamu anda pertama kedua "
    "sulung bungsu tiri angkat kecil besar pns honorer sekolah kerja kuliah satu dua tiga empat lima "
    "ambo awak abdi kulo sengkok beta katong torang lain jaga karna karena krn sempat nama banjir kos kost"
    # a condition, not a name: "anak sy asma", "ibu sy stroke"
    " asma stroke diare kanker tbc dbd diabetes hipertensi lumpuh buta tuli bisu koma kejang step"
    # a question: "dengan bapak siapa?", "ibu mana?"
    " siapa apa mana kapan berapa gimana bagaimana kenapa mengapa"
    # greetings: "Om Swastiastu", "Dear Sir/Madam"
    " swastiastu swastyastu sir madam"
    # the writer's "I" in the regions' words: Madurese "kaule", "engkok"
    " kaule engkok"
    # the grammar of the regions' chat (issue 11), which no list of names holds: Sundanese "teh", "mah",
    # "dina", "ti", "nu"; Javanese "sing", "iku", "ora", "wis"; Minang "indak", "ndak", "nan", "jo";
    # Makassar "kodong", "tabe"; Papua "tra", "pu", "dong"; Ambon "seng", "ale", "katong"
    " teh mah dina kana ti nu sareng janten teu aya eta ieu pisan atuh mangga punten sing iku iki ora ra wis"
    " durung karo kanggo opo piye ning neng indak ndak nan jo alah kodong tabe tra pu seng ale katong torang"
    # Kupang "sonde" and Javanese "nda" ("not"): "kampung sonde ada guru", "pak RT nda pernah datang"
    " sonde nda pernah"
    # the regions' "his name is": "juru parkir nu ngaranna jaya"
    " ngaranna jenenge jenengku asmane namonyo"
    # more Javanese and Sundanese grammar: "aku kudu nang endi", "arep lapor", "jarene ora aktif"
    " kudu nang endi arep arek wes uwis iso isa ngono ngene kene kono kae saiki mengko wingi sesuk ojo jare"
    " jarene ae wae mboten sampun badhe nggih enggal keur bade tos atos acan can"
    # laughter: "kayak bunga pak hehe"
    " hehe haha hihi wkwk wkwkwk xixi".split()
)
# Minang "-nyo" for "-nya": "anaknyo", "rumahnyo" are words of the language, not names
_MINANG_NYA = re.compile(r"[a-z]{3,}nyo$")


_CONSONANTS = frozenset("bcdfgjklmnpqrstvwxyz")


def regional_word(low: str) -> bool:
    """A word of the regions' speech made of an Indonesian word ("anaknyo": anak + -nyo)."""
    return bool(_MINANG_NYA.match(low)) and _is_word(low[:-3])


def spoken_word(low: str) -> bool:
    """An Indonesian word as chat spells it the way it is said: without its "h" ("ilang", "abis", "utang"),
    its first "e" ("slamat", "brapa", "prempuan") or with Jakarta's "-in" ("wakilin"). Asked only of
    lower-case words no list knows as a name."""
    if len(low) < 4:
        return False
    if low[0] in "aeiou" and _is_word("h" + low):
        return True
    if low.endswith("in") and len(low) > 5 and low not in _LEX.names:
        # Jakarta's "-in" for "-i"/"-kan": "wakilin", "marahin", "bersihin", "laporin"
        stem = low[:-2]
        if _is_word(stem + "i") or _is_word(stem + "kan") or _is_word(stem):
            return True
    return low[0] in _CONSONANTS and low[1] in "lr" and _is_word(low[0] + "e" + low[1:])


# What a role is of ("pemilik kos", "petugas kebersihan", "kepala keluarga"): the names module's list
_NOT_AFTER_ROLE = frozenset(
    "kos kost kontrakan lahan tanah kendaraan usaha kebun sawah keluarga loket lapangan kebersihan parkir "
    "sekolah kelas kelurahan kecamatan desa dinas bagian kantor toko warung kios pabrik gudang proyek pasar "
    "katering lapak kelompok paguyuban".split()
)


# Roles that sell or make something: the word after them is their goods ("pedagang bunga", "penjual
# intan"), even a word on the name list
TRADES = frozenset(
    "penjual pedagang tukang juragan pengrajin perajin petani peternak pengusaha agen distributor pemilik "
    "penjaga pembeli pemasok produsen toko warung".split()
)


def goods(finder: _Names, role: int, j: int) -> bool:
    """Whether token j, right after a trade's role, is its goods ("pedagang bunga", "penjual intan"):
    a dictionary word, even one on the name list."""
    return j == role + 1 and finder.tokens[role].low in TRADES and _is_word(finder.tokens[j].low)


# Nouns made with pe-/ke- and -an: "Pemerintahan", "Kebersihan", "Persampahan" (an office, not a name)
_DERIVED = re.compile(r"(?:pe[mn]?g?|per|ke)[a-z]{3,}an$")


def namable(finder: _Names, k: int) -> bool:
    """Whether token k may be a name that a cue before it points at, even an ordinary word ("Jaya")."""
    tok = finder.tokens[k]
    low = tok.low
    if len(low) < 3 or not any(c in "aeiouy" for c in low) or finder.blocked(k):
        return False
    if low in _FUNCTION_WORDS or low in _LOCATIVE or low in NOT_NAMED or low in _DEGREE_WORDS:
        return False
    if len(low) > 3 and low in AFTER_NAME and not (finder.mixed and tok.cap):
        # "pak budi santoso datang", "pak rt datang": what a person does, not more of the name (not the short
        # words, which are nicknames too: "bu nik", "pak pas")
        return False
    if low in _LEX.titles or low in _LEX.honorifics or low in _NOT_AFTER_ROLE or regional_word(low):
        return False
    if tok.acronym and finder.mixed and not _wordlike(low):
        return False  # "PDAM", "BPJS"
    if low not in _LEX.names and (_AFFIXED.match(low) or _DERIVED.match(low)) and _is_word(low):
        return False  # a verb or a derived word: "ditolak", "melahirkan", "kerjanya"
    return not (finder.mixed and tok.cap and finder.sentence_start(k) and not _after_abbreviation(finder, k))


def _after_abbreviation(finder: _Names, k: int) -> bool:
    """Whether token k follows an honorific or a title written with its dot ("bpk. Sabar", "Sdr. Jaya"):
    the dot ends the abbreviation, not a sentence."""
    if k == 0:
        return False
    before = finder.tokens[k - 1]
    gap = finder.doc.text[before.end : finder.tokens[k].start]
    return gap in (". ", ".") and (before.low in _LEX.honorifics or before.low in _LEX.titles)


def _followed_like_a_name(finder: _Names, k: int) -> bool:
    """Whether what follows token k is what follows a name: the end, a punctuation mark, "yg", a verb."""
    tokens, text = finder.tokens, finder.doc.text
    rest = text[tokens[k].end : tokens[k].end + 2]
    if not rest.strip() or rest.lstrip(" ")[:1] in ",.;:!?)(\n":
        return True
    if k + 1 >= len(tokens) or text[tokens[k].end : tokens[k + 1].start] != " ":
        return False
    low = tokens[k + 1].low
    if low in _AFTER_HONOURED:
        return any(tokens[i].low in _LEX.honorifics for i in (k - 1, k - 2) if i >= 0)
    return low in AFTER_NAME or (low not in _LEX.names and bool(_AFFIXED.match(low)) and _is_word(low))


def capital_run(finder: _Names, j: int | None, limit: int = 4) -> tuple[int, int] | None:
    """One to `limit` capitalised words at token j, in a mixed-case text, that end where a name ends:
    the end, a punctuation mark or a lower-case word ("sy Agus Salim (bkn ...", "ambo Rahmat Hidayat
    urang Bukittinggi", "kepala sekolah Petrus Kolo memukul"). The caller has a cue that says a person
    follows (the writer's own "sy", a role written in lower case); the capitals against the lower-case
    cue say where the name is, whatever the words are ("Berlian", "Rahayu")."""
    if j is None or j >= len(finder.tokens) or not finder.mixed:
        return None
    tokens, text = finder.tokens, finder.doc.text
    last = j - 1
    while last + 1 < len(tokens) and last + 1 - j < limit and (last < j or finder.adjacent(last)):
        k = last + 1
        tok = tokens[k]
        if not tok.cap or tok.acronym or not namable(finder, k) or k > j and finder.sentence_start(k):
            break
        last = k
    if last < j or _overlaps_phrase(finder, j, last):
        return None
    rest = text[tokens[last].end : tokens[last].end + 2]
    if not rest.strip() or rest[:1] in ",.;:!?)(/\n" or rest[:2] in (" (", " -", " /"):
        return j, last
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    spaced = nxt is not None and text[tokens[last].end : nxt.start] == " "
    return (j, last) if spaced and nxt is not None and not nxt.cap else None


def _overlaps_phrase(finder: _Names, first: int, last: int) -> bool:
    """Whether tokens first..last touch one of the region's public phrases."""
    tokens = finder.tokens
    return any(s < tokens[last].end and tokens[first].start < e for s, e in finder.doc.phrases)


def named_by_context(
    finder: _Names, j: int | None, comma_only: bool = False, strict: bool = False
) -> tuple[int, int] | None:
    """The one or two words at token j that the cue before them names: a capitalised word inside a
    mixed-case sentence, or any word that may be a name followed by what follows a name.
    comma_only: only a name set off by a comma or ending the text counts ("SAYA SURYA DAMAI, ...").
    strict (after a bare role): only one capitalised word inside a mixed-case sentence, not the first of
    a capitalised phrase ("juru parkir Awan di", not "Ketua Kelompok Tani")."""
    if j is None or j >= len(finder.tokens) or not namable(finder, j):
        return None
    tokens = finder.tokens
    if strict and (not finder.mixed or finder.lower_names and not tokens[j].cap):
        # no capitals to tell: one word the role names, then what follows a name ("sopir truk awan buang
        # sampah", "SEKDES X MENJUAL"), not the first of the words the role is of ("petugas pajak datang")
        before = tokens[j - 1].low if j > 0 else ""
        if before in _NOT_AFTER_ROLE or not _followed_like_a_name(finder, j):
            return None
        if before in TRADES and _is_word(tokens[j].low):
            return None  # "pedagang bunga di pasar": the goods
        if tokens[j].low in _LEX.names or not _is_word(tokens[j].low):
            return j, j
        # an ordinary word right after the role is what the role is of ("petugas pajak datang"); after
        # the role and what it is of, it is the person ("sopir truk sampah awan buang")
        verb = j + 1 < len(tokens) and finder.doc.text[tokens[j].end : tokens[j + 1].start] == " "
        verb = verb and (tokens[j + 1].low in AFTER_NAME or bool(_AFFIXED.match(tokens[j + 1].low)))
        return (j, j) if verb and j > 1 and not _is_role(before) and _is_word(before) else None
    if strict:
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if not (finder.mixed and tokens[j].cap):
            return None
        if nxt is not None and nxt.cap and finder.adjacent(j):
            # "kepala sekolah Petrus Kolo memukul": after a role written in lower case, capitals are the
            # person; after "Ketua Kelompok" they are the rest of the office's name
            lower_cue = j > 0 and not tokens[j - 1].cap and finder.adjacent(j - 1)
            return capital_run(finder, j, 3) if lower_cue else None
        if j > 0 and tokens[j - 1].cap and (finder.public[j - 1] or not finder.blocked(j - 1)):
            return None  # "Petugas loket Dinas Pangan bernama ...": the end of a capitalised phrase
        return j, j
    capitalised = finder.mixed and tokens[j].cap
    last = j
    if finder.adjacent(j) and namable(finder, j + 1) and (not finder.mixed or tokens[j + 1].cap == tokens[j].cap):
        last = j + 1
        if not (capitalised or _followed_like_a_name(finder, last)):
            last = j
    if comma_only:
        text = finder.doc.text
        rest = text[tokens[last].end : tokens[last].end + 1]
        if rest not in (",", "") and text[tokens[last].end :].strip():
            return None
        # lower case: only where the writer's own details follow ("sy anggrek, hp 0858...") or nothing does
        details = re.match(
            r",\s?(?:hp|wa|nik|warga|peserta|dari|umur|usia|no|nomor|tinggal|alamat)\b", text[tokens[last].end :]
        )
        plain = not text[tokens[last].end :].strip() or bool(details)
        return (j, last) if capitalised or finder.doc.mode == "upper" or plain else None
    if capitalised or _followed_like_a_name(finder, last):
        return j, last
    return None
