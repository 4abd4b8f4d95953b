"""The public dataset's contract: one file of codes (functions/chalicelib/public_codes.json) that
both sides read, walked through both; and every action a citizen or officer can take, driven
through publish → build → `frictionless validate` → the pages people read."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from pathlib import Path

import frictionless
import pytest
from aduan_site import labels, schema
from chalicelib import codes, lifecycle, report
from chalicelib.config import service as make_service
from chalicelib.importer import import_lines
from chalicelib.lifecycle import Status
from chalicelib.sitebuild import build
from conftest import submission
from PIL import Image
from test_import import H, line

GROUPS = ("statuses", "kinds", "rejection_reasons", "update_types", "channels", "location_levels")


@pytest.mark.parametrize("group", GROUPS)
def test_every_code_reads_in_both_languages(group: str) -> None:
    for code, entry in codes.CODES[group].items():
        assert entry["id"].strip() and entry["en"].strip(), (group, code)


def test_the_api_side_speaks_the_codes() -> None:
    assert [s.value for s in Status] == list(codes.STATUSES)
    assert {s.value for s in Status if s.is_open()} == {c for c, e in codes.STATUSES.items() if e["open"]}
    assert {s.value: s.label for s in Status} == {c: e["id"] for c, e in codes.STATUSES.items()}
    assert list(report.KINDS) == list(codes.KINDS)
    assert list(lifecycle.REJECTION_REASONS) == list(codes.REJECTION_REASONS)
    constants = {report.STATUS, report.ROUTE, report.NOTE, report.REPORTER, report.FEEDBACK, report.EDIT, report.PHOTO}
    assert constants == set(codes.UPDATE_TYPES)


def test_the_site_side_speaks_the_codes() -> None:
    pairs = [
        ("statuses", labels.STATUS),
        ("kinds", labels.KIND),
        ("rejection_reasons", labels.REASON),
        ("update_types", labels.TIMELINE_TYPE),
        ("channels", labels.CHANNEL),
        ("location_levels", labels.LOCATION_LEVEL),
    ]
    for group, table in pairs:
        for lang in labels.LANGS:
            assert table[lang] == {c: e[lang] for c, e in codes.CODES[group].items()}, (group, lang)
    enums = {f.name: set(f.enum or ()) for t in schema.TABLES for f in t.fields if t.name in ("reports", "updates")}
    assert enums["status"] == set(codes.STATUSES)
    assert enums["kind"] == set(codes.KINDS)
    assert enums["rejection_reason"] == set(codes.REJECTION_REASONS)
    assert enums["channel"] == set(codes.CHANNELS)
    assert enums["location_level"] == set(codes.LOCATION_LEVELS)
    assert enums["type"] == set(codes.public_update_types())


def jpeg() -> str:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(out, format="JPEG")
    return base64.b64encode(out.getvalue()).decode()


def visible_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def internal_words() -> set[str]:
    """Codes that are not a word of their own Indonesian label: people must never read them."""
    words = set()
    for group in GROUPS:
        for code, entry in codes.CODES[group].items():
            if code.casefold() not in re.findall(r"[\w-]+", entry["id"].casefold()):
                words.add(code)
    return words


def test_every_action_is_published_valid_and_readable(data_dir: Path, tmp_path: Path) -> None:
    service = make_service()
    region = service.region
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    pdam = service.authenticate("Bearer " + service.add_officer("PDAM", "agency", "air-minum")[1])
    pupr = service.authenticate("Bearer " + service.add_officer("PUPR", "agency", "pupr")[1])

    def submitted(**overrides: object) -> tuple[str, str]:
        r, secret = service.submit(submission(reporter={}, **overrides))
        return r.tracking, secret

    # A whole life: photo, follow-up, verification, route, progress, note, resolution, dispute,
    # resolution again, acceptance.
    life, secret = submitted(category="air-bersih", title="Air PDAM keruh di Trajeng")
    photo = service.add_photo(life, secret, jpeg())
    service.add_information(life, secret, "Airnya keruh sejak hari Senin pagi.")
    service.act(admin, life, {"action": "verify", "agency": "pupr"})
    service.act(admin, life, {"action": "route", "agency": "air-minum", "note": "Urusan Perumda Air Minum"})
    service.act(admin, life, {"action": "approve_attachment", "attachment": photo.id})
    service.act(pdam, life, {"action": "progress", "note": "Petugas memeriksa pipa"})
    service.act(pdam, life, {"action": "note", "note": "Menunggu suku cadang"})
    service.act(pdam, life, {"action": "resolve", "note": "Pipa diganti"})
    service.feedback(life, secret, False, "Air masih keruh")
    service.act(pdam, life, {"action": "resolve", "note": "Filter dibersihkan"})
    service.feedback(life, secret, True, "Terima kasih, sudah jernih")
    # Forwarded out of the city's remit (No Wrong Door), a duplicate of it, one returned by an
    # agency, one with its public text edited, one rejected as incomplete.
    forwarded, _ = submitted(title="Jalan provinsi berlubang dekat perbatasan")
    service.act(admin, forwarded, {"action": "forward", "forwarded_to": "prov-jatim", "note": "Jalan provinsi"})
    duplicate, _ = submitted(category="air-bersih", title="Air PDAM keruh lagi di Trajeng")
    service.act(admin, duplicate, {"action": "reject", "reason": "duplicate", "duplicate_of": life, "note": "Sama"})
    returned, _ = submitted(title="Lampu taman kota mati")
    service.act(admin, returned, {"action": "verify", "agency": "pupr"})
    service.act(pupr, returned, {"action": "return", "note": "Urusan Perkim, bukan PUPR"})
    edited, _ = submitted(title="Selokan mampet di depan rumah saya")
    service.act(admin, edited, {"action": "verify", "public_title": "Selokan mampet di Trajeng"})
    service.act(admin, edited, {"action": "edit", "public_description": "Selokan mampet, air meluap ke jalan."})
    incomplete, _ = submitted(title="Ada masalah di kampung")
    service.act(admin, incomplete, {"action": "verify"})
    service.act(admin, incomplete, {"action": "reject", "reason": "incomplete", "note": "Lokasi tidak jelas"})
    # Other channels, as an import brings them.
    import_lines(
        [line(f"CH-{c}", H, channel=c) for c in ("whatsapp", "e-sambat", "sms", "sp4n-lapor")], service.store, region
    )

    output = tmp_path / "output"
    build(output)
    data = output / "data"
    report_ = frictionless.validate(str(data / "datapackage.json"))
    assert report_.valid, report_.flatten(["rowNumber", "fieldName", "message"])[:10]

    with open(data / "updates.csv", newline="", encoding="utf-8") as f:
        types = {row["type"] for row in csv.DictReader(f)}
    assert types == set(codes.public_update_types())  # every public kind of update occurred
    with open(data / "reports.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {"whatsapp", "e-sambat", "sms", "sp4n-lapor", "web"} <= {r["channel"] for r in rows}
    assert {r["coordinates_surveyed"] for r in rows} == {"false"}  # the region's are placeholders
    assert {r["location_level"] for r in rows} <= set(codes.LOCATION_LEVELS)

    forbidden = internal_words()
    assert {"feedback", "photo", "in_progress", "out_of_jurisdiction", "e-sambat"} & forbidden
    pages = sorted(output.glob("laporan/*/index.html"))
    assert len(pages) == 8  # every report above that was verified (the forwarded and the duplicate were not)
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        seen = {w for w in re.findall(r"[\w-]+", text) if w in forbidden}
        assert not seen, f"{page.relative_to(output)} shows raw codes {sorted(seen)}"
    life_page = visible_text((output / "laporan" / life / "index.html").read_text(encoding="utf-8"))
    for update_type in ("feedback", "photo", "reporter", "route"):
        assert codes.label("update_types", update_type) in life_page
    assert json.loads((data / "reports.json").read_text())["count"] == len(rows)
