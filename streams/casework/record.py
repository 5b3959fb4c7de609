"""The case of one flag across agencies: its stage, its steps, and the step it waits for.

The record is derived from the steps (the case-steps topic is the record of what happened):
`open_case` starts it from a reviewed flag, `refusal` says why a step cannot follow the ones
before, and `apply` returns the record with the step in it. Pure, so every rule is tested
without Kafka or Elasticsearch.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.case import CaseStage, CaseStep, PpkDecision
from schemas.flag_document import FlagDocument, ReviewStatus
from streams.casework.windows import NextStep, StepWindows
from streams.deadlines.clocks import Regime

#: The stage each recorded stage must follow; any open case may be closed (with a note).
FOLLOWS = {
    CaseStage.FINDING_REGISTERED: CaseStage.REVIEWED,
    CaseStage.RECOMMENDATION_SENT: CaseStage.FINDING_REGISTERED,
    CaseStage.VERIFIED_BY_BKN: CaseStage.RECOMMENDATION_SENT,
    CaseStage.PPK_DECIDED: CaseStage.VERIFIED_BY_BKN,
}
#: Verdicts that make a flag a case; a dismissed or unreviewed flag has none.
CASE_STATUSES = frozenset({ReviewStatus.CONFIRMED, ReviewStatus.ESCALATED})
#: How far in the future a step's time may be (clocks of the recording machines differ a little).
CLOCK_SKEW = dt.timedelta(minutes=5)


class CaseRecord(BaseModel):
    """One document per case in the cases index (id = flag id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    flag_id: str
    stage: CaseStage
    # Whose case it is, for scopes and reports (from the flag; never the NIP).
    province: str = ""
    region: str = ""
    agency: str = Field(default="", description="The ASN's agency.")
    regimes: list[Regime] = Field(default_factory=list)
    zone: str = "WIB"
    reviewed_status: str
    reviewed_at: AwareDatetime | None = None
    opened_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
    closed_at: AwareDatetime | None = None
    steps: list[CaseStep] = Field(default_factory=list)
    next_step: NextStep | None = None
    bawaslu_office: str = Field(default="", description="Who registered the finding.")
    ppk: str = ""
    decision: PpkDecision | None = None
    sanction: str = ""
    days_taken: dict[str, float] = Field(
        default_factory=dict, description="Days from the step before to each step."
    )

    @property
    def last_at(self) -> dt.datetime | None:
        return self.steps[-1].at if self.steps else self.reviewed_at

    def has(self, step: CaseStep) -> bool:
        return any(s.step_id == step.step_id for s in self.steps)


def open_case(flag: FlagDocument) -> CaseRecord:
    """A case from its flag document, at the stage its review left it (no step yet)."""
    return CaseRecord(
        flag_id=flag.flag_id,
        stage=CaseStage.REVIEWED if flag.status in CASE_STATUSES else CaseStage.FLAGGED,
        province=flag.asn.province or "",
        region=flag.asn.region or "",
        agency=flag.asn.agency or "",
        regimes=list(flag.regime),
        zone=flag.deadline_zone or "WIB",
        reviewed_status=flag.status.value,
        reviewed_at=flag.reviewed_at,
    )


def refusal(case: CaseRecord, step: CaseStep, now: dt.datetime) -> str | None:
    """Why `step` cannot be recorded on `case`; None when it can."""
    if case.stage is CaseStage.CLOSED:
        return f"case {case.flag_id} is closed"
    if case.stage is CaseStage.FLAGGED:
        return (
            f"flag {case.flag_id} is {case.reviewed_status}: a case starts once a supervisor "
            "confirms or escalates it (netra review)"
        )
    wanted = FOLLOWS.get(step.stage)
    if wanted is not None and case.stage is not wanted:
        return (
            f"{step.stage.value} follows {wanted.value}, and case {case.flag_id} is at "
            f"{case.stage.value}"
        )
    if step.at > now + CLOCK_SKEW:
        return f"the step is dated {step.at.isoformat()}, in the future"
    last = case.last_at
    if last is not None and step.at < last:
        return f"the step is dated {step.at.isoformat()}, before the case's last step ({last})"
    return None


def apply(case: CaseRecord, step: CaseStep, windows: StepWindows) -> CaseRecord:
    """The case with `step` recorded (the caller checked `refusal` first)."""
    changes: dict[str, Any] = {
        "stage": step.stage,
        "steps": [*case.steps, step],
        "updated_at": step.at,
        "opened_at": case.opened_at or step.at,
        "next_step": windows.next_step(step.stage, step.at, case.regimes, case.zone),
    }
    last = case.last_at
    if last is not None:
        taken = (step.at - last).total_seconds() / 86400
        changes["days_taken"] = {**case.days_taken, step.stage.value: round(taken, 3)}
    if step.stage is CaseStage.FINDING_REGISTERED:
        changes["bawaslu_office"] = step.agency
    if step.ppk:
        changes["ppk"] = step.ppk
    if step.stage is CaseStage.PPK_DECIDED:
        changes["decision"] = step.decision
        changes["sanction"] = step.sanction
    if step.stage is CaseStage.CLOSED:
        changes["closed_at"] = step.at
        changes["next_step"] = None
    return case.model_copy(update=changes)
