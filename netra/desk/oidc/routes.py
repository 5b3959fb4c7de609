"""The OIDC sign-in routes: `/login/oidc` sends the browser to the provider, and
`/login/oidc/callback` takes it back, redeems the code, checks the ID token and maps the
signed-in person to a user of the users file (whose role and scope stay Netra's decision).

Every refusal is a page that says why: the provider's own error, a sign-in that is not this
browser's, an ID token that fails a check, or a person who is not (or no longer) a desk user.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from netra.desk.auth import desk_of, set_session
from netra.desk.oidc.idtoken import (
    Expected,
    IdTokenError,
    unknown_key,
    validate_id_token,
    with_userinfo,
)
from netra.desk.oidc.pkce import new_pending
from netra.desk.oidc.provider import CALLBACK_PATH, CodeRefusedError, Provider, ProviderError
from netra.desk.sessions import PENDING_COOKIE, PENDING_SECONDS, Session
from netra.desk.views import render
from netra.identity import UserStoreError

router = APIRouter()
Param = Annotated[str, Query(max_length=2048)]


def _provider(request: Request) -> Provider:
    provider = desk_of(request).oidc
    if provider is None:
        raise HTTPException(404, "this desk does not sign in through OIDC: use /login")
    return provider


@router.get("/login/oidc")
async def start(request: Request) -> Response:
    """To the provider, with a fresh state, nonce and PKCE verifier kept in a signed cookie."""
    provider = _provider(request)
    desk = desk_of(request)
    pending = new_pending()
    try:
        url = await provider.authorization_url(pending)
    except ProviderError as exc:
        raise HTTPException(502, f"the sign-in provider cannot be used: {exc}") from exc
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        PENDING_COOKIE,
        desk.signer.dumps_pending(pending),
        max_age=PENDING_SECONDS,
        httponly=True,
        samesite="lax",  # the callback is a navigation from the provider's site
        secure=desk.settings.desk_secure_cookies,
        path=CALLBACK_PATH,
    )
    return response


async def _completed(
    provider: Provider, claims: dict[str, Any], access_token: str
) -> dict[str, Any]:
    """The ID token's claims completed from the UserInfo endpoint, when there is one."""
    try:
        userinfo = await provider.userinfo(access_token)
    except ProviderError as exc:
        raise HTTPException(502, f"the sign-in provider cannot be used: {exc}") from exc
    if userinfo is None:
        return claims
    try:
        return with_userinfo(claims, userinfo)
    except IdTokenError as exc:
        raise HTTPException(401, f"the sign-in could not be verified: {exc}") from exc


@router.get(CALLBACK_PATH, response_class=HTMLResponse)
async def callback(
    request: Request,
    code: Param = "",
    state: Param = "",
    error: Param = "",
    error_description: Param = "",
) -> Response:
    provider = _provider(request)
    desk = desk_of(request)
    if error:
        detail = f": {error_description[:300]}" if error_description else ""
        raise HTTPException(403, f"the sign-in provider refused: {error[:100]}{detail}")
    pending = desk.signer.loads_pending(request.cookies.get(PENDING_COOKIE))
    if pending is None:
        raise HTTPException(
            400,
            "no sign-in is under way in this browser, or it took longer than "
            f"{PENDING_SECONDS // 60} minutes: start again from /login",
        )
    if not state or state != pending.state:
        raise HTTPException(400, "the sign-in's state does not match: start again from /login")
    if not code:
        raise HTTPException(400, "the provider sent no authorization code: start again")
    try:
        tokens = await provider.redeem(code, pending.verifier)
        id_token = tokens.id_token
        keys = await provider.keys()
        if unknown_key(id_token, keys.jwks):
            keys = await provider.keys(refresh=True)
    except CodeRefusedError as exc:
        raise HTTPException(400, f"{exc}: start again from /login") from exc
    except ProviderError as exc:
        raise HTTPException(502, f"the sign-in provider cannot be used: {exc}") from exc
    expected = Expected(provider.client.issuer, provider.client.client_id, pending.nonce)
    try:
        claims = validate_id_token(
            id_token,
            jwks=keys.jwks,
            algorithms=frozenset(keys.metadata.id_token_signing_alg_values_supported),
            expected=expected,
        )
    except IdTokenError as exc:
        raise HTTPException(401, f"the sign-in could not be verified: {exc}") from exc
    claim = desk.settings.desk_oidc_user_claim
    if claim not in claims and tokens.access_token is not None:
        # Conformant providers keep profile claims out of the ID token of a code flow.
        claims = await _completed(provider, claims, tokens.access_token)
    name = claims.get(claim)
    if not isinstance(name, str) or not name:
        raise HTTPException(403, f"the ID token carries no {claim!r}: the desk cannot tell who")
    try:
        user = desk.users.get(name)
    except UserStoreError as exc:
        raise HTTPException(503, f"the users file cannot be read: {exc}") from exc
    if user is None:
        raise HTTPException(
            403, f"{name[:64]} is not a user of this desk: an operator adds them (netra users add)"
        )
    if user.disabled:
        raise HTTPException(403, f"{user.name} is disabled on this desk")
    response = render(request, "signed_in.html", user=user)
    # A new session (and CSRF token) at sign-in, as with a password.
    set_session(response, request, Session.new(user.name))
    response.delete_cookie(PENDING_COOKIE, path=CALLBACK_PATH)
    return response
