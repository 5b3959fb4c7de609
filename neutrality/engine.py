"""The engine: load a pack once, then `decide` one post at a time (the hot path)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel
from pydantic_core import TzInfo

from neutrality import __version__
from neutrality.catalogue import Catalogue, Locality
from neutrality.discourse import FEATURE as SUSTAINED
from neutrality.discourse import possible as discourse_possible
from neutrality.features import (
    JUDGING_LISTS,
    RESULTS_OPEN,
    SLIP_FIELDS,
    WIB,
    Extractor,
    after_honorific,
    mentioned_accounts,
    target_account_id,
    written_mentions,
)
from neutrality.featureset import Ev, Features, Scanned, zone_of
from neutrality.lexicon import SETTING_LISTS, Lexicon, build_lexicon
from neutrality.matcher import Kind
from neutrality.model import Model, NameMask
from neutrality.normalise import NormText, one_tag, one_tag_offsets, quick_offsets, quick_read
from neutrality.onesided import FEATURE as ONE_SIDED
from neutrality.onesided import possible as one_sided_possible
from neutrality.ownside import FEATURE as OWN_SIDE
from neutrality.ownside import REPLY_FEATURE
from neutrality.ownside import possible as own_side_possible
from neutrality.pack import Pack, Rule, load_pack
from neutrality.ruleindex import RuleIndex
from neutrality.stance import possible_registers
from schemas import (
    Action,
    Decision,
    Evidence,
    Outcome,
    ParticipantRef,
    Phase,
    Platform,
    Post,
    RuleHit,
    SanctionTrack,
    Severity,
    Target,
    TargetKind,
)

REPO_RULES = Path(__file__).resolve().parent.parent / "rules"
DEFAULT_PACK = "core"
MAX_EVIDENCE = 12
# Hits read per field: bounded work for any valid post. Past a few hundred matches in one field
# more of them change nothing (the rules have fired); the evidence shown stays the first ones.
MAX_HITS_PER_FIELD = 256
MAX_HITS_PER_POST = 1_024
# Days and sets of races whose phase is remembered (a worker sees a few days and races at a time).
PHASE_CACHE = 4_096
MODEL_FEATURES = frozenset({"model.partisan", "model.possible"})
_NO_NAMES: frozenset[str] = frozenset()
# An event the engine could not finish within its time budget goes to a person, never passes.
TOO_COMPLEX = "engine.too-complex"
TOO_COMPLEX_TITLE = "Too complex to judge within the time budget: a person must look"
_WIB_OFFSET = dt.timedelta(hours=7)
# Zones whose offset does not change with the date, and each one's shift to WIB (see `wib_day`).
_FIXED_ZONES = frozenset({dt.timezone, TzInfo})
_WIB_SHIFTS: dict[dt.tzinfo, dt.timedelta] = {}
_ZONES_KEPT = 1_024  # a worker sees a few zones; any number of them costs bounded memory
_PhaseOf = tuple[str | None, Phase | None]  # the election and its phase on a day
_PLATFORM_NAMES = {p: p.value for p in Platform}  # Enum.value is a slow property on 3.11
_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}
_EvKey = tuple[str, int | None, int | None, str]  # a piece of evidence: field, span, label


def default_pack_dir() -> Path:
    """The pack shipped in the repository (rules/packs/core). The engine reads no environment:
    a worker or a command passes the pack its settings name (NETRA_RULE_PACK)."""
    return REPO_RULES / "packs" / DEFAULT_PACK


class _FirstLook(NamedTuple):
    """What the quick first look read of an event, for the full look to go on from."""

    fields: list[tuple[str, str]]  # (name, original text) of each field judged
    structural: bool  # an election body, news outlet or participant's account is involved
    clean: dict[str, str]  # fields whose quick form is already the normalised form
    plain: set[str]  # the fields in `clean` whose quick form is plain (see `quick_read`)
    # Fields with an obfuscation (or leetspeak only the full normaliser reads) are normalised
    # with offsets at once: most of them are shown as evidence, which needs the offsets, and
    # one tracked pass costs less than a plain one and a tracked one. So are fields with words
    # and a hashtag: on the real train and dev sets and the hand corpus 266 of 436 of them were
    # shown (296 of 324 in `netra bench engine`). A field that is one hashtag alone is normalised
    # plain: most are not shown (a hashtag alone proves little), and `one_tag_offsets` finds
    # the offsets of one that is for less than a tracked pass.
    tracked: set[str]
    # Only on the full path: the quick look would have passed the event here. The full look
    # still reads it and its rules (a test holds that no rule fires on what the quick look
    # passes), but the learned model judges only what the quick look lets through, so its lone
    # opinion never makes the full path decide otherwise than the worker.
    passed: bool = False


@dataclass(slots=True)
class Analysis:
    """Everything behind one decision, for explanations and rule tests."""

    decision: Decision
    features: Features | None
    fired: list[Rule]
    # The fields as read (normalised, matched): what maps a feature's evidence back to the
    # original text (`Engine.evidence`); empty when the post was passed before reading them.
    scanned: list[Scanned] = field(default_factory=list)


class Engine:
    """Holds the compiled pack; thread-compatible (no per-call shared state is mutated)."""

    def __init__(
        self, pack: Pack, catalogue: Catalogue, lexicon: Lexicon, model: Model | None = None
    ) -> None:
        self.pack = pack
        self.model = model
        self._pack_version = f"{pack.name}@{pack.version}"
        self.catalogue = catalogue
        self.lexicon = lexicon
        self.extractor = Extractor(catalogue, lexicon)
        self.rules = list(pack.rules)
        self.rules_by_id = {r.id: r for r in self.rules}
        self._model_rules = [
            r for r in self.rules if any(not c.isdisjoint(MODEL_FEATURES) for c in r.when)
        ]
        # By their ids (`rule in list` compares dataclasses field by field with every other
        # rule; an object's identity would not survive a compiled engine read back): a decision
        # raised by these alone is the model's opinion.
        self.model_rule_ids = frozenset(r.id for r in self._model_rules)
        # Most rules name the actions they judge: each event is held only to those, and only to
        # the clauses its action does not already satisfy, found through its features.
        self._rules_for_action = {
            a: RuleIndex(
                [
                    (r, tuple(c for c in r.when if f"action.{a.value}" not in c))
                    for r in self.rules
                    if _judges(r, a)
                ]
            )
            for a in Action
        }
        self._normalise = lexicon.normaliser.normalise
        self._scan = lexicon.matcher.scan
        self._quick = lexicon.quick
        self._setting = lexicon.setting
        self._phase_by_day: dict[dt.date, _PhaseOf] = {}
        self._phase_by_races: dict[tuple[dt.date, tuple[str, ...]], _PhaseOf] = {}
        # the phase feature and its evidence (immutable) for a day and the races named
        self._phase_features: dict[tuple[dt.date, tuple[str, ...]], tuple[tuple[str, Ev], ...]] = {}
        # The features each rule's evidence is read from, clause by clause, in the order the
        # explanation lists them (sorted once here, not for every hit).
        self._evidence_names = {
            r.id: tuple(name for clause in r.when for name in sorted(clause)) for r in self.rules
        }
        self._pass_templates: dict[dt.date, dict[str, Any]] = {}
        self._elections = sorted(
            catalogue.elections.values(), key=lambda e: e.calendar.numbers_relevant_until
        )
        self._structural_accounts = (
            catalogue.election_bodies
            | catalogue.news_outlets
            | {a.casefold() for p in catalogue.participants.values() for a in p.candidate_accounts}
            | {a.casefold() for p in catalogue.participants.values() for a in p.campaign_accounts}
        )

    @classmethod
    def load(cls, pack_dir: Path | None = None, compiled_dir: Path | None = None) -> Engine:
        """Load and compile everything once; raises neutrality.DataError with file:line problems.
        With `compiled_dir`, the engine compiled before from the same inputs is read from there
        instead, and a new one is kept there (`neutrality.enginecache`)."""
        directory = pack_dir or default_pack_dir()

        def build() -> Engine:
            pack, catalogue = load_pack(directory)
            lexicon = build_lexicon(catalogue, pack.lists)
            model = None
            if pack.model_path is not None:
                model = Model.load(pack.model_path, NameMask.of(catalogue.participants.values()))
            return cls(pack, catalogue, lexicon, model)

        if compiled_dir is None:
            return build()
        from neutrality.enginecache import load_or_build

        return load_or_build(directory, compiled_dir, build)

    @property
    def pack_version(self) -> str:
        return self._pack_version

    # ----------------------------------------------------------------- hot path
    def decide(
        self,
        post: Post,
        locality: Locality | None = None,
        review_only: frozenset[str] = frozenset(),
        budget_ms: float | None = None,
    ) -> Decision:
        """Judge one event; rules named in `review_only` may send it to review, never flag it.
        Past `budget_ms` the engine stops at the next stage and sends the event to review as
        too complex (see `analyse`)."""
        t0 = time.perf_counter()
        post = _listing_tags(post)
        look = self._first_look(post, False, locality)
        if look is None:  # most events: nothing the full look could find
            return self._pass(post, None, t0)
        return self._judge(post, locality, review_only, False, False, budget_ms, t0, look).decision

    def analyse(
        self,
        post: Post,
        locality: Locality | None = None,
        review_only: frozenset[str] = frozenset(),
        complete: bool = False,
        full_path: bool = False,
        budget_ms: float | None = None,
    ) -> Analysis:
        """The decision and everything behind it, for explanations and tests. `complete` reads
        every tier (stance, model) even where no rule could fire; `full_path` skips the quick
        first look. Neither may change a rule's decision (tests hold the engine to it); the
        model judges only what the quick look lets through.

        `budget_ms` bounds the time: every stage is linear in the post (`netra bench worst`
        measures the slowest valid post), so the budget is a safety net for a machine that
        stalls (swapping, a noisy neighbour) or a defect, checked between stages. An event
        over it goes to review with the engine.too-complex hit: never passed, never a stall."""
        t0 = time.perf_counter()
        post = _listing_tags(post)
        look = self._first_look(post, full_path, locality)
        if look is None:
            return Analysis(self._pass(post, None, t0), None, [])
        return self._judge(post, locality, review_only, complete, full_path, budget_ms, t0, look)

    def _first_look(
        self, post: Post, full_path: bool, locality: Locality | None = None
    ) -> _FirstLook | None:
        """The quick first look at every field: None when nothing in the event could be worth
        judging (and `full_path` is not asked for). Apart from the full look below it, so that
        the most common event costs two small calls and not the full look's frame.

        The fields are read from the post's `__dict__`: a pydantic model defines `__getattr__`,
        which makes every attribute read a slow call (a tenth of this look's work).

        The one-word names of a regent's or mayor's pairs are asked for only in the author's
        own regency (`Lexicon.names_of_place`): elsewhere the full look would not read them."""
        values = post.__dict__
        local = (
            self.lexicon.names_of_place(locality.province, locality.regency)
            if locality is not None and locality.regency
            else _NO_NAMES
        )
        body = values["text"]
        if (
            body
            and values["target"] is None
            and not (
                values["transcript"]
                or values["media_description"]
                or values["mentions"]
                or values["hashtags"]
            )
            and "#" not in body
            # a handle written as a name may be a participant's account (features.py)
            and ("@" not in body or not self._written_accounts(post))
        ):
            # The usual event, its text alone: what the loop below decides for it, without
            # building its list, dict and set for an event that needs no full look.
            read = quick_read(body)
            if read is None:  # leetspeak with symbols: only the full normaliser reads it
                return _FirstLook([("text", body)], False, {}, set(), {"text"})
            form, plain = read
            found, obfuscated = self._quick.look(form, plain)
            if obfuscated:
                return _FirstLook([("text", body)], False, {}, set(), {"text"})
            found = (
                found
                or self.extractor.may_name_by_slip(form)
                or (bool(local) and not local.isdisjoint(form.split()))
            )
            if not found and not full_path:
                return None
            return _FirstLook(
                [("text", body)],
                False,
                {"text": form},
                {"text"} if plain else set(),
                set(),
                passed=not found,
            )
        fields: list[tuple[str, str]] = [("text", body)]
        if values["transcript"]:
            fields.append(("transcript", values["transcript"]))
        if values["media_description"]:
            fields.append(("media_description", values["media_description"]))
        target = values["target"]
        structural = False
        if target is not None:
            acted_on = target.__dict__
            if acted_on["text"]:
                fields.append(("target.text", acted_on["text"]))
            if acted_on["name"]:
                fields.append(("target.name", acted_on["name"]))
            account = target_account_id(post) if acted_on["account"] else None
            if account is not None and account in self._structural_accounts:
                structural = True
        quick = self._quick.look
        clean: dict[str, str] = {}
        plain_fields: set[str] = set()
        tracked: set[str] = set()
        if values["mentions"] and not structural:
            structural = any(
                account.casefold() in self._structural_accounts
                for _, account in mentioned_accounts(post)
            )
        elif not values["mentions"] and not structural and "@" in values["text"]:
            structural = self._written_accounts(post)
        anchored = structural or bool(values["hashtags"])
        for name, raw in fields:
            if not raw:
                continue
            if "#" in raw:
                anchored = True
                if not one_tag(raw):
                    tracked.add(name)
                continue
            read = quick_read(raw)
            if read is None:  # leetspeak with symbols: only the full normaliser reads it
                anchored = True
                tracked.add(name)
                continue
            text, plain = read
            found, obfuscated = quick(text, plain)
            anchored = (
                anchored
                or found
                or (name in SLIP_FIELDS and self.extractor.may_name_by_slip(text))
                or (bool(local) and not local.isdisjoint(text.split()))
            )
            if obfuscated:
                tracked.add(name)
            else:
                clean[name] = text
                if plain:
                    plain_fields.add(name)
        if not anchored and (values["transcript"] or values["media_description"]):
            anchored = self._superior_speaking(clean)
        if not anchored and _staff_group(target):
            anchored = self._staff_group_named(clean)
        if not anchored and not full_path:
            return None
        return _FirstLook(fields, structural, clean, plain_fields, tracked, passed=not anchored)

    def _written_accounts(self, post: Post) -> bool:
        """Whether a handle the text uses as a name, in a post whose mentions were not kept, is
        an account the structural rules know (a participant's, an election body's, an outlet's)."""
        return any(account in self._structural_accounts for _, _, account in written_mentions(post))

    def _superior_speaking(self, clean: dict[str, str]) -> bool:
        """Whether a recording (an event with a transcript or a described photo or video) has
        a superior addressing the people who answer to them, in its own words (text,
        transcript, media description; not the content acted on): staff or village heads
        addressed, the speaker's standing, an order or a sanction (`SETTING_LISTS`). Such
        an event gets the full look, and so the learned model's reading, with no campaign
        word in it: a superior directs staff for a candidate in words of loyalty, command or
        audit that no anchor names. Only fields the quick look read plainly are here; any
        other field has already made the event worth the full look."""
        look = self._setting.look
        return any(look(text)[0] for name, text in clean.items() if name in _RECORDING_FIELDS)

    def _staff_group_named(self, clean: dict[str, str]) -> bool:
        """Whether the group an event is posted in is named for staff ("grup WhatsApp para
        kepala sekolah", "grup guru SD"), by the audience list read plainly in its name: words
        posted there are addressed to them, as a superior's recorded words are
        (`_superior_speaking`), and get the full look and so the learned model's reading."""
        name = clean.get("target.name")
        return name is not None and "asn_audience" in self._setting_keys(name)

    def _setting_keys(self, text: str) -> set[str]:
        """The setting lists (`SETTING_LISTS`) with a term in `text`."""
        return {
            m.key
            for meanings, _, _ in self._scan(text)
            for m in meanings
            if m.kind is _LIST and m.key in _SETTING
        }

    def _judge(
        self,
        post: Post,
        locality: Locality | None,
        review_only: frozenset[str],
        complete: bool,
        full_path: bool,
        budget_ms: float | None,
        t0: float,
        look: _FirstLook,
    ) -> Analysis:
        """The full look, for an event the first look let through (see `analyse`)."""
        deadline = t0 + budget_ms / 1000.0 if budget_ms is not None else None
        fields, structural, clean, plain, tracked, passed = look
        values = post.__dict__  # see `_first_look`
        day = wib_day(values["event_time"])
        hashtags = values["hashtags"]
        for i, tag in enumerate(hashtags):
            fields.append((f"hashtags[{i}]", tag if tag.startswith("#") else "#" + tag))
        normalise = self._normalise
        scan = self._scan
        scanned: list[Scanned] = []
        budget = MAX_HITS_PER_POST
        for name, raw in fields:
            if raw and budget > 0:
                known = clean.get(name)
                if known is not None:
                    norm = NormText(raw, known, quick=True)
                    hits = scan(known, name in plain)
                else:
                    norm = normalise(raw, name in tracked)
                    hits = scan(norm.text)
                if len(hits) > MAX_HITS_PER_FIELD or len(hits) > budget:
                    hits = hits[: min(MAX_HITS_PER_FIELD, budget)]
                if hits:
                    budget -= len(hits)
                    scanned.append(Scanned(name, zone_of(name), norm, hits))
                if deadline is not None and time.perf_counter() > deadline:
                    return self._too_complex(post, day, t0, f"matching {name}")
        if (
            not passed
            and not structural
            and not hashtags
            and not _has_signal(
                scanned,
                self.extractor.markable,
                bool(values["transcript"] or values["media_description"]),
                values["target"],
            )
            and not any(  # a name misspelt beside a cue word (`Extractor._slips`)
                sc.field in SLIP_FIELDS and self.extractor.may_name_by_slip(sc.norm.text)
                for sc in scanned
            )
            # a name joined to its ballot number in a hashtag ("#AMIN1", `_numbered_tag`)
            and not (
                "#" in values["text"] and self.extractor.may_name_by_number_tag(values["text"])
            )
        ):
            if not full_path:
                return Analysis(self._pass(post, day, t0), None, [])
            passed = True
        feats = self.extractor.extract(post, locality, scanned, day)
        self._add_phase(feats, day)
        if deadline is not None and time.perf_counter() > deadline:
            return self._too_complex(post, day, t0, "reading features")
        # The second tier (stance, then the model) runs only while a rule can still fire.
        optimistic = feats.found.keys() | possible_registers(feats.found, post) | MODEL_FEATURES
        if one_sided_possible(feats.found):
            optimistic |= _ONE_SIDED
        if discourse_possible(feats.found):
            optimistic |= _SUSTAINED
        if own_side_possible(optimistic):
            optimistic |= _OWN_SIDE
        index = self._rules_for_action[values["action"]]
        candidates = index.candidates(optimistic)
        model_score: float | None = None
        if complete:
            candidates = self.rules
        elif candidates and self.model_rule_ids.issuperset(r.id for r in candidates):
            if not passed:  # only the model can make it fire
                model_score = self._second_opinion(post, feats)
            if "model.possible" not in feats.found:
                candidates = []
        if not candidates:
            fired: list[Rule] = []
            decision = self._decision(post, day, feats, fired, scanned, t0, model_score=model_score)
            return Analysis(decision, feats, fired, scanned)
        self.extractor.read_stance(post, feats, scanned, day)
        if model_score is None and not passed and self._model_may_matter(feats):
            model_score = self._second_opinion(post, feats)
        if deadline is not None and time.perf_counter() > deadline:
            return self._too_complex(post, day, t0, "reading stance")
        fired = index.firing(feats.found.keys())
        decision = self._decision(
            post, day, feats, fired, scanned, t0, dropped=review_only, model_score=model_score
        )
        return Analysis(decision, feats, fired, scanned)

    def evidence(self, post: Post, analysis: Analysis, evs: list[Ev]) -> list[Evidence]:
        """Features' evidence mapped to the original text as a rule hit's is, for explaining
        what the engine read beside the rules (the neutral readings): built only when asked."""
        return _EvidenceMapper(post, analysis.scanned, self.lexicon).map(evs)

    def _add_phase(self, feats: Features, day: dt.date) -> None:
        """The phase of the election the post falls in (of the races it names, else the next
        one), as a feature: a rule may hold a word to the season in which it is partisan. After
        the vote, while the results are not final, `phase.results_open` as well (the sides
        still contend for the outcome: `Calendar.results_open`)."""
        races = tuple(dict.fromkeys(p.race_id for p in feats.participants.values()))
        key = (day, races)
        if key in self._phase_features:
            known = self._phase_features[key]
        else:
            if len(self._phase_features) >= PHASE_CACHE:
                self._phase_features.clear()
            known = self._phase_features[key] = self._phase_readings(day, list(races))
        for name, ev in known:
            feats.found[name] = [ev]

    def _phase_readings(self, day: dt.date, race_ids: list[str]) -> tuple[tuple[str, Ev], ...]:
        """The phase features of a day and the races named, each with the evidence the
        explanation shows (the election, the phase, the day; for open results, until when)."""
        election, phase = self._phase(day, race_ids)
        if election is None or phase is None:
            return ()
        excerpt = f"{election} {phase.value} on {day.isoformat()}"
        readings = [
            (f"phase.{phase.value}", Ev("event_time", None, None, f"phase:{phase.value}", excerpt))
        ]
        calendar = self.catalogue.elections[election].calendar
        if calendar.results_open(day):
            until = calendar.numbers_relevant_until.isoformat()
            ev = Ev("event_time", None, None, f"phase:results open until {until}", excerpt)
            readings.append((RESULTS_OPEN, ev))
        return tuple(readings)

    def _too_complex(self, post: Post, day: dt.date, t0: float, stage: str) -> Analysis:
        """The review decision for an event that ran past its budget, saying where it stopped."""
        spent = (time.perf_counter() - t0) * 1000.0
        hit = RuleHit(
            rule_id=TOO_COMPLEX,
            title=TOO_COMPLEX_TITLE,
            skb_form="",
            severity=Severity.MEDIUM,
            score=self.pack.review_at,
            evidence=[
                Evidence(
                    field="engine",
                    excerpt=f"stopped while {stage} after {spent:.1f} ms",
                    feature="budget:too complex",
                )
            ],
            review_only=True,
        )
        election, phase = self._phase(day, [])
        decision = self._verdict(
            post,
            t0,
            Outcome.REVIEW,
            self.pack.review_at,
            Severity.MEDIUM,
            [hit],
            [],
            [],
            election,
            phase,
        )
        return Analysis(decision, None, [])

    def _model_may_matter(self, feats: Features) -> bool:
        """Whether a rule that reads the model could fire if the model said yes: the model is
        scored only then (a like of a KPU post, a warning, news: no rule would use it)."""
        if self.model is None or not self._model_rules:
            return False
        present = feats.found.keys() | MODEL_FEATURES
        return any(rule.fires(present) for rule in self._model_rules)

    def _second_opinion(self, post: Post, feats: Features) -> float | None:
        """The learned model's probability, as features rules may use, with its n-grams."""
        if self.model is None:
            return None
        opinion = self.model.opinion(post)
        if opinion.probability >= self.model.possible_at:
            described = opinion.describe()
            ev = Ev("model", None, None, f"model:{described}", described)
            feats.found["model.possible"] = [ev]
            if opinion.probability >= self.model.partisan_at:
                feats.found["model.partisan"] = [ev]
        return round(opinion.probability, 4)

    def _phase(self, day: dt.date, race_ids: list[str]) -> tuple[str | None, Phase | None]:
        if not race_ids:
            cached = self._phase_by_day.get(day)
            if cached is None:
                cached = self._phase_by_day[day] = self._phase_uncached(day, [])
            return cached
        key = (day, tuple(race_ids))
        known = self._phase_by_races.get(key)
        if known is None:
            if len(self._phase_by_races) >= PHASE_CACHE:
                self._phase_by_races.clear()
            known = self._phase_by_races[key] = self._phase_uncached(day, race_ids)
        return known

    def _phase_uncached(self, day: dt.date, race_ids: list[str]) -> tuple[str | None, Phase | None]:
        """The election a post speaks in, and its phase on the day. Of the elections of the
        races it names, the nearest one still contested (its results not yet final) is the one
        in season; parties alone name no election of their own (a party stands in every one and
        nominates between them), so once their legislative election is over they are read in
        the season of the next (a party named in the Pilkada run-up is a Pilkada party). When
        every election named is over and a candidate is among them, the post is read after the
        first one's vote (a past candidate is no side of a race being run). No race named: the
        calendar's season."""
        races = [self.catalogue.races[r] for r in race_ids]
        elections = list(dict.fromkeys(self.catalogue.elections[r.election_id] for r in races))
        contested = [e for e in elections if day <= e.calendar.numbers_relevant_until]
        if contested:
            e = min(contested, key=lambda e: e.calendar.numbers_relevant_until)
        elif elections and not all(r.kind == "legislative" for r in races):
            e = elections[0]
        else:
            season = [e for e in self._elections if day <= e.calendar.numbers_relevant_until]
            season = season[:1] or self._elections[-1:]
            if not season:
                return None, None
            e = season[0]
        return e.id, e.calendar.phase(day)

    def _pass(self, post: Post, day: dt.date | None, t0: float) -> Decision:
        """A pass on the fast path: the day's constant fields come from a template, so most
        posts cost one dict copy here (the same Decision _verdict would build). `day` None: the
        event's own (the post's fields are read from its `__dict__`, see `_first_look`)."""
        fields = post.__dict__
        if day is None:
            day = wib_day(fields["event_time"])
        template = self._pass_templates.get(day)
        if template is None:
            election, phase = self._phase(day, [])
            built = self._verdict(post, t0, Outcome.PASS, 0.0, None, [], [], [], election, phase)
            template = self._pass_templates[day] = dict(built.__dict__)
        values = template.copy()
        platform = fields["platform"]
        post_id = fields["post_id"]
        values["post_key"] = f"{_PLATFORM_NAMES[platform]}:{post_id}"
        values["platform"] = platform
        values["post_id"] = post_id
        values["account_id"] = fields["account_id"]
        values["action"] = fields["action"]
        values["event_time"] = fields["event_time"]
        values["hits"] = []
        values["participants"] = []
        values["races"] = []
        values["decide_ms"] = (time.perf_counter() - t0) * 1000.0
        return _build_from(Decision, values)

    def _verdict(
        self,
        post: Post,
        t0: float,
        outcome: Outcome,
        score: float,
        severity: Severity | None,
        hits: list[RuleHit],
        participants: list[ParticipantRef],
        races: list[str],
        election: str | None,
        phase: Phase | None,
        model_score: float | None = None,
    ) -> Decision:
        """The one place a Decision is built, on the fast path and the full one."""
        fields = post.__dict__  # see `_first_look`
        return _build(
            Decision,
            post_key=f"{_PLATFORM_NAMES[fields['platform']]}:{fields['post_id']}",
            platform=fields["platform"],
            post_id=fields["post_id"],
            account_id=fields["account_id"],
            action=fields["action"],
            event_time=fields["event_time"],
            outcome=outcome,
            score=score,
            severity=severity,
            hits=hits,
            participants=participants,
            races=races,
            election=election,
            phase=phase,
            sanction_track=_track(phase),
            pack_version=self.pack_version,
            engine_version=__version__,
            model_score=model_score,
            decide_ms=(time.perf_counter() - t0) * 1000.0,
        )

    def _decision(
        self,
        post: Post,
        day: dt.date,
        feats: Features,
        fired: list[Rule],
        scanned: list[Scanned],
        t0: float,
        dropped: frozenset[str] = frozenset(),
        model_score: float | None = None,
    ) -> Decision:
        parts = sorted(
            feats.participants.values(),
            key=lambda p: (self.catalogue.races[p.race_id].kind == "legislative", p.id),
        )
        races = list(dict.fromkeys(p.race_id for p in parts))
        election, phase = self._phase(day, races)
        hits: list[RuleHit] = []
        score = 0.0
        severity: Severity | None = None
        review_only = False
        if fired:
            mapper = _EvidenceMapper(post, scanned, self.lexicon)
            found = feats.found
            for rule in fired:
                evs: list[Ev] = []
                for name in self._evidence_names[rule.id]:
                    got = found.get(name)
                    if got:
                        evs.extend(got)
                hits.append(
                    _build(
                        RuleHit,
                        rule_id=rule.id,
                        title=rule.title,
                        skb_form=rule.skb_form,
                        severity=rule.severity,
                        score=rule.score,
                        evidence=mapper.map(evs),
                        review_only=rule.review_only or rule.id in dropped,
                    )
                )
                score += rule.score
                review_only = review_only or rule.review_only or rule.id in dropped
                if severity is None or _SEVERITY_RANK[rule.severity] > _SEVERITY_RANK[severity]:
                    severity = rule.severity
        if score >= self.pack.flag_at and not all(h.review_only for h in hits):
            outcome = Outcome.FLAG
        elif score >= self.pack.review_at or (hits and score >= self.pack.flag_at):
            outcome = Outcome.REVIEW
        else:
            outcome = Outcome.PASS
        return self._verdict(
            post,
            t0,
            outcome,
            score,
            severity if outcome is not Outcome.PASS else None,
            hits,
            [p.ref() for p in parts],
            races,
            election,
            phase,
            model_score,
        )


_JUDGING = frozenset(JUDGING_LISTS)
_SHARE, _WON = "share_word", "win_outcome"  # the lists a vote share aimed at is read from
_NUMBER_KIND = Kind.NUMBER
_SIGNAL_LISTS = frozenset(
    {
        "political_context",
        "call_to_vote",
        "campaign_team",
        "candidate_word",
        "endorse_cue",
        "membership",
        "camp_epithet",
        "electoral_stake",  # a superior's order tied to votes with nobody named (N10)
        "compliance",  # "siap, laksanakan": accepting an instruction described beside it
        "threat_cue",  # a superior's threat to staff: the learned model and N10 read the rest
        "campaign_content",  # "membagikan konten kampanye": the content is campaign material
        "anyone_but",  # "asal jangan banteng": the second sign of a weak name (stance/ruledout.py)
    }
)


_SETTING = frozenset(SETTING_LISTS)
_ONE_SIDED = frozenset({ONE_SIDED})  # the stance tier may add it (onesided.py)
_SUSTAINED = frozenset({SUSTAINED})  # the stance tier may add it (discourse.py)
_OWN_SIDE = frozenset({OWN_SIDE, REPLY_FEATURE})  # the stance tier may add them (ownside.py)
# A recording's own words, where a superior addressing staff is read (not the content acted on).
_RECORDING_FIELDS = frozenset({"text", "transcript", "media_description"})


def _listing_tags(post: Post) -> Post:
    """The event as the engine reads it: with the tags written in its text as its hashtags when
    its connector listed none (`Post.tags`), so that a forwarded or scraped text is judged as
    the same words posted on X are. Evidence in `hashtags[i]` then names the i-th of
    `Post.tags`, which the stored event resolves the same way."""
    values = post.__dict__
    if values["hashtags"] or "#" not in values["text"]:
        return post
    tags = post.tags
    return post.model_copy(update={"hashtags": tags}) if tags else post


def _judges(rule: Rule, action: Action) -> bool:
    """Whether a rule can fire for an action: no clause made only of other actions."""
    own = f"action.{action.value}"
    return not any(
        own not in clause and all(f.startswith("action.") for f in clause) for clause in rule.when
    )


def wib_day(when: dt.datetime) -> dt.date:
    """The WIB calendar day of an event; a schema-valid time at the edge of the calendar
    (year 1 east of Greenwich, year 9999 west of it) clamps instead of overflowing.

    An offset fixed by its zone (what posts parsed from JSON and most others carry) is read once
    per zone: `utcoffset` is a call by name into the zone object, a tenth of a quick pass. One
    shift from the zone to WIB gives the same day as going through UTC, at the edges too (a
    time past either end of the calendar by way of UTC is past it, or on its first day, by way
    of the shift)."""
    tz = when.tzinfo
    try:
        if tz is not None and type(tz) in _FIXED_ZONES:
            shift = _WIB_SHIFTS.get(tz)
            if shift is None:
                if len(_WIB_SHIFTS) >= _ZONES_KEPT:
                    _WIB_SHIFTS.clear()
                offset = tz.utcoffset(None)
                if offset is None:
                    return when.astimezone(WIB).date()
                shift = _WIB_SHIFTS[tz] = _WIB_OFFSET - offset
            return (when + shift).date()
        offset = when.utcoffset()
        if offset is not None:  # what astimezone(WIB) computes, without building its result
            return (when - offset + _WIB_OFFSET).date()
        return when.astimezone(WIB).date()
    except OverflowError:
        return dt.date.min if when.year == dt.MINYEAR else dt.date.max


_LIST, _RACE_KIND, _ALIAS = Kind.LIST, Kind.RACE_KIND, Kind.ALIAS  # via the enum class: 50 ns
_GROUP = TargetKind.GROUP


def _staff_group(target: Target | None) -> bool:
    """Whether an event is posted in a group (its members are who it addresses)."""
    return target is not None and target.kind is _GROUP


def _has_signal(
    scanned: list[Scanned],
    markable: frozenset[str],
    recording: bool = False,
    target: Target | None = None,
) -> bool:
    """Anything but one collision-risk word without context? One weak signal alone can never
    fire a rule; two can (a nickname and its pair's hand sign confirm each other), and a
    campaign word in the name of the account or group acted on is read by the N04 rules. In a
    `recording`, a superior addressing staff in its own words is a signal too (see
    `Engine._superior_speaking`), and so, for an event posted in a group (its `target`), is a
    group named for staff (see `Engine._staff_group_named`)."""
    weak = 0
    for sc in scanned:
        number = judged = False  # a bare ballot number and a word that may judge it ("02 menang")
        share = won = False  # a share and a victory: a vote share aimed at (features._vote_shares)
        # what a list word may signal in this field besides `_SIGNAL_LISTS`, asked once per
        # field instead of per word: nothing, in most fields
        named = sc.field == "target.name"
        setting = recording and sc.field in _RECORDING_FIELDS
        staff = named and _staff_group(target)
        for meanings, start, _ in sc.hits:
            signalled = weak  # one word with several weak meanings ("garuda": a party, a
            # regency's candidate) is one weak signal, not two
            for m in meanings:
                if m.kind is _LIST:
                    judged = judged or m.key in _JUDGING
                    share = share or m.key == _SHARE
                    won = won or m.key == _WON
                    if m.key in _SIGNAL_LISTS or (
                        (named or setting)
                        and (
                            (named and m.key == "account_marker")
                            or (setting and m.key in _SETTING)
                            or (staff and m.key == "asn_audience")
                        )
                    ):
                        return True
                elif m.strong or m.kind is _RACE_KIND:
                    return True
                elif (
                    m.kind is _ALIAS
                    and m.key in markable
                    and ("#" in sc.norm.orig or after_honorific(sc.norm.text, start))
                ):
                    return True  # a name as a hashtag or after "bu": the extractor decides
                elif weak == signalled:
                    number = number or m.kind is _NUMBER_KIND
                    weak += 1
                    if weak > 1:
                        return True
        if number and judged:
            return True  # the extractor reads whether the word judges the number (features.py)
        if share and won:
            return True  # the extractor reads whether the victory is aimed at (features.py)
    return False


_M = TypeVar("_M", bound=BaseModel)
_FIELDS_SET: dict[type[BaseModel], set[str]] = {}
# The setters of BaseModel's own slots, called directly: `object.__setattr__` finds each slot
# through the type and packs its arguments again on every call (a third more work per model).
_SLOTS = BaseModel.__dict__
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__


def _build(cls: type[_M], **values: Any) -> _M:
    return _build_from(cls, values)


def _build_from(cls: type[_M], values: dict[str, Any]) -> _M:
    """model_construct without its per-field bookkeeping: the engine's values are already valid
    and complete (every field is passed), and this runs for every post."""
    obj = object.__new__(cls)  # what cls.__new__ is (pydantic defines none), looked up faster
    _set_dict(obj, values)
    fields_set = _FIELDS_SET.get(cls)
    if fields_set is None:
        fields_set = _FIELDS_SET[cls] = set(cls.model_fields)  # frozen models never change it
    _set_fields_set(obj, fields_set)
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


def _track(phase: Phase | None) -> SanctionTrack | None:
    if phase is None:
        return None
    return (
        SanctionTrack.CODE_OF_ETHICS if phase is Phase.PRE_CANDIDACY else SanctionTrack.DISCIPLINE
    )


class _EvidenceMapper:
    """Maps normalised spans back to the original field; re-normalises with offsets lazily."""

    def __init__(self, post: Post, scanned: list[Scanned], lexicon: Lexicon) -> None:
        self.post = post
        self.by_field = {sc.field: sc for sc in scanned}
        self.lexicon = lexicon
        self.tracked: dict[str, NormText] = {}
        # Rules that fire together share most of their evidence: map each piece once.
        self.mapped: dict[_EvKey, Evidence] = {}

    def map(self, evs: list[Ev]) -> list[Evidence]:
        out: list[Evidence] = []
        unique = {(e.field, e.start, e.end, e.label): e for e in evs}
        inside = _inside(unique)
        mapped = self.mapped
        for key, ev in unique.items():
            if inside and key[:3] in inside:
                continue
            evidence = mapped.get(key)
            if evidence is None:
                evidence = mapped[key] = self._evidence(ev)
            out.append(evidence)
            if len(out) >= MAX_EVIDENCE:
                break
        return out

    def _evidence(self, ev: Ev) -> Evidence:
        if ev.start is None or ev.end is None:
            return _build(
                Evidence, field=ev.field, start=None, end=None, excerpt=ev.excerpt, feature=ev.label
            )
        orig = self.post.field_text(ev.field)
        if ev.raw:
            a, b = ev.start, ev.end
        else:
            norm = self.tracked.get(ev.field)
            if norm is None:
                matched = self.by_field[ev.field].norm
                src = matched.orig
                if matched.starts is not None:  # normalised with its offsets already
                    norm = matched
                elif matched.quick:
                    norm = quick_offsets(src, matched.text)
                else:
                    norm = None
                if norm is None:
                    norm = one_tag_offsets(src, matched.text) or self.lexicon.normaliser.normalise(
                        src, track=True
                    )
                self.tracked[ev.field] = norm
            a, b = norm.span(ev.start, ev.end)
            if ev.field.startswith("hashtags[") and not orig.startswith("#"):
                a, b = max(a - 1, 0), max(b - 1, 0)
        return _build(Evidence, field=ev.field, start=a, end=b, excerpt=orig[a:b], feature=ev.label)


def _outermost(evs: list[Ev]) -> list[Ev]:
    """Drop spans inside a longer span of the same field ("Prabowo" inside "Prabowo-Gibran")."""
    inside = _inside([(e.field, e.start, e.end, e.label) for e in evs])
    if not inside:
        return evs
    return [
        ev
        for ev in evs
        if ev.start is None or ev.end is None or (ev.field, ev.start, ev.end) not in inside
    ]


def _inside(keys: Iterable[_EvKey]) -> set[tuple[str, int, int]]:
    """The (field, start, end) spans inside a longer span of the same field, read from the
    evidence's keys (one tuple each, which the mapper builds anyway).

    One sort and one sweep: spans ordered by field, then by start (longest first), are contained
    exactly when an earlier span of the field reaches at least as far and is longer.
    """
    inside: set[tuple[str, int, int]] = set()
    spans = sorted(
        {(fld, start, -end) for fld, start, end, _ in keys if start is not None and end is not None}
    )
    field: str | None = None
    reach_start, reach_end = -1, -1  # the earliest-starting span that reaches furthest
    for fld, start, back in spans:
        end = -back
        if fld != field:  # a field's first span is inside nothing
            field, reach_start, reach_end = fld, start, end
        elif end <= reach_end and reach_end - reach_start > end - start:
            inside.add((fld, start, end))
        elif end > reach_end:
            reach_start, reach_end = start, end
    return inside


__all__ = ["Analysis", "Engine", "Kind", "Locality"]
