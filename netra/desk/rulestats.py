"""Per-rule precision from reviewers' verdicts, and the threshold each rule could use.

Over the flags reviewers confirmed or dismissed, a rule's precision is the confirmed share.
The suggested threshold is the lowest score at which the rule keeps precision >= 0.95 while
catching as many confirmed flags as possible (the highest recall at that precision). Recall is
over reviewed flags, which all passed today's threshold: the suggestion can only raise a
threshold, never find what was never flagged. Nothing changes by itself: a rule author reads
the suggestion and edits the rule pack.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from elasticsearch import AsyncElasticsearch, NotFoundError

from schemas.flag_document import FlagDocument, FlagField, ReviewStatus

TARGET_PRECISION = 0.95
MAX_REVIEWED = 10_000


@dataclass(frozen=True)
class Reviewed:
    """One reviewed flag as one rule saw it: the rule's score and whether it was confirmed."""

    score: float
    confirmed: bool


@dataclass(frozen=True)
class Suggestion:
    threshold: float
    precision: float
    recall: float


@dataclass(frozen=True)
class RuleStats:
    rule_id: str
    reviewed: int
    confirmed: int
    suggestion: Suggestion | None

    @property
    def precision(self) -> float:
        return self.confirmed / self.reviewed if self.reviewed else 0.0


def suggest_threshold(
    reviewed: Sequence[Reviewed], target: float = TARGET_PRECISION
) -> Suggestion | None:
    """The score threshold with the highest recall at precision >= `target` (the lowest such
    score on a tie); None when no threshold reaches the target or nothing was confirmed."""
    positives = sum(1 for r in reviewed if r.confirmed)
    if positives == 0:
        return None
    best: Suggestion | None = None
    for threshold in sorted({r.score for r in reviewed}):
        kept = [r for r in reviewed if r.score >= threshold]
        hits = sum(1 for r in kept if r.confirmed)
        precision = hits / len(kept)
        recall = hits / positives
        if precision >= target and (best is None or recall > best.recall):
            best = Suggestion(threshold=threshold, precision=precision, recall=recall)
    return best


def rule_stats(docs: Iterable[FlagDocument]) -> list[RuleStats]:
    """Per rule, over confirmed and dismissed flags: counts and the suggested threshold."""
    per_rule: dict[str, list[Reviewed]] = {}
    for doc in docs:
        if doc.status not in ReviewStatus.judged():
            continue
        confirmed = doc.status is ReviewStatus.CONFIRMED
        for hit in doc.hits:
            per_rule.setdefault(hit.rule_id, []).append(Reviewed(hit.score, confirmed))
    return [
        RuleStats(
            rule_id=rule,
            reviewed=len(items),
            confirmed=sum(1 for r in items if r.confirmed),
            suggestion=suggest_threshold(items),
        )
        for rule, items in sorted(per_rule.items())
    ]


async def fetch_rule_stats(es: AsyncElasticsearch, alias: str) -> list[RuleStats]:
    """Statistics over the latest reviewed flags (no personal data leaves this function)."""
    body: dict[str, Any] = {
        "query": {"terms": {FlagField.STATUS: list(ReviewStatus.judged())}},
        "size": MAX_REVIEWED,
        "sort": [{FlagField.TIMESTAMP: "desc"}],
        "_source": {
            "includes": [
                FlagField.TIMESTAMP,
                FlagField.FLAG_ID,
                FlagField.PLATFORM,
                FlagField.ACCOUNT_ID,
                FlagField.STATUS,
                "hits",
            ]
        },
    }
    try:
        resp = await es.search(index=alias, **body)
    except NotFoundError:
        return []
    return rule_stats(FlagDocument.from_source(h["_source"]) for h in resp["hits"]["hits"])
