"""The audit agent: copies the audit topic into the audit index, every entry once, in order.

The topic is the record (a reveal is shown only after Kafka stored its entry); the index is
how people search it. An Elasticsearch outage only delays the copy: the agent retries and
reads nothing further meanwhile, and an entry Kafka redelivers after a crash is recognised by
its id and not written twice.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from elasticsearch import AsyncElasticsearch

from agents.deadletters import send_to_deadletter
from agents.retrying import until_done
from schemas import AuditEntry
from schemas.codec import Rejection, decode
from streams import metrics
from streams.audit_index import append_audit_entry, ensure_audit_index
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "audit"


def attach(
    app: Any, settings: Settings, audit_topic: Any, deadletter_topic: Any, es: AsyncElasticsearch
) -> Any:
    alias = settings.audit_alias
    ready = False

    async def _store(entry: AuditEntry) -> bool:
        nonlocal ready
        if not ready:
            await ensure_audit_index(es, alias)
            ready = True
        return await append_audit_entry(es, alias, entry)

    @app.agent(audit_topic, name="netra.agents.audit")
    async def audit(stream: Any) -> None:
        async for event in stream.events():
            msg = event.message
            entry = decode(msg.value, AuditEntry, max_bytes=64 * 1024)
            if isinstance(entry, Rejection):
                await send_to_deadletter(
                    deadletter_topic, msg, stage=STAGE, reason=entry.reason, error=entry.error
                )
                continue
            written = await until_done(
                partial(_store, entry),
                what="audit entry",
                max_backoff=settings.bulk_retry_max_seconds,
            )
            if written:
                metrics.AUDIT_ENTRIES.labels(
                    action=entry.action.value, outcome=entry.outcome.value
                ).inc()

    return audit
