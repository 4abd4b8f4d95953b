"""A report's deadline: the day by which its next step is due under the region's service levels.

SP4N-LAPOR! sets three (the region file's `service_levels`, in working days): an officer
verifies a received report within `verification_days`; the agency follows up a verified report
for the first time within `response_days` of the verification; a resolution the reporter leaves
unanswered is closed automatically `autoclose_days` after it. An open report whose deadline has
passed is **overdue**: the step is late. A deadline is a day; the step is on time if it happens
on that day, so a report is overdue from the next day on.

Overdue changes with the calendar, not with an event, so whoever shows it says as of which day
(the publisher: the day it writes the record; the API: the day of the request).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from . import codes
from .clock import WIB
from .lifecycle import Status
from .report import NOTE, Report, Update
from .workdays import add_workdays

# The steps, in the order a report meets them; public_codes.json labels them ("deadline_steps").
VERIFICATION, RESPONSE, AUTOCLOSE = "verification", "response", "autoclose"
STEPS = (VERIFICATION, RESPONSE, AUTOCLOSE)
assert STEPS == tuple(codes.DEADLINE_STEPS), "public_codes.json's deadline_steps and this module disagree"


@dataclass(frozen=True)
class Deadline:
    step: str  # one of STEPS
    day: date

    def overdue(self, today: date) -> bool:
        """Late as of `today`. Only the officers' steps can be late: closing after an unanswered
        resolution is the system's, and it is done by the daily job whatever the day."""
        return self.step != AUTOCLOSE and today > self.day


def _day(moment: datetime) -> date:
    return moment.astimezone(WIB).date()


def first_response(report: Report) -> Update | None:
    """The agency's first follow-up: the first update after the verification that takes the
    report in progress, resolves it, or is a public note."""
    verified = report.first(Status.VERIFIED)
    if verified is None:
        return None
    after = report.updates[report.updates.index(verified) + 1 :]
    return next(
        (u for u in after if u.status in (Status.IN_PROGRESS, Status.RESOLVED) or (u.type == NOTE and u.public)),
        None,
    )


def current(report: Report, levels: dict[str, int]) -> Deadline | None:
    """The deadline of the report's next step, or None when no service level runs (in progress
    after the first follow-up, closed, rejected)."""
    if report.status == Status.RECEIVED:
        return Deadline(VERIFICATION, add_workdays(_day(report.submitted_at), levels["verification_days"]))
    if report.status == Status.VERIFIED and first_response(report) is None:
        verified = report.first(Status.VERIFIED)
        start = _day(verified.at) if verified else _day(report.submitted_at)
        return Deadline(RESPONSE, add_workdays(start, levels["response_days"]))
    if report.status == Status.RESOLVED and report.closed_at is None:
        resolved = report.last(Status.RESOLVED)
        if resolved is not None:
            return Deadline(AUTOCLOSE, add_workdays(_day(resolved.at), levels["autoclose_days"]))
    return None


def is_overdue(report: Report, levels: dict[str, int], today: date) -> bool:
    deadline = current(report, levels)
    return deadline is not None and deadline.overdue(today)


@dataclass(frozen=True)
class OfficersDeadline:
    """The rule by which a store keeps each report's officers' deadline, to list overdue
    reports first across pages (Store.keep_deadlines): the day the officers' next step
    (verification or first follow-up) is due, or None when no officers' step runs. A report is
    overdue on any day after it."""

    levels: Mapping[str, int]

    @property
    def key(self) -> str:
        """What the stored deadlines depend on: another key means they must be worked out again."""
        return json.dumps(dict(sorted(self.levels.items())), separators=(",", ":"))

    def __call__(self, report: Report) -> date | None:
        deadline = current(report, dict(self.levels))
        return deadline.day if deadline is not None and deadline.step != AUTOCLOSE else None
