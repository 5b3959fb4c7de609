"""The registers, the pack's cue lists that signal them, and how much a cue weighs.

Each register (`report`, `warn`, `administer`, `debunk`, `programme`, `educate`, and
`endorse`) is read from lists kept as data in the pack, so a rule author extends the words
without code; here is which list signals which register, which lists are read only in words,
which cues are strong enough alone (`weight`), the feature names each side of a post reads
(`KEYS`), and the register features a rule may use (`register_features`, and
`possible_registers`, which lets the engine skip the reader when no register can come).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from neutrality.featureset import Ev, Features
from neutrality.stance.words import first_person
from schemas import Post

NEUTRAL_REGISTERS = ("report", "warn", "administer", "debunk", "programme", "educate")
REGISTERS = ("endorse", *NEUTRAL_REGISTERS)
# list name -> register it signals
CUE_LISTS = {
    "report_cue": "report",
    "headline_verb": "report",
    "result_cue": "report",
    "news_style": "report",
    "warn_cue": "warn",
    "administer_cue": "administer",
    "programme_cue": "programme",
    "debunk": "debunk",
    "gotv": "educate",
}
ENDORSE_LISTS = ("first_person", "call_to_vote", "endorse_cue")
# An attribution ("ujarnya") gives the words around it to a third person.
ATTRIBUTION_LISTS = frozenset({"report_cue", "headline_verb"})
SPOKEN_FIELDS = frozenset({"text", "transcript", "target.text"})  # words, not a media label
# Lists read only in words: a media description is a reporter's account of a recording, and its
# "disebut suara Sekcam" says whose voice it is, its "kepala desa menjelaskan surat suara" what
# the speaker in it does, not that the recording reports anyone.
WORDS_ONLY_LISTS = frozenset({"headline_verb", "report_cue"})
# A register is read when its cues weigh at least REGISTER_WEIGHT: a structural cue or an
# attribution, a warning, a debunk or a turnout appeal weighs that much alone, any other cue
# word one.
STRONG_CUE_LISTS = frozenset(
    {"report_cue", "headline_verb", "news_style", "debunk", "gotv", "warn_cue"}
)
REGISTER_WEIGHT = 2
# The strong lists whose words name news (a reporting verb, a headline's verb, a newsroom's
# word): in the author's own voice one of them is a topic, not a report (`weight`).
NEWS_WORD_LISTS = frozenset({"report_cue", "headline_verb", "news_style"})

EVALUATION_LIST = "evaluation_cue"  # endorsement only beside a participant named on that side
# Mood and comparison take sides in any words: a wish (`optative_cue`) for a participant's victory
# (`win_outcome`), and a comparison (`comparative_cue`) between participants of one race.
MOOD_LISTS = ("optative_cue", "win_outcome", "comparative_cue")
# Focus particles of exclusion: one participant singled out of the field (see `singled_out`).
EXCLUSIVE_LIST = "exclusive_focus"
# Defeating or removing a participant: opposition (see `ousted`).
OUSTER_LIST = "ouster_cue"
# Conceding every choice but one ("asal jangan", "yang penting bukan"): opposition (ruledout.py).
ANYONE_BUT_LIST = "anyone_but"
STANCE_LISTS = (*CUE_LISTS, *ENDORSE_LISTS, EVALUATION_LIST, *MOOD_LISTS)
# Support described as someone else's ("yang mendukung X", "pendukung X akan menentukan") is not
# the author's: the lists whose words are read for who holds the support.
HOLDER_LISTS = ("support", "endorse_cue", "call_to_vote")

OTHERS_SUPPORT = "someone else's support"  # weighs as one report cue word
# A support verb whose subject is a third party (holder.py), in news passed on: weighs as one
# report cue word too; the subject's words are its evidence.
SUBJECT_SUPPORT = "support of the subject named"

SIDES = (("own", "register", ("text", "media")), ("target", "target.register", ("target",)))
# Feature names each side reads, built once: <zone>.<list> for every list the reader uses.
KEYS = {
    side: {
        name: tuple(f"{zone}.{name}" for zone in zones)
        for name in (
            *STANCE_LISTS,
            *HOLDER_LISTS,
            "first_person",
            "received_directive",
            "directive_cue",
            "threat_cue",
            "negation_cue",
            "parity_cue",
            "support",
            "membership",
            "unspecific_object",
            "participant",
            "candidate_word",
            "campaign_term",
            "campaign_team",
            "asn_audience",
            "office_title",
            "gesture",
            "political_context",
            EXCLUSIVE_LIST,
            OUSTER_LIST,
            ANYONE_BUT_LIST,
        )
    }
    for side, _, zones in SIDES
}

# Per side, the features whose words `held_by_subject` reads for their subject.
SUBJECT_KEYS = {
    side: tuple(key for name in (*HOLDER_LISTS, "first_person") for key in KEYS[side][name])
    for side, _, _ in SIDES
}


def keep(feats: Features, key: str, evs: list[Ev], kept: list[Ev]) -> None:
    """Keep only `kept` of a feature's evidence `evs`; a feature left with none is gone."""
    if len(kept) == len(evs):
        return
    if kept:
        feats.found[key] = kept
    else:
        del feats.found[key]


def take_out(feats: Features, key: str, taken: Callable[[Ev], bool]) -> list[Ev]:
    """Take out of a feature's evidence the pieces `taken` reads otherwise, and return them;
    a feature left with none is gone."""
    evs = feats.found.get(key)
    if not evs:
        return []
    kept: list[Ev] = []
    out: list[Ev] = []
    for ev in evs:
        (out if taken(ev) else kept).append(ev)
    keep(feats, key, evs, kept)
    return out


_ONE_WORD_CUES = frozenset({OTHERS_SUPPORT, SUBJECT_SUPPORT})
# The general evaluative classes (onesided.py reads them), beside `evaluation_cue`.
VERDICT_FEATURES = ("text.evaluative_word", "media.evaluative_word")


def weak_cue(ev: Ev) -> bool:
    """A cue word of a list that is no register alone (not a structural or strong cue)."""
    cue = ev.label[ev.label.find("(") + 1 : -1]
    return cue in CUE_LISTS and cue not in STRONG_CUE_LISTS


def weight(evs: list[Ev], texts: dict[str, str], voiced: Collection[str] = frozenset()) -> int:
    """Structural and strong cues weigh REGISTER_WEIGHT; other cue words one per distinct term
    (the same word twice, "debat" in a hashtag and in the text, is one cue). In `voiced`
    fields (the author speaking as themself, `stance.voice`) a news word of a strong list
    ("menjelaskan", "survei") weighs one too: it is the author's topic, and only a second
    word or a structural cue makes what they wrote a report."""
    at: dict[tuple[str, int | None], str] = {}  # nested terms at one place are one cue
    for ev in evs:
        cue = ev.label[ev.label.find("(") + 1 : -1]
        if cue not in CUE_LISTS and cue not in _ONE_WORD_CUES:
            return REGISTER_WEIGHT
        if cue in STRONG_CUE_LISTS and not (cue in NEWS_WORD_LISTS and ev.field in voiced):
            return REGISTER_WEIGHT
        term = texts.get(ev.field, "")[ev.start : ev.end] or f"{ev.field}:{ev.start}"
        at[(ev.field, ev.start)] = max(at.get((ev.field, ev.start), ""), term, key=len)
    return len(set(at.values()))


def possible_registers(found: Collection[str], post: Post | None = None) -> frozenset[str]:
    """Register features the reader could add given the cue features already found: an
    endorsement needs an endorsing cue on its side, or a participant named on a side whose
    words have a first-person pronoun (the author placing themself beside them, see
    `allegiance`); neutral registers may come from structure."""
    out = _NEUTRAL_FEATURES
    for prefix, cues in _ENDORSING_CUES:
        if not cues.isdisjoint(found):
            out = out | {f"{prefix}.endorse"}
    if post is not None:
        for side, prefix, named in _NAMED_ON:
            if named.isdisjoint(found) or f"{prefix}.endorse" in out:
                continue
            if any(first_person(text) for text in _spoken(post, side)):
                out = out | {f"{prefix}.endorse"}
    return out


def register_features() -> frozenset[str]:
    """Every register feature name a rule may use."""
    names = set()
    for prefix in ("register", "target.register"):
        names |= {f"{prefix}.{r}" for r in REGISTERS}
        names.add(f"{prefix}.neutral")
    return frozenset(names)


_NEUTRAL_FEATURES = register_features() - {"register.endorse", "target.register.endorse"}
# Per side: the register prefix and the features that name a participant there.
_NAMED_ON = tuple((side, prefix, frozenset(KEYS[side]["participant"])) for side, prefix, _ in SIDES)


def _spoken(post: Post, side: str) -> tuple[str, ...]:
    """The words of one side of the post that a person speaks in."""
    if side == "own":
        return (post.text, post.transcript)
    return (post.target.text,) if post.target is not None else ()


# Per side, the cue features without which its endorsement cannot be read.
_ENDORSING_CUES = tuple(
    (
        prefix,
        frozenset(
            key
            for name in (
                *ENDORSE_LISTS,
                EVALUATION_LIST,
                "optative_cue",
                "comparative_cue",
                EXCLUSIVE_LIST,
                OUSTER_LIST,
                ANYONE_BUT_LIST,
            )
            for key in KEYS[side][name]
        ),
    )
    for side, prefix, _ in SIDES
)
