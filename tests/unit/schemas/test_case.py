"""A case step carries what its stage needs, bounded, and nothing another stage would."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from schemas import CaseStage, CaseStep, PpkDecision

AT = datetime(2024, 11, 5, 3, 30, tzinfo=UTC)


def _step(**over: Any) -> CaseStep:
    fields: dict[str, Any] = {
        "step_id": "a" * 32,
        "flag_id": "instagram:C3xYz",
        "stage": CaseStage.FINDING_REGISTERED,
        "at": AT,
        "actor": "rina",
        "actor_role": "bawaslu",
        "agency": "Bawaslu Kabupaten Blora",
        "reference": "001/Reg/TM/PB/Kab/14.16/XI/2024",
    }
    return CaseStep.model_validate(fields | over)


def test_a_complete_step_of_each_stage_is_accepted() -> None:
    assert _step().stage is CaseStage.FINDING_REGISTERED
    assert _step(stage=CaseStage.VERIFIED_BY_BKN, ppk="Bupati Blora").ppk == "Bupati Blora"
    decided = _step(
        stage=CaseStage.PPK_DECIDED,
        decision=PpkDecision.SANCTION,
        sanction="hukuman disiplin sedang",
    )
    assert decided.decision is PpkDecision.SANCTION
    assert _step(stage=CaseStage.CLOSED, reference="", note="not proven").note


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"reference": " "}, "reference number"),
        ({"stage": CaseStage.VERIFIED_BY_BKN}, "PPK the recommendation goes to"),
        ({"stage": CaseStage.PPK_DECIDED}, "decision is recorded with ppk_decided"),
        ({"decision": PpkDecision.NO_SANCTION}, "decision is recorded with ppk_decided"),
        (
            {"stage": CaseStage.PPK_DECIDED, "decision": PpkDecision.SANCTION},
            "needs the sanction imposed",
        ),
        (
            {
                "stage": CaseStage.PPK_DECIDED,
                "decision": PpkDecision.NO_SANCTION,
                "sanction": "teguran",
            },
            "sanction is recorded only",
        ),
        ({"stage": CaseStage.CLOSED, "note": ""}, "needs a note"),
        ({"stage": CaseStage.REVIEWED}, "not recorded as a step"),
        ({"at": datetime(2024, 11, 5, 3, 30)}, "timezone"),
        ({"note": "x" * 2001}, "at most 2000"),
        ({"step_id": "../../etc"}, "pattern"),
        ({"unknown": 1}, "Extra inputs"),
    ],
)
def test_an_incomplete_or_inconsistent_step_is_refused(over: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _step(**over)
