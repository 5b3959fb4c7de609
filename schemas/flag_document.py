"""The flag as Elasticsearch keeps it: one typed document, written by the indexer, the review
agent and the desk, and read by the case file, the report and the desk.

The document is a flattened flag (the post's fields at the top, so Kibana and the reports
aggregate on them) plus what happened to it since: the review status and history, the state
of the case across agencies, and the desk's claim. Each writer owns a group of fields
(`INDEXER_ONCE`, `REVIEW_FIELDS`, `CLAIM_FIELDS`): a redelivered flag rewrites the post and
the decision but never a verdict, a claim, or when the flag became known.

Documents indexed by older versions lack newer fields; every such field has a default, so
they stay readable. The Elasticsearch mapping (deploy/elasticsearch/flags-template.json) has
one property per field here, which a unit test checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar
from urllib.parse import quote

from pydantic import AliasChoices, AwareDatetime, BaseModel, ConfigDict, Field

from schemas.case import CaseStage
from schemas.deadlines import Due, FlagDeadlines, KnownVia, Regime
from schemas.decision import Outcome, RuleHit
from schemas.flag import EventSource, TrimmedField
from schemas.post import Target
from schemas.registry import AsnProfile
from schemas.report import ReportInfo
from schemas.review import ReviewVerdict, Verdict


class ReviewStatus(StrEnum):
    """Where a flag stands with its reviewers: the latest verdict, or none yet."""

    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"

    @classmethod
    def after(cls, verdict: Verdict) -> ReviewStatus:
        return _STATUS_AFTER[verdict]

    @classmethod
    def reviewed(cls) -> tuple[ReviewStatus, ...]:
        """Every status a verdict leads to."""
        return tuple(_STATUS_AFTER.values())

    @classmethod
    def judged(cls) -> tuple[ReviewStatus, ...]:
        """The statuses that say whether the flag was right: what precision is computed over."""
        return (cls.CONFIRMED, cls.DISMISSED)


_STATUS_AFTER = {
    Verdict.CONFIRM: ReviewStatus.CONFIRMED,
    Verdict.DISMISS: ReviewStatus.DISMISSED,
    Verdict.ESCALATE: ReviewStatus.ESCALATED,
}


class ReviewEntry(BaseModel):
    """One verdict in the flag's review history."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    reviewer: str
    verdict: Verdict
    note: str = ""
    reviewed_at: AwareDatetime

    @classmethod
    def of(cls, verdict: ReviewVerdict) -> ReviewEntry:
        return cls(
            reviewer=verdict.reviewer,
            verdict=verdict.verdict,
            note=verdict.note,
            reviewed_at=verdict.reviewed_at,
        )


class Claim(BaseModel):
    """Who works the flag on the desk: claimed by a reviewer, or assigned to one."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    reviewer: str
    at: AwareDatetime
    by: str = Field(description="Who claimed it: the reviewer, or whoever assigned it.")


class AsnFields(BaseModel):
    """The ASN behind the account as indexed: the profile with the NIP's pseudonym, or only
    `registered: false` for an account outside the registry."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    # None, not "": Elasticsearch counts a missing value as missing ("not in registry"), an
    # empty string as a value of its own.
    registered: bool = False
    nip_ref: str | None = None
    nip_key: str | None = None
    name: str | None = None
    agency: str | None = None
    unit: str | None = None
    province: str | None = None
    region: str | None = None
    position: str | None = None
    employment_type: str | None = None

    @classmethod
    def of(cls, profile: AsnProfile | None) -> AsnFields:
        if profile is None:
            return cls()
        return cls.model_validate({"registered": True, **profile.model_dump(mode="json")})

    def profile(self) -> AsnProfile | None:
        """The ASN as a profile; None when not registered, or indexed before NIP pseudonyms."""
        if not self.registered or not self.nip_ref:
            return None
        return AsnProfile.model_validate(
            self.model_dump(include=set(AsnProfile.model_fields), exclude_none=True)
        )


class FlagField(StrEnum):
    """Paths of the document's fields that queries name (filters, sorts, aggregations), so
    every query spells them once, here; a unit test checks each against the model."""

    TIMESTAMP = "@timestamp"
    FLAG_ID = "flag_id"
    PLATFORM = "platform"
    ACCOUNT_ID = "account_id"
    OUTCOME = "outcome"
    SEVERITY = "severity"
    SEVERITY_RANK = "severity_rank"
    REVIEWER = "reviewer"
    NIP_REF = "asn.nip_ref"
    SCORE = "score"
    RULE_IDS = "rule_ids"
    SKB_FORMS = "skb_forms"
    PARTICIPANT_NAMES = "participant_names"
    STATUS = "status"
    CASE_STATE = "case_state"
    REPORT_DEADLINE = "report_deadline"
    REACH = "reach"
    CLAIM_REVIEWER = "claim.reviewer"
    ASN_REGISTERED = "asn.registered"
    ASN_NAME = "asn.name"
    ASN_AGENCY = "asn.agency"
    ASN_PROVINCE = "asn.province"
    ASN_REGION = "asn.region"


class FlagDocument(BaseModel):
    """One flag in Elasticsearch (document id = flag id)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    # Written once, when the flag is first indexed: it became known then, and its clocks run.
    INDEXER_ONCE: ClassVar[frozenset[str]] = frozenset(
        {
            "known_at",
            "known_via",
            "registered_at",
            "regime",
            "deadline_zone",
            "quiet_period",
            "deadlines",
            "deadline_note",
            "report_deadline",
        }
    )
    # Owned by the review agent (derived from the reviews topic).
    REVIEW_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"status", "reviewer", "reviewed_at", "reviews", "case_state"}
    )
    # Owned by the desk.
    CLAIM_FIELDS: ClassVar[frozenset[str]] = frozenset({"claim"})

    timestamp: AwareDatetime = Field(
        validation_alias=AliasChoices("@timestamp", "timestamp"),
        serialization_alias="@timestamp",
        description="The event's time.",
    )
    flag_id: str
    platform: str
    post_id: str = ""
    account_id: str
    account_handle: str | None = None
    action: str = ""
    text: str = ""
    hashtags: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    media_description: str = ""
    language: str | None = None
    target: Target | None = None
    report: ReportInfo | None = Field(
        default=None, description="Set when the event came from a public report (netra.intake)."
    )
    reach: int = Field(default=0, description="Followers or members the act reached, if known.")
    outcome: Outcome = Outcome.FLAG
    score: float = 0.0
    severity: str | None = None
    severity_rank: int = Field(
        default=0, description="3 high, 2 medium, 1 low, 0 none: what the desk sorts by."
    )
    rule_ids: list[str] = Field(default_factory=list)
    skb_forms: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    participant_names: list[str] = Field(default_factory=list)
    races: list[str] = Field(default_factory=list)
    election: str | None = None
    phase: str | None = None
    sanction_track: str | None = None
    evidence: list[str] = Field(default_factory=list)
    hits: list[RuleHit] = Field(default_factory=list)
    pack_version: str = ""
    engine_version: str = ""
    asn: AsnFields = Field(default_factory=AsnFields)
    known_at: AwareDatetime | None = None
    known_via: KnownVia | None = None
    registered_at: AwareDatetime | None = None
    regime: list[Regime] = Field(default_factory=list)
    deadline_zone: str | None = None
    quiet_period: bool = False
    deadlines: list[Due] = Field(default_factory=list)
    deadline_note: str | None = None
    report_deadline: AwareDatetime | None = None
    received_at: AwareDatetime | None = None
    judged_at: AwareDatetime | None = None
    indexed_at: AwareDatetime | None = None
    source: EventSource | None = None
    trimmed: list[TrimmedField] = Field(default_factory=list)
    status: ReviewStatus = ReviewStatus.UNREVIEWED
    reviewer: str | None = None
    reviewed_at: AwareDatetime | None = None
    reviews: list[ReviewEntry] = Field(default_factory=list)
    case_state: CaseStage = CaseStage.FLAGGED
    claim: Claim | None = None

    @classmethod
    def from_source(cls, source: Mapping[str, Any]) -> FlagDocument:
        """Read an Elasticsearch `_source` (older documents included)."""
        return cls.model_validate(source)

    def to_source(
        self, *, include: frozenset[str] | None = None, exclude: frozenset[str] | None = None
    ) -> dict[str, Any]:
        """The document as Elasticsearch stores it (JSON types, `@timestamp`)."""
        data: dict[str, Any] = self.model_dump(
            mode="json",
            by_alias=True,
            include=set(include) if include is not None else None,
            exclude=set(exclude) if exclude is not None else None,
        )
        return data

    def to_json(self, *, exclude: frozenset[str] | None = None) -> bytes:
        """`to_source` serialised: the same JSON, written by pydantic in one pass instead of
        built as a dict and encoded again (the indexer writes two copies of every flag)."""
        return self.model_dump_json(
            by_alias=True, exclude=set(exclude) if exclude is not None else None
        ).encode()

    def with_deadlines(self, fd: FlagDeadlines) -> FlagDocument:
        """This document with when it became known and its deadlines."""
        return self.model_copy(
            update={
                "known_at": fd.known_at,
                "known_via": fd.known_via,
                "registered_at": fd.registered_at,
                "regime": list(fd.regimes),
                "deadline_zone": fd.zone,
                "quiet_period": fd.quiet_period,
                "deadlines": list(fd.deadlines),
                "deadline_note": fd.note,
                "report_deadline": fd.first.due,
            }
        )

    def recorded_deadlines(self) -> FlagDeadlines | None:
        """The deadlines as recorded; None for a document indexed before they were."""
        if self.known_at is None or not self.deadlines:
            return None
        return FlagDeadlines(
            known_at=self.known_at,
            known_via=self.known_via or KnownVia.INDEXED,
            registered_at=self.registered_at,
            regimes=list(self.regime),
            zone=self.deadline_zone or "WIB",
            quiet_period=self.quiet_period,
            deadlines=list(self.deadlines),
            note=self.deadline_note,
        )

    def first_known(self) -> datetime:
        """When the flag became known, as far as the document tells (older ones: indexed)."""
        return self.known_at or self.indexed_at or self.timestamp

    def with_verdict(self, verdict: ReviewVerdict) -> FlagDocument | None:
        """The document once `verdict` is in its history, in time order, the status that of
        the latest verdict; None when the verdict is already there (a redelivery)."""
        entry = ReviewEntry.of(verdict)
        if entry in self.reviews:
            return None
        history = sorted([*self.reviews, entry], key=lambda e: e.reviewed_at)
        latest = history[-1]
        return self.model_copy(
            update={
                "reviews": history,
                "status": ReviewStatus.after(latest.verdict),
                "reviewer": latest.reviewer,
                "reviewed_at": latest.reviewed_at,
                "case_state": self.case_state.after_verdict(latest.verdict),
            }
        )

    def field_text(self, path: str) -> str | None:
        """The text of a post field by its evidence path (text, hashtags[2], target.text)."""
        return _walk(self.to_source(), path)


def flag_link(desk_url: str, flag_id: str) -> str:
    """The review desk's page of a flag, for alerts and escalations to lead to."""
    return f"{desk_url.rstrip('/')}/flag?id={quote(flag_id, safe='')}"


def _walk(data: Mapping[str, Any], path: str) -> str | None:
    cur: Any = data
    for part in path.split("."):
        name, _, rest = part.partition("[")
        cur = cur.get(name) if isinstance(cur, Mapping) else None
        if rest:
            index = rest.rstrip("]")
            if not index.isdigit() or not isinstance(cur, list) or int(index) >= len(cur):
                return None
            cur = cur[int(index)]
        if cur is None:
            return None
    return cur if isinstance(cur, str) else None
