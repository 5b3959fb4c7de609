"""Verification finds an edited artefact, record or custody entry, and says what changed."""

from __future__ import annotations

import base64
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


def build_capture(
    flag: Flag, raw: RawEvent | None, page: bytes = b"<html>page</html>"
) -> capture.Captured:
    """The evidence of `flag` as the capture agent builds it (fixed bytes, no browser run)."""
    browser = Browser(Path("/usr/bin/chromium"))
    browser.version = "156.0.8078.114"
    rendered = capture.Rendered(
        CaptureSource.NETRA_RENDERING,
        b"\x89PNG fake screenshot",
        page,
        "text/html; charset=utf-8",
        "html",
        None,
        "the event names no platform address",
    )
    return capture.build(flag, flag.post, raw, rendered, browser=browser, now=NOW)


def store_capture(bucket: Bucket, flag: Flag, raw: RawEvent | None) -> capture.Captured:
    """A capture of `flag` as the capture agent stores it."""
    done = build_capture(flag, raw)
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
    assert raw_art is not None and raw_art.inline_bytes() == RAW
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


def test_small_artefacts_are_kept_in_the_record_and_the_screenshot_as_an_object() -> None:
    bucket, done = captured_bucket()
    fid = sample_flag().flag_id
    raw_art = done.record.artefact(ArtefactKind.RAW_EVENT)
    page = done.record.artefact(ArtefactKind.PAGE)
    shot = done.record.artefact(ArtefactKind.SCREENSHOT)
    assert raw_art is not None and page is not None and shot is not None
    assert page.inline_bytes() == b"<html>page</html>"
    assert shot.inline is None and bucket.objects[shot.key] == b"\x89PNG fake screenshot"
    assert sorted(bucket.objects) == sorted([shot.key, record_key(fid), custody_key(fid, 0)])


def test_an_artefact_over_the_inline_limit_is_an_object_of_its_own() -> None:
    flag = sample_flag()
    large = b"<html>" + b"x" * capture.INLINE_MAX_BYTES + b"</html>"
    bucket = MemoryBucket()
    done = build_capture(flag, RawEvent(RAW, NOW), page=large)
    assert capture.store(bucket, CustodyLog(bucket), done, "capture agent (test)")
    page = done.record.artefact(ArtefactKind.PAGE)
    assert page is not None and page.inline is None and bucket.objects[page.key] == large
    assert verify(bucket, flag.flag_id).intact


def test_an_artefact_edited_inside_the_record_is_named_and_the_record_caught() -> None:
    bucket, done = captured_bucket()
    page = done.record.artefact(ArtefactKind.PAGE)
    assert page is not None and page.inline is not None
    key = record_key(sample_flag().flag_id)
    other = base64.b64encode(b"<html>other</html>")
    bucket.objects[key] = bucket.objects[key].replace(page.inline.encode(), other)
    problems = verify(bucket, sample_flag().flag_id).problems
    assert any(p.startswith(f"artefact page ({page.key}) changed") for p in problems), problems
    assert any(page.sha256 in p for p in problems)
    assert any("the evidence record changed since capture" in p for p in problems)


def test_an_artefact_in_the_record_that_is_no_longer_base64_is_named() -> None:
    bucket, done = captured_bucket()
    raw_art = done.record.artefact(ArtefactKind.RAW_EVENT)
    assert raw_art is not None and raw_art.inline is not None
    key = record_key(sample_flag().flag_id)
    bucket.objects[key] = bucket.objects[key].replace(raw_art.inline.encode(), b"not*base64")
    problems = verify(bucket, sample_flag().flag_id).problems
    assert any(p.startswith("artefact raw_event kept in the record is damaged") for p in problems)


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
