"""Reading the dead letters back: each failed message once, and which of them may be replayed.

A message can be dead-lettered more than once: the judge judges events again after its consumer
seeks back in a recovery (streams.consumer), and a replayed message that fails again is a new
dead letter. An operator wants the failures, not the letters, so the letters are folded by the
message they stand for: the stage that gave up and the message's place (topic, partition,
offset), or its digest where a letter names no place.

Replay sends a message's original bytes back to the topic it came from. It is offered only for
reasons that are Netra's or its surroundings' fault (a bug since fixed, a mapping or topic
setting since corrected, a renderer that was down, a flag that had not arrived yet): the same
bytes may pass now. A producer's own error (bad JSON, wrong shape, invalid UTF-8, too large) and
a case step refused for its order fail the same way again; the producer or the person who
recorded the step must send a corrected message instead.

A failure is read for its description only (reason, place, size, digest); the message bytes of
those chosen for replay are read again from the dead-letter topic one at a time as they are sent
(`replayed`), so replaying a reason of a hundred thousand failures never holds their messages.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from schemas import DeadLetter, DeadLetterReason

#: Reasons where Netra or its surroundings were at fault, so the original bytes may pass now.
REPLAYABLE = frozenset(
    {
        DeadLetterReason.INTERNAL,
        DeadLetterReason.INDEX_REJECTED,
        DeadLetterReason.OUTPUT_REFUSED,
        DeadLetterReason.CAPTURE_FAILED,
        DeadLetterReason.UNKNOWN_FLAG,
    }
)


@dataclass
class Failure:
    """One message that failed, with every dead letter written for it."""

    letter: DeadLetter  # the first dead letter written for it, without the message bytes
    at: tuple[int, int]  # that letter's (partition, offset) on the dead-letter topic
    letters: int = 1
    last_failed_at: datetime | None = None

    @property
    def place(self) -> str:
        """Where the message sits, as the workers' logs name it."""
        letter = self.letter
        if letter.partition is None or letter.offset is None:
            return f"{letter.topic} sha256:{letter.raw_sha256[:12]}"
        return f"{letter.topic}[{letter.partition}]@{letter.offset}"

    @property
    def replayable(self) -> bool:
        return self.letter.reason in REPLAYABLE and not self.letter.raw_truncated

    def summary(self) -> dict[str, object]:
        """What an operator may see of the failure: where, why and when, never the message's
        bytes (they may hold an account's words and name; replay sends them, nothing shows them)."""
        letter = self.letter
        return {
            "reason": letter.reason.value,
            "stage": letter.stage,
            "place": self.place,
            "error": letter.error,
            "size": letter.raw_size,
            "sha256": letter.raw_sha256,
            "first_failed_at": letter.failed_at.isoformat(),
            "last_failed_at": (self.last_failed_at or letter.failed_at).isoformat(),
            "dead_letters": self.letters,
            "replayable": self.replayable,
        }


@dataclass
class Unreadable:
    """A record of the dead-letter topic that is not a dead letter (written by something else)."""

    partition: int
    offset: int
    error: str


@dataclass
class DeadLetters:
    """The failures read from the dead-letter topic, in the order they first failed."""

    failures: list[Failure] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    letters: int = 0

    def by_reason(self) -> dict[DeadLetterReason, int]:
        counts: dict[DeadLetterReason, int] = {}
        for failure in self.failures:
            counts[failure.letter.reason] = counts.get(failure.letter.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0].value)))


def _identity(letter: DeadLetter) -> tuple[object, ...]:
    if letter.partition is None or letter.offset is None:
        return (letter.stage, letter.topic, letter.raw_sha256)
    return (letter.stage, letter.topic, letter.partition, letter.offset)


def fold(records: Iterable[tuple[int, int, bytes | None]]) -> DeadLetters:
    """The failures behind dead-letter records given as (partition, offset, value).

    Each failure holds its first letter without the message bytes (up to 64 KiB a letter), so
    that reading a topic of many failures holds their descriptions, not their messages."""
    found = DeadLetters()
    seen: dict[tuple[object, ...], Failure] = {}
    for partition, offset, value in records:
        try:
            letter = DeadLetter.model_validate_json(value or b"")
        except ValidationError as exc:
            problem = exc.errors()[0]
            found.unreadable.append(Unreadable(partition, offset, str(problem["msg"])))
            continue
        found.letters += 1
        key = _identity(letter)
        failure = seen.get(key)
        if failure is None:
            letter = letter.model_copy(update={"raw_base64": ""})
            failure = seen[key] = Failure(letter, at=(partition, offset))
            found.failures.append(failure)
        else:
            failure.letters += 1
        if failure.last_failed_at is None or letter.failed_at > failure.last_failed_at:
            failure.last_failed_at = letter.failed_at
    found.failures.sort(key=lambda f: f.letter.failed_at)
    return found


def replayed(
    records: Iterable[tuple[int, int, bytes | None]], chosen: Collection[tuple[int, int]]
) -> Iterator[tuple[str, bytes | None, bytes]]:
    """(topic, key, original bytes) of each dead letter at a place in `chosen`, read again from
    the dead-letter topic's records given as (partition, offset, value), one at a time."""
    for partition, offset, value in records:
        if (partition, offset) not in chosen:
            continue
        letter = DeadLetter.model_validate_json(value or b"")
        yield letter.topic, letter.key.encode() if letter.key else None, letter.raw()
