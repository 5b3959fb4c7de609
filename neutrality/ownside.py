"""Whether the side the learned model's lone opinion is about is named by the author.

The model-alone rules (N02.model-second-opinion, N04.engage-candidacy) send an event to review
when the model's score passes its lower threshold and a side is named: a participant, a
candidate word, an endorsement, a superior's directive. Out of fold, on publishers the model had
not seen, the most frequent false alarm of that path was a comment whose own words name nobody
(a question, a joke, a complaint) under a post that names a party or a debate: the name the rule
rested on was the post's, not the commenter's (by source 7 of 7 such lone reviews were false
alarms). A side named only inside quotation marks (a petition's title passed on) is someone
else's words in the same way, as the one-sided reader already holds. Neither is the author
taking a side, and the model's n-grams (which read the whole event) are then its only evidence.

This reader keeps, as FEATURE, the cues the author is responsible for:

- a cue in the author's own fields (text, transcript, hashtags, the description of their own
  photo or video), unless its span lies inside quotation marks in what the person wrote;
- but not a cue inside a genuine question (`neutrality.question`): "pilih mana, A atau B?"
  asks the reader, so the names in it are no side the author takes;
- a directive ("saya minta", "harus") only in a recording (an event with a transcript or a
  described photo or video): there a superior speaks to staff with no campaign word, as
  `Engine._superior_speaking` reads it; in typed words a directive names no side (out of fold
  both lone reviews resting on one were false alarms);
- a cue in the content acted on (`target.*`) when the act is the author's whole statement: a
  like, a follow, a share, or a comment with no words of its own. A comment with words answers
  the content; its words, not the content's, must name the side.

The evidence is the cue spans themselves, relabelled so the explanation a supervisor reads says
which of the two it was.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from neutrality.featureset import Ev, Features, Scanned
from neutrality.normalise import NormText
from neutrality.onesided import original_span, with_offsets
from neutrality.question import FEATURE as ASKED
from neutrality.stance import QUOTE_CHARS, quoted_spans
from schemas import Action, Post

FEATURE = "side.own"
# The cues the model-alone rules accept as a named side, in the author's own fields.
OWN_CUES = (
    "text.participant",
    "text.candidate_word",
    "media.participant",
    "media.candidate_word",
    "register.endorse",
)
# A directive counts only in a recording: a superior's words to staff (see the module docstring).
RECORDING_CUES = ("text.directive_cue",)
# The same cues in the content acted on: the author's only when the act is their whole statement.
ACT_CUES = ("target.participant", "target.candidate_word")
OWN_LABEL = "own words"
ACT_LABEL = "own act on content naming"
SPOKEN = frozenset({"text", "transcript"})  # fields whose quotation marks are read


def possible(found: Collection[str]) -> bool:
    """Whether the reader could add FEATURE given the features found (or possibly found)."""
    return any(f in found for f in (*OWN_CUES, *RECORDING_CUES, *ACT_CUES))


def read_own_side(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> None:
    """Add FEATURE with the cues the author is responsible for (see the module's docstring).

    `normalise` is the lexicon's normaliser, used only for a spoken field with quotation marks
    (to map a cue's span to what the person wrote)."""
    out: list[Ev] = []
    quoted: dict[str, tuple[NormText, list[tuple[int, int]]] | None] = {}
    asked = _asked_spans(feats)
    recording = bool(post.transcript or post.media_description)
    for key in (*OWN_CUES, *RECORDING_CUES) if recording else OWN_CUES:
        for ev in feats.evidence(key):
            if not _in_quotes(post, ev, scanned, normalise, quoted, asked):
                out.append(_relabelled(ev, OWN_LABEL))
    if post.action is not Action.COMMENT or not (post.text.strip() or post.transcript.strip()):
        for key in ACT_CUES:
            out.extend(_relabelled(ev, ACT_LABEL) for ev in feats.evidence(key))
    if out:
        feats.found[FEATURE] = out


def _relabelled(ev: Ev, why: str) -> Ev:
    return Ev(ev.field, ev.start, ev.end, f"{why}: {ev.label}", ev.excerpt, ev.raw)


def _asked_spans(feats: Features) -> dict[str, list[tuple[int, int]]]:
    """Per spoken field, the spans of the genuine questions the question reader found."""
    out: dict[str, list[tuple[int, int]]] = {}
    for ev in feats.evidence(ASKED):
        if ev.start is not None and ev.end is not None:
            out.setdefault(ev.field, []).append((ev.start, ev.end))
    return out


def _in_quotes(
    post: Post,
    ev: Ev,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
    cache: dict[str, tuple[NormText, list[tuple[int, int]]] | None],
    asked: dict[str, list[tuple[int, int]]],
) -> bool:
    """Whether the cue's span starts inside quotation marks, or inside a genuine question
    (`neutrality.question`: a question that asks names no side), in the field as written."""
    if ev.field not in SPOKEN or ev.start is None or ev.end is None:
        return False
    if ev.field not in cache:
        orig = post.text if ev.field == "text" else post.transcript
        spans = quoted_spans(orig) if QUOTE_CHARS.intersection(orig) else []
        spans += asked.get(ev.field, [])
        norm = next((sc.norm for sc in scanned if sc.field == ev.field), None)
        cache[ev.field] = (with_offsets(norm, normalise), spans) if spans and norm else None
    known = cache[ev.field]
    if known is None:
        return False
    tracked, spans = known
    start, _ = original_span(tracked, ev)
    return any(a <= start < b for a, b in spans)


__all__ = ["FEATURE", "possible", "read_own_side"]
