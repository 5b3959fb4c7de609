"""Operator tooling over Kafka with kafka-python: create topics, replay files, follow a topic.

Workers use Faust (aiokafka); tools use kafka-python, synchronous and simple to drive from a CLI.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import (
    AuthorizationError,
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    TopicAlreadyExistsError,
)
from kafka.partitioner.default import murmur2

from netra.kafka_errors import KafkaDeliveryError as KafkaDeliveryError
from netra.kafka_errors import KafkaRefusedError as KafkaRefusedError
from netra.kafka_errors import KafkaUnavailableError as KafkaUnavailableError
from netra.kafka_errors import explain, kafka_errors, no_topic, unavailable
from netra.stack.kafka_acls import AclRule
from streams.kafka_security import KafkaSecurityError, client_kwargs
from streams.settings import Settings
from streams.topics import POSTS_MAX_MESSAGE_BYTES, TopicSpec, changelog_specs, topic_specs

#: How long a tool may take to read a topic to its end before it gives up with a message.
READ_TO_END_SECONDS = 120.0

#: How long `create_topics` waits for the broker to show the topics it created.
TOPICS_VISIBLE_SECONDS = 30.0


def _servers(settings: Settings) -> list[str]:
    return [s.strip() for s in settings.kafka_bootstrap.split(",") if s.strip()]


def _security(settings: Settings) -> dict[str, Any]:
    """The clients' security arguments; wrong settings are reported like an unreachable broker,
    so every command shows them as a message, not a traceback."""
    try:
        return client_kwargs(settings)
    except KafkaSecurityError as exc:
        raise KafkaUnavailableError(f"cannot connect to Kafka: {exc}") from exc


@dataclass(frozen=True)
class TopicResult:
    spec: TopicSpec
    created: bool


def create_topics(settings: Settings) -> list[TopicResult]:
    """Create every Netra topic that is missing, and the tables' changelogs; existing topics are
    left as they are."""
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=_servers(settings), **_security(settings), client_id="netra-admin"
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise unavailable(settings) from exc
    with closing(admin), kafka_errors(settings, doing="creating Netra's topics"):
        existing = set(admin.list_topics())
        results = []
        for spec in [*topic_specs(settings), *changelog_specs(settings)]:
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
        wait_until_described(admin, [r.spec for r in results if r.created], settings)
        return results


def wait_until_described(
    admin: KafkaAdminClient,
    specs: list[TopicSpec],
    settings: Settings,
    timeout: float = TOPICS_VISIBLE_SECONDS,
) -> None:
    """Return once the broker describes every topic in `specs` with all its partitions led.

    A topic reaches the broker's metadata a moment after it is created; a worker that joins its
    group in that moment is given none of its partitions and waits for the next metadata
    refresh, so `netra topics create` answers only when the topics can be consumed."""
    deadline = time.monotonic() + timeout
    waiting = {spec.name: spec.partitions for spec in specs}
    while waiting:
        for described in admin.describe_topics(list(waiting)):
            led = [p for p in described["partitions"] if p["leader_id"] >= 0]
            if len(led) >= waiting.get(described["name"], 1):
                waiting.pop(described["name"], None)
        if not waiting:
            return
        if time.monotonic() > deadline:
            raise KafkaUnavailableError(
                f"Kafka at {settings.kafka_bootstrap} created {', '.join(sorted(waiting))} but "
                f"does not show all their partitions after {timeout:.0f} s"
            )
        time.sleep(0.1)


def grant_acls(settings: Settings, rules: list[AclRule]) -> None:
    """Create `rules` as the principal `settings` log in as (an admin); creating an ACL that
    exists changes nothing, so granting again is safe."""
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=_servers(settings), **_security(settings), client_id="netra-acls"
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise unavailable(settings) from exc
    with closing(admin), kafka_errors(settings, doing="granting ACLs"):
        result = admin.create_acls([rule.to_kafka() for rule in rules])
    if result["failed"]:
        raise KafkaDeliveryError(
            f"Kafka refused {len(result['failed'])} of {len(rules)} ACLs: {result['failed'][0]}"
        )


def set_scram_password(settings: Settings, user: str, password: str) -> None:
    """Create or replace `user`'s SCRAM credential (the mechanism clients use), as the admin
    `settings` log in as: a principal added after the broker's storage was formatted (the
    desk's, on a broker from before it) can log in from then on."""
    from kafka.admin import UserScramCredentialUpsertion

    try:
        admin = KafkaAdminClient(
            bootstrap_servers=_servers(settings), **_security(settings), client_id="netra-users"
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise unavailable(settings) from exc
    upsert = UserScramCredentialUpsertion(user, settings.kafka_sasl_mechanism, password)
    with closing(admin), kafka_errors(settings, doing=f"setting the credential of {user}"):
        result = admin.alter_user_scram_credentials([upsert])
    if result.get(user):
        raise KafkaDeliveryError(f"Kafka refused the credential of {user}: {result[user]}")


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
        raise unavailable(settings) from exc


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
    return send_records(
        settings,
        ((topic, key_of(line, key_field), line) for line in lines),
        rate=rate,
        on_sent=on_sent,
        again="send the file again: redelivered events are judged and indexed once",
    )


def send_records(
    settings: Settings,
    records: Iterable[tuple[str, bytes | None, bytes]],
    *,
    rate: float | None = None,
    on_sent: Callable[[int], None] | None = None,
    again: str,
) -> int:
    """Send each (topic, key, value) at most `rate` per second and return once Kafka has
    stored them all; KafkaDeliveryError, saying what to do (`again`), if any was refused."""
    prod = producer(settings)
    sent = 0
    failures: list[Exception] = []
    started = time.monotonic()
    topics: set[str] = set()
    try:
        for topic, key, value in records:
            if rate:
                ahead = sent / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
            topics.add(topic)
            sent += 1
            try:
                future = prod.send(topic, key=key, value=value)
            except MessageSizeTooLargeError as exc:
                # Refused before it is sent (larger than a request may be): the others still go.
                failures.append(exc)
            except AuthorizationError as exc:
                raise explain(
                    exc, settings, doing=f"sending to {topic}; {again}", topic=topic, group=None
                ) from exc
            except KafkaError as exc:
                # The producer could not send at all (no metadata for the topic in time, ...):
                # what it took before is still sent as it closes, nothing more is tried.
                raise KafkaDeliveryError(
                    f"record {sent} could not be sent to {topic} ({type(exc).__name__}: {exc}); "
                    f"{again}"
                ) from exc
            else:
                future.add_errback(failures.append)
            if on_sent is not None:
                on_sent(sent)
        prod.flush()
    finally:
        prod.close()
    refused = [f for f in failures if isinstance(f, AuthorizationError)]
    if refused:
        raise explain(
            refused[0],
            settings,
            doing=f"sending {sent} records; {again}",
            topic=", ".join(sorted(topics)),
            group=None,
        ) from refused[0]
    if failures:
        raise KafkaDeliveryError(
            f"{len(failures)} of {sent} records were not written to {', '.join(sorted(topics))} "
            f"(first error: {failures[0]}); {again}"
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
        raise unavailable(settings) from exc
    with closing(consumer), kafka_errors(settings, doing=f"following {topic}", topic=topic):
        for record in consumer:
            if record.value is not None:
                yield record.value


def send_and_wait(
    settings: Settings, topic: str, key: bytes, value: bytes, timeout: float = 30.0
) -> None:
    """Write one record and return only once Kafka has stored it (all in-sync replicas):
    for records that must exist before anything else happens, such as an audit entry."""
    prod = producer(settings)
    try:
        prod.send(topic, key=key, value=value).get(timeout=timeout)
    except AuthorizationError as exc:
        raise explain(exc, settings, doing=f"writing to {topic}", topic=topic, group=None) from exc
    except KafkaError as exc:
        raise KafkaDeliveryError(f"the record was not written to {topic}: {exc}") from exc
    finally:
        prod.close()


def _groupless_consumer(settings: Settings, client_id: str) -> KafkaConsumer:
    """A consumer in no group (it commits nothing), for a look at topics; Kafka unreachable is
    the error that says how to start it."""
    try:
        return KafkaConsumer(
            bootstrap_servers=_servers(settings),
            **_security(settings),
            group_id=None,
            enable_auto_commit=False,
            client_id=client_id,
        )
    except (KafkaTimeoutError, KafkaConnectionError) as exc:
        raise unavailable(settings) from exc


def latest_value(settings: Settings, topic: str, key: bytes) -> bytes | None:
    """The newest value of `key` in a keyed (compacted) topic, None when absent or deleted.

    Reads the partition the default partitioner puts the key in (the one Faust, kafka-python
    and the Java client agree on), then every other partition should a producer have used
    another partitioner."""
    consumer = _groupless_consumer(settings, "netra-lookup")
    with (
        closing(consumer),
        kafka_errors(settings, doing=f"looking a key up in {topic}", topic=topic),
    ):
        partitions = sorted(consumer.partitions_for_topic(topic) or [])
        if not partitions:
            raise no_topic(settings, topic)
        home = (murmur2(key) & 0x7FFFFFFF) % len(partitions)
        order = [home, *(p for p in partitions if p != home)]
        for partition in order:
            found, value = _scan_partition(consumer, TopicPartition(topic, partition), key)
            if found:
                return value
        return None


def topic_records(settings: Settings, topic: str) -> int:
    """How many records `topic` holds now (the sum of its partitions' end offsets, for a topic
    never compacted or trimmed): what a run published to it, repeats included."""
    consumer = _groupless_consumer(settings, "netra-count")
    with closing(consumer), kafka_errors(settings, doing=f"counting {topic}", topic=topic):
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
        ends: dict[TopicPartition, int] = consumer.end_offsets(partitions) if partitions else {}
        return sum(ends.values())


def _scan_partition(
    consumer: KafkaConsumer, tp: TopicPartition, key: bytes
) -> tuple[bool, bytes | None]:
    """(found, newest value) of `key` in one partition, read from the start to its end now."""
    consumer.assign([tp])
    consumer.seek_to_beginning(tp)
    found, value = False, None
    for record in _read_to(consumer, consumer.end_offsets([tp])):
        if record.key == key:
            found, value = True, record.value
    return found, value


def _read_to(consumer: KafkaConsumer, ends: dict[TopicPartition, int]) -> Iterator[Any]:
    """The records of the assigned partitions from their positions up to `ends` (the end
    offsets when reading began): a bounded read, whatever producers add meanwhile."""
    deadline = time.monotonic() + READ_TO_END_SECONDS
    while any(consumer.position(tp) < end for tp, end in ends.items()):
        if time.monotonic() > deadline:
            behind = [
                f"{tp.topic}[{tp.partition}]"
                for tp, end in ends.items()
                if consumer.position(tp) < end
            ]
            raise KafkaDeliveryError(f"{', '.join(behind)} could not be read to the end")
        for tp, records in consumer.poll(timeout_ms=1000, max_records=5000).items():
            end = ends.get(tp, 0)
            for record in records:
                if record.offset >= end:
                    break
                yield record


@dataclass(frozen=True)
class ReadRecord:
    """One record as a tool reads it back: where it sits and what it holds."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


class TopicReader:
    """Reads a whole topic up to its end as it stands when reading begins, from the beginning or,
    with a consumer group, from where that group last committed; `commit` then records that
    everything read was handled, so the next reader of that group starts after it. Each
    `records()` reads the same stretch again (a second pass reads what the first one chose)."""

    def __init__(self, settings: Settings, topic: str, *, group_id: str | None = None) -> None:
        self.topic = topic
        self.group_id = group_id
        try:
            self._consumer = KafkaConsumer(
                bootstrap_servers=_servers(settings),
                **_security(settings),
                group_id=group_id,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                client_id="netra-reader",
            )
        except (KafkaTimeoutError, KafkaConnectionError) as exc:
            raise unavailable(settings) from exc
        self._settings = settings
        try:
            with self._errors("reading"):
                self._partitions, self._ends, self._starts = self._stretch()
        except BaseException:
            self._consumer.close()
            raise

    def _errors(self, doing: str) -> AbstractContextManager[None]:
        group = f" as group {self.group_id}" if self.group_id else ""
        return kafka_errors(
            self._settings,
            doing=f"{doing} {self.topic}{group}",
            topic=self.topic,
            group=self.group_id,
        )

    def _stretch(
        self,
    ) -> tuple[list[TopicPartition], dict[TopicPartition, int], dict[TopicPartition, int]]:
        """The partitions, the end offsets to read to and the positions to start from (the
        group's committed offsets, or the beginning)."""
        partitions = sorted(self._consumer.partitions_for_topic(self.topic) or [])
        if not partitions:
            raise no_topic(self._settings, self.topic)
        tps = [TopicPartition(self.topic, p) for p in partitions]
        self._consumer.assign(tps)
        if self.group_id is None:
            self._consumer.seek_to_beginning(*tps)
        ends: dict[TopicPartition, int] = self._consumer.end_offsets(tps)
        return tps, ends, {tp: self._consumer.position(tp) for tp in tps}

    def records(self) -> Iterator[ReadRecord]:
        with self._errors("reading"):
            for tp, start in self._starts.items():
                self._consumer.seek(tp, start)
            for record in _read_to(self._consumer, self._ends):
                yield ReadRecord(record.partition, record.offset, record.key, record.value)

    def commit(self) -> None:
        """Commit the group's offsets at the ends read to (only with a group);
        KafkaDeliveryError when Kafka refuses (KafkaRefusedError: an ACL), KafkaUnavailableError
        when it cannot be reached."""
        if self.group_id is None:
            raise ValueError("a reader without a consumer group commits nothing")
        # refused (the group has members of its own, the principal may not use it, ...)
        with self._errors("committing what was read of"):
            self._consumer.commit(
                {tp: OffsetAndMetadata(end, "", -1) for tp, end in self._ends.items()}
            )

    def close(self) -> None:
        self._consumer.close()

    def __enter__(self) -> TopicReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
