"""The local Kafka is real: both Python clients round-trip messages, topics get partitions."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic

from tests.integration.harness import describe_topic

pytestmark = pytest.mark.integration


def _name(kind: str) -> str:
    return f"netra-stack-test-{kind}-{uuid.uuid4().hex[:8]}"


def _create(bootstrap: str, topic: str, partitions: int) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="netra-stack-test")
    try:
        admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
    finally:
        admin.close()


def test_kafka_python_round_trip(kafka_bootstrap: str) -> None:
    topic = _name("kp")
    _create(kafka_bootstrap, topic, 1)
    payloads = [f"post-{i}-{uuid.uuid4().hex}".encode() for i in range(5)]
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    for p in payloads:
        producer.send(topic, p, key=b"k").get(timeout=30)
    producer.close()

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=_name("group"),
        auto_offset_reset="earliest",
        consumer_timeout_ms=20_000,
    )
    received = []
    for message in consumer:
        received.append(message.value)
        if len(received) == len(payloads):
            break
    consumer.close()
    assert received == payloads


def test_aiokafka_round_trip(kafka_bootstrap: str) -> None:
    """aiokafka is Faust's client: it must speak to this broker version."""
    topic = _name("aio")
    _create(kafka_bootstrap, topic, 1)
    payloads = [f"aio-{i}-{uuid.uuid4().hex}".encode() for i in range(5)]

    async def round_trip() -> list[bytes]:
        producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        await producer.start()
        try:
            for p in payloads:
                await producer.send_and_wait(topic, p)
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=kafka_bootstrap,
            group_id=_name("aiogroup"),
            auto_offset_reset="earliest",
        )
        await consumer.start()
        got: list[bytes] = []
        try:
            while len(got) < len(payloads):
                msg = await asyncio.wait_for(consumer.getone(), timeout=30)
                assert msg.value is not None
                got.append(msg.value)
        finally:
            await consumer.stop()
        return got

    assert asyncio.run(round_trip()) == payloads


def test_topic_with_eight_partitions(kafka_bootstrap: str) -> None:
    topic = _name("p8")
    _create(kafka_bootstrap, topic, 8)
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="netra-stack-test")
    try:
        described = describe_topic(admin, topic)
    finally:
        admin.close()
    partitions = sorted(p["partition_index"] for p in described["partitions"])
    assert partitions == list(range(8))
    consumer = KafkaConsumer(bootstrap_servers=kafka_bootstrap)
    try:
        assert consumer.partitions_for_topic(topic) == set(range(8))
    finally:
        consumer.close()
