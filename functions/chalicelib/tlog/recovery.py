"""Catch the state up with the site when a build stopped between writing and committing.

A build writes the site first and advances the log's state after (a refused or killed build
must not leave the state ahead of the site). A build killed in between leaves the state
*behind* a checkpoint the world may already have seen; appending other entries from there
would fork the log. So before appending, the entries the site already publishes beyond the
state are taken back into it, once their root matches the checkpoint our own key signed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .checkpoint import open_checkpoint
from .entry import Entry
from .merkle import Tree, extend_levels, leaf_hash
from .note import NoteError, Verifier
from .state import LogState
from .tiles import bundles, parse_bundle

logger = logging.getLogger(__name__)


def catch_up(state: LogState, verifier: Verifier, site_log: Path) -> int:
    """Adopt the entries `site_log` (a built site's log/ directory) publishes beyond the state;
    returns how many. A published log that is not ours, or does not verify, is left alone
    (this build's files replace it)."""
    try:
        note = (site_log / "checkpoint").read_bytes()
    except FileNotFoundError:
        return 0
    try:
        checkpoint = open_checkpoint(note, verifier)
    except NoteError as exc:
        logger.warning("transparency log: the published checkpoint is not ours (%s); it will be replaced", exc)
        return 0
    if checkpoint.size <= state.size():  # the usual case: nothing to take back
        return 0
    snapshot = state.snapshot()
    raw: list[bytes] = []
    try:
        for bundle in bundles(checkpoint.size):
            if bundle.start + bundle.width <= snapshot.size:
                continue
            found = parse_bundle((site_log / bundle.path()).read_bytes())
            if len(found) != bundle.width:
                raise ValueError(f"{bundle.path()} holds {len(found)} entries, not {bundle.width}")
            raw.extend(found[max(0, snapshot.size - bundle.start) :])
        entries = [Entry.decode(data) for data in raw]
    except (OSError, ValueError) as exc:
        logger.error("transparency log: cannot read the published entries beyond the state: %s", exc)
        return 0
    levels = extend_levels(snapshot.levels, [leaf_hash(data) for data in raw])
    if Tree(levels).root() != checkpoint.root:
        logger.error("transparency log: the published entries do not match the published checkpoint; not adopted")
        return 0
    state.append(snapshot.size, entries, levels, {}, (checkpoint.size, note))
    logger.warning(
        "transparency log: the state was behind the published site (an interrupted build); took back entries %d to %d",
        snapshot.size,
        checkpoint.size - 1,
    )
    return len(entries)
