"""The case across agencies: Bawaslu's finding and recommendation, BKN's verification, the PPK's
decision, each a step on the case-steps topic, derived into one document per case.

`record`: the rules of which step may follow which (pure); `windows`: how long each agency has
for its next step (rules/deadlines/case-steps.yaml); `index`: the cases index.
"""

from __future__ import annotations

from streams.casework.index import (
    DUE_WINDOWS,
    CasesIndexMissingError,
    StepOutcome,
    StepResult,
    ensure_cases_index,
    read_case,
    record_step,
    steps_due,
)
from streams.casework.record import CaseRecord, apply, open_case, refusal
from streams.casework.windows import NextStep, StepWindows, load_step_windows

__all__ = [
    "DUE_WINDOWS",
    "CaseRecord",
    "CasesIndexMissingError",
    "NextStep",
    "StepOutcome",
    "StepResult",
    "StepWindows",
    "apply",
    "ensure_cases_index",
    "load_step_windows",
    "open_case",
    "read_case",
    "record_step",
    "refusal",
    "steps_due",
]
