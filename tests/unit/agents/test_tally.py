"""A batch's counts reach the Prometheus counters once per label set, and all of them."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

from agents.tally import Tally


def test_counts_are_added_once_per_label_set_and_the_tally_starts_again() -> None:
    registry = CollectorRegistry()
    events = Counter("t_events_total", "e", ["platform"], registry=registry)
    plain = Counter("t_plain_total", "p", registry=registry)
    tally = Tally()
    for platform in ["x", "x", "ig", "x"]:
        tally.add(events, platform)
    tally.add(plain, n=5)
    assert len(tally) == 3
    assert registry.get_sample_value("t_events_total", {"platform": "x"}) is None  # not yet
    tally.flush()
    assert registry.get_sample_value("t_events_total", {"platform": "x"}) == 3
    assert registry.get_sample_value("t_events_total", {"platform": "ig"}) == 1
    assert registry.get_sample_value("t_plain_total") == 5
    assert len(tally) == 0
    tally.add(events, "x")
    tally.flush()
    assert registry.get_sample_value("t_events_total", {"platform": "x"}) == 4
