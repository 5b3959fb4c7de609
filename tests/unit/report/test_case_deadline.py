"""The 7-day reporting deadline of UU 7/2017 Pasal 454."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from netra.case.deadline import reporting_deadline

EVENT = datetime(2024, 2, 5, 9, 30, tzinfo=UTC)


def test_days_and_hours_left() -> None:
    d = reporting_deadline(EVENT, EVENT + timedelta(days=2, hours=3))
    assert d.deadline == EVENT + timedelta(days=7)
    assert not d.expired
    assert (d.days_left, d.hours_left) == (4, 21)
    assert d.describe() == "4 days 21 h left"


def test_last_day() -> None:
    d = reporting_deadline(EVENT, EVENT + timedelta(days=6, hours=20))
    assert (d.expired, d.days_left, d.hours_left) == (False, 0, 4)
    assert d.describe() == "4 h left"


def test_expires_exactly_at_the_deadline() -> None:
    assert reporting_deadline(EVENT, EVENT + timedelta(days=7)).expired
    assert not reporting_deadline(EVENT, EVENT + timedelta(days=7, seconds=-1)).expired


def test_expired_says_how_long_ago() -> None:
    d = reporting_deadline(EVENT, EVENT + timedelta(days=9, hours=1))
    assert d.expired and d.days_left < 0
    assert d.describe() == "expired 2 days 1 h ago"
