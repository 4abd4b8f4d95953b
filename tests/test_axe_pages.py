"""Every public page type passes axe-core (no serious or critical violation) on a 390 px
phone, and the statistics page is readable there (issue 10): charts legible, wide tables
scroll inside their box instead of widening the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from axe import blocking

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone(live, browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def page_types(site: str) -> list[str]:
    """One page of every type a visitor can reach, in both languages where there is one."""
    reports = requests.get(f"{site}/data/reports.json", timeout=10).json()["reports"]
    record = next(r for r in reports if r.get("agency"))
    paths = [
        "/",
        "/lapor/",
        "/lacak/",
        "/cari/",
        "/statistik/",
        "/data/",
        "/tentang/",
        "/transparansi/",
        f"/laporan/{record['tracking']}/",
        "/instansi/",
        f"/instansi/{record['agency']}/",
        "/status/",
        f"/status/{record['status']}/",
    ]
    english = ["/en/", "/en/lapor/", "/en/statistik/", "/en/lacak/"]
    return paths + english


def test_no_serious_or_critical_violation_on_any_public_page(live, phone) -> None:  # type: ignore[no-untyped-def]
    page = phone.new_page()
    found = {}
    for path in page_types(live.site):
        response = page.goto(live.site + path)
        if response is None or response.status == 404:
            continue  # a page type this build does not make (yet)
        assert response.status == 200, path
        if problems := blocking(page):
            found[path] = problems
    page.close()
    assert not found, "\n".join(f"{path}: {p}" for path, problems in found.items() for p in problems)


def test_the_statistics_page_reads_on_a_phone(live, phone) -> None:  # type: ignore[no-untyped-def]
    page = phone.new_page()
    page.goto(live.site + "/statistik/")
    # Nothing widens the page: wide tables scroll inside their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    league = page.locator("#league .table-scroll")
    assert league.count() == 1
    assert league.evaluate("e => e.scrollWidth > e.clientWidth")  # it does scroll, and says so
    assert page.locator("#league .scroll-hint").is_visible()
    # Chart labels stay legible: rendered at 11 px or more.
    sizes = page.evaluate("[...document.querySelectorAll('svg.chart text')].map(t => t.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 11, sorted(sizes)[:5]
    page.close()
