"""Counts gathered over a batch and added to the Prometheus counters once per label set.

A labelled counter takes a lock and builds a key on every increment; the judge would pay it
several times per event. A tally collects a batch's counts in a plain dict and adds each label
set's total once, with each counter's child looked up once for the worker's life.

An event can be judged twice by the same worker: after a recovery the consumer seeks its
partitions back to the committed offsets (streams.consumer), and a partition taken away and
given back starts again at its committed offset. Its outputs are harmless twice (a flag's id is
the same), its counts are not: `CountedOffsets` keeps the highest offset counted per partition
so that such an event's tally is discarded instead of added (`CountsOnce`).
"""

from __future__ import annotations

from collections import Counter as Counts
from collections.abc import Hashable
from typing import Any


class Tally:
    """Counts per (counter, labels) of one batch, added to the counters by `flush`."""

    def __init__(self) -> None:
        self._counts: Counts[tuple[Any, tuple[str, ...]]] = Counts()
        self._children: dict[tuple[Any, tuple[str, ...]], Any] = {}
        self._observed: list[tuple[Any, float]] = []

    def add(self, counter: Any, *labels: str, n: int = 1) -> None:
        self._counts[(counter, labels)] += n

    def observe(self, histogram: Any, value: float) -> None:
        """One observation of an unlabelled histogram, made at the next `flush`."""
        self._observed.append((histogram, value))

    def __len__(self) -> int:
        return len(self._counts)

    def flush(self) -> None:
        """Add every count to its counter (its child for the labels) and start again."""
        for key, n in self._counts.items():
            child = self._children.get(key)
            if child is None:
                counter, labels = key
                child = self._children[key] = counter.labels(*labels) if labels else counter
            child.inc(n)
        for histogram, value in self._observed:
            histogram.observe(value)
        self.discard()

    def discard(self) -> None:
        """Drop every count and observation (an event counted before) and start again."""
        self._counts.clear()
        self._observed.clear()


class CountedOffsets:
    """The highest offset counted per partition, so that an event judged again is counted once."""

    def __init__(self) -> None:
        self._highest: dict[Hashable, int] = {}

    def first_time(self, partition: Hashable, offset: int) -> bool:
        """True for an offset above every one counted on `partition` (then counted from now on),
        False for one counted before."""
        if offset <= self._highest.get(partition, -1):
            return False
        self._highest[partition] = offset
        return True


class CountsOnce:
    """The counts of a stream of events, each event's counted the first time its offset comes.

    Counts accumulate in one tally that `flush` adds to the counters (the worker flushes it on a
    timer, so an event pays for dict increments, not for the counters' locks); an event judged
    again gets a scratch tally that is thrown away."""

    def __init__(self, again: Any = None) -> None:
        """`again`, a counter, counts each event that comes again (in the kept tally)."""
        self.tally = Tally()
        self._again = Tally()
        self._counted = CountedOffsets()
        self._again_counter = again

    def for_event(self, partition: Hashable, offset: int) -> Tally:
        """The tally the event at `offset` of `partition` counts into."""
        if self._counted.first_time(partition, offset):
            return self.tally
        if self._again_counter is not None:
            self.tally.add(self._again_counter)
        self._again.discard()
        return self._again

    def flush(self) -> None:
        self.tally.flush()
