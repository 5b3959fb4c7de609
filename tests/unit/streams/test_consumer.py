"""The guarded consumer's bookkeeping, on Faust's real consumer (no broker: the calls that
would reach Kafka are replaced by their answers)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.errors import KafkaTimeoutError
from faust.transport.drivers import aiokafka as faust_kafka
from faust.types import TP
from faust.types.tuples import Message

from streams.app import faust_app
from streams.consumer import (
    CommitWatch,
    GuardedConsumer,
    GuardedTransport,
    commit_may_start,
    rewind_to_start,
)
from streams.delivered import DeliveredOffsets
from streams.offsettrace import OffsetTrace
from streams.settings import Settings

POSTS = TP("t.posts", 5)
REGISTRY = TP("t.registry", 5)


class Kafka:
    """What the broker answers: nothing committed yet, the log starting at offset 0."""

    def __init__(self) -> None:
        self.sought: list[tuple[TP, int]] = []

    async def seek_to_committed(self) -> dict[TP, int | None]:
        return {POSTS: None, REGISTRY: None}

    async def rewind(self, tps: list[TP]) -> dict[TP, int]:
        self.sought.extend((tp, 0) for tp in tps)
        return dict.fromkeys(tps, 0)


@pytest.fixture
def consumer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GuardedConsumer:
    app = faust_app(Settings(state_dir=tmp_path, app_id="unit"))
    app.transport = GuardedTransport(app.conf.broker_consumer, app, guarded=["t.posts"])
    built = app.consumer
    assert isinstance(built, GuardedConsumer)
    kafka = Kafka()
    monkeypatch.setattr(built, "seek_to_committed", kafka.seek_to_committed)
    monkeypatch.setattr(built, "_rewind", kafka.rewind)
    monkeypatch.setattr(built, "assignment", lambda: {POSTS, REGISTRY})
    built.kafka = kafka  # type: ignore[attr-defined]
    return built


def test_a_fresh_partition_is_sought_to_its_start_and_committed_only_from_there(
    consumer: GuardedConsumer,
) -> None:
    """Events 0-15 fetched and dropped by Faust while a rebalance stopped the flow, 16-61
    judged: the commit must wait for 0-15 (Faust alone committed 62 and 0-15 were never
    judged), and the fetch position goes back to 0 so they are fetched again."""
    asyncio.run(consumer.perform_seek())
    assert consumer.kafka.sought == [(POSTS, 0)]  # type: ignore[attr-defined]
    assert consumer._read_offset[POSTS] is None  # Faust reads from the start again
    consumer._acked[POSTS] = list(range(16, 62))
    assert consumer._new_offset(POSTS) is None
    consumer._acked[POSTS].extend(range(16))
    assert consumer._new_offset(POSTS) == 62


def test_faust_alone_commits_past_a_missing_head_and_past_one_unacknowledged_offset(
    consumer: GuardedConsumer,
) -> None:
    """Why the guard and ordered acknowledgements exist: Faust's own rule."""
    consumer._acked[POSTS] = list(range(16, 62))
    assert consumer._new_offset(POSTS) == 62  # no floor known: from wherever the acks start
    consumer._committed_offset[POSTS] = 62
    consumer._acked[POSTS] = [63, 64]  # 62 still in flight
    assert consumer._new_offset(POSTS) == 65


def test_a_compacted_topic_is_left_to_faust(consumer: GuardedConsumer) -> None:
    asyncio.run(consumer.perform_seek())
    consumer._acked[REGISTRY] = [7, 9]  # compaction leaves holes: not a missed event
    assert consumer._new_offset(REGISTRY) == 8


def test_the_first_commit_allows_one_offset_without_a_record_at_the_start() -> None:
    assert commit_may_start(0, 0) and commit_may_start(0, 1)
    assert not commit_may_start(0, 2) and not commit_may_start(100, 102)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_commit_standing_still_behind_processed_events_is_timed() -> None:
    clock = Clock()
    watch = CommitWatch(clock)
    tp: Any = POSTS
    assert watch.observe(tp, processed=9, committed=10) == (0, 0.0)  # caught up
    assert watch.observe(tp, processed=30, committed=10) == (21, 0.0)
    clock.now = 40
    assert watch.observe(tp, processed=50, committed=10) == (41, 40.0)
    clock.now = 45
    assert watch.observe(tp, processed=50, committed=31) == (20, 0.0)  # it moved: not stalled
    clock.now = 400
    assert watch.observe(tp, processed=90, committed=31) == (60, 355.0)
    assert watch.observe(tp, processed=90, committed=91) == (0, 0.0)


def test_a_partition_never_committed_counts_from_its_first_event() -> None:
    clock = Clock()
    watch = CommitWatch(clock)
    assert watch.observe(POSTS, processed=0, committed=None) == (1, 0.0)
    clock.now = 300
    assert watch.observe(POSTS, processed=70, committed=None) == (71, 300.0)
    watch.forget(POSTS)
    assert watch.observe(POSTS, processed=70, committed=None) == (71, 0.0)


class Client:
    """An aiokafka consumer's answers: the log of every partition starts at 40 (retention),
    and `lose` is taken away by a rebalance while the broker is asked."""

    def __init__(self, held: set[TP], lose: frozenset[TP] = frozenset()) -> None:
        self.held = set(held)
        self.lose = lose
        self.sought: list[tuple[TP, int]] = []

    def assignment(self) -> set[TP]:
        return set(self.held)

    async def beginning_offsets(self, tps: list[TP]) -> dict[TP, int]:
        self.held -= self.lose
        return dict.fromkeys(tps, 40)

    def seek(self, tp: TP, offset: int) -> None:
        assert tp in self.held, "aiokafka refuses to seek a partition it does not hold"
        self.sought.append((tp, offset))


def test_rewinding_seeks_only_partitions_still_held_after_the_broker_answers() -> None:
    """A rebalance while the earliest offsets are asked for takes one partition away: it is
    left alone (the next assignment seeks it), the other goes back to where its log starts."""
    other = TP("t.posts", 6)
    client = Client({POSTS, other}, lose=frozenset({other}))
    sought = asyncio.run(rewind_to_start(client, [POSTS, other, TP("t.posts", 7)]))
    assert sought == {POSTS: 40}
    assert client.sought == [(POSTS, 40)]


def test_rewinding_nothing_held_asks_the_broker_nothing() -> None:
    client = Client(set())
    assert asyncio.run(rewind_to_start(client, [POSTS])) == {}


def test_a_commit_past_an_unacknowledged_offset_is_a_warning_naming_it(
    consumer: GuardedConsumer, caplog: pytest.LogCaptureFixture
) -> None:
    """Faust commits past one unacknowledged offset at the head of a partition: on a topic
    without holes that is an event nobody processed here, and the log must say which."""
    consumer._committed_offset[POSTS] = 70
    consumer._acked[POSTS] = [71, 72]  # 70 never acknowledged
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        assert consumer._new_offset(POSTS) == 73
    assert [r.getMessage() for r in caplog.records] == [
        "committing t.posts/5 up to 73 past offset 70, which was never acknowledged: that "
        "event was not processed here"
    ]


def test_a_commit_from_the_committed_offset_on_is_not_a_warning(
    consumer: GuardedConsumer, caplog: pytest.LogCaptureFixture
) -> None:
    consumer._committed_offset[POSTS] = 70
    consumer._acked[POSTS] = [70, 71, 72]
    consumer._committed_offset[REGISTRY] = 7
    consumer._acked[REGISTRY] = [8]  # compacted: a hole is no missed event
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        assert consumer._new_offset(POSTS) == 73
        assert consumer._new_offset(REGISTRY) == 9
    assert caplog.records == []


def test_the_first_commit_past_the_start_of_a_fresh_partition_is_a_warning(
    consumer: GuardedConsumer, caplog: pytest.LogCaptureFixture
) -> None:
    asyncio.run(consumer.perform_seek())  # nothing committed: the partition starts at 0
    consumer._acked[POSTS] = [1, 2]
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        assert consumer._new_offset(POSTS) == 3
    assert "past offset 0, which was never acknowledged" in caplog.text


def record(tp: TP, offset: int) -> Any:
    return SimpleNamespace(topic=tp.topic, partition=tp.partition, offset=offset)


def test_the_trace_tells_records_handed_on_from_records_faust_drops_as_already_read(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """After a seek back Faust fetches records it already handed on and drops them below the
    partition's read offset, silently: the trace names each."""

    async def fetched(self: Any, timeout: float) -> AsyncIterator[tuple[TP, Any]]:  # noqa: ASYNC109
        for tp, offset in [(POSTS, 40), (POSTS, 42), (REGISTRY, 3)]:
            yield tp, record(tp, offset)

    monkeypatch.setattr(faust_kafka.Consumer, "getmany", fetched)
    consumer._read_offset[POSTS] = 42

    async def drain() -> list[int]:
        return [m.offset async for _, m in consumer.getmany(timeout=1.0)]

    with caplog.at_level(logging.DEBUG, logger="netra.offsets"):
        assert asyncio.run(drain()) == [40, 42, 3]  # Faust's own loop decides, as before
    assert [r.getMessage() for r in caplog.records] == [
        "t.posts/5@40 fetched again, dropped: read up to 42",
        "t.posts/5@42 fetched, handed to the streams",
    ]  # the compacted registry topic is not traced


def test_the_trace_is_silent_at_the_usual_level_unless_asked_for(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="netra.offsets"):
        OffsetTrace().event(record(POSTS, 7), "received")
        OffsetTrace(on=True).event(record(POSTS, 8), "received")
    assert [r.getMessage() for r in caplog.records] == ["t.posts/5@8 received"]


def test_the_trace_names_the_guarded_offsets_a_commit_carries(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def committed(self: Any, offsets: Any) -> bool:
        return True

    monkeypatch.setattr(faust_kafka.Consumer, "_commit", committed)
    with caplog.at_level(logging.DEBUG, logger="netra.offsets"):
        assert asyncio.run(consumer._commit({POSTS: 73, REGISTRY: 9}))
        assert asyncio.run(consumer._commit({REGISTRY: 10}))  # nothing of a guarded topic
    assert [r.getMessage() for r in caplog.records] == ["committing t.posts/5@73"]


class Refetch:
    """Faust's own getmany, from the fetcher's position on, and how often the consumer sought
    its partitions to the committed offsets."""

    def __init__(self, consumer: GuardedConsumer, committed: int) -> None:
        self.consumer = consumer
        self.committed = committed
        self.seeks = 0
        self.position = committed

    async def seek_to_committed(self) -> dict[TP, int | None]:
        self.seeks += 1
        self.position = self.committed
        return {POSTS: self.committed, REGISTRY: None}

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Any]]:  # noqa: ASYNC109
        for offset in range(self.position, self.position + 3):
            self.position = offset + 1
            yield POSTS, record(POSTS, offset)


def drain(consumer: GuardedConsumer, handed: list[int], stop_after: int = 99) -> None:
    """Faust's drain loop, as far as offsets go: a record below the read offset is dropped,
    any other is handed to the streams and becomes the read offset."""

    async def run() -> None:
        async for tp, message in consumer.getmany(timeout=1.0):
            read = consumer._read_offset[tp]
            if read is None or message.offset >= read:
                handed.append(message.offset)
                consumer._read_offset[tp] = message.offset
            if len(handed) >= stop_after:
                return

    asyncio.run(run())


def test_records_emptied_from_the_streams_buffers_by_faust_are_fetched_again(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a takeover Faust resumes the stream partitions, seeks them to the committed
    offsets (records 70-72 reach the streams meanwhile), then resumes its flow control, which
    empties the streams' buffers: 72 was still in one, never judged, and its read offset
    made Faust drop it when fetched again, so the commit passed it. After the flow resumes,
    the partitions are sought back and 72 (with 70 and 71, already judged) comes again."""
    kafka = Refetch(consumer, committed=70)
    monkeypatch.setattr(consumer, "seek_to_committed", kafka.seek_to_committed)
    monkeypatch.setattr(faust_kafka.Consumer, "getmany", kafka.getmany)
    monkeypatch.setattr(consumer, "_get_active_partitions", lambda: {POSTS})
    handed: list[int] = []
    drain(consumer, handed)  # handed on before the recovery's seek completes
    asyncio.run(consumer.perform_seek())  # the recovery's seek: Faust reads from 70 again
    assert consumer._read_offset[POSTS] == 70
    consumer._read_offset[POSTS] = 73  # the rest of a batch fetched before the seek: 73
    consumer.resume_flow()  # Faust's flow control emptied the buffers: 72 and 73 are gone
    drain(consumer, handed)
    assert handed == [70, 71, 72, 70, 71, 72]  # without the seek back: 70-72 dropped as read
    assert kafka.seeks == 2


def test_a_batch_under_way_when_the_flow_resumes_hands_on_its_changelog_records_only(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """During table recovery Faust resumes its flow while a batch of changelog records is
    under way: nothing would fetch the rest again, so none of it may be held back. Records of
    a stream are: handed on after the buffers were emptied, they would be judged and
    acknowledged past the records lost there, and Faust commits past a one-record hole."""

    async def changelog(self: Any, timeout: float) -> AsyncIterator[tuple[TP, Any]]:  # noqa: ASYNC109
        for offset in range(3):
            yield REGISTRY, record(REGISTRY, offset)
            yield POSTS, record(POSTS, 70 + offset)

    monkeypatch.setattr(faust_kafka.Consumer, "getmany", changelog)
    monkeypatch.setattr(consumer, "_get_active_partitions", lambda: {REGISTRY})
    handed: list[int] = []

    async def run() -> None:
        async for _, message in consumer.getmany(timeout=1.0):
            handed.append(message.offset)
            consumer.resume_flow()

    asyncio.run(run())
    assert handed == [0, 1, 2]  # the posts (70-72) wait for the seek, then come again


def test_resuming_the_flow_while_only_changelogs_are_read_seeks_nothing(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """During table recovery Faust resumes its flow with the stream partitions paused: the
    changelogs' positions are the recovery's, and nothing of a stream was buffered."""
    kafka = Refetch(consumer, committed=70)
    monkeypatch.setattr(consumer, "seek_to_committed", kafka.seek_to_committed)
    monkeypatch.setattr(faust_kafka.Consumer, "getmany", kafka.getmany)
    monkeypatch.setattr(consumer, "_get_active_partitions", lambda: {REGISTRY})
    consumer.resume_flow()
    drain(consumer, [])
    assert kafka.seeks == 0


def test_faust_empties_the_streams_buffers_when_its_flow_control_resumes(tmp_path: Path) -> None:
    """Why the consumer seeks again after the flow resumes: what a stream's buffer held when
    Faust's flow control resumed is gone (Faust's recovery resumes it after seeking)."""
    app = faust_app(Settings(state_dir=tmp_path, app_id="unit"))

    async def scenario() -> tuple[int, int]:
        channel = app.topic("t.posts").clone(is_iterator=True)
        channel.queue.put_nowait("an event handed to the stream")
        held = channel.queue.qsize()
        app.flow_control.resume()
        return held, channel.queue.qsize()

    assert asyncio.run(scenario()) == (1, 0)


class Replaced:
    """The broker's answers at a seek: the committed offsets found and where the logs end."""

    def __init__(self, found: dict[TP, int | None], ends: dict[TP, int]) -> None:
        self.found = found
        self.ends = ends
        self.asked_ends: list[list[TP]] = []
        self.rewound: list[TP] = []

    async def seek_to_committed(self) -> dict[TP, int | None]:
        return dict(self.found)

    async def log_ends(self, tps: list[TP]) -> dict[TP, int]:
        self.asked_ends.append(sorted(tps))
        return {tp: self.ends[tp] for tp in tps}

    async def rewind(self, tps: list[TP]) -> dict[TP, int]:
        self.rewound.extend(tps)
        return dict.fromkeys(tps, 0)


def seeking(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kafka: Replaced,
    delivered: DeliveredOffsets,
) -> GuardedConsumer:
    """A guarded consumer whose seek reaches Faust's own `perform_seek` and the broker's
    answers in `kafka`, sharing `delivered` with the judge."""
    app = faust_app(Settings(state_dir=tmp_path, app_id="unit"))
    app.transport = GuardedTransport(
        app.conf.broker_consumer, app, guarded=["t.posts"], delivered=delivered
    )
    built = app.consumer
    assert isinstance(built, GuardedConsumer)
    monkeypatch.setattr(
        faust_kafka.Consumer, "seek_to_committed", lambda _self: kafka.seek_to_committed()
    )
    monkeypatch.setattr(built, "_log_ends", kafka.log_ends)
    monkeypatch.setattr(built, "_rewind", kafka.rewind)
    monkeypatch.setattr(built, "assignment", lambda: {POSTS, REGISTRY})
    return built


def delivered_run(offsets: range) -> DeliveredOffsets:
    """The judge acknowledged `offsets` of POSTS with every output stored."""
    delivered = DeliveredOffsets()
    for offset in offsets:
        delivered.delivered(POSTS, offset)
    return delivered


def commits(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch, offset: int, *, taken: bool
) -> None:
    """The consumer commits `offset` of POSTS (`taken`: Kafka stores it), as Faust records it
    (made or not); then the partition is taken away, which makes Faust forget it."""

    async def commit(self: Any, offsets: Any) -> bool:
        return taken

    monkeypatch.setattr(faust_kafka.Consumer, "_commit", commit)
    asyncio.run(consumer._commit({POSTS: offset}))
    consumer._committed_offset[POSTS] = offset  # Faust's record, whether Kafka took it or not


def revoked(consumer: GuardedConsumer) -> None:
    """What Faust does with a partition taken away: it forgets its committed offset."""
    consumer._committed_offset.pop(POSTS, None)


def test_a_partition_given_back_keeps_the_offsets_delivered_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Judged and delivered 70-80 here, committed 70, taken away and given back at 75 (another
    worker committed meanwhile): 75-80 are still stored, so they stay skipped."""
    delivered = delivered_run(range(70, 81))
    kafka = Replaced({POSTS: 75, REGISTRY: None}, {POSTS: 200})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)
    commits(consumer, monkeypatch, 70, taken=True)
    revoked(consumer)
    asyncio.run(consumer.perform_seek())
    assert delivered.holds(POSTS, 75) and delivered.highest(POSTS) == 80
    assert consumer.committed_offset(POSTS) == 75
    assert kafka.asked_ends == [[POSTS]]
    assert kafka.rewound == []


def test_a_topic_created_again_is_judged_from_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The posts topic was deleted and created again while the worker ran: the broker has no
    committed offset for it any more. Offsets 100-130 of the old log must not skip the new
    log's 100-130, and the new log is read from its start like any partition never committed."""
    delivered = delivered_run(range(100, 131))
    kafka = Replaced({POSTS: None, REGISTRY: None}, {POSTS: 500})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)
    commits(consumer, monkeypatch, 120, taken=True)
    revoked(consumer)  # a topic deleted: its partitions are taken away, then given back
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        asyncio.run(consumer.perform_seek())
    assert not delivered.holds(POSTS, 100) and delivered.highest(POSTS) is None
    assert consumer.committed_offset(POSTS) is None
    assert kafka.rewound == [POSTS]
    assert "t.posts/5 was replaced" in caplog.text


def test_a_topic_created_again_before_any_commit_is_told_by_its_shorter_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing committed from the old log (0-130 delivered), and the new one holds 0-49."""
    delivered = delivered_run(range(131))
    kafka = Replaced({POSTS: None, REGISTRY: None}, {POSTS: 50})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)
    asyncio.run(consumer.perform_seek())
    assert not delivered.holds(POSTS, 0)
    assert kafka.rewound == [POSTS]


def test_partitions_with_nothing_delivered_ask_the_broker_for_no_log_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kafka = Replaced({POSTS: 40, REGISTRY: None}, {})
    consumer = seeking(tmp_path, monkeypatch, kafka, DeliveredOffsets())
    asyncio.run(consumer.perform_seek())
    assert kafka.asked_ends == []
    assert consumer.committed_offset(POSTS) == 40


def test_log_ends_the_broker_does_not_give_leave_the_seek_to_the_committed_offsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asking where the logs end times out: the seek goes on, and a committed offset gone
    still tells the new log."""
    delivered = DeliveredOffsets()
    delivered.delivered(POSTS, 130)
    kafka = Replaced({POSTS: None, REGISTRY: None}, {})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)

    async def end_offsets(tps: list[TP]) -> dict[TP, int]:
        raise KafkaTimeoutError("no answer")

    thread = SimpleNamespace(
        _ensure_consumer=lambda: SimpleNamespace(end_offsets=end_offsets),
        call_thread=lambda fn, *args: fn(*args),
    )
    monkeypatch.setattr(consumer, "_thread", thread)
    monkeypatch.delattr(consumer, "_log_ends")  # Netra's own, on the thread below
    commits(consumer, monkeypatch, 120, taken=True)
    asyncio.run(consumer.perform_seek())
    assert delivered.highest(POSTS) is None
    assert kafka.rewound == [POSTS]


def test_a_commit_kafka_did_not_take_is_no_sign_of_a_new_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Faust records the offsets of a commit that failed as committed (120); Kafka still has
    100. The log is the same: the offsets delivered from it stay skipped, with no warning."""
    delivered = delivered_run(range(100, 131))
    kafka = Replaced({POSTS: 100, REGISTRY: None}, {POSTS: 500})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)
    commits(consumer, monkeypatch, 100, taken=True)
    commits(consumer, monkeypatch, 120, taken=False)
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        asyncio.run(consumer.perform_seek())
    assert delivered.holds(POSTS, 100) and delivered.highest(POSTS) == 130
    assert "replaced" not in caplog.text
    assert consumer.committed_offset(POSTS) == 100


class Fetched:
    """Faust's own getmany: three records of POSTS from `start`, each call."""

    def __init__(self, start: int) -> None:
        self.start = start

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Any]]:  # noqa: ASYNC109
        for offset in range(self.start, self.start + 3):
            yield POSTS, record(POSTS, offset)


def test_a_log_replaced_without_a_rebalance_is_sought_and_read_from_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The posts topic deleted and created again with the same partitions: no rebalance, the
    client resets its position to the new log's start, and records 0-2 come while Faust reads
    past 78 and the old log's 0-77 were delivered. They are held back, the partition sought,
    found replaced, and read from its start."""
    delivered = delivered_run(range(78))
    kafka = Replaced({POSTS: None, REGISTRY: None}, {POSTS: 3})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)
    commits(consumer, monkeypatch, 78, taken=True)
    consumer._acked[POSTS] = [77]
    consumer._read_offset[POSTS] = 78
    # the client's position reset to the new log's start
    monkeypatch.setattr(faust_kafka.Consumer, "getmany", Fetched(0).getmany)
    monkeypatch.setattr(consumer, "_get_active_partitions", lambda: {POSTS})
    handed: list[int] = []
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        drain(consumer, handed)
        assert handed == [] and delivered.highest(POSTS) == 77  # not yet sought
        drain(consumer, handed)
    assert handed == [0, 1, 2]
    assert delivered.highest(POSTS) is None
    assert kafka.rewound == [POSTS]
    assert not consumer._acked.get(POSTS), "the old log's acknowledgements are forgotten"
    assert "t.posts/5: a record at offset 0, below the committed offset 78" in caplog.text
    assert "t.posts/5 was replaced" in caplog.text


def test_a_record_fetched_again_at_or_above_the_committed_offset_seeks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Faust drops records below its read offset after a seek back; at or above the committed
    offset they are the same log's, and no seek follows."""
    kafka = Replaced({POSTS: 40, REGISTRY: None}, {POSTS: 500})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered_run(range(30, 42)))
    commits(consumer, monkeypatch, 40, taken=True)
    consumer._read_offset[POSTS] = 42
    monkeypatch.setattr(faust_kafka.Consumer, "getmany", Fetched(40).getmany)
    handed: list[int] = []
    drain(consumer, handed)
    assert handed == [42] and not consumer._seek_again


def test_an_event_of_a_replaced_log_acknowledged_late_is_dropped_not_committed_for_the_new_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Offset 130 of the old log was handed to the judge and its flag was on its way when the
    seek found the log replaced. Acknowledged then, it must not join the new log's acknowledged
    offsets: with the new log's 0-129 acknowledged and its own 130 still judged, Faust would
    commit 131, past an event of the new log never processed."""
    delivered = delivered_run(range(100, 130))
    kafka = Replaced({POSTS: None, REGISTRY: None}, {POSTS: 500})
    consumer = seeking(tmp_path, monkeypatch, kafka, delivered)
    monkeypatch.setattr(consumer.app.topics, "acks_enabled_for", lambda topic: True)
    commits(consumer, monkeypatch, 120, taken=True)
    old = Message(POSTS.topic, POSTS.partition, 130, 0.0, 0, None, None, b"{}", None, tp=POSTS)
    consumer.track_message(old)
    asyncio.run(consumer.perform_seek())  # finds the log replaced
    new = Message(POSTS.topic, POSTS.partition, 0, 0.0, 0, None, None, b"{}", None, tp=POSTS)
    consumer.track_message(new)
    with caplog.at_level(logging.WARNING, logger="streams.consumer"):
        assert consumer.ack(old) is False
        assert consumer.ack(new) is True
    assert consumer._acked[POSTS] == [0]
    assert old.acked and old not in consumer._unacked_messages  # Faust waits for it no longer
    delivered.record(old)
    assert not delivered.holds(POSTS, 130)
    assert "t.posts/5@130: acknowledged after its log was replaced" in caplog.text


def test_a_partition_with_no_fetch_position_does_not_crash_the_livelock_check(
    consumer: GuardedConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A topic deleted and created again resets its partitions' fetch positions; aiokafka asserts
    when Faust's livelock detector reads one in that instant, which stopped the worker."""

    class ResetPartition:
        def verify_event_path(self, now: float, tp: TP) -> None:
            raise AssertionError  # aiokafka's `assert self._position is not None`

    monkeypatch.setattr(consumer, "_thread", ResetPartition())
    asyncio.run(consumer.verify_all_partitions_active())  # does not raise
