"""Deadlines by regime across the 2024 holidays, in local time, with the quiet-period rule."""

from __future__ import annotations

import datetime as dt

import pytest

from streams.deadlines import Clocks, FlagDeadlines, Regime, Unit, load_clocks
from streams.deadlines.calendar import calendar_of
from streams.deadlines.clocks import DEADLINES_DIR

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))
WIT = dt.timezone(dt.timedelta(hours=9))
# The 2024 calendars of the catalogue (rules/catalogue): masa tenang through voting day.
QUIET = {
    "pemilu-2024": (dt.date(2024, 2, 11), dt.date(2024, 2, 14)),
    "pilkada-2024": (dt.date(2024, 11, 24), dt.date(2024, 11, 27)),
}


@pytest.fixture(scope="module")
def clocks() -> Clocks:
    return load_clocks(DEADLINES_DIR, quiet_periods=QUIET)


def _due(fd: FlagDeadlines, window: str) -> dt.datetime:
    return next(d.due for d in fd.deadlines if d.window == window)


def _end_of(day: dt.date, tz: dt.timezone) -> dt.datetime:
    """Midnight at the end of a local day: the instant a deadline on that day passes."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tz)


def test_pemilu_report_just_before_idul_fitri_2024_counts_working_days(clocks: Clocks) -> None:
    # Known Friday 5 April 2024: 6-7 weekend, 8-9 cuti bersama, 10-11 Idul Fitri, 12 cuti
    # bersama, 13-14 weekend, 15 cuti bersama; working days 16, 17, 18, 19, 22, 23, 24 April.
    known = dt.datetime(2024, 4, 5, 10, 0, tzinfo=WIB)
    fd = clocks.deadlines(
        known_at=known, races=["pilpres-2024"], election="pemilu-2024", province="Jawa Tengah"
    )
    assert fd.regimes == [Regime.PEMILU] and fd.zone == "WIB"
    assert _due(fd, "report") == _end_of(dt.date(2024, 4, 24), WIB)
    report = next(d for d in fd.deadlines if d.window == "report")
    assert report.unit is Unit.WORKING and "Pasal 454 ayat (6)" in report.law
    # The finding (ayat 5) is 7 calendar days, holidays or not: the end of 12 April.
    assert _due(fd, "finding") == _end_of(dt.date(2024, 4, 12), WIB)
    assert fd.first.window == "finding"


def test_pilkada_report_over_the_same_days_counts_calendar_days(clocks: Clocks) -> None:
    known = dt.datetime(2024, 4, 5, 10, 0, tzinfo=WIB)
    fd = clocks.deadlines(
        known_at=known,
        races=["pilgub-jawa-tengah-2024"],
        election="pilkada-2024",
        province="Jawa Tengah",
    )
    assert fd.regimes == [Regime.PILKADA]
    assert _due(fd, "report") == _end_of(dt.date(2024, 4, 12), WIB)
    assert _due(fd, "finding") == _end_of(dt.date(2024, 4, 12), WIB)
    assert "Pasal 134 ayat (4)" in next(d.law for d in fd.deadlines if d.window == "report")


def test_pemilu_report_over_voting_day_2024_skips_the_keppres_holiday(clocks: Clocks) -> None:
    # Known Monday 12 February (masa tenang): 13, 15, 16, 19, 20, 21, 22 (14 is Keppres 10/2024).
    known = dt.datetime(2024, 2, 12, 9, 0, tzinfo=WIB)
    fd = clocks.deadlines(
        known_at=known, races=["pilpres-2024"], election="pemilu-2024", province="DKI Jakarta"
    )
    assert _due(fd, "report") == _end_of(dt.date(2024, 2, 22), WIB)
    assert fd.quiet_period  # known in masa tenang: Bawaslu takes reports round the clock


def test_round_the_clock_marks_a_last_day_in_masa_tenang(clocks: Clocks) -> None:
    # Known Sunday 4 February: the finding's last day is Sunday 11 February, first of masa tenang.
    known = dt.datetime(2024, 2, 4, 9, 0, tzinfo=WIB)
    fd = clocks.deadlines(
        known_at=known, races=["pilpres-2024"], election="pemilu-2024", province="Aceh"
    )
    finding = next(d for d in fd.deadlines if d.window == "finding")
    assert finding.due == _end_of(dt.date(2024, 2, 11), WIB) and finding.round_the_clock
    assert not fd.quiet_period
    report = next(d for d in fd.deadlines if d.window == "report")
    # Working days 5, 6, 7, 12, 13, 15, 16 February: 8 Isra Mikraj, 9 cuti bersama Imlek and
    # 14 the voting day are off. Friday 16 February is after masa tenang: office hours again.
    assert report.due == _end_of(dt.date(2024, 2, 16), WIB) and not report.round_the_clock


def test_legal_days_are_local_days_by_province(clocks: Clocks) -> None:
    # 16:30 UTC on Thursday 4 April is still Thursday in WIB (23:30) but Friday in WITA and WIT.
    known = dt.datetime(2024, 4, 4, 16, 30, tzinfo=dt.UTC)
    kw = {"known_at": known, "races": ["pilpres-2024"], "election": "pemilu-2024"}
    jakarta = clocks.deadlines(province="DKI Jakarta", **kw)  # type: ignore[arg-type]
    bali = clocks.deadlines(province="Bali", **kw)  # type: ignore[arg-type]
    papua = clocks.deadlines(province="Papua Selatan", **kw)  # type: ignore[arg-type]
    assert (jakarta.zone, bali.zone, papua.zone) == ("WIB", "WITA", "WIT")
    # Known on Thursday 4 April (WIB): working days 5, 16, 17, 18, 19, 22, 23 April.
    assert _due(jakarta, "report") == _end_of(dt.date(2024, 4, 23), WIB)
    # Known on Friday 5 April (WITA, WIT): one more working day.
    assert _due(bali, "report") == _end_of(dt.date(2024, 4, 24), WITA)
    assert _due(papua, "report") == _end_of(dt.date(2024, 4, 24), WIT)
    assert _due(papua, "report") < _due(bali, "report")  # midnight in Papua comes first


def test_unknown_province_counts_in_wib(clocks: Clocks) -> None:
    known = dt.datetime(2024, 4, 4, 16, 30, tzinfo=dt.UTC)
    fd = clocks.deadlines(known_at=known, races=[], election="pemilu-2024", province=None)
    assert fd.zone == "WIB" and fd.regimes == [Regime.PEMILU]
    assert clocks.zone_for("nusa tenggara timur").name == "WITA"


def test_regime_from_races_then_election(clocks: Clocks) -> None:
    assert clocks.regimes_for(["pilpres-2024"], "pilkada-2024") == {Regime.PEMILU}
    assert clocks.regimes_for(["pileg-dpr-2024"], None) == {Regime.PEMILU}
    assert clocks.regimes_for(["pilbup-blora-2024"], None) == {Regime.PILKADA}
    assert clocks.regimes_for(["pilwalkot-surabaya-2024"], None) == {Regime.PILKADA}
    assert clocks.regimes_for([], "pilkada-2024") == {Regime.PILKADA}
    assert clocks.regimes_for([], "pemilu-2019") == {Regime.PEMILU}
    assert clocks.regimes_for(["unknown-race"], None) == frozenset()
    both = clocks.regimes_for(["pilpres-2024", "pilgub-jawa-timur-2024"], "pemilu-2024")
    assert both == {Regime.PEMILU, Regime.PILKADA}


def test_mixed_or_undetermined_regimes_take_the_earliest_clock(clocks: Clocks) -> None:
    known = dt.datetime(2024, 4, 5, 10, 0, tzinfo=WIB)
    for races in (["pilpres-2024", "pilgub-jawa-tengah-2024"], []):
        fd = clocks.deadlines(known_at=known, races=races, election=None, province="Jawa Tengah")
        report = next(d for d in fd.deadlines if d.window == "report")
        assert report.regime is Regime.PILKADA  # calendar days: never later than working days
        assert report.due == _end_of(dt.date(2024, 4, 12), WIB)
    assert fd.regimes == []


def test_follow_up_windows_start_at_registration(clocks: Clocks) -> None:
    known = dt.datetime(2024, 4, 1, 9, 0, tzinfo=WIB)
    none_yet = clocks.deadlines(
        known_at=known, races=["pilpres-2024"], election="pemilu-2024", province="Banten"
    )
    assert [d.window for d in none_yet.deadlines] == ["finding", "report"]
    registered = dt.datetime(2024, 4, 4, 14, 0, tzinfo=WIB)  # Thursday before Idul Fitri
    pemilu = clocks.deadlines(
        known_at=known,
        races=["pilpres-2024"],
        election="pemilu-2024",
        province="Banten",
        registered_at=registered,
    )
    # ayat (7): 7 days -> end of 11 April; ayat (8): 14 working days from 5 April: 5, 16-19,
    # 22-26, 29, 30 April, 2 and 3 May (1 May is Hari Buruh) -> end of 3 May.
    assert _due(pemilu, "follow_up") == _end_of(dt.date(2024, 4, 11), WIB)
    assert _due(pemilu, "follow_up_extended") == _end_of(dt.date(2024, 5, 3), WIB)
    pilkada = clocks.deadlines(
        known_at=known,
        races=["pilgub-banten-2024"],
        election="pilkada-2024",
        province="Banten",
        registered_at=registered,
    )
    # Pasal 134 ayat (5): 3 days; ayat (6): 2 more days for further information.
    assert _due(pilkada, "follow_up") == _end_of(dt.date(2024, 4, 7), WIB)
    assert _due(pilkada, "follow_up_extended") == _end_of(dt.date(2024, 4, 9), WIB)


def test_a_year_without_a_holiday_list_falls_back_to_calendar_days() -> None:
    clocks = load_clocks(DEADLINES_DIR, calendar=calendar_of([], [2024]), quiet_periods=QUIET)
    known = dt.datetime(2024, 12, 30, 9, 0, tzinfo=WIB)
    fd = clocks.deadlines(
        known_at=known, races=["pilpres-2024"], election="pemilu-2024", province="Jawa Barat"
    )
    report = next(d for d in fd.deadlines if d.window == "report")
    assert report.unit is Unit.CALENDAR and report.due == _end_of(dt.date(2025, 1, 6), WIB)
    assert fd.note and "no holiday list for 2025" in fd.note
