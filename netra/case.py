"""Case files: everything a report to Bawaslu or BKN needs about one flag, in one typed record.

A case file is built from the flag's document in Elasticsearch (the reviews live there too) and
rendered as Markdown, HTML or JSON. The NIP identifies a person: it is masked unless the user's
role is entitled to it (see `is_entitled`), and the default is masked.

Entitlement: the role comes from `--role` or NETRA_ROLE; roles in NETRA_NIP_ENTITLED_ROLES
(comma separated, default "bawaslu,bkn,inspectorate") see the full NIP, any other role
(e.g. "analyst") or no role sees it masked.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import AsyncElasticsearch, NotFoundError
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from netra.report.query import REPORT_TZ
from netra.report.skb import PHASES, SANCTION_TRACKS, SKB_FORMS, recipients
from schemas import Evidence, RuleHit

# UU 7/2017 Pasal 454: findings and reports must come within 7 days of the act becoming known.
# The event time is the earliest moment it could be known, so the deadline shown is the strictest.
REPORTING_WINDOW = timedelta(days=7)
DEFAULT_ENTITLED_ROLES = frozenset({"bawaslu", "bkn", "inspectorate"})
KNOWN_ROLES = DEFAULT_ENTITLED_ROLES | {"analyst"}
ROLE_ENV = "NETRA_ROLE"
ENTITLED_ENV = "NETRA_NIP_ENTITLED_ROLES"


class CaseNotFoundError(LookupError):
    """The flag id (or the whole flags index) does not exist."""


# ---------------------------------------------------------------- entitlement and masking


def entitled_roles(env: Mapping[str, str] | None = None) -> frozenset[str]:
    """Roles that see a full NIP: NETRA_NIP_ENTITLED_ROLES, else bawaslu, bkn, inspectorate."""
    env = os.environ if env is None else env
    raw = env.get(ENTITLED_ENV)
    if raw is None:
        return DEFAULT_ENTITLED_ROLES
    return frozenset(r.strip().lower() for r in raw.split(",") if r.strip())


def resolve_role(option: str | None, env: Mapping[str, str] | None = None) -> str | None:
    """The user's role: the --role option wins over NETRA_ROLE; None when neither is set."""
    env = os.environ if env is None else env
    role = option if option else env.get(ROLE_ENV)
    return role.strip().lower() if role and role.strip() else None


def is_entitled(role: str | None, env: Mapping[str, str] | None = None) -> bool:
    """Whether this role may see the full NIP; no role never may."""
    return role is not None and role in entitled_roles(env)


def mask_nip(nip: str) -> str:
    """Keep the birth year and month (first 6 digits) and the last 2: 198501**********01."""
    if len(nip) < 8:
        return "*" * len(nip)
    return nip[:6] + "*" * (len(nip) - 8) + nip[-2:]


# ---------------------------------------------------------------- deadline


class Deadline(BaseModel):
    """The 7-day reporting window of UU 7/2017 Pasal 454, seen from a given moment."""

    model_config = ConfigDict(frozen=True)

    event_time: AwareDatetime
    deadline: AwareDatetime
    as_of: AwareDatetime
    expired: bool
    days_left: int = Field(description="Whole days left; 0 on the last day; negative once expired.")
    hours_left: int = Field(description="Hours beyond days_left (0-23).")

    def describe(self) -> str:
        if self.expired:
            ago = self.as_of - self.deadline
            return f"expired {_span_words(ago)} ago"
        return f"{_span_words(self.deadline - self.as_of)} left"


def _span_words(delta: timedelta) -> str:
    days, rest = divmod(int(delta.total_seconds()), 86400)
    hours = rest // 3600
    if days == 0:
        return f"{hours} h"
    return f"{days} day{'s' if days != 1 else ''} {hours} h"


def reporting_deadline(event_time: datetime, now: datetime) -> Deadline:
    """Deadline = event time + 7 days; expired once now is at or past it."""
    deadline = event_time + REPORTING_WINDOW
    remaining = deadline - now
    expired = remaining <= timedelta(0)
    seconds = int(remaining.total_seconds())
    days, rest = divmod(seconds, 86400)
    return Deadline(
        event_time=event_time,
        deadline=deadline,
        as_of=now,
        expired=expired,
        days_left=days,
        hours_left=0 if expired else rest // 3600,
    )


# ---------------------------------------------------------------- evidence highlighting


class Span(BaseModel):
    """A highlighted range of a field, in Python string offsets (end exclusive)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    features: list[str] = Field(default_factory=list)


def usable_spans(value: str, spans: Iterable[Span]) -> list[Span]:
    """Valid spans in order, overlapping ones merged; spans outside the value are dropped."""
    valid = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(value)), key=lambda s: (s.start, s.end)
    )
    merged: list[Span] = []
    for span in valid:
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            features = last.features + [f for f in span.features if f not in last.features]
            merged[-1] = Span(start=last.start, end=max(last.end, span.end), features=features)
        else:
            merged.append(span)
    return merged


def highlight_html(value: str, spans: Iterable[Span]) -> str:
    """The value, HTML-escaped, with each evidence span in <mark title="feature">."""
    out: list[str] = []
    pos = 0
    for span in usable_spans(value, spans):
        out.append(html.escape(value[pos : span.start]))
        title = html.escape(", ".join(span.features), quote=True)
        out.append(f'<mark title="{title}">{html.escape(value[span.start : span.end])}</mark>')
        pos = span.end
    out.append(html.escape(value[pos:]))
    return "".join(out)


_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))", re.MULTILINE)


def escape_markdown(text: str, line_start: bool = True) -> str:
    """Backslash what Markdown could read as syntax (inline marks, block markers at a line's
    start) so a post cannot format the case file; newlines become hard breaks."""
    escaped = _MD_INLINE.sub(r"\\\1", text.replace("\r\n", "\n"))
    escaped = _MD_LINE_START.sub(
        lambda m: m[0] if m.start() == 0 and not line_start else m[1] + "\\" + m[2], escaped
    )
    return escaped.replace("\n", "  \n")


def highlight_markdown(value: str, spans: Iterable[Span]) -> str:
    """The value, Markdown-escaped, with each evidence span in **bold**.

    Whitespace at a span's edges stays outside the markers: `** x**` would not render bold.
    """
    out: list[str] = []
    pos = 0

    def esc(a: int, b: int) -> str:
        return escape_markdown(value[a:b], line_start=a == 0 or value[a - 1] == "\n")

    for span in usable_spans(value, spans):
        start, end = span.start, span.end
        while start < end and value[start].isspace():
            start += 1
        while end > start and value[end - 1].isspace():
            end -= 1
        out.append(esc(pos, start))
        if start < end:
            out.append(f"**{esc(start, end)}**")
        out.append(esc(end, span.end))
        pos = span.end
    out.append(esc(pos, len(value)))
    return "".join(out)


_INDEXED = re.compile(r"^([A-Za-z_]\w*)\[(\d+)\]$")


def field_value(doc: Mapping[str, Any], field: str) -> str | None:
    """The original text of an evidence field (text, hashtags[2], target.text ...) in a document."""
    cur: Any = doc
    for part in field.split("."):
        m = _INDEXED.match(part)
        if m:
            seq = cur.get(m[1]) if isinstance(cur, Mapping) else None
            idx = int(m[2])
            cur = seq[idx] if isinstance(seq, list) and idx < len(seq) else None
        else:
            cur = cur.get(part) if isinstance(cur, Mapping) else None
        if cur is None:
            return None
    return cur if isinstance(cur, str) else None


# ---------------------------------------------------------------- the case file


class AsnIdentity(BaseModel):
    name: str
    nip: str = Field(description="Full NIP only when nip_masked is false.")
    nip_masked: bool
    agency: str
    unit: str = ""
    province: str
    region: str = ""
    position: str = ""
    employment_type: str


class FieldView(BaseModel):
    """One field of the post with its evidence spans."""

    field: str
    value: str
    spans: list[Span] = Field(default_factory=list)


class RuleView(BaseModel):
    rule_id: str
    title: str
    skb_form: str
    form_meaning: str
    severity: str
    score: float
    review_only: bool
    evidence: list[Evidence]


class ReviewView(BaseModel):
    reviewer: str
    verdict: str
    note: str = ""
    reviewed_at: AwareDatetime | None = None


class RecipientView(BaseModel):
    body: str
    role: str
    why: str


class CaseFile(BaseModel):
    """What a report to Bawaslu or BKN needs about one flag."""

    flag_id: str
    generated_at: AwareDatetime
    role: str | None
    account_id: str
    account_handle: str | None
    platform: str
    asn: AsnIdentity | None
    action: str
    target: dict[str, Any] | None
    post_fields: list[FieldView]
    facts: list[Evidence] = Field(description="Evidence that is not a span of text.")
    hashtags: list[str]
    urls: list[str]
    outcome: str
    severity: str | None
    score: float
    skb_forms: dict[str, str]
    sanction_track: str | None
    sanction_meaning: str
    phase: str | None
    phase_meaning: str
    election: str | None
    participants: list[str]
    deadline: Deadline
    rules: list[RuleView]
    status: str
    reviews: list[ReviewView]
    pack_version: str
    engine_version: str
    recipients: list[RecipientView]


async def fetch_flag_document(es: AsyncElasticsearch, alias: str, flag_id: str) -> dict[str, Any]:
    """The flag's document as indexed; CaseNotFoundError when the id or the index is missing."""
    try:
        resp = await es.get(index=alias, id=flag_id)
    except NotFoundError as exc:
        if "index_not_found" in str(exc):
            raise CaseNotFoundError(f"there is no flags index '{alias}' yet") from exc
        raise CaseNotFoundError(f"no flag with id '{flag_id}' in '{alias}'") from exc
    source: dict[str, Any] = dict(resp["_source"])
    return source


async def build_case(
    es: AsyncElasticsearch,
    alias: str,
    flag_id: str,
    entitled: bool,
    *,
    role: str | None = None,
    now: datetime | None = None,
) -> CaseFile:
    """Fetch the flag and assemble its case file; the NIP is in full only when `entitled`."""
    doc = await fetch_flag_document(es, alias, flag_id)
    return case_from_document(doc, entitled=entitled, role=role, now=now)


def _asn(doc: Mapping[str, Any], entitled: bool) -> AsnIdentity | None:
    asn = doc.get("asn") or {}
    if not asn.get("registered") or not asn.get("nip"):
        return None
    nip = str(asn["nip"])
    return AsnIdentity(
        name=str(asn.get("name", "")),
        nip=nip if entitled else mask_nip(nip),
        nip_masked=not entitled,
        agency=str(asn.get("agency", "")),
        unit=str(asn.get("unit") or ""),
        province=str(asn.get("province", "")),
        region=str(asn.get("region") or ""),
        position=str(asn.get("position") or ""),
        employment_type=str(asn.get("employment_type", "")),
    )


def _post_fields(
    doc: Mapping[str, Any], hits: Sequence[RuleHit]
) -> tuple[list[FieldView], list[Evidence]]:
    spans: dict[str, list[Span]] = {}
    facts: list[Evidence] = []
    for hit in hits:
        for ev in hit.evidence:
            value = field_value(doc, ev.field)
            if ev.start is None or ev.end is None or value is None:
                facts.append(ev)
                continue
            spans.setdefault(ev.field, []).append(
                Span(start=ev.start, end=ev.end, features=[ev.feature])
            )
    # The post's own text, and the caption of what was liked or shared: the context of the act.
    order = ["text", "target.text", *(f for f in spans if f not in ("text", "target.text"))]
    views = []
    for name in order:
        value = field_value(doc, name) or ""
        if not value and (name != "text" or field_value(doc, "target.text")):
            continue
        views.append(
            FieldView(field=name, value=value, spans=usable_spans(value, spans.get(name, [])))
        )
    return views, facts


def case_from_document(
    doc: Mapping[str, Any],
    *,
    entitled: bool,
    role: str | None = None,
    now: datetime | None = None,
) -> CaseFile:
    """Assemble a case file from an indexed flag document (pure: no Elasticsearch)."""
    now = now or datetime.now(UTC)
    hits = [RuleHit.model_validate(h) for h in doc.get("hits") or []]
    fields, facts = _post_fields(doc, hits)
    event_time = datetime.fromisoformat(str(doc["@timestamp"]))
    phase = doc.get("phase")
    track = doc.get("sanction_track")
    forms = sorted(set(doc.get("skb_forms") or []) | {h.skb_form for h in hits})
    reviews = [ReviewView.model_validate(r) for r in doc.get("reviews") or []]
    return CaseFile(
        flag_id=str(doc.get("flag_id", "")),
        generated_at=now,
        role=role,
        account_id=str(doc.get("account_id", "")),
        account_handle=doc.get("account_handle"),
        platform=str(doc.get("platform", "")),
        asn=_asn(doc, entitled),
        action=str(doc.get("action", "")),
        target=doc.get("target"),
        post_fields=fields,
        facts=facts,
        hashtags=list(doc.get("hashtags") or []),
        urls=list(doc.get("urls") or []),
        outcome=str(doc.get("outcome", "")),
        severity=doc.get("severity"),
        score=float(doc.get("score") or 0.0),
        skb_forms={f: SKB_FORMS.get(f, "unknown form") for f in forms},
        sanction_track=track,
        sanction_meaning=SANCTION_TRACKS.get(str(track), "not determined"),
        phase=phase,
        phase_meaning=PHASES.get(str(phase), "not determined"),
        election=doc.get("election"),
        participants=list(doc.get("participant_names") or doc.get("participants") or []),
        deadline=reporting_deadline(event_time, now),
        rules=[
            RuleView(
                rule_id=h.rule_id,
                title=h.title,
                skb_form=h.skb_form,
                form_meaning=SKB_FORMS.get(h.skb_form, "unknown form"),
                severity=h.severity.value,
                score=h.score,
                review_only=h.review_only,
                evidence=list(h.evidence),
            )
            for h in hits
        ],
        status=str(doc.get("status") or "unreviewed"),
        reviews=reviews,
        pack_version=str(doc.get("pack_version", "")),
        engine_version=str(doc.get("engine_version", "")),
        recipients=[RecipientView(body=r.body, role=r.role, why=r.why) for r in recipients(phase)],
    )


# ---------------------------------------------------------------- renderers


def to_json(case: CaseFile) -> str:
    return case.model_dump_json(indent=2) + "\n"


def _when(value: datetime | None) -> str:
    """Times in WIB, the supervisors' clock."""
    return value.astimezone(REPORT_TZ).strftime("%Y-%m-%d %H:%M WIB") if value else "-"


def _target_words(target: Mapping[str, Any] | None) -> str:
    if not target:
        return "-"
    parts = [str(target.get("kind", ""))]
    for key in ("name", "account", "group_id", "post_id"):
        if target.get(key):
            parts.append(f"{key}: {target[key]}")
    return ", ".join(p for p in parts if p)


def to_markdown(case: CaseFile) -> str:
    """A Markdown case file; evidence in **bold**, every value from the post escaped."""
    e = escape_markdown
    lines = [f"# Case file {e(case.flag_id)}", ""]
    lines.append(
        f"Generated {_when(case.generated_at)} for role {e(case.role or 'none')}"
        f"{' (NIP masked)' if case.asn and case.asn.nip_masked else ''}."
    )
    lines += ["", "## Reporting deadline (UU 7/2017 Pasal 454)", ""]
    d = case.deadline
    state = "EXPIRED" if d.expired else "open"
    lines.append(f"- Event time: {_when(d.event_time)}")
    lines.append(f"- Deadline: {_when(d.deadline)} ({state}: {d.describe()})")
    lines += ["", "## Account and ASN", ""]
    lines.append(f"- Account: {e(case.account_id)} ({e(case.platform)})")
    if case.asn:
        a = case.asn
        for label, value in (
            ("Name", a.name),
            ("NIP", a.nip),
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
    d = case.deadline
    state = (
        f'<span class="expired">EXPIRED ({h(d.describe())})</span>'
        if d.expired
        else f'<span class="open">{h(d.describe())}</span>'
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>Netra case file {h(case.flag_id)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Case file {h(case.flag_id)}</h1>",
        f'<p class="muted">Generated {h(_when(case.generated_at))} for role '
        f"{h(case.role or 'none')}.</p>",
        "<h2>Reporting deadline (UU 7/2017 Pasal 454)</h2><table>",
        _row("Event time", _when(d.event_time)),
        _row("Deadline", f"{h(_when(d.deadline))} &mdash; {state}", raw=True),
        "</table>",
        "<h2>Account and ASN</h2><table>",
        _row("Account", f"{case.account_id} ({case.platform})"),
    ]
    if case.asn:
        a = case.asn
        nip = h(a.nip) + (' <span class="muted">(masked)</span>' if a.nip_masked else "")
        parts += [
            _row("Name", a.name),
            _row("NIP", nip, raw=True),
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
