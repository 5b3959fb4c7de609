"""Out-of-fold estimates: folds by case, every item judged once by a model that never saw it."""

from __future__ import annotations

import datetime as dt

import pytest

from neutrality import Engine
from neutrality.corpus import Item
from neutrality.crossval import Estimate, Judged, case_fold, out_of_fold, threshold_at
from neutrality.evaluation import Counts
from schemas import Action, Platform, Post
from tests.unit.neutrality.model_texts import NEUTRAL, PARTISAN

WHEN = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _item(n: int, text: str, flag: bool, case: str) -> Item:
    post = Post(
        platform=Platform.FACEBOOK, post_id=f"p{n}", account_id="fb:a", text=text,
        action=Action.POST, event_time=WHEN,
    )  # fmt: skip
    label = {"outcome": "flag" if flag else "pass", "forms": []}
    return Item(n, post, None, label, f"i{n}", {"case": case, "part": "train"})


def _items(offset: int, prefix: str) -> list[Item]:
    texts = [(t, True) for t in PARTISAN] + [(t, False) for t in NEUTRAL]
    return [
        _item(offset + n, t, y, f"{prefix}-{n // 2}")  # two items per case
        for n, (t, y) in enumerate(texts)
    ]


def test_case_fold_is_stable_and_keeps_a_case_whole() -> None:
    folds = [case_fold(f"case-{n}", 5) for n in range(200)]
    assert folds == [case_fold(f"case-{n}", 5) for n in range(200)]
    assert set(folds) == {0, 1, 2, 3, 4}  # every fold gets cases
    assert case_fold("same", 3) == case_fold("same", 3)


def test_estimate_puts_false_alarms_down_to_their_cause() -> None:
    item = _items(0, "x")[0]
    judged = [
        Judged(item, flagged=False, raised=True, model_alone=True, score=0.9),
        Judged(item, flagged=False, raised=True, model_alone=False, score=0.2),
        Judged(item, flagged=True, raised=True, model_alone=True, score=0.95),
        Judged(item, flagged=True, raised=False, model_alone=False, score=0.1),
        Judged(item, flagged=False, raised=False, model_alone=False, score=0.1),
    ]
    est = Estimate.of(judged)
    assert est.counts == Counts(tp=1, fp=2, fn=1, tn=1)
    assert (est.model_alone_tp, est.model_alone_fp) == (1, 1)
    assert est.model_alone_precision == 0.5
    at, recall = threshold_at(judged, 0.95)
    assert at == 0.95 and recall == 0.5


def test_every_item_is_judged_once_by_a_model_of_the_other_folds(engine: Engine) -> None:
    pytest.importorskip("sklearn")
    items = _items(0, "held")
    judged = out_of_fold(engine, items, always_train=_items(100, "always"), folds=2)
    assert sorted(j.item.id for j in judged) == sorted(i.id for i in items)
    assert all(not j.model_alone or j.raised for j in judged)
    partisan = [j.score for j in judged if j.flagged]
    neutral = [j.score for j in judged if not j.flagged]
    assert min(partisan) > max(neutral)
    with pytest.raises(ValueError, match="two folds"):
        out_of_fold(engine, items, folds=1)
