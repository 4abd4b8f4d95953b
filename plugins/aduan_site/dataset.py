"""Read the public dataset (docs/public-dataset.md): region.json, stats.json, reports/*.json.

The site is built from this directory and nothing else. A bad record is logged and skipped
rather than failing the build: one broken file must not take the whole site down.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .cleantext import clean_tree
from .labels import STATUSES

logger = logging.getLogger(__name__)

# Tracking numbers and agency ids become URL path segments, so they must be plain.
TRACKING_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
REQUIRED = ("tracking", "title", "status", "submitted", "updated")

Record = dict[str, Any]


@dataclass
class Dataset:
    region: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    stats_bytes: bytes | None = None  # published as-is under /data/stats.json
    records: list[Record] = field(default_factory=list)  # sorted by tracking
    digests: dict[str, str] = field(default_factory=dict)  # tracking → sha256 of its file
    # publication.json: the publisher's own facts about the dataset (when it was last
    # republished whole), not published itself.
    publication: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def agencies(self) -> dict[str, dict[str, Any]]:
        return {a["id"]: a for a in self.region.get("agencies", [])}

    @cached_property
    def categories(self) -> dict[str, dict[str, Any]]:
        return {c["id"]: c for c in self.region.get("categories", [])}

    @cached_property
    def forward_destinations(self) -> dict[str, str]:
        return {d["id"]: d["name"] for d in self.region.get("forward_destinations", [])}


def _read_json(path: Path) -> tuple[Any, bytes] | None:
    try:
        raw = path.read_bytes()
        return clean_tree(json.loads(raw)), raw
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.error("aduan_site: cannot read %s: %s", path, exc)
        return None


def _problem(record: Any, stem: str) -> str | None:
    if not isinstance(record, dict):
        return "not a JSON object"
    missing = [key for key in REQUIRED if not record.get(key)]
    if missing:
        return f"missing {', '.join(missing)}"
    if record["tracking"] != stem or not TRACKING_RE.match(stem):
        return f"tracking {record['tracking']!r} does not match its file name"
    if record["status"] not in STATUSES:
        return f"unknown status {record['status']!r}"
    agency = record.get("agency")
    if agency is not None and not SLUG_RE.match(str(agency)):
        return f"agency {agency!r} is not a plain id"
    return None


def load_dataset(public_dir: Path) -> Dataset:
    dataset = Dataset()
    if not public_dir.is_dir():
        # A fresh install has no reports yet: build the empty site rather than fail.
        logger.warning("aduan_site: public dataset %s does not exist yet", public_dir)
        return dataset

    region = _read_json(public_dir / "region.json")
    if region is None:
        logger.error("aduan_site: %s has no readable region.json", public_dir)
    else:
        dataset.region = region[0]

    stats = _read_json(public_dir / "stats.json")
    if stats is None:
        logger.error("aduan_site: %s has no readable stats.json", public_dir)
    else:
        dataset.stats, dataset.stats_bytes = stats

    publication = _read_json(public_dir / "publication.json")
    if publication is not None and isinstance(publication[0], dict):
        dataset.publication = publication[0]

    reports_dir = public_dir / "reports"
    names = sorted(p.name for p in reports_dir.iterdir()) if reports_dir.is_dir() else []
    for name in names:
        # Skip the publisher's temporary files (it writes then renames).
        if not name.endswith(".json") or name.startswith("."):
            continue
        read = _read_json(reports_dir / name)
        if read is None:
            continue
        record, raw = read
        problem = _problem(record, name[: -len(".json")])
        if problem:
            logger.error("aduan_site: skipping %s: %s", reports_dir / name, problem)
            continue
        dataset.records.append(record)
        dataset.digests[record["tracking"]] = hashlib.sha256(raw).hexdigest()
    # Open data rows follow this order: by tracking number, not by file name.
    dataset.records.sort(key=lambda r: r["tracking"])
    return dataset
