"""Verification finds an edited artefact, record or custody entry, and says what changed."""

from __future__ import annotations

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
