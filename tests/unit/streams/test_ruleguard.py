from __future__ import annotations

from datetime import UTC, datetime

from schemas import Action, Decision, Outcome, Platform, RuleHit, RuleState, Severity
from streams.ruleguard import RuleGuard


def decision(*rules: str) -> Decision:
    return Decision(
        post_key="x:1",
        platform=Platform.X,
        post_id="1",
        account_id="x:a",
        action=Action.POST,
        event_time=datetime(2024, 1, 1, tzinfo=UTC),
        outcome=Outcome.FLAG if rules else Outcome.PASS,
        score=0,
        hits=[
            RuleHit(rule_id=r, title=r, skb_form="N02", severity=Severity.HIGH, score=60)
            for r in rules
        ],
        pack_version="core@2",
        engine_version="0",
    )


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def guard(clock: Clock) -> RuleGuard:
    g = RuleGuard(share=0.05, min_events=100, window_seconds=3600, clock=clock)
    g.pack_changed("core@2")
    return g


def test_a_rule_hitting_more_than_its_share_trips_once() -> None:
    g = guard(Clock())
    tripped: list[RuleState] = []
    for i in range(200):
        tripped += g.observe(decision("N02.noisy") if i % 10 == 0 else decision())
    assert [s.rule_id for s in tripped] == ["N02.noisy"]
    assert tripped[0].review_only and "core@2" in tripped[0].reason


def test_a_rule_within_its_share_never_trips() -> None:
    g = guard(Clock())
    tripped = [
        s for i in range(1000) for s in g.observe(decision("N04.ok") if i % 25 == 0 else decision())
    ]
    assert tripped == []


def test_nothing_trips_before_enough_events_or_after_the_window() -> None:
    clock = Clock()
    g = guard(clock)
    assert all(g.observe(decision("N02.x")) == [] for _ in range(99))
    clock.now += 7200
    assert all(g.observe(decision("N02.x")) == [] for _ in range(500))


def test_applied_states_become_overrides_and_restoring_clears_them() -> None:
    g = guard(Clock())
    state = g.observe(decision("N02.a"))  # below min events: nothing
    assert state == []
    dropped = RuleState(
        rule_id="N02.a",
        review_only=True,
        reason="spike",
        pack_version="core@2",
        changed_by="netra",
        changed_at=datetime.now(UTC),
    )
    g.apply(dropped)
    assert g.overrides == frozenset({"N02.a"})
    g.apply(dropped.model_copy(update={"review_only": False, "changed_by": "ana"}))
    assert g.overrides == frozenset()
