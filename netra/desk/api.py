"""The desk's JSON API: the queue, a flag, verdicts and opening a reporter's contact, under the
same sessions, scope and CSRF rules as the pages (a script signs in like a person)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from netra.case import RevealRefusedError, case_from_document
from netra.desk.auth import Caller, caller, checked, desk_of
from netra.desk.pages import _flags_user, _found, _version, open_reporter, viewed
from netra.desk.queue import QueueFilters
from netra.desk.store import FlagNotFoundError, StaleFlagError
from netra.desk.verdicts import MAX_NOTE, VerdictNotSentError, send_verdict
from schemas import Verdict

router = APIRouter(prefix="/api")


class VerdictRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flag_id: str = Field(min_length=1, max_length=300)
    version: str = Field(max_length=40, description="The version the reviewer decided on.")
    verdict: Verdict
    note: str = Field(default="", max_length=MAX_NOTE)


class RevealRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flag_id: str = Field(min_length=1, max_length=300)
    reason: str = Field(min_length=5, max_length=500, description="Why; kept in the audit trail.")


@router.get("/queue")
async def queue(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    filters: Annotated[QueueFilters, Query()],
) -> dict[str, Any]:
    page = await desk_of(request).store.queue(_flags_user(who), filters)
    return {
        "total": page.total,
        "flags": [r.model_dump(mode="json") | {"version": r.version.token()} for r in page.rows],
    }


@router.get("/flag")
async def flag(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    id: Annotated[str, Query(min_length=1, max_length=300)],
) -> dict[str, Any]:
    user = _flags_user(who)
    found = await _found(request, user, id)
    await viewed(desk_of(request).custody, user, found)  # a view, like the flag page
    case = case_from_document(found.doc, viewer=f"{user.name} ({user.role.value})")
    return {"version": found.version.token(), "case": case.model_dump(mode="json")}


@router.post("/verdict")
async def verdict(
    request: Request, who: Annotated[Caller, Depends(checked)], body: VerdictRequest
) -> dict[str, Any]:
    user = _flags_user(who)
    try:
        sent = await send_verdict(
            desk_of(request), user, body.flag_id, _version(body.version), body.verdict, body.note
        )
    except FlagNotFoundError as exc:
        raise HTTPException(404, "no such flag in your scope") from exc
    except StaleFlagError as exc:
        raise HTTPException(409, str(exc)) from exc
    except VerdictNotSentError as exc:
        raise HTTPException(503, str(exc)) from exc
    return {"sent": sent.model_dump(mode="json")}


@router.post("/reveal-reporter")
async def reveal_reporter(
    request: Request, who: Annotated[Caller, Depends(checked)], body: RevealRequest
) -> dict[str, Any]:
    """The flag's reporter and contact (Bawaslu only; every attempt audited)."""
    user = _flags_user(who)
    try:
        contact = await open_reporter(request, user, body.flag_id, body.reason)
    except RevealRefusedError as exc:
        raise HTTPException(403, f"the reporter is not shown: {exc}") from exc
    return {"flag_id": body.flag_id, "reporter": contact.model_dump(mode="json")}
