"""Who records which step of a case: Bawaslu, BKN and the inspectorate each their own, only for
ASN in their scope; an incomplete or out-of-order step is refused before it is sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from netra.case import StepRefusedError, build_step, may_record
from netra.identity import Role, Scope, User, UserStore
from schemas import CaseStage, PpkDecision
from schemas.flag_document import FlagDocument, ReviewStatus
from tests.integration.report_samples import BUDI, samples

NOW = datetime(2024, 2, 10, 8, tzinfo=UTC)


def _flag(status: str = "confirmed") -> FlagDocument:
    doc = next(s for s in samples(NOW) if s.flag.asn and s.flag.asn.name == BUDI.name).document()
    return doc.model_copy(
        update={"status": ReviewStatus(status), "reviewed_at": NOW - timedelta(hours=3)}
    )


def _user(tmp_path: Path, role: Role, scope: Scope | None = None) -> User:
    return UserStore(tmp_path / "users.json").add(f"u-{role.value}", role, "x" * 12, scope)


@pytest.mark.parametrize(
    ("role", "stage", "allowed"),
    [
        (Role.BAWASLU, CaseStage.FINDING_REGISTERED, True),
        (Role.BKN, CaseStage.FINDING_REGISTERED, False),
        (Role.BKN, CaseStage.VERIFIED_BY_BKN, True),
        (Role.BAWASLU, CaseStage.VERIFIED_BY_BKN, False),
        (Role.INSPECTORATE, CaseStage.PPK_DECIDED, True),
        (Role.INSPECTORATE, CaseStage.CLOSED, False),
        (Role.ANALYST, CaseStage.RECOMMENDATION_SENT, False),
        (Role.RULE_AUTHOR, CaseStage.CLOSED, False),
    ],
)
def test_each_role_records_its_own_agencys_steps(
    tmp_path: Path, role: Role, stage: CaseStage, allowed: bool
) -> None:
    denied = may_record(_user(tmp_path, role), stage, _flag())
    assert (denied is None) is allowed, denied
    if not allowed:
        assert denied is not None and f"does not record {stage.value}" in denied


def test_a_scoped_user_records_only_for_asn_in_their_scope(tmp_path: Path) -> None:
    blora = _user(tmp_path, Role.BAWASLU, Scope(region="Kabupaten Blora"))
    assert may_record(blora, CaseStage.FINDING_REGISTERED, _flag()) is None
    store = UserStore(tmp_path / "users.json")
    makassar = store.add("u-mks", Role.BAWASLU, "x" * 12, Scope(region="Kota Makassar"))
    denied = may_record(makassar, CaseStage.FINDING_REGISTERED, _flag())
    assert denied is not None and "outside u-mks's scope" in denied


def _build(user: User, stage: CaseStage, flag: FlagDocument, **over: Any) -> Any:
    fields: dict[str, Any] = {
        "agency": "Bawaslu Kabupaten Blora",
        "reference": "001/Reg/TM/PB/Kab/14.16/II/2024",
    }
    return build_step(
        user=user,
        flag=flag,
        case=None,
        stage=stage,
        at=NOW - timedelta(hours=1),
        now=NOW,
        **(fields | over),
    )


def test_the_step_built_names_who_recorded_it(tmp_path: Path) -> None:
    user = _user(tmp_path, Role.BAWASLU)
    step = _build(user, CaseStage.FINDING_REGISTERED, _flag())
    assert step.actor == "u-bawaslu" and step.actor_role == "bawaslu"
    assert step.flag_id == _flag().flag_id and len(step.step_id) == 32


def test_refusals_come_back_in_words(tmp_path: Path) -> None:
    bawaslu = _user(tmp_path, Role.BAWASLU)
    with pytest.raises(StepRefusedError, match="reference number"):
        _build(bawaslu, CaseStage.FINDING_REGISTERED, _flag(), reference="")
    with pytest.raises(StepRefusedError, match="confirms or escalates"):
        _build(bawaslu, CaseStage.FINDING_REGISTERED, _flag("dismissed"))
    with pytest.raises(StepRefusedError, match="follows finding_registered"):
        _build(bawaslu, CaseStage.RECOMMENDATION_SENT, _flag())
    bkn = UserStore(tmp_path / "users.json").add("u-bkn2", Role.BKN, "x" * 12)
    with pytest.raises(StepRefusedError, match="does not record finding_registered"):
        _build(bkn, CaseStage.FINDING_REGISTERED, _flag())
    with pytest.raises(StepRefusedError, match="decision is recorded with ppk_decided"):
        _build(bkn, CaseStage.CLOSED, _flag(), decision=PpkDecision.SANCTION, note="x")
