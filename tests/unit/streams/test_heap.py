"""The worker's heap frozen after start-up: left out of collections, its garbage cycles freed on
a refreeze."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from streams.heap import freeze_long_lived, refreeze


class Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    yield
    gc.unfreeze()


def test_freezing_leaves_the_live_objects_out_of_collections() -> None:
    node = Node()
    frozen = freeze_long_lived()
    assert frozen >= 1
    assert gc.get_freeze_count() == frozen
    gone = weakref.ref(node)
    del node
    gc.collect()
    assert gone() is not None  # a frozen cycle is not collected


def test_refreezing_frees_the_frozen_cycles_that_became_garbage() -> None:
    node = Node()
    freeze_long_lived()
    gone = weakref.ref(node)
    del node
    refreeze()
    assert gone() is None
    assert gc.get_freeze_count() > 0
