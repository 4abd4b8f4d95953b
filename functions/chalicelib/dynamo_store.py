"""The DynamoDB store: the `Store` protocol on one DynamoDB table (design in docs/aws.md).

One table holds the private state, keyed ``pk``/``sk``; every access is a key lookup or an
index query, never a scan, except `all` (the whole store, read consistently):

* a report is one item, ``REPORT#<tracking>`` / ``REPORT``, holding its record and its newest
  updates (zlib-compressed once large), so a lookup or a listing page needs no join; a report
  with more than BLOCK updates seals the earlier ones, BLOCK at a time, into immutable items
  ``REPORT#<tracking>`` / ``UPDATES#<n>`` beside it, so no item nears DynamoDB's 400 KB however
  long a report grows; four sparse, keys-only indexes list reports newest first by status,
  agency, both, or none;
* uniqueness is an item of its own, written in the same transaction with a condition:
  ``REF#<ref>`` (the import key) and ``TOKEN#<sha256>`` (an officer's token); a new report's
  own item is created only if its tracking number is free, and an update is conditional on the
  version it was read at (optimistic concurrency, `Conflict` when it has moved on);
* publish events are items ``EVENTS`` / ``<seq>`` whose sequence comes from one counter item
  (``META`` / ``COUNTER``) updated in the very transaction that saves the reports, on the
  condition that it still holds the value read: transactions therefore commit in sequence
  order, as SQLite's do, and a reader that acknowledges "up to N" never skips an event
  committed late with a smaller number. The counter also counts the reports, so `count` is
  one read.

`save` is one TransactWriteItems when it fits (at most 100 items and about 4 MB). A bigger
batch — an import — is checked whole first (versions, tracking numbers, refs: nothing is
written if any would fail), then written a transaction at a time, each report whole with its
ref and its event. A batch cut short (a crash, a kill) leaves whole reports keyed by their ref;
importing the same file again finds them by ref and writes only the rest, so it converges.
"""

from __future__ import annotations

import json
import math
import random
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from . import aws
from .deadline import OfficersDeadline
from .errors import Conflict, StorageUnavailable, ValidationError
from .officers import Officer
from .passwords import Login
from .report import Report
from .sessions import ABSOLUTE as SESSION_ABSOLUTE
from .sessions import Session
from .store import DuePosition, Event, Page, Position, overdue_page, page_of, unknown_cursor

REPORT = "REPORT"
FEED = "REPORTS"  # the one partition of the recency index
META_KEY = {"pk": {"S": "META"}, "sk": {"S": "COUNTER"}}
OFFICERS = "OFFICERS"
EVENTS = "EVENTS"

# Index name → its partition attribute; every index sorts by `recent` (update time, tracking).
INDEXES: dict[str, str] = {
    "by_status": "status",
    "by_agency": "agency",
    "by_agency_status": "agency_status",
    "by_recency": "feed",
}

MAX_TRANSACTION_ITEMS = 100
MAX_TRANSACTION_BYTES = 3_500_000  # DynamoDB allows 4 MB; our size estimate is approximate
COMPRESS_ABOVE = 32_000  # bytes of JSON; below this the record stays readable in the console
MAX_RECORD_BYTES = 350_000  # an item may be 400 KB with its other attributes
# Updates per sealed block. Notes are at most 2,000 characters (actions.NOTE_MAX), so a block
# is at most ~120 KB of JSON before compression: a report grows by items, never past 400 KB.
BLOCK = 50
BLOCK_PREFIX = "UPDATES#"
COUNTER_RETRIES = 50


def table_definition(name: str) -> dict[str, Any]:
    """The CreateTable request for the private table (used by `aduan aws setup` and the tests)."""
    attributes = ["pk", "sk", "recent", *INDEXES.values()]
    return {
        "TableName": name,
        "AttributeDefinitions": [{"AttributeName": a, "AttributeType": "S"} for a in attributes],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": index,
                "KeySchema": [
                    {"AttributeName": hash_key, "KeyType": "HASH"},
                    {"AttributeName": "recent", "KeyType": "RANGE"},
                ],
                # Keys only: a listing reads the current items by key (consistently) anyway.
                "Projection": {"ProjectionType": "KEYS_ONLY"},
            }
            for index, hash_key in INDEXES.items()
        ],
        "BillingMode": "PAY_PER_REQUEST",
        # The stream is how a deployment learns that something changed (issue 9, events).
        "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
    }


# The table's TTL attribute: rate-limit buckets say when DynamoDB may delete them.
TTL_ATTRIBUTE = "expires"


def recent_key(updated_at: datetime, tracking: str) -> str:
    """The sort key of the listings: UTC update time to the microsecond, then tracking number."""
    return updated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ") + "#" + tracking


def _s(value: str) -> dict[str, str]:
    return {"S": value}


def _n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def _report_key(tracking: str) -> dict[str, Any]:
    return {"pk": _s(f"REPORT#{tracking}"), "sk": _s(REPORT)}


def _ref_key(ref: str) -> dict[str, Any]:
    return {"pk": _s(f"REF#{ref}"), "sk": _s("REF")}


def _token_key(token_hash: str) -> dict[str, Any]:
    return {"pk": _s(f"TOKEN#{token_hash}"), "sk": _s("TOKEN")}


def _officer_key(officer_id: str) -> dict[str, Any]:
    return {"pk": _s(OFFICERS), "sk": _s(officer_id)}


def _event_key(seq: int) -> dict[str, Any]:
    return {"pk": _s(EVENTS), "sk": _s(f"{seq:020d}")}


def sealed_blocks(updates: int) -> int:
    """How many blocks of BLOCK updates a report with `updates` updates keeps in items of their own.

    The newest 1 to BLOCK updates stay in the report item; each earlier full block is sealed.
    """
    return max(0, (updates - 1) // BLOCK)


def _record(data: Any, tracking: str) -> dict[str, Any]:
    """`data` as JSON, compressed when it is large; refused if even that cannot fit an item."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(raw) <= COMPRESS_ABOVE:
        return {"S": raw.decode("utf-8")}
    packed = zlib.compress(raw, 6)
    if len(packed) > MAX_RECORD_BYTES:
        raise ValidationError(
            f"Laporan {tracking} terlalu besar untuk disimpan.",
            {"report": "terlalu besar"},
            en=f"report {tracking} is too large to store ({len(packed)} bytes compressed)",
        )
    return {"B": packed}


def _unrecord(value: dict[str, Any]) -> Any:
    return json.loads(zlib.decompress(value["B"]) if "B" in value else value["S"])


def report_item(report: Report, version: int) -> dict[str, Any]:
    """The item that stores `report` at `version` (without its sealed blocks of updates)."""
    blocks = sealed_blocks(len(report.updates))
    data = report.to_dict()
    data.pop("version")
    data["updates"] = data["updates"][blocks * BLOCK :]
    item: dict[str, Any] = {
        # Only what a key, an index or a condition needs; the rest is in the record.
        **_report_key(report.tracking),
        "tracking": _s(report.tracking),
        "version": _n(version),
        "status": _s(report.status.value),
        "feed": _s(FEED),
        "recent": _s(recent_key(report.updated_at, report.tracking)),
        "blocks": _n(blocks),
        "record": _record(data, report.tracking),
    }
    if report.ref:
        item["ref"] = _s(report.ref)
    if report.agency:
        item["agency"] = _s(report.agency)
        item["agency_status"] = _s(f"{report.agency}#{report.status.value}")
    return item


def block_item(report: Report, block: int) -> dict[str, Any]:
    """Sealed block `block` of the report's updates: written once, never changed."""
    updates = [u.to_dict() for u in report.updates[block * BLOCK : (block + 1) * BLOCK]]
    return {
        "pk": _s(f"REPORT#{report.tracking}"),
        "sk": _s(f"{BLOCK_PREFIX}{block:04d}"),
        "updates": _record(updates, report.tracking),
    }


def load_report(item: dict[str, Any], blocks: Sequence[dict[str, Any]] = ()) -> Report:
    """The report from its item and its sealed blocks (any order)."""
    data = _unrecord(item["record"])
    earlier: list[Any] = []
    for block in sorted(blocks, key=lambda b: str(b["sk"]["S"])):
        earlier += _unrecord(block["updates"])
    data["updates"] = earlier + data["updates"]
    if len(earlier) != int(item.get("blocks", {"N": "0"})["N"]) * BLOCK:
        raise StorageUnavailable(
            f"Riwayat laporan {item['tracking']['S']} tidak terbaca lengkap; coba lagi.",
            en=f"report {item['tracking']['S']}: its earlier updates could not all be read",
        )
    report = Report.from_dict({**data, "version": 0})
    report.version = int(item["version"]["N"])
    return report


def _size(value: Any) -> int:
    """About the bytes DynamoDB counts for an item: names and values, strings as UTF-8."""
    if isinstance(value, dict):
        return sum(len(k) + _size(v) for k, v in value.items())
    if isinstance(value, str):
        return len(value.encode("utf-8"))
    if isinstance(value, bytes):
        return len(value)
    return 8


def _officer_item(officer: Officer) -> dict[str, Any]:
    item: dict[str, Any] = {
        **_officer_key(officer.id),
        "name": _s(officer.name),
        "role": _s(officer.role),
        "token_hash": _s(officer.token_hash),
        "created_at": _s(officer.created_at.isoformat()),
        "active": {"BOOL": officer.active},
    }
    if officer.agency:
        item["agency"] = _s(officer.agency)
    return item


def _load_officer(item: dict[str, Any]) -> Officer:
    return Officer(
        id=item["sk"]["S"],
        name=item["name"]["S"],
        role=item["role"]["S"],
        agency=item["agency"]["S"] if "agency" in item else None,
        token_hash=item["token_hash"]["S"],
        created_at=datetime.fromisoformat(item["created_at"]["S"]),
        active=bool(item["active"]["BOOL"]),
    )


def taken_tracking(tracking: str) -> Conflict:
    return Conflict(
        f"Nomor pelacakan {tracking} sudah dipakai laporan lain.", en=f"tracking number {tracking} is already taken"
    )


def changed_meanwhile(tracking: str) -> Conflict:
    return Conflict(
        f"Laporan {tracking} baru saja diubah; muat ulang laporan itu lalu coba lagi.",
        en=f"report {tracking} was changed meanwhile; reload it and try again",
    )


def taken_ref(ref: str) -> Conflict:
    return Conflict(f"Ref {ref!r} sudah dipakai laporan lain.", en=f"ref {ref!r} is already taken by another report")


def busy(what: str) -> StorageUnavailable:
    return StorageUnavailable(
        "Penyimpanan sedang sibuk; coba lagi sebentar lagi.",
        en=f"{what}: the storage service is busy; try again shortly",
    )


class _Write:
    """The items one report adds to a transaction, and what a failed condition on each means."""

    def __init__(self, report: Report, stored_blocks: int) -> None:
        self.report = report
        self.operations: list[dict[str, Any]] = []
        # The error a failed condition on each operation means (None: it has no condition).
        self.conflicts: list[Conflict | None] = []
        if report.version == 0:
            condition, values = "attribute_not_exists(pk)", None
            conflict = taken_tracking(report.tracking)
        else:
            condition, values = "version = :v", {":v": _n(report.version)}
            conflict = changed_meanwhile(report.tracking)
        put: dict[str, Any] = {"Item": report_item(report, report.version + 1), "ConditionExpression": condition}
        if values:
            put["ExpressionAttributeValues"] = values
        self._add(put, conflict)
        if report.version == 0 and report.ref:
            self._add(
                {
                    "Item": {**_ref_key(report.ref), "tracking": _s(report.tracking)},
                    "ConditionExpression": "attribute_not_exists(pk)",
                },
                taken_ref(report.ref),
            )
        # Blocks sealed by this save; a block already stored is immutable and not rewritten.
        for block in range(stored_blocks, sealed_blocks(len(report.updates))):
            self._add({"Item": block_item(report, block)}, None)
        self.size = sum(_size(op["Item"]) for op in self.operations) + 200  # and the event

    def _add(self, put: dict[str, Any], conflict: Conflict | None) -> None:
        self.operations.append(put)
        self.conflicts.append(conflict)

    @property
    def items(self) -> int:
        return len(self.operations) + 1  # and its publish event


class DynamoStore:
    """The `Store` protocol over the private DynamoDB table `table`."""

    def __init__(self, table: str, client: Any = None, announce: Callable[[Sequence[str]], None] | None = None) -> None:
        self.table = table
        # Injected in tests (a client that fails after N writes); boto3's otherwise.
        self._client = client
        # Called with the tracking numbers after every save (events.announce: a message to the
        # publish queue). The publish events are in the table already, so a message that is
        # lost delays them until the next one; it loses nothing.
        self._announce = announce
        self._rule: OfficersDeadline | None = None

    @property
    def client(self) -> Any:
        return self._client if self._client is not None else aws.dynamodb()

    def _get(self, what: str, key: dict[str, Any]) -> dict[str, Any] | None:
        """One item, read consistently (after a write, the write is seen)."""
        with aws.translated(what):
            item = self.client.get_item(TableName=self.table, Key=key, ConsistentRead=True).get("Item")
        return dict(item) if item else None

    # -- reports: writing --------------------------------------------------------------------

    def save(self, reports: Sequence[Report]) -> None:
        if not reports:
            return
        self._check_distinct(reports)
        stored = self._stored_blocks(reports)
        writes = [_Write(r, stored.get(r.tracking, 0)) for r in reports]
        if sum(w.items for w in writes) + 1 <= MAX_TRANSACTION_ITEMS and self._fits(writes):
            self._transact(writes)
        else:
            self._check_all(reports)
            for chunk in self._chunks(writes):
                self._transact(chunk)
        if self._announce is not None:
            self._announce([r.tracking for r in reports])

    def save_stream(self, batches: Iterable[Sequence[Report]]) -> None:
        # `save` splits what does not fit one transaction and converges when retried; it needs
        # every report up front to check them all before the first write.
        self.save([report for batch in batches for report in batch])

    @staticmethod
    def _fits(writes: Sequence[_Write]) -> bool:
        return sum(w.size for w in writes) <= MAX_TRANSACTION_BYTES

    def _chunks(self, writes: list[_Write]) -> Iterator[list[_Write]]:
        chunk: list[_Write] = []
        for write in writes:
            candidate = [*chunk, write]
            if chunk and (sum(w.items for w in candidate) + 1 > MAX_TRANSACTION_ITEMS or not self._fits(candidate)):
                yield chunk
                candidate = [write]
            chunk = candidate
        if chunk:
            yield chunk

    def _stored_blocks(self, reports: Sequence[Report]) -> dict[str, int]:
        """How many sealed blocks each long report has in the table (only long reports have any)."""
        long = [_report_key(r.tracking) for r in reports if r.version > 0 and sealed_blocks(len(r.updates)) > 0]
        return {
            item["tracking"]["S"]: int(item.get("blocks", {"N": "0"})["N"])
            for item in self._get_many(long, "tracking, blocks")
        }

    @staticmethod
    def _check_distinct(reports: Sequence[Report]) -> None:
        trackings: set[str] = set()
        refs: set[str] = set()
        for report in reports:
            if report.tracking in trackings:
                raise Conflict(
                    f"Nomor pelacakan {report.tracking} muncul dua kali dalam satu penyimpanan.",
                    en=f"tracking number {report.tracking} appears twice in one save",
                )
            if report.ref and report.ref in refs:
                raise Conflict(
                    f"Ref {report.ref!r} muncul dua kali dalam satu penyimpanan.",
                    en=f"ref {report.ref!r} appears twice in one save",
                )
            trackings.add(report.tracking)
            if report.ref:
                refs.add(report.ref)

    def _check_all(self, reports: Sequence[Report]) -> None:
        """Before a batch too big for one transaction writes anything: would every write succeed?"""
        stored = {
            item["tracking"]["S"]: int(item["version"]["N"])
            for item in self._get_many([_report_key(r.tracking) for r in reports], "version, tracking")
        }
        for report in reports:
            if stored.get(report.tracking, 0) != report.version:
                if report.version == 0:
                    raise taken_tracking(report.tracking)
                raise changed_meanwhile(report.tracking)
        refs = [r.ref for r in reports if r.version == 0 and r.ref]
        taken = self._get_many([_ref_key(ref) for ref in refs], "pk")
        if taken:
            raise taken_ref(taken[0]["pk"]["S"].removeprefix("REF#"))

    def _transact(self, writes: Sequence[_Write]) -> None:
        """Write `writes` and their publish events in one transaction, in sequence order."""
        added = sum(1 for w in writes if w.report.version == 0)
        for attempt in range(COUNTER_RETRIES):
            meta = self._get("read the event counter", META_KEY)
            seq = int(meta["seq"]["N"]) if meta else 0
            count = int(meta["reports"]["N"]) if meta else 0
            counter: dict[str, Any] = {
                "Put": {
                    "TableName": self.table,
                    "Item": {**META_KEY, "seq": _n(seq + len(writes)), "reports": _n(count + added)},
                    "ConditionExpression": "attribute_not_exists(pk) OR seq = :seq",
                    "ExpressionAttributeValues": {":seq": _n(seq)},
                }
            }
            items: list[dict[str, Any]] = [counter]
            conflicts: list[Conflict | None] = [None]  # the counter: a failed condition means retry
            # Names this very transaction: DynamoDB runs a retried request with the same token
            # once (for 10 minutes), and the first event carries it, so a retry that finds its
            # own earlier write (the response was lost, botocore sent it again) knows it.
            token = uuid.uuid4().hex
            for offset, write in enumerate(writes, start=1):
                for put, conflict in zip(write.operations, write.conflicts, strict=True):
                    items.append({"Put": {"TableName": self.table, **put}})
                    conflicts.append(conflict)
                event = {**_event_key(seq + offset), "seq": _n(seq + offset), "tracking": _s(write.report.tracking)}
                if offset == 1:
                    event["token"] = _s(token)
                items.append({"Put": {"TableName": self.table, "Item": event}})
                conflicts.append(None)
            try:
                self.client.transact_write_items(TransactItems=items, ClientRequestToken=token)
            except (ClientError, BotoCoreError) as error:
                if self._committed(seq, token):
                    pass  # it did commit: the answer that says otherwise is to a repeat of it
                elif isinstance(error, BotoCoreError):
                    raise aws.storage_error(error, "save reports") from None
                elif aws.error_code(error) != "TransactionCanceledException":
                    raise aws.storage_error(error, "save reports") from None
                else:
                    self._cancelled(error, conflicts)
                    time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
                    continue
            # Only once it is stored does the caller's copy move to the new version.
            for write in writes:
                write.report.version += 1
            return
        raise busy("save reports")

    def _committed(self, seq: int, token: str) -> bool:
        """Whether the transaction that numbered its first event `seq + 1` with `token` is in."""
        try:
            item = self._get("read a publish event", _event_key(seq + 1))
        except StorageUnavailable:
            return False
        return item is not None and item.get("token", {}).get("S") == token

    @staticmethod
    def _cancelled(error: ClientError, conflicts: list[Conflict | None]) -> None:
        """A cancelled transaction: raise the domain's error, or return when another save took
        the next sequence numbers first (read the counter again and retry)."""
        codes = aws.cancellation_codes(error)
        for code, conflict in zip(codes, conflicts, strict=False):
            if code == "ConditionalCheckFailed" and conflict is not None:
                raise conflict from None
        if codes[:1] == ["ConditionalCheckFailed"] or "TransactionConflict" in codes:
            return
        raise aws.storage_error(error, "save reports") from None

    # -- reports: reading --------------------------------------------------------------------

    def get(self, tracking: str) -> Report | None:
        item = self._get("read a report", _report_key(tracking))
        return self._load(item) if item else None

    def _load(self, item: dict[str, Any]) -> Report:
        if int(item.get("blocks", {"N": "0"})["N"]) == 0:
            return load_report(item)
        blocks = self._query_all(
            "read a report's earlier updates",
            KeyConditionExpression="pk = :p AND begins_with(sk, :b)",
            ExpressionAttributeValues={":p": item["pk"], ":b": _s(BLOCK_PREFIX)},
        )
        return load_report(item, blocks)

    def get_by_ref(self, ref: str) -> Report | None:
        item = self._get("read a ref", _ref_key(ref))
        return self.get(item["tracking"]["S"]) if item else None

    def get_by_refs(self, refs: Sequence[str]) -> dict[str, Report]:
        found = {ref: self.get_by_ref(ref) for ref in refs}
        return {ref: report for ref, report in found.items() if report is not None}

    def find(
        self,
        *,
        status: str | None = None,
        agency: str | None = None,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page:
        if status and agency:
            index, value = "by_agency_status", f"{agency}#{status}"
        elif status:
            index, value = "by_status", status
        elif agency:
            index, value = "by_agency", agency
        else:
            index, value = "by_recency", FEED
        condition = "#h = :h"
        values: dict[str, Any] = {":h": _s(value)}
        if cursor:
            after = Position.decode(cursor)
            try:
                values[":after"] = _s(recent_key(datetime.fromisoformat(after.updated_at), after.tracking))
            except ValueError:
                raise unknown_cursor() from None
            condition += " AND recent < :after"
        keys = self._query_keys(index, condition, {"#h": INDEXES[index]}, values, offset + limit + 1)[offset:]
        items = {item["tracking"]["S"]: item for item in self._get_many(keys, None)}
        reports = []
        for key in keys:
            item = items.get(key["pk"]["S"].removeprefix("REPORT#"))
            # The index lags the table a little: drop a report that no longer matches.
            if item is None or (status and item["status"]["S"] != status):
                continue
            if agency and item.get("agency", {}).get("S") != agency:
                continue
            reports.append(self._load(item))
        page = page_of(reports, limit)
        if page.cursor is None and len(keys) > limit and page:
            # Reports were left out, yet the index has more: the next page starts after this one.
            page.cursor = Position.after(page[-1]).encode()
        return page

    # -- officers' deadlines (overdue first) -------------------------------------------------
    # Worked out when listed, not kept in the table: only received and verified reports can be
    # overdue, so a listing reads that backlog (of the agency, if given) through the status
    # indexes, in proportion to its size rather than the page's.

    def keep_deadlines(self, rule: OfficersDeadline) -> None:
        self._rule = rule

    def find_overdue(
        self,
        *,
        today: date,
        status: str | None = None,
        agency: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page:
        rule = self._rule
        if rule is None:
            return Page()
        after = DuePosition.decode(cursor) if cursor else None
        dated: list[tuple[date, Report]] = []
        for candidate in ("received", "verified"):
            if status and status != candidate:
                continue
            index, value = ("by_agency_status", f"{agency}#{candidate}") if agency else ("by_status", candidate)
            keys = self._query_keys(index, "#h = :h", {"#h": INDEXES[index]}, {":h": _s(value)}, 10**9)
            for item in self._get_many(keys, None):
                report = self._load(item)
                due = rule(report) if report.status.value == candidate else None
                if due is None or due >= today or (agency and report.agency != agency):
                    continue
                if after is None or (due.isoformat(), report.tracking) > (after.due, after.tracking):
                    dated.append((due, report))
        dated.sort(key=lambda pair: (pair[0], pair[1].tracking))
        return overdue_page(dated[: limit + 1], limit)

    def _query_keys(
        self, index: str, condition: str, names: dict[str, str], values: dict[str, Any], wanted: int
    ) -> list[dict[str, Any]]:
        keys: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
        while len(keys) < wanted:
            kwargs: dict[str, Any] = {
                "IndexName": index,
                "KeyConditionExpression": condition,
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": values,
                "ScanIndexForward": False,
                "Limit": min(wanted - len(keys), 1000),
            }
            if start:
                kwargs["ExclusiveStartKey"] = start
            with aws.translated("list reports"):
                page = self.client.query(TableName=self.table, **kwargs)
            keys += [{"pk": k["pk"], "sk": k["sk"]} for k in page.get("Items", [])]
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        return keys

    def _get_many(self, keys: list[dict[str, Any]], projection: str | None) -> list[dict[str, Any]]:
        """BatchGetItem, consistently, 100 keys at a time, retrying what DynamoDB left unprocessed."""
        found: list[dict[str, Any]] = []
        for start in range(0, len(keys), 100):
            request: dict[str, Any] = {"Keys": keys[start : start + 100], "ConsistentRead": True}
            if projection:
                request["ProjectionExpression"] = projection
            pending: dict[str, Any] = {self.table: request}
            for attempt in range(10):
                with aws.translated("read reports"):
                    answer = self.client.batch_get_item(RequestItems=pending)
                found += answer.get("Responses", {}).get(self.table, [])
                pending = answer.get("UnprocessedKeys") or {}
                if not pending:
                    break
                time.sleep(0.01 * 2**attempt)
            else:
                raise busy("read reports")
        return found

    def all(self) -> Iterator[Report]:
        """Every report, oldest submission first; one consistent scan of the report items."""
        items: list[dict[str, Any]] = []
        blocks: dict[str, list[dict[str, Any]]] = {}
        start: dict[str, Any] | None = None
        while True:
            kwargs: dict[str, Any] = {
                "FilterExpression": "sk = :r OR begins_with(sk, :b)",
                "ExpressionAttributeValues": {":r": _s(REPORT), ":b": _s(BLOCK_PREFIX)},
                "ConsistentRead": True,
            }
            if start:
                kwargs["ExclusiveStartKey"] = start
            with aws.translated("read all reports"):
                page = self.client.scan(TableName=self.table, **kwargs)
            for item in page.get("Items", []):
                if item["sk"]["S"] == REPORT:
                    items.append(item)
                else:
                    blocks.setdefault(item["pk"]["S"], []).append(item)
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        reports = [load_report(item, blocks.get(item["pk"]["S"], [])) for item in items]
        reports.sort(key=lambda r: (r.submitted_at.isoformat(), r.tracking))
        yield from reports

    def count(self) -> int:
        item = self._get("count reports", META_KEY)
        return int(item["reports"]["N"]) if item else 0

    # -- officers ----------------------------------------------------------------------------

    def add_officer(self, officer: Officer) -> None:
        items = [
            {
                "Put": {
                    "TableName": self.table,
                    "Item": _officer_item(officer),
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
            {
                "Put": {
                    "TableName": self.table,
                    "Item": {**_token_key(officer.token_hash), "officer": _s(officer.id)},
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
        ]
        try:
            self.client.transact_write_items(TransactItems=items, ClientRequestToken=uuid.uuid4().hex)
        except ClientError as error:
            if "ConditionalCheckFailed" in aws.cancellation_codes(error):
                # A token is random: its item naming this officer is this very write, repeated
                # by botocore after its response was lost.
                mine = self._get("check a token", _token_key(officer.token_hash))
                if mine is not None and mine.get("officer", {}).get("S") == officer.id:
                    return
                raise Conflict(
                    f"Petugas {officer.id} atau tokennya sudah ada.",
                    en=f"officer {officer.id} or their token already exists",
                ) from None
            raise aws.storage_error(error, "add an officer") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "add an officer") from None

    def officer_by_token_hash(self, token_hash: str) -> Officer | None:
        token = self._get("check a token", _token_key(token_hash))
        if token is None:
            return None
        key = _officer_key(token["officer"]["S"])
        item = self._get("read an officer", key)
        return _load_officer(item) if item else None

    def officers(self) -> list[Officer]:
        items = self._query_all(
            "list officers", KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": _s(OFFICERS)}
        )
        return sorted(map(_load_officer, items), key=lambda o: o.created_at.isoformat())

    def revoke_officer(self, officer_id: str) -> bool:
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_officer_key(officer_id),
                UpdateExpression="SET active = :f",
                ConditionExpression="attribute_exists(pk) AND active = :t",
                ExpressionAttributeValues={":f": {"BOOL": False}, ":t": {"BOOL": True}},
            )
        except ClientError as error:
            if aws.error_code(error) == "ConditionalCheckFailedException":
                return False
            raise aws.storage_error(error, "revoke an officer") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "revoke an officer") from None
        return True

    # -- publish events ----------------------------------------------------------------------

    def pending_events(self, limit: int = 1000) -> list[Event]:
        items = self._query_all(
            "read publish events",
            wanted=limit,
            KeyConditionExpression="pk = :p",
            ExpressionAttributeValues={":p": _s(EVENTS)},
        )
        return [Event(int(item["seq"]["N"]), item["tracking"]["S"]) for item in items]

    def ack_events(self, upto_seq: int) -> None:
        keys = [
            {"pk": item["pk"], "sk": item["sk"]}
            for item in self._query_all(
                "read publish events",
                KeyConditionExpression="pk = :p AND sk <= :upto",
                ExpressionAttributeValues={":p": _s(EVENTS), ":upto": _s(f"{upto_seq:020d}")},
                ProjectionExpression="pk, sk",
            )
        ]
        self._delete_many(keys)

    def _delete_many(self, keys: list[dict[str, Any]]) -> None:
        for start in range(0, len(keys), 25):
            pending: dict[str, Any] = {self.table: [{"DeleteRequest": {"Key": k}} for k in keys[start : start + 25]]}
            for attempt in range(10):
                with aws.translated("acknowledge publish events"):
                    answer = self.client.batch_write_item(RequestItems=pending)
                pending = answer.get("UnprocessedItems") or {}
                if not pending:
                    break
                time.sleep(0.01 * 2**attempt)
            else:
                raise busy("acknowledge publish events")

    # -- rate limits -------------------------------------------------------------------------

    def take_token(self, key: str, capacity: float, per_second: float, now: float) -> float:
        """Take one token from the rate-limit bucket `key`; 0.0 if there was one, else the seconds
        until there will be (nothing is taken then). A token bucket, as SQLiteStore.take_token.

        The bucket is one item, written only on a take, conditional on being as it was read, so
        concurrent takers (several Lambda instances) retry instead of sharing a token. Its
        `expires` (the table's TTL attribute) is when it would be full again: DynamoDB may then
        delete it, and a missing bucket is a full one.
        """
        item_key = {"pk": _s(f"RATE#{key}"), "sk": _s("RATE")}
        for attempt in range(COUNTER_RETRIES):
            item = self._get("read a rate limit", item_key)
            if item is None:
                tokens = capacity
            else:
                elapsed = max(0.0, now - float(item["updated"]["N"]))
                tokens = min(capacity, float(item["tokens"]["N"]) + elapsed * per_second)
            if tokens < 1:
                # Refused: nothing changes, so nothing is written (cheap under a flood).
                return (1 - tokens) / per_second
            tokens -= 1
            put: dict[str, Any] = {
                "TableName": self.table,
                "Item": {
                    **item_key,
                    "tokens": {"N": f"{tokens:.9f}"},
                    "updated": {"N": f"{now:.6f}"},
                    TTL_ATTRIBUTE: _n(math.ceil(now + (capacity - tokens) / per_second)),
                },
            }
            if item is None:
                put["ConditionExpression"] = "attribute_not_exists(pk)"
            else:
                put["ConditionExpression"] = "tokens = :t AND updated = :u"
                put["ExpressionAttributeValues"] = {":t": item["tokens"], ":u": item["updated"]}
            try:
                self.client.put_item(**put)
            except ClientError as error:
                if aws.error_code(error) == "ConditionalCheckFailedException":
                    time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
                    continue  # another taker was first: read the bucket again
                raise aws.storage_error(error, "take a rate-limit token") from None
            except BotoCoreError as error:
                raise aws.storage_error(error, "take a rate-limit token") from None
            return 0.0
        raise busy("take a rate-limit token")

    def _query_all(self, what: str, wanted: int | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
        while wanted is None or len(items) < wanted:
            if wanted is not None:
                kwargs["Limit"] = min(wanted - len(items), 1000)
            if start:
                kwargs["ExclusiveStartKey"] = start
            with aws.translated(what):
                page = self.client.query(TableName=self.table, ConsistentRead=True, **kwargs)
            items += page.get("Items", [])
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        return items

    # -- officers' sign-in (console helper's block; helpers below the class) ----------------------

    def officer(self, officer_id: str) -> Officer | None:
        item = self._get("read an officer", _officer_key(officer_id))
        return _load_officer(item) if item else None

    def add_login(self, login: Login) -> None:
        item = {
            **_login_key(login.login),
            "officer": _s(login.officer_id),
            "password_hash": _s(login.password_hash),
            "updated_at": _s(login.updated_at.isoformat()),
        }
        try:
            self.client.put_item(TableName=self.table, Item=item, ConditionExpression="attribute_not_exists(pk)")
        except ClientError as error:
            if aws.error_code(error) == "ConditionalCheckFailedException":
                raise Conflict(
                    f"Nama login {login.login!r} sudah dipakai petugas lain.",
                    en=f"login {login.login!r} is already taken",
                ) from None
            raise aws.storage_error(error, "add a login") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "add a login") from None

    def login(self, login: str) -> Login | None:
        item = self._get("read a login", _login_key(login))
        if item is None:
            return None
        return Login(
            login, item["officer"]["S"], item["password_hash"]["S"], datetime.fromisoformat(item["updated_at"]["S"])
        )

    def set_password(self, login: str, password_hash: str, at: datetime) -> bool:
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_login_key(login),
                UpdateExpression="SET password_hash = :h, updated_at = :u",
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeValues={":h": _s(password_hash), ":u": _s(at.isoformat())},
            )
        except ClientError as error:
            if aws.error_code(error) == "ConditionalCheckFailedException":
                return False
            raise aws.storage_error(error, "set a password") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "set a password") from None
        return True

    def add_session(self, session: Session) -> None:
        item = {
            **_session_key(session.id_hash),
            "officer": _s(session.officer_id),
            "created_at": _s(session.created_at.isoformat()),
            "last_seen": _s(session.last_seen.isoformat()),
            TTL_ATTRIBUTE: _n(math.ceil((session.created_at + SESSION_ABSOLUTE).timestamp())),
        }
        # An officer's sessions are also listed under the officer (OFFICER_SESSIONS#<id>), so a
        # password change can end them all; written first, so no session goes unlisted.
        listed = {**_officer_sessions_key(session.officer_id, session.id_hash), TTL_ATTRIBUTE: item[TTL_ATTRIBUTE]}
        with aws.translated("start a session"):
            self.client.put_item(TableName=self.table, Item=listed)
            self.client.put_item(TableName=self.table, Item=item)

    def session(self, id_hash: str) -> Session | None:
        item = self._get("read a session", _session_key(id_hash))
        if item is None or "ended" in item:
            return None
        return Session(
            id_hash,
            item["officer"]["S"],
            datetime.fromisoformat(item["created_at"]["S"]),
            datetime.fromisoformat(item["last_seen"]["S"]),
        )

    def touch_session(self, id_hash: str, last_seen: datetime) -> None:
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_session_key(id_hash),
                UpdateExpression="SET last_seen = :s",
                ConditionExpression="attribute_exists(pk) AND attribute_not_exists(ended)",
                ExpressionAttributeValues={":s": _s(last_seen.isoformat())},
            )
        except ClientError as error:
            if aws.error_code(error) != "ConditionalCheckFailedException":
                raise aws.storage_error(error, "touch a session") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "touch a session") from None

    def end_session(self, id_hash: str) -> bool:
        # Marked ended rather than deleted: the function's role then needs no DeleteItem, and the
        # TTL removes the item later. An ended session is never read back as one.
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_session_key(id_hash),
                UpdateExpression="SET ended = :t",
                ConditionExpression="attribute_exists(pk) AND attribute_not_exists(ended)",
                ExpressionAttributeValues={":t": {"BOOL": True}},
            )
        except ClientError as error:
            if aws.error_code(error) == "ConditionalCheckFailedException":
                return False
            raise aws.storage_error(error, "end a session") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "end a session") from None
        return True

    def end_sessions(self, officer_id: str, keep: str | None = None) -> int:
        listed = self._query_all(
            "list an officer's sessions",
            KeyConditionExpression="pk = :p",
            ExpressionAttributeValues={":p": _s(f"OFFICER_SESSIONS#{officer_id}")},
        )
        return sum(self.end_session(item["sk"]["S"]) for item in listed if item["sk"]["S"] != keep)


# -- officers' sign-in (console helper's block): logins and sessions ----------------------------
# A login is the item LOGIN#<login> / LOGIN (officer id, argon2 hash); a session is
# SESSION#<sha256 of its id> / SESSION, whose TTL is its absolute expiry (DynamoDB deletes it
# some time after; `Session.alive` decides, not the TTL).


def _login_key(login: str) -> dict[str, Any]:
    return {"pk": _s(f"LOGIN#{login}"), "sk": _s("LOGIN")}


def _session_key(id_hash: str) -> dict[str, Any]:
    return {"pk": _s(f"SESSION#{id_hash}"), "sk": _s("SESSION")}


def _officer_sessions_key(officer_id: str, id_hash: str) -> dict[str, Any]:
    return {"pk": _s(f"OFFICER_SESSIONS#{officer_id}"), "sk": _s(id_hash)}
