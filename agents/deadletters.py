"""Sending a message that cannot be processed to the dead-letter topic, counted and logged."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from schemas import DeadLetter, DeadLetterReason
from streams import metrics

log = logging.getLogger(__name__)


async def send_to_deadletter(
    topic: Any,
    raw: bytes | None,
    *,
    reason: DeadLetterReason,
    error: str,
    stage: str,
    source_topic: str,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
) -> DeadLetter:
    letter = DeadLetter.of(
        raw or b"",
        reason=reason,
        error=error,
        stage=stage,
        topic=source_topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", "replace") if key is not None else None,
        failed_at=datetime.now(UTC),
    )
    await topic.send(key=key, value=letter.model_dump_json().encode(), force=True)
    metrics.DEADLETTERS.labels(reason=reason.value, stage=stage).inc()
    log.warning(
        "dead letter %s/%s@%s (%s): %s", source_topic, partition, offset, reason.value, error
    )
    return letter
