"""The judge agent: validate each event, attribute it to an ASN, run the engine, publish flags.

Events are taken one at a time with acknowledgements left to Netra (`stream.noack()`): each is
decoded and validated, routed (dead letter, re-key, unregistered, judge), judged and its outputs
sent, with its counts kept in a tally that a timer adds to the counters, counted only the
first time the worker judges the event's offset (agents.tally: the consumer seeks back after a
recovery and events are judged again). Faust's `take_events` batches were tried and dropped:
after a rebalance or a takeover the stream stopped delivering in some runs of the two-worker and
kill -9 tests. Nothing a producer sends can stop the judge: invalid messages and even Netra's own
bugs on a message end in the dead-letter topic with a reason. An event is acknowledged only once
what it produced is stored by Kafka (agents.delivery), and a flag too large for its topic is cut
by rule, never refused (agents.flagfit). An event this worker judged and saw delivered
already, handed on again after a seek back, is acknowledged without being judged again
(agents.repeats, streams.delivered): its outputs are stored, and judged again they would be
published twice.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from agents.deadletters import send_to_deadletter, start_deadletter
from agents.delivery import AckAfterDelivery, Sent
from agents.flagfit import fit_flag
from agents.repeats import Repeats
from agents.reports import review_report
from agents.tally import CountsOnce, Tally
from neutrality import Locality
from neutrality.engine import TOO_COMPLEX
from schemas import DeadLetterReason, EventSource, Flag, Outcome, Post, RegistryEntry, RuleState
from schemas.codec import Rejection, decode
from streams import metrics
from streams.delivered import DeliveredOffsets
from streams.offsettrace import OffsetTrace
from streams.pseudonyms import NipPseudonyms
from streams.ruleguard import RuleGuard
from streams.rulepack import EngineHolder
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "judge"
COUNTS_EVERY_SECONDS = 0.5  # how stale the judge's counters may be


class RegistryLookup:
    """Reads registry entries from the table, parsing each stored entry once."""

    def __init__(self, table: Any) -> None:
        self._table = table
        self._parsed: dict[bytes, tuple[bytes, RegistryEntry]] = {}

    def get(self, account_id: str) -> RegistryEntry | None:
        key = account_id.encode()
        raw = self._table.get(key)
        if raw is None:
            return None
        cached = self._parsed.get(key)
        if cached is not None and cached[0] is raw:
            return cached[1]
        entry = RegistryEntry.model_validate_json(raw)
        if len(self._parsed) > 200_000:
            self._parsed.clear()
        self._parsed[key] = (raw, entry)
        return entry


def judge_post(
    post: Post,
    entry: RegistryEntry | None,
    holder: EngineHolder,
    guard: RuleGuard,
    pseudonyms: NipPseudonyms,
    received_at: datetime,
    budget_ms: float | None = None,
    source: EventSource | None = None,
    tally: Tally | None = None,
) -> tuple[Flag | None, list[RuleState]]:
    """Judge one valid event: the flag (None when the engine passes it) and rules that tripped.
    An event past `budget_ms` becomes a review-level flag saying it was too complex. The flag
    carries the ASN with the NIP pseudonymised. Counts go to `tally` (the batch's) when given,
    else straight to the counters."""
    counts = tally if tally is not None else Tally()
    locality = Locality(province=entry.province, regency=entry.region) if entry else None
    decision = holder.engine.decide(
        post, locality, review_only=guard.overrides, budget_ms=budget_ms
    )
    counts.add(metrics.DECISIONS, decision.outcome.value)
    if decision.hits and decision.hits[0].rule_id == TOO_COMPLEX:
        counts.add(metrics.TOO_COMPLEX)
    tripped = guard.observe(decision)
    decision = review_report(
        post, decision, registered=entry is not None, review_at=holder.engine.pack.review_at
    )
    if decision.outcome is Outcome.PASS:
        if tally is None:
            counts.flush()
        return None, tripped
    province = entry.province if entry else "unknown"
    for hit in decision.hits:
        counts.add(metrics.FLAGS, hit.rule_id, hit.severity.value, province)
    if tally is None:
        counts.flush()
    flag = Flag(
        decision=decision,
        post=post,
        asn=pseudonyms.profile(entry) if entry else None,
        received_at=received_at,
        judged_at=datetime.now(UTC),
        source=source,
    )
    return flag, tripped


def attach(
    app: Any,
    settings: Settings,
    topics: dict[str, Any],
    registry: RegistryLookup,
    holder: EngineHolder,
    guard: RuleGuard,
    pseudonyms: NipPseudonyms,
    on_processed: Callable[[Any], None],
    delivered: DeliveredOffsets,
) -> Any:
    """The judge agent on `app`. `delivered` is shared with the consumer, which forgets a
    partition's delivered offsets when it finds the partition's log replaced."""
    posts_topic = topics[settings.posts_topic]
    flags_topic = topics[settings.flags_topic]
    deadletter_topic = topics[settings.deadletter_topic]
    rulestate_topic = topics[settings.rulestate_topic]
    trace = OffsetTrace(settings.trace_offsets)
    counts = CountsOnce(again=metrics.JUDGED_AGAIN)

    async def rescue(event: Any, output: Sent, error: BaseException) -> None:
        await send_to_deadletter(
            deadletter_topic,
            event.message,
            reason=DeadLetterReason.OUTPUT_REFUSED,
            error=f"Kafka refused the record for {output.topic}: {type(error).__name__}: {error}",
            stage=STAGE,
        )

    @app.agent(posts_topic, name="netra.agents.judge")
    async def judge(stream: Any) -> None:
        manual = stream.noack()
        delivery = AckAfterDelivery(
            stage=STAGE,
            ack=manual.ack,
            rescue=rescue,
            trace=trace,
            delivered=lambda event: delivered.record(event.message),
        )
        repeats = Repeats(delivered, trace, counts.tally)
        try:
            async for event in manual.events():
                msg = event.message
                trace.event(msg, "received (fetched in generation %s)", generation(event))
                if repeats.skip(msg):
                    await delivery.settle(event, [])
                    on_processed(msg)
                    continue
                (outputs,) = await judge_batch([msg], counts.for_event(msg.tp, msg.offset))
                if trace.enabled:
                    sent = ", ".join(o.topic for o in outputs) or "nothing"
                    trace.event(msg, "settled, sent to %s", sent)
                await delivery.settle(event, outputs)
                on_processed(msg)
        finally:
            counts.flush()
            await delivery.drain()

    @app.timer(COUNTS_EVERY_SECONDS)
    async def flush_judge_counts() -> None:
        counts.flush()

    async def judge_batch(messages: Sequence[Any], tally: Tally) -> list[list[Sent]]:
        """What each message of a batch sent, each output on its way to Kafka."""
        decoded = [decode(m.value, Post, max_bytes=settings.max_event_bytes) for m in messages]
        outputs: list[list[Sent]] = []
        for msg, post in zip(messages, decoded, strict=True):
            try:
                outputs.append(await _route(msg, post, tally))
            except Exception as exc:  # Netra's own bug: keep the message, keep the worker
                log.exception("judge failed on %s/%s@%s", msg.topic, msg.partition, msg.offset)
                letter = await start_deadletter(
                    deadletter_topic,
                    msg,
                    reason=DeadLetterReason.INTERNAL,
                    error=f"{type(exc).__name__}: {exc}",
                    stage=STAGE,
                )
                outputs.append([letter])
        return outputs

    async def _route(msg: Any, post: Post | Rejection, tally: Tally) -> list[Sent]:
        """Dead-letter, re-key, skip or judge one decoded message; what it sent."""
        if isinstance(post, Rejection):
            return [
                await start_deadletter(
                    deadletter_topic, msg, reason=post.reason, error=post.error, stage=STAGE
                )
            ]
        account_key = post.account_id.encode()
        if msg.key != account_key:
            # The registry table is partitioned by account id, so only the worker that owns the
            # account's partition can attribute the event: send it there, keyed right, with its
            # original timestamp. It is judged there, once.
            tally.add(metrics.REKEYED)
            pending = await posts_topic.send(
                key=account_key, value=msg.value, timestamp=msg.timestamp, force=True
            )
            return [Sent(settings.posts_topic, pending)]
        tally.add(metrics.EVENTS, post.platform.value, post.action.value)
        entry = registry.get(post.account_id)
        if entry is not None and not entry.active:
            entry = None  # the account no longer belongs to a serving civil servant
        if entry is None:
            tally.add(metrics.UNREGISTERED)
            if not settings.keep_unregistered and post.report is None:
                trace.event(msg, "not judged: account %s not in the registry", post.account_id)
                return []  # a public report is judged all the same (agents.reports)
        return await _publish(msg, post, entry, tally)

    async def _publish(
        msg: Any, post: Post, entry: RegistryEntry | None, tally: Tally
    ) -> list[Sent]:
        """Judge one attributed event and send the rule states it tripped and its flag."""
        received_at = datetime.fromtimestamp(msg.timestamp, UTC) if msg.timestamp else None
        received_at = received_at or datetime.now(UTC)
        flag, tripped = judge_post(
            post,
            entry,
            holder,
            guard,
            pseudonyms,
            received_at,
            budget_ms=settings.decide_budget_ms,
            tally=tally,
        )
        sent: list[Sent] = []
        for state in tripped:
            guard.apply(state)  # at once here; other workers learn it from the topic
            pending = await rulestate_topic.send(
                key=state.rule_id.encode(), value=state.model_dump_json().encode(), force=True
            )
            sent.append(Sent(settings.rulestate_topic, pending))
        if flag is None:
            return sent
        # Where the event is kept, with its digest: worked out for the few events that are
        # flagged, not for every one.
        flag = flag.model_copy(update={"source": source_of(msg)})
        fitted = fit_flag(flag, settings.flag_max_bytes)
        if fitted is None:
            sent.append(
                await start_deadletter(
                    deadletter_topic,
                    msg,
                    reason=DeadLetterReason.OUTPUT_REFUSED,
                    error=f"its flag does not fit in {settings.flag_max_bytes} bytes even cut",
                    stage=STAGE,
                )
            )
            return sent
        flag, value = fitted
        if flag.trimmed:
            tally.add(metrics.FLAGS_TRIMMED)
        pending = await flags_topic.send(key=post.account_id.encode(), value=value, force=True)
        sent.append(Sent(settings.flags_topic, pending))
        tally.observe(metrics.EVENT_TO_FLAG, max(0.0, time.time() - received_at.timestamp()))
        return sent

    return judge


def generation(event: Any) -> int | None:
    """The consumer group generation a Faust event was fetched in (Faust drops events of an
    earlier one; the trace shows it)."""
    found: int | None = getattr(event.message, "generation_id", None)
    return found


def source_of(msg: Any) -> EventSource:
    """Where a consumed event is kept, with the digest of its bytes as received."""
    raw: bytes = msg.value or b""
    return EventSource(
        topic=msg.topic,
        partition=msg.partition,
        offset=msg.offset,
        size=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
    )
