"""`netra bench capture`: how many flags a second one capture agent keeps evidence of.

One worker judges and captures on the local stack. The posts are in Kafka before it starts,
nearly all of them flagged, so the judge (tens of thousands of events a second) fills the
flags topic long before capture is done and the measure is the capture agent's own drain
rate: evidence records stored (Kafka read-back, Chromium render, SHA-256, write-once puts to
the object store, custody entry 0) per second, from the first stored to the last. Afterwards a
sample of the flags is verified end to end.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field

import psutil
from rich.console import Console

from netra.bench.pipeline import Progress, Run, drain_rate, flagged_indexes
from netra.kafka_tools import replay, topic_records
from netra.sample import sample_posts, sample_registry
from netra.scrape import scrape, worker_metrics_url
from netra.stack import StackSettings
from netra.stack.seaweedfs import SeaweedFS
from schemas import Post
from streams.evidence.store import open_store
from streams.evidence.verify import Verification, verify
from streams.settings import Settings

COUNTER = "netra_evidence_captured_total"
#: Flags delivered again (the judge judges again what it judged before its seek back at start)
#: and found kept: not counted above, shown so a run says how often it happened.
AGAIN = "netra_evidence_already_kept_total"
#: Events the judge was handed again: skipped as judged and delivered already, or judged again
#: (outputs still on their way at the seek back), which publishes their flags again.
SKIPPED = "netra_events_repeated_total"
JUDGED_AGAIN = "netra_events_judged_again_total"


@dataclass
class CaptureResult:
    posts: int
    flags: int
    rate: float
    verified: int
    intact: int
    #: CPU seconds per flag of the worker (with its Chromium) and of the object store: what
    #: the rate would be on cores of its own, whatever else the machine was doing.
    worker_cpu_ms: float
    store_cpu_ms: float
    #: The sampled flags that did not verify, each with verify's findings: a benchmark that
    #: printed only the count would hide what is missing or changed.
    broken: list[Verification] = field(default_factory=list)
    #: The capture counter when the drain stopped and the evidence records in the bucket when
    #: the sample was verified: a counter ahead of the records counted something twice.
    counted: int = 0
    records: int = 0
    already_kept: int = 0
    #: Records on the flags topic (a flag judged again is published again) and screenshot
    #: objects in the bucket: those above the records are screenshots of a flag captured again,
    #: written once and named by no record.
    published: int = 0
    screenshots: int = 0
    skipped: int = 0
    judged_again: int = 0

    @property
    def all_intact(self) -> bool:
        return not self.broken and self.intact == self.verified

    @property
    def unrecorded(self) -> int:
        """Flags with no evidence record in the bucket once the run counted them all stored."""
        return max(self.flags - self.records, 0)

    @property
    def published_again(self) -> int:
        """Flags that reached the flags topic more than once."""
        return max(self.published - self.flags, 0)

    @property
    def unnamed_screenshots(self) -> int:
        """Screenshots in the bucket that no evidence record names."""
        return max(self.screenshots - self.records, 0)

    @property
    def rate_per_core(self) -> float:
        return 1000.0 / max(self.worker_cpu_ms + self.store_cpu_ms, 1e-9)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its descendants (Chromium, its driver)."""
    try:
        root = psutil.Process(pid)
        total = 0.0
        for proc in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total
    except psutil.Error:
        return 0.0


def store_pid() -> int | None:
    record = SeaweedFS(StackSettings.from_env(), Console(quiet=True)).record()
    return record.pid if record else None


def run(settings: Settings, posts: int = 3000, progress: Progress = print) -> CaptureResult:
    registry = sample_registry(200, seed=31)
    lines = [p.encode() for p in sample_posts(registry, posts, partisan_share=0.9, seed=32).posts]
    progress(f"deciding {posts:,} posts offline to know the expected flags")
    flagged = sorted(flagged_indexes(lines, registry))
    bench = Run(settings, "capture", agents="judge,capture")
    try:
        bench.preload_registry([e.model_dump_json().encode() for e in registry])
        replay(bench.settings, bench.settings.posts_topic, lines, key_field="account_id")
        progress(f"capturing the evidence of {len(flagged):,} flags")
        store = store_pid()
        store_before = cpu_seconds(store) if store else 0.0
        handle, port = bench.start("worker")
        url = worker_metrics_url(port)
        rate = drain_rate(
            port, handle, COUNTER, len(flagged), lambda: scrape(url).get(COUNTER, 0) >= len(flagged)
        ).rate
        metrics = scrape(url)
        counted, again = int(metrics.get(COUNTER, 0)), int(metrics.get(AGAIN, 0))
        skipped, judged_again = int(metrics.get(SKIPPED, 0)), int(metrics.get(JUDGED_AGAIN, 0))
        worker_cpu = cpu_seconds(handle.record.pid)
        store_cpu = (cpu_seconds(store) - store_before) if store else 0.0
        sample = random.Random(33).sample(flagged, min(20, len(flagged)))
        evidence = open_store(bench.settings)
        keys = evidence.keys("flags/")
        records = sum(k.endswith("/record.json") for k in keys)
        screenshots = sum(k.endswith(".png") and "/artefacts/" in k for k in keys)
        published = topic_records(bench.settings, bench.settings.flags_topic)
        checked = [verify(evidence, Post.model_validate_json(lines[i]).key) for i in sample]
    finally:
        bench.close()
    n = max(len(flagged), 1)
    return CaptureResult(
        posts,
        len(flagged),
        rate,
        len(sample),
        sum(v.intact for v in checked),
        worker_cpu_ms=worker_cpu * 1000 / n,
        store_cpu_ms=store_cpu * 1000 / n,
        broken=[v for v in checked if not v.intact],
        counted=counted,
        records=records,
        already_kept=again,
        published=published,
        screenshots=screenshots,
        skipped=skipped,
        judged_again=judged_again,
    )
