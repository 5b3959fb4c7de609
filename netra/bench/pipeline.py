"""Pipeline throughput and latency on the local stack, against Faust's own ceiling in the same run.

1. Ceiling: a no-op Faust agent (netra/bench/noop.py) drains a topic of N pre-loaded posts.
2. Netra: one worker (judge, indexer, reviews, offenders) drains the same posts; the run ends
   when every post is judged and every flag is indexed. Both rates are measured from the first
   event each worker reports to its last, so start-up and group join are not counted, and so is
   the CPU time each process spent per event over the same span (its own
   process_cpu_seconds_total): on a shared 2-core machine, where the broker, Elasticsearch and
   other processes take turns with the worker, the rate says how fast the posts went and the CPU
   time what each event cost the worker itself.
3. Latency: posts sent at a fixed rate to a warm worker; a poller sees each flag appear in
   search results; latency = first seen searchable - sent to Kafka. Every expected flag (known
   from the offline decision) must become searchable, or the run fails.
4. Memory: the worker's peak resident set size (VmHWM) after all of it.
5. Scaling: two workers drain the same posts; their combined rate against one worker's.

`--profile` adds where one event's CPU time goes, stage by stage over the same posts in one
process (netra.bench.stages); the rest of the worker's measured CPU time per event is the
asyncio and Faust work of a worker with several agents, Kafka's client and the garbage
collector.
"""

from __future__ import annotations

import contextlib
import json
import statistics
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kafka import KafkaProducer

from netra.kafka_tools import create_topics, replay
from netra.sample import sample_posts, sample_registry
from netra.scrape import scrape, worker_metrics_url
from netra.workers import (
    WorkerHandle,
    free_port,
    isolated_env,
    settings_from_env,
    start_python,
    start_worker,
)
from neutrality import Engine, Locality
from schemas import Outcome, Post, RegistryEntry
from streams.kafka_security import client_kwargs
from streams.settings import WITHOUT_CAPTURE, Settings

Progress = Callable[[str], None]


@dataclass
class PipelineResult:
    posts: int
    flagged: int
    noop_rate: float
    netra_rate: float
    noop_cpu_us: float
    netra_cpu_us: float
    latency_rate: float
    latency_sent: int
    latency_flags: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    peak_rss_mb: float
    two_workers_rate: float | None = None

    @property
    def ratio(self) -> float:
        return self.netra_rate / self.noop_rate

    @property
    def cpu_ratio(self) -> float:
        """The ratio had each process a core to itself: the ceiling's CPU time per event over
        the worker's."""
        return self.noop_cpu_us / self.netra_cpu_us

    @property
    def scaling(self) -> float | None:
        """Two workers' rate over one worker's."""
        return None if self.two_workers_rate is None else self.two_workers_rate / self.netra_rate


RATIO_TARGET = 0.7
P99_TARGET_MS = 2000.0
RSS_TARGET_MB = 300.0
SCALING_TARGET = 1.7


LATENCY_PATIENCE_SECONDS = 60.0


def expected_flags(lines: list[bytes], registry: list[RegistryEntry]) -> int:
    return len(flagged_indexes(lines, registry))


def flagged_indexes(lines: Sequence[bytes | str], registry: list[RegistryEntry]) -> set[int]:
    """Which lines the worker must flag (or send to review): the offline engine's decisions."""
    engine = Engine.load()
    by_account = {e.account_id: e for e in registry}
    out = set()
    for i, line in enumerate(lines):
        post = Post.model_validate_json(line)
        entry = by_account[post.account_id]
        if engine.decide(post, Locality(entry.province, entry.region)).outcome is not Outcome.PASS:
            out.add(i)
    return out


class MissingFlagsError(RuntimeError):
    """The latency run ended with expected flags that never became searchable."""


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size of a process (Linux VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Run:
    """One isolated pipeline: its own topics, group and index, torn down at the end."""

    def __init__(self, base: Settings, name: str, agents: str = WITHOUT_CAPTURE) -> None:
        self.suffix = f"bench-{name}-{uuid.uuid4().hex[:6]}"
        self.env = isolated_env(
            self.suffix,
            NETRA_KAFKA_BOOTSTRAP=base.kafka_bootstrap,
            NETRA_ES_URL=base.es_url,
            NETRA_AGENTS=agents,
        )
        self.settings = settings_from_env(self.env)
        self.workers: list[tuple[WorkerHandle, int]] = []
        create_topics(self.settings)

    def start(self, name: str, noop: bool = False) -> tuple[WorkerHandle, int]:
        port = free_port()
        env = {**self.env, "NETRA_METRICS_PORT": str(port)}
        handle = (
            start_python(f"{self.suffix}-{name}", ["-m", "netra.bench.noop"], env)
            if noop
            else start_worker(f"{self.suffix}-{name}", env)
        )
        self.workers.append((handle, port))
        return handle, port

    def preload_registry(self, registry_lines: list[bytes]) -> None:
        """Fill the registry table once (kept in its changelog topic) with a worker that then
        stops, so the workers timed next recover it and find no producer competing for CPU."""
        replay(self.settings, self.settings.registry_topic, registry_lines, key_field="account_id")
        handle, port = self.start("registry")
        wait_until(
            "loading the registry",
            lambda: (
                scrape(worker_metrics_url(port)).get("netra_registry_accounts", 0)
                >= len(registry_lines)
            ),
            handle,
            180,
        )
        handle.stop()

    def close(self) -> None:
        for handle, _ in self.workers:
            if handle.alive():
                handle.stop()
        alias = self.settings.flags_alias
        for path in (f"/{alias}-*", f"/_index_template/{alias}"):
            req = urllib.request.Request(self.settings.es_url + path, method="DELETE")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(req, timeout=30).close()


def wait_until(
    what: str, check: Callable[[], bool], handle: WorkerHandle, timeout: float, poll: float = 0.1
) -> float:
    deadline = time.monotonic() + timeout
    while not check():
        if not handle.alive():
            raise RuntimeError(f"{handle.name} died while {what}:\n{handle.log_tail(30)}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out {what}; log: {handle.log_path}")
        time.sleep(poll)
    return time.monotonic()


POLL_SECONDS = 1.0  # a scrape costs the worker CPU (about 3% at 2/s): poll once a second


CPU_COUNTER = "process_cpu_seconds_total"  # prometheus_client's process collector


@dataclass(frozen=True)
class Drain:
    """How one process drained a topic: events per second, and its CPU time per event."""

    rate: float
    cpu_us: float


def drain_rate(
    port: int, handle: WorkerHandle, counter: str, total: int, done: Callable[[], bool]
) -> Drain:
    """Events per second, and CPU microseconds per event, from the worker's first reported
    event until `done()`."""
    url = worker_metrics_url(port)
    wait_until(
        "waiting for the first event",
        lambda: scrape(url).get(counter, 0) > 0,
        handle,
        180,
        poll=POLL_SECONDS,
    )
    first = scrape(url)
    started = time.monotonic()
    finished = wait_until("draining the topic", done, handle, 900, poll=POLL_SECONDS)
    return drained_between(first, scrape(url), counter, total, finished - started)


def drained_between(
    first: dict[str, float], last: dict[str, float], counter: str, total: int, seconds: float
) -> Drain:
    """The drain's figures from two scrapes `seconds` apart, the first at the first reported
    event, the last when all `total` events were through."""
    events = max(total - first.get(counter, 0), 1)
    cpu = last.get(CPU_COUNTER, 0.0) - first.get(CPU_COUNTER, 0.0)
    return Drain(events / max(seconds, 1e-9), cpu / events * 1e6)


def run(
    settings: Settings,
    posts: int = 60_000,
    latency_rate: float = 1000,
    latency_seconds: float = 20,
    progress: Progress = print,
    two_workers: bool = True,
) -> PipelineResult:
    registry = sample_registry(500, seed=17)
    lines = [p.encode() for p in sample_posts(registry, posts, seed=18).posts]
    progress(f"deciding {posts:,} posts offline to know the expected flags")
    flagged = expected_flags(lines, registry)
    registry_lines = [e.model_dump_json().encode() for e in registry]

    progress("1/4 no-op Faust agent (the framework's ceiling)")
    ceiling = Run(settings, "noop")
    try:
        replay(ceiling.settings, ceiling.settings.posts_topic, lines, key_field="account_id")
        handle, port = ceiling.start("noop", noop=True)
        url = worker_metrics_url(port)
        counter = "netra_bench_noop_events_total"
        noop = drain_rate(
            port, handle, counter, posts, lambda: scrape(url).get(counter, 0) >= posts
        )
    finally:
        ceiling.close()

    progress(f"2/4 Netra worker: judge + index {posts:,} posts ({flagged:,} flags)")
    full = Run(settings, "netra")
    try:
        # Like the ceiling run, the worker drains posts already in Kafka, with no producer
        # competing for the CPU: a first start fills the registry table (kept in its changelog
        # topic), then the worker restarts on the pre-loaded posts and recovers the table first.
        full.preload_registry(registry_lines)
        replay(full.settings, full.settings.posts_topic, lines, key_field="account_id")
        handle, port = full.start("worker")
        url = worker_metrics_url(port)

        def drained() -> bool:
            m = scrape(url)
            return (
                m.get("netra_events_total", 0) >= posts
                and m.get("netra_es_indexed_total", 0) >= flagged
            )

        netra = drain_rate(port, handle, "netra_events_total", posts, drained)

        progress(f"3/4 latency at {latency_rate:.0f} posts/s for {latency_seconds:.0f} s")
        n = int(latency_rate * latency_seconds)
        fresh = sample_posts(registry, n, seed=19).posts
        expected = flagged_indexes(fresh, registry)
        latencies, sent = measure_latency(full.settings, fresh, latency_rate, expected)
        peak = peak_rss_mb(handle.record.pid)
    finally:
        full.close()
    pair_rate = None
    if two_workers:
        progress(f"4/4 two Netra workers on the same {posts:,} posts")
        pair_rate = drain_with_two(settings, lines, registry_lines, flagged)
    ordered = sorted(latencies)
    return PipelineResult(
        posts=posts,
        flagged=flagged,
        noop_rate=noop.rate,
        netra_rate=netra.rate,
        noop_cpu_us=noop.cpu_us,
        netra_cpu_us=netra.cpu_us,
        latency_rate=sent / latency_seconds,
        latency_sent=sent,
        latency_flags=len(ordered),
        p50_ms=statistics.median(ordered) * 1000 if ordered else float("nan"),
        p99_ms=ordered[int(0.99 * (len(ordered) - 1))] * 1000 if ordered else float("nan"),
        max_ms=ordered[-1] * 1000 if ordered else float("nan"),
        peak_rss_mb=peak,
        two_workers_rate=pair_rate,
    )


def drain_with_two(
    settings: Settings, lines: list[bytes], registry_lines: list[bytes], flagged: int
) -> float:
    """Posts per second two workers drain together, counted from the moment both report
    events (after their group settled) until every post is judged and every flag indexed."""
    pair = Run(settings, "pair")
    try:
        pair.preload_registry(registry_lines)
        replay(pair.settings, pair.settings.posts_topic, lines, key_field="account_id")
        started = [pair.start("w1"), pair.start("w2")]
        urls = [worker_metrics_url(port) for _, port in started]

        def total(name: str) -> float:
            return sum(scrape(url).get(name, 0) for url in urls)

        def both_working() -> bool:
            return all(scrape(url).get("netra_events_total", 0) > 0 for url in urls)

        wait_until("both workers judging", both_working, started[0][0], 300, poll=POLL_SECONDS)
        first, since = total("netra_events_total"), time.monotonic()

        def drained() -> bool:
            return (
                total("netra_events_total") >= len(lines)
                and total("netra_es_indexed_total") >= flagged
            )

        finished = wait_until("draining the topic", drained, started[0][0], 900, POLL_SECONDS)
        return (len(lines) - first) / max(finished - since, 1e-9)
    finally:
        pair.close()


def measure_latency(
    settings: Settings,
    lines: list[str],
    rate: float,
    expected: set[int],
    patience: float = LATENCY_PATIENCE_SECONDS,
) -> tuple[list[float], int]:
    """Send at `rate`/s with fresh ids; poll search until every expected flag is searchable;
    return (seconds to searchable of each expected flag, sent). Raises MissingFlagsError when some
    are still missing `patience` seconds after the last send: a latency without them would
    flatter the pipeline."""
    tag = uuid.uuid4().hex[:6]
    sent_at: dict[str, float] = {}
    seen: dict[str, float] = {}
    stop = threading.Event()
    alias = settings.flags_alias

    def poll() -> None:
        # A flag is a few percent of the posts: one page of ids covers them all.
        body = {"size": 10_000, "_source": False, "query": {"prefix": {"post_id": f"lat-{tag}-"}}}
        while not stop.is_set():
            req = urllib.request.Request(
                f"{settings.es_url}/{alias}/_search",
                data=json.dumps(body).encode(),
                headers={"Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    hits = json.loads(resp.read())["hits"]["hits"]
            except OSError:
                hits = []
            now = time.monotonic()
            for hit in hits:
                seen.setdefault(hit["_id"].split(":", 1)[1], now)
            time.sleep(0.1)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    producer = KafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap,
        **client_kwargs(settings),
        linger_ms=0,
        acks=1,
    )
    started = time.monotonic()
    for i, line in enumerate(lines):
        ahead = i / rate - (time.monotonic() - started)
        if ahead > 0:
            time.sleep(ahead)
        post = json.loads(line)
        post["post_id"] = f"lat-{tag}-{i:07d}"
        sent_at[post["post_id"]] = time.monotonic()
        producer.send(
            settings.posts_topic, key=post["account_id"].encode(), value=json.dumps(post).encode()
        )
    producer.flush()
    wanted = {f"lat-{tag}-{i:07d}" for i in expected}
    deadline = time.monotonic() + patience
    while not wanted <= seen.keys() and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    poller.join()
    producer.close()
    missing = wanted - seen.keys()
    if missing:
        raise MissingFlagsError(
            f"{len(missing):,} of {len(wanted):,} expected flags were not searchable "
            f"{patience:.0f} s after the last post was sent (e.g. {sorted(missing)[0]})"
        )
    return [seen[pid] - sent_at[pid] for pid in wanted], len(lines)
