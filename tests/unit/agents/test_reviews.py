from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agents.reviews import due_query, reviewed_fields
from schemas import ReviewVerdict, Verdict
from schemas.flag_document import FlagDocument

T0 = datetime(2024, 1, 20, 9, 0, tzinfo=UTC)
BARE = FlagDocument(timestamp=T0, flag_id="instagram:ig-1", platform="instagram", account_id="a")


def verdict(v: Verdict, minutes: int, who: str = "ana") -> ReviewVerdict:
    return ReviewVerdict(
        flag_id="instagram:ig-1",
        reviewer=who,
        verdict=v,
        note="n",
        reviewed_at=T0 + timedelta(minutes=minutes),
    )


def test_a_verdict_sets_status_and_appends_history() -> None:
    fields = reviewed_fields(BARE, verdict(Verdict.CONFIRM, 0))
    assert fields is not None
    assert fields["status"] == "confirmed" and fields["reviewer"] == "ana"
    assert len(fields["reviews"]) == 1 and fields["case_state"] == "reviewed"
    assert set(fields) == FlagDocument.REVIEW_FIELDS  # nothing the indexer owns


def test_a_redelivered_verdict_changes_nothing() -> None:
    first = reviewed_fields(BARE, verdict(Verdict.ESCALATE, 0))
    assert first is not None
    again = FlagDocument.from_source(BARE.to_source() | first)
    assert reviewed_fields(again, verdict(Verdict.ESCALATE, 0)) is None


def test_status_follows_the_latest_verdict_even_if_it_arrives_first() -> None:
    later = reviewed_fields(BARE, verdict(Verdict.DISMISS, 10, "budi"))
    assert later is not None
    both = reviewed_fields(
        FlagDocument.from_source(BARE.to_source() | later), verdict(Verdict.CONFIRM, 0, "ana")
    )
    assert both is not None
    assert [e["reviewer"] for e in both["reviews"]] == ["ana", "budi"]
    assert both["status"] == "dismissed" and both["reviewer"] == "budi"


def test_due_query_counts_unreviewed_flags_by_their_first_deadline() -> None:
    body = due_query(T0)
    assert body["query"] == {"term": {"status": "unreviewed"}}
    ranges = body["aggs"]["due"]["date_range"]
    assert ranges["field"] == "report_deadline"
    assert ranges["ranges"] == [
        {
            "key": "passed_24h",
            "from": (T0 - timedelta(hours=24)).isoformat(),
            "to": T0.isoformat(),
        },
        {"key": "48h", "from": T0.isoformat(), "to": (T0 + timedelta(hours=48)).isoformat()},
    ]
