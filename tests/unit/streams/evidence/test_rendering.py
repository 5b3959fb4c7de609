"""Netra's rendering of an event: every value escaped, nothing fetched from elsewhere."""

from __future__ import annotations

from streams.evidence import rendering
from tests.unit.streams.evidence.flags import SOURCE, sample_flag


def test_the_page_shows_the_event_escaped_and_names_where_it_was_kept() -> None:
    flag = sample_flag()
    page = rendering.page([rendering.card(flag.flag_id, flag.post, SOURCE)], "t")
    assert "&lt;b&gt;menang&lt;/b&gt;" in page and "<b>menang</b>" not in page
    assert "#02melanjutkan" in page and "https://example.org/foto.jpg" in page
    assert "2024-01-15 02:00:00 UTC · 2024-01-15 09:00:00 WIB" in page
    assert f"netra.posts/3@41 · {SOURCE.size} bytes · sha256 {SOURCE.sha256}" in page
    # Self-contained: no resource is loaded from anywhere.
    assert "<script" not in page and "src=" not in page and "<link" not in page
