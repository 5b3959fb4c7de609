"""The capture agent's handling of one batch, against an in-memory bucket and a scripted browser
(pure logic: no Kafka, no Chromium): good flags are stored and verify, bad ones are
dead-lettered with the reason, nothing is lost in between."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from prometheus_client import REGISTRY

from agents.capture import Capturer
from schemas import DeadLetterReason, EventSource
from schemas.evidence import CaptureSource
from streams.evidence.browser import Browser, BrowserError
from streams.evidence.source import RawEvent
from streams.evidence.verify import verify
from streams.pseudonyms import NipPseudonyms
from streams.settings import Settings
from tests.unit.agents.deadletter_topic import DeadLetterTopic
from tests.unit.streams.evidence.flags import RAW, SOURCE, sample_flag
from tests.unit.streams.evidence.memory_bucket import MemoryBucket

KEYS = NipPseudonyms(b"netra-unit-test-nip-key-0123456789")


@dataclass
class Message:
    value: bytes
    key: bytes | None = b"ig:asn.ev"
    topic: str = "netra.flags"
    partition: int = 0
    offset: int = 0


class Reader:
    async def fetch(self, sources: Iterable[EventSource]) -> dict[EventSource, RawEvent]:
        return {s: RawEvent(RAW, None) for s in sources if s == SOURCE}


class ScriptedBrowser(Browser):
    def __init__(self, fail: bool) -> None:
        super().__init__(Path("/usr/bin/chromium"))
        self.fail = fail
        self.version = "156.0.8078.114"

    async def screenshots(self, html: str, count: int) -> list[bytes]:
        if self.fail:
            raise BrowserError("Chromium crashed")
        return [b"\x89PNG" + bytes([i]) for i in range(count)]


def capturer(bucket: MemoryBucket, fail: bool, topic: DeadLetterTopic) -> Capturer:
    settings = Settings(evidence_render_attempts=2)
    return Capturer(settings, bucket, ScriptedBrowser(fail), Reader(), topic)  # type: ignore[arg-type]


def test_a_good_flag_is_stored_and_an_unreadable_one_dead_lettered() -> None:
    bucket, topic = MemoryBucket(), DeadLetterTopic()
    flag = sample_flag()
    messages = [Message(b'{"not": "a flag"'), Message(flag.model_dump_json().encode(), offset=1)]

    async def run() -> None:
        c = capturer(bucket, fail=False, topic=topic)
        await c.store(await c.prepare(messages, KEYS))

    asyncio.run(run())
    assert [d.reason for d in topic.sent] == [DeadLetterReason.INVALID_JSON]
    result = verify(bucket, flag.flag_id)
    assert result.intact, result.problems
    assert result.record is not None and result.record.received is not None
    assert result.record.received.kept


def test_a_flag_chromium_cannot_render_goes_to_the_dead_letters_as_capture_failed() -> None:
    bucket, topic = MemoryBucket(), DeadLetterTopic()
    flag = sample_flag()

    async def run() -> int:
        c = capturer(bucket, fail=True, topic=topic)
        done = await c.prepare([Message(flag.model_dump_json().encode())], KEYS)
        await c.store(done)
        return len(done)

    assert asyncio.run(run()) == 0
    [letter] = topic.sent
    assert letter.reason is DeadLetterReason.CAPTURE_FAILED and letter.stage == "capture"
    assert "after 2 tries: Chromium crashed" in letter.error
    assert bucket.objects == {}


def counted() -> tuple[float, float]:
    """(evidence records counted as stored, flags counted as already kept) so far."""
    stored = REGISTRY.get_sample_value(
        "netra_evidence_captured_total", {"source": CaptureSource.NETRA_RENDERING.value}
    )
    kept = REGISTRY.get_sample_value("netra_evidence_already_kept_total")
    return stored or 0.0, kept or 0.0


def test_a_flag_delivered_again_is_captured_once_and_counted_once() -> None:
    """The judge judges an event again after a restart or rebalance, and the capture agent
    reads a batch again when its commit failed: the second capture stores nothing new, and
    the count of stored records (what `netra bench capture` waits for) does not move."""
    bucket, topic = MemoryBucket(), DeadLetterTopic()
    flag = sample_flag()
    before = counted()

    async def run() -> list[bool]:
        c = capturer(bucket, fail=False, topic=topic)
        firsts = []
        for offset in (1, 2):
            done = await c.prepare([Message(flag.model_dump_json().encode(), offset=offset)], KEYS)
            await c.store(done)
            firsts.append(bool(done))
        return firsts

    assert asyncio.run(run()) == [True, True]
    stored, kept = counted()
    assert (stored - before[0], kept - before[1]) == (1.0, 1.0)
    result = verify(bucket, flag.flag_id)
    assert result.intact, result.problems
    assert len(result.entries) == 1
