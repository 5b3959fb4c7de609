"""The review queue: filters, the order of work, and a row per flag (pure; no Elasticsearch).

The order is the order of urgency: the most severe first, then the one whose first legal
deadline comes soonest (a flag with no recorded deadline last), then the widest reach. Within
that, older events first, and the flag id breaks ties so pages never repeat or skip a flag.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.flag_document import Claim, FlagDocument, FlagField, ReviewStatus

PAGE_SIZE = 50
MAX_PAGE = 200  # deep pages: filter instead (Elasticsearch refuses from+size beyond 10,000)
ROW_FIELDS = [
    FlagField.FLAG_ID,
    FlagField.TIMESTAMP,
    FlagField.PLATFORM,
    FlagField.ACCOUNT_ID,
    FlagField.SEVERITY,
    FlagField.SEVERITY_RANK,
    FlagField.SCORE,
    FlagField.RULE_IDS,
    FlagField.SKB_FORMS,
    FlagField.STATUS,
    FlagField.REPORT_DEADLINE,
    FlagField.REACH,
    FlagField.REVIEWER,
    "claim",
    "asn",
]
ORDER: list[dict[str, Any]] = [
    {FlagField.SEVERITY_RANK: {"order": "desc", "missing": "_last"}},
    {FlagField.REPORT_DEADLINE: {"order": "asc", "missing": "_last"}},
    {FlagField.REACH: {"order": "desc", "missing": "_last"}},
    {FlagField.TIMESTAMP: {"order": "asc"}},
    {FlagField.FLAG_ID: {"order": "asc"}},
]

_Text = Field(default="", max_length=200)


class QueueFilters(BaseModel):
    """What a reviewer narrows the queue to; every field optional, all of them combined."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    province: str = _Text
    regency: str = _Text
    agency: str = _Text
    rule: str = _Text
    form: str = _Text
    platform: str = _Text
    status: ReviewStatus | None = None
    reviewer: str = _Text
    page: int = Field(default=1, ge=1, le=MAX_PAGE)

    def clauses(self) -> list[dict[str, Any]]:
        """One filter clause per field that is set."""
        out: list[dict[str, Any]] = []
        for field, value in (
            (FlagField.ASN_PROVINCE, self.province),
            (FlagField.ASN_REGION, self.regency),
            (FlagField.ASN_AGENCY, self.agency),
            (FlagField.RULE_IDS, self.rule),
            (FlagField.SKB_FORMS, self.form),
            (FlagField.PLATFORM, self.platform),
        ):
            if value:
                out.append({"term": {field: {"value": value, "case_insensitive": True}}})
        if self.status is ReviewStatus.UNREVIEWED:
            # Documents indexed before the status existed count as unreviewed too.
            out.append(
                {"bool": {"must_not": [{"terms": {FlagField.STATUS: ReviewStatus.reviewed()}}]}}
            )
        elif self.status is not None:
            out.append({"term": {FlagField.STATUS: self.status}})
        if self.reviewer:
            out.append(
                {
                    "bool": {
                        "should": [
                            {"term": {FlagField.CLAIM_REVIEWER: self.reviewer}},
                            {"term": {FlagField.REVIEWER: self.reviewer}},
                        ],
                        "minimum_should_match": 1,
                    }
                }
            )
        return out

    def as_query_string(self, **changes: object) -> dict[str, str]:
        """The filters as URL parameters (for links to other pages), empty ones left out."""
        data = self.model_dump(mode="json") | changes
        return {k: str(v) for k, v in data.items() if v not in ("", None)}


def queue_body(filters: QueueFilters, scope: list[dict[str, Any]]) -> dict[str, Any]:
    """The search request of one queue page: the scope and the filters, in the order of work."""
    return {
        "query": {"bool": {"filter": [*scope, *filters.clauses()]}},
        "sort": ORDER,
        "from": (filters.page - 1) * PAGE_SIZE,
        "size": PAGE_SIZE,
        "track_total_hits": True,
        "seq_no_primary_term": True,
        "_source": {"includes": [str(f) for f in ROW_FIELDS]},
    }


class Version(BaseModel):
    """The document version a reviewer saw: a write based on it fails if the flag changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seq_no: int = Field(ge=0)
    primary_term: int = Field(ge=1)

    def token(self) -> str:
        return f"{self.seq_no}.{self.primary_term}"

    @classmethod
    def parse(cls, token: str) -> Version:
        """From `token()`'s form; ValueError for anything else."""
        seq, dot, term = token.partition(".")
        if not dot or not seq.isdigit() or not term.isdigit() or len(token) > 40:
            raise ValueError(f"not a flag version: {token[:40]!r}")
        return cls(seq_no=int(seq), primary_term=int(term))


class QueueRow(BaseModel):
    """One flag as the queue lists it."""

    flag_id: str
    version: Version
    event_time: AwareDatetime
    platform: str
    account_id: str
    severity: str | None
    score: float
    rule_ids: list[str]
    skb_forms: list[str]
    status: ReviewStatus
    deadline: AwareDatetime | None
    reach: int
    who: str = Field(description="The ASN's name and agency, or 'not in registry'.")
    province: str
    claim: Claim | None
    reviewer: str | None

    def time_left(self, now: datetime) -> str:
        """Time to the first deadline in words (overdue when past)."""
        if self.deadline is None:
            return "-"
        seconds = int((self.deadline - now).total_seconds())
        days, rest = divmod(abs(seconds), 86400)
        words = f"{days} d {rest // 3600} h" if days else f"{rest // 3600} h {rest % 3600 // 60} m"
        return f"overdue {words}" if seconds <= 0 else words


def row(hit: dict[str, Any]) -> QueueRow:
    """A queue row from a search hit (with seq_no_primary_term)."""
    doc = FlagDocument.from_source(hit["_source"])
    asn = doc.asn
    who = f"{asn.name} ({asn.agency})" if asn.registered else "not in registry"
    return QueueRow(
        flag_id=doc.flag_id,
        version=Version(seq_no=hit["_seq_no"], primary_term=hit["_primary_term"]),
        event_time=doc.timestamp,
        platform=doc.platform,
        account_id=doc.account_id,
        severity=doc.severity,
        score=doc.score,
        rule_ids=doc.rule_ids,
        skb_forms=doc.skb_forms,
        status=doc.status,
        deadline=doc.report_deadline,
        reach=doc.reach,
        who=who,
        province=asn.province or "",
        claim=doc.claim,
        reviewer=doc.reviewer,
    )
