"""The hand-written corpus is data: its YAML items build dev.jsonl and holdout.jsonl exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from neutrality.handcorpus import CORPUS_DIR, HAND_DIR, build_parts, load_hand_items


def test_the_items_build_the_checked_in_parts_byte_for_byte() -> None:
    for name, text in build_parts().items():
        assert (CORPUS_DIR / name).read_text(encoding="utf-8") == text, name


def test_every_item_loads_with_its_label() -> None:
    items = load_hand_items()
    flags = [i for outcome, i in items if outcome == "flag"]
    assert len(items) == 530 and len(flags) == 248
    assert all(i.forms for i in flags)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"forms": ["N16"]}, "N01-N15"),
        ({"locality": "atlantis"}, "unknown locality"),
        ({"platform": "myspace"}, "platform"),
        ({"forms": []}, "flag items name forms"),
    ],
)
def test_a_wrong_item_is_named(tmp_path: Path, change: dict[str, object], message: str) -> None:
    flags = yaml.safe_load((HAND_DIR / "flag.yaml").read_text(encoding="utf-8"))
    flags[3] = {**flags[3], **change}
    (tmp_path / "flag.yaml").write_text(yaml.safe_dump(flags, allow_unicode=True), "utf-8")
    (tmp_path / "pass.yaml").write_text((HAND_DIR / "pass.yaml").read_text("utf-8"), "utf-8")
    with pytest.raises(ValueError, match=message) as raised:
        load_hand_items(tmp_path)
    assert "flag.yaml item 4" in str(raised.value)
