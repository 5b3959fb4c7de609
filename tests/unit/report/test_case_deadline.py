"""Deadlines as a case file shows them: what is left, in the flag's zone, old documents too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from netra.case.deadline import deadline_view, flag_deadlines
from schemas.flag_document import FlagDocument
from streams.deadlines import Due, Regime, Unit, default_clocks

WITA = timezone(timedelta(hours=8), "WITA")
DUE = Due(
    window="report",
    due=datetime(2024, 4, 25, 0, 0, tzinfo=WITA),
    regime=Regime.PEMILU,
    law="UU 7/2017 Pasal 454 ayat (6)",
    days=7,
    unit=Unit.WORKING,
    round_the_clock=False,
)


def test_days_and_hours_left_in_the_flags_zone() -> None:
    d = deadline_view(DUE, DUE.due - timedelta(days=4, hours=21), WITA)
    assert not d.expired and (d.days_left, d.hours_left) == (4, 21)
    assert d.describe() == "4 days 21 h left"
    assert d.last_day() == "2024-04-24 (WITA)" and d.title == "Public report (laporan) filed"


def test_last_day_and_expiry_exactly_at_the_deadline() -> None:
    d = deadline_view(DUE, DUE.due - timedelta(hours=4), WITA)
    assert (d.expired, d.days_left, d.hours_left) == (False, 0, 4)
    assert d.describe() == "4 h left"
    assert deadline_view(DUE, DUE.due, WITA).expired
    assert not deadline_view(DUE, DUE.due - timedelta(seconds=1), WITA).expired


def test_expired_says_how_long_ago() -> None:
    d = deadline_view(DUE, DUE.due + timedelta(days=2, hours=1), WITA)
    assert d.expired and d.days_left < 0
    assert d.describe() == "expired 2 days 1 h ago"


def test_a_document_indexed_before_deadlines_gets_them_from_its_indexing_time() -> None:
    old = {
        "@timestamp": "2024-04-01T01:00:00+00:00",
        "flag_id": "instagram:ig-1",
        "platform": "instagram",
        "account_id": "ig:budi",
        "indexed_at": "2024-04-05T03:00:00+00:00",
        "races": ["pilgub-bali-2024"],
        "election": "pilkada-2024",
        "asn": {"registered": True, "province": "Bali"},
    }
    fd = flag_deadlines(FlagDocument.from_source(old), default_clocks())
    assert fd.known_at == datetime(2024, 4, 5, 3, tzinfo=UTC)
    assert fd.regimes == [Regime.PILKADA] and fd.zone == "WITA"
    report = next(d for d in fd.deadlines if d.window == "report")
    assert report.due == datetime(2024, 4, 13, tzinfo=WITA)  # 7 calendar days: end of 12 April
