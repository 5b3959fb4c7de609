"""Retrying a write to Elasticsearch until it is done: an outage delays a record, never skips it.

The review, audit and case agents handle one record at a time and must not move past it while the
cluster is away; they share this loop (the indexer retries whole bulks in agents.indexer).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


async def until_done(
    work: Callable[[], Awaitable[T]],
    *,
    what: str,
    max_backoff: float,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Await `work()` again and again, backing off to `max_backoff`, until it returns."""
    delay = 0.5
    while True:
        try:
            return await work()
        except Exception as exc:  # the cluster is down or refusing: wait, never skip
            log.warning("%s not done yet (%s); retrying in %.1fs", what, exc, delay)
            await sleep(delay)
            delay = min(delay * 2, max_backoff)
