"""`create_pipeline()`: the Faust app with the agents this worker runs, wired from settings.

Each agent runs with concurrency 1 (faust issue 606: more can commit past an in-flight
message); scale with partitions and worker processes instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors

from agents import audit, capture, casesteps, indexer, judge, offenders, registry, reviews
from netra.pipeline.sensors import CommitSensor, LagTracker
from streams import metrics
from streams.app import faust_app, raw_topic, serve_metrics_http
from streams.casework import load_step_windows
from streams.consumer import GuardedConsumer, GuardedTransport
from streams.deadlines import default_clocks
from streams.delivered import DeliveredOffsets
from streams.esclient import elasticsearch_client
from streams.evidence.store import open_store
from streams.heap import refreeze
from streams.offsettrace import OffsetTrace
from streams.pseudonyms import load_nip_pseudonyms
from streams.ruleguard import RuleGuard, tail_rule_states
from streams.rulepack import EngineHolder
from streams.settings import AGENT_NAMES, Settings, compiled_engines
from streams.topics import OFFENDERS_TABLE, REGISTRY_TABLE, topic_specs

log = logging.getLogger(__name__)
AGENTS = AGENT_NAMES


@dataclass
class Pipeline:
    app: faust.App
    settings: Settings
    topics: dict[str, Any]
    holder: EngineHolder | None


def create_pipeline(
    settings: Settings | None = None, on_metrics_port: Callable[[int], None] | None = None
) -> Pipeline:
    """Build the app; `on_metrics_port` learns the port /metrics got (to register for scraping)."""
    settings = settings or Settings()
    app = faust_app(settings)
    specs = {s.name: s for s in topic_specs(settings)}
    # What the judge acknowledged with its outputs stored: the judge skips those events when
    # they come again, the consumer forgets a partition's when its log is replaced.
    delivered = DeliveredOffsets()
    # Before anything touches the consumer: its start of each partition must be kept (see
    # streams.consumer) on every topic without holes in its offsets, i.e. all but compacted ones.
    app.transport = GuardedTransport(
        app.conf.broker_consumer,
        app,
        guarded=[n for n, spec in specs.items() if spec.configs.get("cleanup.policy") != "compact"],
        trace=OffsetTrace(settings.trace_offsets),
        delivered=delivered,
    )
    app.sensors.add(CommitSensor())
    if settings.faust_sensor:
        setup_prometheus_sensors(app, name_prefix="faust")
    topics = {
        name: raw_topic(app, name, spec.partitions, spec.configs) for name, spec in specs.items()
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
            REGISTRY_TABLE,
            default=None,
            key_type=bytes,
            value_type=bytes,
            partitions=settings.partitions,
        )
        registry.attach(app, topics[settings.registry_topic], table, deadletters)
        holder = EngineHolder(settings.rule_pack, compiled_engines(settings))
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
            delivered,
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
                refreeze()  # the old engine's garbage cycles freed, the new one frozen

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
    if "cases" in wanted:
        windows = load_step_windows(default_clocks())
        casesteps.attach(app, settings, topics[settings.case_steps_topic], deadletters, es, windows)
    if "capture" in wanted:
        capture.attach(app, settings, deadletters, partial(open_store, settings), pseudonyms)
    if "offenders" in wanted:
        history = app.Table(
            OFFENDERS_TABLE,
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
        consumer = app.consumer
        if not isinstance(consumer, GuardedConsumer):
            raise TypeError(f"the worker's consumer is a {type(consumer).__name__}")
        lag.report(consumer)

    @app.task
    async def serve_metrics() -> None:
        port = serve_metrics_http(settings.metrics_host, settings.metrics_port)
        if on_metrics_port is not None:
            on_metrics_port(port)
        log.info("metrics on http://%s:%s/metrics", settings.metrics_host, port)

    return Pipeline(app=app, settings=settings, topics=topics, holder=holder)
