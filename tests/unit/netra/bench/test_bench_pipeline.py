from __future__ import annotations

from netra.bench.pipeline import expected_flags, flagged_indexes
from netra.sample import sample_posts, sample_registry


def test_the_latency_run_knows_which_posts_must_become_flags() -> None:
    registry = sample_registry(20, seed=3)
    lines = sample_posts(registry, 400, seed=4).posts
    flagged = flagged_indexes(lines, registry)
    assert flagged and flagged <= set(range(len(lines)))
    assert expected_flags([line.encode() for line in lines], registry) == len(flagged)
