"""Making a flag fit the flags topic: long fields and excerpts cut by rule, never dropped.

A valid event may be close to the event limit (1 MiB), and its flag carries the whole event
plus the decision, so it can exceed what the flags topic accepts; the broker would refuse it.
Such a flag is cut in steps, each tighter than the one before, until it fits: long text fields
keep their head, lists their first items, evidence excerpts their first characters (offsets
stay those of the original, so a reader can still find every span in the whole event), and the
flag lists every cut. The whole event stays in the posts topic at `Flag.source`, with its
digest, for the case file. Nearly every flag fits as it is and is not touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import Flag, Post, RuleHit, Target, TrimmedField
from schemas.decision import Evidence

ELLIPSIS = "…"


@dataclass(frozen=True)
class Cut:
    """One step of trimming: how much of each kind of content a flag keeps."""

    field_chars: int
    list_items: int
    excerpt_chars: int
    evidence_per_hit: int
    participants: int


CUTS = (
    Cut(field_chars=4_000, list_items=50, excerpt_chars=200, evidence_per_hit=12, participants=50),
    Cut(field_chars=1_000, list_items=10, excerpt_chars=100, evidence_per_hit=5, participants=20),
    Cut(field_chars=200, list_items=3, excerpt_chars=60, evidence_per_hit=3, participants=5),
)


def encoded(flag: Flag) -> bytes:
    return flag.model_dump_json().encode()


def fit_flag(flag: Flag, max_bytes: int) -> tuple[Flag, bytes] | None:
    """The flag and its bytes, cut as little as needed to be at most `max_bytes`; None when
    even the tightest cut does not fit (the event then goes to the dead-letter topic)."""
    raw = encoded(flag)
    if len(raw) <= max_bytes:
        return flag, raw
    for cut in CUTS:
        trimmed = trim(flag, cut)
        raw = encoded(trimmed)
        if len(raw) <= max_bytes:
            return trimmed, raw
    return None


def trim(flag: Flag, cut: Cut) -> Flag:
    """The flag with every field, list and excerpt over `cut`'s bounds cut, and the cuts listed."""
    cuts: list[TrimmedField] = []

    def text(name: str, value: str) -> str:
        if len(value) <= cut.field_chars:
            return value
        cuts.append(TrimmedField(field=name, size=len(value), kept=cut.field_chars))
        return value[: cut.field_chars]

    def items(name: str, values: list[str]) -> list[str]:
        if len(values) <= cut.list_items:
            return values
        cuts.append(TrimmedField(field=name, size=len(values), kept=cut.list_items))
        return values[: cut.list_items]

    post = flag.post
    target = post.target
    if target is not None:
        target = Target.model_validate(
            target.model_dump()
            | {
                "text": text("target.text", target.text),
                "name": text("target.name", target.name) if target.name else target.name,
            }
        )
    slim_post = Post.model_validate(
        post.model_dump()
        | {
            "text": text("text", post.text),
            "transcript": text("transcript", post.transcript),
            "media_description": text("media_description", post.media_description),
            "hashtags": items("hashtags", post.hashtags),
            "mentions": items("mentions", post.mentions),
            "urls": items("urls", post.urls),
            "target": target,
        }
    )
    decision = flag.decision
    evidence_total = sum(len(h.evidence) for h in decision.hits)
    hits = [_trim_hit(hit, cut) for hit in decision.hits]
    evidence_kept = sum(len(h.evidence) for h in hits)
    if evidence_kept < evidence_total:
        cuts.append(TrimmedField(field="evidence", size=evidence_total, kept=evidence_kept))
    excerpts_cut = sum(
        1 for h in decision.hits for e in h.evidence if len(e.excerpt) > cut.excerpt_chars
    )
    if excerpts_cut:
        cuts.append(
            TrimmedField(field="evidence.excerpt", size=excerpts_cut, kept=cut.excerpt_chars)
        )
    participants = decision.participants
    if len(participants) > cut.participants:
        cuts.append(
            TrimmedField(field="participants", size=len(participants), kept=cut.participants)
        )
        participants = participants[: cut.participants]
    races = decision.races
    if len(races) > cut.participants:
        cuts.append(TrimmedField(field="races", size=len(races), kept=cut.participants))
        races = races[: cut.participants]
    slim_decision = decision.model_copy(
        update={"hits": hits, "participants": participants, "races": races}
    )
    return flag.model_copy(update={"post": slim_post, "decision": slim_decision, "trimmed": cuts})


def _trim_hit(hit: RuleHit, cut: Cut) -> RuleHit:
    evidence = [_trim_evidence(e, cut.excerpt_chars) for e in hit.evidence[: cut.evidence_per_hit]]
    return hit.model_copy(update={"evidence": evidence})


def _trim_evidence(evidence: Evidence, chars: int) -> Evidence:
    if len(evidence.excerpt) <= chars:
        return evidence
    return evidence.model_copy(update={"excerpt": evidence.excerpt[:chars] + ELLIPSIS})
