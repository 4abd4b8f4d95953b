"""The docs promise only what exists: README commands, Make targets, CLI subcommands, routes."""

from __future__ import annotations

import re

from chalicelib.cli import parser
from conftest import REPO

README = (REPO / "README.md").read_text()
MAKEFILE = (REPO / "Makefile").read_text()


def test_readme_first_screen_gives_run_and_test() -> None:
    first_screen = "\n".join(README.splitlines()[:25])
    assert "make run" in first_screen and "make test" in first_screen


def test_every_make_target_in_the_readme_exists() -> None:
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.M))
    mentioned = set(re.findall(r"`make ([a-z-]+)`", README)) | set(re.findall(r"^make ([a-z-]+)", README, re.M))
    assert mentioned and mentioned <= targets, mentioned - targets


def test_every_aduan_subcommand_is_documented_and_every_documented_one_exists() -> None:
    subcommands = set(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    documented = set(re.findall(r"`aduan ([a-z-]+)", README))
    assert documented == subcommands, documented ^ subcommands


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_every_documented_api_path_exists() -> None:
    from app import app

    paths = set(re.findall(r"http://127\.0\.0\.1:8000(/[a-z/{}._-]*)", README))
    assert len(paths) >= 3
    routes = set(app.routes)
    for path in paths:
        if path in ("/", ""):
            continue
        normalized = re.sub(r"PSR-XXXX-XXXX", "{tracking}", path)
        assert normalized in routes or normalized.rstrip("/") in routes, path
