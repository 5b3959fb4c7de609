"""The desk's pages: the queue, a flag, and the actions on it (claim, assign, verdicts, the NIP
reveal, opening a public reporter's contact), and the rule statistics; each confined to the
signed-in user's scope."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Annotated, Protocol, TypeVar

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from netra.case import RevealRefusedError, case_from_document, entitled_roles
from netra.case.highlight import highlight_html
from netra.desk.auth import Caller, caller, checked, desk_of
from netra.desk.custody import CustodyNotWrittenError, log_view
from netra.desk.queue import QueueFilters, QueueRow, Version
from netra.desk.rulestats import fetch_rule_stats
from netra.desk.scope import ASSIGN_ROLES, FLAG_ROLES, RULE_STATS_ROLES
from netra.desk.store import FlagNotFoundError, FoundFlag, StaleFlagError
from netra.desk.verdicts import MAX_NOTE, VerdictNotSentError, send_verdict
from netra.desk.views import render
from netra.desk.wiring import OpenCustody
from netra.identity import User
from netra.intake.reveal import REPORTER_ROLES
from schemas import Verdict
from schemas.flag_document import FlagDocument, flag_link
from schemas.report import ReporterContact

router = APIRouter()
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
FlagId = Annotated[str, Query(min_length=1, max_length=300)]
FlagIdForm = Annotated[str, Form(min_length=1, max_length=300)]
VersionForm = Annotated[str, Form(max_length=40)]
NoteForm = Annotated[str, Form(max_length=MAX_NOTE)]
#: Why a user asks to see personal data: kept in the audit trail.
ReasonForm = Annotated[str, Form(min_length=5, max_length=500)]
MAX_BULK = 100


def _flags_user(who: Caller) -> User:
    if who.user.role not in FLAG_ROLES:
        raise HTTPException(403, f"role {who.user.role.value} sees rule statistics only")
    return who.user


def _version(token: str) -> Version:
    try:
        return Version.parse(token)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc


async def _found(request: Request, user: User, flag_id: str) -> FoundFlag:
    if len(flag_id) > 300:
        raise HTTPException(404, "no such flag")
    try:
        return await desk_of(request).store.flag(user, flag_id)
    except FlagNotFoundError as exc:
        raise HTTPException(404, "no such flag in your scope") from exc


@router.get("/", response_class=HTMLResponse)
async def queue(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    filters: Annotated[QueueFilters, Query()],
) -> Response:
    if who.user.role not in FLAG_ROLES:
        return RedirectResponse("/rules", status_code=303)
    page = await desk_of(request).store.queue(who.user, filters)
    return render(
        request,
        "queue.html",
        who=who,
        page=page,
        filters=filters,
        may_assign=who.user.role in ASSIGN_ROLES,
        max_bulk=MAX_BULK,
    )


def _windows(at: datetime, others: list[QueueRow], request: Request) -> list[tuple[int, int, int]]:
    """(window days, flags of this ASN in the window up to this flag, escalation threshold):
    the windows the repeat-offender agent escalates on, seen from this flag."""
    settings = desk_of(request).settings
    out = []
    for days, threshold in ((7, settings.escalate_after_7d), (30, settings.escalate_after_30d)):
        start = at - timedelta(days=days)
        out.append((days, 1 + sum(1 for o in others if start < o.event_time <= at), threshold))
    return out


async def _flag_page(
    request: Request,
    who: Caller,
    flag_id: str,
    *,
    nip: str | None = None,
    reporter: ReporterContact | None = None,
    message: str = "",
    status: int = 200,
    opened: bool = False,
) -> Response:
    """The flag page; `opened`: the user opened it (not a page shown after an action), which
    is a view in the flag's evidence custody log, written before the page is shown."""
    user = _flags_user(who)
    found = await _found(request, user, flag_id)
    desk = desk_of(request)
    if opened:
        await viewed(desk.custody, user, found)
    case = case_from_document(
        found.doc, revealed_nip=nip, viewer=f"{user.name} ({user.role.value})"
    )
    others = await desk.store.same_asn(user, found.doc)
    fields = [(fv.field, Markup(highlight_html(fv.value, fv.spans))) for fv in case.post_fields]
    return render(
        request,
        "flag.html",
        status=status,
        who=who,
        case=case,
        doc=found.doc,
        version=found.version,
        fields=fields,
        others=others,
        windows=_windows(found.doc.timestamp, others, request),
        may_reveal=user.role.value in entitled_roles(desk.settings.nip_entitled_roles)
        and found.doc.asn.profile() is not None,
        may_assign=user.role in ASSIGN_ROLES,
        nip=nip,
        may_reveal_reporter=desk.reporters is not None
        and user.role in REPORTER_ROLES
        and found.doc.report is not None
        and found.doc.report.reporter_sealed,
        reporter=reporter,
        message=message,
        verdicts=list(Verdict),
    )


@router.get("/flag", response_class=HTMLResponse)
async def flag_page(
    request: Request, who: Annotated[Caller, Depends(caller)], id: FlagId
) -> Response:
    return await _flag_page(request, who, id, opened=True)


async def viewed(custody: OpenCustody | None, user: User, found: FoundFlag) -> None:
    """The view in the custody log, or 503: evidence is not shown unrecorded."""
    try:
        await log_view(custody, user, found.doc)
    except CustodyNotWrittenError as exc:
        raise HTTPException(503, f"the flag is not shown because {exc}") from exc


@router.post("/flag/claim")
async def claim(
    request: Request,
    who: Annotated[Caller, Depends(checked)],
    flag_id: FlagIdForm,
    version: VersionForm,
    assignee: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    user = _flags_user(who)
    desk = desk_of(request)
    reviewer = assignee.strip() or user.name
    if reviewer != user.name:
        if user.role not in ASSIGN_ROLES:
            raise HTTPException(403, "only Bawaslu supervisors assign flags to others")
        target = desk.users.get(reviewer)
        if target is None or target.disabled:
            raise HTTPException(400, f"no active user {reviewer[:64]!r} to assign to")
    try:
        await desk.store.claim(
            user, flag_id, _version(version), reviewer, force=reviewer != user.name
        )
    except FlagNotFoundError as exc:
        raise HTTPException(404, "no such flag in your scope") from exc
    except StaleFlagError as exc:
        return await _flag_page(request, who, flag_id, message=str(exc), status=409)
    return RedirectResponse(flag_link("", flag_id), status_code=303)


@router.post("/flag/verdict")
async def verdict(
    request: Request,
    who: Annotated[Caller, Depends(checked)],
    flag_id: FlagIdForm,
    version: VersionForm,
    verdict: Annotated[Verdict, Form()],
    note: NoteForm = "",
) -> Response:
    user = _flags_user(who)
    try:
        await send_verdict(desk_of(request), user, flag_id, _version(version), verdict, note)
    except FlagNotFoundError as exc:
        raise HTTPException(404, "no such flag in your scope") from exc
    except StaleFlagError as exc:
        return await _flag_page(request, who, flag_id, message=str(exc), status=409)
    except VerdictNotSentError as exc:
        raise HTTPException(503, str(exc)) from exc
    return RedirectResponse(f"{flag_link('', flag_id)}&sent={verdict.value}", status_code=303)


@router.post("/bulk", response_class=HTMLResponse)
async def bulk(
    request: Request,
    who: Annotated[Caller, Depends(checked)],
    verdict: Annotated[Verdict, Form()],
    note: NoteForm = "",
    flags: Annotated[list[str], Form(max_length=MAX_BULK)] = [],  # noqa: B006 (FastAPI form)
) -> Response:
    """One verdict and one note on many flags; each is refused or sent on its own."""
    user = _flags_user(who)
    if verdict is Verdict.ESCALATE:
        raise HTTPException(400, "escalate flags one by one, from the flag page")
    if not flags:
        raise HTTPException(400, "tick at least one flag")
    results: list[tuple[str, str]] = []
    for item in flags:
        flag_id, _, token = item.rpartition("@")
        if not flag_id or len(item) > 350:
            raise HTTPException(400, "a ticked flag is malformed")
        try:
            await send_verdict(desk_of(request), user, flag_id, _version(token), verdict, note)
            results.append((flag_id, f"{verdict.value} sent"))
        except FlagNotFoundError:
            results.append((flag_id, "not found in your scope"))
        except StaleFlagError as exc:
            results.append((flag_id, f"refused: {exc}"))
        except VerdictNotSentError as exc:
            results.append((flag_id, str(exc)))
    return render(request, "bulk.html", who=who, results=results, verdict=verdict)


@router.post("/flag/reveal", response_class=HTMLResponse)
async def reveal(
    request: Request,
    who: Annotated[Caller, Depends(checked)],
    flag_id: FlagIdForm,
    reason: ReasonForm,
) -> Response:
    """The clear NIP, shown on this response only, once the audit trail has the reveal."""
    user = _flags_user(who)
    try:
        nip = await _revealed(request, user, flag_id, reason, "the NIP", desk_of(request).revealer)
    except RevealRefusedError as exc:
        return await _flag_page(
            request, who, flag_id, message=f"The NIP is not revealed: {exc}.", status=403
        )
    return await _flag_page(request, who, flag_id, nip=nip)


class Revealer(Protocol[T_co]):
    """What the NIP and the reporter reveals share: refused or granted, audited either way."""

    def reveal(self, doc: FlagDocument, *, actor: str, user: User | None, reason: str) -> T_co: ...


async def _revealed(
    request: Request, user: User, flag_id: str, reason: str, what: str, revealer: Revealer[T]
) -> T:
    """What `revealer` shows of a flag in the user's scope, run off the event loop (it blocks
    on the audit trail); RevealRefusedError passes through, any other failure means the trail
    was not written and nothing is shown."""
    found = await _found(request, user, flag_id)
    reveal: Callable[[], T] = lambda: revealer.reveal(  # noqa: E731
        found.doc, actor=user.name, user=user, reason=reason.strip()
    )
    try:
        return await run_in_threadpool(reveal)
    except RevealRefusedError:
        raise
    except Exception as exc:  # the audit trail could not be written: nothing is shown
        raise HTTPException(
            503, f"{what} is not shown because the audit trail could not be written: {exc}"
        ) from exc


async def open_reporter(request: Request, user: User, flag_id: str, reason: str) -> ReporterContact:
    """The contact of the flag's reporter once the audit trail has the attempt;
    RevealRefusedError (after the trail has it) or HTTPException otherwise."""
    revealer = desk_of(request).reporters
    if revealer is None:
        raise HTTPException(404, "this desk holds no reporter key")
    return await _revealed(request, user, flag_id, reason, "the reporter", revealer)


@router.post("/flag/reveal-reporter", response_class=HTMLResponse)
async def reveal_reporter(
    request: Request,
    who: Annotated[Caller, Depends(checked)],
    flag_id: FlagIdForm,
    reason: ReasonForm,
) -> Response:
    """Who reported this flag, shown on this response only (Bawaslu only, audited)."""
    user = _flags_user(who)
    try:
        contact = await open_reporter(request, user, flag_id, reason)
    except RevealRefusedError as exc:
        return await _flag_page(
            request, who, flag_id, message=f"The reporter is not shown: {exc}.", status=403
        )
    return await _flag_page(request, who, flag_id, reporter=contact)


@router.get("/rules", response_class=HTMLResponse)
async def rules(request: Request, who: Annotated[Caller, Depends(caller)]) -> Response:
    if who.user.role not in RULE_STATS_ROLES:
        raise HTTPException(403, "rule statistics are for rule authors and supervisors")
    desk = desk_of(request)
    stats = await fetch_rule_stats(desk.store.es, desk.store.alias)
    return render(request, "rules.html", who=who, stats=stats)
