"""From one post to a set of named features, each with the evidence that produced it.

Rules are written over these names (see `known_features`). Context decides what a word means:
a collision-risk name counts only with a political signal, a bare number or hand sign only in an
election context, and resolves to a participant through the race(s) live for the locality and date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from typing import NamedTuple

from neutrality import sentences
from neutrality.catalogue import Catalogue, Locality, Participant, Race
from neutrality.choice import GIVEN_CHOICE, NAMED_CHOICE, given_choice, named_choice
from neutrality.coercion import defection_threats, inside
from neutrality.discourse import FEATURE as SUSTAINED
from neutrality.discourse import possible as discourse_possible
from neutrality.discourse import read_discourse
from neutrality.featureset import LISTED_NUMBERS, Ev, Features, Scanned
from neutrality.lexicon import MIN_SLOGAN_WORD, Lexicon
from neutrality.matcher import Hit, Kind, Meaning
from neutrality.misspelt import NEAR_WORDS, NameSpeller
from neutrality.normalise import NormText, camel_pieces
from neutrality.onesided import FEATURE as ONE_SIDED
from neutrality.onesided import Spoken, participant_of, read_one_sided, with_offsets
from neutrality.onesided import possible as one_sided_possible
from neutrality.ownside import FEATURE as OWN_SIDE
from neutrality.ownside import GENERIC_FEATURE as GENERIC_SIDE
from neutrality.ownside import PAST_FEATURE as PAST_SIDE
from neutrality.ownside import REPLY_FEATURE as REPLY_SIDE
from neutrality.ownside import read_own_side, read_reply_side
from neutrality.question import FEATURE as ASKED
from neutrality.question import NEWSROOM_FEATURE as NEWSROOM_ASKED
from neutrality.question import read_newsroom_questions, read_questions
from neutrality.request import read_requests
from neutrality.spelling import name_variants
from neutrality.stance import (
    quoted_spans,
    read_register,
    register_features,
    trailing_tags,
)
from neutrality.stance.cues import ANYONE_BUT_LIST
from neutrality.stance.newsroom import PERCENT
from neutrality.stance.quotation import has_quote, mapped
from neutrality.stance.ruledout import closes_clause, starts_after
from neutrality.wordclasses import (
    COPULAS,
    OWN_WIN_MODALS,
    PREDICATE_ADVERBS,
    SECOND_PERSONS,
    TERMS_OF_ADDRESS,
    word_set,
)
from schemas import Action, Phase, Post, TargetKind

ZONES = ("text", "media", "target")
ZONE_FEATURES = (
    "participant", "named", "party", "number", "gesture", "campaign_term", "named_choice"
)  # fmt: skip
# Lists the engine itself reads (besides being usable in rules).
REQUIRED_LISTS = (
    "political_context",
    "call_to_vote",
    "support",
    "first_person",
    "gotv",
    "news_style",
    "debunk",
    "office_title",
    "campaign_team",
    "suppress",
)
CONTEXT_LISTS = frozenset(
    {"political_context", "call_to_vote", "campaign_team", "membership", "endorse_cue"}
)
RESULTS_OPEN = "phase.results_open"
STRUCTURAL = (
    "target.campaign_account",
    "target.candidate_account",
    "target.election_body",
    "target.news_outlet",
    "target.campaign_group",
    "target.partisan",
    "target.group",  # the event is posted, shared or commented in a group (its members hear it)
    "author.election_body",
    "author.news_outlet",
    "context.political",
    "exception.gotv",
    "exception.news",
    "exception.debunk",
    ONE_SIDED,  # evaluation directed at a single participant (onesided.py)
    SUSTAINED,  # one side judged across a post's sentences (discourse.py)
    OWN_SIDE,  # a side named in the author's own words or act (ownside.py)
    REPLY_SIDE,  # a comment's own words single out one participant in season (ownside.py)
    RESULTS_OPEN,  # after the vote, before the results are final (Calendar.results_open)
    PAST_SIDE,  # the author names only candidates of elections already over (ownside.py)
    GENERIC_SIDE,  # candidate words of the author's that single out no side (ownside.py)
    ASKED,  # a genuine question in the author's words (question.py)
    NEWSROOM_ASKED,  # an open question of shared news (question.py)
    "exception.office_title",
    "exception.rank",
    "text.vote_share",  # a victory aimed at with its vote share (`_vote_shares`)
    "exception.office_holder",  # every candidate named is past (`Extractor._office_holders`)
)
GROUP_AUDIENCE = "the group it is posted in: its members are who it addresses"
WIB = dt.timezone(dt.timedelta(hours=7))
SEASON_LEAD = dt.timedelta(days=400)  # bakal calon are talked about about a year ahead
MIN_SLOGAN_NAME = 4  # the shortest collision-risk name read as a hashtag slogan's name
MAX_COMPOUND_BODIES = 64  # hashtags read for names inside them (#ganjarpresidenrakyat)
MAX_MENTIONS = 64  # mentioned accounts looked up in the catalogue
# A term of address before a person's name (wordclasses.TERMS_OF_ADDRESS): the word after one is
# a person's name, so a collision-risk name read after one ("bu Sylvi", "mbak Luluk") is that
# person when their election is in season.
HONORIFIC_REACH = 12  # characters before a name searched for the honorific (the longest + space)
NAME_TAG = "names as a hashtag"
OFFICE_HOLDER = "a candidate of an election already over, and no race being run spoken of"
# What points at an election being run: talk of one, a ballot number or hand sign, a candidate
# word, winning, a call to vote (`Extractor._office_holders`).
_OFFICE_HOLDER_CUES = frozenset(
    {
        "text.political_context",
        "text.electoral_stake",
        "text.number",
        "text.gesture",
        "text.candidate_word",
        "text.win_outcome",
        "text.call_to_vote",
        "media.political_context",
        "media.number",
        "media.gesture",
        "media.candidate_word",
        # the content acted on speaking of an election: a comment under a debate of a race
        # being run speaks of that race, whoever it names
        "target.political_context",
        "target.candidate_word",
        "target.number",
    }
)
PAST_SLOGAN = "a past campaign's slogan"  # a campaign term of a candidate whose election is over
# After a ballot number, another one of its race joined to it ("2, 3", "1 dan 2", "1 & 2"; the
# normaliser has dropped the punctuation).
# The next number of a list ("1 dan 2", "2, 3") or the end of a range ("1 sampai 17", "18
# hingga 23", "1 s/d 3"): either way several numbers named in one breath.
_NEXT_NUMBER = re.compile(
    r" (?:dan |atau |and |& |sama |serta |sampai |sampe |hingga |sd |s d |to )?0?(\d{1,2})\b"
)
NAME_TAG_PARTS = 2  # "#AhokDjarot": a pair's two names joined
# A number followed by the year of its issue ("UU nomor 7 tahun 2017", "PKPU no 3 th 2017"):
# how Indonesian laws, regulations and circulars are cited, which officials and election bodies
# do when they explain the rules. Not a ballot number. The word for year is required: "nomor 2
# 2024" may be a slogan.
_CITATION = re.compile(r" (?:tahun|thn|th) (?:19|20)\d\d\b")
# "Nomor satu" as a rank, the foremost, not a ballot number (closed classes): a number said in
# words heading a copula ("nomor satu adalah persatuan bangsa": what comes first is defined),
# or a noun of concern before the number, one word between at most ("urusan presiden nomor
# dua", "prioritas nomor satu", "soal nomor 2": a matter ranked, a question counted).
RANK = "a rank"
_CONCERNS = frozenset(["urusan", "prioritas", "soal", "masalah", "perkara", "kepentingan"])
_NUMBER_WORDS = frozenset(["satu", "dua", "tiga", "empat", "lima", "enam"])
RANK_REACH = 2  # words before a number where the noun of concern it ranks may stand


def _rank(text: str, start: int, end: int) -> bool:
    """Whether the weak number at normalised [start, end) ranks something (see `RANK`)."""
    words = text[start:end].split()
    after = text[end : end + 16].split()[:1]
    if len(words) > 1 and words[-1] in _NUMBER_WORDS and after and after[0] in COPULAS:
        return True
    before = text[max(0, start - 40) : start].split()[-RANK_REACH:]
    return not _CONCERNS.isdisjoint(before)


# Lists whose words speak of a candidacy, a vote or support: a name misspelt near one of them is
# read as the name (misspelt.py).
SLIP_CUES = (
    "call_to_vote",
    "support",
    "endorse_cue",
    "evaluation_cue",
    "evaluative_word",
    "optative_cue",
    "win_outcome",
    "comparative_cue",
    "exclusive_focus",
    "ouster_cue",
    "anyone_but",
    "office_title",
    "candidate_word",
)
SLIP_FIELDS = frozenset({"text", "transcript", "media_description", "target.text"})
# What the content a comment answers says of a race: then the race is the conversation's topic.
_RACE_TOPIC = ("target.participant", "target.candidate_word", "target.political_context")
_WORD_STARTS = re.compile(r"\S+")
# The cue features of each zone, named once (not an f-string per cue for every field read).
_SLIP_CUE_FEATURES = {zone: tuple(f"{zone}.{name}" for name in SLIP_CUES) for zone in ZONES}


def known_features(list_names: Iterable[str], cat: Catalogue) -> frozenset[str]:
    """Every feature name a rule may use: lint rejects anything else."""
    names = set(STRUCTURAL)
    names |= {f"action.{a.value}" for a in Action}
    names |= {f"phase.{p.value}" for p in Phase}
    for zone in ZONES:
        names |= {f"{zone}.{f}" for f in ZONE_FEATURES}
        names |= {f"{zone}.{name}" for name in list_names}
    names |= register_features()
    names |= {"model.partisan", "model.possible"}
    names |= {f"participant.{pid}" for pid in cat.participants}
    names |= {f"race.{rid}" for rid in cat.races}
    return frozenset(names)


# The zones `Extractor._named_choices` reads: the content acted on too (a liked, shared or
# joined call to vote for a named person).
_CHOICE_ZONES = ("text", "media", "target")


class Extractor:
    """Holds the precomputed catalogue views; `extract` is called per post."""

    def __init__(self, cat: Catalogue, lexicon: Lexicon) -> None:
        self.cat = cat
        self.lexicon = lexicon
        self._race_of = {p.id: cat.races[p.race_id] for p in cat.participants.values()}
        # The last day each candidate's (not a party's) election matters, looked up per cue
        # by `_election_over_on` instead of walking catalogue, race and calendar.
        self._matters_until = {
            p.id: cat.elections[self._race_of[p.id].election_id].calendar.numbers_relevant_until
            for p in cat.participants.values()
            if not p.party
        }
        self._races = tuple(cat.races.values())
        self._race_sizes = {r.id: len(r.participants) for r in self._races}
        self._namesakes = _namesakes(cat)
        self.markable = markable_names(cat)
        # Every participant's names squeezed as a hashtag writes them ("ahok", "djarot"), with
        # whose they are: a hashtag made of one participant's names alone names them, as a
        # topic is tagged (a name shared across races, "anies", is read in any of them).
        self._tag_names: dict[str, set[str]] = {}
        for p in cat.participants.values():
            for alias in (*p.aliases, *p.weak_aliases):
                for spelled in (alias, *name_variants(alias.casefold())):
                    if squeezed := _squeeze(spelled):
                        self._tag_names.setdefault(squeezed, set()).add(p.id)
        # A hashtag of names alone is at most NAME_TAG_PARTS of the longest name: a longer word
        # is read no further, so a 2,000-character hashtag costs no more than a short one.
        self._tag_name_lengths = tuple(sorted({len(name) for name in self._tag_names}))
        self._tag_max = NAME_TAG_PARTS * max(self._tag_name_lengths, default=0)
        # Single-word names (not collision-risk ones) a slip of the keyboard may misspell, with
        # whose they are.
        self._slip_names: dict[str, set[str]] = {}
        plain = lexicon.normaliser
        for p in cat.participants.values():
            for alias in p.aliases:
                name = plain.normalise(alias).text.strip()
                if name.isalpha():
                    self._slip_names.setdefault(name, set()).add(p.id)
        self._speller = NameSpeller(self._slip_names, plain.vocabulary, TERMS_OF_ADDRESS)
        self._vocabulary = plain.vocabulary

    def may_name_by_slip(self, text: str) -> bool:
        """Whether a word of `text` (normalised) may be a participant's name misspelt or glued
        to its honorific (`_slips` reads it as the name beside a cue): the quick look lets such
        a field through."""
        return self._speller.names_any(text)

    def may_name_by_number_tag(self, text: str) -> bool:
        """Whether a hashtag of `text` (as written) joins a name to a number as `_numbered_tag`
        reads them, with no regard yet to the number, the season or the place: the engine then
        lets the event through to the full look, where the extractor decides."""
        names = self.lexicon.numbered_names
        for m in _TAG_BODY.finditer(text):
            tag = _NUMBERED_TAG.fullmatch(m.group(1))
            if tag is not None:
                head = (tag["trail_name"] or tag["name"]).casefold()
                if head in names or _NUMBER_WORD.sub("", head) in names:
                    return True
        return False

    def _across_sentences(self, sc: Scanned, start: int, end: int) -> bool:
        """Whether a matched form's words lie in two sentences of what the person wrote. Asked
        only of a form of several words in a field with a sentence's end in it (rare)."""
        if not sentences.END_NOT_ABBREVIATION.search(sc.norm.orig):
            return False
        norm = with_offsets(sc.norm, self.lexicon.normaliser.normalise)
        first, last = norm.span(start, end)
        return sentences.END_NOT_ABBREVIATION.search(norm.orig, first, last) is not None

    @lru_cache(maxsize=4096)  # noqa: B019 - the extractor lives as long as the engine
    def number_races(
        self, province: str, regency: str, day: dt.date, kinds: frozenset[str]
    ) -> tuple[Race, ...]:
        """Races in which a bare ballot number can mean someone, for this place and day."""
        loc = Locality(province, regency) if province else None
        out = []
        for race in self._races:
            cal = self.cat.elections[race.election_id].calendar
            if not race.applies_to(loc) or not cal.numbers_live(day):
                continue
            if kinds and race.kind not in kinds:
                continue
            if not kinds and race.kind == "legislative":
                continue  # party numbers need a word like "partai" or "caleg"
            out.append(race)
        return tuple(out)

    def extract(
        self, post: Post, locality: Locality | None, scanned: list[Scanned], day: dt.date
    ) -> Features:
        feats = Features()
        lex_suppressed = _suppress(scanned)
        ctxs = {"own": False, "target": False}  # the author's content vs the target's
        kinds: set[str] = set()
        aliases: list[tuple[Scanned, int, int, Meaning]] = []
        numbers: list[tuple[Scanned, int, int, Meaning]] = []
        gestures: list[tuple[Scanned, int, int, Meaning]] = []
        campaign: list[tuple[Scanned, int, int, Meaning]] = []
        groups: list[tuple[Scanned, int, int, Meaning]] = []
        offices: dict[str, set[int]] = {}
        found = feats.found  # every hit adds here: `feats.add` inlined, names built once
        handles = _handles(post)
        for sc, hits in lex_suppressed:
            side = _side(sc.zone)  # one side per field, not one call per meaning
            zone, fld = sc.zone, sc.field
            for meanings, start, end in hits:
                for m in meanings:
                    k = m.kind
                    if k is _LIST:
                        key = m.key
                        if key == "account_marker" and fld != "target.name":
                            continue  # it describes account and group names, not captions
                        if handles and _only_in_handles(sc, start, end, handles):
                            continue  # "@strike_bravo_b": an account's name, not a word
                        found.setdefault(f"{zone}.{key}", []).append(
                            Ev(fld, start, end, f"list:{key}")
                        )
                        if key in CONTEXT_LISTS:
                            ctxs[side] = True
                        elif key == "office_title":
                            offices.setdefault(fld, set()).add(end + 1)
                    elif k is _ALIAS:
                        aliases.append((sc, start, end, m))
                        ctxs[side] = ctxs[side] or m.strong
                    elif k is _NUMBER:
                        if not m.strong and _CITATION.match(sc.norm.text, end):
                            continue  # "PKPU nomor 3 tahun 2017": a regulation, not a ballot
                        if not m.strong and _rank(sc.norm.text, start, end):
                            # "nomor satu adalah persatuan", "urusan presiden nomor dua"
                            feats.add("exception.rank", Ev(fld, start, end, RANK))
                            continue
                        numbers.append((sc, start, end, m))
                        ctxs[side] = ctxs[side] or m.strong
                    elif k is _GESTURE:
                        gestures.append((sc, start, end, m))
                        ctxs[side] = ctxs[side] or m.strong
                    elif k is _CAMPAIGN:
                        campaign.append((sc, start, end, m))
                        ctxs[side] = ctxs[side] or m.strong
                    elif k is _GROUP:
                        groups.append((sc, start, end, m))
                        ctxs[side] = True
                    elif k is _RACE_KIND:
                        kinds.add(m.key)
                        ctxs[side] = True
        bodies = _hashtag_bodies(post)
        self._compound(bodies, campaign, locality, day)
        for sc, _, _, m in campaign:
            ctxs[_side(sc.zone)] = ctxs[_side(sc.zone)] or m.strong
        if post.action is Action.COMMENT and ctxs["target"]:
            ctxs["own"] = True  # a comment is read in the context of what it answers
        ctx = ctxs["own"] or ctxs["target"]
        strong_cue = not _STRONG_CUES.isdisjoint(found) or bool(campaign or numbers)

        # Named participants; an official named by office ("Menhan Prabowo") is not a mention.
        by_office = 0
        named_races: set[str] = set()
        named_at: dict[tuple[str, int], str] = {}  # where each participant is named by name
        # Two weak signals that agree (a nickname or a common-phrase slogan and its pair's number
        # or hand sign, or a number and the matching hand sign) confirm each other.
        # A repeated sign ("✌️✌️") is one signal, not two: agreement needs two kinds.
        numbers = _outermost_numbers(numbers)
        kinds_by_value: dict[int, set[str]] = {}
        for _, _, _, m in numbers:
            if not m.key:  # a position counted from the end is known only in its race
                kinds_by_value.setdefault(m.value, set()).add("number")
        for _, _, _, m in gestures:
            if m.key != "weak":
                kinds_by_value.setdefault(m.value, set()).add("gesture")
        # A regional race's name or slogan agrees only where the author is of its region: the
        # weak names of 500 regencies' pairs would otherwise meet every hand sign somewhere.
        for _, _, _, a in aliases:
            number = self.cat.participants[a.key].number
            if number is not None and self._race_of[a.key].applies_to(locality):
                kinds_by_value.setdefault(number, set()).add("name")
        for _, _, _, c in campaign:
            # a pair's common-phrase slogan and its ballot number ("oke gas, nomor 2")
            number = self.cat.participants[c.key].number if not c.strong else None
            if number is not None and self._race_of[c.key].applies_to(locality):
                kinds_by_value.setdefault(number, set()).add("slogan")
        agree = {v for v, kinds in kinds_by_value.items() if len(kinds) > 1}
        # Participants sharing one span ("prabowo": 2019 and 2024), looked up once per span.
        sharing: dict[tuple[str, int, int], list[str]] = {}
        for sc, start, end, m in aliases:
            sharing.setdefault((sc.field, start, end), []).append(m.key)
        tag_bodies = {body.casefold() for _, _, body in bodies}
        # Races a post names by something more than one common word: a strong name or slogan,
        # or two different names of the race (a pair's two nicknames).
        # A name is counted by its words, not its place: a hashtag is in the text and in the
        # post's list of hashtags both, one name written once ("#KaumMuda"), not two signs.
        spans_by_race: dict[str, set[tuple[str, int | str]]] = {}
        for sc, start, end, m in (*aliases, *campaign):
            span: tuple[str, int | str] = (sc.field, -1)  # a strong sign: once per field
            if not m.strong:
                word = sc.norm.text[start:end] if sc.zone != "raw" else ""
                span = ("", word.replace(" ", "")) if word else (sc.field, start)
            spans_by_race.setdefault(self._race_of[m.key].id, set()).add(span)
        prayers = {
            (ev.field, ev.start, ev.end) for key in _PRAYER_KEYS for ev in found.get(key, ())
        }
        ruled_out_at = _ruled_out_starts(scanned, found)
        for sc, start, end, m in aliases:
            if not m.strong and prayers and _a_prayer(sc, start, end, prayers):
                continue  # "... sejahtera, amin": the prayer's word, not the pair's nickname
            marked = ""
            if not m.strong and m.key in self.markable:
                marked = self._marked_name(sc, start, end, m.key, tag_bodies, locality, day)
            weak_alone = not m.strong and not marked and not ctxs[_side(sc.zone)]
            if (
                weak_alone
                and (sc.field, start) in ruled_out_at
                and closes_clause(sc.norm.text, end)
            ):
                weak_alone = False  # "asal jangan banteng": the construction is its second sign
            if weak_alone and self.cat.participants[m.key].number not in agree:
                continue
            if not m.strong:
                race = self._race_of[m.key]
                if race.province and locality is not None and not race.applies_to(locality):
                    continue  # a regional nickname counts for civil servants of that region
                if race.regency and locality is None and not marked:
                    # A regent's or mayor's pair is known by one name only in its regency; the
                    # 500 races' given names (Yusuf, Muslim, Abdullah) meet in any long post.
                    continue
                if (
                    race.province
                    and locality is None
                    and not marked
                    and self.cat.participants[m.key].number not in agree
                    and len(spans_by_race.get(race.id, ())) < 2
                ):
                    # Where the author's region is unknown, a regional pair's common-word
                    # nickname ("BERANI", "beramal") with only election talk around it is the
                    # word: it needs another sign of its own race (a second name, a slogan,
                    # its ballot number).
                    continue
            if start in offices.get(sc.field, ()) and not strong_cue:
                by_office += 1
                feats.add("exception.office_title", Ev(sc.field, start, end, "named by office"))
                continue
            p = self._pick(m.key, sharing[(sc.field, start, end)], locality, day)
            if p is None:
                continue
            # "@prabowo" written in the text tags the account: named, and addressed, not listed
            how = "tagged account" if _only_in_handles(sc, start, end, handles) else "participant"
            if marked and how == "participant":
                how = marked  # the evidence says why a collision-risk name was read as the name
            ev = Ev(sc.field, start, end, f"{how}:{p.id}")  # one piece read by both (immutable)
            self._mention(feats, sc.zone, p, ev)
            feats.add(f"{sc.zone}.named", ev)
            named_races.add(p.race_id)
            named_at[(sc.field, start)] = p.id
        answers_race = post.action is Action.COMMENT and any(
            key in feats.found for key in _RACE_TOPIC
        )
        self._slips(
            feats,
            lex_suppressed,
            {f for f, _ in named_at},
            offices,
            named_races,
            day,
            answers_race,
        )
        words = _Words(post, self._tag_max)
        # Whether each word around a campaign match is names alone: the matches in one hashtag
        # ("#PrabowoGibran2024": each name, the pair, each of their races) share its word.
        names_alone: dict[str, bool] = {}
        over: Callable[[str], bool] | None = None  # asked only when a campaign term is read
        for sc, start, end, m in campaign:
            p = self.cat.participants[m.key]
            if (
                not m.strong
                and not (ctxs[_side(sc.zone)] and (named_races or strong_cue))
                and p.number not in agree
            ):
                continue
            if handles and sc.zone != "raw" and _only_in_handles(sc, start, end, handles):
                # "@prabowogibran" tags the account: the participant is named, not chanted
                ev = Ev(sc.field, start, end, f"tagged account:{p.id}")
                self._mention(feats, sc.zone, p, ev)
                feats.add(f"{sc.zone}.named", ev)
                named_races.add(p.race_id)
                continue
            zone = "text" if sc.zone == "raw" else sc.zone
            body = words.around(sc, start, end)
            alone = names_alone.get(body)
            if alone is None:
                alone = names_alone[body] = _names_only(
                    body, self._tag_names, self._tag_name_lengths
                )
            if alone:
                # "#AhokDjarot", "#ahok": the names alone, as a topic is tagged; a slogan, a
                # number or a word beside the names ("#AHYforAll", "#AhokDjarot2017") chants
                ev = Ev(sc.field, start, end, f"{NAME_TAG}:{p.id}", raw=sc.zone == "raw")
                self._mention(feats, zone, p, ev)
                feats.add(f"{zone}.named", ev)
                named_races.add(p.race_id)
                continue
            if over is None:
                over = self._election_over_on(day)
            if over(p.id):
                # A slogan of a candidate whose election is over ("Asta Cita" in 2025): the
                # office-holder's programme or a past campaign's name, not a campaign being run.
                # The candidate is named, as the name would (a past one: ownside.py).
                ev = Ev(sc.field, start, end, f"{PAST_SLOGAN}:{p.id}", raw=sc.zone == "raw")
                self._mention(feats, zone, p, ev)
                feats.add(f"{zone}.named", ev)
                continue
            ev = Ev(sc.field, start, end, f"campaign:{p.id}", raw=sc.zone == "raw")
            self._mention(feats, zone, p, ev)
            feats.add(f"{zone}.campaign_term", ev)
            named_races.add(p.race_id)
        for sc, start, end, m in groups:
            p = self.cat.participants[m.key]
            feats.add(f"{sc.zone}.campaign_team", Ev(sc.field, start, end, f"group:{p.id}"))
            self._mention(feats, sc.zone, p, Ev(sc.field, start, end, f"group:{p.id}"))

        # Ballot numbers and hand signs: only in an election context, through the live races.
        if numbers or gestures:
            prov = locality.province if locality else ""
            reg = locality.regency if locality else ""
            races = self.number_races(prov, reg, day, frozenset(kinds))
            if any(p.party for p in feats.participants.values()):
                # with a party named, a number is the caleg's list number, not the party's
                races = tuple(r for r in races if r.kind != "legislative")
            narrowed = tuple(r for r in races if r.id in named_races)
            races = narrowed or races
            for sc, start, end, m in numbers:
                if not (
                    m.strong
                    or ctxs[_side(sc.zone)]
                    or (not m.key and m.value in agree)
                    or _judged_number(feats, sc, start, end)
                ):
                    continue
                # "nomor urut 2" or "pasangan calon 03": a number behind its label, not "02"
                phrase = " " in sc.norm.text[start:end]
                if phrase and self._across_sentences(sc, start, end):
                    continue  # "visi misi paslon. Kedua paslon ...": two sentences, no form
                labelled = phrase or _after_label(feats, sc, start)
                for p in _by_position(races, m):
                    if labelled and named_at.get((sc.field, end + 1)) == p.id:
                        # "calon gubernur nomor urut 2 Khofifah": the number labels the name
                        # after it, as news and KPU write it; the name is the mention. A bare
                        # "02 Prabowo" stays a sign.
                        label = f"number:{m.value}->{p.id} (labels the name after it)"
                        self._mention(feats, sc.zone, p, Ev(sc.field, start, end, label))
                        continue
                    if labelled and _listed_number(sc.norm.text, end, p, self._race_of[p.id]):
                        # "paslon 2, 3", "nomor urut 1 dan 2": several numbers of one race in
                        # one breath name those participants; no sign is made for one of them
                        label = f"number:{m.value}->{p.id} ({LISTED_NUMBERS})"
                        self._mention(feats, sc.zone, p, Ev(sc.field, start, end, label))
                        continue
                    ev = Ev(sc.field, start, end, f"number:{_position_label(m, p)}->{p.id}")
                    self._mention(feats, sc.zone, p, ev)
                    feats.add(f"{sc.zone}.number", ev)
            for sc, start, end, m in gestures:
                if m.key == "weak":
                    ok = any(p.number == m.value for p in feats.participants.values())
                else:
                    ok = m.strong or ctxs[_side(sc.zone)] or m.value in agree
                if not ok:
                    continue
                for p in _by_number(races, m.value):
                    ev = Ev(sc.field, start, end, f"gesture:{m.value}->{p.id}")
                    self._mention(feats, sc.zone, p, ev)
                    feats.add(f"{sc.zone}.gesture", ev)

        if ctx:
            feats.found["context.political"] = []
        self._named_choices(scanned, feats)
        _defection_threats(scanned, feats)
        written: dict[str, NormText] = {}  # fields mapped to what was written, once each
        mapper = partial(mapped, normalise=self.lexicon.normaliser.normalise, tracked=written)
        _attend_calls(scanned, feats, mapper)
        _vote_shares(scanned, feats, mapper)
        if by_office and _NAMED.isdisjoint(found):
            pass  # keep exception.office_title as recorded
        elif "exception.office_title" in feats.found:
            del feats.found["exception.office_title"]
        self._structure(post, feats, day)
        self._office_holders(feats, day)
        return feats

    def _office_holders(self, feats: Features, day: dt.date) -> None:
        """`exception.office_holder` when every candidate the author names is one of an
        election already over on the day (its numbers no longer matter) and the author's words
        speak of no election: "Dukung program 3 juta rumah Presiden Prabowo" in 2025 backs the
        government's programme, and "Asta Cita" is its name now, not a slogan of a race being
        run. A party is never over (it stands in every election); a ballot number, a hand
        sign or a candidate word points at a race in season."""
        found = feats.found
        if not feats.participants or not _OFFICE_HOLDER_CUES.isdisjoint(found):
            return
        own = [
            ev
            for zone in ("text", "media")
            for ev in found.get(f"{zone}.participant", ())
            if not ev.field.startswith("target")
        ]
        if not own:
            return
        over = self._election_over_on(day)
        participants = feats.participants
        if any(participant_of(ev) not in participants for ev in own):
            return  # an account tagged, a number listed: not read here
        # Every participant named anywhere, the content acted on included: a comment naming
        # the President under a debate of a race being run speaks of that race. And the same
        # person standing in a race in season ("Anies" of Jakarta 2017, a candidate in 2024)
        # is that race's candidate.
        if any(
            p.party
            or not over(pid)
            or any(self._in_season(q, day) for q in self._namesakes.get(pid, ()))
            for pid, p in participants.items()
        ):
            return
        for ev in own:
            feats.add(
                "exception.office_holder",
                Ev(ev.field, ev.start, ev.end, f"{OFFICE_HOLDER}:{participant_of(ev)}", raw=ev.raw),
            )

    def _named_choices(self, scanned: list[Scanned], feats: Features) -> None:
        """The author's calls to vote that name someone the catalogue does not know ("harus
        milih Pak Wiryo Sastro"): `<zone>.named_choice`, read by rules as a generic candidate
        reference."""
        for at in _spans(scanned, feats, "call_to_vote", _CHOICE_ZONES):
            end = named_choice(at.norm, at.end, TERMS_OF_ADDRESS, self._vocabulary)
            if end is not None:
                feats.add(f"{at.zone}.named_choice", Ev(at.ev.field, at.start, end, NAMED_CHOICE))
        self._given_choices(scanned, feats)

    def _given_choices(self, scanned: list[Scanned], feats: Features) -> None:
        """A vote or support given to someone the catalogue does not know ("bulatkan suara
        untuk DIYO", "dukungan untuk Pak Sudewo"): `<zone>.named_choice`, and the words as a
        call to vote (`<zone>.call_to_vote`) so that the stance reader weighs them as one: a
        negation, a report or a warning around them takes them as it takes "pilih X"."""
        for at in _spans(scanned, feats, "vote_given", ("text", "media")):
            vote = "suara" in at.norm.text[at.start : at.end]
            end = given_choice(at.norm, at.end, vote, TERMS_OF_ADDRESS, self._vocabulary)
            if end is not None:
                field = at.ev.field
                feats.add(f"{at.zone}.named_choice", Ev(field, at.start, end, GIVEN_CHOICE))
                feats.add(f"{at.zone}.call_to_vote", Ev(field, at.start, at.end, GIVEN_CHOICE))

    def _slips(
        self,
        feats: Features,
        scanned: list[tuple[Scanned, list[Hit]]],
        named: set[str],
        offices: dict[str, set[int]],
        named_races: set[str],
        day: dt.date,
        answers_race: bool = False,
    ) -> None:
        """Participants named with a slip ("pilih anis", "dukung pak brabowo", "pakPrabowo")
        near a word of candidacy, vote or support, in a field that names nobody as written,
        while their election is in season. In a comment answering content about a race
        (`answers_race`: a debate's broadcast, a candidate's post) the race is the
        conversation's topic, so every word of the comment's own text is near enough ("Mmg
        anggaranmu disetujui pak prabwo ..." under the debate)."""
        found = feats.found
        for sc, _ in scanned:
            if sc.field not in SLIP_FIELDS or sc.field in named:
                continue
            names = _SLIP_CUE_FEATURES.get(sc.zone) or [f"{sc.zone}.{n}" for n in SLIP_CUES]
            cues = [
                ev.start
                for name in names
                for ev in found.get(name, ())
                if ev.field == sc.field and ev.start is not None
            ]
            if answers_race and sc.field == "text":
                # a cue every NEAR_WORDS words: each window reaches the next
                cues += [m.start() for m in _WORD_STARTS.finditer(sc.norm.text)][::NEAR_WORDS]
            if not cues:
                continue
            for start, end, name, how in self._speller.find(sc.norm.text, cues):
                if start in offices.get(sc.field, ()):
                    continue  # "menhan prbowo": named by office
                ids = [pid for pid in self._slip_names[name] if self._in_season(pid, day)]
                p = self._pick(ids[0], ids, None, day) if ids else None
                if p is None:
                    continue
                ev = Ev(sc.field, start, end, f"{how} ({name}):{p.id}")
                self._mention(feats, sc.zone, p, ev)
                feats.add(f"{sc.zone}.named", ev)
                named_races.add(p.race_id)

    def read_stance(
        self, post: Post, feats: Features, scanned: list[Scanned], day: dt.date
    ) -> None:
        """The second tier: register and stance, then what counts as news. Separate from
        `extract` so the engine runs it only when a rule could still fire."""
        if "?" in post.text or "?" in post.transcript:
            read_questions(post, feats, scanned, self.lexicon.normaliser.normalise)
        if post.target is not None and "?" in post.target.text:
            read_newsroom_questions(post, feats, scanned, self.lexicon.normaliser.normalise)
        read_register(
            post,
            feats,
            scanned,
            self._named_by_side(feats),
            self._race_sizes,
            self.lexicon.normaliser.normalise,
            self._election_over_on(day),
        )
        if one_sided_possible(feats.found):
            read_one_sided(Spoken.of(post), feats, scanned, self.lexicon.normaliser.normalise)
        if discourse_possible(feats.found):
            read_discourse(Spoken.of(post), feats, scanned, self.lexicon.normaliser.normalise)
        read_requests(post, feats, scanned, self.lexicon.normaliser.normalise)
        read_own_side(
            post,
            feats,
            scanned,
            self.lexicon.normaliser.normalise,
            self._election_over_on(day),
        )
        if "target.register.neutral" in feats.found:
            read_reply_side(post, feats, lambda pid: self._in_season(pid, day))
        self._news_exception(feats)

    def _named_by_side(self, feats: Features) -> dict[str, dict[str, set[str]]]:
        """Per side and race, the participants named (a list of several is not a choice).
        Accounts tagged with @ (in the mentions or written in the text) are whom the post is
        addressed to (a reply tags everyone in the thread), not a list the post gives: they are
        left out."""
        out: dict[str, dict[str, set[str]]] = {"own": {}, "target": {}}
        for zone in ZONES:
            for ev in feats.found.get(f"{zone}.participant", ()):
                pid = participant_of(ev)
                p = self.cat.participants.get(pid) if pid is not None else None
                if p is not None:
                    out[_side(zone)].setdefault(p.race_id, set()).add(p.id)
        return out

    def _pick(
        self, pid: str, same: list[str], locality: Locality | None, day: dt.date
    ) -> Participant | None:
        """An alias shared by several participants resolves by date ("prabowo" in 2019 and in
        2024: the election whose season holds the day), then by locality ("andika")."""
        p = self.cat.participants[pid]
        if len(same) <= 1:
            return p
        in_season = [q for q in same if self._in_season(q, day)]
        if in_season and len(in_season) < len(same):
            if pid not in in_season:
                return None
            same = in_season
            if len(same) == 1:
                return p
        local = [
            q for q in same if self._race_of[q].applies_to(locality) and self._race_of[q].province
        ]
        if locality is None or not local:
            return p if same[0] == pid else None
        return p if pid in local else None

    def _in_season(self, pid: str, day: dt.date) -> bool:
        """From a year before the candidates were determined to when numbers stop mattering."""
        cal = self.cat.elections[self._race_of[pid].election_id].calendar
        return cal.candidates_determined - SEASON_LEAD <= day <= cal.numbers_relevant_until

    def _election_over_on(self, day: dt.date) -> Callable[[str], bool]:
        """Whether a participant id is a candidate (not a party: a party stands in every
        election and backs candidates between them, while the catalogue ties it to one race)
        of an election whose numbers stopped mattering before `day`. Only the past: a name the
        catalogue ties to a later race may be a candidate in an earlier one it does not hold (a
        governor's race). One map lookup per call: it is asked for every participant cue of
        the author's own."""
        matters_until = self._matters_until.get
        return lambda pid: (until := matters_until(pid)) is not None and day > until

    @staticmethod
    def _mention(feats: Features, zone: str, p: Participant, ev: Ev) -> None:
        feats.participants.setdefault(p.id, p)
        feats.add(f"{zone}.participant", ev)
        if p.party:
            feats.add(f"{zone}.party", ev)
        feats.found.setdefault(f"participant.{p.id}", []).append(ev)
        feats.found.setdefault(f"race.{p.race_id}", [])

    def _markable_here(self, pid: str, locality: Locality | None, day: dt.date) -> bool:
        """A regional candidate's collision-risk name, for a civil servant of that region, while
        the election is in season: only then may the author's marks make it the name."""
        return (
            locality is not None
            and self._race_of[pid].applies_to(locality)
            and self._in_season(pid, day)
        )

    def _marked_name(
        self,
        sc: Scanned,
        start: int,
        end: int,
        pid: str,
        tag_bodies: set[str],
        locality: Locality | None,
        day: dt.date,
    ) -> str:
        """Why a collision-risk name of a regional candidate reads as the name without other
        context: it is written as a whole hashtag ("#AHY") or after an honorific ("bu Sylvi"),
        by a civil servant of the region while the election is in season. Empty when neither."""
        if not self._markable_here(pid, locality, day):
            return ""
        text = sc.norm.text
        if text[start:end].replace(" ", "") in tag_bodies:
            return "name as a hashtag"
        if after_honorific(text, start):
            return "name after an honorific"
        return ""

    def _tag_pieces(
        self, body: str, locality: Locality | None, day: dt.date
    ) -> list[tuple[int, int, str]]:
        """A collision-risk name of a regional candidate that opens or closes a hashtag of
        several words the author marked by case or digits ("#BaDjaUntukJakarta",
        "#AHYMaininSARA", "#PilihBaDja"): a slogan built on the name, while the election is in
        season and in its region."""
        names = self.lexicon.tag_names
        pieces = camel_pieces(body)
        if len(pieces) < 2 or not names:
            return []
        out: list[tuple[int, int, str]] = []
        first, last = pieces[0][0], pieces[-1][1]
        for k in range(1, len(pieces)):
            for a, b in ((first, pieces[k - 1][1]), (pieces[k][0], last)):
                for pid in names.get(body[a:b].casefold(), ()):
                    if pid in self.markable and self._markable_here(pid, locality, day):
                        out.append((a, b, pid))
        return out

    def _slogan_tag(
        self, body: str, locality: Locality | None, day: dt.date
    ) -> list[tuple[int, int, str]]:
        """A collision-risk name of a regional candidate run together, in a hashtag written in
        one case, with a word of winning, voting, support, candidacy or office before or after
        it ("#bustamimenang", "#mualemgubernur", "#pilihmualem", "#MUALEMPASTIMENANG"): the
        slogan a supporter builds on the name, read as when the author marks the words by case
        (`_tag_pieces`), while the election is in season and in its region. The name fills one
        end of the tag and the word the rest (a year may follow: "#bustamimenang2024"): a name
        or a word inside a longer word ("#bustamimenangis", crying) is no slogan."""
        words = self.lexicon.slogan_words
        names = self.lexicon.tag_names
        if locality is None or not words or not (body.islower() or body.isupper()):
            return []
        low = body.casefold()
        out: list[tuple[int, int, str]] = []
        for k in range(MIN_SLOGAN_NAME, len(low) - MIN_SLOGAN_WORD + 1):
            head, rest = low[:k], low[k:]
            if head in names and rest.rstrip(string.digits) in words:
                out += [(0, k, pid) for pid in names[head]]
            head, rest = low[: len(low) - k], low[len(low) - k :]
            if rest in names and head in words:
                out += [(len(low) - k, len(low), pid) for pid in names[rest]]
        return [
            (a, b, pid)
            for a, b, pid in dict.fromkeys(out)
            if pid in self.markable and self._markable_here(pid, locality, day)
        ]

    def _numbered_tag(
        self, body: str, locality: Locality | None, day: dt.date
    ) -> list[tuple[int, int, str]]:
        """A hashtag made of a participant's name and that participant's ballot number
        ("#PKSnomor8", "#AMIN1", "#02PrabowoGibran"), while the election is in season (and, for
        a regional race, where the author serves): the name and the number agree, two signals
        that confirm each other as a name beside its number does in the text. A name alone may
        be a word or another person ("amin", a prayer's amen), a number alone a count; joined
        into one tag with the number that is theirs, they are a campaign slogan."""
        m = _NUMBERED_TAG.fullmatch(body)
        if m is None:
            return []
        digits, head = (m["lead"], m["trail_name"]) if m["lead"] else (m["trail"], m["name"])
        head = head.casefold()
        number = int(digits)
        names = self.lexicon.numbered_names
        out: list[tuple[int, int, str]] = []
        for name in (head, _NUMBER_WORD.sub("", head)):
            for pid in names.get(name, ()):
                p = self.cat.participants[pid]
                race = self._race_of[pid]
                if p.number == number and self._in_season(pid, day) and race.applies_to(locality):
                    out.append((0, len(body), pid))
            if out:
                break
        return out

    def _compound(
        self,
        bodies: list[tuple[str, int, str]],
        campaign: list[tuple[Scanned, int, int, Meaning]],
        locality: Locality | None,
        day: dt.date,
    ) -> None:
        """Names and slogans inside lower-case hashtags (#ganjarpresidenrakyat), and slogans
        built on a collision-risk name the author marked inside one (#BaDjaUntukJakarta)."""
        if not bodies:
            return  # the usual case: no hashtag to read
        compound = self.lexicon.compound
        raw = NormText("", "")
        for fld, off, body in bodies[:MAX_COMPOUND_BODIES]:
            for a, b, pid in (
                *self._tag_pieces(body, locality, day),
                *self._slogan_tag(body, locality, day),
                *self._numbered_tag(body, locality, day),
            ):
                sc = Scanned(fld, "raw", raw, [])
                campaign.append((sc, off + a, off + b, Meaning(Kind.CAMPAIGN, pid)))
            # Styled letters (mathematical bold, full width) are folded as the text's words
            # are (NFKC): "#𝐆𝐚𝐧𝐣𝐚𝐫𝐌𝐞𝐫𝐚𝐰𝐚𝐭..." is the reader's #GanjarMerawat...
            low = (body if body.isascii() else unicodedata.normalize("NFKC", body)).lower()
            exact = len(low) == len(body)
            for meanings, a, b in compound.scan(low):
                s, e = (off + a, off + b) if exact else (off, off + len(body))
                sc = Scanned(fld, "raw", raw, [])
                for m in meanings:
                    if m.kind is Kind.CAMPAIGN:
                        campaign.append((sc, s, e, m))
                    elif m.kind in (Kind.ALIAS, Kind.GROUP):
                        # a candidate's name inside a hashtag is a campaign hashtag
                        campaign.append((sc, s, e, Meaning(Kind.CAMPAIGN, m.key)))

    def _structure(self, post: Post, feats: Features, day: dt.date) -> None:
        cat = self.cat
        # The post's fields from its __dict__: a pydantic model's attribute reads go through
        # its __getattr__ hook, a slow call each.
        fields = post.__dict__
        action = _ACTION_NAMES[fields["action"]]  # Enum.value is a slow property on 3.11
        feats.found[f"action.{action}"] = [Ev("action", None, None, "action", action)]
        account_id = fields["account_id"]
        author = account_id.casefold()
        if author in cat.election_bodies:
            feats.add(
                "author.election_body",
                Ev("account_id", None, None, "election body", account_id),
            )
        if author in cat.news_outlets:
            feats.add("author.news_outlet", Ev("account_id", None, None, "news outlet", account_id))
        # Mentions name accounts: a candidate's or winning team's account mentioned is that
        # participant named in the author's own words ("@ganjarpranowo lanjutkan pak!").
        mentions = mentioned_accounts(post) if fields["mentions"] else ()
        for i, (handle, account) in enumerate(mentions):
            mentioned = cat.account_role(account, day)
            if mentioned is not None:
                kind, p = mentioned
                ev = Ev(f"mentions[{i}]", None, None, f"{kind}_account:{p.id}", handle)
                self._mention(feats, "text", p, ev)
                feats.add("text.named", ev)
        # A post whose mentions were not kept (copied or scraped text) still names the accounts
        # its words tag: "sosok @ganjarpranowo yang ..." is the candidate's account, in the text.
        written = () if mentions or "@" not in fields["text"] else written_mentions(post)
        for start, end, account in written:
            mentioned = cat.account_role(account, day)
            if mentioned is not None:
                kind, p = mentioned
                ev = Ev("text", start, end, f"{kind}_account:{p.id}", raw=True)
                self._mention(feats, "text", p, ev)
                feats.add("text.named", ev)
        t = fields["target"]
        acc = target_account_id(post)
        if t is not None and acc is not None:
            role = cat.account_role(acc, day)
            ev_label = "target account"
            if role is not None:
                kind, p = role
                ev = Ev("target.account", None, None, f"{kind}_account:{p.id}", t.account)
                feats.add(f"target.{kind}_account", ev)
                self._mention(feats, "target", p, ev)
            elif acc in cat.election_bodies:
                feats.add(
                    "target.election_body", Ev("target.account", None, None, ev_label, t.account)
                )
            elif acc in cat.news_outlets:
                feats.add(
                    "target.news_outlet", Ev("target.account", None, None, ev_label, t.account)
                )
        if t is not None and t.kind is TargetKind.GROUP:
            # The group an event is posted in is where its words go: its members (named by the
            # group's name or described content, "grup WA perangkat desa") are who it addresses.
            feats.add("target.group", Ev("target", None, None, GROUP_AUDIENCE, t.name or "group"))
        if t is not None and (t.kind is TargetKind.GROUP or fields["action"] is Action.JOIN_GROUP):
            team = feats.found.get("target.campaign_team", [])
            # a team named for a participant, or for a candidate the catalogue does not know
            # ("grup tim dan simpatisan paslon bupati ...")
            named = feats.found.get("target.named", []) or feats.found.get(
                "target.candidate_word", []
            )
            groups = [e for e in team if e.label.startswith("group:")]
            if groups or (team and named):
                feats.found["target.campaign_group"] = groups or team + named
        if feats.has("target.participant") and any(
            feats.has(f"target.{n}")
            for n in ("call_to_vote", "support", "campaign_term", "gesture")
        ):
            feats.found["target.partisan"] = feats.found["target.participant"]
        elif feats.has("target.named_choice"):
            # a call to vote for someone the catalogue does not know, named in the content
            feats.found["target.partisan"] = feats.found["target.named_choice"]
        own = feats.has("text.named") or feats.has("text.campaign_term") or feats.has("text.number")
        if feats.has("text.gotv") and not own:
            feats.found["exception.gotv"] = feats.found["text.gotv"]
        if feats.has("text.debunk") and not _slogans_tagged(post, feats):
            feats.found["exception.debunk"] = feats.found["text.debunk"]

    @staticmethod
    def _news_exception(feats: Features) -> None:
        """News is an outlet's post, or the author's words read as reporting with no
        endorsement of their own (the stance reader decides, not one reporting word)."""
        if feats.has("author.news_outlet"):
            feats.found["exception.news"] = feats.found["author.news_outlet"]
        elif feats.has("register.report") and not feats.has("register.endorse"):
            feats.found["exception.news"] = feats.found["register.report"]


def _slogans_tagged(post: Post, feats: Features) -> bool:
    """Whether the author tags the post with a participant's campaign slogan or hashtag set
    apart from its sentences (#GanjarPresiden, #PrabowoGibran2024, #JokowiMenangTotalDebat after
    or between the words, `trailing_tags`): a debunking word beside it ("hoax", "cek fakta",
    "klarifikasi") serves the campaign, as a sharer's own hashtags are their words whatever the
    body says. A slogan a sentence uses as a word ("klaim #X menang ... itu hoaks") is the
    claim the debunk examines."""
    slogans = [ev for ev in feats.evidence("text.campaign_term") if ev.field.startswith("hash")]
    return bool(slogans) and not trailing_tags(post).isdisjoint(ev.field for ev in slogans)


_RULED_OUT_KEYS = tuple(f"{zone}.{ANYONE_BUT_LIST}" for zone in ZONES)


def _ruled_out_starts(scanned: list[Scanned], found: dict[str, list[Ev]]) -> set[tuple[str, int]]:
    """(field, offset) where a name may start right after an "anyone but" construction
    ("asal jangan", stance/ruledout.py): a weak name there needs no other sign."""
    cues = [ev for key in _RULED_OUT_KEYS for ev in found.get(key, ())]
    if not cues:
        return set()  # most posts
    return starts_after(cues, {sc.field: sc.norm.text for sc in scanned})


def markable_names(cat: Catalogue) -> frozenset[str]:
    """Participants whose collision-risk names an author's marks (an honorific, a hashtag) may
    make the name: candidates of regional races. A national pair's nickname ("Amin") and a
    party's short name are common words and given names everywhere ("Pak Amin" is anyone); a
    regional candidate's is read only for civil servants of the region."""
    return frozenset(
        p.id for p in cat.participants.values() if not p.party and cat.races[p.race_id].province
    )


# The word after a possible "amen", and what may follow one ("amin ya rabb", "amin amin").
_WORDS_AFTER = re.compile(r"[^\w.!?]*(\w+)")
# How many times the amen is said ("aamiin 3x", "AMIN 3 YRA"): a count, then the amen's tail.
_AMEN_COUNT = re.compile(r"[^\w.!?]*\d{1,3}(\s*x)?\b")
_CAPITALS_BEFORE = re.compile(r"([^\W\d_]{2,})[^\w.!?]*$")
_AMEN_TAIL = frozenset(["amin", "aamiin", "amiin", "aamin", "ya", "yra", "yaa", "allahumma"])
# Where a prayer word is listed (`optative_cue`), in each zone an alias can be read in.
_PRAYER_KEYS = tuple(f"{zone}.optative_cue" for zone in ("text", "media", "target"))


def _a_prayer(
    sc: Scanned, start: int, end: int, prayers: set[tuple[str, int | None, int | None]]
) -> bool:
    """Whether a weak alias is also a prayer word at the same place, closing its sentence
    (alone, or before "ya rabb", "amin"): "... rakyat sejahtera amin" is "amen", not the pair
    Anies-Muhaimin, unless the author wrote it in capitals ("AMIN"), as a name styled as an
    acronym is; "Amin paling tepat" opens a sentence with the name."""
    if (sc.field, start, end) not in prayers:
        return False
    text = sc.norm.text
    count = _AMEN_COUNT.match(text, end)
    after = _WORDS_AFTER.match(text, count.end() if count is not None else end)
    if after is not None and after.group(1) not in _AMEN_TAIL:
        return False  # "Amin paling tepat": a sentence opens with the name
    if count is not None and count.group(1) is None and after is None:
        return False  # "AMIN 1": the pair's ballot number, neither "x" nor an amen's tail
    lo, hi = sc.norm.span(start, end)
    orig = sc.norm.orig
    written = orig[lo:hi]
    if not (written.isupper() and len(written) > 1):
        return True
    # Capitals style a name as an acronym only where the words before are not shouted too
    # ("... SEJAHTERA ATAS IZIN ALLAH AMIN" is a prayer said loudly).
    before = _CAPITALS_BEFORE.search(orig, 0, lo)
    return before is not None and before.group(1).isupper()


def _hashtag_bodies(post: Post) -> list[tuple[str, int, str]]:
    """(field, offset, body) of every hashtag in the text and in the hashtags field."""
    bodies: list[tuple[str, int, str]] = []
    fields = post.__dict__  # see `Extractor._structure`
    text = fields["text"]
    if "#" in text:
        pos = text.find("#")
        while pos != -1:
            body = _WORD.match(text, pos + 1)  # letters, digits and "_" (see `_WORD`)
            end = body.end() if body is not None else pos + 1
            if end > pos + 1:
                bodies.append(("text", pos + 1, text[pos + 1 : end]))
            pos = text.find("#", end)
    for i, tag in enumerate(fields["hashtags"]):
        off = 1 if tag.startswith("#") else 0
        bodies.append((f"hashtags[{i}]", off, tag[off:]))
    # A word of several capitalised words run together in the prose ("Setuju AyahBowoGibran
    # VisinyaJelas") is a hashtag whose sign was lost (copied tags, scraped text): read as one.
    # A particle written capitalised onto a word ("PrabowoLah", "SiapaKah") is title case, no tag.
    joined = not text.islower() and _CAMEL_JOIN.search(text) is not None
    for m in _LOST_TAG.finditer(text) if joined else ():
        if m.group(1).casefold() not in _PARTICLE_PIECES:
            bodies.append(("text", m.start(), m.group()))
    return bodies


# Two or more capitalised words of two letters or more run together, not after "#" or "@".
_LOST_TAG = re.compile(r"(?<![#@\w])[A-Z][a-z]+(?:[A-Z][a-z]+)*([A-Z][a-z]+)\b")
# What every match of `_LOST_TAG` holds: a lower-case letter and a capital run together (a
# lower-case text has none). Searched first: most texts have none, and this costs a fraction of
# `_LOST_TAG`, whose look-behind is tried at every character.
_CAMEL_JOIN = re.compile(r"[a-z][A-Z]")
# A hashtag of a name and a ballot number, either way round ("PKSnomor8", "02PrabowoGibran");
# a number word between them ("nomor", "no") is taken off the name (`_NUMBER_WORD`).
_NUMBERED_TAG = re.compile(
    r"(?:nomor|nomer|no|nmr)?(?P<lead>\d{1,2})(?P<trail_name>[^\W\d_]{2,})"
    r"|(?P<name>[^\W\d_]{2,})(?P<trail>\d{1,2})",
    re.IGNORECASE,
)
_TAG_BODY = re.compile(r"#(\w+)")
_NUMBER_WORD = re.compile(r"(?:nomor|nomer|no|nmr|urut|nourut|nomorurut)$")
# Enclitic particles and the possessive clitic: a closed grammatical class.
_PARTICLE_PIECES = frozenset(["lah", "kah", "tah", "pun", "nya", "ku", "mu"])


def after_honorific(text: str, start: int) -> bool:
    """Whether the word right before `start` in normalised text is an honorific ("bu", "pak")."""
    if start < 2 or text[start - 1] != " ":
        return False
    before = text[max(0, start - HONORIFIC_REACH) : start - 1].rsplit(" ", 1)[-1]
    return before in TERMS_OF_ADDRESS


def target_account_id(post: Post) -> str | None:
    """The account id of the target's owner, casefolded. An id written bare ("sandiuno",
    "@sandiuno": a scraped retweet keeps the handle only) is on the author's platform, as a
    mention is: the share of an x: account is of an x: post."""
    target = post.target
    account = target.account.strip() if target is not None and target.account else ""
    if not account:
        return None
    if ":" not in account:
        account = f"{post.account_id.split(':', 1)[0]}:{account.lstrip('@')}"
    return account.casefold()


def mentioned_accounts(post: Post) -> list[tuple[str, str]]:
    """(handle as written, account id on the author's platform) for the first MAX_MENTIONS
    mentions: "@prabowo" in an x: post is the account x:prabowo."""
    prefix = post.account_id.split(":", 1)[0]
    return [(h, f"{prefix}:{h.lstrip('@')}") for h in post.mentions[:MAX_MENTIONS]]


_HANDLE = re.compile(r"@(\w+)")
_REPLY_HANDLES = re.compile(r"\s*(?:@\w+[\s,]*)+")  # the handles a reply opens with


def written_mentions(post: Post) -> list[tuple[int, int, str]]:
    """(start, end, account id) of the first MAX_MENTIONS @handles written in the text, on the
    author's platform, for a post whose mentions field is empty. The run of handles a reply
    opens with is whom it is addressed to (a thread tags everyone in it), not whom it names.
    The run a post closes with tags the accounts too, unless the words before it speak to
    someone in the second person ("bacot lu ah @X", "badut semua kalian @X @Y"): then the
    handles say who "you" is, and name them as a mention kept by the platform would."""
    prefix = post.account_id.split(":", 1)[0]
    text = post.text
    opening = _REPLY_HANDLES.match(text)
    begin = opening.end() if opening else 0
    found = list(_HANDLE.finditer(text, begin))[:MAX_MENTIONS]
    addressed = _addressed_from(text, begin)
    return [
        (m.start(), m.end(), f"{prefix}:{m.group(1).casefold()}")
        for m in found
        if m.start() >= addressed or _handle_as_name(text, m.start(), m.end())
    ]


# The handles a post closes with ("@a, @b!"), matched on the text reversed: anchored at the
# text's end, so the run is found in one pass. Searched forward with "$", a regex would try every
# "@" of the text again and take time quadratic in the number of handles.
_CLOSING_HANDLES_REVERSED = re.compile(r"(?:[\s,.!?]*\w+@)+")
_PERSON_WORD = re.compile(r"[^\W\d_]+")


def _addressed_from(text: str, begin: int) -> int:
    """Where the closing run of handles starts when the words between `begin` and it address
    someone in the second person (`SECOND_PERSONS`, outside quotation marks); past the end of
    `text` otherwise, so that no handle is read as the one addressed."""
    closing = _CLOSING_HANDLES_REVERSED.match(text[begin:][::-1])
    start = len(text) - closing.end() if closing is not None else begin
    if start <= begin:
        return len(text) + 1
    words = text[begin:start]
    spans = quoted_spans(words) if has_quote(words) else []
    # the words between the quotations, each piece once (no copy of the text per quotation)
    bounds = [0, *(i for span in spans for i in span), len(words)]
    unquoted = " ".join(words[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    if any(w.casefold() in SECOND_PERSONS for w in _PERSON_WORD.findall(unquoted)):
        return start
    return len(text) + 1


def _handle_as_name(text: str, start: int, end: int) -> bool:
    """Whether an @handle is used as a word of its sentence: after an honorific ("Pak
    @aniesbaswedan") or with the sentence going on in lower case after it ("sosok
    @ganjarpranowo yang ..."). A handle closing a sentence or the post tags the account, as a
    reply does ("... tetap santun @prabowo")."""
    before = text[:start].rsplit(None, 1)
    if before and before[-1].casefold().rstrip(".") in _BEFORE_A_NAME:
        return True
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1)[:1].islower()


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]\w*)")  # the next word in the same line, no punctuation
# Terms of address and the person noun "sosok" ("sosok @ganjarpranowo yang ..."): written before
# a handle, they make it a name in the sentence.
_BEFORE_A_NAME = TERMS_OF_ADDRESS | {"sosok"}


_NOT_ALNUM = re.compile(r"[\W_]+")


def _handles(post: Post) -> dict[str, tuple[list[str], str]]:
    """Per field of the author's words with an @handle in it: the handles (case-folded) and
    the rest of the field run together, letters and digits only."""
    out: dict[str, tuple[list[str], str]] = {}
    fields = post.__dict__  # see `Extractor._structure`
    if "@" not in fields["text"] and "@" not in fields["transcript"]:
        return out  # the usual case
    for name in ("text", "transcript"):
        orig = post.field_text(name)
        if orig and "@" in orig:
            bodies = [h.casefold() for h in _HANDLE.findall(orig)]
            rest = _NOT_ALNUM.sub("", _HANDLE.sub(" ", orig)).casefold()
            out[name] = (bodies, rest)
    return out


def _only_in_handles(
    sc: Scanned, start: int, end: int, handles: dict[str, tuple[list[str], str]]
) -> bool:
    """Whether a matched term stands only inside @handles of its field, nowhere else in it. A
    pair's name read across a run of handles ("@prabowo @gibran_tweet") stands in them too:
    every word of it inside one of them."""
    found = handles.get(sc.field)
    if found is None:
        return False
    bodies, rest = found
    words = sc.norm.text[start:end].split()
    term = "".join(words)
    if term in rest:
        return False
    return any(term in body for body in bodies) or (
        len(words) > 1 and all(any(w in body for body in bodies) for w in words)
    )


class Spanned(NamedTuple):
    """One piece of a zone's evidence with the normalised text of the field it was found in."""

    zone: str
    ev: Ev
    start: int
    end: int
    norm: NormText
    norms: dict[str, NormText]  # the zone's fields by name, for `Mapper`


def _spans(
    scanned: list[Scanned], feats: Features, key: str, zones: tuple[str, ...]
) -> Iterator[Spanned]:
    """Each piece of evidence `<zone>.<key>`, zone by zone, that readers after the scan look
    around in its field: found in normalised text (not raw, whose offsets are the original's)
    and with a span. The zone's fields are gathered once, and only when it holds the key."""
    found = feats.found
    for zone in zones:
        evs = found.get(f"{zone}.{key}")
        if not evs:
            continue
        norms = {sc.field: sc.norm for sc in scanned if sc.zone == zone}
        for ev in evs:
            norm = norms.get(ev.field)
            if norm is None or ev.start is None or ev.end is None or ev.raw:
                continue
            yield Spanned(zone, ev, ev.start, ev.end, norm, norms)


def _defection_threats(scanned: list[Scanned], feats: Features) -> None:
    """A sanction made to hang on disloyalty ("jika loyalitas rendah ... akan memberikan
    sanksi") is threat evidence (`<zone>.threat_cue`), and the warning words inside it stop
    reading as a neutrality warning (see neutrality/coercion.py)."""
    found = feats.found
    for zone in ("text", "media"):
        disloyal = found.get(f"{zone}.disloyalty_cue")
        sanctions = found.get(f"{zone}.sanction_cue")
        if not disloyal or not sanctions:
            continue
        texts = {sc.field: sc.norm.text for sc in scanned if sc.zone == zone}
        threats = defection_threats(texts, disloyal, sanctions)
        if not threats:
            continue
        for ev in threats:
            feats.add(f"{zone}.threat_cue", ev)
        warned = found.get(f"{zone}.warn_cue")
        if warned:
            kept = [ev for ev in warned if not inside(ev, threats)]
            if kept:
                found[f"{zone}.warn_cue"] = kept
            else:
                del found[f"{zone}.warn_cue"]


# Where a word alone calls people to come ("Hadiri ...", "Bapak ibu, ramaikan ..."): it opens
# the field or follows the end of a sentence, a colon or an address set off by a comma. The same
# verb after its subject tells who came ("Ribuan warga hadiri kampanye").
_CALL_OPENERS = ".!?:;,\n"
# Makassar and Bugis polite endings make a verb a request wherever it stands ("hadirki").
_POLITE_ENDINGS = ("ki", "mi")


# A field's normalised text with its offsets in what was written (`quotation.mapped`): the
# field's name and the fields by name; None when it cannot be mapped.
Mapper = Callable[[str, dict[str, NormText]], NormText | None]


def _attend_calls(scanned: list[Scanned], feats: Features, written: Mapper) -> None:
    """Keep a call to attend (`<zone>.attend_call`) only where it calls: a phrase that is one
    ("ayo datang", "jangan lupa hadir", "monggo rawuh"), a polite ending ("hadirki"), or a
    single imperative that opens a sentence. A headline's or a report's "hadiri" has its
    subject before it."""
    found = feats.found
    kept: dict[str, list[Ev]] = {
        zone: [] for zone in ("text", "media") if found.get(f"{zone}.attend_call")
    }
    for at in _spans(scanned, feats, "attend_call", tuple(kept)):
        term = at.norm.text[at.start : at.end]
        if " " in term or term.endswith(_POLITE_ENDINGS):
            kept[at.zone].append(at.ev)
            continue
        tracked = written(at.ev.field, at.norms)
        if tracked is None:
            continue
        before = tracked.orig[: tracked.span(at.start, at.end)[0]].rstrip()
        if not before or before[-1] in _CALL_OPENERS:
            kept[at.zone].append(at.ev)
    for zone, calls in kept.items():
        if calls:
            found[f"{zone}.attend_call"] = calls
        else:
            del found[f"{zone}.attend_call"]


VOTE_SHARE = "a victory aimed at with its vote share"
# How far after the victory word its share may stand ("menang di Tapalang, minimal 57 persen").
SHARE_REACH = 48  # characters of what the person wrote, inside one sentence
# What may stand between a victory and its share: where (a place's name, capitalised) and how
# much ("menang di Tapalang, minimal 57 persen", "menang diangka 57 persen"). Another word is
# another predicate ("menang lomba, hadiahnya naik 10 persen"): the share is not the victory's.
_SHARE_BRIDGE = word_set(
    "di diangka angka pada dengan minimal min sedikitnya setidaknya paling tidak sekitar kurang "
    "lebih hingga sampai sampe dari atas target kita kami ini itu nanti harus sini situ sana "
    "desa kampung kelurahan kecamatan kabupaten kota provinsi dapil tps wilayah daerah"
)
_MATCH_SCORE = re.compile(r"\d+\s?[-:]\s?\d+")  # "menang 2-0": a match won, its share the ball's
MODAL_REACH = 3  # words before the victory word that may make it the speaker's aim


def _namesakes(cat: Catalogue) -> dict[str, tuple[str, ...]]:
    """Each candidate's namesakes in other races: candidates (not parties) who share a strong
    name with them ("anies" of Jakarta 2017 and of the 2024 Pilpres), the same person standing
    again."""
    by_name: dict[str, set[str]] = {}
    for p in cat.participants.values():
        if p.party:
            continue
        for name in p.aliases:
            by_name.setdefault(name.casefold(), set()).add(p.id)
    out: dict[str, set[str]] = {}
    for ids in by_name.values():
        for pid in ids:
            out.setdefault(pid, set()).update(ids - {pid})
    return {pid: tuple(sorted(others)) for pid, others in out.items() if others}


def _vote_shares(scanned: list[Scanned], feats: Features, written: Mapper) -> None:
    """A victory the speaker aims at or expects, with the vote share it is to have ("kita harus
    menang, minimal 57 persen", "insya Allah menang 70 persen", "target menang 60%"):
    `<zone>.vote_share`. The share makes the victory an election's; the words before it (a
    first person, a must, a prayer: `OWN_WIN_MODALS`) make it the speaker's side's, named or
    not. A share a survey or a count gave ("unggul 45 persen") is told, not aimed at."""
    for at in _spans(scanned, feats, "win_outcome", ("text",)):
        before = at.norm.text[: at.start].split()[-MODAL_REACH:]
        if OWN_WIN_MODALS.isdisjoint(before):
            continue
        tracked = written(at.ev.field, at.norms)
        if tracked is None:
            continue
        end = tracked.span(at.start, at.end)[1]
        after = tracked.orig[end : end + SHARE_REACH]
        stop = sentences.STOP.search(after)
        clause = after[: stop.start()] if stop else after
        share = PERCENT.search(clause)
        if (
            share is not None
            and not _MATCH_SCORE.search(clause, 0, share.start())
            and all(
                w[0].isupper() or w.casefold() in _SHARE_BRIDGE
                for w in _PERSON_WORD.findall(clause, 0, share.start())
            )
        ):
            feats.add(f"{at.zone}.vote_share", Ev(at.ev.field, at.start, at.end, VOTE_SHARE))


# Nouns that a number after them counts or orders (neighbourhoods, hours and dates, rooms and
# floors, classes, rounds and stages): "RT 02 mantap" praises the RT, "jam 02 menang" tells an
# hour.
_NUMBER_LABELS = word_set(
    "rt rw jam pukul tgl tanggal kelas lantai blok gang kamar ruang ruangan pos kavling unit "
    "kode seri angkatan gelombang tahap periode sesi babak menit detik ronde grup regu"
)
# What a ballot number written as a name ("02") may be judged or wished by, right beside it.
JUDGING_LISTS = ("win_outcome", "optative_cue", "evaluation_cue", "evaluative_word")


def _judged_number(feats: Features, sc: Scanned, start: int, end: int) -> bool:
    """Whether a ballot number written with its leading zero ("02", as pairs are called) is
    judged or wished for by the word right beside it ("Mantap 02", "02 menang", "02 nyungsep",
    "01 pasti menang"), or after it across one adverb that leaves the verdict its own ("02
    memang mantap", "01 tetap juara": `PREDICATE_ADVERBS`): a number used as a name, subject
    or object of a verdict, is the pair's, a second sign of its own. A number behind a label
    ("RT 02", "nomor 02") or in a date or a time ("02.00", "02 Januari") stands beside no such
    word."""
    text = sc.norm.text
    if text[start : start + 1] != "0" or end - start != 2:
        return False
    before = text[:start].rsplit(None, 1)
    if before and before[-1] in _NUMBER_LABELS:
        return False  # "RT 02", "jam 02": what the label counts
    for name in JUDGING_LISTS:
        for ev in feats.found.get(f"{sc.zone}.{name}", ()):
            if ev.field != sc.field or ev.raw or ev.start is None or ev.end is None:
                continue
            if ev.end + 1 == start or end + 1 == ev.start:
                return True
            if end < ev.start:
                gap = text[end : ev.start].split()
                if len(gap) == 1 and gap[0] in PREDICATE_ADVERBS:
                    return True
    return False


def _after_label(feats: Features, sc: Scanned, start: int) -> bool:
    """Whether a bare number stands right after a word for candidacy ("pasangan calon 03",
    "capres 02", "paslon nomor 3"): then, like "nomor urut 2", it labels what follows it."""
    return any(
        ev.field == sc.field and ev.end is not None and ev.end + 1 == start
        for ev in feats.found.get(f"{sc.zone}.candidate_word", ())
    )


# The kinds of meaning as module constants: an enum member read through its class costs a
# lookup in the enum's metaclass (50 ns) on every meaning of every hit.
_LIST, _ALIAS, _NUMBER, _GESTURE = Kind.LIST, Kind.ALIAS, Kind.NUMBER, Kind.GESTURE
_CAMPAIGN, _GROUP, _RACE_KIND = Kind.CAMPAIGN, Kind.GROUP, Kind.RACE_KIND
_STRONG_CUES = frozenset(f"{z}.{n}" for z in ZONES for n in ("call_to_vote", "support"))
_NAMED = frozenset(f"{z}.named" for z in ZONES)
_ACTION_NAMES = {a: a.value for a in Action}


def _side(zone: str) -> str:
    """Context is shared by the author's text, hashtags and media, not with the target's text."""
    return "target" if zone == "target" else "own"


def _by_number(races: tuple[Race, ...], n: int) -> list[Participant]:
    return [p for r in races for p in r.participants if p.number == n]


def _by_position(races: tuple[Race, ...], m: Meaning) -> list[Participant]:
    """The participants a ballot number or position names in each race: "nomor 2" the
    number 2; "nomor paling kiri" and "nomor terakhir" the race's first and last numbers, "nomor
    tengah" its middle one (races with an odd count), "nomor dua dari kanan" the second from its
    end."""
    if not m.key:
        return _by_number(races, m.value)
    out = []
    for race in races:
        numbers = sorted(p.number for p in race.participants if p.number is not None)
        if not numbers:
            continue
        if m.key == "first":
            n = numbers[0]
        elif m.key == "last":
            n = numbers[-1]
        elif m.key == "middle":
            if len(numbers) % 2 == 0:
                continue  # no middle among an even count
            n = numbers[len(numbers) // 2]
        elif 1 <= m.value <= len(numbers):  # from_end
            n = numbers[-m.value]
        else:
            continue
        out += [p for p in race.participants if p.number == n]
    return out


def _position_label(m: Meaning, p: Participant) -> str:
    """How a number was read, for the evidence: "2", or "last=3" for a position."""
    return str(m.value) if not m.key else f"{m.key}={p.number}"


def _outermost_numbers(
    numbers: list[tuple[Scanned, int, int, Meaning]],
) -> list[tuple[Scanned, int, int, Meaning]]:
    """Drop number hits inside a longer one of the same field: "nomor dua" inside "nomor dua
    dari kanan" is not the number 2. One sort and one sweep."""
    if len(numbers) < 2:
        return numbers
    ordered = sorted(numbers, key=lambda h: (h[0].field, h[1], -h[2]))
    kept: list[tuple[Scanned, int, int, Meaning]] = []
    field, reach = "", -1
    for hit in ordered:
        sc, start, end, _ = hit
        if sc.field == field and end <= reach and (start, end) != (kept[-1][1], kept[-1][2]):
            continue
        if sc.field != field or end > reach:
            field, reach = sc.field, end
        kept.append(hit)
    return kept


def _suppress(scanned: list[Scanned]) -> list[tuple[Scanned, list[Hit]]]:
    """Drop hits inside a suppressing phrase ("gas elpiji", "sidang pbb")."""
    out = []
    for sc in scanned:
        spans = [
            (a, b) for ms, a, b in sc.hits for m in ms if m.kind is _LIST and m.key == "suppress"
        ]
        if not spans:
            out.append((sc, sc.hits))
            continue
        kept = [h for h in sc.hits if not any(a <= h[1] and h[2] <= b for a, b in spans)]
        out.append((sc, kept))
    return out


def _squeeze(text: str) -> str:
    """Letters and digits only, case-folded: a name as a hashtag writes it. One regex pass:
    `[\\W_]` is exactly what `str.isalnum` refuses (see `_WORD`)."""
    return _NOT_ALNUM.sub("", text.casefold())


_WORD = re.compile(r"\w+")  # letters, digits and "_": str.isalnum() or "_", as Python defines \w


class _Words:
    """The whole word (squeezed) a campaign match lies in, for each field of one post: the
    hashtag's body where the match is raw (hashtag bodies are read raw), the word of normalised
    text (which drops the "#") otherwise. Each field's words are found once, so a field with
    thousands of matches costs one pass; a word longer than `limit` (no names-only tag is that
    long) is ""."""

    def __init__(self, post: Post, limit: int) -> None:
        self._post = post
        self._limit = limit
        self._spans: dict[tuple[str, str], tuple[list[int], list[int], str]] = {}
        self._squeezed: dict[tuple[str, str, int, int], str] = {}  # a word asked for again

    def around(self, sc: Scanned, start: int, end: int) -> str:
        key = (sc.field, sc.zone)
        found = self._spans.get(key)
        if found is None:
            text = self._post.field_text(sc.field) if sc.zone == "raw" else sc.norm.text
            spans = [m.span() for m in _WORD.finditer(text)]
            found = self._spans[key] = ([a for a, _ in spans], [b for _, b in spans], text)
        starts, ends, text = found
        a, b = start, end
        i = bisect.bisect_right(starts, start - 1) - 1  # the word running into the match
        if i >= 0 and starts[i] <= start - 1 < ends[i]:
            a = starts[i]
        j = bisect.bisect_right(starts, end) - 1  # the word running on after it
        if j >= 0 and starts[j] <= end < ends[j]:
            b = ends[j]
        if b - a > self._limit:
            return ""
        word = (sc.field, sc.zone, a, b)
        squeezed = self._squeezed.get(word)
        if squeezed is None:
            squeezed = self._squeezed[word] = _squeeze(text[a:b])
        return squeezed


def _names_only(body: str, names: dict[str, set[str]], lengths: tuple[int, ...]) -> bool:
    """Whether a hashtag body is a participant's name, or NAME_TAG_PARTS names of one
    participant joined ("ahokdjarot", "aniessandi"), with nothing else in it. Only the lengths
    of known names are tried as the first part (a few, whatever the body's length)."""
    if not body or body in names:
        return bool(body)
    if NAME_TAG_PARTS < 2:
        return False
    for i in lengths:
        if i >= len(body):
            return False  # the lengths are sorted: no longer name leaves a second part
        first = names.get(body[:i])
        if first is not None and not first.isdisjoint(names.get(body[i:], _NOBODY)):
            return True
    return False


_NOBODY: frozenset[str] = frozenset()


def _listed_number(text: str, end: int, p: Participant, race: Race) -> bool:
    """Whether the ballot number ending at `end` is followed by another participant's number of
    the same race: the first of a list of numbers. A figure after it that is no ballot number
    of the race ("nomor 2 14 Februari") is a date or a count, not a list."""
    m = _NEXT_NUMBER.match(text, end)
    if m is None:
        return False
    n = int(m.group(1))
    return n != p.number and any(q.number == n for q in race.participants)
