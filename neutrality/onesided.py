"""Evaluation directed at a single participant, in the author's own words.

People take sides without a campaign word: they mock, insult or praise one candidate or pair
("X cuma bisa omong kosong", "X memang pantas jadi pemimpin", "anis besar mulut doang"). The
label guidelines count that as expressed support or opposition; even-handed praise or blame of
every side, a quotation or report of someone's evaluation, and praise of an office-holder's
programme are not. This reader finds the shape, not phrases:

- an evaluative word (`evaluation_cue` or the general evaluative classes of `evaluative_word`
  in the pack's lists, matched by the compiled lexicon like every list);
- its target: a participant reference in the same field, in the same sentence of the original
  text and at most CLAUSE_WORDS words away;
- exactly one side: every participant the author's own words name is one and the same (two
  rival sides judged in one post is a comparison or even-handed talk, left to other readers);
- the author's voice: not inside quotation marks, not in a field with a reporting cue, not in a
  sentence that asks.

Time and role are left to the rule (the election's phase, and the neutral registers, among them
the government programme register, in its `unless`). The feature's evidence is the evaluative
word and the reference it is said of, so the explanation shows both.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from neutrality import sentences
from neutrality.featureset import Ev, Features, Scanned
from neutrality.normalise import NormText, quick_offsets
from neutrality.stance import QUOTE_CHARS, judged_alone, quoted_spans
from schemas import Post

FEATURE = "evaluation.one_side"
LABEL = "evaluation of one side"
EVALUATION_FEATURES = ("text.evaluation_cue", "text.evaluative_word")
REFERENCE_FEATURES = ("text.participant", "media.participant")
SPOKEN = frozenset({"text", "transcript"})  # the author's own words (not a media label)
CLAUSE_WORDS = 14  # words between an evaluative word and the reference it is said of
# Indonesian verbs of saying and judging, and "menurut" (according to): a participant right
# before such a verb ("Luluk sebut Pemprov gagal"), or right after "menurut", is the speaker,
# and the evaluation that follows is theirs, reported, not the author's verdict on them.
# ("mengucapkan", to utter a greeting, is left out: it says nothing of anyone.)
_SAYING = frozenset([
    "sebut", "menyebut", "sebutkan", "menyebutkan", "bilang", "kata", "katanya", "mengatakan",
    "menilai", "nilai", "klaim", "mengklaim", "ungkap", "mengungkap", "mengungkapkan", "tuding",
    "menuding", "sindir", "menyindir", "kritik", "mengkritik", "ucap", "tegaskan", "menegaskan",
    "akui", "mengakui",
])  # fmt: skip
_ACCORDING = frozenset(["menurut", "kata", "bagi"])
_QUESTION_MARK = "?"


@dataclass(frozen=True, slots=True)
class Spoken:
    """The author's own words in a post, as written: the fields of SPOKEN, the only ones whose
    evaluations the reader takes for the author's voice."""

    text: str = ""
    transcript: str = ""

    @classmethod
    def of(cls, post: Post) -> Spoken:
        return cls(text=post.text, transcript=post.transcript)

    def written(self, field: str) -> str:
        """What the person wrote in `field` ("" for a field that is not spoken)."""
        if field == "text":
            return self.text
        if field == "transcript":
            return self.transcript
        return ""


def possible(found: Collection[str]) -> bool:
    """Whether the reader could add its feature given the cue features found (the engine's
    optimistic look at which rules could still fire)."""
    return any(f in found for f in EVALUATION_FEATURES) and "text.participant" in found


def participant_of(ev: Ev) -> str | None:
    """The participant id a reference's label names, or None for an account tagged with @
    (whom a reply is addressed to, not whom it judges) and a number listed among others.

    Asked a dozen times or more for each reference of a post the stance tier reads (by side,
    race and reader), of labels that recur across posts: each label is read once
    (`_label_participant`) and its reading remembered, up to LABELS_KEPT labels."""
    if ev.field.startswith("mentions["):
        return None
    label = ev.label
    known = _PARTICIPANT_OF
    if label in known:
        return known[label]
    if len(known) >= LABELS_KEPT:
        known.clear()
    pid = known[label] = _label_participant(label)
    return pid


def _label_participant(label: str) -> str | None:
    """What `participant_of` reads in a reference's label."""
    if label.startswith("tagged account:"):
        return None
    pid = label.rsplit(">", 1)[-1].split(":", 1)[-1]
    return pid if " " not in pid else None


LABELS_KEPT = 4_096  # labels whose participant is remembered: memory stays bounded
_PARTICIPANT_OF: dict[str, str | None] = {}


def read_one_sided(
    spoken: Spoken,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> None:
    """Add FEATURE when an evaluative word is said of the one side the author names.

    `spoken` is what the person wrote; `normalise` is the lexicon's normaliser (with offsets
    when asked), used only for a field that qualifies."""
    evaluations = [
        ev
        for key in EVALUATION_FEATURES
        for ev in feats.evidence(key)
        if ev.field in SPOKEN and ev.start is not None and ev.end is not None and not ev.raw
    ]
    if not evaluations:
        return
    references = [
        ev
        for key in REFERENCE_FEATURES
        for ev in feats.evidence(key)
        if participant_of(ev) is not None
    ]
    sides = {participant_of(ev) for ev in references}
    if len(sides) > 1:
        # rival sides named: one-sided only where the verdicts are said of one of them alone
        texts = {sc.field: sc.norm.text for sc in scanned if sc.field in SPOKEN}
        judged = judged_alone(texts, evaluations, references)
        references = [ev for ev in references if participant_of(ev) == judged]
        sides = {judged} if judged is not None else sides
    if len(sides) != 1:
        return  # nobody, or rival sides judged together: not directed at one
    by_field: dict[str, list[Ev]] = {}
    for ev in references:
        if ev.field in SPOKEN and ev.start is not None and ev.end is not None and not ev.raw:
            by_field.setdefault(ev.field, []).append(ev)
    if not by_field:
        return
    reports = {ev.field for ev in feats.evidence("text.report_cue")}
    out: list[Ev] = []
    for field, refs in by_field.items():
        orig = spoken.written(field)
        norm = _norm_of(scanned, field)
        if field in reports or norm is None or not orig:
            continue
        said = [ev for ev in evaluations if ev.field == field]
        speakers = [ref for ref in refs if _speaker(norm.text, ref)]
        refs = [ref for ref in refs if ref not in speakers]
        near = [
            (ev, ref)
            for ev in said
            for ref in refs
            if _words_between(norm.text, ev, ref) <= CLAUSE_WORDS
        ]
        if not near:
            continue
        tracked = with_offsets(norm, normalise)
        quoted = quoted_spans(orig) if QUOTE_CHARS.intersection(orig) else []
        breaks = [m.start() for m in sentences.END.finditer(orig)]
        for ev, ref in near:
            a, b = original_span(tracked, ev)
            ra, rb = original_span(tracked, ref)
            if any(qa <= a < qb for qa, qb in quoted):
                continue  # someone else's words
            lo, hi = min(a, ra), max(b, rb)
            if any(lo <= at < hi for at in breaks):
                continue  # another sentence
            if any(_heard_from(tracked, speaker, a, breaks) for speaker in speakers):
                continue  # a participant's words reported ("Luluk sebut Pemprov gagal")
            if _asks(orig, hi, breaks):
                continue  # a question, not a verdict
            pid = participant_of(ref)
            out.append(Ev(field, ev.start, ev.end, f"{LABEL}:{pid} ({orig[a:b]})"))
            out.append(ref)
    if out:
        feats.found[FEATURE] = out


def _norm_of(scanned: list[Scanned], field: str) -> NormText | None:
    """The normalised text of a scanned field (None: the field had no hit)."""
    return next((sc.norm for sc in reversed(scanned) if sc.field == field), None)


def _speaker(text: str, ref: Ev) -> bool:
    """Whether the participant at `ref` speaks: a verb of saying or judging right after the
    reference, or "menurut"/"kata"/"bagi" right before it (`_SAYING`, `_ACCORDING`)."""
    after = text[ref.end or 0 :].split(None, 1)
    before = text[: ref.start or 0].rsplit(None, 1)
    return bool(after and after[0] in _SAYING) or bool(before and before[-1] in _ACCORDING)


def _heard_from(norm: NormText, speaker: Ev, at: int, breaks: list[int]) -> bool:
    """Whether the evaluative word at original offset `at` follows a speaking participant in
    the same sentence: it is what they said."""
    _, end = original_span(norm, speaker)
    return end <= at and not any(end <= b < at for b in breaks)


def _words_between(text: str, ev: Ev, ref: Ev) -> int:
    """Words between two spans of one normalised text (which separates words by one space)."""
    first, second = (ev, ref) if (ev.start or 0) <= (ref.start or 0) else (ref, ev)
    lo, hi = first.end or 0, second.start or 0
    return text.count(" ", lo, hi) - 1 if hi > lo else 0


def original_span(norm: NormText, ev: Ev) -> tuple[int, int]:
    """A span's offsets in what the person wrote (a raw span is there already)."""
    start, end = ev.start or 0, ev.end or 0
    if ev.raw:
        return start, end
    limit = len(norm.text)
    return norm.span(min(start, limit), min(end, limit))


def with_offsets(norm: NormText, normalise: Callable[[str, bool], NormText]) -> NormText:
    """The field normalised with its original offsets (computed only for a field that needs it)."""
    if norm.starts is not None:
        return norm
    if norm.quick:
        known = quick_offsets(norm.orig, norm.text)
        if known is not None:
            return known
    return normalise(norm.orig, True)


def _asks(orig: str, at: int, breaks: list[int]) -> bool:
    """Whether the sentence holding offset `at` ends with a question mark."""
    end = next((b for b in breaks if b >= at), len(orig))
    stop = orig[end : end + 3] if end < len(orig) else ""
    return _QUESTION_MARK in stop


__all__ = [
    "FEATURE",
    "Spoken",
    "original_span",
    "possible",
    "read_one_sided",
    "with_offsets",
]
