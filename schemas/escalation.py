"""A repeat offender: an ASN whose flags within a window crossed the escalation threshold."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.registry import AsnProfile


class Escalation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    account_id: str
    asn: AsnProfile | None = None
    window_days: int = Field(description="7 or 30: the window the flags were counted in.")
    flags: int = Field(description="Flags of this account within the window.")
    threshold: int
    flag_ids: list[str] = Field(description="The flags that were counted, newest last.")
    window_end: AwareDatetime = Field(description="Event time of the flag that crossed it.")
    escalated_at: AwareDatetime
    desk_url: str = Field(
        default="",
        description="The review desk's page of the flag that crossed the threshold (with the "
        "ASN's other flags); empty from versions before the desk.",
    )
