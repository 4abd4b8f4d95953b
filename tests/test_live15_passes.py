"""The worker's one-change build at province scale (issue 8): the passes over every record or
every file of the site that the 100k profile found, each replaced by work on the changed records.

Counted, not timed: at N and 3N reports, the live build (`search=False`, in the process that
built last) sorts no record list, groups no record into search shards, iterates none of the
dicts it holds of every file, and copies none of them; what it leaves is what a fresh read gives."""

from __future__ import annotations

import heapq
import random
from pathlib import Path
from typing import Any

import pytest
from chalicelib.sitebuild import build
from test_fast_build import another_change_in_the_worker
from test_parts import part_rows


class Watched(dict):  # type: ignore[type-arg]
    """A dict that counts the passes over it (iteration, keys, values, items, copies)."""

    passes = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        Watched.passes += 1
        return super().__iter__()

    def keys(self):  # type: ignore[no-untyped-def]
        Watched.passes += 1
        return super().keys()

    def items(self):  # type: ignore[no-untyped-def]
        Watched.passes += 1
        return super().items()

    def values(self):  # type: ignore[no-untyped-def]
        Watched.passes += 1
        return super().values()


def _live(root: Path, months: int, region: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from aduan_site import dataset as dataset_module
    from aduan_site import pages, state

    # At 100k reports a change build asks about more rows of the state than `Manifest.BULK`
    # (8k listing pages) and reads it whole: from then on the process holds it as dicts. Here
    # at once, as there.
    monkeypatch.setattr(state.Manifest, "BULK", 0)
    output, other, store = another_change_in_the_worker(root, months, 8, region, monkeypatch)
    memory = state._MEMORY[(output / ".aduan-build.db").resolve()]
    shas, inputs = Watched(memory.shas), Watched(memory.inputs)
    memory.shas, memory.inputs = shas, inputs
    seen: dict[str, Any] = {"shard groupings": 0, "record hashes": 0}
    of, load, record_hash = pages.Shards.of, dataset_module.load_dataset, pages._record_hash

    from aduan_site import transparency

    prepare = transparency.prepare

    def noted_prepare(state, name, records, digests):  # type: ignore[no-untyped-def]
        seen["records compared with the log"] = len(records)
        return prepare(state, name, records, digests)

    def counted_hash(tracking, digest):  # type: ignore[no-untyped-def]
        seen["record hashes"] += 1
        return record_hash(tracking, digest)

    def counted_of(records):  # type: ignore[no-untyped-def]
        seen["shard groupings"] += 1
        return of(records)

    def noted_load(public_dir):  # type: ignore[no-untyped-def]
        loaded = load(public_dir)
        seen["patched"] = loaded.patched is not None
        seen["dataset"] = loaded
        return loaded

    monkeypatch.setattr(state.Manifest, "BULK", 0)

    class Heap:
        """heapq, noting the longest list `nlargest` was given (the home page's newest reports)."""

        @staticmethod
        def nlargest(n, iterable, key=None):  # type: ignore[no-untyped-def]
            items = list(iterable)
            seen["longest nlargest"] = max(seen.get("longest nlargest", 0), len(items))
            return heapq.nlargest(n, items, key=key)

    monkeypatch.setattr(pages.Shards, "of", staticmethod(counted_of))
    monkeypatch.setattr(pages, "load_dataset", noted_load)
    monkeypatch.setattr(pages, "heapq", Heap)
    monkeypatch.setattr(pages, "_record_hash", counted_hash)
    monkeypatch.setattr(transparency, "prepare", noted_prepare)
    Watched.passes = 0
    try:
        build(output, search=False)
    finally:
        monkeypatch.undo()
    seen["passes over the file dicts"] = Watched.passes
    after = state._MEMORY.get((output / ".aduan-build.db").resolve())
    seen["updated in place"] = after is not None and after.shas is shas and after.inputs is inputs
    seen["layout kept"] = after is not None and after.layout is not None
    # What the process remembers is what the state's file says.
    reader = state.BuildState(output / ".aduan-build.db")
    reader.remembered = None
    seen["remembered is the file"] = after is not None and reader.files() == (dict(after.shas), dict(after.inputs))
    reader.close()
    # The dataset put together from the last one is the one a fresh read gives.
    dataset_module._SEEN.clear()
    dataset_module._ORDERED.clear()
    fresh = load(root / "data" / "public")
    kept = seen.pop("dataset")
    seen["same dataset"] = kept.records == fresh.records and list(kept.digests.items()) == list(fresh.digests.items())
    seen["status"] = next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == other)
    seen["reports"] = len(fresh.records)
    # The records' sum kept from build to build is the sum of every record's hash.
    kept_sum = pages._LAST[output.resolve()].records_sum
    seen["same sum"] = kept_sum == sum(pages._record_hash(t, d) for t, d in fresh.digests.items()) % 2**256
    store.close()
    return seen


def test_a_live_build_makes_no_pass_over_every_record_or_file_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _live(tmp_path / "n", 2, region, monkeypatch)
    large = _live(tmp_path / "3n", 6, region, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"], (small, large)
    for seen in (small, large):
        assert seen["status"] == "in_progress", seen  # the change is online
        assert seen["patched"] and seen["same dataset"], seen
        assert seen["shard groupings"] == 0, seen
        assert seen["passes over the file dicts"] == 0, seen
        assert seen["updated in place"] and seen["remembered is the file"], seen
        assert seen["layout kept"], seen
        assert seen["records compared with the log"] == 1, seen
        assert seen["record hashes"] <= 2 and seen["same sum"], seen  # the changed report's old and new
        assert seen["longest nlargest"] < 40, seen  # the last list (RECENT) and the changed report


def test_the_state_lists_the_files_outside_prefixes_by_ranges(tmp_path: Path) -> None:
    from aduan_site.state import BuildState

    rng = random.Random(15)
    words = ["a", "a/b", "ab", "b", "data/open311/requests", "en/laporan", "laporan", "_pagefind", "z"]
    paths = sorted({"/".join(rng.choice(words) for _ in range(rng.randint(1, 3))) + f"/{n}" for n in range(400)})
    state = BuildState(tmp_path / "state.db")
    state.save({p: ("s", None) for p in paths}, [], {}, {})
    for prefixes in [(), ("a/",), ("a/", "a/b/"), ("laporan/", "en/laporan/", "data/open311/requests/"), ("z/", "a/")]:
        expected = [p for p in paths if not p.startswith(prefixes)] if prefixes else paths
        assert sorted(state.outside(prefixes)) == expected, prefixes
    state.close()


def test_a_dataset_patched_with_changes_is_the_sorted_one() -> None:
    from aduan_site.dataset import _patched

    rng = random.Random(8)
    records = {f"PSR-{n:04d}": ({"tracking": f"PSR-{n:04d}", "v": 0}, f"d{n}") for n in range(0, 400, 2)}
    ordered = [records[t][0] for t in sorted(records)]
    digests = {t: records[t][1] for t in sorted(records)}
    touched = set()
    for _ in range(60):
        tracking = f"PSR-{rng.randrange(400):04d}"
        touched.add(tracking)
        if rng.random() < 0.3:
            records.pop(tracking, None)
        else:
            records[tracking] = ({"tracking": tracking, "v": rng.random()}, f"e{rng.random()}")
    new_ordered, new_digests = _patched(ordered, digests, records, touched)
    assert new_ordered == [records[t][0] for t in sorted(records)]
    assert new_digests == {t: records[t][1] for t in sorted(records)}
    assert len(ordered) == 200  # the last dataset's list is left as it was


def test_the_worker_starts_warm_so_its_first_change_is_like_the_others(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As it starts, the worker builds with `warm=True` even though nothing changed (a build
    would keep every file unread): the build's state is then held as dicts, the gate's automata
    made, and the log and the dataset known, so its first change compares one record with the
    log, not every record, and reads no row of the state one by one."""
    from aduan_site import state, transparency
    from chalicelib import config, worker
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan
    from test_fast_build import admin_of, one_change_after_a_build

    output, _, store = one_change_after_a_build(tmp_path, 2, 8, region, monkeypatch)
    build(output)  # another process's build: nothing is left to do
    for module in (state._MEMORY, transparency._AGREED):
        module.clear()
    worker.run(output, stop=lambda: True)  # the start, then no turn of its loop
    assert (output / ".aduan-build.db").resolve() in state._MEMORY
    public = tmp_path / "data" / "public"
    service = Aduan(store, region, published=lambda t: read_record(public, t), held=config.gate_index().held)
    other = next(r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified")
    service.act(admin_of(service), other, {"action": "progress", "note": "Petugas dijadwalkan besok"})
    compared: list[int] = []
    prepare = transparency.prepare

    def noted_prepare(log_state, name, records, digests):  # type: ignore[no-untyped-def]
        compared.append(len(records))
        return prepare(log_state, name, records, digests)

    monkeypatch.setattr(transparency, "prepare", noted_prepare)
    build(output, search=False)
    assert compared == [1]
    assert next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == other) == "in_progress"
    store.close()
