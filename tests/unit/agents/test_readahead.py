"""Taking the events buffered behind the one a Faust stream yielded, with Faust's bookkeeping.

A real Faust app, stream, channel queue and consumer (no broker: nothing here connects), fed as
Faust's conductor feeds a stream: one reference per message, the event put on the queue."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import faust
import pytest
from faust.events import Event
from faust.streams import current_event
from faust.types import TP
from faust.types.tuples import ConsumerMessage

from agents.readahead import Readahead

TOPIC = "t.readahead"
PARTITION = TP(TOPIC, 0)


class Feed:
    """A Faust app with one manual-ack stream over `TOPIC`, and a way to buffer its events."""

    def __init__(self, app: Any, stream: Any) -> None:
        self.app = app
        self.stream = stream
        self.queue = stream.channel.queue

    def put(self, offset: int, generation: int | None = None) -> Event:
        generation = self.app.consumer_generation_id if generation is None else generation
        message = ConsumerMessage(
            TOPIC, 0, offset, 0.0, 0, None, b"k", b"v", None, generation_id=generation
        )
        message.incref()  # the conductor's reference: one per stream reading the topic
        event = Event(self.app, b"k", b"v", None, message)
        self.queue.put_nowait(event)
        return event

    async def first(self) -> Any:
        """The event the stream's own iterator yields next."""
        return await self.stream.events().__anext__()

    @property
    def unacked(self) -> set[int]:
        return {m.offset for m in self.app.consumer._unacked_messages}

    def commit_offset(self) -> int | None:
        """The offset the consumer would commit for the partition now."""
        offset: int | None = self.app.consumer._new_offset(PARTITION)
        return offset


def run(scenario: Callable[[Feed], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        app = faust.App("netra-unit-readahead", broker="kafka://127.0.0.1:1", store="memory://")
        topic = app.topic(TOPIC)
        app.topics.add(topic)
        await app.topics._update_indices()
        app.flow_control.resume()  # as the worker does once partitions are assigned
        return await scenario(Feed(app, app.stream(topic).noack()))

    return asyncio.run(main())


def test_the_events_behind_the_first_are_taken_up_to_the_bound() -> None:
    async def scenario(feed: Feed) -> tuple[list[int], int]:
        for offset in range(5):
            feed.put(offset)
        batch = Readahead(feed.stream, max_events=3).batch(await feed.first())
        return [e.message.offset for e in batch], feed.queue.qsize()

    assert run(scenario) == ([0, 1, 2], 2)


def test_an_empty_buffer_gives_the_first_event_alone() -> None:
    async def scenario(feed: Feed) -> list[int]:
        feed.put(7)
        batch = Readahead(feed.stream, max_events=100).batch(await feed.first())
        return [e.message.offset for e in batch]

    assert run(scenario) == [7]


def test_taken_events_are_tracked_and_committed_only_once_acknowledged() -> None:
    async def scenario(feed: Feed) -> tuple[set[int], int | None, int | None, set[int]]:
        for offset in range(4):
            feed.put(offset)
        batch = Readahead(feed.stream, max_events=10).batch(await feed.first())
        unacked = feed.unacked
        for event in batch[:2]:
            await feed.stream.ack(event)
        partly = feed.commit_offset()
        for event in batch[2:]:
            await feed.stream.ack(event)
        return unacked, partly, feed.commit_offset(), feed.unacked

    unacked, partly, whole, left = run(scenario)
    assert unacked == {0, 1, 2, 3}  # a rebalance waits for all of them
    assert partly == 2  # the commit covers what was acknowledged, nothing past it
    assert whole == 4
    assert left == set()


def test_nothing_is_taken_while_flow_control_is_suspended() -> None:
    async def scenario(feed: Feed) -> tuple[list[int], int, set[int]]:
        feed.put(0)
        feed.put(1)
        first = await feed.first()
        feed.app.flow_control.suspend()
        batch = Readahead(feed.stream, max_events=10).batch(first)
        return [e.message.offset for e in batch], feed.queue.qsize(), feed.unacked

    assert run(scenario) == ([0], 1, {0})


def test_an_event_fetched_before_a_rebalance_is_dropped_as_faust_drops_it() -> None:
    async def scenario(feed: Feed) -> tuple[list[int], int, set[int]]:
        feed.put(0)
        feed.put(1, generation=feed.app.consumer_generation_id - 1)
        feed.put(2)
        batch = Readahead(feed.stream, max_events=10).batch(await feed.first())
        return [e.message.offset for e in batch], feed.queue.qsize(), feed.unacked

    # offset 1 is neither processed nor tracked (it is fetched again after the rebalance's
    # seek); taking stops there
    assert run(scenario) == ([0], 1, {0})


def test_an_error_thrown_into_the_channel_is_left_for_the_stream_to_raise() -> None:
    async def scenario(feed: Feed) -> tuple[list[int], bool]:
        feed.put(0)
        feed.put(1)
        first = await feed.first()
        await feed.queue.throw(RuntimeError("thrown"))
        batch = Readahead(feed.stream, max_events=10).batch(first)
        with pytest.raises(RuntimeError, match="thrown"):
            await feed.first()
        return [e.message.offset for e in batch], True

    assert run(scenario) == ([0], True)


def test_the_event_in_hand_is_the_streams_current_event() -> None:
    async def scenario(feed: Feed) -> tuple[int, int]:
        feed.put(0)
        feed.put(1)
        readahead = Readahead(feed.stream, max_events=10)
        first, second = readahead.batch(await feed.first())
        readahead.make_current(second)
        seen = current_event()
        assert seen is not None and feed.stream.current_event is second
        readahead.make_current(first)
        return seen.message.offset, feed.stream.current_event.message.offset

    assert run(scenario) == (1, 0)


def test_a_batch_holds_at_least_one_event() -> None:
    with pytest.raises(ValueError):
        Readahead(object(), max_events=0)
