"""The process that runs a pipeline: Faust's worker with Netra's logging."""

from __future__ import annotations

import logging

import faust

from streams.logfilter import limit_repeats


class Worker(faust.Worker):
    """Faust's worker, with repeated warnings and errors held to a few lines a minute."""

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        limit_repeats(logger)
