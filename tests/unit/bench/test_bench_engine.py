from __future__ import annotations

from bench.engine import PARTISAN, generate, run


def test_generator_share_of_partisan_posts() -> None:
    posts = generate(4000, partisan_share=0.05)
    share = sum(1 for p in posts if any(p.text.startswith(x) for x in PARTISAN)) / len(posts)
    assert 0.03 < share < 0.07


def test_run_reports_both_rates() -> None:
    r = run(n=3000, baseline_n=200)
    assert r.posts == 3000 and r.baseline_posts == 200
    assert r.engine_rate > 0 and r.baseline_rate > 0
    assert r.ratio == r.engine_rate / r.baseline_rate
    assert r.outcomes["flag"] >= r.partisan * 0.9
