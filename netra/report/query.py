"""The supervisor report's figures: one Elasticsearch aggregation request over a time range.

`build_query` and `parse_response` are pure so the shape of the request and the reading of the
answer can be tested without a cluster; `fetch_report` sends the one request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from elasticsearch import AsyncElasticsearch, NotFoundError

from schemas import Severity
from schemas.flag_document import AsnFields, ReviewStatus
from schemas.flag_document import FlagField as F

# Per-day buckets follow the supervisors' calendar (WIB); a day ends at midnight in Jakarta.
REPORT_TZ = ZoneInfo("Asia/Jakarta")
NOT_IN_REGISTRY = "(not in registry)"
_RELATIVE = re.compile(r"^(\d+)\s*([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class ReportIndexMissingError(LookupError):
    """The flags alias does not exist yet (no worker has indexed a flag)."""


@dataclass(frozen=True)
class TimeRange:
    since: datetime
    until: datetime


def parse_when(text: str, now: datetime) -> datetime:
    """A relative age (30m, 12h, 7d, 2w: that long before now), 'now', or an ISO date/time.

    Dates and times without a zone are read as WIB (Asia/Jakarta).
    """
    value = text.strip().lower()
    if value == "now":
        return now
    m = _RELATIVE.match(value)
    if m:
        return now - timedelta(**{_UNITS[m[2]]: int(m[1])})
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"cannot read {text!r} as a time: use 7d, 12h, 2w, 'now' or a date like 2024-02-14"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=REPORT_TZ)


def time_range(since: str, until: str | None, now: datetime | None = None) -> TimeRange:
    now = now or datetime.now(UTC)
    start = parse_when(since, now)
    end = parse_when(until, now) if until else now
    if start >= end:
        raise ValueError(
            f"--since ({start:%Y-%m-%d %H:%M}) must be before --until ({end:%Y-%m-%d %H:%M})"
        )
    return TimeRange(start, end)


@dataclass(frozen=True)
class Bucket:
    key: str
    count: int


@dataclass(frozen=True)
class Offender:
    """An account with many flags in the range, with the ASN behind it when registered."""

    account_id: str
    flags: int
    high: int
    name: str | None
    agency: str | None
    province: str | None
    last_seen: datetime | None


@dataclass(frozen=True)
class ReportData:
    range: TimeRange
    as_of: datetime
    total: int
    accounts: int
    high_severity: int
    not_in_registry: int
    unreviewed_open: int
    unreviewed_expired: int
    per_day: list[Bucket] = field(default_factory=list)
    by_province: list[Bucket] = field(default_factory=list)
    by_agency: list[Bucket] = field(default_factory=list)
    by_rule: list[Bucket] = field(default_factory=list)
    by_form: list[Bucket] = field(default_factory=list)
    by_participant: list[Bucket] = field(default_factory=list)
    by_status: list[Bucket] = field(default_factory=list)
    by_severity: list[Bucket] = field(default_factory=list)
    top_offenders: list[Offender] = field(default_factory=list)


def _terms(name: str, top: int, missing: str | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"field": name, "size": top}
    if missing is not None:
        spec["missing"] = missing
    return {"terms": spec}


def build_query(r: TimeRange, as_of: datetime, top: int = 10) -> dict[str, Any]:
    """The search body: no hits, only aggregations over flags whose event time is in range."""
    unreviewed = {"bool": {"must_not": [{"terms": {F.STATUS: list(ReviewStatus.reviewed())}}]}}
    now = as_of.isoformat()
    return {
        "size": 0,
        "track_total_hits": True,
        "query": {"range": {F.TIMESTAMP: {"gte": r.since.isoformat(), "lt": r.until.isoformat()}}},
        "aggs": {
            "per_day": {
                "date_histogram": {
                    "field": F.TIMESTAMP,
                    "calendar_interval": "day",
                    "time_zone": str(REPORT_TZ),
                    "format": "yyyy-MM-dd",
                    "min_doc_count": 0,
                    "extended_bounds": {
                        "min": int(r.since.timestamp() * 1000),
                        "max": int((r.until - timedelta(milliseconds=1)).timestamp() * 1000),
                    },
                }
            },
            "by_province": _terms(F.ASN_PROVINCE, top, NOT_IN_REGISTRY),
            "by_agency": _terms(F.ASN_AGENCY, top, NOT_IN_REGISTRY),
            "by_rule": _terms(F.RULE_IDS, top),
            "by_form": _terms(F.SKB_FORMS, 15),
            "by_participant": _terms(F.PARTICIPANT_NAMES, top),
            "by_status": _terms(F.STATUS, 10, ReviewStatus.UNREVIEWED),
            "by_severity": _terms(F.SEVERITY, 5, "none"),
            "accounts": {"cardinality": {"field": F.ACCOUNT_ID}},
            "not_in_registry": {"filter": {"term": {F.ASN_REGISTERED: False}}},
            "unreviewed_open": {
                "filter": {
                    "bool": {"filter": [unreviewed, {"range": {F.REPORT_DEADLINE: {"gt": now}}}]}
                }
            },
            "unreviewed_expired": {
                "filter": {
                    "bool": {"filter": [unreviewed, {"range": {F.REPORT_DEADLINE: {"lte": now}}}]}
                }
            },
            "offenders": {
                "terms": {"field": F.ACCOUNT_ID, "size": top, "order": [{"_count": "desc"}]},
                "aggs": {
                    "high": {"filter": {"term": {F.SEVERITY: Severity.HIGH}}},
                    "last_seen": {"max": {"field": F.TIMESTAMP}},
                    "who": {
                        "top_hits": {
                            "size": 1,
                            "sort": [{F.TIMESTAMP: {"order": "desc"}}],
                            "_source": {"includes": [F.ASN_NAME, F.ASN_AGENCY, F.ASN_PROVINCE]},
                        }
                    },
                },
            },
        },
    }


def _buckets(agg: Mapping[str, Any]) -> list[Bucket]:
    return [
        Bucket(str(b.get("key_as_string", b["key"])), int(b["doc_count"]))
        for b in agg.get("buckets", [])
    ]


def _offender(b: Mapping[str, Any]) -> Offender:
    hits = b["who"]["hits"]["hits"]
    asn = AsnFields.model_validate(hits[0]["_source"].get("asn") or {}) if hits else None
    last = b["last_seen"].get("value")
    return Offender(
        account_id=str(b["key"]),
        flags=int(b["doc_count"]),
        high=int(b["high"]["doc_count"]),
        name=(asn.name or None) if asn else None,
        agency=(asn.agency or None) if asn else None,
        province=(asn.province or None) if asn else None,
        last_seen=datetime.fromtimestamp(last / 1000, UTC) if last is not None else None,
    )


def parse_response(resp: Mapping[str, Any], r: TimeRange, as_of: datetime) -> ReportData:
    """Read the aggregations of `build_query`'s answer into report figures."""
    aggs = resp["aggregations"]
    total = resp["hits"]["total"]
    return ReportData(
        range=r,
        as_of=as_of,
        total=int(total["value"] if isinstance(total, Mapping) else total),
        accounts=int(aggs["accounts"]["value"]),
        high_severity=sum(b.count for b in _buckets(aggs["by_severity"]) if b.key == "high"),
        not_in_registry=int(aggs["not_in_registry"]["doc_count"]),
        unreviewed_open=int(aggs["unreviewed_open"]["doc_count"]),
        unreviewed_expired=int(aggs["unreviewed_expired"]["doc_count"]),
        per_day=_buckets(aggs["per_day"]),
        by_province=_buckets(aggs["by_province"]),
        by_agency=_buckets(aggs["by_agency"]),
        by_rule=_buckets(aggs["by_rule"]),
        by_form=_buckets(aggs["by_form"]),
        by_participant=_buckets(aggs["by_participant"]),
        by_status=_buckets(aggs["by_status"]),
        by_severity=_buckets(aggs["by_severity"]),
        top_offenders=[_offender(b) for b in aggs["offenders"]["buckets"]],
    )


async def fetch_report(
    es: AsyncElasticsearch,
    alias: str,
    r: TimeRange,
    *,
    as_of: datetime | None = None,
    top: int = 10,
) -> ReportData:
    """Run the report's aggregations; ReportIndexMissingError when the alias does not exist."""
    as_of = as_of or datetime.now(UTC)
    try:
        resp = await es.search(index=alias, **build_query(r, as_of, top))
    except NotFoundError as exc:
        raise ReportIndexMissingError(f"there is no flags index '{alias}' yet") from exc
    return parse_response(resp.body, r, as_of)
