"""What only the DynamoDB store needs proving, on moto server: an import cut short converges when
retried, a save that loses the race for the event counter retries, AWS failures become the
domain's errors, photos go to the private bucket, and the `aduan` command works as a user runs
it with ADUAN_BACKEND=aws and writes no local database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from chalicelib import actions, aws, config
from chalicelib.aws_setup import setup
from chalicelib.demo import demo_lines
from chalicelib.dynamo_store import DynamoStore, table_definition
from chalicelib.errors import Conflict, StorageUnavailable
from chalicelib.importer import import_lines
from chalicelib.submission import new_report, validate
from conftest import REPO, aws_environment, submission

ADUAN = Path(sys.executable).parent / "aduan"
pytestmark = pytest.mark.aws


class Killed(BaseException):
    """Stands for the process dying: nothing after it runs, no `except Exception` catches it."""


class FailingClient:
    """The real client, except that the transaction after the first `survive` ones never happens."""

    def __init__(self, real: Any, survive: int) -> None:
        self.real, self.survive, self.done = real, survive, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def transact_write_items(self, **kwargs: Any) -> Any:
        if self.done >= self.survive:
            raise Killed(f"killed after {self.done} transactions")
        self.done += 1
        return self.real.transact_write_items(**kwargs)


def snapshot(store: DynamoStore) -> dict[str, Any]:
    """The store's content by import ref, without what is random per run (ids, tracking, secrets)."""
    by_ref: dict[str, Any] = {}
    for report in store.all():
        record = report.to_dict()
        for name in ("id", "tracking", "secret_hash"):
            record.pop(name)
        by_ref[str(report.ref)] = record
    events = store.pending_events(limit=100_000)
    trackings = {r.tracking: r.ref for r in store.all()}
    return {
        "reports": by_ref,
        "count": store.count(),
        "events": sorted(Counter(trackings[e.tracking] for e in events).items()),
    }


def test_an_import_killed_half_way_converges_when_retried(aws_backend, region) -> None:
    lines = demo_lines(region, count=40, seed=7)
    clean = DynamoStore(aws.table_prefix() + "clean")
    aws.dynamodb().create_table(**table_definition(clean.table))
    import_lines(lines, clean, region)

    store = DynamoStore(aws.private_table(), client=FailingClient(aws.dynamodb(), survive=1))
    with pytest.raises(Killed):
        import_lines(lines, store, region)
    written = store.count()
    assert 0 < written < 40  # whole reports of the first transaction, nothing of the rest

    retried = DynamoStore(aws.private_table())
    result = import_lines(lines, retried, region)
    assert (result.created, result.unchanged) == (40 - written, written)
    assert snapshot(retried) == snapshot(clean)
    assert import_lines(lines, retried, region).unchanged == 40


def test_a_save_that_loses_the_race_for_the_event_counter_tries_again(aws_backend, region, clock) -> None:
    def make():
        return new_report(validate(submission(), region), region, now=clock())[0]

    other = DynamoStore(aws.private_table())
    first, meanwhile = make(), make()

    class Interleaving(FailingClient):
        def transact_write_items(self, **kwargs: Any) -> Any:
            if self.done == 0:  # another save commits between our read of the counter and our write
                other.save([meanwhile])
            self.done += 1
            return self.real.transact_write_items(**kwargs)

    client = Interleaving(aws.dynamodb(), survive=99)
    DynamoStore(aws.private_table(), client=client).save([first])
    assert client.done == 2 and first.version == 1 and meanwhile.version == 1
    assert [e.tracking for e in other.pending_events()] == [meanwhile.tracking, first.tracking]
    assert [e.seq for e in other.pending_events()] == [1, 2] and other.count() == 2


class ResponseLost(FailingClient):
    """The transaction commits, its response is lost, and the client sends it again (botocore's
    retry after a read timeout): the caller gets the answer to the repeat."""

    def transact_write_items(self, **kwargs: Any) -> Any:
        self.done += 1
        self.real.transact_write_items(**kwargs)
        if self.done > self.survive:
            return self.real.transact_write_items(**kwargs)  # moto ignores ClientRequestToken
        return {}


def test_a_transaction_retried_after_it_committed_is_not_its_own_conflict(aws_backend, region) -> None:
    """An import under load once answered "Nomor pelacakan … sudah dipakai": its own earlier
    write, committed before the timeout, failed the repeat's conditions."""
    lines = demo_lines(region, count=40, seed=11)
    store = DynamoStore(aws.private_table(), client=ResponseLost(aws.dynamodb(), survive=0))
    result = import_lines(lines, store, region)  # more than one transaction: each one repeated
    assert result.created == 40 and store.client.done >= 2
    plain = DynamoStore(aws.private_table())
    assert plain.count() == 40 and len(plain.pending_events(limit=1000)) == 40
    # An update too: the repeat fails `version = :read`, yet it was this very save.
    report = plain.get_by_ref(json.loads(lines[0])["ref"])
    assert report is not None
    report.updates[-1].note = report.updates[-1].note  # unchanged content, a new version
    store.save([report])
    assert report.version == 2 and plain.get(report.tracking).version == 2  # type: ignore[union-attr]
    # Adding an officer: the repeat finds the token item it wrote itself.
    from chalicelib.service import Aduan

    officer, token = Aduan(store, region).add_officer("Admin Ulang", "admin")
    assert [o.id for o in plain.officers()] == [officer.id]
    # A real conflict is still one: a save from a stale copy.
    stale = plain.get(report.tracking)
    assert stale is not None
    plain.save([report])
    with pytest.raises(Conflict):
        store.save([stale])


class Throttled:
    def __getattr__(self, name: str) -> Any:
        def fail(**kwargs: Any) -> Any:
            raise ClientError({"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow"}}, name)

        return fail


def test_aws_failures_become_the_domains_errors(aws_backend, region, clock) -> None:
    report = new_report(validate(submission(), region), region, now=clock())[0]
    throttled = DynamoStore(aws.private_table(), client=Throttled())
    for call in (lambda: throttled.get("PSR-AAAA-BBBB"), lambda: throttled.save([report]), throttled.count):
        with pytest.raises(StorageUnavailable) as caught:
            call()
        assert caught.value.status == 503 and caught.value.body()["Code"] == "ServiceUnavailableError"
    unreachable = boto3.client(
        "dynamodb", endpoint_url="http://127.0.0.1:9", config=Config(retries={"max_attempts": 1}, connect_timeout=1)
    )
    with pytest.raises(StorageUnavailable):
        DynamoStore(aws.private_table(), client=unreachable).get("PSR-AAAA-BBBB")
    assert report.version == 0


def test_the_api_answers_503_in_the_one_error_shape_when_storage_is_down(aws_backend, region, monkeypatch) -> None:
    from chalice.test import Client
    from chalicelib.tracking import new_tracking

    sys.path.insert(0, str(REPO / "functions"))
    from app import app

    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    with Client(app) as client:
        response = client.http.get(f"/reports/{new_tracking(region.tracking_prefix)}")
    assert response.status_code == 503
    assert set(response.json_body) == {"Code", "Message"} and response.json_body["Code"] == "ServiceUnavailableError"


def test_the_api_works_on_dynamodb_and_s3(aws_backend, data_dir, region, clock) -> None:
    from chalice.test import Client

    sys.path.insert(0, str(REPO / "functions"))
    from app import app

    setup()  # the buckets too
    _, token = config.service().add_officer("Admin Kominfo", "admin")
    with Client(app) as client:
        headers = {"Content-Type": "application/json"}
        receipts = [
            client.http.post("/reports", headers=headers, body=json.dumps(submission())).json_body for _ in range(3)
        ]
        status = client.http.get(f"/reports/{receipts[0]['tracking']}")
        assert status.status_code == 200 and status.json_body["status"] == "received"
        auth = {"Authorization": f"Bearer {token}"}
        listed = client.http.get("/officer/reports?limit=2", headers=auth).json_body
        assert listed["count"] == 2 and listed["next_cursor"]
        rest = client.http.get(f"/officer/reports?limit=2&cursor={listed['next_cursor']}", headers=auth).json_body
        assert rest["count"] == 1 and rest["next_cursor"] is None
        pages = [r["tracking"] for r in listed["reports"] + rest["reports"]]
        assert sorted(pages) == sorted(r["tracking"] for r in receipts)
    store = config.store()
    assert store.count() == 3 and isinstance(store, DynamoStore)
    report = store.get(receipts[0]["tracking"])
    actions.verify(report, {"agency": "pupr"}, region, "officer:admin", clock())
    store.save([report])
    assert [r.tracking for r in store.find(status="verified")] == [report.tracking]
    assert not data_dir.exists()


def test_photos_are_kept_in_the_private_bucket(aws_backend, data_dir) -> None:
    setup()
    blobs = config.blobs()
    blobs.put("r1/a1.original", b"\xff\xd8 a photo")
    assert blobs.get("r1/a1.original") == b"\xff\xd8 a photo"
    with pytest.raises(KeyError):
        blobs.get("r1/missing.original")
    s3 = aws.s3()
    block = s3.get_public_access_block(Bucket=aws.private_bucket())["PublicAccessBlockConfiguration"]
    assert all(block.values())
    assert s3.head_object(Bucket=aws.private_bucket(), Key="attachments/r1/a1.original")["ContentLength"] == 10
    assert not data_dir.exists()


# -- as a user runs it ------------------------------------------------------------------------


def aduan(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([str(ADUAN), *args], capture_output=True, text=True, timeout=300, cwd=REPO, env=env)
    assert result.returncode == 0, result.stderr
    return result


def by_status_and_agency(store: Any) -> tuple[Counter, Counter]:
    reports = list(store.all())
    return Counter(r.status.value for r in reports), Counter(r.agency for r in reports)


def test_a_user_sets_up_aws_imports_137_reports_and_adds_an_officer(moto_endpoint, tmp_path, monkeypatch) -> None:
    data = tmp_path / "data"
    env = {**os.environ, **aws_environment(moto_endpoint, "user-"), "ADUAN_DATA": str(data)}
    env.pop("AWS_PROFILE", None)
    first, second = aduan(env, "aws", "setup"), aduan(env, "aws", "setup")
    assert "created table user-private" in first.stdout and "9 created" in first.stdout
    assert "created" not in second.stdout.replace("0 created", "") and "8 already there" in second.stdout
    source = tmp_path / "esambat.jsonl"
    aduan(env, "demo", "--count", "137", "--write", str(source))

    # Kill the first import with SIGKILL once part of it is in DynamoDB.
    for name, value in aws_environment(moto_endpoint, "user-").items():
        monkeypatch.setenv(name, value)
    store = config.store()
    importing = subprocess.Popen([str(ADUAN), "import", str(source)], env=env, cwd=REPO)
    deadline = time.monotonic() + 120
    while store.count() == 0 and importing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    importing.send_signal(signal.SIGKILL)
    importing.wait()
    partial = store.count()
    assert importing.returncode == -signal.SIGKILL and 0 < partial < 137

    again = aduan(env, "import", str(source))
    assert f"{137 - partial} new, 0 updated (0 history entries added), {partial} unchanged" in again.stdout
    assert "137 unchanged" in aduan(env, "import", str(source)).stdout
    added = aduan(env, "officer", "add", "--name", "Admin Kominfo", "--role", "admin")
    assert "token (shown once" in added.stdout

    assert not data.exists()  # no local database, no local anything
    local = tmp_path / "local"
    local_env = {**os.environ, "ADUAN_DATA": str(local), "ADUAN_BACKEND": "local"}
    aduan(local_env, "import", str(source))
    monkeypatch.setenv("ADUAN_BACKEND", "local")
    monkeypatch.setenv("ADUAN_DATA", str(local))
    reference = config.store()
    assert reference.count() == store.count() == 137
    assert by_status_and_agency(store) == by_status_and_agency(reference)
    for status in ("received", "verified", "in_progress", "resolved", "rejected"):
        assert len(store.find(status=status, limit=1000)) == len(reference.find(status=status, limit=1000))
    assert len({e.tracking for e in store.pending_events()}) == 137
    assert [o.name for o in store.officers()] == ["Admin Kominfo"]


def test_a_long_report_seals_its_earlier_updates_into_items_of_their_own(aws_backend, region, clock) -> None:
    store = config.store()
    report = new_report(validate(submission(), region), region, now=clock())[0]
    for n in range(200):
        clock.advance(minutes=5)
        actions.add_information(report, f"Tambahan ke-{n}: " + "air PDAM keruh dan berbau " * 76, clock())
    store.save([report])
    items = aws.dynamodb().query(
        TableName=aws.private_table(),
        KeyConditionExpression="pk = :p",
        ExpressionAttributeValues={":p": {"S": f"REPORT#{report.tracking}"}},
    )["Items"]
    assert sorted(i["sk"]["S"] for i in items) == ["REPORT", *(f"UPDATES#{b:04d}" for b in range(4))]
    raw = sum(len(json.dumps(u.to_dict())) for u in report.updates)
    assert raw > 400_000 and all(len(json.dumps(i, default=len)) < 100_000 for i in items)
    assert store.get(report.tracking).to_dict() == report.to_dict()


def test_a_listing_leaves_out_what_the_lagging_index_still_shows(aws_backend, region, clock) -> None:
    store = config.store()
    reports = []
    for _ in range(3):
        clock.advance(hours=1)
        reports.append(new_report(validate(submission(), region), region, now=clock())[0])
    store.save(reports)
    moved = reports[-1]
    actions.verify(moved, {"agency": "pupr"}, region, "officer:admin", clock())
    store.save([moved])

    class Lagging(FailingClient):
        def query(self, **kwargs: Any) -> Any:
            page = self.real.query(**kwargs)
            stale = {"pk": {"S": f"REPORT#{moved.tracking}"}, "sk": {"S": "REPORT"}}
            page["Items"] = [stale, *page["Items"]][: kwargs["Limit"]]  # as before the verify
            return page

    lagging = DynamoStore(aws.private_table(), client=Lagging(aws.dynamodb(), survive=99))
    page = lagging.find(status="received", limit=2)
    assert [r.tracking for r in page] == [reports[1].tracking, reports[0].tracking]
    assert page.cursor  # the index had one more: page on, and find it left out again
    assert lagging.find(status="received", limit=2, cursor=page.cursor) == []


def test_setup_creates_what_is_missing_as_specified_and_nothing_twice(aws_backend) -> None:
    first = setup()
    # The table the fixture made is kept (and given its time to live); buckets, the publish and
    # build queues with their dead-letter queues and the log's signing key are new.
    assert first.existing == [f"table {aws.private_table()}"] and len(first.created) == 8
    again = setup()
    assert again.created == [] and len(again.existing) == 8
    table = aws.dynamodb().describe_table(TableName=aws.private_table())["Table"]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert table["StreamSpecification"]["StreamEnabled"] is True
    ttl = aws.dynamodb().describe_time_to_live(TableName=aws.private_table())["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "expires" and ttl["TimeToLiveStatus"] == "ENABLED"
    assert {i["IndexName"] for i in table["GlobalSecondaryIndexes"]} == {
        "by_status",
        "by_agency",
        "by_agency_status",
        "by_recency",
    }
    sqs = aws.sqs()
    queue = sqs.get_queue_url(QueueName=aws.publish_queue())["QueueUrl"]
    redrive = json.loads(
        sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["All"])["Attributes"]["RedrivePolicy"]
    )
    assert redrive["deadLetterTargetArn"].endswith(":" + aws.publish_dead_letter_queue())
    queue = sqs.get_queue_url(QueueName=aws.build_queue())["QueueUrl"]
    redrive = json.loads(
        sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["All"])["Attributes"]["RedrivePolicy"]
    )
    assert redrive["deadLetterTargetArn"].endswith(":" + aws.build_dead_letter_queue())
    key = aws.ssm().get_parameter(Name=f"/{aws.table_prefix()}log-signing-key", WithDecryption=True)["Parameter"]
    assert key["Type"] == "SecureString" and key["Value"].startswith("PRIVATE+KEY+kota-pasuruan.aduan.invalid/log+")
    encryption = aws.s3().get_bucket_encryption(Bucket=aws.private_bucket())["ServerSideEncryptionConfiguration"]
    assert encryption["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


# What each boto3 client method needs in IAM (head_bucket needs ListBucket; our transactions only put).
CALL_TO_ACTION = {
    "get_item": "dynamodb:GetItem",
    "batch_get_item": "dynamodb:BatchGetItem",
    "query": "dynamodb:Query",
    "scan": "dynamodb:Scan",
    "transact_write_items": "dynamodb:PutItem",
    "update_item": "dynamodb:UpdateItem",
    "batch_write_item": "dynamodb:BatchWriteItem",
    "describe_table": "dynamodb:DescribeTable",
    "get_waiter": "dynamodb:DescribeTable",
    "create_table": "dynamodb:CreateTable",
    "update_time_to_live": "dynamodb:UpdateTimeToLive",
    "describe_time_to_live": "dynamodb:DescribeTimeToLive",
    "put_item": "dynamodb:PutItem",
    "get_object": "s3:GetObject",
    "put_object": "s3:PutObject",
    "head_bucket": "s3:ListBucket",
    "create_bucket": "s3:CreateBucket",
    "put_public_access_block": "s3:PutBucketPublicAccessBlock",
    "put_bucket_encryption": "s3:PutEncryptionConfiguration",
    "get_queue_url": "sqs:GetQueueUrl",
    "create_queue": "sqs:CreateQueue",
    "get_queue_attributes": "sqs:GetQueueAttributes",
    # the AWS path at run time (tests/test_aws_events.py)
    "get_parameter": "ssm:GetParameter",
    "put_parameter": "ssm:PutParameter",
    "send_message": "sqs:SendMessage",
    "delete_item": "dynamodb:DeleteItem",
    "get_paginator": "s3:ListBucket",  # list_objects_v2
    "head_object": "s3:GetObject",
    "delete_objects": "s3:DeleteObject",
}


def client_calls(module: str) -> set[str]:
    """Methods called on a boto3 client in `module`: `self.client.x(`, `client.x(`, `aws.s3().x(`."""
    import ast

    tree = ast.parse((REPO / "functions" / "chalicelib" / module).read_text())
    calls = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            on_client = (isinstance(target, ast.Attribute) and target.attr == "client") or (
                isinstance(target, ast.Name) and target.id == "client"
            )
            on_aws = (
                isinstance(target, ast.Call)
                and isinstance(target.func, ast.Attribute)
                and target.func.attr in ("dynamodb", "s3", "sqs")
            )
            if on_client or on_aws:
                calls.add(node.func.attr)
    return calls


@pytest.mark.parametrize(
    ("module", "part"), [("dynamo_store.py", "store"), ("attachments.py", "photos"), ("aws_setup.py", "setup")]
)
def test_the_iam_actions_listed_are_the_ones_the_code_calls(module: str, part: str) -> None:
    calls = client_calls(module)
    assert calls <= set(CALL_TO_ACTION), calls - set(CALL_TO_ACTION)
    assert {CALL_TO_ACTION[c] for c in calls} == set(aws.IAM_ACTIONS[part])
    documented = (REPO / "docs" / "aws.md").read_text()
    assert all(f"`{action}`" in documented for action in aws.IAM_ACTIONS[part])


def test_two_takers_of_the_last_token_do_not_both_get_it(aws_backend) -> None:
    other = DynamoStore(aws.private_table())
    other.take_token("ip:x", 2, 0.001, 1000.0)  # one token left

    class Racing(FailingClient):
        def put_item(self, **kwargs: Any) -> Any:
            if self.done == 0:  # the other taker takes the last token between our read and write
                assert other.take_token("ip:x", 2, 0.001, 1000.0) == 0.0
            self.done += 1
            return self.real.put_item(**kwargs)

    racing = DynamoStore(aws.private_table(), client=Racing(aws.dynamodb(), survive=99))
    assert racing.take_token("ip:x", 2, 0.001, 1000.0) == pytest.approx(1000.0)
    assert racing.client.done == 1  # it read again, found none, and wrote nothing
