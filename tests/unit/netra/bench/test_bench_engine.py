from __future__ import annotations

import pytest

from netra.bench.engine import (
    PARTISAN,
    alternation_peer,
    fields_text,
    generate,
    hyperscan_peer,
    naive_peer,
    run,
)


def test_generator_share_of_partisan_posts() -> None:
    posts = generate(4000, partisan_share=0.05)
    share = sum(1 for p in posts if any(p.text.startswith(x) for x in PARTISAN)) / len(posts)
    assert 0.03 < share < 0.07


def test_peers_find_the_same_posts() -> None:
    words = ["prabowo", "coblos", "nomor urut"]
    texts = ["Ayo COBLOS prabowo", "nomor urut dua", "tidak ada", "prabowonya"]
    naive = naive_peer(words)(texts)  # posts x terms with a match
    alternation = alternation_peer(words)(texts)  # matches
    assert naive == 3 and alternation == 3
    try:
        assert hyperscan_peer(words)(texts) == 3
    except ImportError:
        pytest.skip("hyperscan is not installed")


def test_fields_text_covers_what_the_engine_reads() -> None:
    post = generate(200)[0].model_copy(update={"transcript": "spoken words"})
    assert "spoken words" in fields_text(post) and post.text in fields_text(post)


def test_run_times_every_contender_on_the_same_posts() -> None:
    r = run(n=600, runs=2, profile=True, peers=("one alternation regex",))
    assert r.engine.posts == 600 and all(t.posts == 600 for t in r.peers)
    assert len(r.engine.seconds) == 2 and r.engine.rate > 0
    assert r.ratio("one alternation regex") == r.engine.rate / r.peers[0].rate
    assert r.outcomes["flag"] + r.outcomes["review"] >= r.partisan * 0.9
    assert {c.name for c in r.paths} >= {"quick pass"}
    assert abs(sum(c.share for c in r.paths) - 1.0) < 1e-9
