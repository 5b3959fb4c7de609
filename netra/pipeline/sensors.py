"""What the worker reports about its consumer: the last commit, the lag per partition and any
partition whose commit stands still while its events are processed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import faust

from streams import metrics
from streams.consumer import CommitWatch, GuardedConsumer


class CommitSensor(faust.Sensor):
    """Records the time of the last offset commit, for the 'no commit for N minutes' alert."""

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        metrics.LAST_COMMIT.set_to_current_time()


@dataclass
class LagTracker:
    """Remembers the last processed offset per partition to report consumer lag, and how long
    each partition's commit has stood still behind it."""

    processed: dict[Any, int] = field(default_factory=dict)
    watch: CommitWatch = field(default_factory=CommitWatch)
    reported: set[Any] = field(default_factory=set)

    def __call__(self, message: Any) -> None:
        self.processed[message.tp] = message.offset

    def report(self, consumer: GuardedConsumer) -> None:
        assigned = set(consumer.assignment())
        for tp in self.reported - assigned:  # moved to another worker: not ours to report
            self.watch.forget(tp)
            self._set_commit_gauges(tp, 0, 0.0)
        self.reported &= assigned
        for tp in assigned:
            if tp not in self.processed:
                continue
            highwater = consumer.highwater(tp)
            if highwater is not None:
                lag = max(0, highwater - self.processed[tp] - 1)
                metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(lag)
            waiting, still = self.watch.observe(
                tp, self.processed[tp], consumer.committed_offset(tp)
            )
            self._set_commit_gauges(tp, waiting, still)
            self.reported.add(tp)

    @staticmethod
    def _set_commit_gauges(tp: Any, waiting: int, still: float) -> None:
        labels = {"topic": tp.topic, "partition": str(tp.partition)}
        metrics.UNCOMMITTED.labels(**labels).set(waiting)
        metrics.COMMIT_STALLED.labels(**labels).set(still)
