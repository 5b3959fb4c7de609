"""Where one event's CPU time goes in a worker: the judge's stages and the work around them,
each timed over the same posts in one process (no Kafka), for `netra bench pipeline --profile`.

Faust's delivery of an event is the no-op ceiling's CPU time per event, measured apart. The rest
is Netra's own code run as the worker runs it: decoding, the registry, the engine, the judge's
work around the engine, each flag encoded for its topic, each flag read back by the indexer and
the repeat-offender agent with its document and bulk lines built, and the bookkeeping that
acknowledges every event in order once its outputs are stored. Work done for flags only is
spread over every event, as the worker's CPU time per event spreads it. Each stage is the best
of a few passes in CPU time: on a shared machine wall time counts the other processes' turns.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from agents.delivery import AckAfterDelivery
from agents.flagfit import fit_flag
from agents.flagread import read_flag
from agents.judge import RegistryLookup, judge_post
from agents.offenders import OffenderHistory
from agents.tally import CountsOnce, Tally
from neutrality import Locality
from schemas import Flag, Post, RegistryEntry
from schemas.codec import Rejection, decode
from streams import metrics
from streams.deadlines import default_clocks
from streams.delivered import DeliveredOffsets
from streams.elastic import flag_document, upsert_operations
from streams.pseudonyms import NipPseudonyms
from streams.ruleguard import RuleGuard
from streams.rulepack import EngineHolder
from streams.settings import Settings, compiled_engines

# The bench's pseudonyms: any key of the right length times the same HMAC.
BENCH_NIP_KEY = b"netra bench pipeline pseudonym key"


@dataclass(frozen=True)
class StageCost:
    """Microseconds one event spends in a stage of the worker."""

    stage: str
    us_per_event: float


Offset = tuple[Hashable, int]  # (partition, offset) of one event


def profile_stages(
    lines: Sequence[bytes],
    registry: list[RegistryEntry],
    noop_cpu_us: float,
    settings: Settings,
    repeat: int = 3,
) -> list[StageCost]:
    """Per event, each stage the best of `repeat` timed passes over the same posts."""
    holder = EngineHolder(settings.rule_pack, compiled_engines(settings))
    engine = holder.engine
    table = {e.account_id.encode(): e.model_dump_json().encode() for e in registry}
    lookup = RegistryLookup(table)
    pseudonyms = NipPseudonyms(BENCH_NIP_KEY)
    n = len(lines)

    def best(work: Callable[[], object]) -> float:
        times = []
        for _ in range(repeat):
            started = time.process_time()
            work()
            times.append(time.process_time() - started)
        return min(times) / n * 1e6

    def best_of_pairs(
        whole: Callable[[], object], part: Callable[[], object]
    ) -> tuple[float, float]:
        """`whole` and `part` timed in turns, so that a difference of the two is not a change
        in the machine's load between two runs of passes."""
        wholes: list[float] = []
        parts: list[float] = []
        for _ in range(repeat):
            for work, times in ((whole, wholes), (part, parts)):
                started = time.process_time()
                work()
                times.append(time.process_time() - started)
        return min(wholes) / n * 1e6, min(parts) / n * 1e6

    decoded = [decode(line, Post, max_bytes=settings.max_event_bytes) for line in lines]
    valid = [post for post in decoded if not isinstance(post, Rejection)]
    entries = [lookup.get(p.account_id) for p in valid]
    places = [Locality(e.province, e.region) if e else None for e in entries]
    received_at = datetime.now(UTC)

    def decoding() -> None:
        for line in lines:
            decode(line, Post, max_bytes=settings.max_event_bytes)

    def attributing() -> None:
        tally = Tally()
        for post in valid:
            tally.add(metrics.EVENTS, post.platform.value, post.action.value)
            lookup.get(post.account_id)
        tally.flush()

    def deciding() -> None:
        for post, place in zip(valid, places, strict=True):
            engine.decide(post, place)

    def judging() -> list[Flag]:
        guard = RuleGuard(
            share=settings.rule_spike_share,
            min_events=settings.rule_spike_min_events,
            window_seconds=settings.rule_spike_window_hours * 3600,
        )
        tally = Tally()
        flags = []
        for post, entry in zip(valid, entries, strict=True):
            flag, _ = judge_post(post, entry, holder, guard, pseudonyms, received_at, tally=tally)
            if flag is not None:
                flags.append(flag)
        tally.flush()
        return flags

    flags = judging()
    encoded = [fit_flag(flag, settings.flag_max_bytes) for flag in flags]
    raws = [fitted[1] for fitted in encoded if fitted is not None]
    clocks = default_clocks()

    def encoding() -> None:
        for flag in flags:
            fit_flag(flag, settings.flag_max_bytes)

    def indexing() -> None:
        histories: dict[str, OffenderHistory] = {}
        thresholds = {7: settings.escalate_after_7d, 30: settings.escalate_after_30d}
        for raw in raws:
            for_index = read_flag(raw, pseudonyms, max_bytes=settings.flag_max_bytes)
            for_offenders = read_flag(raw, pseudonyms, max_bytes=settings.flag_max_bytes)
            if isinstance(for_index, Rejection) or isinstance(for_offenders, Rejection):
                continue
            doc = flag_document(for_index, clocks=clocks)
            upsert_operations(settings.flags_alias, for_index.flag_id, doc)
            post = for_offenders.post
            history = histories.setdefault(post.account_id, OffenderHistory())
            history.add(for_offenders.flag_id, post.event_time, thresholds)
            history.dumps()

    events: list[Offset] = [(i % settings.partitions, i // settings.partitions) for i in range(n)]

    def bookkeeping() -> None:
        asyncio.run(acknowledge_in_order(events))

    judged, engine_us = best_of_pairs(judging, deciding)
    return [
        StageCost("Faust delivers the event (no-op ceiling, CPU)", noop_cpu_us),
        StageCost("decode and validate", best(decoding)),
        StageCost("registry lookup and counters", best(attributing)),
        StageCost("engine", engine_us),
        StageCost(
            "the judge around the engine (review report, counts, flag and pseudonym)",
            max(0.0, judged - engine_us),
        ),
        StageCost("each flag fitted and encoded for its topic", best(encoding)),
        StageCost(
            "each flag read by the indexer and the offenders agent, document and bulk lines",
            best(indexing),
        ),
        StageCost("in-order acknowledgement, delivered offsets, counted once", best(bookkeeping)),
    ]


async def acknowledge_in_order(events: Sequence[Offset]) -> int:
    """What the judge does around each event that sent nothing, with acknowledgement as cheap
    as it gets: the repeat check, the tally of its offset, the in-order release; how many
    events were acknowledged."""
    delivered = DeliveredOffsets()
    counts = CountsOnce(again=metrics.JUDGED_AGAIN)
    acknowledged = 0

    async def ack(event: Offset) -> None:
        nonlocal acknowledged
        acknowledged += 1

    async def rescue(event: Offset, output: object, error: BaseException) -> None:
        raise AssertionError("nothing is sent here, so nothing is refused")

    delivery = AckAfterDelivery(
        stage="bench",
        ack=ack,
        rescue=rescue,
        partition=lambda event: event[0],
        delivered=lambda event: delivered.delivered(event[0], event[1]),
    )
    for event in events:
        if delivered.holds(*event):
            continue
        counts.for_event(*event)
        await delivery.settle(event, [])
    await delivery.drain()
    return acknowledged
