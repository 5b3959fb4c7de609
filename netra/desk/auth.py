"""Signing in and out, who is asking, and the CSRF check every form and API write passes.

Every page but the sign-in form needs a signed-in user; the user is re-read from the users file
on each request (a disabled user is out at once). Every state-changing request carries the
session's CSRF token, as a form field or the X-CSRF-Token header; without it: 403, and nothing
is done. Cookies are HttpOnly and SameSite=Strict, Secure behind TLS (NETRA_DESK_SECURE_COOKIES).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from netra.desk.sessions import COOKIE, CSRF_FIELD, CSRF_HEADER, Session
from netra.desk.views import render
from netra.desk.wiring import Desk
from netra.identity import AuthenticationError, User, UserStoreError

router = APIRouter()


class NotSignedInError(Exception):
    """No valid session: pages redirect to the sign-in form, the API answers 401."""


def desk_of(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def session_of(request: Request) -> Session | None:
    return desk_of(request).signer.loads(request.cookies.get(COOKIE))


@dataclass(frozen=True)
class Caller:
    """The signed-in user of this request, with their session (for its CSRF token)."""

    user: User
    session: Session


def caller(request: Request) -> Caller:
    session = session_of(request)
    if session is None or session.user is None:
        raise NotSignedInError
    try:
        user = desk_of(request).users.get(session.user)
    except UserStoreError as exc:
        raise HTTPException(503, f"the users file cannot be read: {exc}") from exc
    if user is None or user.disabled:
        raise NotSignedInError
    return Caller(user=user, session=session)


async def checked(request: Request, who: Annotated[Caller, Depends(caller)]) -> Caller:
    """The caller of a state-changing request, once its CSRF token matched the session's."""
    token = request.headers.get(CSRF_HEADER)
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not who.session.csrf_ok(token):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return who


def set_session(response: Response, request: Request, session: Session) -> None:
    desk = desk_of(request)
    response.set_cookie(
        COOKIE,
        desk.signer.dumps(session),
        max_age=desk.signer.max_age_seconds,
        httponly=True,
        samesite="strict",
        secure=desk.settings.desk_secure_cookies,
        path="/",
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, error: str = "") -> Response:
    session = session_of(request) or Session.new()
    response = render(
        request,
        "login.html",
        session=session,
        error=error[:200],
        oidc=desk_of(request).oidc is not None,
        status=401 if error else 200,
    )
    set_session(response, request, session)
    return response


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=64)],
) -> Response:
    anonymous = session_of(request)
    if anonymous is None or not anonymous.csrf_ok(csrf_token):
        raise HTTPException(403, "missing or wrong CSRF token: reload the sign-in page")
    desk = desk_of(request)
    if desk.oidc is not None:
        raise HTTPException(403, "this desk signs in through OIDC: use the sign-in button")
    try:
        user = desk.users.authenticate(username, password)
    except (AuthenticationError, ValueError):
        return login_form(request, error="wrong user name or password")
    response = RedirectResponse("/", status_code=303)
    # A new session (and CSRF token) at sign-in: a token planted before it is worthless.
    set_session(response, request, Session.new(user.name))
    return response


@router.post("/logout")
def logout(request: Request, who: Annotated[Caller, Depends(checked)]) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
