"""The election catalogue (elections, races, participants, accounts, language) from YAML.

A new election is a new file under rules/catalogue/, not a code change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from neutrality import yamlsrc
from neutrality.problems import DataError, Problem, rel
from schemas import ParticipantRef, Phase

CALENDAR_KEYS = (
    "candidates_determined",
    "numbers_drawn",
    "campaign_start",
    "campaign_end",
    "quiet_start",
    "quiet_end",
    "voting",
    "numbers_relevant_until",
)
_REFS: dict[str, ParticipantRef] = {}  # immutable, shared by every decision
RACE_KINDS = ("president", "legislative", "governor", "regent", "mayor")


@dataclass(frozen=True)
class Locality:
    """Where the civil servant works; resolves Pilkada races ("nomor 2" in Jawa Tengah)."""

    province: str
    regency: str = ""


@dataclass(frozen=True)
class Calendar:
    candidates_determined: dt.date
    numbers_drawn: dt.date
    campaign_start: dt.date
    campaign_end: dt.date
    quiet_start: dt.date
    quiet_end: dt.date
    voting: dt.date
    numbers_relevant_until: dt.date

    def phase(self, day: dt.date) -> Phase:
        """Phase of a WIB calendar day; before determination only "bakal calon" exist."""
        if day < self.candidates_determined:
            return Phase.PRE_CANDIDACY
        if day < self.campaign_start:
            return Phase.CANDIDACY
        if day <= self.campaign_end:
            return Phase.CAMPAIGN
        if day < self.voting:
            return Phase.QUIET
        if day == self.voting:
            return Phase.VOTING
        return Phase.POST_ELECTION

    def results_open(self, day: dt.date) -> bool:
        """Whether the day falls after the vote but before the results are final: the count,
        the recapitulation, the determination of the winners and the disputes about them (up to
        `numbers_relevant_until`). The sides still contend for the outcome then, so a civil
        servant's celebration of one side or derision of another takes part in the election
        (MenPANRB counts joining a victory party at the determination stage as a breach)."""
        return self.voting < day <= self.numbers_relevant_until

    def numbers_live(self, day: dt.date) -> bool:
        """Whether a bare ballot number can point at this election's participants on that day."""
        return self.numbers_drawn <= day <= self.numbers_relevant_until


@dataclass(frozen=True)
class Election:
    id: str
    name: str
    tz: dt.timezone
    calendar: Calendar


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    number: int | None
    race_id: str
    party: bool = False
    opposes: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    campaign_terms: tuple[str, ...] = ()
    weak_campaign_terms: tuple[str, ...] = ()
    candidate_accounts: tuple[str, ...] = ()
    campaign_accounts: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()  # the nominating parties or coalition, as the source lists them
    # candidate account -> the day its owner became a (bakal) candidate; before it, the account is
    # an office-holder's or a private person's, and engaging with it is no campaign act
    declared: tuple[tuple[str, dt.date], ...] = ()
    source: str = ""  # where the entry comes from (URL), for entries imported from a list

    def ref(self) -> ParticipantRef:
        ref = _REFS.get(self.id)  # built (and validated) once, not on every decision
        if ref is None:
            ref = _REFS[self.id] = ParticipantRef(
                id=self.id, name=self.name, number=self.number, race=self.race_id
            )
        return ref


@dataclass(frozen=True)
class Race:
    id: str
    name: str
    kind: str
    election_id: str
    province: str = ""
    regency: str = ""
    participants: tuple[Participant, ...] = ()

    @property
    def place_key(self) -> tuple[str, str]:
        """The race's region as one key (`place_key`)."""
        return place_key(self.province, self.regency)

    def applies_to(self, locality: Locality | None) -> bool:
        """National races apply everywhere; regional ones only to their province/regency."""
        if not self.province:
            return True
        if locality is None:
            return False
        if locality.province.casefold() != self.province.casefold():
            return False
        return not self.regency or regency_key(locality.regency) == regency_key(self.regency)


_REGENCY_PREFIX = re.compile(r"^(?:kabupaten|kab\.?)\s+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def place_key(province: str, regency: str) -> tuple[str, str]:
    """A province and regency as one key, however they are written (`regency_key`)."""
    return (province.casefold(), regency_key(regency))


@lru_cache(maxsize=4096)
def regency_key(name: str) -> str:
    """A regency or city as one key, however it is written: a kabupaten with or without the
    word ("Kabupaten Blora", "Kab. Blora", "Blora"), spaces and hyphens alike ("Bau-Bau",
    "Bau Bau", "Baubau"). A city keeps its "Kota": Kota Bekasi and Kabupaten Bekasi are two."""
    folded = _REGENCY_PREFIX.sub("", " ".join(name.casefold().split()))
    return _NOT_ALNUM.sub("", folded)


@dataclass(frozen=True)
class Language:
    leet: dict[str, str]
    slang: dict[str, str]
    number_words: dict[str, int]
    strong_number_forms: tuple[str, ...]
    weak_number_forms: tuple[str, ...]
    gesture_emoji: dict[str, int]
    weak_gesture_emoji: dict[str, int]
    gesture_phrases: dict[str, int]
    strong_gesture_phrases: dict[str, int]
    race_kind_words: dict[str, tuple[str, ...]]
    # Ballot positions said in words ("nomor urut kedua", "nomor terakhir", "nomor setelah
    # satu"): ordinal words by value, and per strength the forms with the position each names
    # (one of POSITIONS).
    ordinal_words: dict[str, int] = field(default_factory=dict)
    strong_position_forms: dict[str, str] = field(default_factory=dict)
    weak_position_forms: dict[str, str] = field(default_factory=dict)


# How a ballot position said in words names a number: "at" the number itself ("nomor urut
# kedua"), "next"/"previous" the one after or before it ("nomor setelah satu"), "from_end"
# counted from the last ("nomor dua dari kanan"), "first", "last" and "middle" the race's first,
# last and middle numbers ("nomor paling kiri", "nomor terakhir", "nomor tengah"). The last four
# depend on the race.
POSITIONS = ("at", "next", "previous", "from_end", "first", "last", "middle")


@dataclass
class Catalogue:
    elections: dict[str, Election] = field(default_factory=dict)
    races: dict[str, Race] = field(default_factory=dict)
    participants: dict[str, Participant] = field(default_factory=dict)
    language: Language | None = None
    election_bodies: frozenset[str] = frozenset()
    news_outlets: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()

    def account_role(
        self, account: str, day: dt.date | None = None
    ) -> tuple[str, Participant] | None:
        """("candidate" | "campaign", participant) for a catalogue campaign account, else None.

        On a given `day`, an account is a participant's only while their election is in season:
        a candidate's own account from the day its owner was declared a (bakal) candidate (when
        that day is known) until the election's numbers stop being relevant (the end of its
        disputes). Before, it is a private person's or an office-holder's; after, an
        office-holder's or a private person's again, and engaging with it is no campaign act.
        One account can be a candidate's in several elections (@sandiuno in Jakarta's 2017
        race and the 2019 presidential one): on `day` it is the participant's of the first
        election in season. With no day, the latest election's."""
        key = account.casefold()
        roles = self._accounts.get(key)
        if not roles:
            return None
        if day is None:
            return roles[-1]
        begun = [
            role
            for role in roles
            if role[0] != "candidate"
            or (since := dict(role[1].declared).get(key)) is None
            or since <= day
        ]
        in_season = [role for role in begun if day <= self._relevant_until(role[1])]
        return in_season[0] if in_season else None  # in the order their elections end

    def _relevant_until(self, participant: Participant) -> dt.date:
        election = self.elections[self.races[participant.race_id].election_id]
        return election.calendar.numbers_relevant_until

    def index(self) -> None:
        """Each account's roles, in the order their elections' numbers stop being relevant."""
        self._accounts: dict[str, list[tuple[str, Participant]]] = {}
        for p in self.participants.values():
            for acc in p.candidate_accounts:
                self._accounts.setdefault(acc.casefold(), []).append(("candidate", p))
            for acc in p.campaign_accounts:
                self._accounts.setdefault(acc.casefold(), []).append(("campaign", p))
        for roles in self._accounts.values():
            roles.sort(key=lambda role: self._relevant_until(role[1]))


class Reader:
    """Collects problems instead of stopping at the first one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = rel(path)
        self.problems: list[Problem] = []

    def err(self, obj: Any, key: str | int | None, message: str) -> None:
        self.problems.append(Problem(self.name, yamlsrc.line_of(obj, key), message))

    def keys(self, obj: Any, allowed: set[str], required: set[str], what: str) -> bool:
        if not isinstance(obj, dict):
            self.err(obj, None, f"{what} must be a mapping")
            return False
        for k in obj:
            if k not in allowed:
                self.err(
                    obj, k, f"unknown field {k!r} in {what} (allowed: {', '.join(sorted(allowed))})"
                )
        for k in sorted(required - set(obj)):
            self.err(obj, None, f"{what} is missing required field {k!r}")
        return True

    def strs(self, obj: Any, key: str) -> tuple[str, ...]:
        value = obj.get(key, []) if isinstance(obj, dict) else []
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            self.err(obj, key, f"{key!r} must be a list of strings")
            return ()
        return tuple(str(v) for v in value)

    def date(self, obj: Any, key: str) -> dt.date:
        try:
            return dt.date.fromisoformat(str(obj[key]))
        except (KeyError, ValueError):
            self.err(obj, key, f"{key!r} must be a date YYYY-MM-DD")
            return dt.date(1970, 1, 1)


def _election(r: Reader, doc: Any, cat: Catalogue) -> None:
    e = doc["election"]
    if not r.keys(
        e, {"id", "name", "timezone_offset_hours", "calendar"}, {"id", "calendar"}, "election"
    ):
        return
    cal = e.get("calendar")
    if not r.keys(cal, set(CALENDAR_KEYS), set(CALENDAR_KEYS), "calendar"):
        return
    calendar = Calendar(**{k: r.date(cal, k) for k in CALENDAR_KEYS})
    tz = dt.timezone(dt.timedelta(hours=int(e.get("timezone_offset_hours", 7))))
    election = Election(str(e["id"]), str(e.get("name", e["id"])), tz, calendar)
    cat.elections[election.id] = election
    races = doc.get("races") or []
    for race in races:
        _race(r, race, election, cat)


PARTICIPANT_FIELDS = {
    "number", "key", "name", "party", "opposes", "aliases", "weak_aliases", "campaign_terms",
    "weak_campaign_terms", "accounts", "groups", "parties", "source",
}  # fmt: skip


def _race(r: Reader, race: Any, election: Election, cat: Catalogue) -> None:
    allowed = {"id", "name", "kind", "region", "participants"}
    if not r.keys(race, allowed, {"id", "kind", "participants"}, "race"):
        return
    if race["kind"] not in RACE_KINDS:
        r.err(race, "kind", f"race kind {race['kind']!r} is not one of {', '.join(RACE_KINDS)}")
    region = race.get("region") or {}
    r.keys(region, {"province", "regency"}, set(), "region")
    race_id = str(race["id"])
    if race_id in cat.races:
        r.err(race, "id", f"race {race_id!r} is defined twice")
    parts: list[Participant] = []
    for item in race.get("participants") or []:
        if not r.keys(item, PARTICIPANT_FIELDS, {"name"}, "participant"):
            continue
        number = item.get("number")
        key = item.get("key") or (f"{int(number):02d}" if number is not None else None)
        if key is None:
            r.err(item, None, "participant needs a number or a key")
            continue
        accounts = item.get("accounts") or {}
        r.keys(accounts, {"candidate", "campaign", "declared"}, set(), "accounts")
        declared_doc = accounts.get("declared") or {} if isinstance(accounts, dict) else {}
        declared = tuple((str(acc).casefold(), r.date(declared_doc, acc)) for acc in declared_doc)
        p = Participant(
            id=f"{race_id}/{key}",
            name=str(item["name"]),
            number=int(number) if number is not None else None,
            race_id=race_id,
            party=bool(item.get("party", False)),
            opposes=tuple(int(x) for x in item.get("opposes") or []),
            aliases=r.strs(item, "aliases"),
            weak_aliases=r.strs(item, "weak_aliases"),
            campaign_terms=r.strs(item, "campaign_terms"),
            weak_campaign_terms=r.strs(item, "weak_campaign_terms"),
            candidate_accounts=r.strs(accounts, "candidate"),
            campaign_accounts=r.strs(accounts, "campaign"),
            groups=r.strs(item, "groups"),
            parties=r.strs(item, "parties"),
            source=_source(r, item),
            declared=declared,
        )
        if p.id in cat.participants:
            r.err(item, None, f"participant {p.id!r} is defined twice")
        cat.participants[p.id] = p
        parts.append(p)
    cat.races[race_id] = Race(
        id=race_id,
        name=str(race.get("name", race_id)),
        kind=str(race["kind"]),
        election_id=election.id,
        province=str(region.get("province", "")) if isinstance(region, dict) else "",
        regency=str(region.get("regency", "")) if isinstance(region, dict) else "",
        participants=tuple(parts),
    )


def _source(r: Reader, item: Any) -> str:
    source = item.get("source")
    if source is None:
        return ""
    if not r.keys(source, {"url", "published"}, {"url"}, "source"):
        return ""
    return str(source["url"])


def _races_of(r: Reader, doc: Any, cat: Catalogue) -> None:
    """A file of races for an election defined in another file (e.g. imported KPU lists)."""
    election = cat.elections.get(str(doc["races_of"]))
    if election is None:
        r.err(doc, "races_of", f"unknown election {doc['races_of']!r} (define it in its own file)")
        return
    for race in doc.get("races") or []:
        _race(r, race, election, cat)


def _language(r: Reader, doc: Any, cat: Catalogue) -> None:
    lang = doc["language"]
    required = {"leet", "slang", "number_words", "number_forms", "gestures", "race_kind_words"}
    allowed = required | {"ordinal_words", "ballot_positions"}
    if not r.keys(lang, allowed, required, "language"):
        return
    positions = lang.get("ballot_positions") or {}
    r.keys(positions, {"strong", "weak"}, set(), "ballot_positions")
    for strength in ("strong", "weak"):
        for form, position in (positions.get(strength) or {}).items():
            if position not in POSITIONS:
                r.err(
                    positions[strength],
                    form,
                    f"ballot position {position!r} is not one of {', '.join(POSITIONS)}",
                )
    forms = lang["number_forms"]
    gestures = lang["gestures"]
    r.keys(forms, {"strong", "weak"}, {"strong", "weak"}, "number_forms")
    r.keys(gestures, {"emoji", "weak_emoji", "phrases", "strong_phrases"}, {"emoji"}, "gestures")
    kinds = lang["race_kind_words"]
    for k in kinds:
        if k not in RACE_KINDS:
            r.err(kinds, k, f"race kind {k!r} is not one of {', '.join(RACE_KINDS)}")
    cat.language = Language(
        leet={str(k): str(v) for k, v in lang["leet"].items()},
        slang={str(k): str(v) for k, v in lang["slang"].items()},
        number_words={str(k): int(v) for k, v in lang["number_words"].items()},
        strong_number_forms=r.strs(forms, "strong"),
        weak_number_forms=r.strs(forms, "weak"),
        gesture_emoji={str(k): int(v) for k, v in (gestures.get("emoji") or {}).items()},
        weak_gesture_emoji={str(k): int(v) for k, v in (gestures.get("weak_emoji") or {}).items()},
        gesture_phrases={str(k): int(v) for k, v in (gestures.get("phrases") or {}).items()},
        strong_gesture_phrases={
            str(k): int(v) for k, v in (gestures.get("strong_phrases") or {}).items()
        },
        race_kind_words={str(k): r.strs(kinds, k) for k in kinds},
        ordinal_words={str(k): int(v) for k, v in (lang.get("ordinal_words") or {}).items()},
        strong_position_forms={str(k): str(v) for k, v in (positions.get("strong") or {}).items()},
        weak_position_forms={str(k): str(v) for k, v in (positions.get("weak") or {}).items()},
    )


def load_catalogue(directory: Path) -> Catalogue:
    """Load every *.yaml under the directory; raise DataError listing all problems."""
    cat = Catalogue()
    problems: list[Problem] = []
    # Races imported for an election come after the file that defines the election.
    files = sorted(directory.glob("*.yaml"), key=lambda p: (p.name.startswith("races-"), p.name))
    if not files:
        raise DataError([Problem(rel(directory), 0, "no catalogue *.yaml files here")])
    for path in files:
        r = Reader(path)
        try:
            doc = yamlsrc.load(path)
        except yamlsrc.YamlError as exc:
            problems.append(Problem(r.name, exc.line, exc.message))
            continue
        if not isinstance(doc, dict):
            r.err(doc, None, "a catalogue file must be a mapping")
        elif "election" in doc:
            r.keys(doc, {"election", "races"}, {"election", "races"}, "catalogue file")
            _election(r, doc, cat)
        elif "races_of" in doc:
            r.keys(doc, {"races_of", "source", "races"}, {"races_of", "races"}, "races file")
            _races_of(r, doc, cat)
        elif "language" in doc:
            _language(r, doc, cat)
        elif "election_bodies" in doc or "news_outlets" in doc:
            r.keys(doc, {"election_bodies", "news_outlets"}, set(), "accounts file")
            cat.election_bodies |= {a.casefold() for a in r.strs(doc, "election_bodies")}
            cat.news_outlets |= {a.casefold() for a in r.strs(doc, "news_outlets")}
        else:
            r.err(doc, None, "unknown catalogue file: expected election, language or accounts")
        problems.extend(r.problems)
    if cat.language is None:
        problems.append(Problem(rel(directory), 0, "no language file (language: ...) found"))
    if problems:
        raise DataError(problems)
    cat.files = tuple(rel(p) for p in files)
    cat.index()
    return cat
