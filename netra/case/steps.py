"""Recording what an agency did with a case: who may record which step, checked before it is sent.

The case agent is the authority (it refuses a step that cannot follow and keeps it as a dead
letter); these checks run first so a person gets the reason at once, in words, and so a user
records only the steps of their own agency, for ASN inside their scope.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping

from pydantic import ValidationError

from netra.identity import Role, User
from schemas import CaseStage, CaseStep, PpkDecision
from schemas.flag_document import FlagDocument
from streams.casework import CaseRecord, open_case, refusal

#: Which roles record which step: Bawaslu registers its finding and sends the recommendation;
#: BKN verifies it; the PPK's decision is recorded by BKN (which monitors it) or by the agency's
#: inspectorate (through which the PPK acts); Bawaslu or BKN close a case.
STAGE_ROLES: Mapping[CaseStage, frozenset[Role]] = {
    CaseStage.FINDING_REGISTERED: frozenset({Role.BAWASLU}),
    CaseStage.RECOMMENDATION_SENT: frozenset({Role.BAWASLU}),
    CaseStage.VERIFIED_BY_BKN: frozenset({Role.BKN}),
    CaseStage.PPK_DECIDED: frozenset({Role.BKN, Role.INSPECTORATE}),
    CaseStage.CLOSED: frozenset({Role.BAWASLU, Role.BKN}),
}


class StepRefusedError(ValueError):
    """The step is not recorded; the message says why in words a supervisor can act on."""


def may_record(user: User, stage: CaseStage, flag: FlagDocument) -> str | None:
    """None when `user` may record `stage` on this flag's case; otherwise why not."""
    if user.disabled:
        return f"user {user.name} is disabled"
    allowed = STAGE_ROLES.get(stage, frozenset())
    if user.role not in allowed:
        who = ", ".join(sorted(r.value for r in allowed)) or "nobody"
        return f"role {user.role.value} does not record {stage.value} (recorded by: {who})"
    asn = flag.asn.profile()
    if asn is not None and not user.scope.covers(asn):
        return (
            f"the ASN ({asn.agency}, {asn.region or '-'}, {asn.province}) is outside "
            f"{user.name}'s scope ({user.scope.describe()})"
        )
    return None


def build_step(
    *,
    user: User,
    flag: FlagDocument,
    case: CaseRecord | None,
    stage: CaseStage,
    at: dt.datetime,
    now: dt.datetime,
    agency: str,
    reference: str = "",
    ppk: str = "",
    decision: PpkDecision | None = None,
    sanction: str = "",
    note: str = "",
) -> CaseStep:
    """The step `user` asks to record, or StepRefusedError with the reason."""
    denied = may_record(user, stage, flag)
    if denied:
        raise StepRefusedError(denied)
    try:
        step = CaseStep(
            step_id=secrets.token_hex(16),
            flag_id=flag.flag_id,
            stage=stage,
            at=at,
            actor=user.name,
            actor_role=user.role.value,
            agency=agency,
            reference=reference,
            ppk=ppk,
            decision=decision,
            sanction=sanction,
            note=note,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise StepRefusedError(f"{where + ': ' if where else ''}{first['msg']}") from exc
    why = refusal(case or open_case(flag), step, now)
    if why:
        raise StepRefusedError(why)
    return step
