"""The explanation of one decision: one typed record, built once, read by the JSON output
(`--json` of `netra rules explain` and `netra eval`) and by the rich panel alike."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from schemas import (
    Action,
    Evidence,
    Outcome,
    ParticipantRef,
    Phase,
    RuleHit,
    SanctionTrack,
    Severity,
    Target,
)


class ExplainedHit(RuleHit):
    """A rule hit with what a person needs to judge it: the rule's own words and where it is."""

    description: str = Field(description="The rule's description; empty for an engine hit.")
    sanction: str = Field(description="The sanction the rule names for the decision's track.")
    tags: list[str] = Field(default_factory=list)
    rule_file: str = Field(description="file:line of the rule; empty for an engine hit.")


class AskedQuestion(BaseModel):
    """A genuine question in the author's words (question.py): it takes no side."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    excerpt: str
    asks: str = Field(description="What it asks (question.Kind).")


class Reading(BaseModel):
    """A neutral reading found (readings.py): a register or exception that takes a side away."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    feature: str = Field(description="The feature key, e.g. register.report, question.asked.")
    what: str = Field(description="What it is, e.g. 'news passed on'.")
    evidence: list[Evidence] = Field(
        description="The words it rests on in the original text, each with its label "
        "(`feature`, e.g. 'register:report (a link to a publisher)')."
    )


class Explanation(BaseModel):
    """Why a post got its decision: the rules that fired and the neutral readings beside them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    post_key: str
    outcome: Outcome
    score: float
    severity: Severity | None
    action: Action
    participants: list[ParticipantRef]
    races: list[str]
    election: str | None
    phase: Phase | None
    sanction_track: SanctionTrack | None
    pack_version: str
    hits: list[ExplainedHit]
    target: Target | None = None
    questions: list[AskedQuestion] = Field(default_factory=list)
    readings: list[Reading] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape readers know: `target` (its set fields only) and `questions` appear
        only when there are any; `readings` always."""
        out = self.model_dump(mode="json", exclude={"target", "questions"})
        if self.target is not None:
            out["target"] = self.target.model_dump(mode="json", exclude_defaults=True)
        if self.questions:
            out["questions"] = [q.model_dump(mode="json") for q in self.questions]
        return out
