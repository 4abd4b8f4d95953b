"""Officers (petugas) and what each role may do.

`admin` verifies, routes, forwards and rejects reports of every agency; `agency` follows up and
resolves its own agency's reports; `auditor` reads everything and changes nothing. Officers
authenticate with bearer tokens; only a token's SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from .errors import Forbidden, ValidationError

ROLES = ("admin", "agency", "auditor")
TOKEN_PREFIX = "adn_"

# How a refusal names roles and actions to an officer: (Bahasa Indonesia, English).
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "admin": ("Admin", "Admin"),
    "agency": ("Petugas instansi", "Agency officer"),
    "auditor": ("Auditor", "Auditor"),
}
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "verify": ("memverifikasi", "verify"),
    "route": ("mengalihkan", "route"),
    "forward": ("meneruskan ke luar kewenangan", "forward out of the city's remit"),
    "reject": ("menolak", "reject"),
    "progress": ("menindaklanjuti", "follow up"),
    "note": ("memberi catatan pada", "add a note to"),
    "resolve": ("menyelesaikan", "resolve"),
    "edit": ("menyunting teks publik", "edit the public text of"),
    "return": ("mengembalikan ke meja admin", "return to the admin desk"),
    "approve_attachment": ("menyetujui foto", "approve a photo of"),
}

# Which actions each role may take (reads are open to every role).
ACTIONS_BY_ROLE: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {
            "verify",
            "route",
            "forward",
            "reject",
            "progress",
            "note",
            "resolve",
            "edit",
            "approve_attachment",
            "override_gate",
            "review_spam",
        }
    ),
    "agency": frozenset({"progress", "note", "resolve", "return"}),
    "auditor": frozenset(),
}


@dataclass
class Officer:
    id: str
    name: str
    role: str
    agency: str | None
    token_hash: str
    created_at: datetime
    active: bool = True

    @property
    def actor(self) -> str:
        return f"officer:{self.id}"

    def can_see(self, agency: str | None) -> bool:
        return self.role != "agency" or agency == self.agency

    def sees_identity(self) -> bool:
        # Anonymous reporters are hidden from the agency (and auditors); the admin desk that
        # verifies reports needs to be able to call back.
        return self.role == "admin"

    def check_action(self, action: str, agency: str | None) -> None:
        if action not in ACTIONS_BY_ROLE[self.role]:
            role, role_en = ROLE_LABELS[self.role]
            verb, verb_en = ACTION_LABELS.get(action, (repr(action), repr(action)))
            raise Forbidden(
                f"Peran {role} tidak boleh {verb} laporan.", en=f"The {role_en} role may not {verb_en} a report."
            )
        if not self.can_see(agency):
            raise Forbidden(
                f"Laporan ini tidak ditugaskan kepada instansi Anda ({self.agency}).",
                en=f"This report is not assigned to your agency ({self.agency}).",
            )


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_role(role: str, agency: str | None, known_agencies: Mapping[str, object]) -> None:
    if role not in ROLES:
        raise ValidationError(
            f"Peran {role!r} tidak dikenal; pilihan: {', '.join(ROLES)}.",
            {"role": "tidak dikenal"},
            en=f"unknown role {role!r}; expected one of: {', '.join(ROLES)}",
        )
    if role == "agency" and agency not in known_agencies:
        raise ValidationError(
            "Petugas instansi memerlukan --agency dengan id instansi yang dikenal.",
            {"agency": "tidak dikenal"},
            en="an agency officer needs --agency with a known agency id",
        )
    if role != "agency" and agency:
        raise ValidationError(
            f"Peran {role!r} tidak terikat pada satu instansi; hapus --agency.",
            {"agency": "tidak diharapkan"},
            en=f"role {role!r} is not tied to one agency; drop --agency",
        )
