"""`make run-aws` (`aduan aws run`) as a person would use it: the site served from the bucket,
a report submitted to the API and verified by an officer appears on it, Ctrl-C stops it all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from conftest import submission
from live import free_port, wait_for

pytestmark = pytest.mark.aws

REPO = Path(__file__).resolve().parents[1]
ADUAN = Path(sys.executable).parent / "aduan"


def test_make_run_aws_shows_a_submission_on_the_site_served_from_the_bucket(tmp_path) -> None:
    moto, api_port, site_port = free_port(), free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "ADUAN_"))}
    env.update({"ADUAN_DATA": str(tmp_path / "data"), "ADUAN_SCRATCH": str(tmp_path / "scratch")})
    command = [str(ADUAN), "aws", "run", "--moto-port", str(moto), "--api-port", str(api_port)]
    log = tmp_path / "run-aws.log"
    with open(log, "w") as out:  # a file, not a pipe: nobody reads it while it runs
        process = subprocess.Popen(
            [*command, "--site-port", str(site_port), "--demo", "6"],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    site, api = f"http://127.0.0.1:{site_port}", f"http://127.0.0.1:{api_port}"
    try:
        wait_for(site + "/", process, timeout=240)
        wait_for(api + "/", process, timeout=60)
        home = requests.get(site + "/", timeout=10)
        assert home.status_code == 200 and home.headers["Content-Type"] == "text/html; charset=utf-8"
        assert home.headers["Cache-Control"] == "public, max-age=60"
        assert requests.get(site + "/_build/index/site.json", timeout=10).status_code == 404
        cloud = {
            **env,
            "ADUAN_BACKEND": "aws",
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{moto}",
            "AWS_DEFAULT_REGION": "ap-southeast-3",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
        }
        added = subprocess.run(
            [str(ADUAN), "officer", "add", "--name", "Admin", "--role", "admin"],
            env=cloud,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert added.returncode == 0, added.stderr
        token = added.stdout.split("token (shown once, keep it secret): ")[1].strip()
        tracking = requests.post(api + "/reports", json=submission(), timeout=30).json()["tracking"]
        acted = requests.post(
            f"{api}/officer/reports/{tracking}/actions",
            json={"action": "verify", "agency": "pupr"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert acted.status_code == 200, acted.text
        deadline = time.monotonic() + 180
        while requests.get(f"{site}/laporan/{tracking}/", timeout=10).status_code != 200:
            assert time.monotonic() < deadline, "the report page never reached the bucket"
            assert process.poll() is None
            time.sleep(1)
        assert "Lampu PJU mati" in requests.get(f"{site}/laporan/{tracking}/", timeout=10).text
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
    output = log.read_text()
    assert process.returncode == 0, output[-3000:]
    assert f"public site (from s3://aduan-site/):  {site}/" in output
    assert list((tmp_path / "data").rglob("*.db")) == []
