"""The league table: how each agency meets the service levels, over its published reports.

Per agency: reports open now and overdue now, the median working days to verify, to the first
follow-up and to resolve, the share of reports that met every service level they have been
measured against, how often reporters reopened a resolution, and the reporters' mean rating.
It is counted from the tally's cells (`cells`: a count per agency and fact, moved by one when a
report changes; never a pass over the reports) and published in stats.json (`league`, and
`overdue` in each `by_agency` entry).

Only published reports are counted, so anyone can check every figure against reports.csv.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
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


Cell = tuple[str | None, str, str]  # (agency, measure, value)
Cells = Mapping[Cell, int]  # cell → how many published reports


def cells(row: Served) -> list[tuple[str, str]]:
    """The (measure, value) cells one published report adds to its agency's part of the league
    table: everything `league_of` needs, none of it depending on the day (a deadline is kept as
    a day and compared with today when the table is read) nor on the region's service levels
    (working days are kept as numbers and judged when read). So the tally keeps a count per
    cell, moved by one when a report changes, and the table costs the number of cells, not a
    pass over every report."""
    t = row.timing
    found = [("published", "")]
    is_open = row.status in OPEN
    if is_open:
        found.append(("open", ""))
        if t.deadline is not None and t.deadline_step != AUTOCLOSE:
            found.append(("overdue", t.deadline))  # overdue once the day is past
    for measure, value in (
        ("verification", t.verification_workdays),
        ("response", t.response_workdays),
        ("resolution", t.resolution_workdays),
    ):
        if value is not None:
            found.append((measure, str(value)))
    verification = "-" if t.verification_workdays is None else str(t.verification_workdays)
    if t.response_workdays is None and t.deadline_step == RESPONSE and is_open and t.deadline is not None:
        # Not followed up yet: missed once the deadline is past (within_levels).
        found.append(("judge", f"{verification}|@{t.deadline}"))
    else:
        response = "-" if t.response_workdays is None else str(t.response_workdays)
        found.append(("judge", f"{verification}|{response}"))
    if t.ever_resolved:
        found.append(("resolved", ""))
        if t.reopened > 0:
            found.append(("reopened", ""))
    if t.rating is not None:
        found.append(("rating", str(t.rating)))
    return found


def count_cells(rows: Iterable[Served]) -> Counter[Cell]:
    """The cells of these reports, counted (what the tally keeps)."""
    counted: Counter[Cell] = Counter()
    for row in rows:
        for measure, value in cells(row):
            counted[(row.agency, measure, value)] += 1
    return counted


def _judge(value: str, levels: dict[str, int], today: str) -> bool | None:
    """within_levels on a `judge` cell."""
    verification, response = value.split("|", 1)
    verdicts = []
    if verification != "-":
        verdicts.append(int(verification) <= levels["verification_days"])
    if response.startswith("@"):
        if response[1:] < today:
            verdicts.append(False)
    elif response != "-":
        verdicts.append(int(response) <= levels["response_days"])
    return all(verdicts) if verdicts else None


def counted_median(values: Counter[Any]) -> Any:
    """statistics.median of the values, from how many times each occurs ("days -> how many"):
    the middle value as it is, or the mean of the two middle ones; None when there are none.
    Shared with the site's statistics (plugins/aduan_site/statistics.py)."""
    count = sum(values.values())
    if not count:
        return None
    wanted = [(count - 1) // 2, count // 2]  # the middle one, or the two middle ones
    found: list[Any] = []
    seen = 0
    for value in sorted(values):
        seen += values[value]
        while wanted and wanted[0] < seen:
            found.append(value)
            wanted.pop(0)
    return found[0] if count % 2 else (found[0] + found[1]) / 2


def _median(values: Counter[int]) -> float | None:
    middle = counted_median(values)
    return None if middle is None else float(middle)


@dataclass
class _Agency:
    open: int = 0
    overdue: int = 0
    days: dict[str, Counter[int]] = field(
        default_factory=lambda: {"verification": Counter(), "response": Counter(), "resolution": Counter()}
    )
    judged: int = 0
    within: int = 0
    resolved: int = 0
    reopened: int = 0
    ratings: Counter[int] = field(default_factory=Counter)
    published: int = 0


def league(rows: Iterable[Served], region: Region, today: date) -> list[dict[str, Any]]:
    """The league table of these published reports (see `league_of`)."""
    return league_of(count_cells(rows), region, today)


def league_of(counted: Cells, region: Region, today: date) -> list[dict[str, Any]]:
    """One entry per agency of the region (and one for reports with no agency yet, if any),
    most overdue first, then most open, from the counted cells of the published reports."""
    day = today.isoformat()
    levels = region.service_levels
    agencies: dict[str | None, _Agency] = {a: _Agency() for a in region.agencies}
    for (agency, measure, value), n in sorted(counted.items(), key=lambda item: (item[0][0] or "", item[0][1:])):
        if n <= 0:
            continue
        key = agency if agency in region.agencies else None
        a = agencies.get(key)
        if a is None:  # made only for an agency not met yet (setdefault made one per cell: thousands)
            a = agencies[key] = _Agency()
        if measure == "published":
            a.published += n
        elif measure == "open":
            a.open += n
        elif measure == "overdue":
            a.overdue += n if value < day else 0
        elif measure in a.days:
            a.days[measure][int(value)] += n
        elif measure == "judge":
            verdict = _judge(value, levels, day)
            if verdict is not None:
                a.judged += n
                a.within += n if verdict else 0
        elif measure == "resolved":
            a.resolved += n
        elif measure == "reopened":
            a.reopened += n
        elif measure == "rating":
            a.ratings[int(value)] += n
    table = []
    for agency, a in agencies.items():
        if agency is None and not a.published:
            continue
        rated = sum(a.ratings.values())
        table.append(
            {
                "agency": agency,
                "name": region.agency_name(agency),
                "published": a.published,
                "open": a.open,
                "overdue": a.overdue,
                "median_verification_workdays": _median(a.days["verification"]),
                "median_response_workdays": _median(a.days["response"]),
                "median_resolution_workdays": _median(a.days["resolution"]),
                "within_service_level": round(a.within / a.judged, 4) if a.judged else None,
                "reopen_rate": round(a.reopened / a.resolved, 4) if a.resolved else None,
                # As statistics.fmean: the sum of the ratings is exact, then one division.
                "mean_rating": round(sum(v * n for v, n in a.ratings.items()) / rated, 2) if rated else None,
                "ratings": rated,
            }
        )
    table.sort(key=lambda r: (-int(r["overdue"] or 0), -int(r["open"] or 0), r["agency"] is None, str(r["name"])))
    return table


def with_league(stats: dict[str, Any], counted: Cells, region: Region, today: date) -> dict[str, Any]:
    """stats.json with the league table and each agency's published open reports now overdue."""
    table = league_of(counted, region, today)
    overdue = {row["agency"]: row["overdue"] for row in table}
    for entry in stats.get("by_agency", []):
        entry["overdue"] = overdue.get(entry["agency"], 0)
    return {**stats, "league": table}
