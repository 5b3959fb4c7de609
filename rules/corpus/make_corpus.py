# ruff: noqa: E501
"""Build Netra's labelled evaluation corpus (dev.jsonl + holdout.jsonl) from hand-written items.

Why a script: the items are written by hand in items_*.py, but ids, post ids, accounts, event
times inside a named election phase, and the dev/holdout split are filled in deterministically
(fixed seeds), so the files can be rebuilt byte for byte and the split is never tuned.

Run from the repository root:  .venv/bin/python rules/corpus/make_corpus.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
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
# Localities that a Pilpres-era item may carry at random, so locality alone never predicts the label.
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

ACTIONS = ("post", "comment", "share", "like", "follow", "join_group", "profile_photo")
FORM_RE = re.compile(r"^N(0[1-9]|1[0-5])$")

RAW: list[dict[str, Any]] = []


def on(account: str | None, text: str = "", name: str | None = None) -> dict[str, Any]:
    """Target: a post (liked, shared or commented on) with its caption."""
    return {"kind": "post", "account": account, "text": text, "name": name}


def acc(account: str, name: str) -> dict[str, Any]:
    """Target: a followed account."""
    return {"kind": "account", "account": account, "name": name, "text": ""}


def grp(name: str, account: str | None = None) -> dict[str, Any]:
    """Target: a joined group (WhatsApp, Facebook, Telegram-like communities)."""
    return {"kind": "group", "account": account, "name": name, "text": ""}


def _add(
    plat: str,
    act: str,
    text: str,
    outcome: str,
    forms: list[str],
    note: str,
    when: str,
    *,
    media: str = "",
    tgt: dict[str, Any] | None = None,
    loc: str | None = None,
    acct: str | None = None,
) -> None:
    assert plat in PLATFORMS, plat
    assert act in ACTIONS, act
    assert note, "every item needs a note"
    RAW.append(
        {
            "plat": plat,
            "act": act,
            "text": text,
            "outcome": outcome,
            "forms": forms,
            "note": note,
            "when": when,
            "media": media,
            "tgt": tgt,
            "loc": loc,
            "acct": acct,
        }
    )


def F(plat: str, act: str, forms: str, text: str, note: str, when: str, **kw: Any) -> None:  # noqa: N802
    """A flag item: a supervisor must see it. forms is space-separated, e.g. "N02 N10"."""
    _add(plat, act, text, "flag", forms.split(), note, when, **kw)


def P(plat: str, act: str, text: str, note: str, when: str, **kw: Any) -> None:  # noqa: N802
    """A pass item: it must not be flagged."""
    _add(plat, act, text, "pass", [], note, when, **kw)


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


def build() -> list[dict[str, Any]]:
    """Turn RAW into corpus items with ids, accounts, times and localities filled in."""
    rng = random.Random(TIME_SEED)
    # Ids follow a seeded shuffle, so an id says nothing about the label or the authoring order.
    order = list(RAW)
    random.Random(TIME_SEED).shuffle(order)
    items: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    for n, raw in enumerate(order, start=1):
        plat = raw["plat"]
        counters[plat] = counters.get(plat, 0) + 1
        loc_key = raw["loc"]
        if loc_key is None and not raw["when"].startswith("pk_") and rng.random() < 0.3:
            loc_key = rng.choice(RANDOM_LOCS)
        locality = dict(LOCALITIES[loc_key]) if loc_key else None
        hours = (
            TZ_OF_PROVINCE.get(locality["province"], 7) if locality else rng.choice([7, 7, 7, 8, 9])
        )
        if raw["acct"]:
            account_id = raw["acct"]
            handle = account_id.split(":", 1)[1]
        elif plat == "wa":
            handle = (
                f"62{rng.choice(['812', '813', '857', '878', '821'])}{rng.randrange(10**7, 10**8)}"
            )
            account_id = f"wa:{handle}"
        else:
            handle = rng.choice(HANDLES)
            account_id = f"{plat}:{handle}"
        text = raw["text"]
        post: dict[str, Any] = {
            "schema_version": 1,
            "platform": PLATFORMS[plat],
            "post_id": f"{plat}-{counters[plat]:05d}",
            "account_id": account_id,
            "account_handle": handle,
            "text": text,
            "hashtags": re.findall(r"#(\w+)", text),
            "mentions": re.findall(r"@([\w.]+\w)", text),
            "urls": re.findall(r"https?://\S+", text),
            "media_description": raw["media"],
            "action": raw["act"],
            "target": None,
            "event_time": _time(rng, raw["when"], hours),
            "language": "id",
        }
        if raw["tgt"]:
            tgt = dict(raw["tgt"])
            if tgt["kind"] == "post":
                tgt["post_id"] = f"{plat}-t{n:05d}"
            if tgt["kind"] == "group":
                tgt["group_id"] = re.sub(r"[^a-z0-9]+", "-", tgt["name"].lower()).strip("-")
            post["target"] = {k: v for k, v in tgt.items() if v is not None}
        items.append(
            {
                "id": f"c{n:04d}",
                "post": post,
                "locality": locality,
                "label": {"outcome": raw["outcome"], "forms": raw["forms"], "note": raw["note"]},
            }
        )
    return items


def check(items: list[dict[str, Any]]) -> None:
    """Fail early on authoring mistakes the unit test would also catch."""
    seen: dict[str, str] = {}
    for it in items:
        label = it["label"]
        assert (label["outcome"] == "flag") == bool(label["forms"]), it["id"]
        assert all(FORM_RE.match(f) for f in label["forms"]), it["id"]
        text = it["post"]["text"].strip()
        if text:
            assert text not in seen, f"duplicate text in {it['id']} and {seen[text]}"
            seen[text] = it["id"]


def split(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Random assignment with a fixed seed: 60% dev, 40% holdout."""
    ids = [it["id"] for it in items]
    random.Random(SPLIT_SEED).shuffle(ids)
    dev_ids = set(ids[: round(len(ids) * DEV_SHARE)])
    dev = [it for it in items if it["id"] in dev_ids]
    holdout = [it for it in items if it["id"] not in dev_ids]
    return dev, holdout


def write(path: Path, items: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")


def main() -> None:
    import items_flag  # noqa: F401  (registers items via F/P)
    import items_pass  # noqa: F401

    items = build()
    check(items)
    dev, holdout = split(items)
    write(HERE / "dev.jsonl", dev)
    write(HERE / "holdout.jsonl", holdout)
    flags = sum(it["label"]["outcome"] == "flag" for it in items)
    print(
        f"{len(items)} items ({flags} flag, {len(items) - flags} pass): dev {len(dev)}, holdout {len(holdout)}"
    )


if __name__ == "__main__":
    # Re-import under the module name so items_*.py register into the same RAW list.
    sys.path.insert(0, str(HERE))
    import make_corpus

    make_corpus.main()
