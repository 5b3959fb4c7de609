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

from agents.decoding import OnFirstUse, valid_records
from agents.retrying import until_done
from schemas import AuditEntry
from streams import metrics
from streams.audit_index import append_audit_entry, ensure_audit_index
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "audit"


def attach(
    app: Any, settings: Settings, audit_topic: Any, deadletter_topic: Any, es: AsyncElasticsearch
) -> Any:
    alias = settings.audit_alias
    prepared = OnFirstUse(partial(ensure_audit_index, es, alias))

    async def _store(entry: AuditEntry) -> bool:
        await prepared()
        return await append_audit_entry(es, alias, entry)

    @app.agent(audit_topic, name="netra.agents.audit")
    async def audit(stream: Any) -> None:
        entries = valid_records(stream, AuditEntry, deadletter_topic=deadletter_topic, stage=STAGE)
        async for _, entry in entries:
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
