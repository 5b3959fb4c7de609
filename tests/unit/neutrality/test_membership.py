"""Whose party membership it is (neutrality/stance/membership.py), read through the engine."""

from __future__ import annotations

import datetime as dt

import pytest

from neutrality import Engine
from neutrality.readings import neutral_readings
from neutrality.stance.membership import FEATURE, OTHERS_MEMBERSHIP
from schemas import Action, Platform, Post

WHEN = dt.datetime(2024, 3, 25, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _post(text: str, media_description: str = "") -> Post:
    return Post(
        platform=Platform.FACEBOOK,
        post_id="m1",
        account_id="fb:asn",
        text=text,
        action=Action.POST,
        media_description=media_description,
        event_time=WHEN,
    )


def _membership_hit(engine: Engine, post: Post) -> bool:
    return any(h.rule_id == "N09.party-membership" for h in engine.decide(post).hits)


@pytest.mark.parametrize(
    "text",
    [
        "Dua kader PKS terjaring razia narkoba di Batam, polisi masih memeriksa",
        "Menurut sy caleg yg dicalonkan Golkar itu kebanyakan kader lama yg dikenal warga",
        "Partai Demokrat mau rekrut artis itu jadi kader katanya",
        "Foto bareng Ketua DPC PDIP Solo di acara car free day",
    ],
)
def test_membership_said_of_others_is_no_membership_of_the_author(
    engine: Engine, text: str
) -> None:
    post = _post(text)
    assert not _membership_hit(engine, post)
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    readings = dict(neutral_readings(analysis.features))
    assert FEATURE in readings, "the supervisor sees why the membership word did not count"
    assert all(ev.label == OTHERS_MEMBERSHIP for ev in readings[FEATURE])


@pytest.mark.parametrize(
    "text",
    [
        "Saya kader PDI Perjuangan sejak 2019, bangga!",
        "Bangga jd kader Partai Gerindra 💪",
        "Alhamdulillah hari ini resmi jadi pengurus ranting Partai Gerindra",
        "Dilantik sbg wakil sekretaris DPC Partai Golkar, mohon doa restu",
        "Rapat perdana bersama pengurus kami di DPC PKB, semangat!",
    ],
)
def test_the_authors_own_membership_still_flags(engine: Engine, text: str) -> None:
    assert _membership_hit(engine, _post(text))


def test_a_card_is_the_authors_whatever_the_nouns(engine: Engine) -> None:
    post = _post(
        "Akhirnya jadi juga", media_description="foto KTA Partai Gelora atas nama pemilik akun"
    )
    assert _membership_hit(engine, post)
