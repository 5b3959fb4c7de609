"""A message that could not be processed, kept with the reason so nothing vanishes."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

# A dead letter must itself fit in a Kafka message; the digest identifies the rest.
RAW_KEEP_BYTES = 64 * 1024


class DeadLetterReason(StrEnum):
    TOO_LARGE = "too_large"
    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    SCHEMA = "schema"  # valid JSON, wrong shape: missing field, wrong type, unknown action ...
    INDEX_REJECTED = "index_rejected"  # Elasticsearch refused the document itself (not an outage)
    UNKNOWN_FLAG = "unknown_flag"  # a review names a flag that is not in Elasticsearch
    OUTPUT_REFUSED = "output_refused"  # Kafka refused what Netra made of it (the flag, ...)
    CAPTURE_FAILED = "capture_failed"  # evidence could not be rendered after every retry
    STEP_REFUSED = "step_refused"  # a case step that cannot follow the case's steps so far
    INTERNAL = "internal"  # a bug in Netra: the message is kept so it can be replayed after a fix


class DeadLetter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: DeadLetterReason
    error: str = Field(description="What was wrong, in words a producer can act on.")
    stage: str = Field(description="The agent that gave up: judge, indexer ...")
    topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    raw_base64: str = Field(
        description="The original bytes, base64, so they can be replayed (cut at RAW_KEEP_BYTES)."
    )
    raw_size: int = Field(description="Size of the whole original message in bytes.")
    raw_truncated: bool = False
    raw_sha256: str = Field(description="Digest of the whole original message.")
    failed_at: AwareDatetime

    @classmethod
    def of(
        cls,
        raw: bytes,
        *,
        reason: DeadLetterReason,
        error: str,
        stage: str,
        topic: str,
        failed_at: datetime,
        partition: int | None = None,
        offset: int | None = None,
        key: str | None = None,
    ) -> DeadLetter:
        """Wrap the original bytes; huge payloads keep their head and digest, not the whole."""
        kept = raw[:RAW_KEEP_BYTES]
        return cls(
            reason=reason,
            error=error,
            stage=stage,
            topic=topic,
            partition=partition,
            offset=offset,
            key=key,
            raw_base64=base64.b64encode(kept).decode("ascii"),
            raw_size=len(raw),
            raw_truncated=len(kept) < len(raw),
            raw_sha256=hashlib.sha256(raw).hexdigest(),
            failed_at=failed_at,
        )

    def raw(self) -> bytes:
        return base64.b64decode(self.raw_base64)
