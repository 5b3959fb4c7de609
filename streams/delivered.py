"""Which consumed events this worker process has judged and seen delivered, per partition.

The consumer seeks its partitions back to the committed offsets at every start of the streams
and after every rebalance (streams.consumer), so events already judged, whose outputs Kafka
already stored, come again. Judged again they were published again: a second flag on the flags
topic that the indexer and the capture agent handle again (a second screenshot no record
names), dead letters and re-keys written twice, the judge's CPU spent twice. An event is
acknowledged only once its outputs are stored, in its partition's order (agents.delivery), so
what this process acknowledged of a partition is a run of offsets, and an event inside the run
is a repeat that may be acknowledged without being judged: its outputs are stored whoever
judges after it, and its first judgement stands even if the rule pack changed since.

The run is one stretch of consecutive offsets per partition, `first` to `last`, not merely a
high-water mark: the first offset this process acknowledged is rarely 0, and an offset missing
from the acknowledged ones (an event whose output Kafka refused and that went to the dead-letter
topic, an event Faust dropped before the agent saw it) must not be covered. An acknowledgement
that does not follow the run (a hole before it, or an offset below the run after a seek to an
earlier offset) starts a new run there and forgets the old one: fewer repeats skipped, never
an event skipped that was not judged and delivered here.

A run stays valid when the partition is taken away and given back: the outputs it covers are
stored. Another worker taking the partition over has no runs and judges as before. A topic
deleted and created again under the same name restarts its offsets at 0, and a run of the old
log would skip the new one's events: the consumer forgets a partition's run when it finds the
log replaced (`log_replaced`).

An event of the old log can still be on its way then: handed to the judge before the consumer
found the log replaced (with no rebalance nothing waits for it), its outputs not yet stored.
Acknowledged late, its offset would join the new log's acknowledged offsets in Faust, where a
commit could pass the new log's event at that offset unprocessed, and its run here would skip
that event as a repeat. The consumer retires such messages when it forgets the run (`forget`);
`record` ignores a retired one and the consumer drops its acknowledgement.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any
from weakref import WeakSet


class DeliveredOffsets:
    """Per partition, the run of consecutive offsets this process acknowledged with every
    output stored."""

    def __init__(self) -> None:
        self._runs: dict[Hashable, tuple[int, int]] = {}
        # Messages of replaced logs still on their way (weak: gone with the message).
        self._retired: WeakSet[Any] = WeakSet()

    def delivered(self, partition: Hashable, offset: int) -> None:
        """The event at `offset` was acknowledged with all its outputs stored (acknowledgements
        come in the partition's order)."""
        run = self._runs.get(partition)
        if run is not None:
            first, last = run
            if first <= offset <= last:
                return
            if offset == last + 1:
                self._runs[partition] = (first, offset)
                return
        self._runs[partition] = (offset, offset)

    def record(self, message: Any) -> None:
        """`delivered` for a Faust message, unless it belongs to a replaced log (retired)."""
        if message in self._retired:
            return
        self.delivered(message.tp, message.offset)

    def retired(self, message: Any) -> bool:
        """Whether `message` was handed on from a log replaced since (see `forget`)."""
        return bool(self._retired) and message in self._retired

    def holds(self, partition: Hashable, offset: int) -> bool:
        """Whether the event at `offset` was judged here and its outputs are stored."""
        run = self._runs.get(partition)
        return run is not None and run[0] <= offset <= run[1]

    def highest(self, partition: Hashable) -> int | None:
        """The last offset of the partition's run (None: no run)."""
        run = self._runs.get(partition)
        return run[1] if run is not None else None

    def forget(self, partition: Hashable, in_flight: Iterable[Any] = ()) -> None:
        """Drop the partition's run (its log was replaced) and retire `in_flight`, the messages
        of the old log handed on and not acknowledged yet."""
        self._runs.pop(partition, None)
        self._retired.update(in_flight)


def log_replaced(
    known: int | None, found: int | None, log_end: int | None, highest: int | None
) -> bool:
    """Whether a partition's log is no longer the one this process read, from what a seek finds.

    `known` is the committed offset this consumer last knew (its own commit or the one it found),
    `found` the one the broker has now (None: none), `log_end` the partition's end offset and
    `highest` the last offset of the partition's run of delivered events. A group's committed
    offset never moves back while the group lives: the broker drops it with a deleted topic,
    and an operator resets offsets only with the group stopped, which ends this process. A log
    never loses a record it stored, so a log ending at or before an offset whose outputs were
    stored from it is a new log (a topic created again, and nothing committed from the old one
    yet)."""
    if known and (found is None or found < known):
        return True
    return log_end is not None and highest is not None and log_end <= highest
