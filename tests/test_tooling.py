"""The tooling the README promises: mypy checks every Python module the app runs, and passes."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import REPO


def mypy_files() -> list[Path]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    return [REPO / f for f in config["tool"]["mypy"]["files"]]


def test_mypy_covers_the_api_the_library_and_the_site_plugin() -> None:
    covered = mypy_files()
    for module in [REPO / "functions" / "app.py", *(REPO / "functions" / "chalicelib").glob("*.py")] + list(
        (REPO / "plugins" / "aduan_site").glob("*.py")
    ):
        assert any(module == f or f in module.parents for f in covered), f"mypy does not check {module}"


def test_mypy_passes_on_what_it_covers() -> None:
    mypy = Path(sys.executable).parent / "mypy"
    result = subprocess.run([str(mypy)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
