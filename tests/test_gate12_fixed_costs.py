"""The fixed costs a new `aduan build` process pays for one change (issue 8, new user)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_fast_build import one_change_after_a_build

REPO = Path(__file__).resolve().parents[1]


def test_a_new_process_building_one_change_imports_neither_pillow_nor_multiprocessing(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`aduan build` in a new process after one report changed publishes that report serially
    and renders its few pages in-process: Pillow (photos, ~0.1 s of CPU to import) and
    multiprocessing (pools, with pickle and socket: ~0.1 s) were imported by every such build."""
    output, _, store = one_change_after_a_build(tmp_path, 1, 8, region, monkeypatch)
    store.close()
    code = (
        "import json, sys\n"
        "from chalicelib.cli import main\n"
        f"code = main(['build', '--output', {str(output)!r}])\n"
        "heavy = sorted(m for m in ('PIL', 'multiprocessing') if m in sys.modules)\n"
        "print(json.dumps([code, heavy]))\n"
    )
    env = {
        **os.environ,
        "ADUAN_DATA": str(tmp_path / "data"),
        "PYTHONPATH": os.pathsep.join([str(REPO / "functions"), os.environ.get("PYTHONPATH", "")]),
    }
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    exit_code, heavy = json.loads(run.stdout.strip().splitlines()[-1])
    assert exit_code == 0, run.stderr
    assert heavy == [], heavy
