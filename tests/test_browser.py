"""A real browser (Debian's chromium through Playwright) on the site `make run` serves."""

from __future__ import annotations

import re

import pytest
import requests
from live import wait_until

pytestmark = pytest.mark.browser


def fill_form(page, title: str) -> None:  # type: ignore[no-untyped-def]
    page.check("input[name=kind][value=complaint]") if page.locator(
        "input[name=kind][type=radio]"
    ).count() else page.select_option("select[name=kind]", "complaint")
    page.fill("input[name=title]", title)
    page.fill("textarea[name=description]", "Sudah tiga minggu lampu jalan di depan SDN Trajeng padam total.")
    page.select_option("select[name=category]", "penerangan-jalan")
    page.select_option("select[name=kecamatan]", "Panggungrejo")
    page.select_option("select[name=kelurahan]", "Trajeng")
    page.fill("input[name=name]", "Bambang Sutrisno")
    page.fill("input[name=phone]", "0813-2222-3333")


def test_report_filed_in_the_browser_appears_verified(live, browser) -> None:
    page = browser.new_page()
    page.goto(live.site + "/lapor/")
    fill_form(page, "Lampu jalan padam di Trajeng")
    page.click("button[type=submit]")
    page.wait_for_selector("#tracking-number", state="visible", timeout=15000)
    tracking = page.inner_text("#tracking-number").strip()
    assert re.fullmatch(r"PSR-[0-9A-Z]{4}-[0-9A-Z]{4}", tracking)
    assert page.inner_text("#tracking-secret").strip()

    token = live.officer_token()
    response = requests.post(
        f"{live.api}/officer/reports/{tracking}/actions",
        json={"action": "verify"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert response.status_code == 200

    url = f"{live.site}/laporan/{tracking}/"
    assert wait_until(lambda: requests.get(url, timeout=5).status_code == 200, timeout=30), "the worker did not rebuild"
    page.goto(url)
    assert "Diverifikasi" in page.inner_text("main")
    assert "Bambang" not in page.content() and "2222" not in page.content()
    page.close()


def test_inline_validation_names_the_field(live, browser) -> None:
    page = browser.new_page()
    page.goto(live.site + "/lapor/")
    page.fill("input[name=title]", "pendek")
    page.click("button[type=submit]")
    page.wait_for_selector("input[name=title][aria-invalid=true]", timeout=5000)
    described = page.get_attribute("input[name=title]", "aria-describedby")
    assert described and page.inner_text(f"#{described.split()[0]}").strip()
    page.close()


def test_the_form_works_without_javascript(live, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live.site + "/lapor/")
    fill_form(page, "Lampu jalan padam tanpa JavaScript")
    page.click("button[type=submit]")
    page.wait_for_selector("#tracking-number", timeout=15000)
    tracking = page.inner_text("#tracking-number").strip()
    assert requests.get(f"{live.api}/reports/{tracking}", timeout=5).json()["status"] == "received"
    context.close()


def test_officer_reviews_the_public_text_in_the_console(live, browser) -> None:
    body = {
        "kind": "complaint",
        "title": "Got mampet di Gang Mawar",
        "category": "drainase-banjir",
        "description": "Saluran di Gang Mawar mampet. Hubungi saya di 0857-4444-3333 kalau perlu survei.",
        "location": {"kecamatan": "Purworejo", "kelurahan": "Pohjentrek"},
        "reporter": {"name": "Nanik Rahayu"},
    }
    tracking = requests.post(live.api + "/reports", json=body, timeout=10).json()["tracking"]
    added = live.aduan(
        *("officer", "add", "--name", "Tes sunting", "--role", "admin", "--login", "tes.sunting", "--password-stdin"),
        stdin="kata-sandi-sunting\n",
    )
    assert added.returncode == 0, added.stderr
    token = added.stdout.split("token (shown once, keep it secret): ")[1].strip()
    page = browser.new_page()
    page.goto(live.api + "/console")
    page.fill("#login-name", "tes.sunting")
    page.fill("#login-password", "kata-sandi-sunting")
    page.click("#login button[type=submit]")
    page.click(f"button[data-tracking='{tracking}']")
    page.wait_for_function("document.getElementById('public-description').value.length > 0")
    redacted = page.input_value("#public-description")
    assert "[TELEPON]" in redacted and "4444" not in redacted
    assert "0857-4444-3333" in page.inner_text("#orig-description")  # the original stays visible to the officer
    page.fill("#public-description", "Saluran di Gang Mawar mampet dan meluap saat hujan.")
    page.click("button[data-action=verify]")
    page.wait_for_selector("#message.ok", timeout=10000)
    url = f"{live.site}/laporan/{tracking}/"
    assert wait_until(lambda: requests.get(url, timeout=5).status_code == 200, timeout=30)
    assert "meluap saat hujan" in requests.get(url, timeout=5).text
    detail = requests.get(
        f"{live.api}/officer/reports/{tracking}", headers={"Authorization": f"Bearer {token}"}, timeout=5
    ).json()
    assert any(u["type"] == "edit" and not u["public"] for u in detail["updates"])  # the edit is audited
    page.close()


def test_refusals_follow_the_language_of_the_page(live, browser) -> None:
    """/lacak/ answers in Bahasa Indonesia and /en/lacak/ in English, with and without JavaScript."""
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        for path, expected in (("/lacak/", "bukan nomor lacak"), ("/en/lacak/", "is not a tracking number")):
            page.goto(live.site + path)
            page.fill("#track-tracking", "ZZZ-12")
            page.click("#track-form button[type=submit]")
            if javascript:
                page.wait_for_selector("#track-error:not([hidden])", timeout=10000)
                text = page.inner_text("#track-error")
            else:
                page.wait_for_load_state()
                text = page.inner_text("main")
                assert page.get_attribute("html", "lang") == ("en" if path.startswith("/en/") else "id")
            assert expected in text, (javascript, path, text)
        context.close()
