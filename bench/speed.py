"""The speed phases of `make bench`, one per child process (see bench/child.py).

    python bench/speed.py PHASE --data DIR [--output DIR] [--count N] [--lines FILE]

Phases, in the order run.py calls them on one data directory:
- `demo`: write N demo reports as an import file (the same file feeds Pelican and Hugo);
- `import`: import that file into the store, as `aduan import` does;
- `edit`: write the import file again with one report's line changed as its channel would
  export it after one more step: a new history entry (verified → in_progress), so importing it
  again is one status change (docs/import-format.md, *Importing again*);
- `cold`: publish every report and build the site into an empty output directory;
- `site`: build the site from the public dataset alone (nothing pending) into an empty output
  directory, with or without the search index (`--no-search`): the build Hugo is compared with;
- `change`: in one warm process, as the worker runs: the worker's first build as it starts
  (nothing pending; `warm=True`, as chalicelib.worker runs it), then one status change, the quick build that puts it online (no search refresh), the build that
  refreshes the search index, and a build with nothing pending again; for each, the files and
  bytes rewritten in the output and in the public dataset, found by comparing the trees (inode,
  mtime, size) before and after, independently of what the build says it wrote (a SQLite file
  changed in place counts the pages that changed); last, the
  gate's scan of the whole output (`aduan check-leaks`).

Only public entry points: chalicelib.demo.demo_lines, chalicelib.importer.import_lines,
chalicelib.sitebuild.build and the service's `act`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from child import report

Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Every file under `root`: relative path → (inode, mtime_ns, size)."""
    files: Snapshot = {}
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                files[os.path.relpath(entry.path, root)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return files


PAGE = 4096  # SQLite's default page size, the build state's


def db_pages(root: Path, files: Snapshot) -> dict[str, list[bytes]]:
    """For every SQLite file (`*.db`) under `root`: the digest of each of its pages."""
    pages = {}
    for path in files:
        if path.endswith(".db"):
            data = (root / path).read_bytes()
            if data.startswith(b"SQLite format 3\0"):
                pages[path] = [hashlib.blake2b(data[n : n + PAGE]).digest() for n in range(0, len(data), PAGE)]
    return pages


def written_bytes(path: str, after: Snapshot, before: Snapshot, pages: tuple[dict[str, Any], dict[str, Any]]) -> int:
    """A file's bytes, or for a SQLite file changed in place (same inode) only its pages that
    changed: SQLite writes pages, and counting the whole file made one change look like a
    rewrite of the build state."""
    old, new = pages[0].get(path), pages[1].get(path)
    if old is None or new is None or before.get(path, (None,))[0] != after[path][0]:
        return after[path][2]
    return PAGE * (sum(a != b for a, b in zip(old, new, strict=False)) + abs(len(new) - len(old)))


def rewritten(
    before: Snapshot, after: Snapshot, pages: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
) -> dict[str, Any]:
    """Files created or written again (a new inode, mtime or size), their bytes, and deletions."""
    changed = sorted(path for path, stat in after.items() if before.get(path) != stat)
    sizes = {path: written_bytes(path, after, before, pages) for path in changed}
    return {
        "files": len(changed),
        "bytes": sum(sizes.values()),
        "deleted": sum(1 for path in before if path not in after),
        "total_files": len(after),
        "sample": changed[:12],
        "largest": sorted(((size, path) for path, size in sizes.items()), reverse=True)[:8],
    }


def timed_build(output: Path, data: Path, **kwargs: Any) -> dict[str, Any]:
    from chalicelib.sitebuild import build

    out_before, data_before = snapshot(output), snapshot(data / "public")
    pages_before = db_pages(output, out_before)
    start = time.perf_counter()
    result = build(output, **kwargs)
    seconds = time.perf_counter() - start
    out_after = snapshot(output)
    # The build's own list of written files, when it gives one (long: only its length here).
    listed = {f"{k}_count": len(v) for k, v in result.items() if isinstance(v, list | tuple)}
    return {
        "seconds": seconds,
        "result": {k: v for k, v in result.items() if not isinstance(v, list | tuple)} | listed,
        "output": rewritten(out_before, out_after, (pages_before, db_pages(output, out_after))),
        "dataset": rewritten(data_before, snapshot(data / "public")),
    }


def phase_demo(args: argparse.Namespace) -> dict[str, Any]:
    from chalicelib.demo import demo_lines
    from chalicelib.region import load_region

    start = time.perf_counter()
    lines = demo_lines(load_region(), count=args.count, seed=args.seed)
    args.lines.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"seconds": time.perf_counter() - start, "reports": len(lines)}


def phase_import(args: argparse.Namespace) -> dict[str, Any]:
    from chalicelib import config
    from chalicelib.importer import import_lines
    from chalicelib.region import load_region

    region, store = load_region(), config.store()
    start = time.perf_counter()
    with open(args.lines, "rb") as f:
        result = import_lines(f, store, region)
    return {"seconds": time.perf_counter() - start, "created": result.created}


NEXT_STEP = "Petugas sudah dijadwalkan meninjau lokasi"


def one_line_changed(lines: list[str]) -> tuple[list[str], str]:
    """`lines` with the first public, verified report moved on to in_progress, a minute after its
    last entry; and that report's ref. The others are left byte for byte."""
    from datetime import datetime, timedelta

    for number, line in enumerate(lines):
        item = json.loads(line)
        history = item.get("history") or []
        if item.get("confidential") or not history or history[-1].get("status") != "verified":
            continue
        at = datetime.fromisoformat(history[-1]["at"]) + timedelta(minutes=1)
        entry = {"status": "in_progress", "at": at.isoformat(), "agency": None, "reason": None, "note": NEXT_STEP}
        item["history"] = [*history, entry]
        return [*lines[:number], json.dumps(item, ensure_ascii=False), *lines[number + 1 :]], item["ref"]
    raise ValueError("no public report is verified in the import file: nothing to move on")


def phase_edit(args: argparse.Namespace) -> dict[str, Any]:
    lines = args.lines.read_text(encoding="utf-8").splitlines()
    changed, ref = one_line_changed(lines)
    target = args.output or args.lines
    target.write_text("\n".join(changed) + "\n", encoding="utf-8")
    return {"ref": ref, "lines": len(changed)}


def phase_cold(args: argparse.Namespace) -> dict[str, Any]:
    return timed_build(args.output, args.data, full=True)


def phase_site(args: argparse.Namespace) -> dict[str, Any]:
    return timed_build(args.output, args.data, search=not args.no_search)


def phase_change(args: argparse.Namespace) -> dict[str, Any]:
    from chalicelib import config
    from chalicelib.sitebuild import scanner

    # The worker's start: a build with nothing pending that reads what its next builds keep.
    figures: dict[str, Any] = {"noop_warm": timed_build(args.output, args.data, warm=True)}
    service = config.service()
    admin = service.authenticate("Bearer " + service.add_officer("Bench", "admin")[1])
    # A published report: verified, not confidential, so the change shows on the site.
    report_ = next(r for r in config.store().find(status="verified", limit=200) if not r.confidential)
    start = time.perf_counter()
    service.act(admin, report_.tracking, {"action": "progress", "note": "Sedang dikerjakan oleh petugas"})
    figures["act_seconds"] = time.perf_counter() - start
    figures["live"] = timed_build(args.output, args.data, search=False)
    figures["search"] = timed_build(args.output, args.data)
    figures["noop_after"] = timed_build(args.output, args.data)
    figures["tracking"] = report_.tracking
    start = time.perf_counter()
    leaks = scanner().scan_tree(args.output)
    figures["gate_scan"] = {"seconds": time.perf_counter() - start, "leaks": len(leaks)}
    return figures


PHASES = {
    "demo": phase_demo,
    "import": phase_import,
    "edit": phase_edit,
    "cold": phase_cold,
    "site": phase_site,
    "change": phase_change,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", choices=sorted(PHASES))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--lines", type=Path, default=None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-search", action="store_true")
    args = parser.parse_args(argv)
    os.environ["ADUAN_DATA"] = str(args.data)
    report(PHASES[args.phase](args))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "functions"))
    sys.exit(main())
