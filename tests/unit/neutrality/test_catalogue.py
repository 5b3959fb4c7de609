from __future__ import annotations

import datetime as dt

from neutrality import Engine, Locality
from schemas import Phase


def test_pemilu_2024_participants(engine: Engine) -> None:
    cat = engine.catalogue
    national = [p for p in cat.races["pileg-2024"].participants if p.party]
    aceh = [p for p in cat.races["pileg-aceh-2024"].participants if p.party]
    assert len(national) == 18
    assert len(aceh) == 6
    assert sorted(p.number for p in national + aceh) == list(range(1, 25))
    pairs = [p for p in cat.races["pilpres-2024"].participants if p.number]
    assert [p.number for p in pairs] == [1, 2, 3]


def test_calendar_phases(engine: Engine) -> None:
    cal = engine.catalogue.elections["pemilu-2024"].calendar
    assert cal.phase(dt.date(2023, 11, 12)) is Phase.PRE_CANDIDACY
    assert cal.phase(dt.date(2023, 11, 27)) is Phase.CANDIDACY
    assert cal.phase(dt.date(2023, 11, 28)) is Phase.CAMPAIGN
    assert cal.phase(dt.date(2024, 2, 10)) is Phase.CAMPAIGN
    assert cal.phase(dt.date(2024, 2, 11)) is Phase.QUIET
    assert cal.phase(dt.date(2024, 2, 14)) is Phase.VOTING
    assert cal.phase(dt.date(2024, 2, 15)) is Phase.POST_ELECTION


def test_races_apply_by_region(engine: Engine) -> None:
    races = engine.catalogue.races
    assert races["pilpres-2024"].applies_to(None)
    assert races["pilgub-jateng-2024"].applies_to(Locality("jawa tengah"))
    assert not races["pilgub-jateng-2024"].applies_to(Locality("Jawa Timur"))
    assert races["pilbup-blora-2024"].applies_to(Locality("Jawa Tengah", "Kabupaten Blora"))
    assert not races["pilbup-blora-2024"].applies_to(Locality("Jawa Tengah", "Kota Semarang"))


def test_campaign_accounts(engine: Engine) -> None:
    role = engine.catalogue.account_role("ig:tpn.ganjarmahfud")
    assert role is not None and role[0] == "campaign" and role[1].id == "pilpres-2024/03"
    assert engine.catalogue.account_role("ig:someone") is None
