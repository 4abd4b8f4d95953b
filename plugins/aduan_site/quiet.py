"""A build with nothing to do, recognised without reading a single record.

A new process (`aduan build` run by hand or by cron) used to read every record, stat every file
and render the overview pages only to find that nothing had changed: seconds at 10k reports.
The build's state keeps a *fingerprint* of everything a build is made from except the records
themselves: the publisher's journal position (`changes/last.json`, which moves with every
publish that touches a record), the small dataset files (stats, region, publication), the render
key (code, templates, settings) and the transparency log's size. When the fingerprint is the
same and the last build left nothing to catch up (its search index current, the whole-dataset
files not stale), the build keeps every file as it is and reads nothing else.

Only a public dataset with a journal can be fingerprinted: without one, every build looks at
every record. The journal also tells a build in a new process which records changed since the
last build (`touched`), as a warm process knows from what it remembers (pages.py). A file deleted from the output by hand is made again by the next build that has
something to do (or by `aduan build --full`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .dataset import Dataset, parse_clean
from .parts import INDEX as PARTS_INDEX

SMALL_FILES = ("changes/last.json", "stats.json", "region.json", "publication.json")


def fingerprint(public_dir: Path, render_key: str) -> str | None:
    """Digest of what a build is made from besides the records and the log (`with_log`); None
    without a journal. Taken before the records are read: a publish in between makes it older
    than the records, never newer, so the next build looks again."""
    digest = hashlib.sha256()
    for name in SMALL_FILES:
        try:
            data = (public_dir / name).read_bytes()
        except FileNotFoundError:
            if name == SMALL_FILES[0]:
                return None
            data = b""
        except OSError:
            return None
        digest.update(f"{name}:{len(data)}:".encode())
        digest.update(data)
    digest.update(f"render:{render_key}".encode())
    return digest.hexdigest()


def with_log(fingerprint: str, log_size: int) -> str:
    """The fingerprint of a build whose transparency log holds `log_size` entries at its end."""
    return hashlib.sha256(f"{fingerprint}:log:{log_size}".encode()).hexdigest()


def light_dataset(public_dir: Path) -> Dataset | None:
    """The dataset without its records (region, stats, publication): what the templates of
    Pelican's own pages and the render key need. None if one of them cannot be read."""
    dataset = Dataset()
    try:
        dataset.region = parse_clean((public_dir / "region.json").read_bytes())
        dataset.stats_bytes = (public_dir / "stats.json").read_bytes()
        dataset.stats = parse_clean(dataset.stats_bytes)
        try:
            publication: Any = parse_clean((public_dir / "publication.json").read_bytes())
        except FileNotFoundError:
            publication = {}
    except (OSError, ValueError):
        return None
    if not isinstance(dataset.region, dict) or not isinstance(dataset.stats, dict):
        return None
    dataset.publication = publication if isinstance(publication, dict) else {}
    return dataset


def whole_files_stale(output: Path) -> bool:
    """Whether the last build left the whole-dataset files behind the parts (a later build may
    owe them by age, see opendata_build.whole_due), or their index cannot be read."""
    try:
        index = json.loads((output / PARTS_INDEX).read_bytes())
        return bool(index["whole"].get("stale"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return True


def journal_seq(public_dir: Path) -> int | None:
    """The publisher's newest journal entry (`changes/last.json`), None without a journal."""
    try:
        last = json.loads((public_dir / "changes" / "last.json").read_bytes())
    except (OSError, ValueError):
        return None
    seq = last.get("seq") if isinstance(last, dict) else None
    return seq if isinstance(seq, int) and not isinstance(seq, bool) else None


def touched(public_dir: Path, since: int, upto: int) -> set[str] | None:
    """The tracking numbers the journal's entries after `since` up to `upto` name: every record
    added, changed or withdrawn in between. None when that is not known (an entry gone or
    unreadable, a full publish, the journal started again)."""
    if since > upto:
        return None
    found: set[str] = set()
    for seq in range(since + 1, upto + 1):
        try:
            entry = json.loads((public_dir / "changes" / f"{seq}.json").read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("full") or not isinstance(entry.get("trackings"), list):
            return None
        found.update(str(t) for t in entry["trackings"])
    return found
