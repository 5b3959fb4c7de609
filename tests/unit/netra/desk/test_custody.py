"""Opening a flag in the desk is a view in its evidence custody log: appended to the chain
(which still verifies), skipped for a flag without evidence, and a store that does not answer
stops the page."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from netra.desk.custody import CustodyNotWrittenError, log_view
from netra.identity import Role, Scope, User, UserStore
from schemas.custody import CustodyAction
from schemas.flag_document import FlagDocument
from streams.elastic import flag_document
from streams.evidence.custody import CustodyLog
from streams.evidence.outcome import ObjectStoreUnavailableError
from streams.evidence.verify import verify
from tests.unit.streams.evidence.flags import sample_flag
from tests.unit.streams.evidence.memory_bucket import MemoryBucket
from tests.unit.streams.evidence.test_verify import captured_bucket


def _doc() -> FlagDocument:
    flag = sample_flag()
    return flag_document(flag, indexed_at=flag.judged_at)


def _user(tmp_path: Path) -> User:
    return UserStore(tmp_path / "users.json").add("siti", Role.BAWASLU, "x" * 12, Scope())


def test_a_desk_view_is_appended_and_the_chain_still_verifies(tmp_path: Path) -> None:
    bucket, _ = captured_bucket()
    doc = _doc()
    asyncio.run(log_view(lambda: CustodyLog(bucket), _user(tmp_path), doc))
    result = verify(bucket, doc.flag_id)
    assert result.intact, result.problems
    assert [e.action for e in result.entries] == [CustodyAction.CAPTURED, CustodyAction.VIEWED]
    view = result.entries[-1]
    assert (view.actor, view.seq) == ("siti", 1)
    assert view.detail == "flag opened in the review desk (bawaslu)"
    assert view.prev_hash == result.entries[0].hash


def test_a_flag_without_evidence_gets_no_chain(tmp_path: Path) -> None:
    bucket = MemoryBucket()
    doc = _doc()
    asyncio.run(log_view(lambda: CustodyLog(bucket), _user(tmp_path), doc))
    assert CustodyLog(bucket).entries(doc.flag_id) == []


def test_a_store_that_does_not_answer_stops_the_view(tmp_path: Path) -> None:
    def unavailable() -> CustodyLog:
        raise ObjectStoreUnavailableError("connection refused")

    with pytest.raises(CustodyNotWrittenError, match="connection refused"):
        asyncio.run(
            log_view(
                unavailable,
                _user(tmp_path),
                _doc(),
            )
        )
