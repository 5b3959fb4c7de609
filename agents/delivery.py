"""An event is acknowledged only after Kafka has stored everything it produced.

Faust flushes the producer before it commits, but a record the broker refuses (too large, not
authorised, a topic gone) fails only its own future: the flush returns, the offset is committed
and the output is gone without a trace. Here each event's outputs are awaited in the
background, so the agent goes on judging, and the event is acknowledged (its offset may be
committed) only when all of them are stored. An output that fails sends the event to the
dead-letter topic with the reason; that send is retried until Kafka takes it, so an event is
never acknowledged with nothing downstream.

Events are acknowledged in their partition's order, never out of it: Faust's commit tolerates
one missing offset at the head of a partition's acknowledged offsets (meant for an offset that
holds no record), so an event still waiting for its flag, followed by acknowledged events that
produced nothing, was committed past; a crash then lost it, and its own acknowledgement came
too late to count. In order, a stuck event holds back its partition's commit (the commit-stall
alert) and is judged again after a restart.

Each event acknowledged with every output of its own stored (not one dead-lettered after a
refusal) is reported to `delivered`, in acknowledgement order: the judge keeps those offsets
(streams.delivered) so that an event the consumer hands on again after a seek back is
acknowledged without being judged and published twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from streams import metrics
from streams.logfilter import RepeatLimiter
from streams.offsettrace import OffsetTrace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sent:
    """One output on its way: the topic it went to and the future of its delivery."""

    topic: str
    delivery: Awaitable[Any]


async def first_failure(outputs: Sequence[Sent]) -> tuple[Sent, BaseException] | None:
    """Wait for every output; the first one Kafka refused, with why, or None when all are in."""
    results = await asyncio.gather(*(o.delivery for o in outputs), return_exceptions=True)
    for output, result in zip(outputs, results, strict=True):
        if isinstance(result, BaseException):
            return output, result
    return None


async def until_delivered(
    send: Callable[[], Awaitable[Awaitable[Any]]],
    *,
    topic: str,
    stage: str,
    max_backoff: float = 30.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    limiter: RepeatLimiter | None = None,
) -> None:
    """Send and wait for the broker's acknowledgement, again and again until it comes.

    Used for the last resort (the dead letter), where giving up would lose the event: while
    Kafka refuses, the event stays unacknowledged and the failures are counted."""
    backoff = 0.2
    while True:
        try:
            await (await send())
            return
        except Exception as exc:
            metrics.OUTPUT_FAILURES.labels(stage=stage, topic=topic).inc()
            if limiter is None or limiter.allow(("retry", stage, topic)):
                log.error(
                    "%s: Kafka refused a record for %s (%s: %s); retrying in %.1fs",
                    stage,
                    topic,
                    type(exc).__name__,
                    exc,
                    backoff,
                )
        await sleep(backoff)
        backoff = min(backoff * 2, max_backoff)


@dataclass
class _InFlight:
    """An event settled by the agent, waiting for its turn to be acknowledged."""

    event: Any
    stored: bool = False
    rescued: bool = False  # an output was refused: the event went to the dead-letter topic


def partition_of(event: Any) -> Hashable:
    """The Kafka partition a Faust event came from."""
    tp: Hashable = event.message.tp
    return tp


class AckAfterDelivery:
    """Acknowledges each consumed event once its outputs are stored, in its partition's order,
    without waiting in line: the agent goes on judging while outputs are on their way.

    `ack` acknowledges one event; `rescue` dead-letters an event whose output failed and
    returns when the dead letter is stored (see `until_delivered`); `delivered` learns each
    event acknowledged with all its own outputs stored, after its acknowledgement."""

    def __init__(
        self,
        *,
        stage: str,
        ack: Callable[[Any], Awaitable[Any]],
        rescue: Callable[[Any, Sent, BaseException], Awaitable[None]],
        limiter: RepeatLimiter | None = None,
        partition: Callable[[Any], Hashable] = partition_of,
        trace: OffsetTrace | None = None,
        delivered: Callable[[Any], None] | None = None,
    ) -> None:
        self.stage = stage
        self._ack = ack
        self._rescue = rescue
        self._limiter = limiter or RepeatLimiter()
        self._partition = partition
        self._trace = trace or OffsetTrace()
        self._delivered = delivered
        self._lines: dict[Hashable, deque[_InFlight]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._releasing = asyncio.Lock()  # acknowledgements leave one at a time, in order

    @property
    def pending(self) -> int:
        """Events not acknowledged yet (outputs on their way, or an earlier event's are)."""
        return sum(len(line) for line in self._lines.values())

    async def settle(self, event: Any, outputs: Sequence[Sent]) -> None:
        """Acknowledge `event` once its outputs are stored and every earlier event of its
        partition is acknowledged; at once when it produced nothing and none is waiting."""
        key = self._partition(event)
        entry = _InFlight(event, stored=not outputs)
        self._lines.setdefault(key, deque()).append(entry)
        if entry.stored:
            await self._release(key)
            return
        task = asyncio.ensure_future(self._store(key, entry, list(outputs)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait for every event still in flight (before stopping)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _store(self, key: Hashable, entry: _InFlight, outputs: list[Sent]) -> None:
        failure = await first_failure(outputs)
        if failure is not None:
            output, error = failure
            metrics.OUTPUT_FAILURES.labels(stage=self.stage, topic=output.topic).inc()
            if self._limiter.allow(("refused", self.stage, output.topic)):
                log.error(
                    "%s: Kafka refused the output for %s (%s: %s); the event goes to the "
                    "dead-letter topic",
                    self.stage,
                    output.topic,
                    type(error).__name__,
                    error,
                )
            await self._rescue(entry.event, output, error)
            entry.rescued = True
        entry.stored = True
        await self._release(key)

    async def _release(self, key: Hashable) -> None:
        """Acknowledge the partition's stored events from its oldest on, up to the first one
        still waiting."""
        async with self._releasing:
            line = self._lines.get(key)
            while line and line[0].stored:
                entry = line.popleft()
                if self._trace.enabled:
                    self._trace.event(entry.event.message, "acknowledged")
                await self._ack(entry.event)
                if self._delivered is not None and not entry.rescued:
                    self._delivered(entry.event)
            if line is not None and not line:
                del self._lines[key]
