"""A batch that fills by count or by time: what the indexer sends to Elasticsearch in one bulk.

Kept apart from the agent so its rules are tested without Kafka or a clock: a batch is due when
it holds `max_items`, or when its first item has waited `linger_seconds`; an empty batch is
never due; taking it empties it and restarts the clock at the next item; items put back after
a failed write are due at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Batch(Generic[T]):
    def __init__(
        self,
        max_items: int,
        linger_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_items < 1 or linger_seconds <= 0:
            raise ValueError("a batch holds at least one item and lingers a positive time")
        self.max_items = max_items
        self.linger_seconds = linger_seconds
        self._clock = clock
        self._items: list[T] = []
        self._first_at = 0.0

    def __len__(self) -> int:
        return len(self._items)

    def add(self, item: T) -> bool:
        """Add one item; True when the batch is now full (take it before adding more)."""
        if not self._items:
            self._first_at = self._clock()
        self._items.append(item)
        return self.full

    @property
    def full(self) -> bool:
        return len(self._items) >= self.max_items

    def due(self) -> bool:
        """Full, or holding an item that has waited its linger time."""
        if not self._items:
            return False
        return self.full or self._clock() - self._first_at >= self.linger_seconds

    def take(self) -> list[T]:
        """Every item, oldest first; the batch is empty afterwards."""
        items, self._items = self._items, []
        return items

    def put_back(self, items: list[T]) -> None:
        """Items taken and not handled (their write failed) go back before any added since,
        oldest first; they are due again at once, so the next look tries them again."""
        if not items:
            return
        self._items = items + self._items
        self._first_at = self._clock() - self.linger_seconds
