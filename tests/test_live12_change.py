"""A change build at N and 3N reports does work that does not grow with the dataset: each
mechanism of session 12 is counted at both sizes, where the count stays the same."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from chalicelib.cli import main
from test_fast_build import one_change_after_a_build
from test_parts import part_rows


def _tracked_after_one_shot_build(root: Path, months: int, region, monkeypatch: pytest.MonkeyPatch) -> int:  # type: ignore[no-untyped-def]
    """How many objects the cyclic collector still walks after `aduan build` (in this process,
    as a new process runs it) put one change online."""
    output, tracking, store = one_change_after_a_build(root, months, 8, region, monkeypatch)
    gc.collect()
    try:
        assert main(["build", "--output", str(output)]) == 0
        tracked = len(gc.get_objects())
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == tracking) == "in_progress"
    store.close()
    return tracked


def test_a_one_shot_change_build_leaves_the_collector_nothing_to_walk_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`aduan build` ends its process after the build: what the build read is moved out of the
    collector's reach (sitebuild._collector_paused), so the young collection after the pause
    does not walk every record read (0.08-0.13 s CPU at 20k). Without it, tens of thousands of
    objects, more at 3N."""
    small = _tracked_after_one_shot_build(tmp_path / "n", 2, region, monkeypatch)
    large = _tracked_after_one_shot_build(tmp_path / "3n", 6, region, monkeypatch)
    assert small < 2_000 and large < 2_000, (small, large)


def test_the_log_signs_without_cryptographys_serialization_package(tmp_path: Path) -> None:
    """The log's key in its raw forms (tlog/note.py): importing cryptography's serialization
    package (SSH, PKCS#12…) for two constants cost every `aduan build` ~0.03 s of CPU."""
    import subprocess
    import sys

    code = (
        "import sys; from chalicelib.tlog.note import Signer; s = Signer.generate('example.org/log'); "
        "t = Signer.from_skey(s.skey()); assert t.verifier.vkey() == s.verifier.vkey(); "
        "print(sorted(m for m in sys.modules if m.startswith('cryptography.hazmat.primitives.serialization')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout
