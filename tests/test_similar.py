"""The similar-report search's candidates: from the SQLite store's place index (category and
kelurahan), bounded, whatever else the agency has; the same ones from a store without the index
(read through its agency listing) when the agency has few reports."""

from __future__ import annotations

from collections.abc import Sequence

from chalicelib import similar
from chalicelib.lifecycle import Status
from chalicelib.region import Region
from chalicelib.report import Report
from chalicelib.service import Aduan
from chalicelib.sqlite_store import SQLiteStore
from chalicelib.store import Page
from conftest import FakeClock, submission

HERE = {"kecamatan": "Panggungrejo", "kelurahan": "Trajeng", "address": "Jl. Veteran"}
ELSEWHERE = {"kecamatan": "Gadingrejo", "kelurahan": "Bukir", "address": "Jl. Hayam Wuruk"}


def verified(service: Aduan, clock: FakeClock, count: int, **overrides: object) -> list[str]:
    admin = service.authenticate("Bearer " + service.add_officer(f"Admin {clock()}", "admin")[1])
    filed = []
    for _ in range(count):
        report, _ = service.submit(submission(**overrides))
        service.act(admin, report.tracking, {"action": "verify"})
        clock.advance(minutes=1)  # each one newer than the last
        filed.append(report.tracking)
    return filed


class ListingOnly:
    """A store with only the listing every store has (as DynamoStore), no place index."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store

    def find(self, **kwargs: object) -> Page:
        return self._store.find(**kwargs)  # type: ignore[arg-type]


def candidates(store: object, report: Report, region: Region) -> Sequence[str]:
    return list(similar.candidates(store, report, region))  # type: ignore[arg-type]


def test_candidates_come_from_the_place_even_when_the_agency_is_busy_elsewhere(
    service: Aduan, store: SQLiteStore, region: Region, clock: FakeClock
) -> None:
    assert isinstance(store, similar.PlaceIndex)
    here = verified(service, clock, 2, location=HERE)
    secret = verified(service, clock, 1, location=HERE, confidential=True)
    other_category = verified(service, clock, 1, location=HERE, category="lalu-lintas-parkir")
    # More of the same agency's reports elsewhere, all newer, than an agency listing reads.
    elsewhere = verified(service, clock, similar.LISTED + 1, location=ELSEWHERE)
    new, _ = service.submit(submission(location=HERE))

    found = candidates(store, new, region)
    assert found == here[::-1]  # newest first
    assert not set(found) & {*secret, *other_category, *elsewhere, new.tracking}
    # Through the agency listing alone, the busy agency pushes them out of reach.
    assert candidates(ListingOnly(store), new, region) == []


def test_candidates_are_bounded_per_status(
    service: Aduan, store: SQLiteStore, region: Region, clock: FakeClock
) -> None:
    here = verified(service, clock, similar.CANDIDATES + 2, location=HERE)
    admin = service.authenticate("Bearer " + service.add_officer("Petugas", "admin")[1])
    service.act(admin, here[0], {"action": "progress", "note": "Sedang dikerjakan"})
    new, _ = service.submit(submission(location=HERE))

    found = candidates(store, new, region)
    assert len(found) == similar.CANDIDATES + 1  # CANDIDATES verified, and the one in progress
    assert found[: similar.CANDIDATES] == here[::-1][: similar.CANDIDATES]
    assert found[-1] == here[0] and store.get(here[0]).status == Status.IN_PROGRESS  # type: ignore[union-attr]


def test_a_store_without_the_index_finds_the_same_few(
    service: Aduan, store: SQLiteStore, region: Region, clock: FakeClock
) -> None:
    verified(service, clock, 3, location=HERE)
    verified(service, clock, 2, location=ELSEWHERE)
    verified(service, clock, 1, location=HERE, confidential=True)
    new, _ = service.submit(submission(location=HERE))
    assert candidates(ListingOnly(store), new, region) == candidates(store, new, region) != []


def test_a_sensitive_category_or_no_kelurahan_has_no_candidates(
    service: Aduan, store: SQLiteStore, region: Region, clock: FakeClock
) -> None:
    verified(service, clock, 2, location=HERE, category="layanan-kesehatan")
    sensitive, _ = service.submit(submission(location=HERE, category="layanan-kesehatan"))
    assert candidates(store, sensitive, region) == []
    nowhere, _ = service.submit(submission(location={"kecamatan": "Panggungrejo"}))
    assert candidates(store, nowhere, region) == []


def test_published_records_are_parsed_once_per_version_of_their_file(tmp_path) -> None:
    """The API's reader of the public dataset (published_records.py) parses a record's file
    once, hands the same record out while the file stays, and reads it again once the
    publisher replaces it (a new file, as publish.write_json writes) or deletes it."""
    import json
    import os

    from chalicelib.published_records import PublishedRecords

    reports = tmp_path / "reports"
    reports.mkdir()

    def publish(tracking: str, title: str) -> None:
        tmp = reports / f"{tracking}.tmp"
        tmp.write_text(json.dumps({"tracking": tracking, "title": title, "status": "verified"}), "utf-8")
        os.replace(tmp, reports / f"{tracking}.json")

    records = PublishedRecords(tmp_path)
    publish("PSR-A", "Jalan rusak")
    first = records("PSR-A")
    assert first is not None and first["title"] == "Jalan rusak"
    assert all(records("PSR-A") is first for _ in range(5)) and records.reads == 1
    publish("PSR-A", "Jalan rusak parah")  # same size or not, a new file
    assert records("PSR-A")["title"] == "Jalan rusak parah" and records.reads == 2
    (reports / "PSR-A.json").unlink()
    assert records("PSR-A") is None and records("PSR-NOPE") is None
    publish("PSR-A", "Jalan rusak")
    assert records("PSR-A")["title"] == "Jalan rusak" and records.reads == 3


def test_a_submission_reads_each_published_neighbour_once_across_requests(service, clock, data_dir) -> None:
    """Similar reports are looked for on every submission: with the records kept, a second
    submission at the same place reads no published file again."""
    from chalicelib import config
    from chalicelib.published_records import published_records

    filed = verified(service, clock, 3, location=HERE)
    config.publisher().publish_pending()
    records = published_records(data_dir / "public")
    app_service = config.service()
    first, _ = app_service.submit(submission(location=HERE))
    assert {s["tracking"] for s in app_service.similar(first)} == set(filed)
    before = records.reads
    assert before >= len(filed)  # the API's service reads through it
    second, _ = config.service().submit(submission(location=HERE))
    assert {s["tracking"] for s in config.service().similar(second)} == set(filed)
    assert records.reads == before
