"""What a report must say, checked field by field before anything is kept.

Both the form and the JSON API end here, so they refuse the same things with the same words.
Text is kept as the reporter wrote it (it is evidence, and every page escapes it) but control
characters, which no one types and which only serve to confuse a reader or a log, are refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from netra.intake.errors import RefusedError
from schemas.post import ACCOUNT_PREFIX, MAX_URL_CHARS, Platform
from schemas.report import ReporterContact

MAX_ACCOUNT_CHARS = 100
MAX_NAME_CHARS = 200
MAX_CONTACT_CHARS = 320
CLOCK_SKEW = timedelta(minutes=10)
_HANDLE = re.compile(r"^[A-Za-z0-9._+-]{1,100}$")


@dataclass(frozen=True)
class TextLimits:
    max_text_chars: int
    max_age_days: int


class ReportFields(BaseModel):
    """A report's content, checked: what becomes the event on the posts topic."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: Platform
    handle: str
    what_happened: str
    occurred_at: AwareDatetime
    url: str | None
    reporter: ReporterContact = Field(default_factory=ReporterContact)

    @property
    def account_id(self) -> str:
        return f"{ACCOUNT_PREFIX[self.platform]}:{self.handle}"


def clean_text(value: str, field: str, max_chars: int, *, multiline: bool) -> str:
    """The text, stripped; RefusedError if too long or holding control characters."""
    text = value.strip()
    if len(text) > max_chars:
        raise RefusedError(
            422, f"{field} is {len(text)} characters, at most {max_chars}", field=field
        )
    allowed = "\n\r\t" if multiline else ""
    for char in text:
        if char not in allowed and unicodedata.category(char) in ("Cc", "Cs"):
            raise RefusedError(
                422, f"{field} holds a control character (U+{ord(char):04X})", field=field
            )
    return text


def account_handle(raw: str) -> str:
    """The account's handle from what a reporter typed: @name, name, or the profile's URL."""
    text = clean_text(raw, "account", 2 * MAX_URL_CHARS, multiline=False)
    if text.lower().startswith(("http://", "https://")):
        path = [p for p in urlsplit(text).path.split("/") if p]
        text = path[0] if path else ""
    handle = text.removeprefix("@")
    if not _HANDLE.match(handle):
        raise RefusedError(
            422,
            "account: give the account's name as shown on the platform (letters, digits, "
            f". _ + -, at most {MAX_ACCOUNT_CHARS}) or its profile link",
            field="account",
        )
    return handle


def check_url(raw: str) -> str | None:
    """An http(s) link without credentials in it, or None when none was given."""
    text = clean_text(raw, "url", MAX_URL_CHARS, multiline=False)
    if not text:
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        raise RefusedError(422, "url: give an http:// or https:// link to the post", field="url")
    if parts.username is not None or parts.password is not None:
        raise RefusedError(422, "url: a link with a user name or password is refused", field="url")
    if any(c.isspace() for c in text):
        raise RefusedError(422, "url: a link has no spaces", field="url")
    return text


def check_fields(
    *,
    platform: str,
    account: str,
    what_happened: str,
    occurred_at: datetime,
    url: str,
    reporter_name: str,
    reporter_contact: str,
    has_image: bool,
    limits: TextLimits,
    now: datetime,
) -> ReportFields:
    try:
        chosen = Platform(platform.strip().lower())
    except ValueError:
        raise RefusedError(
            422, "platform: one of " + ", ".join(p.value for p in Platform), field="platform"
        ) from None
    text = clean_text(what_happened, "what_happened", limits.max_text_chars, multiline=True)
    if not text:
        raise RefusedError(422, "what_happened: say what the account did", field="what_happened")
    if occurred_at.tzinfo is None:
        raise RefusedError(422, "occurred_at: give the time with its zone", field="occurred_at")
    if occurred_at > now + CLOCK_SKEW:
        raise RefusedError(422, "occurred_at is in the future", field="occurred_at")
    if occurred_at < now - timedelta(days=limits.max_age_days):
        raise RefusedError(
            422,
            f"occurred_at is more than {limits.max_age_days} days ago",
            field="occurred_at",
        )
    link = check_url(url)
    if link is None and not has_image:
        raise RefusedError(
            422, "give a link to the post or a screenshot of it (or both)", field="url"
        )
    return ReportFields(
        platform=chosen,
        handle=account_handle(account),
        what_happened=text,
        occurred_at=occurred_at,
        url=link,
        reporter=ReporterContact(
            name=clean_text(reporter_name, "reporter_name", MAX_NAME_CHARS, multiline=False),
            contact=clean_text(
                reporter_contact, "reporter_contact", MAX_CONTACT_CHARS, multiline=False
            ),
        ),
    )
