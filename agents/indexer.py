"""The indexer agent: bulk-writes flags into Elasticsearch and acknowledges only what is stored.

An Elasticsearch outage or throttling (429) only delays indexing: the agent retries with
backoff and stops reading meanwhile (back-pressure), and an offset is acknowledged only after
its document is written, so a crash loses nothing. The document id is the flag id, so a
redelivered flag overwrites its document instead of duplicating it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, AsyncElasticsearch

from agents.batching import Batch, Flusher
from agents.deadletters import send_to_deadletter
from agents.flagread import read_flag
from schemas import DeadLetterReason
from schemas.codec import Rejection
from streams import metrics
from streams.deadlines import default_clocks
from streams.elastic import ensure_index, flag_document, upsert_operations
from streams.pseudonyms import NipPseudonyms
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "indexer"
# Statuses worth retrying: throttled, or a shard/cluster not ready; others are the document's fault.
RETRYABLE_STATUS = {429, 502, 503, 504}


@dataclass
class Pending:
    """One flag waiting for its document to be written."""

    flag_id: str
    operations: list[bytes]  # serialised bulk lines (streams.elastic.upsert_operations)
    received_at: float


@dataclass
class Rejected:
    flag_id: str
    status: int
    error: str


class BulkWriter:
    """Writes a batch until every document is stored or rejected for its own fault."""

    def __init__(
        self,
        es: AsyncElasticsearch,
        *,
        max_backoff: float,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.es = es
        self.max_backoff = max_backoff
        self.sleep = sleep

    async def write(self, batch: Sequence[Pending]) -> list[Rejected]:
        todo = list(batch)
        rejected: list[Rejected] = []
        backoff = 0.2
        while todo:
            operations = [op for p in todo for op in p.operations]
            started = time.perf_counter()
            try:
                # Lines already serialised; the client's type names only mappings.
                resp = await self.es.bulk(operations=cast(Any, operations))
            except (TransportConnectionError, ConnectionTimeout) as exc:
                metrics.ES_BULK_ERRORS.labels(kind="unavailable").inc()
                log.warning("Elasticsearch unavailable (%s); retrying in %.1fs", exc, backoff)
            except ApiError as exc:
                kind = "throttled" if exc.meta.status == 429 else "server"
                metrics.ES_BULK_ERRORS.labels(kind=kind).inc()
                log.warning("bulk refused (%s); retrying in %.1fs", exc.meta.status, backoff)
            except Exception:  # anything else: never drop the batch, never kill the agent
                metrics.ES_BULK_ERRORS.labels(kind="unexpected").inc()
                log.exception("bulk failed; retrying in %.1fs", backoff)
            else:
                metrics.ES_BULK_SECONDS.observe(time.perf_counter() - started)
                retry: list[Pending] = []
                for pending, item in zip(todo, resp["items"], strict=True):
                    result = next(iter(item.values()))
                    status = int(result.get("status", 500))
                    if status < 300:
                        continue
                    if status in RETRYABLE_STATUS:
                        metrics.ES_BULK_ERRORS.labels(kind="throttled").inc()
                        retry.append(pending)
                    else:
                        metrics.ES_BULK_ERRORS.labels(kind="rejected").inc()
                        rejected.append(Rejected(pending.flag_id, status, str(result.get("error"))))
                metrics.ES_INDEXED.inc(len(todo) - len(retry))
                todo = retry
                if not todo:
                    break
            await self.sleep(backoff)
            backoff = min(backoff * 2, self.max_backoff)
        return rejected


def attach(
    app: Any,
    settings: Settings,
    flags_topic: Any,
    deadletter_topic: Any,
    es: AsyncElasticsearch,
    pseudonyms: NipPseudonyms,
    on_processed: Callable[[Any], None],
) -> Any:
    writer = BulkWriter(es, max_backoff=settings.bulk_retry_max_seconds)
    # The legal clocks (holiday lists, catalogue calendars) load once, here, not in the loop.
    clocks = default_clocks()
    alias = settings.flags_alias
    index_ready = asyncio.Event()

    @app.task
    async def prepare_index() -> None:
        """The index must exist before the first bulk; wait for Elasticsearch rather than fail."""
        delay = 0.5
        while True:
            try:
                index = await ensure_index(es, alias)
            except Exception as exc:
                log.warning("Elasticsearch not ready (%s); retrying in %.1fs", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, settings.bulk_retry_max_seconds)
                continue
            log.info("Elasticsearch index %s ready behind alias %s", index, alias)
            index_ready.set()
            return

    @app.agent(flags_topic, name="netra.agents.indexer")
    async def indexer(stream: Any) -> None:
        manual = stream.noack()

        async def write(events: list[Any]) -> None:
            await index_ready.wait()
            await _index(events)

        async def done(event: Any) -> None:
            await manual.ack(event)
            on_processed(event.message)

        async def dead_letter(event: Any, error: str) -> None:
            metrics.ES_BULK_ERRORS.labels(kind="unexpected").inc()
            await send_to_deadletter(
                deadletter_topic,
                event.message,
                stage=STAGE,
                reason=DeadLetterReason.INTERNAL,
                error=f"indexing the flag failed: {error}",
            )

        # A write that fails unexpectedly (not an Elasticsearch outage, which `BulkWriter`
        # waits out) is never dropped from memory unacknowledged: that would stall the
        # partition's commits until a restart, and the linger task dying with it would leave
        # the last partial batch unwritten, with nothing in the log (see `Flusher`).
        flusher: Flusher[Any] = Flusher(
            Batch(settings.bulk_max_docs, settings.bulk_linger_seconds),
            write,
            done,
            dead_letter,
            retry_after=settings.bulk_linger_seconds,
        )

        async def linger() -> None:
            while True:
                await asyncio.sleep(settings.bulk_linger_seconds / 2)
                if flusher.batch.due():
                    await flusher.flush()

        lingering = asyncio.ensure_future(linger())
        try:
            async for event in manual.events():
                if flusher.batch.add(event):
                    await flusher.flush()
        finally:
            lingering.cancel()

    async def _index(events: list[Any]) -> None:
        batch: dict[str, Pending] = {}
        sources: dict[str, Any] = {}
        for event in events:
            msg = event.message
            flag = read_flag(msg.value, pseudonyms, max_bytes=16 * 1024 * 1024)
            if isinstance(flag, Rejection):
                await send_to_deadletter(
                    deadletter_topic, msg, stage=STAGE, reason=flag.reason, error=flag.error
                )
                continue
            doc = flag_document(flag, clocks=clocks)
            # The same flag twice in one batch: the last one wins, as it would across batches.
            batch[flag.flag_id] = Pending(
                flag.flag_id,
                upsert_operations(alias, flag.flag_id, doc),
                flag.received_at.timestamp(),
            )
            sources[flag.flag_id] = msg
        rejected = await writer.write(list(batch.values()))
        now = time.time()
        rejected_ids = {r.flag_id for r in rejected}
        for pending in batch.values():
            if pending.flag_id not in rejected_ids:
                metrics.EVENT_TO_INDEXED.observe(max(0.0, now - pending.received_at))
        for r in rejected:
            await send_to_deadletter(
                deadletter_topic,
                sources[r.flag_id],
                stage=STAGE,
                reason=DeadLetterReason.INDEX_REJECTED,
                error=f"Elasticsearch refused the document ({r.status}): {r.error}",
            )

    return indexer
