"""A step of a case across agencies: what Bawaslu, BKN and the PPK did with a confirmed flag.

A flag is only initial information. Once a supervisor confirms or escalates it, the case moves
through the agencies: Bawaslu registers a finding (with its registration number) and sends a
recommendation to BKN, BKN verifies it and forwards it to the PPK (the official who imposes
discipline), the PPK decides (a sanction or none), and the case is closed. Each move is one
`CaseStep` on the case-steps topic, keyed by flag id, so a case's steps stay in order; the case
document in Elasticsearch is derived from them (streams/casework).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from schemas.review import Verdict

#: Free text a person types (notes, references, names): bounded, so no step is ever huge.
NOTE_MAX = 2000
FIELD_MAX = 200


class CaseStage(StrEnum):
    """Where a case stands. `flagged` and `reviewed` come from the flag itself (the judge and
    the verdicts); the others are recorded as steps, in this order."""

    FLAGGED = "flagged"
    REVIEWED = "reviewed"
    FINDING_REGISTERED = "finding_registered"
    RECOMMENDATION_SENT = "recommendation_sent"
    VERIFIED_BY_BKN = "verified_by_bkn"
    PPK_DECIDED = "ppk_decided"
    CLOSED = "closed"

    def after_verdict(self, verdict: Verdict) -> CaseStage:
        """The stage once a supervisor's verdict is recorded: only a flagged case moves (a
        dismissal closes it); a later step is never taken back by a review."""
        if self is not CaseStage.FLAGGED:
            return self
        return CaseStage.CLOSED if verdict is Verdict.DISMISS else CaseStage.REVIEWED


#: The stages a step can record (the first two are not steps).
STEP_STAGES = (
    CaseStage.FINDING_REGISTERED,
    CaseStage.RECOMMENDATION_SENT,
    CaseStage.VERIFIED_BY_BKN,
    CaseStage.PPK_DECIDED,
    CaseStage.CLOSED,
)

#: What each recorded stage needs besides who and when: the reference number that proves it
#: (a registration number, a letter number, a decree number).
NEEDS_REFERENCE = frozenset(
    {
        CaseStage.FINDING_REGISTERED,
        CaseStage.RECOMMENDATION_SENT,
        CaseStage.VERIFIED_BY_BKN,
        CaseStage.PPK_DECIDED,
    }
)


class PpkDecision(StrEnum):
    SANCTION = "sanction"
    NO_SANCTION = "no_sanction"


class CaseStep(BaseModel):
    """One thing an agency did with a case, as recorded by the person who did it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    step_id: str = Field(
        pattern=r"^[0-9a-f]{32}$",
        description="Unique per step: a step Kafka delivers twice is applied once.",
    )
    flag_id: str = Field(min_length=1, max_length=FIELD_MAX)
    stage: CaseStage = Field(description="The stage this step moves the case to.")
    at: AwareDatetime = Field(description="When the agency acted (not when it was typed in).")
    actor: str = Field(
        min_length=1, max_length=FIELD_MAX, description="Netra user who recorded it."
    )
    actor_role: str = Field(min_length=1, max_length=FIELD_MAX)
    agency: str = Field(
        min_length=1,
        max_length=FIELD_MAX,
        description="The office that acted, e.g. 'Bawaslu Kabupaten Blora', 'BKN', the PPK.",
    )
    reference: str = Field(
        default="",
        max_length=FIELD_MAX,
        description="Registration number of the finding, number of the letter or decree.",
    )
    ppk: str = Field(
        default="",
        max_length=FIELD_MAX,
        description="The PPK the recommendation goes to (e.g. 'Bupati Blora'); set when BKN "
        "verifies, kept for the PPK's follow-through.",
    )
    decision: PpkDecision | None = None
    sanction: str = Field(
        default="", max_length=FIELD_MAX, description="The sanction imposed, as the decree says."
    )
    note: str = Field(default="", max_length=NOTE_MAX)

    @model_validator(mode="after")
    def _complete(self) -> CaseStep:
        """A step carries what its stage needs, and nothing another stage would."""
        if self.stage not in STEP_STAGES:
            raise ValueError(f"{self.stage.value} is not recorded as a step")
        if self.stage in NEEDS_REFERENCE and not self.reference.strip():
            raise ValueError(f"{self.stage.value} needs the reference number that proves it")
        if self.stage is CaseStage.VERIFIED_BY_BKN and not self.ppk.strip():
            raise ValueError("verified_by_bkn needs the PPK the recommendation goes to")
        if (self.stage is CaseStage.PPK_DECIDED) != (self.decision is not None):
            raise ValueError("a decision is recorded with ppk_decided, and only there")
        if self.sanction and self.decision is not PpkDecision.SANCTION:
            raise ValueError("a sanction is recorded only with the decision 'sanction'")
        if self.decision is PpkDecision.SANCTION and not self.sanction.strip():
            raise ValueError("the decision 'sanction' needs the sanction imposed")
        if self.stage is CaseStage.CLOSED and not self.note.strip():
            raise ValueError("closing a case needs a note saying why")
        return self
