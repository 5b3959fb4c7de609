"""Explanations of decisions for people (rich) and machines (JSON)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from neutrality.engine import Engine
from neutrality.question import SPOKEN, questions
from schemas import Decision, Outcome, Post, SanctionTrack

_STYLE = {Outcome.FLAG: "bold red", Outcome.REVIEW: "bold yellow", Outcome.PASS: "green"}


def explain_json(decision: Decision, engine: Engine, post: Post | None = None) -> dict[str, Any]:
    """The decision plus, per hit, the rule's description and the sanction for the phase."""
    hits = []
    for h in decision.hits:
        rule = engine.rules_by_id.get(h.rule_id)
        sanction = ""
        if rule is not None and decision.sanction_track is not None:
            sanction = rule.sanction.get(decision.sanction_track.value) or rule.sanction.get(
                SanctionTrack.DISCIPLINE.value, ""
            )
        hits.append(
            {
                **h.model_dump(mode="json"),
                "description": rule.description if rule else "",
                "sanction": sanction,
                "tags": list(rule.tags) if rule else [],
                "rule_file": f"{rule.file}:{rule.line}" if rule else "",
            }
        )
    out: dict[str, Any] = {
        "post_key": decision.post_key,
        "outcome": decision.outcome.value,
        "score": decision.score,
        "severity": decision.severity.value if decision.severity else None,
        "action": decision.action.value,
        "participants": [p.model_dump(mode="json") for p in decision.participants],
        "races": decision.races,
        "election": decision.election,
        "phase": decision.phase.value if decision.phase else None,
        "sanction_track": decision.sanction_track.value if decision.sanction_track else None,
        "pack_version": decision.pack_version,
        "hits": hits,
    }
    if post is not None and post.target is not None:
        out["target"] = post.target.model_dump(mode="json", exclude_defaults=True)
    if post is not None:
        asked = _asked(post)
        if asked:
            out["questions"] = asked
    return out


def _asked(post: Post) -> list[dict[str, str]]:
    """The genuine questions in the author's words: the engine reads no side in them (see
    neutrality/question.py), so a supervisor is shown why a name or a vote word there counted
    for nothing."""
    return [
        {"field": field, "excerpt": text[q.start : q.end].strip(), "asks": q.kind.value}
        for field in SPOKEN
        if (text := post.field_text(field))
        for q in questions(text)
    ]


def _highlight(original: str, spans: list[tuple[int, int]]) -> Text:
    text = Text(original)
    for a, b in spans:
        text.stylize("bold reverse", a, b)
    return text


def explain_rich(decision: Decision, engine: Engine, post: Post | None = None) -> RenderableType:
    """A panel: outcome, why (rules and evidence highlighted in the original text), context."""
    data = explain_json(decision, engine, post)
    head = Text()
    head.append(f"{decision.outcome.value.upper()}", style=_STYLE[decision.outcome])
    head.append(f"  score {decision.score:g}")
    if decision.severity:
        head.append(f"  severity {decision.severity.value}")
    parts: list[RenderableType] = [head]
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("action", decision.action.value)
    if post is not None and post.target is not None:
        t = post.target
        facts.add_row(
            "target", " ".join(x for x in (t.kind.value, t.account or "", t.name or "") if x)
        )
    if decision.participants:
        facts.add_row(
            "participants", ", ".join(f"{p.name} ({p.id})" for p in decision.participants)
        )
    facts.add_row(
        "phase", f"{decision.election or '-'} / {decision.phase.value if decision.phase else '-'}"
    )
    facts.add_row(
        "sanction track", decision.sanction_track.value if decision.sanction_track else "-"
    )
    facts.add_row("pack", decision.pack_version)
    for q in data.get("questions", ()):
        facts.add_row("asked, no side", f"{q['excerpt']}? ({q['asks']})")
    parts.append(facts)
    for hit in data["hits"]:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("field", style="cyan")
        table.add_column("evidence")
        table.add_column("read as", style="magenta")
        for ev in hit["evidence"]:
            table.add_row(ev["field"], ev["excerpt"], ev["feature"])
        title = Text(
            f"{hit['rule_id']} ({hit['skb_form']}, {hit['severity']}, +{hit['score']:g}) ",
            style="bold",
        )
        title.append(hit["title"], style="")
        parts.append(title)
        if hit["sanction"]:
            parts.append(Text(f"  sanction: {hit['sanction']}", style="dim"))
        parts.append(table)
    if post is not None and decision.hits:
        by_field: dict[str, list[tuple[int, int]]] = {}
        for h in decision.hits:
            for ev in h.evidence:
                if ev.start is not None and ev.end is not None:
                    by_field.setdefault(ev.field, []).append((ev.start, ev.end))
        for fld, spans in by_field.items():
            original = post.field_text(fld)
            if original:
                parts.append(Text(f"{fld}: ", style="dim") + _highlight(original, spans))
    return Panel(Group(*parts), title=decision.post_key, title_align="left")
