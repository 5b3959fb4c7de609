"""Run every rule's own examples: must_flag items must hit the rule and not pass;
must_pass items must not hit it; an example's `outcome` must match the decision's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from neutrality.catalogue import Locality
from neutrality.engine import Analysis, Engine
from neutrality.pack import Example, Rule
from schemas import Outcome, Post


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    example: Example
    ok: bool
    message: str
    analysis: Analysis | None


def example_post(
    engine: Engine, rule: Rule, index: int, ex: Example
) -> tuple[Post, Locality | None]:
    """Fill the pack's defaults into a terse example and validate it as a Post."""
    data: dict[str, Any] = {"action": "post", **engine.pack.example_defaults, **ex.data}
    loc = data.pop("locality", None)
    data.pop("note", None)
    data.pop("outcome", None)
    data.setdefault("post_id", f"example-{rule.id}-{index}")
    target = data.get("target")
    if isinstance(target, dict):
        data["target"] = dict(target)
    post = Post.model_validate(data)
    locality = Locality(**loc) if isinstance(loc, dict) else None
    return post, locality


def run_examples(engine: Engine) -> list[ExampleResult]:
    results: list[ExampleResult] = []
    for rule in engine.rules:
        for i, ex in enumerate(rule.examples):
            try:
                post, loc = example_post(engine, rule, i, ex)
            except (ValidationError, TypeError) as exc:
                msg = f"example is not a valid post: {str(exc).splitlines()[0]}"
                results.append(ExampleResult(rule, ex, False, msg, None))
                continue
            analysis = engine.analyse(post, loc)
            d = analysis.decision
            hit = any(h.rule_id == rule.id for h in d.hits)
            expected = ex.data.get("outcome")
            if ex.must == "flag":
                ok = hit and d.outcome is not Outcome.PASS
                msg = (
                    ""
                    if ok
                    else (
                        f"rule did not fire (outcome {d.outcome.value})"
                        if not hit
                        else "rule fired but the score stayed below review"
                    )
                )
            else:
                ok = not hit
                msg = "" if ok else f"rule fired on a must_pass example (outcome {d.outcome.value})"
            if ok and expected and d.outcome.value != expected:
                ok, msg = False, f"expected outcome {expected}, got {d.outcome.value}"
            results.append(ExampleResult(rule, ex, ok, msg, analysis))
    return results
