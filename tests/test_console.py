"""The officers' console through the real API (chalice.test.Client over a real SQLite store):
signing in with a password, the session cookie and its end, CSRF, login rate limits, and what
the console is given to work a day's reports (allowed actions, overdue first, filters, names)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from chalice.test import Client
from chalicelib import config, sessions
from chalicelib.clock import WIB
from chalicelib.errors import Unauthorized
from conftest import FakeClock, submission

PASSWORD = "kata-sandi-uji-123"
LOCAL = {"Host": "localhost:8000"}


def call(client: Client, method: str, path: str, body: Any = None, **headers: str) -> Any:
    if body is not None:
        headers.setdefault("Content-Type", "application/json")
    raw = body if isinstance(body, str) or body is None else json.dumps(body)
    return client.http.request(method, path, headers=headers, body=(raw or "").encode())


def sign_in(client: Client, login: str, password: str = PASSWORD, host: dict[str, str] = LOCAL) -> Any:
    return call(client, "POST", "/officer/login", {"login": login, "password": password}, **host)


def header(response: Any, name: str) -> str | None:
    return next((v for k, v in response.headers.items() if k.lower() == name), None)


def cookie_of(response: Any) -> str:
    """The Cookie header a browser would send back after this Set-Cookie."""
    return str(header(response, "set-cookie")).split(";")[0]


@pytest.fixture
def officers(data_dir) -> dict[str, str]:
    """Officers with console logins; their bearer tokens."""
    service = config.service()
    return {
        "admin": service.add_officer("Admin Kominfo", "admin", login="admin", password=PASSWORD)[1],
        "pupr": service.add_officer("Budi PUPR", "agency", "pupr", login="budi.pupr", password=PASSWORD)[1],
    }


def new_report(client: Client, **overrides: Any) -> str:
    response = call(client, "POST", "/reports", submission(**overrides))
    assert response.status_code == 201, response.json_body
    return str(response.json_body["tracking"])


# -- signing in -------------------------------------------------------------------------------


def test_sign_in_sets_a_session_cookie_that_scripts_cannot_read(client: Client, officers) -> None:
    response = sign_in(client, " Budi.PUPR ")
    assert response.status_code == 200, response.json_body
    assert response.json_body["name"] == "Budi PUPR" and response.json_body["agency"] == "pupr"
    assert "token" not in json.dumps(response.json_body) and PASSWORD not in json.dumps(response.json_body)
    attributes = [a.strip() for a in str(header(response, "set-cookie")).split(";")]
    assert attributes[0].startswith("aduan_session=") and len(attributes[0]) > 40
    assert {"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"} <= set(attributes)
    assert "Secure" not in attributes  # plain http on localhost: a browser would drop a Secure cookie
    me = call(client, "GET", "/officer/me", Cookie=cookie_of(response))
    assert me.status_code == 200 and me.json_body["name"] == "Budi PUPR"


def test_the_cookie_is_secure_off_localhost(client: Client, officers) -> None:
    response = sign_in(client, "admin", host={"Host": "api.aduan.example.go.id"})
    assert "Secure" in [a.strip() for a in str(header(response, "set-cookie")).split(";")]


def test_a_wrong_password_and_an_unknown_login_get_the_same_answer(client: Client, officers) -> None:
    wrong, unknown = sign_in(client, "admin", "salah-sandi-123"), sign_in(client, "nobody", "salah-sandi-123")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json_body == unknown.json_body
    assert wrong.json_body["Message"] == "Nama login atau kata sandi salah."
    assert header(wrong, "set-cookie") is None


def test_the_store_keeps_only_hashes(client: Client, officers, data_dir) -> None:
    session_id = cookie_of(sign_in(client, "admin")).split("=", 1)[1]
    raw = (data_dir / "aduan.db").read_bytes() + (data_dir / "aduan.db-wal").read_bytes()
    assert session_id.encode() not in raw and PASSWORD.encode() not in raw
    assert b"$argon2id$" in raw and sessions.hash_session_id(session_id).encode() in raw


def test_logout_ends_the_session_in_the_store(client: Client, officers) -> None:
    cookie = cookie_of(sign_in(client, "budi.pupr"))
    out = call(client, "POST", "/officer/logout", Cookie=cookie, **LOCAL)
    assert out.status_code == 200 and out.json_body == {"signed_out": True}
    assert "Max-Age=0" in str(header(out, "set-cookie"))
    # The old cookie, replayed (as a copy of it would be), no longer signs anybody in.
    after = call(client, "GET", "/officer/me", Cookie=cookie)
    assert after.status_code == 401 and after.json_body["Message"].startswith("Sesi Anda sudah berakhir")


def test_revoking_an_officer_ends_their_sessions(client: Client, officers) -> None:
    cookie = cookie_of(sign_in(client, "budi.pupr"))
    officer_id = call(client, "GET", "/officer/me", Cookie=cookie).json_body["id"]
    assert config.store().revoke_officer(officer_id)
    assert call(client, "GET", "/officer/me", Cookie=cookie).status_code == 401
    assert sign_in(client, "budi.pupr").status_code == 401


def test_a_cookie_request_that_changes_something_must_be_json(client: Client, officers) -> None:
    cookie = cookie_of(sign_in(client, "admin"))
    tracking = new_report(client)
    form = call(
        client,
        "POST",
        f"/officer/reports/{tracking}/actions",
        "action=verify",
        Cookie=cookie,
        **{"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code in (403, 415) and form.json_body["Code"] in ("ForbiddenError", "UnsupportedMediaType")
    as_json = call(client, "POST", f"/officer/reports/{tracking}/actions", {"action": "verify"}, Cookie=cookie)
    assert as_json.status_code == 200 and as_json.json_body["status"] == "verified"


def test_bearer_tokens_still_work(client: Client, officers) -> None:
    me = call(client, "GET", "/officer/me", Authorization=f"Bearer {officers['pupr']}")
    assert me.status_code == 200 and me.json_body["role"] == "agency"


def test_login_attempts_are_rate_limited_per_login(client: Client, officers, monkeypatch) -> None:
    monkeypatch.setenv("ADUAN_RATE_LOGIN_ACCOUNT", "3/900")
    answers = [sign_in(client, "admin", "tebak-tebakan-1").status_code for _ in range(4)]
    assert answers == [401, 401, 401, 429]
    # The right password does not get through either while the bucket is empty.
    blocked = sign_in(client, "admin")
    assert blocked.status_code == 429 and int(str(header(blocked, "retry-after"))) > 0
    assert sign_in(client, "budi.pupr").status_code == 200  # another officer is not locked out


def test_sessions_expire_when_idle_and_when_old(service, clock: FakeClock) -> None:
    service.add_officer("Ani", "admin", login="ani", password=PASSWORD)
    _, idle_id, _ = service.sign_in("ani", PASSWORD)
    _, busy_id, _ = service.sign_in("ani", PASSWORD)
    for _ in range(11):  # the busy session is used every hour; the idle one never
        clock.advance(hours=1)
        assert service.authenticate(None, f"aduan_session={busy_id}").name == "Ani"
    with pytest.raises(Unauthorized):
        service.authenticate(None, f"aduan_session={idle_id}")  # idle more than 8 hours
    clock.advance(minutes=59)
    assert service.authenticate(None, f"aduan_session={busy_id}").name == "Ani"  # 11 h 59 min old
    clock.advance(minutes=2)
    with pytest.raises(Unauthorized):
        service.authenticate(None, f"aduan_session={busy_id}")  # 12 hours old, however busy


def test_a_changed_password_is_the_one_that_works(service) -> None:
    service.add_officer("Ani", "admin", login="ani", password=PASSWORD)
    service.set_password("ani", "sandi-baru-yang-panjang")
    with pytest.raises(Unauthorized):
        service.sign_in("ani", PASSWORD)
    assert service.sign_in("ani", "sandi-baru-yang-panjang")[0].name == "Ani"


def test_changing_ones_password_ends_every_other_session(client: Client, officers) -> None:
    here, elsewhere = cookie_of(sign_in(client, "budi.pupr")), cookie_of(sign_in(client, "budi.pupr"))
    admins = cookie_of(sign_in(client, "admin"))
    change = {"login": "budi.pupr", "password": PASSWORD, "new_password": "sandi-baru-budi-42"}
    wrong = call(client, "POST", "/officer/password", {**change, "password": "bukan-sandinya"}, Cookie=here)
    assert wrong.status_code == 401 and call(client, "GET", "/officer/me", Cookie=elsewhere).status_code == 200
    # Another officer cannot change Budi's password with Budi's current one from their session.
    assert call(client, "POST", "/officer/password", change, Cookie=admins).status_code == 401
    changed = call(client, "POST", "/officer/password", change, Cookie=here)
    assert changed.status_code == 200 and changed.json_body == {"changed": True, "sessions_ended": 1}
    assert call(client, "GET", "/officer/me", Cookie=here).status_code == 200  # the session that asked
    gone = call(client, "GET", "/officer/me", Cookie=elsewhere)
    assert gone.status_code == 401 and gone.json_body["Message"].startswith("Sesi Anda sudah berakhir")
    assert call(client, "GET", "/officer/me", Cookie=admins).status_code == 200  # not Budi's
    assert sign_in(client, "budi.pupr").status_code == 401
    assert sign_in(client, "budi.pupr", "sandi-baru-budi-42").status_code == 200


def test_officer_passwd_ends_all_of_that_officers_sessions(client: Client, officers, data_dir) -> None:
    from test_cli import aduan

    budi = [cookie_of(sign_in(client, "budi.pupr")) for _ in range(2)]
    admin = cookie_of(sign_in(client, "admin"))
    changed = aduan(data_dir, "officer", "passwd", "Budi.PUPR", "--password-stdin", stdin="sandi-baru-budi-42\n")
    assert changed.returncode == 0, changed.stderr
    assert "2 console session(s) of budi.pupr ended" in changed.stdout
    assert [call(client, "GET", "/officer/me", Cookie=c).status_code for c in budi] == [401, 401]
    assert call(client, "GET", "/officer/me", Cookie=admin).status_code == 200
    assert sign_in(client, "budi.pupr", "sandi-baru-budi-42").status_code == 200


# -- the day's work ---------------------------------------------------------------------------


def test_the_officer_view_offers_only_what_the_lifecycle_allows(client: Client, officers) -> None:
    admin, pupr = (f"Bearer {officers[k]}" for k in ("admin", "pupr"))
    tracking = new_report(client, category="jalan-jembatan", title="Jalan berlubang di Jl. Veteran")
    view = call(client, "GET", f"/officer/reports/{tracking}", Authorization=admin).json_body
    assert view["allowed_actions"][0] == "verify" and "resolve" not in view["allowed_actions"]
    assert view["suggested_agency"] == "pupr" and view["next_step"].startswith("Periksa teks publik")
    call(client, "POST", f"/officer/reports/{tracking}/actions", {"action": "verify"}, Authorization=admin)
    view = call(client, "GET", f"/officer/reports/{tracking}", Authorization=pupr).json_body
    assert view["allowed_actions"] == ["progress", "note", "return"]
    refused = call(
        client, "POST", f"/officer/reports/{tracking}/actions", {"action": "resolve", "note": "x"}, Authorization=pupr
    )
    assert refused.status_code == 409 and refused.json_body["Message"].startswith("Laporan berstatus Diverifikasi")


def test_the_audit_trail_names_officers_and_verifying_unchanged_text_is_no_edit(client: Client, officers) -> None:
    admin = f"Bearer {officers['admin']}"
    tracking = new_report(client)
    shown = call(client, "GET", f"/officer/reports/{tracking}", Authorization=admin).json_body
    # The console sends the public text back as it showed it (the redacted original).
    body = {
        "action": "verify",
        "public_title": shown["public_title"],
        "public_description": shown["public_description"],
    }
    verified = call(client, "POST", f"/officer/reports/{tracking}/actions", body, Authorization=admin).json_body
    assert [u["type"] for u in verified["updates"]] == ["status", "status"]
    assert [u["actor_name"] for u in verified["updates"]] == ["Pelapor", "Admin Kominfo"]


def test_the_agency_is_the_categorys_when_none_is_chosen(client: Client, officers) -> None:
    admin = f"Bearer {officers['admin']}"
    tracking = new_report(client, category="penerangan-jalan")
    verified = call(client, "POST", f"/officer/reports/{tracking}/actions", {"action": "verify"}, Authorization=admin)
    expected = config.service().region.categories["penerangan-jalan"].agency
    assert verified.json_body["agency"] == expected != "air-minum"


def test_the_queue_puts_overdue_first_and_filters_by_kelurahan_and_overdue(client: Client, officers) -> None:
    from chalicelib.clock import now

    admin = f"Bearer {officers['admin']}"
    fresh = new_report(client, location={"kecamatan": "Panggungrejo", "kelurahan": "Trajeng"})
    late = new_report(client, location={"kecamatan": "Panggungrejo", "kelurahan": "Bugul Lor"})
    # Backdate one report's receipt: three weeks ago, its verification deadline has passed.
    store = config.store()
    report = store.get(late)
    report.submitted_at = report.updates[0].at = now() - timedelta(days=21)
    store.save([report])
    newest = new_report(client, location={"kecamatan": "Panggungrejo", "kelurahan": "Trajeng"})
    listed = call(client, "GET", "/officer/reports?status=received", Authorization=admin).json_body["reports"]
    # By the time of the last update the late report would come last; overdue, it comes first.
    assert listed[0]["tracking"] == late and {r["tracking"] for r in listed[1:]} == {newest, fresh}
    assert [r["overdue"] for r in listed] == [True, False, False]
    trajeng = call(client, "GET", "/officer/reports?kelurahan=trajeng", Authorization=admin).json_body["reports"]
    assert {r["tracking"] for r in trajeng} == {fresh, newest}
    only_late = call(client, "GET", "/officer/reports?overdue=1", Authorization=admin).json_body["reports"]
    assert [r["tracking"] for r in only_late] == [late]


def test_a_filtered_queue_pages_with_a_cursor(client: Client, officers) -> None:
    admin = f"Bearer {officers['admin']}"
    trajeng = {new_report(client, location={"kecamatan": "Panggungrejo", "kelurahan": "Trajeng"}) for _ in range(3)}
    new_report(client, location={"kecamatan": "Panggungrejo", "kelurahan": "Bugul Lor"})
    seen, cursor = [], ""
    while True:
        page = call(client, "GET", f"/officer/reports?kelurahan=Trajeng&limit=2{cursor}", Authorization=admin)
        seen += [r["tracking"] for r in page.json_body["reports"]]
        if page.json_body["next_cursor"] is None:
            break
        cursor = "&cursor=" + page.json_body["next_cursor"]
    assert sorted(seen) == sorted(trajeng)


def test_the_queue_lists_every_overdue_report_first_across_pages(client: Client, officers, monkeypatch) -> None:
    """More than a page of reports of many ages (ADUAN_NOW sets each moment): listed four at a
    time, every overdue report comes before every other one, the longest overdue first, and
    no report is listed twice or missed."""
    admin = f"Bearer {officers['admin']}"
    today = datetime(2026, 3, 30, 10, 0, tzinfo=WIB)

    def at(days_ago: int) -> None:
        monkeypatch.setenv("ADUAN_NOW", (today - timedelta(days=days_ago)).isoformat())

    def act(tracking: str, days_ago: int, **action: str) -> None:
        at(days_ago)
        done = call(client, "POST", f"/officer/reports/{tracking}/actions", action, Authorization=admin)
        assert done.status_code == 200, done.json_body

    age: dict[str, int] = {}
    for days_ago in (0, 45, 1, 20, 0, 33, 2, 60, 0, 27, 1, 38):  # received, never verified
        at(days_ago)
        age[new_report(client, title=f"Laporan berumur {days_ago} hari di Trajeng")] = days_ago
    late_answer, prompt, worked = (new_report(client, title=f"Laporan diverifikasi {n}") for n in ("a", "b", "c"))
    act(late_answer, 24, action="verify")  # the first follow-up was due long ago
    act(prompt, 2, action="verify")  # verified two days ago: the follow-up is not due yet
    act(worked, 49, action="verify")
    act(worked, 48, action="progress", note="Petugas sudah turun ke lokasi.")  # no deadline runs
    at(0)

    def pages(query: str) -> list[list[dict[str, Any]]]:
        found, cursor = [], ""
        while True:
            page = call(client, "GET", f"/officer/reports?limit=4{query}{cursor}", Authorization=admin).json_body
            found.append(page["reports"])
            if page["next_cursor"] is None:
                return found
            cursor = "&cursor=" + page["next_cursor"]

    queue = pages("")
    listed = [r for page in queue for r in page]
    trackings = [r["tracking"] for r in listed]
    assert len(queue) >= 4 and len(trackings) == len(set(trackings)) == len(age) + 3
    assert set(trackings) == set(age) | {late_answer, prompt, worked}
    flags = [r["overdue"] for r in listed]
    assert flags == sorted(flags, reverse=True), f"an overdue report after one that is not: {flags}"
    late = [r for r in listed if r["overdue"]]
    assert [r["due"] for r in late] == sorted(r["due"] for r in late)  # the longest overdue first
    assert {r["tracking"] for r in late} == {t for t, days in age.items() if days >= 20} | {late_answer}
    assert late[0]["tracking"] == next(t for t, days in age.items() if days == 60)
    # The overdue filter pages through the same reports, in the same order.
    only_late = [r["tracking"] for page in pages("&overdue=1") for r in page]
    assert only_late == [r["tracking"] for r in late]


def test_reports_filed_within_one_second_are_listed_in_the_order_they_came(client: Client, officers) -> None:
    admin = f"Bearer {officers['admin']}"
    filed = [new_report(client, title=f"Laporan beruntun nomor {n} di Trajeng") for n in range(5)]
    listed = call(client, "GET", "/officer/reports?status=received", Authorization=admin).json_body["reports"]
    assert [r["tracking"] for r in listed] == filed[::-1]
    # Kept to the microsecond: not rounded to the second, where ties fall to the tracking number.
    assert all("." in r["updated_at"] for r in listed) and len({r["updated_at"] for r in listed}) == 5


def test_the_console_page_keeps_no_token_field_and_no_local_storage(client: Client) -> None:
    page = call(client, "GET", "/console").body.decode()
    assert 'id="token"' not in page and "localStorage" not in page and "sessionStorage" not in page
    assert 'type="password"' in page and 'autocomplete="current-password"' in page


# -- the command line ---------------------------------------------------------------------------


def test_officer_add_and_passwd_give_passwords_that_sign_in(data_dir) -> None:
    from test_cli import aduan

    given = aduan(
        data_dir,
        "officer",
        "add",
        "--name",
        "Sri Lestari",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert given.returncode == 0, given.stderr
    assert "console login: sri.lestari" in given.stdout and PASSWORD not in given.stdout
    assert given.stdout.splitlines()[-1].startswith("token (shown once")
    assert config.service().sign_in("sri.lestari", PASSWORD)[0].name == "Sri Lestari"
    printed = aduan(data_dir, "officer", "add", "--name", "Sri Lestari", "--role", "auditor")
    first = printed.stdout.split("`aduan officer passwd`): ")[1].split()[0]
    assert "console login: sri.lestari.2" in printed.stdout
    assert config.service().sign_in("sri.lestari.2", first)[0].role == "auditor"
    changed = aduan(data_dir, "officer", "passwd", "sri.lestari")
    new = changed.stdout.split("(shown once): ")[1].strip()
    with pytest.raises(Unauthorized):
        config.service().sign_in("sri.lestari", PASSWORD)
    assert config.service().sign_in("sri.lestari", new)[0].name == "Sri Lestari"
    short = aduan(data_dir, "officer", "passwd", "sri.lestari", "--password-stdin", stdin="pendek\n")
    assert short.returncode == 1 and "Kata sandi harus 10–200 karakter" in short.stderr
