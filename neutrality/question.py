"""Whether a question in the author's words asks, or answers itself (a rhetorical question).

A question is not a stance. "Jadi pilih mana, A atau B?" or "kalau putusan itu batal, apakah
pencalonan X batal?" asks the reader; the names and the vote or support words in it take no
side, though the endorsement lists and the learned model read them as if they did. On publishers
the engine had not seen, such questions were false alarms (a comment that asks whom to choose, a
post asking followers who fits as a running mate). Campaign posts, though, often ask a
rhetorical question whose answer is the author's side ("Siapa lagi kalau bukan X?", "Masih ragu
pilih X?", "Mau pemimpin jujur? Pilih nomor 2!"): those still take a side.

The reader looks at the structure of the sentence a cue sits in, in what the person wrote:

- it must end with a question mark (the sentence is cut at ".", "!", "?", "…" and line ends);
- a leading frame makes it rhetorical: a negated or presupposing question particle
  (`_LEADING`), readiness or assent asked of an audience (`_RALLY`), an interrogative
  followed by "lagi" ("siapa lagi"), or an exception clause
  ("kalau bukan", "selain");
- the author answering it in the next sentence makes it rhetorical: an exclamation, or a
  sentence opening with a vote imperative (`_VOTE_IMPERATIVES`);
- otherwise it is a genuine question when its structure asks (`Kind`): alternatives offered to
  the reader (a disjunction beside an interrogative), the addressee's opinion asked (a
  second-person pronoun or "menurut" beside an interrogative of choice), a conditional
  ("kalau/jika ... apakah/bagaimana"), a yes/no question of fact ("apakah ..."), or a fact
  the author asks to have confirmed: a sentence with no interrogative opened by a word of
  confirmation ("Serius itu X ikut ke Y?", "Benarkah X mundur?"), alone or after the
  conjunction that opens its clause ("... tapi serius nih jurinya jurdil?").

Word classes, not phrases: each set below names its class.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import NamedTuple

from neutrality.featureset import Ev, Features, Scanned
from neutrality.normalise import NormText
from neutrality.onesided import original_span, with_offsets
from neutrality.wordclasses import SECOND_PERSONS, word_set
from schemas import Post

FEATURE = "question.asked"
LABEL = "question:ask"
# The author's spoken fields whose questions are read (a media description is a reporter's).
SPOKEN = ("text", "transcript")
# Endorsement lists a genuine question voids in the author's words: votes, support, endorsement
# cues, praise or blame, wishes, comparisons and outcomes, a side singled out or to be removed
# (what a side-taking sentence says).
VOIDED_LISTS = (
    "call_to_vote",
    "support",
    "endorse_cue",
    "evaluation_cue",
    "optative_cue",
    "win_outcome",
    "comparative_cue",
    "exclusive_focus",
    "ouster_cue",
    "anyone_but",
)
_VOIDED_KEYS = tuple(f"text.{name}" for name in VOIDED_LISTS)
# Shared content is read as a newsroom's when one of these lists is heard in it (a dateline or
# an outlet's phrasing, a verb of reporting, a result or survey word).
_NEWSROOM_KEYS = ("target.news_style", "target.headline_verb", "target.result_cue")
_TARGET_VOIDED_KEYS = tuple(f"target.{name}" for name in VOIDED_LISTS)
SHARED = "target.text"
# The open questions of shared content read as a newsroom's, whose cues were dropped.
NEWSROOM_FEATURE = "target.question.asked"
NEWSROOM_LABEL = "question:a newsroom's open question"

QUESTION_MARK = "?"


# Interrogative words (Indonesian, colloquial and the regional forms the corpus meets).
_INTERROGATIVES = word_set(
    "apa apakah adakah siapa siapakah sapa mana manakah bagaimana bagaimanakah gimana gmn gmana "
    "kenapa mengapa knp kapan berapa dimana kemana opo sopo endi piye naon saha kumaha"
)
# Interrogatives of choice: the answer is a person or an option, which the reader gives.
_CHOICE = word_set("siapa siapakah sapa mana manakah sopo endi saha")
# Yes/no question particles opening a question of fact ("apakah X batal?").
_YES_NO = word_set("apakah adakah apa")
# Words that ask for an opinion ("menurut kalian", "pendapat anda").
_OPINION = word_set("menurut pendapat pendapatmu menurutmu menurutnya")
# Words that ask whether something is so ("serius X ikut?", "benarkah X mundur?"): opening a
# question with no interrogative, they ask a fact to be confirmed. "Masa"/"masak", which expect
# the answer "no", are leading frames (`_LEADING`), not these.
_CONFIRMATION = word_set("serius seriusan beneran benarkah betulkah bener benar betul")
# Conjunctions that open a clause, after which a confirmation word still opens the question.
_CLAUSE_OPENERS = word_set("tapi tp tetapi namun eh terus trus jadi jd")
# Disjunctions offering alternatives ("A atau B", "A apa B", "A vs B").
_DISJUNCTIONS = word_set("atau ataukah apa vs versus")
# Conditional conjunctions ("kalau X, apakah Y?").
_CONDITIONALS = word_set(
    "kalau kalo klo jika jikalau bila apabila andai andaikan seandainya misal misalnya"
)
# Leading, presupposing or negated question frames: the author expects the answer they hold.
_LEADING = word_set(
    "bukankah bukannya masa masak masih masihkah emang emangnya memang kok mosok mosak ngapain"
)
# Readiness and assent asked of an audience ("Apakah kalian siap ...?"): a rallying call whose
# answer ("Siap!") the speaker expects, not a question.
_RALLY = word_set("siap siapkah sanggup sanggupkah setuju setujukah bersedia sepakat")
# The exception clause of "siapa lagi kalau bukan X" / "selain X": one side as the only answer.
_EXCEPTION = re.compile(r"\b(?:kalau|kalo|klo|jika|jikalau)\s+(?:bukan|tidak)\b|\bselain\b")
# Vote imperatives that answer a question in the next sentence ("...? Pilih nomor 2!").
_VOTE_IMPERATIVES = word_set(
    "pilih pilihlah coblos coblosnya coblosan tusuk contreng dukung dukunglah menangkan "
    "ayo yuk mari"
)
_WORD = re.compile(r"[^\W\d_]+")
# A sentence's closing marks, spaces between them included ("Siapa... ?", "kok gitu ?!"): a
# question mark after a trailing ellipsis still closes that sentence. A mark inside a word or a
# link ("?s=19") is no break.
_BREAK = re.compile(r"[.!?…\n]+(?:[ \t]+[.!?…]+)*(?!\w)")


class Kind(StrEnum):
    """What a genuine question asks."""

    ALTERNATIVES = "alternatives offered"
    ADDRESSEE = "the reader's opinion asked"
    CONDITIONAL = "a conditional question"
    FACT = "a yes/no question of fact"
    CONFIRMATION = "a fact asked to be confirmed"
    HEADLINE = "a newsroom's open question"


class Question(NamedTuple):
    """A genuine question: its span in what the person wrote and what it asks."""

    start: int
    end: int
    kind: Kind


def questions(text: str) -> list[Question]:
    """The genuine questions in `text` (as the person wrote it), in order (see the module
    docstring); rhetorical questions and other sentences are left out."""
    out: list[Question] = []
    for start, end, after in _question_sentences(text):
        q = _genuine(text, start, end, after)
        if q is not None:
            out.append(q)
    return out


def open_questions(text: str) -> list[Question]:
    """Every question in `text` that its own sentence leaves open: it ends with a question mark
    and is neither a leading frame nor answered by the next sentence. What a newsroom asks in a
    headline ("Pilpres 2024 Satu Putaran?", "X Menang di Jateng?") is speculation: it needs no
    interrogative to ask, as a reader's question of confirmation does."""
    return [
        Question(start, end, Kind.HEADLINE)
        for start, end, after in _question_sentences(text)
        if _left_open(text, start, end, after) is not None
    ]


def _question_sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, after) of each sentence closed by a question mark: its span, and where
    its closing marks end."""
    if QUESTION_MARK not in text:
        return
    start = 0
    for m in _BREAK.finditer(text):
        if QUESTION_MARK in m.group():
            yield start, m.start(), m.end()
        start = m.end()


def _left_open(text: str, start: int, end: int, after: int) -> tuple[str, list[str]] | None:
    """The sentence text[start:end] (lower-cased) and its words, or None when it does not ask:
    it has no word, an exception clause or a leading frame makes it rhetorical, or the next
    sentence answers it."""
    sentence = text[start:end].lower()
    words = _WORD.findall(sentence)
    if not words or _EXCEPTION.search(sentence) or _answered(text, after):
        return None
    if any(w in _LEADING or w in _RALLY for w in words):
        return None
    return sentence, words


def asked(found: list[Question], at: int) -> Question | None:
    """The question among `found` holding offset `at`, if any."""
    return next((q for q in found if q.start <= at < q.end), None)


def _genuine(text: str, start: int, end: int, after: int) -> Question | None:
    """Classify the question text[start:end] (its marks end at `after`)."""
    opened = _left_open(text, start, end, after)
    if opened is None:
        return None
    sentence, words = opened
    asking = [i for i, w in enumerate(words) if w in _INTERROGATIVES]
    if any(i + 1 < len(words) and words[i + 1] == "lagi" for i in asking):
        return None  # "siapa lagi": only one answer is left
    if not asking:
        at = _confirmation_at(words)
        if at is None:
            return None  # an exclamation in question form, or a tag ("Siap?")
        opens = [m.start() for m in _WORD.finditer(sentence)][at]
        return Question(start + opens, end, Kind.CONFIRMATION)
    kind: Kind | None = None
    if any(w in _DISJUNCTIONS for w in words[1:] if w != words[asking[0]]):
        kind = Kind.ALTERNATIVES
    elif any(w in SECOND_PERSONS or w in _OPINION for w in words) and any(
        words[i] in _CHOICE for i in asking
    ):
        kind = Kind.ADDRESSEE
    elif not _CONDITIONALS.isdisjoint(words):
        kind = Kind.CONDITIONAL
    elif (words[0] in _YES_NO and words[0] != "apa") or words[:2] == ["apa", "kah"]:
        kind = Kind.FACT
    return None if kind is None else Question(start, end, kind)


def _confirmation_at(words: list[str]) -> int | None:
    """Where a question with no interrogative that asks a fact to be confirmed starts (a word
    index), or None: at a confirmation word opening the sentence, or at the word after the
    conjunction opening its last such clause ("Liat ... unggul tapi serius nih ...?" asks only
    from "serius": what comes before the conjunction is stated, not asked)."""
    if words[0] in _CONFIRMATION:
        return 0
    found = [
        i + 1
        for i, (w, nxt) in enumerate(itertools.pairwise(words))
        if w in _CLAUSE_OPENERS and nxt in _CONFIRMATION
    ]
    return found[-1] if found else None


def _answered(text: str, after: int) -> bool:
    """Whether the sentence after a question answers it: an exclamation, or a sentence that
    opens with a vote imperative."""
    rest = text[after:]
    m = _BREAK.search(rest)
    nxt = rest[: m.start()] if m else rest
    first = _WORD.search(nxt.lower())
    if first is None:
        return False
    if first.group() in _VOTE_IMPERATIVES:
        return True
    return m is not None and m.group().startswith("!")


def read_questions(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> None:
    """Add FEATURE with the genuine questions in the author's spoken fields (spans in what the
    person wrote) and drop the endorsement cues inside them (`VOIDED_LISTS`): a question that
    asks takes no side. Run before the register is read, so that no reader counts them.

    `normalise` is the lexicon's normaliser, to map a cue's span to what the person wrote."""
    by_field: dict[str, list[Question]] = {}
    for field in SPOKEN:
        found = questions(post.text if field == "text" else post.transcript)
        if found:
            by_field[field] = found
    if not by_field:
        return
    _void_asked(_VOIDED_KEYS, by_field, feats, scanned, normalise)
    orig = {"text": post.text, "transcript": post.transcript}
    feats.found[FEATURE] = [
        Ev(field, q.start, q.end, f"{LABEL} ({q.kind.value})", orig[field][q.start : q.end], True)
        for field, found in by_field.items()
        for q in found
    ]


def read_newsroom_questions(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> None:
    """Drop the endorsement cues that stand in an open question of shared content read as a
    newsroom's (`_NEWSROOM_KEYS`): a headline asking whether a pair wins in one round calls
    nobody to vote, though "satu putaran" is a slogan. Content with no newsroom's words keeps
    its questions' cues: a supporter's "Masih ragu? Coblos 02!" is answered, and a slogan asked
    in a supporter's voice is still the slogan. Run before the register is read, as
    `read_questions` is for the author's own words."""
    target = post.target
    if target is None or QUESTION_MARK not in target.text:
        return
    if not any(key in feats.found for key in _NEWSROOM_KEYS):
        return
    found = open_questions(target.text)
    if not found:
        return
    if _void_asked(_TARGET_VOIDED_KEYS, {SHARED: found}, feats, scanned, normalise):
        text = target.text
        feats.found[NEWSROOM_FEATURE] = [
            Ev(SHARED, q.start, q.end, NEWSROOM_LABEL, text[q.start : q.end], True) for q in found
        ]


def _void_asked(
    keys: tuple[str, ...],
    by_field: dict[str, list[Question]],
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> bool:
    """Drop the evidence of `keys` that starts in one of the questions `by_field`; whether any
    was dropped. A feature left with no evidence is gone."""
    tracked: dict[str, NormText | None] = {}
    voided = False
    for key in keys:
        evs = feats.found.get(key)
        if not evs:
            continue
        kept = [ev for ev in evs if _asked_in(ev, by_field, scanned, normalise, tracked) is None]
        if len(kept) < len(evs):
            voided = True
            del feats.found[key]
            for ev in kept:
                feats.add(key, ev)
    return voided


def asked_span(feats: Features, field: str, at: int) -> bool:
    """Whether original offset `at` of `field` lies in a genuine question read by
    `read_questions`."""
    return any(
        ev.field == field and (ev.start or 0) <= at < (ev.end or 0)
        for ev in feats.evidence(FEATURE)
    )


def _asked_in(
    ev: Ev,
    by_field: dict[str, list[Question]],
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
    tracked: dict[str, NormText | None],
) -> Question | None:
    """The genuine question a cue's span starts in (None: not in one)."""
    found = by_field.get(ev.field)
    if found is None or ev.start is None or ev.end is None:
        return None
    if ev.raw:
        return asked(found, ev.start)
    if ev.field not in tracked:
        norm = next((sc.norm for sc in scanned if sc.field == ev.field), None)
        tracked[ev.field] = with_offsets(norm, normalise) if norm is not None else None
    norm = tracked[ev.field]
    if norm is None:
        return None
    start, _ = original_span(norm, ev)
    return asked(found, start)


__all__ = [
    "FEATURE",
    "NEWSROOM_FEATURE",
    "Kind",
    "Question",
    "asked",
    "asked_span",
    "open_questions",
    "questions",
    "read_newsroom_questions",
    "read_questions",
]
