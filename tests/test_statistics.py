"""The statistics pages: figures from the public reports, accessible charts, small cells hidden."""

from __future__ import annotations

import csv
import io
import random
import re
import statistics
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from aduan_site.build import build
from aduan_site.dataset import load_dataset
from aduan_site.statistics import published_statistics
from aduan_site.suppression import SMALL, WITHHELD, suppress_cube, suppress_groups
from site_fixtures import load_region, make_record, write_public_dataset

SVG = "{http://www.w3.org/2000/svg}"


def reports(site: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data/reports.csv").read_text(encoding="utf-8"), newline="")))


# -- small cells can be neither seen nor worked out ----------------------------------------------


def determined(unknowns: list[Any], equations: list[set[Any]]) -> set[Any]:
    """Unknowns whose value follows from the equations "these unknowns add up to a known
    number": exactly those whose unit vector is a row of the reduced row echelon form."""
    index = {u: i for i, u in enumerate(unknowns)}
    rows = [[Fraction(int(u in eq)) for u in unknowns] for eq in equations if eq & set(unknowns)]
    pivot_row = 0
    for col in range(len(unknowns)):
        pivot = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [v / lead for v in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    found = set()
    for row in rows:
        nonzero = [i for i, v in enumerate(row) if v != 0]
        if len(nonzero) == 1:
            found.add(unknowns[nonzero[0]])
    assert set(index)  # unknowns are hashable and distinct
    return found


def cube_equations(grid: dict[tuple[str, str, str], int], sensitive: set[str]) -> list[set[Any]]:
    """The published totals of the kecamatan × category × month table, as sets of cells."""
    kec = {k for k, _, _ in grid}
    cats = {c for _, c, _ in grid}
    months = {m for _, _, m in grid}
    equations = [{x for x in grid if x[0] == k} for k in kec]
    equations += [{x for x in grid if x[1] == c} for c in cats]
    equations += [{x for x in grid if x[2] == m} for m in months]
    equations += [{x for x in grid if x[0] == k and (x[1] in sensitive) == side} for k in kec for side in (True, False)]
    return equations


@pytest.mark.parametrize("seed", range(25))
def test_no_hidden_cube_cell_can_be_worked_out(seed: int) -> None:
    rng = random.Random(seed)
    kec = ["A", "B", "C"][: rng.randint(2, 3)]
    cats = ["c1", "c2", "c3", "c4"][: rng.randint(2, 4)]
    months = ["2026-01", "2026-02", "2026-03"][: rng.randint(1, 3)]
    sensitive = {"c1", "c2"} if rng.random() < 0.5 else set()
    grid = {(k, c, m): rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 30]) for k in kec for c in cats for m in months}
    marks = suppress_cube(grid, sensitive)
    hidden = [x for x, mark in marks.items() if mark]
    assert all(marks[x] == SMALL for x, n in grid.items() if n < 5)
    assert all(grid[x] >= 5 for x, mark in marks.items() if mark == WITHHELD)
    assert not determined(hidden, cube_equations(grid, sensitive)), (grid, marks)


def test_cube_hides_a_second_cell_where_one_would_be_a_total_minus_the_others() -> None:
    grid = {(k, c, m): 20 for k in ("A", "B") for c in ("x", "y") for m in ("2026-01", "2026-02")}
    grid["A", "x", "2026-01"] = 2
    marks = suppress_cube(grid, set())
    assert marks["A", "x", "2026-01"] == SMALL
    assert sum(mark == WITHHELD for mark in marks.values()) == 3  # the cheapest four-cell cycle
    hidden = [x for x, mark in marks.items() if mark]
    assert not determined(hidden, cube_equations(grid, set()))
    # Without the extra cells, the small one would follow from its kecamatan's total.
    assert determined([("A", "x", "2026-01")], cube_equations(grid, set())) == {("A", "x", "2026-01")}


def test_kelurahan_groups_never_hide_a_single_cell() -> None:
    marks = suppress_groups({"K1": {"a": 3, "b": 9, "c": 7}, "K2": {"a": 1, "b": 2, "c": 30}, "K3": {"a": 6, "b": 7}})
    assert marks["K1"] == {"a": SMALL, "b": None, "c": WITHHELD}  # the smallest other cell
    assert marks["K2"] == {"a": SMALL, "b": SMALL, "c": None}
    assert marks["K3"] == {"a": None, "b": None}
    for group in marks.values():
        assert sum(bool(m) for m in group.values()) != 1


def test_suppressed_cells_on_the_page(demo: Path) -> None:
    exact: dict[tuple[str, str], int] = {}
    for r in reports(demo):
        if r["kelurahan"]:
            exact[r["kecamatan"], r["kelurahan"]] = exact.get((r["kecamatan"], r["kelurahan"]), 0) + 1
    for page in ("statistik/index.html", "en/statistik/index.html"):
        html = (demo / page).read_text()
        table = html[html.index('id="table-kelurahan"') :]
        table = table[: table.index("</table>")]
        groups = re.findall(r'<tbody data-kecamatan="([^"]+)">(.*?)</tbody>', table, re.S)
        assert len(groups) == 4
        for kecamatan, body in groups:
            cells = re.findall(
                r'<tr data-key="([^"]+)"><th scope="row">[^<]+</th><td class="num[^"]*">([^<]+)</td>', body
            )
            assert len(cells) >= 6
            hidden = 0
            for kelurahan, text in cells:
                n = exact.get((kecamatan, kelurahan), 0)
                if text == "&lt;5":
                    assert n < 5
                    hidden += 1
                elif text == "≥5":
                    assert n >= 5
                    hidden += 1
                else:
                    assert int(text.replace(".", "").replace(",", "")) == n >= 5, (kecamatan, kelurahan)
            assert hidden != 1, kecamatan
        # The area × category × month tables print only what the CSV does.
        assert "table-cube-" in html
        for cell in re.findall(r'id="table-cube-.*?</table>', html, re.S):
            for value in re.findall(r'<td class="num">([^<]+)</td>', cell):
                assert value in ("&lt;5", "≥5") or int(value.replace(".", "").replace(",", "")) >= 5


# -- figures --------------------------------------------------------------------------------


def test_service_times_are_recomputed_from_reports_csv(demo: Path) -> None:
    rows = reports(demo)
    response = [int(r["response_workdays"]) for r in rows if r["response_workdays"]]
    resolution = [int(r["resolution_workdays"]) for r in rows if r["resolution_workdays"]]
    verification = [int(r["verification_workdays"]) for r in rows if r["verification_workdays"]]
    assert response and resolution and verification

    def printed(value: float, lang: str) -> str:
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if lang == "id" else text

    for page, lang in (("statistik/index.html", "id"), ("en/statistik/index.html", "en")):
        html = (demo / page).read_text()
        for key, values, standard in (
            ("verification", verification, 3),
            ("response", response, 5),
            ("resolution", resolution, None),
        ):
            row = re.search(rf'<tr data-key="{key}">(.*?)</tr>', html, re.S)
            assert row, (page, key)
            cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(1))
            assert cells[0] == str(len(values)) or cells[0] == f"{len(values):,}".replace(",", ".")
            assert cells[1] == printed(statistics.median(values), lang), (page, key)
            assert cells[2] == printed(round(statistics.fmean(values), 1), lang), (page, key)
            if standard is not None:
                within = sum(v <= standard for v in values)
                assert cells[3].startswith(f"{within} ("), (page, key, cells)


def test_monthly_trend_has_every_month(tmp_path: Path) -> None:
    region = load_region()
    records = [
        make_record(1, region, submitted="2026-01-10"),
        make_record(2, region, submitted="2026-04-02"),
        make_record(3, region, submitted="2026-04-20"),
    ]
    write_public_dataset(tmp_path / "public", records)
    figures = published_statistics(load_dataset(tmp_path / "public"))
    assert figures["by_month"] == [
        {"month": "2026-01", "total": 1},
        {"month": "2026-02", "total": 0},
        {"month": "2026-03", "total": 0},
        {"month": "2026-04", "total": 2},
    ]


# -- charts ---------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_charts_are_accessible_svg_followed_by_their_table(demo: Path) -> None:
    for page in ("statistik/index.html", "en/statistik/index.html"):
        html = (demo / page).read_text()
        charts = re.findall(r"<svg .*?</svg>", html, re.S)
        assert len(charts) == 5, page  # status, agency (all reports), category, month, kecamatan
        assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]
        for source in charts:
            svg = ET.fromstring(source)
            assert svg.get("role") == "img"
            title = svg.find(f"{SVG}title")
            desc = svg.find(f"{SVG}desc")
            assert title is not None and desc is not None and title.text and desc.text
            assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            assert re.search(r"\d", desc.text)  # the summary names the largest value
            background = svg.find(f"{SVG}rect").get("fill")
            assert int(svg.get("font-size")) >= 12
            for mark in svg.iter():
                if mark.tag in (f"{SVG}rect", f"{SVG}polyline", f"{SVG}circle") and mark is not svg.find(f"{SVG}rect"):
                    colour = mark.get("fill") if mark.get("fill") not in (None, "none") else mark.get("stroke")
                    assert contrast(colour, background) >= 3, colour
                if mark.tag == f"{SVG}text":
                    assert contrast(mark.get("fill"), background) >= 4.5
        # Each chart is followed by the table with its figures.
        assert len(re.findall(r"</svg></figure>\s*<table", html)) == len(charts), page
        ids = re.findall(r'\bid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), page


def test_statistics_pages_in_both_languages(demo: Path) -> None:
    indonesian = (demo / "statistik/index.html").read_text()
    english = (demo / "en/statistik/index.html").read_text()
    assert "Laporan publik menurut kategori" in indonesian and "Public reports by category" in english
    assert "Laporan publik menurut kelurahan" in indonesian and "Public reports by neighbourhood" in english
    assert "Median" in indonesian and "Mean" in english
    assert 'hreflang="en" href="/en/statistik/"' in indonesian


def test_statistics_of_an_empty_site(tmp_path: Path) -> None:
    result = build(tmp_path / "output", data_dir=tmp_path / "nothing")
    assert result.written > 5
    html = (tmp_path / "output/statistik/index.html").read_text()
    assert 'id="table-status"' in html and "<svg" not in html


def test_service_times_from_counts_equal_the_statistics_module() -> None:
    """The working-day figures come from counts (days → how many), not from every report's
    value: the median and mean must be exactly what statistics.median and fmean give."""
    import random
    import statistics as stats
    from collections import Counter

    from aduan_site.statistics import _durations

    rng = random.Random(8)
    for size in (1, 2, 3, 4, 7, 10, 51, 200):
        values = [rng.randint(0, 30) for _ in range(size)]
        figures = _durations(Counter(values), 3)
        assert figures["count"] == size
        assert figures["median"] == stats.median(values) and type(figures["median"]) is type(stats.median(values))
        assert figures["mean"] == round(stats.fmean(values), 1)
        assert figures["within"] == sum(v <= 3 for v in values)
    assert _durations(Counter(), None) == {"count": 0, "median": None, "mean": None}
