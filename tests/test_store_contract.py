"""The store contract: every test here runs on every store (SQLite, and DynamoDB on moto server).

A new backend joins by adding a parameter to the `store` fixture; what SQLite alone promises
(its file, its migrations) is in test_sqlite_store.py, what DynamoDB alone needs (an import cut
short, AWS errors) in test_dynamo_store.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from chalicelib import actions, config
from chalicelib.deadline import OfficersDeadline
from chalicelib.errors import Conflict, ValidationError
from chalicelib.officers import Officer, hash_token, new_token
from chalicelib.passwords import Login
from chalicelib.report import Report
from chalicelib.sessions import Session
from chalicelib.store import Store
from chalicelib.submission import new_report, validate
from conftest import FakeClock, submission

ADMIN = "officer:admin"


@pytest.fixture(params=["sqlite", pytest.param("dynamodb", marks=pytest.mark.aws)])
def store(request: pytest.FixtureRequest, data_dir) -> Iterator[Store]:
    if request.param == "dynamodb":
        request.getfixturevalue("aws_backend")
    s = config.store()
    yield s
    if hasattr(s, "close"):
        s.close()
    # With ADUAN_BACKEND=aws nothing may be written locally.
    assert request.param == "sqlite" or not data_dir.exists()


def make(region, clock: FakeClock, *, ref: str | None = None, **overrides) -> Report:
    return new_report(validate(submission(**overrides), region), region, now=clock(), ref=ref)[0]


def verified(region, clock: FakeClock, agency: str, **overrides) -> Report:
    report = make(region, clock, **overrides)
    actions.verify(report, {"agency": agency}, region, ADMIN, clock())
    return report


def trackings(reports) -> list[str]:
    return [r.tracking for r in reports]


# -- saving, versions, uniqueness -------------------------------------------------------------


def test_round_trip_keeps_everything(store, region, clock) -> None:
    report = make(region, clock, ref="ESAMBAT-1")
    store.save([report])
    loaded = store.get(report.tracking)
    assert loaded is not None and loaded.to_dict() == report.to_dict()
    assert loaded.reporter.phone == "+6281234567890" and loaded.version == 1 and report.version == 1
    assert store.get("PSR-0000-0000") is None


def test_each_save_moves_the_version_on(store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    clock.advance(hours=1)
    actions.verify(report, {"agency": "pupr"}, region, ADMIN, clock())
    store.save([report])
    loaded = store.get(report.tracking)
    assert loaded.version == 2 and loaded.status.value == "verified" and loaded.agency == "pupr"
    assert [u.status.value for u in loaded.updates if u.status] == ["received", "verified"]


def test_a_stale_copy_is_refused(store, region, clock) -> None:
    report = make(region, clock)
    store.save([report])
    first, second = store.get(report.tracking), store.get(report.tracking)
    first.title = "Judul baru yang cukup panjang"
    store.save([first])
    second.title = "Judul lain yang cukup panjang"
    with pytest.raises(Conflict):
        store.save([second])
    assert store.get(report.tracking).title == "Judul baru yang cukup panjang"
    assert second.version == 1  # the refused copy did not move on


def test_a_taken_tracking_number_is_refused_and_the_batch_is_all_or_nothing(store, region, clock) -> None:
    good, clash = make(region, clock), make(region, clock)
    store.save([good])
    newcomer = make(region, clock)
    clash.tracking = good.tracking
    with pytest.raises(Conflict):
        store.save([newcomer, clash])
    assert store.count() == 1 and store.get(newcomer.tracking) is None
    assert [e.tracking for e in store.pending_events()] == [good.tracking]
    assert newcomer.version == 0 and clash.version == 0  # the caller's copies did not move on


def test_a_ref_belongs_to_one_report(store, region, clock) -> None:
    first = make(region, clock, ref="ESAMBAT-7")
    store.save([first])
    with pytest.raises(Conflict):
        store.save([make(region, clock, ref="ESAMBAT-7")])
    with pytest.raises(Conflict):
        store.save([make(region, clock, ref="ESAMBAT-8"), make(region, clock, ref="ESAMBAT-8")])
    assert store.count() == 1 and store.get_by_ref("ESAMBAT-8") is None
    found = store.get_by_ref("ESAMBAT-7")
    assert found is not None and found.tracking == first.tracking and store.get_by_ref("nope") is None


def test_a_batch_bigger_than_one_transaction_is_stored_whole(store, region, clock) -> None:
    reports = []
    for n in range(40):  # with its ref and event, 3 items a report: two DynamoDB transactions
        clock.advance(minutes=1)
        reports.append(make(region, clock, ref=f"BIG-{n}"))
    store.save(reports)
    assert store.count() == 40 and all(r.version == 1 for r in reports)
    assert {r.tracking for r in store.all()} == {r.tracking for r in reports}
    assert store.get_by_ref("BIG-39").tracking == reports[39].tracking
    assert [e.tracking for e in store.pending_events()] == trackings(reports)


def test_a_big_batch_with_one_stale_report_writes_nothing(store, region, clock) -> None:
    old = make(region, clock, ref="OLD")
    store.save([old])
    stale = store.get(old.tracking)
    old.title = "Judul yang diubah orang lain"
    store.save([old])
    stale.title = "Judul dari salinan lama"
    batch = [make(region, clock, ref=f"NEW-{n}") for n in range(40)]
    with pytest.raises(Conflict):
        store.save([*batch[:20], stale, *batch[20:]])
    assert store.count() == 1 and store.get_by_ref("NEW-0") is None and store.get_by_ref("NEW-39") is None
    assert all(r.version == 0 for r in batch)


def test_a_long_report_round_trips_and_keeps_growing(store, region, clock) -> None:
    report = make(region, clock)

    def add(count: int) -> None:
        for n in range(count):  # ~2 KB a note: DynamoDB seals earlier updates into items of their own
            clock.advance(minutes=5)
            actions.add_information(report, f"Tambahan informasi ke-{n}: " + "jalan berlubang " * 120, clock())

    add(150)
    store.save([report])
    assert store.get(report.tracking).to_dict() == report.to_dict()
    add(60)
    store.save([report])
    for loaded in (store.get(report.tracking), store.find()[0], next(iter(store.all()))):
        assert loaded.to_dict() == report.to_dict() and len(loaded.updates) == 211 and loaded.version == 2


# -- listings ---------------------------------------------------------------------------------


@pytest.fixture
def city(store, region, clock) -> dict[str, Report]:
    """Six reports an hour apart: three received, two verified for pupr, one for kesehatan."""
    reports = {}
    for name in ("r1", "r2", "p1", "r3", "p2", "k1"):
        clock.advance(hours=1)
        if name.startswith("p"):
            reports[name] = verified(region, clock, "pupr")
        elif name.startswith("k"):
            reports[name] = verified(region, clock, "kesehatan")
        else:
            reports[name] = make(region, clock)
    store.save(list(reports.values()))
    return reports


def names(found, city) -> list[str]:
    by_tracking = {r.tracking: name for name, r in city.items()}
    return [by_tracking[r.tracking] for r in found]


def test_find_filters_and_orders_newest_first(store, city) -> None:
    assert names(store.find(), city) == ["k1", "p2", "r3", "p1", "r2", "r1"]
    assert names(store.find(status="received"), city) == ["r3", "r2", "r1"]
    assert names(store.find(agency="pupr"), city) == ["p2", "p1"]
    assert names(store.find(status="verified", agency="kesehatan"), city) == ["k1"]
    assert names(store.find(status="received", limit=2), city) == ["r3", "r2"]
    assert store.find(status="resolved") == [] and store.find(agency="perkim") == []


def test_an_update_moves_a_report_to_the_top_and_out_of_its_old_status(store, city, region, clock) -> None:
    report = store.get(city["r1"].tracking)
    clock.advance(hours=1)
    actions.verify(report, {"agency": "pupr"}, region, ADMIN, clock())
    store.save([report])
    assert names(store.find(), city)[0] == "r1"
    assert names(store.find(status="received"), city) == ["r3", "r2"]
    assert names(store.find(agency="pupr", status="verified"), city) == ["r1", "p2", "p1"]


def test_same_time_is_ordered_by_tracking_number_descending(store, region, clock) -> None:
    same = [make(region, clock) for _ in range(4)]
    store.save(same)
    assert trackings(store.find()) == sorted(trackings(same), reverse=True)


def test_updates_within_one_second_keep_their_order_to_the_microsecond(store, region, clock) -> None:
    made = []
    for _ in range(6):  # 250 µs apart, all within one second; the tracking numbers are random
        clock.advance(microseconds=250)
        made.append(make(region, clock))
    store.save(made)
    newest_first = list(reversed(trackings(made)))
    assert trackings(store.find()) == newest_first
    assert store.get(made[0].tracking).updated_at == made[0].updated_at  # kept, not rounded
    seen, cursor = [], None
    while True:  # a cursor between two of them, not just between seconds
        page = store.find(limit=1, cursor=cursor)
        seen += trackings(page)
        if page.cursor is None:
            break
        cursor = page.cursor
    assert seen == newest_first


def test_a_cursor_walks_every_report_once(store, city) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        page = store.find(limit=4, cursor=cursor)
        seen += names(page, city)
        pages += 1
        cursor = page.cursor
        if cursor is None:
            break
    assert pages == 2 and seen == names(store.find(), city)
    assert names(store.find(limit=6), city) == seen and store.find(limit=6).cursor is None
    first = store.find(status="received", limit=1)
    assert names(store.find(status="received", limit=5, cursor=first.cursor), city) == ["r2", "r1"]


def test_a_cursor_is_not_shifted_by_a_report_moving_to_the_top(store, city, region, clock) -> None:
    first = store.find(limit=3)
    assert names(first, city) == ["k1", "p2", "r3"]
    report = store.get(city["r1"].tracking)  # from the next page: it moves to the top
    clock.advance(hours=1)
    actions.add_information(report, "Masih belum diperbaiki sampai sekarang", clock())
    store.save([report])
    assert names(store.find(limit=3, cursor=first.cursor), city) == ["p1", "r2"]


def test_offset_still_pages(store, city) -> None:
    assert names(store.find(limit=2, offset=2), city) == ["r3", "p1"]
    assert names(store.find(agency="pupr", offset=1), city) == ["p1"]
    assert store.find(offset=6) == []


def test_a_cursor_not_given_out_is_refused(store, city) -> None:
    for bad in ("nonsense", "e30", "W10"):
        with pytest.raises(ValidationError):
            store.find(cursor=bad)


def test_all_is_every_report_oldest_first_and_count_agrees(store, city) -> None:
    assert names(store.all(), city) == ["r1", "r2", "p1", "r3", "p2", "k1"]
    assert store.count() == 6


# -- officers ---------------------------------------------------------------------------------


def officer(clock: FakeClock, name: str, role: str = "admin", agency: str | None = None) -> tuple[Officer, str]:
    token = new_token()
    clock.advance(minutes=1)
    return Officer(name.lower(), name, role, agency, hash_token(token), clock()), token


def test_officers_are_found_by_token_listed_and_revoked(store, clock) -> None:
    (ani, ani_token), (budi, budi_token) = officer(clock, "Ani"), officer(clock, "Budi", "agency", "pupr")
    store.add_officer(ani)
    store.add_officer(budi)
    assert store.officer_by_token_hash(hash_token(budi_token)) == budi
    assert store.officer_by_token_hash(hash_token("adn_not-a-token")) is None
    assert [o.name for o in store.officers()] == ["Ani", "Budi"]
    assert store.revoke_officer("ani") is True
    assert store.revoke_officer("ani") is False and store.revoke_officer("nobody") is False
    assert store.officer_by_token_hash(hash_token(ani_token)).active is False
    assert [o.active for o in store.officers()] == [False, True]


def test_a_token_belongs_to_one_officer(store, clock) -> None:
    ani, _ = officer(clock, "Ani")
    store.add_officer(ani)
    twin = Officer("twin", "Twin", "auditor", None, ani.token_hash, clock())
    with pytest.raises(Conflict):
        store.add_officer(twin)
    assert [o.id for o in store.officers()] == ["ani"]


# -- officers' sign-in: logins and sessions ---------------------------------------------------


def test_an_officer_is_found_by_id(store, clock) -> None:
    ani, _ = officer(clock, "Ani")
    store.add_officer(ani)
    assert store.officer("ani") == ani and store.officer("nobody") is None


def test_a_login_belongs_to_one_officer_and_its_password_can_change(store, clock) -> None:
    ani, _ = officer(clock, "Ani")
    store.add_officer(ani)
    store.add_login(Login("ani.kominfo", "ani", "$argon2id$first", clock()))
    with pytest.raises(Conflict):
        store.add_login(Login("ani.kominfo", "someone-else", "$argon2id$other", clock()))
    assert store.login("ani.kominfo") == Login("ani.kominfo", "ani", "$argon2id$first", clock())
    assert store.login("budi") is None
    clock.advance(hours=1)
    assert store.set_password("ani.kominfo", "$argon2id$second", clock()) is True
    assert store.set_password("budi", "$argon2id$x", clock()) is False
    changed = store.login("ani.kominfo")
    assert changed.password_hash == "$argon2id$second" and changed.updated_at == clock()


def test_a_session_is_kept_hashed_touched_and_ended(store, clock) -> None:
    started = clock()
    session = Session("a" * 64, "ani", started, started)
    store.add_session(session)
    assert store.session("a" * 64) == session and store.session("b" * 64) is None
    clock.advance(hours=2)
    store.touch_session("a" * 64, clock())
    assert store.session("a" * 64) == Session("a" * 64, "ani", started, clock())
    store.touch_session("c" * 64, clock())  # a session that is gone stays gone
    assert store.session("c" * 64) is None
    assert store.end_session("a" * 64) is True and store.end_session("a" * 64) is False
    assert store.session("a" * 64) is None


def test_ending_an_officers_sessions_spares_the_one_kept_and_other_officers(store, clock) -> None:
    for id_hash, officer in (("a" * 64, "ani"), ("b" * 64, "ani"), ("c" * 64, "ani"), ("d" * 64, "budi")):
        store.add_session(Session(id_hash, officer, clock(), clock()))
    assert store.end_sessions("ani", keep="b" * 64) == 2
    assert store.session("a" * 64) is None and store.session("c" * 64) is None
    assert store.session("b" * 64) is not None and store.session("d" * 64) is not None
    assert store.end_sessions("ani") == 1 and store.session("b" * 64) is None
    assert store.end_sessions("ani") == 0 and store.session("d" * 64) is not None


# -- officers' deadlines: overdue first -----------------------------------------------------------


def test_overdue_reports_are_listed_longest_overdue_first_with_a_cursor(store, region, clock) -> None:
    rule = OfficersDeadline(region.service_levels)
    # Saved before the store had a rule (by a command-line import, say): dated once it has one.
    oldest = make(region, clock)
    store.save([oldest])
    assert store.find_overdue(today=date(2027, 1, 1)) == []  # no rule yet: nothing is known late
    store.keep_deadlines(rule)
    clock.advance(days=2)
    older, pupr, worked = make(region, clock), verified(region, clock, "pupr"), verified(region, clock, "pupr")
    actions.progress(worked, {"note": "Petugas sudah turun ke lokasi."}, region, ADMIN, clock())
    clock.advance(days=30)
    fresh, fresh_pupr = make(region, clock), verified(region, clock, "pupr")
    store.save([older, pupr, worked, fresh, fresh_pupr])
    today = clock().date()
    late = sorted((r for r in (oldest, older, pupr) if rule(r) < today), key=lambda r: (rule(r), r.tracking))
    first_due = rule(late[0])
    assert len(late) == 3 and rule(fresh) >= today and rule(fresh_pupr) >= today and rule(worked) is None

    seen, cursor = [], None
    while True:
        page = store.find_overdue(today=today, limit=1, cursor=cursor)
        seen += trackings(page)
        if page.cursor is None:
            break
        cursor = page.cursor
    assert seen == trackings(late)
    assert trackings(store.find_overdue(today=today, agency="pupr")) == [pupr.tracking]
    assert trackings(store.find_overdue(today=today, status="received")) == trackings(r for r in late if r != pupr)
    # A first follow-up ends the officers' deadline; so does the day moving back before it.
    actions.progress(pupr, {"note": "Sudah dijadwalkan perbaikan."}, region, ADMIN, clock())
    store.save([pupr])
    assert pupr.tracking not in trackings(store.find_overdue(today=today))
    assert store.find_overdue(today=first_due) == []  # due that day: not late yet
    with pytest.raises(ValidationError):
        store.find_overdue(today=today, cursor="bm90IGEgY3Vyc29y")


# -- publish events ---------------------------------------------------------------------------


def test_every_save_leaves_a_publish_event(store, region, clock) -> None:
    a, b = make(region, clock), make(region, clock)
    store.save([a, b])
    clock.advance(hours=1)
    actions.add_information(a, "Informasi tambahan dari pelapor", clock())
    store.save([a])
    events = store.pending_events()
    assert [e.tracking for e in events] == [a.tracking, b.tracking, a.tracking]
    assert [e.seq for e in events] == sorted({e.seq for e in events})
    assert store.pending_events(limit=1) == events[:1]
    store.ack_events(events[0].seq)
    assert store.pending_events() == events[1:]
    store.ack_events(events[-1].seq)
    assert store.pending_events() == []
    store.save([b])
    assert store.pending_events()[0].seq > events[-1].seq  # numbers are never reused


def test_concurrent_saves_commit_in_sequence_order(request, store, region, clock) -> None:
    if "dynamodb" in request.node.name:
        # moto cancels a transaction by restoring a copy of the whole table taken when it began,
        # which undoes whatever another thread committed meanwhile; DynamoDB isolates them.
        # test_dynamo_store.py interleaves two saves deterministically instead.
        pytest.skip("moto server's transactions are not isolated from each other")
    reports = [make(region, clock) for _ in range(12)]
    store.save(reports)
    errors: list[BaseException] = []

    def act(report: Report) -> None:
        try:
            for n in range(3):
                actions.add_information(report, f"Informasi tambahan nomor {n}", clock())
                store.save([report])
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)

    threads = [threading.Thread(target=act, args=(r,)) for r in reports[:6]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    events = store.pending_events()
    assert len(events) == 12 + 6 * 3
    assert [e.seq for e in events] == sorted({e.seq for e in events})
    assert all(store.get(r.tracking).version == 4 for r in reports[:6])


# -- rate limits ------------------------------------------------------------------------------


def limited(store) -> Store:
    if not hasattr(store, "take_token"):
        # Store.take_token comes with the rate limits of the hostile-input work; until that is
        # merged here, only the DynamoDB store has it and these tests run on it alone.
        pytest.skip("this store has no rate-limit buckets yet")
    return store


def test_a_bucket_starts_full_and_refuses_when_empty(store) -> None:
    store = limited(store)
    assert [store.take_token("ip:a", 3, 1.0, 1000.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert store.take_token("ip:a", 3, 1.0, 1000.0) == pytest.approx(1.0)
    assert store.take_token("ip:b", 3, 1.0, 1000.0) == 0.0  # another key, another bucket


def test_a_bucket_refills_over_time_up_to_its_capacity(store) -> None:
    store = limited(store)
    for _ in range(2):
        store.take_token("ip:a", 2, 0.5, 1000.0)
    assert store.take_token("ip:a", 2, 0.5, 1001.0) == pytest.approx(1.0)  # half a token so far
    assert store.take_token("ip:a", 2, 0.5, 1002.0) == 0.0
    later = 1_000_000.0  # long after: full, never more than full
    assert [store.take_token("ip:a", 2, 0.5, later) for _ in range(3)][2] == pytest.approx(2.0)
