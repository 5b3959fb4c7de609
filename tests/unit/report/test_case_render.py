"""Case files from an indexed flag document: identity, masking, highlighting, every format."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from netra.case import case_from_document, render, to_html, to_markdown
from schemas import EventSource, TrimmedField
from schemas.flag_document import FlagDocument
from tests.integration.report_samples import BUDI, SAMPLE_PSEUDONYMS, samples

NOW = datetime(2024, 2, 10, 8, tzinfo=UTC)


def _doc() -> FlagDocument:
    sample = next(
        s for s in samples(NOW) if s.reviews and s.flag.asn and s.flag.asn.name == BUDI.name
    )
    return sample.document()


def test_a_case_shows_the_pseudonym_and_never_the_nip() -> None:
    case = case_from_document(_doc(), now=NOW)
    assert case.asn is not None and case.asn.nip is None
    assert case.asn.nip_ref == SAMPLE_PSEUDONYMS.ref(BUDI.nip)
    for fmt in ("md", "html", "json"):
        page = render(case, fmt)
        assert BUDI.nip not in page, fmt
        assert case.asn.nip_ref in page, fmt
        assert fmt == "json" or "a reader who did not sign in" in page


def test_a_revealed_case_shows_identity_and_who_it_was_for() -> None:
    case = case_from_document(_doc(), revealed_nip=BUDI.nip, viewer="siti (bawaslu)", now=NOW)
    assert case.asn is not None
    got = json.loads(render(case, "json"))
    assert got["asn"]["nip"] == BUDI.nip and got["viewer"] == "siti (bawaslu)"
    page = to_html(case)
    for value in (BUDI.name, BUDI.agency, BUDI.unit, BUDI.position, BUDI.province, "PNS"):
        assert value in page
    assert f"{BUDI.nip} (revealed; the reveal is in the audit trail)" in to_markdown(case)


def test_evidence_highlight_and_escaping_in_html_and_markdown() -> None:
    doc = _doc()
    case = case_from_document(doc, now=NOW)
    page = to_html(case)
    assert '<mark title="vote-call:2">coblos nomor 2</mark>' in page
    assert '&lt;<mark title="participant">Prabowo-Gibran</mark>&gt; &amp; menang' in page
    md = to_markdown(case)
    assert r"**coblos nomor 2**! \<**Prabowo-Gibran**\> & menang" in md


def test_deadline_phase_track_reviews_and_recipients() -> None:
    doc = _doc()
    case = case_from_document(doc, now=NOW)
    assert case.regimes == ["pemilu"] and case.deadline_zone == "WIB"
    assert [d.window for d in case.deadlines] == ["finding", "report"]
    finding = case.deadlines[0]
    assert finding.due == doc.report_deadline
    assert finding.expired is (finding.due <= NOW)
    assert case.sanction_track == "discipline" and "PP 94/2021" in case.sanction_meaning
    assert case.phase == "campaign"
    assert case.skb_forms == {"N02": case.skb_forms["N02"]} and case.skb_forms["N02"]
    assert case.status == "confirmed" and case.reviews[0].verdict == "confirm"
    assert [r.body for r in case.recipients][:2] == ["Bawaslu", "BKN"]
    md = to_markdown(case)
    assert "analis.blora" in md and "UU 7/2017 Pasal 454" in md
    assert "core-2024.11.1" in md


def test_expired_deadline_is_shown() -> None:
    later = NOW + timedelta(days=30)
    case = case_from_document(_doc(), now=later)
    assert all(d.expired for d in case.deadlines)
    assert "EXPIRED" in to_html(case) and "EXPIRED" in to_markdown(case)


def test_a_like_shows_the_caption_of_the_liked_post() -> None:
    like = next(s for s in samples(NOW) if s.flag.post.action == "like")
    assert like.flag.post.target is not None
    case = case_from_document(like.document(), now=NOW)
    assert [f.field for f in case.post_fields] == ["target.text"]
    assert case.post_fields[0].value == like.flag.post.target.text


def test_a_cut_flag_says_what_was_cut_and_where_the_whole_event_is() -> None:
    doc = _doc().model_copy(
        update={
            "trimmed": [TrimmedField(field="text", size=20_000, kept=4_000)],
            "source": EventSource(
                topic="netra.posts", partition=3, offset=1234, size=990_000, sha256="ab" * 32
            ),
        }
    )
    case = case_from_document(doc, now=NOW)
    for page in (to_markdown(case), to_html(case)):
        assert "text 4,000 of 20,000" in page
        assert "netra.posts, partition 3, offset 1234" in page
        assert "ab" * 32 in page
    assert case_from_document(_doc(), now=NOW).cut_note() is None
