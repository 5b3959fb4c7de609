"""A batch's counts reach the Prometheus counters once per label set, and all of them."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

from agents.tally import CountedOffsets, CountsOnce, Tally


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


def test_a_discarded_tally_adds_nothing_and_observations_wait_for_the_flush() -> None:
    registry = CollectorRegistry()
    plain = Counter("t_once_total", "p", registry=registry)
    seconds = Histogram("t_seconds", "s", buckets=(1.0,), registry=registry)
    tally = Tally()
    tally.add(plain)
    tally.observe(seconds, 0.5)
    tally.discard()
    tally.flush()
    assert registry.get_sample_value("t_once_total") == 0
    assert registry.get_sample_value("t_seconds_count") == 0
    tally.observe(seconds, 0.5)
    assert registry.get_sample_value("t_seconds_count") == 0
    tally.flush()
    assert registry.get_sample_value("t_seconds_count") == 1


def test_an_offset_is_counted_the_first_time_only_per_partition() -> None:
    counted = CountedOffsets()
    assert [counted.first_time("a", o) for o in (0, 1, 2)] == [True, True, True]
    assert [counted.first_time("a", o) for o in (1, 2, 3)] == [False, False, True]
    assert counted.first_time("b", 0)
    assert not counted.first_time("a", 3)


def test_counts_once_counts_an_offset_judged_again_into_a_tally_thrown_away() -> None:
    registry = CollectorRegistry()
    events = Counter("t_judged_total", "e", registry=registry)
    counts = CountsOnce()
    for offset in [0, 1, 2, 1, 2, 3]:
        counts.for_event("p0", offset).add(events)
    counts.for_event("p1", 0).add(events)
    counts.flush()
    assert registry.get_sample_value("t_judged_total") == 5


def test_counts_once_counts_each_event_that_comes_again() -> None:
    registry = CollectorRegistry()
    again = Counter("t_again_total", "a", registry=registry)
    counts = CountsOnce(again=again)
    for offset in [0, 1, 2, 1, 2, 3]:
        counts.for_event("p0", offset)
    counts.for_event("p1", 1)
    counts.flush()
    assert registry.get_sample_value("t_again_total") == 2
