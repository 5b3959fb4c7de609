"""The events as received: fetched back from the posts topic by the place each flag names.

A flag carries its event's topic, partition, offset and digest (schemas.EventSource), not its
bytes (an event may be 1 MiB, a flag is cut to fit). The capture agent reads those records
back with a consumer of no group, a seek per run of nearby offsets, and checks each against
the digest the judge recorded. A record already gone (retention, a deleted topic) or not
matching is reported as such; the capture goes on with the decoded event.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas.flag import EventSource
from streams.kafka_security import client_kwargs
from streams.settings import Settings

#: Offsets further apart than this are fetched with a seek each, not read through.
MAX_GAP = 200


@dataclass(frozen=True)
class RawEvent:
    value: bytes | None  # None: not found, or not the bytes the judge saw
    timestamp: datetime | None
    note: str = ""


class SourceReader:
    """Reads records back by (topic, partition, offset)."""

    def __init__(self, settings: Settings, *, poll_ms: int = 2000) -> None:
        self.settings = settings
        self.poll_ms = poll_ms
        self._consumer: AIOKafkaConsumer | None = None

    async def _started(self) -> AIOKafkaConsumer:
        if self._consumer is None:
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self.settings.kafka_bootstrap,
                **client_kwargs(self.settings),
                group_id=None,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                fetch_max_bytes=16 * 1024 * 1024,
                max_partition_fetch_bytes=8 * 1024 * 1024,
            )
            await consumer.start()
            self._consumer = consumer
        return self._consumer

    async def close(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None

    async def fetch(self, sources: Iterable[EventSource]) -> dict[EventSource, RawEvent]:
        """The record at each source (a missing or changed one says why in `note`). Every
        partition is read at once: one seek each, then fetches until all are found."""
        wanted: dict[TopicPartition, dict[int, EventSource]] = defaultdict(dict)
        for s in sources:
            wanted[TopicPartition(s.topic, s.partition)][s.offset] = s
        if not wanted:
            return {}
        consumer = await self._started()
        tps = list(wanted)
        consumer.assign(tps)
        first_kept = await consumer.beginning_offsets(tps)
        ends = await consumer.end_offsets(tps)
        found: dict[EventSource, RawEvent] = {}
        pending: dict[TopicPartition, set[int]] = {}
        for tp, by_offset in wanted.items():
            keep = set()
            for off, source in by_offset.items():
                if first_kept[tp] <= off < ends[tp]:
                    keep.add(off)
                else:
                    found[source] = RawEvent(
                        None,
                        None,
                        f"offset {off} is no longer in {tp.topic}/{tp.partition} "
                        f"(it keeps {first_kept[tp]}..{ends[tp] - 1})",
                    )
            if keep:
                pending[tp] = keep
                consumer.seek(tp, min(keep))
        while pending:
            batch = await consumer.getmany(*pending, timeout_ms=self.poll_ms, max_records=2000)
            if not batch:
                for tp, missing in pending.items():  # the broker served nothing where they are
                    for off in missing:
                        found[wanted[tp][off]] = RawEvent(
                            None, None, f"offset {off} was not served"
                        )
                return found
            for tp, records in batch.items():
                if tp not in pending:
                    continue
                offsets = pending[tp]
                for record in records:
                    if record.offset in offsets:
                        offsets.discard(record.offset)
                        found[wanted[tp][record.offset]] = _checked(
                            wanted[tp][record.offset], record
                        )
                position = records[-1].offset + 1 if records else None
                if position is not None:
                    for off in [o for o in offsets if o < position]:  # compacted or a marker
                        offsets.discard(off)
                        found[wanted[tp][off]] = RawEvent(None, None, f"offset {off} is not kept")
                    if offsets and min(offsets) - position > MAX_GAP:
                        consumer.seek(tp, min(offsets))
                if not offsets:
                    del pending[tp]
        return found


def _checked(source: EventSource, record: object) -> RawEvent:
    value: bytes | None = getattr(record, "value", None)
    ts_ms = getattr(record, "timestamp", None)
    at = datetime.fromtimestamp(ts_ms / 1000, UTC) if isinstance(ts_ms, int) else None
    if value is None:
        return RawEvent(None, at, "the record has no value (a tombstone)")
    digest = hashlib.sha256(value).hexdigest()
    if digest != source.sha256:
        return RawEvent(
            None, at, f"the record's SHA-256 {digest} is not the judged event's {source.sha256}"
        )
    return RawEvent(value, at)
