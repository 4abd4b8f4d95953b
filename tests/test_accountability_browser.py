"""The citizen's phone (issue 10): the report form takes photos with and without JavaScript,
in a real browser (Debian's chromium through Playwright) on the site `make run` serves."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import requests
from PIL import Image
from test_browser import fill_form

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("photos") / "lampu.jpg"
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 180, 20)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def photos_of(live, tracking: str) -> list[dict]:  # type: ignore[no-untyped-def]
    token = live.officer_token()
    response = requests.get(
        f"{live.api}/officer/reports/{tracking}", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert response.status_code == 200, response.text
    return list(response.json()["attachments"])


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_form_takes_a_photo(live, browser, photo: Path, javascript: bool) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live.site + "/lapor/")
    fill_form(page, "Lampu jalan padam, ada fotonya" + (" (JS)" if javascript else ""))
    page.set_input_files("input[name=photo]", str(photo))
    page.click("button[type=submit]")
    page.wait_for_selector("#tracking-number", state="visible", timeout=20000)
    tracking = page.inner_text("#tracking-number").strip()
    assert re.fullmatch(r"PSR-[0-9A-Z]{4}-[0-9A-Z]{4}", tracking)
    stored = photos_of(live, tracking)
    assert len(stored) == 1 and stored[0]["content_type"] == "image/jpeg"
    assert stored[0]["size"] == photo.stat().st_size and stored[0]["approved_at"] is None  # private until approved
    context.close()


def test_the_form_shows_a_similar_published_report_to_follow(live, browser) -> None:  # type: ignore[no-untyped-def]
    reports = requests.get(f"{live.site}/data/reports.json", timeout=10).json()["reports"]
    region = requests.get(f"{live.api}/region", timeout=10).json()
    sensitive = {c["id"] for c in region["categories"] if c.get("sensitive")}
    record = next(
        r
        for r in reports
        if r["status"] in ("verified", "in_progress")
        and r.get("kelurahan")
        and r.get("category")
        and r["category"] not in sensitive
        and len(r["title"]) >= 10
        and len(r["description"]) >= 20
    )
    page = browser.new_page()
    page.goto(live.site + "/lapor/")
    page.check("input[name=kind][value=complaint]")
    page.fill("input[name=title]", record["title"][:150])
    page.fill("textarea[name=description]", record["description"][:5000])
    page.select_option("select[name=category]", record["category"])
    page.select_option("select[name=kecamatan]", record["kecamatan"])
    page.select_option("select[name=kelurahan]", record["kelurahan"])
    page.click("button[type=submit]")
    page.wait_for_selector("#similar", state="visible", timeout=20000)
    assert "Apakah laporan Anda sama dengan ini?" in page.inner_text("#similar")
    links = page.locator("#similar-list a")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert any(h.endswith(f"/laporan/{record['tracking']}/") for h in hrefs)
    assert any(h.endswith(f"tracking={record['tracking']}") for h in hrefs)  # follow it instead
    page.close()
