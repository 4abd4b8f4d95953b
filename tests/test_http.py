"""Real HTTP against `chalice local`, started as `make run` starts it."""

import pytest
import requests
from conftest import submission
from live import wait_until

pytestmark = pytest.mark.http


def test_submit_act_and_publish_over_http(live) -> None:
    session = requests.Session()  # keep-alive, as browsers do
    response = session.post(live.api + "/reports", json=submission(), timeout=10)
    assert response.status_code == 201
    tracking = response.json()["tracking"]
    token = live.officer_token()
    headers = {"Authorization": f"Bearer {token}"}
    verified = session.post(
        f"{live.api}/officer/reports/{tracking}/actions", json={"action": "verify"}, headers=headers, timeout=10
    )
    assert verified.status_code == 200 and verified.json()["status"] == "verified"

    page = f"{live.site}/laporan/{tracking}/"
    assert wait_until(lambda: requests.get(page, timeout=5).status_code == 200, timeout=30)
    html = requests.get(page, timeout=5).text
    assert "Diverifikasi" in html and "Slamet" not in html and "0812" not in html


def test_errors_over_http_have_the_shape(live) -> None:
    response = requests.post(live.api + "/reports", data="{", headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400 and set(response.json()) >= {"Code", "Message"}
    response = requests.get(live.api + "/officer/reports", headers={"Authorization": "Bearer nope"}, timeout=10)
    assert response.status_code == 401 and response.json()["Code"] == "UnauthorizedError"


def test_demo_data_was_loaded_and_built(live) -> None:
    stats = requests.get(live.site + "/data/stats.json", timeout=5).json()
    assert stats["total"] >= 300 and sum(stats["by_status"].values()) == stats["total"]
    assert len(requests.get(live.site + "/data/reports.csv", timeout=5).text.splitlines()) > 100


def test_cors_preflight_is_answered(live) -> None:
    response = requests.options(
        live.api + "/reports", headers={"Origin": live.site, "Access-Control-Request-Method": "POST"}, timeout=5
    )
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"


def test_an_acknowledged_report_survives_a_killed_server(tmp_path) -> None:
    """Every 201 is on disk: kill -9 the API right after and every tracking number is there."""
    import os
    import subprocess

    from chalicelib.devserver import api_command
    from chalicelib.sqlite_store import SQLiteStore
    from live import free_port, wait_for

    port = free_port()
    data = tmp_path / "data"
    server = subprocess.Popen(
        api_command("127.0.0.1", port),
        env={**os.environ, "ADUAN_DATA": str(data)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", server, timeout=30)
        session = requests.Session()
        acknowledged = []
        for i in range(20):
            response = session.post(
                f"http://127.0.0.1:{port}/reports", json=submission(title=f"Lampu mati nomor {i:02d}"), timeout=10
            )
            assert response.status_code == 201
            acknowledged.append(response.json()["tracking"])
    finally:
        server.kill()  # SIGKILL: no clean shutdown, no final flush
        server.wait(timeout=10)
    store = SQLiteStore(data / "aduan.db")
    assert all(store.get(t) is not None for t in acknowledged) and store.count() == 20


def test_concurrent_submissions_are_all_kept_once(tmp_path) -> None:
    """Clients at once on `chalice local`'s threads (group commit shares their transactions):
    kill -9 the API after the last answer, and every acknowledged report is in the store, once,
    each with its own tracking number."""
    import os
    import subprocess
    import threading

    from chalicelib.devserver import api_command
    from chalicelib.sqlite_store import SQLiteStore
    from live import free_port, wait_for

    port = free_port()
    data = tmp_path / "data"
    server = subprocess.Popen(
        api_command("127.0.0.1", port),
        env={**os.environ, "ADUAN_DATA": str(data), "ADUAN_RATE_SUBMIT": "off"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    acknowledged: list[str] = []
    failures: list[object] = []

    def client(number: int) -> None:
        session = requests.Session()  # keep-alive: one server thread per client
        for i in range(8):
            try:
                response = session.post(
                    f"http://127.0.0.1:{port}/reports",
                    json=submission(title=f"Lampu mati klien {number} nomor {i}"),
                    timeout=30,
                )
            except requests.RequestException as error:
                failures.append(error)
                continue
            if response.status_code == 201:
                acknowledged.append(response.json()["tracking"])
            else:
                failures.append(response.status_code)

    try:
        wait_for(f"http://127.0.0.1:{port}/", server, timeout=30)
        clients = [threading.Thread(target=client, args=(n,)) for n in range(4)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(120)
    finally:
        server.kill()  # SIGKILL right after the last answer: nothing is flushed on the way out
        server.wait(timeout=10)
    assert failures == [] and len(acknowledged) == 32
    assert len(set(acknowledged)) == 32  # no tracking number given twice
    store = SQLiteStore(data / "aduan.db")
    stored = {r.tracking: r for r in store.all()}
    assert set(stored) == set(acknowledged) and store.count() == 32
    titles = sorted(r.title for r in stored.values())
    assert titles == sorted(f"Lampu mati klien {n} nomor {i}" for n in range(4) for i in range(8))
