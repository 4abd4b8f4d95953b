"""BENCH.md: the machine, the table of figures per size, and issue 8's targets met or missed.

Targets are judged only where the issue states them: the 100k figures at N = 100,000, the
comparison with Hugo and Pelican at N = 50,000, rates at the largest N of the run (where the
fixed cost of starting Python and Pelican weighs least). A target whose size was not run is
"not measured", which is not a miss; the figure at the largest N measured is printed as context.
"""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def machine() -> dict[str, str]:
    """CPU model, cores, RAM, Python, date, and the load when the bench started."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": str(os.cpu_count()),
        "ram": memory,
        "python": platform.python_version(),
        "os": platform.platform(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


@dataclass
class Target:
    name: str
    figure: str
    met: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return {True: "met", False: "MISSED", None: "not measured"}[self.met]


def _get(figures: dict[str, Any], *keys: str) -> Any:
    value: Any = figures
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _n(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def change_seconds(figures: dict[str, Any]) -> tuple[float | None, float | None]:
    """Seconds from a status change to the pages live, and to the search index refreshed (the
    worker runs the two builds one after the other)."""
    live, search = _get(figures, "change", "live", "seconds"), _get(figures, "change", "search", "seconds")
    return live, (live + search if live is not None and search is not None else None)


def change_files(figures: dict[str, Any]) -> int | None:
    live, search = (
        _get(figures, "change", "live", "output", "files"),
        _get(figures, "change", "search", "output", "files"),
    )
    return live + search if live is not None and search is not None else None


def targets(sizes: dict[int, dict[str, Any]], latency: dict[str, Any] | None) -> list[Target]:
    out: list[Target] = []
    largest = max(sizes) if sizes else 0
    big = sizes.get(largest, {})

    def at(count: int, name: str, value: Any, ok: Any, unit: str) -> None:
        """A target stated at `count` reports: judged there, else the largest size as context."""
        if count in sizes:
            figure = sizes[count].get(value) if isinstance(value, str) else value(sizes[count])
            out.append(
                Target(name, f"{_fmt(figure)}{unit} at {_n(count)}", None if figure is None else bool(ok(figure)))
            )
        else:
            figure = big.get(value) if isinstance(value, str) else value(big)
            context = f"{_fmt(figure)}{unit} at {_n(largest)}" if figure is not None else "-"
            out.append(Target(name, f"{context} (target is for {_n(count)}: BENCH_REPORTS={count})", None))

    at(100_000, "one status change live ≤ 0.5 s", lambda f: change_seconds(f)[0], lambda x: x <= 0.5, " s")
    at(100_000, "search refreshed ≤ 2 s after a change", lambda f: change_seconds(f)[1], lambda x: x <= 2, " s")
    at(100_000, "≤ 300 files rewritten by one change", change_files, lambda x: x <= 300, " files")
    at(
        100_000,
        "site build from the public dataset ≤ 20 s",
        lambda f: _get(f, "site", "seconds"),
        lambda x: x <= 20,
        " s",
    )
    at(100_000, "site build ≤ 500 MB peak RSS", lambda f: _get(f, "site", "peak_mb"), lambda x: x <= 500, " MB")
    at(
        50_000,
        "site build no slower than Hugo (Aduan/Hugo ≤ 1)",
        lambda f: f.get("aduan_over_hugo"),
        lambda x: x <= 1,
        "×",
    )
    at(50_000, "≥ 25× faster than stock Pelican", _pelican_ratio, lambda x: x >= 25, "×")
    if largest:
        rate = _get(big, "import", "rate")
        out.append(
            Target(
                "import ≥ 5,000 reports/s", f"{_fmt(rate)}/s at {_n(largest)}", None if rate is None else rate >= 5000
            )
        )
        rate = _get(big, "cold", "rate")
        out.append(
            Target(
                "cold publish + build ≥ 1,000 reports/s",
                f"{_fmt(rate)}/s at {_n(largest)}",
                None if rate is None else rate >= 1000,
            )
        )
    p99 = _get(latency or {}, "in_process", "p99_ms")
    out.append(Target("submission p99 ≤ 20 ms in process", f"{_fmt(p99)} ms", None if p99 is None else p99 <= 20))
    modes = ("keep_alive", "parallel", "parallel_new_connection")
    rates = [_get(latency or {}, "http_aduan", mode, "per_second") for mode in modes]
    rps = max((r for r in rates if r is not None), default=None)
    out.append(
        Target(
            "≥ 300 requests/s over HTTP (chalice local as aduan run starts it; the best of one keep-alive client and four)",
            f"{_fmt(rps)}/s",
            None if rps is None else rps >= 300,
        )
    )
    return out


NEWUSER_SIZE = 20_000  # issue 8's "Done means" tries the new-user path at 20,000 reports


def newuser_targets(newuser: dict[int, dict[str, Any]]) -> list[Target]:
    """The new-user path's two targets, judged at 20k (another size is context, not a verdict)."""
    if not newuser:
        return []
    count = NEWUSER_SIZE if NEWUSER_SIZE in newuser else max(newuser)
    f = newuser[count]
    judged = count == NEWUSER_SIZE
    where = f" at {_n(count)}" + (
        "" if judged else f" (target is for {_n(NEWUSER_SIZE)}: BENCH_NEWUSER={NEWUSER_SIZE})"
    )
    second, ratio = _get(f, "rebuild", "seconds"), f.get("rebuild_over_build")
    rate, peak = f.get("rate"), f.get("peak_mb")
    return [
        Target(
            "new user: the second `aduan build` ≤ 1 s and ≤ 3% of the first",
            f"{_fmt(second)} s, {_fmt(ratio)} of the first{where}",
            (second <= 1 and ratio <= 0.03) if judged and second is not None and ratio is not None else None,
        ),
        Target(
            "new user: `aduan import` + the first `aduan build` ≥ 1,000 reports/s and ≤ 500 MB",
            f"{_fmt(rate)}/s, {_fmt(peak)} MB{where}",
            (rate >= 1000 and peak <= 500) if judged and rate is not None and peak is not None else None,
        ),
    ]


def newuser_rows(newuser: dict[int, dict[str, Any]]) -> list[str]:
    """The new-user path: each `aduan` command's wall time (a new process), CPU and peak RSS."""
    counts = sorted(newuser)
    lines = ["| `aduan` in a new process | " + " | ".join(_n(c) for c in counts) + " |", "|---|" + "---|" * len(counts)]
    rows: list[tuple[str, Any]] = [
        ("`aduan import FILE`: s, CPU s, peak RSS", lambda f: _timed(f, "import")),
        ("`aduan build` (first): s, CPU s, peak RSS", lambda f: _timed(f, "build")),
        (
            "**import + first build: reports/s, peak RSS**",
            lambda f: f"{_fmt(f.get('rate'))}/s, {_fmt(f.get('peak_mb'))} MB",
        ),
        ("`aduan import FILE` again, one line changed: s", lambda f: _timed(f, "reimport")),
        ("`aduan build` again: s, CPU s, peak RSS", lambda f: _timed(f, "rebuild")),
        ("**second build / first build**", lambda f: _fmt(f.get("rebuild_over_build"))),
        ("  files, bytes rewritten (output; dataset)", _rewritten),
        ("load average before", lambda f: f.get("load", "-")),
    ]
    for name, cell in rows:
        lines.append(f"| {name} | " + " | ".join(cell(newuser[c]) for c in counts) + " |")
    return lines


def _pelican_ratio(figures: dict[str, Any]) -> float | None:
    return figures.get("pelican_over_aduan")


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _kb(value: Any) -> str:
    return "-" if value is None else f"{value / 1024:,.0f} KB"


ROWS: list[tuple[str, Any]] = [
    ("reports imported / published", lambda f: f"{_fmt(_get(f, 'import', 'created'))} / {_fmt(f.get('published'))}"),
    ("import: s (reports/s)", lambda f: f"{_fmt(_get(f, 'import', 'seconds'))} ({_fmt(_get(f, 'import', 'rate'))}/s)"),
    (
        "cold publish + build: s (reports/s), CPU s, peak RSS",
        lambda f: f"{_fmt(_get(f, 'cold', 'seconds'))} ({_fmt(_get(f, 'cold', 'rate'))}/s), {_usage(f, 'cold')}",
    ),
    ("output files after the cold build", lambda f: _fmt(_get(f, "cold", "output", "total_files"))),
    ("site build from the dataset (search on): s, CPU s, peak RSS", lambda f: _timed(f, "site")),
    ("site build without search index: s, CPU s, peak RSS", lambda f: _timed(f, "site_nosearch")),
    (
        "Hugo 0.168 same reports: s, CPU s, peak RSS, HTML pages",
        lambda f: f"{_timed(f, 'hugo')}, {_fmt(_get(f, 'hugo', 'pages'))}",
    ),
    ("stock Pelican 4.12 (Markdown): s, CPU s, peak RSS, HTML pages", lambda f: _pelican_cell(f)),
    (
        "**Aduan/Hugo** (site build; without search)",
        lambda f: f"{_fmt(f.get('aduan_over_hugo'))} ; {_fmt(f.get('aduan_nosearch_over_hugo'))}",
    ),
    (
        "**Pelican/Aduan** (site build; without search)",
        lambda f: f"{_fmt(f.get('pelican_over_aduan'))} ; {_fmt(f.get('pelican_over_aduan_nosearch'))}",
    ),
    (
        "no-change rebuild, new process (`aduan build`): s, / cold",
        lambda f: f"{_fmt(_get(f, 'noop_cli', 'seconds'))}, {_fmt(f.get('noop_cli_over_cold'))}",
    ),
    (
        "no-change rebuild, warm process: s, files rewritten",
        lambda f: (
            f"{_fmt(_get(f, 'change', 'noop_after', 'seconds'))}, {_fmt(_get(f, 'change', 'noop_after', 'output', 'files'))}"
        ),
    ),
    ("one status change → pages live: s", lambda f: _fmt(change_seconds(f)[0])),
    (
        "  files, bytes rewritten (output; dataset)",
        lambda f: _rewritten(_get(f, "change", "live")),
    ),
    ("one status change → search refreshed: s (cumulative)", lambda f: _fmt(change_seconds(f)[1])),
    ("  files, bytes rewritten by the refresh (output; dataset)", lambda f: _rewritten(_get(f, "change", "search"))),
    (
        "gate's whole-site scan (check-leaks): s, / cold",
        lambda f: f"{_fmt(_get(f, 'change', 'gate_scan', 'seconds'))}, {_fmt(f.get('scan_over_cold'))}",
    ),
    ("**change live / cold build**", lambda f: _fmt(f.get("live_over_cold"))),
    ("**search refreshed / cold build**", lambda f: _fmt(f.get("search_over_cold"))),
    ("load average before this size", lambda f: f.get("load", "-")),
]


def _usage(f: dict[str, Any], key: str) -> str:
    """CPU seconds (when measured) and peak RSS of one step."""
    cpu = _get(f, key, "cpu")
    return ("" if cpu is None else f"CPU {_fmt(cpu)} s, ") + f"{_fmt(_get(f, key, 'peak_mb'))} MB"


def _timed(f: dict[str, Any], key: str) -> str:
    return f"{_fmt(_get(f, key, 'seconds'))}, {_usage(f, key)}"


def _pelican_cell(f: dict[str, Any]) -> str:
    pelican = f.get("pelican") or {}
    if not pelican:
        return "-"
    if pelican.get("timed_out"):
        return f"> {_fmt(pelican.get('seconds'))} (stopped at the cap), {_fmt(pelican.get('peak_mb'))} MB"
    return f"{_timed(f, 'pelican')}, {_fmt(pelican.get('pages'))}"


def _rewritten(build: Any) -> str:
    if not build:
        return "-"
    out, data = build["output"], build["dataset"]
    return f"{out['files']} files, {_kb(out['bytes'])}; {data['files']} files, {_kb(data['bytes'])}"


def latency_rows(latency: dict[str, Any] | None) -> list[str]:
    if not latency:
        return ["(not measured)"]
    lines = ["| submission handler (POST /reports) | p50 ms | p99 ms | requests/s |", "|---|---|---|---|"]
    runs = [
        ("in process (chalice.test.Client)", _get(latency, "in_process")),
        ("stock `chalice local`, keep-alive", _get(latency, "http_stock", "keep_alive")),
        ("stock `chalice local`, new connection each", _get(latency, "http_stock", "new_connection")),
        ("`chalice local` as `aduan run` starts it (Nagle off), keep-alive", _get(latency, "http_aduan", "keep_alive")),
        (
            "`chalice local` as `aduan run` starts it, new connection each",
            _get(latency, "http_aduan", "new_connection"),
        ),
        ("stock `chalice local`, four keep-alive clients at once", _get(latency, "http_stock", "parallel")),
        (
            "`chalice local` as `aduan run` starts it, four keep-alive clients at once",
            _get(latency, "http_aduan", "parallel"),
        ),
        (
            "`chalice local` as `aduan run` starts it, four clients, new connection each",
            _get(latency, "http_aduan", "parallel_new_connection"),
        ),
        (
            "the same in one process (`ADUAN_API_PROCESSES=1`), four keep-alive clients",
            _get(latency, "http_aduan_one_process", "parallel"),
        ),
        (
            "the same in one process, four clients, new connection each",
            _get(latency, "http_aduan_one_process", "parallel_new_connection"),
        ),
    ]
    for name, run in runs:
        if run:
            lines.append(f"| {name} | {_fmt(run['p50_ms'])} | {_fmt(run['p99_ms'])} | {_fmt(run['per_second'])} |")
    return lines


def markdown(
    facts: dict[str, str],
    sizes: dict[int, dict[str, Any]],
    latency: dict[str, Any] | None,
    goals: list[Target],
    notes: list[str],
    newuser: dict[int, dict[str, Any]] | None = None,
) -> str:
    counts = sorted(sizes)
    lines = [
        "# Benchmarks (`make bench`)",
        "",
        "Written by `bench/run.py`; rerun with `make bench` (N = 1k and 10k) or",
        "`BENCH_REPORTS=1000,10000,50000,100000 make bench`. The figures that matter are the ratios",
        "measured in the same run; absolute seconds depend on a shared, loaded machine.",
        "",
        "## Machine",
        "",
        f"- CPU: {facts['cpu']}, {facts['cores']} cores; RAM {facts['ram']}",
        f"- Python {facts['python']} on {facts['os']}",
        f"- date: {facts['date']}; load average at the start (1, 5, 15 min): {facts['load']}",
        "",
        "## Speed",
        "",
        "| | " + " | ".join(_n(c) for c in counts) + " |",
        "|---|" + "---|" * len(counts),
    ]
    for name, cell in ROWS:
        lines.append(f"| {name} | " + " | ".join(cell(sizes[c]) for c in counts) + " |")
    lines += ["", f"Submission latency, with {_n(max(counts)) if counts else '?'} reports in the store:", ""]
    lines += latency_rows(latency)
    largest = _get(sizes.get(max(counts), {}) if counts else {}, "change", "live", "output", "largest")
    if largest:
        lines += [
            "",
            f"Where one change's bytes go at {_n(max(counts))}: the largest files the quick build rewrote:",
            "",
        ]
        lines += [f"- `{path}`: {_kb(size)}" for size, path in largest]
    if newuser:
        lines += [
            "",
            "## A new user (`aduan import`, `aduan build`, one change re-imported, `aduan build`)",
            "",
        ]
        lines += newuser_rows(newuser)
    lines += ["", "## Targets (issue 8)", ""]
    for goal in goals:
        lines.append(f"- **{goal.verdict}**: {goal.name}: {goal.figure}")
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
