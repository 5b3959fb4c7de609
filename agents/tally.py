"""Counts gathered over a batch and added to the Prometheus counters once per label set.

A labelled counter takes a lock and builds a key on every increment; the judge would pay it
several times per event. A tally collects a batch's counts in a plain dict and adds each label
set's total once, with each counter's child looked up once for the worker's life.
"""

from __future__ import annotations

from collections import Counter as Counts
from typing import Any


class Tally:
    """Counts per (counter, labels) of one batch, added to the counters by `flush`."""

    def __init__(self) -> None:
        self._counts: Counts[tuple[Any, tuple[str, ...]]] = Counts()
        self._children: dict[tuple[Any, tuple[str, ...]], Any] = {}

    def add(self, counter: Any, *labels: str, n: int = 1) -> None:
        self._counts[(counter, labels)] += n

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
        self._counts.clear()
