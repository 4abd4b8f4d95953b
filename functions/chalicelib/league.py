"""The league table: how each agency meets the service levels, over its published reports.

Per agency: reports open now and overdue now, the median working days to verify, to the first
follow-up and to resolve, the share of reports that met every service level they have been
measured against, how often reporters reopened a resolution, and the reporters' mean rating.
It is counted from the tally (one row per report, never the reports themselves) and published
in stats.json (`league`, and `overdue` in each `by_agency` entry).

Only published reports are counted, so anyone can check every figure against reports.csv.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .deadline import AUTOCLOSE, RESPONSE
from .region import Region
from .tally import Served

OPEN = frozenset({"received", "verified", "in_progress"})


def is_overdue(row: Served, today: str) -> bool:
    """The same rule as deadline.Deadline.overdue, on the tally's ISO days."""
    t = row.timing
    return row.status in OPEN and t.deadline is not None and t.deadline_step != AUTOCLOSE and t.deadline < today


def within_levels(row: Served, levels: dict[str, int], today: str) -> bool | None:
    """Whether the report met every service level measured so far; None while no step is."""
    t = row.timing
    verdicts = []
    if t.verification_workdays is not None:
        verdicts.append(t.verification_workdays <= levels["verification_days"])
    if t.response_workdays is not None:
        verdicts.append(t.response_workdays <= levels["response_days"])
    elif t.deadline_step == RESPONSE and is_overdue(row, today):
        verdicts.append(False)  # not followed up, and already late
    return all(verdicts) if verdicts else None


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


@dataclass
class _Agency:
    open: int = 0
    overdue: int = 0
    verification: list[int] = field(default_factory=list)
    response: list[int] = field(default_factory=list)
    resolution: list[int] = field(default_factory=list)
    judged: int = 0
    within: int = 0
    resolved: int = 0
    reopened: int = 0
    ratings: list[int] = field(default_factory=list)
    published: int = 0


def league(rows: Iterable[Served], region: Region, today: date) -> list[dict[str, Any]]:
    """One entry per agency of the region (and one for reports with no agency yet, if any),
    most overdue first, then most open."""
    day = today.isoformat()
    levels = region.service_levels
    agencies: dict[str | None, _Agency] = {a: _Agency() for a in region.agencies}
    for row in rows:
        a = agencies.setdefault(row.agency if row.agency in region.agencies else None, _Agency())
        t = row.timing
        a.published += 1
        a.open += row.status in OPEN
        a.overdue += is_overdue(row, day)
        for values, value in (
            (a.verification, t.verification_workdays),
            (a.response, t.response_workdays),
            (a.resolution, t.resolution_workdays),
        ):
            if value is not None:
                values.append(value)
        verdict = within_levels(row, levels, day)
        if verdict is not None:
            a.judged += 1
            a.within += verdict
        if t.ever_resolved:
            a.resolved += 1
            a.reopened += t.reopened > 0
        if t.rating is not None:
            a.ratings.append(t.rating)
    table = [
        {
            "agency": agency,
            "name": region.agency_name(agency),
            "published": a.published,
            "open": a.open,
            "overdue": a.overdue,
            "median_verification_workdays": _median(a.verification),
            "median_response_workdays": _median(a.response),
            "median_resolution_workdays": _median(a.resolution),
            "within_service_level": round(a.within / a.judged, 4) if a.judged else None,
            "reopen_rate": round(a.reopened / a.resolved, 4) if a.resolved else None,
            "mean_rating": round(statistics.fmean(a.ratings), 2) if a.ratings else None,
            "ratings": len(a.ratings),
        }
        for agency, a in agencies.items()
        if agency is not None or a.published
    ]
    table.sort(key=lambda r: (-int(r["overdue"] or 0), -int(r["open"] or 0), r["agency"] is None, str(r["name"])))
    return table


def with_league(stats: dict[str, Any], rows: Iterable[Served], region: Region, today: date) -> dict[str, Any]:
    """stats.json with the league table and each agency's published open reports now overdue."""
    table = league(rows, region, today)
    overdue = {row["agency"]: row["overdue"] for row in table}
    for entry in stats.get("by_agency", []):
        entry["overdue"] = overdue.get(entry["agency"], 0)
    return {**stats, "league": table}
