"""A region: the city's kecamatan and kelurahan, its agencies and categories, from one file.

Another city is another JSON file: set ``ADUAN_REGION`` to its path (or to the name of a file
in ``chalicelib/regions/``). No code knows which city it serves.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ValidationError

REGIONS_DIR = Path(__file__).parent / "regions"
# The service levels every region file states (in working days); see Region.service_levels.
SERVICE_LEVELS = ("verification_days", "response_days", "autoclose_days")
DEFAULT_REGION = "kota-pasuruan"


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    short_name: str


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    name_en: str
    agency: str
    sensitive: bool


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lat: float | None
    lon: float | None
    kecamatan: str | None = None


@dataclass
class Region:
    id: str
    name: str
    tracking_prefix: str
    raw: dict[str, Any]
    agencies: dict[str, Agency] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    kecamatan: dict[str, Place] = field(default_factory=dict)
    kelurahan: dict[str, Place] = field(default_factory=dict)
    forward_destinations: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Region:
        region = cls(id=data["id"], name=data["name"], tracking_prefix=data["tracking_prefix"], raw=data)
        for a in data["agencies"]:
            region.agencies[a["id"]] = Agency(a["id"], a["name"], a.get("short_name", a["name"]))
        for c in data["categories"]:
            if c["agency"] not in region.agencies:
                raise ValueError(f"region {region.id}: category {c['id']} names unknown agency {c['agency']}")
            region.categories[c["id"]] = Category(
                c["id"], c["name"], c.get("name_en", c["name"]), c["agency"], bool(c.get("sensitive"))
            )
        for k in data["kecamatan"]:
            region.kecamatan[k["name"]] = Place(k["id"], k["name"], k.get("lat"), k.get("lon"))
            for kel in k["kelurahan"]:
                region.kelurahan[kel["name"]] = Place(kel["id"], kel["name"], kel.get("lat"), kel.get("lon"), k["name"])
        for d in data.get("forward_destinations", []):
            region.forward_destinations[d["id"]] = d["name"]
        _ = region.service_levels  # a region file without them is refused when loaded, not later
        return region

    # Names arrive from forms and other channels in any case and with ids or names: accept both.
    def find_kecamatan(self, value: str) -> Place | None:
        return _find(self.kecamatan, value)

    def find_kelurahan(self, value: str) -> Place | None:
        return _find(self.kelurahan, value)

    def check_agency(self, value: str, field_name: str = "agency") -> str:
        if value not in self.agencies:
            known = ", ".join(self.agencies)
            raise ValidationError(
                f"Instansi {value!r} tidak dikenal; pilihan: {known}.",
                {field_name: "tidak dikenal"},
                en=f"unknown agency {value!r}; known: {known}",
            )
        return value

    def agency_name(self, agency_id: str | None) -> str:
        return self.agencies[agency_id].short_name if agency_id in self.agencies else "Belum ditentukan"

    @property
    def service_levels(self) -> dict[str, int]:
        """SP4N-LAPOR!'s service levels in working days, as the region file sets them:
        `verification_days`, `response_days` (the agency's first follow-up after verification)
        and `autoclose_days` (after a resolution the reporter leaves unanswered)."""
        # The only place they are read: another province may set others, so no code, template
        # or page states a number of days of its own.
        levels = self.raw.get("service_levels") or {}
        missing = [key for key in SERVICE_LEVELS if not isinstance(levels.get(key), int) or levels[key] < 1]
        if missing:
            raise ValueError(
                f"region {self.id}: service_levels must give {', '.join(missing)} as whole working days (>= 1)"
            )
        return {key: int(levels[key]) for key in SERVICE_LEVELS}

    def public_dict(self) -> dict[str, Any]:
        """What is published about the region (the whole config holds nothing private)."""
        return {k: v for k, v in self.raw.items() if not k.startswith("_")}


def _find(places: dict[str, Place], value: str) -> Place | None:
    wanted = " ".join(str(value).split()).casefold()
    for place in places.values():
        if wanted in (place.name.casefold(), place.id.casefold()):
            return place
    return None


def load_region(name_or_path: str | None = None) -> Region:
    # The environment is read on every call (the cache is keyed by what it names), so a
    # change of ADUAN_REGION is seen.
    return _load_region(name_or_path or os.environ.get("ADUAN_REGION") or DEFAULT_REGION)


@lru_cache(maxsize=8)
def _load_region(spec: str) -> Region:
    path = Path(spec)
    if not path.suffix:
        path = REGIONS_DIR / f"{spec}.json"
    with open(path, encoding="utf-8") as f:
        return Region.from_dict(json.load(f))
