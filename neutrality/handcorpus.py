"""The hand-written corpus: items written by hand as data, built into dev.jsonl and holdout.jsonl.

The items live in `rules/corpus/hand/flag.yaml` and `pass.yaml`, one record each (platform,
action, text, label, election phase, and where it matters the target, locality or account).
`build_items` fills in what is mechanical, deterministically (fixed seeds): ids after a seeded
shuffle (an id says nothing about the label), post ids, an acting account from a pool of
made-up handles, hashtags and mentions from the text, and an event time inside the named phase
in the locality's time zone. `split` makes the dev/holdout parts with a seed fixed before any
tuning. The built files are checked in and frozen: `tests/unit/rules/test_hand_corpus.py`
proves the data still builds them byte for byte.

These items were written in the engine's image; Netra's accuracy figures stand on the real
corpus (neutrality.realcorpus), and these serve as the rules' regression suite.
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

CORPUS_DIR = Path(__file__).resolve().parent.parent / "rules" / "corpus"
HAND_DIR = CORPUS_DIR / "hand"
TIME_SEED = 7
SPLIT_SEED = 20220922  # the date the SKB was signed; fixed before anyone tuned on the corpus
DEV_SHARE = 0.6

PLATFORMS = {
    "ig": "instagram",
    "fb": "facebook",
    "x": "x",
    "tt": "tiktok",
    "yt": "youtube",
    "wa": "whatsapp",
    "th": "threads",
}

# Election phases (local dates, inclusive) from the domain notes, section 4.
PHASES: dict[str, tuple[str, str]] = {
    "pre22": ("2022-09-23", "2022-12-31"),  # SKB signed, parties numbered; bakal calon only
    "pre23": ("2023-01-01", "2023-10-18"),  # bakal calon declared, no official pairs yet
    "nom": ("2023-10-19", "2023-11-27"),  # registration, determination 13 Nov, numbers 14 Nov
    "camp": ("2023-11-28", "2024-02-10"),  # Pemilu campaign
    "tenang": ("2024-02-11", "2024-02-13"),  # masa tenang
    "vote": ("2024-02-14", "2024-02-14"),  # voting day
    "recap": ("2024-02-15", "2024-03-20"),  # counting and recapitulation
    "after": ("2024-03-21", "2024-08-26"),  # after Pemilu, before Pilkada registration
    "pk_pre": ("2024-08-27", "2024-09-24"),  # Pilkada registration and determination
    "pk_camp": ("2024-09-25", "2024-11-23"),  # Pilkada campaign
    "pk_tenang": ("2024-11-24", "2024-11-26"),
    "pk_vote": ("2024-11-27", "2024-11-27"),
    "pk_after": ("2024-11-28", "2024-12-31"),
}

LOCALITIES: dict[str, dict[str, str]] = {
    "jt": {"province": "Jawa Tengah", "regency": "Kota Semarang"},
    "blora": {"province": "Jawa Tengah", "regency": "Kabupaten Blora"},
    "grobogan": {"province": "Jawa Tengah", "regency": "Kabupaten Grobogan"},
    "kendal": {"province": "Jawa Tengah", "regency": "Kabupaten Kendal"},
    "solo": {"province": "Jawa Tengah", "regency": "Kota Surakarta"},
    "brebes": {"province": "Jawa Tengah", "regency": "Kabupaten Brebes"},
    "jatim": {"province": "Jawa Timur", "regency": "Kota Surabaya"},
    "dki": {"province": "DKI Jakarta", "regency": "Kota Administrasi Jakarta Selatan"},
    "jabar": {"province": "Jawa Barat", "regency": "Kabupaten Garut"},
    "sulsel": {"province": "Sulawesi Selatan", "regency": "Kota Makassar"},
    "ntt": {"province": "Nusa Tenggara Timur", "regency": "Kota Kupang"},
    "malut": {"province": "Maluku Utara", "regency": "Kota Ternate"},
}
# Localities a Pilpres-era item may carry at random, so locality alone never predicts the label.
RANDOM_LOCS = ["jabar", "sulsel", "ntt", "malut", "dki", "jatim", "jt"]
TZ_OF_PROVINCE = {"Sulawesi Selatan": 8, "Nusa Tenggara Timur": 8, "Maluku Utara": 9}

HANDLES = [
    "budi.santoso88",
    "sri_wahyuni.asn",
    "dedi.kurniawan",
    "ratna.guru.sd",
    "agus_setiawan_77",
    "yulianti.bkpsdm",
    "rizky.pratama.id",
    "nurul.hidayah",
    "hendra.gunawan",
    "dewi.lestari.nip",
    "bu.tini.puskesmas",
    "pak.joko.kelurahan",
    "andi.saputra",
    "fitri.handayani",
    "wahyu.nugroho",
    "siti.aminah.guru",
    "bambang.s_dishub",
    "mega.putri",
    "arif.rahman",
    "lina.marlina",
    "yoga.prasetyo",
    "ika.rahmawati",
    "dimas.ardiansyah",
    "rini.susanti",
    "fajar.hidayat",
    "novi.anggraini",
    "teguh.santosa",
    "anisa.fitri",
    "hari.purnomo",
    "putu.ariawan",
    "made.suarjana",
    "ahmad.fauzi.kemenag",
    "desi.kartika",
    "irfan.maulana",
    "sulastri.tu",
    "eko.widodo.camat",
    "maya.sari",
    "taufik.hidayat",
    "ayu.wulandari",
    "rahmat.hidayat",
]
FORM = r"^N(0[1-9]|1[0-5])$"


class HandTarget(BaseModel):
    """What was liked, shared, commented on, followed or joined (key order is kept)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["post", "account", "group"]
    account: str | None = None
    text: str = ""
    name: str | None = None


class HandItem(BaseModel):
    """One hand-written item as it stands in the YAML files."""

    model_config = ConfigDict(extra="forbid")

    platform: Literal["ig", "fb", "x", "tt", "yt", "wa", "th"]
    action: Literal["post", "comment", "share", "like", "follow", "join_group", "profile_photo"]
    forms: list[str] = Field(default_factory=list)
    text: str
    note: str = Field(min_length=1)
    when: str = Field(description="A phase name (PHASES) or an ISO date-time.")
    media: str = ""
    target: dict[str, Any] | None = None
    locality: str | None = None
    account: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> HandItem:
        if self.when not in PHASES:
            datetime.fromisoformat(self.when)
        if self.locality is not None and self.locality not in LOCALITIES:
            raise ValueError(f"unknown locality {self.locality!r}")
        if self.target is not None:
            HandTarget.model_validate(self.target)
        for form in self.forms:
            if not re.match(FORM, form):
                raise ValueError(f"{form!r} is not a form N01-N15")
        return self


def load_hand_items(directory: Path = HAND_DIR) -> list[tuple[str, HandItem]]:
    """(outcome, item) in authoring order: every flag item, then every pass item."""
    items: list[tuple[str, HandItem]] = []
    for outcome in ("flag", "pass"):
        records = yaml.safe_load((directory / f"{outcome}.yaml").read_text(encoding="utf-8"))
        for n, record in enumerate(records, start=1):
            try:
                item = HandItem.model_validate(record)
            except ValueError as exc:
                raise ValueError(f"{outcome}.yaml item {n}: {exc}") from exc
            if (outcome == "flag") != bool(item.forms):
                raise ValueError(f"{outcome}.yaml item {n}: flag items name forms, pass items none")
            items.append((outcome, item))
    return items


def _time(rng: random.Random, when: str, hours: int) -> str:
    tz = timezone(timedelta(hours=hours))
    if when in PHASES:
        start, end = (datetime.fromisoformat(d) for d in PHASES[when])
        day = start + timedelta(days=rng.randrange((end - start).days + 1))
        moment = day.replace(
            hour=rng.randrange(5, 24), minute=rng.randrange(60), second=rng.randrange(60)
        )
    else:
        moment = datetime.fromisoformat(when)
    return moment.replace(tzinfo=tz).isoformat()


def build_items(raw: list[tuple[str, HandItem]]) -> list[dict[str, Any]]:
    """Corpus items with ids, accounts, times and localities filled in, deterministically."""
    rng = random.Random(TIME_SEED)
    order = list(raw)
    random.Random(TIME_SEED).shuffle(order)
    items: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    for n, (outcome, hand) in enumerate(order, start=1):
        plat = hand.platform
        counters[plat] = counters.get(plat, 0) + 1
        loc_key = hand.locality
        if loc_key is None and not hand.when.startswith("pk_") and rng.random() < 0.3:
            loc_key = rng.choice(RANDOM_LOCS)
        locality = dict(LOCALITIES[loc_key]) if loc_key else None
        hours = (
            TZ_OF_PROVINCE.get(locality["province"], 7) if locality else rng.choice([7, 7, 7, 8, 9])
        )
        if hand.account:
            account_id = hand.account
            handle = account_id.split(":", 1)[1]
        elif plat == "wa":
            prefix = rng.choice(["812", "813", "857", "878", "821"])
            handle = f"62{prefix}{rng.randrange(10**7, 10**8)}"
            account_id = f"wa:{handle}"
        else:
            handle = rng.choice(HANDLES)
            account_id = f"{plat}:{handle}"
        post: dict[str, Any] = {
            "schema_version": 1,
            "platform": PLATFORMS[plat],
            "post_id": f"{plat}-{counters[plat]:05d}",
            "account_id": account_id,
            "account_handle": handle,
            "text": hand.text,
            "hashtags": re.findall(r"#(\w+)", hand.text),
            "mentions": re.findall(r"@([\w.]+\w)", hand.text),
            "urls": re.findall(r"https?://\S+", hand.text),
            "media_description": hand.media,
            "action": hand.action,
            "target": None,
            "event_time": _time(rng, hand.when, hours),
            "language": "id",
        }
        if hand.target:
            target = dict(hand.target)
            if target["kind"] == "post":
                target["post_id"] = f"{plat}-t{n:05d}"
            if target["kind"] == "group":
                target["group_id"] = re.sub(r"[^a-z0-9]+", "-", target["name"].lower()).strip("-")
            post["target"] = {k: v for k, v in target.items() if v is not None}
        label = {"outcome": outcome, "forms": hand.forms, "note": hand.note}
        items.append({"id": f"c{n:04d}", "post": post, "locality": locality, "label": label})
    check_items(items)
    return items


def check_items(items: list[dict[str, Any]]) -> None:
    """No two items with the same text: a duplicate would count twice for one mechanism."""
    seen: dict[str, str] = {}
    for item in items:
        text = item["post"]["text"].strip()
        if text and text in seen:
            raise ValueError(f"duplicate text in {item['id']} and {seen[text]}")
        seen[text] = item["id"]


def split(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Random assignment with a fixed seed: 60% dev, 40% holdout."""
    ids = [it["id"] for it in items]
    random.Random(SPLIT_SEED).shuffle(ids)
    dev_ids = set(ids[: round(len(ids) * DEV_SHARE)])
    return (
        [it for it in items if it["id"] in dev_ids],
        [it for it in items if it["id"] not in dev_ids],
    )


def render_jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build_parts(directory: Path = HAND_DIR) -> dict[str, str]:
    """The text of dev.jsonl and holdout.jsonl as the hand items build them."""
    dev, holdout = split(build_items(load_hand_items(directory)))
    return {"dev.jsonl": render_jsonl(dev), "holdout.jsonl": render_jsonl(holdout)}
