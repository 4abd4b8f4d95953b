"""A report (laporan) and its updates: the private record, with the reporter's identity.

A report's history is a list of updates, each appended by one action (who, when, what, the
public note). The current status, agency and rejection are kept on the report as well, so a
store can index them; `version` guards against two officers acting on the same old copy.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import codes
from .attachments import Attachment
from .lifecycle import Status

KINDS: dict[str, tuple[str, str]] = {code: (e["id"], e["en"]) for code, e in codes.KINDS.items()}

# Update types (public_codes.json labels each). `status` changes the status; the others leave
# it as it is; an `edit` of the public text is never public.
STATUS, ROUTE, NOTE, REPORTER, FEEDBACK, EDIT, PHOTO = (
    "status",
    "route",
    "note",
    "reporter",
    "feedback",
    "edit",
    "photo",
)


@dataclass
class Location:
    kecamatan: str
    kelurahan: str | None = None
    address: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Reporter:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    nik: str | None = None

    def is_empty(self) -> bool:
        return not any((self.name, self.phone, self.email, self.nik))


@dataclass
class Update:
    at: datetime
    actor: str
    type: str
    status: Status | None = None
    agency: str | None = None
    reason: str | None = None
    forwarded_to: str | None = None
    duplicate_of: str | None = None
    note: str = ""
    public: bool = True
    key: str | None = None  # identity of an imported history entry, so a re-import skips it
    # Why the spam check held this reporter's text back (it stays private until an officer
    # releases it with the review_spam action).
    suspected_spam: str | None = None
    # The reporter's rating of a resolution they confirm (1–5), on that feedback update.
    rating: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = dict(vars(self))
        data["at"] = self.at.isoformat()
        data["status"] = self.status.value if self.status else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Update:
        data = dict(data)
        data["at"] = datetime.fromisoformat(data["at"])
        data["status"] = Status(data["status"]) if data.get("status") else None
        return cls(**data)


@dataclass
class Report:
    id: str
    tracking: str
    secret_hash: str
    channel: str
    submitted_at: datetime
    kind: str
    title: str
    description: str
    location: Location
    reporter: Reporter = field(default_factory=Reporter)
    category: str | None = None
    agency: str | None = None
    anonymous: bool = False
    confidential: bool = False
    ref: str | None = None
    status: Status = Status.RECEIVED
    rejection_reason: str | None = None
    forwarded_to: str | None = None
    duplicate_of: str | None = None
    # What an officer approved for publication (None: the redactor's output is used).
    public_title: str | None = None
    public_description: str | None = None
    # Why the spam check held this submission for an officer (verifying or rejecting clears it).
    suspected_spam: str | None = None
    closed_at: datetime | None = None
    # An admin's decision to publish texts the gate held back: {"digest", "problems", "by", "at",
    # "reason"}; it covers those problems in those exact texts (gate.texts_digest) only, not
    # anything written or found later.
    gate_override: dict[str, Any] | None = None
    attachments: list[Attachment] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    version: int = 0
    # Reports an officer marked as duplicates of this one (each names it in `duplicate_of`).
    duplicates: list[str] = field(default_factory=list)

    @property
    def updated_at(self) -> datetime:
        return self.updates[-1].at if self.updates else self.submitted_at

    def first(self, status: Status) -> Update | None:
        return next((u for u in self.updates if u.status == status), None)

    def last(self, status: Status) -> Update | None:
        return next((u for u in reversed(self.updates) if u.status == status), None)

    @property
    def rating(self) -> int | None:
        """The reporter's latest rating of a resolution (1–5), if they gave one."""
        return next((u.rating for u in reversed(self.updates) if u.rating is not None), None)

    @property
    def reopened(self) -> int:
        """How many times the reporter disputed a resolution (resolved → in progress)."""
        return sum(1 for u in self.updates if u.status == Status.IN_PROGRESS and u.actor == "reporter")

    def to_dict(self) -> dict[str, Any]:
        # By hand rather than dataclasses.asdict, whose recursive deep copy was two thirds of an
        # import's time (bench/speed.py's profile); the result shares no mutable part with self.
        data = dict(vars(self))
        data["submitted_at"] = self.submitted_at.isoformat()
        data["closed_at"] = self.closed_at.isoformat() if self.closed_at else None
        data["status"] = self.status.value
        data["location"] = dict(vars(self.location))
        data["reporter"] = dict(vars(self.reporter))
        data["gate_override"] = copy.deepcopy(self.gate_override)
        data["updates"] = [u.to_dict() for u in self.updates]
        data["duplicates"] = list(self.duplicates)
        data["attachments"] = []
        for attachment in self.attachments:
            item = dict(vars(attachment))
            for key in ("uploaded_at", "approved_at"):
                item[key] = item[key].isoformat() if item[key] else None
            data["attachments"].append(item)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        data = dict(data)
        data["submitted_at"] = datetime.fromisoformat(data["submitted_at"])
        data["closed_at"] = datetime.fromisoformat(data["closed_at"]) if data.get("closed_at") else None
        data["status"] = Status(data["status"])
        data["location"] = Location(**data["location"])
        data["reporter"] = Reporter(**data["reporter"])
        data["updates"] = [Update.from_dict(u) for u in data["updates"]]
        data["attachments"] = [_attachment(a) for a in data.get("attachments", [])]
        return cls(**data)


def _attachment(data: dict[str, Any]) -> Attachment:
    data = dict(data)
    for key in ("uploaded_at", "approved_at"):
        data[key] = datetime.fromisoformat(data[key]) if data.get(key) else None
    return Attachment(**data)
