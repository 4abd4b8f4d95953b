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
