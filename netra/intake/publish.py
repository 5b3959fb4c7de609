"""Putting an accepted report on Kafka: the sealed reporter on its own topic, then the event.

Both are sent with acks=all and awaited, and the ticket is shown only after both are stored:
a reporter never holds a ticket for a report Kafka does not have. The reporter goes first, so
a failure between the two leaves at most a sealed contact nobody holds a ticket for (expired
with the topic's retention), never a case whose reporter was lost.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from netra.intake.errors import UnavailableError
from schemas.post import Post
from schemas.report import SealedReporter
from streams.kafka_security import KafkaSecurityError, client_kwargs
from streams.settings import Settings
from streams.topics import POSTS_MAX_MESSAGE_BYTES

log = logging.getLogger(__name__)


class ReportPublisher(Protocol):
    async def stop(self) -> None: ...

    async def publish(self, post: Post, reporter: SealedReporter | None) -> None:
        """Store both or raise UnavailableError."""
        ...


class KafkaReportPublisher:
    def __init__(self, settings: Settings, *, timeout_seconds: float = 15.0) -> None:
        self.settings = settings
        self.timeout_ms = int(timeout_seconds * 1000)
        self._producer: AIOKafkaProducer | None = None
        self._lock = asyncio.Lock()

    async def _connected(self) -> AIOKafkaProducer:
        """The producer, connected on first use: the pages that need no Kafka (the form, a
        ticket's status) keep working while it is down."""
        async with self._lock:
            if self._producer is None:
                self._producer = await self._connect()
            return self._producer

    async def _connect(self) -> AIOKafkaProducer:
        try:
            security = client_kwargs(self.settings)
        except KafkaSecurityError as exc:
            raise UnavailableError(f"cannot connect to Kafka: {exc}") from exc
        producer = AIOKafkaProducer(
            bootstrap_servers=[s.strip() for s in self.settings.kafka_bootstrap.split(",")],
            acks="all",
            enable_idempotence=True,
            request_timeout_ms=self.timeout_ms,
            max_request_size=POSTS_MAX_MESSAGE_BYTES,
            client_id="netra-intake",
            **security,
        )
        try:
            await producer.start()
        except KafkaError as exc:
            await producer.stop()
            log.warning("Kafka is unreachable for reports: %s", exc)
            raise UnavailableError(
                "reports cannot be stored just now: try again in a minute"
            ) from exc
        return producer

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None

    async def publish(self, post: Post, reporter: SealedReporter | None) -> None:
        producer = await self._connected()
        try:
            if reporter is not None:
                await producer.send_and_wait(
                    self.settings.reporters_topic,
                    key=reporter.ticket.encode(),
                    value=reporter.model_dump_json().encode(),
                )
            await producer.send_and_wait(
                self.settings.posts_topic,
                key=post.account_id.encode(),
                value=post.model_dump_json().encode(),
            )
        except KafkaError as exc:
            log.warning("a report could not be stored in Kafka: %s", exc)
            raise UnavailableError(
                "reports cannot be stored just now: try again in a minute"
            ) from exc
