"""The shipped pack passes its own examples and lint; broken packs fail lint with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from neutrality import DataError, Engine
from neutrality.engine import default_pack_dir
from neutrality.lint import lint_pack
from neutrality.ruletest import run_examples

BROKEN = Path(__file__).resolve().parents[2] / "data" / "broken-packs"
REQUIRED_FORMS = {"N01", "N02", "N04", "N05", "N07", "N09", "N10", "N11", "N13", "N15"}


def test_shipped_pack_lints_clean() -> None:
    assert lint_pack(default_pack_dir()) == []


def test_shipped_pack_passes_its_examples() -> None:
    results = run_examples(Engine.load())
    failures = [
        f"{r.rule.id} {r.example.file}:{r.example.line} {r.message}" for r in results if not r.ok
    ]
    assert failures == []
    assert len(results) >= 2 * len(Engine.load().rules)


def test_every_required_form_has_rules_with_both_kinds_of_example() -> None:
    engine = Engine.load()
    assert {r.skb_form for r in engine.rules} >= REQUIRED_FORMS
    for rule in engine.rules:
        assert {e.must for e in rule.examples} == {"flag", "pass"}, rule.id


@pytest.mark.parametrize(
    ("pack", "file", "line", "words"),
    [
        ("unknown-field", "N09.yaml", 8, "unknown field 'weight'"),
        ("regex-term", "lists.yaml", 65, "regular expression"),
        ("no-examples", "N09.yaml", 4, "no must_flag and must_pass examples"),
        ("unknown-list", "N09.yaml", 4, "unknown list 'party_card'"),
    ],
)
def test_broken_packs_fail_lint_with_file_and_line(
    pack: str, file: str, line: int, words: str
) -> None:
    problems = lint_pack(BROKEN / pack)
    assert len(problems) == 1, problems
    p = problems[0]
    assert p.path.endswith(f"broken-packs/{pack}/{file}")
    assert p.line == line
    assert words in p.message


def test_engine_refuses_to_load_an_invalid_pack() -> None:
    with pytest.raises(DataError) as exc:
        Engine.load(BROKEN / "unknown-list")
    assert "party_card" in str(exc.value)
