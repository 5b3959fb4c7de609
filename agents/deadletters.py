"""Sending a message that cannot be processed to the dead-letter topic, counted and logged.

`start_deadletter` hands the letter to the producer and returns its delivery (the judge
acknowledges the event once it is stored, see agents.delivery); `send_to_deadletter` waits
until Kafka has stored it, retrying, for agents that acknowledge as soon as they return.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial
from typing import Any

from agents.delivery import Sent, until_delivered
from schemas import DeadLetter, DeadLetterReason
from streams import metrics

log = logging.getLogger(__name__)


def dead_letter_of(
    message: Any, *, reason: DeadLetterReason, error: str, stage: str
) -> tuple[bytes | None, bytes]:
    """The key and value of the dead letter for a consumed Kafka message (bytes, origin, key)."""
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
    metrics.DEADLETTERS.labels(reason=reason.value, stage=stage).inc()
    log.warning(
        "dead letter %s/%s@%s (%s): %s",
        message.topic,
        message.partition,
        message.offset,
        reason.value,
        error[:500],
    )
    return key, letter.model_dump_json().encode()


async def start_deadletter(
    topic: Any, message: Any, *, reason: DeadLetterReason, error: str, stage: str
) -> Sent:
    """Hand the dead letter to the producer; the caller awaits `Sent.delivery` before it acks."""
    key, value = dead_letter_of(message, reason=reason, error=error, stage=stage)
    delivery = await topic.send(key=key, value=value, force=True)
    return Sent(topic.get_topic_name(), delivery)


async def send_to_deadletter(
    topic: Any, message: Any, *, reason: DeadLetterReason, error: str, stage: str
) -> None:
    """Dead-letter a consumed message and return once Kafka has stored it (retrying until it
    does: acknowledging the message before that could lose it)."""
    key, value = dead_letter_of(message, reason=reason, error=error, stage=stage)

    send = partial(topic.send, key=key, value=value, force=True)
    await until_delivered(send, topic=topic.get_topic_name(), stage=stage)
