"""The report page: escaped values, every chart inlined, headline numbers."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from netra.report.charts import CHART_COLOURS, render_charts
from netra.report.html import render_html
from netra.report.query import Bucket, Offender, ReportData, TimeRange

NOW = datetime(2024, 2, 14, 12, tzinfo=UTC)


def _data() -> ReportData:
    return ReportData(
        range=TimeRange(NOW - timedelta(days=7), NOW),
        as_of=NOW,
        total=9,
        accounts=4,
        high_severity=3,
        not_in_registry=1,
        unreviewed_open=5,
        unreviewed_expired=2,
        per_day=[Bucket("2024-02-13", 9)],
        by_agency=[Bucket("Dinas <Pendidikan> & Kebudayaan", 9)],
        by_form=[Bucket("N04", 9)],
        top_offenders=[
            Offender(
                "ig:a<b>",
                5,
                1,
                'Budi "Bos" Santoso',
                "Dinas <Pendidikan> & Kebudayaan",
                "Jawa Tengah",
                NOW,
            )
        ],
    )


def test_page_escapes_and_inlines_every_chart(tmp_path: Path) -> None:
    data = _data()
    page = render_html(data, render_charts(data, tmp_path), NOW)
    assert "Dinas &lt;Pendidikan&gt; &amp; Kebudayaan" in page
    assert "ig:a&lt;b&gt;" in page and "Budi &quot;Bos&quot; Santoso" in page
    assert "<Pendidikan>" not in page
    uris = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(uris) == len(CHART_COLOURS)
    assert all(base64.b64decode(u)[:4] == b"\x89PNG" for u in uris)
    assert 'src="http' not in page and "<script" not in page  # opens offline


def test_headline_numbers_and_form_meaning(tmp_path: Path) -> None:
    data = _data()
    page = render_html(data, render_charts(data, tmp_path), NOW)
    for number, label in ((9, "flags"), (3, "high severity"), (2, "deadline passed")):
        assert re.search(rf'<div class="n">{number}</div><div class="l">[^<]*{label}', page)
    assert "winning-team group or account" in page  # N04 explained
    assert "19:00 WIB" in page  # 12:00 UTC shown in WIB
