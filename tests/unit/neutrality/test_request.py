"""A request to the one named asks them to act and takes no side; a request for a vote or
support still campaigns (request.py)."""

from __future__ import annotations

from typing import Any

import pytest

from neutrality import Engine
from neutrality.explain import explain_json
from neutrality.featureset import Features
from neutrality.ownside import FEATURE as OWN_SIDE
from neutrality.request import FEATURE, LABEL, requests
from schemas import Outcome, Post

CAMPAIGN = "2024-01-20T09:00:00+07:00"  # Pilpres 2024 campaign
_NO_FEATURES = Features()


def _post(text: str, action: str = "post", **kw: Any) -> Post:
    data = {"platform": "x", "post_id": "r1", "account_id": "x:asn.test",
            "action": action, "text": text, "event_time": CAMPAIGN, **kw}  # fmt: skip
    return Post.model_validate(data)


@pytest.mark.parametrize(
    "text",
    [
        "Pak Jokowi, tolong turunkan harga tiket pesawat",  # asking to act
        "Pak Ganjar dan Pak Mahfud, titip dipikirkan program SDM di Papua",  # a concern
        "Saya mau tagih janji rumah DP 0% dari Anies-Sandi",  # a promise held to
        "Saran untuk pak Anies, bicarakan tarif dengan TransJakarta",  # advice
        "Mohon pak Prabowo perhatikan nasib guru honorer",  # a petition
    ],
)
def test_a_request_to_act_is_read_with_its_span(text: str) -> None:
    found = requests(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == text


@pytest.mark.parametrize(
    "text",
    [
        "Mohon doa dan dukungannya untuk pak Hendra",  # support asked: campaigning
        "Tolong pilih nomor 2 ya",  # a vote asked
        "Tolong jangan dipilih calon itu",  # a vote asked against
        "Titip suara untuk pak Anies",  # a vote entrusted
        "Mohon maaf pak Ganjar, saya tidak ikut acara",  # an apology asks nothing
        "Pak Jokowi meresmikan jembatan",  # no request at all
    ],
)
def test_no_request_read_where_a_vote_or_support_is_asked_or_nothing_is(text: str) -> None:
    assert requests(text) == []


def test_only_the_request_sentence_is_read() -> None:
    text = "Ganjar paling mantap. Pak Jokowi, tolong turunkan harga beras."
    found = requests(text)
    assert [text[r.start : r.end] for r in found] == [" Pak Jokowi, tolong turunkan harga beras"]


def test_a_name_in_a_request_is_no_side_of_the_author(engine: Engine) -> None:
    post = _post("Pak Ganjar dan Pak Mahfud, titip dipikirkan nasib petani di desa kami")
    found = (engine.analyse(post, None, complete=True).features or _NO_FEATURES).found
    assert [ev.label for ev in found[FEATURE]] == [LABEL]
    assert OWN_SIDE not in found  # the names are whom the request is addressed to
    # the same names said beside a campaign word are the author's side
    said = _post("Pak Ganjar dan Pak Mahfud pasti menang, titip dipikirkan nasib petani")
    said_found = (engine.analyse(said, None, complete=True).features or _NO_FEATURES).found
    assert FEATURE not in said_found  # the request carries a wish to win: it takes a side
    assert OWN_SIDE in said_found


def test_a_request_to_ones_own_staff_in_a_recording_is_a_directive(engine: Engine) -> None:
    """A superior asking staff to fall in line directs them; the same request to an
    office-holder in a recording is a petition."""

    def requests_read(transcript: str, described: str) -> list[str]:
        video = _post(
            "",
            platform="facebook",
            transcript=transcript,
            media_description=described,
            event_time="2024-11-01T09:00:00+07:00",
        )
        found = (engine.analyse(video, None, complete=True).features or _NO_FEATURES).found
        return [ev.field for ev in found.get(FEATURE, ())]

    to_staff = "Para kepala dusun dan semua ketua RT, saya mohon kita semua satu komando"
    assert requests_read(to_staff, "video rapat di balai desa") == []
    petition = "Pak bupati, saya mohon jalan desa kami diperbaiki sebelum musim hujan"
    assert requests_read(petition, "video warga di jalan desa") == ["transcript"]


def test_a_request_for_a_vote_still_campaigns(engine: Engine) -> None:
    decision = engine.decide(_post("Tolong pilih Ganjar-Mahfud ya, demi masa depan"))
    assert decision.outcome is Outcome.FLAG


def test_the_explanation_shows_the_request_read(engine: Engine) -> None:
    post = _post("Pak Prabowo, tolong perluas lapangan kerja untuk usia di atas 30 tahun")
    shown = explain_json(engine.decide(post), engine, post)
    readings = {r["feature"]: r for r in shown["readings"]}
    assert FEATURE in readings
    assert readings[FEATURE]["evidence"][0]["excerpt"].startswith("Pak Prabowo, tolong")


def test_every_request_word_passes_the_first_look() -> None:
    """The quick test for a request word (a substring each holds) must let every one through."""
    from neutrality.request import _REQUEST, _REQUEST_STEMS

    assert all(any(stem in word for stem in _REQUEST_STEMS) for word in _REQUEST)
