"""The rule index finds exactly the rules that asking every rule finds."""

from __future__ import annotations

import random

from neutrality import Engine
from neutrality.pack import Rule
from neutrality.ruleindex import RuleIndex
from schemas import Action


def _every_rule(
    checks: list[tuple[Rule, tuple[frozenset[str], ...]]], features: set[str]
) -> tuple[list[str], list[str]]:
    candidates = [r.id for r, when in checks if not any(c.isdisjoint(features) for c in when)]
    firing = [
        r.id
        for r, when in checks
        if not any(c.isdisjoint(features) for c in when) and r.unless.isdisjoint(features)
    ]
    return candidates, firing


def test_the_index_agrees_with_asking_every_rule(engine: Engine) -> None:
    names = sorted(
        {f for r in engine.rules for c in r.when for f in c}
        | {f for r in engine.rules for f in r.unless}
    )
    rng = random.Random(1922)
    for action in Action:
        checks = [
            (r, tuple(c for c in r.when if f"action.{action.value}" not in c)) for r in engine.rules
        ]
        index = RuleIndex(checks)
        for _ in range(400):
            features = set(rng.sample(names, rng.randint(0, 25)))
            candidates, firing = _every_rule(checks, features)
            assert [r.id for r in index.candidates(features)] == candidates
            assert [r.id for r in index.firing(features)] == firing


def test_a_rule_met_by_its_action_alone_is_always_reachable(engine: Engine) -> None:
    rule = engine.rules[0]
    index = RuleIndex([(rule, ())])
    assert index.candidates(set()) == [rule]
    assert index.reachable(["nothing.at.all"]) == [(rule, ())]
