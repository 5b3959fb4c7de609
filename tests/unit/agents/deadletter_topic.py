"""A dead-letter topic for unit tests of agents' pure logic: it stores what it is sent."""

from __future__ import annotations

import asyncio
from typing import Any

from schemas import DeadLetter


class DeadLetterTopic:
    """Takes dead letters as Kafka would, storing each at once."""

    def __init__(self) -> None:
        self.sent: list[DeadLetter] = []

    def get_topic_name(self) -> str:
        return "netra.deadletter"

    async def send(self, *, key: bytes | None, value: bytes, force: bool) -> Any:
        self.sent.append(DeadLetter.model_validate_json(value))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done
