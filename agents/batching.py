"""A batch that fills by count or by time: what the indexer sends to Elasticsearch in one bulk.

Kept apart from the agent so its rules are tested without Kafka or a clock: a batch is due when
it holds `max_items`, or when its first item has waited `linger_seconds`; an empty batch is
never due; taking it empties it and restarts the clock at the next item; items put back after
a failed write are due at once. `Flusher` writes a batch and acknowledges it, and decides what a
failed write does (item by item, the dead letters, or the batch kept), tested with plain
coroutines for the write, the acknowledgement and the dead letter.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


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


class Flusher(Generic[T]):
    """Writes a batch, then acknowledges each item, in order; what a failed write does.

    `write` stores a list of items (an outage it waits out itself); `done` acknowledges one;
    `dead_letter` sends one item away with the error that stopped it. A write that raises (a
    fault of the code or of one item, not an outage) is tried again item by item: an item that
    fails alone is dead-lettered with its error, the others are written, and every item is
    acknowledged, so one bad flag neither stalls the partition nor vanishes. If even that
    fails (the dead-letter topic unreachable), the items go back to the batch, unacknowledged,
    and are tried again after `retry_after` seconds: nothing is dropped from memory."""

    def __init__(
        self,
        batch: Batch[T],
        write: Callable[[list[T]], Awaitable[None]],
        done: Callable[[T], Awaitable[None]],
        dead_letter: Callable[[T, str], Awaitable[None]],
        retry_after: float,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.batch = batch
        self._write = write
        self._done = done
        self._dead_letter = dead_letter
        self._retry_after = retry_after
        self._sleep = sleep
        self._lock = asyncio.Lock()

    async def flush(self) -> None:
        async with self._lock:
            if not len(self.batch):
                return
            items = self.batch.take()
            try:
                await self._write(items)
            except Exception:
                log.exception("writing %d items failed; trying them one by one", len(items))
                try:
                    await self._one_by_one(items)
                except Exception:
                    self.batch.put_back(items)
                    log.exception("%d items kept, to be tried again", len(items))
                    await self._sleep(self._retry_after)
                    return
            for item in items:
                await self._done(item)

    async def _one_by_one(self, items: list[T]) -> None:
        for item in items:
            try:
                await self._write([item])
            except Exception as exc:
                await self._dead_letter(item, f"{type(exc).__name__}: {exc}")
