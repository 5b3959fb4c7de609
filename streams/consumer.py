"""Faust's consumer, kept from committing past an event no agent has seen.

Faust (0.15) loses track of a partition's start when the partition has no committed offset:
records it fetched and then dropped because a rebalance had stopped the flow ("getmany called
while flow not active") are sought back only to a committed offset greater than 0, so the fetch
position stays past them; and with no committed offset its commit takes the first run of
acknowledged offsets wherever it starts. Together: events never judged, and their offsets
committed (seen with two workers: posts 0-15 of a fresh partition never judged, offset 70
committed). Here every guarded partition without a committed offset is sought to its earliest
offset whenever Faust seeks to the committed ones, and its first commit must start at that
offset, as a later commit must start at the last committed one.

The seek back runs on the consumer's own thread, where aiokafka's fetcher lives. Faust's
`Consumer.seek` calls aiokafka from the event loop's thread instead; that changes the fetcher's
positions and wakes its futures from a foreign thread, and a worker that sought that way after a
kill -9 takeover went silent in some runs.

After a rebalance Faust's recovery resumes the stream partitions, seeks them to the committed
offsets (which takes a while: a round trip to the broker per partition, and the rewind above),
and only then resumes its flow control, which empties every stream's buffer. Records fetched
in between reach a buffer and are thrown away there, while Faust's read offsets count them as
read, so fetched again they are dropped too: never judged. One such event at the head of a
partition is committed past (seen after a kill -9 takeover: posts 0@72 committed, never
judged); more stop the partition's commit for good (seen at a worker's start: about twenty
events of each of 8 fresh partitions never judged, 162 in all, and every commit stalled).
Here, once the flow resumes, no record of a guarded partition is handed on until those
partitions are sought back to the committed offsets (events already judged come again; the
flags' ids make that harmless).

The judge skips events it judged and saw delivered already when they come again after these
seeks (streams.delivered). Those offsets belong to a partition's log as it was: at every seek
the consumer checks whether a partition's log was replaced (a topic deleted and created again
under the same name starts again at offset 0) and then forgets the partition's delivered
offsets and what it knew of its committed offset, so that the new log is judged from its start.
A topic created again with as many partitions as before changes nothing the group sees: no
rebalance, no seek; the client finds its position out of the new log's range and resets it to
the start, and Faust drops the new records below its read offset. A record from below the
committed offset this consumer knows is the sign of it: the consumer seeks again before handing
anything more on, and that seek finds the log replaced.

Faust's commit also lets one offset at the head of a partition's acknowledged ones go unseen;
on these topics that offset is an event never acknowledged, so a commit that passes one is
logged as a warning with the offset, and what the consumer fetched, dropped and sought is
traced (streams.offsettrace).
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Iterable
from typing import Any

from aiokafka.errors import KafkaError
from faust.transport.drivers import aiokafka as faust_kafka
from faust.types.tuples import ack_lock
from mode.utils.futures import notify

from streams import metrics
from streams.delivered import DeliveredOffsets, log_replaced
from streams.offsettrace import OffsetTrace, place

log = logging.getLogger(__name__)


class GuardedConsumer(faust_kafka.Consumer):
    """The aiokafka consumer of Faust, with the start of each guarded partition kept.

    `guarded` names the topics this applies to: topics whose offsets have no holes (not
    compacted), where an offset missing from the acknowledged ones is an event not processed."""

    def __init__(
        self,
        *args: Any,
        guarded: frozenset[str] = frozenset(),
        trace: OffsetTrace | None = None,
        delivered: DeliveredOffsets | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.guarded = guarded
        self.trace = trace or OffsetTrace()
        self.delivered = delivered or DeliveredOffsets()
        self._floors: dict[Any, int] = {}
        self._seek_again = False
        self._seek_why = ""  # what made the consumer seek again (trace)
        self._found_committed: dict[Any, int | None] = {}
        # Each guarded partition's committed offset as this consumer last committed or found
        # it. Not Faust's `_committed_offset`: Faust forgets a partition's at every revoke (so a
        # topic deleted, which revokes its partitions, and created again went unnoticed) and
        # records a commit that failed as made.
        self._known_committed: dict[Any, int] = {}

    def resume_flow(self) -> None:
        """Faust resumes its flow control just before this, and that empties every stream's
        buffer (its queues are made with `clear_on_resume`): records handed to the streams
        since the stream partitions were resumed are gone, though their read offsets say read.
        The guarded partitions are sought back before anything more is handed on."""
        super().resume_flow()
        self._seek_again = True
        self._seek_why = "stream buffers emptied by Faust's flow control"

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[Any, Any]]:  # noqa: ASYNC109 (Faust's signature)
        """Faust's records, sought back first when the streams' buffers were emptied (see
        `resume_flow`), and traced: Faust drops a record below the partition's read offset
        (one it already handed on, fetched again after a seek) without a word."""
        if self._seek_again:
            self._seek_again = False
            if any(tp.topic in self.guarded for tp in self._get_active_partitions()):
                self.trace.note("%s: seeking again", self._seek_why)
                await self.perform_seek()
        trace = self.trace
        async for tp, message in super().getmany(timeout):
            if self._seek_again and tp.topic in self.guarded:
                # Fetched again after the seek; handed on now, it would be judged and
                # acknowledged past the emptied records, and Faust commits past a one-record
                # hole. Changelog records of a batch under way (table recovery) go on: nothing
                # fetches those again.
                continue
            if tp.topic in self.guarded and self._moved_back(tp, message.offset):
                # Sought at the next fetch; the rest of this batch is fetched again.
                self._seek_again = True
                self._seek_why = "a position reset below the committed offset"
                continue
            if tp.topic in self.guarded and trace.enabled:
                read = self._read_offset.get(tp)
                if read is not None and message.offset < read:
                    trace.event(message, "fetched again, dropped: read up to %d", read)
                else:
                    trace.event(message, "fetched, handed to the streams")
            yield tp, message

    def _moved_back(self, tp: Any, offset: int) -> bool:
        """Whether a record comes from below the offset this consumer knows committed for its
        partition. No seek of Netra's or Faust's reads there (the committed offset only moves
        forward while the group lives): the client reset a position the log no longer has, a
        topic deleted and created again under the same name without a rebalance (its partition
        count unchanged). Faust would drop the new log's records below its read offset and the
        judge skip those inside the old log's delivered run; the seek that follows finds the
        log replaced and reads it from its start."""
        known = self._known_committed.get(tp)
        if known is None or offset >= known:
            return False
        log.warning(
            "%s/%d: a record at offset %d, below the committed offset %d: the position was "
            "reset (a replaced log?), seeking again",
            tp.topic,
            tp.partition,
            offset,
            known,
        )
        return True

    async def seek_to_committed(self) -> Any:
        """Faust's seek, with the committed offsets the broker answered kept (None where
        there is none, which Faust leaves out of what it knows)."""
        found = await super().seek_to_committed()
        self._found_committed = dict(found)
        return found

    async def perform_seek(self) -> None:
        known: dict[Any, int | None] = dict(self._known_committed)
        await super().perform_seek()
        await self._forget_replaced(known)
        fresh = [
            tp
            for tp in self.assignment()
            if tp.topic in self.guarded and not self._committed_offset.get(tp)
        ]
        floors = await self._rewind(fresh) if fresh else {}
        for tp, offset in floors.items():
            self._read_offset[tp] = offset or None  # Faust's own reading of "from the start"
        self._floors = floors
        if self.trace.enabled:
            self.trace.note(
                "sought to the committed offsets %s; rewound to the start %s",
                self._named(self._committed_offset.items()),
                self._named(floors.items()),
            )

    async def _forget_replaced(self, known: dict[Any, int | None]) -> None:
        """Forget the delivered offsets and the committed offset of every guarded partition
        whose log was replaced since this consumer last sought it (see `log_replaced`)."""
        found, self._found_committed = self._found_committed, {}
        held = [tp for tp in self.assignment() if tp.topic in self.guarded and tp in found]
        marked = [tp for tp in held if self.delivered.highest(tp) is not None]
        ends = await self._log_ends(marked) if marked else {}
        for tp in held:
            highest = self.delivered.highest(tp)
            if not log_replaced(known.get(tp), found[tp], ends.get(tp), highest):
                continue
            log.warning(
                "%s/%d was replaced (committed offset %s, now %s; log ends at %s, offset %s "
                "delivered here): its events are judged afresh",
                tp.topic,
                tp.partition,
                known.get(tp),
                found[tp],
                ends.get(tp),
                highest,
            )
            # Events of the old log still on their way: acknowledged late they would count
            # as the new log's (see `ack`).
            self.delivered.forget(tp, [m for m in self._unacked_messages if m.tp == tp])
            self._committed_offset[tp] = found[tp] or None
            # What Faust acknowledged of the old log (it forgets it only at a revoke, and a log
            # replaced without a rebalance had none) is no part of the new log's commits.
            self._acked.pop(tp, None)
            self._acked_index.pop(tp, None)
            self._gap.pop(tp, None)
        for tp in held:
            committed = found[tp]
            if committed is None:
                self._known_committed.pop(tp, None)
            else:
                self._known_committed[tp] = committed

    def ack(self, message: Any) -> bool:
        """Faust's acknowledgement, except for an event of a log replaced while it was on its
        way (streams.delivered): its offset belongs to the old log, and among the new log's
        acknowledged offsets it would let a commit pass the new log's event at that offset
        unprocessed (a message lost). It is marked done, so Faust waits for it no longer, and
        traced and counted, never acknowledged."""
        if not self.delivered.retired(message):
            done: bool = super().ack(message)
            return done
        with ack_lock:
            if message.acked:
                return False
            message.acked = True
            self._unacked_messages.discard(message)
            notify(self._waiting_for_ack)
        metrics.REPLACED_LOG_ACKS.inc()
        self.trace.event(message, "acknowledged from a replaced log, dropped")
        log.warning(
            "%s/%d@%d: acknowledged after its log was replaced; not committed for the new log",
            message.topic,
            message.partition,
            message.offset,
        )
        return False

    async def _log_ends(self, partitions: list[Any]) -> dict[Any, int]:
        """The end offsets of `partitions`, asked on the consumer's thread; none when the
        broker does not answer (a seek must not fail for it: the committed offsets still tell
        a replaced log that anything was committed from)."""
        thread = self._thread
        try:
            ends: dict[Any, int] = await thread.call_thread(
                thread._ensure_consumer().end_offsets, partitions
            )
        except KafkaError as exc:
            log.warning(
                "could not ask where the partitions' logs end: %s: %s", type(exc).__name__, exc
            )
            return {}
        return ends

    async def _commit(self, offsets: Any) -> bool:
        named = self._named(offsets.items()) if self.trace.enabled else ""
        if named:
            self.trace.note("committing %s", named)
        done: bool = await super()._commit(offsets)
        if done:
            self._known_committed.update(
                (tp, offset) for tp, offset in offsets.items() if tp.topic in self.guarded
            )
        return done

    def _named(self, offsets: Iterable[tuple[Any, int | None]]) -> str:
        """The guarded partitions' offsets, named as trace lines name them."""
        return ", ".join(
            f"{place(tp.topic, tp.partition, offset)}"
            for tp, offset in sorted(offsets, key=lambda item: (item[0].topic, item[0].partition))
            if tp.topic in self.guarded and offset is not None
        )

    async def _rewind(self, partitions: list[Any]) -> dict[Any, int]:
        """Seek `partitions` to their earliest offsets on the consumer's thread (see the module's
        docstring); the partitions sought, with where they now start."""
        thread = self._thread
        found: dict[Any, int] = await thread.call_thread(
            rewind_to_start, thread._ensure_consumer(), partitions
        )
        return found

    def _new_offset(self, tp: Any) -> int | None:
        acked = self._acked.get(tp)
        floor = self._floors.get(tp)
        first_commit = floor is not None and not self._committed_offset.get(tp)
        if acked and first_commit and not commit_may_start(floor or 0, min(acked)):
            return None
        start = self._committed_offset.get(tp) or floor
        head = min(acked) if acked else None
        offset: int | None = super()._new_offset(tp)
        if (
            offset is not None
            and tp.topic in self.guarded
            and start is not None
            and head is not None
            and head > start
        ):
            log.warning(
                "committing %s/%d up to %d past offset %d, which was never acknowledged: that "
                "event was not processed here",
                tp.topic,
                tp.partition,
                offset,
                start,
            )
        return offset

    def committed_offset(self, tp: Any) -> int | None:
        """The next offset of `tp` to read after a restart, as this consumer last committed or
        found it (None when nothing was ever committed)."""
        offset: int | None = self._committed_offset.get(tp)
        return offset

    def verify_event_path(self, now: float, tp: Any) -> None:
        """Faust's livelock detector, every few seconds, reads each assigned partition's fetch
        position. A partition whose topic was deleted and created again is reset ("offset out
        of range") and has no position until its next fetch; aiokafka asserts on reading it,
        and the detector's crash stopped the whole worker. Such a partition has no event path
        to verify yet: it is checked again on the detector's next round."""
        try:
            super().verify_event_path(now, tp)
        except AssertionError:
            log.info("%s/%d has no fetch position yet (reset): not verified this round",
                     tp.topic, tp.partition)  # fmt: skip


async def rewind_to_start(client: Any, partitions: list[Any]) -> dict[Any, int]:
    """Seek each of `partitions` that `client` (an aiokafka consumer, on its own thread) still
    holds to its earliest offset; the partitions sought, with that offset.

    The assignment is read again after asking the broker: a rebalance in between takes
    partitions away, and seeking one no longer held would fail the whole recovery."""
    held = client.assignment()
    wanted = [tp for tp in partitions if tp in held]
    if not wanted:
        return {}
    starts = await client.beginning_offsets(wanted)
    held = client.assignment()
    sought: dict[Any, int] = {}
    for tp, offset in starts.items():
        if tp in held:
            client.seek(tp, offset)
            sought[tp] = offset
    return sought


def commit_may_start(floor: int, first_acked: int) -> bool:
    """Whether a partition's first commit may cover acknowledged offsets from `first_acked` on
    when the partition starts at `floor`. Faust allows one missing offset at the head (an offset
    without a record); the same allowance applies here, and no more."""
    return first_acked - floor <= 1


class GuardedTransport(faust_kafka.Transport):
    """Faust's aiokafka transport, making `GuardedConsumer`s for the `guarded` topics."""

    Consumer = GuardedConsumer

    def __init__(
        self,
        url: list[Any],
        app: Any,
        *,
        guarded: Iterable[str],
        trace: OffsetTrace | None = None,
        delivered: DeliveredOffsets | None = None,
    ) -> None:
        super().__init__(url, app)
        self.guarded = frozenset(guarded)
        self.trace = trace or OffsetTrace()
        self.delivered = delivered or DeliveredOffsets()

    def create_consumer(self, callback: Any, **kwargs: Any) -> GuardedConsumer:
        return GuardedConsumer(
            self,
            callback=callback,
            loop=self.loop,
            guarded=self.guarded,
            trace=self.trace,
            delivered=self.delivered,
            **kwargs,
        )


class CommitWatch:
    """Per partition: how long its commit has stood still while processed events wait past it.

    A partition whose committed offset does not move while the agent goes on processing
    events is stalled: nothing is lost yet, but a restart would process all of it again."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._since: dict[Any, tuple[int | None, float]] = {}

    def observe(self, tp: Any, processed: int | None, committed: int | None) -> tuple[int, float]:
        """(events processed but not committed, seconds the commit has stood still with them)."""
        now = self._clock()
        waiting = 0 if processed is None else processed + 1 - (committed or 0)
        if waiting <= 0:
            self._since.pop(tp, None)
            return 0, 0.0
        last = self._since.get(tp)
        if last is None or last[0] != committed:
            self._since[tp] = (committed, now)
            return waiting, 0.0
        return waiting, now - last[1]

    def forget(self, tp: Any) -> None:
        self._since.pop(tp, None)
