"""The local Prometheus is real: it scrapes a self-registered worker and knows Alertmanager."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from wsgiref.simple_server import WSGIServer

import pytest
from prometheus_client import CollectorRegistry, Counter, start_http_server

from netra.stack import StackSettings, register_scrape_target, unregister_scrape_target

pytestmark = pytest.mark.integration


def _get(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        doc: dict[str, object] = json.loads(resp.read())
        return doc


def _query(prometheus_url: str, promql: str) -> list[dict[str, object]]:
    doc = _get(f"{prometheus_url}/api/v1/query?{urllib.parse.urlencode({'query': promql})}")
    data = doc["data"]
    assert isinstance(data, dict)
    result: list[dict[str, object]] = data["result"]
    return result


@pytest.fixture
def worker() -> Iterator[tuple[str, int]]:
    """A tiny metrics server like a Netra worker's, on a free loopback port."""
    registry = CollectorRegistry()
    Counter("netra_stack_test_events", "test counter", registry=registry).inc(3)
    server, thread = start_http_server(0, addr="127.0.0.1", registry=registry)
    assert isinstance(server, WSGIServer)
    yield "127.0.0.1", server.server_port
    server.shutdown()
    thread.join(timeout=5)


def test_registered_worker_is_scraped_up(
    stack: StackSettings, prometheus_url: str, worker: tuple[str, int]
) -> None:
    name = f"stack-test-{uuid.uuid4().hex[:6]}"
    host, port = worker
    path = register_scrape_target(name, f"{host}:{port}", stack)
    try:
        assert path.parent == stack.targets_dir
        promql = f'up{{job="netra-worker",worker="{name}"}}'
        deadline = time.monotonic() + 60
        result: list[dict[str, object]] = []
        while time.monotonic() < deadline:
            result = _query(prometheus_url, promql)
            if result and result[0]["value"][1] == "1":  # type: ignore[index]
                break
            time.sleep(1)
        assert result, f"Prometheus never listed {promql}"
        assert result[0]["value"][1] == "1"  # type: ignore[index]
        counter = _query(prometheus_url, f'netra_stack_test_events_total{{worker="{name}"}}')
        assert counter and float(counter[0]["value"][1]) == 3.0  # type: ignore[index]
    finally:
        assert unregister_scrape_target(name, stack)
    assert not path.exists()


def test_prometheus_scrapes_itself_and_alerts_to_local_alertmanager(
    stack: StackSettings, prometheus_url: str, alertmanager_url: str
) -> None:
    deadline = time.monotonic() + 60
    up: list[dict[str, object]] = []
    active: list[str] = []
    while time.monotonic() < deadline:
        up = _query(prometheus_url, 'up{job="prometheus"} == 1')
        data = _get(f"{prometheus_url}/api/v1/alertmanagers")["data"]
        assert isinstance(data, dict)
        active = [a["url"] for a in data["activeAlertmanagers"]]
        if up and active:
            break
        time.sleep(1)  # right after a config reload the lists are briefly empty
    assert up, "Prometheus does not scrape itself"
    assert any(str(stack.alertmanager) in u for u in active), active
    assert _get(f"{alertmanager_url}/api/v2/status")["cluster"]  # Alertmanager answers its API
