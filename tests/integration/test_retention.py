"""Retention against the real local Elasticsearch: only flags with no open case are purged."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest
from elasticsearch import AsyncElasticsearch

from streams.retention import OPEN_CASE_STATUSES, PurgeResult, purge
from tests.integration.report_samples import Indexed

pytestmark = pytest.mark.integration


def _run(es_url: str, work: Any) -> Any:
    async def main() -> Any:
        async with AsyncElasticsearch(es_url, request_timeout=30) as es:
            return await work(es)

    return asyncio.run(main())


def _documents(es_url: str, alias: str) -> dict[str, dict[str, Any]]:
    async def fetch(es: AsyncElasticsearch) -> dict[str, dict[str, Any]]:
        await es.indices.refresh(index=alias)
        found = await es.search(index=alias, size=10_000, source=["@timestamp", "status"])
        return {h["_id"]: h["_source"] for h in found["hits"]["hits"]}

    result: dict[str, dict[str, Any]] = _run(es_url, fetch)
    return result


def test_purge_deletes_old_flags_without_an_open_case_and_keeps_the_rest(
    es_url: str, indexed: Indexed
) -> None:
    before = _documents(es_url, indexed.alias)
    days = 3  # the samples' events are 1 to 9 days old
    cutoff = indexed.now.timestamp() - days * 86400

    def old(doc: dict[str, Any]) -> bool:
        return datetime.fromisoformat(doc["@timestamp"]).timestamp() < cutoff

    doomed = {i for i, d in before.items() if old(d) and d["status"] not in OPEN_CASE_STATUSES}
    old_open = {i for i, d in before.items() if old(d) and d["status"] in OPEN_CASE_STATUSES}
    assert doomed and old_open, "past the retention: flags with and without an open case"
    assert {before[i]["status"] for i in doomed} >= {"dismissed", "unreviewed"}

    dry: PurgeResult = _run(
        es_url, lambda es: purge(es, indexed.alias, indexed.now, days, dry_run=True)
    )
    assert dry.expired == len(doomed) and dry.deleted == 0
    assert set(_documents(es_url, indexed.alias)) == set(before)

    done: PurgeResult = _run(es_url, lambda es: purge(es, indexed.alias, indexed.now, days))
    assert done.deleted == len(doomed)
    after = _documents(es_url, indexed.alias)
    assert set(after) == set(before) - doomed
    assert old_open <= set(after)
