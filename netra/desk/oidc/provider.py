"""The OpenID provider as the desk sees it: its discovery document and signing keys (cached
for a bounded time), the authorization URL, and the token request.

Everything the provider says is checked for shape before use; anything it cannot answer is a
`ProviderError` with the reason, which the desk shows as a 502 page (the provider, not the
user, is at fault).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from netra.desk.oidc.pkce import s256_challenge
from netra.desk.sessions import PendingSignIn

TIMEOUT_SECONDS = 10.0
MIN_REFRESH_SECONDS = 30.0  # an unknown key id refetches the keys at most this often
MAX_BODY_BYTES = 1 << 20
CALLBACK_PATH = "/login/oidc/callback"  # register DESK_URL + this at the provider


class ProviderError(RuntimeError):
    """The provider could not be asked or answered something unusable; the message says what."""


class CodeRefusedError(ProviderError):
    """The token endpoint refused the authorization code (used already, expired, or not this
    client's): the person should sign in again."""


class Metadata(BaseModel):
    """The parts of the discovery document the desk uses (OpenID Connect Discovery 3)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    id_token_signing_alg_values_supported: list[str] = Field(min_length=1)
    code_challenge_methods_supported: list[str] = []
    userinfo_endpoint: str | None = None


class TokenResponse(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id_token: str = Field(min_length=1, max_length=16_384)
    access_token: str | None = Field(default=None, min_length=1, max_length=16_384)


@dataclass(frozen=True)
class Client:
    """The desk as a client of the provider."""

    issuer: str
    client_id: str
    client_secret: str | None
    redirect_uri: str
    scopes: str


@dataclass(frozen=True)
class Keys:
    metadata: Metadata
    jwks: dict[str, Any]
    fetched_at: float


def basic_auth(client_id: str, secret: str) -> str:
    """client_secret_basic (RFC 6749 2.3.1): both parts form-encoded before Base64, which
    plain HTTP Basic does not do; a secret with ':' or '%' would otherwise be misread."""
    pair = f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


def _json(response: httpx.Response, what: str) -> Any:
    if len(response.content) > MAX_BODY_BYTES:
        raise ProviderError(f"the provider's {what} is larger than {MAX_BODY_BYTES} bytes")
    try:
        return response.json()
    except ValueError as exc:
        raise ProviderError(f"the provider's {what} is not JSON") from exc


class Provider:
    """One issuer: discovery and keys cached for `max_age_seconds`, requests over `http`."""

    def __init__(
        self,
        client: Client,
        http: httpx.AsyncClient,
        max_age_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self._http = http
        self._max_age = max_age_seconds
        self._clock = clock
        self._cached: Keys | None = None

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _get(self, url: str, what: str) -> Any:
        try:
            response = await self._http.get(url, timeout=TIMEOUT_SECONDS)
        except httpx.HTTPError as exc:
            raise ProviderError(f"the provider's {what} cannot be fetched: {exc}") from exc
        if response.status_code != 200:
            raise ProviderError(f"the provider's {what} answered HTTP {response.status_code}")
        return _json(response, what)

    async def _fetch(self) -> Keys:
        url = self.client.issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            metadata = Metadata.model_validate(await self._get(url, "discovery document"))
        except ValidationError as exc:
            raise ProviderError(f"the provider's discovery document is unusable: {exc}") from exc
        if metadata.issuer != self.client.issuer:
            raise ProviderError(
                f"the discovery document names issuer {metadata.issuer!r}, "
                f"not the configured {self.client.issuer!r}"
            )
        if "S256" not in metadata.code_challenge_methods_supported:
            raise ProviderError("the provider does not announce PKCE with S256")
        jwks = await self._get(metadata.jwks_uri, "JWKS")
        if not isinstance(jwks, dict) or not isinstance(jwks.get("keys"), list):
            raise ProviderError("the provider's JWKS has no list of keys")
        return Keys(metadata, jwks, self._clock())

    async def keys(self, *, refresh: bool = False) -> Keys:
        """The discovery document and JWKS, fetched again when older than the cache lifetime,
        or on `refresh` (an unknown key id) when older than MIN_REFRESH_SECONDS."""
        cached = self._cached
        age = None if cached is None else self._clock() - cached.fetched_at
        if (
            cached is None
            or age is None
            or age > self._max_age
            or (refresh and age > MIN_REFRESH_SECONDS)
        ):
            cached = self._cached = await self._fetch()
        return cached

    async def authorization_url(self, pending: PendingSignIn) -> str:
        """Where the browser goes to sign in: the code flow with PKCE, state and nonce."""
        metadata = (await self.keys()).metadata
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self.client.client_id,
                "redirect_uri": self.client.redirect_uri,
                "scope": self.client.scopes,
                "state": pending.state,
                "nonce": pending.nonce,
                "code_challenge": s256_challenge(pending.verifier),
                "code_challenge_method": "S256",
            }
        )
        separator = "&" if "?" in metadata.authorization_endpoint else "?"
        return f"{metadata.authorization_endpoint}{separator}{query}"

    async def redeem(self, code: str, verifier: str) -> TokenResponse:
        """The tokens for the authorization code (client_secret_basic for a confidential
        client; the client id alone for a public one)."""
        metadata = (await self.keys()).metadata
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.client.redirect_uri,
            "code_verifier": verifier,
        }
        headers: dict[str, str] = {}
        if self.client.client_secret is None:
            form["client_id"] = self.client.client_id
        else:
            headers["Authorization"] = basic_auth(self.client.client_id, self.client.client_secret)
        try:
            response = await self._http.post(
                metadata.token_endpoint, data=form, headers=headers, timeout=TIMEOUT_SECONDS
            )
        except httpx.HTTPError as exc:
            raise ProviderError(f"the token endpoint cannot be reached: {exc}") from exc
        body = _json(response, "token response")
        if response.status_code != 200:
            error = body.get("error", "") if isinstance(body, dict) else ""
            raise CodeRefusedError(
                f"the token endpoint refused the code (HTTP {response.status_code} "
                f"{str(error)[:100]})"
            )
        try:
            return TokenResponse.model_validate(body)
        except ValidationError as exc:
            raise ProviderError("the token response has no ID token") from exc

    async def userinfo(self, access_token: str) -> dict[str, Any] | None:
        """The claims the UserInfo endpoint returns for `access_token` (OpenID Connect Core
        5.3), or None when the provider announces no such endpoint."""
        endpoint = (await self.keys()).metadata.userinfo_endpoint
        if endpoint is None:
            return None
        try:
            response = await self._http.get(
                endpoint,
                headers={"Authorization": f"Bearer {access_token}"},
                timeout=TIMEOUT_SECONDS,
            )
        except httpx.HTTPError as exc:
            raise ProviderError(f"the UserInfo endpoint cannot be reached: {exc}") from exc
        if response.status_code != 200:
            raise ProviderError(f"the UserInfo endpoint answered HTTP {response.status_code}")
        claims = _json(response, "UserInfo response")
        if not isinstance(claims, dict):
            raise ProviderError("the UserInfo response is not a JSON object")
        return claims
