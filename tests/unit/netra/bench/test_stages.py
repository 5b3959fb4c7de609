from __future__ import annotations

import asyncio

from netra.bench.stages import acknowledge_in_order, profile_stages
from netra.sample import sample_posts, sample_registry
from streams.settings import Settings


def test_the_profile_times_every_stage_of_the_worker_over_the_same_posts() -> None:
    registry = sample_registry(20, seed=3)
    lines = [p.encode() for p in sample_posts(registry, 200, seed=4).posts]
    stages = profile_stages(lines, registry, noop_cpu_us=100.0, settings=Settings(), repeat=1)
    assert [s.stage for s in stages] == [
        "Faust delivers the event (no-op ceiling, CPU)",
        "decode and validate",
        "registry lookup and counters",
        "engine",
        "the judge around the engine (review report, counts, flag and pseudonym)",
        "each flag fitted and encoded for its topic",
        "each flag read by the indexer and the offenders agent, document and bulk lines",
        "in-order acknowledgement, delivered offsets, counted once",
    ]
    assert stages[0].us_per_event == 100.0  # the ceiling's CPU time per event, measured apart
    # Every stage timed does work on these posts (some of them flagged); the judge around the
    # engine is a difference of two timings and may come out as nothing on 200 posts.
    assert all(s.us_per_event > 0 for i, s in enumerate(stages) if i != 4)


def test_the_bookkeeping_acknowledges_every_event_once() -> None:
    events = [(p, o) for o in range(50) for p in range(3)]
    assert asyncio.run(acknowledge_in_order(events)) == len(events)
    # An event handed on again after a seek back is a repeat: skipped, not acknowledged twice.
    assert asyncio.run(acknowledge_in_order([*events, (0, 10)])) == len(events)
