"""The capture agent: keeps the evidence of every flag in the object store, off the judge's path.

It reads the flags topic in its own consumer, so a slow browser or an object-store outage
delays evidence, never judging. A batch of flags is read back from the posts topic by the
place each flag names, rendered in one Chromium page, and stored write-once with custody
entry 0 (streams.evidence.capture). While the object store is down the agent retries with
capped backoff and stops reading (back-pressure); an offset is acknowledged only after its
flag's evidence is stored. A flag that cannot be read is dead-lettered with the reason; one
Chromium cannot render after NETRA_EVIDENCE_RENDER_ATTEMPTS tries goes to the dead letters
as capture_failed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError

from agents.deadletters import send_to_deadletter
from agents.flagread import read_flag
from agents.retrying import until_done
from schemas import DeadLetterReason, Flag, Post
from schemas.codec import Rejection
from schemas.evidence import CaptureSource
from streams import metrics
from streams.evidence import capture
from streams.evidence.browser import Browser, BrowserError
from streams.evidence.custody import CustodyLog
from streams.evidence.source import RawEvent, SourceReader
from streams.evidence.store import Bucket, EvidenceStore
from streams.kafka_security import client_kwargs
from streams.pseudonyms import NipPseudonyms
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "capture"


@dataclass
class Done:
    """A flag whose evidence is rendered and built, waiting to be stored."""

    flag: Flag
    captured: capture.Captured
    source: CaptureSource


@dataclass
class Item:
    """One flag of a batch with the message it came in."""

    message: Any
    flag: Flag
    post: Post
    raw: RawEvent | None


class Capturer:
    """Everything one batch needs: source reader, browser, store; each retried on failure."""

    def __init__(
        self,
        settings: Settings,
        evidence: Bucket,
        browser: Browser,
        reader: SourceReader,
        deadletter_topic: Any,
    ) -> None:
        self.settings = settings
        self.evidence = evidence
        self.custody = CustodyLog(evidence)
        self.browser = browser
        self.reader = reader
        self.deadletters = deadletter_topic
        self.pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="evidence-store")
        self.actor = f"capture agent ({settings.app_id})"

    async def prepare(self, messages: list[Any], pseudonyms: NipPseudonyms) -> list[Done]:
        """Read back, render and build the evidence of every flag of `messages`; an unreadable
        flag or one Chromium cannot render is dead-lettered here."""
        flags: dict[str, tuple[Any, Flag]] = {}
        for msg in messages:
            flag = read_flag(msg.value, pseudonyms, max_bytes=16 * 1024 * 1024)
            if isinstance(flag, Rejection):
                await send_to_deadletter(
                    self.deadletters, msg, stage=STAGE, reason=flag.reason, error=flag.error
                )
                continue
            flags[flag.flag_id] = (msg, flag)  # redelivered twice in a batch: capture once
        if not flags:
            return []
        sources = [f.source for _, f in flags.values() if f.source is not None]
        raws = await until_done(
            lambda: self.reader.fetch(sources),
            what="reading flagged events back from Kafka",
            max_backoff=self.settings.evidence_retry_max_seconds,
        )
        items = []
        for msg, flag in flags.values():
            raw = raws.get(flag.source) if flag.source is not None else None
            items.append(Item(msg, flag, capture.decoded_event(flag, raw), raw))
        rendered = await self._render(items)
        return [
            Done(i.flag, capture.build(i.flag, i.post, i.raw, r, browser=self.browser), r.source)
            for i, r in zip(items, rendered, strict=True)
            if r is not None
        ]

    async def store(self, done: list[Done]) -> None:
        """Store every prepared capture, retrying while the object store is unavailable."""
        if not done:
            return
        first = await until_done(
            lambda: self._store([d.captured for d in done]),
            what=f"storing the evidence of {len(done)} flags",
            max_backoff=self.settings.evidence_retry_max_seconds,
        )
        now = time.time()
        for d, stored in zip(done, first, strict=True):
            if not stored:  # delivered again: its first capture is kept, nothing new stored
                metrics.EVIDENCE_ALREADY_KEPT.inc()
                continue
            metrics.EVIDENCE_CAPTURED.labels(source=d.source.value).inc()
            metrics.EVENT_TO_EVIDENCE.observe(max(0.0, now - d.flag.received_at.timestamp()))

    async def _render(self, items: list[Item]) -> list[capture.Rendered | None]:
        """A capture per item; the batch is retried, then each item alone; an item that still
        fails is dead-lettered (None in its place)."""
        timeout = self.settings.evidence_platform_timeout_seconds
        attempts = self.settings.evidence_render_attempts
        for attempt in range(attempts):
            try:
                flags, posts = [i.flag for i in items], [i.post for i in items]
                got = await capture.render_batch(self.browser, flags, posts, timeout)
                return list(got)
            except BrowserError as exc:
                metrics.EVIDENCE_RENDER_ERRORS.inc()
                log.warning("rendering %d flags failed (%s), try %d", len(items), exc, attempt + 1)
        out: list[capture.Rendered | None] = []
        for item in items:
            out.append(await self._render_alone(item, timeout, attempts))
        return out

    async def _render_alone(
        self, item: Item, wait_seconds: float, attempts: int
    ) -> capture.Rendered | None:
        error = ""
        for _ in range(attempts):
            try:
                got = await capture.render_batch(
                    self.browser, [item.flag], [item.post], wait_seconds
                )
                return got[0]
            except BrowserError as exc:
                metrics.EVIDENCE_RENDER_ERRORS.inc()
                error = str(exc)
        await send_to_deadletter(
            self.deadletters,
            item.message,
            stage=STAGE,
            reason=DeadLetterReason.CAPTURE_FAILED,
            error=f"Chromium could not render the evidence after {attempts} tries: {error}",
        )
        return None

    async def _store(self, done: list[capture.Captured]) -> list[bool]:
        """Whether each record kept is the one of this capture (see capture.store)."""
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.gather(
                *(
                    loop.run_in_executor(
                        self.pool, capture.store, self.evidence, self.custody, c, self.actor
                    )
                    for c in done
                )
            )
        except Exception:
            metrics.EVIDENCE_STORE_ERRORS.inc()
            raise


def attach(
    app: Any,
    settings: Settings,
    deadletter_topic: Any,
    evidence: Callable[[], EvidenceStore],
    pseudonyms: NipPseudonyms,
) -> Any:
    """Wire the capture agent; `evidence` opens the store (and its bucket) when it answers."""

    @app.task
    async def capture_flags() -> None:
        store = await until_done(
            lambda: asyncio.to_thread(evidence),
            what="opening the evidence bucket",
            max_backoff=settings.evidence_retry_max_seconds,
        )
        log.info("evidence store ready: bucket %s at %s", store.bucket, settings.object_store_url)
        browser = Browser(settings.chromium_path)
        reader = SourceReader(settings)
        capturer = Capturer(settings, store, browser, reader, deadletter_topic)
        consumer = flags_consumer(settings)
        await consumer.start()
        try:
            await consume(consumer, capturer, pseudonyms, settings)
        finally:
            await consumer.stop()
            await reader.close()
            await browser.close()

    return capture_flags


def flags_consumer(settings: Settings) -> AIOKafkaConsumer:
    """The flags topic in a consumer group of the capture agent's own: Faust's consumer never
    waits for it, so neither judging nor indexing slows with the browser or the store."""
    return AIOKafkaConsumer(
        settings.flags_topic,
        bootstrap_servers=settings.kafka_bootstrap,
        **client_kwargs(settings),
        group_id=settings.capture_group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=settings.evidence_batch,
        # An object-store outage holds a batch as long as it lasts; the group must not give
        # the partitions away meanwhile (the heartbeat keeps the session alive).
        max_poll_interval_ms=6 * 3600 * 1000,
        session_timeout_ms=int(settings.session_timeout_seconds * 1000),
        heartbeat_interval_ms=int(settings.heartbeat_seconds * 1000),
    )


async def consume(
    consumer: AIOKafkaConsumer,
    capturer: Capturer,
    pseudonyms: NipPseudonyms,
    settings: Settings,
) -> None:
    """Batches of flags in, evidence stored, then (and only then) their offsets committed.

    Two batches overlap: while one is written to the object store the next is read back and
    rendered (Chromium works in its own process meanwhile); batches are stored and committed
    in order."""
    linger_ms = int(settings.evidence_linger_seconds * 1000)
    storing: tuple[asyncio.Task[None], dict[TopicPartition, int]] | None = None
    try:
        while True:
            fetched = await consumer.getmany(
                timeout_ms=linger_ms, max_records=settings.evidence_batch
            )
            records = [r for batch in fetched.values() for r in batch]
            done = await capturer.prepare(records, pseudonyms) if records else []
            if storing is not None:
                await _stored_then_commit(consumer, *storing)
                storing = None
            if records:
                offsets = {tp: batch[-1].offset + 1 for tp, batch in fetched.items() if batch}
                storing = (asyncio.ensure_future(capturer.store(done)), offsets)
    finally:
        if storing is not None:
            storing[0].cancel()


async def _stored_then_commit(
    consumer: AIOKafkaConsumer, task: asyncio.Task[None], offsets: dict[TopicPartition, int]
) -> None:
    await task
    try:
        await consumer.commit(offsets)
    except (CommitFailedError, KafkaError) as exc:
        # A rebalance moved the partitions: their new owner captures these flags again,
        # which finds the evidence kept and stores nothing twice.
        log.warning("offsets of stored evidence not committed (%s)", exc)
