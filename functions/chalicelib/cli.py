"""The `aduan` command. State lives under ADUAN_DATA (default `var/`), or in AWS with
ADUAN_BACKEND=aws (see config.py).

Every command runs in a new process, so each imports what it needs when it runs (as config.py
wires lazily): `aduan build` with nothing to publish should not pay for the importer or for
boto3 (tests/test_cli.py)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from . import config
from .errors import AduanError, PublicationRefused
from .region import load_region


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_lines  # noqa: PLC0415 - imported when used (module doc)

    with open(args.file, "rb") as f:  # bytes: a line that is not UTF-8 is named like any bad line
        result = import_lines(f, config.store(), load_region())
    print(
        f"imported {args.file}: {result.created} new, {result.updated} updated "
        f"({result.entries_added} history entries added), {result.unchanged} unchanged"
    )
    return 0


def cmd_redact(args: argparse.Namespace) -> int:
    from .redaction import redact

    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            print(f'aduan redact: line {number}: expected a JSON object with "id" and "text"', file=sys.stderr)
            return 2
        print(json.dumps({"id": item.get("id"), "text": redact(str(text))}, ensure_ascii=False), flush=False)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Exit 0 when everything was published, 3 when the gate holds something back (the rest of
    the site is built all the same; a script watching the exit code learns an officer must act)."""
    if config.backend() == "aws":
        return _build_on_aws(args)
    from .sitebuild import build, held_publication

    args.output = args.output or "output"
    result = build(Path(args.output), full=args.full, api_url=args.api_url, exiting=True)
    print(
        f"built {args.output}: {result['written']} files written, {result['unchanged']} unchanged, "
        f"{result['deleted']} deleted ({result['records_changed']} public records changed); "
        f"transparency log: {result['log_entries']} entries"
    )
    held = held_publication()["held"]
    for report in held:
        kinds = ", ".join(sorted({f"{p['kind']} in {p['field']}" for p in report["problems"]}))
        print(f"held by the publication gate: {report['tracking']} ({kinds})", file=sys.stderr)
    if held:
        print(
            f"aduan build: the gate holds {len(held)} report(s) back until their text is fixed "
            "(officers' console, GET /officer/publication)",
            file=sys.stderr,
        )
        return 3
    return 0


def _build_on_aws(args: argparse.Namespace) -> int:
    """ADUAN_BACKEND=aws: publish into the site bucket's dataset/, then build the site into the
    site bucket (or into --output), the same two steps the publish_changes and build_site
    functions take (events.py), here in one process."""
    from . import aws, events

    published = events.publish(full=args.full, build=False)
    built = events.build(Path(args.output) if args.output else None, api_url=args.api_url, announce=False)
    if args.output is None:
        events.acknowledge()  # the site is in the bucket: its changes are published
    where = args.output or f"s3://{aws.site_bucket()}/"
    print(
        f"published {published.records_changed} public records ({published.events} pending updates); "
        f"dataset/: {len(published.dataset_written)} objects written, {len(published.dataset_deleted)} deleted"
    )
    print(
        f"built {where}: {len(built.written)} objects written, {built.unchanged} unchanged, "
        f"{len(built.deleted)} deleted; transparency log: {built.log_entries} entries"
    )
    if args.output is None:
        paths = built.invalidation
        print(f"CDN invalidation would send {len(paths)} path(s): {' '.join(paths) if paths else '(none)'}")
    if published.held:
        print(
            f"aduan build: the gate holds {published.held} report(s) back until their text is fixed "
            "(officers' console, GET /officer/publication)",
            file=sys.stderr,
        )
        return 3
    return 0


def cmd_check_leaks(args: argparse.Namespace) -> int:
    from .sitebuild import check_leaks

    leaks = check_leaks(Path(args.output))
    for leak in leaks:
        print(leak)
    if leaks:
        print(f"aduan check-leaks: {len(leaks)} leak(s) of personal data in {args.output}", file=sys.stderr)
        return 1
    print(f"no personal data from the private store found in {args.output}")
    return 0


def cmd_log_verify(args: argparse.Namespace) -> int:
    from .tlog.verify import verify

    since = Path(args.since).read_bytes() if args.since else None
    result = verify(args.site, since)
    checkpoint = result.checkpoint
    print(f"log {checkpoint.origin} verified: {checkpoint.size} entries, root {checkpoint.root.hex()}")
    print(f"  signature by {result.vkey}")
    print(f"  root recomputed from the entry bundles; {result.tiles} hash tiles match")
    if result.updates_checked:
        print(f"  every update in data/updates.csv ({result.updates_checked}) is in the log")
    if result.since is not None:
        print(f"  the older checkpoint (size {result.since.size}) is a prefix of this log: append-only")
    return 0


def cmd_officer_add(args: argparse.Namespace) -> int:
    # argon2 and a dummy hash at import (about 0.1 s): only the commands about passwords pay it.
    from . import passwords  # noqa: PLC0415

    service = config.service()
    login = args.login or service.free_login(args.name)
    password = _read_password() if args.password_stdin else passwords.generate_password()
    officer, token = service.add_officer(args.name, args.role, args.agency, login=login, password=password)
    print(f"officer {officer.id} ({officer.name}, {officer.role}{', ' + officer.agency if officer.agency else ''})")
    print(f"console login: {passwords.normalize_login(login)}")
    if not args.password_stdin:
        print(f"first password (shown once; change it with `aduan officer passwd`): {password}")
    # The token's line stays last: scripts take what follows "keep it secret): ".
    print(f"token (shown once, keep it secret): {token}")
    return 0


def _read_password() -> str:
    """The password on standard input: its first line, without the line break."""
    return sys.stdin.readline().rstrip("\r\n")


def cmd_officer_passwd(args: argparse.Namespace) -> int:
    from . import passwords  # noqa: PLC0415 - see cmd_officer_add

    password = _read_password() if args.password_stdin else passwords.generate_password()
    ended = config.service().set_password(args.login, password)
    print(f"{ended} console session(s) of {passwords.normalize_login(args.login)} ended")
    if args.password_stdin:
        print(f"password of {passwords.normalize_login(args.login)} changed")
    else:
        print(f"new password of {passwords.normalize_login(args.login)} (shown once): {password}")
    return 0


def cmd_officer_list(args: argparse.Namespace) -> int:
    for o in config.store().officers():
        print(f"{o.id}\t{o.role}\t{o.agency or '-'}\t{o.name}\t{'active' if o.active else 'revoked'}")
    return 0


def cmd_officer_revoke(args: argparse.Namespace) -> int:
    if not config.store().revoke_officer(args.id):
        print(f"aduan officer revoke: no active officer {args.id!r} (see `aduan officer list`)", file=sys.stderr)
        return 1
    print(f"officer {args.id} revoked: their token no longer works")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import demo_lines
    from .importer import import_lines

    lines = demo_lines(load_region(), count=args.count, seed=args.seed)
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} demo reports to {args.write}")
        return 0
    result = import_lines(lines, config.store(), load_region())
    print(f"demo: {result.created} reports imported, {result.unchanged} already there")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from .worker import run

    logging.basicConfig(level=logging.INFO, format="worker: %(message)s")
    try:
        run(Path(args.output), api_url=args.api_url)
    except KeyboardInterrupt:
        pass
    return 0


def cmd_aws_setup(args: argparse.Namespace) -> int:
    from .aws_setup import setup

    result = setup()
    for name in result.created:
        print(f"created {name}")
    for name in result.existing:
        print(f"exists  {name}")
    print(f"aws setup: {len(result.created)} created, {len(result.existing)} already there")
    return 0


def cmd_aws_play(args: argparse.Namespace) -> int:
    from .queueplayer import app_handlers, run

    logging.basicConfig(level=logging.INFO, format="queues: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)
    try:
        run(app_handlers())
    except KeyboardInterrupt:
        pass
    return 0


def cmd_aws_redrive(args: argparse.Namespace) -> int:
    from . import events

    for queue, count in events.redrive().items():
        print(f"redrive: {count} message(s) from {queue} back to its queue")
    for name, count in events.backlog().items():
        print(f"waiting: {name}: {count}")
    return 0


def cmd_aws_run(args: argparse.Namespace) -> int:
    from .awsrun import run

    return run(args.host, args.moto_port, args.api_port, args.site_port, args.demo)


def cmd_run(args: argparse.Namespace) -> int:
    from .devserver import run

    return run(Path(args.output), args.host, args.api_port, args.site_port)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="aduan", description="Aduan: public complaints, published. State lives under $ADUAN_DATA (default var/)."
    )
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("import", help="import JSON Lines of reports from another channel (all or nothing)")
    s.add_argument("file")
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("redact", help='redact personal data: JSON Lines {"id","text"} on stdin to stdout')
    s.set_defaults(func=cmd_redact)
    s = sub.add_parser("build", help="publish pending updates and build the site")
    s.add_argument(
        "--output", default=None, help="default: output/, or the site bucket with ADUAN_BACKEND=aws (docs/aws.md)"
    )
    s.add_argument("--full", action="store_true", help="republish every report, not only those with updates")
    s.add_argument("--api-url", default=None, help="the API the site's forms talk to (default: $ADUAN_API_URL)")
    s.set_defaults(func=cmd_build)
    s = sub.add_parser("check-leaks", help="scan a built site for any identifier known in the private store")
    s.add_argument("output", nargs="?", default="output")
    s.set_defaults(func=cmd_check_leaks)
    s = sub.add_parser("log", help="the transparency log of the public history")
    lsub = s.add_subparsers(dest="log_command", required=True)
    o = lsub.add_parser("verify", help="verify a published log: signature, entries, tiles, append-only")
    o.add_argument("site", nargs="?", default="output", help="a built site directory or a site URL (default output)")
    o.add_argument("--since", metavar="OLD_CHECKPOINT", help="an older checkpoint file the log must extend")
    o.set_defaults(func=cmd_log_verify)
    s = sub.add_parser("officer", help="manage officers")
    osub = s.add_subparsers(dest="officer_command", required=True)
    o = osub.add_parser("add", help="add an officer and print their token")
    o.add_argument("--name", required=True)
    o.add_argument("--role", required=True, choices=["admin", "agency", "auditor"])
    o.add_argument("--agency", default=None, help="agency id (role agency only)")
    o.add_argument("--login", default=None, help="console login name (default: made from --name)")
    o.add_argument(
        "--password-stdin", action="store_true", help="read the console password from stdin (default: print one)"
    )
    o.set_defaults(func=cmd_officer_add)
    o = osub.add_parser("passwd", help="set an officer's console password (prints a new one unless --password-stdin)")
    o.add_argument("login", help="the console login name")
    o.add_argument("--password-stdin", action="store_true", help="read the new password from stdin")
    o.set_defaults(func=cmd_officer_passwd)
    o = osub.add_parser("list", help="list officers")
    o.set_defaults(func=cmd_officer_list)
    o = osub.add_parser("revoke", help="revoke an officer's token")
    o.add_argument("id", help="the officer id from `aduan officer list`")
    o.set_defaults(func=cmd_officer_revoke)
    s = sub.add_parser("demo", help="load a realistic year of demo reports")
    s.add_argument("--count", type=int, default=400)
    s.add_argument("--seed", type=int, default=2022)
    s.add_argument("--write", metavar="FILE", help="write the import file instead of importing it")
    s.set_defaults(func=cmd_demo)
    s = sub.add_parser("worker", help="publish and rebuild the site whenever reports change (Ctrl-C stops)")
    s.add_argument("--output", default="output")
    s.add_argument("--api-url", default=None)
    s.set_defaults(func=cmd_worker)
    s = sub.add_parser("run", help="start the local system: API, site server and worker (demo data if empty)")
    s.add_argument("--output", default="output")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument(
        "--api-port",
        type=int,
        default=os.environ.get("ADUAN_API_PORT", "8000"),
        help="default: $ADUAN_API_PORT or 8000",
    )
    s.add_argument(
        "--site-port",
        type=int,
        default=os.environ.get("ADUAN_SITE_PORT", "8001"),
        help="default: $ADUAN_SITE_PORT or 8001",
    )
    s.set_defaults(func=cmd_run)
    s = sub.add_parser("aws", help="AWS resources (ADUAN_BACKEND=aws; see docs/aws.md)")
    asub = s.add_subparsers(dest="aws_command", required=True)
    a = asub.add_parser("setup", help="create the missing table, buckets and queues (idempotent)")
    a.set_defaults(func=cmd_aws_setup)
    a = asub.add_parser("play", help="play the queues: call publish_changes and build_site as Lambda would")
    a.set_defaults(func=cmd_aws_play)
    a = asub.add_parser("redrive", help="dead letters back to their queues; what waits to reach the site")
    a.set_defaults(func=cmd_aws_redrive)
    a = asub.add_parser("run", help="what `make run-aws` calls: moto server, the API, the queues, the site from S3")
    a.add_argument("--host", default="127.0.0.1")
    a.add_argument("--moto-port", type=int, default=int(os.environ.get("ADUAN_MOTO_PORT", "5005")))
    a.add_argument("--api-port", type=int, default=int(os.environ.get("ADUAN_API_PORT", "8000")))
    a.add_argument("--site-port", type=int, default=int(os.environ.get("ADUAN_SITE_PORT", "8001")))
    a.add_argument("--demo", type=int, default=137, help="how many demo reports to load (default 137)")
    a.set_defaults(func=cmd_aws_run)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except PublicationRefused as error:  # before AduanError, of which it is one
        print(f"aduan {args.command}: {error}", file=sys.stderr)
        return 3
    except AduanError as error:
        # Bahasa Indonesia first, then the English text where the error has its own.
        english = f" / {error.message_en}" if error.message_en != error.message else ""
        print(f"aduan {args.command}: {error.message}{english}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"aduan {args.command}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
