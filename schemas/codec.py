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


def describe_validation_error(exc: ValidationError, limit: int = 5) -> str:
    """One line per problem, naming the field, what was wrong and what was received."""
    parts = []
    for err in exc.errors()[:limit]:
        where = ".".join(str(p) for p in err["loc"]) or "(message)"
        received = repr(err.get("input"))
        if len(received) > 60:
            received = received[:57] + "..."
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
