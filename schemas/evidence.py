"""The evidence record of a flag: the event as received, decoded, and as a person would see it.

One record per flag, kept in the object store beside its artefacts and written once (small
artefacts inside it). Every artefact carries its SHA-256, and the record's own digest is in the
first custody entry (schemas.custody), so `netra evidence verify` can show that nothing changed
since capture.
"""

from __future__ import annotations

import base64
import binascii
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.post import Post


class ArtefactKind(StrEnum):
    RAW_EVENT = "raw_event"  # the bytes of the Kafka record, exactly as received
    SCREENSHOT = "screenshot"  # PNG of the rendered capture
    PAGE = "page"  # single-file HTML (or MHTML, for a platform page) of the same capture


class CaptureSource(StrEnum):
    PLATFORM = "platform"  # the post's own address answered and was captured
    NETRA_RENDERING = "netra_rendering"  # Netra's rendering of the event it received


class Artefact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ArtefactKind
    key: str = Field(
        description="Object key in the evidence bucket; for an artefact kept in the record "
        "(`inline`) the name it goes by (the bundle's file), with no object behind it."
    )
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    content_type: str
    inline: str | None = Field(
        default=None,
        description="The artefact's bytes, base64, when they are kept inside the record "
        "instead of as an object of their own (small ones: see streams.evidence.capture).",
    )

    def inline_bytes(self) -> bytes | None:
        """The bytes kept in the record, None when the artefact is an object of its own.
        ValueError when `inline` is not base64 (a record edited by hand)."""
        if self.inline is None:
            return None
        try:
            return base64.b64decode(self.inline, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"{self.kind.value} is not valid base64: {exc}") from exc


class ReceivedEvent(BaseModel):
    """Where the judged event was in Kafka, and whether its bytes were kept."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str
    partition: int
    offset: int
    timestamp: AwareDatetime | None = Field(default=None, description="The record's timestamp.")
    sha256: str = Field(description="Digest the judge recorded for the event.")
    kept: bool = Field(description="True: the raw_event artefact holds exactly these bytes.")
    note: str = Field(default="", description="Why the bytes were not kept, when they were not.")


class MediaReference(BaseModel):
    """Something the event points at that is not in it: links, attached media."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str = Field(description="link, or media for a description of attached media.")
    reference: str


class CaptureTool(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="What rendered the capture, e.g. Chromium (headless).")
    version: str
    driver: str = Field(description="What drove it, with its version.")
    netra_version: str


class EvidenceRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    flag_id: str
    account_id: str
    received: ReceivedEvent | None = Field(
        description="The event's place in Kafka; None for a flag judged offline."
    )
    event: Post = Field(
        description="The decoded event (from the kept bytes; from the flag when none were kept)."
    )
    media: list[MediaReference]
    capture_source: CaptureSource
    platform_url: str | None = Field(description="The post's own address, when the event gave one.")
    platform_note: str = Field(description="What happened when the platform address was tried.")
    artefacts: list[Artefact]
    captured_at: AwareDatetime = Field(description="Capture time, UTC.")
    captured_at_wib: str = Field(description="The same instant in WIB (UTC+7), ISO 8601.")
    tool: CaptureTool

    def artefact(self, kind: ArtefactKind) -> Artefact | None:
        return next((a for a in self.artefacts if a.kind is kind), None)
