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


NIP = "19850115201001100"  # one digit short


def test_an_error_never_quotes_a_personal_value_only_its_length() -> None:
    """Dead letters' errors are shown to operators: a NIP, a name or a post's words are
    described by their length; other values are quoted, as a producer needs them."""
    entry = {
        "account_id": "ig:budi.s",
        "nip": NIP,
        "name": "Budi Santoso",
        "agency": "Pemkab Blora",
        "province": "Jawa Tengah",
        "employment_type": "PNS",
    }
    result = decode(json.dumps(entry).encode(), RegistryEntry, max_bytes=10_000)
    assert isinstance(result, Rejection)
    assert "nip:" in result.error and "(got 17 characters, not shown)" in result.error
    assert NIP not in result.error
    words = "Saya dukung paslon nomor dua sepenuh hati " * 500  # over MAX_TEXT_CHARS
    long_text = decode(raw(text=words), Post, max_bytes=100_000)
    assert isinstance(long_text, Rejection) and "text:" in long_text.error
    assert "dukung" not in long_text.error
    dance = decode(raw(action="dance"), Post, max_bytes=10_000)
    assert isinstance(dance, Rejection) and "(got 'dance')" in dance.error


def test_a_missing_field_names_the_objects_fields_not_their_values() -> None:
    """The error of a missing field receives the whole object: its values stay out."""
    entry = {"account_id": "ig:budi.s", "nip": NIP + "1", "name": "Budi Santoso"}
    result = decode(json.dumps(entry).encode(), RegistryEntry, max_bytes=10_000)
    assert isinstance(result, Rejection) and "agency: Field required" in result.error
    assert "(got an object with account_id, nip, name)" in result.error
    assert "Budi" not in result.error and NIP not in result.error


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
