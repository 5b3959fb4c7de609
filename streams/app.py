"""The Faust app: topics, the registry table and the agents, wired from typed settings.

`create_pipeline()` is the one way to build a worker; `netra worker` runs it and the tests
start it as a real process. Each agent runs with concurrency 1 (faust issue 606: more can
commit past an in-flight message); scale with partitions and worker processes instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from prometheus_client import start_http_server

from agents import audit, capture, casesteps, indexer, judge, offenders, registry, reviews
from streams import metrics
from streams.casework import load_step_windows
from streams.deadlines import default_clocks
from streams.esclient import elasticsearch_client
from streams.evidence.store import open_store
from streams.kafka_security import faust_credentials
from streams.logfilter import limit_repeats
from streams.pseudonyms import load_nip_pseudonyms
from streams.ruleguard import RuleGuard, tail_rule_states
from streams.rulepack import EngineHolder
from streams.settings import Settings, private_dir
from streams.topics import POSTS_MAX_MESSAGE_BYTES, topic_specs

log = logging.getLogger(__name__)
AGENTS = ("judge", "indexer", "reviews", "offenders", "audit", "cases", "capture")
#: Every agent but evidence capture: benchmarks of judging and tests of the other agents run
#: these, so no browser competes with what they measure.
WITHOUT_CAPTURE = ",".join(a for a in AGENTS if a != "capture")


class Worker(faust.Worker):
    """Faust's worker, with repeated warnings and errors held to a few lines a minute."""

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        limit_repeats(logger)


class CommitSensor(faust.Sensor):
    """Records the time of the last offset commit, for the 'no commit for N minutes' alert."""

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        metrics.LAST_COMMIT.set_to_current_time()


@dataclass
class LagTracker:
    """Remembers the last processed offset per partition to report consumer lag."""

    processed: dict[Any, int] = field(default_factory=dict)

    def __call__(self, message: Any) -> None:
        self.processed[message.tp] = message.offset

    def report(self, consumer: Any) -> None:
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is None or tp not in self.processed:
                continue
            lag = max(0, highwater - self.processed[tp] - 1)
            metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(lag)


@dataclass
class Pipeline:
    app: faust.App
    settings: Settings
    topics: dict[str, Any]
    holder: EngineHolder | None


def _raw_topic(app: faust.App, name: str, partitions: int, configs: dict[str, str]) -> Any:
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
        config=configs,
    )


def faust_app(settings: Settings) -> faust.App:
    """The Faust app with Netra's broker, commit and serializer settings, and no agents yet."""
    datadir = settings.state_dir / "faust" / settings.app_id
    private_dir(datadir.parent)
    brokers = ";".join(f"kafka://{b.strip()}" for b in settings.kafka_bootstrap.split(","))
    return faust.App(
        settings.app_id,
        broker=brokers,
        broker_credentials=faust_credentials(settings),
        store="memory://",
        autodiscover=False,
        datadir=str(datadir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        consumer_auto_offset_reset="earliest",
        broker_commit_interval=settings.commit_interval_seconds,
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=settings.heartbeat_seconds,
        broker_rebalance_timeout=settings.rebalance_timeout_seconds,
        producer_acks=-1,
        producer_max_request_size=POSTS_MAX_MESSAGE_BYTES,
        web_enabled=False,
        # Every record is JSON validated by schemas/, never by Faust: bad bytes must reach the
        # judge to be dead-lettered with a reason instead of failing inside the framework.
        key_serializer="raw",
        value_serializer="raw",
    )


def create_pipeline(
    settings: Settings | None = None, on_metrics_port: Callable[[int], None] | None = None
) -> Pipeline:
    """Build the app; `on_metrics_port` learns the port /metrics got (to register for scraping)."""
    settings = settings or Settings()
    app = faust_app(settings)
    app.sensors.add(CommitSensor())
    if settings.faust_sensor:
        setup_prometheus_sensors(app, name_prefix="faust")
    specs = {s.name: s for s in topic_specs(settings)}
    topics = {
        name: _raw_topic(app, name, spec.partitions, spec.configs) for name, spec in specs.items()
    }
    wanted = {a.strip() for a in settings.agents.split(",") if a.strip()}
    unknown = wanted - set(AGENTS)
    if unknown:
        raise ValueError(
            f"unknown agents {sorted(unknown)} in NETRA_AGENTS: choose from {', '.join(AGENTS)}"
        )
    lag = LagTracker()
    pseudonyms = load_nip_pseudonyms(settings)
    holder: EngineHolder | None = None
    deadletters = topics[settings.deadletter_topic]

    if "judge" in wanted:
        table = app.Table(
            "registry",
            default=None,
            key_type=bytes,
            value_type=bytes,
            partitions=settings.partitions,
        )
        registry.attach(app, topics[settings.registry_topic], table, deadletters)
        holder = EngineHolder(settings.rule_pack)
        guard = RuleGuard(
            share=settings.rule_spike_share,
            min_events=settings.rule_spike_min_events,
            window_seconds=settings.rule_spike_window_hours * 3600,
        )
        guard.pack_changed(holder.engine.pack_version)
        judge.attach(
            app,
            settings,
            topics,
            judge.RegistryLookup(table),
            holder,
            guard,
            pseudonyms,
            lag,
        )

        @app.timer(5.0)
        async def count_registry() -> None:
            # A worker that rebuilt its table from the changelog never ran the registry agent.
            metrics.REGISTRY_ACCOUNTS.set(len(table))

        @app.timer(settings.reload_seconds)
        async def reload_rule_pack() -> None:
            assert holder is not None
            if await holder.reload_if_changed():
                guard.pack_changed(holder.engine.pack_version)

        @app.task
        async def follow_rule_states() -> None:
            await tail_rule_states(settings, guard)

    if wanted & {"indexer", "reviews", "audit", "cases"}:
        es = elasticsearch_client(settings, max_retries=0)
    if "indexer" in wanted:
        indexer.attach(
            app, settings, topics[settings.flags_topic], deadletters, es, pseudonyms, lag
        )
    if "reviews" in wanted:
        reviews.attach(app, settings, topics[settings.reviews_topic], deadletters, es)
    if "audit" in wanted:
        audit.attach(app, settings, topics[settings.audit_topic], deadletters, es)
    if "capture" in wanted:
        capture.attach(app, settings, deadletters, partial(open_store, settings), pseudonyms)
    if "cases" in wanted:
        windows = load_step_windows(default_clocks())
        casesteps.attach(app, settings, topics[settings.case_steps_topic], deadletters, es, windows)
    if "offenders" in wanted:
        history = app.Table(
            "offenders",
            default=None,
            key_type=bytes,
            value_type=bytes,
            partitions=settings.partitions,
        )
        offenders.attach(
            app,
            settings,
            topics[settings.flags_topic],
            topics[settings.escalations_topic],
            history,
            pseudonyms,
        )

    @app.timer(5.0)
    async def report_lag() -> None:
        lag.report(app.consumer)

    @app.task
    async def serve_metrics() -> None:
        port = serve_metrics_http(settings.metrics_host, settings.metrics_port)
        if on_metrics_port is not None:
            on_metrics_port(port)
        log.info("metrics on http://%s:%s/metrics", settings.metrics_host, port)

    return Pipeline(app=app, settings=settings, topics=topics, holder=holder)


def serve_metrics_http(host: str, port: int, tries: int = 20) -> int:
    """Serve /metrics on the first free port from `port` on, so workers can share a host."""
    for candidate in range(port, port + tries) if port else [0]:
        try:
            server, _thread = start_http_server(candidate, addr=host)
        except OSError:
            continue
        return int(server.server_port)
    raise OSError(f"no free metrics port in {port}-{port + tries - 1}: set NETRA_METRICS_PORT")
