"""Kafka's refusals, a missing broker and timeouts reach a person as one message that names
what failed and what to do (never a kafka-python traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
import typer
from kafka import TopicPartition
from kafka.errors import (
    ClusterAuthorizationFailedError,
    CommitFailedError,
    GroupAuthorizationFailedError,
    KafkaConnectionError,
    KafkaTimeoutError,
    TopicAuthorizationFailedError,
)
from typer.testing import CliRunner

from netra import kafka_tools
from netra.cli import deadletters as deadletters_cli
from netra.kafka_errors import (
    KafkaDeliveryError,
    KafkaRefusedError,
    KafkaUnavailableError,
    explain,
    kafka_errors,
    no_topic,
)
from streams.settings import Settings

TEST_CA = Path(__file__).resolve().parents[2] / "data" / "kafka-test-ca.pem"
GROUP = "netra.replay.index_rejected"
TOPIC = "netra.deadletters"


def secure() -> Settings:
    return Settings.model_validate(
        {
            "kafka_bootstrap": "127.0.0.1:29095",
            "kafka_security_protocol": "SASL_SSL",
            "kafka_username": "netra-worker",
            "kafka_password": "s3cret-pw",
            "kafka_ca_file": TEST_CA,
        }
    )


def test_a_refused_group_names_the_group_the_principal_and_the_grant() -> None:
    error = explain(
        GroupAuthorizationFailedError(), secure(), doing="reading", topic=TOPIC, group=GROUP
    )
    assert isinstance(error, KafkaRefusedError)
    message = str(error)
    assert f"group {GROUP}" in message
    assert "User:netra-worker" in message
    assert "READ" in message
    assert "netra topics grant User:netra-worker" in message
    assert "Authenticated, encrypted Kafka" in message


def test_a_refused_topic_names_the_topic_not_the_group() -> None:
    error = explain(
        TopicAuthorizationFailedError(), secure(), doing="reading", topic=TOPIC, group=GROUP
    )
    assert isinstance(error, KafkaRefusedError)
    assert f"topic {TOPIC}" in str(error)
    assert GROUP not in str(error)


def test_a_refused_cluster_operation_says_it_takes_an_admin() -> None:
    error = explain(
        ClusterAuthorizationFailedError(), secure(), doing="granting ACLs", topic=None, group=None
    )
    assert isinstance(error, KafkaRefusedError)
    assert "super user" in str(error)


def test_no_broker_and_a_timeout_are_unavailable_with_where_it_looked() -> None:
    down = explain(KafkaConnectionError(), secure(), doing="reading", topic=TOPIC, group=None)
    slow = explain(KafkaTimeoutError(), secure(), doing="reading", topic=TOPIC, group=None)
    assert isinstance(down, KafkaUnavailableError)
    assert isinstance(slow, KafkaUnavailableError)
    assert "127.0.0.1:29095" in str(down)
    assert "did not answer in time" in str(slow)


def test_any_other_kafka_error_is_a_delivery_error_naming_its_kind() -> None:
    error = explain(CommitFailedError("rebalanced"), secure(), doing="x", topic=None, group=GROUP)
    assert type(error) is KafkaDeliveryError
    assert "CommitFailedError" in str(error)


def test_a_topic_hidden_by_acls_is_not_only_called_missing() -> None:
    assert "DESCRIBE" in str(no_topic(secure(), TOPIC))
    plain = no_topic(Settings.model_validate({}), TOPIC)
    assert type(plain) is KafkaDeliveryError
    assert "netra topics create" in str(plain)


def test_the_context_keeps_the_kafka_error_as_the_cause() -> None:
    with (
        pytest.raises(KafkaRefusedError) as caught,
        kafka_errors(secure(), doing="reading", topic=TOPIC, group=GROUP),
    ):
        raise GroupAuthorizationFailedError()
    assert isinstance(caught.value.__cause__, GroupAuthorizationFailedError)


class RefusingConsumer:
    """A kafka-python consumer whose group the broker refuses (what position() meets when it
    fetches the group's committed offsets)."""

    instances: ClassVar[list[RefusingConsumer]] = []

    def __init__(self, **_: Any) -> None:
        self.closed = False
        RefusingConsumer.instances.append(self)

    def partitions_for_topic(self, topic: str) -> set[int]:
        return {0}

    def assign(self, partitions: list[TopicPartition]) -> None:
        pass

    def end_offsets(self, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
        return {tp: 3 for tp in partitions}

    def position(self, tp: TopicPartition) -> int:
        raise GroupAuthorizationFailedError()

    def close(self) -> None:
        self.closed = True


def test_a_reader_refused_its_group_raises_the_message_and_closes_its_consumer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kafka_tools, "KafkaConsumer", RefusingConsumer)
    RefusingConsumer.instances.clear()
    with pytest.raises(KafkaRefusedError, match=f"group {GROUP}"):
        kafka_tools.TopicReader(secure(), TOPIC, group_id=GROUP)
    assert RefusingConsumer.instances[0].closed


def test_replay_refused_its_group_exits_non_zero_with_the_message_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kafka_tools, "KafkaConsumer", RefusingConsumer)
    monkeypatch.setattr(deadletters_cli, "Settings", secure)
    app = typer.Typer()
    deadletters_cli.register(app)
    app.command("noop", hidden=True)(lambda: None)
    result = CliRunner().invoke(app, ["deadletters", "replay", "index_rejected"])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    output = " ".join(result.output.split())  # the console wraps long lines
    assert (
        "Kafka refused User:netra-worker the consumer group netra.replay.index_rejected" in output
    )
