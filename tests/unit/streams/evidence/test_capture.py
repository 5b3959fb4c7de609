"""Storing a flag's capture is idempotent, and says whether the record kept is this capture's:
a flag delivered again finds its first capture kept; a retry of the same capture whose record
was written before the store went away finds its own record."""

from __future__ import annotations

import pytest

from streams.evidence import capture
from streams.evidence.custody import CustodyLog
from streams.evidence.keys import custody_key, record_key
from streams.evidence.outcome import ObjectStoreUnavailableError, PutOutcome
from streams.evidence.source import RawEvent
from streams.evidence.verify import verify
from tests.unit.streams.evidence.flags import RAW, sample_flag
from tests.unit.streams.evidence.memory_bucket import MemoryBucket
from tests.unit.streams.evidence.test_verify import NOW, build_capture

ACTOR = "capture agent (test)"


class CustodyOutage(MemoryBucket):
    """A bucket that goes away after the record is written, before custody entry 0."""

    def __init__(self) -> None:
        super().__init__()
        self.down = True

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome:
        if self.down and "/custody/" in key:
            raise ObjectStoreUnavailableError("the object store is unavailable (test)")
        return super().put_once(key, data, content_type)


def test_a_flag_captured_again_keeps_its_first_record_and_one_custody_entry() -> None:
    bucket, flag = MemoryBucket(), sample_flag()
    first = build_capture(flag, RawEvent(RAW, NOW))
    again = build_capture(flag, RawEvent(RAW, NOW), page=b"<html>rendered again</html>")
    assert capture.store(bucket, CustodyLog(bucket), first, ACTOR)
    assert not capture.store(bucket, CustodyLog(bucket), again, ACTOR)
    assert bucket.objects[record_key(flag.flag_id)] == first.record_bytes
    result = verify(bucket, flag.flag_id)
    assert result.intact, result.problems
    assert [e.subject_sha256 for e in result.entries] == [first.record_sha256]


def test_a_retry_after_the_record_was_written_finds_its_own_record() -> None:
    bucket, flag = CustodyOutage(), sample_flag()
    done = build_capture(flag, RawEvent(RAW, NOW))
    with pytest.raises(ObjectStoreUnavailableError):
        capture.store(bucket, CustodyLog(bucket), done, ACTOR)
    assert record_key(flag.flag_id) in bucket.objects
    assert custody_key(flag.flag_id, 0) not in bucket.objects
    bucket.down = False
    assert capture.store(bucket, CustodyLog(bucket), done, ACTOR)
    result = verify(bucket, flag.flag_id)
    assert result.intact, result.problems
