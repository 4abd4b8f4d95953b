"""The officers' console in a real browser (Debian's chromium through Playwright) on the system
`make run` starts: an admin verifies a street-lighting report without touching the agency, an
agency officer works it from the queue to resolution with only valid actions offered, signs out
and the session is dead on the server; axe-core finds no serious or critical violation; the
layout fits a 390 px phone. One browser for the module."""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
import requests
from axe import describe, violations
from conftest import submission
from live import wait_until

pytestmark = pytest.mark.browser

PASSWORD = "kata-sandi-browser-1"
PHONE = {"width": 390, "height": 844}


def add_officer(live: Any, login: str, role: str, agency: str | None = None) -> None:
    args = ["officer", "add", "--name", f"Uji {login}", "--role", role, "--login", login, "--password-stdin"]
    result = live.aduan(*args, *(["--agency", agency] if agency else []), stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout


def public_page(live: Any, tracking: str, *needles: str) -> str:
    """The report's public page once the worker has published what the needles say."""
    url = f"{live.site}/laporan/{tracking}/"
    found: dict[str, str] = {}

    def shows() -> bool:
        answer = requests.get(url, timeout=5)
        found["html"] = answer.text if answer.status_code == 200 else ""
        return all(needle in found["html"] for needle in needles)

    assert wait_until(shows, timeout=60), f"the public page never showed {needles}"
    return found["html"]


def league_ratings(live: Any, agency: str) -> int:
    stats = requests.get(f"{live.site}/data/stats.json", timeout=5).json()
    return next((row["ratings"] for row in stats["league"] if row["agency"] == agency), 0)


def sign_in(page: Any, login: str) -> None:
    page.fill("#login-name", login)
    page.fill("#login-password", PASSWORD)
    page.click("#login button[type=submit]")
    page.wait_for_selector("#logout", state="visible", timeout=15000)


def offered(page: Any) -> list[str]:
    """The action buttons the console shows for the open report."""
    return page.eval_on_selector_all("#action-buttons button", "bs => bs.map(b => b.dataset.action)")


def no_blocking_violations(page: Any, where: str) -> None:
    found = violations(page)
    assert not found, f"axe on {where}:\n{describe(found)}"


def fits(page: Any) -> None:
    overflow = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.querySelector('header').scrollWidth,"
        " document.querySelector('header').clientWidth]"
    )
    assert overflow[0] <= PHONE["width"] and overflow[1] <= overflow[2], f"overflows a 390 px screen: {overflow}"


def open_from_queue(page: Any, tracking: str) -> None:
    page.click(f"#queue button[data-tracking='{tracking}']")
    page.wait_for_function(
        "t => document.getElementById('detail-title').textContent.includes(t)", arg=tracking, timeout=10000
    )


def test_a_report_is_worked_from_the_queue_to_resolution(live: Any, browser: Any) -> None:
    add_officer(live, "admin.browser", "admin")
    add_officer(live, "dishub.browser", "agency", "perhubungan")
    filed = requests.post(
        live.api + "/reports",
        json=submission(title="Lampu PJU padam di Jl. Panglima Sudirman", category="penerangan-jalan"),
        timeout=10,
    )
    assert filed.status_code == 201, filed.text
    tracking = filed.json()["tracking"]

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live.api + "/console")
    page.wait_for_selector("#signin", state="visible")
    no_blocking_violations(page, "the sign-in form")
    # Keyboard: the name, the password, then the button, in that order.
    page.focus("#login-name")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "login-password"

    # The admin desk verifies without touching "Instansi tujuan": the category's agency is chosen.
    sign_in(page, "admin.browser")
    fits(page)
    open_from_queue(page, tracking)
    assert page.input_value("#agency") == "perhubungan"
    assert offered(page)[0] == "verify" and "resolve" not in offered(page) and "progress" not in offered(page)
    assert page.evaluate("document.activeElement.id") in ("detail-title", "")
    no_blocking_violations(page, "the console with a received report open")
    fits(page)
    page.click("#action-buttons button[data-action=verify]")
    page.wait_for_function("() => document.getElementById('detail-title').textContent.includes('Diverifikasi')")
    history = page.inner_text("#history")
    assert "Uji admin.browser · Diverifikasi" in history and "Pelapor · Diterima" in history
    # The public page shows the step and the deadline of the next one (SP4N-LAPOR!'s levels).
    html = public_page(live, tracking, "Diverifikasi", 'class="deadline"')
    assert "Batas waktu tindak lanjut" in html, "the first follow-up's deadline"
    assert "officer:" not in history and "disunting" not in history  # no phantom edit
    assert "+6281234567890" in page.inner_text("#reporter")
    page.click("#logout")
    page.wait_for_selector("#signin", state="visible")
    # What the admin saw is wiped, not hidden: the next officer at this phone finds no reporter's
    # contact, no private text, no report and none of the admin's filters in the page.
    left = page.content()
    for seen in ("6281234567890", "slamet@example.com", "Slamet Riyadi", tracking, "Pasar Besar"):
        assert seen not in left, f"{seen!r} stayed in the page after signing out"
    assert page.input_value("#filter-status") == "received"

    # The agency officer works it from their queue.
    sign_in(page, "dishub.browser")
    page.wait_for_selector(f"#queue button[data-tracking='{tracking}']", timeout=10000)
    open_from_queue(page, tracking)
    assert offered(page) == ["progress", "note", "return"]  # no "Selesaikan" before any follow-up
    assert "menindaklanjuti" in page.inner_text("#next-step")
    page.fill("#note", "Petugas sudah mengganti lampu yang rusak kemarin sore.")
    page.click("#action-buttons button[data-action=progress]")
    page.wait_for_function("() => document.getElementById('detail-title').textContent.includes('Diproses')")
    assert offered(page)[:2] == ["progress", "resolve"] and "return" not in offered(page)
    page.fill("#note", "Lampu PJU sudah menyala kembali; mohon konfirmasi.")
    page.click("#action-buttons button[data-action=resolve]")
    page.wait_for_function("() => document.getElementById('detail-title').textContent.includes('Selesai')")
    assert "resolve" not in offered(page)
    no_blocking_violations(page, "the console with a resolved report open")
    fits(page)

    # Signing out ends the session on the server, not only in this browser.
    cookie = next(c for c in context.cookies() if c["name"] == "aduan_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    me = requests.get(live.api + "/officer/me", cookies={"aduan_session": cookie["value"]}, timeout=10)
    assert me.status_code == 200
    page.click("#logout")
    page.wait_for_selector("#signin", state="visible")
    after = requests.get(live.api + "/officer/me", cookies={"aduan_session": cookie["value"]}, timeout=10)
    assert after.status_code == 401
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    status = requests.get(f"{live.api}/reports/{tracking}", timeout=10).json()
    assert status["status"] == "resolved" and status["agency"] == "perhubungan"
    html = public_page(live, tracking, "Diproses", "Selesai", "Lampu PJU sudah menyala kembali")
    assert 'class="deadline"' in html  # now the deadline for the reporter's answer (auto-close)

    # The reporter confirms with a rating: it shows on the page and reaches the league table.
    ratings = league_ratings(live, "perhubungan")
    confirmed = requests.post(
        f"{live.api}/reports/{tracking}/feedback",
        json={"secret": filed.json()["secret"], "accept": True, "rating": 4, "note": "Terima kasih."},
        timeout=10,
    )
    assert confirmed.status_code == 200, confirmed.text
    public_page(live, tracking, "4 dari 5")
    assert wait_until(lambda: league_ratings(live, "perhubungan") == ratings + 1, timeout=30)
    context.close()


class StageGateway:
    """The API under "/api" only, as an API Gateway stage serves it: the real app in process
    (Chalice's local gateway, as `chalice local` runs it) behind a real HTTP server, over the
    test's data directory. Any other path is a 404, and is remembered."""

    def __init__(self) -> None:
        from app import app
        from chalice_wsgi import ChaliceWSGI

        inner, self.missed = ChaliceWSGI(app), []

        def staged(environ: dict[str, Any], start_response: Any) -> Any:
            path = environ.get("PATH_INFO") or "/"
            if path.startswith("/api/"):
                forwarded = {**environ, "PATH_INFO": path[len("/api") :]}
                if not int(environ.get("CONTENT_LENGTH") or 0):
                    forwarded.pop("CONTENT_TYPE", None)  # wsgiref's "text/plain" for a bodiless request
                return inner(forwarded, start_response)
            if path != "/favicon.ico":  # the browser's own request, not the console's
                self.missed.append(f"{environ['REQUEST_METHOD']} {path}")
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"Code": "NotFoundError", "Message": "not under the stage"}']

        class Server(ThreadingMixIn, WSGIServer):
            daemon_threads = True

        class Quiet(WSGIRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

        self.server = make_server("127.0.0.1", 0, staged, server_class=Server, handler_class=Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_console_works_under_an_api_gateway_stage_prefix(data_dir: Any, browser: Any) -> None:
    from chalicelib import config

    config.service().add_officer("Uji admin.stage", "admin", login="admin.stage", password=PASSWORD)
    gateway = StageGateway()
    api = gateway.url + "/api"
    try:
        filed = requests.post(api + "/reports", json=submission(title="Jalan berlubang di Jl. Hayam Wuruk"), timeout=10)
        assert filed.status_code == 201, filed.text
        tracking = filed.json()["tracking"]
        page = browser.new_page()
        page.goto(api + "/console")
        page.wait_for_selector("#signin", state="visible")
        sign_in(page, "admin.stage")
        page.wait_for_selector(f"#queue button[data-tracking='{tracking}']", timeout=10000)
        open_from_queue(page, tracking)
        page.click("#action-buttons button[data-action=verify]")
        page.wait_for_function("() => document.getElementById('detail-title').textContent.includes('Diverifikasi')")
        # The officer changes their password here: their session on another device ends.
        login = {"login": "admin.stage", "password": PASSWORD}
        elsewhere = requests.post(api + "/officer/login", json=login, timeout=10).cookies["aduan_session"]
        page.click("#password-box summary")
        page.fill("#password-login", "admin.stage")
        page.fill("#password-current", "bukan-sandinya-123")
        page.fill("#password-new", "sandi-baru-di-gerbang-1")
        page.click("#password-form button[type=submit]")
        page.wait_for_function("() => document.getElementById('message').textContent.includes('salah')")
        assert page.is_visible("#logout")  # a wrong current password does not sign this session out
        page.fill("#password-current", PASSWORD)
        page.fill("#password-new", "sandi-baru-di-gerbang-1")
        page.click("#password-form button[type=submit]")
        page.wait_for_function("() => document.getElementById('message').textContent.includes('sudah diganti')")
        assert "1 sesi lain diakhiri" in page.inner_text("#message")
        gone = requests.get(api + "/officer/me", cookies={"aduan_session": elsewhere}, timeout=10)
        assert gone.status_code == 401
        no_blocking_violations(page, "the console with the password form open")
        page.select_option("#filter-status", "verified")  # this session still works
        page.wait_for_selector(f"#queue button[data-tracking='{tracking}']", timeout=10000)
        page.click("#logout")
        page.wait_for_selector("#signin", state="visible")
        assert page.input_value("#password-login") == ""
        page.close()
        assert requests.get(f"{api}/reports/{tracking}", timeout=10).json()["status"] == "verified"
    finally:
        gateway.close()
    assert gateway.missed == [], f"the console called paths outside its stage: {gateway.missed}"


def test_the_axe_helper_sees_a_violation(browser: Any) -> None:
    """The check above can fail: an image without a text alternative is a critical violation."""
    page = browser.new_page()
    page.set_content('<!doctype html><html lang="id"><title>t</title><main><img src="data:,"></main></html>')
    assert [v["id"] for v in violations(page)] == ["image-alt"]
    page.close()
