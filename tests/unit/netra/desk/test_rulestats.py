"""Per-rule precision and the suggested threshold (highest recall at precision >= 0.95)."""

from __future__ import annotations

from datetime import UTC, datetime

from netra.desk.rulestats import Reviewed, rule_stats, suggest_threshold
from schemas import RuleHit, Severity
from schemas.flag_document import FlagDocument, ReviewStatus


def _r(score: float, ok: bool) -> Reviewed:
    return Reviewed(score, ok)


def test_the_lowest_threshold_that_keeps_precision_wins_the_most_recall() -> None:
    # 20 confirmed from 0.60 up, one dismissed at 0.55 and one at 0.62.
    items = [_r(0.60 + i * 0.01, True) for i in range(20)] + [_r(0.55, False), _r(0.62, False)]
    s = suggest_threshold(items)
    assert s is not None
    # At 0.60: 20 kept positives, 1 dismissed (0.62) -> 20/21 = 0.952 >= 0.95, recall 1.0.
    assert s.threshold == 0.60 and s.recall == 1.0 and round(s.precision, 3) == 0.952


def test_no_suggestion_when_no_threshold_reaches_the_target_or_nothing_is_confirmed() -> None:
    assert suggest_threshold([_r(0.9, False), _r(0.8, True), _r(0.95, False)]) is None
    assert suggest_threshold([_r(0.9, False)]) is None
    assert suggest_threshold([]) is None


def test_recall_is_traded_only_when_precision_needs_it() -> None:
    items = [_r(0.5, False), _r(0.5, True), _r(0.7, True), _r(0.8, True)]
    s = suggest_threshold(items)
    assert s is not None and s.threshold == 0.7 and round(s.recall, 3) == 0.667


def _doc(n: int, status: ReviewStatus, score: float) -> FlagDocument:
    hit = RuleHit(rule_id="N02.x", title="t", skb_form="N02", severity=Severity.HIGH, score=score)
    return FlagDocument(
        timestamp=datetime.now(UTC),
        flag_id=f"ig:{n}",
        platform="instagram",
        account_id="a",
        hits=[hit],
        status=status,
    )


def test_rule_stats_count_confirmed_and_dismissed_only() -> None:
    docs = [
        _doc(1, ReviewStatus.CONFIRMED, 0.9),
        _doc(2, ReviewStatus.DISMISSED, 0.4),
        _doc(3, ReviewStatus.ESCALATED, 0.9),
        _doc(4, ReviewStatus.UNREVIEWED, 0.9),
    ]
    [stats] = rule_stats(docs)
    assert (stats.rule_id, stats.reviewed, stats.confirmed) == ("N02.x", 2, 1)
    assert stats.precision == 0.5
    assert stats.suggestion is not None and stats.suggestion.threshold == 0.9
