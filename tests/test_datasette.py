"""The SQLite file opens in Datasette, and what Datasette serves agrees with reports.csv."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def site(demo: Path) -> Path:
    return demo


# Datasette runs in a process of its own: it starts threads (its write thread, its executor) that
# outlive it, and a later test in the same pytest worker that forks (an import's workers,
# publish_pool.can_fork) would find them and refuse to fork.
_SERVE = """
import asyncio, json, sys
from datasette.app import Datasette

data, paths = sys.argv[1], json.loads(sys.argv[2])
metadata = json.load(open(data + "/metadata.json"))
ds = Datasette([data + "/aduan.db"], metadata=metadata)

async def fetch():
    out = []
    for path in paths:
        response = await ds.client.get(path, follow_redirects=True)
        out.append([response.status_code, response.text])
    return out

print(json.dumps(asyncio.run(fetch())))
"""


def query_all(site: Path, paths: list[str]) -> list:  # type: ignore[type-arg]
    """What Datasette serves at each of `paths`, as JSON, from the site's aduan.db."""
    done = subprocess.run(
        [sys.executable, "-c", _SERVE, str(site / "data"), json.dumps(paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answers = json.loads(done.stdout)
    for status, text in answers:
        assert status == 200, text
    return [json.loads(text) for _status, text in answers]


def query(site: Path, path: str) -> dict:  # type: ignore[type-arg]
    return query_all(site, [path])[0]


def test_reports_table_matches_the_csv(site: Path) -> None:
    with open(site / "data" / "reports.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    result = query(site, "/aduan/reports.json?_shape=array&_size=max")
    assert len(result) == len(rows) > 0
    assert {r["tracking"] for r in result} == {r["tracking"] for r in rows}


def test_sql_and_views_work_in_datasette(site: Path) -> None:
    tables = query(site, "/aduan.json")
    names = {t["name"] for t in tables["tables"]}
    assert {"reports", "updates", "agencies"} <= names and tables["views"]
    counted = query(site, "/aduan.json?sql=select+status,+count(*)+as+n+from+reports+group+by+status&_shape=array")
    stats = json.loads((site / "data" / "stats.json").read_text())
    published = stats.get("published_by_status") or {}
    assert {r["status"]: r["n"] for r in counted} == {k: v for k, v in published.items() if v}
    views = query_all(site, [f"/aduan/{view['name']}.json?_shape=array" for view in tables["views"]])
    assert all(views)
