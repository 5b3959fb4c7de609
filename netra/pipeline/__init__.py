"""The worker's assembly: the agents wired into one Faust app, with its sensors.

It sits above what it wires: it imports `agents/` and `streams/`, and neither imports it
(tests/unit/test_layers.py keeps it so). `netra worker` runs `create_pipeline()`; the tests
and benchmarks start that command as a real process.
"""

from netra.pipeline.assembly import AGENTS, Pipeline, create_pipeline
from netra.pipeline.worker import Worker

__all__ = ["AGENTS", "Pipeline", "Worker", "create_pipeline"]
