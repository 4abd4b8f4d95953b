"""Atom feeds of the public updates: site-wide and per agency, newest 50, valid Atom."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from aduan_site.build import build
from site_fixtures import load_region, make_records, write_public_dataset

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def feed(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{A}feed"
    return root


def check_atom(root: ET.Element) -> None:
    """RFC 4287's musts: feed id, title, updated, an author (here on the feed); each entry an id,
    title, updated and a link; ids unique; dates RFC 3339."""
    for tag in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{tag}")) == 1 and root.find(f"{A}{tag}").text, tag
    assert root.find(f"{A}author/{A}name").text
    assert RFC3339.match(root.find(f"{A}updated").text)
    assert root.find(f"{A}link[@rel='self']") is not None
    ids = [root.find(f"{A}id").text]
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{tag}")) == 1 and entry.find(f"{A}{tag}").text, tag
        assert RFC3339.match(entry.find(f"{A}updated").text)
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith("/laporan/")
        ids.append(entry.find(f"{A}id").text)
    assert all(i.startswith("urn:uuid:") for i in ids) and len(ids) == len(set(ids))


def timeline(site: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data/updates.csv").read_text(encoding="utf-8"), newline="")))


def newest(updates: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(tracking, date) of the updates, newest first, as the feeds order them."""
    ordered = sorted(updates, key=lambda u: (u["date"], u["tracking"], int(u["seq"])), reverse=True)
    return [(u["tracking"], u["date"]) for u in ordered]


def entries(root: ET.Element) -> list[tuple[str, str]]:
    return [
        (e.find(f"{A}link").get("href").split("/")[2], e.find(f"{A}updated").text[:10])
        for e in root.findall(f"{A}entry")
    ]


def test_site_feed_has_the_newest_50_updates(demo: Path) -> None:
    root = feed(demo / "feeds/updates.atom.xml")
    check_atom(root)
    updates = timeline(demo)
    assert len(updates) > 50
    assert entries(root) == newest(updates)[:50]
    assert root.find(f"{A}updated").text == root.find(f"{A}entry/{A}updated").text
    first = root.find(f"{A}entry")
    assert first.find(f"{A}updated").text.endswith("T00:00:00+07:00")
    assert first.find(f"{A}summary").text.startswith(entries(root)[0][0])


def test_agency_feeds_hold_only_their_reports(demo: Path) -> None:
    updates = timeline(demo)
    reports = list(csv.DictReader(io.StringIO((demo / "data/reports.csv").read_text(encoding="utf-8"), newline="")))
    agency_of = {r["tracking"]: r["agency"] for r in reports}
    for agency in load_region()["agencies"]:
        path = demo / "instansi" / agency["id"] / "updates.atom.xml"
        root = feed(path)
        check_atom(root)
        own = [u for u in updates if agency_of[u["tracking"]] == agency["id"]]
        assert entries(root) == newest(own)[:50], agency["id"]
        assert agency["short_name"] in root.find(f"{A}title").text
        page = (demo / "instansi" / agency["id"] / "index.html").read_text()
        assert (
            f'<link rel="alternate" type="application/atom+xml" title="Pembaruan laporan {agency["short_name"]}" '
            f'href="/instansi/{agency["id"]}/updates.atom.xml">'
        ) in page


def test_pages_link_the_site_feed(demo: Path) -> None:
    link = '<link rel="alternate" type="application/atom+xml" title="{}" href="/feeds/updates.atom.xml">'
    assert link.format("Pembaruan laporan") in (demo / "index.html").read_text()
    assert link.format("Report updates") in (demo / "en/index.html").read_text()
    assert link.format("Pembaruan laporan") in (demo / "data-terbuka/index.html").read_text()


def test_entry_ids_are_stable_and_feeds_change_only_with_updates(tmp_path: Path) -> None:
    records = make_records(30)
    write_public_dataset(tmp_path / "var/public", records)
    build(tmp_path / "output", data_dir=tmp_path / "var")
    before = feed(tmp_path / "output/feeds/updates.atom.xml")
    ids = {
        e.find(f"{A}link").get("href") + e.find(f"{A}title").text: e.find(f"{A}id").text
        for e in before.findall(f"{A}entry")
    }

    changed = next(r for r in records if r["status"] == "verified")
    changed["timeline"].append(
        {
            "date": "2026-11-20",
            "type": "note",
            "status": None,
            "agency": changed["agency"],
            "note": "Petugas menjadwalkan survei",
        }
    )
    changed["updated"] = "2026-11-20"
    write_public_dataset(tmp_path / "var/public", records)
    result = build(tmp_path / "output", data_dir=tmp_path / "var")
    assert {"feeds/updates.atom.xml", f"instansi/{changed['agency']}/updates.atom.xml"} <= set(result.written_files)
    others = {f for f in result.written_files if f.endswith(".atom.xml")} - {
        "feeds/updates.atom.xml",
        f"instansi/{changed['agency']}/updates.atom.xml",
    }
    assert others == set()
    after = feed(tmp_path / "output/feeds/updates.atom.xml")
    top = after.find(f"{A}entry")
    assert top.find(f"{A}link").get("href") == f"/laporan/{changed['tracking']}/"
    assert "Petugas menjadwalkan survei" in top.find(f"{A}summary").text
    for entry in after.findall(f"{A}entry"):
        key = entry.find(f"{A}link").get("href") + entry.find(f"{A}title").text
        if key in ids:
            assert entry.find(f"{A}id").text == ids[key]

    result = build(tmp_path / "output", data_dir=tmp_path / "var")
    assert not [f for f in result.written_files if f.endswith(".atom.xml")]


def test_feed_of_an_empty_site_is_valid(tmp_path: Path) -> None:
    build(tmp_path / "output", data_dir=tmp_path / "nothing")
    root = feed(tmp_path / "output/feeds/updates.atom.xml")
    check_atom(root)
    assert root.findall(f"{A}entry") == []
