"""The public face of report intake: an HTML form and a JSON API on one FastAPI router.

    app.include_router(create_intake_router(settings))   # the desk mounts it like this

Paths (relative to where it is mounted): GET/POST /report (the form), GET /report/status
(a ticket's status page), GET /report/assets/{pow.js,report.css}; GET /api/reports/challenge,
POST /api/reports, GET /api/reports/{ticket}. Every response of the router carries a strict
Content-Security-Policy (no inline script; the form's script is served from here) and no
referrer, so a reporter's visit leaks nowhere.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, AsyncElasticsearch
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from netra.intake.errors import RefusedError, UnavailableError
from netra.intake.evidence import evidence_store
from netra.intake.images import ImageLimits
from netra.intake.keys import reporter_seal, signing_key
from netra.intake.proof import ProofOfWork
from netra.intake.publish import KafkaReportPublisher
from netra.intake.ratelimit import RateLimiter, client_key
from netra.intake.requests import (
    FORM_FIELDS,
    ZONES,
    form_submission,
    json_submission,
    parse_form,
    read_body,
)
from netra.intake.service import IntakeService, Submission
from netra.intake.submission import TextLimits
from netra.intake.tickets import Tickets, TicketStatus, lookup_status
from schemas.post import Platform
from streams.esclient import elasticsearch_client
from streams.settings import Settings

HERE = Path(__file__).resolve().parent
ASSETS = {
    "pow.js": ("application/javascript", HERE / "assets" / "pow.js"),
    "report.css": ("text/css", HERE / "assets" / "report.css"),
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
STATUS_TEXT = {
    TicketStatus.RECEIVED: "Diterima: laporan tersimpan dan menunggu dinilai.",
    TicketStatus.JUDGED: "Dinilai: laporan sudah dinilai dan menunggu pengawas.",
    TicketStatus.UNDER_REVIEW: "Ditangani: pengawas sedang menangani laporan ini.",
    TicketStatus.CLOSED: "Selesai: penanganan laporan ini sudah selesai.",
}


def build_intake_service(settings: Settings) -> tuple[IntakeService, Callable[[], Awaitable[None]]]:
    """The service with Kafka, Elasticsearch and the file evidence store of `settings`, and
    what closes their connections."""
    es: AsyncElasticsearch = elasticsearch_client(settings, max_retries=0)
    publisher = KafkaReportPublisher(settings)
    key = signing_key(settings)

    async def status(ticket: str) -> TicketStatus:
        try:
            return await lookup_status(es, settings.flags_alias, ticket)
        except (ApiError, TransportError) as exc:
            raise UnavailableError(
                "statuses cannot be looked up just now: try again later"
            ) from exc

    async def close() -> None:
        await publisher.stop()
        await es.close()

    service = IntakeService(
        proof=ProofOfWork(
            key, bits=settings.intake_pow_bits, ttl_seconds=settings.intake_pow_ttl_seconds
        ),
        tickets=Tickets(key),
        seal=reporter_seal(settings),
        evidence=evidence_store(settings),
        publisher=publisher,
        status_source=status,
        image_limits=ImageLimits(
            max_bytes=settings.intake_max_image_bytes,
            max_side=settings.intake_max_image_side,
            max_pixels=settings.intake_max_image_pixels,
        ),
        text_limits=TextLimits(
            max_text_chars=settings.intake_max_text_chars,
            max_age_days=settings.intake_max_report_age_days,
        ),
    )
    return service, close


def create_intake_router(
    settings: Settings,
    *,
    service: IntakeService | None = None,
    close: Callable[[], Awaitable[None]] | None = None,
) -> APIRouter:
    """The intake's routes; `service` (with `close`, run at shutdown) replaces the one built
    from `settings`, for tests."""
    if service is None:
        service, close = build_intake_service(settings)
    intake = service
    templates = Jinja2Templates(directory=HERE / "templates")
    submits = RateLimiter(
        burst=settings.intake_submit_burst,
        per_second=settings.intake_submit_per_hour / 3600,
        max_clients=settings.intake_rate_clients,
        what="reports",
    )
    lookups = RateLimiter(
        burst=settings.intake_lookup_burst,
        per_second=settings.intake_lookup_per_minute / 60,
        max_clients=settings.intake_rate_clients,
        what="requests",
    )
    proxies = settings.intake_trusted_proxies.split(",")

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        if close is not None:
            await close()

    router = APIRouter(lifespan=lifespan)

    def client(request: Request) -> str:
        peer = request.client.host if request.client else None
        return client_key(peer, request.headers.get("x-forwarded-for"), proxies)

    def secured(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response

    def refused_json(exc: RefusedError) -> Response:
        body: dict[str, Any] = {"error": exc.reason}
        if exc.field:
            body["field"] = exc.field
        response = JSONResponse(body, status_code=exc.status)
        if exc.retry_after is not None:
            response.headers["Retry-After"] = str(exc.retry_after)
        return secured(response)

    def page(
        request: Request, name: str, context: dict[str, Any], status_code: int = 200
    ) -> Response:
        response = templates.TemplateResponse(request, name, context, status_code=status_code)
        return secured(response)

    def form_page(
        request: Request,
        *,
        values: dict[str, str] | None = None,
        error: RefusedError | UnavailableError | None = None,
        status_code: int = 200,
    ) -> Response:
        challenge = intake.challenge()
        context = {
            "values": values or {},
            "error": error.reason
            if isinstance(error, RefusedError)
            else (str(error) if error else ""),
            "error_field": error.field if isinstance(error, RefusedError) else None,
            "challenge": challenge.value,
            "bits": challenge.bits,
            "platforms": [p.value for p in Platform],
            "zones": list(ZONES),
            "max_text_chars": settings.intake_max_text_chars,
        }
        response = page(request, "report.html", context, status_code)
        if isinstance(error, RefusedError) and error.retry_after is not None:
            response.headers["Retry-After"] = str(error.retry_after)
        return response

    @router.get("/report", name="intake_form", include_in_schema=False)
    async def show_form(request: Request) -> Response:
        try:
            lookups.take(client(request))
        except RefusedError as exc:
            return secured(Response(exc.reason, status_code=exc.status, media_type="text/plain"))
        return form_page(request)

    @router.post("/report", name="intake_form_submit", include_in_schema=False)
    async def submit_form(request: Request) -> Response:
        form: FormData | None = None
        values: dict[str, str] = {}
        try:
            submits.take(client(request))
            body = await read_body(request, settings.intake_max_body_bytes)
            form = await parse_form(request, body)
            values = {n: str(form.get(n)) for n in FORM_FIELDS if isinstance(form.get(n), str)}
            accepted = await intake.submit(
                await form_submission(form, settings.intake_max_image_bytes)
            )
        except RefusedError as exc:
            return form_page(request, values=values, error=exc, status_code=exc.status)
        except UnavailableError as exc:
            return form_page(request, values=values, error=exc, status_code=503)
        finally:
            if form is not None:
                await form.close()
        context = {"ticket": accepted.ticket, "image_sha256": accepted.image_sha256}
        return page(request, "accepted.html", context, 201)

    @router.get("/report/status", name="intake_status_page", include_in_schema=False)
    async def status_page(request: Request, ticket: str = "") -> Response:
        context: dict[str, Any] = {"ticket": ticket[:64], "status": None, "error": ""}
        code = 200
        if ticket:
            try:
                lookups.take(client(request))
                checked, status = await intake.status(ticket)
                context.update(ticket=checked, status=status.value, text=STATUS_TEXT[status])
            except RefusedError as exc:
                context["error"], code = exc.reason, exc.status
            except UnavailableError as exc:
                context["error"], code = str(exc), 503
        return page(request, "status.html", context, code)

    @router.get("/report/assets/{name}", name="intake_asset", include_in_schema=False)
    async def asset(name: str) -> Response:
        found = ASSETS.get(name)
        if found is None:
            return secured(Response("no such file", status_code=404, media_type="text/plain"))
        media_type, path = found
        return secured(Response(path.read_bytes(), media_type=media_type))

    @router.get("/api/reports/challenge", name="intake_challenge")
    async def challenge(request: Request) -> Response:
        """A proof-of-work challenge: find a decimal nonce such that SHA-256 of
        "<challenge>:<nonce>" starts with `bits` zero bits, and send both with the report."""
        try:
            lookups.take(client(request))
        except RefusedError as exc:
            return refused_json(exc)
        issued = intake.challenge()
        body = {"challenge": issued.value, "bits": issued.bits, "expires_at": issued.expires_at}
        return secured(JSONResponse(body))

    @router.post("/api/reports", name="intake_submit", status_code=201)
    async def submit_json(request: Request) -> Response:
        """Report an account: JSON with platform, account, what_happened, occurred_at (ISO 8601
        with its offset), url and/or image_base64 (PNG, JPEG or WebP), optionally
        reporter_name and reporter_contact, and a solved pow_challenge with its pow_nonce."""
        try:
            submits.take(client(request))
            body = await read_body(request, settings.intake_max_body_bytes)
            submission: Submission = json_submission(request, body)
            accepted = await intake.submit(submission)
        except RefusedError as exc:
            return refused_json(exc)
        except UnavailableError as exc:
            return secured(JSONResponse({"error": str(exc)}, status_code=503))
        body_out = {
            "ticket": accepted.ticket,
            "status": TicketStatus.RECEIVED.value,
            "reported_at": accepted.reported_at.isoformat(),
            "image_sha256": accepted.image_sha256,
        }
        return secured(JSONResponse(body_out, status_code=201))

    @router.get("/api/reports/{ticket}", name="intake_ticket")
    async def ticket_status(request: Request, ticket: str) -> Response:
        """A report's status by its ticket: received, judged, under_review or closed."""
        try:
            lookups.take(client(request))
            checked, status = await intake.status(ticket)
        except RefusedError as exc:
            return refused_json(exc)
        except UnavailableError as exc:
            return secured(JSONResponse({"error": str(exc)}, status_code=503))
        return secured(JSONResponse({"ticket": checked, "status": status.value}))

    return router
