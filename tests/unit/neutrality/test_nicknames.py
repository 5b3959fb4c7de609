"""Nicknames the catalogue gives a candidate (rules/catalogue/*.yaml) name that candidate."""

from __future__ import annotations

import datetime as dt

import pytest

from neutrality import Engine
from schemas import Action, Platform, Post


def _participants(engine: Engine, text: str, day: dt.date) -> set[str]:
    post = Post(
        platform=Platform.YOUTUBE,
        post_id="n1",
        account_id="yt:asn",
        text=text,
        action=Action.COMMENT,
        event_time=dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC),
    )
    return {p.id for p in engine.decide(post).participants}


@pytest.mark.parametrize(
    ("text", "day", "participant"),
    [
        (
            "Wowo nanti pasti kalah lagi di pilpres, percaya deh",
            dt.date(2019, 4, 10),
            "pilpres-2019/02",
        ),
        ("Mas Bowo presidenku, gas terus!", dt.date(2024, 1, 20), "pilpres-2024/02"),
    ],
)
def test_a_known_nickname_names_its_candidate(
    engine: Engine, text: str, day: dt.date, participant: str
) -> None:
    assert participant in _participants(engine, text, day)
