"""The review agent: applies supervisors' verdicts to flag documents, in order, idempotently.

Reviews are events (the reviews topic is the record); the flag's `status` and `reviews`
history in Elasticsearch are derived from them. The minimal Elasticsearch has no scripting,
so each verdict is a read-modify-write guarded by sequence numbers, and a verdict already in
the history is not applied twice when Kafka redelivers it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from elasticsearch import AsyncElasticsearch
from pydantic import ValidationError

from agents.deadletters import send_to_deadletter
from agents.decoding import valid_records
from agents.retrying import until_done
from schemas import DeadLetterReason, ReviewVerdict
from schemas.flag_document import FlagDocument, FlagField, ReviewStatus
from streams import metrics
from streams.flag_updates import FlagUpdate, update_flag
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "reviews"


def reviewed_fields(doc: FlagDocument, verdict: ReviewVerdict) -> dict[str, Any] | None:
    """The review fields to write for this verdict; None when it is already in the history."""
    reviewed = doc.with_verdict(verdict)
    if reviewed is None:
        return None
    return reviewed.to_source(include=FlagDocument.REVIEW_FIELDS)


@dataclass(frozen=True)
class NotApplied:
    """Why a verdict cannot be applied, ever: it goes to the dead-letter topic."""

    reason: DeadLetterReason
    error: str


async def apply_verdict(
    es: AsyncElasticsearch, alias: str, verdict: ReviewVerdict
) -> NotApplied | None:
    """Write the verdict onto its flag; None once it is there (or already was)."""
    try:
        result = await update_flag(
            es, alias, verdict.flag_id, partial(reviewed_fields, verdict=verdict)
        )
    except ValidationError as exc:
        return NotApplied(
            DeadLetterReason.SCHEMA,
            f"the document of flag {verdict.flag_id!r} cannot be read: {exc}",
        )
    if result is FlagUpdate.MISSING:
        return NotApplied(
            DeadLetterReason.UNKNOWN_FLAG,
            f"no flag {verdict.flag_id!r} in {alias}: check the id (netra flags tail, "
            "Kibana) and send the review again",
        )
    if result is FlagUpdate.WRITTEN:
        metrics.REVIEWS.labels(verdict=verdict.verdict.value).inc()
    return None


async def rule_precision(es: AsyncElasticsearch, alias: str) -> dict[str, float]:
    """Per rule: confirmed / (confirmed + dismissed) over all reviewed flags."""
    result = await es.search(
        index=alias,
        size=0,
        query={"terms": {FlagField.STATUS: list(ReviewStatus.judged())}},
        aggs={
            "rule": {
                "terms": {"field": FlagField.RULE_IDS, "size": 500},
                "aggs": {
                    "confirmed": {"filter": {"term": {FlagField.STATUS: ReviewStatus.CONFIRMED}}}
                },
            }
        },
    )
    return {
        b["key"]: b["confirmed"]["doc_count"] / b["doc_count"]
        for b in result["aggregations"]["rule"]["buckets"]
        if b["doc_count"]
    }


# Windows of the deadline gauge, as (label, start, end) offsets from now; end is exclusive.
DUE_WINDOWS = (
    ("passed_24h", timedelta(hours=-24), timedelta(0)),
    ("48h", timedelta(0), timedelta(hours=48)),
)


def due_query(now: datetime) -> dict[str, Any]:
    """Unreviewed flags counted by where their first deadline falls relative to now."""
    return {
        "size": 0,
        "query": {"term": {FlagField.STATUS: ReviewStatus.UNREVIEWED}},
        "aggs": {
            "due": {
                "date_range": {
                    "field": FlagField.REPORT_DEADLINE,
                    "ranges": [
                        {"key": key, "from": (now + a).isoformat(), "to": (now + b).isoformat()}
                        for key, a, b in DUE_WINDOWS
                    ],
                }
            }
        },
    }


async def unreviewed_due(es: AsyncElasticsearch, alias: str, now: datetime) -> dict[str, int]:
    """How many unreviewed flags reach their first deadline within 48 h, or passed it in 24 h."""
    result = await es.search(index=alias, **due_query(now))
    return {b["key"]: int(b["doc_count"]) for b in result["aggregations"]["due"]["buckets"]}


def attach(
    app: Any, settings: Settings, reviews_topic: Any, deadletter_topic: Any, es: AsyncElasticsearch
) -> Any:
    alias = settings.flags_alias

    @app.agent(reviews_topic, name="netra.agents.reviews")
    async def reviews(stream: Any) -> None:
        verdicts = valid_records(
            stream, ReviewVerdict, deadletter_topic=deadletter_topic, stage=STAGE
        )
        async for msg, verdict in verdicts:
            refused = await until_done(
                partial(apply_verdict, es, alias, verdict),
                what="review",
                max_backoff=settings.bulk_retry_max_seconds,
            )
            if refused is not None:
                await send_to_deadletter(
                    deadletter_topic, msg, stage=STAGE, reason=refused.reason, error=refused.error
                )

    @app.timer(settings.stats_seconds)
    async def export_precision() -> None:
        try:
            precision = await rule_precision(es, alias)
        except Exception as exc:
            log.debug("rule precision not computed: %s", exc)
            return
        for rule, ratio in precision.items():
            metrics.RULE_PRECISION.labels(rule=rule).set(ratio)

    @app.timer(settings.stats_seconds)
    async def export_deadlines() -> None:
        """Prometheus cannot read documents: this gauge is what the deadline alerts watch."""
        try:
            due = await unreviewed_due(es, alias, datetime.now(UTC))
        except Exception as exc:
            log.debug("deadline counts not computed: %s", exc)
            return
        for key, _, _ in DUE_WINDOWS:
            metrics.UNREVIEWED_DUE.labels(within=key).set(due.get(key, 0))

    return reviews
