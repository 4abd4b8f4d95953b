"""The officer's desk: what an officer may do next to a report, the hint for what comes next,
and how the queue's pages are marked.

`allowed_actions` mirrors exactly what the API accepts (tests/test_authz.py holds it to that):
the role's actions (officers.ACTIONS_BY_ROLE), on a report the officer may see, that the
lifecycle (lifecycle.TRANSITIONS) and the action's own checks (actions.py) allow now. The
console offers only these, so an officer never meets a 409 for a button it showed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ValidationError
from .lifecycle import TRANSITIONS, Status
from .officers import ACTIONS_BY_ROLE, Officer
from .region import Region
from .report import Report
from .store import decode_cursor, encode_cursor, unknown_cursor

# The status an action moves a report to (actions.py's _set_status), for the lifecycle to judge.
TARGETS: dict[str, Status] = {
    "verify": Status.VERIFIED,
    "reject": Status.REJECTED,
    "forward": Status.REJECTED,
    "resolve": Status.RESOLVED,
}

# The order the console shows actions in: the usual next step first.
ORDER = (
    "verify",
    "progress",
    "resolve",
    "note",
    "route",
    "return",
    "reject",
    "forward",
    "edit",
    "approve_attachment",
    "review_spam",
    "override_gate",
)


def possible_actions(report: Report, held: bool) -> set[str]:
    """What the report's state allows, whoever asks."""
    possible = {name for name, target in TARGETS.items() if target in TRANSITIONS[report.status]}
    if report.status == Status.IN_PROGRESS or Status.IN_PROGRESS in TRANSITIONS[report.status]:
        possible.add("progress")  # on a report already in progress it records a follow-up note
    if report.status.is_open():
        possible.add("route")
    if report.status == Status.VERIFIED:
        possible.add("return")
    possible |= {"note", "edit"}
    if any(a.approved_at is None for a in report.attachments):
        possible.add("approve_attachment")
    if any(u.suspected_spam for u in report.updates):
        possible.add("review_spam")
    if held:
        possible.add("override_gate")
    return possible


def allowed_actions(officer: Officer, report: Report, held: bool = False) -> list[str]:
    """The actions this officer may take on this report now, usual next step first."""
    if not officer.can_see(report.agency):
        return []
    allowed = possible_actions(report, held) & ACTIONS_BY_ROLE[officer.role]
    return [name for name in ORDER if name in allowed]


def next_step(report: Report, officer: Officer, due: str | None, region: Region) -> str:
    """One sentence, in Bahasa Indonesia, on what comes next for this report."""
    by = f" paling lambat {due}" if due else ""
    levels = region.service_levels
    if report.status == Status.RECEIVED:
        return (
            f"Periksa teks publik, pastikan instansi tujuan sesuai kategori, lalu verifikasi{by}"
            f" ({levels['verification_days']} hari kerja sejak diterima)."
        )
    if report.status == Status.VERIFIED:
        who = "Anda" if officer.role == "agency" else region.agency_name(report.agency)
        return (
            f"{who} menindaklanjuti{by} ({levels['response_days']} hari kerja sejak diverifikasi);"
            " bila bukan kewenangannya, kembalikan ke meja admin."
        )
    if report.status == Status.IN_PROGRESS:
        return "Kerjakan, catat perkembangan, lalu selesaikan dengan catatan penyelesaian yang dibaca publik."
    if report.status == Status.RESOLVED:
        if report.closed_at:
            return "Pelapor sudah menyatakan selesai; laporan ditutup."
        return (
            "Menunggu konfirmasi pelapor; ditutup otomatis bila tidak ditanggapi dalam"
            f" {levels['autoclose_days']} hari kerja."
        )
    return "Laporan ditolak; status ini final."


# The queue lists overdue reports first, the longest overdue on top (Store.find_overdue), then
# every other report newest first (Store.find). Its cursor says which part the page stopped in
# and the store's cursor within it.
LATE, REST = "late", "rest"


def queue_cursor(part: str, store_cursor: str) -> str:
    return encode_cursor(3, part, store_cursor)


def read_queue_cursor(cursor: str | None) -> tuple[str, str | None]:
    """The part of the queue and the store's cursor a queue cursor names (none: the start)."""
    if not cursor:
        return LATE, None
    part, store_cursor = decode_cursor(cursor, 3)
    if part not in (LATE, REST):
        raise unknown_cursor()
    return part, store_cursor


def actor_names(officers: Iterable[Officer]) -> dict[str, str]:
    """How the audit trail names each actor: `officer:<id>` → the officer's name."""
    return {o.actor: o.name for o in officers}


FLAGS = {"1": True, "true": True, "0": False, "false": False}


def flag(name: str, value: str | None) -> bool:
    """A yes/no query parameter of the desk (`overdue=1`); anything else is refused, not ignored."""
    if value is None:
        return False
    if value not in FLAGS:
        raise ValidationError(
            f"Parameter {name} harus 1 atau 0.", {name: "tidak valid"}, en=f"query parameter {name} must be 1 or 0"
        )
    return FLAGS[value]
