"""`aduan aws setup`: create the AWS resources Aduan needs that are missing, and nothing else.

For an emulator (moto server) or a first trial in an account; a production deployment gets the
same resources from its CloudFormation template. Idempotent: what exists is left as it is, so
running it twice creates nothing the second time.

Resources (names from `aws.py`):
* the private table (design in docs/aws.md): on-demand billing, a stream for change events,
  time to live on `expires` (rate-limit buckets);
* the site bucket (public site and open data) and the private bucket (photos; public access
  blocked, encrypted at rest);
* the publish queue and the build queue, each with a dead-letter queue that keeps a message
  after 5 failed receipts;
* the transparency log's signing key, an SSM SecureString `/<prefix>log-signing-key`, made
  once (a new key would start another log, so an existing one is never replaced).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from . import aws, awsstate
from .dynamo_store import TTL_ATTRIBUTE, table_definition

DEAD_LETTER_AFTER = 5  # receipts of one message before it moves to the dead-letter queue
VISIBILITY_TIMEOUT = 900  # seconds; at least the publishing function's timeout


@dataclass
class SetupResult:
    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)


def setup() -> SetupResult:
    result = SetupResult()
    try:
        _table(aws.private_table(), result)
        _bucket(aws.site_bucket(), private=False, result=result)
        _bucket(aws.private_bucket(), private=True, result=result)
        _queues(aws.publish_queue(), aws.publish_dead_letter_queue(), result)
        _queues(aws.build_queue(), aws.build_dead_letter_queue(), result)
        _signing_key(result)
    except (ClientError, BotoCoreError) as error:
        raise aws.storage_error(error, "aws setup") from None
    return result


def _table(name: str, result: SetupResult) -> None:
    client = aws.dynamodb()
    try:
        client.describe_table(TableName=name)
        result.existing.append(f"table {name}")
    except ClientError as error:
        if aws.error_code(error) != "ResourceNotFoundException":
            raise
        client.create_table(**table_definition(name))
        client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 120})
        result.created.append(f"table {name}")
    # Time to live is set apart from the table, so a table made without it gets it too.
    ttl = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
    if ttl.get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
        client.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE}
        )
        result.created.append(f"time to live on {name}.{TTL_ATTRIBUTE}")


def _bucket(name: str, *, private: bool, result: SetupResult) -> None:
    client = aws.s3()
    try:
        client.head_bucket(Bucket=name)
        result.existing.append(f"bucket {name}")
        return
    except ClientError as error:
        if aws.error_code(error) not in ("404", "NoSuchBucket", "NotFound"):
            raise
    request: dict[str, Any] = {"Bucket": name}
    region = client.meta.region_name
    if region and region != "us-east-1":  # us-east-1 refuses an explicit LocationConstraint
        request["CreateBucketConfiguration"] = {"LocationConstraint": region}
    client.create_bucket(**request)
    if private:
        client.put_public_access_block(
            Bucket=name,
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )
        client.put_bucket_encryption(
            Bucket=name,
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )
    result.created.append(f"bucket {name}{' (private: public access blocked)' if private else ''}")


def _queue_url(name: str) -> str | None:
    try:
        return str(aws.sqs().get_queue_url(QueueName=name)["QueueUrl"])
    except ClientError as error:
        if aws.error_code(error) in ("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"):
            return None
        raise


def _queues(name: str, dead_name: str, result: SetupResult) -> None:
    client = aws.sqs()
    dead_url = _queue_url(dead_name)
    if dead_url is None:
        dead_url = client.create_queue(QueueName=dead_name, Attributes={"MessageRetentionPeriod": "1209600"})[
            "QueueUrl"
        ]
        result.created.append(f"queue {dead_name} (dead letters)")
    else:
        result.existing.append(f"queue {dead_name}")
    if _queue_url(name) is not None:
        result.existing.append(f"queue {name}")
        return
    dead_arn = client.get_queue_attributes(QueueUrl=dead_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    client.create_queue(
        QueueName=name,
        Attributes={
            "VisibilityTimeout": str(VISIBILITY_TIMEOUT),
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_arn, "maxReceiveCount": str(DEAD_LETTER_AFTER)}),
        },
    )
    result.created.append(f"queue {name} (dead letters to {dead_name} after {DEAD_LETTER_AFTER} receipts)")


def _signing_key(result: SetupResult) -> None:
    """The log's Ed25519 key, named after the log's origin (the site's URL, or a name that
    cannot be a host while there is none), as the build would have made it locally."""
    from .tlog.note import Signer

    name = aws_log_origin()
    parameter = awsstate.signing_key_parameter()
    client = aws.ssm()
    try:
        client.get_parameter(Name=parameter)
        result.existing.append(f"parameter {parameter}")
        return
    except ClientError as error:
        if aws.error_code(error) != "ParameterNotFound":
            raise
    try:
        client.put_parameter(
            Name=parameter,
            Value=Signer.generate(name).skey(),
            Type="SecureString",
            Overwrite=False,  # two setups at once: the second fails instead of forking the log
            Description="Aduan: the transparency log's signing key (build_site reads it)",
        )
    except ClientError as error:
        if aws.error_code(error) != "ParameterAlreadyExists":
            raise
    result.created.append(f"parameter {parameter} (SecureString: the log signing key {name})")


def aws_log_origin() -> str:
    """The log's origin as the site build names it (events.build builds with pelicanconf.py,
    whose SITEURL is empty): a name from the region's id that cannot be a real host.
    ADUAN_LOG_ORIGIN names it otherwise (a deployment's own host + /log)."""
    from .region import load_region

    return os.environ.get("ADUAN_LOG_ORIGIN") or f"{load_region().id or 'aduan'}.aduan.invalid/log"
