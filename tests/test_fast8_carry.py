"""A change build leaves the records that did not change alone (`IncrementalOutput.carry`):
their pages, photos and Open311 files are neither named nor looked at, so what the second
`aduan build` looks at does not grow with the dataset; and what it makes, and deletes, is what a
build from scratch of the same dataset makes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from aduan_site import output as output_module
from aduan_site.build import build as build_site
from chalicelib.sitebuild import build
from site_fixtures import make_records, make_stats, write_public_dataset
from test_fast_build import new_process
from test_parts import _site_with_one_change, part_rows

PER_RECORD = output_module.CARRIED
COMPARED = (*PER_RECORD, "instansi/", "en/instansi/", "status/", "en/status/")


def _named_per_record(root: Path, months: int, region: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Build `months` months of reports, move one on, build again as a new process: which
    per-record files that build named (made or kept by name), how many it asked about, and how
    many of the state's rows it read."""
    from aduan_site.output import IncrementalOutput

    store, _public, output, tracking = _site_with_one_change(region, root, months, 7, monkeypatch)
    new_process()
    from aduan_site.state import BuildState, Manifest

    seen: dict[str, Any] = {"asked": 0, "whole manifest reads": 0, "rows read": 0}
    finish, reusable = IncrementalOutput.finish, IncrementalOutput.reusable
    files, row = BuildState.files, Manifest.row

    def counted_files(self):  # type: ignore[no-untyped-def]
        seen["whole manifest reads"] += 1
        return files(self)

    def counted_row(self, path):  # type: ignore[no-untyped-def]
        # Report pages' rows are what the search plan asks for the months it looks at: every
        # month here, as these builds make no index (search=False) for it to follow.
        if not path.startswith(("laporan/", "en/laporan/")):
            seen["rows read"] += path not in self.rows and self.whole is None
        return row(self, path)

    def counted_reusable(self, relpath, digest, **kwargs):  # type: ignore[no-untyped-def]
        seen["asked"] += relpath.startswith(PER_RECORD)
        return reusable(self, relpath, digest, **kwargs)

    def noted_finish(self):  # type: ignore[no-untyped-def]
        seen["named"] = sorted(p for p in self.files if p.startswith(PER_RECORD))
        seen["carrying"] = self.carrying
        return finish(self)

    monkeypatch.setattr(IncrementalOutput, "reusable", counted_reusable)
    monkeypatch.setattr(BuildState, "files", counted_files)
    monkeypatch.setattr(Manifest, "row", counted_row)
    monkeypatch.setattr(IncrementalOutput, "finish", noted_finish)
    result = build(output, search=False)
    monkeypatch.undo()
    store.close()
    pages = sum(1 for listing in ("instansi", "status") for _ in (output / listing).rglob("index.html"))
    return {
        **seen,
        "tracking": tracking,
        "written": result["written"],
        "reports": len(part_rows(output, "reports")),
        "listing pages": pages,
    }


def test_the_second_build_names_only_the_changed_records_files_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _named_per_record(tmp_path / "n", 2, region, monkeypatch)
    large = _named_per_record(tmp_path / "3n", 6, region, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"]
    for costs in (small, large):
        assert costs["carrying"] is True, costs
        tracking = costs["tracking"]
        # The changed record's two pages and its Open311 file, nothing of any other record.
        assert costs["named"] == [
            f"data/open311/requests/{tracking}.json",
            f"en/laporan/{tracking}/index.html",
            f"laporan/{tracking}/index.html",
        ], costs
    assert large["asked"] == small["asked"] <= 3, (small, large)
    # The build's state is read row by row (state.Manifest) but once whole, by the search plan,
    # which lists the previous bundles and keeps every kept bundle's files by name (still O(N):
    # the next thing to make proportional). What grows is a row per listing page and language
    # (N / PAGE_SIZE, prefetched as a range) and at most 8 per month of open data parts (4
    # months more); not a row per report.
    assert small["whole manifest reads"] == large["whole manifest reads"] == 1, (small, large)
    more_pages = large["listing pages"] - small["listing pages"]
    assert large["rows read"] - small["rows read"] <= 2 * more_pages + 32, (small, large)
    assert large["written"] == small["written"], (small, large)


def _tree(root: Path, prefixes: tuple[str, ...]) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and str(p.relative_to(root)).startswith(prefixes)
    }


def test_carried_builds_delete_a_record_that_left_and_match_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changes through the journal, each built as a new process: a record changed, one moved
    to another status, one that leaves the dataset (its pages, photo and Open311 file go), one that joins. The per-record
    files and the listings' pages are those of a twin whose builds look at every record, byte
    for byte."""
    from aduan_site.output import IncrementalOutput

    records = make_records(24)
    photo = records[5]
    public = tmp_path / "var" / "public"
    picture = f"attachments/{photo['tracking']}/abcdef12.jpg"
    photo["attachments"] = [{"id": "abcdef12", "path": picture, "width": 4, "height": 3}]
    (public / picture).parent.mkdir(parents=True)
    (public / picture).write_bytes(b"\xff\xd8\xff\xe0 not really a photo \xff\xd9")

    def published(seq: int, changed: list[str]) -> None:
        write_public_dataset(public, records, make_stats(records))
        (public / "changes").mkdir(exist_ok=True)
        entry = {"seq": seq, "at": f"2026-11-30T00:00:0{seq}+00:00", "trackings": changed, "full": False}
        (public / "changes" / f"{seq}.json").write_text(json.dumps(entry))
        (public / "changes" / "last.json").write_text(json.dumps({"seq": seq, "oldest": 1, "journal": "j"}))

    carried: list[bool] = []
    finish = IncrementalOutput.finish

    def noted_finish(self):  # type: ignore[no-untyped-def]
        carried.append(self.carrying)
        return finish(self)

    monkeypatch.setattr(IncrementalOutput, "finish", noted_finish)
    output = tmp_path / "output"
    published(1, [r["tracking"] for r in records])
    build_site(output, data_dir=tmp_path / "var", search=False)

    gone, joining = photo["tracking"], make_records(30)[-1]
    assert (output / "laporan" / gone / "index.html").is_file()
    assert any((output / "laporan" / gone).glob("foto-*.jpg"))
    steps = [
        (records[3]["tracking"], lambda: records[3].update(title="Saluran air tersumbat di depan sekolah")),
        # Moved on: it leaves one status listing and joins another's entry page.
        (records[1]["tracking"], lambda: records[1].update(status="resolved", updated="2026-11-29T09:00:00+07:00")),
        (gone, lambda: records.remove(photo)),
        (joining["tracking"], lambda: records.append(joining)),
    ]
    # The twin: the same datasets without their journal, so each of its builds looks at every
    # record (and sorts every record into its listings); its state goes on from build to build
    # as the chain's does, so their listings' pages must be the same too.
    twin, twin_data = tmp_path / "twin", tmp_path / "twin-var"
    shutil.copytree(public, twin_data / "public", ignore=shutil.ignore_patterns("changes"))
    build_site(twin, data_dir=twin_data, search=False)
    for seq, (tracking, change) in enumerate(steps, start=2):
        change()
        published(seq, [tracking])
        new_process()
        build_site(output, data_dir=tmp_path / "var", search=False)
        shutil.rmtree(twin_data / "public")
        shutil.copytree(public, twin_data / "public", ignore=shutil.ignore_patterns("changes"))
        new_process()
        build_site(twin, data_dir=twin_data, search=False)
        kept, made = _tree(output, COMPARED), _tree(twin, COMPARED)
        assert len(made) > 60 and (sorted(set(kept) - set(made)), sorted(set(made) - set(kept))) == ([], [])
        assert [p for p in made if made[p] != kept[p]] == []
    assert not (output / "laporan" / gone).exists()
    assert not (output / "data" / "open311" / "requests" / f"{gone}.json").exists()
    assert (output / "laporan" / joining["tracking"] / "index.html").is_file()
    # The first builds and the twin's look at everything; the chain's builds carry.
    assert carried == [False, False, *[True, False] * 4], carried


def test_the_manifest_reads_rows_as_asked_and_whole_past_its_bound(tmp_path: Path) -> None:
    """state.Manifest answers as BuildState.files's dicts do, reading a row per path asked
    until BULK paths, then every row at once, handing the plain dicts to its holder."""
    from aduan_site.state import _MEMORY, BuildState, Column, Manifest

    state = BuildState(tmp_path / "state.db")
    rows = {f"laporan/T{n:03}/index.html": (f"sha{n}", f"in{n}" if n % 2 else None) for n in range(30)}
    rows["_pagefind/a/x.pf_fragment"] = ("shaX", "key")
    state.save(rows, [], {}, {})
    handed: list[dict[str, str]] = []
    shas, inputs = state.lazy_files(on_whole=lambda s, i: handed.extend([s, i]))
    assert isinstance(shas, Column) and isinstance(inputs, Column)
    assert shas["laporan/T001/index.html"] == "sha1" and inputs.get("laporan/T001/index.html") == "in1"
    assert inputs.get("laporan/T002/index.html") is None and "laporan/T002/index.html" in shas
    assert "laporan/none/index.html" not in shas and shas.get("nowhere") is None
    assert shas.under("_pagefind/") == ["_pagefind/a/x.pf_fragment"] and handed == []
    manifest = shas.manifest
    assert len(manifest.rows) == 4  # the four paths asked about, nothing else read
    whole = {path: sha for path, (sha, _) in rows.items()}
    old_bound, Manifest.BULK = Manifest.BULK, 5
    try:
        for n in range(10):
            assert shas[f"laporan/T{n:03}/index.html"] == f"sha{n}"
    finally:
        Manifest.BULK = old_bound
    assert handed == [whole, {p: i for p, (_, i) in rows.items() if i is not None}]
    # A prefetched range is read at once and does not count toward the bound.
    state.close()
    _MEMORY.clear()  # a new process: nothing of the state remembered
    state = BuildState(tmp_path / "state.db")
    fresh, _ = state.lazy_files()
    assert isinstance(fresh, Column)
    fresh.manifest.prefetch("laporan/")
    assert len(fresh.manifest.rows) == 30 and fresh.manifest.asked == 0
    assert fresh["laporan/T029/index.html"] == "sha29" and fresh.manifest.whole is None
    assert dict(shas) == whole and len(inputs) == 16
    state.close()
