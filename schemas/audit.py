"""The audit trail: one entry for every attempt to see personal data Netra keeps pseudonymised.

Entries are appended to the audit topic and copied, never overwritten, into the audit index.
An entry says who asked, in which role, for what, why, and whether it was granted; it never
holds the revealed value itself (the NIP), only its pseudonym.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class AuditAction(StrEnum):
    NIP_REVEAL = "nip_reveal"
    #: A public reporter's sealed contact opened (Bawaslu only; netra.intake.reveal).
    REPORTER_REVEAL = "reporter_reveal"


class AuditOutcome(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"


class AuditEntry(BaseModel):
    """One attempt; the topic is keyed by `audit_id`, which is also the index document id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    audit_id: str = Field(pattern=r"^[0-9a-f]{32}$", description="Random id, unique per attempt.")
    at: AwareDatetime
    actor: str = Field(min_length=1, max_length=128, description="The authenticated user name.")
    actor_role: str = Field(description="The user's role when they asked.")
    action: AuditAction
    outcome: AuditOutcome
    refusal: str = Field(default="", description="Why it was refused; empty when granted.")
    reason: str = Field(
        min_length=1, max_length=2000, description="Why the user asked, in their words."
    )
    flag_id: str = Field(description="The flag the request was made from.")
    account_id: str = ""
    nip_ref: str = Field(default="", description="The pseudonym of the NIP asked for.")
    ticket: str = Field(
        default="", max_length=64, description="The public report whose reporter was asked for."
    )
    tool: str = Field(description="What made the request, with its version.")
    host: str = Field(default="", description="The machine the request came from.")
