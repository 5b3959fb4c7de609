"""One write retried until it is done, backing off, never skipped."""

from __future__ import annotations

import asyncio

from agents.retrying import until_done


def test_retries_with_backoff_until_the_work_succeeds() -> None:
    waits: list[float] = []
    calls = 0

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async def work() -> str:
        nonlocal calls
        calls += 1
        if calls < 5:
            raise ConnectionError("Elasticsearch is down")
        return "stored"

    result = asyncio.run(until_done(work, what="test", max_backoff=3.0, sleep=sleep))
    assert result == "stored" and calls == 5
    assert waits == [0.5, 1.0, 2.0, 3.0]
