"""Acknowledging only what Kafka stored (pure logic: futures stand in for the producer)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from typing import Any

import pytest

from agents.delivery import AckAfterDelivery, Sent, first_failure, until_delivered
from streams import metrics
from streams.delivered import DeliveredOffsets
from streams.logfilter import RepeatLimiter
from streams.offsettrace import OffsetTrace


class RefusedError(Exception):
    pass


def done(result: Any = None, error: BaseException | None = None) -> asyncio.Future[Any]:
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
    return future


class Recorder:
    def __init__(self) -> None:
        self.acked: list[str] = []
        self.rescued: list[tuple[str, str]] = []

    async def ack(self, event: str) -> None:
        self.acked.append(event)

    async def rescue(self, event: str, output: Sent, error: BaseException) -> None:
        self.rescued.append((event, output.topic))


def tracker(recorder: Recorder) -> AckAfterDelivery:
    """Events are named "<partition>-<n>": events of one partition share the part before "-"."""
    return AckAfterDelivery(
        stage="test",
        ack=recorder.ack,
        rescue=recorder.rescue,
        limiter=RepeatLimiter(),
        partition=lambda event: event.split("-")[0],
    )


def test_an_event_without_outputs_is_acknowledged_at_once() -> None:
    async def scenario() -> Recorder:
        recorder = Recorder()
        await tracker(recorder).settle("p0-1", [])
        return recorder

    assert asyncio.run(scenario()).acked == ["p0-1"]


def test_an_event_waits_for_every_output_before_it_is_acknowledged() -> None:
    async def scenario() -> tuple[list[str], list[str], int]:
        recorder = Recorder()
        delivery = tracker(recorder)
        flag: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        await delivery.settle("e1", [Sent("flags", flag), Sent("rules", done())])
        await asyncio.sleep(0)
        before = list(recorder.acked)
        waiting = delivery.pending
        flag.set_result("stored")
        await delivery.drain()
        return before, recorder.acked, waiting

    before, after, waiting = asyncio.run(scenario())
    assert before == [] and waiting == 1
    assert after == ["e1"]


def test_a_refused_output_dead_letters_the_event_before_it_is_acknowledged() -> None:
    async def scenario() -> Recorder:
        recorder = Recorder()
        delivery = tracker(recorder)
        await delivery.settle("e1", [Sent("flags", done(error=RefusedError("too large")))])
        await delivery.settle("e2", [Sent("flags", done())])
        await delivery.drain()
        return recorder

    counter = metrics.OUTPUT_FAILURES.labels(stage="test", topic="flags")
    before = counter._value.get()
    recorder = asyncio.run(scenario())
    assert recorder.rescued == [("e1", "flags")]
    assert sorted(recorder.acked) == ["e1", "e2"]
    assert counter._value.get() == before + 1


def test_events_are_acknowledged_in_their_partitions_order() -> None:
    """Faust commits past one unacknowledged offset at the head of a partition: an event still
    waiting for its flag must hold back the events after it, or a crash would lose it."""

    async def scenario() -> tuple[list[str], list[str], int]:
        recorder = Recorder()
        delivery = tracker(recorder)
        flag: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        await delivery.settle("p0-1", [Sent("flags", flag)])
        await delivery.settle("p0-2", [])  # passed: nothing to wait for, but p0-1 is earlier
        await delivery.settle("p0-3", [Sent("flags", done())])
        await delivery.settle("p1-1", [])  # another partition does not wait for p0
        for _ in range(3):
            await asyncio.sleep(0)
        before = list(recorder.acked)
        waiting = delivery.pending
        flag.set_result("stored")
        await delivery.drain()
        return before, recorder.acked, waiting

    before, after, waiting = asyncio.run(scenario())
    assert before == ["p1-1"] and waiting == 3
    assert after == ["p1-1", "p0-1", "p0-2", "p0-3"]


def test_first_failure_names_the_refused_output() -> None:
    async def scenario() -> tuple[Sent, BaseException] | None:
        return await first_failure(
            [Sent("a", done()), Sent("b", done(error=RefusedError("no"))), Sent("c", done())]
        )

    found = asyncio.run(scenario())
    assert found is not None and found[0].topic == "b" and isinstance(found[1], RefusedError)


def test_the_last_resort_is_retried_with_backoff_until_kafka_takes_it() -> None:
    attempts: list[int] = []
    slept: list[float] = []

    async def send() -> asyncio.Future[Any]:
        attempts.append(1)
        if len(attempts) < 4:
            return done(error=RefusedError("broker unavailable"))
        return done("stored")

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    asyncio.run(until_delivered(send, topic="dl", stage="test", max_backoff=0.5, sleep=sleep))
    assert len(attempts) == 4
    assert slept == [0.2, 0.4, 0.5]


def test_a_send_that_raises_before_delivery_is_retried_too() -> None:
    calls: list[int] = []

    async def send() -> asyncio.Future[Any]:
        calls.append(1)
        if len(calls) == 1:
            raise RefusedError("buffer full")
        return done("stored")

    async def sleep(seconds: float) -> None:
        return None

    asyncio.run(until_delivered(send, topic="dl", stage="test", sleep=sleep))
    assert len(calls) == 2


def test_the_trace_names_each_event_as_it_is_acknowledged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With the trace on, an event acknowledged shows as such (streams.offsettrace)."""

    async def scenario() -> None:
        recorder = Recorder()
        delivery = AckAfterDelivery(
            stage="test",
            ack=recorder.ack,
            rescue=recorder.rescue,
            partition=lambda event: event.message.partition,
            trace=OffsetTrace(on=True),
        )
        later = asyncio.get_running_loop().create_future()
        await delivery.settle(message_event(70), [Sent("flags", later)])
        await delivery.settle(message_event(71), [])
        later.set_result(None)
        await delivery.drain()

    with caplog.at_level(logging.INFO, logger="netra.offsets"):
        asyncio.run(scenario())
    assert [r.getMessage() for r in caplog.records] == [
        "t.posts/0@70 acknowledged",
        "t.posts/0@71 acknowledged",
    ]


def message_event(offset: int) -> Any:
    """A Faust event as far as acknowledging it goes: its message's place."""
    return SimpleNamespace(message=SimpleNamespace(topic="t.posts", partition=0, offset=offset))


def test_only_events_acknowledged_with_every_output_stored_are_reported_delivered() -> None:
    """The judge skips an event it sees again only when it was reported here: 71 waits for
    its flag (not reported while in flight), 72 had its flag refused and was dead-lettered
    (never reported: judged again it goes the normal way), and reports follow the partition's
    order of acknowledgement."""

    async def scenario() -> tuple[list[int], list[int], list[int]]:
        recorder = Recorder()
        marks = DeliveredOffsets()
        reported: list[int] = []

        def delivered(event: Any) -> None:
            reported.append(event.message.offset)
            marks.delivered(event.message.partition, event.message.offset)

        delivery = AckAfterDelivery(
            stage="test",
            ack=recorder.ack,
            rescue=recorder.rescue,
            partition=lambda event: event.message.partition,
            delivered=delivered,
        )
        flag: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        await delivery.settle(message_event(70), [])
        await delivery.settle(message_event(71), [Sent("flags", flag)])
        await delivery.settle(message_event(72), [Sent("flags", done(error=RefusedError()))])
        await delivery.settle(message_event(73), [Sent("flags", done())])
        await asyncio.sleep(0)
        in_flight = [o for o in range(70, 74) if marks.holds(0, o)]
        flag.set_result(None)
        await delivery.drain()
        return in_flight, reported, [o for o in range(70, 74) if marks.holds(0, o)]

    in_flight, reported, held = asyncio.run(scenario())
    assert in_flight == [70]
    assert reported == [70, 71, 73]
    assert held == [73]  # 72 is a hole: the run starts again at 73
