"""The named features of one post and the evidence behind each: what rules are written over.

Kept apart from the extractor so the readers that add features (stance, the learned model) share
the types without importing the extractor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from neutrality.catalogue import Participant
from neutrality.matcher import Hit
from neutrality.normalise import NormText
from neutrality.valueslots import ValueSlots

# The label of a ballot number named among others of its race ("paslon 2, 3"): read by the
# extractor that makes it and by the readers that must not take it for one side singled out.
LISTED_NUMBERS = "one of several ballot numbers listed"


class Ev(ValueSlots):
    """Evidence before it is mapped to the original text. raw=True: offsets are already original.

    A plain class with slots, not a frozen dataclass: tens of thousands are made for every
    20,000 posts, and a frozen dataclass sets each field through object.__setattr__ (three times
    the cost). Its fields are Final (never reassigned: one piece of evidence is shared by every
    feature and rule that reads it); equality and hashing are by value, as a dataclass's are.
    """

    __slots__ = ("end", "excerpt", "field", "label", "raw", "start")
    _fields = ("field", "start", "end", "label", "excerpt", "raw")

    field: Final[str]
    start: Final[int | None]
    end: Final[int | None]
    label: Final[str]
    excerpt: Final[str]
    raw: Final[bool]

    def __init__(
        self,
        field: str,
        start: int | None,
        end: int | None,
        label: str,
        excerpt: str = "",
        raw: bool = False,
    ) -> None:
        self.field = field
        self.start = start
        self.end = end
        self.label = label
        self.excerpt = excerpt
        self.raw = raw

    def _values(self) -> tuple[str, int | None, int | None, str, str, bool]:
        return (self.field, self.start, self.end, self.label, self.excerpt, self.raw)


@dataclass
class Features:
    found: dict[str, list[Ev]] = field(default_factory=dict)
    participants: dict[str, Participant] = field(default_factory=dict)

    def add(self, name: str, ev: Ev) -> None:
        self.found.setdefault(name, []).append(ev)

    def has(self, name: str) -> bool:
        return name in self.found

    def evidence(self, name: str) -> Sequence[Ev]:
        """The evidence of feature `name`, none when it was not found."""
        return self.found.get(name, ())


class Scanned(ValueSlots):
    """One field of the post after normalisation and matching (a plain class with slots and
    Final fields, as Ev: one is made for every field with a hit)."""

    __slots__ = ("field", "hits", "norm", "zone")
    _fields = ("field", "zone", "norm", "hits")

    field: Final[str]
    zone: Final[str]
    norm: Final[NormText]
    hits: Final[list[Hit]]

    def __init__(self, field: str, zone: str, norm: NormText, hits: list[Hit]) -> None:
        self.field = field
        self.zone = zone
        self.norm = norm
        self.hits = hits

    def _values(self) -> tuple[str, str, NormText, list[Hit]]:
        return (self.field, self.zone, self.norm, self.hits)


def zone_of(field_name: str) -> str:
    if field_name.startswith("target."):
        return "target"
    if field_name == "media_description":
        return "media"
    return "text"
