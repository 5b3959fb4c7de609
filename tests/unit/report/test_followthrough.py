"""Follow-through rows from the cases index's aggregations: weakest first, shares and medians."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from netra.report.followthrough import follow_through_query, parse_follow_through

NOW = datetime(2024, 12, 1, tzinfo=UTC)


def _bucket(name: str, received: int, acted: int, overdue: int, median: float | None) -> Any:
    return {
        "key": name,
        "doc_count": received,
        "acted": {"doc_count": acted},
        "sanctioned": {"doc_count": acted // 2},
        "overdue": {"doc_count": overdue},
        "days": {"values": {"50.0": median}},
    }


def test_rows_put_the_weakest_follow_through_first() -> None:
    resp = {
        "aggregations": {
            "offices": {
                "by": {
                    "buckets": [
                        _bucket("Bawaslu Kabupaten Blora", 4, 4, 0, 2.345),
                        _bucket("Bawaslu Kota Makassar", 3, 1, 2, 9.0),
                        _bucket("Bawaslu Kota Semarang", 2, 0, 2, None),
                    ]
                }
            },
            "ppks": {"by": {"buckets": [_bucket("Bupati Blora", 4, 2, 1, 12.0)]}},
        }
    }
    report = parse_follow_through(resp, NOW)
    assert [r.name for r in report.offices] == [
        "Bawaslu Kota Semarang",
        "Bawaslu Kota Makassar",
        "Bawaslu Kabupaten Blora",
    ]
    semarang, makassar, blora = report.offices
    assert semarang.acted_share == 0.0 and semarang.median_days is None
    assert makassar.acted_share == 1 / 3 and makassar.overdue == 2
    assert blora.median_days == 2.3 and blora.sanctioned == 0  # offices do not sanction
    (ppk,) = report.ppks
    assert ppk.acted_share == 0.5 and ppk.sanctioned == 1 and ppk.overdue == 1


def test_the_query_counts_overdue_only_for_open_cases_past_the_step_owed() -> None:
    query = follow_through_query(NOW)
    overdue = query["aggs"]["ppks"]["aggs"]["by"]["aggs"]["overdue"]["filter"]["bool"]
    assert {"term": {"next_step.stage": "ppk_decided"}} in overdue["filter"]
    assert {"range": {"next_step.due": {"lt": NOW.isoformat()}}} in overdue["filter"]
    assert overdue["must_not"] == [{"term": {"stage": "closed"}}]
    assert query["aggs"]["offices"]["filter"] == {"term": {"steps.stage": "finding_registered"}}
