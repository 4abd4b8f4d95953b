"""`aduan aws run` (`make run-aws`): the AWS path on one laptop, against moto server.

Starts moto server on loopback, creates the resources (`aduan aws setup`), loads the demo
data, builds the site into the site bucket, then runs the API (`chalice local`, with
ADUAN_BACKEND=aws), a player of the queues (calls publish_changes and build_site with the
messages, as Lambda would) and a server of the site from the bucket. A report submitted in the
browser goes: API → DynamoDB → publish queue → publish_changes → dataset/ → build queue →
build_site → the bucket → the page. Ctrl-C stops everything; moto keeps nothing on disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .devserver import api_command
from .processgroup import ProcessGroup, Stopped, port_in_use, stop_on_signals

FUNCTIONS = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def emulator_environment(endpoint: str) -> dict[str, str]:
    """What points boto3 at the emulator, unless the user set it already."""
    return {
        "ADUAN_BACKEND": "aws",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION") or "ap-southeast-3",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_CONFIG_FILE": "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
    }


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def run(host: str, moto_port: int, api_port: int, site_port: int, demo: int = 137) -> int:
    busy = [p for p in (moto_port, api_port, site_port) if port_in_use(host, p)]
    if busy:
        print(f"aduan aws run: port(s) {', '.join(map(str, busy))} on {host} already in use", file=sys.stderr)
        return 2
    with stop_on_signals():
        children = ProcessGroup()
        try:
            return _run(children, host, moto_port, api_port, site_port, demo)
        except (Stopped, KeyboardInterrupt):
            return 0
        finally:
            children.stop()


def _run(children: ProcessGroup, host: str, moto_port: int, api_port: int, site_port: int, demo: int) -> int:
    endpoint = f"http://{host}:{moto_port}"
    api_url, site_url = f"http://{host}:{api_port}", f"http://{host}:{site_port}"
    children.start(
        [str(BIN / "moto_server"), "-H", host, "-p", str(moto_port)],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for(endpoint + "/moto-api/")
    env = {
        **os.environ,
        **emulator_environment(endpoint),
        "ADUAN_API_URL": api_url,
        "ADUAN_SITE_URL": site_url,
        "PYTHONPATH": str(FUNCTIONS) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    os.environ.update(env)
    from . import aws, config, events
    from .aws_setup import setup
    from .demo import demo_lines
    from .importer import import_lines
    from .region import load_region

    print(f"moto server on {endpoint}; creating resources", flush=True)
    setup()
    if config.store().count() == 0:
        result = import_lines(demo_lines(load_region(), count=demo), config.store(), load_region())
        print(f"loaded {result.created} demo reports into DynamoDB", flush=True)
    events.publish(build=False)
    built = events.build(api_url=api_url)
    print(f"built the site into s3://{aws.site_bucket()}/: {len(built.written)} objects", flush=True)
    children.start(api_command(host, api_port), env=env)
    children.start([sys.executable, "-m", "chalicelib.cli", "aws", "play"], env=env)
    children.start(
        [sys.executable, "-m", "chalicelib.bucketsite", host, str(site_port), aws.site_bucket()],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    names = {**emulator_environment(endpoint), "ADUAN_TABLE_PREFIX": aws.table_prefix()}
    exports = " ".join(f"{k}={v}" for k, v in names.items())
    print(
        f"""
Aduan on the AWS path, against moto server (Ctrl-C stops everything)
  public site (from s3://{aws.site_bucket()}/):  {site_url}/
  report form:  {site_url}/lapor/
  API (chalice local, DynamoDB):  {api_url}/   (OpenAPI: {api_url}/openapi.json)
  officers:     {api_url}/console
  moto server:  {endpoint}
  queues:       {aws.publish_queue()} → publish_changes → {aws.build_queue()} → build_site (played here)
An officer token for the API:
  {exports} .venv/bin/aduan officer add --name "Admin Kominfo" --role admin
""",
        flush=True,
    )
    while children.all_running():
        time.sleep(0.5)
    print("aduan aws run: a process stopped; shutting down the others", file=sys.stderr)
    return 1
