"""The typed flag document: old documents stay readable, each writer owns its fields, and every
field and query path is in the Elasticsearch mapping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from schemas import ReviewVerdict, Verdict
from schemas.case import CaseStage
from schemas.flag_document import FlagDocument, FlagField, ReviewStatus, flag_link
from streams.deadlines import KnownVia, load_clocks
from streams.elastic import load_template

T0 = datetime(2024, 4, 5, 3, 0, tzinfo=UTC)
OLD = {
    "@timestamp": "2024-01-01T00:00:00+00:00",
    "flag_id": "instagram:ig-9",
    "platform": "instagram",
    "account_id": "ig:budi",
    "text": "coblos nomor 2",
    "hashtags": ["a", "b"],
    "target": {"kind": "post", "text": "caption"},
    "asn": {
        "registered": True,
        "name": "Budi",
        "agency": "Pemkab Blora",
        "province": "Jawa Tengah",
    },
    "status": "confirmed",
    "an_old_field": 1,
}


def _verdict(v: Verdict, minutes: int = 0) -> ReviewVerdict:
    return ReviewVerdict(
        flag_id="instagram:ig-9",
        reviewer="ana",
        verdict=v,
        reviewed_at=T0 + timedelta(minutes=minutes),
    )


def test_a_document_from_before_deadlines_pseudonyms_and_case_states_is_read() -> None:
    doc = FlagDocument.from_source(OLD)
    assert doc.status is ReviewStatus.CONFIRMED and doc.case_state is CaseStage.FLAGGED
    assert doc.recorded_deadlines() is None and doc.first_known() == doc.timestamp
    assert doc.asn.profile() is None  # no nip_ref: nothing to reveal
    assert doc.to_source()["@timestamp"].startswith("2024-01-01T00:00:00")


def test_evidence_paths_name_post_fields() -> None:
    doc = FlagDocument.from_source(OLD)
    assert doc.field_text("hashtags[1]") == "b"
    assert doc.field_text("target.text") == "caption"
    assert doc.field_text("hashtags[5]") is None
    assert doc.field_text("hashtags[x]") is None
    assert doc.field_text("nothing.here") is None


def test_deadlines_round_trip_through_the_document() -> None:
    fd = load_clocks().deadlines(
        known_at=T0,
        races=["pilpres-2024"],
        election="pemilu-2024",
        province="Bali",
        known_via=KnownVia.REPORT,
    )
    doc = FlagDocument.from_source(OLD).with_deadlines(fd)
    source = doc.to_source()
    assert datetime.fromisoformat(source["report_deadline"]) == fd.first.due
    assert source["regime"] == ["pemilu"] and source["known_via"] == "report"
    assert FlagDocument.from_source(source).recorded_deadlines() == fd


def test_a_dismissal_closes_a_flagged_case_and_a_later_step_is_never_taken_back() -> None:
    doc = FlagDocument.from_source(OLD)
    dismissed = doc.with_verdict(_verdict(Verdict.DISMISS))
    assert dismissed is not None and dismissed.case_state is CaseStage.CLOSED
    confirmed = doc.with_verdict(_verdict(Verdict.CONFIRM))
    assert confirmed is not None and confirmed.case_state is CaseStage.REVIEWED
    registered = doc.model_copy(update={"case_state": CaseStage.FINDING_REGISTERED})
    again = registered.with_verdict(_verdict(Verdict.ESCALATE, 5))
    assert again is not None and again.case_state is CaseStage.FINDING_REGISTERED
    assert again.status is ReviewStatus.ESCALATED


def test_status_sets_cover_every_verdict() -> None:
    assert {ReviewStatus.after(v) for v in Verdict} == set(ReviewStatus.reviewed())
    assert set(ReviewStatus.judged()) < set(ReviewStatus.reviewed())


def _mapped(props: dict[str, Any], path: str) -> bool:
    head, _, rest = path.partition(".")
    if head not in props:
        return False
    return not rest or _mapped(props[head].get("properties", {}), rest)


def test_every_field_and_query_path_is_in_the_mapping() -> None:
    props = load_template()["template"]["mappings"]["properties"]
    fields = {f.serialization_alias or name for name, f in FlagDocument.model_fields.items()}
    assert fields - set(props) == set()
    assert [f.value for f in FlagField if not _mapped(props, f.value)] == []
    assert set(FlagDocument.model_fields) >= FlagDocument.INDEXER_ONCE | FlagDocument.REVIEW_FIELDS
    assert set(FlagDocument.model_fields) >= FlagDocument.CLAIM_FIELDS


def test_a_flag_link_leads_to_the_desk_page_with_the_id_escaped() -> None:
    assert flag_link("https://desk.example/", "instagram:C3/x?y") == (
        "https://desk.example/flag?id=instagram%3AC3%2Fx%3Fy"
    )
