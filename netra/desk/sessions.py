"""Desk sessions: a signed, expiring cookie naming the user, and the CSRF token of the session.

The cookie holds no secret and no personal data: the user's name, a random CSRF token and when
it was issued, signed with the desk's key (itsdangerous, HMAC-SHA-256). A tampered cookie or
one older than the session lifetime is no session at all. The user's role and scope are read
from the users file on every request, so a disabled user or a narrowed scope takes effect at
once, not at the next sign-in.

An OIDC sign-in under way keeps its `state`, `nonce` and PKCE verifier in a second signed
cookie (`PendingSignIn`), SameSite=Lax and scoped to the callback path: the provider's redirect
back is a cross-site navigation, on which a SameSite=Strict cookie would not be sent.
"""

from __future__ import annotations

import hmac
import secrets
from typing import TypeVar

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from pydantic import BaseModel, ConfigDict, Field, ValidationError

COOKIE = "netra_desk"
PENDING_COOKIE = "netra_desk_oidc"
PENDING_SECONDS = 600  # time to get through the provider's sign-in pages
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
M = TypeVar("M", bound=BaseModel)


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


class PendingSignIn(BaseModel):
    """An OIDC sign-in between the redirect to the provider and its callback: what the
    callback must see again (`state`, `nonce`) and the PKCE verifier for the token request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: str = Field(min_length=32, max_length=128)
    nonce: str = Field(min_length=32, max_length=128)
    verifier: str = Field(min_length=43, max_length=128)


class SessionSigner:
    """Signs sessions into cookie values and reads them back, refusing expired ones."""

    def __init__(self, key: str, max_age_seconds: int) -> None:
        if len(key) < 32:
            raise ValueError("the desk's session key must have at least 32 characters")
        self._serializer = URLSafeTimedSerializer(key, salt="netra-desk-session")
        # Another salt: a pending sign-in can never be read back as a session, nor the reverse.
        self._pending = URLSafeTimedSerializer(key, salt="netra-desk-oidc-pending")
        self.max_age_seconds = max_age_seconds

    def dumps(self, session: Session) -> str:
        value: str = self._serializer.dumps(session.model_dump())
        return value

    def loads(self, value: str | None) -> Session | None:
        """The session in the cookie; None when absent, tampered with, expired or malformed."""
        return _load(self._serializer, value, self.max_age_seconds, Session)

    def dumps_pending(self, pending: PendingSignIn) -> str:
        value: str = self._pending.dumps(pending.model_dump())
        return value

    def loads_pending(self, value: str | None) -> PendingSignIn | None:
        """The OIDC sign-in under way; None when absent, tampered with, older than
        PENDING_SECONDS or malformed."""
        return _load(self._pending, value, PENDING_SECONDS, PendingSignIn)


def _load(
    serializer: URLSafeTimedSerializer, value: str | None, max_age: int, model: type[M]
) -> M | None:
    if not value or len(value) > 4096:
        return None
    try:
        data = serializer.loads(value, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None
