"""A change build in a new process (`aduan build` after one change) does work that does not grow
with the dataset in two more places: the records cache hands the records over unparsed beyond
their head (lazyrecord.py), and the search plan carries the months' bundles it does not look at
as whole directories (`IncrementalOutput.carry_under`), without reading the build's state whole."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from aduan_site.lazyrecord import HEAD, LazyRecord, head_of
from chalicelib.sitebuild import build
from site_fixtures import make_records, make_stats, write_public_dataset
from test_fast_build import new_process, one_change_after_a_build
from test_parts import part_rows


def _second_build(root: Path, months: int, region: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Import `months` months of reports, build (with the search index), move one verified
    report on, build again as a new process: what that build read and named."""
    from aduan_site.output import IncrementalOutput
    from aduan_site.state import BuildState

    output, tracking, store = one_change_after_a_build(root, months, 8, region, monkeypatch)

    seen: dict[str, Any] = {"whole state reads": 0}
    files, finish = BuildState.files, IncrementalOutput.finish

    def counted_files(self):  # type: ignore[no-untyped-def]
        seen["whole state reads"] += 1
        return files(self)

    def noted_finish(self):  # type: ignore[no-untyped-def]
        seen["bundle files named"] = sum(1 for p in self.files if p.startswith("_pagefind/"))
        seen["bundles carried"] = sum(1 for d in self.carried_dirs if d.startswith("_pagefind/"))
        return finish(self)

    monkeypatch.setattr(BuildState, "files", counted_files)
    monkeypatch.setattr(IncrementalOutput, "finish", noted_finish)
    build(output)
    monkeypatch.undo()
    seen["reports"] = len(part_rows(output, "reports"))
    seen["shards"] = json.loads((output / "_pagefind" / "shards.json").read_text())["shards"]
    seen["tracking"] = tracking
    store.close()
    return seen


def test_the_second_build_carries_the_search_bundles_it_does_not_look_at_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _second_build(tmp_path / "n", 2, region, monkeypatch)
    large = _second_build(tmp_path / "3n", 6, region, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"], (small, large)
    # Every month but the changed page's carried as a directory, the state never read whole,
    # the files named those of the new recent shard and the search UI, as many at 3N as at N.
    for costs in (small, large):
        assert costs["whole state reads"] == 0, costs
        assert costs["bundles carried"] == len(costs["shards"]) - 2, costs  # not its month, not recent
    assert large["bundle files named"] == small["bundle files named"], (small, large)


def _records_from_cache(public: Path, count: int) -> tuple[int, int, bool]:
    """Publish `count` records with a journal, read them (a build's first read, which fills the
    records cache), then read them again as a new process: (records made from the cache, those
    parsed by that read, whether they are the records the first read gave)."""
    from aduan_site.dataset import load_dataset

    records = make_records(count)
    write_public_dataset(public, records, make_stats(records))
    (public / "changes").mkdir(exist_ok=True)
    entry = {"seq": 1, "at": "2026-11-30T00:00:01+00:00", "trackings": [r["tracking"] for r in records], "full": False}
    (public / "changes" / "1.json").write_text(json.dumps(entry))
    (public / "changes" / "last.json").write_text(json.dumps({"seq": 1, "oldest": 1, "journal": "j"}))
    first = load_dataset(public)
    new_process()
    made, parsed = LazyRecord.made, LazyRecord.parsed
    again = load_dataset(public)
    made, parsed = LazyRecord.made - made, LazyRecord.parsed - parsed
    same = again.records == first.records and again.digests == first.digests
    return made, parsed, same


def test_records_come_from_the_cache_unparsed_at_n_and_3n(tmp_path: Path) -> None:
    for count in (24, 72):
        made, parsed, same = _records_from_cache(tmp_path / str(count) / "public", count)
        assert (made, parsed, same) == (count, 0, True), count


def test_a_lazy_record_is_the_record_once_anything_beyond_its_head_is_read() -> None:
    record = {"agency": "dinas-pu", "title": "Jalan rusak", "tracking": "ADU-1", "status": "verified", "n": [1, 2]}
    raw = json.dumps(record).encode()
    head = dict(json.loads(head_of(record)))
    assert set(head) == {k for k in HEAD if k in record}

    lazy = LazyRecord(head, raw)
    assert lazy["tracking"] == "ADU-1" and lazy.get("agency") == "dinas-pu" and "status" in lazy
    assert "submitted" not in dict.keys(lazy) and lazy._raw is not None  # nothing parsed yet
    assert lazy.get("title") == "Jalan rusak" and lazy._raw is None
    assert list(lazy) == list(record) and lazy == record  # the JSON's key order

    # A value set before parsing wins; every view of it is the whole record.
    lazy = LazyRecord(head, raw)
    lazy["status"] = "resolved"
    assert json.dumps(lazy) == json.dumps({**record, "status": "resolved"})
    for view in (dict(LazyRecord(head, raw)), {**LazyRecord(head, raw)}, LazyRecord(head, raw).copy()):
        assert view == record and type(view) is dict
    assert pickle.loads(pickle.dumps(LazyRecord(head, raw))) == record
    assert len(LazyRecord(head, raw)) == len(record)
    assert (
        hashlib.sha256(repr(LazyRecord(head, raw)).encode()).digest() == hashlib.sha256(repr(record).encode()).digest()
    )
    missing = LazyRecord(head, raw)
    assert missing.get("submitted") is None and "submitted" not in missing
    with pytest.raises(KeyError):
        LazyRecord(head, raw)["submitted"]


def test_orjson_sees_only_the_head_so_the_site_build_never_hands_it_a_record() -> None:
    """orjson reads a dict subclass's storage directly: an unparsed record would be written as its
    head alone, silently. The site build's modules do not use orjson to write (only lazyrecord reads
    with it); a module that starts to must call dict(r) first, and this test names it."""
    import orjson
    from aduan_site import lazyrecord

    raw = b'{"tracking":"T1","status":"baru","title":"Lampu mati"}'
    assert orjson.loads(orjson.dumps(lazyrecord.LazyRecord([["tracking", "T1"]], raw))) == {"tracking": "T1"}
    assert orjson.loads(orjson.dumps(dict(lazyrecord.LazyRecord([["tracking", "T1"]], raw))))["title"] == "Lampu mati"
    plugin = Path(lazyrecord.__file__).parent
    modules = [p for p in sorted(plugin.glob("*.py")) if p.name != "lazyrecord.py"]
    writers = [p.name for p in modules if "orjson.dumps" in p.read_text(encoding="utf-8")]
    assert writers == [], f"these modules write with orjson: pass them dict(record), then list them here: {writers}"
