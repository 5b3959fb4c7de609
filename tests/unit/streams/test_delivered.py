"""The run of offsets a worker judged and saw delivered, and when a partition's log is new."""

from __future__ import annotations

from faust.types import TP
from faust.types.tuples import Message

from streams.delivered import DeliveredOffsets, log_replaced

POSTS = TP("t.posts", 0)


def message(offset: int) -> Message:
    return Message(POSTS.topic, POSTS.partition, offset, 0.0, 0, None, None, b"{}", None, tp=POSTS)


def test_offsets_acknowledged_in_order_make_one_run_per_partition() -> None:
    marks = DeliveredOffsets()
    for offset in (40, 41, 42):
        marks.delivered("p0", offset)
    marks.delivered("p1", 7)
    assert [marks.holds("p0", o) for o in (39, 40, 41, 42, 43)] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert marks.highest("p0") == 42
    assert marks.holds("p1", 7) and not marks.holds("p1", 40)
    assert marks.highest("p2") is None and not marks.holds("p2", 0)


def test_offsets_below_the_first_acknowledged_here_are_not_covered() -> None:
    """The process started at committed offset 40: 0-39 were judged elsewhere or never (an
    event Faust dropped before the agent saw it must be judged when the consumer rewinds)."""
    marks = DeliveredOffsets()
    marks.delivered("p0", 40)
    assert not any(marks.holds("p0", o) for o in range(40))


def test_a_hole_starts_the_run_again_and_the_missing_offset_is_never_covered() -> None:
    """Offset 43 went to the dead-letter topic (its flag refused): it is not reported, and
    the acknowledgement of 44 does not follow the run. Judged again, 43 goes the normal way."""
    marks = DeliveredOffsets()
    for offset in (40, 41, 42, 44, 45):
        marks.delivered("p0", offset)
    assert not marks.holds("p0", 43)
    assert marks.holds("p0", 44) and marks.holds("p0", 45)
    assert not marks.holds("p0", 41)  # forgotten: judged again, never skipped wrongly


def test_a_repeat_acknowledged_again_leaves_the_run_as_it_was() -> None:
    """After a seek back to 41, the skipped 41 and 42 are acknowledged again; 43 extends."""
    marks = DeliveredOffsets()
    for offset in (40, 41, 42, 41, 42, 43):
        marks.delivered("p0", offset)
    assert marks.holds("p0", 40) and marks.highest("p0") == 43


def test_an_offset_below_the_run_starts_a_new_one() -> None:
    """Sought below the run (a new log of the same name that went unnoticed until now):
    the new run is trusted, the old one dropped."""
    marks = DeliveredOffsets()
    for offset in (40, 41):
        marks.delivered("p0", offset)
    marks.delivered("p0", 0)
    assert marks.holds("p0", 0)
    assert not marks.holds("p0", 40)


def test_a_forgotten_partition_has_no_run_and_the_others_keep_theirs() -> None:
    marks = DeliveredOffsets()
    marks.delivered("p0", 3)
    marks.delivered("p1", 3)
    marks.forget("p0")
    marks.forget("p9")
    assert not marks.holds("p0", 3) and marks.highest("p0") is None
    assert marks.holds("p1", 3)


def test_a_partition_given_back_is_the_same_log() -> None:
    """Taken away at 120 committed, another worker went on to 150, given back: same log."""
    assert not log_replaced(known=120, found=150, log_end=400, highest=130)
    assert not log_replaced(known=120, found=120, log_end=131, highest=130)
    assert not log_replaced(known=None, found=None, log_end=131, highest=130)
    assert not log_replaced(known=None, found=None, log_end=None, highest=None)


def test_a_committed_offset_gone_or_moved_back_is_a_new_log() -> None:
    """The broker drops a deleted topic's committed offsets; they never move back otherwise."""
    assert log_replaced(known=120, found=None, log_end=400, highest=130)
    assert log_replaced(known=120, found=3, log_end=400, highest=130)


def test_a_log_ending_at_or_before_an_offset_delivered_from_it_is_a_new_log() -> None:
    """Created again before anything was committed from the old one: offsets 0-130 were
    delivered here, the new log holds 0-99 (or exactly 0-130, ending at 131, is the same)."""
    assert log_replaced(known=None, found=None, log_end=100, highest=130)
    assert log_replaced(known=None, found=None, log_end=130, highest=130)
    assert not log_replaced(known=None, found=None, log_end=131, highest=130)


def test_a_message_of_a_replaced_log_delivered_late_starts_no_run_in_the_new_one() -> None:
    """Handed on from the old log, its outputs stored only after the log was found replaced:
    its offset names an event of the new log that was never judged, which must not be skipped."""
    marks = DeliveredOffsets()
    late, other = message(50), message(7)
    marks.record(message(49))
    marks.forget(POSTS, in_flight=[late])
    assert marks.retired(late) and not marks.retired(other)
    marks.record(late)
    assert not marks.holds(POSTS, 50) and marks.highest(POSTS) is None
    marks.record(other)
    assert marks.holds(POSTS, 7)
