"""The authorisation matrix: every role × every officer action and endpoint × own/other agency,
through the real API (chalice.test.Client, real SQLite store, console session cookies and bearer
tokens). The expected answers come from one table, WHO_MAY below, written from the roles'
description in officers.py (admin runs the desk, an agency works its own reports, an auditor
reads); it is not read from the code under test.

Every allowed case acts on a fresh report in a state where the lifecycle allows the action, so
an allowed case answers 200 (409 only where the state cannot be made: the gate holds nothing)
and a denied case 403 (401 without a live session), leaving the report as it was. Where the
officer may see the report, the view's `allowed_actions` must agree with what the API did.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from chalice.test import Client
from chalicelib import config, sessions
from chalicelib.clock import now
from conftest import submission

PASSWORD = "kata-sandi-matriks-1"
OWN, OTHER = "pupr", "perhubungan"

# The one table: which roles may take each action (agency officers: on their own agency's reports only).
WHO_MAY: dict[str, set[str]] = {
    "verify": {"admin"},
    "route": {"admin"},
    "forward": {"admin"},
    "reject": {"admin"},
    "edit": {"admin"},
    "approve_attachment": {"admin"},
    "review_spam": {"admin"},
    "override_gate": {"admin"},
    "progress": {"admin", "agency"},
    "note": {"admin", "agency"},
    "resolve": {"admin", "agency"},
    "return": {"agency"},
}
# Who may read what: "all" every signed-in officer, "own" admin, auditor and the report's agency.
READS: dict[str, str] = {
    "GET /officer/me": "all",
    "GET /officer/publication": "all",
    "GET /officer/reports": "all",
    "GET /officer/reports?agency=pupr": "own",
    "GET /officer/reports/{tracking}": "own",
    "GET /officer/reports/{tracking}/photos/{photo}": "own",
}
# Who is asking: (role, agency relation, credential).
CALLERS: dict[str, tuple[str | None, str | None, str]] = {
    "admin": ("admin", None, "session"),
    "agency-own": ("agency", "own", "session"),
    "agency-other": ("agency", "other", "session"),
    "auditor": ("auditor", None, "session"),
    "admin-token": ("admin", None, "bearer"),
    "agency-own-token": ("agency", "own", "bearer"),
    "agency-other-token": ("agency", "other", "bearer"),
    "nobody": (None, None, "none"),
    "signed-out": ("admin", None, "ended"),
    "expired": ("agency", "own", "expired"),
}


def may_act(caller: str, action: str) -> bool:
    role, relation, credential = CALLERS[caller]
    if credential in ("none", "ended", "expired"):
        return False
    return role in WHO_MAY[action] and (role != "agency" or relation == "own")


def may_read(caller: str, what: str) -> bool:
    role, relation, credential = CALLERS[caller]
    if credential in ("none", "ended", "expired"):
        return False
    return READS[what] == "all" or role != "agency" or relation == "own"


def denied_status(caller: str) -> int:
    return 401 if CALLERS[caller][2] in ("none", "ended", "expired") else 403


class World:
    """One data directory for the module: officers, their credentials, and a report factory."""

    def __init__(self, client: Client) -> None:
        self.client, self.service = client, config.service()
        self.headers: dict[str, dict[str, str]] = {}
        people = {
            "admin": ("Admin Matriks", "admin", None),
            "own": ("Petugas PUPR", "agency", OWN),
            "other": ("Petugas Dishub", "agency", OTHER),
            "auditor": ("Auditor Matriks", "auditor", None),
        }
        tokens, cookies = {}, {}
        for key, (name, role, agency) in people.items():
            tokens[key] = self.service.add_officer(name, role, agency, login=f"m.{key}", password=PASSWORD)[1]
            cookies[key] = self.sign_in(f"m.{key}")
        ended = self.sign_in("m.admin")
        assert self.call("POST", "/officer/logout", {}, {"Cookie": ended}).status_code == 200
        own_id = self.service.authenticate(f"Bearer {tokens['own']}").id
        expired_id = sessions.new_session_id()
        old = now() - timedelta(hours=13)
        config.store().add_session(sessions.Session(sessions.hash_session_id(expired_id), own_id, old, old))
        for caller, (role, relation, credential) in CALLERS.items():
            key = relation or role or ""
            self.headers[caller] = {
                "session": {"Cookie": cookies.get(key, "")},
                "bearer": {"Authorization": f"Bearer {tokens.get(key, '')}"},
                "none": {},
                "ended": {"Cookie": ended},
                "expired": {"Cookie": f"{sessions.COOKIE}={expired_id}"},
            }[credential]

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        headers = {"Host": "localhost", **(headers or {})}
        if body is not None:
            headers["Content-Type"] = "application/json"
        raw = json.dumps(body).encode() if body is not None else b""
        return self.client.http.request(method, path, headers=headers, body=raw)

    def sign_in(self, login: str) -> str:
        response = self.call("POST", "/officer/login", {"login": login, "password": PASSWORD})
        assert response.status_code == 200, response.json_body
        cookie = next(v for k, v in response.headers.items() if k.lower() == "set-cookie")
        return str(cookie).split(";")[0]

    # -- reports in the state each action needs, made by the real actions -----------------------

    def received(self, **overrides: Any) -> tuple[str, str]:
        report, secret = self.service.submit(submission(category="jalan-jembatan", **overrides))
        return report.tracking, secret

    def admin_acts(self, tracking: str, payload: dict[str, Any]) -> None:
        admin = self.service.authenticate(self.headers["admin-token"]["Authorization"])
        self.service.act(admin, tracking, payload)

    def verified(self) -> tuple[str, str]:
        tracking, secret = self.received()
        self.admin_acts(tracking, {"action": "verify", "agency": OWN})
        return tracking, secret

    def in_progress(self) -> tuple[str, str]:
        tracking, secret = self.verified()
        self.admin_acts(tracking, {"action": "progress", "note": "Tim sudah meninjau lokasi."})
        return tracking, secret

    def with_photo(self) -> tuple[str, str, str]:
        from PIL import Image

        tracking, secret = self.verified()
        jpeg = io.BytesIO()
        Image.new("RGB", (32, 24), (120, 90, 60)).save(jpeg, "JPEG")
        photo = self.service.add_photo(tracking, secret, base64.b64encode(jpeg.getvalue()).decode())
        return tracking, secret, photo.id

    def with_held_text(self) -> tuple[str, str]:
        tracking, secret = self.verified()
        report = self.service.add_information(tracking, secret, "Daftar sekarang di situs judi online terpercaya")
        assert report.updates[-1].suspected_spam, "the spam check should hold this text"
        return tracking, secret


# action → (the report state it needs, the payload); a payload may name the photo.
SETUPS: dict[str, tuple[str, dict[str, Any]]] = {
    "verify": ("received", {}),
    "forward": ("received", {"forwarded_to": "pln-pasuruan", "note": "Kewenangan PLN"}),
    "reject": ("verified", {"reason": "incomplete", "note": "Lokasi tidak jelas"}),
    "edit": ("verified", {"public_title": "Jalan berlubang di ruas Jl. Veteran"}),
    "route": ("verified", {"agency": "perkim"}),
    "approve_attachment": ("photo", {}),
    "review_spam": ("held_text", {"spam": True}),
    "override_gate": ("verified", {"note": "Temuan detektor keliru"}),
    "progress": ("verified", {"note": "Tim dijadwalkan ke lokasi besok."}),
    "note": ("verified", {"note": "Menunggu material."}),
    "resolve": ("in_progress", {"note": "Jalan sudah ditambal."}),
    "return": ("verified", {"note": "Bukan kewenangan PUPR"}),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from app import app

    with pytest.MonkeyPatch.context() as env:
        env.setenv("ADUAN_DATA", str(tmp_path_factory.mktemp("authz") / "data"))
        env.setenv("ADUAN_RATE_LOGIN", "off")
        env.setenv("ADUAN_RATE_LOGIN_ACCOUNT", "off")
        with Client(app) as client:
            yield World(client)


def make(world: World, state: str) -> tuple[str, str | None]:
    """A fresh report in `state` (assigned to OWN once verified); its tracking number and photo id."""
    makers: dict[str, Callable[[], Any]] = {
        "received": world.received,
        "verified": world.verified,
        "in_progress": world.in_progress,
        "held_text": world.with_held_text,
    }
    if state == "photo":
        tracking, _, photo = world.with_photo()
        return tracking, photo
    return makers[state]()[0], None


@pytest.mark.parametrize("action", sorted(WHO_MAY))
@pytest.mark.parametrize("caller", list(CALLERS))
def test_officer_action(world: World, caller: str, action: str) -> None:
    state, payload = SETUPS[action]
    tracking, photo = make(world, state)
    if photo:
        payload = {**payload, "attachment": photo}
    before = config.store().get(tracking)
    headers = world.headers[caller]
    view = world.call("GET", f"/officer/reports/{tracking}", None, headers)
    response = world.call("POST", f"/officer/reports/{tracking}/actions", {"action": action, **payload}, headers)
    after = config.store().get(tracking)
    if may_act(caller, action):
        expected = 409 if action == "override_gate" else 200  # nothing is held: the state cannot be made here
        assert response.status_code == expected, response.json_body
        assert (after.version > before.version) == (expected == 200)
        offered = action in view.json_body["allowed_actions"]
        assert offered == (expected == 200), f"allowed_actions {view.json_body['allowed_actions']} vs the API"
    else:
        assert response.status_code == denied_status(caller), response.json_body
        assert response.json_body["Code"] in ("ForbiddenError", "UnauthorizedError")
        assert after.version == before.version and after.to_dict() == before.to_dict()
        if view.status_code == 200:
            assert action not in view.json_body["allowed_actions"]


@pytest.mark.parametrize("what", list(READS))
@pytest.mark.parametrize("caller", list(CALLERS))
def test_officer_read(world: World, caller: str, what: str) -> None:
    tracking, photo = make(world, "photo")
    method, path = what.split(" ")
    response = world.call(
        method, path.format(tracking=tracking, photo=photo), None, {**world.headers[caller], "Accept": "*/*"}
    )
    if not may_read(caller, what):
        assert response.status_code == denied_status(caller)
        return
    assert response.status_code == 200, response.body[:300]
    if path == "/officer/reports":
        # Every page: the world makes many reports within one second (timestamps are to the
        # second), so a new one need not be on the first page of the newest.
        listed = {r["tracking"] for r in response.json_body["reports"]}
        cursor = response.json_body["next_cursor"]
        while cursor:
            more = world.call(method, f"{path}?cursor={cursor}", None, world.headers[caller]).json_body
            listed |= {r["tracking"] for r in more["reports"]}
            cursor = more["next_cursor"]
        role, relation, _ = CALLERS[caller]
        # An agency's desk lists its own reports only (this one is OWN's).
        assert (tracking in listed) == (role != "agency" or relation == "own")


# -- the lifecycle side: in every state, what the view offers is what the API accepts ------------

STATES = ("received", "verified", "in_progress", "resolved", "rejected")


def in_state(world: World, state: str) -> str:
    if state in ("received", "verified", "in_progress"):
        return make(world, state)[0]
    tracking, _ = world.in_progress()
    if state == "resolved":
        world.admin_acts(tracking, {"action": "resolve", "note": "Sudah diperbaiki."})
    else:
        tracking, _ = world.received()
        world.admin_acts(tracking, {"action": "reject", "reason": "incomplete", "note": "Tidak lengkap"})
    return tracking


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("caller", ["admin-token", "agency-own-token"])
def test_the_view_offers_exactly_what_the_api_accepts(world: World, caller: str, state: str) -> None:
    headers = world.headers[caller]
    for action in sorted(WHO_MAY):
        tracking = in_state(world, state)
        view = world.call("GET", f"/officer/reports/{tracking}", None, headers)
        if view.status_code == 403:  # a received or rejected report is no agency's yet
            assert CALLERS[caller][0] == "agency" and state in ("received", "rejected")
            continue
        offered = action in view.json_body["allowed_actions"]
        response = world.call(
            "POST", f"/officer/reports/{tracking}/actions", {"action": action, **SETUPS[action][1]}, headers
        )
        assert (response.status_code == 200) == offered, (action, response.status_code, response.json_body)
        if not offered:
            assert response.status_code in (403, 404, 409), response.json_body
            assert "Message" in response.json_body and " / " not in response.json_body["Message"]
