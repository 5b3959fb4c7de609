"""The windows of a case's next step: the law's follow-up (by regime, in local days across the
2024 holidays), BKN's 7 days, the PPK's service level in working days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemas import CaseStage
from streams.casework import StepWindows, load_step_windows
from streams.deadlines import Clocks, Regime, load_clocks
from streams.deadlines.calendar import DeadlineDataError
from streams.deadlines.clocks import DEADLINES_DIR

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture(scope="module")
def clocks() -> Clocks:
    return load_clocks(DEADLINES_DIR, quiet_periods={})


@pytest.fixture(scope="module")
def windows(clocks: Clocks) -> StepWindows:
    return load_step_windows(clocks)


def _end_of(day: dt.date, tz: dt.timezone) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tz)


def test_a_registered_pilkada_finding_is_followed_up_in_3_calendar_days_at_most_5(
    windows: StepWindows,
) -> None:
    at = dt.datetime(2024, 11, 5, 10, 30, tzinfo=WIB)
    nxt = windows.next_step(CaseStage.FINDING_REGISTERED, at, [Regime.PILKADA], "WIB")
    assert nxt is not None and nxt.stage is CaseStage.RECOMMENDATION_SENT
    assert nxt.due == _end_of(dt.date(2024, 11, 8), WIB)
    assert nxt.latest == _end_of(dt.date(2024, 11, 10), WIB)
    assert "Pasal 134" in nxt.basis


def test_a_registered_pemilu_finding_gets_7_days_then_14_working_days_past_the_holidays(
    windows: StepWindows,
) -> None:
    # Registered Friday 5 April 2024 (WITA): cuti bersama 8, 9, 12, 15 April, Idul Fitri 10-11.
    at = dt.datetime(2024, 4, 5, 9, 0, tzinfo=WITA)
    nxt = windows.next_step(CaseStage.FINDING_REGISTERED, at, [Regime.PEMILU], "WITA")
    assert nxt is not None
    assert nxt.due == _end_of(dt.date(2024, 4, 12), WITA)
    # Working days 16-19 (4), 22-26 (9), 29-30 April (11); 1 May is a holiday; 2-3 May (13),
    # 6 May is the 14th.
    assert nxt.latest == _end_of(dt.date(2024, 5, 6), WITA)
    assert "Pasal 454" in nxt.basis


def test_without_a_known_regime_the_earliest_clock_applies(windows: StepWindows) -> None:
    at = dt.datetime(2024, 11, 5, 10, 30, tzinfo=WIB)
    nxt = windows.next_step(CaseStage.FINDING_REGISTERED, at, [], "WIB")
    assert nxt is not None and nxt.due == _end_of(dt.date(2024, 11, 8), WIB)


def test_bkn_verifies_in_7_days_and_the_ppk_decides_in_14_working_days(
    windows: StepWindows,
) -> None:
    sent = dt.datetime(2024, 12, 20, 15, 0, tzinfo=WIB)
    verified = windows.next_step(CaseStage.RECOMMENDATION_SENT, sent, [Regime.PILKADA], "WIB")
    assert verified is not None and verified.stage is CaseStage.VERIFIED_BY_BKN
    assert verified.due == _end_of(dt.date(2024, 12, 27), WIB) and verified.latest is None
    assert "7 days" in verified.basis
    # From 27 Dec 2024: 25-26 Dec are behind; 1 Jan and 27 Jan (Isra Mikraj), 28 Jan cuti
    # bersama and 29 Jan (Imlek) are not working days.
    decided = windows.next_step(CaseStage.VERIFIED_BY_BKN, verified.due, [], "WIB")
    assert decided is not None and decided.stage is CaseStage.PPK_DECIDED
    assert "service level" in decided.basis
    assert decided.due.date() > dt.date(2025, 1, 15)


def test_nothing_is_due_after_the_decision_or_a_close(windows: StepWindows) -> None:
    at = dt.datetime(2024, 11, 5, tzinfo=WIB)
    assert windows.next_step(CaseStage.PPK_DECIDED, at, [], "WIB") is None
    assert windows.next_step(CaseStage.CLOSED, at, [], "WIB") is None
    assert windows.stages == {"recommendation_sent", "verified_by_bkn", "ppk_decided"}


def test_a_window_naming_no_clock_or_lacking_days_is_refused(
    clocks: Clocks, tmp_path: Path
) -> None:
    bad = tmp_path / "case-steps.yaml"
    bad.write_text("steps:\n  recommendation_sent: {after: finding_registered, window: nope}\n")
    with pytest.raises(DeadlineDataError, match="no window 'nope'"):
        load_step_windows(clocks, bad)
    bad.write_text("steps:\n  verified_by_bkn: {after: recommendation_sent, days: 7}\n")
    with pytest.raises(DeadlineDataError, match="needs `window`"):
        load_step_windows(clocks, bad)
    bad.write_text(
        "steps:\n  verified_by_bkn: {after: recommendation_sent, days: 7, unit: calendar, "
        "basis: a}\n  ppk_decided: {after: recommendation_sent, days: 7, unit: calendar, "
        "basis: b}\n"
    )
    with pytest.raises(DeadlineDataError, match="same stage"):
        load_step_windows(clocks, bad)
