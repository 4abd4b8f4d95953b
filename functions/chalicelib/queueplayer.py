"""Play the SQS queues as Lambda would, for `make run-aws` and the tests: receive messages,
call the handler with a Lambda SQS event, delete the messages when it returns.

A handler that raises leaves its messages in the queue: they become visible again after
`retry_after` seconds (Lambda: the queue's visibility timeout) and are delivered again, and
after the queue's maxReceiveCount they move to its dead-letter queue, as on AWS.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import aws
from .events import queue_url

log = logging.getLogger("aduan.queues")

FUNCTIONS = Path(__file__).resolve().parents[1]
Handler = Callable[[dict[str, Any], Any], Any]


def app_handlers() -> dict[str, Handler]:
    """Queue name → the function of functions/app.py that Lambda would call for it."""
    if str(FUNCTIONS) not in sys.path:
        sys.path.insert(0, str(FUNCTIONS))
    import app  # noqa: PLC0415 - the Chalice app, as Lambda loads it

    return {aws.publish_queue(): app.publish_changes, aws.build_queue(): app.build_site}


def lambda_event(queue: str, messages: list[dict[str, Any]]) -> dict[str, Any]:
    region = aws.sqs().meta.region_name
    arn = f"arn:aws:sqs:{region}:123456789012:{queue}"
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": m.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": arn,
                "awsRegion": region,
            }
            for m in messages
        ]
    }


def play_once(handlers: dict[str, Handler], *, wait: int = 0, retry_after: int = 2) -> int:
    """One round: each queue's waiting messages (up to 10, a batch) to its handler. Returns
    how many messages were handled successfully."""
    client = aws.sqs()
    handled = 0
    for queue, handler in handlers.items():
        url = queue_url(queue)
        with aws.translated(f"receive from {queue}"):
            messages = client.receive_message(
                QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=wait, VisibilityTimeout=retry_after
            ).get("Messages", [])
        if not messages:
            continue
        try:
            handler(lambda_event(queue, messages), None)
        except Exception:
            log.exception("%s failed on %d message(s); they return to the queue", queue, len(messages))
            continue
        with aws.translated(f"delete from {queue}"):
            client.delete_message_batch(
                QueueUrl=url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)],
            )
        handled += len(messages)
    return handled


def drain(handlers: dict[str, Handler], *, rounds: int = 20) -> int:
    """Play until every queue is empty (tests): the publish message leads to a build message."""
    total = 0
    for _ in range(rounds):
        handled = play_once(handlers)
        total += handled
        if not handled:
            break
    return total


def run(handlers: dict[str, Handler], stop: Callable[[], bool] = lambda: False) -> None:
    while not stop():
        if not play_once(handlers, wait=1):
            time.sleep(0.2)
