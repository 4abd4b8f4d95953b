"""The redactor's start cache: a new process imports it from the cache and finds exactly the same.

Each case runs the import in a new process (the cache is for the next process), with ``ADUAN_CACHE``
pointing into a temporary directory, and compares what ``find_pii`` finds on texts of the first corpus
and on edge cases with what a process that compiled everything itself found.
"""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import redaction_corpus  # noqa: E402
from chalicelib.redaction import startcache  # noqa: E402

TEXTS = [s.text for s in redaction_corpus.generate(60, seed=9191)] + [
    "Nama saya Budi Santoso, NIK 3575012345670001, HP 0812-3456-7890, Jl. Mawar No. 5 RT 3 RW 4",
    "Pak Budi Santoso, S.Pd., M.Si. dan Ibu-ibu RT 03 RW 05 di Jum'at sore; dr. Andi,SH ke RSUD dr. R. Soedarsono",
    "email budi.santoso(at)gmail.com, ig @budi_s, rek BRI 4467 0167 52, npwp 01.234.567.8-901.000",
]

# What the child prints: whether the cache file was there, how many patterns re's compiler made during
# the import, how many kept patterns differ from re's own compilation of them, and the results.
CHILD = """
import json, re, sys, time
import pathlib  # compiles a pattern of urllib's before the start cache is read: not the redactor's
from re import _compiler
made = [0]
compile = _compiler.compile
def counted(pattern, flags=0):
    made[0] += 1
    return compile(pattern, flags)
_compiler.compile = counted
import chalicelib.redaction as redaction
from chalicelib.redaction import startcache
_compiler.compile = compile
kept = startcache._STORE.patterns
differ = [p for (p, f), entry in kept.items() if startcache._compiled(p, entry) != compile(p, f)]
texts = json.load(open(sys.argv[1]))
found = [[list(m) for m in redaction.find_pii(t)] for t in texts]
print(json.dumps({"made": made[0], "kept": len(kept), "differ": len(differ), "found": found}))
"""


def _child(tmp_path: Path, cache: str) -> dict[str, Any]:
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps(TEXTS))
    env = {**os.environ, "ADUAN_CACHE": cache, "PYTHONPATH": str(ROOT / "functions")}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(texts)], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def compiled_afresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a process with the cache turned off finds: the reference."""
    return _child(tmp_path_factory.mktemp("off"), "off")


def test_the_second_process_compiles_nothing_and_finds_the_same(
    tmp_path: Path, compiled_afresh: dict[str, Any]
) -> None:
    cache = tmp_path / "cache"
    first = _child(tmp_path, str(cache))
    files = list(cache.glob("redaction-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 0
    second = _child(tmp_path, str(cache))
    assert compiled_afresh["made"] > 100  # the detectors' patterns, compiled by re
    assert first["made"] >= compiled_afresh["made"]
    assert second["made"] == 0  # every one of them came from the cache
    assert second["kept"] >= compiled_afresh["made"] and second["differ"] == 0
    assert first["found"] == second["found"] == compiled_afresh["found"]
    assert any(compiled_afresh["found"])


def test_a_damaged_cache_is_ignored_and_written_again(tmp_path: Path, compiled_afresh: dict[str, Any]) -> None:
    cache = tmp_path / "cache"
    _child(tmp_path, str(cache))
    (path,) = cache.glob("redaction-*.marshal")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    damaged = _child(tmp_path, str(cache))
    assert damaged["made"] >= compiled_afresh["made"] and damaged["found"] == compiled_afresh["found"]
    # the same patterns and values, written whole again (with the times they were used, which differ)
    again, before = marshal.loads(path.read_bytes()), marshal.loads(whole)
    assert set(again) == set(before) and again.pop("used").keys() == before.pop("used").keys()
    assert again == before


def test_an_unwritable_cache_costs_nothing_and_changes_nothing(tmp_path: Path, compiled_afresh: dict[str, Any]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    child = _child(tmp_path, str(blocker / "cache"))
    assert child["found"] == compiled_afresh["found"]
    assert child["kept"] == 0  # nothing worked out for a file that cannot be written
    assert not (blocker / "cache").exists()


def test_remembered_answers_by_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ADUAN_CACHE", str(tmp_path))
    monkeypatch.setattr(startcache, "_STORE", startcache._Store())
    calls: list[str] = []

    def work(value: str) -> frozenset[str]:
        calls.append(value)
        return frozenset({value})

    key_a = startcache.digest([b"inputs", "a"])
    assert key_a != startcache.digest([b"inputsa"])  # parts are delimited, not concatenated
    assert startcache.remembered(key_a, lambda: work("a")) == frozenset({"a"})
    assert startcache.remembered(key_a, lambda: work("again")) == frozenset({"a"})
    startcache.save()
    monkeypatch.setattr(startcache, "_STORE", startcache._Store())  # a new process, as far as it knows
    assert startcache.remembered(key_a, lambda: work("later")) == frozenset({"a"})
    key_b = startcache.digest([b"inputs", "b"])
    assert startcache.remembered(key_b, lambda: work("b")) == frozenset({"b"})
    assert calls == ["a", "b"]


def test_a_value_unused_for_a_month_is_dropped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An old lexicon (its data files edited since) does not stay in the file for ever."""
    monkeypatch.setenv("ADUAN_CACHE", str(tmp_path))
    clock = [1_000_000_000.0]
    monkeypatch.setattr(startcache, "_now", lambda: clock[0])
    old, kept, new = (startcache.digest([name]) for name in ("old", "kept", "new"))

    def process(*keys: str) -> None:  # a new process that asks for these keys, then writes the file
        monkeypatch.setattr(startcache, "_STORE", startcache._Store())
        for key in keys:
            startcache.remembered(key, lambda key=key: key)
        startcache.save()

    process(old, kept)
    clock[0] += 20 * 86400
    process(kept)  # "kept" is touched (more than a day since), "old" is not
    assert set(marshal.loads(startcache._file().read_bytes())["values"]) == {old, kept}  # type: ignore[union-attr]
    clock[0] += 15 * 86400  # "old" unused for 35 days, "kept" for 15
    process(kept, new)
    assert set(marshal.loads(startcache._file().read_bytes())["values"]) == {kept, new}  # type: ignore[union-attr]


def test_each_version_has_its_own_file_and_an_unread_one_is_deleted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A process reads only its own version's file; another version's file goes once unread for a month."""
    cache, source = tmp_path / "cache", tmp_path / "redaction"
    source.mkdir()
    (source / "names.py").write_text("one")
    monkeypatch.setenv("ADUAN_CACHE", str(cache))
    monkeypatch.setattr(startcache, "_SOURCES", (source,))

    def process(key: str) -> Path:  # a new process that works out one value and writes its file
        monkeypatch.setattr(startcache, "_STORE", startcache._Store())
        startcache.remembered(key, lambda: key)
        startcache.save()
        path = startcache._file()
        assert path is not None
        return path

    first = process("a")
    (source / "names.py").write_text("two, longer")  # an edit: another version
    second = process("b")
    assert first != second and {p.name for p in cache.glob("redaction-*.marshal")} == {first.name, second.name}
    assert set(marshal.loads(second.read_bytes())["values"]) == {"b"}  # not the other version's values
    month_ago = startcache._now() - 31 * 86400
    os.utime(first, (month_ago, month_ago))
    process("c")  # the second version writes again: the first's file, unread for a month, goes
    assert [p.name for p in cache.glob("redaction-*.marshal")] == [second.name]


def test_a_built_pattern_is_made_once_and_compiled_the_same(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ADUAN_CACHE", str(tmp_path))
    built: list[int] = []

    def build() -> re.Pattern[str]:
        built.append(1)
        return re.compile("(?:" + "|".join(sorted(["budi", "jalan mawar", "rsud"])) + r")\b", re.IGNORECASE)

    for _ in range(2):  # two processes, as far as the start cache knows
        monkeypatch.setattr(startcache, "_STORE", startcache._Store())
        pattern = startcache.remembered_pattern([b"code", "budi", "jalan mawar", "rsud"], build)
        startcache.save()
        assert pattern == build() and pattern.flags == re.IGNORECASE | re.UNICODE
    assert len(built) == 1 + 2  # built by the first process only (and once more by each assertion)
