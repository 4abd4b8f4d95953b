"""The AWS edge: boto3 clients for DynamoDB, S3 and SQS, the names of our resources, and the
translation of AWS failures into the domain's errors.

boto3's own settings apply unchanged (``AWS_ENDPOINT_URL`` for an emulator such as moto server,
``AWS_DEFAULT_REGION``, the credential chain). Our names come from ``ADUAN_TABLE_PREFIX``
(default ``aduan-``), ``ADUAN_SITE_BUCKET`` and ``ADUAN_PRIVATE_BUCKET``. We use the low-level
``client`` API only: it is explicit about every call, and `chalice package`'s policy generator
can see client calls (it cannot see ``boto3.resource``).

boto3 and botocore are imported when a client is first made or an AWS failure is translated,
not with this module: the SQLite backend imports this module for the resource names only, and
importing boto3 costs a new process (every `aduan` command) about 0.3 s.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import AduanError, Conflict, StorageUnavailable

if TYPE_CHECKING:
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError


@lru_cache(maxsize=1)
def client_config() -> Config:
    """Throttling and transient faults are retried by botocore itself (standard mode, jittered
    backoff); whatever still fails after that reaches the domain as StorageUnavailable."""
    from botocore.config import Config  # noqa: PLC0415 - boto3 only when AWS is used (module doc)

    return Config(
        retries={"mode": "standard", "max_attempts": 5},
        connect_timeout=5,
        read_timeout=30,
        max_pool_connections=32,  # s3site syncs with 16 threads
    )


THROTTLING = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "SlowDown",
        "TransactionInProgressException",
    }
)

# The IAM actions each part of Aduan calls, for the deployment's least-privilege policies:
# chalice's policy generator sees no call made through a helper such as `client` below.
# tests/test_dynamo_store.py checks these lists against the calls in the code.
IAM_ACTIONS: dict[str, tuple[str, ...]] = {
    # dynamo_store.py; TransactWriteItems is authorised per item (ours only put).
    "store": (
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:Scan",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:BatchWriteItem",
    ),
    "photos": ("s3:GetObject", "s3:PutObject"),  # attachments.S3Blobs, in the private bucket
    "setup": (  # aws_setup.py
        "dynamodb:DescribeTable",
        "dynamodb:CreateTable",
        "dynamodb:DescribeTimeToLive",
        "dynamodb:UpdateTimeToLive",
        "s3:ListBucket",
        "s3:CreateBucket",
        "s3:PutBucketPublicAccessBlock",
        "s3:PutEncryptionConfiguration",
        "sqs:GetQueueUrl",
        "sqs:CreateQueue",
        "sqs:GetQueueAttributes",
        "ssm:GetParameter",
        "ssm:PutParameter",
    ),
    # events.py: a save announces itself on the publish queue (api_handler, auto_close).
    "announce": ("sqs:GetQueueUrl", "sqs:SendMessage"),
    # awsstate.py: the publish lock, in the private table (publish_changes).
    "lock": ("dynamodb:PutItem", "dynamodb:DeleteItem"),
    # s3site.py: the directories kept in S3 (publish_changes: site bucket dataset/* and
    # private bucket state/*; build_site: the site bucket).
    "sync": ("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
    # awsstate.py: what the gate holds, in the table (publish_changes writes, api_handler reads).
    "holds": ("dynamodb:PutItem", "dynamodb:GetItem"),
    # awsstate.published_record: the status API reads records as the last successful build
    # rendered them (api_handler: site bucket _build/records/reports/* only).
    "published": ("s3:GetObject",),
    # awsstate.py: the transparency log's signing key (build_site only).
    "signing key": ("ssm:GetParameter",),
}

_clients: dict[tuple[str, ...], Any] = {}
_lock = threading.Lock()


def table_prefix() -> str:
    return os.environ.get("ADUAN_TABLE_PREFIX", "aduan-")


def private_table() -> str:
    """The one table of private state: reports, officers, publish events (docs/aws.md)."""
    return table_prefix() + "private"


def site_bucket() -> str:
    return os.environ.get("ADUAN_SITE_BUCKET") or table_prefix() + "site"


def private_bucket() -> str:
    return os.environ.get("ADUAN_PRIVATE_BUCKET") or table_prefix() + "private"


def publish_queue() -> str:
    return table_prefix() + "publish"


def publish_dead_letter_queue() -> str:
    return table_prefix() + "publish-dlq"


def build_queue() -> str:
    """Messages from the publisher to the site build: "the dataset changed, build"."""
    return table_prefix() + "build"


def build_dead_letter_queue() -> str:
    return table_prefix() + "build-dlq"


def client(service: str) -> Any:
    """A boto3 client for `service`, one per service and environment (clients are thread-safe).

    Keyed by the settings that pick the endpoint, so a test that points AWS_ENDPOINT_URL at its
    own emulator gets a client for it.
    """
    key = (
        service,
        os.environ.get("AWS_ENDPOINT_URL", ""),
        os.environ.get(f"AWS_ENDPOINT_URL_{service.upper()}", ""),
        os.environ.get("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "")),
        os.environ.get("AWS_ACCESS_KEY_ID", ""),
    )
    import boto3  # noqa: PLC0415 - boto3 only when AWS is used (module doc)

    with _lock:
        if key not in _clients:
            _clients[key] = boto3.session.Session().client(service, config=client_config())
        return _clients[key]


def dynamodb() -> Any:
    return client("dynamodb")


def s3() -> Any:
    return client("s3")


def sqs() -> Any:
    return client("sqs")


def ssm() -> Any:
    return client("ssm")


def error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def cancellation_codes(error: ClientError) -> list[str]:
    """Per-item reasons of a cancelled DynamoDB transaction ("None" for items that were fine)."""
    reasons = error.response.get("CancellationReasons") or []
    return [str(r.get("Code", "None")) for r in reasons]


def storage_error(error: ClientError | BotoCoreError, what: str) -> AduanError:
    """The domain's error for an AWS failure while doing `what`."""
    from botocore.exceptions import ClientError  # noqa: PLC0415 - boto3 only when AWS is used

    if isinstance(error, ClientError):
        code = error_code(error)
        if code == "ConditionalCheckFailedException":
            return Conflict(
                "Data ini baru saja diubah; muat ulang lalu coba lagi.",
                en=f"{what}: it was changed meanwhile; reload it and try again",
            )
        if code in THROTTLING:
            return StorageUnavailable(
                "Penyimpanan sedang sibuk; coba lagi sebentar lagi.",
                en=f"{what}: the storage service is busy; try again shortly",
            )
        return StorageUnavailable(
            "Penyimpanan sedang bermasalah; coba lagi nanti.",
            en=f"{what}: the storage service refused ({code or 'unknown error'})",
        )
    return StorageUnavailable(
        "Penyimpanan tidak dapat dihubungi; coba lagi nanti.",
        en=f"{what}: the storage service cannot be reached ({type(error).__name__})",
    )


@contextmanager
def translated(what: str) -> Iterator[None]:
    """Around AWS calls: whatever fails leaves as the domain's error (see `storage_error`)."""
    from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415 - only when AWS is used

    try:
        yield
    except (ClientError, BotoCoreError) as error:
        raise storage_error(error, what) from None
