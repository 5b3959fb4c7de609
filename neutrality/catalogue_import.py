"""KPU-style candidate lists (CSV) to a catalogue races file, with provenance on every entry.

The catalogue knows a handful of races by hand; Pilkada 2024 alone had 545 and every DPR, DPD and
DPRD list adds thousands of candidates. An operator loads them from the lists KPU publishes:

    election,race,province,regency,number,candidate,running_mate,pair_name,parties,source_url,
    source_published

one row per pair (or per candidate, for legislative lists). Full names and pair names become
aliases; a one-word name is a weak alias (it counts only in an election context). A race the
catalogue already defines by hand is left to the hand-written entry and reported.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from neutrality.catalogue import regency_key

RACE_KIND = {
    "presiden": "president",
    "dpr": "legislative",
    "dpd": "legislative",
    "dprd": "legislative",
    "gubernur": "governor",
    "bupati": "regent",
    "walikota": "mayor",
}
RACE_PREFIX = {
    "presiden": "pilpres", "dpr": "pileg-dpr", "dpd": "pileg-dpd", "dprd": "pileg-dprd",
    "gubernur": "pilgub", "bupati": "pilbup", "walikota": "pilwalkot",
}  # fmt: skip
COLUMNS = (
    "election", "race", "province", "regency", "number", "candidate", "running_mate",
    "pair_name", "parties", "source_url", "source_published",
)  # fmt: skip
REQUIRED = ("election", "race", "province", "number", "candidate", "source_url")


@dataclass
class ImportResult:
    races: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped_races: set[str] = field(default_factory=set)

    def document(self, election: str) -> dict[str, Any]:
        return {"races_of": election, "races": list(self.races.values())}


def slug(text: str) -> str:
    text = re.sub(r"^(kabupaten|kab\.|kota|provinsi)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


# Given names and titles too common to point at one person even in an election context.
COMMON_NAME_TOKENS = frozenset(
    {
        "muhammad",
        "muhamad",
        "mohammad",
        "moh",
        "ahmad",
        "achmad",
        "abdul",
        "andi",
        "siti",
        "sri",
        "haji",
        "hajjah",
        "drs",
        "dr",
        "ir",
        "prof",
        "h",
        "hj",
        "st",
        "sh",
        "se",
        "mm",
        "mh",
        "msi",
        "mpd",
        "spd",
        "kh",
        "gus",
        "bapak",
        "ibu",
        "putra",
        "putri",
        "nur",
        # titles and birth-order names that open a name in Bali, Aceh, Sulawesi and Java
        "anak",
        "agung",
        "gusti",
        "ngurah",
        "made",
        "wayan",
        "nyoman",
        "ketut",
        "putu",
        "gede",
        "kadek",
        "komang",
        "teuku",
        "tengku",
        "daeng",
        "habib",
        "sayid",
        "raden",
        "tuan",
    }
)
MIN_NAME_TOKEN = 4


# Where a pair's name joins the names its two candidates go by ("Mualem-Dek Fad", "Koster-Giri").
_PAIR_JOINS = re.compile(r"\s*[-–&/+]\s*")


def _clean(name: str, keep: str) -> str:
    """A name folded, with every character but letters, digits and `keep` read as a space."""
    return " ".join(re.sub(rf"[^\w\s{re.escape(keep)}]", " ", name).split()).casefold()


def _call_names(pair: str) -> list[str]:
    """The names a pair's name joins, each what people call one of its candidates: "Mualem"
    and "Dek Fad" of "Mualem-Dek Fad". A pair name that joins nothing (an acronym such as
    "BERANI") is the pair's own name, not a candidate's."""
    halves = [h for h in _PAIR_JOINS.split(pair.strip()) if h]
    return halves if len(halves) > 1 else []


def _names(*names: str, call_names: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Full names and pair names are aliases; a single name, or the first or last word of a
    full name ("airin", "dimyati"), is a weak alias that needs an election context. So is what
    a candidate is called, as the pair's name gives it ("mualem"); called by two words ("dek
    fad") it is an alias."""
    strong: list[str] = []
    weak: list[str] = []
    for name in call_names:
        clean = _clean(name, keep="'")
        if " " in clean:
            strong.append(clean)
        elif clean.isalpha() and clean not in COMMON_NAME_TOKENS:
            weak.append(clean)
    for name in names:
        clean = _clean(name, keep="'-")
        if not clean:
            continue
        (strong if " " in clean or "-" in clean or len(clean) >= 12 else weak).append(clean)
    for name in names[:2]:
        words = [w for w in re.sub(r"[^\w\s]", " ", name).casefold().split() if w.isalpha()]
        for w in (words[0], words[-1]) if len(words) > 1 else ():
            if len(w) >= MIN_NAME_TOKEN and w not in COMMON_NAME_TOKENS:
                weak.append(w)
    strong = list(dict.fromkeys(strong))
    return strong, [w for w in dict.fromkeys(weak) if w not in strong and len(w) >= MIN_NAME_TOKEN]


RaceKey = tuple[str, str, str, str]  # election, kind, province, regency (as one key)


def race_key(election: str, kind: str, province: str, regency: str) -> RaceKey:
    """A race by what it is, however its region is written ("Kabupaten Blora" is "Blora")."""
    return (election.casefold(), kind, province.casefold(), regency_key(regency))


def import_rows(rows: Iterable[dict[str, str]], known: dict[RaceKey, str]) -> ImportResult:
    """Races keyed by id; `known` maps the races the catalogue already has (by election, kind
    and region) to their ids: those are left to the hand-written entry."""
    result = ImportResult()
    for n, row in enumerate(rows, start=2):
        missing = [c for c in REQUIRED if not (row.get(c) or "").strip()]
        if missing:
            result.problems.append(f"row {n}: missing {', '.join(missing)}")
            continue
        race = row["race"].strip().casefold()
        if race not in RACE_KIND:
            result.problems.append(f"row {n}: race {race!r} is not one of {', '.join(RACE_KIND)}")
            continue
        try:
            number = int(row["number"])
        except ValueError:
            result.problems.append(f"row {n}: number {row['number']!r} is not a whole number")
            continue
        province = row["province"].strip()
        regency = (row.get("regency") or "").strip()
        year = row["election"].strip().rsplit("-", 1)[-1]
        race_id = "-".join(p for p in (RACE_PREFIX[race], slug(regency or province), year) if p)
        existing = known.get(race_key(row["election"].strip(), RACE_KIND[race], province, regency))
        if existing is not None:
            result.skipped_races.add(existing)
            continue
        region = {"province": province, **({"regency": regency} if regency else {})}
        entry = result.races.setdefault(
            race_id,
            {
                "id": race_id,
                "name": f"Pemilihan {race.title()} {regency or province} {year}",
                "kind": RACE_KIND[race],
                "region": region,
                "participants": [],
            },
        )
        candidate = row["candidate"].strip()
        mate = (row.get("running_mate") or "").strip()
        pair = (row.get("pair_name") or "").strip()
        strong, weak = _names(
            candidate,
            mate,
            pair,
            f"{candidate} {mate}" if mate else "",
            call_names=tuple(_call_names(pair)),
        )
        parties = [p.strip() for p in (row.get("parties") or "").split(";") if p.strip()]
        source: dict[str, str] = {"url": row["source_url"].strip()}
        if (row.get("source_published") or "").strip():
            source["published"] = row["source_published"].strip()
        participant: dict[str, Any] = {
            "number": number,
            "name": " – ".join(x for x in (candidate, mate) if x) + (f" ({pair})" if pair else ""),
            "aliases": strong,
            "source": source,
        }
        if RACE_KIND[race] == "legislative" and parties:
            participant["key"] = f"{slug(parties[0])}-{number:02d}"
        if weak:
            participant["weak_aliases"] = weak
        if parties:
            participant["parties"] = parties
        numbers = {p.get("key") or p["number"] for p in entry["participants"]}
        if (participant.get("key") or number) in numbers:
            result.problems.append(f"row {n}: number {number} appears twice in {race_id}")
            continue
        entry["participants"].append(participant)
    _drop_shared_weak_aliases(result)
    return result


def _drop_shared_weak_aliases(result: ImportResult) -> None:
    """A one-word name two candidates of the list share (Hidayat, Abdullah, Amin) is a common
    name, not a sign of either: it is dropped from both."""
    counts: dict[str, int] = {}
    for race in result.races.values():
        for p in race["participants"]:
            for w in p.get("weak_aliases", ()):
                counts[w] = counts.get(w, 0) + 1
    for race in result.races.values():
        for p in race["participants"]:
            kept = [w for w in p.get("weak_aliases", ()) if counts[w] == 1]
            if kept:
                p["weak_aliases"] = kept
            else:
                p.pop("weak_aliases", None)


def read_csv(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(text.splitlines())
    return [dict(row) for row in reader]


def dump_yaml(doc: dict[str, Any], header: str) -> str:
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    return header + body
