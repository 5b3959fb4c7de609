"""Operator tooling over Kafka with kafka-python: create topics, replay files, follow a topic.

Workers use Faust (aiokafka); tools use kafka-python, synchronous and simple to drive from a CLI.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaConnectionError, KafkaTimeoutError, TopicAlreadyExistsError

from streams.kafka_security import KafkaSecurityError, client_kwargs, describe
from streams.settings import Settings
from streams.topics import POSTS_MAX_MESSAGE_BYTES, TopicSpec, topic_specs


class KafkaUnavailableError(RuntimeError):
    """Kafka could not be reached; the message says where it looked and what to do."""


def _servers(settings: Settings) -> list[str]:
    return [s.strip() for s in settings.kafka_bootstrap.split(",") if s.strip()]


def _security(settings: Settings) -> dict[str, Any]:
    """The clients' security arguments; wrong settings are reported like an unreachable broker,
    so every command shows them as a message, not a traceback."""
    try:
        return client_kwargs(settings)
    except KafkaSecurityError as exc:
        raise KafkaUnavailableError(f"cannot connect to Kafka: {exc}") from exc


def _unavailable(settings: Settings) -> KafkaUnavailableError:
    if settings.kafka_security_protocol != "PLAINTEXT":
        return KafkaUnavailableError(
            f"no Kafka broker accepted Netra at {describe(settings)}: check that it runs "
            "('netra stack up --secure' locally) and the NETRA_KAFKA_* credentials and CA file"
        )
    return KafkaUnavailableError(
        f"no Kafka broker at {settings.kafka_bootstrap}: start the local stack with "
        "'netra stack up', or point NETRA_KAFKA_BOOTSTRAP at your cluster"
    )


class KafkaDeliveryError(RuntimeError):
    """Some records could not be written; the message says how many and the first error."""


@dataclass(frozen=True)
class TopicResult:
    spec: TopicSpec
    created: bool


def create_topics(settings: Settings) -> list[TopicResult]:
    """Create every Netra topic that is missing; existing topics are left as they are."""
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=_servers(settings), **_security(settings), client_id="netra-admin"
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise _unavailable(settings) from exc
    try:
        existing = set(admin.list_topics())
        results = []
        for spec in topic_specs(settings):
            if spec.name in existing:
                results.append(TopicResult(spec, created=False))
                continue
            try:
                admin.create_topics(
                    [
                        NewTopic(
                            spec.name,
                            num_partitions=spec.partitions,
                            replication_factor=settings.replication,
                            topic_configs=spec.configs,
                        )
                    ]
                )
                results.append(TopicResult(spec, created=True))
            except TopicAlreadyExistsError:
                results.append(TopicResult(spec, created=False))
        return results
    finally:
        admin.close()


def key_of(line: bytes, field: str) -> bytes | None:
    """The record key from a JSON line's field; None when the line is not a JSON object."""
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):  # invalid or nested without end: sent without a key
        return None
    if isinstance(value, dict):
        key = value.get(field)
        if isinstance(key, str):
            return key.encode()
    return None


def read_lines(path: Path) -> list[bytes]:
    """The non-empty lines of a JSONL file, as bytes (invalid ones are replayed as they are)."""
    with path.open("rb") as f:
        return [line.rstrip(b"\r\n") for line in f if line.strip()]


def producer(settings: Settings) -> KafkaProducer:
    try:
        return KafkaProducer(
            bootstrap_servers=_servers(settings),
            **_security(settings),
            acks="all",
            enable_idempotence=True,  # a retried send is written once
            linger_ms=5,
            max_request_size=POSTS_MAX_MESSAGE_BYTES,
            client_id="netra-producer",
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise _unavailable(settings) from exc


def replay(
    settings: Settings,
    topic: str,
    lines: Iterable[bytes],
    *,
    key_field: str,
    rate: float | None = None,
    on_sent: Callable[[int], None] | None = None,
) -> int:
    """Send each line as one record keyed by `key_field`, at most `rate` per second."""
    prod = producer(settings)
    sent = 0
    failures: list[Exception] = []
    started = time.monotonic()
    try:
        for line in lines:
            if rate:
                ahead = sent / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
            future = prod.send(topic, key=key_of(line, key_field), value=line)
            future.add_errback(failures.append)
            sent += 1
            if on_sent is not None:
                on_sent(sent)
        prod.flush()
    finally:
        prod.close()
    if failures:
        raise KafkaDeliveryError(
            f"{len(failures)} of {sent} records were not written to {topic} "
            f"(first error: {failures[0]}); send the file again: redelivered events are "
            "judged and indexed once"
        )
    return sent


def follow(
    settings: Settings, topic: str, *, from_beginning: bool, idle_timeout: float | None = None
) -> Iterator[bytes]:
    """Yield record values of a topic as they arrive (no consumer group: nothing is committed)."""
    try:
        consumer = KafkaConsumer(
            topic,
            bootstrap_servers=_servers(settings),
            **_security(settings),
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest" if from_beginning else "latest",
            consumer_timeout_ms=int(idle_timeout * 1000) if idle_timeout else float("inf"),
            client_id="netra-tail",
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise _unavailable(settings) from exc
    try:
        for record in consumer:
            if record.value is not None:
                yield record.value
    finally:
        consumer.close()
