"""Atom feeds (RFC 4287) of the public updates: site-wide and one per agency, newest 50 first.

An entry is one public timeline entry of one report: a status change, a move to another
agency, a note. Entry ids are stable URNs derived from the region, the tracking number and
the entry's place in the timeline, so a feed reader never sees the same update twice. Dates
are days (WIB midnight): the public dataset has no times.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .cleantext import clean
from .dataset import Dataset, Record
from .labels import event_label

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
NAMESPACE = uuid.UUID("6f1e4b0a-6b4e-4c36-9a62-6e0a4b1f7a11")  # Aduan's: ids stay the same across builds


@dataclass(frozen=True)
class Entry:
    record: Record
    seq: int  # 1-based place in the report's timeline
    update: dict[str, Any]

    @property
    def sort_key(self) -> tuple[str, str, int]:
        return self.update.get("date") or "", self.record["tracking"], self.seq


def entries(records: list[Record]) -> list[Entry]:
    """Every public update, newest first (ties: tracking number, then timeline order, descending)."""
    found = [Entry(r, seq, u) for r in records for seq, u in enumerate(r.get("timeline") or [], start=1)]
    found.sort(key=lambda e: e.sort_key, reverse=True)
    return found


def _datetime(day: str | None) -> str:
    return f"{day or '1970-01-01'}T00:00:00+07:00"


def feed_xml(
    *,
    feed_path: str,
    title: str,
    page_path: str,
    items: list[Entry],
    dataset: Dataset,
    siteurl: str,
    agency_name: Callable[..., str],
) -> bytes:
    """The Atom document for `items` (already the newest `LIMIT`) published at `feed_path`."""
    ET.register_namespace("", ATOM)
    region_id = dataset.region.get("id") or "aduan"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "id"})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = clean(text)  # a control character would make the feed ill-formed XML
        return element

    sub(feed, "id", uuid.uuid5(NAMESPACE, f"{region_id}/{feed_path}").urn)
    sub(feed, "title", title)
    sub(feed, "updated", _datetime(items[0].update.get("date") if items else dataset.stats.get("generated")))
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{siteurl}/{feed_path}")
    sub(feed, "link", rel="alternate", type="text/html", href=f"{siteurl}/{page_path}")
    author = sub(feed, "author")
    sub(author, "name", dataset.region.get("operator") or "Aduan")
    sub(feed, "rights", "CC BY 4.0")
    for item in items:
        record, update = item.record, item.update
        entry = sub(feed, "entry")
        sub(entry, "id", uuid.uuid5(NAMESPACE, f"{region_id}/{record['tracking']}/{item.seq}").urn)
        sub(entry, "title", f"{event_label(update)}: {record['title']}")
        sub(entry, "updated", _datetime(update.get("date")))
        sub(entry, "link", rel="alternate", type="text/html", href=f"{siteurl}/laporan/{record['tracking']}/")
        lines = [f"{record['tracking']} · {event_label(update)}"]
        if update.get("agency"):
            lines.append(agency_name(update["agency"], full=True))
        if update.get("note"):
            lines.append(update["note"])
        sub(entry, "summary", " — ".join(lines), type="text")
        sub(entry, "category", term=record["status"])
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
