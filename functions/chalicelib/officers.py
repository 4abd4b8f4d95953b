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
            raise Forbidden(f"role {self.role!r} may not {action!r} a report")
        if not self.can_see(agency):
            raise Forbidden(f"this report is not assigned to agency {self.agency!r}")


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_role(role: str, agency: str | None, known_agencies: Mapping[str, object]) -> None:
    if role not in ROLES:
        raise ValidationError(f"unknown role {role!r}; expected one of: {', '.join(ROLES)}", {"role": "unknown"})
    if role == "agency" and agency not in known_agencies:
        raise ValidationError("an agency officer needs --agency with a known agency id", {"agency": "unknown"})
    if role != "agency" and agency:
        raise ValidationError(f"role {role!r} is not tied to one agency; drop --agency", {"agency": "unexpected"})
