"""A citizen's submission: validated and turned into a new report.

Every field is checked and every problem is named, per field, in Bahasa Indonesia (the form
shows these messages beside the fields); nothing is stored unless all of it is valid.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

import phonenumbers
from stdnum.id import nik as stdnum_nik

from .errors import ValidationError
from .fields import label as field_label
from .lifecycle import Status
from .region import Region
from .report import KINDS, STATUS, Location, Report, Reporter, Update
from .spam import spam_reason
from .tracking import hash_secret, new_secret, new_tracking

TITLE_MIN, TITLE_MAX = 10, 150
DESCRIPTION_MIN, DESCRIPTION_MAX = 20, 5000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TRUE_WORDS = {"1", "true", "on", "yes", "ya"}


def as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in TRUE_WORDS if value is not None else False


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def normalize_phone(value: str) -> str | None:
    """An Indonesian phone number in E.164, or None if it is not one.

    phonenumbers mis-parses ``62812…`` written without the plus, so a bare leading 62 is read
    as the country code here.
    """
    digits = re.sub(r"[^\d+]", "", value)
    if digits.startswith("62"):
        digits = "+" + digits
    try:
        parsed = phonenumbers.parse(digits, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def parse_location(data: Any, region: Region, errors: dict[str, str]) -> Location:
    data = data if isinstance(data, dict) else {}
    kecamatan = region.find_kecamatan(_text(data.get("kecamatan")))
    if not _text(data.get("kecamatan")):
        errors["kecamatan"] = "Pilih kecamatan."
    elif kecamatan is None:
        errors["kecamatan"] = f"Kecamatan {_text(data.get('kecamatan'))!r} tidak ada di {region.name}."
    kelurahan = None
    if _text(data.get("kelurahan")):
        kelurahan = region.find_kelurahan(_text(data.get("kelurahan")))
        if kelurahan is None:
            errors["kelurahan"] = f"Kelurahan {_text(data.get('kelurahan'))!r} tidak ada di {region.name}."
        elif kecamatan is not None and kelurahan.kecamatan != kecamatan.name:
            errors["kelurahan"] = (
                f"Kelurahan {kelurahan.name} ada di Kecamatan {kelurahan.kecamatan}, bukan {kecamatan.name}."
            )
    address = _text(data.get("address")) or None
    if address and len(address) > 200:
        errors["address"] = "Alamat paling banyak 200 karakter."
    lat, lon = data.get("lat"), data.get("lon")
    coords: list[float | None] = []
    for name, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if value in (None, ""):
            coords.append(None)
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not -limit <= number <= limit:
            errors[name] = f"Koordinat {name} tidak valid."
            coords.append(None)
        else:
            coords.append(number)
    return Location(
        kecamatan=kecamatan.name if kecamatan else _text(data.get("kecamatan")),
        kelurahan=kelurahan.name if kelurahan else None,
        address=address,
        lat=coords[0],
        lon=coords[1],
    )


def parse_reporter(data: Any, errors: dict[str, str]) -> Reporter:
    data = data if isinstance(data, dict) else {}
    reporter = Reporter(name=_text(data.get("name")) or None)
    if reporter.name and len(reporter.name) > 100:
        errors["name"] = "Nama paling banyak 100 karakter."
    if phone := _text(data.get("phone")):
        reporter.phone = normalize_phone(phone)
        if reporter.phone is None:
            errors["phone"] = "Nomor telepon tidak valid (contoh: 08xx-xxxx-xxxx)."
    if email := _text(data.get("email")):
        reporter.email = email.lower()
        if not _EMAIL.match(email) or len(email) > 200:
            errors["email"] = "Alamat email tidak valid."
    if nik := re.sub(r"[\s.\-]", "", _text(data.get("nik"))):
        reporter.nik = nik
        if not stdnum_nik.is_valid(nik):
            errors["nik"] = "NIK harus 16 angka yang sah."
    return reporter


def validate(data: Any, region: Region) -> dict[str, Any]:
    """The cleaned fields of a citizen's submission; raises ValidationError naming each bad field."""
    if not isinstance(data, dict):
        raise ValidationError(
            "Isi permintaan harus objek JSON (atau formulir).", en="the request body must be a JSON object (or a form)"
        )
    errors: dict[str, str] = {}
    kind = _text(data.get("kind"))
    if kind not in KINDS:
        errors["kind"] = "Pilih jenis laporan: " + ", ".join(label for label, _ in KINDS.values()) + "."
    title, description = _text(data.get("title")), str(data.get("description") or "").strip()
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        errors["title"] = f"Judul harus {TITLE_MIN}–{TITLE_MAX} karakter (sekarang {len(title)})."
    if not DESCRIPTION_MIN <= len(description) <= DESCRIPTION_MAX:
        errors["description"] = (
            f"Isi laporan harus {DESCRIPTION_MIN}–{DESCRIPTION_MAX} karakter (sekarang {len(description)})."
        )
    category = _text(data.get("category")) or None
    if category and category not in region.categories:
        errors["category"] = f"Kategori {category!r} tidak dikenal."
    location = parse_location(data.get("location"), region, errors)
    reporter = parse_reporter(data.get("reporter"), errors)
    if _text(data.get("website")):
        errors["website"] = "Formulir ini terisi otomatis (spam)."
    if errors:
        names = ", ".join(field_label(name) for name in sorted(errors))
        names_en = ", ".join(field_label(name, "en") for name in sorted(errors))
        raise ValidationError(f"Periksa kembali isian: {names}.", errors, en=f"Please check: {names_en}.")
    return {
        "kind": kind,
        "title": title,
        "description": description,
        "category": category,
        "location": location,
        "reporter": reporter,
        "anonymous": as_bool(data.get("anonymous")),
        "confidential": as_bool(data.get("confidential")),
        # Suspected spam is stored and held for an officer, never dropped unseen.
        "suspected_spam": spam_reason(f"{title}\n{description}\n{location.address or ''}"),
    }


def new_report(
    fields: dict[str, Any], region: Region, *, now: datetime, channel: str = "web", ref: str | None = None
) -> tuple[Report, str]:
    """A new report in status `received`, and the reporter's secret (shown once, stored hashed)."""
    secret = new_secret()
    report = Report(
        id=uuid.uuid4().hex,
        tracking=new_tracking(region.tracking_prefix),
        secret_hash=hash_secret(secret),
        channel=channel,
        submitted_at=now,
        ref=ref,
        **fields,
    )
    report.updates.append(Update(at=now, actor="reporter", type=STATUS, status=Status.RECEIVED))
    return report, secret
