"""The report's request body and the reading of Elasticsearch's answer, without a cluster."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from netra.report.query import build_query, parse_response, parse_when, time_range

NOW = datetime(2024, 2, 14, 5, tzinfo=UTC)


def test_relative_and_absolute_times() -> None:
    assert parse_when("7d", NOW) == NOW - timedelta(days=7)
    assert parse_when("12h", NOW) == NOW - timedelta(hours=12)
    assert parse_when("2w", NOW) == NOW - timedelta(weeks=2)
    wib = parse_when("2024-02-01", NOW)
    assert wib.utcoffset() == timedelta(hours=7)
    with pytest.raises(ValueError, match="7d"):
        parse_when("last week", NOW)
    with pytest.raises(ValueError, match="before"):
        time_range("1d", "3d", NOW)


def test_query_filters_event_time_and_counts_unreviewed_by_deadline() -> None:
    r = time_range("7d", None, NOW)
    body = build_query(r, NOW, top=5)
    assert body["size"] == 0
    assert body["query"]["range"]["@timestamp"] == {
        "gte": r.since.isoformat(),
        "lt": r.until.isoformat(),
    }
    aggs = body["aggs"]
    assert aggs["per_day"]["date_histogram"]["time_zone"] == "Asia/Jakarta"
    assert aggs["offenders"]["terms"]["size"] == 5
    expired = aggs["unreviewed_expired"]["filter"]["bool"]["filter"]
    assert {"range": {"report_deadline": {"lte": NOW.isoformat()}}} in expired


def _answer() -> dict[str, object]:
    def terms(*pairs: tuple[str, int]) -> dict[str, object]:
        return {"buckets": [{"key": k, "doc_count": n} for k, n in pairs]}

    return {
        "hits": {"total": {"value": 5, "relation": "eq"}},
        "aggregations": {
            "per_day": {
                "buckets": [
                    {"key": 1, "key_as_string": "2024-02-12", "doc_count": 2},
                    {"key": 2, "key_as_string": "2024-02-13", "doc_count": 3},
                ]
            },
            "by_province": terms(("Jawa Tengah", 4), ("(not in registry)", 1)),
            "by_agency": terms(("Pemkab Blora", 4)),
            "by_rule": terms(("N02.online-campaign", 5)),
            "by_form": terms(("N02", 5)),
            "by_participant": terms(("Prabowo-Gibran", 5)),
            "by_status": terms(("unreviewed", 3), ("confirmed", 2)),
            "by_severity": terms(("high", 2), ("medium", 3)),
            "accounts": {"value": 2},
            "not_in_registry": {"doc_count": 1},
            "unreviewed_open": {"doc_count": 2},
            "unreviewed_expired": {"doc_count": 1},
            "offenders": {
                "buckets": [
                    {
                        "key": "ig:budi.kradenan",
                        "doc_count": 4,
                        "high": {"doc_count": 2},
                        "last_seen": {"value": NOW.timestamp() * 1000},
                        "who": {
                            "hits": {
                                "hits": [{"_source": {"asn": {"name": "Budi", "agency": "Pemkab"}}}]
                            }
                        },
                    },
                    {
                        "key": "tt:warga",
                        "doc_count": 1,
                        "high": {"doc_count": 0},
                        "last_seen": {"value": None},
                        "who": {"hits": {"hits": [{"_source": {}}]}},
                    },
                ]
            },
        },
    }


def test_parse_response() -> None:
    data = parse_response(_answer(), time_range("7d", None, NOW), NOW)
    assert (data.total, data.accounts, data.high_severity) == (5, 2, 2)
    assert (data.unreviewed_open, data.unreviewed_expired, data.not_in_registry) == (2, 1, 1)
    assert [(b.key, b.count) for b in data.per_day] == [("2024-02-12", 2), ("2024-02-13", 3)]
    top, stranger = data.top_offenders
    assert (top.account_id, top.flags, top.high, top.name) == ("ig:budi.kradenan", 4, 2, "Budi")
    assert top.last_seen == NOW
    assert stranger.name is None and stranger.last_seen is None
