"""Reading a report out of an HTTP request, within limits, into a `Submission`.

The body is read only up to its limit (a request without Content-Length, or with more than
it announced, is refused before it is buffered), the multipart parser is held to one file and
a few small fields, and every field must be text of the expected kind. The client's file name
and content type are never read: only the bytes count.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import AsyncGenerator
from datetime import datetime, timedelta, timezone

from fastapi import Request
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from netra.intake.errors import RefusedError
from netra.intake.service import Submission
from schemas.codec import describe_validation_error

MAX_FIELDS = 12
MAX_FIELD_BYTES = 64 * 1024
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
FORM_FIELDS = (
    "platform",
    "account",
    "what_happened",
    "occurred_at",
    "zone",
    "url",
    "reporter_name",
    "reporter_contact",
    "pow_challenge",
    "pow_nonce",
)


class ReportRequest(BaseModel):
    """The JSON API's body (the image, if any, as base64)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    platform: str = Field(max_length=32)
    account: str = Field(max_length=4096)
    what_happened: str = Field(max_length=20_000)
    occurred_at: AwareDatetime
    url: str = Field(default="", max_length=4096)
    image_base64: str = Field(default="", max_length=16 * 1024 * 1024)
    reporter_name: str = Field(default="", max_length=1024)
    reporter_contact: str = Field(default="", max_length=1024)
    pow_challenge: str = Field(max_length=256)
    pow_nonce: str = Field(max_length=64)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or RefusedError (411 without a length, 413 over the limit)."""
    declared = request.headers.get("content-length")
    if declared is None:
        raise RefusedError(411, "send the request with a Content-Length")
    if not declared.isdigit():
        raise RefusedError(400, "Content-Length is not a number")
    if int(declared) > limit:
        raise RefusedError(413, f"the request is {declared} bytes, the limit is {limit}")
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise RefusedError(413, f"the request is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def json_submission(request: Request, body: bytes) -> Submission:
    if _media_type(request) != "application/json":
        raise RefusedError(415, "send the report as application/json")
    try:
        data = ReportRequest.model_validate_json(body)
    except ValidationError as exc:
        raise RefusedError(422, describe_validation_error(exc)) from None
    image: bytes | None = None
    if data.image_base64:
        try:
            image = base64.b64decode(data.image_base64, validate=True)
        except (binascii.Error, ValueError):
            raise RefusedError(422, "image_base64 is not base64", field="image") from None
    return Submission(
        platform=data.platform,
        account=data.account,
        what_happened=data.what_happened,
        occurred_at=data.occurred_at,
        url=data.url,
        reporter_name=data.reporter_name,
        reporter_contact=data.reporter_contact,
        image=image,
        pow_challenge=data.pow_challenge,
        pow_nonce=data.pow_nonce,
    )


async def _once(body: bytes) -> AsyncGenerator[bytes, None]:
    yield body


async def parse_form(request: Request, body: bytes) -> FormData:
    if _media_type(request) != "multipart/form-data":
        raise RefusedError(415, "send the form as multipart/form-data")
    parser = MultiPartParser(
        request.headers,
        _once(body),
        max_files=1,
        max_fields=MAX_FIELDS,
        max_part_size=MAX_FIELD_BYTES,
    )
    try:
        return await parser.parse()
    except MultiPartException as exc:
        raise RefusedError(413 if "size" in str(exc).lower() else 422, str(exc)) from None


def form_text(form: FormData) -> dict[str, str]:
    """The form's text fields (each at most once); unknown fields are refused."""
    values: dict[str, str] = {}
    for name in {*form.keys()}:
        if name not in (*FORM_FIELDS, "image"):
            raise RefusedError(422, f"unexpected field {name[:40]!r}", field=name[:40])
    for name in FORM_FIELDS:
        found = form.getlist(name)
        if len(found) > 1:
            raise RefusedError(422, f"{name} was sent more than once", field=name)
        value = found[0] if found else ""
        if not isinstance(value, str):
            raise RefusedError(422, f"{name} must be text, not a file", field=name)
        values[name] = value
    return values


async def form_image(form: FormData, limit: int) -> bytes | None:
    """The uploaded image's bytes (None when no file was chosen); its name is never read."""
    found = form.getlist("image")
    if len(found) > 1:
        raise RefusedError(422, "send one image", field="image")
    if not found or (isinstance(found[0], str) and not found[0]):
        return None
    upload = found[0]
    if not isinstance(upload, UploadFile):
        raise RefusedError(422, "image must be a file", field="image")
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise RefusedError(413, f"the image is over the limit of {limit} bytes", field="image")
    return data or None


def local_time(value: str, zone: str) -> datetime:
    """A datetime-local value (2024-01-10T08:00) in WIB, WITA or WIT."""
    hours = ZONES.get(zone.strip().upper() or "WIB")
    if hours is None:
        raise RefusedError(422, "zone: WIB, WITA or WIT", field="zone")
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise RefusedError(422, "occurred_at: give a date and time", field="occurred_at") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone(timedelta(hours=hours), zone.upper() or "WIB"))
    return when


async def form_submission(form: FormData, image_limit: int) -> Submission:
    text = form_text(form)
    return Submission(
        platform=text["platform"],
        account=text["account"],
        what_happened=text["what_happened"],
        occurred_at=local_time(text["occurred_at"], text["zone"]),
        url=text["url"],
        reporter_name=text["reporter_name"],
        reporter_contact=text["reporter_contact"],
        image=await form_image(form, image_limit),
        pow_challenge=text["pow_challenge"],
        pow_nonce=text["pow_nonce"],
    )
