"""The indexer's batch (due by count or by the linger time of its oldest item, never empty)
and what writes it (`Flusher`: a failed write neither stalls a partition nor loses an item)."""

from __future__ import annotations

import asyncio

import pytest

from agents.batching import Batch, Flusher


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_full_by_count() -> None:
    batch: Batch[int] = Batch(3, 1.0, Clock())
    assert [batch.add(i) for i in range(3)] == [False, False, True]
    assert batch.due() and batch.take() == [0, 1, 2]
    assert len(batch) == 0 and not batch.due()


def test_due_when_the_oldest_item_has_lingered() -> None:
    clock = Clock()
    batch: Batch[str] = Batch(100, 0.2, clock)
    assert not batch.due()
    batch.add("a")
    clock.now += 0.15
    batch.add("b")
    assert not batch.due()
    clock.now += 0.05
    assert batch.due() and batch.take() == ["a", "b"]


def test_the_clock_restarts_with_the_next_item() -> None:
    clock = Clock()
    batch: Batch[str] = Batch(100, 0.2, clock)
    batch.add("a")
    clock.now += 5
    batch.take()
    batch.add("b")
    assert not batch.due()
    clock.now += 0.2
    assert batch.due()


@pytest.mark.parametrize(("size", "linger"), [(0, 1.0), (1, 0.0)])
def test_nonsense_limits_are_refused(size: int, linger: float) -> None:
    with pytest.raises(ValueError, match="at least one item"):
        Batch(size, linger)


def test_items_put_back_after_a_failed_write_come_first_and_are_due_at_once() -> None:
    now = [0.0]
    batch: Batch[int] = Batch(10, 5.0, clock=lambda: now[0])
    batch.add(1)
    batch.add(2)
    taken = batch.take()
    batch.add(3)  # arrived while the write was failing
    batch.put_back(taken)
    assert batch.due()
    assert batch.take() == [1, 2, 3]
    batch.put_back([])
    assert not batch.due()


class Recorder:
    """What a Flusher did: items written per call, acknowledged and dead-lettered."""

    def __init__(self, bad: set[int] = frozenset(), letters_fail: bool = False) -> None:
        self.bad = set(bad)
        self.letters_fail = letters_fail
        self.writes: list[list[int]] = []
        self.done: list[int] = []
        self.letters: list[tuple[int, str]] = []
        self.slept: list[float] = []

    async def write(self, items: list[int]) -> None:
        if self.bad.intersection(items):
            raise ValueError(f"cannot write {sorted(self.bad.intersection(items))}")
        self.writes.append(items)

    async def ack(self, item: int) -> None:
        self.done.append(item)

    async def dead_letter(self, item: int, error: str) -> None:
        if self.letters_fail:
            raise ConnectionError("dead-letter topic unreachable")
        self.letters.append((item, error))

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def flusher(self, items: list[int]) -> Flusher[int]:
        batch: Batch[int] = Batch(100, 5.0)
        for item in items:
            batch.add(item)
        return Flusher(batch, self.write, self.ack, self.dead_letter, 2.0, sleep=self.sleep)


def test_a_batch_is_written_once_then_acknowledged_in_order() -> None:
    rec = Recorder()
    asyncio.run(rec.flusher([1, 2, 3]).flush())
    assert rec.writes == [[1, 2, 3]] and rec.done == [1, 2, 3] and not rec.letters


def test_an_item_that_fails_alone_is_dead_lettered_and_the_rest_written() -> None:
    rec = Recorder(bad={2})
    flusher = rec.flusher([1, 2, 3])
    asyncio.run(flusher.flush())
    assert rec.writes == [[1], [3]]
    assert rec.letters == [(2, "ValueError: cannot write [2]")]
    assert rec.done == [1, 2, 3], "every item acknowledged: nothing stalls, nothing vanishes"
    assert not len(flusher.batch)


def test_when_nothing_can_be_done_the_items_are_kept_unacknowledged() -> None:
    rec = Recorder(bad={2}, letters_fail=True)
    flusher = rec.flusher([1, 2, 3])
    asyncio.run(flusher.flush())
    assert rec.done == [] and rec.slept == [2.0]
    assert flusher.batch.due() and flusher.batch.take() == [1, 2, 3]
