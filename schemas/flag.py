"""What the judge publishes for every flagged or review-level event, and the indexer stores."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.decision import Decision
from schemas.post import Post
from schemas.registry import RegistryEntry


class Flag(BaseModel):
    """A decision together with the event it judged and the ASN behind the account."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    decision: Decision
    post: Post
    asn: RegistryEntry | None = Field(default=None, description="None: account not in registry.")
    received_at: AwareDatetime = Field(
        description="When the event entered Netra (Kafka record timestamp); latencies start here."
    )
    judged_at: AwareDatetime

    @property
    def flag_id(self) -> str:
        """The Elasticsearch document id: one event, one document, however often redelivered."""
        return self.post.key
