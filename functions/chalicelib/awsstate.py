"""Where the publisher's and the build's files live on AWS, and the lock around publishing.

Locally everything is under ADUAN_DATA. On AWS nothing is kept on a function's disk between
runs: each run fills a scratch directory under /tmp from S3, works there with the same code
as locally, and puts back what changed (`s3site.push`):

| local (ADUAN_DATA/…) | on AWS | who reads / writes |
|---|---|---|
| `public/` (the public dataset) | site bucket `dataset/` | publish writes, build reads |
| `gate.db`, `tally.db`, `publication-held.json` | private bucket `state/` | publish only |
| `log/` (the transparency log's state) | site bucket `_build/log/` | build only |
| the output directory's hidden files (the build state `.aduan-build.db`, parts, search mirror) | site bucket `_build/output/` | build only |
| `log/signing-key` | SSM SecureString `/<prefix>log-signing-key` | build only |
| (publishes waiting for their build) | table item `META`/`PUBLISHED` | publish only |
| (the last successful build: its journal position, the records it rendered) | site bucket `_build/built.json`, `_build/records/` | build writes; publish, the status API read |

The scratch directories keep their place under /tmp, so a warm Lambda (or a second `aduan
build` on one machine) downloads only what changed since.

Publishing is one at a time: a lock item in the private table, taken with a conditional write
and given an expiry, so a crashed holder blocks the next only until it expires.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from . import aws
from .errors import StorageUnavailable
from .s3site import Prefix

DATASET = "dataset/"
STATE = "state/"
BUILD = "_build/"
LOCK_KEY = {"pk": {"S": "LOCK#publish"}, "sk": {"S": "LOCK"}}
# What the gate holds back, as publish_changes last saw it: in the table, because the API may
# read the table but not the publisher's state/ (docs/aws.md, "Where the files live").
HOLDS_KEY = {"pk": {"S": "META"}, "sk": {"S": "HOLDS"}}
# Which publish events are in the dataset and at which journal entry (`changes/<seq>.json`):
# they are acknowledged once a build that read that entry or a later one has succeeded.
MARKS_KEY = {"pk": {"S": "META"}, "sk": {"S": "PUBLISHED"}}
# What the last successful build read: the dataset's journal position (site bucket, written by
# build_site, read by publish_changes), and the records it rendered (read by the status API).
BUILT = BUILD + "built.json"
BUILT_RECORDS = BUILD + "records/"
LOCK_SECONDS = 900  # the publishing function's timeout: a holder past it has crashed
LOCK_WAIT = 60.0  # seconds a second publisher waits before giving the message back to the queue


def scratch(name: str) -> Path:
    """A directory under /tmp for this bucket set, kept between runs of a warm process."""
    base = Path(os.environ.get("ADUAN_SCRATCH") or tempfile.gettempdir())
    path = base / f"aduan-{aws.table_prefix()}{name}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def dataset() -> Prefix:
    # Its index inside its own prefix: publish_changes may write under dataset/ and nowhere
    # else in the site bucket.
    return Prefix(aws.site_bucket(), DATASET, DATASET + ".index.json")


def state() -> Prefix:
    return Prefix(aws.private_bucket(), STATE, STATE + ".index.json", typed=False)


def log_state() -> Prefix:
    return Prefix(aws.site_bucket(), BUILD + "log/", BUILD + "index/log.json", typed=False)


def output_state() -> Prefix:
    return Prefix(aws.site_bucket(), BUILD + "output/", BUILD + "index/output.json", typed=False)


def built_records() -> Prefix:
    """The records the last successful build rendered: what the status API serves."""
    return Prefix(aws.site_bucket(), BUILT_RECORDS, BUILD + "index/records.json", typed=False)


def site() -> Prefix:
    """The public site at the bucket's root, apart from the dataset and the build's state."""
    return Prefix(aws.site_bucket(), "", BUILD + "index/site.json", exclude=(DATASET, BUILD))


def hidden(relpath: str) -> bool:
    """Build state in the output directory (the manifest, the lock file): never public."""
    return any(part.startswith(".") for part in relpath.split("/"))


def signing_key_parameter() -> str:
    return f"/{aws.table_prefix()}log-signing-key"


def signing_key() -> str | None:
    """The transparency log's private key from SSM (None when the parameter is missing)."""
    client = aws.ssm()
    try:
        answer = client.get_parameter(Name=signing_key_parameter(), WithDecryption=True)
    except ClientError as error:
        if aws.error_code(error) == "ParameterNotFound":
            return None
        raise aws.storage_error(error, "read the log signing key") from None
    return str(answer["Parameter"]["Value"])


# -- the publish lock ------------------------------------------------------------------------


@contextmanager
def publish_lock(wait: float = LOCK_WAIT, seconds: int = LOCK_SECONDS) -> Iterator[str]:
    """Hold the publish lock (a conditional item in the private table) for the block.

    Waits up to `wait` seconds for another holder, then raises StorageUnavailable (an SQS
    message then returns to the queue and is tried again). A lock whose holder crashed frees
    itself after `seconds`.
    """
    owner = uuid.uuid4().hex
    client, table = aws.dynamodb(), aws.private_table()
    deadline = time.monotonic() + wait
    while True:
        now = int(time.time())
        try:
            client.put_item(
                TableName=table,
                Item={**LOCK_KEY, "owner": {"S": owner}, "expires": {"N": str(now + seconds)}},
                ConditionExpression="attribute_not_exists(pk) OR expires < :now",
                ExpressionAttributeValues={":now": {"N": str(now)}},
            )
            break
        except ClientError as error:
            if aws.error_code(error) != "ConditionalCheckFailedException":
                raise aws.storage_error(error, "take the publish lock") from None
        if time.monotonic() > deadline:
            raise StorageUnavailable(
                "Publikasi lain sedang berjalan; coba lagi sebentar lagi.",
                en="another publish holds the lock; try again shortly",
            )
        time.sleep(0.5)
    try:
        yield owner
    finally:
        try:
            client.delete_item(
                TableName=table,
                Key=LOCK_KEY,
                ConditionExpression="#o = :me",
                ExpressionAttributeNames={"#o": "owner"},
                ExpressionAttributeValues={":me": {"S": owner}},
            )
        except ClientError:
            pass  # expired and taken by another meanwhile: theirs now


# -- what the gate holds back, for the API ---------------------------------------------------


def save_holds(holds: list[dict[str, Any]], refused: list[str] | None = None) -> None:
    """After a publish: the gate's holds (tracking numbers, kinds of problem and masks, never
    the identifiers themselves), as GateIndex.holds() lists them, and what the gate's second
    line refused the whole publish for (`refused`: masked, as `Leak` says it; None: nothing)."""
    client = aws.dynamodb()
    item = {**HOLDS_KEY, "holds": {"S": json.dumps(holds, ensure_ascii=False, sort_keys=True)}}
    if refused is not None:
        item["refused"] = {"S": json.dumps(sorted(set(refused)), ensure_ascii=False)}
    with aws.translated("save what the gate holds"):
        client.put_item(TableName=aws.private_table(), Item=item)


def _holds_item() -> dict[str, Any]:
    client = aws.dynamodb()
    with aws.translated("read what the gate holds"):
        item = client.get_item(TableName=aws.private_table(), Key=HOLDS_KEY, ConsistentRead=True).get("Item")
    return dict(item or {})


def holds() -> list[dict[str, Any]]:
    item = _holds_item()
    return list(json.loads(item["holds"]["S"])) if item else []


def refusal() -> list[str] | None:
    """What the second line refused the last publish for (None: it refused nothing)."""
    item = _holds_item()
    return list(json.loads(item["refused"]["S"])) if "refused" in item else None


def held(tracking: str) -> list[dict[str, str]] | None:
    """The problems for which the gate holds this report back, or None (GateIndex.held)."""
    for hold in holds():
        if hold["tracking"] == tracking:
            return list(hold["problems"])
    return None


# -- published, then built: when a publish event is acknowledged ---------------------------------


def marks() -> list[tuple[int, int]]:
    """(last publish event, journal entry) of each publish whose build has not succeeded yet."""
    client = aws.dynamodb()
    with aws.translated("read the publish marks"):
        item = client.get_item(TableName=aws.private_table(), Key=MARKS_KEY, ConsistentRead=True).get("Item")
    return [(int(upto), int(journal)) for upto, journal in json.loads(item["marks"]["S"])] if item else []


def save_marks(pending: list[tuple[int, int]]) -> None:
    client = aws.dynamodb()
    item = {**MARKS_KEY, "marks": {"S": json.dumps(sorted(pending))}}
    with aws.translated("save the publish marks"):
        client.put_item(TableName=aws.private_table(), Item=item)


def dataset_journal() -> int:
    """The dataset's last journal entry (`changes/last.json`), 0 before the first publish."""
    return _seq(dataset().get("changes/last.json"), "seq")


def built_journal() -> int:
    """The journal entry the last successful build read (0: no build has succeeded yet)."""
    return _seq(dataset().get_key(BUILT), "journal")


def save_built(journal: int) -> None:
    body = json.dumps({"journal": journal, "at": int(time.time())}).encode()
    with aws.translated(f"write s3://{aws.site_bucket()}/{BUILT}"):
        aws.s3().put_object(Bucket=aws.site_bucket(), Key=BUILT, Body=body, ContentType="application/json")


def _seq(body: bytes | None, name: str) -> int:
    try:
        value = json.loads(body) if body else {}
    except ValueError:
        return 0
    return int(value.get(name) or 0) if isinstance(value, dict) else 0


# -- a record as published, for the API -------------------------------------------------------


def published_record(tracking: str) -> dict[str, Any] | None:
    """A record as the last successful build rendered it (publish.read_record on AWS): what the
    status API and the track page serve, so they never show text that did not pass the gate,
    nor call a report published before its page is in the bucket."""
    body = built_records().get(f"reports/{tracking}.json")
    if body is None:
        return None
    try:
        data: dict[str, Any] = json.loads(body)
    except ValueError:
        return None
    return data
