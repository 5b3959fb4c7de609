"""Why a report or a lookup was refused: an HTTP status and a reason a person can act on."""

from __future__ import annotations


class RefusedError(Exception):
    """Bad input or too much of it. Raised before anything is stored, so a refused report
    leaves no trace but the rate limiter's count."""

    def __init__(
        self, status: int, reason: str, *, field: str | None = None, retry_after: int | None = None
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.field = field
        self.retry_after = retry_after


class UnavailableError(Exception):
    """Kafka or the evidence store could not take the report: nothing was issued, try later."""
