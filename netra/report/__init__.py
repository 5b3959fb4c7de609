"""The supervisor report: Elasticsearch aggregations, PNG charts and one self-contained HTML page.

data = await fetch_report(es, alias, time_range("7d", None))
page = write_report(data, Path("netra-report"), datetime.now(UTC))
"""

from netra.report.html import render_html, write_report
from netra.report.query import ReportData, TimeRange, fetch_report, time_range

__all__ = ["ReportData", "TimeRange", "fetch_report", "render_html", "time_range", "write_report"]
