from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from neutrality import Engine
from schemas import Action, Platform, Post


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="session")
def speech() -> Callable[[str], Post]:
    """A recorded speech as a connector delivers it: no caption, the words in the transcript,
    on a day of the Pilkada 2024 campaign."""

    def make(transcript: str) -> Post:
        return Post.model_validate(
            {
                "platform": Platform.WHATSAPP,
                "post_id": "s1",
                "account_id": "wa:asn",
                "text": "",
                "action": Action.POST,
                "transcript": transcript,
                "event_time": dt.datetime(
                    2024, 10, 15, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))
                ),
            }
        )

    return make
