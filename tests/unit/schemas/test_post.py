"""The event record: the tags a post carries, listed by its connector or written in its text."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Action, Platform, Post
from schemas.post import written_tags


def _post(text: str, hashtags: list[str] | None = None) -> Post:
    return Post(
        platform=Platform.X,
        post_id="x-1",
        account_id="x:budi",
        text=text,
        hashtags=hashtags or [],
        action=Action.POST,
        event_time=datetime(2024, 1, 20, 2, 0, tzinfo=UTC),
    )


def test_tags_written_in_the_text_are_read_in_order_without_their_sign() -> None:
    assert written_tags("Program kerja #AniesSandiM3nang dan #OKOCE_2017!") == [
        "AniesSandiM3nang",
        "OKOCE_2017",
    ]
    # an HTML entity, a word's inner "#" and a bare sign are no tags
    assert written_tags("Tom &#39;s A#B # nothing") == []
    assert written_tags("no tags here") == []


def test_the_listed_tags_come_first_and_the_written_ones_stand_in_for_none() -> None:
    listed = _post("Ayo #Coblos02", ["Coblos02", "Pemilu2024"])
    assert listed.tags == ["Coblos02", "Pemilu2024"]
    assert listed.field_text("hashtags[1]") == "Pemilu2024"
    scraped = _post("Ayo #Coblos02 sekarang #Pemilu2024")
    assert scraped.hashtags == [] and scraped.tags == ["Coblos02", "Pemilu2024"]
    assert scraped.field_text("hashtags[0]") == "Coblos02"
    assert scraped.field_text("hashtags[2]") == ""
    # what a connector sends is stored as it came: nothing is added to the record itself
    assert scraped.model_dump()["hashtags"] == []
