"""Out-of-fold estimates: folds by case, every item judged once by a model that never saw it."""

from __future__ import annotations

import datetime as dt

import pytest

from neutrality import Engine
from neutrality.corpus import Item
from neutrality.crossval import (
    Estimate,
    Grouping,
    Judged,
    case_fold,
    fold_of,
    out_of_fold,
    threshold_at,
)
from neutrality.evaluation import Counts
from schemas import Action, Platform, Post
from tests.unit.neutrality.model_texts import NEUTRAL, PARTISAN

WHEN = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _item(n: int, text: str, flag: bool, case: str, publisher: str = "") -> Item:
    post = Post(
        platform=Platform.FACEBOOK, post_id=f"p{n}", account_id="fb:a", text=text,
        action=Action.POST, event_time=WHEN,
    )  # fmt: skip
    label = {"outcome": "flag" if flag else "pass", "forms": []}
    meta = {"case": case, "part": "train"} | ({"publisher": publisher} if publisher else {})
    return Item(n, post, None, label, f"i{n}", meta)


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


def test_by_source_no_source_and_no_case_is_on_both_sides_of_a_fold() -> None:
    # 60 cases over 12 publishers; a few cases reported by two publishers tie those together.
    items = [
        _item(n, "x", n % 2 == 0, f"case-{n // 3}", f"site-{(n // 3) % 12}") for n in range(180)
    ]
    items += [
        _item(200 + n, "x", False, f"case-{n}", f"site-{(n + 5) % 12}") for n in range(0, 60, 20)
    ]
    items.append(_item(300, "x", False, "lonely"))  # no publisher: its case is its source
    folds = fold_of(items, 5, Grouping.SOURCE)
    assert folds == fold_of(list(reversed(items)), 5, Grouping.SOURCE)[::-1]  # order-independent
    for key in ("publisher", "case"):
        sides: dict[str, set[int]] = {}
        for item, fold in zip(items, folds, strict=True):
            if key in item.meta:
                sides.setdefault(item.meta[key], set()).add(fold)
        assert all(len(s) == 1 for s in sides.values()), key
    # the shared cases joined site-0 with site-5 (and site-8 with site-1, site-4 with site-9)
    assert (
        folds[0]
        == folds[items.index(next(i for i in items if i.meta.get("publisher") == "site-5"))]
    )
    assert len(set(folds)) > 1  # the groups still spread over the folds


def test_by_case_folds_split_a_source() -> None:
    items = [_item(n, "x", False, f"case-{n}", "one-site") for n in range(50)]
    assert len(set(fold_of(items, 5, Grouping.CASE))) > 1
    assert len(set(fold_of(items, 5, Grouping.SOURCE))) == 1
