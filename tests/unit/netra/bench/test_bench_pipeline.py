from __future__ import annotations

from netra.bench.pipeline import (
    CPU_COUNTER,
    drained_between,
    expected_flags,
    flagged_indexes,
)
from netra.sample import sample_posts, sample_registry


def test_the_latency_run_knows_which_posts_must_become_flags() -> None:
    registry = sample_registry(20, seed=3)
    lines = sample_posts(registry, 400, seed=4).posts
    flagged = flagged_indexes(lines, registry)
    assert flagged and flagged <= set(range(len(lines)))
    assert expected_flags([line.encode() for line in lines], registry) == len(flagged)


def test_a_drain_counts_from_the_first_reported_event_in_posts_and_cpu_time() -> None:
    first = {"netra_events_total": 1_000.0, CPU_COUNTER: 12.0}
    last = {"netra_events_total": 61_000.0, CPU_COUNTER: 24.0}
    drain = drained_between(first, last, "netra_events_total", 61_000, seconds=20.0)
    assert drain.rate == 3_000.0  # the 60,000 events after the first scrape, in 20 s
    assert drain.cpu_us == 200.0  # 12 CPU seconds over those 60,000 events
