from __future__ import annotations

import datetime as dt

from neutrality import Engine, Locality
from neutrality.catalogue import regency_key
from schemas import Action, Phase, Platform, Post


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


def test_results_stay_open_from_the_day_after_the_vote_to_the_end_of_the_disputes(
    engine: Engine,
) -> None:
    """The count, the determination and the disputes: after voting day the results are open
    until the calendar says its numbers stop mattering, then closed."""
    cal = engine.catalogue.elections["pemilu-2024"].calendar
    assert not cal.results_open(dt.date(2024, 2, 14))  # voting day is still the vote
    assert cal.results_open(dt.date(2024, 2, 15))
    assert cal.results_open(cal.numbers_relevant_until)
    assert not cal.results_open(cal.numbers_relevant_until + dt.timedelta(days=1))
    assert not cal.results_open(dt.date(2023, 12, 1))


def test_an_event_of_2020_is_read_in_the_season_of_pilkada_2020(engine: Engine) -> None:
    """An election listed by its calendar alone (no race) still places an event naming no race
    in its season: a 2020 camat's speech is in Pilkada 2020's campaign, not Pemilu 2024's
    run-up, and so on the discipline track."""
    speech = Post(
        platform=Platform.WHATSAPP, post_id="s", account_id="wa:camat", action=Action.POST,
        transcript="Saya minta seluruh kepala desa satu komando, loyal ke pimpinan",
        event_time=dt.datetime(2020, 10, 20, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    )  # fmt: skip
    assert engine.catalogue.elections["pilkada-2020"].calendar.voting == dt.date(2020, 12, 9)
    decision = engine.decide(speech)
    assert (decision.election, decision.phase) == ("pilkada-2020", Phase.CAMPAIGN)
    later = speech.model_copy(update={"event_time": dt.datetime(2021, 6, 1, 9, tzinfo=dt.UTC)})
    assert engine.decide(later).election == "pemilu-2024"  # past its disputes: the next one


def test_races_apply_by_region(engine: Engine) -> None:
    races = engine.catalogue.races
    assert races["pilpres-2024"].applies_to(None)
    assert races["pilgub-jateng-2024"].applies_to(Locality("jawa tengah"))
    assert not races["pilgub-jateng-2024"].applies_to(Locality("Jawa Timur"))
    assert races["pilbup-blora-2024"].applies_to(Locality("Jawa Tengah", "Kabupaten Blora"))
    assert not races["pilbup-blora-2024"].applies_to(Locality("Jawa Tengah", "Kota Semarang"))
    # a regency however it is written: with or without "Kabupaten", "Kab.", spaces or hyphens
    assert races["pilbup-blora-2024"].applies_to(Locality("Jawa Tengah", "Blora"))
    assert races["pilbup-blora-2024"].applies_to(Locality("Jawa Tengah", "Kab. Blora"))
    # a city keeps its "Kota": Kota Bekasi is not Kabupaten Bekasi
    assert regency_key("Kota Bau-Bau") == regency_key("Kota Baubau") != regency_key("Bau-Bau")


def test_every_regent_and_mayor_race_of_2024_is_loaded_with_its_source(engine: Engine) -> None:
    """The KPU list of Pilkada 2024's regent and mayor pairs (rules/catalogue/sources/), imported
    with `netra catalogue import`: about 500 races, every pair with its source, each race read
    in its own regency only."""
    local = [
        r for r in engine.catalogue.races.values()
        if r.election_id == "pilkada-2024" and r.kind in ("regent", "mayor")
    ]  # fmt: skip
    assert len(local) >= 500
    pairs = [p for r in local for p in r.participants]
    assert len(pairs) >= 1400 and all(p.source for p in pairs if p.race_id != "pilbup-blora-2024")
    pati = engine.catalogue.races["pilbup-pati-2024"]
    assert pati.applies_to(Locality("Jawa Tengah", "Pati"))
    assert not pati.applies_to(Locality("Jawa Tengah", "Kudus"))


def test_campaign_accounts(engine: Engine) -> None:
    role = engine.catalogue.account_role("ig:tpn.ganjarmahfud")
    assert role is not None and role[0] == "campaign" and role[1].id == "pilpres-2024/03"
    assert engine.catalogue.account_role("ig:someone") is None


def test_a_party_called_by_its_emblem_or_colour(engine: Engine) -> None:
    from schemas import Post

    def named(text: str) -> set[str]:
        post = Post.model_validate(
            {
                "platform": "youtube",
                "post_id": "c1",
                "account_id": "youtube:asn",
                "action": "comment",
                "text": text,
                "event_time": "2024-01-20T09:00:00+07:00",
            }
        )
        return {p.id for p in engine.decide(post).participants}

    assert "pileg-2024/03" in named("Males ah kalau dari partai merah, tenggelamkan saja")
    assert "pileg-2024/03" in named("Jangan pilih banteng moncong putih lagi")
    assert "pileg-2024/03" not in named("Banteng itu hewan liar yang dilindungi di Ujung Kulon")


def test_candidates_own_accounts_count_from_their_declaration(engine: Engine) -> None:
    cat = engine.catalogue
    assert cat.account_role("x:pramonoanung", dt.date(2024, 8, 20)) is None
    role = cat.account_role("x:pramonoanung", dt.date(2024, 10, 1))
    assert role is not None and role == ("candidate", cat.participants["pilgub-jakarta-2024/03"])


def test_an_account_is_a_participants_only_while_their_election_is_in_season(
    engine: Engine,
) -> None:
    """@sandiuno ran in Jakarta's 2017 race and in the 2019 presidential one: each day reads it
    as the candidate of the election then in season, and after the last as nobody's."""
    cat = engine.catalogue

    def whose(account: str, day: dt.date) -> str | None:
        role = cat.account_role(account, day)
        return role[1].id if role is not None else None

    assert whose("x:sandiuno", dt.date(2016, 9, 1)) is None  # before he was declared
    assert whose("x:sandiuno", dt.date(2017, 1, 10)) == "pilgub-jakarta-2017/03"
    assert whose("x:sandiuno", dt.date(2018, 1, 10)) is None  # between the two races
    assert whose("x:sandiuno", dt.date(2019, 1, 10)) == "pilpres-2019/02"
    assert whose("x:sandiuno", dt.date(2022, 1, 10)) is None  # after the 2019 dispute
    assert whose("x:prabowo", dt.date(2019, 1, 10)) == "pilpres-2019/02"
    assert whose("x:prabowo", dt.date(2024, 1, 10)) == "pilpres-2024/02"
    assert whose("x:prabowo", dt.date(2021, 1, 10)) is None  # an office-holder's account
    assert cat.account_role("x:prabowo") == ("candidate", cat.participants["pilpres-2024/02"])


def test_a_target_account_written_bare_is_on_the_authors_platform(engine: Engine) -> None:
    """A scraped retweet keeps the handle only ("sandiuno"): it is an account on the platform
    the author posts on, as a mention is."""

    def engaged(account: str, platform: str = "x", prefix: str = "x") -> list[str]:
        post = Post.model_validate(
            {
                "platform": platform,
                "post_id": "s1",
                "account_id": f"{prefix}:asn-1",
                "action": "share",
                "event_time": "2017-01-10T09:00:00+07:00",
                "target": {"kind": "post", "account": account},
            }
        )
        # The account as the catalogue resolved it (other rules, the learned second opinion
        # among them, may cite the same account in their own words).
        return sorted(
            {
                e.feature
                for h in engine.decide(post).hits
                for e in h.evidence
                if e.field == "target.account" and e.feature.startswith("candidate_account:")
            }
        )

    expected = ["candidate_account:pilgub-jakarta-2017/03"]
    assert engaged("sandiuno") == engaged("@SandiUno") == engaged("x:sandiuno") == expected
    assert engaged("sandiuno", "instagram", "ig") == []  # ig:sandiuno is not catalogued
