"""The queue: filters, the order of work, versions, rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from netra.desk.queue import ORDER, PAGE_SIZE, QueueFilters, Version, queue_body, row
from schemas.flag_document import ReviewStatus

SCOPE = [{"term": {"asn.registered": True}}]


def test_the_order_is_severity_then_deadline_then_reach_and_always_total() -> None:
    keys = [next(iter(s)) for s in ORDER]
    assert keys == ["severity_rank", "report_deadline", "reach", "@timestamp", "flag_id"]
    assert ORDER[0]["severity_rank"]["order"] == "desc"
    assert ORDER[1]["report_deadline"] == {"order": "asc", "missing": "_last"}
    assert ORDER[2]["reach"]["order"] == "desc"


def test_the_scope_is_in_every_queue_query_with_the_filters() -> None:
    body = queue_body(QueueFilters(agency="Pemkab Blora", rule="N02.x", page=3), SCOPE)
    clauses = body["query"]["bool"]["filter"]
    assert clauses[0] == SCOPE[0]
    fields = [next(iter(c["term"])) for c in clauses[1:]]
    assert fields == ["asn.agency", "rule_ids"]
    assert body["from"] == 2 * PAGE_SIZE and body["seq_no_primary_term"] is True


def test_unreviewed_includes_documents_without_a_status_and_reviewer_matches_claims() -> None:
    [unreviewed] = QueueFilters(status=ReviewStatus.UNREVIEWED).clauses()
    assert unreviewed["bool"]["must_not"][0]["terms"]["status"] == ReviewStatus.reviewed()
    [who] = QueueFilters(reviewer="ana").clauses()
    fields = [next(iter(s["term"])) for s in who["bool"]["should"]]
    assert fields == ["claim.reviewer", "reviewer"]


@pytest.mark.parametrize(
    "bad",
    [{"province": "x" * 201}, {"status": "bogus"}, {"page": 0}, {"page": 10_000}, {"evil": 1}],
)
def test_hostile_filters_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        QueueFilters.model_validate(bad)


def test_versions_round_trip_and_garbage_is_refused() -> None:
    assert Version.parse(Version(seq_no=12, primary_term=3).token()) == Version(
        seq_no=12, primary_term=3
    )
    for bad in ("", "12", "a.b", "1.2.3", "-1.1", "1." + "9" * 50, "<script>"):
        with pytest.raises(ValueError):
            Version.parse(bad)


def test_a_row_says_who_and_how_long_is_left() -> None:
    now = datetime(2024, 2, 1, tzinfo=UTC)
    hit = {
        "_seq_no": 4,
        "_primary_term": 1,
        "_source": {
            "@timestamp": "2024-01-30T00:00:00+00:00",
            "flag_id": "ig:1",
            "platform": "instagram",
            "account_id": "ig:budi",
            "report_deadline": (now + timedelta(days=2, hours=5)).isoformat(),
            "asn": {"registered": True, "name": "Budi", "agency": "Pemkab Blora"},
        },
    }
    r = row(hit)
    assert r.who == "Budi (Pemkab Blora)" and r.version.token() == "4.1"
    assert r.time_left(now) == "2 d 5 h"
    assert r.time_left(now + timedelta(days=3)).startswith("overdue")
    assert r.status is ReviewStatus.UNREVIEWED
