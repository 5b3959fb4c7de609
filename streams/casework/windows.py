"""How long each agency has for a case's next step, from rules/deadlines/case-steps.yaml.

The follow-up of a registered finding is the law's (the regime's window in clocks.yaml); BKN's
verification and the PPK's decision have windows of their own, each with the basis it rests on
(a published practice or a service level), so the alert a supervisor sees says what it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict

from schemas.case import CaseStage
from streams.deadlines.calendar import DeadlineDataError
from streams.deadlines.clocks import (
    DEADLINES_DIR,
    ONE_DAY,
    Anchor,
    Clocks,
    Regime,
    Unit,
    Window,
)

STEPS_FILE = DEADLINES_DIR / "case-steps.yaml"


class NextStep(BaseModel):
    """The step a case waits for, and by when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stage: CaseStage
    due: AwareDatetime
    latest: AwareDatetime | None = None  # with the extension the law allows, if any
    basis: str


@dataclass(frozen=True)
class StepWindow:
    """The window of `stage`, counted from the step that moved the case to `after`: either a
    regime's window by name (`regime_window`, optionally `extended`) or its own days."""

    stage: CaseStage
    after: CaseStage
    basis: str
    regime_window: str | None = None
    extended: str | None = None
    own: Window | None = None


class StepWindows:
    def __init__(self, windows: Sequence[StepWindow], clocks: Clocks) -> None:
        self.by_after = {w.after: w for w in windows}
        self.clocks = clocks

    @property
    def stages(self) -> frozenset[str]:
        """The stages that have a window (what the overdue gauge reports on)."""
        return frozenset(w.stage.value for w in self.by_after.values())

    def next_step(
        self, stage: CaseStage, at: dt.datetime, regimes: Sequence[Regime], zone_name: str
    ) -> NextStep | None:
        """The next step after a case reached `stage` at `at`; None when nothing is due."""
        window = self.by_after.get(stage)
        if window is None:
            return None
        zone = self.clocks.zones.get(zone_name, self.clocks.default_zone)
        if window.own is not None:
            last, _ = self.clocks.last_day(window.own, at, zone)
            return NextStep(stage=window.stage, due=_end_of(last, zone.tz), basis=window.basis)
        assert window.regime_window is not None
        applicable = sorted(regimes or self.clocks.rules)
        due, basis = self._earliest(window.regime_window, applicable, at, zone_name)
        latest = None
        if window.extended:
            latest, _ = self._earliest(window.extended, applicable, at, zone_name)
        return NextStep(stage=window.stage, due=due, latest=latest, basis=basis)

    def _earliest(
        self, name: str, regimes: Sequence[Regime], at: dt.datetime, zone_name: str
    ) -> tuple[dt.datetime, str]:
        zone = self.clocks.zones.get(zone_name, self.clocks.default_zone)
        found: list[tuple[dt.datetime, str]] = []
        for regime in regimes:
            rules = self.clocks.rules[regime]
            law_window = rules.windows[name]
            last, _ = self.clocks.last_day(law_window, at, zone)
            found.append((_end_of(last, zone.tz), f"{rules.law} {law_window.article}"))
        return min(found)


def _end_of(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """Midnight local time at the end of `day`."""
    return dt.datetime.combine(day + ONE_DAY, dt.time(0), tz)


def load_step_windows(clocks: Clocks, path: Path = STEPS_FILE) -> StepWindows:
    """case-steps.yaml, checked: every step after the registration has exactly one window."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    windows: list[StepWindow] = []
    for key, raw in (doc.get("steps") or {}).items():
        try:
            stage, after = CaseStage(key), CaseStage(raw["after"])
        except (KeyError, ValueError, TypeError) as exc:
            raise DeadlineDataError(f"{path.name}: {key}: a stage and `after` a stage") from exc
        if "window" in raw:
            known = {n for r in clocks.rules.values() for n in r.windows}
            for name in (raw["window"], raw.get("extended")):
                if name is not None and name not in known:
                    raise DeadlineDataError(f"{path.name}: {key}: no window {name!r} in clocks")
            windows.append(
                StepWindow(
                    stage,
                    after,
                    basis="the regime's follow-up window (clocks.yaml)",
                    regime_window=str(raw["window"]),
                    extended=raw.get("extended"),
                )
            )
            continue
        try:
            own = Window(key, int(raw["days"]), Unit(raw["unit"]), Anchor.REGISTERED, raw["basis"])
        except (KeyError, ValueError, TypeError) as exc:
            raise DeadlineDataError(
                f"{path.name}: {key}: needs `window`, or `days`, `unit` and `basis`"
            ) from exc
        windows.append(StepWindow(stage, after, basis=str(raw["basis"]), own=own))
    afters = [w.after for w in windows]
    if len(set(afters)) != len(afters):
        raise DeadlineDataError(f"{path.name}: two windows start after the same stage")
    return StepWindows(windows, clocks)
