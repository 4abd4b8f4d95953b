"""The API through chalice.test.Client: the whole path, roles, and one error shape everywhere."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

import pytest
from chalice.test import Client
from conftest import submission


def post(client: Client, path: str, body: Any, token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return client.http.post(path, headers=headers, body=json.dumps(body))


def get(client: Client, path: str, token: str | None = None) -> Any:
    return client.http.get(path, headers={"Authorization": f"Bearer {token}"} if token else {})


def submit(client: Client, **overrides: Any) -> dict[str, Any]:
    response = post(client, "/reports", submission(**overrides))
    assert response.status_code == 201, response.body
    return response.json_body


def test_the_whole_path(client: Client, tokens: dict[str, str]) -> None:
    receipt = submit(client)
    tracking, secret = receipt["tracking"], receipt["secret"]
    assert re.fullmatch(r"PSR-[0-9A-Z]{4}-[0-9A-Z]{4}", tracking)
    status = get(client, f"/reports/{tracking}").json_body
    assert status["status"] == "received" and status["status_label"] == "Diterima" and not status["published"]

    verified = post(client, f"/officer/reports/{tracking}/actions", {"action": "verify"}, tokens["admin"]).json_body
    assert verified["status"] == "verified" and verified["agency"] == "perhubungan"  # the category's agency
    step = post(
        client,
        f"/officer/reports/{tracking}/actions",
        {"action": "progress", "note": "Tim survei"},
        tokens["perhubungan"],
    )
    assert step.status_code == 200 and step.json_body["status"] == "in_progress"
    done = post(
        client,
        f"/officer/reports/{tracking}/actions",
        {"action": "resolve", "note": "Lampu diganti"},
        tokens["perhubungan"],
    )
    assert done.json_body["status"] == "resolved"

    assert post(client, f"/reports/{tracking}/feedback", {"secret": "wrong", "accept": False}).status_code == 403
    disputed = post(client, f"/reports/{tracking}/feedback", {"secret": secret, "accept": False, "note": "Masih mati"})
    assert disputed.json_body["status"] == "in_progress"
    more = post(client, f"/reports/{tracking}/followups", {"secret": secret, "text": "Lampu kedua juga mati."})
    assert more.status_code == 200

    history = get(client, f"/reports/{tracking}").json_body["timeline"]
    assert [e["status"] for e in history if e["type"] == "status"] == [
        "received",
        "verified",
        "in_progress",
        "resolved",
        "in_progress",
    ]
    assert history[-1]["type"] == "reporter"


def test_form_post_answers_html_with_tracking_and_secret(client: Client) -> None:
    fields = {
        "kind": "complaint",
        "title": "Sampah menumpuk di TPS",
        "description": "Sampah tidak diangkut lima hari.",
        "category": "sampah-kebersihan",
        "kecamatan": "Bugul Kidul",
        "kelurahan": "Kepel",
        "website": "",
    }
    response = client.http.post(
        "/reports", headers={"Content-Type": "application/x-www-form-urlencoded"}, body=urlencode(fields)
    )
    assert response.status_code == 201
    page = response.body.decode()
    assert response.headers["Content-Type"].startswith("text/html")
    tracking = re.search(r'id="tracking-number">([^<]+)<', page).group(1)
    assert get(client, f"/reports/{tracking}").json_body["status"] == "received"


def test_form_errors_answer_html_naming_the_fields(client: Client) -> None:
    response = client.http.post(
        "/reports",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        body=urlencode({"kind": "complaint", "title": "x"}),
    )
    assert response.status_code == 400
    assert b"<strong>Judul</strong>" in response.body and b"<strong>Kecamatan</strong>" in response.body


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kind": "gossip"}, "kind"),
        ({"title": "pendek"}, "title"),
        ({"description": "terlalu pendek"}, "description"),
        ({"category": "ufo"}, "category"),
        ({"location": {"kecamatan": "Atlantis"}}, "kecamatan"),
        ({"location": {"kecamatan": "Gadingrejo", "kelurahan": "Trajeng"}}, "kelurahan"),
        ({"reporter": {"phone": "12345"}}, "phone"),
        ({"reporter": {"email": "bukan-email"}}, "email"),
        ({"reporter": {"nik": "1234"}}, "nik"),
        ({"website": "http://spam.example"}, "website"),
    ],
)
def test_bad_submissions_name_the_field_and_store_nothing(client: Client, overrides: dict, field: str) -> None:
    from chalicelib import config

    response = post(client, "/reports", submission(**overrides))
    assert response.status_code == 400
    assert response.json_body["Code"] == "BadRequestError" and field in response.json_body["Fields"]
    assert config.store().count() == 0


def test_roles(client: Client, tokens: dict[str, str]) -> None:
    tracking = submit(client, category="jalan-jembatan")["tracking"]
    actions = f"/officer/reports/{tracking}/actions"
    assert post(client, actions, {"action": "verify"}, tokens["pupr"]).status_code == 403  # agencies don't verify
    assert post(client, actions, {"action": "verify"}, tokens["auditor"]).status_code == 403
    assert post(client, actions, {"action": "verify"}, tokens["admin"]).status_code == 200
    assert post(client, actions, {"action": "progress", "note": "x"}, tokens["perhubungan"]).status_code == 403
    assert get(client, f"/officer/reports/{tracking}", tokens["perhubungan"]).status_code == 403
    assert get(client, f"/officer/reports/{tracking}", tokens["auditor"]).status_code == 200
    listed = get(client, "/officer/reports", tokens["pupr"]).json_body["reports"]
    assert [r["tracking"] for r in listed] == [tracking]
    assert get(client, "/officer/reports", tokens["perhubungan"]).json_body["reports"] == []
    assert get(client, "/officer/reports?agency=pupr", tokens["perhubungan"]).status_code == 403


def test_anonymous_reporters_are_hidden_from_the_agency(client: Client, tokens: dict[str, str]) -> None:
    tracking = submit(client, anonymous=True)["tracking"]
    post(client, f"/officer/reports/{tracking}/actions", {"action": "verify"}, tokens["admin"])
    assert get(client, f"/officer/reports/{tracking}", tokens["perhubungan"]).json_body["reporter"] is None
    assert get(client, f"/officer/reports/{tracking}", tokens["admin"]).json_body["reporter"]["name"] == "Slamet Riyadi"


def test_no_wrong_door(client: Client, tokens: dict[str, str]) -> None:
    tracking = submit(client)["tracking"]
    actions = f"/officer/reports/{tracking}/actions"
    refused = post(client, actions, {"action": "forward", "note": "Bukan wilayah kota"}, tokens["admin"])
    assert refused.status_code == 400 and "forwarded_to" in refused.json_body["Fields"]
    post(client, actions, {"action": "verify"}, tokens["admin"])
    back = post(client, actions, {"action": "return", "note": "PJU kewenangan PLN"}, tokens["perhubungan"])
    assert back.status_code == 200 and back.json_body["agency"] is None
    forwarded = post(
        client, actions, {"action": "forward", "forwarded_to": "pln-pasuruan", "note": "Ranah PLN"}, tokens["admin"]
    ).json_body
    assert forwarded["status"] == "rejected" and forwarded["rejection_reason"] == "out_of_jurisdiction"
    assert forwarded["forwarded_to"] == "PT PLN (Persero) UP3 Pasuruan"


def test_illegal_transition_is_a_conflict_and_changes_nothing(client: Client, tokens: dict[str, str]) -> None:
    tracking = submit(client)["tracking"]
    response = post(client, f"/officer/reports/{tracking}/actions", {"action": "resolve", "note": "x"}, tokens["admin"])
    assert response.status_code == 409
    assert response.json_body["Message"].startswith("Laporan berstatus Diterima tidak bisa langsung diselesaikan")
    assert get(client, f"/reports/{tracking}").json_body["status"] == "received"


ERROR_CASES = [
    ("GET", "/reports/NOT-A-NUMBER", None, 404),
    ("GET", "/reports/PSR-0000-0000", None, 404),
    ("POST", "/reports", "[1, 2]", 400),
    ("POST", "/reports", "{bad json", 400),
    ("POST", "/reports/PSR-0000-0000/followups", {"secret": "x", "text": "hello there"}, 404),
    ("POST", "/reports/PSR-0000-0000/feedback", {"secret": "x", "accept": True}, 404),
    ("POST", "/reports/PSR-0000-0000/photos", {"secret": "x", "data": "AAAA"}, 404),
    ("GET", "/officer/reports/PSR-0000-0000/photos/abc", None, 401),
    ("GET", "/officer/me", None, 401),
    ("POST", "/officer/login", {"login": "nobody", "password": "not-the-password"}, 401),
    ("POST", "/officer/login", {"login": "nobody"}, 400),
    ("POST", "/officer/logout", None, 401),
    ("POST", "/officer/password", {"login": "nobody", "password": "x", "new_password": "y"}, 401),
    ("POST", "/officer/password", {"login": "nobody"}, 400),
    ("GET", "/officer/publication", None, 401),
    ("GET", "/officer/reports", None, 401),
    ("GET", "/officer/reports/PSR-0000-0000", None, 401),
    ("POST", "/officer/reports/PSR-0000-0000/actions", {"action": "verify"}, 401),
    ("GET", "/officer/reports?limit=many", "admin", 400),
    ("GET", "/officer/reports?status=lost", "admin", 400),
    ("GET", "/officer/reports?cursor=not-one-we-gave", "admin", 400),
]


@pytest.mark.parametrize(("method", "path", "body", "status"), ERROR_CASES)
def test_every_error_has_one_shape(
    client: Client, tokens: dict[str, str], method: str, path: str, body: Any, status: int
) -> None:
    headers = {"Content-Type": "application/json"}
    if body == "admin":
        headers["Authorization"] = f"Bearer {tokens['admin']}"
        body = None
    payload = body if isinstance(body, str) or body is None else json.dumps(body)
    response = client.http.request(method, path, headers=headers, body=(payload or "").encode())
    assert response.status_code == status
    error = response.json_body
    assert set(error) <= {"Code", "Message", "Fields"} and error["Code"].endswith("Error") and error["Message"]


def test_error_cases_cover_every_route_with_a_path_or_a_body() -> None:
    from app import app

    covered = {re.sub(r"PSR-0000-0000", "{tracking}", p.split("?")[0]) for _, p, _, _ in ERROR_CASES}
    covered = {p.replace("/photos/abc", "/photos/{photo}") for p in covered}
    covered = {re.sub(r"NOT-A-NUMBER", "{tracking}", p) for p in covered}
    needs = {
        path
        for path, methods in app.routes.items()
        if ("{" in path or "POST" in methods or path.startswith("/officer")) and not path.startswith("/{p0}")
    }
    needs -= {"/track", "/followups", "/feedback"}  # HTML answers for the no-JS forms, tested on their own
    assert needs <= covered, needs - covered


def test_openapi_document_matches_the_routes(client: Client) -> None:
    from app import app

    spec = get(client, "/openapi.json").json_body
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    # The catch-all routes that answer unknown paths with 404 are not part of the API.
    routed = {(p, m) for p, methods in app.routes.items() for m in methods if not p.startswith("/{p0}")}
    assert documented == routed


def test_track_page_without_javascript(client: Client) -> None:
    tracking = submit(client)["tracking"]
    page = client.http.get(f"/track?tracking={tracking.lower()}").body.decode()
    assert "Diterima" in page and tracking in page
    assert client.http.get("/track?tracking=zzz").status_code == 404


def test_no_js_followup_and_feedback_forms(client: Client, tokens: dict[str, str]) -> None:
    receipt = submit(client)
    tracking, secret = receipt["tracking"], receipt["secret"]
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    added = client.http.post(
        "/followups",
        headers=form,
        body=urlencode({"tracking": tracking, "secret": secret, "text": "Foto menyusul besok."}),
    )
    assert added.status_code == 200 and b"Informasi tambahan" in added.body
    wrong = client.http.post(
        "/followups", headers=form, body=urlencode({"tracking": tracking, "secret": "salah", "text": "Foto menyusul."})
    )
    assert wrong.status_code == 403 and wrong.headers["Content-Type"].startswith("text/html")
    for action, note in (("verify", ""), ("progress", "Dicek"), ("resolve", "Sudah diganti")):
        token = tokens["admin"] if action == "verify" else tokens["perhubungan"]
        post(client, f"/officer/reports/{tracking}/actions", {"action": action, "note": note}, token)
    accepted = client.http.post(
        "/feedback", headers=form, body=urlencode({"tracking": tracking, "secret": secret, "accept": "1"})
    )
    assert accepted.status_code == 200 and b"Selesai" in accepted.body
    status = get(client, f"/reports/{tracking}").json_body
    assert status["closed"] and status["status"] == "resolved"
    again = client.http.post(
        "/feedback", headers=form, body=urlencode({"tracking": tracking, "secret": secret, "accept": "0", "note": "x"})
    )
    assert again.status_code == 409  # a closed report cannot be reopened


def test_autoclose_after_ten_working_days(service, clock) -> None:
    report, _ = service.submit(submission())
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    for action in ("verify", "progress", "resolve"):
        service.act(admin, report.tracking, {"action": action, "note": "ok"})
    clock.advance(days=13)  # Monday 2 March + 13 days = Sunday 15 March: 9 working days
    assert service.autoclose() == 0
    clock.advance(days=1)
    assert service.autoclose() == 1 and service.report(report.tracking).closed_at is not None
    assert service.autoclose() == 0


def test_publication_status_for_officers(client: Client, tokens: dict[str, str]) -> None:
    assert get(client, "/officer/publication", tokens["auditor"]).json_body == {
        "refused": False,
        "problems": [],
        "held": [],
    }


def test_revoked_token_is_refused(client: Client, tokens: dict[str, str]) -> None:
    from chalicelib import config

    officer = config.service().authenticate(f"Bearer {tokens['pupr']}")
    assert config.store().revoke_officer(officer.id)
    response = get(client, "/officer/me", tokens["pupr"])
    assert response.status_code == 401 and "dicabut" in response.json_body["Message"]


def test_the_officer_desk_pages_with_a_cursor(client: Client, tokens: dict[str, str]) -> None:
    submitted = [submit(client)["tracking"] for _ in range(5)]
    seen, cursor = [], None
    while True:
        page = get(client, "/officer/reports?limit=2" + (f"&cursor={cursor}" if cursor else ""), tokens["admin"])
        assert page.status_code == 200, page.body
        seen += [r["tracking"] for r in page.json_body["reports"]]
        cursor = page.json_body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(submitted) and len(seen) == 5
    everything = get(client, "/officer/reports", tokens["admin"]).json_body
    assert [r["tracking"] for r in everything["reports"]] == seen and everything["next_cursor"] is None
