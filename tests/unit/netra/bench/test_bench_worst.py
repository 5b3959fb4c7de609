from __future__ import annotations

from netra.bench.worst import families, run


def test_every_family_builds_a_valid_post_the_engine_decides() -> None:
    cases = run(runs=1)
    assert [c.family for c in cases] == list(families())
    assert all(c.outcome in {"flag", "review", "pass"} and c.median_ms > 0 for c in cases)
