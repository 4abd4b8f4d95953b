"""The counts behind the statistics of published reports, kept up to date per record.

`statistics.published_statistics` reads only these counters (by status, kind, agency,
category, kecamatan, kelurahan, month, the kecamatan × category × month cube and the working
days to each step), and so do the small open data tables (agencies.csv, categories.csv) and
Open311's services.json: a build that rereads one record takes its old counts off and adds its new
ones (`dataset.load_dataset` does, and keeps them with its records between processes), so the
statistics cost work in proportion to the change, not a pass over every report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

Record = dict[str, Any]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass
class Counts:
    total: int = 0
    status: Counter[Any] = field(default_factory=Counter)
    kind: Counter[Any] = field(default_factory=Counter)
    agency: Counter[Any] = field(default_factory=Counter)
    category: Counter[Any] = field(default_factory=Counter)
    kecamatan: Counter[Any] = field(default_factory=Counter)
    without_kelurahan: Counter[Any] = field(default_factory=Counter)
    kelurahan: Counter[Any] = field(default_factory=Counter)  # (kecamatan, kelurahan)
    month: Counter[Any] = field(default_factory=Counter)  # of `submitted`
    cube: Counter[Any] = field(default_factory=Counter)  # (kecamatan, category, month)
    verification: Counter[Any] = field(default_factory=Counter)  # working days → reports
    response: Counter[Any] = field(default_factory=Counter)
    resolution: Counter[Any] = field(default_factory=Counter)
    # Agencies the public timelines name (an update routed to one): agencies.csv lists every
    # agency a report or an update names, so that every reference resolves.
    update_agency: Counter[Any] = field(default_factory=Counter)

    @classmethod
    def of(cls, records: list[Record]) -> Counts:
        counts = cls()
        for record in records:
            counts.add(record)
        return counts

    def add(self, record: Record, n: int = 1) -> None:
        """Count `record` (`n` = -1: take it off again)."""
        self.total += n
        month = record["submitted"][:7]
        kecamatan, kelurahan, category = record["kecamatan"], record.get("kelurahan"), record.get("category")
        keys: list[tuple[Counter[Any], Any]] = [
            (self.status, record["status"]),
            (self.agency, record.get("agency")),
            (self.category, category),
            (self.kecamatan, kecamatan),
            (self.month, month),
        ]
        if record.get("kind"):
            keys.append((self.kind, str(record["kind"])))
        if kelurahan:
            keys.append((self.kelurahan, (kecamatan, kelurahan)))
        else:
            keys.append((self.without_kelurahan, kecamatan))
        if category:
            keys.append((self.cube, (kecamatan, category, month)))
        for counter, name in (
            (self.verification, "verification_workdays"),
            (self.response, "response_workdays"),
            (self.resolution, "resolution_workdays"),
        ):
            if (days := _int(record.get(name))) is not None:
                keys.append((counter, days))
        for entry in record.get("timeline") or []:
            if isinstance(entry, dict) and entry.get("agency"):
                keys.append((self.update_agency, str(entry["agency"])))
        for counter, key in keys:
            counter[key] += n
            if not counter[key]:
                del counter[key]  # only what occurs: presence is read as "some report has it"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"total": self.total}
        for f in fields(self):
            if f.name != "total":
                data[f.name] = [[list(k) if isinstance(k, tuple) else k, n] for k, n in getattr(self, f.name).items()]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Counts:
        counts = cls(total=int(data["total"]))
        for f in fields(counts):
            if f.name != "total":
                getattr(counts, f.name).update(
                    {(tuple(k) if isinstance(k, list) else k): int(n) for k, n in data[f.name]}
                )
        return counts
