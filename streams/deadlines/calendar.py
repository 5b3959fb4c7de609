"""Working days (hari kerja) from the yearly lists of national holidays and cuti bersama.

The lists are data (rules/deadlines/holidays/YEAR.yaml), one file a year, each naming the joint
ministerial decree (SKB) it copies and where it was read. A year without a file is not guessed:
asking about one of its days raises MissingYearError, and the clocks fall back to calendar days,
which can only bring a deadline earlier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_LISTS = ("holidays", "cuti_bersama", "decreed", "amended_cuti_bersama")
_KEYS = {"year", "decree", "sources", "announced", *_LISTS}


class DeadlineDataError(ValueError):
    """A deadlines data file is malformed or contradicts itself."""


class MissingYearError(LookupError):
    """No holiday list for that year: its working days are unknown."""

    def __init__(self, year: int) -> None:
        super().__init__(f"no holiday list for {year} in rules/deadlines/holidays")
        self.year = year


@dataclass(frozen=True)
class DayOff:
    day: dt.date
    name: str
    kind: str  # holidays, cuti_bersama, decreed or amended_cuti_bersama (the list it came from)


@dataclass(frozen=True)
class HolidayYear:
    year: int
    decree: str
    sources: tuple[str, ...]
    days: tuple[DayOff, ...]


class WorkCalendar:
    """Which days are working days, for the years it has lists for."""

    def __init__(self, years: Mapping[int, HolidayYear]) -> None:
        self.years = dict(years)
        self._off = {d.day: d for y in self.years.values() for d in y.days}

    def day_off(self, day: dt.date) -> DayOff | None:
        """The holiday or cuti bersama on that day, if any (weekends are not listed)."""
        if day.year not in self.years:
            raise MissingYearError(day.year)
        return self._off.get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """Monday to Friday and neither a national holiday nor cuti bersama."""
        off = self.day_off(day)  # raises for an unknown year, even on a weekend
        return day.weekday() < 5 and off is None

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The nth working day after `start` (start itself is not counted)."""
        day, counted = start, 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day


def _parse_year(path: Path, doc: Any) -> HolidayYear:
    where = path.name
    if (
        not isinstance(doc, dict)
        or set(doc) - _KEYS
        or not {"year", "decree", "sources"} <= set(doc)
    ):
        raise DeadlineDataError(f"{where}: expected the keys {sorted(_KEYS)}")
    year = int(doc["year"])
    if path.stem != str(year):
        raise DeadlineDataError(f"{where}: the file of year {year} must be named {year}.yaml")
    sources = tuple(str(s) for s in doc["sources"] or [])
    if not sources:
        raise DeadlineDataError(f"{where}: name the public sources of the list")
    days: list[DayOff] = []
    for kind in _LISTS:
        for item in doc.get(kind) or []:
            day = item.get("date") if isinstance(item, dict) else None
            if not isinstance(day, dt.date) or day.year != year or not item.get("name"):
                raise DeadlineDataError(f"{where}: {kind}: {item!r} needs a {year} date and a name")
            if kind in ("decreed", "amended_cuti_bersama") and not (
                item.get("decree") and item.get("source")
            ):
                raise DeadlineDataError(f"{where}: {kind} {day} needs its decree and source")
            days.append(DayOff(day, str(item["name"]), kind))
    seen: set[dt.date] = set()
    for d in days:
        if d.day in seen:
            raise DeadlineDataError(f"{where}: {d.day} is listed twice")
        seen.add(d.day)
    # The decree announces how many days it sets: a typo in a date shows up as a wrong count.
    for kind, count in (doc.get("announced") or {}).items():
        got = sum(1 for d in days if d.kind == kind)
        if got != int(count):
            raise DeadlineDataError(f"{where}: {got} {kind} listed, the decree announced {count}")
    return HolidayYear(year, " ".join(str(doc["decree"]).split()), sources, tuple(days))


def load_calendar(directory: Path) -> WorkCalendar:
    """Every YEAR.yaml under the directory."""
    years: dict[int, HolidayYear] = {}
    for path in sorted(directory.glob("*.yaml")):
        parsed = _parse_year(path, yaml.safe_load(path.read_text(encoding="utf-8")))
        years[parsed.year] = parsed
    if not years:
        raise DeadlineDataError(f"{directory}: no holiday lists (YEAR.yaml)")
    return WorkCalendar(years)


def calendar_of(days: Iterable[tuple[dt.date, str]], years: Iterable[int]) -> WorkCalendar:
    """A calendar from plain (day, name) pairs, for tools and tests that build their own."""
    listed = list(days)
    return WorkCalendar(
        {
            y: HolidayYear(
                y, "", (), tuple(DayOff(d, n, "holidays") for d, n in listed if d.year == y)
            )
            for y in years
        }
    )
