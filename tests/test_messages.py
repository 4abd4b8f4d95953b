"""What citizens and officers read when something is refused: Bahasa Indonesia first, in the one
error shape; English on the no-JavaScript pages of the English site (/en/ forms send lang=en);
field names as the form labels them, never raw names such as `location.kelurahan`."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

from chalice.test import Client
from conftest import submission

FORM = {"Content-Type": "application/x-www-form-urlencoded"}

# Words that show a message is English; none of them is an Indonesian word.
ENGLISH = {
    "the", "is", "not", "must", "cannot", "unknown", "no", "this", "of", "with", "may", "send", "only",
    "does", "match", "has", "be", "that", "report", "number", "secret", "request", "body", "role",
}  # fmt: skip


def english_words(message: str) -> set[str]:
    # Codes an officer types (out_of_jurisdiction, `aduan officer add`) are not prose, and
    # neither are words with digits: a random tracking number such as PSR-60BF-E4BE holds "be".
    prose = re.sub(r"`[^`]*`|'[^']*'|\b\w+_\w+\b|\b\w*\d\w*\b", "", message)
    return set(re.findall(r"[a-z]+", prose.lower())) & ENGLISH


def call(client: Client, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    payload = body if isinstance(body, str) else json.dumps(body) if body is not None else ""
    return client.http.request(method, path, headers=headers, body=payload.encode())


def submit(client: Client) -> tuple[str, str]:
    receipt = call(client, "POST", "/reports", submission()).json_body
    return receipt["tracking"], receipt["secret"]


def refusals(client: Client, tokens: dict[str, str]) -> dict[str, Any]:
    """One answer for every kind of refusal a citizen or officer can meet through the API."""
    from chalicelib.tracking import new_tracking

    tracking, secret = submit(client)
    act = f"/officer/reports/{tracking}/actions"
    return {
        "not a tracking number": call(client, "GET", "/reports/12345"),
        "no such report": call(client, "GET", f"/reports/{new_tracking('PSR')}"),
        "wrong secret": call(client, "POST", f"/reports/{tracking}/followups", {"secret": "salah", "text": "Ada foto"}),
        "feedback too early": call(client, "POST", f"/reports/{tracking}/feedback", {"secret": secret, "accept": True}),
        "follow-up too short": call(client, "POST", f"/reports/{tracking}/followups", {"secret": secret, "text": "x"}),
        "illegal transition": call(client, "POST", act, {"action": "resolve", "note": "Beres"}, tokens["admin"]),
        "role refused": call(client, "POST", act, {"action": "verify"}, tokens["auditor"]),
        "not their agency": call(client, "GET", f"/officer/reports/{tracking}", token=tokens["pupr"]),
        "unknown action": call(client, "POST", act, {"action": "hapus"}, tokens["admin"]),
        "unknown agency": call(client, "POST", act, {"action": "verify", "agency": "polisi"}, tokens["admin"]),
        "unknown reason": call(client, "POST", act, {"action": "reject", "reason": "malas"}, tokens["admin"]),
        "note required": call(client, "POST", act, {"action": "reject", "reason": "spam"}, tokens["admin"]),
        "public title too long": call(client, "POST", act, {"action": "edit", "public_title": "x" * 500}, tokens["admin"]),
        "no token": call(client, "GET", "/officer/reports"),
        "revoked token": call(client, "GET", "/officer/reports", token="adn_tidak-ada"),
        "unknown status filter": call(client, "GET", "/officer/reports?status=hilang", token=tokens["admin"]),
        "bad limit": call(client, "GET", "/officer/reports?limit=banyak", token=tokens["admin"]),
        "invalid JSON": call(client, "POST", "/reports", "{bukan json"),
        "not an object": call(client, "POST", "/reports", "[1, 2]"),
        "invalid submission": call(client, "POST", "/reports", submission(title="x", location={"kecamatan": "?"})),
    }  # fmt: skip


def test_every_refusal_is_in_indonesian_in_the_one_error_shape(client: Client, tokens: dict[str, str]) -> None:
    for case, response in refusals(client, tokens).items():
        assert response.status_code in (400, 401, 403, 404, 409), (case, response.status_code)
        body = response.json_body
        assert set(body) <= {"Code", "Message", "Fields"} and body["Code"].endswith("Error"), case
        assert not english_words(body["Message"]), (case, body["Message"])
        for field, text in body.get("Fields", {}).items():
            assert not english_words(text), (case, field, text)


def test_the_messages_officers_and_citizens_read(client: Client, tokens: dict[str, str]) -> None:
    answers = {case: r.json_body["Message"] for case, r in refusals(client, tokens).items()}
    assert answers["illegal transition"].startswith(
        "Laporan berstatus Diterima tidak bisa langsung diselesaikan; langkah berikutnya: Diverifikasi atau Ditolak"
    )
    assert answers["role refused"] == "Peran Auditor tidak boleh memverifikasi laporan."
    assert "tidak ditugaskan kepada instansi Anda" in answers["not their agency"]
    assert answers["not a tracking number"].startswith("'12345' bukan nomor lacak (contoh: PSR-")
    assert answers["no such report"].startswith("Tidak ada laporan dengan nomor lacak PSR-")
    assert answers["wrong secret"].startswith("Kode rahasia tidak cocok dengan nomor lacak ini")
    # The summary of a rejected submission names fields by their labels on the form.
    assert answers["invalid submission"] == "Periksa kembali isian: Kecamatan, Judul."


def test_the_no_js_error_page_names_fields_by_their_form_labels(client: Client) -> None:
    response = client.http.post(
        "/reports", headers=FORM, body=urlencode({"kind": "complaint", "title": "x", "kelurahan": "Atlantis"})
    )
    page = response.body.decode()
    assert response.status_code == 400 and '<html lang="id">' in page
    for label in ("Judul", "Isi laporan", "Kecamatan", "Kelurahan"):
        assert f"<strong>{label}</strong>" in page
    for raw in ("title", "description", "kecamatan", "kelurahan"):
        assert f"<strong>{raw}</strong>" not in page


def test_dotted_and_unknown_field_names_on_the_error_page() -> None:
    from chalicelib.errors import ValidationError
    from chalicelib.web import error_page

    error = ValidationError(
        "Periksa kembali isian.", {"location.kelurahan": "tidak dikenal", "reporter.phone": "wajib diisi", "zz": "?"}
    )
    page = error_page(error, "https://aduan.example")
    assert "<strong>Kelurahan</strong>: tidak dikenal" in page and "<strong>Nomor telepon</strong>" in page
    assert "location.kelurahan" not in page and "<strong>zz</strong>" in page
    english = error_page(error, "https://aduan.example", "en")
    assert "<strong>Neighbourhood (kelurahan)</strong>: unknown" in english
    assert "<strong>Phone number</strong>: required" in english
    assert '<html lang="en">' in english and 'href="https://aduan.example/en/"' in english


def test_forms_from_english_pages_are_answered_in_english(client: Client) -> None:
    tracking, _ = submit(client)
    cases = {
        "report": client.http.post("/reports", headers=FORM, body=urlencode({"lang": "en", "title": "x"})),
        "follow-up": client.http.post(
            "/followups",
            headers=FORM,
            body=urlencode({"lang": "en", "tracking": tracking, "secret": "salah", "text": "Airnya masih mati."}),
        ),
        "tracking": client.http.get("/track?tracking=zzz&lang=en"),
    }
    for case, response in cases.items():
        page = response.body.decode()
        assert response.status_code >= 400 and '<html lang="en">' in page, case
        assert "Your request could not be processed" in page and "Back to the Aduan site" in page, case
        assert "Kembali ke situs Aduan" not in page, case
    assert (
        "Please check: " in cases["report"].body.decode() and "<strong>Title</strong>" in cases["report"].body.decode()
    )
    assert "The secret code does not match this tracking number" in cases["follow-up"].body.decode()
    assert "&#x27;zzz&#x27; is not a tracking number" in cases["tracking"].body.decode()
    # Without lang the same answer is Indonesian.
    indonesian = client.http.get("/track?tracking=zzz").body.decode()
    assert '<html lang="id">' in indonesian and "bukan nomor lacak" in indonesian


def test_the_lang_field_is_not_part_of_the_report(client: Client) -> None:
    fields = {
        "lang": "en",
        "kind": "complaint",
        "title": "Sampah menumpuk di TPS Kepel",
        "description": "Sampah tidak diangkut lima hari, baunya sampai ke jalan.",
        "kecamatan": "Bugul Kidul",
        "kelurahan": "Kepel",
    }
    response = client.http.post("/reports", headers=FORM, body=urlencode(fields))
    assert response.status_code == 201, response.body


def test_the_site_s_javascript_on_english_pages_gets_english_json_errors(
    client: Client, tokens: dict[str, str]
) -> None:
    tracking, _ = submit(client)
    act = f"/officer/reports/{tracking}/actions"
    english = call(client, "POST", act + "?lang=en", {"action": "resolve", "note": "Beres"}, tokens["admin"])
    assert english.status_code == 409 and set(english.json_body) <= {"Code", "Message", "Fields"}
    assert english.json_body["Message"].startswith("A report that is Received cannot be resolved directly")
    assert call(client, "GET", "/reports/zzz?lang=en").json_body["Message"].startswith("'zzz' is not a tracking number")
    # A JSON body that happens to contain "lang=en" is not a form: the answer stays Indonesian.
    json_body = call(client, "POST", "/reports", submission(title="x&lang=en"))
    assert json_body.json_body["Message"].startswith("Periksa kembali isian")
