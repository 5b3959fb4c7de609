"""The process that runs a pipeline: Faust's worker with Netra's logging."""

from __future__ import annotations

import logging

import faust

from streams.heap import freeze_long_lived
from streams.logfilter import limit_repeats

log = logging.getLogger(__name__)


class Worker(faust.Worker):
    """Faust's worker, with repeated warnings and errors held to a few lines a minute, and the
    objects alive once it has started kept out of the garbage collector's passes
    (streams.heap)."""

    async def on_startup_finished(self) -> None:
        await super().on_startup_finished()
        log.info("%d long-lived objects kept out of garbage collection", freeze_long_lived())

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        limit_repeats(logger)
