"""A desk verdict is a status change in the flag's evidence custody log, written before the
verdict is sent; a log that cannot be written stops the verdict."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from netra.desk.verdicts import VerdictNotSentError, log_status_change
from schemas import ReviewVerdict, Verdict
from schemas.custody import CustodyAction
from streams.evidence.custody import CustodyLog
from streams.evidence.outcome import ObjectStoreUnavailableError
from streams.evidence.verify import verify
from tests.unit.streams.evidence.flags import sample_flag
from tests.unit.streams.evidence.test_verify import captured_bucket


def _review() -> ReviewVerdict:
    return ReviewVerdict(
        flag_id=sample_flag().flag_id,
        reviewer="siti",
        verdict=Verdict.CONFIRM,
        note="akun resmi ASN",
        reviewed_at=datetime(2024, 2, 1, tzinfo=UTC),
    )


def test_a_verdict_is_appended_to_the_chain() -> None:
    bucket, _ = captured_bucket()
    asyncio.run(log_status_change(lambda: CustodyLog(bucket), _review()))
    result = verify(bucket, sample_flag().flag_id)
    assert result.intact, result.problems
    last = result.entries[-1]
    assert (last.action, last.actor) == (CustodyAction.STATUS_CHANGED, "siti")
    assert last.detail == "verdict confirm: akun resmi ASN"


def test_a_store_that_does_not_answer_stops_the_verdict() -> None:
    def unavailable() -> CustodyLog:
        raise ObjectStoreUnavailableError("connection refused")

    with pytest.raises(VerdictNotSentError, match="custody log could not be written"):
        asyncio.run(log_status_change(unavailable, _review()))
