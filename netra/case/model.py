"""The case file: one typed record built from the flag's document."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, Field

from netra.case.deadline import Deadline, deadline_view, flag_deadlines
from netra.case.highlight import Span, usable_spans
from netra.report.skb import PHASES, SANCTION_TRACKS, SKB_FORMS, recipients
from schemas import EventSource, Evidence, TrimmedField
from schemas.flag_document import FlagDocument, ReviewEntry
from streams.deadlines import Clocks, default_clocks

REGIME_LAWS = {
    "pemilu": "Pemilu (UU 7/2017 Pasal 454, working days for public reports)",
    "pilkada": "Pilkada (UU 10/2016 Pasal 134, calendar days)",
}


class AsnIdentity(BaseModel):
    name: str
    nip_ref: str = Field(description="The NIP's pseudonym, shared by every flag of this ASN.")
    nip: str | None = Field(
        default=None, description="The clear NIP: only after an audited reveal, else None."
    )
    agency: str
    unit: str = ""
    province: str
    region: str = ""
    position: str = ""
    employment_type: str


class FieldView(BaseModel):
    """One field of the post with its evidence spans."""

    field: str
    value: str
    spans: list[Span] = Field(default_factory=list)


class RuleView(BaseModel):
    rule_id: str
    title: str
    skb_form: str
    form_meaning: str
    severity: str
    score: float
    review_only: bool
    evidence: list[Evidence]


class RecipientView(BaseModel):
    body: str
    role: str
    why: str


class CaseFile(BaseModel):
    """What a report to Bawaslu or BKN needs about one flag."""

    flag_id: str
    generated_at: AwareDatetime
    viewer: str | None = Field(description="Who it was made for (user and role), if signed in.")
    account_id: str
    account_handle: str | None
    platform: str
    asn: AsnIdentity | None
    action: str
    target: dict[str, Any] | None
    post_fields: list[FieldView]
    facts: list[Evidence] = Field(description="Evidence that is not a span of text.")
    hashtags: list[str]
    urls: list[str]
    outcome: str
    severity: str | None
    score: float
    skb_forms: dict[str, str]
    sanction_track: str | None
    sanction_meaning: str
    phase: str | None
    phase_meaning: str
    election: str | None
    participants: list[str]
    known_at: AwareDatetime = Field(
        description="When the act became known: first indexed, or a public report received."
    )
    known_via: str = Field(description="indexed or report.")
    regimes: list[str] = Field(description="pemilu, pilkada; empty: not determined.")
    deadline_zone: str = Field(description="WIB, WITA or WIT: whose days the clocks count.")
    quiet_period: bool = Field(
        description="Known in masa tenang or on voting day: Bawaslu takes reports 1x24 jam."
    )
    deadlines: list[Deadline]
    deadline_note: str | None = None
    round_the_clock_rule: str = Field(
        description="The rule behind reports taken 1x24 jam in masa tenang and on voting day."
    )
    rules: list[RuleView]
    status: str
    case_state: str = Field(description="Where the case stands across agencies.")
    reviews: list[ReviewEntry]
    pack_version: str
    engine_version: str
    recipients: list[RecipientView]
    source: EventSource | None = Field(
        default=None, description="Where the whole event is kept in Kafka, with its digest."
    )
    trimmed: list[TrimmedField] = Field(
        default_factory=list, description="What the flag cut to fit its topic."
    )

    def regime_words(self) -> str:
        """Which law's clocks apply, in words."""
        if not self.regimes:
            return (
                "not determined from the races or the election: the earliest clock of the "
                "Pemilu and the Pilkada applies"
            )
        return " and ".join(REGIME_LAWS.get(r, r) for r in self.regimes)

    def desk_note(self) -> str | None:
        """When Bawaslu takes reports round the clock on a day that matters here."""
        days = [d.window.replace("_", " ") for d in self.deadlines if d.round_the_clock]
        if not (self.quiet_period or days):
            return None
        when = "it became known in masa tenang or on voting day" if self.quiet_period else ""
        last = (
            f"the last day for the {' and '.join(days)} falls in masa tenang or on voting day"
            if days
            else ""
        )
        return (
            f"Reports are taken round the clock (1x24 jam), not only in office hours: "
            f"{'; '.join(w for w in (when, last) if w)} ({self.round_the_clock_rule})."
        )

    def cut_note(self) -> str | None:
        """One sentence on what the flag cut and where the whole event is, or None."""
        if not self.trimmed:
            return None
        cuts = "; ".join(f"{t.field} {t.kept:,} of {t.size:,}" for t in self.trimmed)
        where = (
            f"the whole event ({self.source.size:,} bytes, SHA-256 {self.source.sha256}) is "
            f"kept in {self.source.topic}, partition {self.source.partition}, offset "
            f"{self.source.offset}"
            if self.source
            else "the whole event is not referenced"
        )
        return f"The flag was cut to fit its topic ({cuts}); {where}."


def _asn(doc: FlagDocument, nip: str | None) -> AsnIdentity | None:
    asn = doc.asn
    if not asn.registered:
        return None
    return AsnIdentity(
        name=asn.name or "",
        # A document indexed before pseudonyms has no nip_ref (and its clear NIP is not shown).
        nip_ref=asn.nip_ref or "not recorded",
        nip=nip,
        agency=asn.agency or "",
        unit=asn.unit or "",
        province=asn.province or "",
        region=asn.region or "",
        position=asn.position or "",
        employment_type=asn.employment_type or "",
    )


def _post_fields(doc: FlagDocument) -> tuple[list[FieldView], list[Evidence]]:
    spans: dict[str, list[Span]] = {}
    facts: list[Evidence] = []
    for hit in doc.hits:
        for ev in hit.evidence:
            value = doc.field_text(ev.field)
            if ev.start is None or ev.end is None or value is None:
                facts.append(ev)
                continue
            spans.setdefault(ev.field, []).append(
                Span(start=ev.start, end=ev.end, features=[ev.feature])
            )
    # The post's own text, and the caption of what was liked or shared: the context of the act.
    order = ["text", "target.text", *(f for f in spans if f not in ("text", "target.text"))]
    views = []
    for name in order:
        value = doc.field_text(name) or ""
        if not value and (name != "text" or doc.field_text("target.text")):
            continue
        views.append(
            FieldView(field=name, value=value, spans=usable_spans(value, spans.get(name, [])))
        )
    return views, facts


def case_from_document(
    doc: FlagDocument,
    *,
    revealed_nip: str | None = None,
    viewer: str | None = None,
    now: datetime | None = None,
    clocks: Clocks | None = None,
) -> CaseFile:
    """Assemble a case file from an indexed flag document (pure: no Elasticsearch). The clear
    NIP is in it only when the caller passes one it revealed (netra.case.reveal)."""
    now = now or datetime.now(UTC)
    hits = doc.hits
    fields, facts = _post_fields(doc)
    clocks = clocks or default_clocks()
    fd = flag_deadlines(doc, clocks)
    zone = clocks.zones.get(fd.zone, clocks.default_zone).tz
    phase = doc.phase
    track = doc.sanction_track
    forms = sorted(set(doc.skb_forms) | {h.skb_form for h in hits})
    return CaseFile(
        flag_id=doc.flag_id,
        generated_at=now,
        viewer=viewer,
        account_id=doc.account_id,
        account_handle=doc.account_handle,
        platform=doc.platform,
        asn=_asn(doc, revealed_nip),
        action=doc.action,
        target=doc.target.model_dump(mode="json") if doc.target else None,
        post_fields=fields,
        facts=facts,
        hashtags=list(doc.hashtags),
        urls=list(doc.urls),
        outcome=doc.outcome.value,
        severity=doc.severity,
        score=doc.score,
        skb_forms={f: SKB_FORMS.get(f, "unknown form") for f in forms},
        sanction_track=track,
        sanction_meaning=SANCTION_TRACKS.get(str(track), "not determined"),
        phase=phase,
        phase_meaning=PHASES.get(str(phase), "not determined"),
        election=doc.election,
        participants=list(doc.participant_names or doc.participants),
        known_at=fd.known_at.astimezone(zone),
        known_via=fd.known_via.value,
        regimes=[r.value for r in fd.regimes],
        deadline_zone=fd.zone,
        quiet_period=fd.quiet_period,
        deadlines=[deadline_view(d, now, zone) for d in fd.deadlines],
        deadline_note=fd.note,
        round_the_clock_rule=clocks.round_the_clock_rule,
        rules=[
            RuleView(
                rule_id=h.rule_id,
                title=h.title,
                skb_form=h.skb_form,
                form_meaning=SKB_FORMS.get(h.skb_form, "unknown form"),
                severity=h.severity.value,
                score=h.score,
                review_only=h.review_only,
                evidence=list(h.evidence),
            )
            for h in hits
        ],
        status=doc.status.value,
        case_state=doc.case_state.value,
        reviews=list(doc.reviews),
        pack_version=doc.pack_version,
        engine_version=doc.engine_version,
        recipients=[RecipientView(body=r.body, role=r.role, why=r.why) for r in recipients(phase)],
        source=doc.source,
        trimmed=list(doc.trimmed),
    )
