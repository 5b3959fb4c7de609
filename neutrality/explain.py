"""Explanations of decisions for people (rich) and machines (JSON), from one typed record
(`neutrality.explanation.Explanation`) built here only when an explanation is asked for."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from neutrality.catalogue import Locality
from neutrality.engine import Engine
from neutrality.explanation import AskedQuestion, ExplainedHit, Explanation, Reading
from neutrality.question import SPOKEN, questions
from neutrality.readings import NEUTRAL_READINGS, neutral_readings
from schemas import Decision, Evidence, Outcome, Post, RuleHit, SanctionTrack

_STYLE = {Outcome.FLAG: "bold red", Outcome.REVIEW: "bold yellow", Outcome.PASS: "green"}
_HIT_SPAN = "bold reverse"  # words a rule fired on
_NEUTRAL_SPAN = "underline green"  # words a neutral reading rests on


def explain(
    decision: Decision, engine: Engine, post: Post | None = None, locality: Locality | None = None
) -> Explanation:
    """The decision, per hit the rule's description and the sanction for the phase, and with
    the post the neutral readings found in it (read again with every tier, so that a pass
    shows them too; the decision itself is never changed)."""
    hits = [_explained(h, engine, decision.sanction_track) for h in decision.hits]
    return Explanation(
        post_key=decision.post_key,
        outcome=decision.outcome,
        score=decision.score,
        severity=decision.severity,
        action=decision.action,
        participants=list(decision.participants),
        races=list(decision.races),
        election=decision.election,
        phase=decision.phase,
        sanction_track=decision.sanction_track,
        pack_version=decision.pack_version,
        hits=hits,
        target=post.target if post is not None else None,
        questions=_asked(post) if post is not None else [],
        readings=_readings(engine, post, locality) if post is not None else [],
    )


def explain_json(
    decision: Decision, engine: Engine, post: Post | None = None, locality: Locality | None = None
) -> dict[str, Any]:
    """The explanation as JSON (`Explanation.to_json`)."""
    return explain(decision, engine, post, locality).to_json()


def _explained(hit: RuleHit, engine: Engine, track: SanctionTrack | None) -> ExplainedHit:
    rule = engine.rules_by_id.get(hit.rule_id)
    sanction = ""
    if rule is not None and track is not None:
        sanction = rule.sanction.get(track.value) or rule.sanction.get(
            SanctionTrack.DISCIPLINE.value, ""
        )
    return ExplainedHit(
        **dict(hit),
        description=rule.description if rule else "",
        sanction=sanction,
        tags=list(rule.tags) if rule else [],
        rule_file=f"{rule.file}:{rule.line}" if rule else "",
    )


def _asked(post: Post) -> list[AskedQuestion]:
    """The genuine questions in the author's words: the engine reads no side in them (see
    neutrality/question.py), so a supervisor is shown why a name or a vote word there counted
    for nothing."""
    return [
        AskedQuestion(field=field, excerpt=text[q.start : q.end].strip(), asks=q.kind.value)
        for field in SPOKEN
        if (text := post.field_text(field))
        for q in questions(text)
    ]


def _readings(engine: Engine, post: Post, locality: Locality | None) -> list[Reading]:
    """The neutral readings (readings.py) of a full analysis of the post, their evidence mapped
    to the original text as a hit's is."""
    analysis = engine.analyse(post, locality, complete=True, full_path=True)
    if analysis.features is None:
        return []
    return [
        Reading(
            feature=key, what=NEUTRAL_READINGS[key], evidence=engine.evidence(post, analysis, evs)
        )
        for key, evs in neutral_readings(analysis.features)
    ]


def _highlight(original: str, spans: list[tuple[int, int, str]]) -> Text:
    text = Text(original)
    for a, b, style in spans:
        text.stylize(style, a, b)
    return text


def _shown(ev: Evidence) -> str:
    """The words and what they were read as; a fact whose label already says it (the model's
    score) once."""
    if not ev.excerpt or ev.excerpt in ev.feature:
        return ev.feature
    return f"'{ev.excerpt}' ({ev.feature})"


def explain_rich(
    decision: Decision, engine: Engine, post: Post | None = None, locality: Locality | None = None
) -> RenderableType:
    """A panel: outcome, why (rules and evidence highlighted in the original text), what was
    read as neutral (underlined), context."""
    data = explain(decision, engine, post, locality)
    head = Text()
    head.append(f"{data.outcome.value.upper()}", style=_STYLE[data.outcome])
    head.append(f"  score {data.score:g}")
    if data.severity:
        head.append(f"  severity {data.severity.value}")
    parts: list[RenderableType] = [head]
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("action", data.action.value)
    if data.target is not None:
        t = data.target
        facts.add_row(
            "target", " ".join(x for x in (t.kind.value, t.account or "", t.name or "") if x)
        )
    if data.participants:
        facts.add_row("participants", ", ".join(f"{p.name} ({p.id})" for p in data.participants))
    facts.add_row("phase", f"{data.election or '-'} / {data.phase.value if data.phase else '-'}")
    facts.add_row("sanction track", data.sanction_track.value if data.sanction_track else "-")
    facts.add_row("pack", data.pack_version)
    # a question whose words the engine voided is shown with the readings below
    shown_below = {(ev.field, ev.excerpt) for r in data.readings for ev in r.evidence}
    for q in data.questions:
        if (q.field, q.excerpt) not in shown_below:
            facts.add_row("asked, no side", f"{q.excerpt}? ({q.asks})")
    parts.append(facts)
    for hit in data.hits:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("field", style="cyan")
        table.add_column("evidence")
        table.add_column("read as", style="magenta")
        for ev in hit.evidence:
            table.add_row(ev.field, ev.excerpt, ev.feature)
        title = Text(
            f"{hit.rule_id} ({hit.skb_form}, {hit.severity.value}, +{hit.score:g}) ", style="bold"
        )
        title.append(hit.title, style="")
        parts.append(title)
        if hit.sanction:
            parts.append(Text(f"  sanction: {hit.sanction}", style="dim"))
        parts.append(table)
    if data.readings:
        parts.append(Text("read as neutral", style="bold"))
        # an exception read from a register (exception.news from register.report) rests on
        # the same words: one line names both
        merged: dict[tuple[Evidence, ...], list[str]] = {}
        for r in data.readings:
            merged.setdefault(tuple(r.evidence), []).append(r.what)
        for evidence, whats in merged.items():
            line = Text(f"  {', '.join(whats)}: ", style="green")
            line.append("; ".join(_shown(ev) for ev in evidence))
            parts.append(line)
    if post is not None:
        by_field: dict[str, list[tuple[int, int, str]]] = {}
        for style, evs in (
            (_NEUTRAL_SPAN, [ev for r in data.readings for ev in r.evidence]),
            (_HIT_SPAN, [ev for h in data.hits for ev in h.evidence]),
        ):
            for ev in evs:
                if ev.start is not None and ev.end is not None:
                    by_field.setdefault(ev.field, []).append((ev.start, ev.end, style))
        for fld, spans in by_field.items():
            original = post.field_text(fld)
            if original:
                parts.append(Text(f"{fld}: ", style="dim") + _highlight(original, spans))
    return Panel(Group(*parts), title=data.post_key, title_align="left")
