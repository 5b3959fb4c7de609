"""The report's charts as PNG files, drawn with matplotlib's Agg canvas (no display, no pyplot).

Each chart has its own colour (CHART_COLOURS) so a screenshot of the page can be checked for
every chart having been drawn; the page's own styles use none of these colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from netra.report.query import Bucket, ReportData

CHART_COLOURS: dict[str, str] = {
    "per_day": "#1f6fb4",
    "by_province": "#2ca02c",
    "by_agency": "#9467bd",
    "by_rule": "#d62728",
    "by_participant": "#ff7f0e",
    "by_status": "#17becf",
}
TITLES: dict[str, str] = {
    "per_day": "Flags per day (WIB)",
    "by_province": "Flags by province",
    "by_agency": "Flags by agency (instansi)",
    "by_rule": "Flags by rule",
    "by_participant": "Flags by participant",
    "by_status": "Review status",
}
DPI = 100
LABEL_CHARS = 38


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    path: Path


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "\u2026"


def _empty(fig: Figure, title: str) -> None:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=12)
    ax.text(0.5, 0.5, "no flags in this period", ha="center", va="center", color="#666666")


def draw_per_day(buckets: Sequence[Bucket], colour: str, title: str) -> Figure:
    """Vertical bars, one per day; every day shown, empty days as zero."""
    fig = Figure(figsize=(12, 3.2), dpi=DPI, layout="constrained")
    if not any(b.count for b in buckets):
        _empty(fig, title)
        return fig
    ax = fig.add_subplot()
    labels = [b.key[5:] for b in buckets]  # MM-DD
    ax.bar(range(len(buckets)), [b.count for b in buckets], color=colour, width=0.8)
    step = max(1, len(buckets) // 15)
    ax.set_xticks(range(0, len(buckets), step), labels[::step], fontsize=9)
    ax.set_title(title, loc="left", fontsize=12)
    ax.set_ylabel("flags")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def draw_ranking(buckets: Sequence[Bucket], colour: str, title: str) -> Figure:
    """Horizontal bars, largest on top, with the count at the end of each bar."""
    fig = Figure(figsize=(6, 3.2), dpi=DPI, layout="constrained")
    if not buckets:
        _empty(fig, title)
        return fig
    ax = fig.add_subplot()
    ordered = list(reversed(buckets))
    counts = [b.count for b in ordered]
    bars = ax.barh([_short(b.key) for b in ordered], counts, color=colour, height=0.7)
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_title(title, loc="left", fontsize=12)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_xlim(0, max(counts) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def save_png(fig: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)
    fig.savefig(path, format="png")
    return path


def render_charts(data: ReportData, out_dir: Path) -> list[Chart]:
    """Write every chart of the report as out_dir/<name>.png, in page order."""
    charts = []
    for name, title in TITLES.items():
        buckets: list[Bucket] = getattr(data, name)
        colour = CHART_COLOURS[name]
        if name == "per_day":
            fig = draw_per_day(buckets, colour, title)
        else:
            fig = draw_ranking(buckets, colour, title)
        charts.append(Chart(name, title, save_png(fig, out_dir / f"{name}.png")))
    return charts
