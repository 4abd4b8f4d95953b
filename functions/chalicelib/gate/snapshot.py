"""The gate's identifiers as one full publish sees them, in memory: what a record's check asks.

A full publish finds every report's identifiers first, then checks every record against them
(check.py). The check asks the index three questions (a report's own identifiers, the scan over
every strong key, the strong identifiers of some keys); a forked worker cannot ask the parent's
SQLite connection, whose transaction holds the new identifiers uncommitted. So the parent reads
the identifiers once into this snapshot and compiles the scan before it forks: the workers
inherit both, and every answer is the one the index gives, in the order it gives it (own
identifiers by key; a key's strong identifiers by tracking number, as the index's primary key
(key, tracking) returns them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .files import Scanner, ScanPlan
from .identifiers import Identifier


class Identifiers(Protocol):
    """What the check of one record asks of the identifiers (GateIndex, or a snapshot of it)."""

    def own(self, tracking: str) -> list[Identifier]: ...

    def batch_scanner(self) -> Scanner | None: ...

    def strong_matching(self, keys: Iterable[str]) -> list[Identifier]: ...


class IdentifierSnapshot:
    """Every identifier of the index at one moment, answering as the index would."""

    def __init__(self, identifiers: Iterable[Identifier], plan: ScanPlan | None = None) -> None:
        """`plan`: the gate's index's plan of the scan over these strong keys (made if None)."""
        self._own: dict[str, list[Identifier]] = {}
        self._strong: dict[str, list[Identifier]] = {}
        for ident in sorted(identifiers, key=lambda i: (i.tracking, i.key)):
            self._own.setdefault(ident.tracking, []).append(ident)
            if ident.strong:
                self._strong.setdefault(ident.key, []).append(ident)
        plan = plan if plan is not None else ScanPlan.of(self._strong)
        assert set(plan.numbers + plan.phrases) == self._strong.keys(), "a plan of other keys"
        self._wide = Scanner.of_plan(plan, lambda key: self._strong[key][0])
        # Compiled here, once: forked workers inherit the automata instead of each making them.
        self._wide.compile()

    def own(self, tracking: str) -> list[Identifier]:
        return list(self._own.get(tracking, ()))

    def batch_scanner(self) -> Scanner:
        return self._wide

    def strong_matching(self, keys: Iterable[str]) -> list[Identifier]:
        return [ident for key in sorted(set(keys)) for ident in self._strong.get(key, ())]
