from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agents.offenders import OffenderHistory

T0 = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)
THRESHOLDS = {7: 3, 30: 5}


def add(history: OffenderHistory, flag_id: str, day: float) -> list[tuple[int, int]]:
    return history.add(flag_id, T0 + timedelta(days=day), THRESHOLDS)


def test_three_flags_in_a_week_escalate_once() -> None:
    h = OffenderHistory()
    assert add(h, "a", 0) == []
    assert add(h, "b", 2) == []
    assert add(h, "c", 4) == [(7, 3)]
    assert add(h, "d", 5) == []  # already escalated within this window


def test_a_redelivered_flag_is_not_counted_twice() -> None:
    h = OffenderHistory()
    add(h, "a", 0)
    add(h, "b", 1)
    assert add(h, "b", 1) == []
    assert add(h, "b", 1) == []
    assert len(h.flags) == 2


def test_flags_spread_over_a_month_escalate_the_30_day_window() -> None:
    h = OffenderHistory()
    crossed = [add(h, f"f{i}", day) for i, day in enumerate([0, 8, 16, 24, 29])]
    assert crossed[-1] == [(30, 5)]
    assert all(c == [] for c in crossed[:-1])


def test_the_window_slides_by_event_time_and_escalates_again_later() -> None:
    h = OffenderHistory()
    for i, day in enumerate([0, 1, 2]):
        add(h, f"a{i}", day)
    assert h.escalated["7"] == (T0 + timedelta(days=2)).timestamp()
    assert add(h, "b0", 20) == []
    assert add(h, "b1", 21) == [(30, 5)]  # five within 30 days
    assert add(h, "b2", 22) == [(7, 3)]  # the first 7-day escalation has left the window


def test_history_round_trips_through_the_table_bytes() -> None:
    h = OffenderHistory()
    add(h, "a", 0)
    again = OffenderHistory.loads(h.dumps())
    assert again == h
    assert OffenderHistory.loads(None) == OffenderHistory()
    assert again.ids_within(7, T0 + timedelta(days=1)) == ["a"]
    assert again.ids_within(7, T0 + timedelta(days=9)) == []
