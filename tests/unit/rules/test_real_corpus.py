"""The real-world corpus: every item validates, carries its source, and the split is sound.

The figures Netra reports stand on this corpus, so a case on both sides of the split, an edited
frozen test part or an item without a source URL would make them worthless.
"""

from __future__ import annotations

from collections import Counter

import pytest

from neutrality.realcorpus import (
    PARTS,
    REAL_DIR,
    RealItem,
    build,
    dump,
    load_part,
    read_gathered,
    sha256_of,
)


@pytest.fixture(scope="module")
def parts() -> dict[str, list[RealItem]]:
    return {p: load_part(p) for p in PARTS}


def test_every_gathered_record_validates() -> None:
    bad = [
        (path.name, line, why)
        for path, line, why in read_gathered(sorted((REAL_DIR / "gathered").glob("*.jsonl")))
        if isinstance(why, str)
    ]
    assert bad == []


def test_parts_are_exactly_a_rebuild_of_the_gathered_records(
    parts: dict[str, list[RealItem]],
) -> None:
    records = [
        g
        for _, _, g in read_gathered(sorted((REAL_DIR / "gathered").glob("*.jsonl")))
        if not isinstance(g, str)
    ]
    rebuilt = build(records)
    for part in PARTS:
        assert dump(rebuilt[part]) == (REAL_DIR / f"{part}.jsonl").read_text(encoding="utf-8")


def test_the_test_part_is_frozen() -> None:
    recorded = (REAL_DIR / "FROZEN").read_text(encoding="utf-8").split()[0]
    assert recorded == sha256_of(REAL_DIR / "test.jsonl")


def test_no_case_on_two_sides(parts: dict[str, list[RealItem]]) -> None:
    seen: dict[str, str] = {}
    for part, items in parts.items():
        for item in items:
            assert item.part == part
            assert seen.setdefault(item.case, part) == part, f"case {item.case} straddles parts"


def test_size_mix_and_provenance(parts: dict[str, list[RealItem]]) -> None:
    items = [it for p in PARTS for it in parts[p]]
    labels = Counter(it.label.outcome for it in items)
    assert len(items) >= 800
    assert labels["flag"] >= 250 and labels["pass"] >= 450
    assert all(it.source.url.startswith(("http://", "https://")) for it in items)
    assert all(it.post.account_id.split(":", 1)[1].startswith("asn-") for it in items)
    assert all(it.label.forms for it in items if it.label.outcome == "flag")
    assert len({it.id for it in items}) == len(items)
    assert len(parts["test"]) >= 0.2 * len(items)
