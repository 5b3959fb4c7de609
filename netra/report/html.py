"""The supervisor report as one self-contained HTML page: charts inlined as PNG data URIs.

The page opens offline and can be mailed as one file; the PNGs are also kept beside it for
slides. Every value from Elasticsearch is escaped.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from netra.report.charts import Chart, render_charts
from netra.report.query import REPORT_TZ, Bucket, ReportData
from netra.report.skb import SKB_FORMS

REPORT_FILE = "report.html"

_CSS = """
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.2rem 1.5rem;color:#222;background:#fff}
h1{font-size:1.45rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
.sub{color:#555;margin:0 0 1rem}
.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin-bottom:1rem}
.card{border:1px solid #ccc;border-radius:6px;padding:.4rem .8rem;min-width:8rem}
.card .n{font-size:1.7rem;font-weight:bold}.card .l{font-size:.8rem;color:#555}
.card.warn .n{color:#8a1c1c}
.charts{display:grid;grid-template-columns:repeat(2,600px);gap:.6rem 1rem}
.charts figure{margin:0}.charts figure.wide{grid-column:1 / span 2}
.charts img{display:block;border:1px solid #e2e2e2}
table{border-collapse:collapse;font-size:.88rem}td,th{border:1px solid #ddd;padding:.2rem .5rem;
text-align:left}th{background:#f2f2f2}td.n{text-align:right}
.tables{display:flex;gap:2rem;flex-wrap:wrap;align-items:flex-start}
footer{color:#777;font-size:.8rem;margin-top:1.5rem}
"""


def data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _wib(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return value.astimezone(REPORT_TZ).strftime(fmt) + " WIB" if value else "-"


def _card(number: int, label: str, warn: bool = False) -> str:
    cls = "card warn" if warn and number else "card"
    return (
        f'<div class="{cls}"><div class="n">{number}</div>'
        f'<div class="l">{escape(label)}</div></div>'
    )


def _bucket_table(
    title: str, buckets: Sequence[Bucket], meaning: dict[str, str] | None = None
) -> str:
    head = "<th>meaning</th>" if meaning else ""
    rows = []
    for b in buckets:
        extra = f"<td>{escape(meaning.get(b.key, ''))}</td>" if meaning else ""
        rows.append(f'<tr><td>{escape(b.key)}</td>{extra}<td class="n">{b.count}</td></tr>')
    body = "".join(rows) or '<tr><td colspan="3">none</td></tr>'
    column = escape(title.split()[-1])
    return (
        f"<div><h2>{escape(title)}</h2><table><tr><th>{column}</th>{head}<th>flags</th></tr>"
        f"{body}</table></div>"
    )


def render_html(data: ReportData, charts: Sequence[Chart], generated_at: datetime) -> str:
    """The page: headline numbers, the charts, the repeat offenders and the breakdown tables."""
    r = data.range
    cards = "".join(
        [
            _card(data.total, "flags (bendera)"),
            _card(data.accounts, "accounts"),
            _card(data.high_severity, "high severity", warn=True),
            _card(data.unreviewed_open, "unreviewed, deadline open", warn=True),
            _card(data.unreviewed_expired, "unreviewed, deadline passed", warn=True),
            _card(data.not_in_registry, "not in ASN registry"),
        ]
    )
    figures = []
    for c in charts:
        wide = ' class="wide"' if c.name == "per_day" else ""
        figures.append(
            f'<figure{wide}><img id="chart-{escape(c.name)}" src="{data_uri(c.path)}" '
            f'alt="{escape(c.title)}"></figure>'
        )
    offenders = "".join(
        f"<tr><td class='n'>{i}</td><td>{escape(o.account_id)}</td><td>{escape(o.name or '-')}</td>"
        f"<td>{escape(o.agency or '-')}</td><td>{escape(o.province or '-')}</td>"
        f"<td class='n'>{o.flags}</td><td class='n'>{o.high}</td><td>{_wib(o.last_seen)}</td></tr>"
        for i, o in enumerate(data.top_offenders, 1)
    )
    offenders = offenders or '<tr><td colspan="8">none</td></tr>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="id"><head><meta charset="utf-8">',
            "<title>Netra: laporan pengawasan netralitas ASN</title>",
            f"<style>{_CSS}</style></head><body>",
            "<h1>Netra supervisor report &middot; Laporan pengawasan netralitas ASN</h1>",
            f'<p class="sub">Events from {_wib(r.since)} to {_wib(r.until)}. '
            f"Generated {_wib(generated_at)}. Findings are due at Bawaslu within 7 days of the act "
            "becoming known (UU 7/2017 Pasal 454, UU 10/2016 Pasal 134); each flag's deadlines "
            "are in its case file.</p>",
            f'<div class="cards">{cards}</div>',
            f'<div class="charts">{"".join(figures)}</div>',
            "<h2>Top repeat offenders</h2>",
            "<table><tr><th>#</th><th>account</th><th>name</th><th>agency</th><th>province</th>"
            f"<th>flags</th><th>high</th><th>last seen</th></tr>{offenders}</table>",
            '<div class="tables">',
            _bucket_table("Flags by SKB form", data.by_form, SKB_FORMS),
            _bucket_table("Flags by review status", data.by_status),
            _bucket_table("Flags by severity", data.by_severity),
            "</div>",
            "<footer>Netra. Flags are signals for a supervisor's verification, not findings; "
            "see each flag's case file (netra case FLAG_ID).</footer>",
            "</body></html>",
            "",
        ]
    )


def write_report(data: ReportData, out_dir: Path, generated_at: datetime) -> Path:
    """Charts as PNG files and the page into out_dir; returns the page's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = render_charts(data, out_dir)
    page = out_dir / REPORT_FILE
    page.write_text(render_html(data, charts, generated_at), encoding="utf-8")
    return page
