"""Contact handles: e-mail addresses, social-media profile URLs and @handles.

Agencies' own accounts ("@dlh.kotapasuruan", "@pemkotpasuruan") are public and kept.
"""

from __future__ import annotations

import re

from .document import _P_AKUN, _P_EMAIL, _Candidate, _Doc, _Scan, _strip_trailing, needs
from .lexicon import _LEX, _agency_like, _is_word, _one_typo
from .organisation_handles import public_organisation
from .public_handles import public_by_pieces

_EMAIL = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*(?:@\s?|\s@\s|\s?[\[(](?:at|@)[\])]\s?)"
    r"[A-Za-z0-9\-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z0-9\-]+)*(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z]{2,}(?![\w])",
    re.IGNORECASE,
)
_AT_WORD = re.compile(r"(?i)[\[(]at[\])]")
# "a@b.id", "a (at) b.id" (a bracket looked for first: the case-blind regex over the whole text is slower)
needs(_EMAIL, lambda text: "@" in text or ("(" in text or "[" in text) and _AT_WORD.search(text) is not None)


# An address spelled out so that robots miss it, the way citizens write it in a complaint: "budi.santoso at
# gmail dot com", "budi dot santoso at gmail dot com", "budi_s @ gmail . com", "budi {at} yahoo {dot} co
# {dot} id". Without a real "@" only a known top-level domain closes it, so "at" in a sentence is no e-mail.
_SPELLED_DOT = r"(?:\s*\.\s*|\s+(?:dot|titik)\s+|\s*[\[({<]\s*(?:dot|titik|\.)\s*[\])}>]\s*)"
_SPELLED_AT = r"(?:\s+(?:at|et)\s+|\s*[\[({<]\s*(?:at|et|@|a)\s*[\])}>]\s*|\s+@\s+|@\s*)"  # " @x.id" is a handle
_MAIL_HOSTS = (
    r"(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|icloud|proton(?:mail)?|aol|yandex|zoho)"
)
_TLD = r"(?:com|co|id|net|org|ac|go|sch|or|my|edu|gov|info|biz|me|io|web|mil|desa)"
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*"
_SPELLED_EMAIL = re.compile(
    # the local part may be spelled out too: "budi dot santoso", "budi . santoso"
    rf"(?<![\w.+\-@]){_LOCAL}(?:(?:\s+(?:dot|titik)\s+|\s+\.\s+){_LOCAL})*"
    rf"(?:{_SPELLED_AT}[A-Za-z0-9][A-Za-z0-9\-]*(?:{_SPELLED_DOT}[A-Za-z0-9\-]+)*?(?:{_SPELLED_DOT}{_TLD}(?![\w\-]))+"
    # a known mail host: "budi.santoso @gmail.com", "budi.santoso@gmail" (its domain left out)
    rf"|\s*@\s*{_MAIL_HOSTS}(?:{_SPELLED_DOT}[A-Za-z]{{2,}})*)(?![\w@])",
    re.IGNORECASE,
)
_AT_WORDS = frozenset({"at", "et", "a"})  # "a" of "(a)"
_REACH = 120  # how far before an "at" a spelled-out address may start, and after it end


# The mailboxes of an office, not of a person: "pengaduan@pasuruankota.go.id", "humas.polres@polri.go.id",
# "dlh.kotapasuruan@gmail.com", "cs@pdam-kotapasuruan.co.id". A person's work address ("budi.s@x.go.id") is
# still personal: the local part decides, not the domain.
_OFFICE_MAILBOXES = frozenset(
    "pengaduan aduan humas info informasi layanan pelayanan ppid cs halo hallo admin sekretariat setda kontak "
    "contact helpdesk lapor redaksi kepegawaian office support noreply customer care callcenter persuratan "
    "surat tu umum inbox".split()
)


def _office_email(address: str) -> bool:
    """Whether an e-mail address is an office's (its local part a mailbox or an agency's handle)."""
    parts = re.split(r"\s*(?:@|[\[(](?:at|@)[\])])", address, maxsplit=1)
    local, domain = parts[0].strip().lower(), parts[-1] if len(parts) > 1 else ""
    first = re.split(r"[._\-+]", local, maxsplit=1)[0]
    # a mailbox's word then a person's name is the person's: "info.budi@gmail.com", "admin_sari@..."
    if any(word in _LEX.names for word in re.split(r"[^a-z]+", local[len(first) :]) if len(word) > 2):
        return False
    if first in _OFFICE_MAILBOXES or local in _OFFICE_MAILBOXES or _public_handle(local):
        return True
    # "data@diskominfo.ambon.go.id", "statistik@...desa.id": on a government's domain, a mailbox named
    # with a plain word (not "budi.s@...go.id": a person's work address is still personal)
    government = domain.strip().lower().endswith((".go.id", ".desa.id"))
    # one plain word, no name-list word: not "melati@...desa.id", not "rindu.purnama@...go.id" (a person's)
    return government and local == first and _is_word(first) and first not in _LEX.names


def _emails(doc: _Doc) -> list[_Candidate]:
    found = [_Candidate("email", m.start(), m.end(), _P_EMAIL) for m in doc.found(_EMAIL)]
    found = [c for c in found if not _office_email(doc.text[c.start : c.end])]
    # An address spelled out is looked for only around an "at" or "@" that no address above holds: the
    # pattern would otherwise be tried at every letter of the text.
    text = doc.text
    ats = [t.start for t in doc.tokens if t.low in _AT_WORDS]
    at = text.find("@")
    while at >= 0:
        ats.append(at)
        at = text.find("@", at + 1)
    for at in sorted(ats):
        if any(c.start <= at < c.end for c in found):
            continue
        for m in _SPELLED_EMAIL.finditer(text, max(0, at - _REACH), at + _REACH):
            if m.start() <= at < m.end() and not any(c.start < m.end() and m.start() < c.end for c in found):
                if _office_email(m.group()):
                    break
                found.append(_Candidate("email", _labelled_start(text, m.start()), m.end(), _P_EMAIL))
    return found


# "Email: naomi kaisiepo at yahoo dot co dot id": after an e-mail label, the words before the spelled "at"
# on the same line are the local part too (a dictated or hand-typed address keeps the space of the name).
_EMAIL_LABEL = re.compile(
    r"(?i)(?:^|\n)[ \t]*(?:e-?mail|surel|email\s+(?:saya|sy))[ \t]*[:=][ \t]*((?:[A-Za-z0-9._\-]+[ \t]+){1,2})$"
)


def _labelled_start(text: str, start: int) -> int:
    line = text.rfind("\n", 0, start) + 1
    m = _EMAIL_LABEL.search(text, max(0, line - 1), start)
    return m.start(1) if m else start


_PROFILE_URL = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.|web\.|mobile\.|vt\.)?"
    r"(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|twitter\.com|x\.com|tiktok\.com|youtube\.com"
    r"|youtu\.be|linkedin\.com|t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|line\.me|threads\.net"
    r"|snapchat\.com)/[^\s,;)\]\"'<>]+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w.@/])@(?=[\w.]*[^\W\d_])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
needs(_HANDLE, lambda text: "@" in text)
# Every site's domain ends in ".com", ".me", ".am", ".be" or ".net", then the "/" of the path: looked for at
# C speed (the pattern itself has no literal start and was tried at every character, a tenth of the time)
_PROFILE_URL_NEED = re.compile(r"(?i)\.(?:com|me|am|be|net)/")
needs(_PROFILE_URL, lambda text: "/" in text and _PROFILE_URL_NEED.search(text) is not None)
_LABELLED_HANDLE = re.compile(
    r"(?<![\w])(?:ig|insta|instagram|fb|facebook|tiktok|tik\s?tok|twitter|twt|threads|id\s?line|line|telegram|tele"
    r"|yt|youtube|snapchat|snap)(?![^\W\d_])(?P<own>\s*(?:saya|sy|ku|nya|na|ne|kami|aku|beliau|dia|mereka|pelaku)(?![^\W\d_]))?"
    r"(?P<sep>\s*(?:[:=]|adalah|yaitu|yakni|-)?\s*)@?"
    r"(?!(?:ig|fb|instagram|facebook|tiktok|twitter|saya|sy|aku)(?![\w.]))(?=[\w.]*[^\W\d_])"  # a letter in it
    r"(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})",
    re.IGNORECASE,
)
_LABELLED_HANDLE_SCAN = _Scan(_LABELLED_HANDLE, "word")  # a platform's name starts a word
_DISPLAY_NAME = re.compile(r"(?:\s[A-Z][A-Za-z']+){0,3}")
_PUBLIC_HANDLES = re.compile(
    r"(?i)^@?(?:pemkot|pemko|pemkab|pemprov|pemda|pemdes|humas|dinas|dispen|diskominfo|kominfo|lapor|sp4n|satpol|pdam|pln|bpjs|polres|polri|puskesmas|dprd|kemen|official|info|esambat)"
)


# One-word agency and institution names ("dlh", "pdam", "dishub"): an account starting with one is the agency's.
_PUBLIC_WORDS = frozenset(w for w in _LEX.phrases if " " not in w and w not in _LEX.names and len(w) > 2) | frozenset(
    "dinas badan kantor puskesmas rsud satpol kelurahan kecamatan desa pemdes pemkot pemkab pemprov humas polres "
    "polsek polresta kodim koramil samsat kpp upt uptd ombudsman imigrasi".split()
)


def _accounts(doc: _Doc) -> list[_Candidate]:
    text = doc.text
    found = [
        _Candidate("akun", m.start(), _strip_trailing(text, m.start(), m.end()), _P_AKUN)
        for m in doc.found(_PROFILE_URL)
    ]
    for m in doc.found(_HANDLE):
        if not _public_handle(m.group()):
            found.append(_Candidate("akun", m.start(), m.end(), _P_AKUN))
    found += _misspelt_labels(doc)
    for m in _LABELLED_HANDLE_SCAN.finditer(doc):
        if _is_handle(m):
            end = m.end("h")
            display = _DISPLAY_NAME.match(doc.text, end)
            if display and m.group().lower().startswith(("fb", "facebook")):  # a display name: "fb: Budi Santoso"
                end = display.end()
            found.append(_Candidate("akun", m.start("h"), _strip_trailing(doc.text, m.start("h"), end), _P_AKUN))
    return found


_ANY_LABEL = re.compile(r"(?<![\w])(?P<label>[A-Za-z]{5,10})\s?[:=]\s?@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})")
needs(_ANY_LABEL, lambda text: ":" in text or "=" in text)


def _misspelt_labels(doc: _Doc) -> list[_Candidate]:
    """'Instaggram: aliganteng', 'facebok: budi.s': a platform name with a typo, then a colon."""
    found = []
    for m in doc.found(_ANY_LABEL):
        handle = m.group("h").lower()
        if m.group("label").lower() in _FUZZY_PLATFORMS and not (handle in _LEX.common and handle not in _LEX.names):
            found.append(_Candidate("akun", m.start("h"), _strip_trailing(doc.text, m.start("h"), m.end("h")), _P_AKUN))
    return found


# Chat's way of calling the service's admin ("@min tolong", "cc @admin"): nobody's account
_ADMIN_CALLS = frozenset("admin min mimin minmin atmin adm".split())


def _public_handle(handle: str) -> bool:
    """An agency's account: "@pemkotpasuruan", "@dlh.kotapasuruan", "@dishub_kotapasuruan", "@kel.bukir"."""
    if _PUBLIC_HANDLES.match(handle) or handle.lstrip("@").lower() in _ADMIN_CALLS:
        return True
    if public_by_pieces(handle):
        return True  # "@detikcom", "@surabayaterkini", "@BMKG": a newsroom's, a city page's, an agency's
    if public_organisation(handle):
        return True  # "@medan_info", "@smpn1bogor", "@halobca": a city's page, an institution's, a brand's desk
    parts = [p for p in re.split(r"[._]", handle.lstrip("@").lower()) if p]
    if not parts:
        return False
    first = parts[0]
    if len(parts) > 1 and first in ("kel", "kec", "desa", "kelurahan", "kecamatan", "pemdes", "kab", "kota", "prov"):
        return True
    if _agency_like(first) or first in _PUBLIC_WORDS:
        return True
    # run together with a capital or a number: "@RSUDdrSoetomo", "@KAI121", "@DishubSby", "@BPBD_Jatim"
    bare = handle.lstrip("@")
    head = _HEAD.match(bare)
    if head is None or head.end() == len(bare):
        return False
    word = head.group().lower()
    # "PDAMBandung": the capitals but the last start the next word
    heads = (word, word[:-1]) if head.group().isupper() and len(word) > 3 else (word,)
    return any(w in _PUBLIC_WORDS or _agency_like(w) for w in heads)


_HEAD = re.compile(r"[A-Z]{2,}|[A-Z]?[a-z]+")


def _is_handle(m: re.Match[str]) -> bool:
    handle = m.group("h").rstrip(".")
    first = handle.split()[0].lower().strip(".")
    # (an ordinary word that is no name: asked of the two sets, not of their difference built at every call)
    ordinary = first in _LEX.common and first not in _LEX.names
    if _public_handle(handle) or ordinary and not re.search(r"[\d_.]", handle):
        return False
    if first not in _LEX.names and _is_word(first) and not re.search(r"[\d_.]", handle) and "@" not in m.group():
        return False  # "Akun IG palsu @...": a word about the account, the handle comes after
    explicit = bool(m.group("sep").strip()) or m.group("own") is not None or "@" in m.group()
    explicit = explicit or bool(re.search(r"(?i)\bakun\s*$", m.string[max(0, m.start() - 8) : m.start()]))
    label = m.group().split()[0].lower() if m.group().split() else ""
    if label in ("line", "tele", "yt", "snap") and not explicit:
        return False
    return explicit or bool(re.search(r"[\d_.]", handle))


_FUZZY_PLATFORMS = frozenset().union(
    *(_one_typo(w) for w in ("instagram", "facebook", "tiktok", "twitter", "telegram"))
)
