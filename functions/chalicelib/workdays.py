"""Working days under SP4N-LAPOR!'s service levels: weekends, Indonesian public holidays and
cuti bersama (the `government` category of the `holidays` package) are not working days.

How many working days each step may take is the region's (`service_levels` in its file).

The `holidays` package takes about 0.3 s of CPU to import and to look Indonesia up, which a
new `aduan build` that publishes one change would pay every time. A year's holidays are kept
in `$ADUAN_DATA/holidays.json` (local backend only), keyed by the installed package (its path
and its `__init__`'s size and time), so the package is imported only for a year not kept yet or
after an upgrade.

Counting is by table: each year's running count of working days (`_running`), so a deadline and a
count between two days cost a lookup and a bisection, not a walk over every day between them (a
cold publish counts three spans per report, up to a month each).
"""

from __future__ import annotations

import importlib.util
import json
import os
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

CATEGORIES = ("public", "government")


def _package_key() -> str:
    """Which `holidays` is installed, without importing it."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return ""
    stat = os.stat(spec.origin)
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}:{','.join(CATEGORIES)}"


def _cache_path() -> Path | None:
    """None with the AWS backend: its functions keep nothing on a local disk."""
    if (os.environ.get("ADUAN_BACKEND") or "local") != "local":
        return None
    return Path(os.environ.get("ADUAN_DATA") or "var") / "holidays.json"


def _kept(year: int, key: str) -> frozenset[date] | None:
    path = _cache_path()
    if path is None:
        return None
    try:
        kept = json.loads(path.read_bytes())
        if kept.get("package") == key and str(year) in kept["years"]:
            return frozenset(date.fromisoformat(day) for day in kept["years"][str(year)])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def _keep(year: int, days: frozenset[date], key: str) -> None:
    """Add a year to the file (written whole under a temporary name, then renamed)."""
    path = _cache_path()
    if path is None:
        return
    try:
        kept = json.loads(path.read_bytes())
        years = kept["years"] if kept.get("package") == key and isinstance(kept.get("years"), dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        years = {}
    years[str(year)] = sorted(day.isoformat() for day in days)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({"package": key, "years": years}, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:  # no data directory (yet), or a read-only one: computed again next time
        temporary.unlink(missing_ok=True)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    key = _package_key()
    kept = _kept(year, key) if key else None
    if kept is not None:
        return kept
    import holidays  # noqa: PLC0415 - only for a year not kept yet (see the module's docstring)

    calendar = holidays.country_holidays("ID", years=year, categories=CATEGORIES)
    days = frozenset(calendar.keys())
    if key:
        _keep(year, days, key)
    return days


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


@lru_cache(maxsize=64)
def _running(year: int) -> tuple[int, ...]:
    """Working days of `year` from 1 January up to and including each day (index: day of the year - 1)."""
    out: list[int] = []
    count, day = 0, date(year, 1, 1)
    while day.year == year:
        count += is_workday(day)
        out.append(count)
        day += timedelta(days=1)
    return tuple(out)


def _upto(day: date) -> int:
    """Working days from 1 January of `day`'s year up to and including `day`."""
    return _running(day.year)[day.timetuple().tm_yday - 1]


def add_workdays(start: date, count: int) -> date:
    """The day `count` working days after `start` (`start` itself when `count` <= 0)."""
    if count <= 0:
        return start
    year, target = start.year, _upto(start) + count
    while target > _running(year)[-1]:
        target -= _running(year)[-1]
        year += 1
    return date(year, 1, 1) + timedelta(days=bisect_left(_running(year), target))


def workdays_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    if end <= start:
        return 0
    return _upto(end) - _upto(start) + sum(_running(year)[-1] for year in range(start.year, end.year))
