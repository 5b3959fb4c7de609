"""The spike guard: a rule that suddenly hits far more events right after a pack change drops
to review-only by itself, visibly, until a person restores it (MediaWiki AbuseFilter's
emergency throttle, applied to neutrality rules).

The state lives in a compacted topic that every judge tails, so a rule dropped by one worker
is review-only on all of them and stays so across restarts; `netra rules restore` writes the
way back.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer

from schemas import Decision, RuleState
from streams import metrics
from streams.kafka_security import client_kwargs
from streams.settings import Settings

log = logging.getLogger(__name__)


class RuleGuard:
    def __init__(
        self,
        *,
        share: float,
        min_events: int,
        window_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.share = share
        self.min_events = min_events
        self.window_seconds = window_seconds
        self.clock = clock
        self.states: dict[str, RuleState] = {}
        self.overrides: frozenset[str] = frozenset()
        self.pack_changed("")

    def pack_changed(self, version: str) -> None:
        """Start watching afresh: the spike that matters is the one a new pack causes."""
        self.version = version
        self._since = self.clock()
        self._events = 0
        self._hits: Counter[str] = Counter()
        self._tripped: set[str] = set()

    def observe(self, decision: Decision) -> list[RuleState]:
        """Count one judged event; return the rules this event made trip."""
        if self.clock() - self._since > self.window_seconds:
            return []
        self._events += 1
        if not decision.hits:
            return []  # the common case, kept cheap: it runs for every event
        tripped = []
        for rule_id in {h.rule_id for h in decision.hits}:
            self._hits[rule_id] += 1
            if self._events < self.min_events or rule_id in self.overrides:
                continue
            if rule_id in self._tripped or self._hits[rule_id] / self._events <= self.share:
                continue
            self._tripped.add(rule_id)
            hours = self.window_seconds / 3600
            tripped.append(
                RuleState(
                    rule_id=rule_id,
                    review_only=True,
                    reason=(
                        f"hit {self._hits[rule_id]} of {self._events} events "
                        f"({self._hits[rule_id] / self._events:.1%}) within {hours:g} h of "
                        f"loading pack {self.version}; the limit is {self.share:.1%}"
                    ),
                    pack_version=self.version,
                    changed_by="netra",
                    changed_at=datetime.now(UTC),
                )
            )
        return tripped

    def apply(self, state: RuleState) -> None:
        """Take a state from the topic (or one this worker just decided)."""
        if state.review_only:
            self.states[state.rule_id] = state
            log.warning("rule %s is review-only: %s", state.rule_id, state.reason)
        else:
            self.states.pop(state.rule_id, None)
            self._tripped.discard(state.rule_id)
            log.info("rule %s restored by %s: %s", state.rule_id, state.changed_by, state.reason)
        self.overrides = frozenset(self.states)
        metrics.RULE_REVIEW_ONLY.labels(rule=state.rule_id).set(1 if state.review_only else 0)


async def tail_rule_states(settings: Settings, guard: RuleGuard) -> None:
    """Follow the whole compacted topic from the start, on every worker.

    Without a consumer group the consumer is given every partition and commits nothing, so
    each worker (and each restart) reads all states again.
    """
    consumer = AIOKafkaConsumer(
        settings.rulestate_topic,
        bootstrap_servers=settings.kafka_bootstrap,
        **client_kwargs(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        async for record in consumer:
            if record.value is None:
                continue
            try:
                guard.apply(RuleState.model_validate_json(record.value))
            except ValueError as exc:
                log.error("ignored a malformed rule state at offset %s: %s", record.offset, exc)
    finally:
        await consumer.stop()
