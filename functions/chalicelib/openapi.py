"""The OpenAPI document of the API, kept in the repo (openapi.json) and tested against the routes."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "openapi.json").read_text(encoding="utf-8"))
