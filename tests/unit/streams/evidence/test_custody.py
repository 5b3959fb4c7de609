"""The custody chain: hashes over canonical JSON, links, and appends that never fork."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas.custody import CustodyAction
from streams.evidence.custody import CustodyLog, make_entry
from streams.evidence.keys import custody_key
from streams.evidence.outcome import PutOutcome
from tests.unit.streams.evidence.memory_bucket import MemoryBucket

AT = datetime(2024, 2, 10, 3, 0, tzinfo=UTC)


def test_an_entry_hash_covers_every_field_and_changes_with_any() -> None:
    entry = make_entry(
        flag_id="x:1",
        seq=0,
        action=CustodyAction.CAPTURED,
        actor="capture agent",
        at=AT,
        detail="stored",
        subject_sha256="a" * 64,
        prev_hash=None,
    )
    assert entry.computed_hash() == entry.hash
    assert len(entry.hash) == 64
    changes = ({"actor": "someone else"}, {"detail": "x"}, {"seq": 1}, {"at": datetime.now(UTC)})
    for change in changes:
        assert entry.model_copy(update=change).computed_hash() != entry.hash


def test_appends_link_each_entry_to_the_one_before() -> None:
    bucket = MemoryBucket()
    log = CustodyLog(bucket)
    log.first("x:1", record_sha256="b" * 64, actor="capture agent", at=AT)
    viewed = log.append("x:1", CustodyAction.VIEWED, actor="siti", detail="case file as md")
    exported = log.append("x:1", CustodyAction.EXPORTED, actor="siti")
    chain = log.entries("x:1")
    assert [e.seq for e in chain] == [0, 1, 2]
    assert viewed.prev_hash == chain[0].hash and exported.prev_hash == viewed.hash
    assert sorted(bucket.objects) == [custody_key("x:1", n) for n in range(3)]


def test_the_capture_entry_is_the_same_however_often_it_is_written() -> None:
    bucket = MemoryBucket()
    log = CustodyLog(bucket)
    log.first("x:1", record_sha256="b" * 64, actor="capture agent", at=AT)
    stored = bucket.objects[custody_key("x:1", 0)]
    log.first("x:1", record_sha256="b" * 64, actor="capture agent", at=AT)
    assert bucket.objects[custody_key("x:1", 0)] == stored
    assert len(log.entries("x:1")) == 1


def test_an_append_that_loses_the_race_goes_on_top_of_the_winner() -> None:
    bucket = MemoryBucket()
    log = CustodyLog(bucket)
    log.first("x:1", record_sha256="b" * 64, actor="capture agent", at=AT)
    rival = CustodyLog(bucket)
    stale_head = log.entries("x:1")

    original = bucket.put_once
    raced = False

    def put_once(key: str, data: bytes, content_type: str) -> PutOutcome:
        """Lets the rival write entry 1 just before our first write of it."""
        nonlocal raced
        if key == custody_key("x:1", 1) and not raced:
            raced = True
            rival.append("x:1", CustodyAction.VIEWED, actor="rival")
        return original(key, data, content_type)

    bucket.put_once = put_once  # type: ignore[method-assign]
    mine = log.append("x:1", CustodyAction.VIEWED, actor="me")
    chain = log.entries("x:1")
    assert stale_head and [e.actor for e in chain] == ["capture agent", "rival", "me"]
    assert mine.seq == 2 and mine.prev_hash == chain[1].hash


def test_nothing_is_appended_to_a_flag_whose_evidence_was_never_captured() -> None:
    bucket = MemoryBucket()
    assert CustodyLog(bucket).append_if_captured("x:9", CustodyAction.VIEWED, actor="a") is None
    assert bucket.objects == {}
