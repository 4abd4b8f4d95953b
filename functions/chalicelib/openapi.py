"""The OpenAPI document of the API: kept in the repo (openapi.json), served at /openapi.json, and
the one source of what the API accepts (`inputs.py` validates request bodies against it).

The region's own lists (kecamatan, kelurahan, categories, agencies) are data, not code, so the
committed document leaves them open and the served one names them: `spec(region)` fills them in
as enums, and requests are checked against exactly the document a client reads.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .region import Region, load_region


@lru_cache(maxsize=1)
def _document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(__file__).parent / "openapi.json").read_text(encoding="utf-8"))
    return data


def _places(places: dict[str, Any]) -> list[str]:
    # A place may be named by its name or its id (region.find_kecamatan accepts both).
    return sorted({p.name for p in places.values()} | {p.id for p in places.values()})


_SERVED: dict[int, dict[str, Any]] = {}


def _with_region(region: Region) -> dict[str, Any]:
    if id(region) in _SERVED:
        return _SERVED[id(region)]
    document = copy.deepcopy(_document())
    schemas = document["components"]["schemas"]
    location = schemas["Submission"]["properties"]["location"]["properties"]
    location["kecamatan"]["enum"] = _places(region.kecamatan)
    location["kelurahan"]["enum"] = _places(region.kelurahan)
    schemas["Submission"]["properties"]["category"]["enum"] = sorted(region.categories)
    schemas["Action"]["properties"]["category"]["enum"] = sorted(region.categories)
    schemas["Action"]["properties"]["agency"]["enum"] = sorted(region.agencies)
    for parameter in document["paths"]["/officer/reports"]["get"]["parameters"]:
        if parameter["name"] == "agency":
            parameter["schema"]["enum"] = sorted(region.agencies)
    for field in (location["kelurahan"], schemas["Submission"]["properties"]["category"]):
        field["enum"].append(None)  # OpenAPI 3.0: a nullable enum lists null among its values
    for field in (schemas["Action"]["properties"]["category"], schemas["Action"]["properties"]["agency"]):
        field["enum"].append(None)
    _SERVED[id(region)] = document  # regions are loaded once (load_region is cached)
    return document


def spec(region: Region | None = None) -> dict[str, Any]:
    """The document as served: with the lists of `region` (default: the configured region)."""
    return _with_region(region or load_region())
