"""Photos: private by default; published only when approved, re-encoded without EXIF."""

from __future__ import annotations

import base64
import io
import json

import pytest
from PIL import Image
from test_api import get, post, submit

GPS_IFD = 0x8825


def photo_with_gps(orientation: int = 6) -> bytes:
    image = Image.new("RGB", (400, 200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = orientation  # rotate 90° when displayed
    exif[0x010F] = "KameraHP"
    exif[0x0132] = "2026:03:02 08:15:00"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (7.0, 38.0, 43.2), 3: "E", 4: (112.0, 54.0, 25.1)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(client, tracking: str, secret: str, raw: bytes):
    return post(client, f"/reports/{tracking}/photos", {"secret": secret, "data": base64.b64encode(raw).decode()})


def test_photo_is_private_until_approved_then_published_without_exif(client, tokens, data_dir) -> None:
    from chalicelib import config

    receipt = submit(client)
    tracking, secret = receipt["tracking"], receipt["secret"]
    raw = photo_with_gps()
    assert b"KameraHP" in raw
    response = upload(client, tracking, secret, raw)
    assert response.status_code == 201
    photo_id = response.json_body["id"]

    admin = tokens["admin"]
    post(client, f"/officer/reports/{tracking}/actions", {"action": "verify"}, admin)
    config.publisher().publish_pending()
    record = json.loads((data_dir / "public" / "reports" / f"{tracking}.json").read_text())
    assert record["attachments"] == [] and not (data_dir / "public" / "attachments").exists()

    original = client.http.get(
        f"/officer/reports/{tracking}/photos/{photo_id}",
        headers={"Authorization": f"Bearer {admin}", "Accept": "image/jpeg"},
    )
    assert original.status_code == 200 and original.body == raw  # officers see what was sent
    assert get(client, f"/officer/reports/{tracking}/photos/{photo_id}").status_code == 401

    approved = post(
        client, f"/officer/reports/{tracking}/actions", {"action": "approve_attachment", "attachment": photo_id}, admin
    )
    assert approved.status_code == 200, approved.body
    config.publisher().publish_pending()
    record = json.loads((data_dir / "public" / "reports" / f"{tracking}.json").read_text())
    assert [a["id"] for a in record["attachments"]] == [photo_id]
    published = (data_dir / "public" / record["attachments"][0]["path"]).read_bytes()
    assert b"KameraHP" not in published and b"Exif" not in published and b"2026:03:02" not in published
    with Image.open(io.BytesIO(published)) as image:
        assert not image.getexif() and image.size == (200, 400)  # turned upright, then stripped
        assert not image.info.get("exif") and not image.info.get("xmp")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ("not base64!!", "data"),
        (base64.b64encode(b"GIF89a not a photo").decode(), "data"),
        ("", "data"),
    ],
)
def test_bad_uploads_are_refused(client, data: str, field: str) -> None:
    receipt = submit(client)
    response = post(client, f"/reports/{receipt['tracking']}/photos", {"secret": receipt["secret"], "data": data})
    assert response.status_code == 400 and field in response.json_body["Fields"]


def test_only_the_reporter_may_upload(client) -> None:
    tracking = submit(client)["tracking"]
    response = post(
        client, f"/reports/{tracking}/photos", {"secret": "guess", "data": base64.b64encode(photo_with_gps()).decode()}
    )
    assert response.status_code == 403


def test_agencies_cannot_approve_publication(client, tokens) -> None:
    receipt = submit(client)
    photo_id = upload(client, receipt["tracking"], receipt["secret"], photo_with_gps()).json_body["id"]
    post(client, f"/officer/reports/{receipt['tracking']}/actions", {"action": "verify"}, tokens["admin"])
    response = post(
        client,
        f"/officer/reports/{receipt['tracking']}/actions",
        {"action": "approve_attachment", "attachment": photo_id},
        tokens["perhubungan"],
    )
    assert response.status_code == 403


def test_approved_photo_is_on_the_report_page_and_in_open311(client, tokens, data_dir, tmp_path) -> None:
    from chalicelib.sitebuild import build

    receipt = submit(client)
    tracking = receipt["tracking"]
    photo_id = upload(client, tracking, receipt["secret"], photo_with_gps()).json_body["id"]
    private_only = upload(client, tracking, receipt["secret"], photo_with_gps(orientation=1)).json_body["id"]
    post(client, f"/officer/reports/{tracking}/actions", {"action": "verify"}, tokens["admin"])
    post(
        client,
        f"/officer/reports/{tracking}/actions",
        {"action": "approve_attachment", "attachment": photo_id},
        tokens["admin"],
    )
    output = tmp_path / "output"
    build(output)
    page = (output / "laporan" / tracking / "index.html").read_text()
    assert f"foto-{photo_id}.jpg" in page and private_only not in page
    published = (output / "laporan" / tracking / f"foto-{photo_id}.jpg").read_bytes()
    assert b"KameraHP" not in published and b"Exif" not in published
    assert not list(output.rglob(f"*{private_only}*"))
    request = json.loads((output / "data" / "open311" / "requests" / f"{tracking}.json").read_text())
    request = request[0] if isinstance(request, list) else request
    assert request["media_url"].endswith(f"/laporan/{tracking}/foto-{photo_id}.jpg")
    again = build(output)
    assert again["written"] == 0  # the photo is not copied again
