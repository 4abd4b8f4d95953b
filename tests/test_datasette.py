"""The SQLite file opens in Datasette, and what Datasette serves agrees with reports.csv."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path

import pytest


@pytest.fixture
def site(demo: Path) -> Path:
    return demo


def query(site: Path, path: str) -> dict:
    from datasette.app import Datasette

    data = site / "data"
    metadata = json.loads((data / "metadata.json").read_text())
    ds = Datasette([str(data / "aduan.db")], metadata=metadata)

    async def fetch() -> dict:
        response = await ds.client.get(path, follow_redirects=True)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


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
    for view in tables["views"]:
        assert query(site, f"/aduan/{view['name']}.json?_shape=array")
