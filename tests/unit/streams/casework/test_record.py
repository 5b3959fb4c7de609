"""The case record: opened only from a confirmed or escalated flag, steps in their order and
time, each applied once, with the next step's window and the days each agency took."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schemas import CaseStage, CaseStep, PpkDecision
from schemas.flag_document import FlagDocument
from streams.casework import CaseRecord, StepWindows, apply, load_step_windows, open_case, refusal
from streams.deadlines import load_clocks
from streams.deadlines.clocks import DEADLINES_DIR

WIB = dt.timezone(dt.timedelta(hours=7))
START = dt.datetime(2024, 11, 5, 10, 0, tzinfo=WIB)
NOW = dt.datetime(2025, 3, 1, tzinfo=WIB)


@pytest.fixture(scope="module")
def windows() -> StepWindows:
    return load_step_windows(load_clocks(DEADLINES_DIR, quiet_periods={}))


def _flag(status: str = "confirmed") -> FlagDocument:
    return FlagDocument.from_source(
        {
            "@timestamp": (START - dt.timedelta(days=2)).isoformat(),
            "flag_id": "instagram:C3xYz",
            "platform": "instagram",
            "account_id": "ig:budi.kradenan",
            "status": status,
            "reviewed_at": (START - dt.timedelta(days=1)).isoformat(),
            "regime": ["pilkada"],
            "deadline_zone": "WIB",
            "asn": {
                "registered": True,
                "province": "Jawa Tengah",
                "region": "Kabupaten Blora",
                "agency": "Pemkab Blora",
            },
        }
    )


def _step(stage: CaseStage, days: float, n: int = 0, **over: Any) -> CaseStep:
    fields: dict[str, Any] = {
        "step_id": f"{n:032x}",
        "flag_id": "instagram:C3xYz",
        "stage": stage,
        "at": START + dt.timedelta(days=days),
        "actor": "rina",
        "actor_role": "bawaslu",
        "agency": "Bawaslu Kabupaten Blora",
        "reference": f"REF-{n}",
    }
    return CaseStep.model_validate(fields | over)


def _path() -> list[CaseStep]:
    return [
        _step(CaseStage.FINDING_REGISTERED, 0, 1),
        _step(CaseStage.RECOMMENDATION_SENT, 2, 2),
        _step(CaseStage.VERIFIED_BY_BKN, 6, 3, agency="BKN", ppk="Bupati Blora"),
        _step(
            CaseStage.PPK_DECIDED,
            20,
            4,
            agency="Inspektorat Kabupaten Blora",
            decision=PpkDecision.SANCTION,
            sanction="hukuman disiplin sedang",
        ),
        _step(CaseStage.CLOSED, 21, 5, reference="", note="sanction carried out"),
    ]


def _run(steps: list[CaseStep], windows: StepWindows, flag: FlagDocument) -> CaseRecord:
    case = open_case(flag)
    for step in steps:
        assert refusal(case, step, NOW) is None, step.stage
        case = apply(case, step, windows)
    return case


def test_a_case_goes_from_finding_to_closed_with_who_when_and_how_long(
    windows: StepWindows,
) -> None:
    case = open_case(_flag())
    assert case.stage is CaseStage.REVIEWED and case.agency == "Pemkab Blora"
    case = apply(case, _path()[0], windows)
    assert case.stage is CaseStage.FINDING_REGISTERED
    assert case.bawaslu_office == "Bawaslu Kabupaten Blora" and case.opened_at == START
    assert case.next_step is not None and case.next_step.stage is CaseStage.RECOMMENDATION_SENT
    assert case.days_taken == {"finding_registered": 1.0}  # a day after the review

    done = _run(_path(), windows, _flag())
    assert done.stage is CaseStage.CLOSED and done.closed_at == START + dt.timedelta(days=21)
    assert done.next_step is None
    assert [s.stage for s in done.steps] == [s.stage for s in _path()]
    assert done.ppk == "Bupati Blora"
    assert done.decision is PpkDecision.SANCTION and done.sanction == "hukuman disiplin sedang"
    assert done.days_taken["verified_by_bkn"] == 4.0
    assert done.days_taken["ppk_decided"] == 14.0


@pytest.mark.parametrize("status", ["unreviewed", "dismissed"])
def test_no_case_starts_from_a_flag_nobody_confirmed(status: str) -> None:
    why = refusal(open_case(_flag(status)), _path()[0], NOW)
    assert why is not None and status in why and "confirms or escalates" in why


def test_an_escalated_flag_starts_a_case() -> None:
    assert refusal(open_case(_flag("escalated")), _path()[0], NOW) is None


def test_a_step_out_of_order_is_refused_with_the_stage_it_needs(windows: StepWindows) -> None:
    case = _run(_path()[:1], windows, _flag())
    why = refusal(case, _path()[2], NOW)
    assert why == (
        "verified_by_bkn follows recommendation_sent, and case instagram:C3xYz is at "
        "finding_registered"
    )
    assert refusal(open_case(_flag()), _path()[1], NOW) is not None


def test_any_open_case_may_be_closed_with_a_note_and_a_closed_case_takes_nothing(
    windows: StepWindows,
) -> None:
    case = _run(_path()[:2], windows, _flag())
    closing = _step(CaseStage.CLOSED, 3, 9, reference="", note="BKN: not proven")
    assert refusal(case, closing, NOW) is None
    closed = apply(case, closing, windows)
    assert refusal(closed, _path()[2], NOW) == "case instagram:C3xYz is closed"


def test_steps_must_keep_time_order_and_not_come_from_the_future(windows: StepWindows) -> None:
    case = _run(_path()[:2], windows, _flag())
    earlier = _step(CaseStage.VERIFIED_BY_BKN, 1, 7, ppk="Bupati Blora")
    assert "before the case's last step" in (refusal(case, earlier, NOW) or "")
    future = _step(CaseStage.VERIFIED_BY_BKN, 400, 8, ppk="Bupati Blora")
    assert "in the future" in (refusal(case, future, NOW) or "")


def test_a_redelivered_step_is_recognised(windows: StepWindows) -> None:
    case = _run(_path()[:2], windows, _flag())
    assert case.has(_path()[1]) and not case.has(_path()[2])
