"""Working days from the shipped holiday and cuti bersama lists (2024-2026)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from streams.deadlines.calendar import (
    DeadlineDataError,
    MissingYearError,
    calendar_of,
    load_calendar,
)
from streams.deadlines.clocks import DEADLINES_DIR

D = dt.date


def test_every_year_names_its_decree_and_sources() -> None:
    cal = load_calendar(DEADLINES_DIR / "holidays")
    assert set(cal.years) == {2024, 2025, 2026}
    for year in cal.years.values():
        assert "Hari Libur Nasional dan Cuti Bersama" in year.decree
        assert year.sources and all(s.startswith("https://") for s in year.sources)


def test_idul_fitri_2024_national_holidays_and_cuti_bersama_are_not_working_days() -> None:
    cal = load_calendar(DEADLINES_DIR / "holidays")
    # 8-9 April cuti bersama, 10-11 Idul Fitri, 12 and 15 cuti bersama; 16 April is back to work.
    for day in (D(2024, 4, 8), D(2024, 4, 9), D(2024, 4, 10), D(2024, 4, 11), D(2024, 4, 12)):
        assert not cal.is_working_day(day), day
    assert not cal.is_working_day(D(2024, 4, 15))
    assert cal.is_working_day(D(2024, 4, 5)) and cal.is_working_day(D(2024, 4, 16))
    off = cal.day_off(D(2024, 4, 12))
    assert off is not None and off.kind == "cuti_bersama"


def test_voting_days_decreed_holidays_and_the_2025_amendment() -> None:
    cal = load_calendar(DEADLINES_DIR / "holidays")
    assert not cal.is_working_day(D(2024, 2, 14))  # Keppres 10/2024
    assert not cal.is_working_day(D(2024, 11, 27))  # Keppres 33/2024
    assert not cal.is_working_day(D(2025, 8, 18))  # SKB 933/2025: cuti bersama HUT RI ke-80
    assert not cal.is_working_day(D(2026, 3, 20)) and cal.is_working_day(D(2026, 3, 25))


def test_weekends_are_never_working_days_and_nth_working_day_skips_them() -> None:
    cal = load_calendar(DEADLINES_DIR / "holidays")
    assert not cal.is_working_day(D(2024, 3, 2))  # a Saturday with no holiday
    # Friday 1 March 2024: Mon 4, Tue 5, ... the 5th working day is Friday 8 March.
    assert cal.add_working_days(D(2024, 3, 1), 5) == D(2024, 3, 8)
    # Over Nyepi (11 March holiday, 12 March cuti bersama): Mon 11 and Tue 12 are skipped.
    assert cal.add_working_days(D(2024, 3, 8), 1) == D(2024, 3, 13)


def test_a_year_without_a_list_is_not_guessed() -> None:
    cal = load_calendar(DEADLINES_DIR / "holidays")
    with pytest.raises(MissingYearError):
        cal.is_working_day(D(2027, 1, 4))
    with pytest.raises(MissingYearError):
        cal.add_working_days(D(2026, 12, 30), 5)


def _write(tmp: Path, body: str, name: str = "2024.yaml") -> Path:
    (tmp / name).write_text(body, encoding="utf-8")
    return tmp


def test_a_list_that_contradicts_its_announced_count_is_refused(tmp_path: Path) -> None:
    body = (
        "year: 2024\ndecree: SKB\nsources: [https://example.org/skb]\n"
        "announced: {holidays: 2}\nholidays:\n  - {date: 2024-01-01, name: Tahun Baru}\n"
    )
    with pytest.raises(DeadlineDataError, match="announced 2"):
        load_calendar(_write(tmp_path, body))


def test_a_date_outside_its_year_or_listed_twice_is_refused(tmp_path: Path) -> None:
    wrong_year = (
        "year: 2024\ndecree: SKB\nsources: [https://example.org/skb]\n"
        "holidays:\n  - {date: 2025-01-01, name: Tahun Baru}\n"
    )
    with pytest.raises(DeadlineDataError, match="2024 date"):
        load_calendar(_write(tmp_path, wrong_year))
    twice = (
        "year: 2024\ndecree: SKB\nsources: [https://example.org/skb]\n"
        "holidays:\n  - {date: 2024-01-01, name: A}\n"
        "cuti_bersama:\n  - {date: 2024-01-01, name: B}\n"
    )
    with pytest.raises(DeadlineDataError, match="twice"):
        load_calendar(_write(tmp_path, twice))


def test_a_decreed_day_needs_its_decree_and_source(tmp_path: Path) -> None:
    body = (
        "year: 2024\ndecree: SKB\nsources: [https://example.org/skb]\n"
        "decreed:\n  - {date: 2024-02-14, name: Pemungutan suara}\n"
    )
    with pytest.raises(DeadlineDataError, match="decree and source"):
        load_calendar(_write(tmp_path, body))


def test_calendar_of_plain_days() -> None:
    cal = calendar_of([(D(2024, 1, 2), "test day")], [2024])
    assert not cal.is_working_day(D(2024, 1, 2)) and cal.is_working_day(D(2024, 1, 3))
