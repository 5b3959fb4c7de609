"""Verification finds an edited artefact, record or custody entry, and says what changed."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import Flag
from schemas.custody import CustodyAction, CustodyEntry
from schemas.evidence import ArtefactKind, CaptureSource
from streams.evidence import capture
from streams.evidence.browser import Browser
from streams.evidence.custody import CustodyLog
from streams.evidence.keys import custody_key, record_key
from streams.evidence.source import RawEvent
from streams.evidence.store import Bucket
from streams.evidence.verify import verify
from tests.unit.streams.evidence.flags import RAW, sample_flag
from tests.unit.streams.evidence.memory_bucket import MemoryBucket

NOW = datetime(2024, 1, 15, 2, 0, 5, tzinfo=UTC)


def store_capture(bucket: Bucket, flag: Flag, raw: RawEvent | None) -> capture.Captured:
    """A capture of `flag` as the capture agent stores it (fixed bytes, no real browser run)."""
    browser = Browser(Path("/usr/bin/chromium"))
    browser.version = "156.0.8078.114"
    rendered = capture.Rendered(
        CaptureSource.NETRA_RENDERING,
        b"\x89PNG fake screenshot",
        b"<html>page</html>",
        "text/html; charset=utf-8",
        "html",
        None,
        "the event names no platform address",
    )
    done = capture.build(flag, flag.post, raw, rendered, browser=browser, now=NOW)
    assert capture.store(bucket, CustodyLog(bucket), done, "capture agent (test)")
    return done


def captured_bucket() -> tuple[MemoryBucket, capture.Captured]:
    bucket = MemoryBucket()
    return bucket, store_capture(bucket, sample_flag(), RawEvent(RAW, NOW))


def test_a_fresh_capture_is_intact_and_holds_the_event_as_received() -> None:
    bucket, done = captured_bucket()
    result = verify(bucket, sample_flag().flag_id)
    assert result.problems == []
    assert result.intact and result.artefacts_checked == 3
    record = done.record
    raw_art = record.artefact(ArtefactKind.RAW_EVENT)
    assert raw_art is not None and bucket.objects[raw_art.key] == RAW
    assert record.received is not None and record.received.kept
    assert record.captured_at_wib == "2024-01-15T09:00:05+07:00"
    assert [m.reference for m in record.media] == ["https://example.org/foto.jpg"]
    assert result.entries[0].subject_sha256 == done.record_sha256


def test_an_edited_artefact_is_named_with_both_digests() -> None:
    bucket, done = captured_bucket()
    shot = done.record.artefact(ArtefactKind.SCREENSHOT)
    assert shot is not None
    bucket.objects[shot.key] = b"\x89PNG something else"
    [problem] = verify(bucket, sample_flag().flag_id).problems
    assert problem.startswith(f"artefact screenshot ({shot.key}) changed")
    assert shot.sha256 in problem


def test_an_edited_record_is_caught_by_the_capture_entry() -> None:
    bucket, _ = captured_bucket()
    key = record_key(sample_flag().flag_id)
    bucket.objects[key] = bucket.objects[key].replace(b"netra_rendering", b"platform")
    problems = verify(bucket, sample_flag().flag_id).problems
    assert any("the evidence record changed since capture" in p for p in problems)


@pytest.mark.parametrize("field", ["actor", "detail"])
def test_an_edited_custody_entry_and_a_removed_one_are_caught(field: str) -> None:
    bucket, _ = captured_bucket()
    fid = sample_flag().flag_id
    log = CustodyLog(bucket)
    log.append(fid, CustodyAction.VIEWED, actor="siti", detail="case file as md")
    log.append(fid, CustodyAction.EXPORTED, actor="siti", detail="bundle")
    key = custody_key(fid, 1)
    entry = CustodyEntry.model_validate_json(bucket.objects[key])
    bucket.objects[key] = entry.model_copy(update={field: "someone"}).model_dump_json().encode()
    [problem] = verify(bucket, fid).problems
    assert problem.startswith("custody entry 1 (viewed")
    assert "was changed after it was written" in problem

    del bucket.objects[key]
    problems = verify(bucket, fid).problems
    assert any("expected entry 1 there" in p for p in problems)
    assert any("links to" in p for p in problems)


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link() -> None:
    bucket, _ = captured_bucket()
    fid = sample_flag().flag_id
    log = CustodyLog(bucket)
    log.append(fid, CustodyAction.VIEWED, actor="siti")
    log.append(fid, CustodyAction.VIEWED, actor="budi")
    key = custody_key(fid, 1)
    entry = CustodyEntry.model_validate_json(bucket.objects[key]).model_copy(update={"actor": "x"})
    forged = entry.model_copy(update={"hash": entry.computed_hash()})
    bucket.objects[key] = forged.model_dump_json().encode()
    [problem] = verify(bucket, fid).problems
    assert problem.startswith("custody entry 2 (viewed by budi") and "links to" in problem


def test_a_flag_with_nothing_kept_is_not_intact() -> None:
    result = verify(MemoryBucket(), "x:none")
    assert not result.intact
    assert result.problems[0].startswith("no evidence record at")


def test_a_whole_chain_rewritten_by_a_key_holder_is_caught_by_the_kept_versions() -> None:
    """Record and entry 0 written anew with consistent hashes: every hash and link checks
    out, and only the bucket's lock, which kept the first versions, shows it."""
    bucket, _ = captured_bucket()
    fid = sample_flag().flag_id
    forged_record = bucket.objects[record_key(fid)].replace(b"netra_rendering", b"platform")
    first = CustodyEntry.model_validate_json(bucket.objects[custody_key(fid, 0)])
    redone = first.model_copy(
        update={"subject_sha256": hashlib.sha256(forged_record).hexdigest(), "actor": "x"}
    )
    bucket.overwrite(record_key(fid), forged_record)
    bucket.overwrite(
        custody_key(fid, 0),
        redone.model_copy(update={"hash": redone.computed_hash()}).model_dump_json().encode(),
    )
    problems = verify(bucket, fid).problems
    assert len(problems) == 2, problems
    for key in (record_key(fid), custody_key(fid, 0)):
        assert any(
            p.startswith(f"{key} was written over (2 versions)") and "first version is kept" in p
            for p in problems
        )


def test_a_deleted_entry_is_named_with_its_delete_marker() -> None:
    bucket, _ = captured_bucket()
    fid = sample_flag().flag_id
    CustodyLog(bucket).append(fid, CustodyAction.VIEWED, actor="siti")
    bucket.delete(custody_key(fid, 1))
    problems = verify(bucket, fid).problems
    assert any(
        p.startswith(f"{custody_key(fid, 1)} was deleted (1 delete marker") for p in problems
    )


def test_a_bucket_without_object_lock_is_noted_not_failed() -> None:
    bucket, _ = captured_bucket()
    bucket.locked = False
    result = verify(bucket, sample_flag().flag_id)
    assert result.intact
    assert result.notes and "has no object lock" in result.notes[0]
