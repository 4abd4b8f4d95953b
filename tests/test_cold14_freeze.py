"""A first or full build moves what its process holds out of the cyclic collector's reach, and
what it made before each fork of its workers too (sitebuild._collector_paused,
publish_pool.frozen_before_fork): at 20k reports the collector otherwise walked the reports,
records and dataset in each of 14 full collections (4.4 s of the parent's CPU)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from chalicelib import publish_pool
from chalicelib.sitebuild import _collector_paused


@pytest.fixture
def nothing_frozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("nothing_frozen")
def test_a_first_build_in_a_process_that_goes_on_ends_with_nothing_frozen() -> None:
    kept = [{"record": n} for n in range(1000)]
    with _collector_paused(False, exiting=False):
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)
        made = [{"later": n} for n in range(1000)]
        publish_pool.frozen_before_fork()  # what was made since is frozen too
        walked = {id(o) for o in gc.get_objects()}  # what the collector still walks
        assert not any(id(m) in walked for m in made)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


@pytest.mark.usefixtures("nothing_frozen")
def test_a_first_build_of_a_process_about_to_exit_leaves_it_frozen() -> None:
    with _collector_paused(False, exiting=True):
        pass
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()


@pytest.mark.usefixtures("nothing_frozen")
def test_a_pool_freezes_nothing_in_a_process_that_froze_nothing() -> None:
    publish_pool.frozen_before_fork()
    assert gc.get_freeze_count() == 0
    assert publish_pool.ordered_map(abs, list(range(-500, 500)), processes=2, min_batch=1) == [
        abs(n) for n in range(-500, 500)
    ]
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("nothing_frozen")
def test_a_pool_forked_in_a_first_build_gives_the_same_results() -> None:
    with _collector_paused(False, exiting=False):
        before = gc.get_freeze_count()
        items = [str(n) * 3 for n in range(1000)]
        assert publish_pool.ordered_map(len, items, processes=2, min_batch=1) == [len(i) for i in items]
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == 0
