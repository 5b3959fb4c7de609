"""The shared front of the small-record agents (pure logic: a scripted stream and topic)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest

from agents.decoding import OnFirstUse, valid_records
from schemas import DeadLetterReason, ReviewVerdict
from tests.unit.agents.deadletter_topic import DeadLetterTopic


@dataclass
class Message:
    value: bytes | None
    key: bytes | None = b"instagram:ig-1"
    topic: str = "netra.reviews"
    partition: int = 0
    offset: int = 0


@dataclass
class Event:
    message: Message


class Stream:
    def __init__(self, values: list[bytes | None]) -> None:
        self.events_in = [Event(Message(v, offset=i)) for i, v in enumerate(values)]

    async def events(self) -> Any:
        for event in self.events_in:
            yield event


GOOD = (
    b'{"flag_id": "instagram:ig-1", "reviewer": "ana", "verdict": "confirm", "note": "n",'
    b' "reviewed_at": "2024-01-20T09:00:00+00:00"}'
)


def test_records_come_through_and_each_bad_message_is_dead_lettered_with_its_reason() -> None:
    topic = DeadLetterTopic()
    stream = Stream([GOOD, b"{not json", None, b"x" * 70_000, GOOD])

    async def collect() -> list[tuple[int, ReviewVerdict]]:
        records = valid_records(stream, ReviewVerdict, deadletter_topic=topic, stage="reviews")
        return [(message.offset, record) async for message, record in records]

    got = asyncio.run(collect())
    assert [offset for offset, _ in got] == [0, 4]
    assert all(r.reviewer == "ana" for _, r in got)
    assert [(d.offset, d.reason) for d in topic.sent] == [
        (1, DeadLetterReason.INVALID_JSON),
        (2, DeadLetterReason.SCHEMA),
        (3, DeadLetterReason.TOO_LARGE),
    ]
    assert {d.stage for d in topic.sent} == {"reviews"}


def test_a_preparation_runs_once_and_again_only_after_it_failed() -> None:
    calls: list[int] = []

    async def prepare() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("cluster away")

    prepared = OnFirstUse(prepare)

    async def use() -> None:
        with pytest.raises(ConnectionError):
            await prepared()
        await prepared()
        await prepared()

    asyncio.run(use())
    assert len(calls) == 2
