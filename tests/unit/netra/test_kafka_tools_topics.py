"""`create_topics` answers only once the broker shows the topics it made, with every partition
led: a worker joining before that gets none of their partitions until its next metadata
refresh."""

from __future__ import annotations

from typing import Any

import pytest

from netra.kafka_tools import KafkaUnavailableError, wait_until_described
from streams.settings import Settings
from streams.topics import TopicSpec


class DescribingAdmin:
    """Describes each topic as the broker does while its metadata arrives: for the first
    `unseen` calls with no partitions, then with partitions whose leaders appear one call at a
    time."""

    def __init__(self, partitions: int, unseen: int) -> None:
        self.partitions = partitions
        self.unseen = unseen
        self.calls = 0

    def describe_topics(self, topics: list[str]) -> list[dict[str, Any]]:
        self.calls += 1
        led = max(0, self.calls - self.unseen)
        return [
            {
                "name": name,
                "error_code": 3 if self.calls <= self.unseen else 0,
                "partitions": []
                if self.calls <= self.unseen
                else [
                    {"partition_index": i, "leader_id": 1 if i < led else -1}
                    for i in range(self.partitions)
                ],
            }
            for name in topics
        ]


def test_it_waits_until_every_partition_of_every_topic_is_led() -> None:
    admin = DescribingAdmin(partitions=3, unseen=2)
    specs = [TopicSpec("a.posts", 3), TopicSpec("a.flags", 3)]
    wait_until_described(admin, specs, Settings(), timeout=10)  # type: ignore[arg-type]
    assert admin.calls == 2 + 3


def test_nothing_created_asks_the_broker_nothing() -> None:
    admin = DescribingAdmin(partitions=1, unseen=0)
    wait_until_described(admin, [], Settings(), timeout=10)  # type: ignore[arg-type]
    assert admin.calls == 0


def test_topics_that_never_show_are_a_clear_error() -> None:
    admin = DescribingAdmin(partitions=2, unseen=10**9)
    with pytest.raises(KafkaUnavailableError, match=r"a\.posts.*does not show all"):
        wait_until_described(admin, [TopicSpec("a.posts", 2)], Settings(), timeout=0.3)
