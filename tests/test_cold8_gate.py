"""Cold publish, session 8: the gate's record check in the publish pool's workers, and the plan
of the scan over every strong key kept in the gate's index between builds."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from chalicelib import publish, publish_pool
from chalicelib.gate import GateIndex, check
from chalicelib.gate.files import Scanner, ScanPlan
from chalicelib.gate.identifiers import Identifier
from chalicelib.importer import import_lines
from test_gate import LEAKY, admin_of
from test_gate_scan import ALL, hostile_texts
from test_privacy_build import stuffed_lines
from test_publish_pool import _dataset, _index_rows, _publisher


def _keys(scanner: Scanner, text: str) -> list[tuple[str, str]]:
    return [(leak.identifier.tracking, leak.identifier.key) for leak in scanner.scan_text(text, "x")]


def test_a_scanner_made_from_a_kept_plan_finds_what_one_made_from_its_keys_finds() -> None:
    rng = random.Random(81)
    texts = hostile_texts(seed=81)
    for _ in range(8):
        ids = list({i.key: i for i in rng.sample(ALL, rng.randint(2, len(ALL)))}.values())
        by_key = {i.key: i for i in ids}
        made = Scanner(ids)
        plan = ScanPlan.loads(ScanPlan.of(by_key).dumps())
        assert plan is not None
        kept = Scanner.of_plan(plan, by_key.__getitem__)
        for text in texts:
            assert _keys(kept, text) == _keys(made, text), text
            data = text.encode("utf-8", "surrogatepass")
            assert [str(x) for x in kept.scan_bytes(data, "f")] == [str(x) for x in made.scan_bytes(data, "f")]


def test_a_plan_of_another_version_or_no_plan_at_all_is_made_again() -> None:
    assert ScanPlan.loads('{"version": 0, "numbers": [], "phrases": [], "pairs": {}, "anchors": []}') is None
    assert ScanPlan.loads("not json") is None
    assert ScanPlan.loads("[]") is None


def _ident(tracking: str, key: str) -> Identifier:
    return Identifier(tracking, "telepon" if key.startswith("#") else "nama", key, True, "…")


def test_the_index_keeps_its_scan_plan_and_extends_it_as_strong_keys_are_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []
    real = ScanPlan.of.__func__  # type: ignore[attr-defined]

    def counted(cls: type[ScanPlan], keys, *, quick: bool = True) -> ScanPlan:
        made.append(1)
        return real(cls, keys, quick=quick)

    monkeypatch.setattr(ScanPlan, "of", classmethod(counted))
    path = tmp_path / "gate.db"
    index = GateIndex(path)
    index.replace([("PSR-A", 1, [_ident("PSR-A", "#81234567890"), _ident("PSR-A", "sutrisno wibisono")])])
    text = "hubungi 0812-3456-7890 atau Pak SUTRISNO Wibisono, juga 0813 5566 7788 dan Bu Ratna Kusumawati"
    assert _keys(index.scanner(), text) == [("PSR-A", "#81234567890"), ("PSR-A", "sutrisno wibisono")]
    assert made == [1]
    # Another process (a second build) reads the kept plan: no plan is made.
    again = GateIndex(path)
    assert _keys(again.scanner(), text) == [("PSR-A", "#81234567890"), ("PSR-A", "sutrisno wibisono")]
    again.replace([("PSR-A", 2, [_ident("PSR-A", "#81234567890"), _ident("PSR-A", "sutrisno wibisono")])])
    assert _keys(GateIndex(path).scanner(), text) == [("PSR-A", "#81234567890"), ("PSR-A", "sutrisno wibisono")]
    assert made == [1]
    # New strong keys extend the kept plan, and the next scan finds them (a kept plan that
    # missed them would not).
    again.replace([("PSR-B", 1, [_ident("PSR-B", "#81355667788"), _ident("PSR-B", "ratna kusumawati")])])
    found = _keys(GateIndex(path).scanner(), text)
    assert made == [1]
    assert sorted(found) == [
        ("PSR-A", "#81234567890"),
        ("PSR-A", "sutrisno wibisono"),
        ("PSR-B", "#81355667788"),
        ("PSR-B", "ratna kusumawati"),
    ]
    # A key taken away drops the plan: it is made again, and the scan stops naming the key.
    again.replace([("PSR-B", 2, [_ident("PSR-B", "ratna kusumawati")])])
    assert ("PSR-B", "#81355667788") not in _keys(GateIndex(path).scanner(), text)
    assert made == [1, 1]


def test_a_plan_extended_key_by_key_finds_what_a_plan_made_at_once_finds() -> None:
    rng = random.Random(82)
    texts = hostile_texts(seed=82)
    ids = list({i.key: i for i in ALL}.values())
    rng.shuffle(ids)
    by_key = {i.key: i for i in ids}
    plan = ScanPlan.of([])
    for start in range(0, len(ids), 3):
        plan = plan.adding(i.key for i in ids[start : start + 3])
    extended = Scanner.of_plan(plan, by_key.__getitem__)
    made = Scanner(ids)
    for text in texts:
        assert sorted(_keys(extended, text)) == sorted(_keys(made, text)), text


def test_the_record_check_runs_in_the_workers_and_holds_back_what_a_serial_publish_holds(
    service, region, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = service.store
    assert import_lines(stuffed_lines(60, seed=81), store, region).created == 60
    leaky = next(r for r in store.all() if publish.is_published(r))
    service.act(admin_of(service), leaky.tracking, {"action": "edit", "public_description": LEAKY, "force": True})
    monkeypatch.setenv("ADUAN_PUBLISH_WORKERS", "1")
    serial = _publisher(store, region, clock, tmp_path / "serial")
    serial.publish_all()
    checked_by = tmp_path / "pids"
    real = check.check_record

    def check_record(*args, **kwargs):
        with open(checked_by, "a") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(publish, "check_record", check_record)
    monkeypatch.setenv("ADUAN_PUBLISH_WORKERS", "2")
    monkeypatch.setattr(publish_pool, "MIN_BATCH", 10)
    monkeypatch.setattr(publish_pool, "CHUNK", 5)
    pooled = _publisher(store, region, clock, tmp_path / "pooled")
    pooled.publish_all()
    pids = checked_by.read_text().split()
    assert len(pids) == len([r for r in store.all() if publish.is_published(r)])
    assert str(os.getpid()) not in pids, "the parent checked no record"
    a, b = _dataset(tmp_path / "serial" / "public"), _dataset(tmp_path / "pooled" / "public")
    assert a.keys() == b.keys() and [k for k in a if a[k] != b[k]] == []
    assert f"reports/{leaky.tracking}.json" not in b
    assert [h["tracking"] for h in pooled.gate.holds()] == [leaky.tracking]
    assert serial.gate.holds() == pooled.gate.holds()
    assert _index_rows(tmp_path / "serial" / "gate.db") == _index_rows(tmp_path / "pooled" / "gate.db")
    # The gate's index of what is public agrees too: a later identifier finds the same records.
    assert serial.gate.public_trackings() == pooled.gate.public_trackings()
    ident = next(i for i in pooled.gate.strong() if i.is_number)
    assert serial.gate.containing([ident]) == pooled.gate.containing([ident])
