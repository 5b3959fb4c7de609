"""Evidence spans highlighted in the original text, for HTML and for Markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field


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
