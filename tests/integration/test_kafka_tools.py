"""netra.kafka_tools against the local broker: what the tools that send records report."""

from __future__ import annotations

import uuid

import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

from netra.kafka_tools import KafkaDeliveryError, TopicReader, send_records
from streams.settings import Settings
from streams.topics import POSTS_MAX_MESSAGE_BYTES


def new_topic(bootstrap: str, prefix: str) -> str:
    """A topic of one partition, its name unique to this run."""
    topic = f"{prefix}-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.create_topics([NewTopic(topic, 1, 1)])
    finally:
        admin.close()
    return topic


def test_a_record_too_large_to_send_is_reported_and_the_others_are_stored(
    kafka_bootstrap: str,
) -> None:
    topic = new_topic(kafka_bootstrap, "test-send")
    settings = Settings(kafka_bootstrap=kafka_bootstrap)
    too_large = b"x" * (POSTS_MAX_MESSAGE_BYTES + 1)
    records = [(topic, b"a", b"first"), (topic, b"b", too_large), (topic, b"c", b"third")]
    with pytest.raises(KafkaDeliveryError) as raised:
        send_records(settings, records, again="send them again")
    assert "1 of 3 records were not written" in str(raised.value)
    assert "send them again" in str(raised.value)
    consumer = KafkaConsumer(bootstrap_servers=kafka_bootstrap)
    try:
        tp = TopicPartition(topic, 0)
        assert consumer.end_offsets([tp])[tp] == 2, "the records around it are stored"
    finally:
        consumer.close()


def test_a_reader_whose_group_refuses_its_commit_says_so(kafka_bootstrap: str) -> None:
    # A consumer that joined the group by subscribing makes the broker refuse the reader's
    # commit (it is no member): the reader reports it as a delivery error, no kafka-python one.
    topic = new_topic(kafka_bootstrap, "test-reader")
    group = f"test-reader-group-{uuid.uuid4().hex[:8]}"
    member = KafkaConsumer(topic, bootstrap_servers=kafka_bootstrap, group_id=group)
    try:
        for _ in range(10):
            member.poll(timeout_ms=1000)
            if member.assignment():
                break
        assert member.assignment(), "the member joined its group"
        with TopicReader(Settings(kafka_bootstrap=kafka_bootstrap), topic, group_id=group) as r:
            assert list(r.records()) == []
            with pytest.raises(
                KafkaDeliveryError,
                match=f"committing what was read of {topic} as group {group}: CommitFailedError",
            ):
                r.commit()
    finally:
        member.close()


def test_a_reader_reads_the_same_stretch_again_and_its_group_starts_after_it(
    kafka_bootstrap: str,
) -> None:
    """A dead-letter replay reads the topic twice (descriptions, then the chosen messages'
    bytes): both passes see the records from the group's committed offset to the end as it
    stood, and the next reader of the group starts after them."""
    topic = new_topic(kafka_bootstrap, "test-reread")
    settings = Settings(kafka_bootstrap=kafka_bootstrap)
    group = f"test-reread-group-{uuid.uuid4().hex[:8]}"
    send_records(settings, [(topic, None, b"old")], again="")
    with TopicReader(settings, topic, group_id=group) as first:
        assert [r.value for r in first.records()] == [b"old"]
        first.commit()
    send_records(settings, [(topic, None, v) for v in (b"a", b"b")], again="")
    with TopicReader(settings, topic, group_id=group) as reader:
        send_records(settings, [(topic, None, b"later")], again="")  # past the end read to
        once = [(r.offset, r.value) for r in reader.records()]
        again = [(r.offset, r.value) for r in reader.records()]
    assert once == again == [(1, b"a"), (2, b"b")]
