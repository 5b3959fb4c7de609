"""The retention query: old flags without an open case, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.retention import OPEN_CASE_STATUSES, expired_query


def test_the_query_keeps_open_cases_and_recent_flags() -> None:
    now = datetime(2025, 3, 1, tzinfo=UTC)
    query = expired_query(now, 30)["bool"]
    assert query["filter"] == [{"range": {"@timestamp": {"lt": "2025-01-30T00:00:00+00:00"}}}]
    assert query["must_not"] == [{"terms": {"status": ["confirmed", "escalated"]}}]
    assert set(OPEN_CASE_STATUSES) == {"confirmed", "escalated"}
