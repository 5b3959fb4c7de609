"""Sending a message that cannot be processed to the dead-letter topic, counted and logged."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from schemas import DeadLetter, DeadLetterReason
from streams import metrics

log = logging.getLogger(__name__)


async def send_to_deadletter(
    topic: Any, message: Any, *, reason: DeadLetterReason, error: str, stage: str
) -> DeadLetter:
    """Dead-letter a consumed Kafka message (its bytes, origin and key) with the reason."""
    key: bytes | None = message.key
    letter = DeadLetter.of(
        message.value or b"",
        reason=reason,
        error=error,
        stage=stage,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=key.decode("utf-8", "replace") if key is not None else None,
        failed_at=datetime.now(UTC),
    )
    await topic.send(key=key, value=letter.model_dump_json().encode(), force=True)
    metrics.DEADLETTERS.labels(reason=reason.value, stage=stage).inc()
    log.warning(
        "dead letter %s/%s@%s (%s): %s",
        message.topic,
        message.partition,
        message.offset,
        reason.value,
        error,
    )
    return letter
