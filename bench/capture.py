"""`netra bench capture`: how many flags a second one capture agent keeps evidence of.

One worker judges and captures on the local stack. The posts are in Kafka before it starts,
nearly all of them flagged, so the judge (tens of thousands of events a second) fills the
flags topic long before capture is done and the measure is the capture agent's own drain
rate: evidence records stored (Kafka read-back, Chromium render, SHA-256, write-once puts to
the object store, custody entry 0) per second, from the first stored to the last. Afterwards a
sample of the flags is verified end to end.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pipeline import Progress, Run, drain_rate, flagged_indexes, wait_until
from netra.kafka_tools import replay
from netra.sample import sample_posts, sample_registry
from netra.scrape import scrape, worker_metrics_url
from schemas import Post
from streams.evidence.store import open_store
from streams.evidence.verify import verify
from streams.settings import Settings

COUNTER = "netra_evidence_captured_total"


@dataclass
class CaptureResult:
    posts: int
    flags: int
    rate: float
    verified: int
    intact: int


def run(settings: Settings, posts: int = 3000, progress: Progress = print) -> CaptureResult:
    registry = sample_registry(200, seed=31)
    lines = [p.encode() for p in sample_posts(registry, posts, partisan_share=0.9, seed=32).posts]
    progress(f"deciding {posts:,} posts offline to know the expected flags")
    flagged = sorted(flagged_indexes(lines, registry))
    registry_lines = [e.model_dump_json().encode() for e in registry]
    bench = Run(settings, "capture", agents="judge,capture")
    try:
        replay(
            bench.settings, bench.settings.registry_topic, registry_lines, key_field="account_id"
        )
        handle, port = bench.start("registry")
        wait_until(
            "loading the registry",
            lambda: (
                scrape(worker_metrics_url(port)).get("netra_registry_accounts", 0) >= len(registry)
            ),
            handle,
            180,
        )
        handle.stop()
        replay(bench.settings, bench.settings.posts_topic, lines, key_field="account_id")
        progress(f"capturing the evidence of {len(flagged):,} flags")
        handle, port = bench.start("worker")
        url = worker_metrics_url(port)
        rate = drain_rate(
            port, handle, COUNTER, len(flagged), lambda: scrape(url).get(COUNTER, 0) >= len(flagged)
        )
        sample = random.Random(33).sample(flagged, min(20, len(flagged)))
        store = open_store(bench.settings)
        intact = sum(verify(store, Post.model_validate_json(lines[i]).key).intact for i in sample)
    finally:
        bench.close()
    return CaptureResult(posts, len(flagged), rate, len(sample), intact)
