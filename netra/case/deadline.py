"""The reporting deadline of a flag: UU 7/2017 Pasal 454, seven days from the act."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

# UU 7/2017 Pasal 454: findings and reports must come within 7 days of the act becoming known.
# The event time is the earliest moment it could be known, so the deadline shown is the strictest.
REPORTING_WINDOW = timedelta(days=7)


class Deadline(BaseModel):
    """The 7-day reporting window of UU 7/2017 Pasal 454, seen from a given moment."""

    model_config = ConfigDict(frozen=True)

    event_time: AwareDatetime
    deadline: AwareDatetime
    as_of: AwareDatetime
    expired: bool
    days_left: int = Field(description="Whole days left; 0 on the last day; negative once expired.")
    hours_left: int = Field(description="Hours beyond days_left (0-23).")

    def describe(self) -> str:
        if self.expired:
            ago = self.as_of - self.deadline
            return f"expired {_span_words(ago)} ago"
        return f"{_span_words(self.deadline - self.as_of)} left"


def _span_words(delta: timedelta) -> str:
    days, rest = divmod(int(delta.total_seconds()), 86400)
    hours = rest // 3600
    if days == 0:
        return f"{hours} h"
    return f"{days} day{'s' if days != 1 else ''} {hours} h"


def reporting_deadline(event_time: datetime, now: datetime) -> Deadline:
    """Deadline = event time + 7 days; expired once now is at or past it."""
    deadline = event_time + REPORTING_WINDOW
    remaining = deadline - now
    expired = remaining <= timedelta(0)
    seconds = int(remaining.total_seconds())
    days, rest = divmod(seconds, 86400)
    return Deadline(
        event_time=event_time,
        deadline=deadline,
        as_of=now,
        expired=expired,
        days_left=days,
        hours_left=0 if expired else rest // 3600,
    )
