"""Bytes to records: the one place that decides whether an incoming message is acceptable.

The judge, `netra scan` and the tests share it, so a message the worker dead-letters is
rejected offline with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from schemas.deadletter import DeadLetterReason

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Rejection:
    reason: DeadLetterReason
    error: str


#: Fields whose values are a person's identity or words. A dead letter's error is shown to
#: operators (`netra deadletters list`, which never shows the message itself), so an error
#: says how long such a value was, never what it was: a NIP one digit short, a name, a post's
#: text over its limit.
PERSONAL_FIELDS = frozenset({"nip", "name", "text", "transcript", "media_description", "contact"})
RECEIVED_SHOWN = 60  # characters of a received value an error quotes


def describe_received(loc: tuple[int | str, ...], value: object) -> str:
    """What an error says was received at `loc`: a short quote of a value, the length of a
    personal field's string, the field names of an object (its values may be personal: a
    missing field's error receives the whole object), the length of a list."""
    if isinstance(value, dict):
        return "an object with " + (", ".join(map(str, value)) or "no fields")[:RECEIVED_SHOWN]
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, str) and loc and loc[-1] in PERSONAL_FIELDS:
        return f"{len(value)} characters, not shown"
    received = repr(value)
    if len(received) > RECEIVED_SHOWN:
        received = received[: RECEIVED_SHOWN - 3] + "..."
    return received


def describe_validation_error(exc: ValidationError, limit: int = 5) -> str:
    """One line per problem, naming the field, what was wrong and what was received."""
    parts = []
    for err in exc.errors()[:limit]:
        where = ".".join(str(p) for p in err["loc"]) or "(message)"
        received = describe_received(err["loc"], err.get("input"))
        parts.append(f"{where}: {err['msg']} (got {received})")
    more = exc.error_count() - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


def decode(raw: bytes | None, model: type[Model], *, max_bytes: int) -> Model | Rejection:
    """Validate one message; never raises for bad input."""
    if raw is None:
        return Rejection(DeadLetterReason.SCHEMA, "empty message (no value): send a JSON object")
    if len(raw) > max_bytes:
        return Rejection(
            DeadLetterReason.TOO_LARGE,
            f"message is {len(raw)} bytes, the limit is {max_bytes} (NETRA_MAX_EVENT_BYTES): "
            "shorten the text or raise the limit",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(
            DeadLetterReason.INVALID_UTF8,
            f"not UTF-8 at byte {exc.start}: producers must send UTF-8 encoded JSON",
        )
    try:
        return model.model_validate_json(text, strict=True)
    except ValidationError as exc:
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            msg = exc.errors()[0]["msg"]
            return Rejection(DeadLetterReason.INVALID_JSON, f"not valid JSON: {msg}")
        return Rejection(
            DeadLetterReason.SCHEMA,
            f"does not match {model.__name__} v1: {describe_validation_error(exc)}",
        )
