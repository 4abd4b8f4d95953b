"""The AWS path from a saved report to the site in the bucket, in three steps joined by queues.

1. `announce`: every save on DynamoDB (a submission, an officer's action, an import, the
   auto-close) sends one message to the publish queue. The message only says "something
   changed": the publish events in the table are what is published, so a lost or duplicated
   message loses or duplicates nothing.
2. `publish` (the `publish_changes` function, on the publish queue): under the publish lock,
   turns every pending publish event into the public dataset, exactly as `aduan build` does
   locally (`Publisher`, every record through the gate's first line), with the gate's index
   and the tally fetched from the private bucket's `state/` and put back; scans every dataset
   file it is about to write for every strong identifier (the gate's second line, here because
   the index is here); writes the dataset to the site bucket's `dataset/`, notes which events
   it holds, and sends one message to the build queue. It also acknowledges the events of
   earlier publishes that a successful build has read. Cut short anywhere, the events stay
   pending and the next message publishes them again (same reports, same records).
3. `build` (the `build_site` function, on the build queue): reads only the site bucket
   (`dataset/`, its own state under `_build/`) and the log's signing key, builds the site with
   Pelican and Pagefind in /tmp and pushes what changed (`s3site.push`: new objects first,
   deletions last); then records the journal position it built and the records it rendered,
   and tells the publish queue. Cut short or failing, the bucket keeps the previous site plus
   some new objects, nothing is recorded (the events stay pending), and the message returns.

Where each file lives is `awsstate.py`.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from . import aws, awsstate, config, s3site
from .errors import AduanError, PublicationRefused, StorageUnavailable
from .gate import GateIndex
from .gate.files import guard_for
from .publish import Publisher
from .region import load_region
from .store import Event, Store
from .tally import Tally

log = logging.getLogger("aduan.events")

STATE_FILES = ("gate.db", "tally.db")
JOURNAL = "changes/last.json"  # the dataset's journal position (publish.Journal)

_queue_urls: dict[tuple[str, str], str] = {}


def queue_url(name: str) -> str:
    key = (os.environ.get("AWS_ENDPOINT_URL", ""), name)
    if key not in _queue_urls:
        client = aws.sqs()
        with aws.translated(f"find queue {name}"):
            _queue_urls[key] = str(client.get_queue_url(QueueName=name)["QueueUrl"])
    return _queue_urls[key]


def send(queue: str, body: dict[str, Any]) -> None:
    client = aws.sqs()
    with aws.translated(f"send to queue {queue}"):
        client.send_message(QueueUrl=queue_url(queue), MessageBody=json.dumps(body, sort_keys=True))


def announce(trackings: Sequence[str]) -> None:
    """After a save: tell the publisher (the DynamoDB store calls it once per save).

    The save has committed by now, so a failure here must not fail it (the citizen would be
    told the report was lost): it is logged, and the events wait for the next message or the
    daily auto_close, which publishes whatever is pending.
    """
    try:
        send(aws.publish_queue(), {"saved": len(trackings)})
    except AduanError as error:
        log.warning("could not announce a save on the publish queue (it stays pending): %s", error.message)


# -- publish_changes ----------------------------------------------------------------------------


@dataclass
class Published:
    records_changed: int = 0
    events: int = 0
    dataset_written: list[str] = field(default_factory=list)
    dataset_deleted: list[str] = field(default_factory=list)
    held: int = 0
    acknowledged: int | None = None  # the last event a successful build covered, acknowledged now


class _Unpublished:
    """The store as the publisher sees it on AWS: the events already in the dataset (up to
    `after`) wait there for their build and are not published again."""

    def __init__(self, store: Store, after: int) -> None:
        self._store, self._after = store, after

    def pending_events(self, limit: int = 1000) -> list[Event]:
        return [e for e in self._store.pending_events(limit=limit) if e.seq > self._after]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _acknowledge_built(store: Store) -> int | None:
    """Acknowledge the events of every publish whose journal entry a successful build has read
    (under the publish lock); the last event acknowledged, or None."""
    waiting = awsstate.marks()
    if not waiting:
        return None
    built = awsstate.built_journal()
    done = [upto for upto, journal in waiting if journal <= built]
    if not done:
        return None
    store.ack_events(max(done))
    awsstate.save_marks([(upto, journal) for upto, journal in waiting if upto > max(done)])
    return max(done)


def acknowledge() -> int | None:
    """Acknowledge what the last successful build published (`aduan build` after its build; on
    Lambda the build's message to the publish queue makes publish_changes do it)."""
    with awsstate.publish_lock():
        return _acknowledge_built(config.store())


def second_line(gate: GateIndex, public: Path, remote: dict[str, str | None]) -> list[str]:
    """The gate's second line on AWS, where the gate's index is: every file of the dataset
    this publish is about to write is scanned for every strong identifier the gate knows.
    build_site renders nothing but this dataset, so what it can write has passed here."""
    about = []
    for relpath, path in s3site.local_files(public).items():
        data = path.read_bytes()
        if remote.get(relpath) != s3site.sha256(data):
            about.append((relpath, data))
    return guard_for(gate.scanner())(about) if about else []


def publish(*, full: bool = False, build: bool = True) -> Published:
    """Publish every pending event into the site bucket's `dataset/` (see the module doc).

    `build`: send the build queue a message when the dataset changed (the `aduan build`
    command builds in the same process instead). The events are acknowledged only once a build
    that read them has succeeded: by the next publish, which the build's message starts.
    Raises PublicationRefused (and writes nothing) when the second line finds an identifier.
    """
    outcome = Published()
    with awsstate.publish_lock():
        store = config.store()
        outcome.acknowledged = _acknowledge_built(store)
        waiting = awsstate.marks()
        data = awsstate.scratch("publish")
        public = data / "public"
        state = awsstate.state()
        pulled_state = s3site.pull(data, state, include=lambda p: p in STATE_FILES)
        pulled = s3site.pull(public, awsstate.dataset())
        unpublished = cast(Store, _Unpublished(store, max((upto for upto, _ in waiting), default=0)))
        outcome.events = len(unpublished.pending_events(limit=100_000))
        gate, tally = GateIndex(data / "gate.db"), Tally(data / "tally.db")
        try:
            publisher = Publisher(
                unpublished, load_region(), public, blobs=config.blobs(), gate_index=gate, tally=tally
            )
            first = not (public / "stats.json").exists()
            publication = publisher.publish_all() if full or first else publisher.publish_pending()
            outcome.records_changed = publication.changed
            refused = second_line(gate, public, pulled.remote)
            current_holds = gate.holds()
            outcome.held = len(current_holds)
        finally:
            gate.close()  # SQLite folds its write-ahead log into the file on close
            tally.close()
        if refused:
            # Nothing goes up: the scratch copies are made equal to the buckets by the next pull.
            # Only tracking numbers, kinds and masks are recorded (the console shows them).
            awsstate.save_holds(current_holds, refused)
            raise PublicationRefused(f"publication refused by the gate's second line, {len(refused)} problem(s)")
        # The journal position goes up last: a build that reads it finds every record it covers.
        pushed = s3site.push(public, awsstate.dataset(), remote=pulled.remote, last=(JOURNAL,))
        outcome.dataset_written, outcome.dataset_deleted = pushed.written, pushed.deleted
        s3site.push(data, state, include=lambda p: p in STATE_FILES, remote=pulled_state.remote)
        awsstate.save_holds(current_holds)
        if publication.upto is not None:
            journal = publication.journal or awsstate.dataset_journal()
            awsstate.save_marks([*waiting, (publication.upto, journal)])
        if build and (pushed.changed or first or full):
            send(aws.build_queue(), {"dataset_changed": len(pushed.changed)})
    return outcome


def publish_changes(messages: Iterable[str]) -> Published:
    """The `publish_changes` Lambda function: one publish for a whole batch of messages (their
    content does not matter: the pending events in the table do). A refusal by the gate's
    second line is recorded for the console and the messages are done with: retrying cannot
    help until an officer fixes the text, and that fix is a save that announces itself."""
    count = sum(1 for _ in messages)
    try:
        outcome = publish()
    except PublicationRefused as refused:
        log.error("publish refused after %d message(s): %s", count, refused.message)
        return Published()
    log.info("published after %d message(s): %s", count, outcome)
    return outcome


def held_publication(agency: str | None = None) -> dict[str, Any]:
    """`GET /officer/publication` on AWS (sitebuild.held_publication locally): what the gate
    holds back as the last publish saw it, and what its second line refused that publish for."""
    held = awsstate.holds()
    refused = awsstate.refusal()
    if agency is not None:
        store = config.store()
        held = [h for h in held if (r := store.get(h["tracking"])) is not None and r.agency == agency]
    return {"refused": refused is not None, "problems": refused or [], "held": held}


# -- build_site ---------------------------------------------------------------------------------


@dataclass
class Built:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    log_entries: int = 0
    fetched: int = 0  # objects read from the bucket into the scratch directory (a cold start: all)

    @property
    def invalidation(self) -> list[str]:
        """What a CloudFront invalidation for this build would send (see s3site)."""
        return s3site.invalidation_paths(self.written + self.deleted)


MIRROR = ".aduan-search"  # aduan_site.pages.SEARCH_MIRROR


def mirror(relpath: str) -> bool:
    """The search index's copy of the report pages in the build's state (aduan_site.search):
    never pulled nor pushed (a push deletes what an earlier version put in the bucket)."""
    return relpath.startswith(MIRROR + "/")


@contextmanager
def _log_key() -> Iterator[None]:
    """The log's signing key in ADUAN_LOG_KEY for the build (tlog/state.py reads it there), so no
    key file is ever made in a directory that is later put in a bucket."""
    key = awsstate.signing_key()
    if key is None:
        raise StorageUnavailable(
            "Kunci tanda tangan log transparansi belum ada; jalankan `aduan aws setup`.",
            en=f"the log's signing key {awsstate.signing_key_parameter()} is missing; run `aduan aws setup`",
        )
    before = os.environ.get("ADUAN_LOG_KEY")
    os.environ["ADUAN_LOG_KEY"] = key
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("ADUAN_LOG_KEY", None)
        else:
            os.environ["ADUAN_LOG_KEY"] = before


def build(
    output: Path | None = None,
    *,
    api_url: str | None = None,
    fail_after: int | None = None,
    announce: bool = True,
) -> Built:
    """Build the site from the bucket's dataset and push it into the site bucket; with `output`,
    build into that directory instead and put nothing back (`aduan build --output`).

    Once the site is whole in the bucket, the build records the dataset's journal position it
    read and the records it rendered (`_build/built.json`, `_build/records/`), and (`announce`)
    tells the publish queue, whose next publish acknowledges the events the build covered.
    `fail_after`: the push stops after that many uploads (tests: a build cut short).
    """
    work = awsstate.scratch("build")
    data = work / "data"
    # Read before the dataset: the publisher puts it up last, so what it covers is all there.
    journal = awsstate.dataset_journal()
    fetched = len(s3site.pull(data / "public", awsstate.dataset()).written)
    log_pull = s3site.pull(data / "log", awsstate.log_state())
    log_remote, fetched = log_pull.remote, fetched + len(log_pull.written)
    site_remote = output_remote = None
    if output is None:
        site = work / "site"
        site_pull = s3site.pull(site, awsstate.site(), include=lambda p: not awsstate.hidden(p))
        # The search mirror (the report pages cut to what Pagefind reads) is not kept in the
        # bucket: a build makes the pages of the shards it indexes from the pages just pulled.
        state_pull = s3site.pull(site, awsstate.output_state(), include=lambda p: awsstate.hidden(p) and not mirror(p))
        if site_pull.changed or state_pull.changed:
            # Another instance built since this one's last build (or this is a cold start):
            # what this /tmp's mirror holds may be older than the pages.
            shutil.rmtree(site / MIRROR, ignore_errors=True)
        site_remote, output_remote = site_pull.remote, state_pull.remote
        fetched += len(site_pull.written) + len(state_pull.written)
    else:
        site = Path(output)
    plugins = str(config.site_source() / "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    from aduan_site.build import build as build_site  # noqa: PLC0415 - Pelican only when building

    try:
        with _log_key():
            result = build_site(
                site, data_dir=data, api_url=api_url, settings_file=config.site_source() / "pelicanconf.py"
            )
        if output is not None:
            return Built(
                list(result.written_files), list(result.deleted_files), result.unchanged, result.log_entries, fetched
            )
        pushed = s3site.push(
            site,
            awsstate.site(),
            include=lambda p: not awsstate.hidden(p),
            fail_after=fail_after,
            remote=site_remote,
        )
    except BaseException:
        # The scratch copy of the log may be ahead of the bucket now: start from the bucket's next time.
        shutil.rmtree(data / "log", ignore_errors=True)
        raise
    # The build's own state goes back only once the site is whole in the bucket.
    s3site.push(
        data / "log",
        awsstate.log_state(),
        include=lambda p: p != "signing-key" and not p.startswith("."),
        remote=log_remote,
    )
    s3site.push(
        site,
        awsstate.output_state(),
        include=lambda p: awsstate.hidden(p) and not mirror(p) and not p.endswith((".lock", ".pull", ".link")),
        remote=output_remote,
    )
    s3site.push(data / "public", awsstate.built_records(), include=lambda p: p.startswith("reports/"))
    awsstate.save_built(journal)
    if announce:
        send(aws.publish_queue(), {"built": journal})
    return Built(pushed.written, pushed.deleted, pushed.unchanged, result.log_entries, fetched)


def build_changes(messages: Iterable[str]) -> Built:
    """The `build_site` Lambda function: one build for a whole batch of messages."""
    count = sum(1 for _ in messages)
    built = build()
    log.info(
        "built after %d message(s): %d objects written, %d deleted, %d unchanged; invalidation: %s",
        count,
        len(built.written),
        len(built.deleted),
        built.unchanged,
        built.invalidation,
    )
    return built


# -- for an operator: what waits, and the dead letters back into their queues -------------------


def backlog() -> dict[str, int]:
    """What has not reached the public site yet: pending publish events, publishes waiting for
    a build, the dataset's journal position and the last one a successful build read, and the
    messages in each queue and dead-letter queue (approximate, as SQS counts them)."""
    waiting = awsstate.marks()
    counts = {
        "pending_events": len(config.store().pending_events(limit=100_000)),
        "publishes_waiting_for_a_build": len(waiting),
        "dataset_journal": awsstate.dataset_journal(),
        "built_journal": awsstate.built_journal(),
    }
    client = aws.sqs()
    for queue in (
        aws.publish_queue(),
        aws.build_queue(),
        aws.publish_dead_letter_queue(),
        aws.build_dead_letter_queue(),
    ):
        with aws.translated(f"count the messages of {queue}"):
            attributes = client.get_queue_attributes(
                QueueUrl=queue_url(queue), AttributeNames=["ApproximateNumberOfMessages"]
            )["Attributes"]
        counts[queue] = int(attributes.get("ApproximateNumberOfMessages", 0))
    return counts


def redrive() -> dict[str, int]:
    """Move every dead letter back to the queue it came from (`aduan aws redrive`): once the
    cause is fixed (a broken template, a missing key), the builds and publishes run again.
    Nothing is lost meanwhile: the pending events stay in the table and the site stays whole;
    a message only says "run again". Returns how many moved, per dead-letter queue."""
    client = aws.sqs()
    moved: dict[str, int] = {}
    pairs = ((aws.publish_dead_letter_queue(), aws.publish_queue()), (aws.build_dead_letter_queue(), aws.build_queue()))
    for dead, source in pairs:
        moved[dead] = 0
        while True:
            with aws.translated(f"receive from {dead}"):
                messages = client.receive_message(
                    QueueUrl=queue_url(dead), MaxNumberOfMessages=10, VisibilityTimeout=60
                ).get("Messages", [])
            if not messages:
                break
            for message in messages:
                with aws.translated(f"move a message from {dead} to {source}"):
                    client.send_message(QueueUrl=queue_url(source), MessageBody=message["Body"])
                    client.delete_message(QueueUrl=queue_url(dead), ReceiptHandle=message["ReceiptHandle"])
                moved[dead] += 1
    return moved


def auto_close() -> int:
    """The `auto_close` function (daily): each report it closes is saved, which announces it;
    one more message publishes whatever an earlier lost message left pending."""
    closed = config.service().autoclose()
    send(aws.publish_queue(), {"auto_close": closed})
    return closed
