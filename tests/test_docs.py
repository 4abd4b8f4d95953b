"""The docs promise only what exists: README commands, Make targets, CLI subcommands, routes."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
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


# -- docs/ and every document: what they name exists ---------------------------------------

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
IMPORT_FORMAT = REPO / "docs" / "import-format.md"
CODE = [
    *(REPO / "functions").rglob("*.py"),
    *(REPO / "plugins").rglob("*.py"),
    REPO / "pelicanconf.py",
    REPO / "publishconf.py",
    REPO / "Makefile",
]
# Paths under these are made by running Aduan, not kept in the repository.
GENERATED = (
    "output/",
    "var/",
    "public/",
    "$ADUAN_DATA",
    "reports/",
    "attachments/",
    "snapshots/",
    "statistics/",
    "open311/",
    "changes/",  # the public dataset's journal and the site's changes feed
    ".aduan-",  # a build's own state in its output directory (.aduan-state/, .aduan-search/)
    "log/",  # the transparency log a build publishes (and its state under ADUAN_DATA)
    "data/",  # the open data a build publishes under output/data/
    "application/",  # media types, not paths
    "dataset/",  # prefixes and objects in the AWS buckets (docs/aws.md)
    "state/",
    "_build/",
    "laporan/",
    "_pagefind/",
    "x/",
    "text/",
)


def tracked_files() -> list[str]:
    return subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()


def spans(text: str) -> list[str]:
    """Inline code spans and the targets of Markdown links."""
    return re.findall(r"(?<!`)`([^`\n]+)`(?!`)", text) + re.findall(r"\]\(([^)\s]+)\)", text)


def test_the_docs_the_readme_points_to_exist() -> None:
    for name in ("architecture.md", "glossary.md", "import-format.md", "public-dataset.md"):
        assert (REPO / "docs" / name).is_file(), name
        assert f"docs/{name}" in README, name


def test_nothing_points_to_documents_outside_the_repository() -> None:
    outside = [name + ".md" for name in ("DESIGN", "NOTES")]
    for path in tracked_files():
        file = REPO / path
        if (
            file.suffix not in (".py", ".md", ".html", ".js", ".css", ".toml", ".txt", ".json", "")
            or not file.is_file()
        ):
            continue
        text = file.read_text(errors="replace")
        for name in outside:
            assert name not in text, f"{path} refers to {name}, which is not in the repository"


def test_every_documented_command_subcommand_and_option_exists() -> None:
    p = parser()
    commands = p._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.M))
    for doc in DOCS:
        text = doc.read_text()
        for target in re.findall(r"`make ([a-z-]+)", text):
            assert target in targets, f"{doc.name}: make {target}"
        for name, rest in re.findall(r"\baduan ([a-z][a-z-]*)([^`|\n]*)", text):
            if name not in commands:
                # A command in code (`aduan frobnicate`) must exist; "aduan" before another
                # word in prose is the project's name.
                assert f"`aduan {name}" not in text and f"$ aduan {name}" not in text, f"{doc.name}: aduan {name}"
                continue
            command = commands[name]
            words = rest.split()
            if words and command._subparsers is not None and words[0] in command._subparsers._group_actions[0].choices:
                command = command._subparsers._group_actions[0].choices[words[0]]
            options = {o for action in command._actions for o in action.option_strings}
            for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", rest):
                assert option in options, f"{doc.name}: aduan {name} {option}"
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):  # commands in examples run
            for name in re.findall(r"(?:^|[\s/])aduan ([a-z][a-z-]*)", block, re.M):
                assert name in commands, f"{doc.name}: aduan {name}"


def test_every_documented_setting_is_read_by_the_code() -> None:
    code = "\n".join(path.read_text() for path in CODE)
    for doc in DOCS:
        for setting in set(re.findall(r"\bADUAN_[A-Z_]+\b", doc.read_text())):
            assert f'"{setting}"' in code or f"{setting} " in code, f"{doc.name}: {setting} is read nowhere"


def test_every_documented_file_exists() -> None:
    names = {Path(p).name for p in tracked_files()} | {p.name for p in REPO.rglob("*.md") if ".venv" not in p.parts}
    for doc in DOCS:
        for span in spans(doc.read_text()):
            path = span.split("#")[0].strip()
            if not re.fullmatch(r"[\w.-]+(/[\w.-]+)*/?", path) or path.startswith(GENERATED):
                continue  # not a path, a placeholder (reports/<tracking>.json) or made by a run
            if path.isupper() or re.fullmatch(r"\d+/\d+", path):
                continue  # a placeholder (CAPACITY/SECONDS) or a rate (60/3600), not a path
            if "/" not in path:
                if path.endswith((".md", ".py", ".html", ".toml")):
                    assert path in names, f"{doc.name}: {path}"
                continue
            assert (REPO / path).exists() or (doc.parent / path).exists(), f"{doc.name}: {path}"


# -- docs/import-format.md describes what `aduan import` accepts ----------------------------


def example_line() -> dict:
    blocks = re.findall(r"```jsonl\n(.*?)```", IMPORT_FORMAT.read_text(), re.S)
    assert len(blocks) == 1 and len(blocks[0].strip().splitlines()) == 1
    return json.loads(blocks[0])


def documented_fields(section: str) -> dict[str, bool]:
    """The field table of a section: field name → required."""
    text = IMPORT_FORMAT.read_text().split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    fields = {}
    for names, required in re.findall(r"^\| (`[^|]+) \| [^|]+ \| (yes|no) \|", text, re.M):
        for name in re.findall(r"`([\w.]+)`", names):
            fields[name] = required == "yes"
    return fields


def import_one(line: dict, tmp: Path) -> Any:
    from chalicelib.importer import import_lines
    from chalicelib.region import load_region
    from chalicelib.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp / f"{uuid.uuid4().hex}.db")
    try:
        import_lines([json.dumps(line)], store, load_region())
        return store.get_by_ref(line["ref"])
    finally:
        store.close()


def test_the_example_line_imports_as_described(tmp_path: Path) -> None:
    report = import_one(example_line(), tmp_path)
    assert report.status.value == "resolved" and report.agency == "air-minum"
    assert report.channel == "e-sambat" and report.location.kelurahan == "Bugul Lor"
    assert [u.status.value if u.status else u.type for u in report.updates] == [
        "received",
        "verified",
        "note",
        "in_progress",
        "resolved",
    ]


def test_the_example_line_uses_every_documented_field_and_only_those() -> None:
    line = example_line()
    fields = documented_fields("Fields")
    used = set(line) | {f"location.{k}" for k in line["location"]}
    documented = {f for f in fields if f != "reporter"} | {"reporter"}
    assert used == documented, used ^ documented
    assert set(line["reporter"]) == {"name", "phone", "email", "nik"}
    entries = documented_fields("History entries")
    assert {key for entry in line["history"] for key in entry} == set(entries)


def test_required_means_required_and_optional_means_optional(tmp_path: Path) -> None:
    from chalicelib.errors import ValidationError

    for name, required in documented_fields("Fields").items():
        line = copy.deepcopy(example_line())
        line["ref"] = f"REF-{name}"
        parent, _, key = name.rpartition(".")
        (line[parent] if parent else line).pop(key)
        if required:
            with pytest.raises(ValidationError) as info:
                import_one(line, tmp_path)
            assert re.match(rf"^line 1: {re.escape(name)}\b.*required", info.value.message_en), info.value.message_en
        else:
            assert import_one(line, tmp_path) is not None, name
    for name, required in documented_fields("History entries").items():
        line = copy.deepcopy(example_line())
        line["history"][1].pop(name)
        if required:
            with pytest.raises(ValidationError) as info:
                import_one(line, tmp_path)
            assert info.value.message_en.startswith("line 1: history[1]"), info.value.message_en
        else:
            assert import_one(line, tmp_path) is not None, name


def test_the_documented_errors_are_what_the_importer_says(tmp_path: Path) -> None:
    from chalicelib.errors import ValidationError
    from chalicelib.importer import import_lines
    from chalicelib.region import load_region
    from chalicelib.sqlite_store import SQLiteStore

    good = example_line()
    ok = json.dumps(good | {"ref": "OK-1"})
    at = "2024-05-07T08:00:00+07:00"
    bad = [
        {"title": None},
        {"kind": "gossip"},
        {"submitted_at": "2024-05-06T08:15:00"},
        {"location": {"kecamatan": "Gadingrejo", "kelurahan": "Bugul Lor"}},
        {"location": {"kecamatan": "Panggungrejo", "lat": "x"}},
        {"agency": "polisi"},
        {"history": [{"status": "verified", "at": "2024-05-05T08:00:00+07:00"}]},
        {"history": [{"status": "rejected", "at": at, "reason": "spam"}, {"status": "resolved", "at": at}]},
        {"history": [{"status": "rejected", "at": at, "reason": "lazy"}]},
    ]
    files = [[ok, json.dumps(good | change)] for change in bad]
    files += [["{bad"], ["[1]"], [b"\xff\xfe"], [json.dumps(good), json.dumps(good)], []]
    said = []
    for lines in files:
        with pytest.raises(ValidationError) as error:
            import_lines(lines, SQLiteStore(tmp_path / f"{uuid.uuid4().hex}.db"), load_region())
        said.append(f"{error.value.message} / {error.value.message_en}")  # as `aduan import` says it
    text = IMPORT_FORMAT.read_text().split("## Errors\n", 1)[1]
    documented = re.findall(r"^aduan import: (.+)$", text, re.M)
    assert len(documented) == len(said)
    for message in documented:  # "…" in the docs stands for the rest of a long list
        pattern = re.escape(message).replace("…", ".*")
        assert any(re.fullmatch(pattern, s) for s in said), (message, said)
