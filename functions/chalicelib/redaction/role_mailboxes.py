"""A mailbox named after a service or a post, at an organisation's domain, is the organisation's (issue 11, session 14).

Hotels, villas, offices and companies write from, and are written to, mailboxes named after what they do:
"reservations@uluwatuvillas.com", "concierge@kemangresidences.com", "gr@villaharmoni.co.id" (guest relations),
"security.cw@ciputra.co.id", "kebersihan.dlh@semarangkota.go.id", "cybercrime@polri.go.id". Whoever reads it
this week, such an address is printed on the organisation's letters and site, as its phone line is. An e-mail
address is kept when every piece of its local part (split at dots, dashes, underscores and digits) is a service's
or a post's word (``SERVICE_WORDS``) or a code of at most three letters that is no listed name ("cw", "fo"; not "hr.ani@..."), one of them at least a word,
and its domain is no webmail's (a gmail or yahoo address is a person's, whatever its name says:
"info.budi@gmail.com"). A piece that is anything else, a person's name first of all ("budi.santoso@..."), keeps it
redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .lexicon import _LEX

SERVICE_WORDS = frozenset(
    "info informasi admin administrator cs customer customers service services care support help helpdesk contact "
    "hello office kantor hr sales marketing finance accounting billing booking bookings reservation reservations "
    "reservasi concierge frontoffice frontdesk reception gm gr security guest guests relations manager management "
    "humas sekretariat secretariat pengaduan aduan layanan pelayanan kebersihan pengelola redaksi newsroom "
    "cybercrime noreply no reply team tim official resmi ppid kominfo dlh dishub pupr bpbd dinkes disdik".split()
)
# Webmail's domains: an address there is a person's, whatever its local part says
_WEBMAIL = re.compile(
    r"(?i)@(?:[\w-]+\.)*(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|aol|proton|protonmail|"
    r"gmx|web|mail|yandex|libero|posteo|ukr|rocketmail|zoho|qq|naver|163|126)\.[a-z.]+$"
)
_PIECES = re.compile(r"[a-z]+")


def service_mailbox(address: str) -> bool:
    """Whether an e-mail address is a service's or a post's mailbox at an organisation's domain (see the module)."""
    local, _, domain = address.lower().partition("@")
    if not domain or _WEBMAIL.search(address):
        return False
    pieces = _PIECES.findall(local)
    return (
        bool(pieces)
        and any(p in SERVICE_WORDS for p in pieces)
        and all(p in SERVICE_WORDS or len(p) <= 3 and p not in _LEX.names for p in pieces)
    )


def drop_service_mailboxes(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the e-mail addresses that are a service's mailbox (see the module)."""
    return [c for c in candidates if c.kind != "email" or not service_mailbox(doc.text[c.start : c.end])]
