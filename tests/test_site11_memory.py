"""A site build from the public dataset holds memory that does not grow with the reports: the
records are held parsed a bounded number at a time (lazyrecord.PARSED_AT_ONCE), and the whole
open data files are made and handed to the gate one at a time (opendata_build.whole_files).
Counted in objects and bytes at N and 3N, not in seconds."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aduan_site import lazyrecord
from aduan_site.lazyrecord import LazyRecord, head_of
from site_fixtures import make_records, make_stats, write_public_dataset
from test_fast_build import new_process


def _lazy(count: int) -> tuple[list[dict[str, Any]], list[LazyRecord]]:
    records = make_records(count)
    raws = [json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() for r in records]
    return records, [LazyRecord(json.loads(head_of(r)), raw) for r, raw in zip(records, raws, strict=True)]


@pytest.mark.parametrize("count", [48, 144])
def test_records_are_held_parsed_a_bounded_number_at_a_time_at_n_and_3n(
    count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lazyrecord, "PARSED_AT_ONCE", 16)
    monkeypatch.setattr(LazyRecord, "_recent", lazyrecord.deque())
    records, lazy = _lazy(count)
    for record in lazy:
        assert record["title"]  # beyond the head: parsed
    assert sum(1 for r in lazy if r._raw is None) == 16
    # A folded record is the record again as soon as more than its head is asked for.
    assert all(r == original for r, original in zip(lazy, records, strict=True))
    # One with a value set on it is never folded: the value would be lost.
    changed = lazy[0]
    assert changed.get("title") and changed._raw is None  # parsed again
    changed["note"] = "ditandai"
    for record in lazy[1:]:
        record.get("title")
    assert changed._raw is None and changed["note"] == "ditandai"


def _dataset_with_cache(root: Path, count: int) -> Path:
    """`count` records published with a journal and read once (which fills the records cache)."""
    from aduan_site.dataset import load_dataset

    public = root / "data" / "public"
    records = make_records(count)
    write_public_dataset(public, records, make_stats(records))
    (public / "changes").mkdir(exist_ok=True)
    entry = {"seq": 1, "at": "2026-11-30T00:00:01+00:00", "trackings": [r["tracking"] for r in records], "full": False}
    (public / "changes" / "1.json").write_text(json.dumps(entry))
    (public / "changes" / "last.json").write_text(json.dumps({"seq": 1, "oldest": 1, "journal": "j"}))
    load_dataset(public)
    return root / "data"


def _build_from_cache(data: Path, output: Path, count: int) -> tuple[dict[str, bytes], int]:
    """The site built in a new process from the records cache, as `aduan build` after a first
    one: (its files, the records held parsed at the end)."""
    from aduan_site.build import build

    new_process()
    LazyRecord._recent.clear()
    made = LazyRecord.made
    build(output, data_dir=data, search=False)
    assert LazyRecord.made - made == count  # built from the cache's lazy records
    files = {str(p.relative_to(output)): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    held = sum(1 for r in LazyRecord._recent if r._raw is None)
    new_process()
    return {p: b for p, b in files.items() if not p.startswith(".aduan")}, held


class _Fixed(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> _Fixed:
        return cls(2026, 11, 30, 1, 0, tzinfo=UTC)


def test_a_build_holds_few_records_parsed_and_writes_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aduan_site import opendata_build

    monkeypatch.setattr(opendata_build, "datetime", _Fixed)  # parts.json says when it was made
    monkeypatch.setattr(LazyRecord, "_recent", lazyrecord.deque())
    for count, root in ((20, tmp_path / "n"), (60, tmp_path / "3n")):
        data = _dataset_with_cache(root, count)
        monkeypatch.setattr(lazyrecord, "PARSED_AT_ONCE", 10_000)
        unbounded, held = _build_from_cache(data, root / "all", count)
        assert held == count  # every record parsed by the build
        monkeypatch.setattr(lazyrecord, "PARSED_AT_ONCE", 8)
        site, held = _build_from_cache(data, root / "bounded", count)
        assert held <= 8, (count, held)
        assert site.keys() == unbounded.keys()
        assert [p for p in site if site[p] != unbounded[p]] == []


def test_the_whole_data_files_are_held_one_at_a_time(tmp_path: Path) -> None:
    """The peak of the open data's making stays under twice the whole files' bytes: they are not
    all held at once beside the monthly parts, the Open311 lines and the snapshot's copies (it
    was 2.5 times at 400 records, 1.5 times once they are made one at a time)."""
    from aduan_site.build import build

    public = tmp_path / "data" / "public"
    records = make_records(400)
    write_public_dataset(public, records, make_stats(records))
    output = tmp_path / "output"
    tracemalloc.start()
    try:
        from aduan_site import opendata_build

        peaks: list[int] = []
        write = opendata_build.write_open_data

        def measured(*args: Any, **kwargs: Any) -> None:
            tracemalloc.reset_peak()
            start = tracemalloc.get_traced_memory()[0]
            write(*args, **kwargs)
            peaks.append(tracemalloc.get_traced_memory()[1] - start)

        opendata_build.write_open_data = measured  # type: ignore[assignment]
        import aduan_site.pages as pages

        pages.write_open_data = measured  # type: ignore[assignment]
        try:
            build(output, data_dir=tmp_path / "data", search=False)
        finally:
            opendata_build.write_open_data = write
            pages.write_open_data = write
    finally:
        tracemalloc.stop()
    sizes = sorted(((output / "data" / n).stat().st_size for n in opendata_build.WHOLE_FILES), reverse=True)
    assert peaks and peaks[0] < 2 * sum(sizes), (peaks, sizes)
