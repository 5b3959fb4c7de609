"""Repeated log lines kept to a readable few: an outage must not bury the log.

During a 45-second Kafka outage the client libraries wrote thousands of identical ERROR lines
(one per retry and partition). The first lines of a kind say everything; after that, one line
per window says how many like it were held back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass
class _Window:
    started: float
    shown: int = 0
    held: int = 0


class RepeatLimiter:
    """At most `burst` occurrences of a key per `window` seconds; counts what it holds back."""

    def __init__(
        self,
        burst: int = 5,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self.burst = burst
        self.window = window
        self._clock = clock
        self._max_keys = max_keys
        self._windows: dict[Hashable, _Window] = {}

    def allow(self, key: Hashable) -> bool:
        """Whether this occurrence may be shown."""
        return self.admit(key)[0]

    def admit(self, key: Hashable) -> tuple[bool, int]:
        """Whether to show this occurrence, and how many were held back before it in the last
        window (reported once, on the first occurrence shown after them)."""
        now = self._clock()
        window = self._windows.get(key)
        if window is None or now - window.started >= self.window:
            held = window.held if window is not None else 0
            if len(self._windows) >= self._max_keys:
                self._windows.clear()  # bounded memory whatever the keys
            self._windows[key] = _Window(started=now, shown=1)
            return True, held
        if window.shown < self.burst:
            window.shown += 1
            return True, 0
        window.held += 1
        return False, 0


class RepeatFilter(logging.Filter):
    """A handler filter: the same message template from the same logger at the same level is
    shown `burst` times a window, then held back and counted on the next line shown."""

    def __init__(self, limiter: RepeatLimiter | None = None) -> None:
        super().__init__()
        self.limiter = limiter or RepeatLimiter()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        show, held = self.limiter.admit((record.name, record.levelno, str(record.msg)[:200]))
        if show and held:
            record.msg = f"{record.msg} [{held} more like this held back in the last window]"
        return show


def limit_repeats(logger: logging.Logger, limiter: RepeatLimiter | None = None) -> RepeatFilter:
    """Put one repeat filter on every handler of `logger` (the root logger of a worker)."""
    repeat_filter = RepeatFilter(limiter)
    for handler in logger.handlers:
        handler.addFilter(repeat_filter)
    return repeat_filter
