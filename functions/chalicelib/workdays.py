"""Working days under SP4N-LAPOR!'s service levels: weekends, Indonesian public holidays and
cuti bersama (the `government` category of the `holidays` package) are not working days.

How many working days each step may take is the region's (`service_levels` in its file)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    calendar = holidays.country_holidays("ID", years=year, categories=("public", "government"))
    return frozenset(calendar.keys())


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_workdays(start: date, count: int) -> date:
    """The day `count` working days after `start`."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_workday(day):
            count -= 1
    return day


def workdays_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_workday(day):
            count += 1
    return count
