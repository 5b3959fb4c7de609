"""A desk verdict is a status change in the flag's evidence custody log, written before the
verdict is sent; a log that cannot be written stops the verdict."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from netra.desk.queue import Version
from netra.desk.verdicts import VerdictNotSentError, log_status_change, send_verdict
from netra.identity import Role, User
from netra.kafka_errors import KafkaRefusedError
from schemas import ReviewVerdict, Verdict
from schemas.custody import CustodyAction
from streams.evidence.custody import CustodyLog
from streams.evidence.outcome import ObjectStoreUnavailableError
from streams.evidence.verify import verify
from streams.settings import Settings
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


class _RecordingStore:
    async def record_verdict(self, user: object, flag_id: str, seen: object) -> None:
        return None


def test_a_kafka_refusal_reaches_the_reviewer_as_what_to_grant() -> None:
    """The desk's publish raises kafka_errors' message for a person (the principal and the grant
    to make); the reviewer reads that message, so the operator knows what to fix."""
    refusal = (
        "Kafka refused principal 'netra-desk' writing netra.reviews: grant it "
        "'netra topics grant --role desk'"
    )

    def publish(topic: str, key: bytes, value: bytes) -> None:
        raise KafkaRefusedError(refusal)

    desk: Any = SimpleNamespace(
        settings=Settings(), store=_RecordingStore(), custody=None, publish=publish
    )
    user = User(name="siti", role=Role.BAWASLU, password_hash="x", created_at=datetime.now(UTC))
    seen = Version(seq_no=1, primary_term=1)
    with pytest.raises(VerdictNotSentError) as caught:
        asyncio.run(send_verdict(desk, user, "f1", seen, Verdict.CONFIRM, ""))
    message = str(caught.value)
    assert refusal in message and "send it again" in message
    assert "Traceback" not in message
