"""The named features of one post and the evidence behind each: what rules are written over.

Kept apart from the extractor so the readers that add features (stance, the learned model) share
the types without importing the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neutrality.catalogue import Participant
from neutrality.matcher import Hit
from neutrality.normalise import NormText


@dataclass(frozen=True, slots=True)
class Ev:
    """Evidence before it is mapped to the original text. raw=True: offsets are already original."""

    field: str
    start: int | None
    end: int | None
    label: str
    excerpt: str = ""
    raw: bool = False


@dataclass
class Features:
    found: dict[str, list[Ev]] = field(default_factory=dict)
    participants: dict[str, Participant] = field(default_factory=dict)

    def add(self, name: str, ev: Ev) -> None:
        self.found.setdefault(name, []).append(ev)

    def has(self, name: str) -> bool:
        return name in self.found


@dataclass(frozen=True, slots=True)
class Scanned:
    """One field of the post after normalisation and matching."""

    field: str
    zone: str
    norm: NormText
    hits: list[Hit]


def zone_of(field_name: str) -> str:
    if field_name.startswith("target."):
        return "target"
    if field_name == "media_description":
        return "media"
    return "text"
