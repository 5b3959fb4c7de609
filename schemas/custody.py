"""The chain of custody of a flag's evidence: every capture, view, export and status change.

Each entry holds the SHA-256 of the entry before it and its own, computed over its canonical
JSON, so an entry edited, removed or slipped in breaks the chain where it happened. Entries are
stored one object each, written once, under the flag's prefix (streams.evidence.custody).
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class CustodyAction(StrEnum):
    CAPTURED = "captured"
    VIEWED = "viewed"
    EXPORTED = "exported"
    STATUS_CHANGED = "status_changed"


class CustodyEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    flag_id: str
    seq: int = Field(ge=0, description="0 for the capture, then one more per entry.")
    action: CustodyAction
    actor: str = Field(min_length=1, description="Who: a user, or the capture agent.")
    at: AwareDatetime
    detail: str = Field(default="", description="What, in words: a format, a verdict, a file.")
    subject_sha256: str | None = Field(
        default=None, description="Digest of what the entry is about: the record, a bundle."
    )
    prev_hash: str | None = Field(description="`hash` of entry seq-1; None for seq 0.")
    hash: str = Field(description="SHA-256 of this entry's canonical JSON without `hash`.")

    def computed_hash(self) -> str:
        """The digest this entry's content gives now (differs from `hash` once edited)."""
        return entry_hash(self.model_dump(mode="json", exclude={"hash"}))


def entry_hash(content: dict[str, object]) -> str:
    """SHA-256 of canonical JSON: sorted keys, no spaces, UTF-8."""
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
