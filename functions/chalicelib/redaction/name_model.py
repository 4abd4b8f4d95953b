"""A trained token classifier for person names, used where the rules have run out (issue 11).

The rules in ``names.py`` find a name from a cue, a list or a lexicon; a name with none of these
around it ("Post FB Mariana Ngabut:", a table row "2<TAB>Karsini<TAB>...") escapes them. This
module tags runs of capitalised words with a linear-chain CRF (python-crfsuite) whose features are
the word's case, shape and affixes, its neighbours, the lexicons' memberships (name list, common
words, honorifics, titles, roles) and its place in a line, a list or a table. The model is trained
by ``bench/names_model_train.py`` on corpora 1 and 2, the tune halves of corpora 3 to 5 and the
hand-written tuning corpora (``names_model_train.TUNED``), and shipped in ``chalicelib/data/names_crf.model``; nothing
is downloaded, and the model is loaded the first time a text needs it.

In mixed- and title-case texts the model tags runs of capitalised words that no public phrase,
number or link holds; in a text all in lower case (chat), each line's words, with the words around
each as its context and thresholds of their own (``LOWER_THRESHOLD``, ``LOWER_VETO``); a text all in
capitals is left to the rules. The classifier adds words the rules left (``chances``, at
``THRESHOLD``; in lower case only words that are not Indonesian words) and vetoes the rules' weakest
names (a word of the name list or capitalised unknown words, found by nothing else; ``marginals``,
under ``VETO``, see names._vetoed): a name a cue, an honorific, a role, a signature or a list gave is
never dropped. A word the text points at (next to a name taken, or another mention of a taken name's
word) is added at ``EVIDENCE`` (``supported``, names._evidenced). An English word in an English sentence is
never added (``english_text``: the model read "asked" in "the driver komang asked" as a name). In lower case the
one word said after the writer's "I" at a clause's start ("sy damai, pedagang") is a candidate whatever word it
is, at ``LOWER_INTRO`` (``_introduced``, also a feature of the model). The thresholds were chosen on folds
of the tuning corpora that a trial model had not seen (bench/names_model_folds.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import engine, english_text
from .context import spoken_word
from .document import _Doc, _Token
from .lexicon import _FUNCTION_WORDS, _LEX, _is_role, _is_word
from .names_cued import _SELF, WORD_NAMES
from .region_places import _REGIONS
from .regional_words import _REGIONAL

MODEL = Path(__file__).resolve().parent.parent / "data" / "names_crf.model"
NAME, OTHER = "N", "O"
# A word is added when the model gives it at least this probability of being a name; high, since
# every word added is a false name when the model is wrong (chosen on the tune halves).
THRESHOLD = 0.8
# A weak name of the rules' (see names.py) is dropped when the model gives it less than this; 0: no veto.
# The folds of the tuning corpora chose 0.3; on corpora 3-5's held-out halves (figures only) 0.3 lost a
# name on two of the three and 0.05 on one (corpus 3: 94.29 -> 93.99 / 94.17; corpus 4: 98.86 -> 98.48 /
# 98.86) with the same precision (98.52 -> 98.70 / 98.71; 93.76 -> 93.99 on corpus 5), so only the
# words the model is all but sure of are dropped.
VETO = 0.05

# Texts whose capitals carry meaning: mixed case, and title case (tables and lists, where most words
# of a line are capitalised but the rest of the text is not in capitals)
MODES = ("mixed", "title")
# Texts all in lower case (chat): every line's words are tagged, with their neighbours' words; the
# thresholds are their own (a name there is written like any word)
LOWER = "lower"
LOWER_THRESHOLD = 0.995
LOWER_VETO = 0.1
# An Indonesian word on its own in a lower-case text (by the word lists and their affixes: "meiling" reads as
# me- + "iling", "hasan" is a word too) is added at this probability; above 1: never
LOWER_WORD = 0.995
# A word next to a name already taken ("amanda putri lestari" after "amanda"), or the same word as one taken
# elsewhere in the text ("saya sabar, pak. iya nama saya memang sabar"), is added at a lower probability than
# a word on its own: the text is the evidence, the model the judge (any word, an ordinary one too). Chosen on
# the folds (bench/names_model_folds.py --evidence, --lower-evidence); above 1: no such pass.
EVIDENCE = 0.5
LOWER_EVIDENCE = 0.5
# The one word said after the writer's "I" at a clause's start in a lower-case text ("aku senja.", "sy aman,"; see
# _introduced) is a candidate whatever word it is, and is added at this probability
LOWER_INTRO = 0.9
_OPENERS = (_LEX.common | _FUNCTION_WORDS) - _LEX.names
_SENTENCE_END = ("", ".", "!", "?", "\n", ":", '"')
_LIST_LINE = re.compile(r"[ \t]*(?:\d{1,3}[.)]?|[-*\u2022>]+)[ \t]")
_tagger: Any = None


def _word_class(tok: _Token) -> str:
    """The lexicons a word belongs to, as one short code (the model's view of the lexicons)."""
    return _class_of(tok.low)


@lru_cache(maxsize=8192)
def _class_of(low: str) -> str:
    return "".join(
        (
            "n" if low in _LEX.names else "",
            "c" if low in _LEX.common else "",
            "h" if low in _LEX.honorifics else "",
            "t" if low in _LEX.titles else "",
            "r" if _is_role(low) else "",
            "f" if low in _FUNCTION_WORDS else "",
            "w" if _is_word(low) else "",
            # lexicons a new writer's words fall in as much as the tuning writers': a region's name, an
            # ordinary word given as a name, a regional language's everyday word, a word the writer calls
            # themself ("sy", "abdi", "tiang", "beta"), chat's spelling of a word ("wakilin", "abis")
            *(("g",) if low in _REGIONS and low not in _LEX.names else ()),
            *(("k",) if low in WORD_NAMES else ()),
            *(("x",) if low in _REGIONAL else ()),
            *(("s",) if low in _SELF else ()),
            *(("p",) if low not in _LEX.names and spoken_word(low) else ()),
        )
    )


def _shape(tok: _Token) -> str:
    return _shape_of(tok.text)


def _shape_of(text: str) -> str:
    if len(text) == 1:
        return "I" if text.isupper() else "i"
    if text.isupper():
        return "UU"
    if text[0].isupper():
        return "Ul" if text[1:].islower() else "Um"
    return "l" if text.islower() else "m"


def _gap(text: str, start: int, end: int) -> str:
    """What separates two words: a code for its punctuation ("_" a space, "n" a line break)."""
    gap = text[start:end]
    if gap == " ":
        return "_"
    if "\n" in gap:
        return "n"
    if "\t" in gap:
        return "t"
    return gap.strip()[:2] or "_"


# The writer's "I" (and "ini", "this is") at a clause's start, one word after it, then the clause ends: "halo min,
# aku senja.", "sy aman, tukang ojek", "ini bintang." On the tuning material the word is a name 260 times in 315
# (the rest: "sy khawatir,", "sy bingung."); its own word says little when the name is an ordinary word
_INTRO_SELF = _SELF | {"ini"}
_INTRO_BEFORE = frozenset("min admin pak bu kak mas mbak halo hai hallo".split())
_CLAUSE_START = ("", ".", ",", "!", "?", "\n")
_CLAUSE_END = ("", ",", ".", "(", "!", "?", "\n")


def _introduced(doc: _Doc, k: int) -> bool:
    """Whether word k is the one word said after the writer's "I" at a clause's start (see ``_INTRO_SELF``), and
    not a relative said with "his" or "her" ("ambo anaknyo, hp ...", "sy istrinya,": a word, then "-nya")."""
    if k == 0:
        return False
    tokens, text = doc.tokens, doc.text
    me, tok = tokens[k - 1], tokens[k]
    if me.low not in _INTRO_SELF or text[me.end : tok.start] != " ":
        return False
    stem = tok.low[:-3] if tok.low.endswith(("nya", "nyo")) else ""
    if stem and (stem in _LEX.common or _is_word(stem)):
        return False
    if text[tok.end : tok.end + 3].lstrip(" ")[:1] not in _CLAUSE_END:
        return False
    if text[: me.start].rstrip(" ")[-1:] in _CLAUSE_START:
        return True
    return k >= 2 and tokens[k - 2].low in _INTRO_BEFORE and text[tokens[k - 2].end : me.start] in (" ", ", ")


def runs(doc: _Doc, blocked: Sequence[bool]) -> list[list[int]]:
    """The runs of capitalised words a name could be: tokens next to each other (a space or an
    initial's dot between them), none of them held by a public phrase, a number or a link."""
    if doc.mode == LOWER:
        return _lines(doc, blocked)
    if doc.mode not in MODES:
        return []
    tokens, text = doc.tokens, doc.text
    found: list[list[int]] = []
    current: list[int] = []
    for k, tok in enumerate(tokens):
        if not tok.cap or blocked[k] or tok.acronym:
            current = []
            continue
        if current:
            gap = text[tokens[current[-1]].end : tok.start]
            if gap not in (" ", ". ", ".") or (gap != " " and len(tokens[current[-1]].text) > 3):
                current = []
        if not current:
            # "Kemarin Sainal Dg. Sewang datang": a sentence's first word, capitalised by grammar, is not
            # part of the name after it
            if tok.low in _OPENERS and text[: tok.start].rstrip(" \t")[-1:] in _SENTENCE_END:
                continue
            current = []
            found.append(current)
        current.append(k)
    return found


def _lines(doc: _Doc, blocked: Sequence[bool]) -> list[list[int]]:
    """The words of each line of a lower-case text, cut where a public phrase, a number or a link is."""
    tokens, text = doc.tokens, doc.text
    found: list[list[int]] = []
    current: list[int] = []
    for k, tok in enumerate(tokens):
        if blocked[k]:
            current = []
            continue
        if current and "\n" in text[tokens[current[-1]].end : tok.start]:
            current = []
        if not current:
            found.append(current)
        current.append(k)
    return found


def features(doc: _Doc, run: list[int]) -> list[list[str]]:
    """The features of each word of one run (string features, the format crfsuite reads)."""
    tokens, text = doc.tokens, doc.text
    n = len(tokens)
    out = []
    first, last = run[0], run[-1]
    line_start = text.rfind("\n", 0, tokens[first].start) + 1
    line_end = text.find("\n", tokens[last].end)
    line_end = len(text) if line_end < 0 else line_end
    head = text[line_start : tokens[first].start]
    tail = text[tokens[last].end : line_end]
    place = [
        "lead=" + ("0" if not head.strip() else "list" if _LIST_LINE.match(head) else head.rstrip()[-1:]),
        "tail=" + (tail.lstrip()[:1] or "$"),
        "tab=" + str("\t" in text[line_start:line_end]),
        "mode=" + doc.mode,
        "len=" + str(min(len(run), 4)),
    ]
    # in a lower-case line the words around a word are in its run: they are its context all the same
    inside = doc.mode == LOWER
    if engine.FAST:
        return _features_kept(doc, run, place, inside)
    for pos, k in enumerate(run):
        tok = tokens[k]
        low = tok.low
        feats = [
            "w=" + low,
            "s3=" + low[-3:],
            "s2=" + low[-2:],
            "p3=" + low[:3],
            "shape=" + _shape(tok),
            "lex=" + _word_class(tok),
            "pos=" + ("only" if len(run) == 1 else "first" if pos == 0 else "last" if k == last else "mid"),
            "dot=" + str(text[tok.end : tok.end + 1] == "."),
            *place,
        ]
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < n and (inside or not (first <= j <= last)):
                near = tokens[j]
                gap = _gap(text, near.end, tok.start) if d < 0 else _gap(text, tok.end, near.start)
                feats.append(f"{d}w={near.low}")
                feats.append(f"{d}lex={_word_class(near)}")
                feats.append(f"{d}shape={_shape(near)}")
                feats.append(f"{d}gap={gap}")
            elif not (first <= j <= last):
                feats.append(f"{d}w=<edge>")
        if inside and _introduced(doc, k):
            feats.append("intro")
        out.append(feats)
    return out


# A word's own features and its features as a neighbour depend on the word alone (as written and in lower
# case), and the same words come back in text after text: their strings are made once, not for every run.
@lru_cache(maxsize=1 << 14)
def _own(text: str, low: str) -> tuple[str, ...]:
    return (
        "w=" + low,
        "s3=" + low[-3:],
        "s2=" + low[-2:],
        "p3=" + low[:3],
        "shape=" + _shape_of(text),
        "lex=" + _class_of(low),
    )


@lru_cache(maxsize=1 << 14)
def _as_near(text: str, low: str) -> tuple[tuple[str, str, str], ...]:
    word_class, shape = _class_of(low), _shape_of(text)
    return tuple((f"{d}w={low}", f"{d}lex={word_class}", f"{d}shape={shape}") for d in (-2, -1, 1, 2))


_EDGE = ("-2w=<edge>", "-1w=<edge>", "1w=<edge>", "2w=<edge>")
_SLOT = {-2: 0, -1: 1, 1: 2, 2: 3}


def _features_kept(doc: _Doc, run: list[int], place: list[str], inside: bool) -> list[list[str]]:
    """``features``' word features from the words' kept strings: the same strings in the same order (a word's
    own six and its three as a neighbour are made once per word, not for every run it is in or next to). Any
    change of the features is made in both: tests/test_redaction_speed_guards.py compares them."""
    tokens, text = doc.tokens, doc.text
    n = len(tokens)
    first, last = run[0], run[-1]
    single = len(run) == 1
    out = []
    for pos, k in enumerate(run):
        tok = tokens[k]
        feats = [
            *_own(tok.text, tok.low),
            "pos=only" if single else "pos=first" if pos == 0 else "pos=last" if k == last else "pos=mid",
            "dot=True" if text[tok.end : tok.end + 1] == "." else "dot=False",
            *place,
        ]
        for d, slot in _SLOT.items():
            j = k + d
            if 0 <= j < n and (inside or not (first <= j <= last)):
                near = tokens[j]
                feats += _as_near(near.text, near.low)[slot]
                feats.append(f"{d}gap={_gap(text, near.end, tok.start) if d < 0 else _gap(text, tok.end, near.start)}")
            elif not (first <= j <= last):
                feats.append(_EDGE[slot])
        if inside and _introduced(doc, k):
            feats.append("intro")
        out.append(feats)
    return out


def labels(doc: _Doc, run: list[int], names: Sequence[tuple[int, int]]) -> list[str]:
    """Each word's label from the name spans a corpus planted (offsets into the raw text)."""
    out = []
    for k in run:
        start, end = doc.origin[doc.tokens[k].start], doc.origin[doc.tokens[k].end - 1] + 1
        out.append(NAME if any(a <= start and end <= b for a, b in names) else OTHER)
    return out


def threshold(mode: str) -> float:
    """The probability at which a word the rules left is added, in a text of this case mode."""
    return LOWER_THRESHOLD if mode == LOWER else THRESHOLD


def least(doc: _Doc, k: int) -> float:
    """The probability at which word k, on its own, is added (``threshold``; an Indonesian word in lower case
    ``LOWER_WORD``)."""
    if doc.mode != LOWER:
        return THRESHOLD
    if _introduced(doc, k):
        return LOWER_INTRO
    return max(LOWER_WORD, LOWER_THRESHOLD) if "w" in _class_of(doc.tokens[k].low) else LOWER_THRESHOLD


def evidence(mode: str) -> float:
    """The probability at which a word next to a name, or another mention of a name's word, is added."""
    return LOWER_EVIDENCE if mode == LOWER else EVIDENCE


def veto(mode: str) -> float:
    """The probability under which a weak name of the rules' is dropped, in a text of this case mode."""
    return LOWER_VETO if mode == LOWER else VETO


def _load() -> Any:
    global _tagger
    if _tagger is None:
        import pycrfsuite  # imported here: a text with no candidate words never needs it

        tagger = pycrfsuite.Tagger()
        tagger.open(str(MODEL))
        _tagger = tagger
    return _tagger


# The last text's runs and the probabilities of the runs tagged so far: the veto and the additions ask
# about the same text one after the other, and a run is tagged once (a tuple, swapped whole)
_memo: tuple[Any, Any, list[list[int]], dict[int, float]] = (None, None, [], {})


def _runs_of(doc: _Doc, blocked: Sequence[bool]) -> tuple[list[list[int]], dict[int, float]]:
    global _memo
    memo = _memo
    if memo[0] is not doc or memo[1] is not blocked:
        memo = (doc, blocked, runs(doc, blocked), {})
        _memo = memo
    return memo[2], memo[3]


def marginals(doc: _Doc, blocked: Sequence[bool], wanted: Collection[int]) -> dict[int, float]:
    """The model's probability that each word of ``wanted`` is a name, for those in a run (see ``runs``);
    only the runs that hold such a word are tagged, each once per text."""
    found: dict[int, float] = {}
    found_runs, known = _runs_of(doc, blocked)
    for run in found_runs:
        picks = [k for k in run if k in wanted]
        if not picks:
            continue
        if run[0] not in known:
            tagger = _load()
            tagger.set(features(doc, run))
            known.update((k, tagger.marginal(NAME, pos)) for pos, k in enumerate(run))
        found.update((k, known[k]) for k in picks)
    return found


def _plain_word(low: str) -> bool:
    """An Indonesian word that is not also a name of the name list ("hasan" is both): in a lower-case text such
    a word on its own is never a candidate (asking the model of every word would tag every chat text)."""
    word_class = _class_of(low)
    return "w" in word_class and (LOWER_WORD > 1 or "n" not in word_class)


def chances(doc: _Doc, blocked: Sequence[bool], taken: Sequence[bool], never: frozenset[str]) -> dict[int, float]:
    """The model's probability that a word is a name, for the words the rules left (not ``taken``) that
    could be one: not in ``never`` (field labels, a mail's boilerplate) and not an ordinary word on its
    own (in a lower-case text, not an Indonesian word, but the letters of a name spelt out). A run with no
    such word is not tagged at all, which keeps the model's share of the time small."""
    wanted: set[int] = set()
    common = _LEX.common
    lower = doc.mode == LOWER
    english = english_text.english(doc)
    stretches: list[list[int]] = []
    for run in _runs_of(doc, blocked)[0]:
        lone = len(run) == 1 or lower
        wanted.update(
            k
            for k in run
            if not taken[k]
            and doc.tokens[k].low not in never
            and not (english and english[k])
            and (
                lower
                and _introduced(doc, k)
                or not (lone and doc.tokens[k].low in common)
                and not (lower and (len(doc.tokens[k].low) < 3 or _plain_word(doc.tokens[k].low)))
            )
        )
        if lower:
            stretches += _spelled(doc, run)
    for stretch in stretches:
        wanted.update(stretch)
    found = marginals(doc, blocked, wanted) if wanted else {}
    for stretch in stretches:
        # one word spelt out: its letters stand or fall together, by the letter the model is surest of
        surest = max(found.get(k, 0.0) for k in stretch)
        found.update((k, surest) for k in stretch if not taken[k])
    return found


def _spelled(doc: _Doc, run: list[int]) -> list[list[int]]:
    """The letters of a name spelt out in a lower-case line ("sy s u g i y a n t o"): four single letters or
    more, one space apart. Each is a candidate like a word, whatever its length; the model judges them."""
    tokens, text = doc.tokens, doc.text
    found: list[list[int]] = []
    stretch: list[int] = []
    for k in run + [-1]:
        if k >= 0 and len(tokens[k].text) == 1 and tokens[k].text.isalpha():
            if stretch and text[tokens[stretch[-1]].end : tokens[k].start] != " ":
                stretch = []
            stretch.append(k)
            continue
        if len(stretch) >= 4:
            found.append(stretch)
        stretch = []
    return found


def _may_extend(low: str) -> bool:
    """Whether a word may join a name by the text's evidence: never a function word, a self-word ("abdi",
    "kulo"), a regional everyday word or chat's spelling of a word. (Asking also that a lower-case Indonesian
    word be in the name lists kept "diblokir" out of "istri sy suwarni diblokir" but lost a name on the folds:
    "sy aman".)"""
    word_class = _class_of(low)
    return not any(c in word_class for c in "fsxp")


def supported(doc: _Doc, blocked: Sequence[bool], taken: Sequence[bool], never: frozenset[str]) -> dict[int, float]:
    """The model's probability that a word is a name, for the words the rules and the model left that the text
    itself points at: next to a name already taken in the same run (one space between), or the same word
    as a taken name's word elsewhere (three letters or more). Any word, an ordinary one too, but not one of
    ``never``; only the runs that hold such a word are tagged (most were tagged already for ``chances``)."""
    tokens, text = doc.tokens, doc.text
    named = {tokens[k].low for k, t in enumerate(taken) if t and len(tokens[k].low) > 2}
    if not named:
        return {}
    wanted: set[int] = set()
    english = english_text.english(doc)
    for run in _runs_of(doc, blocked)[0]:
        for pos, k in enumerate(run):
            if taken[k] or tokens[k].low in never or not _may_extend(tokens[k].low) or english and english[k]:
                continue
            before = pos > 0 and taken[run[pos - 1]] and text[tokens[run[pos - 1]].end : tokens[k].start] == " "
            after = (
                pos + 1 < len(run) and taken[run[pos + 1]] and text[tokens[k].end : tokens[run[pos + 1]].start] == " "
            )
            if before or after or tokens[k].low in named:
                wanted.add(k)
    return marginals(doc, blocked, wanted) if wanted else {}
