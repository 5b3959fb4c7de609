"""Ticket numbers a reporter can look a report up with, and the status they may learn.

A ticket is 48 random bits and a 32-bit HMAC under the intake's signing key, written in
Crockford's base32 (no I, L, O, U to misread): LAP-XXXX-XXXX-XXXX-XXXX. The MAC lets a lookup
tell a ticket Netra issued (its report is at least received: it is issued only after Kafka
stored the report) from a guessed one, without keeping a list of tickets anywhere.

The status is all a reporter learns: received, judged, under review or closed; never the
flag, the rules, the account's owner or a reviewer's note.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from enum import StrEnum
from typing import Any

from elasticsearch import AsyncElasticsearch

from netra.intake.errors import RefusedError
from schemas.report import TICKET_PATTERN

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "LAP"  # laporan
_RANDOM_BYTES = 6
_MAC_BYTES = 4
_TICKET = re.compile(TICKET_PATTERN)


class TicketStatus(StrEnum):
    RECEIVED = "received"  # on the posts topic, not yet judged
    JUDGED = "judged"  # judged, waiting for a reviewer
    UNDER_REVIEW = "under_review"  # a person is working on it (claimed, confirmed, escalated)
    CLOSED = "closed"  # dismissed, or the case closed


# The flag document's review status (agents.reviews; the desk adds its own) as a reporter
# may see it. Anything not listed means a person has it in hand.
_STATUS = {
    "unreviewed": TicketStatus.JUDGED,
    "dismissed": TicketStatus.CLOSED,
    "closed": TicketStatus.CLOSED,
}


def _encode(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    chars = [ALPHABET[(number >> shift) & 31] for shift in range(75, -1, -5)]
    return "".join(chars)


def _decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(_RANDOM_BYTES + _MAC_BYTES, "big")


class Tickets:
    def __init__(self, key: bytes) -> None:
        self._key = hashlib.sha256(b"netra intake ticket\x00" + key).digest()

    def _mac(self, random: bytes) -> bytes:
        return hmac.new(self._key, random, hashlib.sha256).digest()[:_MAC_BYTES]

    def issue(self) -> str:
        random = secrets.token_bytes(_RANDOM_BYTES)
        code = _encode(random + self._mac(random))
        return f"{PREFIX}-" + "-".join(code[i : i + 4] for i in range(0, 16, 4))

    def check(self, ticket: str) -> str:
        """The ticket in canonical form; refused: 422 if malformed, 404 if not issued here."""
        canonical = ticket.strip().upper()
        if len(canonical) > 32 or not _TICKET.match(canonical):
            raise RefusedError(
                422,
                "a ticket looks like LAP-XXXX-XXXX-XXXX-XXXX (letters and digits)",
                field="ticket",
            )
        raw = _decode(canonical.removeprefix(f"{PREFIX}-").replace("-", ""))
        if not hmac.compare_digest(self._mac(raw[:_RANDOM_BYTES]), raw[_RANDOM_BYTES:]):
            raise RefusedError(404, "no report has this ticket: check it for typos", field="ticket")
        return canonical


def status_of(review_status: str | None) -> TicketStatus:
    """What a reporter sees for a flag document's status (None: no document yet)."""
    if review_status is None:
        return TicketStatus.RECEIVED
    return _STATUS.get(review_status, TicketStatus.UNDER_REVIEW)


async def lookup_status(es: AsyncElasticsearch, alias: str, ticket: str) -> TicketStatus:
    """The status of a checked ticket, from the flag its report became (if it is indexed)."""
    found: Any = await es.search(
        index=alias,
        size=1,
        query={"term": {"report.ticket": ticket}},
        source_includes=["status"],
        ignore_unavailable=True,
        allow_no_indices=True,
    )
    hits = found["hits"]["hits"]
    if not hits:
        return TicketStatus.RECEIVED
    return status_of(hits[0]["_source"].get("status"))
