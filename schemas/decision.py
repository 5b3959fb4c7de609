"""The engine's verdict on one event, with everything needed to explain it to a person."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.post import Action, Platform


class Outcome(StrEnum):
    """flag: shown to supervisors; review: needs a person before it counts; pass: nothing found."""

    FLAG = "flag"
    REVIEW = "review"
    PASS = "pass"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Phase(StrEnum):
    """Where the event falls in the election calendar."""

    PRE_CANDIDACY = "pre_candidacy"  # bakal calon: before the candidates are determined
    CANDIDACY = "candidacy"  # candidates determined, campaign not yet open
    CAMPAIGN = "campaign"
    QUIET = "quiet"  # masa tenang
    VOTING = "voting"
    POST_ELECTION = "post_election"


class SanctionTrack(StrEnum):
    """Code of ethics (PP 42/2004) before candidates are named; discipline (PP 94/2021) after."""

    CODE_OF_ETHICS = "code_of_ethics"
    DISCIPLINE = "discipline"


class Evidence(BaseModel):
    """One piece of evidence: a span of a field of the original event, or a structural fact."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str = Field(description="text, hashtags[2], media_description, target.text, action ...")
    start: int | None = Field(default=None, description="Offset in the original field, inclusive.")
    end: int | None = Field(default=None, description="Offset in the original field, exclusive.")
    excerpt: str = Field(description="The original characters (or the fact) that matched.")
    feature: str = Field(description="What it was read as, e.g. participant:pilpres-2024/02.")


class RuleHit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: str
    title: str
    skb_form: str = Field(
        description="The SKB 2022 form, N01-N15; empty on engine.too-complex (no form read yet)."
    )
    severity: Severity
    score: float
    evidence: list[Evidence] = Field(default_factory=list)
    review_only: bool = Field(
        default=False, description="The rule may only send to review (e.g. disabled after a spike)."
    )


class ParticipantRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Catalogue id, e.g. pilpres-2024/02.")
    name: str
    number: int | None = None
    race: str = Field(description="Catalogue race id, e.g. pilpres-2024 or pilgub-jateng-2024.")


class Decision(BaseModel):
    """What the engine decided about one event and why; identical offline and in a worker."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    post_key: str
    platform: Platform
    post_id: str
    account_id: str
    action: Action
    event_time: AwareDatetime
    outcome: Outcome
    score: float
    severity: Severity | None = None
    hits: list[RuleHit] = Field(default_factory=list)
    participants: list[ParticipantRef] = Field(default_factory=list)
    races: list[str] = Field(default_factory=list)
    election: str | None = None
    phase: Phase | None = None
    sanction_track: SanctionTrack | None = None
    model_score: float | None = Field(
        default=None,
        description="The learned second opinion's calibrated probability (posts it looked at).",
    )
    pack_version: str
    engine_version: str
    decide_ms: float = Field(default=0.0, description="Time the engine took for this event.")
