"""Updating a flag on the version that was read (pure logic: a scripted Elasticsearch)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ConflictError, NotFoundError

from schemas.flag_document import FlagDocument
from streams.flag_updates import FlagUpdate, update_flag

T0 = datetime(2024, 1, 20, 9, 0, tzinfo=UTC)


def meta(status: int) -> ApiResponseMeta:
    return ApiResponseMeta(status, "1.1", HttpHeaders(), 0.0, NodeConfig("http", "es", 9200))


class Cluster:
    """One flag; `writers_between` other writers change it between a read and the next write."""

    def __init__(self, writers_between: int = 0, exists: bool = True) -> None:
        self.source: dict[str, Any] | None = (
            FlagDocument(
                timestamp=T0, flag_id="ig:1", platform="instagram", account_id="a"
            ).to_source()
            if exists
            else None
        )
        self.seq_no = 7
        self.writers_between = writers_between
        self.reads = 0
        self.writes: list[dict[str, Any]] = []

    async def get(self, *, index: str, id: str) -> dict[str, Any]:
        if self.source is None:
            raise NotFoundError("missing", meta(404), {})
        self.reads += 1
        return {
            "_index": "flags-000001",
            "_source": dict(self.source),
            "_seq_no": self.seq_no,
            "_primary_term": 1,
        }

    async def update(self, *, index: str, id: str, doc: dict[str, Any], **kw: Any) -> None:
        assert index == "flags-000001", "writes go to the index the document was read from"
        if self.writers_between:
            self.writers_between -= 1
            self.seq_no += 1
            raise ConflictError("version conflict", meta(409), {})
        assert kw["if_seq_no"] == self.seq_no
        self.writes.append(doc)


def test_a_writer_in_between_makes_the_change_read_and_decided_again() -> None:
    es = Cluster(writers_between=2)
    seen: list[str] = []

    def fields_for(doc: FlagDocument) -> dict[str, Any]:
        seen.append(doc.flag_id)
        return {"case_state": "reviewed"}

    result = asyncio.run(update_flag(es, "flags", "ig:1", fields_for))  # type: ignore[arg-type]
    assert result is FlagUpdate.WRITTEN
    assert es.reads == 3 and len(seen) == 3  # decided on each version it read
    assert es.writes == [{"case_state": "reviewed"}]


def test_nothing_to_change_writes_nothing_and_a_missing_flag_is_told() -> None:
    es = Cluster()
    unchanged = asyncio.run(update_flag(es, "flags", "ig:1", lambda doc: None))  # type: ignore[arg-type]
    assert unchanged is FlagUpdate.UNCHANGED and es.writes == []
    gone = Cluster(exists=False)
    missing = asyncio.run(update_flag(gone, "flags", "ig:1", lambda doc: {"x": 1}))  # type: ignore[arg-type]
    assert missing is FlagUpdate.MISSING
