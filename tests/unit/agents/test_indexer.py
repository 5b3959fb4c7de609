"""The bulk writer's retry logic against a scripted client (pure logic: no Elasticsearch)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from elastic_transport import ApiResponseMeta, ConnectionError, HttpHeaders, NodeConfig
from elasticsearch import ApiError

from agents.indexer import BulkWriter, Pending


def meta(status: int) -> ApiResponseMeta:
    return ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )


class ScriptedES:
    """Answers each bulk call with the next scripted outcome and records what was sent."""

    def __init__(self, script: list[Any]) -> None:
        self.script = script
        self.calls: list[list[str]] = []

    async def bulk(self, operations: list[bytes]) -> dict[str, Any]:
        lines = [json.loads(op) for op in operations]
        ids = [line["update"]["_id"] for line in lines if "update" in line]
        self.calls.append(ids)
        outcome = self.script.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return {"items": [{"update": {"_id": i, "status": outcome.get(i, 200)}} for i in ids]}


def pending(flag_id: str) -> Pending:
    return Pending(
        flag_id,
        [
            json.dumps({"update": {"_index": "a", "_id": flag_id}}).encode(),
            b'{"doc": {}, "upsert": {}}',
        ],
        0.0,
    )


def run(es: ScriptedES, batch: list[Pending]) -> tuple[list[Any], list[float]]:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    writer = BulkWriter(es, max_backoff=1.0, sleep=sleep)  # type: ignore[arg-type]
    return asyncio.run(writer.write(batch)), slept


def test_retries_through_an_outage_until_every_document_is_written() -> None:
    es = ScriptedES(
        [ConnectionError("down"), ConnectionError("down"), ApiError("busy", meta(429), {}), {}]
    )
    rejected, slept = run(es, [pending("a"), pending("b")])
    assert rejected == []
    assert es.calls == [["a", "b"]] * 4
    assert slept == [0.2, 0.4, 0.8]


def test_only_throttled_documents_are_sent_again_and_backoff_is_capped() -> None:
    es = ScriptedES([{"b": 429}, {"b": 503}, {"b": 429}, {"b": 429}, {}])
    rejected, slept = run(es, [pending("a"), pending("b"), pending("c")])
    assert rejected == []
    assert es.calls[0] == ["a", "b", "c"]
    assert es.calls[1:] == [["b"]] * 4
    assert slept == [0.2, 0.4, 0.8, 1.0]


def test_a_document_refused_for_its_own_fault_is_returned_not_retried() -> None:
    es = ScriptedES([{"b": 400}])
    rejected, slept = run(es, [pending("a"), pending("b")])
    assert [(r.flag_id, r.status) for r in rejected] == [("b", 400)]
    assert len(es.calls) == 1 and slept == []
