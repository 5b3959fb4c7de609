"""The desk's web application: `create_app(desk)` wires the routers, the error pages, the
security headers and the request size limit.

Other parts of Netra add their own pages by passing routers (`extra_routers`): they are
included as they are, under the same app, headers and size limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from netra.desk import api, auth, pages
from netra.desk.auth import NotSignedInError
from netra.desk.oidc import routes as oidc_routes
from netra.desk.views import SECURITY_HEADERS, STATIC_DIR, render
from netra.desk.wiring import Desk

MAX_BODY_BYTES = 64 * 1024  # forms and JSON; uploads belong to routers that set their own


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get(
        "accept", ""
    )


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", status=status, status_code=status, message=message)


def create_app(
    desk: Desk,
    *,
    extra_routers: Sequence[APIRouter] = (),
    body_limits: Mapping[str, int] | None = None,
) -> FastAPI:
    """The desk; `extra_routers` are included as they are, and `body_limits` (path prefix ->
    bytes) lets such a router take larger requests (an upload) than the desk's forms."""
    limits = sorted((body_limits or {}).items(), key=lambda kv: -len(kv[0]))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await desk.store.es.close()
        if desk.oidc is not None:
            await desk.oidc.aclose()

    app = FastAPI(
        title="Netra review desk",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.desk = desk
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in (auth.router, oidc_routes.router, pages.router, api.router, *extra_routers):
        app.include_router(router)

    @app.exception_handler(NotSignedInError)
    async def not_signed_in(request: Request, exc: NotSignedInError) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "sign in first"}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}"
            for e in exc.errors()[:5]
        )
        return _error(request, 422, f"the request was not accepted: {problems}"[:1000])

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        path = request.url.path
        limit = next((n for prefix, n in limits if path.startswith(prefix)), MAX_BODY_BYTES)
        if length is not None and (not length.isdigit() or int(length) > limit):
            return _error(request, 413, f"the request is larger than {limit} bytes")
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            return _error(request, 411, "the request must say its length")
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
