"""The judge's choice between judging a received event and acknowledging it as a repeat."""

from __future__ import annotations

import logging

import pytest
from faust.types.tuples import TP, ConsumerMessage

from agents.repeats import SKIPPED, Repeats
from agents.tally import Tally
from streams import metrics
from streams.delivered import DeliveredOffsets, log_replaced
from streams.offsettrace import TRACE, OffsetTrace

POSTS = TP("t.posts", 2)
OTHER = TP("t.posts", 3)


def received(tp: TP, offset: int) -> ConsumerMessage:
    return ConsumerMessage(tp.topic, tp.partition, offset, 0.0, 0, None, b"k", b"{}", None, tp=tp)


def run(offsets: range, tp: TP = POSTS) -> DeliveredOffsets:
    """The judge acknowledged `offsets` of `tp` with every output stored."""
    delivered = DeliveredOffsets()
    for offset in offsets:
        delivered.delivered(tp, offset)
    return delivered


def repeated(tally: Tally) -> float:
    """What `tally` adds to the repeats counter when flushed."""
    before = metrics.REPEATED._value.get()
    tally.flush()
    return float(metrics.REPEATED._value.get() - before)


def test_an_event_inside_the_delivered_run_is_skipped_traced_and_counted_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    tally = Tally()
    repeats = Repeats(run(range(10, 21)), OffsetTrace(on=True), tally)
    with caplog.at_level(logging.INFO, logger=TRACE.name):
        assert repeats.skip(received(POSTS, 20))
    assert [r.getMessage() for r in caplog.records] == [f"t.posts/2@20 {SKIPPED}"]
    assert repeated(tally) == 1


@pytest.mark.parametrize(
    ("tp", "offset"),
    [
        (POSTS, 21),  # above the run: never judged here
        (POSTS, 9),  # below it: acknowledged before this process, or not at all
        (OTHER, 15),  # another partition's run is not this one's
    ],
)
def test_an_event_outside_the_run_is_judged_with_no_trace_or_count(
    tp: TP, offset: int, caplog: pytest.LogCaptureFixture
) -> None:
    tally = Tally()
    repeats = Repeats(run(range(10, 21)), OffsetTrace(on=True), tally)
    with caplog.at_level(logging.INFO, logger=TRACE.name):
        assert not repeats.skip(received(tp, offset))
    assert caplog.records == []
    assert repeated(tally) == 0


def test_after_the_log_was_replaced_its_low_offsets_are_judged() -> None:
    """A topic deleted and created again: the consumer finds no committed offset where it had
    committed 21, and forgets the run; the new log's offsets 0-20 are new events."""
    delivered, tally = run(range(21)), Tally()
    repeats = Repeats(delivered, OffsetTrace(), tally)
    assert repeats.skip(received(POSTS, 5))
    assert log_replaced(known=21, found=None, log_end=3, highest=delivered.highest(POSTS))
    delivered.forget(POSTS)
    assert not any(repeats.skip(received(POSTS, offset)) for offset in range(21))
    assert repeated(tally) == 1  # the one repeat before the log was replaced


def test_a_partition_taken_away_and_given_back_keeps_its_run() -> None:
    """Given back with the committed offset another worker moved on and a log that goes on past
    the run: the log is the same, the run stands, and the judge started again with the same
    delivered offsets skips the same repeats."""
    delivered = run(range(70, 81))
    assert not log_replaced(known=70, found=75, log_end=200, highest=delivered.highest(POSTS))
    tally = Tally()
    again = Repeats(delivered, OffsetTrace(), tally)
    assert [again.skip(received(POSTS, offset)) for offset in (75, 80, 81)] == [True, True, False]
    assert repeated(tally) == 2
