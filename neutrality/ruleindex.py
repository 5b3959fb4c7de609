"""Which rules could fire for an event, found from its features instead of by asking every rule.

A rule fires only when each of its clauses meets a feature of the event. So a rule is worth
checking only if the event has a feature of one chosen clause of it, its anchor: the index maps
each feature of an anchor to the rules anchored there, and an event's features look up the few
rules they can reach. Most events carry a few dozen features and reach a handful of the pack's
rules, where asking every rule costs a set test per clause of each.

The anchor is the rule's smallest clause (after the clause its action satisfies): small clauses
are made of specific features (`text.twibbon`), large ones of common ones (`text.participant`
among eight alternatives), so the smallest reaches the fewest events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from neutrality.pack import Rule

Clauses = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class RuleIndex:
    """Rules (in pack order) with the clauses an event must still meet, indexed by anchor."""

    checks: Sequence[tuple[Rule, Clauses]]
    _by_feature: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _always: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_feature: dict[str, list[int]] = {}
        always: list[int] = []
        for i, (_, clauses) in enumerate(self.checks):
            if not clauses:  # met by the action alone: a candidate for every event
                always.append(i)
                continue
            anchor = min(clauses, key=lambda c: (len(c), sorted(c)))
            for name in anchor:
                by_feature.setdefault(name, []).append(i)
        object.__setattr__(self, "_by_feature", {k: tuple(v) for k, v in by_feature.items()})
        object.__setattr__(self, "_always", tuple(always))

    def reachable(self, features: Iterable[str]) -> list[tuple[Rule, Clauses]]:
        """The rules whose anchor meets one of `features`, in pack order (a superset of the rules
        whose every clause is met)."""
        by_feature = self._by_feature
        hit = set(self._always)
        for name in by_feature.keys() & features:  # one C-level intersection, then the few
            hit.update(by_feature[name])
        checks = self.checks
        return [checks[i] for i in sorted(hit)]

    def candidates(self, features: AbstractSet[str]) -> list[Rule]:
        """Rules whose every remaining clause meets `features` (exceptions not read). Each
        clause is tested by `features.isdisjoint` through `map`: no generator frame per rule."""
        disjoint = features.isdisjoint
        return [
            rule for rule, clauses in self.reachable(features) if not any(map(disjoint, clauses))
        ]

    def firing(self, features: AbstractSet[str]) -> list[Rule]:
        """Rules whose every remaining clause meets `features` and no exception is present."""
        disjoint = features.isdisjoint
        return [
            rule
            for rule, clauses in self.reachable(features)
            if not any(map(disjoint, clauses)) and disjoint(rule.unless)
        ]
