"""The status lifecycle of a report, as an explicit state machine.

received → verified → in_progress → resolved; rejected (with a reason) from received or
verified; resolved → in_progress when the reporter disputes the resolution.
"""

from __future__ import annotations

from enum import StrEnum

from . import codes
from .errors import IllegalTransition


class Status(StrEnum):
    RECEIVED = "received"
    VERIFIED = "verified"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return LABELS[self][0]

    @property
    def label_en(self) -> str:
        return LABELS[self][1]

    def is_open(self) -> bool:
        return self in (Status.RECEIVED, Status.VERIFIED, Status.IN_PROGRESS)


# Labels and reasons come from the public codes (public_codes.json), shared with the site.
LABELS: dict[Status, tuple[str, str]] = {Status(code): (e["id"], e["en"]) for code, e in codes.STATUSES.items()}

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.VERIFIED, Status.REJECTED}),
    Status.VERIFIED: frozenset({Status.IN_PROGRESS, Status.REJECTED}),
    Status.IN_PROGRESS: frozenset({Status.RESOLVED}),
    Status.RESOLVED: frozenset({Status.IN_PROGRESS}),
    Status.REJECTED: frozenset(),
}

# What becoming each status means, to say what cannot be done: (Bahasa Indonesia, English).
BECOMING: dict[Status, tuple[str, str]] = {
    Status.RECEIVED: ("diterima ulang", "received again"),
    Status.VERIFIED: ("diverifikasi", "verified"),
    Status.IN_PROGRESS: ("diproses", "taken in progress"),
    Status.RESOLVED: ("diselesaikan", "resolved"),
    Status.REJECTED: ("ditolak", "rejected"),
}

REJECTION_REASONS: dict[str, tuple[str, str]] = {
    code: (e["id"], e["en"]) for code, e in codes.REJECTION_REASONS.items()
}


def parse_status(value: object) -> Status:
    try:
        return Status(str(value))
    except ValueError:
        known = ", ".join(f"{s.value} ({s.label})" for s in Status)
        raise IllegalTransition(
            f"Status {value!r} tidak dikenal; pilihan: {known}.",
            en=f"unknown status {value!r}; expected one of: {', '.join(s.value for s in Status)}",
        ) from None


def check_transition(current: Status, target: Status) -> None:
    """Refuse a change of status that the lifecycle does not allow."""
    if target in TRANSITIONS[current]:
        return
    nexts = [s for s in Status if s in TRANSITIONS[current]]  # in lifecycle order: the usual step first
    verb, verb_en = BECOMING[target]
    if not nexts:
        raise IllegalTransition(
            f"Laporan berstatus {current.label} tidak bisa {verb}: status {current.label} sudah final.",
            en=f"A report that is {current.label_en} cannot be {verb_en}: {current.label_en} is final.",
        )
    directly, directly_en = ("langsung ", " directly") if reachable(current, target) else ("", "")
    raise IllegalTransition(
        f"Laporan berstatus {current.label} tidak bisa {directly}{verb}; "
        f"langkah berikutnya: {' atau '.join(s.label for s in nexts)}.",
        en=f"A report that is {current.label_en} cannot be {verb_en}{directly_en}; "
        f"next step: {' or '.join(s.label_en for s in nexts)}.",
    )


def reachable(current: Status, target: Status) -> bool:
    """Whether `target` can be reached from `current` in one or more steps.

    Other channels often record only some steps (received, then resolved); an import accepts
    a history that skips steps forward but never one that goes where the lifecycle cannot.
    """
    seen: set[Status] = set()
    frontier = [current]
    while frontier:
        status = frontier.pop()
        for nxt in TRANSITIONS[status]:
            if nxt == target:
                return True
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return False


def path_to(current: Status, target: Status) -> list[Status]:
    """The shortest chain of statuses leading from `current` to `target` (excluding `current`)."""
    queue: list[list[Status]] = [[current]]
    seen = {current}
    while queue:
        path = queue.pop(0)
        for nxt in sorted(TRANSITIONS[path[-1]]):
            if nxt == target:
                return path[1:] + [nxt]
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    raise IllegalTransition(
        f"Status {target.label} tidak dapat dicapai dari status {current.label}.",
        en=f"{target.label_en} cannot be reached from {current.label_en}",
    )
