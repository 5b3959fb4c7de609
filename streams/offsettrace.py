"""Where each consumed event went, offset by offset: to find out how an event went missing.

An event whose offset was committed but that left nothing behind was either never fetched,
fetched and dropped by Faust as already read, handed to the streams but never received by the
agent (Faust's stream iterator drops events fetched before the latest rebalance, or while the
flow is suspended, without a word), received and settled with nothing to send, or never
acknowledged and committed past. Faust says none of this except at its developer log level
(DEVLOG=1). The lines written here tell these apart: the consumer notes what it fetched,
dropped and sought (streams.consumer), the judge what it received and sent, the acknowledger
what it acknowledged (agents.delivery).

They go to the `netra.offsets` logger at DEBUG, or at INFO with NETRA_TRACE_OFFSETS, so that a
worker at the usual level can trace a test run; off, each costs one level check.
"""

from __future__ import annotations

import logging
from typing import Any

TRACE = logging.getLogger("netra.offsets")


def place(topic: str, partition: int, offset: int) -> str:
    """How a trace line names one record: topic/partition@offset."""
    return f"{topic}/{partition}@{offset}"


class OffsetTrace:
    """Writes trace lines at DEBUG, or at INFO when `on` (NETRA_TRACE_OFFSETS)."""

    def __init__(self, on: bool = False) -> None:
        self.level = logging.INFO if on else logging.DEBUG

    @property
    def enabled(self) -> bool:
        return TRACE.isEnabledFor(self.level)

    def event(self, message: Any, what: str, *args: Any) -> None:
        """One line about a consumed record (a Faust message: topic, partition, offset)."""
        if TRACE.isEnabledFor(self.level):
            where = place(message.topic, message.partition, message.offset)
            TRACE.log(self.level, "%s " + what, where, *args)

    def note(self, what: str, *args: Any) -> None:
        """One line about the consumer as a whole (a seek, a commit)."""
        if TRACE.isEnabledFor(self.level):
            TRACE.log(self.level, what, *args)
