"""Listing rows: what a listing page shows of a report, made once per row in Python.

A listing (an agency's or a status's pages, the home page's recent reports) shows a few fields
of each report. Rendered from whole records, every row made five macro calls (status badge,
date, labels, names, URL) through Jinja's call machinery, the larger part of a listing page's
time. A `Row` holds those fields ready, the badges and labels rendered once per build and
language, so `report_list` in _macros.html reads plain attributes. The markup stays in the
theme: the badge and the date come from its own macros.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from . import labels
from .dataset import Record

_MISSING = ""  # what Jinja printed for a field the record lacks (an undefined value)


def _field(record: Record, key: str) -> Any:
    return record[key] if key in record else _MISSING


@dataclass(frozen=True, slots=True)
class Row:
    """One report in a listing, as `report_list` shows it."""

    tracking: Any
    href: str
    title: Any
    badge: Any  # Markup: the theme's status_badge
    overdue: Any
    kind: str
    agency: str  # the agency's short name, "" when the report has none
    kelurahan: Any
    kecamatan: Any
    updated: Any  # Markup: the theme's date macro


class Rows:
    """Makes `Row`s for one build from the template helpers (pages.py template_globals): the
    theme's badge and date macros (memoized, memo.py), `url` and `agency_name`."""

    def __init__(
        self,
        status_badge: Callable[..., Any],
        date: Callable[..., Any],
        url: Callable[[str], str],
        agency_name: Callable[[str | None], str],
    ) -> None:
        self.status_badge = status_badge
        self.date = date
        self.url = url
        self.agency_name = agency_name
        self._badges: dict[tuple[Any, str], Any] = {}
        self._kinds: dict[tuple[Any, str], str] = {}
        self._agencies: dict[Any, str] = {}
        self.made = 0  # rows made this build (tests count them)

    def rows(self, records: Iterable[Record], lang: str, prefix: str) -> list[Row]:
        return [self.row(record, lang, prefix) for record in records]

    def row(self, record: Record, lang: str, prefix: str) -> Row:
        self.made += 1
        status, kind, agency = _field(record, "status"), _field(record, "kind"), _field(record, "agency")
        badge = self._badges.get((status, lang))
        if badge is None:
            badge = self._badges[(status, lang)] = self.status_badge(status, lang)
        kind_label = self._kinds.get((kind, lang))
        if kind_label is None:
            kind_label = self._kinds[(kind, lang)] = labels.kind_label(kind, lang)
        name = ""
        if agency:
            name = self._agencies.get(agency) or self._agencies.setdefault(agency, self.agency_name(agency))
        tracking = _field(record, "tracking")
        return Row(
            tracking=tracking,
            href=self.url(f"{prefix}laporan/{tracking}/"),
            title=_field(record, "title"),
            badge=badge,
            overdue=_field(record, "overdue"),
            kind=kind_label,
            agency=name,
            kelurahan=_field(record, "kelurahan"),
            kecamatan=_field(record, "kecamatan"),
            updated=self.date(_field(record, "updated"), lang),
        )
