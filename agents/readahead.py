"""The events already waiting in a Faust stream's buffer, taken without waiting for more.

The judge takes one event from Faust's own stream iterator, then every event already buffered
behind it (up to a bound), and judges them as one batch. Nothing ever waits to fill a batch: when
the buffer is empty the batch is what there is, so no batch is held open across a rebalance or
a takeover (Faust's `take_events` held a buffer open on a timer, and after a rebalance the
stream sometimes stopped delivering).

An event taken here gets the bookkeeping Faust's stream iterator gives the events it yields
(faust/_cython/streams.pyx, `_prepare_event`): it is skipped, untracked and unacknowledged,
when flow control is suspended (a rebalance is under way) or it was fetched before the latest
rebalance, as Faust skips it; otherwise its message is tracked by the consumer (counted as
unacknowledged, so a rebalance waits for it and a commit never passes it) and the sensors see it
enter the stream. Acknowledging stays with the caller (`Stream.ack`, as for the event the
iterator yielded). Errors thrown into the channel are left for Faust's iterator to raise.
"""

from __future__ import annotations

from typing import Any

from faust.types import EventT


class Readahead:
    """Takes the events buffered in `stream`'s channel behind one it yielded, at most
    `max_events` in a batch, never waiting."""

    def __init__(self, stream: Any, max_events: int) -> None:
        if max_events < 1:
            raise ValueError("a batch holds at least the event the stream yielded")
        self.max_events = max_events
        self._stream = stream
        self._app = stream.app
        self._queue = stream.channel.queue

    def batch(self, first: EventT[Any]) -> list[EventT[Any]]:
        """`first` (the event the stream yielded) and the events already behind it, oldest
        first, each made ready as Faust's iterator makes the events it yields."""
        events: list[EventT[Any]] = [first]
        while len(events) < self.max_events and self._waiting():
            event = self._queue.get_nowait()
            if not isinstance(event, EventT):
                raise TypeError(f"the stream's channel holds {type(event).__name__}, not events")
            if not self._current(event):
                break  # a rebalance began: what is left is Faust's to drop after it
            self._enter(event)
            events.append(event)
        return events

    def make_current(self, event: EventT[Any]) -> None:
        """Make `event` the stream's current event (`faust.current_event()`, which tables and
        sends without `force` read) while it is processed."""
        self._stream._set_current_event(event)

    def _waiting(self) -> bool:
        """Events buffered, no error thrown into the channel, and flow control active."""
        queue = self._queue
        return bool(queue.qsize()) and not queue._errors and self._app.flow_control.is_active()

    def _current(self, event: EventT[Any]) -> bool:
        """Whether `event` was fetched in the consumer's current generation and may be
        processed (Faust's iterator skips it otherwise, and so does the batch)."""
        return bool(event.message.generation_id == self._app.consumer_generation_id)

    def _enter(self, event: EventT[Any]) -> None:
        """Track the event's message as unacknowledged and tell the sensors it entered the
        stream, as Faust's iterator does before yielding an event."""
        message = event.message
        consumer = self._app.consumer
        if message.topic in self._app.topics.acking_topics and not message.tracked:
            message.tracked = True
            consumer.track_message(message)
        self._app.sensors.on_stream_event_in(message.tp, message.offset, self._stream, event)
        self._stream.events_total += 1
