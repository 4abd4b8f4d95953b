"""The publication gate stops a build that would leak, and writes nothing of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chalicelib.errors import PublicationRefused
from chalicelib.importer import import_lines
from chalicelib.sitebuild import build, check_leaks, held_publication
from test_import import H, line


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and ".lock" not in p.name}


def test_a_leak_the_redactor_cannot_see_stops_the_build(service, region, data_dir: Path, tmp_path: Path) -> None:
    import_lines([line("A-1", H), line("A-2", H)], service.store, region)
    output = tmp_path / "output"
    build(output)
    before = snapshot(output)
    report = service.store.get_by_ref("A-1")
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    # An officer's edit is published as written: the redactor never sees it. Here it carries
    # the reporter's phone number and name, which the store knows.
    service.act(
        admin,
        report.tracking,
        {"action": "edit", "public_description": "Air mati. Info dari Siti Aminah, 0812 3456 7890."},
    )
    with pytest.raises(PublicationRefused) as refused:
        build(output)
    message = str(refused.value)
    assert report.tracking in message and "telepon" in message and "nama" in message
    assert "3456" not in message  # the error itself leaks nothing
    assert snapshot(output) == before  # not one file of the refused build was written
    held = held_publication()  # what the officers' console shows
    assert held["refused"] and any(report.tracking in p for p in held["problems"])
    assert not any("3456" in p for p in held["problems"])

    service.act(admin, report.tracking, {"action": "edit", "public_description": "Air mati di Bugul Lor."})
    build(output)
    assert held_publication() == {"refused": False, "problems": []}
    assert "Air mati di Bugul Lor." in (output / "laporan" / report.tracking / "index.html").read_text()


def test_check_leaks_scans_what_is_already_published(service, region, data_dir: Path, tmp_path: Path) -> None:
    import_lines([line("A-1", H)], service.store, region)
    output = tmp_path / "output"
    build(output)
    assert check_leaks(output) == []
    planted = output / "data" / "extra.csv"
    planted.write_text("ref,contact\nA-1,+62 812-3456-7890\n")
    leaks = check_leaks(output)
    assert len(leaks) == 1 and "data/extra.csv" in leaks[0]


def test_confidential_reports_identifiers_are_guarded_too(service, region, data_dir: Path, tmp_path: Path) -> None:
    secret = json.loads(line("C-1", H, confidential=True))
    secret["reporter"] = {"name": "Wiryo Sudarsono", "phone": "0857-1111-2222", "email": None, "nik": None}
    import_lines([json.dumps(secret), line("A-1", H)], service.store, region)
    public = service.store.get_by_ref("A-1")
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    service.act(admin, public.tracking, {"action": "edit", "public_title": "Keluhan Wiryo Sudarsono"})
    with pytest.raises(PublicationRefused) as refused:
        build(tmp_path / "output")
    assert service.store.get_by_ref("C-1").tracking in str(refused.value)
