"""The legal deadlines a flag records: when it became known, under which regime, and each due
time. The records only; streams/deadlines computes them from the law's clocks (data in
rules/deadlines/)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class Regime(StrEnum):
    PEMILU = "pemilu"  # UU 7/2017: president, vice-president, DPR, DPD, DPRD
    PILKADA = "pilkada"  # UU 1/2015 as amended by UU 10/2016: governors, regents, mayors


class Unit(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class KnownVia(StrEnum):
    INDEXED = "indexed"
    REPORT = "report"


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
