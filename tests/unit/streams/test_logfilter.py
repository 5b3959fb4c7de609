"""Repeated log lines held to a few per window, with the count of the rest."""

from __future__ import annotations

import logging

from streams.logfilter import RepeatFilter, RepeatLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(msg: str, level: int = logging.ERROR, name: str = "aiokafka") -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, None, None)


def test_a_burst_is_shown_then_held_back_then_counted_in_the_next_window() -> None:
    clock = Clock()
    limiter = RepeatLimiter(burst=3, window=60.0, clock=clock)
    shown = [limiter.allow("k") for _ in range(1000)]
    assert shown.count(True) == 3
    clock.now = 61.0
    assert limiter.admit("k") == (True, 997)
    assert limiter.admit("k") == (True, 0)


def test_different_messages_are_limited_apart() -> None:
    limiter = RepeatLimiter(burst=1, window=60.0, clock=Clock())
    assert limiter.allow("a") and limiter.allow("b")
    assert not limiter.allow("a")


def test_the_filter_holds_repeats_and_reports_them_on_the_next_line_shown() -> None:
    clock = Clock()
    log_filter = RepeatFilter(RepeatLimiter(burst=2, window=10.0, clock=clock))
    passed = [log_filter.filter(record("Unable connect to node %s")) for _ in range(5000)]
    assert passed.count(True) == 2
    clock.now = 11.0
    line = record("Unable connect to node %s")
    assert log_filter.filter(line)
    assert "4998 more like this held back" in str(line.msg)


def test_info_lines_are_never_held() -> None:
    log_filter = RepeatFilter(RepeatLimiter(burst=1, window=60.0, clock=Clock()))
    assert all(log_filter.filter(record("progress", logging.INFO)) for _ in range(100))


def test_memory_stays_bounded_whatever_the_keys() -> None:
    limiter = RepeatLimiter(burst=1, window=60.0, clock=Clock(), max_keys=100)
    for i in range(10_000):
        limiter.allow(i)
    assert len(limiter._windows) <= 100
