"""A case file as JSON, Markdown (for a report) or HTML (for a browser or a PDF)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from netra.case.deadline import Deadline
from netra.case.highlight import escape_markdown, highlight_html, highlight_markdown
from netra.case.model import AsnIdentity, CaseFile
from netra.report.query import REPORT_TZ


def to_json(case: CaseFile) -> str:
    return case.model_dump_json(indent=2) + "\n"


def _when(value: datetime | None) -> str:
    """Times in WIB, the supervisors' clock."""
    return value.astimezone(REPORT_TZ).strftime("%Y-%m-%d %H:%M WIB") if value else "-"


KNOWN_VIA = {"indexed": "first indexed by Netra", "report": "a public report was received"}


def _local(value: datetime) -> str:
    """A time in the flag's own zone (WIB, WITA, WIT): legal days are local days."""
    return f"{value:%Y-%m-%d %H:%M} {value.tzname()}"


def _count(d: Deadline) -> str:
    return f"{d.days} {'working ' if d.unit == 'working' else ''}day{'s' if d.days != 1 else ''}"


def deadline_lines(case: CaseFile) -> list[str]:
    """The deadlines section as plain lines (Markdown escapes them)."""
    lines = [
        f"Became known: {_local(case.known_at)} ({KNOWN_VIA.get(case.known_via, '')})",
        f"Regime: {case.regime_words()}; days counted in {case.deadline_zone}",
    ]
    for d in case.deadlines:
        state = "EXPIRED" if d.expired else "open"
        lines.append(
            f"{d.title}: by the end of {d.last_day()}, {_count(d)}; {state}: {d.describe()}. "
            f"{d.law}"
        )
    if case.desk_note():
        lines.append(case.desk_note() or "")
    if case.deadline_note:
        lines.append(f"Note: {case.deadline_note}")
    return lines


def _deadline_html(d: Deadline) -> str:
    h = html.escape
    state = (
        f'<span class="expired">EXPIRED ({h(d.describe())})</span>'
        if d.expired
        else f'<span class="open">{h(d.describe())}</span>'
    )
    return (
        f"by the end of {h(d.last_day())}, {h(_count(d))} &mdash; {state}"
        f'<br><span class="muted">{h(d.law)}</span>'
    )


def _target_words(target: Mapping[str, Any] | None) -> str:
    if not target:
        return "-"
    parts = [str(target.get("kind", ""))]
    for key in ("name", "account", "group_id", "post_id"):
        if target.get(key):
            parts.append(f"{key}: {target[key]}")
    return ", ".join(p for p in parts if p)


def _viewer(case: CaseFile) -> str:
    return case.viewer or "a reader who did not sign in"


def nip_line(asn: AsnIdentity) -> str:
    """The clear NIP after an audited reveal; otherwise its pseudonym and how to reveal it."""
    if asn.nip:
        return f"{asn.nip} (revealed; the reveal is in the audit trail)"
    return f"not shown (pseudonym {asn.nip_ref}; an entitled user can reveal it: --reveal-nip)"


def to_markdown(case: CaseFile) -> str:
    """A Markdown case file; evidence in **bold**, every value from the post escaped."""
    e = escape_markdown
    lines = [f"# Case file {e(case.flag_id)}", ""]
    lines.append(f"Generated {_when(case.generated_at)} for {e(_viewer(case))}.")
    lines += ["", "## Deadlines", ""]
    lines += [f"- {e(line)}" for line in deadline_lines(case)]
    lines += ["", "## Account and ASN", ""]
    lines.append(f"- Account: {e(case.account_id)} ({e(case.platform)})")
    if case.asn:
        a = case.asn
        for label, value in (
            ("Name", a.name),
            ("NIP", nip_line(a)),
            ("Agency", a.agency),
            ("Unit", a.unit),
            ("Province", a.province),
            ("Region", a.region),
            ("Position", a.position),
            ("Employment type", a.employment_type),
        ):
            lines.append(f"- {label}: {e(value) if value else '-'}")
    else:
        lines.append("- ASN: account not in the registry; attribution must be checked.")
    lines += ["", "## What was done", ""]
    lines.append(f"- Action: {e(case.action)}")
    lines.append(f"- Target: {e(_target_words(case.target))}")
    for fv in case.post_fields:
        lines += ["", f"**{e(fv.field)}:**", ""]
        lines.append(
            "> " + (highlight_markdown(fv.value, fv.spans) or "(empty)").replace("\n", "\n> ")
        )
    if case.cut_note():
        lines += ["", f"_{e(case.cut_note() or '')}_"]
    if case.facts:
        lines += ["", "Other evidence:", ""]
        lines += [f"- {e(f.field)}: {e(f.excerpt)} ({e(f.feature)})" for f in case.facts]
    lines += ["", "## Assessment", ""]
    lines.append(
        f"- Outcome: {case.outcome}, severity {case.severity or '-'}, score {case.score:g}"
    )
    for code, meaning in case.skb_forms.items():
        lines.append(f"- SKB form {code}: {e(meaning)}")
    lines.append(f"- Sanction track: {e(case.sanction_track or '-')}: {e(case.sanction_meaning)}")
    lines.append(f"- Phase: {e(case.phase or '-')}: {e(case.phase_meaning)}")
    lines.append(
        f"- Election: {e(case.election or '-')}; "
        f"participants: {e(', '.join(case.participants) or '-')}"
    )
    lines += ["", "## Rules hit", ""]
    for r in case.rules:
        flag = " (review only)" if r.review_only else ""
        lines.append(f"### {e(r.rule_id)}{flag}")
        lines.append("")
        lines.append(
            f"{e(r.title)}. SKB {r.skb_form}: {e(r.form_meaning)}. "
            f"Severity {r.severity}, score {r.score:g}."
        )
        lines.append("")
        for ev in r.evidence:
            lines.append(f"- {e(ev.field)}: \u201c{e(ev.excerpt)}\u201d read as {e(ev.feature)}")
        lines.append("")
    lines += ["## Review history", ""]
    lines.append(f"Status: {e(case.status)}")
    lines.append("")
    if case.reviews:
        for rv in case.reviews:
            note = f": {e(rv.note)}" if rv.note else ""
            lines.append(f"- {_when(rv.reviewed_at)} {e(rv.reviewer)} {e(rv.verdict)}{note}")
    else:
        lines.append("- no review yet")
    lines += ["", "## Where this goes", ""]
    lines += [f"- **{e(r.body)}** ({r.role}): {e(r.why)}" for r in case.recipients]
    lines += ["", f"Rule pack {e(case.pack_version)}, engine {e(case.engine_version)}.", ""]
    return "\n".join(lines)


_CSS = """
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2rem auto;max-width:60rem;
color:#222;line-height:1.45}
h1{font-size:1.5rem}
h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:1.6rem}
table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4;width:12rem}
blockquote{background:#fafafa;border-left:4px solid #999;margin:.4rem 0;
padding:.5rem .8rem;white-space:pre-wrap}
mark{background:#ffe066;padding:0 .1rem}
.expired{color:#b00020;font-weight:bold}
.open{color:#0a6b2f;font-weight:bold}
.muted{color:#666}
"""


def _row(label: str, value: str | None, raw: bool = False) -> str:
    shown = value if raw and value else html.escape(value or "-")
    return f"<tr><th>{html.escape(label)}</th><td>{shown}</td></tr>"


def to_html(case: CaseFile) -> str:
    """A self-contained HTML case file; evidence in <mark>, every value escaped."""
    h = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>Netra case file {h(case.flag_id)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Case file {h(case.flag_id)}</h1>",
        f'<p class="muted">Generated {h(_when(case.generated_at))} for {h(_viewer(case))}.</p>',
        "<h2>Deadlines</h2><table>",
        _row("Became known", f"{_local(case.known_at)} ({KNOWN_VIA.get(case.known_via, '')})"),
        _row("Regime", f"{case.regime_words()}; days counted in {case.deadline_zone}"),
        *(_row(d.title, _deadline_html(d), raw=True) for d in case.deadlines),
        *([_row("Reporting desk", case.desk_note())] if case.desk_note() else []),
        *([_row("Note", case.deadline_note)] if case.deadline_note else []),
        "</table>",
        "<h2>Account and ASN</h2><table>",
        _row("Account", f"{case.account_id} ({case.platform})"),
    ]
    if case.asn:
        a = case.asn
        parts += [
            _row("Name", a.name),
            _row("NIP", nip_line(a)),
            _row("Agency", a.agency),
            _row("Unit", a.unit),
            _row("Province", a.province),
            _row("Region", a.region),
            _row("Position", a.position),
            _row("Employment type", a.employment_type),
        ]
    else:
        parts.append(_row("ASN", "account not in the registry; attribution must be checked"))
    parts += [
        "</table>",
        "<h2>What was done</h2><table>",
        _row("Action", case.action),
        _row("Target", _target_words(case.target)),
        "</table>",
    ]
    for fv in case.post_fields:
        parts.append(
            f"<p><b>{h(fv.field)}</b></p>"
            f"<blockquote>{highlight_html(fv.value, fv.spans)}</blockquote>"
        )
    if case.cut_note():
        parts.append(f'<p class="muted">{h(case.cut_note() or "")}</p>')
    if case.facts:
        parts.append("<p><b>Other evidence</b></p><ul>")
        parts += [f"<li>{h(f.field)}: {h(f.excerpt)} ({h(f.feature)})</li>" for f in case.facts]
        parts.append("</ul>")
    parts += [
        "<h2>Assessment</h2><table>",
        _row("Outcome", f"{case.outcome}, severity {case.severity or '-'}, score {case.score:g}"),
        *(_row(f"SKB form {code}", meaning) for code, meaning in case.skb_forms.items()),
        _row("Sanction track", f"{case.sanction_track or '-'}: {case.sanction_meaning}"),
        _row("Phase", f"{case.phase or '-'}: {case.phase_meaning}"),
        _row("Election", case.election),
        _row("Participants", ", ".join(case.participants)),
        "</table>",
        "<h2>Rules hit</h2>",
    ]
    for r in case.rules:
        review_only = " (review only)" if r.review_only else ""
        parts.append(
            f"<h3>{h(r.rule_id)}{review_only}</h3><p>{h(r.title)}. SKB {h(r.skb_form)}: "
            f"{h(r.form_meaning)}. Severity {h(r.severity)}, score {r.score:g}.</p><ul>"
        )
        parts += [
            f"<li>{h(ev.field)}: &ldquo;{h(ev.excerpt)}&rdquo; read as {h(ev.feature)}</li>"
            for ev in r.evidence
        ]
        parts.append("</ul>")
    parts.append(f"<h2>Review history</h2><p>Status: <b>{h(case.status)}</b></p><ul>")
    if case.reviews:
        for rv in case.reviews:
            note = f": {h(rv.note)}" if rv.note else ""
            parts.append(
                f"<li>{h(_when(rv.reviewed_at))} {h(rv.reviewer)} <b>{h(rv.verdict)}</b>{note}</li>"
            )
    else:
        parts.append("<li>no review yet</li>")
    parts.append("</ul><h2>Where this goes</h2><ul>")
    parts += [f"<li><b>{h(r.body)}</b> ({h(r.role)}): {h(r.why)}</li>" for r in case.recipients]
    parts.append(
        f'</ul><p class="muted">Rule pack {h(case.pack_version)}, '
        f"engine {h(case.engine_version)}.</p></body></html>\n"
    )
    return "\n".join(parts)


RENDERERS = {"md": to_markdown, "html": to_html, "json": to_json}


def render(case: CaseFile, fmt: str) -> str:
    """Render in md, html or json."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}: use md, html or json")
    return RENDERERS[fmt](case)
