"""Faust app primitives: the app with Netra's broker settings, raw topics and the /metrics server.

No agents here: the worker's assembly (netra/pipeline/) builds on these and wires the agents,
so the arrows run one way, from the assembly down to the agents and from both down to here.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.sensors import Monitor
from prometheus_client import start_http_server

from streams.kafka_security import faust_credentials
from streams.settings import Settings, private_dir
from streams.topics import POSTS_MAX_MESSAGE_BYTES


def raw_topic(app: faust.App, name: str, partitions: int, configs: dict[str, str]) -> Any:
    """A topic of raw bytes: every record is validated by schemas/, never by Faust."""
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
        config=configs,
    )


class QuietMonitor(Monitor):
    """Faust's monitor without its bookkeeping per message and per event.

    Faust's default sensor counts and times every message and event into statistics that only
    Faust's web views read; Netra turns those views off and reports what it needs itself
    (streams.metrics), yet the default paid four calls per event and one per table read. The
    rest of the monitor (the end offsets the consumer tracks, commits, rebalances) is kept."""

    def on_message_in(self, tp: Any, offset: int, message: Any) -> None:
        return None

    def on_stream_event_in(self, tp: Any, offset: int, stream: Any, event: Any) -> None:
        return None

    def on_stream_event_out(
        self, tp: Any, offset: int, stream: Any, event: Any, state: Any = None
    ) -> None:
        return None

    def on_message_out(self, tp: Any, offset: int, message: Any) -> None:
        return None

    def on_table_get(self, table: Any, key: Any) -> None:
        return None


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
        consumer_metadata_max_age_ms=int(settings.metadata_max_age_seconds * 1000),
        producer_acks=-1,
        producer_max_request_size=POSTS_MAX_MESSAGE_BYTES,
        web_enabled=False,
        Monitor=QuietMonitor,
        # Every record is JSON validated by schemas/, never by Faust: bad bytes must reach the
        # judge to be dead-lettered with a reason instead of failing inside the framework.
        key_serializer="raw",
        value_serializer="raw",
    )


def serve_metrics_http(host: str, port: int, tries: int = 20) -> int:
    """Serve /metrics on the first free port from `port` on, so workers can share a host."""
    for candidate in range(port, port + tries) if port else [0]:
        try:
            server, _thread = start_http_server(candidate, addr=host)
        except OSError:
            continue
        return int(server.server_port)
    raise OSError(f"no free metrics port in {port}-{port + tries - 1}: set NETRA_METRICS_PORT")
