"""Dated snapshots of the open data: /data/snapshots/<day>/, each with its SHA256SUMS.

Every build on a day the dataset is dated (stats.json's `generated`) copies the current
tables into /data/snapshots/<day>/: the day's snapshot follows the day's data until the day
ends (so a record the gate withdraws later that day leaves the snapshot too), and never
changes afterwards, so a citation of "snapshot 2026-11-01" and its checksums stays verifiable. Later builds find the snapshots on
disk (their SHA256SUMS name their files) and declare them to the output writer again: the
writer deletes whatever a build does not declare, and a lost manifest must not orphan them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from .output import IncrementalOutput

logger = logging.getLogger(__name__)

BASE = "data/snapshots"
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SUMS = "SHA256SUMS"
CHECKPOINT = "checkpoint"  # the transparency log's signed checkpoint as of the snapshot
# What a snapshot holds: the tables and their description (a data package of its own), not
# the SQLite file, the Open311 files or the per-report files, which all derive from these.
FILES = (
    "reports.csv",
    "reports.json",
    "updates.csv",
    "agencies.csv",
    "categories.csv",
    "statistics/kecamatan.csv",
    "statistics/kelurahan.csv",
    "statistics/kecamatan_category_month.csv",
    "stats.json",
    "datapackage.json",
    "LICENSE.txt",
)


def _listed(sums: str) -> list[str]:
    """Paths a SHA256SUMS file names, if each is a plain relative path."""
    paths = []
    for line in sums.splitlines():
        _, _, path = line.partition("  ")
        if path and not path.startswith("/") and ".." not in Path(path).parts:
            paths.append(path)
    return paths


def existing(root: Path) -> dict[str, str]:
    """Day → content of its SHA256SUMS, for the snapshots on disk under `root`."""
    base = root / BASE
    found: dict[str, str] = {}
    if base.is_dir():
        for directory in sorted(base.iterdir()):
            sums = directory / SUMS
            if DAY_RE.match(directory.name) and sums.is_file():
                found[directory.name] = sums.read_text(encoding="utf-8")
    return found


def _declare(out: IncrementalOutput, relpath: str) -> None:
    """Keep a snapshot file as it is; one the manifest does not know is read and handed on."""
    if out.keep(relpath):
        return
    path = out.root / relpath
    if path.is_file():
        out.put(relpath, path.read_bytes())
    else:
        logger.warning("aduan_site: snapshot file %s is missing", relpath)


def write_snapshots(
    out: IncrementalOutput, day: str | None, current: dict[str, Path] | None, checkpoint: bytes | None = None
) -> list[str]:
    """Declare every snapshot on disk and make `day`'s from `current` when it has none yet or the
    data changed (data file → where its bytes are now, staged or in the site, read one at a time;
    None: unchanged since the last build), with this build's
    transparency log `checkpoint`, kept as the snapshot's `checkpoint` so that watchers can later
    check the log still extends it (`aduan log verify --since`).
    Returns the snapshot days, oldest first."""
    snapshots = existing(out.root)
    today = day if day and DAY_RE.match(day) else None
    # The day's own snapshot is made again from changed data; earlier days are final.
    remake = today is not None and (today not in snapshots or current is not None)
    for snapshot_day, sums in snapshots.items():
        if remake and snapshot_day == today:
            continue
        for path in [*_listed(sums), SUMS]:
            _declare(out, f"{BASE}/{snapshot_day}/{path}")
    if remake and today:
        day = today
        if current is None:  # no snapshot yet today, and the data files did not change
            current = {p: out.root / "data" / p for p in FILES if (out.root / "data" / p).is_file()}
        sources: dict[str, Path | bytes] = {p: current[p] for p in FILES if p in current}
        if checkpoint is not None:
            sources[CHECKPOINT] = checkpoint
        shas: dict[str, str] = {}
        for path, source in sources.items():
            relpath = f"{BASE}/{day}/{path}"
            out.put(relpath, source if isinstance(source, bytes) else source.read_bytes())
            shas[path] = out.files[relpath]
        sums_bytes = "".join(f"{digest}  {name}\n" for name, digest in sorted(shas.items())).encode()
        out.put(f"{BASE}/{day}/{SUMS}", sums_bytes)
        snapshots[day] = sums_bytes.decode()
    # The index lists what the snapshots' checksum files say: keyed on those, it is made
    # again only when a snapshot appears.
    digest = hashlib.sha256(json.dumps(snapshots, sort_keys=True).encode()).hexdigest()
    if not out.reuse(f"{BASE}/index.json", digest):
        out.put(f"{BASE}/index.json", snapshot_index(snapshots), digest=digest)
    return sorted(snapshots)


def snapshot_index(snapshots: dict[str, str]) -> bytes:
    """index.json: every snapshot's day, directory and files with their SHA-256."""
    index = {
        "snapshots": [
            {
                "date": day,
                "path": f"snapshots/{day}/",
                "files": {path: digest for digest, _, path in (line.partition("  ") for line in sums.splitlines())},
            }
            for day, sums in sorted(snapshots.items())
        ]
    }
    return (json.dumps(index, ensure_ascii=False, indent=1) + "\n").encode()
