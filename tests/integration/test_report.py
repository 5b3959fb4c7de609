"""The supervisor report against the real local Elasticsearch, rendered in headless Chromium."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from elasticsearch import AsyncElasticsearch
from PIL import Image

from netra.report.charts import CHART_COLOURS
from netra.report.html import REPORT_FILE, write_report
from netra.report.query import (
    NOT_IN_REGISTRY,
    REPORT_TZ,
    ReportData,
    ReportIndexMissingError,
    fetch_report,
    time_range,
)
from tests.integration.report_samples import Indexed, Sample

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A drawn chart fills thousands of pixels with its colour; a broken image fills none.
MIN_CHART_PIXELS = 400


def _fetch(es_url: str, alias: str, since: str, now: datetime) -> ReportData:
    async def run() -> ReportData:
        async with AsyncElasticsearch(es_url, request_timeout=30) as es:
            return await fetch_report(es, alias, time_range(since, None, now), as_of=now)

    return asyncio.run(run())


def _in_range(ix: Indexed, days: int) -> list[Sample]:
    return [s for s in ix.items if (ix.now - s.flag.post.event_time).days < days]


def test_report_counts_what_was_indexed(es_url: str, indexed: Indexed) -> None:
    data = _fetch(es_url, indexed.alias, "7d", indexed.now)
    inside = _in_range(indexed, 7)
    assert 0 < len(inside) < len(indexed.items), "the fixture must have a flag outside 7 days"
    flags = [s.flag for s in inside]

    assert data.total == len(inside)
    assert data.accounts == len({f.post.account_id for f in flags})
    provinces = Counter(f.asn.province if f.asn else NOT_IN_REGISTRY for f in flags)
    assert {b.key: b.count for b in data.by_province} == provinces
    agencies = Counter(f.asn.agency if f.asn else NOT_IN_REGISTRY for f in flags)
    assert {b.key: b.count for b in data.by_agency} == agencies
    rules = Counter(h.rule_id for f in flags for h in f.decision.hits)
    assert {b.key: b.count for b in data.by_rule} == rules
    names = Counter(p.name for f in flags for p in f.decision.participants)
    assert {b.key: b.count for b in data.by_participant} == names
    assert {b.key: b.count for b in data.by_status} == Counter(s.status for s in inside)
    assert data.high_severity == sum(1 for f in flags if f.decision.severity == "high")
    assert data.not_in_registry == sum(1 for f in flags if f.asn is None)
    assert data.unreviewed_open == sum(1 for s in inside if s.status == "unreviewed")
    assert data.unreviewed_expired == 0

    days = Counter(f.post.event_time.astimezone(REPORT_TZ).strftime("%Y-%m-%d") for f in flags)
    per_day = {b.key: b.count for b in data.per_day}
    assert {k: v for k, v in per_day.items() if v} == days
    assert len(per_day) in (7, 8)  # every calendar day of the range, empty ones as zero

    by_account = Counter(f.post.account_id for f in flags)
    top = data.top_offenders[0]
    assert (top.account_id, top.flags) == by_account.most_common(1)[0]
    mine = [f for f in flags if f.post.account_id == top.account_id]
    assert mine[0].asn is not None
    assert (top.name, top.agency, top.province) == (
        mine[0].asn.name,
        mine[0].asn.agency,
        mine[0].asn.province,
    )
    assert top.high == sum(1 for f in mine if f.decision.severity == "high")
    assert [o.flags for o in data.top_offenders] == sorted(by_account.values(), reverse=True)


def test_longer_range_includes_expired_unreviewed(es_url: str, indexed: Indexed) -> None:
    data = _fetch(es_url, indexed.alias, "14d", indexed.now)
    assert data.total == len(indexed.items)
    expired = [
        s
        for s in indexed.items
        if s.status == "unreviewed" and (indexed.now - s.flag.post.event_time).days >= 7
    ]
    assert expired and data.unreviewed_expired == len(expired)


def test_missing_alias_is_reported(es_url: str) -> None:
    with pytest.raises(ReportIndexMissingError):
        _fetch(es_url, "netra-test-report-does-not-exist", "7d", datetime.now(UTC))


def test_cli_writes_the_report(es_url: str, indexed: Indexed, tmp_path: Path) -> None:
    env = {**os.environ, "NETRA_ES_URL": es_url, "NETRA_FLAGS_ALIAS": indexed.alias}
    netra = Path(sys.executable).with_name("netra")
    done = subprocess.run(
        [str(netra), "report", "--since", "7d", "--out", str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    page = tmp_path / "out" / REPORT_FILE
    assert str(page.resolve()) in done.stdout
    text = page.read_text(encoding="utf-8")
    assert "Budi Santoso" in text and "data:image/png;base64," in text
    assert sorted(p.name for p in page.parent.glob("*.png")) == sorted(
        f"{name}.png" for name in CHART_COLOURS
    )


# ------------------------------------------------------------------ headless Chromium


def _screenshot(page: Path, shot: Path, profile: Path) -> Image.Image:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
        page.resolve().as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert shot.is_file(), f"chromium wrote no screenshot (rc {done.returncode}): {done.stderr}"
    return Image.open(shot).convert("RGB")


def colour_pixels(image: Image.Image, colour: str, tolerance: int = 8) -> int:
    """Pixels within `tolerance` of colour (#rrggbb) on every channel."""
    rgb = np.asarray(image, dtype=np.int16)
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    return int((np.abs(rgb - target) <= tolerance).all(axis=2).sum())


def test_chromium_screenshot_shows_every_chart(
    es_url: str, indexed: Indexed, tmp_path: Path
) -> None:
    if CHROMIUM is None:
        pytest.skip(
            "chromium is not installed: apt-get install -y --no-install-recommends chromium"
        )
    data = _fetch(es_url, indexed.alias, "7d", indexed.now)
    page = write_report(data, tmp_path / "report", indexed.now)

    shot = _screenshot(page, tmp_path / "report.png", tmp_path / "profile")
    assert shot.size == (1280, 2000)
    counts = {name: colour_pixels(shot, colour) for name, colour in CHART_COLOURS.items()}
    assert all(n >= MIN_CHART_PIXELS for n in counts.values()), counts

    # The same page with broken images must fail the check: the colours come only from the PNGs.
    broken = page.with_name("broken.html")
    html = page.read_text(encoding="utf-8")
    start = html.index('src="data:image/png;base64,')
    while start >= 0:
        end = html.index('"', start + 5)
        html = html[:start] + 'src="missing.png' + html[end:]
        start = html.find('src="data:image/png;base64,')
    broken.write_text(html, encoding="utf-8")
    bad = _screenshot(broken, tmp_path / "broken.png", tmp_path / "profile2")
    bad_counts = {name: colour_pixels(bad, colour) for name, colour in CHART_COLOURS.items()}
    assert all(n < MIN_CHART_PIXELS for n in bad_counts.values()), bad_counts
