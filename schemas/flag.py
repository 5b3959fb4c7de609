"""What the judge publishes for every flagged or review-level event, and the indexer stores."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.decision import Decision
from schemas.post import Post
from schemas.registry import AsnProfile


class EventSource(BaseModel):
    """Where the judged event is kept, exactly as received: the case can fetch the whole of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str
    partition: int
    offset: int
    size: int = Field(description="Bytes of the event as received.")
    sha256: str = Field(description="Digest of the event as received.")


class TrimmedField(BaseModel):
    """A part of the flag cut to fit the flags topic (the event itself is whole at `source`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str = Field(description="text, hashtags, evidence, participants ...")
    size: int = Field(description="Characters (or items, for lists) in the event.")
    kept: int = Field(description="Characters (or items) kept in the flag.")


class Flag(BaseModel):
    """A decision together with the event it judged and the ASN behind the account."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 2  # 2: `asn` carries a NIP pseudonym, never the NIP
    decision: Decision
    post: Post
    asn: AsnProfile | None = Field(
        default=None, description="The ASN, NIP pseudonymised; None: account not in the registry."
    )
    received_at: AwareDatetime = Field(
        description="When the event entered Netra (Kafka record timestamp); latencies start here."
    )
    judged_at: AwareDatetime
    source: EventSource | None = Field(
        default=None, description="The event's place in Kafka; None for flags judged offline."
    )
    trimmed: list[TrimmedField] = Field(
        default_factory=list, description="What was cut to fit; empty for nearly every flag."
    )

    @property
    def flag_id(self) -> str:
        """The Elasticsearch document id: one event, one document, however often redelivered."""
        return self.post.key
