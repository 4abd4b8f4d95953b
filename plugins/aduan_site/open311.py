"""Open311 GeoReport v2 as static files: services.json, requests.json, requests/<id>.json.

Field names follow GeoReport v2 (https://wiki.open311.org/GeoReport_v2), so Open311 clients
and aggregators can read the published reports. Categories are the services. Only days are
published, so every datetime is midnight WIB (`T00:00:00+07:00`). Addresses are the
generalised area ("Kelurahan X, Kecamatan Y"), coordinates the area's centre.
"""

from __future__ import annotations

import json
from typing import Any

from .counts import Counts
from .dataset import Dataset, Record
from .labels import reason_label, status_label

CLOSED = ("resolved", "rejected")
# GeoReport requires a service code; reports a channel sent without a category get this one.
UNCATEGORIZED = {
    "service_code": "tanpa-kategori",
    "service_name": "Tanpa kategori",
    "description": "No category yet",
    "metadata": False,
    "type": "realtime",
    "keywords": "",
    "group": "",
}


def datetime_of(day: str | None) -> str | None:
    return f"{day}T00:00:00+07:00" if day else None


def services(dataset: Dataset) -> list[dict[str, Any]]:
    """One service per category; the catch-all only when some report has no category."""
    result = []
    for category in dataset.region.get("categories", []):
        agency = dataset.agencies.get(category.get("agency") or "", {})
        keywords = [w for w in (category.get("name_en") or "").lower().replace(",", " ").split() if len(w) > 3]
        result.append(
            {
                "service_code": category["id"],
                "service_name": category["name"],
                "description": category.get("name_en") or category["name"],
                "metadata": False,
                "type": "realtime",
                "keywords": ",".join(keywords),
                "group": agency.get("short_name") or agency.get("name") or "",
            }
        )
    # From the dataset's kept counts, not a pass over every record.
    counted = (dataset.counts or Counts.of(dataset.records)).category
    named = {str(c) for c in counted if c}
    for code in sorted(named - set(dataset.categories)):  # unknown to the region: still a service
        result.append({**UNCATEGORIZED, "service_code": code, "service_name": code, "description": code})
    if any(not c for c in counted):
        result.append(dict(UNCATEGORIZED))
    return result


def _status_notes(record: Record, dataset: Dataset) -> str:
    """The reason of a rejection (and where it went), else the newest public note."""
    if record["status"] == "rejected" and record.get("rejection_reason"):
        note = reason_label(record["rejection_reason"])
        if record.get("forwarded_to"):
            forwarded = str(record["forwarded_to"])
            note += ", diteruskan ke " + dataset.forward_destinations.get(forwarded, forwarded)
        if record.get("duplicate_of"):
            note += ": " + str(record["duplicate_of"])
        return note
    notes = [e.get("note") for e in record.get("timeline") or [] if e.get("note")]
    return notes[-1] if notes else status_label(record["status"], "id", long=True)


def photo_path(record: Record, attachment: dict[str, Any]) -> str:
    """Where the site publishes an approved photo of a report (relative to the site root)."""
    return f"laporan/{record['tracking']}/foto-{attachment['id']}.jpg"


def service_request(record: Record, dataset: Dataset, site_url: str = "") -> dict[str, Any]:
    category = dataset.categories.get(record.get("category") or "")
    agency = dataset.agencies.get(record.get("agency") or "")
    place = f"Kecamatan {record['kecamatan']}"
    if record.get("kelurahan"):
        place = f"Kelurahan {record['kelurahan']}, {place}"
    return {
        "service_request_id": record["tracking"],
        "status": "closed" if record["status"] in CLOSED else "open",
        "status_notes": _status_notes(record, dataset),
        "service_name": category["name"] if category else record.get("category") or UNCATEGORIZED["service_name"],
        "service_code": record.get("category") or UNCATEGORIZED["service_code"],
        "description": record.get("description") or record.get("title"),
        "agency_responsible": agency["name"] if agency else record.get("agency"),
        "service_notice": None,
        "requested_datetime": datetime_of(record["submitted"]),
        "updated_datetime": datetime_of(record.get("updated")),
        "expected_datetime": None,
        "address": place,
        "address_id": None,
        "zipcode": None,
        "lat": record.get("lat"),
        "long": record.get("lon"),
        "media_url": (
            f"{site_url.rstrip('/')}/{photo_path(record, record['attachments'][0])}"
            if record.get("attachments")
            else None
        ),
        # Not GeoReport, but what a client needs to show the request: its title.
        "title": record.get("title"),
    }


# json.dumps(item, ensure_ascii=False), without making an encoder per item.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _json_lines(items: list[dict[str, Any]]) -> bytes:
    """A JSON array with one item per line: valid JSON that diffs and greps well."""
    return ("[\n" + ",\n".join(map(_encode, items)) + "\n]\n").encode()


def request_line(request: dict[str, Any]) -> bytes:
    """One request's line of requests.json (and of its own file, `request_json`)."""
    return _encode(request).encode()


def requests_json_of_lines(lines: list[bytes]) -> bytes:
    """requests.json from its requests' lines (`request_line`): the same bytes as `requests_json`."""
    return b"[\n" + b",\n".join(lines) + b"\n]\n"


def services_json(dataset: Dataset) -> bytes:
    return _json_lines(services(dataset))


def requests_json(requests: list[dict[str, Any]]) -> bytes:
    return _json_lines(requests)


def request_json(request: dict[str, Any]) -> bytes:
    """GeoReport's GET requests/<id>.json answers an array of one request."""
    return requests_json_of_lines([request_line(request)])
