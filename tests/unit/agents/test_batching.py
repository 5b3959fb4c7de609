"""The indexer's batch: due by count or by the linger time of its oldest item, never empty."""

from __future__ import annotations

import pytest

from agents.batching import Batch


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
