"""Read a worker's /metrics: the demo, tests and benchmarks watch progress through it."""

from __future__ import annotations

import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def scrape(url: str, timeout: float = 2.0) -> dict[str, float]:
    """Sample name -> value summed over labels (e.g. netra_decisions_total); {} if unreachable."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            text = resp.read().decode()
    except OSError:
        return {}
    totals: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            totals[sample.name] = totals.get(sample.name, 0.0) + sample.value
    return totals


def worker_metrics_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/metrics"
