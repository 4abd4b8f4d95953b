"""Public datasets for the site tests, laid out exactly as docs/public-dataset.md says.

`write_public_dataset(public_dir, records, stats)` writes region.json, stats.json and
reports/<tracking>.json; `make_records(n)` makes n plausible, deterministic public records
of the demo region and `make_stats(records)` the matching stats.json.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REGION_FILE = REPO / "functions" / "chalicelib" / "regions" / "kota-pasuruan.json"
STATUSES = ("received", "verified", "in_progress", "resolved", "rejected")
KINDS = ("complaint", "aspiration", "information_request", "appreciation")
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
START = date(2026, 1, 5)


def load_region() -> dict[str, Any]:
    return json.loads(REGION_FILE.read_text(encoding="utf-8"))


def tracking_number(n: int) -> str:
    """PSR-XXXX-XXXX from n, like the publisher's tracking numbers."""
    chars = []
    for _ in range(8):
        n, digit = divmod(n, len(ALPHABET))
        chars.append(ALPHABET[digit])
    code = "".join(reversed(chars))
    return f"PSR-{code[:4]}-{code[4:]}"


def _add_workdays(day: date, count: int) -> date:
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def make_record(n: int, region: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """The n-th public record: status, category, place and dates vary with n."""
    region = region or load_region()
    category = region["categories"][n % len(region["categories"])]
    kecamatan = region["kecamatan"][n % len(region["kecamatan"])]
    kelurahan = kecamatan["kelurahan"][(n // 4) % len(kecamatan["kelurahan"])]
    # Published reports have been verified: the status is never `received` here.
    status = ("verified", "in_progress", "resolved", "rejected", "in_progress")[n % 5]
    submitted = START + timedelta(days=n % 300)
    verified = _add_workdays(submitted, 1 + n % 3)
    agency = category["agency"]
    timeline = [
        {"date": submitted.isoformat(), "type": "status", "status": "received", "agency": None, "note": ""},
        {
            "date": verified.isoformat(),
            "type": "status",
            "status": "verified",
            "agency": agency,
            "note": "Diteruskan ke instansi terkait",
        },
    ]
    record: dict[str, Any] = {
        "tracking": tracking_number(n),
        "kind": KINDS[n % 7 % 4],
        "title": f"Laporan nomor {n}: {category['name']} di {kelurahan['name']}",
        "description": f"Isi laporan {n} yang sudah disamarkan, misalnya [NAMA] dan [TELEPON].",
        "agency": agency,
        "category": category["id"],
        "status": status,
        "rejection_reason": None,
        "forwarded_to": None,
        "duplicate_of": None,
        "kecamatan": kecamatan["name"],
        # Sensitive categories are published with the kecamatan only.
        "kelurahan": None if category.get("sensitive") else kelurahan["name"],
        "lat": kecamatan["lat"] if category.get("sensitive") else kelurahan["lat"],
        "lon": kecamatan["lon"] if category.get("sensitive") else kelurahan["lon"],
        "channel": ("web", "open311", "import")[n % 3],
        "submitted": submitted.isoformat(),
        "verified": verified.isoformat(),
        "verification_workdays": 1 + n % 3,
        "first_response": None,
        "resolved": None,
        "response_workdays": None,
        "resolution_workdays": None,
        "updated": verified.isoformat(),
        "timeline": timeline,
    }
    if status in ("in_progress", "resolved"):
        days = 1 + n % 7
        response = _add_workdays(verified, days)
        timeline.append(
            {
                "date": response.isoformat(),
                "type": "status",
                "status": "in_progress",
                "agency": agency,
                "note": "Tim sudah survei lokasi",
            }
        )
        record.update(first_response=response.isoformat(), response_workdays=days, updated=response.isoformat())
    if status == "resolved":
        resolved = _add_workdays(date.fromisoformat(record["first_response"]), 2)
        timeline.append(
            {
                "date": resolved.isoformat(),
                "type": "status",
                "status": "resolved",
                "agency": agency,
                "note": "Sudah diperbaiki",
            }
        )
        record.update(
            resolved=resolved.isoformat(), updated=resolved.isoformat(), resolution_workdays=(resolved - submitted).days
        )
    if status == "rejected":
        rejected = _add_workdays(verified, 1)
        timeline.append(
            {
                "date": rejected.isoformat(),
                "type": "status",
                "status": "rejected",
                "agency": None,
                "note": "Bukan kewenangan Pemerintah Kota",
            }
        )
        record.update(rejection_reason="out_of_jurisdiction", forwarded_to="pln-pasuruan", updated=rejected.isoformat())
    record.update(overrides)
    return record


def make_records(count: int, region: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    region = region or load_region()
    return [make_record(n, region) for n in range(count)]


def make_stats(
    records: list[dict[str, Any]],
    region: dict[str, Any] | None = None,
    *,
    unpublished: int = 0,
    confidential: int = 0,
    generated: str = "2026-11-01",
) -> dict[str, Any]:
    """stats.json for `records` plus some reports that are counted but not published."""
    region = region or load_region()
    total = len(records) + unpublished + confidential
    by_status = {s: 0 for s in STATUSES}
    by_status.update(Counter(r["status"] for r in records))
    by_status["received"] += unpublished + confidential
    agency_totals = Counter(r["agency"] for r in records)
    rows = [
        {"agency": a["id"], "name": a["short_name"], "total": agency_totals.get(a["id"], 0)} for a in region["agencies"]
    ]
    rows.sort(key=lambda row: (-row["total"], row["agency"]))
    if unpublished + confidential:
        rows.append({"agency": None, "name": "Belum ditentukan", "total": unpublished + confidential})
    for row in rows:
        row["share"] = round(row["total"] / total, 4) if total else 0.0
    by_kind = {k: 0 for k in KINDS}
    by_kind.update(Counter(r["kind"] for r in records))
    by_kind["complaint"] += unpublished + confidential
    return {
        "generated": generated,
        "total": total,
        "published": len(records),
        "confidential": confidential,
        "by_status": by_status,
        "by_agency": rows,
        "by_kind": by_kind,
        "sla": {"verification_days": 3, "response_days": 5, "autoclose_days": 10},
    }


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # atomic, like the publisher


def write_public_dataset(
    public_dir: Path,
    records: list[dict[str, Any]],
    stats: dict[str, Any] | None = None,
    region: dict[str, Any] | None = None,
) -> Path:
    """Write a public dataset into `public_dir` ($ADUAN_DATA/public); returns it.

    Report files of records no longer given are removed, as the publisher does when a
    report stops being public.
    """
    region = region or load_region()
    write_json(public_dir / "region.json", region)
    write_json(public_dir / "stats.json", stats if stats is not None else make_stats(records, region))
    reports = public_dir / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    wanted = {f"{r['tracking']}.json" for r in records}
    for old in reports.glob("*.json"):
        if old.name not in wanted:
            old.unlink()
    for record in records:
        write_json(reports / f"{record['tracking']}.json", record)
    return public_dir


# A fixed "now" for demo data, so the demo site is the same on every run.
DEMO_END = (2026, 11, 1, 12)


def build_demo_site(root: Path, count: int = 400, seed: int = 2022) -> Path:
    """A realistic site: `count` demo reports imported into a real store under `root`/data,
    published and built by `aduan build`'s code path into `root`/output (returned).

    ADUAN_DATA must point at `root`/data while this runs (the caller sets it)."""
    from datetime import datetime

    from chalicelib import config
    from chalicelib.clock import WIB
    from chalicelib.demo import demo_lines
    from chalicelib.importer import import_lines
    from chalicelib.region import load_region as load_region_config
    from chalicelib.sitebuild import build

    region = load_region_config()
    store = config.store()
    import_lines(demo_lines(region, count=count, seed=seed, end=datetime(*DEMO_END, tzinfo=WIB)), store, region)
    output = root / "output"
    build(output)
    return output
