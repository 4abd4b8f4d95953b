"""The transparency log on the site: /log/ in the C2SP tlog-tiles layout, from chalicelib.tlog.

Each build appends the public updates the log does not hold yet (`chalicelib.tlog.publication`),
hands every /log/ file to the incremental output like any other file (so the gate reads them,
and a tile already written from the same hashes is kept without being made again), and
advances the log's state under ADUAN_DATA/log/ only once `IncrementalOutput.finish()` has
written the site. Report pages show their updates' positions in the log; the open data page,
datapackage.json and the daily snapshots carry the verifier key and the checkpoint.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from chalicelib.tlog.publication import Publication, prepare
from chalicelib.tlog.recovery import catch_up
from chalicelib.tlog.state import LogState

from .dataset import Dataset
from .output import IncrementalOutput

__all__ = ["LogState", "Publication", "log_for_build", "origin", "positions", "write_log"]

PREFIX = "log"


def origin(siteurl: str, region_id: str | None) -> str:
    """The log's origin (and key name): the site's scheme-less URL + /log, as tlog-tiles
    recommends; a development site without SITEURL gets a name that cannot be a real host."""
    parsed = urlparse(siteurl)
    if parsed.netloc:
        return f"{parsed.netloc}{parsed.path.rstrip('/')}/{PREFIX}"
    return f"{region_id or 'aduan'}.aduan.invalid/{PREFIX}"


@contextmanager
def log_for_build(log_dir: Path, name: str, dataset: Dataset, site: Path) -> Iterator[Publication]:
    """This build's turn of the log, with the log locked until the build is over. `site` is the
    output directory: what an interrupted build already published there is taken back first."""
    state = LogState(log_dir)
    key = (log_dir / "log.db").resolve()
    agreed = _AGREED.pop(key, None)
    try:
        with state.lock():
            catch_up(state, state.signer(name).verifier, site / PREFIX)
            records = dataset.records
            patched = dataset.patched
            if agreed is not None and patched is not None and agreed[0] is state.snapshot() and agreed[1] is patched[0]:
                # The log holds every record of the dataset this one was patched from as it was
                # there: only the records read again can hold an update it does not.
                records = [r for r in map(dataset.record, sorted(patched[1])) if r is not None]
            publication = prepare(state, name, records, dataset.digests)
            yield publication
            if publication.committed:
                _AGREED[key] = (state.snapshot(), dataset.digests)
    finally:
        state.close()


# The log's state file → (the log state's snapshot this process keeps, a dataset's digests) after
# a build committed that dataset's updates: the log then holds every record of it with that
# digest. A snapshot read again (another process appended, or the memory was lost) is another
# object, and the next build compares every record again.
_AGREED: dict[Path, tuple[object, dict[str, str]]] = {}


def write_log(out: IncrementalOutput, publication: Publication) -> None:
    """Hand every file of /log/ to the output: a tile already on disk, made from the same
    tree hashes, is kept unread (its bytes never change)."""
    for item in publication.files():
        relpath = f"{PREFIX}/{item.path}"
        if item.digest is not None and out.reuse(relpath, item.digest, any_render=True):
            continue
        out.put(relpath, item.make(), digest=item.digest)


def positions(publication: Publication | None, record: Mapping[str, Any]) -> list[list[int]]:
    """For each update on a report page, its log indexes (current last)."""
    if publication is None:
        return []
    return publication.positions(record["tracking"], len(record.get("timeline") or []))
