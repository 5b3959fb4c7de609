"""A message that could not be processed, kept with the reason so nothing vanishes."""

from __future__ import annotations

import base64
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class DeadLetterReason(StrEnum):
    TOO_LARGE = "too_large"
    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    SCHEMA = "schema"  # valid JSON, wrong shape: missing field, wrong type, unknown action ...
    INDEX_REJECTED = "index_rejected"  # Elasticsearch refused the document itself (not a outage)


class DeadLetter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: DeadLetterReason
    error: str = Field(description="What was wrong, in words a producer can act on.")
    stage: str = Field(description="The agent that gave up: judge, indexer ...")
    topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    raw_base64: str = Field(description="The original bytes, base64, so they can be replayed.")
    raw_size: int
    failed_at: AwareDatetime

    @staticmethod
    def encode(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    def raw(self) -> bytes:
        return base64.b64decode(self.raw_base64)
