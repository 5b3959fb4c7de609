"""A supervisor's verdict on a flag; reviews are events, the flag's status is derived from them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class Verdict(StrEnum):
    CONFIRM = "confirm"
    DISMISS = "dismiss"
    ESCALATE = "escalate"


class ReviewVerdict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    flag_id: str = Field(min_length=1)
    reviewer: str = Field(min_length=1)
    verdict: Verdict
    note: str = ""
    reviewed_at: AwareDatetime
