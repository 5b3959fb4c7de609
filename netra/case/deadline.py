"""A flag's legal deadlines as a case file shows them: each with what is left at a given moment.

The deadlines themselves are computed where the flag is indexed (streams.deadlines) and stored
in its document; a document indexed before they existed gets them computed here, from the time
it was indexed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.flag_document import FlagDocument
from streams.deadlines import WINDOW_TITLES, Clocks, Due, FlagDeadlines


class Deadline(BaseModel):
    """One legal deadline, seen from a given moment."""

    model_config = ConfigDict(frozen=True)

    window: str = Field(description="finding, report, follow_up or follow_up_extended.")
    title: str
    law: str = Field(description="The article it comes from.")
    regime: str
    due: AwareDatetime = Field(description="Midnight at the end of the last day, local time.")
    as_of: AwareDatetime
    expired: bool
    days_left: int = Field(description="Whole days left; 0 on the last day; negative once expired.")
    hours_left: int = Field(description="Hours beyond days_left (0-23).")
    unit: str = Field(description="calendar or working days.")
    days: int
    round_the_clock: bool = Field(
        description="The last day is in masa tenang or on voting day: reports taken 1x24 jam."
    )

    def last_day(self) -> str:
        """The last day in the flag's local time, e.g. 2024-04-24 (WIB)."""
        end = self.due - timedelta(seconds=1)
        return f"{end:%Y-%m-%d} ({self.due.tzname()})"

    def describe(self) -> str:
        if self.expired:
            ago = self.as_of - self.due
            return f"expired {_span_words(ago)} ago"
        return f"{_span_words(self.due - self.as_of)} left"


def _span_words(delta: timedelta) -> str:
    days, rest = divmod(int(delta.total_seconds()), 86400)
    hours = rest // 3600
    if days == 0:
        return f"{hours} h"
    return f"{days} day{'s' if days != 1 else ''} {hours} h"


def deadline_view(due: Due, now: datetime, tz: tzinfo) -> Deadline:
    """A recorded deadline with what is left at `now` (expired once now is at or past it),
    its time shown in the flag's zone `tz`."""
    remaining = due.due - now
    expired = remaining <= timedelta(0)
    days, rest = divmod(int(remaining.total_seconds()), 86400)
    return Deadline(
        window=due.window,
        title=WINDOW_TITLES.get(due.window, due.window),
        law=due.law,
        regime=due.regime.value,
        due=due.due.astimezone(tz),
        as_of=now,
        expired=expired,
        days_left=days,
        hours_left=0 if expired else rest // 3600,
        unit=due.unit.value,
        days=due.days,
        round_the_clock=due.round_the_clock,
    )


def flag_deadlines(doc: FlagDocument, clocks: Clocks) -> FlagDeadlines:
    """The deadlines recorded in a flag document; for one indexed before they were recorded,
    computed from when it was indexed (else from the event: the earliest it could be known)."""
    recorded = doc.recorded_deadlines()
    if recorded is not None:
        return recorded
    return clocks.deadlines(
        known_at=doc.first_known(),
        races=list(doc.races),
        election=doc.election,
        province=doc.asn.province,
    )
