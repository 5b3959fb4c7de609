"""Deadlines on the real local Elasticsearch: kept on redelivery, counted for the alerts."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import pytest
from elasticsearch import AsyncElasticsearch

from agents.reviews import DUE_WINDOWS, unreviewed_due
from streams.elastic import flag_document, upsert_operations
from tests.integration.report_samples import Indexed

pytestmark = pytest.mark.integration


def _run(es_url: str, work: Any) -> Any:
    async def main() -> Any:
        async with AsyncElasticsearch(es_url, request_timeout=30) as es:
            return await work(es)

    return asyncio.run(main())


def test_a_redelivered_flag_keeps_when_it_became_known(es_url: str, indexed: Indexed) -> None:
    sample = indexed.items[0]
    flag_id = sample.flag.flag_id
    later = indexed.now + timedelta(days=3)
    again = flag_document(sample.flag, indexed_at=later)

    async def redeliver(es: AsyncElasticsearch) -> tuple[dict[str, Any], dict[str, Any]]:
        before = (await es.get(index=indexed.alias, id=flag_id))["_source"]
        resp = await es.bulk(
            operations=upsert_operations(indexed.alias, flag_id, again), refresh="wait_for"
        )
        assert not resp["errors"], resp
        after = (await es.get(index=indexed.alias, id=flag_id))["_source"]
        return before, after

    before, after = _run(es_url, redeliver)
    assert datetime.fromisoformat(after["indexed_at"]) == later  # the flag itself is rewritten
    for field in ("known_at", "deadlines", "report_deadline", "regime", "status"):
        assert after[field] == before[field], field
    assert after["known_at"] != again.to_source()["known_at"]


def test_a_flag_first_indexed_by_upsert_starts_its_clocks(es_url: str, indexed: Indexed) -> None:
    sample = indexed.items[1]
    new_id = f"{sample.flag.flag_id}-new"
    doc = flag_document(sample.flag, indexed_at=indexed.now).model_copy(update={"flag_id": new_id})

    async def first_index(es: AsyncElasticsearch) -> dict[str, Any]:
        resp = await es.bulk(
            operations=upsert_operations(indexed.alias, new_id, doc), refresh="wait_for"
        )
        assert not resp["errors"], resp
        found: dict[str, Any] = (await es.get(index=indexed.alias, id=new_id))["_source"]
        return found

    stored = _run(es_url, first_index)
    assert (
        datetime.fromisoformat(stored["known_at"]) == indexed.now
        and stored["status"] == "unreviewed"
    )
    assert [d["window"] for d in stored["deadlines"]] == ["finding", "report"]
    assert stored["regime"] == ["pemilu"] and stored["deadline_zone"] == "WIB"


def test_unreviewed_flags_are_counted_by_their_first_deadline(
    es_url: str, indexed: Indexed
) -> None:
    async def documents(es: AsyncElasticsearch) -> list[dict[str, Any]]:
        await es.indices.refresh(index=indexed.alias)
        found = await es.search(
            index=indexed.alias, size=100, source_includes=["status", "report_deadline"]
        )
        return [h["_source"] for h in found["hits"]["hits"]]

    docs = _run(es_url, documents)
    unreviewed = [
        datetime.fromisoformat(d["report_deadline"]) for d in docs if d["status"] == "unreviewed"
    ]
    first = min(unreviewed)
    seen: set[str] = set()
    # An hour before the earliest unreviewed deadline it is due within 48 hours; an hour after,
    # it passed in the last 24 hours. The other flags fall wherever their own deadlines put them.
    for now in (first - timedelta(hours=1), first + timedelta(hours=1)):
        got: dict[str, int] = _run(es_url, lambda es, t=now: unreviewed_due(es, indexed.alias, t))
        for key, start, end in DUE_WINDOWS:
            expected = sum(1 for due in unreviewed if now + start <= due < now + end)
            assert got.get(key, 0) == expected, (now, key)
            if expected:
                seen.add(key)
    assert seen == {"48h", "passed_24h"}, "both windows must be exercised"
