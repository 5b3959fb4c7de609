"""Desk sessions: a signed, expiring cookie naming the user, and the CSRF token of the session.

The cookie holds no secret and no personal data: the user's name, a random CSRF token and when
it was issued, signed with the desk's key (itsdangerous, HMAC-SHA-256). A tampered cookie or
one older than the session lifetime is no session at all. The user's role and scope are read
from the users file on every request, so a disabled user or a narrowed scope takes effect at
once, not at the next sign-in.
"""

from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from pydantic import BaseModel, ConfigDict, Field, ValidationError

COOKIE = "netra_desk"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class Session(BaseModel):
    """A signed-in user's session, or an anonymous one (the sign-in form needs a token too)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str | None = Field(default=None, max_length=64)
    csrf: str = Field(min_length=32, max_length=64)

    @classmethod
    def new(cls, user: str | None = None) -> Session:
        return cls(user=user, csrf=secrets.token_urlsafe(32))

    def csrf_ok(self, token: str | None) -> bool:
        """Whether `token` is this session's CSRF token (compared in constant time)."""
        return bool(token) and hmac.compare_digest(self.csrf, str(token))


class SessionSigner:
    """Signs sessions into cookie values and reads them back, refusing expired ones."""

    def __init__(self, key: str, max_age_seconds: int) -> None:
        if len(key) < 32:
            raise ValueError("the desk's session key must have at least 32 characters")
        self._serializer = URLSafeTimedSerializer(key, salt="netra-desk-session")
        self.max_age_seconds = max_age_seconds

    def dumps(self, session: Session) -> str:
        value: str = self._serializer.dumps(session.model_dump())
        return value

    def loads(self, value: str | None) -> Session | None:
        """The session in the cookie; None when absent, tampered with, expired or malformed."""
        if not value or len(value) > 4096:
            return None
        try:
            data = self._serializer.loads(value, max_age=self.max_age_seconds)
        except (SignatureExpired, BadSignature):
            return None
        try:
            return Session.model_validate(data)
        except ValidationError:
            return None
