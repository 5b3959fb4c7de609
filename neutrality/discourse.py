"""Judgement of one participant carried by a whole post, not by one sentence.

A buzzer's post praises or attacks one candidate over several sentences: the name comes once or
twice, then "beliau", "dia", "-nya" carry it, and the verdict is the post's shape rather than
one word beside the name ("X sosok pemimpin yang konsisten ... Beliau getol ..."). Written in
plain declarative sentences with a shortened link, such a post has the shape the register
reader takes for news prose; what a newsroom does not do is predicate leadership of a candidate
or judge one side sentence after sentence. This reader finds two shapes:

- leader predication: a participant reference followed, in the same clause and with at most
  LINK_WORDS words between, by a noun of leadership or character (`LEADER_NOUNS`, a closed
  class of role nouns that are no office: "pemimpin", "sosok", "figur", "negarawan") that is
  modified ("X sosok pemimpin yang konsisten", "X adalah paket komplit seorang pemimpin
  handal", "X Pemimpin Masa Depan"). A capitalised word after a lower-case noun is a proper
  name ("pemimpin Gerindra": whose leader, a fact), not a modifier;
- sustained evaluation: evaluative words (the pack's `evaluation_cue` and `evaluative_word`)
  in at least SUSTAINED_SENTENCES sentences of the first WINDOW_SENTENCES, each of which names
  the side or refers back to it (`ANAPHORS`, a closed class of third-person pronouns and the
  "-nya" clitic), one of them by name.

Both need one side: in each race the post names, one participant (rivals judged together are
a comparison, left to other readers). Both need the author's voice: not inside quotation marks,
not in a sentence that asks, not after a participant who speaks ("menurut X", "X sebut"), and
the field read as reported only by its shape (news prose, a headline, the reported speech that
follows from these, a shortened link, a generic call to vote): a dateline, a publisher's
address, an attributed quotation or a signed saying keep it a report. Time and role are the
rule's (`N02.judges-one-side-at-length`). The evidence names the shape and the words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from neutrality import sentences
from neutrality.featureset import Ev, Features, Scanned
from neutrality.normalise import NormText
from neutrality.onesided import (
    EVALUATION_FEATURES,
    REFERENCE_FEATURES,
    Spoken,
    original_span,
    participant_of,
    with_offsets,
)
from neutrality.stance import QUOTE_CHARS, SHORTENERS, quoted_spans
from neutrality.stance.words import RELATIVE
from neutrality.wordclasses import COPULAS, LEADER_NOUNS

FEATURE = "evaluation.sustained"
LABEL = "one side judged across the post"
LINK_WORDS = 4  # words between a name and the leader noun predicated of it
WINDOW_SENTENCES = 8  # sentences read for sustained evaluation (long posts stay cheap)
SUSTAINED_SENTENCES = 2  # sentences with an evaluative word said of the side
# Plain nouns of persons, read as a predicate only after a copula and before a relative
# clause ("X adalah orang yang punya rekam jejak", "X merupakan pribadi yang tulus").
PERSON_NOUNS = frozenset(["orang", "pribadi", "manusia", "tokoh"])
# Third-person reference back to someone already named: pronouns and the possessive clitic.
ANAPHORS = frozenset(["beliau", "dia", "ia", "keduanya", "dirinya", "sosoknya", "mereka"])
ANAPHOR_CLITIC = "nya"
CLITIC_STEM = 3  # letters a word needs before "-nya" to be read as a clitic on a stem
# Verbs of saying and "according to": a name before or after them speaks (as in onesided.py).
_SAYING = frozenset([
    "sebut", "menyebut", "bilang", "kata", "katanya", "mengatakan", "menilai", "ujar", "ucap",
    "tegaskan", "menegaskan", "ungkap", "mengungkapkan", "klaim", "mengklaim", "menurut",
])  # fmt: skip
# Neutral readings made from a field's shape alone; any other keeps the field a report.
_SHAPE_ONLY = (
    "register:report (news prose)",
    "register:report (headline)",
    "register:report (reported speech)",
    "register:report (a link to a publisher)",  # allowed only for a shortener (see `_shaped`)
    "register:educate (gotv)",
)
_WORD = re.compile(r"\w+")
_LINK = re.compile(r"https?://\S+")
_ENUMERATOR = re.compile(r"(?:^|\s)\d{1,2}$")  # a list item's number, ending the sentence before


class _Token(NamedTuple):
    """One word of the author's text. A named tuple, not a frozen dataclass: one is made for
    every word of every text read here, and a frozen dataclass sets each field through
    object.__setattr__ (several times the cost of building a tuple)."""

    start: int
    end: int
    word: str  # lower case


def possible(found: Collection[str]) -> bool:
    """Whether the reader could add its feature: a participant named in the author's text."""
    return "text.participant" in found


def read_discourse(
    spoken: Spoken,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> None:
    """Add FEATURE when the author's text judges its one named side by leader predication or
    across sentences (see the module's docstring)."""
    orig = spoken.text
    if not orig:
        return
    sides = _sides(feats)
    if not sides or not _shaped(feats):
        return
    norm = next((sc.norm for sc in reversed(scanned) if sc.field == "text"), None)
    if norm is None:
        return
    refs = [
        ev
        for key in REFERENCE_FEATURES
        for ev in feats.evidence(key)
        if ev.field == "text" and participant_of(ev) in sides and ev.start is not None
    ]
    if not refs:
        return
    tracked = with_offsets(norm, normalise)
    names = [(ev, *_span(tracked, ev)) for ev in refs]
    masked = _masked(orig)
    tokens = [_Token(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(masked)]
    breaks = [m.start() for m in sentences.END.finditer(masked)]
    out = _leader_predication(masked, tokens, breaks, names)
    if not out and len(sides) == 1:
        evaluative = [
            _span(tracked, ev)
            for key in EVALUATION_FEATURES
            for ev in feats.evidence(key)
            if ev.field == "text" and ev.start is not None and not ev.raw
        ]
        out = _sustained(masked, tokens, breaks, names, evaluative, next(iter(sides)))
    if out:
        feats.found[FEATURE] = out


def _span(norm: NormText, ev: Ev) -> tuple[int, int]:
    return (ev.start or 0, ev.end or 0) if ev.raw else original_span(norm, ev)


def _sides(feats: Features) -> set[str]:
    """The participants the author's text names when, in every race the post names, one
    participant is named (empty: nobody, or rivals named together). A post about one 2024
    candidate that names a past race's winner ("melanjutkan kepemimpinan Jokowi") still names
    one side in each race."""
    by_race: dict[str, set[str]] = {}
    for key in REFERENCE_FEATURES:
        for ev in feats.evidence(key):
            pid = participant_of(ev)
            if pid is not None:
                by_race.setdefault(pid.split("/", 1)[0], set()).add(pid)
    if not by_race or any(len(pids) != 1 for pids in by_race.values()):
        return set()
    return {
        pid
        for ev in feats.evidence("text.participant")
        if ev.field == "text" and (pid := participant_of(ev)) is not None
    }


def _shaped(feats: Features) -> bool:
    """Whether every neutral reading of the author's text comes from its shape alone."""
    for ev in feats.evidence("register.neutral"):
        if ev.field not in ("text",) and not ev.field.startswith("urls["):
            continue
        if not ev.label.startswith(_SHAPE_ONLY):
            return False
        if ev.label.endswith("(a link to a publisher)") and ev.excerpt not in SHORTENERS:
            return False
    return not feats.has("author.news_outlet")


def _masked(orig: str) -> str:
    """The text with links and quoted words blanked (same length, so offsets hold)."""
    out = list(orig)
    spans = [(m.start(), m.end()) for m in _LINK.finditer(orig)]
    if QUOTE_CHARS.intersection(orig):
        spans += quoted_spans(orig)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)


def _sentence_of(at: int, breaks: Sequence[int]) -> int:
    """The index of the sentence holding offset `at` (breaks are sorted: a binary search)."""
    return bisect.bisect_left(breaks, at)


def _asks(text: str, at: int, breaks: Sequence[int]) -> bool:
    """Whether the sentence holding `at` ends with a question mark: a question, no verdict."""
    end = next((b for b in breaks if b >= at), len(text))
    return "?" in text[end : end + 3]


def _leader_predication(
    text: str,
    tokens: list[_Token],
    breaks: Sequence[int],
    names: list[tuple[Ev, int, int]],
) -> list[Ev]:
    """Evidence of a leader noun predicated, with a modifier, of the side's name."""
    starts = [t.start for t in tokens]
    for ev, _, name_end in names:
        at = bisect.bisect_left(starts, name_end)
        after = tokens[at : at + LINK_WORDS + 2]  # the words a predicate may stand in
        for i, tok in enumerate(after[: LINK_WORDS + 1]):
            if tok.word in PERSON_NOUNS and i > 0 and after[i - 1].word in COPULAS:
                if i + 1 >= len(after) or after[i + 1].word not in RELATIVE:
                    continue  # "X adalah orang Solo": where from, no character
            elif tok.word not in LEADER_NOUNS:
                if tok.word in _SAYING:
                    break  # the name speaks ("X menegaskan pemimpin ..."): their words follow
                continue
            between = text[name_end : tok.start]
            if any(c in between for c in ",:@") or any(name_end <= b < tok.start for b in breaks):
                break
            if i + 1 >= len(after):
                break
            nxt = after[i + 1]
            gap = text[tok.end : nxt.start]
            if gap.strip() or any(tok.end <= b < nxt.start for b in breaks):
                break  # the noun ends its clause: nothing modifies it
            written = text[tok.start : tok.end]
            modifier = text[nxt.start : nxt.end]
            if written[:1].islower() and modifier[:1].isupper():
                break  # "pemimpin Gerindra": a proper name, whose leader
            if _asks(text, tok.start, breaks):
                break
            side = participant_of(ev)
            label = f"{LABEL}:{side} (leader predicated: {written} {modifier})"
            return [Ev("text", tok.start, nxt.end, label, raw=True), ev]
    return []


def _refers(tok: _Token) -> bool:
    return tok.word in ANAPHORS or (
        tok.word.endswith(ANAPHOR_CLITIC) and len(tok.word) - len(ANAPHOR_CLITIC) >= CLITIC_STEM
    )


def _sustained(
    text: str,
    tokens: list[_Token],
    breaks: Sequence[int],
    names: list[tuple[Ev, int, int]],
    evaluative: list[tuple[int, int]],
    side: str,
) -> list[Ev]:
    """Evidence of evaluative words in several sentences that name the side or refer back."""
    named = {_sentence_of(a, breaks) for _, a, _ in names}
    referring = named | {_sentence_of(t.start, breaks) for t in tokens if _refers(t)}
    # The items of a numbered list continue the sentence that introduces it ("Tim X yang
    # terseret korupsi: 1. A - koruptor 2. B - ..."): each is said of what it heads.
    first = min(named)
    referring |= {
        k + 1
        for k, b in enumerate(breaks[:WINDOW_SENTENCES])
        if k >= first and _ENUMERATOR.search(text, max(0, b - 4), b) is not None
    }
    judged: dict[int, tuple[int, int]] = {}
    for a, b in evaluative:
        if not text[a:b].strip():
            continue  # blanked: a link or someone's quoted words
        k = _sentence_of(a, breaks)
        if k < WINDOW_SENTENCES and k in referring and not _asks(text, a, breaks):
            judged.setdefault(k, (a, b))
    if len(judged) < SUSTAINED_SENTENCES or named.isdisjoint(judged):
        return []
    words = ", ".join(text[a:b] for a, b in judged.values())
    a, b = min(judged.values())
    label = f"{LABEL}:{side} (judged in {len(judged)} sentences: {words})"
    return [Ev("text", a, b, label, raw=True), names[0][0]]


__all__ = ["ANAPHORS", "FEATURE", "LEADER_NOUNS", "possible", "read_discourse"]
