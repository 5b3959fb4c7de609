"""Netra's own rendering of an event: what a person would have seen, as one self-contained page.

Platform pages are mostly unreachable from where Netra runs and a deleted post has none, so
the capture falls back to this: the account, the act, the words, the hashtags, links and
media description exactly as received, with where the event was kept. The page has no
external resource (no fonts, scripts or images fetched), so the single-file HTML is the whole
of what was rendered.
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from html import escape

from schemas.flag import EventSource
from schemas.post import Post

WIB = timezone(timedelta(hours=7), "WIB")
#: Width of the rendering in CSS pixels: screenshots of every event have the same width.
WIDTH = 640

STYLE = f"""
body {{ margin: 0; padding: 8px; background: #fff; font: 15px/1.45 "DejaVu Sans", sans-serif;
  color: #111; width: {WIDTH - 16}px; }}
article {{ border: 1px solid #c9ced6; border-radius: 8px; padding: 14px 16px; margin: 0 0 8px 0;
  overflow-wrap: anywhere; }}
header {{ display: flex; justify-content: space-between; gap: 12px; }}
.who {{ font-weight: bold; }} .muted {{ color: #555; font-size: 13px; }}
.act {{ display: inline-block; background: #eef1f5; border-radius: 4px; padding: 0 6px;
  font-size: 13px; margin: 6px 0; }}
.text {{ white-space: pre-wrap; margin: 6px 0; }}
.target {{ border-left: 3px solid #c9ced6; padding-left: 10px; margin: 6px 0; }}
.tags {{ color: #174ea6; }} ul {{ margin: 4px 0; padding-left: 20px; }}
footer {{ border-top: 1px dashed #c9ced6; margin-top: 10px; padding-top: 6px; font-size: 12px;
  color: #555; font-family: "DejaVu Sans Mono", monospace; }}
"""


def _when(post: Post) -> str:
    at = post.event_time.astimezone(UTC)
    return f"{at:%Y-%m-%d %H:%M:%S} UTC · {at.astimezone(WIB):%Y-%m-%d %H:%M:%S} WIB"


def _list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(i)}</li>" for i in items)
    return f'<div class="muted">{escape(title)}</div><ul>{rows}</ul>'


def card(flag_id: str, post: Post, source: EventSource | None) -> str:
    """One event as an <article>: the unit of a screenshot."""
    handle = f"@{post.account_handle}" if post.account_handle else post.account_id
    parts = [
        f'<article data-flag="{escape(flag_id)}">',
        "<header>",
        f'<span><span class="who">{escape(handle)}</span> '
        f'<span class="muted">{escape(post.account_id)} · {escape(post.platform.value)}</span>'
        "</span>",
        f'<span class="muted">{escape(_when(post))}</span>',
        "</header>",
        f'<div class="act">{escape(post.action.value)}</div>',
    ]
    if post.text:
        parts.append(f'<div class="text">{escape(post.text)}</div>')
    if post.target is not None:
        t = post.target
        about = " · ".join(
            escape(v) for v in (t.kind.value, t.account, t.post_id, t.group_id, t.name) if v
        )
        parts.append(f'<div class="target"><div class="muted">{about}</div>')
        if t.text:
            parts.append(f'<div class="text">{escape(t.text)}</div>')
        parts.append("</div>")
    if post.hashtags:
        tags = " ".join(f"#{escape(h.lstrip('#'))}" for h in post.hashtags)
        parts.append(f'<div class="tags">{tags}</div>')
    if post.mentions:
        parts.append(f'<div class="tags">{" ".join(f"@{escape(m)}" for m in post.mentions)}</div>')
    parts.append(_list("links", post.urls))
    if post.media_description:
        parts.append(_list("media (as described by the connector)", [post.media_description]))
    if post.transcript:
        parts.append(_list("transcript", [post.transcript]))
    kept = (
        f"{source.topic}/{source.partition}@{source.offset} · {source.size} bytes · "
        f"sha256 {source.sha256}"
        if source
        else "judged offline: no Kafka record"
    )
    parts.append(
        f"<footer>Netra's rendering of {escape(post.platform.value)}:{escape(post.post_id)} "
        f"as received<br>{escape(kept)}</footer>"
    )
    parts.append("</article>")
    return "".join(parts)


def page(cards: list[str], title: str) -> str:
    """A complete, self-contained HTML document holding `cards`."""
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(cards)}</body></html>"
    )
