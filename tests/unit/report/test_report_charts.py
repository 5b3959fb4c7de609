"""Charts render to PNG from fixed aggregation data, each in its own colour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import Image

from netra.report.charts import CHART_COLOURS, render_charts
from netra.report.query import Bucket, ReportData, TimeRange

NOW = datetime(2024, 2, 14, 12, tzinfo=UTC)


def _data(empty: bool = False) -> ReportData:
    days = [Bucket(f"2024-02-{d:02d}", 0 if empty else d % 4) for d in range(7, 14)]
    rank = [] if empty else [Bucket("Jawa Tengah", 12), Bucket("Sulawesi Selatan", 4)]
    return ReportData(
        range=TimeRange(NOW - timedelta(days=7), NOW),
        as_of=NOW,
        total=0 if empty else 16,
        accounts=3,
        high_severity=2,
        not_in_registry=1,
        unreviewed_open=5,
        unreviewed_expired=1,
        per_day=days,
        by_province=rank,
        by_agency=rank,
        by_rule=rank,
        by_participant=rank,
        by_status=rank,
    )


def _share(path: Path, colour: str) -> float:
    rgb = np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return float((np.abs(rgb - target) <= 8).all(axis=2).mean())


def test_every_chart_is_a_png_in_its_colour(tmp_path: Path) -> None:
    charts = render_charts(_data(), tmp_path)
    assert [c.name for c in charts] == list(CHART_COLOURS)
    for chart in charts:
        assert chart.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert Image.open(chart.path).size[1] == 320
        assert _share(chart.path, CHART_COLOURS[chart.name]) > 0.02, chart.name
        others = [c for n, c in CHART_COLOURS.items() if n != chart.name]
        assert all(_share(chart.path, c) < 0.001 for c in others), chart.name


def test_empty_period_draws_a_notice_not_bars(tmp_path: Path) -> None:
    for chart in render_charts(_data(empty=True), tmp_path):
        assert chart.path.is_file()
        assert _share(chart.path, CHART_COLOURS[chart.name]) == 0.0
        pixels = np.asarray(Image.open(chart.path).convert("L"))
        assert (pixels < 200).any()  # the notice text is there
