from __future__ import annotations

import json

import pytest

from schemas import DeadLetter, DeadLetterReason, Post, RegistryEntry
from schemas.codec import Rejection, decode
from schemas.deadletter import RAW_KEEP_BYTES

GOOD = {
    "platform": "instagram",
    "post_id": "ig-3312",
    "account_id": "ig:budi.s",
    "action": "like",
    "target": {"kind": "post", "account": "ig:prabowogibran.official", "post_id": "ig-9001"},
    "text": "",
    "event_time": "2024-01-20T09:00:00+07:00",
}


def raw(**changes: object) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


def test_valid_post_decodes_with_a_stable_key() -> None:
    post = decode(raw(), Post, max_bytes=10_000)
    assert isinstance(post, Post)
    assert post.key == "instagram:ig-3312"


@pytest.mark.parametrize(
    ("payload", "reason", "says"),
    [
        (b"{not json", DeadLetterReason.INVALID_JSON, "not valid JSON"),
        (b"\xff\xfe{}", DeadLetterReason.INVALID_UTF8, "not UTF-8 at byte 0"),
        (raw(action="dance"), DeadLetterReason.SCHEMA, "action"),
        (raw(post_id=42), DeadLetterReason.SCHEMA, "post_id"),
        (raw(event_time="2024-01-20T09:00:00"), DeadLetterReason.SCHEMA, "timezone"),
        (raw(event_time=1705716000), DeadLetterReason.SCHEMA, "event_time"),
        (raw(surprise=1), DeadLetterReason.SCHEMA, "surprise"),
        (b"[]", DeadLetterReason.SCHEMA, "object"),
        (None, DeadLetterReason.SCHEMA, "empty message"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(
    payload: bytes | None, reason: DeadLetterReason, says: str
) -> None:
    result = decode(payload, Post, max_bytes=10_000)
    assert isinstance(result, Rejection)
    assert result.reason is reason
    assert says in result.error


def test_oversized_message_is_rejected_before_parsing() -> None:
    result = decode(b"x" * 2000, Post, max_bytes=1000)
    assert isinstance(result, Rejection)
    assert result.reason is DeadLetterReason.TOO_LARGE
    assert "2000 bytes" in result.error and "NETRA_MAX_EVENT_BYTES" in result.error


def test_registry_entry_requires_an_18_digit_nip() -> None:
    entry = {
        "account_id": "ig:budi.s",
        "nip": "1985",
        "name": "Budi",
        "agency": "Pemkab Blora",
        "province": "Jawa Tengah",
        "employment_type": "PNS",
    }
    result = decode(json.dumps(entry).encode(), RegistryEntry, max_bytes=10_000)
    assert isinstance(result, Rejection) and "nip" in result.error


def test_dead_letter_keeps_small_payloads_whole_and_digests_huge_ones() -> None:
    from datetime import UTC, datetime

    small = DeadLetter.of(
        b"abc",
        reason=DeadLetterReason.INVALID_JSON,
        error="e",
        stage="judge",
        topic="t",
        failed_at=datetime.now(UTC),
    )
    assert small.raw() == b"abc" and not small.raw_truncated
    big_payload = b"y" * (RAW_KEEP_BYTES * 3)
    big = DeadLetter.of(
        big_payload,
        reason=DeadLetterReason.TOO_LARGE,
        error="e",
        stage="judge",
        topic="t",
        failed_at=datetime.now(UTC),
    )
    assert big.raw_truncated and big.raw_size == len(big_payload)
    assert len(big.raw()) == RAW_KEEP_BYTES
    assert len(big.model_dump_json()) < 2 * RAW_KEEP_BYTES
