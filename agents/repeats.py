"""Whether the judge judges a received event or acknowledges it as a repeat.

The consumer seeks its partitions back to the committed offsets at every start of the streams
and after every rebalance (streams.consumer), so events this worker judged and saw delivered
come again. Judged again they would be published again (streams.delivered says why that is
harm); acknowledged as they are, their outputs stay the ones already stored. Kept apart from
the Faust agent so that the decision, and what it traces and counts, is tested on its own.
"""

from __future__ import annotations

from faust.types.tuples import Message

from agents.tally import Tally
from streams import metrics
from streams.delivered import DeliveredOffsets
from streams.offsettrace import OffsetTrace

SKIPPED = "judged and delivered already, skipped"  # the trace line of a repeat


class Repeats:
    """Tells repeats from events to judge, from the run of offsets `delivered` holds per
    partition (shared with the consumer, which forgets a partition's run when its log was
    replaced; a partition taken away and given back keeps it). Each repeat is traced and
    counted once, as `metrics.REPEATED`, in `tally` (the judge's, flushed on its timer)."""

    def __init__(self, delivered: DeliveredOffsets, trace: OffsetTrace, tally: Tally) -> None:
        self._delivered = delivered
        self._trace = trace
        self._tally = tally

    def skip(self, message: Message) -> bool:
        """True for an event judged here whose outputs are stored (traced and counted now);
        False for one to judge."""
        if not self._delivered.holds(message.tp, message.offset):
            return False
        self._trace.event(message, SKIPPED)
        self._tally.add(metrics.REPEATED)
        return True
