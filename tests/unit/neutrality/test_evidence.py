"""Evidence spans: the outermost span of each field survives, in one sort and sweep."""

from __future__ import annotations

import random

from neutrality.engine import _inside, _outermost
from neutrality.featureset import Ev


def test_spans_inside_a_longer_span_of_the_same_field_are_dropped() -> None:
    evs = [
        Ev("text", 0, 14, "pair"),  # "Prabowo-Gibran"
        Ev("text", 0, 7, "name"),  # "Prabowo" inside it
        Ev("text", 8, 14, "name"),  # "Gibran" inside it
        Ev("text", 20, 25, "other"),
        Ev("target.text", 0, 7, "same offsets, other field"),
        Ev("action", None, None, "structural"),
        Ev("text", 0, 14, "same span, second reading"),
    ]
    kept = _outermost(evs)
    assert [e.label for e in kept] == [
        "pair",
        "other",
        "same offsets, other field",
        "structural",
        "same span, second reading",
    ]


def test_many_nested_spans_stay_cheap() -> None:
    evs = [Ev("text", i, 10_000 - i, f"s{i}") for i in range(5_000)]
    assert [e.label for e in _outermost(evs)] == ["s0"]


def test_a_span_is_inside_exactly_when_another_span_of_its_field_holds_it() -> None:
    rng = random.Random(12)
    for _ in range(3_000):
        keys: list[tuple[str, int | None, int | None, str]] = []
        for _ in range(rng.randint(0, 8)):
            fld = rng.choice(["text", "target.text", "hashtags[0]"])
            if rng.random() < 0.15:
                keys.append((fld, None, None, "structural"))
                continue
            start = rng.randint(0, 10)
            keys.append((fld, start, start + rng.randint(0, 5), rng.choice("ab")))
        spans = {(f, a, b) for f, a, b, _ in keys if a is not None and b is not None}
        held = {
            (f, a, b)
            for f, a, b in spans
            if any(g == f and c <= a and b <= d and (c, d) != (a, b) for g, c, d in spans)
        }
        assert _inside(keys) == held, keys


def test_work_per_post_is_bounded_by_a_hit_budget() -> None:
    import datetime as dt

    from neutrality import Engine
    from neutrality.engine import MAX_HITS_PER_FIELD, MAX_HITS_PER_POST
    from schemas import Action, Platform, Post

    engine = Engine.load()
    text = ("coblos prabowo gibran 02 dukung anies ganjar " * 500)[:20_000]
    post = Post(
        platform=Platform.X, post_id="w", account_id="x:a", action=Action.POST,
        text=text, transcript=text, media_description=text,
        hashtags=["PrabowoGibran2024"] * 200,
        event_time=dt.datetime(2024, 1, 15, 9, tzinfo=dt.UTC),
    )  # fmt: skip
    analysis = engine.analyse(post)
    assert analysis.decision.outcome.value == "flag"
    assert analysis.features is not None
    evidence = [ev for evs in analysis.features.found.values() for ev in evs]
    assert len(evidence) < 20 * MAX_HITS_PER_POST  # features derive from the capped hits
    assert MAX_HITS_PER_FIELD <= MAX_HITS_PER_POST
