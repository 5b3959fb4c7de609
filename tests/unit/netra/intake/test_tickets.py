"""Tickets: issued with a MAC, checked without a list, mapped to a status and nothing more."""

from __future__ import annotations

import re

import pytest

from netra.intake.errors import RefusedError
from netra.intake.tickets import Tickets, TicketStatus, status_of
from schemas.report import TICKET_PATTERN

TICKETS = Tickets(b"unit-test-intake-signing-key-0123456789")


def test_issued_tickets_check_in_any_case_and_are_distinct() -> None:
    issued = {TICKETS.issue() for _ in range(200)}
    assert len(issued) == 200
    for ticket in issued:
        assert re.match(TICKET_PATTERN, ticket)
        assert TICKETS.check(f"  {ticket.lower()} ") == ticket


def test_a_ticket_not_issued_here_is_not_found() -> None:
    ticket = TICKETS.issue()
    last = ticket[-1]
    altered = ticket[:-1] + ("0" if last != "0" else "1")
    with pytest.raises(RefusedError) as err:
        TICKETS.check(altered)
    assert err.value.status == 404
    other = Tickets(b"another-intake-signing-key-0123456789!")
    with pytest.raises(RefusedError):
        other.check(ticket)


@pytest.mark.parametrize(
    "bad",
    ["", "LAP-", "LAP-IIII-0000-0000-0000", "../../etc/passwd", "LAP-0000-0000-0000-0000" * 3],
)
def test_a_malformed_ticket_is_refused_as_such(bad: str) -> None:
    with pytest.raises(RefusedError) as err:
        TICKETS.check(bad)
    assert err.value.status == 422


def test_the_status_a_reporter_sees() -> None:
    assert status_of(None) is TicketStatus.RECEIVED
    assert status_of("unreviewed") is TicketStatus.JUDGED
    assert status_of("escalated") is TicketStatus.UNDER_REVIEW
    assert status_of("confirmed") is TicketStatus.UNDER_REVIEW  # the case goes on
    assert status_of("claimed") is TicketStatus.UNDER_REVIEW
    assert status_of("dismissed") is TicketStatus.CLOSED
