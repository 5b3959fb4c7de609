"""The real-world corpus: items gathered from public sources, each with its source URL.

Gathered records (`rules/corpus/real/gathered/*.jsonl`) are what a person wrote down while reading
a source: the URL, the words as the source quotes them (or the act as a connector would deliver
it), the place, the election and the label with its reason. `build` turns them into Netra corpus
items (a `schemas.Post` plus locality and label) and splits them **by case** into train, dev and
test with a keyed hash of the case slug, so two items about the same incident never straddle
parts, and adding items never moves an existing case. The test part is frozen: its SHA-256 is
recorded in `FROZEN` and checked by the tests, so tuning on it would show.

Nothing here reads the network; the files are the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas import Action, Platform, Post, Target, TargetKind

REAL_DIR = Path(__file__).resolve().parent.parent / "rules" / "corpus" / "real"
PARTS = ("train", "dev", "test")
SPLIT_KEY = "netra-real-corpus-2026"  # changing it reshuffles every case: never change it
SPLIT_SHARES = (0.5, 0.2)  # train, dev; the rest is test
FORMS = tuple(f"N{i:02d}" for i in range(1, 16))
# When a source gives no date at all, the item is placed on a day of its election's campaign.
ELECTION_DAY = {
    "pemilu-2024": dt.date(2024, 1, 15),
    "pilkada-2024": dt.date(2024, 10, 15),
    "pemilu-2019": dt.date(2019, 3, 15),
    "pilkada-2020": dt.date(2020, 11, 1),
    "pilkada-2018": dt.date(2018, 5, 15),
    "pilkada-2017": dt.date(2017, 1, 15),
    "none": dt.date(2024, 6, 1),
}
# Local time of a province (WIB +7, WITA +8, WIT +9): the event's day is the local day.
WITA = {
    "bali", "nusa tenggara barat", "nusa tenggara timur", "kalimantan selatan",
    "kalimantan timur", "kalimantan utara", "sulawesi utara", "sulawesi tengah",
    "sulawesi selatan", "sulawesi tenggara", "sulawesi barat", "gorontalo",
}  # fmt: skip
WIT = {"maluku", "maluku utara", "papua", "papua barat", "papua barat daya", "papua selatan",
       "papua tengah", "papua pegunungan"}  # fmt: skip
PROVINCE_ALIASES = {
    "jateng": "Jawa Tengah", "jatim": "Jawa Timur", "jabar": "Jawa Barat",
    "dki": "DKI Jakarta", "jakarta": "DKI Jakarta", "diy": "DI Yogyakarta",
    "yogyakarta": "DI Yogyakarta", "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur",
    "sulsel": "Sulawesi Selatan", "sulut": "Sulawesi Utara", "sumut": "Sumatera Utara",
    "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan", "kaltim": "Kalimantan Timur",
    "kalsel": "Kalimantan Selatan", "kalbar": "Kalimantan Barat", "kalteng": "Kalimantan Tengah",
    "malut": "Maluku Utara", "sultra": "Sulawesi Tenggara", "sulteng": "Sulawesi Tengah",
    "sulbar": "Sulawesi Barat", "nanggroe aceh darussalam": "Aceh",
    "kepulauan bangka belitung": "Bangka Belitung", "babel": "Bangka Belitung",
}  # fmt: skip


class SourceKind(StrEnum):
    """What kind of source an item comes from; the evaluation reports each kind apart."""

    NEWS_QUOTE = "news_quote"  # news quotes the civil servant's own words
    NEWS_ACT = "news_act"  # news describes the act (a like, a photo, a follow)
    BAWASLU = "bawaslu"  # a Bawaslu, BKN or KASN publication
    OFFICIAL = "official"  # an agency's official post or statement
    NEWS_LEAD = "news_lead"  # a news headline or lead as a civil servant shares it
    DATASET = "dataset"  # a public social-media dataset in a public repository


class Words(StrEnum):
    VERBATIM = "verbatim"  # the text or transcript are the real words from the source
    RECONSTRUCTED = "reconstructed"  # the source describes the act; the event is written for it
    NOT_APPLICABLE = "not_applicable"


class NegativeKind(StrEnum):
    """Why a real neutral item is neutral: the kinds of text that used to be read as campaigning."""

    NEWS_SHARE = "news_share"
    WARNING = "warning"
    ADMINISTRATION = "administration"
    VOTER_EDUCATION = "voter_education"
    DEBUNK = "debunk"
    GOVERNMENT_PROGRAMME = "government_programme"
    COLLISION = "collision"
    PERSONAL = "personal"
    OTHER = "other"


class GatheredTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: TargetKind
    account: str | None = None
    name: str | None = None
    text: str | None = None


class Gathered(BaseModel):
    """One record as written down from a source (the gathering format)."""

    model_config = ConfigDict(extra="forbid")

    case: str = Field(min_length=3, max_length=120, pattern=r"^[a-z0-9][a-z0-9._-]*$")
    url: str = Field(pattern=r"^https?://\S+$")
    publisher: str = Field(min_length=2)
    published: dt.date | None = None
    event_date: dt.date | None = None
    province: str | None = None
    regency: str | None = None
    election: Literal[
        "pemilu-2024", "pilkada-2024", "pemilu-2019", "pilkada-2020", "pilkada-2018",
        "pilkada-2017", "none",
    ]  # fmt: skip
    race: Literal["presiden", "dpr", "dpd", "dprd", "gubernur", "bupati", "walikota"] | None = None
    platform: Platform
    action: Action
    text: str = ""
    transcript: str | None = None
    media_description: str | None = None
    target: GatheredTarget | None = None
    hashtags: list[str] = Field(default_factory=list)
    label: Literal["flag", "pass"]
    forms: list[str] = Field(default_factory=list)
    reason: str = Field(min_length=5)
    words: Words
    source_kind: SourceKind
    negative_kind: NegativeKind | None = None
    actor: str = ""

    @field_validator("forms")
    @classmethod
    def _forms(cls, forms: list[str]) -> list[str]:
        bad = [f for f in forms if f not in FORMS]
        if bad:
            raise ValueError(f"unknown SKB form(s) {bad}; use N01-N15")
        return sorted(set(forms))

    def has_content(self) -> bool:
        """An event a connector could deliver carries something to judge."""
        t = self.target
        return bool(
            self.text.strip()
            or (self.transcript or "").strip()
            or (self.media_description or "").strip()
            or self.hashtags
            or (t is not None and ((t.text or "").strip() or (t.name or "").strip() or t.account))
        )


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid")
    province: str = Field(min_length=1)
    regency: str = ""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(pattern=r"^https?://\S+$")
    publisher: str
    published: dt.date | None = None
    kind: SourceKind


class RealLabel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["flag", "pass"]
    forms: list[str]
    note: str = Field(min_length=5)
    words: Words
    negative_kind: NegativeKind | None = None


class RealItem(BaseModel):
    """A real corpus item: the event, where and when, the label, and where it came from."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^r[0-9a-f]{10}$")
    case: str
    part: Literal["train", "dev", "test"]
    election: str
    race: str | None
    actor: str
    date_estimated: bool
    source: Source
    post: Post
    locality: Place | None
    label: RealLabel


def part_of(case: str) -> str:
    """train / dev / test from a keyed hash of the case slug (stable, independent of order)."""
    digest = hashlib.sha256(f"{SPLIT_KEY}:{case}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    if u < SPLIT_SHARES[0]:
        return "train"
    if u < SPLIT_SHARES[0] + SPLIT_SHARES[1]:
        return "dev"
    return "test"


def _province(name: str | None) -> str | None:
    if not name or not name.strip():
        return None
    clean = " ".join(name.replace("Provinsi", "").split())
    return PROVINCE_ALIASES.get(clean.casefold(), clean)


def _offset(province: str | None) -> int:
    p = (province or "").casefold()
    return 9 if p in WIT else 8 if p in WITA else 7


def to_item(g: Gathered) -> RealItem:
    """The corpus item for one gathered record: a pseudonymous account, a local-time event."""
    ident = hashlib.sha256(
        json.dumps(g.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:10]
    province = _province(g.province)
    day = g.event_date or g.published
    estimated = day is None
    day = day or ELECTION_DAY[g.election]
    tz = dt.timezone(dt.timedelta(hours=_offset(province)))
    actor_key = hashlib.sha256(f"actor:{g.case}".encode()).hexdigest()[:8]
    target = None
    if g.target is not None:
        target = Target(
            kind=g.target.kind,
            account=g.target.account,
            name=g.target.name,
            text=g.target.text or "",
        )
    post = Post(
        platform=g.platform,
        post_id=f"real-{ident}",
        account_id=f"{g.platform.value}:asn-{actor_key}",
        text=g.text,
        transcript=g.transcript or "",
        media_description=g.media_description or "",
        hashtags=[h.lstrip("#") for h in g.hashtags if h.strip("# ")],
        action=g.action,
        target=target,
        event_time=dt.datetime.combine(day, dt.time(9, 0), tz),
        language="id",
    )
    return RealItem(
        id=f"r{ident}",
        case=g.case,
        part=part_of(g.case),  # type: ignore[arg-type]
        election=g.election,
        race=g.race,
        actor=g.actor,
        date_estimated=estimated,
        source=Source(url=g.url, publisher=g.publisher, published=g.published, kind=g.source_kind),
        post=post,
        locality=Place(province=province, regency=(g.regency or "").strip()) if province else None,
        label=RealLabel(
            outcome=g.label,
            forms=g.forms if g.label == "flag" else [],
            note=g.reason,
            words=g.words,
            negative_kind=g.negative_kind if g.label == "pass" else None,
        ),
    )


def _dedupe_key(item: RealItem) -> str:
    """Two records of one event (the same words, media and target) count once."""
    p = item.post
    target = f"{p.target.name}|{p.target.text}" if p.target else ""
    content = f"{p.action}|{p.text}|{p.transcript}|{p.media_description}|{target}|{p.hashtags}"
    return " ".join(content.casefold().split())


def build(gathered: Iterable[Gathered]) -> dict[str, list[RealItem]]:
    """Items per part, sorted by id; a record with nothing to judge, or a repeat, is dropped."""
    parts: dict[str, list[RealItem]] = {p: [] for p in PARTS}
    seen: set[str] = set()
    for g in gathered:
        if not g.has_content():
            continue
        item = to_item(g)
        key = _dedupe_key(item)
        if key in seen:
            continue
        seen.add(key)
        parts[item.part].append(item)
    for items in parts.values():
        items.sort(key=lambda it: it.id)
    return parts


def read_gathered(paths: Iterable[Path]) -> Iterator[tuple[Path, int, Gathered | str]]:
    """(file, line, record or the reason it is unusable) for every non-blank line."""
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield path, n, Gathered.model_validate_json(line)
            except ValueError as exc:
                yield path, n, str(exc).splitlines()[0] + ": " + str(exc).splitlines()[-1].strip()


def dump(items: list[RealItem]) -> str:
    return "".join(
        json.dumps(it.model_dump(mode="json"), ensure_ascii=False, sort_keys=False) + "\n"
        for it in items
    )


def load_part(part: str, directory: Path = REAL_DIR) -> list[RealItem]:
    path = directory / f"{part}.jsonl"
    return [
        RealItem.model_validate_json(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
