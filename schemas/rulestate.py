"""Runtime state of a rule, shared by every judge through a compacted topic."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class RuleState(BaseModel):
    """review_only: the rule may only send events to review, never flag them on its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: str
    review_only: bool
    reason: str = Field(description="Why: the spike that tripped it, or who restored it.")
    pack_version: str
    changed_by: str = Field(description="netra (automatic) or the person who changed it.")
    changed_at: AwareDatetime
