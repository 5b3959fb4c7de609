"""The review agent: applies supervisors' verdicts to flag documents, in order, idempotently.

Reviews are events (the reviews topic is the record); the flag's `status` and `reviews`
history in Elasticsearch are derived from them. The minimal Elasticsearch has no scripting,
so each verdict is a read-modify-write guarded by sequence numbers, and a verdict already in
the history is not applied twice when Kafka redelivers it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from elasticsearch import AsyncElasticsearch, ConflictError, NotFoundError

from agents.deadletters import send_to_deadletter
from agents.retrying import until_done
from schemas import DeadLetterReason, ReviewVerdict, Verdict
from schemas.codec import Rejection, decode
from streams import metrics
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "reviews"
STATUS = {
    Verdict.CONFIRM: "confirmed",
    Verdict.DISMISS: "dismissed",
    Verdict.ESCALATE: "escalated",
}


def history_entry(verdict: ReviewVerdict) -> dict[str, str]:
    return {
        "reviewer": verdict.reviewer,
        "verdict": verdict.verdict.value,
        "note": verdict.note,
        "reviewed_at": verdict.reviewed_at.isoformat(),
    }


def reviewed_fields(source: dict[str, Any], verdict: ReviewVerdict) -> dict[str, Any] | None:
    """The fields to write for this verdict; None when it is already in the history."""
    history = list(source.get("reviews") or [])
    entry = history_entry(verdict)
    if entry in history:
        return None
    history.append(entry)
    history.sort(key=lambda e: e["reviewed_at"])
    latest = history[-1]
    return {
        "reviews": history,
        "status": STATUS[Verdict(latest["verdict"])],
        "reviewer": latest["reviewer"],
        "reviewed_at": latest["reviewed_at"],
    }


async def apply_verdict(es: AsyncElasticsearch, alias: str, verdict: ReviewVerdict) -> bool:
    """Write the verdict onto its flag; False when no such flag exists."""
    while True:
        try:
            found = await es.get(index=alias, id=verdict.flag_id)
        except NotFoundError:
            return False
        fields = reviewed_fields(found["_source"], verdict)
        if fields is None:
            return True
        try:
            await es.update(
                index=found["_index"],
                id=verdict.flag_id,
                doc=fields,
                if_seq_no=found["_seq_no"],
                if_primary_term=found["_primary_term"],
                refresh="wait_for",
            )
        except ConflictError:
            continue  # someone wrote in between (a redelivered flag): read again
        metrics.REVIEWS.labels(verdict=verdict.verdict.value).inc()
        return True


async def rule_precision(es: AsyncElasticsearch, alias: str) -> dict[str, float]:
    """Per rule: confirmed / (confirmed + dismissed) over all reviewed flags."""
    result = await es.search(
        index=alias,
        size=0,
        query={"terms": {"status": ["confirmed", "dismissed"]}},
        aggs={
            "rule": {
                "terms": {"field": "rule_ids", "size": 500},
                "aggs": {"confirmed": {"filter": {"term": {"status": "confirmed"}}}},
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
        "query": {"term": {"status": "unreviewed"}},
        "aggs": {
            "due": {
                "date_range": {
                    "field": "report_deadline",
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
        async for event in stream.events():
            msg = event.message
            verdict = decode(msg.value, ReviewVerdict, max_bytes=64 * 1024)
            if isinstance(verdict, Rejection):
                await send_to_deadletter(
                    deadletter_topic, msg, stage=STAGE, reason=verdict.reason, error=verdict.error
                )
                continue
            applied = await until_done(
                partial(apply_verdict, es, alias, verdict),
                what="review",
                max_backoff=settings.bulk_retry_max_seconds,
            )
            if not applied:
                await send_to_deadletter(
                    deadletter_topic,
                    msg,
                    stage=STAGE,
                    reason=DeadLetterReason.UNKNOWN_FLAG,
                    error=f"no flag {verdict.flag_id!r} in {alias}: check the id (netra flags "
                    "tail, Kibana) and send the review again",
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
