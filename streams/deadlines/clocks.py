"""The legal deadlines of a flag, by regime: Pemilu (UU 7/2017) or Pilkada (UU 10/2016).

A flag starts its clocks when it becomes known (the first time it is indexed, or the time a
public report was received) and the follow-up clocks when a report is registered. Which regime
applies comes from the races (or the election) the decision names; every number and article is
data in rules/deadlines/clocks.yaml. Pure: no Elasticsearch, no Kafka, no CLI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from streams.deadlines.calendar import (
    DeadlineDataError,
    MissingYearError,
    WorkCalendar,
    load_calendar,
)

DEADLINES_DIR = Path(__file__).resolve().parents[2] / "rules" / "deadlines"
CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "rules" / "catalogue"
ONE_DAY = dt.timedelta(days=1)


class Regime(StrEnum):
    PEMILU = "pemilu"  # UU 7/2017: president, vice-president, DPR, DPD, DPRD
    PILKADA = "pilkada"  # UU 1/2015 as amended by UU 10/2016: governors, regents, mayors


class Unit(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class Anchor(StrEnum):
    KNOWN = "known"  # the violation became known: first indexed, or a public report received
    REGISTERED = "registered"  # a report was received and registered by Bawaslu


class KnownVia(StrEnum):
    INDEXED = "indexed"
    REPORT = "report"


# The order deadlines are listed in; a window's anchor is the same in every regime.
WINDOWS = ("finding", "report", "follow_up", "follow_up_extended")
WINDOW_TITLES = {
    "finding": "Finding (temuan) recorded",
    "report": "Public report (laporan) filed",
    "follow_up": "Follow-up after registration",
    "follow_up_extended": "Follow-up with further information",
}


@dataclass(frozen=True)
class Window:
    name: str
    days: int
    unit: Unit
    anchor: Anchor
    article: str


@dataclass(frozen=True)
class RegimeRules:
    regime: Regime
    law: str
    sources: tuple[str, ...]
    election_prefixes: tuple[str, ...]
    race_prefixes: tuple[str, ...]
    windows: Mapping[str, Window]


@dataclass(frozen=True)
class Zone:
    """WIB, WITA or WIT: a fixed offset whose name strftime shows (%Z)."""

    name: str
    tz: dt.timezone


class Due(BaseModel):
    """One deadline as the flag document records it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    window: str = Field(description="finding, report, follow_up or follow_up_extended.")
    due: AwareDatetime = Field(description="Midnight local time at the end of the last day.")
    regime: Regime = Field(description="The regime whose clock gives it (the earliest of all).")
    law: str = Field(description="The article, e.g. UU 7/2017 Pasal 454 ayat (6): ...")
    days: int
    unit: Unit = Field(description="What was counted (calendar when a year's list is missing).")
    round_the_clock: bool = Field(
        description="The last day is in masa tenang or on voting day: Bawaslu takes reports "
        "round the clock (1x24 jam) that day, not only in office hours."
    )


class FlagDeadlines(BaseModel):
    """When a flag became known, under which regime, and each of its deadlines."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    known_at: AwareDatetime
    known_via: KnownVia
    registered_at: AwareDatetime | None = None
    regimes: list[Regime] = Field(
        description="Regimes of the races named; empty: not determined, the earliest clock of "
        "every regime applies."
    )
    zone: str = Field(description="WIB, WITA or WIT: whose days are counted.")
    quiet_period: bool = Field(
        description="Known in masa tenang or on voting day (reports taken round the clock)."
    )
    deadlines: list[Due]
    note: str | None = Field(default=None, description="Why a clock deviates from the law's.")

    @property
    def first(self) -> Due:
        """The deadline that comes first: what alerts and reports watch."""
        return min(self.deadlines, key=lambda d: d.due)


class Clocks:
    """The rules, the working-day calendar, the time zones and the elections' quiet periods."""

    def __init__(
        self,
        rules: Mapping[Regime, RegimeRules],
        calendar: WorkCalendar,
        *,
        zones: Mapping[str, Zone],
        province_zones: Mapping[str, str],
        default_zone: str,
        count_first_day: bool,
        round_the_clock_rule: str,
        quiet_periods: Mapping[str, tuple[dt.date, dt.date]],
    ) -> None:
        self.rules = dict(rules)
        self.calendar = calendar
        self.zones = dict(zones)
        self.province_zones = {p.casefold(): z for p, z in province_zones.items()}
        self.default_zone = self.zones[default_zone]
        self.count_first_day = count_first_day
        self.round_the_clock_rule = round_the_clock_rule
        self.quiet_periods = dict(quiet_periods)

    def regimes_for(self, races: Iterable[str], election: str | None) -> frozenset[Regime]:
        """The races' regimes (pilpres-2024: Pemilu; pilgub-jateng-2024: Pilkada); without a
        known race, the election's (pemilu-2024, pilkada-2024); empty when neither tells."""
        found = {
            r.regime
            for race in races
            for r in self.rules.values()
            if race.startswith(r.race_prefixes)
        }
        if not found and election:
            found = {
                r.regime for r in self.rules.values() if election.startswith(r.election_prefixes)
            }
        return frozenset(found)

    def zone_for(self, province: str | None) -> Zone:
        """The province's zone (Keppres 41/1987); WIB when the province is unknown."""
        name = self.province_zones.get((province or "").casefold())
        return self.zones[name] if name else self.default_zone

    def round_the_clock(self, day: dt.date, election: str | None) -> bool:
        """Whether the day is in masa tenang or on voting day of the election (of any election
        in the catalogue when it is not known)."""
        periods = (
            [self.quiet_periods[election]]
            if election in self.quiet_periods
            else list(self.quiet_periods.values())
        )
        return any(start <= day <= end for start, end in periods)

    def last_day(self, window: Window, start: dt.datetime, zone: Zone) -> tuple[dt.date, Unit]:
        """The last local day of a window started at `start`, and the unit actually counted."""
        first = start.astimezone(zone.tz).date()
        base = first - ONE_DAY if self.count_first_day else first
        if window.unit is Unit.WORKING:
            try:
                return self.calendar.add_working_days(base, window.days), Unit.WORKING
            except MissingYearError:
                pass  # no list for that year: calendar days, never later than the law allows
        return base + window.days * ONE_DAY, Unit.CALENDAR

    def deadlines(
        self,
        *,
        known_at: dt.datetime,
        races: Iterable[str],
        election: str | None,
        province: str | None,
        known_via: KnownVia = KnownVia.INDEXED,
        registered_at: dt.datetime | None = None,
    ) -> FlagDeadlines:
        """Every deadline of a flag; where several regimes apply (or none is known), the
        earliest clock of each window."""
        regimes = self.regimes_for(races, election)
        applicable = sorted(regimes or self.rules)
        zone = self.zone_for(province)
        dues: list[Due] = []
        notes: list[str] = []
        for name in WINDOWS:
            best: Due | None = None
            for regime in applicable:
                rules = self.rules[regime]
                window = rules.windows[name]
                start = known_at if window.anchor is Anchor.KNOWN else registered_at
                if start is None:
                    continue
                last, unit = self.last_day(window, start, zone)
                if unit is not window.unit:
                    notes.append(
                        f"{name}: no holiday list for {last.year}; counted {window.days} "
                        "calendar days instead of working days"
                    )
                due = dt.datetime.combine(last + ONE_DAY, dt.time(0), zone.tz)
                if best is None or due < best.due:
                    best = Due(
                        window=name,
                        due=due,
                        regime=regime,
                        law=f"{rules.law} {window.article}",
                        days=window.days,
                        unit=unit,
                        round_the_clock=self.round_the_clock(last, election),
                    )
            if best is not None:
                dues.append(best)
        known_day = known_at.astimezone(zone.tz).date()
        return FlagDeadlines(
            known_at=known_at,
            known_via=known_via,
            registered_at=registered_at,
            regimes=sorted(regimes),
            zone=zone.name,
            quiet_period=self.round_the_clock(known_day, election),
            deadlines=dues,
            note="; ".join(notes) or None,
        )


def _window(regime: str, name: str, raw: Any) -> Window:
    if not isinstance(raw, dict) or set(raw) != {"days", "unit", "from", "article"}:
        raise DeadlineDataError(f"clocks.yaml: {regime}.{name} needs days, unit, from, article")
    return Window(name, int(raw["days"]), Unit(raw["unit"]), Anchor(raw["from"]), raw["article"])


def load_clocks(
    directory: Path = DEADLINES_DIR,
    *,
    calendar: WorkCalendar | None = None,
    quiet_periods: Mapping[str, tuple[dt.date, dt.date]] | None = None,
) -> Clocks:
    """clocks.yaml and holidays/ under the directory; the quiet periods from the catalogue
    unless given."""
    doc = yaml.safe_load((directory / "clocks.yaml").read_text(encoding="utf-8"))
    rules: dict[Regime, RegimeRules] = {}
    for key, raw in doc["regimes"].items():
        regime = Regime(key)
        windows = {n: _window(key, n, raw["windows"].get(n)) for n in WINDOWS}
        anchors = {n: w.anchor for n, w in windows.items()}
        if any(
            anchors[n] is not (Anchor.KNOWN if n in ("finding", "report") else Anchor.REGISTERED)
            for n in WINDOWS
        ):
            raise DeadlineDataError(f"clocks.yaml: {key}: findings and reports start when known")
        rules[regime] = RegimeRules(
            regime,
            str(raw["law"]),
            tuple(raw["sources"]),
            tuple(raw["elections"]),
            tuple(raw["races"]),
            windows,
        )
    if set(rules) != set(Regime):
        raise DeadlineDataError("clocks.yaml: define every regime: " + ", ".join(Regime))
    zones = {
        name: Zone(name, dt.timezone(dt.timedelta(hours=int(z["utc_offset_hours"])), name))
        for name, z in doc["zones"].items()
    }
    province_zones = {p: name for name, z in doc["zones"].items() for p in z["provinces"]}
    return Clocks(
        rules,
        calendar or load_calendar(directory / "holidays"),
        zones=zones,
        province_zones=province_zones,
        default_zone=str(doc["default_zone"]),
        count_first_day=bool(doc["count_first_day"]),
        round_the_clock_rule=str(doc["round_the_clock"]["rule"]),
        quiet_periods=catalogue_quiet_periods() if quiet_periods is None else quiet_periods,
    )


def catalogue_quiet_periods(directory: Path = CATALOGUE_DIR) -> dict[str, tuple[dt.date, dt.date]]:
    """Masa tenang through voting day of each election in the catalogue."""
    from neutrality.catalogue import load_catalogue

    catalogue = load_catalogue(directory)
    return {e.id: (e.calendar.quiet_start, e.calendar.voting) for e in catalogue.elections.values()}


@lru_cache(maxsize=1)
def default_clocks() -> Clocks:
    """The clocks shipped in rules/deadlines with the catalogue's elections (loaded once)."""
    return load_clocks()
