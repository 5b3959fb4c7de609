"""Validate the labelled evaluation corpus (rules/corpus/*.jsonl) line by line.

The corpus is what engine quality is measured against, so a malformed line, a leaked holdout item
or a lopsided label mix would silently corrupt every precision/recall number built on it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas import Action, Post

CORPUS_DIR = Path(__file__).resolve().parents[3] / "rules" / "corpus"
PARTS = ("dev", "holdout")
FORM_RE = re.compile(r"^N(0[1-9]|1[0-5])$")
MIN_TOTAL = 400
DEV_SHARE_RANGE = (0.55, 0.65)
MIN_PASS_SHARE = 0.5


class Locality(BaseModel):
    """Region used to resolve Pilkada numbers; province is required, regency optional."""

    model_config = ConfigDict(extra="forbid")
    province: str = Field(min_length=1)
    regency: str = ""


class Label(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["flag", "pass"]
    forms: list[str]
    note: str = Field(min_length=5, max_length=200)


class CorpusItem(BaseModel):
    """The wrapper around each Post, as the shared contract defines it."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^c\d{4}$")
    post: Post
    locality: Locality | None
    label: Label


def _load(part: str) -> list[tuple[int, dict[str, Any]]]:
    path = CORPUS_DIR / f"{part}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, json.loads(line)) for n, line in enumerate(lines, start=1) if line.strip()]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@pytest.fixture(scope="module")
def parts() -> dict[str, list[CorpusItem]]:
    loaded: dict[str, list[CorpusItem]] = {}
    for part in PARTS:
        items = []
        for n, raw in _load(part):
            try:
                items.append(CorpusItem.model_validate(raw))
            except ValidationError as exc:
                pytest.fail(f"{part}.jsonl line {n}: {exc}")
        loaded[part] = items
    return loaded


@pytest.fixture(scope="module")
def everything(parts: dict[str, list[CorpusItem]]) -> list[CorpusItem]:
    return [it for part in PARTS for it in parts[part]]


@pytest.mark.parametrize("part", PARTS)
def test_every_line_is_json_and_a_valid_item(part: str) -> None:
    for n, raw in _load(part):
        try:
            item = CorpusItem.model_validate(raw)
        except ValidationError as exc:
            pytest.fail(f"{part}.jsonl line {n} ({raw.get('id')}): {exc}")
        # Post is re-validated on its own too: the engine receives exactly this record.
        Post.model_validate(raw["post"])
        assert item.post.event_time.utcoffset() is not None


def test_ids_unique_across_both_files(everything: list[CorpusItem]) -> None:
    counts = Counter(it.id for it in everything)
    assert [i for i, c in counts.items() if c > 1] == []


def test_post_keys_unique(everything: list[CorpusItem]) -> None:
    counts = Counter(it.post.key for it in everything)
    assert [k for k, c in counts.items() if c > 1] == []


def test_label_forms_well_formed(everything: list[CorpusItem]) -> None:
    for it in everything:
        bad = [f for f in it.label.forms if not FORM_RE.match(f)]
        assert bad == [], f"{it.id}: forms must look like N01..N15, got {bad}"
        assert len(set(it.label.forms)) == len(it.label.forms), f"{it.id}: repeated form"


def test_flag_items_have_forms_and_pass_items_none(everything: list[CorpusItem]) -> None:
    for it in everything:
        if it.label.outcome == "flag":
            assert it.label.forms, f"{it.id}: a flag item needs at least one form"
        else:
            assert it.label.forms == [], f"{it.id}: a pass item carries no form"


def test_minimum_counts(parts: dict[str, list[CorpusItem]], everything: list[CorpusItem]) -> None:
    total = len(everything)
    assert total >= MIN_TOTAL
    dev_share = len(parts["dev"]) / total
    assert DEV_SHARE_RANGE[0] <= dev_share <= DEV_SHARE_RANGE[1], dev_share
    passes = sum(it.label.outcome == "pass" for it in everything)
    assert passes / total >= MIN_PASS_SHARE, f"only {passes}/{total} hard negatives"


@pytest.mark.parametrize("part", PARTS)
def test_every_action_in_each_part_with_both_labels_overall(
    part: str, parts: dict[str, list[CorpusItem]], everything: list[CorpusItem]
) -> None:
    in_part = {it.post.action for it in parts[part]}
    assert in_part == set(Action), f"{part} misses {set(Action) - in_part}"
    for action in Action:
        labels = {it.label.outcome for it in everything if it.post.action == action}
        assert labels == {"flag", "pass"}, f"{action} needs flag and pass examples"


def test_holdout_and_dev_disjoint(parts: dict[str, list[CorpusItem]]) -> None:
    dev, holdout = parts["dev"], parts["holdout"]
    assert {it.id for it in dev}.isdisjoint(it.id for it in holdout)
    dev_texts = {_norm(it.post.text) for it in dev} - {""}
    leaked = [it.id for it in holdout if _norm(it.post.text) and _norm(it.post.text) in dev_texts]
    assert leaked == [], f"holdout post text also in dev: {leaked}"


def test_core_forms_covered(everything: list[CorpusItem]) -> None:
    forms = Counter(f for it in everything for f in it.label.forms)
    for form in ("N01", "N02", "N04", "N05", "N07", "N09", "N10", "N11", "N13", "N15"):
        assert forms[form] >= 3, f"{form} has only {forms[form]} items"


def test_pilkada_items_carry_locality(everything: list[CorpusItem]) -> None:
    """A bare 'nomor 2' can only be resolved with the region, so flagged Pilkada items need one."""
    pilkada_start = "2024-08-27"
    for it in everything:
        if it.label.outcome == "flag" and it.post.event_time.date().isoformat() >= pilkada_start:
            mentions_pair = re.search(r"nom(o|e)r|\b[12]\b|loro|siji", it.post.text, re.I)
            if mentions_pair:
                assert it.locality is not None, f"{it.id}: Pilkada number without locality"


def test_platforms_and_account_prefixes(everything: list[CorpusItem]) -> None:
    prefix = {"instagram": "ig", "facebook": "fb", "x": "x", "tiktok": "tt", "youtube": "yt",
              "whatsapp": "wa", "threads": "th"}  # fmt: skip
    assert {it.post.platform.value for it in everything} == set(prefix)
    for it in everything:
        assert it.post.account_id.startswith(prefix[it.post.platform.value] + ":"), it.id
        assert it.post.account_id == it.post.account_id.lower(), it.id
