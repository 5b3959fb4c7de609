"""Realistic flags for the report and case-file tests, indexed into a throwaway alias.

Built with the real records (schemas) and the real document shape (streams.elastic), so the
report reads exactly what a worker would have indexed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from elasticsearch import AsyncElasticsearch

from schemas import (
    Action,
    Decision,
    EmploymentType,
    Evidence,
    Flag,
    Outcome,
    ParticipantRef,
    Phase,
    Platform,
    Post,
    RegistryEntry,
    RuleHit,
    SanctionTrack,
    Severity,
    Target,
    TargetKind,
)
from schemas.flag_document import FlagDocument, ReviewEntry, ReviewStatus
from streams.deadlines import Due
from streams.elastic import ensure_index, flag_document
from streams.pseudonyms import NipPseudonyms

# The key the samples' NIP pseudonyms were made with; tests that reveal a NIP configure it.
SAMPLE_NIP_KEY = "netra-sample-nip-key-0123456789abcdef"
SAMPLE_PSEUDONYMS = NipPseudonyms(SAMPLE_NIP_KEY.encode())

BUDI = RegistryEntry(
    account_id="ig:budi.kradenan",
    nip="198501152010011001",
    name="Budi Santoso",
    agency="Pemkab Blora",
    unit="Kecamatan Kradenan",
    province="Jawa Tengah",
    region="Kabupaten Blora",
    position="Camat",
    employment_type=EmploymentType.PNS,
)
SITI = RegistryEntry(
    account_id="x:siti_rahma",
    nip="199003222015032002",
    name="Siti Rahmawati",
    agency="Kementerian Agama",
    unit="Kantor Kemenag Kota Semarang",
    province="Jawa Tengah",
    region="Kota Semarang",
    position="Penyuluh Agama",
    employment_type=EmploymentType.PPPK,
)
ANDI = RegistryEntry(
    account_id="fb:andi.pratama88",
    nip="198807102012121003",
    name="Andi Pratama",
    agency="Pemprov Sulawesi Selatan",
    unit="Dinas Pendidikan",
    province="Sulawesi Selatan",
    region="Kota Makassar",
    position="Guru",
    employment_type=EmploymentType.PNS,
)
PRABOWO = ParticipantRef(id="pilpres-2024/02", name="Prabowo-Gibran", number=2, race="pilpres-2024")
AMIN = ParticipantRef(id="pilpres-2024/01", name="Anies-Muhaimin", number=1, race="pilpres-2024")
LUTHFI = ParticipantRef(
    id="pilgub-jateng-2024/02", name="Luthfi-Yasin", number=2, race="pilgub-jateng-2024"
)
PLATFORM = {
    "ig": Platform.INSTAGRAM,
    "x": Platform.X,
    "fb": Platform.FACEBOOK,
    "tt": Platform.TIKTOK,
}


def span(text: str, excerpt: str, feature: str, fld: str = "text") -> Evidence:
    """Evidence at the first occurrence of excerpt in text (offsets as the engine gives them)."""
    start = text.index(excerpt)
    return Evidence(
        field=fld, start=start, end=start + len(excerpt), excerpt=excerpt, feature=feature
    )


def make_flag(
    *,
    n: int,
    account: str,
    asn: RegistryEntry | None,
    when: datetime,
    text: str,
    evidence: list[tuple[str, str]],
    rule: str,
    form: str,
    severity: Severity,
    participant: ParticipantRef,
    action: Action = Action.POST,
    target: Target | None = None,
    phase: Phase = Phase.CAMPAIGN,
) -> Flag:
    platform = PLATFORM[account.split(":")[0]]
    post = Post(
        platform=platform,
        post_id=f"rpt{n:04d}",
        account_id=account,
        account_handle=account.split(":")[1],
        text=text,
        action=action,
        target=target,
        event_time=when,
        language="id",
    )
    hit = RuleHit(
        rule_id=rule,
        title=rule.split(".", 1)[1].replace("-", " "),
        skb_form=form,
        severity=severity,
        score=70.0 if severity is Severity.HIGH else 55.0,
        evidence=[span(text, ex, feat) for ex, feat in evidence]
        + [Evidence(field="action", excerpt=action.value, feature=f"action:{action.value}")],
    )
    decision = Decision(
        post_key=post.key,
        platform=platform,
        post_id=post.post_id,
        account_id=account,
        action=action,
        event_time=when,
        outcome=Outcome.FLAG,
        score=hit.score,
        severity=severity,
        hits=[hit],
        participants=[participant],
        races=[participant.race],
        election=participant.race,
        phase=phase,
        sanction_track=SanctionTrack.DISCIPLINE
        if phase is not Phase.PRE_CANDIDACY
        else SanctionTrack.CODE_OF_ETHICS,
        pack_version="core-2024.11.1",
        engine_version="0.1.0",
    )
    return Flag(
        decision=decision,
        post=post,
        asn=SAMPLE_PSEUDONYMS.profile(asn) if asn else None,
        received_at=when + timedelta(seconds=2),
        judged_at=when + timedelta(seconds=2, milliseconds=40),
    )


@dataclass
class Sample:
    flag: Flag
    status: str = "unreviewed"
    reviews: list[dict[str, Any]] = field(default_factory=list)

    def document(self) -> FlagDocument:
        """The document as the indexer (at judging time) and then the review agent leave it."""
        doc = flag_document(self.flag, indexed_at=self.flag.judged_at)
        reviews = [ReviewEntry.model_validate(r) for r in self.reviews]
        return doc.model_copy(
            update={
                "status": ReviewStatus(self.status),
                "reviews": reviews,
                "reviewer": reviews[-1].reviewer if reviews else None,
                "reviewed_at": reviews[-1].reviewed_at if reviews else None,
            }
        )

    def document_deadlines(self) -> list[Due]:
        """The deadlines its document records."""
        found = self.document().recorded_deadlines()
        assert found is not None
        return found.deadlines


def samples(now: datetime) -> list[Sample]:
    """Seven flags in the last six days and one 9 days old (its 7-day deadline has passed)."""
    day = timedelta(days=1)
    like = Target(
        kind=TargetKind.POST,
        account="ig:prabowogibran.official",
        post_id="C9abc",
        name="Prabowo Gibran Official",
        text="Bersama kita menang! #02",
    )
    reviewed_at = (now - timedelta(hours=20)).isoformat()
    return [
        Sample(
            make_flag(
                n=1,
                account=BUDI.account_id,
                asn=BUDI,
                when=now - 6 * day,
                text="Ayo warga Kradenan, coblos nomor 2! <Prabowo-Gibran> & menang satu putaran",
                evidence=[("coblos nomor 2", "vote-call:2"), ("Prabowo-Gibran", "participant")],
                rule="N02.online-campaign",
                form="N02",
                severity=Severity.HIGH,
                participant=PRABOWO,
            ),
            status="confirmed",
            reviews=[
                {
                    "reviewer": "analis.blora",
                    "verdict": "confirm",
                    "note": "Akun milik Camat Kradenan, sudah diverifikasi",
                    "reviewed_at": reviewed_at,
                }
            ],
        ),
        Sample(
            make_flag(
                n=2,
                account=BUDI.account_id,
                asn=BUDI,
                when=now - 3 * day,
                text="",
                evidence=[],
                rule="N04.like-campaign-content",
                form="N04",
                severity=Severity.MEDIUM,
                participant=PRABOWO,
                action=Action.LIKE,
                target=like,
            )
        ),
        Sample(
            make_flag(
                n=3,
                account=BUDI.account_id,
                asn=BUDI,
                when=now - 1 * day,
                text="Salam dua jari untuk Jawa Tengah \U0001f1ee\U0001f1e9 Luthfi-Yasin nomor 2",
                evidence=[("Salam dua jari", "pose:two-fingers"), ("Luthfi-Yasin", "participant")],
                rule="N05.photo-partisan-pose",
                form="N05",
                severity=Severity.HIGH,
                participant=LUTHFI,
            )
        ),
        Sample(
            make_flag(
                n=4,
                account=SITI.account_id,
                asn=SITI,
                when=now - 5 * day,
                text="Perubahan dimulai dari kita. #AMIN2024 bersama Anies-Muhaimin",
                evidence=[("#AMIN2024", "campaign-tag"), ("Anies-Muhaimin", "participant")],
                rule="N02.online-campaign",
                form="N02",
                severity=Severity.MEDIUM,
                participant=AMIN,
            ),
            status="dismissed",
            reviews=[
                {
                    "reviewer": "analis.semarang",
                    "verdict": "dismiss",
                    "note": "akun parodi",
                    "reviewed_at": reviewed_at,
                }
            ],
        ),
        Sample(
            make_flag(
                n=5,
                account=SITI.account_id,
                asn=SITI,
                when=now - 2 * day,
                text="Ikut deklarasi relawan AMIN Kota Semarang hari ini",
                evidence=[("deklarasi relawan AMIN", "declaration")],
                rule="N03.attend-declaration",
                form="N03",
                severity=Severity.MEDIUM,
                participant=AMIN,
            )
        ),
        Sample(
            make_flag(
                n=6,
                account=ANDI.account_id,
                asn=ANDI,
                when=now - 4 * day,
                text="Bapak/ibu guru, mari dukung 02 di grup ini ya",
                evidence=[("mari dukung 02", "appeal:02")],
                rule="N10.partisan-appeal",
                form="N10",
                severity=Severity.HIGH,
                participant=PRABOWO,
            ),
            status="escalated",
        ),
        Sample(
            make_flag(
                n=8,
                account=BUDI.account_id,
                asn=BUDI,
                when=now - 9 * day,
                text="Relawan Prabowo-Gibran Kec. Kradenan siap bergerak",
                evidence=[("Relawan Prabowo-Gibran", "campaign-group")],
                rule="N04.join-campaign-group",
                form="N04",
                severity=Severity.MEDIUM,
                participant=PRABOWO,
                action=Action.JOIN_GROUP,
            )
        ),
        Sample(
            make_flag(
                n=7,
                account="tt:warga.biasa",
                asn=None,
                when=now - 2 * day,
                text="Coblos nomor 1 tanggal 14 Februari",
                evidence=[("Coblos nomor 1", "vote-call:1")],
                rule="N02.online-campaign",
                form="N02",
                severity=Severity.MEDIUM,
                participant=AMIN,
            )
        ),
    ]


async def index_samples(es_url: str, items: list[Sample]) -> tuple[str, str]:
    """Index the samples behind a unique alias; returns (alias, backing index)."""
    alias = f"netra-test-report-{uuid.uuid4().hex[:10]}"
    async with AsyncElasticsearch(es_url, request_timeout=30) as es:
        index = await ensure_index(es, alias)
        for s in items:
            await es.index(index=alias, id=s.flag.flag_id, document=s.document().to_source())
        await es.indices.refresh(index=index)
    return alias, index


async def drop_samples(es_url: str, alias: str, index: str) -> None:
    """Delete the backing index (and so the alias) and the test's index template."""
    async with AsyncElasticsearch(es_url, request_timeout=30) as es:
        quiet = es.options(ignore_status=404)
        await quiet.indices.delete(index=index, ignore_unavailable=True)
        await quiet.indices.delete_index_template(name=alias)


@dataclass
class Indexed:
    """Sample flags indexed behind an alias of their own, for one test."""

    es_url: str
    alias: str
    now: datetime
    items: list[Sample]
