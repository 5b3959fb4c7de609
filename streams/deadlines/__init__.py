"""Legal deadlines by regime, computed where flags are indexed (so agents can use them).

`calendar`: working days from the yearly holiday and cuti bersama lists; `clocks`: the regime of
a flag, its local time zone, and each deadline (finding, public report, follow-ups). The records
they make (`Due`, `FlagDeadlines`) are schemas.deadlines, re-exported here. The data and its
sources are in rules/deadlines/.
"""

from __future__ import annotations

from schemas.deadlines import Due, FlagDeadlines, KnownVia, Regime, Unit
from streams.deadlines.calendar import DeadlineDataError, MissingYearError, WorkCalendar
from streams.deadlines.clocks import WINDOW_TITLES, Clocks, default_clocks, load_clocks

__all__ = [
    "WINDOW_TITLES",
    "Clocks",
    "DeadlineDataError",
    "Due",
    "FlagDeadlines",
    "KnownVia",
    "MissingYearError",
    "Regime",
    "Unit",
    "WorkCalendar",
    "default_clocks",
    "load_clocks",
]
