"""Out-of-fold estimates: how the engine judges events its learned second opinion never saw.

The shipped model is trained on the real train part, so its figures there say what it
remembers, not what it will do on new posts; even dev only half answers (its thresholds are
chosen there). Here the real items are split into folds by case (an incident's items stay
together, as in the corpus split), a model is trained on all folds but one (plus the items
that always train, the hand-written dev part) and the engine, with that model and the shipped
thresholds, judges the fold left out. Every item is thus judged by a model that never saw its
case: the false alarms counted are those a new post would meet, and each is put down to the
model's lone opinion or to the rules.

Folding by case still lets a fold's model learn the fold's sources: the same news site's house
style, the same dataset's topics and hashtags. New posts come from sources never seen (the frozen
test part's sources mostly appear nowhere in train or dev), so `Grouping.SOURCE` keeps every
publisher (a news site, or for a dataset the repository holding its files) on one side of a fold,
and every case with it: the estimate of what unseen sources will meet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from neutrality.corpus import Item
from neutrality.engine import Engine
from neutrality.evaluation import Counts
from neutrality.model import Model, choose_threshold, train
from schemas import Outcome


def case_fold(case: str, folds: int) -> int:
    """The fold of a case: a SHA-256 of its slug, so that adding items never moves another."""
    return int.from_bytes(hashlib.sha256(case.encode()).digest()[:8], "big") % folds


class Grouping(StrEnum):
    """What a fold keeps whole."""

    CASE = "case"  # an incident's items (as the corpus split does)
    SOURCE = "source"  # a publisher's items, and with them every case they share an item with


def _case_of(item: Item) -> str:
    return item.meta.get("case") or item.id


def _source_of(item: Item) -> str:
    return item.meta.get("publisher") or f"case:{_case_of(item)}"


def fold_of(items: Sequence[Item], folds: int, by: Grouping = Grouping.CASE) -> list[int]:
    """Each item's fold. By case: the case's hash. By source: cases and publishers that share an
    item are joined (a case reported by two sites ties the sites together), and each joined group
    takes the hash of its smallest member, so neither a case nor a source straddles a fold."""
    if by is Grouping.CASE:
        return [case_fold(_case_of(i), folds) for i in items]
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for item in items:
        a, b = root(f"case:{_case_of(item)}"), root(f"source:{_source_of(item)}")
        if a != b:
            parent[max(a, b)] = min(a, b)  # the smallest key roots its group: order-independent
    return [case_fold(root(f"case:{_case_of(i)}"), folds) for i in items]


def _flagged(item: Item) -> bool:
    return item.label is not None and item.label["outcome"] == "flag"


@dataclass(frozen=True)
class Judged:
    """One item as the engine judged it with a model that never saw the item's case."""

    item: Item
    flagged: bool  # the label: a supervisor must see it
    raised: bool  # the engine sent it to a person (flag or review)
    model_alone: bool  # raised only by rules that read the model
    score: float  # the fold model's probability


@dataclass
class Estimate:
    """Out-of-fold counts for a set of items, with the false alarms put down to their cause."""

    counts: Counts
    model_alone_tp: int = 0
    model_alone_fp: int = 0

    @property
    def model_alone_precision(self) -> float:
        raised = self.model_alone_tp + self.model_alone_fp
        return self.model_alone_tp / raised if raised else 0.0

    @classmethod
    def of(cls, judged: Sequence[Judged]) -> Estimate:
        est = cls(Counts())
        for j in judged:
            est.counts.add(j.flagged, j.raised)
            if j.raised and j.model_alone:
                if j.flagged:
                    est.model_alone_tp += 1
                else:
                    est.model_alone_fp += 1
        return est


def out_of_fold(
    engine: Engine,
    items: Sequence[Item],
    always_train: Sequence[Item] = (),
    folds: int = 5,
    seed: int = 20221922,
    by: Grouping = Grouping.CASE,
) -> list[Judged]:
    """Judge every item with the engine and a model trained without the item's fold.

    The fold models keep the shipped model's thresholds, so the estimate is of the operating
    point that ships; `threshold_at` gives the threshold the out-of-fold scores would choose.
    Needs scikit-learn (as `netra model train` does)."""
    if engine.model is None:
        raise ValueError("the pack has no model: nothing to cross-validate")
    if folds < 2:
        raise ValueError("at least two folds are needed")
    shipped = engine.model
    fold_ids = fold_of(items, folds, by)
    judged: list[Judged | None] = [None] * len(items)
    for k in range(folds):
        held = [n for n, f in enumerate(fold_ids) if f == k]
        if not held:
            continue
        learn = [i for i, f in zip(items, fold_ids, strict=True) if f != k] + list(always_train)
        fitted = train(
            [i.post for i in learn],
            [_flagged(i) for i in learn],
            [],
            [],
            seed=seed,
            names=shipped.names,
        )
        model = Model(
            weights=fitted.weights,
            bias=fitted.bias,
            calibration=fitted.calibration,
            partisan_at=shipped.partisan_at,
            possible_at=shipped.possible_at,
            meta={"fold": k, "folds": folds, "by": by.value},
            names=shipped.names,
        )
        fold_engine = Engine(engine.pack, engine.catalogue, engine.lexicon, model)
        for n in held:
            item = items[n]
            decision = fold_engine.decide(item.post, item.locality)
            rules = {h.rule_id for h in decision.hits}
            judged[n] = Judged(
                item=item,
                flagged=_flagged(item),
                raised=decision.outcome is not Outcome.PASS,
                model_alone=bool(rules) and rules <= engine.model_rule_ids,
                score=model.opinion(item.post).probability,
            )
    return [j for j in judged if j is not None]


def threshold_at(judged: Sequence[Judged], precision: float) -> tuple[float, float]:
    """The threshold out-of-fold scores choose for `precision` (highest recall), and the
    recall of the model alone at it."""
    scores = [j.score for j in judged]
    labels = [j.flagged for j in judged]
    at = choose_threshold(scores, labels, precision)
    positives = sum(labels)
    caught = sum(1 for s, y in zip(scores, labels, strict=True) if y and s >= at)
    return at, caught / positives if positives else 0.0
