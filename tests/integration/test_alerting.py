"""An alert travels for real: worker /metrics -> Prometheus rule -> Alertmanager -> webhook.

The test runs its own Prometheus and Alertmanager (Debian's binaries, the ones the local stack
uses) on free loopback ports with configs in a temporary folder, so the shared local stack's
services and data stay untouched. Prometheus loads Netra's real rule files (they must load in a
real Prometheus) plus one test-only rule that fires at once when a dead letter is counted.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from netra.stack import debian
from tests.integration.harness import Harness, free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
RULE_FILES = sorted((REPO / "deploy" / "prometheus").glob("*.rules.yml"))
FAST_RULES = {
    "groups": [
        {
            "name": "netra-test-fast",
            "rules": [
                {
                    "alert": "NetraTestDeadLetter",
                    "expr": 'netra_deadletters_total{job="netra-worker"} > 0',
                    "for": "0s",
                    "labels": {"severity": "warning"},
                    "annotations": {"summary": "test: a dead letter was counted"},
                }
            ],
        }
    ]
}


class Webhook(BaseHTTPRequestHandler):
    """Alertmanager's webhook receiver: keeps every notification it is sent."""

    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _binary(*names: str) -> Path:
    found = debian.binary(*names)
    if found is None:
        pytest.fail(f"{names[0]} is not installed; `netra stack up` installs it", pytrace=False)
    return found


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def _wait(what: str, check: Any, timeout: float, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args!r} exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.5)


@pytest.fixture
def webhook() -> Iterator[str]:
    Webhook.received.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/alerts"
    server.shutdown()
    server.server_close()


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes the test starts; all are stopped (and reaped) whatever the outcome."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        proc.terminate()
    for proc in started:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _start(argv: list[str], log: Path, procs: list[subprocess.Popen[bytes]]) -> None:
    with log.open("wb") as out:
        procs.append(subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT))


def test_a_dead_letter_reaches_the_webhook_through_prometheus_and_alertmanager(
    tmp_path: Path,
    webhook: str,
    harness: Harness,
    processes: list[subprocess.Popen[bytes]],
) -> None:
    am_port, prom_port = free_port(), free_port()
    am_url, prom_url = f"http://127.0.0.1:{am_port}", f"http://127.0.0.1:{prom_port}"

    am_config = {
        "route": {
            "receiver": "test",
            "group_by": ["alertname"],
            "group_wait": "1s",
            "group_interval": "1s",
            "repeat_interval": "1h",
        },
        "receivers": [{"name": "test", "webhook_configs": [{"url": webhook}]}],
    }
    (tmp_path / "alertmanager.yml").write_text(yaml.safe_dump(am_config))
    (tmp_path / "am-data").mkdir()
    _start(
        [
            str(_binary("prometheus-alertmanager", "alertmanager")),
            f"--config.file={tmp_path / 'alertmanager.yml'}",
            f"--storage.path={tmp_path / 'am-data'}",
            f"--web.listen-address=127.0.0.1:{am_port}",
            "--cluster.listen-address=",
        ],
        tmp_path / "alertmanager.log",
        processes,
    )

    worker = harness.start_worker("alerting")
    worker_port = harness.ports[worker.name]
    (tmp_path / "fast.rules.yml").write_text(yaml.safe_dump(FAST_RULES))
    prom_config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "alerting": {
            "alertmanagers": [{"static_configs": [{"targets": [f"127.0.0.1:{am_port}"]}]}]
        },
        "rule_files": [*map(str, RULE_FILES), str(tmp_path / "fast.rules.yml")],
        "scrape_configs": [
            {
                "job_name": "netra-worker",
                "static_configs": [{"targets": [f"127.0.0.1:{worker_port}"]}],
            }
        ],
    }
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(prom_config))
    _start(
        [
            str(_binary("prometheus")),
            f"--config.file={tmp_path / 'prometheus.yml'}",
            f"--storage.tsdb.path={tmp_path / 'prom-data'}",
            f"--web.listen-address=127.0.0.1:{prom_port}",
        ],
        tmp_path / "prometheus.log",
        processes,
    )
    _wait("Alertmanager ready", lambda: _ready(f"{am_url}/-/ready"), 60, processes)
    _wait("Prometheus ready", lambda: _ready(f"{prom_url}/-/ready"), 60, processes)

    # Netra's own rules loaded into the real Prometheus, next to the test rule.
    with urllib.request.urlopen(f"{prom_url}/api/v1/rules", timeout=10) as resp:
        groups = json.loads(resp.read())["data"]["groups"]
    loaded = {rule["name"] for group in groups for rule in group["rules"]}
    assert {"NetraWorkerDown", "NetraDeadLettersGrowing", "NetraTestDeadLetter"} <= loaded

    def scraped() -> bool:
        query = urllib.parse.urlencode({"query": 'up{job="netra-worker"} == 1'})
        with urllib.request.urlopen(f"{prom_url}/api/v1/query?{query}", timeout=10) as resp:
            return bool(json.loads(resp.read())["data"]["result"])

    harness.wait("Prometheus scraping the worker", scraped, 120)
    assert not Webhook.received, "nothing may fire before the bad message"
    harness.produce([b"{not json"])
    harness.wait(
        "the dead-letter counter",
        lambda: harness.metrics(worker).get("netra_deadletters_total", 0) >= 1,
        60,
    )

    def delivered() -> list[dict[str, Any]]:
        return [
            alert
            for note in list(Webhook.received)
            for alert in note.get("alerts", [])
            if alert["labels"].get("alertname") == "NetraTestDeadLetter"
            and alert["status"] == "firing"
        ]

    _wait("the alert at the webhook", lambda: bool(delivered()), 60, processes)
    alert = delivered()[0]
    assert alert["labels"]["job"] == "netra-worker"
    assert alert["labels"]["instance"] == f"127.0.0.1:{worker_port}"
    assert alert["labels"]["reason"] == "invalid_json"
    assert alert["annotations"]["summary"] == "test: a dead letter was counted"
