"""The pure parts of `netra bench desk`: its percentiles, the review state it gives flags, and
the queue pages it asks for (the timing itself runs in `netra bench desk`)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime

import pytest

from netra.bench.desk import (
    CASES,
    CLAIMED_SHARE,
    STATUS_MIX,
    TARGET_MS,
    CaseResult,
    Timing,
    percentile,
    review_state,
)
from netra.desk.queue import QueueFilters
from schemas import Verdict
from schemas.flag_document import FlagDocument, ReviewStatus


def test_percentile_is_a_measured_value_by_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile(values, 100) == 100.0
    assert percentile([7.0, 1.0, 3.0], 50) == 3.0
    assert percentile([4.0], 95) == 4.0
    # Of 20 samples, p95 is the 19th: one slow request in 20 does not set it.
    assert percentile([10.0] * 19 + [900.0], 95) == 10.0
    assert percentile([10.0] * 18 + [900.0] * 2, 95) == 900.0
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1.0], 0)


def test_the_target_is_on_the_p95_of_the_page() -> None:
    case = CASES[0]
    fast = Timing((100.0,) * 19 + (1000.0,))
    slow = Timing((100.0,) * 18 + (TARGET_MS,) * 2)
    took = Timing((5.0,))
    assert CaseResult(case, 10, fast, took, took).met
    assert not CaseResult(case, 10, slow, took, took).met


def _doc() -> FlagDocument:
    return FlagDocument.model_validate(
        {
            "@timestamp": datetime(2024, 2, 1, 9, tzinfo=UTC).isoformat(),
            "flag_id": "x:bench-1",
            "platform": "x",
            "post_id": "bench-1",
            "account_id": "x:asn",
            "action": "post",
            "outcome": "flag",
            "score": 70.0,
        }
    )


def test_review_state_follows_the_status_mix_with_a_consistent_history() -> None:
    rng = random.Random(5)
    doc = _doc()
    states = [review_state(doc, rng) for _ in range(20_000)]
    counts = Counter(s.status for s in states)
    for status, share in STATUS_MIX:
        assert counts[status] / len(states) == pytest.approx(share, abs=0.015), status
    claimed = [s for s in states if s.claim is not None]
    assert len(claimed) / len(states) == pytest.approx(CLAIMED_SHARE, abs=0.01)
    assert all(s.status is ReviewStatus.UNREVIEWED for s in claimed)
    verdicts = {
        ReviewStatus.CONFIRMED: Verdict.CONFIRM,
        ReviewStatus.DISMISSED: Verdict.DISMISS,
        ReviewStatus.ESCALATED: Verdict.ESCALATE,
    }
    for s in states:
        if s.status is ReviewStatus.UNREVIEWED:
            assert s.reviews == [] and s.reviewer is None
            continue
        (entry,) = s.reviews
        assert entry.verdict is verdicts[s.status]
        assert s.reviewer == entry.reviewer and s.reviewed_at == entry.reviewed_at
        assert entry.reviewed_at > s.timestamp


def test_the_cases_ask_for_pages_the_queue_accepts() -> None:
    assert any(c.filters == QueueFilters() for c in CASES), "the default order is measured"
    assert any(c.filters.clauses() for c in CASES), "and a filtered queue"
    assert any(c.scope.province for c in CASES), "and a scoped user"
    for case in CASES:
        assert QueueFilters.model_validate(case.filters.as_query_string()) == case.filters
