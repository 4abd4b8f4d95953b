"""What the statistics pages show: charts and table rows, in one language, from the figures.

The figures come from the dataset's stats.json (all reports) and `published_statistics()`
(public reports); nothing here counts anything. Each chart is built from exactly the rows
of the table the template prints after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from . import labels
from .charts import Bar, bar_chart, line_chart

# Months of the area × category × month table shown on the page; the CSV has them all.
PAGE_MONTHS = 6


def _bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]], lang: str) -> Markup | None:
    if not rows or not any(n for _, n in rows):
        return None
    t = labels.UI[lang]
    bars = [Bar(label, n, labels.format_number(n, lang)) for label, n in rows]
    top = max(bars, key=lambda b: b.value)
    desc = t["chart_bar_desc"].format(n=len(bars), top=top.label, value=top.text)
    return bar_chart(chart_id, title, desc, bars)


def _line_chart(chart_id: str, title: str, rows: list[tuple[str, int]], lang: str) -> Markup | None:
    if not rows:
        return None
    t = labels.UI[lang]
    points = [Bar(labels.month_label(m, lang, short=True), n, labels.format_number(n, lang)) for m, n in rows]
    top = max(points, key=lambda p: p.value)
    desc = t["chart_line_desc"].format(first=points[0].label, last=points[-1].label, top=top.label, value=top.text)
    return line_chart(chart_id, title, desc, points)


def cell_text(count: int | None, mark: str | None, lang: str) -> str:
    """A possibly suppressed count as printed: the number, "<5" or "≥5"."""
    return mark if mark else labels.format_number(count, lang)


def page_context(
    stats: dict[str, Any],
    published: dict[str, Any],
    lang: str,
    agency_name: Callable[..., str],
    category_name: Callable[..., str],
) -> dict[str, Any]:
    t = labels.UI[lang]
    statuses = [(labels.status_label(s, lang), (stats.get("by_status") or {}).get(s, 0)) for s in labels.STATUSES]
    # stats.json lists only agencies with reports; the page shows every agency, zeros included.
    totals = {row.get("agency"): row.get("total") or 0 for row in stats.get("by_agency") or []}
    for row in published.get("by_agency") or []:
        totals.setdefault(row["agency"], 0)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
    all_agencies = [(agency_name(agency) if agency else t["unassigned"], count) for agency, count in ranked]

    def agency_label(row: dict[str, Any]) -> str:
        return agency_name(row["agency"]) if row["agency"] else t["unassigned"]

    def category_label(row: dict[str, Any]) -> str:
        return category_name(row["category"], lang) if row["category"] else t["no_category"]

    # Kelurahan tables, one group per kecamatan, with the kecamatan's figures as its head.
    kecamatan = {row["kecamatan"]: row for row in published["by_kecamatan"]}
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in published["by_kelurahan"]:
        groups.setdefault(row["kecamatan"], []).append(
            {
                "kelurahan": row["kelurahan"],
                "text": cell_text(row["count"], row["suppressed"], lang),
                "suppressed": row["suppressed"],
            }
        )
    kelurahan = [
        {"kecamatan": k, "total": kecamatan[k]["total"], "without": kecamatan[k]["without_kelurahan"], "rows": rows}
        for k, rows in groups.items()
    ]

    # The area × category × month table: the latest months, one table per kecamatan.
    months = [row["month"] for row in published["by_month"]][-PAGE_MONTHS:]
    cells: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    categories: list[str] = []
    for row in published["kecamatan_category_month"]:
        if row["month"] in months:
            cells.setdefault((row["kecamatan"], row["category"]), {})[row["month"]] = row
            if row["category"] not in categories:
                categories.append(row["category"])
    cube = [
        {
            "kecamatan": k,
            "slug": k.lower().replace(" ", "-"),
            "rows": [
                {
                    "category": category_name(c, lang),
                    "cells": [cell_text(cells[k, c][m]["count"], cells[k, c][m]["suppressed"], lang) for m in months],
                }
                for c in categories
                if (k, c) in cells
            ],
        }
        for k in kecamatan
    ]
    return {
        "charts": {
            "all_status": _bar_chart("chart-all-status", t["by_status"], statuses, lang),
            "all_agency": _bar_chart("chart-all-agency", t["by_agency"], all_agencies, lang),
            "category": _bar_chart(
                "chart-category",
                t["by_category"],
                [(category_label(r), r["total"]) for r in published["by_category"]],
                lang,
            ),
            "kecamatan": _bar_chart(
                "chart-kecamatan",
                t["by_kecamatan"],
                [(r["kecamatan"], r["total"]) for r in published["by_kecamatan"]],
                lang,
            ),
            "month": _line_chart(
                "chart-month", t["by_month"], [(r["month"], r["total"]) for r in published["by_month"]], lang
            ),
        },
        "agency_label": agency_label,
        "category_label": category_label,
        "kelurahan_groups": kelurahan,
        "cube": cube,
        "cube_months": months,
        "not_published": (stats["total"] - stats["published"])
        if isinstance(stats.get("total"), int) and isinstance(stats.get("published"), int)
        else None,
    }
