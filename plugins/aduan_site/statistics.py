"""Statistics of the published reports: the one computation behind every published figure.

stats.json's `published_*` blocks, the statistics pages, the CSV files under
/data/statistics/ and the charts all come from `published_statistics()`, computed from the
same records that make reports.csv. (The figures over *all* reports, confidential and
unverified ones included, come from the dataset's stats.json: the site cannot recompute them.)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from chalicelib.league import counted_median

from .counts import Counts
from .dataset import Dataset, Record
from .labels import KINDS, STATUSES
from .suppression import suppress_cube, suppress_groups

UNASSIGNED = "Belum ditentukan"  # stats.json's name for reports without an agency


def service_levels(dataset: Dataset) -> dict[str, int]:
    """The region's service levels as the dataset publishes them (stats.json's `sla`, from the
    region file): the site states no number of days of its own."""
    return dict(dataset.stats.get("sla") or dataset.region.get("service_levels") or {})


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _months(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), so a month without reports shows 0."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    result = []
    while (year, month) <= end:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _durations(values: Counter[Any], standard: int | None) -> dict[str, Any]:
    """Count, median and mean of working-day figures (days → how many), and how many met the
    standard."""
    count = sum(values.values())
    result: dict[str, Any] = {
        "count": count,
        "median": counted_median(values) if count else None,
        # As statistics.fmean over the values: their sum is exact, then one division.
        "mean": round(sum(v * n for v, n in values.items()) / count, 1) if count else None,
    }
    if standard is not None:
        within = sum(n for v, n in values.items() if v <= standard)
        result.update(standard=standard, within=within, within_share=_share(within, count))
    return result


def verification_workdays(record: Record) -> int | None:
    """Working days from `submitted` to `verified`, as the publisher counted them."""
    value = record.get("verification_workdays")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _agency_rows(counts: Counts, dataset: Dataset) -> list[dict[str, Any]]:
    total = counts.total
    ids = [a for a in dataset.agencies] + sorted(a for a in counts.agency if a and a not in dataset.agencies)
    rows = []
    for agency_id in ids:
        agency = dataset.agencies.get(agency_id, {})
        name = agency.get("short_name") or agency.get("name") or agency_id
        rows.append({"agency": agency_id, "name": name, "total": counts.agency.get(agency_id, 0)})
    rows.sort(key=lambda row: (-row["total"], row["agency"]))
    if counts.agency.get(None):
        rows.append({"agency": None, "name": UNASSIGNED, "total": counts.agency[None]})
    for row in rows:
        row["share"] = _share(row["total"], total)
    return rows


def _category_rows(counts: Counts, dataset: Dataset) -> list[dict[str, Any]]:
    total = counts.total
    ids = [c for c in dataset.categories] + sorted(c for c in counts.category if c and c not in dataset.categories)
    rows = []
    for category_id in ids:
        category = dataset.categories.get(category_id, {})
        rows.append(
            {
                "category": category_id,
                "name": category.get("name") or category_id,
                "name_en": category.get("name_en") or category.get("name") or category_id,
                "total": counts.category.get(category_id, 0),
            }
        )
    rows.sort(key=lambda row: (-row["total"], row["category"]))
    if counts.category.get(None):
        rows.append(
            {"category": None, "name": "Tanpa kategori", "name_en": "No category", "total": counts.category[None]}
        )
    for row in rows:
        row["share"] = _share(row["total"], total)
    return rows


def area_names(dataset: Dataset, counts: Counts) -> list[tuple[str, list[str]]]:
    """(kecamatan, its kelurahan) of the region, then any unknown ones the records name."""
    areas = [(k["name"], [kl["name"] for kl in k.get("kelurahan", [])]) for k in dataset.region.get("kecamatan", [])]
    known = {k for k, _ in areas}
    extra: dict[str, set[str]] = {}
    for kecamatan in counts.kecamatan:
        if kecamatan not in known:
            extra.setdefault(kecamatan, set())
    for kecamatan, kelurahan in counts.kelurahan:
        if kecamatan not in known:
            extra.setdefault(kecamatan, set()).add(kelurahan)
    for name in sorted(extra):
        areas.append((name, sorted(k for k in extra[name] if k)))
    known_kel = {(k, kl) for k, kls in areas for kl in kls}
    for kecamatan, kelurahan in sorted(counts.kelurahan):
        if (kecamatan, kelurahan) not in known_kel:
            # A kelurahan the region does not list: count it under its kecamatan all the same.
            for name, names in areas:
                if name == kecamatan:
                    names.append(kelurahan)
            known_kel.add((kecamatan, kelurahan))
    return areas


def published_statistics(dataset: Dataset) -> dict[str, Any]:
    """Every figure published about the published reports (see the module docstring), from
    the dataset's counts (kept up to date per record by load_dataset) or else counted here."""
    counts = dataset.counts if dataset.counts is not None else Counts.of(dataset.records)
    total = counts.total
    sla = service_levels(dataset)

    by_status = {s: 0 for s in STATUSES}
    by_status.update(counts.status)
    by_kind = {k: 0 for k in KINDS}
    by_kind.update(counts.kind)

    areas = area_names(dataset, counts)
    by_kecamatan = [
        {
            "kecamatan": k,
            "total": counts.kecamatan.get(k, 0),
            "without_kelurahan": counts.without_kelurahan.get(k, 0),
            "share": _share(counts.kecamatan.get(k, 0), total),
        }
        for k, _ in areas
    ]
    groups = {k: {kl: counts.kelurahan.get((k, kl), 0) for kl in kls} for k, kls in areas}
    marks = suppress_groups(groups)
    by_kelurahan = [
        {"kecamatan": k, "kelurahan": kl, "count": None if marks[k][kl] else n, "suppressed": marks[k][kl]}
        for k, cells in groups.items()
        for kl, n in cells.items()
    ]

    submitted_months = counts.month
    months = _months(min(submitted_months), max(submitted_months)) if submitted_months else []
    by_month = [{"month": m, "total": submitted_months.get(m, 0)} for m in months]

    # Reports without a category are left out of the cube: fewer cells, and the totals it
    # would otherwise have to match (per kecamatan, per month) then protect it further.
    categories = [c for c in dataset.categories] + sorted(
        {c for c in counts.category if c and c not in dataset.categories}
    )
    grid = {(k, c, m): counts.cube.get((k, c, m), 0) for k, _ in areas for c in categories for m in months}
    sensitive = {c for c, spec in dataset.categories.items() if spec.get("sensitive")}
    cube_marks = suppress_cube(grid, sensitive)
    cube = [
        {
            "kecamatan": k,
            "category": c,
            "month": m,
            "count": None if cube_marks[k, c, m] else n,
            "suppressed": cube_marks[k, c, m],
        }
        for (k, c, m), n in grid.items()
    ]

    return {
        "total": total,
        "by_status": by_status,
        "by_kind": by_kind,
        "by_agency": _agency_rows(counts, dataset),
        "by_category": _category_rows(counts, dataset),
        "by_kecamatan": by_kecamatan,
        "by_month": by_month,
        "service_times": {
            "verification": _durations(counts.verification, sla.get("verification_days")),
            "response": _durations(counts.response, sla.get("response_days")),
            "resolution": _durations(counts.resolution, None),
        },
        "by_kelurahan": by_kelurahan,
        "kecamatan_category_month": cube,
    }


def stats_json_blocks(published: dict[str, Any]) -> dict[str, Any]:
    """What stats.json adds to the dataset's counts: the same figures over published reports."""
    return {
        "published_by_status": published["by_status"],
        "published_by_kind": published["by_kind"],
        "published_by_agency": published["by_agency"],
        "published_by_category": [{k: v for k, v in row.items() if k != "name_en"} for row in published["by_category"]],
        "published_by_kecamatan": published["by_kecamatan"],
        "published_by_month": published["by_month"],
        "published_service_times": published["service_times"],
    }
