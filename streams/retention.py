"""How long flags are kept: a flag with no open case is deleted once its retention has passed.

Personal data may be kept only as long as its purpose needs (UU PDP 27/2022). A flag is
initial information; once supervisors confirmed or escalated it, it is part of a case and
stays. A flag that was dismissed, or never reviewed, is deleted `retention_days` after the
event. An index lifecycle (ILM) delete phase cannot do this: it deletes whole indices,
open cases with the rest, so `netra purge` runs on a schedule instead (a CronJob in k8s).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from elasticsearch import AsyncElasticsearch

from schemas.flag_document import FlagField, ReviewStatus

# A finding is recorded or the case moved on: these flags are evidence and are kept.
OPEN_CASE_STATUSES = (ReviewStatus.CONFIRMED, ReviewStatus.ESCALATED)
BATCH = 1_000


def expired_query(now: datetime, retention_days: int) -> dict[str, Any]:
    """Flags whose event is older than the retention and that belong to no open case."""
    cutoff = now - timedelta(days=retention_days)
    return {
        "bool": {
            "filter": [{"range": {FlagField.TIMESTAMP: {"lt": cutoff.isoformat()}}}],
            "must_not": [{"terms": {FlagField.STATUS: list(OPEN_CASE_STATUSES)}}],
        }
    }


@dataclass(frozen=True)
class PurgeResult:
    """What a purge found, and deleted unless it was a dry run."""

    expired: int
    deleted: int
    cutoff: datetime


async def purge(
    es: AsyncElasticsearch, alias: str, now: datetime, retention_days: int, dry_run: bool = False
) -> PurgeResult:
    """Delete the expired flags behind `alias` (count them only, with `dry_run`)."""
    query = expired_query(now, retention_days)
    cutoff = now - timedelta(days=retention_days)
    counted = await es.count(index=alias, query=query)
    expired = int(counted["count"])
    if dry_run or expired == 0:
        return PurgeResult(expired=expired, deleted=0, cutoff=cutoff)
    # Batches of ids and a bulk delete, not _delete_by_query: the minimal distribution the local
    # stack runs has no reindex module, and this works on every cluster.
    deleted = 0
    while True:
        found = await es.search(index=alias, query=query, size=BATCH, source=False)
        hits = found["hits"]["hits"]
        if not hits:
            break
        operations = [{"delete": {"_index": h["_index"], "_id": h["_id"]}} for h in hits]
        done = await es.bulk(operations=operations, refresh="wait_for")
        gone = sum(1 for item in done["items"] if item["delete"].get("status") in (200, 404))
        deleted += gone
        if gone == 0:  # nothing could be deleted: stop rather than loop
            break
    return PurgeResult(expired=expired, deleted=deleted, cutoff=cutoff)
