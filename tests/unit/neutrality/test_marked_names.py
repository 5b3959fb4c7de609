"""Collision-risk names the author marks as a name: after an honorific, as a hashtag, or as a
word of a slogan hashtag, or run together with a slogan word (features.py `_marked_name`,
`_tag_pieces`, `_slogan_tag`)."""

from __future__ import annotations

from typing import Any

import pytest

from neutrality import Engine, Locality
from neutrality.features import after_honorific
from neutrality.normalise import camel_pieces
from schemas import Outcome, Post

JAKARTA_2017 = "2017-01-15T09:00:00+07:00"  # Pilkada DKI 2017 campaign
JAKARTA = Locality("DKI Jakarta", "Kota Jakarta Pusat")  # a civil servant of the race's region


def _post(text: str, when: str = JAKARTA_2017, **kw: Any) -> Post:
    data = {"platform": "x", "post_id": "p1", "account_id": "x:asn.test", "action": "post",
            "text": text, "event_time": when, **kw}  # fmt: skip
    return Post.model_validate(data)


def _outcome(engine: Engine, post: Post, locality: Locality | None = JAKARTA) -> Outcome:
    return engine.decide(post, locality).outcome


def _labels(engine: Engine, post: Post) -> list[str]:
    analysis = engine.analyse(post, JAKARTA, complete=True)
    assert analysis.features is not None
    return [ev.label for evs in analysis.features.found.values() for ev in evs]


def test_camel_pieces_follow_the_authors_marks() -> None:
    body = "BaDjaUntukJakarta"
    assert [body[a:b] for a, b in camel_pieces(body)] == ["Ba", "Dja", "Untuk", "Jakarta"]
    tag = "AHY4all"
    assert [tag[a:b] for a, b in camel_pieces(tag)] == ["AHY", "4", "all"]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [("bu sylvi hebat", 3, True), ("mbak luluk", 5, True), ("sylvi hebat", 0, False),
     ("kata sylvi", 5, False), ("pak  agus", 5, False)],
)  # fmt: skip
def test_after_honorific(text: str, start: int, expected: bool) -> None:
    assert after_honorific(text, start) is expected


def test_a_name_after_an_honorific_is_the_person_in_season(engine: Engine) -> None:
    post = _post("bu Sylvi adalah contoh keberanian, ngga ngambang atau banci.")
    assert "name after an honorific:pilgub-jakarta-2017/01" in _labels(engine, post)
    assert _outcome(engine, post) is Outcome.FLAG
    # the same words without the honorific stay a collision-risk word without context
    assert _outcome(engine, _post("Sylvi adalah contoh keberanian")) is Outcome.PASS


def test_an_honorific_does_not_wake_a_name_out_of_season(engine: Engine) -> None:
    post = _post("bu Sylvi adalah contoh keberanian, ngga ngambang atau banci.",
                 when="2024-01-15T09:00:00+07:00")  # fmt: skip
    assert _outcome(engine, post) is Outcome.PASS


def test_a_name_written_as_a_whole_hashtag(engine: Engine) -> None:
    post = _post("Aku bangga jadi anak memo. #AHY #moshing", hashtags=["AHY", "moshing"])
    assert "name as a hashtag:pilgub-jakarta-2017/01" in _labels(engine, post)
    assert _outcome(engine, post) is not Outcome.PASS


def test_a_party_short_name_as_a_hashtag_stays_a_word(engine: Engine) -> None:
    post = _post("Semangat timnas! #Garuda", when="2024-01-15T09:00:00+07:00",
                 hashtags=["Garuda"])  # fmt: skip
    assert _outcome(engine, post) is Outcome.PASS


@pytest.mark.parametrize("tag", ["BaDjaUntukJakarta", "PilihBaDja", "AHYMaininSARA"])
def test_a_slogan_built_on_a_marked_name_is_a_campaign_hashtag(engine: Engine, tag: str) -> None:
    post = _post(f"Jangan biarkan ini terjadi!! #{tag}", hashtags=[tag])
    assert any(label.startswith("campaign:pilgub-jakarta-2017/") for label in _labels(engine, post))
    assert _outcome(engine, post) is Outcome.FLAG


def test_a_name_run_into_a_word_without_a_mark_is_not_read(engine: Engine) -> None:
    # "sandiwara" starts with the weak name "sandi" but the author marked no word boundary
    post = _post("Nonton #SandiwaraRadio malam ini", hashtags=["SandiwaraRadio"])
    assert _outcome(engine, post) is Outcome.PASS


def test_a_slogan_hashtag_out_of_season_is_not_read(engine: Engine) -> None:
    post = _post("Jangan biarkan ini terjadi!! #BaDjaUntukJakarta",
                 when="2024-01-15T09:00:00+07:00", hashtags=["BaDjaUntukJakarta"])  # fmt: skip
    assert _outcome(engine, post) is Outcome.PASS


def test_only_a_civil_servant_of_the_region_reads_the_marked_name(engine: Engine) -> None:
    post = _post("bu Sylvi adalah contoh keberanian, ngga ngambang atau banci.")
    assert _outcome(engine, post, Locality("Jawa Tengah", "Kota Semarang")) is Outcome.PASS
    assert _outcome(engine, post, None) is Outcome.PASS


def test_a_national_pairs_nickname_after_an_honorific_is_anyone(engine: Engine) -> None:
    # "Amin" names Anies-Muhaimin only with context: "Pak Amin" is any man called Amin
    post = _post("Terima kasih Pak Amin, semangat terus!", when="2024-01-10T09:00:00+07:00")
    assert _outcome(engine, post) is Outcome.PASS
    tagged = _post("Semangat terus!", when="2024-01-10T09:00:00+07:00", hashtags=["Amin"])
    assert _outcome(engine, tagged) is Outcome.PASS


def test_a_regional_nickname_needs_its_own_race_where_the_region_is_unknown(engine: Engine) -> None:
    """ "BERANI" (a Central Sulawesi pair) shouted in presidential-debate talk is the word."""
    text = "SIAPAPUN YG JADI PRESIDEN HARUS NEGARAWAN SEJATI...BERANI..JUJUR..ADIL. Debat capres"
    post = _post(text, "2024-10-20T09:00:00+07:00")
    assert not any("sulawesi-tengah" in label for label in _labels_anywhere(engine, post))
    # a second name of the same pair is its own sign
    named = _post("Dukung BERANI, Anwar Hafid gubernur Sulteng", "2024-10-20T09:00:00+07:00")
    assert any("sulawesi-tengah" in label for label in _labels_anywhere(engine, named))


def _labels_anywhere(engine: Engine, post: Post) -> list[str]:
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    return [ev.label for evs in analysis.features.found.values() for ev in evs]


ACEH = Locality("Aceh", "Kota Banda Aceh")
ACEH_2024 = "2024-11-01T09:00:00+07:00"  # Pilkada Aceh 2024 campaign


@pytest.mark.parametrize("tag", ["bustamimenang", "pilihmualem", "MUALEMPASTIMENANG"])
def test_a_weak_name_run_together_with_a_slogan_word_is_a_campaign_hashtag(
    engine: Engine, tag: str
) -> None:
    """No case marks the words of "#bustamimenang": a regional candidate's collision-risk name
    that fills one end of the tag, with a word of winning or voting filling the other, is the
    slogan a supporter writes, read where and while the race runs."""
    post = _post("Harapan baru", when=ACEH_2024, hashtags=[tag])
    assert engine.decide(post, ACEH).outcome is Outcome.FLAG
    assert engine.decide(post, JAKARTA).outcome is Outcome.PASS  # not the author's race
    early = _post("Harapan baru", when="2019-01-10T09:00:00+07:00", hashtags=[tag])
    assert engine.decide(early, ACEH).outcome is Outcome.PASS  # out of season


@pytest.mark.parametrize("tag", ["bustamihadir", "kopibustami", "mualemku", "bustamimenangis"])
def test_a_weak_name_beside_any_other_word_in_a_hashtag_is_no_slogan(
    engine: Engine, tag: str
) -> None:
    post = _post("Harapan baru", when=ACEH_2024, hashtags=[tag])
    assert engine.decide(post, ACEH).outcome is Outcome.PASS
