from __future__ import annotations

from datetime import UTC, datetime, timedelta

from netra.deadletters import REPLAYABLE, fold, replayed
from schemas import DeadLetter, DeadLetterReason
from schemas.deadletter import RAW_KEEP_BYTES

T0 = datetime(2024, 11, 20, 8, 0, tzinfo=UTC)


def letter(
    reason: DeadLetterReason = DeadLetterReason.OUTPUT_REFUSED,
    *,
    offset: int | None = 7,
    stage: str = "judge",
    raw: bytes = b'{"post_id": "p-1"}',
    minutes: int = 0,
) -> bytes:
    return (
        DeadLetter.of(
            raw,
            reason=reason,
            error="the broker refused the flag: record too large",
            stage=stage,
            topic="netra.posts",
            partition=None if offset is None else 3,
            offset=offset,
            key="ig:akun",
            failed_at=T0 + timedelta(minutes=minutes),
        )
        .model_dump_json()
        .encode()
    )


def test_a_message_dead_lettered_again_after_a_seek_back_is_one_failure() -> None:
    found = fold([(0, 0, letter()), (1, 4, letter(minutes=5)), (0, 1, letter(offset=8))])
    assert found.letters == 3
    assert [f.place for f in found.failures] == ["netra.posts[3]@7", "netra.posts[3]@8"]
    twice = found.failures[0]
    assert twice.letters == 2
    assert twice.last_failed_at == T0 + timedelta(minutes=5)


def test_a_letter_without_a_place_is_known_by_its_digest_and_stage() -> None:
    found = fold(
        [
            (0, 0, letter(offset=None)),
            (0, 1, letter(offset=None)),
            (0, 2, letter(offset=None, stage="indexer")),
            (0, 3, letter(offset=None, raw=b"other bytes")),
        ]
    )
    assert [f.letters for f in found.failures] == [2, 1, 1]
    assert found.failures[0].place.startswith("netra.posts sha256:")


def test_the_same_place_failing_in_two_stages_is_two_failures() -> None:
    found = fold([(0, 0, letter()), (0, 1, letter(stage="indexer"))])
    assert len(found.failures) == 2


def test_a_record_that_is_not_a_dead_letter_is_reported_not_counted() -> None:
    found = fold([(2, 9, b"not json"), (2, 10, None), (2, 11, letter())])
    assert [(u.partition, u.offset) for u in found.unreadable] == [(2, 9), (2, 10)]
    assert found.letters == 1 and len(found.failures) == 1


def test_only_netras_own_failures_with_their_whole_bytes_may_be_replayed() -> None:
    assert DeadLetterReason.SCHEMA not in REPLAYABLE
    assert DeadLetterReason.TOO_LARGE not in REPLAYABLE
    found = fold(
        [
            (0, 0, letter(DeadLetterReason.OUTPUT_REFUSED, offset=1)),
            (0, 1, letter(DeadLetterReason.SCHEMA, offset=2)),
            (0, 2, letter(DeadLetterReason.INTERNAL, offset=3, raw=b"x" * (RAW_KEEP_BYTES + 1))),
        ]
    )
    assert [f.replayable for f in found.failures] == [True, False, False]


def test_failures_are_counted_by_reason_most_first_and_in_the_order_they_failed() -> None:
    found = fold(
        [
            (0, 0, letter(DeadLetterReason.SCHEMA, offset=1, minutes=9)),
            (0, 1, letter(DeadLetterReason.OUTPUT_REFUSED, offset=2, minutes=1)),
            (0, 2, letter(DeadLetterReason.OUTPUT_REFUSED, offset=3, minutes=2)),
        ]
    )
    assert list(found.by_reason().items()) == [
        (DeadLetterReason.OUTPUT_REFUSED, 2),
        (DeadLetterReason.SCHEMA, 1),
    ]
    assert [f.letter.offset for f in found.failures] == [2, 3, 1]


def test_the_summary_an_operator_sees_holds_no_message_bytes() -> None:
    summary = fold([(0, 0, letter(raw=b'{"text": "kata-kata akun"}'))]).failures[0].summary()
    assert "kata-kata" not in str(summary)
    assert summary["place"] == "netra.posts[3]@7" and summary["dead_letters"] == 1
    assert summary["reason"] == "output_refused" and summary["replayable"] is True


def test_a_failure_is_described_without_its_message_bytes_and_knows_its_first_letter() -> None:
    """A topic of many failures is read for their descriptions: the bytes are dropped, what
    describes the message (size, digest) is not, and the first letter's place is kept."""
    found = fold([(1, 40, letter()), (2, 41, letter(DeadLetterReason.INTERNAL, offset=9)),
                  (0, 42, letter(minutes=5))])  # fmt: skip
    first, internal = found.failures
    assert first.letter.raw_base64 == "" and first.summary()["size"] == 18
    assert first.summary()["sha256"] == DeadLetter.model_validate_json(letter()).raw_sha256
    assert (first.at, first.letters, internal.at) == ((1, 40), 2, (2, 41))


def test_replay_reads_the_chosen_letters_bytes_again_one_by_one() -> None:
    records = [(1, 40, letter()), (2, 41, letter(DeadLetterReason.INTERNAL, offset=9,
               raw=b'{"post_id": "p-9"}')), (0, 42, b"not a letter")]  # fmt: skip
    sent = replayed(iter(records), {(2, 41)})
    assert list(sent) == [("netra.posts", b"ig:akun", b'{"post_id": "p-9"}')]
    assert list(replayed(iter(records), set())) == []
