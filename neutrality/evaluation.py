"""Precision, recall and F1 of the engine against a labelled corpus, overall and per SKB form.

A "flag" label is caught by an engine flag or review; a "pass" label must get engine pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neutrality.corpus import Item
from neutrality.engine import Engine
from schemas import Decision, Outcome

GROUP_DIMENSIONS = ("part", "source_kind", "election", "words")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of real negatives the engine sent to a person (flag or review)."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    def add(self, want: bool, got: bool) -> None:
        if want and got:
            self.tp += 1
        elif want:
            self.fn += 1
        elif got:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "false_alarm_rate": round(self.false_alarm_rate, 4),
        }  # fmt: skip


@dataclass
class Miss:
    item: Item
    decision: Decision
    kind: str  # "false_positive" | "false_negative"


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_form: dict[str, Counts] = field(default_factory=dict)
    by_outcome: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    items: int = 0
    # dimension ("part", "source_kind", "election") -> value -> counts, for real corpus items
    groups: dict[str, dict[str, Counts]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "overall": self.overall.as_dict(),
            "by_form": {k: v.as_dict() for k, v in sorted(self.by_form.items())},
            "confusion": self.by_outcome,
            "groups": {
                dim: {k: v.as_dict() for k, v in sorted(values.items())}
                for dim, values in sorted(self.groups.items())
            },
        }


def evaluate(engine: Engine, items: Iterable[Item]) -> Report:
    """Per form: a labelled form counts as caught when a hit of that form is present."""
    report = Report()
    for item in items:
        if item.label is None:
            continue
        report.items += 1
        d = engine.decide(item.post, item.locality)
        want = item.label["outcome"] == "flag"
        got = d.outcome is not Outcome.PASS
        row = report.by_outcome.setdefault(item.label["outcome"], {o.value: 0 for o in Outcome})
        row[d.outcome.value] += 1
        report.overall.add(want, got)
        if want and not got:
            report.misses.append(Miss(item, d, "false_negative"))
        elif got and not want:
            report.misses.append(Miss(item, d, "false_positive"))
        for dim in GROUP_DIMENSIONS:
            value = item.meta.get(dim)
            if value is not None:
                report.groups.setdefault(dim, {}).setdefault(value, Counts()).add(want, got)
        label_forms = set(item.label.get("forms") or []) if want else set()
        hit_forms = {h.skb_form for h in d.hits} if got else set()
        for form in label_forms | hit_forms:
            fc = report.by_form.setdefault(form, Counts())
            if form in label_forms and form in hit_forms:
                fc.tp += 1
            elif form in label_forms:
                fc.fn += 1
            else:
                fc.fp += 1
    return report
