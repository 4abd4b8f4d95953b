"""Names that English cues place, in English and half-English complaints (issue 11, session 14).

Tourists and residents from abroad write "a man named komang took my bag", "hello, this is anna from the
villa", "my friend Tom saw it too", "me and tom waited two hours", "Grace said she would refund me". The
Indonesian rules (names.py) know none of these cues, and the English words around such a name keep the
rules' "capitalised unknown word between ordinary words" from taking it: Faker's English given names were
taken out of the English word list (english_text.py) so that "Tom" is no English word, but nothing put it
back in a name's place. A name here is found by the English cue before or after it:

- a naming word: "named", "nicknamed", "my name is", "name's", "known as", "goes by", "a guy called";
- the writer introducing themself: "this is anna", "I am Grace", "I'm Tom" (then what ends a clause or
  follows a person: "from", "here", "and", a comma);
- a relation or a role after a possessive: "my friend Tom", "our guide, Frank,", "my husband bill";
- the writer beside the person: "me and tom", "Tom and I", "Grace and me";
- a verb of saying or writing after the name: "Tom said", "Grace told us", "komang texted me".

The word itself must look like a name: a word of the name lexicons, or a word that is neither an English
word (english_text.words) nor an Indonesian one, nor a place, an office or a word of grammar; a
capitalised English word only after a naming word or a relation ("a woman named Hope", "my wife Joy").
The module looks only at texts with an English function word (as english_text does).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from . import english_text
from .lexicon import _FUNCTION_WORDS, _LEX, _is_word
from .region_places import _REGIONS

if TYPE_CHECKING:
    from .names import _Names

# Cue strengths: a naming word names whatever word follows; the others need a word that looks like a name
_NAMING, _SELF, _RELATION, _BESIDE, _INTRO, _BESIDE_ME = range(6)
_PERSON_NOUNS = frozenset(
    "man woman guy lady boy girl person someone somebody kid child driver guy dude fellow chap gentleman "
    "officer staff worker seller vendor".split()
)
# Roles a person is named after, in apposition: "the officer, Mark, was rude"
_ROLES = frozenset(
    "officer driver guide seller vendor owner manager guard receptionist landlord landlady host agent "
    "technician mechanic staff clerk cashier waiter waitress supervisor inspector policeman officer".split()
)
_POSSESSIVES = frozenset("my our his her their your".split())
_RELATIONS = frozenset(
    "friend friends husband wife son daughter brother sister mother mom mum father dad neighbour neighbor "
    "neighbours neighbors colleague colleagues boss partner boyfriend girlfriend fiance fiancee cousin uncle "
    "aunt auntie grandmother grandma grandfather grandpa nephew niece guide driver landlord landlady host "
    "housemate roommate flatmate nanny maid helper cook gardener tenant employee employer teacher student "
    "classmate coworker co-worker buddy mate kids children child baby".split()
)
_SAYING = frozenset(
    "said says told tells asked asks texted texts messaged replied wrote writes called calls complained "
    "explained promised shouted yelled admitted claimed insisted refused agreed confirmed warned threatened "
    "demanded offered".split()
)
# What follows the writer's own name: the end of a clause, where they are from or stay, "and", "here"
_AFTER_SELF = frozenset(
    "from here and staying living calling writing reporting speaking again too with at in of a the i im um uh "
    "dari dr yg warga ya min admin".split()
)
# Never the first word of a name after a cue, though no word list holds them
_NOT_AFTER = frozenset("after by as for not so very just also still really only".split())
# Labels of a list of people, before a colon: "Witnesses: Tom, Grace and Bill", "Reported by: Ann"
_PEOPLE_LABELS = frozenset(
    "name names witness witnesses victim victims guest guests participants attendees present team staff "
    "officers drivers members residents tenants complainant complainants reporter reporters by contact pic "
    "cc attention attn instructor guide driver host owner manager landlord agent teacher doctor nurse buddy "
    "student tourist tenant passenger passengers suspect perpetrator seller aka alias nickname".split()
)
# Given names of Faker's English-speaking locales that the name lexicons lack because they are words too (an
# English or an Indonesian one: "mark", "tim", "dan", "kate"), less the words English capitalises as words
# ("May", "April", "Paris", "Roman", "Angel", "Will"), a month's short name ("Jan") and a wallet ("DANA").
# Capitalised inside an English sentence, after no article and before no acronym ("Tim SAR" is a team), they
# are the name: "Yesterday Tom and his wife", "we talked to Mark at the front desk"
_GIVEN_WORDS = frozenset(
    "alan amanda angus ayla cara dan demi derek don duane ewan gail henry jim joe juan kara karina "
    "kate keri kiara kim kira krista kristen lana lara lee lori luka mark megan nate pam paul regan sam sara "
    "sian tanya tara tim tom wanda yasmin".split()
)
# A text with none of these words has no English cue: it is skipped
_GATE = english_text._FUNCTION | _PEOPLE_LABELS | frozenset("i a am named called here again its it's i'm im me".split())
_CLAUSE_END = frozenset(",.!?;:()\n-")


def found(finder: _Names) -> list[tuple[int, int]]:
    """The token ranges of the names English cues place (see the module)."""
    tokens = finder.tokens
    if len(tokens) < 2 or not any(tok.low in _GATE for tok in tokens):
        return []
    vocabulary = english_text.words()
    out: list[tuple[int, int]] = []
    for k, tok in enumerate(tokens):
        low = tok.low
        prev = tokens[k - 1].low if k > 0 else ""
        cue = None
        if low in ("named", "nicknamed") or low == "called" and prev in _PERSON_NOUNS:
            cue = _NAMING
        elif low == "is" and prev == "name" or low == "name's" or low == "as" and prev == "known":
            cue = _NAMING
        elif low == "by" and prev in ("goes", "go", "going"):
            cue = _NAMING
        elif low == "is" and prev == "this" or low == "am" and prev == "i" or low in ("i'm", "im"):
            cue = _SELF
        elif low in ("it's", "its") and _opens_message(finder, k):
            cue = _INTRO  # "hey it's Will from villa sunrise", "[09.09] hi its June, the road ..."
        elif low in _RELATIONS and prev in _POSSESSIVES:
            cue = _RELATION
        elif low in _ROLES and prev in ("the", "this", "that") and _apposition(finder, k):
            cue = _RELATION  # "The officer, Mark, was very rude"
        elif low == "and" and prev == "me":
            cue = _BESIDE_ME  # "me and tom", "me and Will we were walking"
        elif tok.text in _MISTER and k + 1 < len(tokens) and tokens[k + 1].cap and not finder.public[k + 1]:
            r = _surname(finder, k + 1)  # "tamu mal Mr Baker (WN Inggris)": the form of address stays
            if r:
                out.append(r)
        elif low == "me" and finder.doc.text.startswith(" & ", tok.end) and k + 1 < len(tokens):
            r = _name_at(finder, k + 1, _BESIDE_ME, vocabulary)  # "me & Summer just got scammed"
            if r:
                out.append(r)
        if cue is not None and _gap(finder, k, cue == _RELATION):
            r = _name_at(finder, k + 1, cue, vocabulary)
            if r:
                out.append(r)
        # "Tom and I", "Grace and me"; "Tom said", "komang texted me"
        if low in _GIVEN_WORDS and tok.cap and not tok.acronym and _among_english(finder, k, either=True):
            unit = k + 1 < len(tokens) and tokens[k + 1].acronym  # "Tim SAR", "Tim TRC": a team
            if not _after_article(finder, k) and not finder.sentence_start(k) and not finder.blocked(k) and not unit:
                out.append(_name_at(finder, k, _BESIDE, vocabulary) or (k, k))  # "Tom Walker"
        if nxt_here(finder, k) and _opens_message(finder, k, greeting=True):
            r = _name_at(finder, k, _INTRO, vocabulary)
            if r and r[1] == k:
                out.append(r)  # "Pat here, the karaoke ...", "hello, Lars (denmark) here."
        if (low in _PEOPLE_LABELS or low == "as" and prev == "known") and finder.doc.text.startswith(":", tok.end):
            out += _listed(finder, k + 1, vocabulary)  # "Witnesses: Tom, Grace and Bill"
        nxt = tokens[k + 1].low if k + 1 < len(tokens) and _spaced(finder, k) else ""
        after = tokens[k + 2].low if k + 2 < len(tokens) and nxt and _spaced(finder, k + 1) else ""
        if nxt == "and" and after in ("i", "me") or nxt in _SAYING:
            if _looks_named(finder, k, _BESIDE, vocabulary) and not _after_article(finder, k):
                out.append((k, k))
    out += _speakers(finder, vocabulary) + _addressees(finder, vocabulary) + _undersigned(finder)
    signed = _signature(finder, vocabulary)
    return out + [signed] if signed else out


# A line opened by a person's name and what a chat or a social post writes after it: an emoji, their account
# in brackets, where they are from, then a colon ("Kate 🇦🇺: my son ...", "River 🌿 (@river.ubud): ...",
# "Mark from villa 5: ..."), a dot of a post's header ("Priya Sharma · 2h ·") or a verb of posting
# ("Aurélie ✈️ posted a photo")
_DECORATED = re.compile(
    r"(?m)^[ \t]*(?P<who>[^\W\d_][\w'\-]*(?:[ \t][^\W\d_][\w'\-]*){0,2})"
    r"(?P<deco>(?:[ \t]*(?:\(@[\w.]+\)|from[ \t][^\n:]{1,25}?|[^\x00-\x7f\w\s]{1,8}))*)"
    r"[ \t]*(?P<end>:[ \t]|\u00b7|(?:posted|shared|commented|wrote|replied)\b)"
)
# The line before a forwarded message: its speakers need no decoration ("Fwd from Lombok Expats\nRobbo: ...")
_FORWARDED = re.compile(r"(?im)^[ \t]*\*?(?:forwarded|fwd|diteruskan|pesan diteruskan)\b[^\n]*\n[ \t]*\Z")
_HEADER = re.compile(r"(?im)^[ \t]*(?:to|cc|bcc|from|kepada|dari|reply-to)[ \t]*:[ \t]*(?P<list>[^\n]+)")
_ADDRESSEE = re.compile(r"[ \t]*(?P<name>[^\W\d_][^<>;,@\n]{1,60}?)[ \t]*(?:<[^<>\n]*>)?[ \t]*(?:[;,]|$)")


# English forms of address, written so: a capitalised word after one is a name, in any sentence
_MISTER = frozenset("Mr Mrs Ms Miss Mister MR MRS".split())
# A letter's writers naming themselves after "I," or "We,": "We, Peter van den Berg and Ingrid van den Berg,
# residing at ...", "I, Thomas Keller, hereby report"
_UNDERSIGNED = re.compile(r"(?m)(?:^|[.!?][ \t]+)[ \t]*(?:I|We),[ \t]+(?P<names>[^\W\d_][^\n,]{1,80}?),[ \t]+(?=[a-z])")


def _surname(finder: _Names, j: int) -> tuple[int, int] | None:
    """One to three capitalised words after a form of address (with its full stop), with a surname's particles."""
    tokens, text = finder.tokens, finder.doc.text
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap not in (" ", ". "):
        return None
    last = j - 1
    while last + 1 < len(tokens) and last + 1 - j < 4 and (last < j or _spaced(finder, last)):
        tok = tokens[last + 1]
        if tok.low in english_text._FUNCTION or tok.low in _FUNCTION_WORDS or tok.acronym or finder.public[last + 1]:
            break
        if not tok.cap and tok.low not in _PARTICLES:
            break
        last += 1
    while last >= j and not tokens[last].cap:
        last -= 1  # never end on a particle
    return (j, last) if last >= j else None


def _undersigned(finder: _Names) -> list[tuple[int, int]]:
    """The names a letter's writers give after "I," or "We," (see _UNDERSIGNED): capitalised words with a
    surname's particles, joined by "and"."""
    text = finder.doc.text
    if "I," not in text and "We," not in text:
        return []
    out = []
    for m in _UNDERSIGNED.finditer(text):
        for part in re.finditer(r"(?:(?<=^)|(?<=[ \t]and[ \t]))[^\W\d_].*?(?=[ \t]+and[ \t]+|$)", m.group("names")):
            r = _tokens_in(finder, m.start("names") + part.start(), m.start("names") + part.end())
            if r is None or r[1] - r[0] > 5:
                continue
            words = [finder.tokens[k] for k in range(r[0], r[1] + 1)]
            if all(w.cap and not w.acronym or w.low in _PARTICLES for w in words) and words[-1].cap:
                if not any(finder.blocked(k) for k in range(r[0], r[1] + 1) if finder.tokens[k].cap):
                    out.append(r)
    return out


def _speakers(finder: _Names, vocabulary: frozenset[str]) -> list[tuple[int, int]]:
    """The names that open a chat's or a post's line, decorated (see _DECORATED) or after a forwarding line."""
    text = finder.doc.text
    if ":" not in text and "\u00b7" not in text and "posted" not in text and "shared" not in text:
        return []
    out = []
    for m in _DECORATED.finditer(text):
        decorated = m.group("deco").strip() != "" or m.group("end") == "\u00b7"
        if not decorated and not _FORWARDED.search(text, 0, m.start()):
            continue
        if not decorated and m.group("end").startswith(":") and not _FORWARDED.search(text[: m.start()]):
            continue
        r = _tokens_in(finder, m.start("who"), m.end("who"))
        if r is None or not all(_speaker_word(finder, k, vocabulary) for k in range(r[0], r[1] + 1)):
            continue
        # an emoji alone after an English word is a heading's ("Update 🙏:"); an account, a place or a
        # forwarded message's line says a person writes
        plain = not re.search(r"\(@|from", m.group("deco")) and m.group("end").startswith(":")
        if plain and r[0] == r[1] and finder.tokens[r[0]].low in vocabulary:
            continue
        out.append(r)
    return out


def _speaker_word(finder: _Names, k: int, vocabulary: frozenset[str]) -> bool:
    tok = finder.tokens[k]
    if not tok.cap or tok.acronym or tok.low in _NOT_SIGNED or tok.low in _PEOPLE_LABELS:
        return False
    if tok.low in english_text._FUNCTION and tok.low not in _GIVEN_WORDS:
        return False
    return _looks_named(finder, k, _INTRO, vocabulary)


def _addressees(finder: _Names, vocabulary: frozenset[str]) -> list[tuple[int, int]]:
    """The names in a mail's header lines before their addresses ("To: Ingrid van den Berg; aduan@...",
    "Cc: Anak Agung Istri Mas <gungistri.mas@gmail.com>")."""
    text = finder.doc.text
    if "@" not in text:
        return []
    out = []
    for m in _HEADER.finditer(text):
        for part in _ADDRESSEE.finditer(text, m.start("list"), m.end("list")):
            r = _tokens_in(finder, part.start("name"), part.end("name"))
            if r is None or r[1] - r[0] > 5:
                continue
            words = range(r[0], r[1] + 1)
            if re.search(r"\d", part.group("name")) or finder.blocked(r[0]):
                continue  # "To: Pengurus RW 11 Pluit": an office
            if all(finder.tokens[k].low in vocabulary for k in words) or any(
                finder.tokens[k].low in _ORGANISATION for k in words
            ):
                continue  # "American Citizen Services", "Consular Services": an office
            if all(finder.tokens[k].cap or finder.tokens[k].low in _PARTICLES for k in words):
                if not any(finder.public[k] for k in words):  # "Anak Agung Istri Mas": an honorific's word too
                    out.append(r)
    return out


# Words of an office's or a business's name in a mail's header
_ORGANISATION = frozenset(
    "services service embassy consulate consular office department dept team support admin info customer "
    "center centre council police hotel villa villas resort group desk unit bureau ministry agency".split()
)
_PARTICLES = frozenset("van den der de von da di la le bin binti".split())


def _tokens_in(finder: _Names, start: int, end: int) -> tuple[int, int] | None:
    """The first and last tokens wholly inside start..end."""
    tokens = finder.tokens
    first = bisect.bisect_left(finder.starts_at, start)
    last = bisect.bisect_left(finder.starts_at, end) - 1
    while last >= first and tokens[last].end > end:
        last -= 1
    return (first, last) if first <= last else None


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today me".split())
# Words a message opens with before the writer names themself: "hey it's Will", "hello, Lars here"
_GREETINGS = frozenset("hey hi hello hallo halo yo ok okay so um uh morning evening dear admin min".split())
# What a word before "here" is when it is no name: "same here", "over here", "help here"
_NOT_HERE = frozenset("same over help everyone nobody anyone someone problem issue me us you admin".split())


def nxt_here(finder: _Names, k: int) -> bool:
    """Whether token k is followed by "here" (across a bracket: "Lars (denmark) here") and then a clause's end."""
    tokens, text = finder.tokens, finder.doc.text
    if tokens[k].low in _NOT_HERE or k + 1 >= len(tokens):
        return False
    j = k + 1
    gap = text[tokens[k].end : tokens[j].start]
    if gap.strip(" ") == "(":
        close = text.find(")", tokens[j].end, tokens[j].end + 30)
        if close < 0:
            return False
        while j < len(tokens) and tokens[j].start < close:
            j += 1
        gap = ""
    elif gap != " ":
        return False
    if j >= len(tokens) or tokens[j].low not in ("here", "again"):
        return False
    rest = text[tokens[j].end : tokens[j].end + 2].lstrip(" ")
    if not rest or rest[0] in _CLAUSE_END or not rest[0].isalnum():
        return True  # "Pat here, the karaoke", "Rose here 🌹 the rooster"
    # "hi Hope here the dog poisoning report" (a voice note's run-on), not "Water here is dirty"
    nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
    return tokens[k].cap and nxt not in ("is", "are", "was", "were", "in", "at", "too", "also", "has", "have")


def _opens_message(finder: _Names, k: int, greeting: bool = False) -> bool:
    """Whether token k opens the message, a line or a sentence, after a time stamp, or after a greeting
    ("hey", "hello,") that does so (greeting: also right after a sentence's end)."""
    tokens, text = finder.tokens, finder.doc.text
    j = k
    while j > 0 and tokens[j - 1].low in _GREETINGS and k - j < 2:
        j -= 1
    before = text[: tokens[j].start].rstrip(" \t,")
    if not before or before[-1] in "\n]":
        return True
    return greeting and before[-1] in ".!?" or j < k and before[-1] in ".!?"


# Words that close an English message before the writer's name: "thanks Lena", "cheers, Pat"
_CLOSINGS = frozenset("thanks thank thx tx ty tq cheers regards best rgds br sincerely respectfully love xoxo".split())
# Words that end a message on their own and are no name: "... Thanks!", "... Please", "... Help"
_NOT_SIGNED = _CLOSINGS | frozenset(
    "you please help urgent bye ok okay lol haha seriously why what thanks again now asap pls plz tia "
    "sir madam admin min everyone all guys sent posted shared forwarded"
    " makasih mksh terima kasih trims tks salam wassalam matur nuwun informasi info".split()
)


def _signature(finder: _Names, vocabulary: frozenset[str]) -> tuple[int, int] | None:
    """The writer's name ending an English message on its own after a sentence, alone or after a closing word
    ("... +46 70 441 8893. Sam", "is that official?\nthanks Lena", "every night. Jess from berawa")."""
    tokens, text = finder.tokens, finder.doc.text
    if not english_text.english(finder.doc):
        return None
    end = len(text.rstrip())
    cut = max(text.rfind("\n", 0, end), text.rfind(". ", 0, end), text.rfind("? ", 0, end), text.rfind("! ", 0, end))
    if cut < 0:
        return None
    first = next((k for k, tok in enumerate(tokens) if tok.start > cut), None)
    if first is None or first == 0 or len(tokens) - first > 5 or not _in_english(finder, first - 1):
        return None  # the sentence before is English: not a name's place in an Indonesian letter's close
    k = first
    if tokens[k].low in _CLOSINGS:
        k += 1
        while k < len(tokens) and tokens[k].low in ("you", "so", "much"):
            k += 1
    if k >= len(tokens):
        return None
    last = len(tokens) - 1
    if re.search(r"\w", text[tokens[last].end :]):
        return None  # "What can we do? Tel +7 925 ...": a label before a number
    if last > k and tokens[k + 1].low == "from" and last - k <= 4:
        last = k  # "Jess from berawa": the writer and where they are
    elif last - k > 1:
        return None
    if re.search(r"[^\w\s.,!'\-]", text[tokens[k].start : tokens[last].end]):
        return None
    for j in range(k, last + 1):
        tok = tokens[j]
        if tok.low in _NOT_SIGNED or tok.low in _WEEKDAYS or finder.blocked(j) or len(tok.low) < 2:
            return None
        if not (tok.cap and not tok.acronym or tok.low in _LEX.names and tok.low not in _LEX.common):
            return None  # a lower-case word only when it is a listed name ("... wtf" is not)
        if tok.cap and tok.low in english_text._FUNCTION:
            return None  # (after an English sentence "Dan" is the writer, not Indonesian "dan")
    return k, last


def _spaced(finder: _Names, k: int) -> bool:
    return finder.doc.text[finder.tokens[k].end : finder.tokens[k + 1].start] == " "


def _gap(finder: _Names, k: int, comma: bool) -> bool:
    """Whether a name may follow token k: one space, or a comma or a colon after a relation ("my wife, Anna")."""
    if k + 1 >= len(finder.tokens):
        return False
    gap = finder.doc.text[finder.tokens[k].end : finder.tokens[k + 1].start]
    return gap == " " or comma and gap in (", ", ": ")


def _apposition(finder: _Names, k: int) -> bool:
    """Whether one word set off by commas follows token k ("the officer, Mark, was")."""
    tokens, text = finder.tokens, finder.doc.text
    if k + 1 >= len(tokens) or text[tokens[k].end : tokens[k + 1].start] != ", ":
        return False
    return text.startswith(",", tokens[k + 1].end)


def _after_article(finder: _Names, k: int) -> bool:
    """'the Grab driver said': after an article a capitalised word is a brand or a place, not a person."""
    if k > 0 and finder.tokens[k - 1].low in _ARTICLES:
        return True
    # "outside La Brisa and i", "at Kuta and I": a place after a preposition of place
    return any(finder.tokens[j].low in _PLACE_BEFORE for j in range(max(0, k - 2), k))


# Articles, English and Romance ("La Brisa", "Le Pirate"), before a business's or a place's name
_ARTICLES = frozenset("the a an this that our my your la le el les los las de du".split())
_PLACE_BEFORE = frozenset("at in near outside inside behind opposite into across around beside".split())


def _looks_named(finder: _Names, k: int, cue: int, vocabulary: frozenset[str]) -> bool:
    """Whether token k may be a name that a cue of this kind points at."""
    tok = finder.tokens[k]
    low = tok.low
    if len(low) < 2 or not low.replace("-", "").replace("'", "").isalpha() or finder.blocked(k) or finder.is_title(k):
        return False
    if cue in (_INTRO, _BESIDE_ME) and tok.cap and not tok.acronym:
        # "hey it's Will from ...", "River here,": the writer, whatever word (not "it's Monday")
        return low not in _WEEKDAYS and low not in _FUNCTION_WORDS and low not in _LEX.honorifics
    if low in english_text._FUNCTION or low in _FUNCTION_WORDS or low in _NOT_AFTER or low in _LEX.honorifics:
        return False
    if tok.text in english_text._ADDRESS or low in ("sir", "madam", "mr", "mrs", "ms", "miss", "dr"):
        return False  # "my landlord Mr. I Nyoman ...": the form of address; the rules take the name after it
    if low in _REGIONS and low not in _LEX.names or tok.acronym and finder.mixed:
        return False
    listed = low in _LEX.names and low not in _LEX.common
    # among English words an Indonesian dictionary's word ("tom", an indigo plant) is no word of the sentence
    # after an English cue a capitalised word is not read as Indonesian ("Mensah" is no me- + "sah")
    capital = tok.cap and finder.doc.mode in ("mixed", "title")
    indonesian = _is_word(low) and cue != _NAMING and not capital and not _in_english(finder, k)
    unknown = low not in vocabulary and not indonesian and low not in _LEX.common and len(low) > 2
    if finder.mixed and not tok.cap:
        # capitals carry meaning: a lower-case word is a name only after a naming word ("named komang")
        return cue == _NAMING and (listed or unknown)
    if finder.mixed and cue in (_NAMING, _RELATION) and not (low in vocabulary and low not in _LEX.names):
        return True  # "a woman named Hope", "my wife Joy"
    if cue == _SELF and tok.cap and not tok.acronym and _introduces(finder, k):
        return True  # "this is Lars again from gili air", "I am Rain, from ..."
    return listed or unknown


def _among_english(finder: _Names, k: int, either: bool = False) -> bool:
    """Whether the words on both sides of token k (either: on one side) are English words of an English
    sentence."""
    found = english_text.english(finder.doc)
    if not found:
        return False
    before, after = k == 0 or found[k - 1], k + 1 >= len(found) or found[k + 1]
    return before or after if either else before and after


def _in_english(finder: _Names, k: int) -> bool:
    """Whether token k is in an English sentence (one whose words english_text found English)."""
    doc = finder.doc
    key = ("english_names.sentences",)
    marks = doc._memo.get(key)
    if marks is None:
        marks = doc._memo[key] = _sentences(finder)
    return bool(marks) and bool(marks[k])


def _sentences(finder: _Names) -> list[bool]:
    found = english_text.english(finder.doc)
    if not found:
        return []
    tokens, text = finder.tokens, finder.doc.text
    marks = [False] * len(tokens)
    start = 0
    for k in range(len(tokens) + 1):
        if k < len(tokens) and (k == 0 or english_text._BREAKS.isdisjoint(text[tokens[k - 1].end : tokens[k].start])):
            continue
        if any(found[start:k]):
            marks[start:k] = [True] * (k - start)
        start = k
    return marks


def _name_at(finder: _Names, j: int, cue: int, vocabulary: frozenset[str]) -> tuple[int, int] | None:
    """The name starting at token j after a cue: its first word, and the words that go on with it."""
    tokens = finder.tokens
    if tokens[j].low in _LEX.honorifics and j + 1 < len(tokens) and _spaced(finder, j) and tokens[j + 1].cap:
        j += 1  # "our driver Umbu Lede": a Sumbanese honorific, then the name
    if not _looks_named(finder, j, cue, vocabulary) and not _capitalised_pair(finder, j, vocabulary):
        return None
    last = j
    while last + 1 < len(tokens) and last - j < 3 and _spaced(finder, last):
        k = last + 1
        nxt = tokens[k]
        if finder.mixed and tokens[j].cap != nxt.cap:
            break  # "named Tom yesterday": capitals say where the name ends
        if not _looks_named(finder, k, _BESIDE, vocabulary):
            break
        last = k
    if cue in (_SELF, _INTRO) and not _ends_self(finder, last):
        return None
    return j, last


def _listed(finder: _Names, j: int, vocabulary: frozenset[str]) -> list[tuple[int, int]]:
    """The items of a list of people after its label's colon, to the end of the clause: each one to three
    words that look like a name ("Tom, Grace Miller and Bill"); the list stops at an item that does not."""
    tokens, text = finder.tokens, finder.doc.text
    if j >= len(tokens) or text[tokens[j - 1].end : tokens[j].start] not in (": ", ":", ":\t"):
        return []
    items: list[tuple[int, int]] = []
    strength = _NAMING if tokens[j - 1].low in ("name", "names") else _RELATION
    while j < len(tokens):
        r = _name_at(finder, j, strength, vocabulary)
        if r is None:
            break
        if all(_is_word(tokens[k].low) and tokens[k].low not in _LEX.names for k in range(r[0], r[1] + 1)):
            if not _in_english(finder, r[0]):
                break  # "PIC: Asisten Pemeriksaan": Indonesian words, an office
        items.append(r)
        k = r[1] + 1
        if k >= len(tokens):
            break
        gap = text[tokens[r[1]].end : tokens[k].start]
        if gap in (", ", " & ", ", & ", " / "):
            j = k
        elif gap in (" ", ", ") and tokens[k].low in ("and", "dan") and k + 1 < len(tokens):
            j = k + 1
        else:
            break
    return items


def _capitalised_pair(finder: _Names, j: int, vocabulary: frozenset[str]) -> bool:
    """'Max Hoffmann', 'Will Turner': a capitalised English word before a capitalised word that looks like a name
    (in a mixed-case text) is its given name."""
    tokens = finder.tokens
    tok = tokens[j]
    if not (finder.mixed and tok.cap and not tok.acronym and j + 1 < len(tokens) and _spaced(finder, j)):
        return False
    if tok.low in english_text._FUNCTION or tok.low in _FUNCTION_WORDS or finder.blocked(j) or len(tok.low) < 2:
        return False
    nxt = tokens[j + 1]
    return nxt.cap and not nxt.acronym and _looks_named(finder, j + 1, _BESIDE, vocabulary)


def _introduces(finder: _Names, k: int) -> bool:
    """Whether token k is followed by what follows only a person introduced: "again", "from", "here" or a comma."""
    tokens, text = finder.tokens, finder.doc.text
    if text.startswith(", ", tokens[k].end):
        return True
    return k + 1 < len(tokens) and _spaced(finder, k) and tokens[k + 1].low in ("again", "from", "here", "speaking")


def _ends_self(finder: _Names, last: int) -> bool:
    """Whether the writer's name ends at token `last`: the text or a clause ends, or a word that follows a
    person introduced ("from", "here", "and")."""
    tokens, text = finder.tokens, finder.doc.text
    rest = text[tokens[last].end : tokens[last].end + 2].lstrip(" ")
    if not rest or rest[0] in _CLAUSE_END or not rest[0].isalnum() and rest[0] not in "\"'":
        return True  # the end, a comma, an emoji ("it's Sky 🌈 the yoga shala ...")
    return last + 1 < len(tokens) and _spaced(finder, last) and tokens[last + 1].low in _AFTER_SELF


# The separators of a list's items on one line: "A, B and C", "A / B / C", "A, B & C"
_ITEM_SEPARATOR = re.compile(
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]+|dan[ \t]+)?|[ \t]+/[ \t]+|[ \t]+&[ \t]+|[ \t]+and[ \t]+)"
)


def mates(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The other items of a list on one line most of whose items are names already found: "Giulia Bianchi,
    Marco Bianchi, Ava Robinson, [Kai]", "Liam O'Connor / [Takeshi Mori] / Julia Schneider", "volunteers:
    [max], hope, ivy, [sky], Jade Thornton". An item is its first one to three words (not "10k" after
    "Johnno"); an item of an office's, a place's or a grammar's word is no person."""
    tokens, text = finder.tokens, finder.doc.text
    out: list[tuple[int, int]] = _in_script(finder, ranges) if not text.isascii() else []
    if not ranges or not any(sep in text for sep in (", ", " / ", " & ")):
        return out
    named = {k for first, last in ranges for k in range(first, last + 1)}
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        colon = line.find(": ")
        body = start + colon + 2 if colon >= 0 else start
        cuts = [body] + [m.end() for m in _ITEM_SEPARATOR.finditer(text, body, start + len(line))]
        if len(cuts) < 3:
            continue
        items: list[tuple[int, int] | None] = []
        spans = list(zip(cuts, [*cuts[1:], start + len(line)], strict=True))
        if any(len(text[a:b].split()) > 4 for a, b in spans):
            continue  # a sentence's clauses, not a list's items
        for a, b in spans:
            r = _tokens_in(finder, a, b)
            if r is None or tokens[r[0]].start != a:
                items.append(None)  # "(Will)", "10k": an item that opens with no word
                continue
            last = r[0]
            while (
                last < r[1] and last - r[0] < 2 and _spaced(finder, last) and tokens[last + 1].cap == tokens[r[0]].cap
            ):
                last += 1
            items.append((r[0], last))
        found = [r for r in items if r and any(k in named for k in range(r[0], r[1] + 1))]
        if len(found) < 2 or 2 * len(found) < len(items):
            continue
        case = tokens[found[0][0]].cap
        if not case and colon < 0:
            continue  # in lower case only the list a label's colon opens ("volunteers:\nmax, hope, ivy")
        for r in items:
            if r is None or r in found or any(k in named for k in range(r[0], r[1] + 1)):
                continue
            words = range(r[0], r[1] + 1)
            if all(_mate_word(finder, k, case) for k in words):
                out.append(r)
    return out


# Chinese, Japanese and Korean letters: a name written in its own script beside its Latin spelling
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def _in_script(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words in Chinese, Japanese or Korean letters right after a name found, with a space or a bracket
    between ("Name: Hiroshi Tanaka 田中 浩", "Kim Ji-woo (김지우)")."""
    tokens, text = finder.tokens, finder.doc.text
    out = []
    for _, last in ranges:
        k = last + 1
        while k < len(tokens) and _CJK.fullmatch(tokens[k].text):
            if text[tokens[k - 1].end : tokens[k].start].strip(" ()\uff08") != "":
                break
            k += 1
        if k > last + 1:
            out.append((last + 1, k - 1))
    return out


def _mate_word(finder: _Names, k: int, case: bool) -> bool:
    tok = finder.tokens[k]
    low = tok.low
    if finder.blocked(k) or len(low) < 2 or tok.acronym or low in _NOT_SIGNED or low in _WEEKDAYS:
        return False
    if low in english_text._FUNCTION or low in _FUNCTION_WORDS or low in _LEX.honorifics or low in _REGIONS:
        return False
    return tok.cap or not case  # capitals like the names found, or a list all in lower case
