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
- but a candidate of an election already over on the day (the 2019 race's President in a
  2023 post) only beside another own cue or the author's talk of an election: alone it names
  no side of a race being run, and is kept as PAST_FEATURE for the explanation (on real train
  and dev, the lone reviews resting on a past race's candidate alone were false alarms: a
  programme's history, a village head's joke; the one true catch naming such a figure, "AHY R1
  2019.. boleh kalah di Pilgub", talks of an election). A party is never past (it stands in
  every election and backs candidates between them), nor is a name the catalogue ties to a
  later race (it may be a candidate in an earlier one the catalogue does not hold);
- but not a participant's account tagged with @ only in the post's address block, the handles
  it opens with (the thread a reply tags) or closes with ("... istriku @jokowi"): that is whom
  the post is addressed to, not a side it names; a handle inside the sentence ("berharap
  @prabowo bisa ...") is a name the author uses;
- but not a cue inside a genuine question (`neutrality.question`): "pilih mana, A atau B?"
  asks the reader, so the names in it are no side the author takes;
- but not a cue inside a request that asks the one named to act and asks for no vote or
  support (`neutrality.request`): "Pak X, tolong turunkan harga tiket" names whom the author
  petitions, not a side (out of fold by source, 4 of the lone reviews' 81 false alarms were
  such requests, and no catch rested on one);
- but not a candidate word (or an endorsement) that singles out no side, kept as
  GENERIC_FEATURE for the explanation: the modifier of an election event ("debat capres",
  "moderator debat cawapres"), a word counted or quantified over all of them ("3 capres ini",
  "ketiga capres", "masing2 capres cawapres", "mereka bertiga capres kita"), or one in the scope
  of a free-choice pronoun ("siapapun dukungan Anda"). On the broadcast debate's comments these
  were the lone model reviews' false alarms (complaints about the format, requests to invite
  all three); a ballot number, the author's own choice or "yang satu" after the word still
  points to one side (`_generic_reading`);
- a directive ("saya minta", "harus") only in a recording (an event with a transcript or a
  described photo or video): there a superior speaks to staff with no campaign word, as
  `Engine._superior_speaking` reads it; in typed words a directive names no side (out of fold
  both lone reviews resting on one were false alarms);
- a cue in the content acted on (`target.*`) when the act is the author's whole statement: a
  like, a follow, a share, or a comment with no words of its own. A comment with words answers
  the content; its words, not the content's, must name the side.

The evidence is the cue spans themselves, relabelled so the explanation a supervisor reads says
which of the two it was.

A second feature, REPLY_FEATURE, says whom a comment's own words single out. A comment under a
news video or a broadcast debate answers it: the publisher's neutral register is the content's,
not the commenter's, and a reply that names one candidate ("Tetep Ganjar Pranowo dong",
"pak prabowo bagus teorinya, tp sudah 5 tahun gak kelihatan hasilnya") takes or attacks that
side whatever the video reports. It holds
when every participant the comment's own words name (outside quotation marks and genuine
questions, as FEATURE reads them; an @-tagged account is whom the reply is addressed to, not
whom it judges) is one and the same, of a race in season on the day. Whether an "amin" is the
pair AMIN or a prayer's amen is read once, by the extractor (`features._a_prayer`): a prayer's
amen is no participant there, and "ayo, AMIN aja" names the pair here as it does everywhere.
A comment naming several ("paslon 2, 3", "Pak Mahfud keren, Gibran juga") or only a candidate
word ("semua calon") weighs them, and one naming a past election's figure
(the President in 2024) names no side of the race being run; neither is singled out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from neutrality.featureset import LISTED_NUMBERS, Ev, Features, Scanned
from neutrality.normalise import NormText
from neutrality.onesided import original_span, with_offsets
from neutrality.question import FEATURE as ASKED
from neutrality.request import FEATURE as REQUESTED
from neutrality.stance import QUOTE_CHARS, quoted_spans
from neutrality.stance.words import UNIVERSAL
from neutrality.wordclasses import word_set
from schemas import Action, Post

FEATURE = "side.own"
REPLY_FEATURE = "side.reply"  # a comment's own words single out one participant in season
PAST_FEATURE = "side.past"  # the author names only candidates of elections already over
GENERIC_FEATURE = "side.generic"  # candidate words or endorsements that single out no side
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
_ANY_CUE = frozenset((*OWN_CUES, *RECORDING_CUES, *ACT_CUES))  # what `possible` asks for
TAGGED = "tagged account:"  # the label of a participant's account tagged with @ in the text
OWN_LABEL = "own words"
REPLY_LABEL = "the reply singles out"
PAST_LABEL = "a candidate of an election already over"
GENERIC_LABEL = "names no side"
# The author's words speaking of an election (a contest word, what is at stake in one): beside
# them a past election's participant may be put forward for the next one.
ELECTION_TALK = ("text.political_context", "text.electoral_stake")
# The participant cues that can name a past election's candidate (a candidate word, an
# endorsement or a directive names no race, so no past one).
_PARTICIPANT_CUES = frozenset({"text.participant", "media.participant"})
ACT_LABEL = "own act on content naming"
SPOKEN = frozenset({"text", "transcript"})  # fields whose quotation marks are read


def possible(found: Collection[str]) -> bool:
    """Whether the reader could add FEATURE given the features found (or possibly found)."""
    return not _ANY_CUE.isdisjoint(found)


def read_own_side(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
    election_over: Callable[[str], bool] | None = None,
) -> None:
    """Add FEATURE with the cues the author is responsible for (see the module's docstring).

    `normalise` is the lexicon's normaliser, used only for a spoken field with quotation marks
    (to map a cue's span to what the person wrote). `election_over(participant id)` says
    whether the participant is a candidate of an election already over on the day (the
    President under his 2019 candidacy in a 2023 post): that names no side of a race being
    run, as REPLY_FEATURE already holds. Such a cue is kept apart as PAST_FEATURE, shown to
    the supervisor, and counts as the author's side only beside another cue of the author's
    own or where the author's words speak of an election (ELECTION_TALK: "AHY R1 2019", "boleh
    kalah di Pilgub"): a past election's candidate may be put forward for the next one."""
    out: list[Ev] = []
    past: list[Ev] = []
    quoted: dict[str, tuple[NormText, list[tuple[int, int]]] | None] = {}
    asked = _asked_spans(feats)
    recording = bool(post.transcript or post.media_description)
    addressees: dict[str, set[str]] = {}
    generic: list[Ev] = []
    tracked: dict[str, NormText | None] = {}
    for key in (*OWN_CUES, *RECORDING_CUES) if recording else OWN_CUES:
        # asked once per key, not per cue: only a participant cue can name a candidate of an
        # election already over
        over = election_over if key in _PARTICIPANT_CUES else None
        for ev in feats.evidence(key):
            if ev.label.startswith(TAGGED) and _addressed(post, ev, scanned, addressees):
                continue  # whom the post is addressed to, not a side it names
            if _in_quotes(post, ev, scanned, normalise, quoted, asked):
                continue
            why = _generic_reading(
                post, key, ev, scanned, normalise, tracked, feats.evidence("text.candidate_word")
            )
            if why is not None:
                generic.append(_relabelled(ev, f"{GENERIC_LABEL} ({why})"))
                continue
            if over is not None and (pid := _participant_id(ev.label)) is not None and over(pid):
                past.append(ev)
            else:
                out.append(_relabelled(ev, OWN_LABEL))
    if post.action is not Action.COMMENT or not (post.text.strip() or post.transcript.strip()):
        for key in ACT_CUES:
            out.extend(_relabelled(ev, ACT_LABEL) for ev in feats.evidence(key))
    if out or (past and any(feats.evidence(key) for key in ELECTION_TALK)):
        feats.found[FEATURE] = out + [_relabelled(ev, OWN_LABEL) for ev in past]
    elif past:
        feats.found[PAST_FEATURE] = [_relabelled(ev, PAST_LABEL) for ev in past]
    if generic and FEATURE not in feats.found:
        feats.found[GENERIC_FEATURE] = generic


# Generic readings of a candidate word (see `_generic_reading`). Each is a closed class:
# - the quantifiers and collective numerals that range over every candidate ("semua capres",
#   "ketiga paslon", "mereka bertiga capres kita") or count them without a number ("lebih
#   banyak capres", "beberapa paslon"); a bare cardinal ("3 capres") is read apart, and one
#   written with a leading zero ("02") is a ballot number, not a count;
_QUANTIFIERS = (
    UNIVERSAL
    | {"para"}
    | word_set("kedua ketiga keempat kelima keduanya ketiganya bertiga berdua berempat")
    | word_set("dua tiga empat lima")
    | word_set("banyak beberapa sejumlah berbagai")
)
# - a count with its classifier between ("dua pasang capres", "3 orang cawapres");
_CLASSIFIERS = word_set("pasang pasangan psg orang org")
# - the same after the word ("capres semuanya", "paslon sekalian");
_TRAILING_QUANTIFIERS = frozenset(["semua", "semuanya", "sekalian", "seluruhnya"])
# - the nouns of the election's events and offices whose modifier a candidate word is: "debat
#   capres" is the candidates' debate, "visi misi capres" their programmes, the moderator of
#   it; the head is the event, and no candidate is picked out;
_EVENT_HEADS = frozenset(
    [
        "debat",
        "depat",
        "debate",
        "visi",
        "misi",
        "sesi",
        "segmen",
        "moderator",
        "panelis",
        "forum",
        "format",
        "acara",
    ]
)
# - the free-choice pronouns ("siapapun", "siapa pun", "siapa saja", "apapun"): "siapapun
#   capresnya", "siapapun dukungan Anda" range over every choice the reader may make.
_FREE_CHOICE = re.compile(r"\b(?:siapa\s*pun|siapa\s+saja|apa\s*pun|mana\s*pun)\b")
# Words after a candidate word that point to one side all the same: a ballot number ("paslon
# nomor 2", "capres 02"), the author's own choice ("capres pilihanku"), "yang satu (itu)".
_POINTING = re.compile(
    r"^[\s-]*(?:\d|nomor|nomer|no\b|no\.|urut|pilihan|jagoan|idola|favorit|yang\s+satu|yg\s+satu"
    r"|[a-z]*ku\b)"
)
# What may stand between two conjoined candidate words: space, a slash, an ampersand or a
# coordinating conjunction (a closed class: dan, atau and its spoken "ato", serta, maupun).
_COORDINATED = re.compile(r"[\s/&+-]*(?:(?:dan|atau|ato|serta|maupun)[\s/&+-]+)?")
_CLAUSE_BREAK = re.compile(r"[.!?;,:\n]")
_WORD = re.compile(r"[\w-]+")
_FREE_CHOICE_REACH = 40  # characters before a cue a free-choice pronoun may govern it from


def _generic_reading(
    post: Post,
    key: str,
    ev: Ev,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
    cache: dict[str, NormText | None],
    feats_evidence: Sequence[Ev],
) -> str | None:
    """Why a candidate word (or an endorsement) in the author's words names no side, or None.

    A candidate word is a side only when it points to one: a ballot number, the author's own
    choice, a demonstrative on a single candidate ("capres yang satu itu"). Read in the
    sentence as written, it names none when it (a) modifies the head of an election event
    ("debat capres", "moderator debat cawapres", "visi misi capres": the event, not a side),
    (b) is counted or quantified over all of them ("3 capres ini", "ketiga capres", "semua
    paslon", "masing2 capres", "mereka bertiga capres kita"), or (c) stands in the scope of a
    free-choice pronoun in the same clause ("siapapun capresnya", "siapapun dukungan Anda":
    every choice the reader may make). Reading (c) holds for an endorsement too. Out of fold,
    comments under broadcast debates raised by the model alone on such words were false alarms:
    complaints about the format, requests to invite all three, "siapapun dukungan Anda, kita
    tetap Indonesia". A candidate word conjoined right after another ("capres cawapres",
    "cawapres atau capres") is read as that one (`feats_evidence`: the field's candidate words;
    empty stops the recursion at one step)."""
    if ev.field not in SPOKEN or ev.start is None or ev.end is None:
        return None
    if key not in ("text.candidate_word", "register.endorse"):
        return None
    if ev.field not in cache:
        norm = next((sc.norm for sc in scanned if sc.field == ev.field), None)
        cache[ev.field] = with_offsets(norm, normalise) if norm else None
    tracked = cache[ev.field]
    if tracked is None:
        return None
    start, end = original_span(tracked, ev)
    orig = (post.text if ev.field == "text" else post.transcript).casefold()
    if key == "text.candidate_word":
        for other in feats_evidence:
            if other is ev or other.field != ev.field or other.start is None or other.end is None:
                continue
            _, o_end = original_span(tracked, other)
            if o_end <= start and _COORDINATED.fullmatch(orig[o_end:start]):
                # "capres cawapres", "cawapres ato capres": conjoined, read as the first one
                return _generic_reading(post, key, other, scanned, normalise, cache, [])
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(orig, 0, start)]
    clause = orig[breaks[-1] if breaks else 0 : start]
    if _FREE_CHOICE.search(clause[-_FREE_CHOICE_REACH:]):
        return "in the scope of a free-choice pronoun"
    if key != "text.candidate_word":
        return None
    after = orig[end:]
    words_before = _WORD.findall(clause)
    before = words_before[-1] if words_before else ""
    if (before.isdigit() and not before.startswith("0")) or before in _QUANTIFIERS:
        return "counted or quantified over all"
    if before in _CLASSIFIERS and len(words_before) > 1:
        # "dua pasang capres", "3 orang cawapres": the count stands before its classifier
        counted = words_before[-2]
        if (counted.isdigit() and not counted.startswith("0")) or counted in _QUANTIFIERS:
            return "counted or quantified over all"
    if _POINTING.match(after):
        return None
    following = _WORD.findall(after[:30])
    if following and following[0] in _TRAILING_QUANTIFIERS:
        return "counted or quantified over all"
    if before in _EVENT_HEADS:
        return "the modifier of an election event"
    return None


def read_reply_side(post: Post, feats: Features, in_season: Callable[[str], bool]) -> None:
    """Add REPLY_FEATURE to a comment with words of its own whose own words (as FEATURE holds
    them) name one participant only, of a race in season (`in_season(participant id)`); see
    the module's docstring. Runs after `read_own_side`, on its evidence: bounded by the cues."""
    if post.action is not Action.COMMENT or not post.text.strip():
        return
    own = feats.found.get(FEATURE)
    if not own:
        return
    kept = {(ev.field, ev.start, ev.end) for ev in own}
    named: set[str] = set()
    evs: list[Ev] = []
    for ev in feats.evidence("text.participant"):
        span = (ev.field, ev.start, ev.end)
        if span not in kept or ev.label.startswith(TAGGED):
            # not the author's, or whom the reply is addressed to (a prayer's "amin" is no
            # participant here: the extractor has already read it as the prayer)
            continue
        if ev.label.endswith(f"({LISTED_NUMBERS})"):
            return  # "paslon 2, 3": several named in one breath
        pid = _participant_id(ev.label)
        if pid is None:
            continue
        named.add(pid)
        evs.append(ev)
        if len(named) > 1:
            return
    if len(named) == 1 and in_season(next(iter(named))):
        feats.found[REPLY_FEATURE] = [_relabelled(ev, REPLY_LABEL) for ev in evs]


# Cached: a catalogue's labels recur post after post, and every participant cue asks.
@lru_cache(maxsize=4096)
def _participant_id(label: str) -> str | None:
    """The participant id a reference's label names ("participant:pilpres-2024/03",
    "number:2->pilpres-2024/02 (labels the name after it)"), or None when it names none."""
    tail = label.rsplit(">", 1)[-1] if ">" in label else label.split(":", 1)[-1]
    pid = tail.split(" ", 1)[0].split(":", 1)[-1]
    return pid if "/" in pid else None


# The address block of a typed post: the @handles it opens with (a reply's "@a @b ...") or
# closes with ("... @jokowi"), with the commas, colons and spaces between them.
_LEADING_HANDLES = re.compile(r"^(?:\s*@\w+[\s,:;]*)+")
_TRAILING_HANDLES = re.compile(r"(?:[\s,;]*@\w+)+[\s.!…]*$")
_HANDLE = re.compile(r"@(\w+)")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _addressed(post: Post, ev: Ev, scanned: list[Scanned], cache: dict[str, set[str]]) -> bool:
    """Whether a participant's account tagged in a spoken field stands only in its address
    block, the handles a post opens or closes with: whom it is addressed to ("@jokowi" at the
    end of a joke, the thread a reply tags), not a name the author's sentence uses ("berharap
    @prabowo bisa ...", "untuk bpk@basuki_btp")."""
    if ev.field not in SPOKEN or ev.start is None or ev.end is None:
        return False
    if ev.field not in cache:
        orig = post.text if ev.field == "text" else post.transcript
        block = ""
        lead = _LEADING_HANDLES.match(orig)
        body = orig[lead.end() :] if lead else orig
        if lead:
            block += lead.group()
        tail = _TRAILING_HANDLES.search(body)
        if tail:
            block += " " + tail.group()
            body = body[: tail.start()]
        inline = {_NOT_ALNUM.sub("", h).casefold() for h in _HANDLE.findall(body)}
        cache[ev.field] = {
            h for h in (_NOT_ALNUM.sub("", h).casefold() for h in _HANDLE.findall(block))
        } - inline
    addressed = cache[ev.field]
    if not addressed:
        return False
    norm = next((sc.norm for sc in scanned if sc.field == ev.field), None)
    if norm is None:
        return False
    term = _NOT_ALNUM.sub("", norm.text[ev.start : ev.end])
    return bool(term) and any(term in handle for handle in addressed)


def _relabelled(ev: Ev, why: str) -> Ev:
    return Ev(ev.field, ev.start, ev.end, f"{why}: {ev.label}", ev.excerpt, ev.raw)


def _asked_spans(feats: Features) -> dict[str, list[tuple[int, int]]]:
    """Per spoken field, the spans of the genuine questions the question reader found and of
    the requests the request reader found (both name the one asked, not a side)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for ev in (*feats.evidence(ASKED), *feats.evidence(REQUESTED)):
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


__all__ = [
    "FEATURE",
    "GENERIC_FEATURE",
    "PAST_FEATURE",
    "REPLY_FEATURE",
    "possible",
    "read_own_side",
    "read_reply_side",
]
