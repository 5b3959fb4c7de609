"""A report from the public: what an event that came from a report carries, and the reporter.

A report enters the pipeline as an ordinary `Post` on the posts topic with `report` set, so the
judge reads it like any post; the case learns from `report` when it became known (the legal
clock of a public report starts then) and which images were kept as evidence. Who reported it
is never in the post: it travels sealed (`SealedReporter`) on a topic of its own.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

TICKET_PATTERN = r"^LAP-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$"


class ReportImage(BaseModel):
    """A screenshot or photo the reporter uploaded, kept byte for byte in the evidence store."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Digest of the bytes as uploaded.")
    media_type: Literal["image/png", "image/jpeg", "image/webp"] = Field(
        description="Read from the bytes, never from the file name or the client's claim."
    )
    size: int = Field(ge=1, description="Bytes.")
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    location: str = Field(
        max_length=1024,
        description="Where the evidence store keeps it (file:// under NETRA_STATE for now).",
    )


class ReportInfo(BaseModel):
    """Marks a post as a public report and says when Netra received it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ticket: str = Field(
        pattern=TICKET_PATTERN,
        description="What the reporter looks the status up with; also the event's post_id.",
    )
    reported_at: AwareDatetime = Field(
        description="When Netra received the report: the case became known then (UU 7/2017 "
        "Pasal 454 ayat 6 counts the report's window from here)."
    )
    images: list[ReportImage] = Field(default_factory=list, max_length=1)
    reporter_sealed: bool = Field(
        description="Whether the reporter left a contact (sealed on the reporters topic)."
    )


class ReporterContact(BaseModel):
    """Who reported, as the reporter gave it: only ever stored encrypted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="", max_length=200)
    contact: str = Field(default="", max_length=320, description="E-mail or phone number.")


class SealedReporter(BaseModel):
    """A reporter's contact encrypted with AES-256-GCM, bound to its ticket (the ticket is the
    associated data, so a sealed contact cannot be moved to another report)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = 1
    ticket: str = Field(pattern=TICKET_PATTERN)
    key_id: str = Field(
        pattern=r"^[0-9a-f]{8}$", description="Fingerprint of the key that sealed it."
    )
    nonce: str = Field(pattern=r"^[0-9a-f]{24}$", description="96-bit GCM nonce, hex.")
    ciphertext: str = Field(
        max_length=8192, description="Base64 of the encrypted ReporterContact JSON with its tag."
    )
    sealed_at: AwareDatetime
