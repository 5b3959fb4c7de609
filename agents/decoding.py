"""The records of a stream, decoded and validated; what fails goes to the dead letters.

The review, audit and case agents each take one small record at a time off their topic. They
share this front: a message that is not a valid record never stops the agent and never
vanishes, it is dead-lettered with the reason and the agent goes on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from agents.deadletters import send_to_deadletter
from schemas.codec import Rejection, decode

Record = TypeVar("Record", bound=BaseModel)

# Verdicts, audit entries and case steps are a few hundred bytes; anything near this is abuse.
SMALL_RECORD_MAX_BYTES = 64 * 1024


async def valid_records(
    stream: Any,
    model: type[Record],
    *,
    deadletter_topic: Any,
    stage: str,
    max_bytes: int = SMALL_RECORD_MAX_BYTES,
) -> AsyncIterator[tuple[Any, Record]]:
    """Each event's message with its record; a message that does not decode is dead-lettered
    (and acknowledged once the dead letter is stored) and skipped."""
    async for event in stream.events():
        message = event.message
        record = decode(message.value, model, max_bytes=max_bytes)
        if isinstance(record, Rejection):
            await send_to_deadletter(
                deadletter_topic, message, stage=stage, reason=record.reason, error=record.error
            )
            continue
        yield message, record


class OnFirstUse:
    """Runs a preparation (an index to create) once, before the first record needs it, and
    again after a failure: a cluster that was down at start-up is prepared when it is back."""

    def __init__(self, prepare: Callable[[], Awaitable[object]]) -> None:
        self._prepare = prepare
        self._done = False

    async def __call__(self) -> None:
        if not self._done:
            await self._prepare()
            self._done = True
