from __future__ import annotations

import json
from datetime import UTC, datetime

from schemas import (
    Action,
    Decision,
    Evidence,
    Flag,
    Outcome,
    ParticipantRef,
    Phase,
    Platform,
    Post,
    RegistryEntry,
    ReportImage,
    ReportInfo,
    RuleHit,
    SanctionTrack,
    Severity,
)
from schemas.flag_document import FlagDocument
from streams.elastic import flag_document, load_template, template_for, upsert_operations
from streams.pseudonyms import NipPseudonyms


def make_flag() -> Flag:
    post = Post(
        platform=Platform.INSTAGRAM,
        post_id="ig-1",
        account_id="ig:budi.s",
        text="Coblos nomor 2 ya ✌️",
        action=Action.POST,
        event_time=datetime(2024, 1, 20, 2, 0, tzinfo=UTC),
    )
    hit = RuleHit(
        rule_id="N02.call-to-vote",
        title="Call to vote",
        skb_form="N02",
        severity=Severity.HIGH,
        score=3.0,
        evidence=[Evidence(field="text", start=0, end=14, excerpt="Coblos nomor 2", feature="cue")],
    )
    decision = Decision(
        post_key=post.key,
        platform=post.platform,
        post_id=post.post_id,
        account_id=post.account_id,
        action=post.action,
        event_time=post.event_time,
        outcome=Outcome.FLAG,
        score=3.0,
        severity=Severity.HIGH,
        hits=[hit],
        participants=[
            ParticipantRef(
                id="pilpres-2024/02", name="Prabowo-Gibran", number=2, race="pilpres-2024"
            )
        ],
        races=["pilpres-2024"],
        phase=Phase.CAMPAIGN,
        sanction_track=SanctionTrack.DISCIPLINE,
        pack_version="core@1",
        engine_version="0.1.0",
    )
    asn = RegistryEntry(
        account_id="ig:budi.s",
        nip="198501012010011001",
        name="Budi S.",
        agency="Pemkab Blora",
        province="Jawa Tengah",
        employment_type="PNS",  # type: ignore[arg-type]
    )
    now = datetime.now(UTC)
    profile = NipPseudonyms(b"netra-unit-test-nip-key-0123456789").profile(asn)
    return Flag(decision=decision, post=post, asn=profile, received_at=now, judged_at=now)


def test_every_document_field_is_mapped_in_the_template() -> None:
    props = load_template()["template"]["mappings"]["properties"]
    doc = flag_document(make_flag()).to_source()
    assert set(doc) - set(props) == set()
    assert set(doc["asn"]) - set(props["asn"]["properties"]) == set()


def test_document_carries_rules_participants_and_the_reporting_deadline() -> None:
    indexed = datetime(2024, 1, 20, 2, 5, tzinfo=UTC)  # 09:05 WIB, Saturday 20 January 2024
    doc = flag_document(make_flag(), indexed_at=indexed).to_source()
    assert doc["flag_id"] == "instagram:ig-1"
    assert doc["rule_ids"] == ["N02.call-to-vote"] and doc["skb_forms"] == ["N02"]
    assert doc["participants"] == ["pilpres-2024/02"]
    assert doc["asn"]["agency"] == "Pemkab Blora" and doc["asn"]["registered"] is True
    assert "198501012010011001" not in str(doc) and len(doc["asn"]["nip_ref"]) == 32
    assert datetime.fromisoformat(doc["known_at"]) == indexed and doc["known_via"] == "indexed"
    assert doc["regime"] == ["pemilu"] and doc["deadline_zone"] == "WIB"  # pilpres-2024, Jateng
    due = {d["window"]: d["due"] for d in doc["deadlines"]}
    # Finding: 7 days, the end of Saturday 27 January; report: 7 working days, the end of
    # Tuesday 30 January (22-26 and 29-30 January).
    assert due == {"finding": "2024-01-28T00:00:00+07:00", "report": "2024-01-31T00:00:00+07:00"}
    assert doc["report_deadline"] == due["finding"]  # the first deadline: what alerts watch


def test_upsert_keeps_review_status_on_redelivery() -> None:
    doc = flag_document(make_flag())
    action, body = map(json.loads, upsert_operations("netra-flags", "instagram:ig-1", doc))
    assert action["update"]["_id"] == "instagram:ig-1"
    assert "status" not in body["doc"]  # a redelivered flag must not reset a review
    assert body["upsert"]["status"] == "unreviewed"
    assert "claim" not in body["doc"] and body["upsert"]["case_state"] == "flagged"


def test_upsert_keeps_when_the_flag_became_known_and_its_deadlines() -> None:
    doc = flag_document(make_flag())
    _, body = map(json.loads, upsert_operations("netra-flags", "instagram:ig-1", doc))
    for field in ("known_at", "regime", "deadlines", "report_deadline", "quiet_period"):
        assert field not in body["doc"], field  # a redelivered flag must not restart its clocks
        assert body["upsert"][field] == doc.to_source()[field], field
    assert body["doc"]["indexed_at"] == doc.to_source()["indexed_at"]


def test_upsert_lines_hold_the_document_as_to_source_has_it() -> None:
    doc = flag_document(make_flag())
    kept = FlagDocument.INDEXER_ONCE | FlagDocument.REVIEW_FIELDS | FlagDocument.CLAIM_FIELDS
    _, body = map(json.loads, upsert_operations("netra-flags", "instagram:ig-1", doc))
    assert body == {"doc": doc.to_source(exclude=kept), "upsert": doc.to_source()}


def test_production_extras_only_where_the_cluster_has_them() -> None:
    minimal = template_for(set())
    assert "analyzer" not in minimal["template"]["mappings"]["properties"]["text"]
    assert "index.lifecycle.name" not in minimal["template"]["settings"]
    full = template_for({"analysis-common", "x-pack-ilm"})
    assert full["template"]["mappings"]["properties"]["text"]["analyzer"] == "indonesian"
    assert full["template"]["settings"]["index.lifecycle.name"] == "netra-flags"


def _reported_flag() -> Flag:
    flag = make_flag()
    report = ReportInfo(
        ticket="LAP-0000-0000-0000-0000",
        reported_at=datetime(2024, 1, 22, 1, 0, tzinfo=UTC),  # Monday 08:00 WIB
        images=[
            ReportImage(
                sha256="ab" * 32,
                media_type="image/png",
                size=1234,
                width=10,
                height=20,
                location="file:///state/intake/evidence/ab/" + "ab" * 32,
            )
        ],
        reporter_sealed=True,
    )
    return flag.model_copy(update={"post": flag.post.model_copy(update={"report": report})})


def test_a_reports_clocks_start_when_it_was_received_not_when_indexed() -> None:
    indexed = datetime(2024, 1, 25, 2, 0, tzinfo=UTC)
    doc = flag_document(_reported_flag(), indexed_at=indexed).to_source()
    assert doc["known_via"] == "report" and doc["known_at"] == "2024-01-22T01:00:00Z"
    assert doc["registered_at"] is None  # no registration step yet: follow-up clocks wait
    due = {d["window"]: d["due"] for d in doc["deadlines"]}
    # Known Monday 22 January: finding by the end of Monday 29th; report 7 working days
    # (23-26, 29-31 January) by the end of Wednesday 31st.
    assert due == {"finding": "2024-01-30T00:00:00+07:00", "report": "2024-02-01T00:00:00+07:00"}
    assert doc["report"]["ticket"] == "LAP-0000-0000-0000-0000"
    assert doc["report"]["images"][0]["sha256"] == "ab" * 32


def test_a_reports_document_fields_are_mapped_and_an_ordinary_flag_has_none() -> None:
    props = load_template()["template"]["mappings"]["properties"]
    doc = flag_document(_reported_flag()).to_source()
    report_props = props["report"]["properties"]
    assert set(doc["report"]) - set(report_props) == set()
    assert set(doc["report"]["images"][0]) - set(report_props["images"]["properties"]) == set()
    assert flag_document(make_flag()).to_source()["report"] is None


def test_a_document_lists_the_tags_its_evidence_names() -> None:
    """A text whose connector listed no hashtags keeps the tags written in it as the document's
    hashtags: the engine's evidence `hashtags[i]` names the i-th of them (`Post.tags`)."""
    flag = make_flag()
    written = flag.post.model_copy(update={"text": "Coblos nomor 2 #Menang02 #Jateng"})
    doc = flag_document(flag.model_copy(update={"post": written}))
    assert doc.hashtags == ["Menang02", "Jateng"] and doc.field_text("hashtags[1]") == "Jateng"
    listed = flag.post.model_copy(update={"text": "Coblos #Menang02", "hashtags": ["Menang02"]})
    assert flag_document(flag.model_copy(update={"post": listed})).hashtags == ["Menang02"]
