"""Evaluation directed at a single participant (onesided.py): each ingredient apart."""

from __future__ import annotations

from typing import Any

import pytest

from neutrality import Engine
from neutrality.featureset import Ev, Features
from neutrality.normalise import NormText
from neutrality.onesided import (
    FEATURE,
    LABEL,
    SPOKEN,
    Spoken,
    participant_of,
    possible,
    read_one_sided,
)
from schemas import Outcome, Post

CAMPAIGN = "2024-01-10T09:00:00+07:00"  # Pilpres 2024 campaign
GOVERNING = "2025-02-10T09:00:00+07:00"  # Prabowo in office, no election of his in season
RULE = "N02.evaluates-one-side"


def _post(text: str, when: str = CAMPAIGN, **kw: Any) -> Post:
    data = {"platform": "youtube", "post_id": "p1", "account_id": "youtube:asn.test",
            "action": "post", "text": text, "event_time": when, **kw}  # fmt: skip
    return Post.model_validate(data)


def _one_sided(engine: Engine, post: Post) -> list[Ev]:
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    return analysis.features.found.get(FEATURE, [])


def _rules(engine: Engine, post: Post) -> list[str]:
    return [h.rule_id for h in engine.decide(post).hits]


def test_a_verdict_on_one_participant_is_read_with_its_words_and_target(engine: Engine) -> None:
    evs = _one_sided(engine, _post("Prabowo sombong banget, besar mulut"))
    labels = [ev.label for ev in evs]
    assert f"{LABEL}:pilpres-2024/02 (sombong)" in labels
    assert f"{LABEL}:pilpres-2024/02 (besar mulut)" in labels
    assert "participant:pilpres-2024/02" in labels  # the target is evidence too


def test_it_sends_to_review_and_its_evidence_is_explained(engine: Engine) -> None:
    decision = engine.decide(_post("Ganjar itu ceroboh"))
    hit = next(h for h in decision.hits if h.rule_id == RULE)
    assert {e.excerpt for e in hit.evidence} >= {"ceroboh", "Ganjar"}
    assert hit.review_only
    assert decision.outcome is Outcome.REVIEW  # the model agreeing is not enough for a flag
    # a rule that flags on its own (a call to vote) still flags
    assert engine.decide(_post("Ganjar itu ceroboh, coblos Anies saja")).outcome is Outcome.FLAG


@pytest.mark.parametrize(
    "text",
    [
        "Prabowo sombong, Ganjar lemah, Anies besar mulut",  # rival sides alike: even-handed
        'Pengamat: "Ganjar sombong," katanya kepada wartawan',  # a quotation
        "Warga menilai Ganjar sombong, ujar pengamat",  # a report
        "Kenapa Anies dibilang sombong?",  # a question
        "Ganjar sebut pemerintah gagal dan ceroboh",  # the participant speaks: their verdict
        "Menurut Anies kebijakan itu ceroboh",  # the same, "according to"
        "Anies kemarin di Medan, Anies sebut pemerintah gagal",  # said after the speaker
        "Ganjar. Kemarin saya makan sate di pasar, rasanya hambar",  # another sentence
    ],
)
def test_no_one_sided_verdict(engine: Engine, text: str) -> None:
    assert _one_sided(engine, _post(text)) == []


def test_the_words_must_stand_near_the_participant(engine: Engine) -> None:
    far = (
        "Ganjar datang ke pasar pagi ini lalu berbincang dengan para pedagang sayur dan ikan"
        " di los belakang yang sepi, sambal hambar"
    )
    assert _one_sided(engine, _post(far)) == []


def test_a_sitting_office_holders_programme_praised_outside_a_campaign_passes(
    engine: Engine,
) -> None:
    post = _post("Presiden Prabowo meninjau program makan bergizi gratis, warga bangga", GOVERNING)
    assert RULE not in _rules(engine, post)
    assert RULE in _rules(engine, _post("Prabowo memang negarawan, saya kagum"))


def test_a_name_one_letter_off_beside_an_evaluative_word_is_the_participant(
    engine: Engine,
) -> None:
    post = _post("Lah anis besar mulut doang", action="comment",
                 target={"kind": "post", "name": "Debat Capres 2024 (YouTube)"})  # fmt: skip
    assert RULE in _rules(engine, post)


def test_participant_of_leaves_out_tags_and_listed_numbers() -> None:
    assert participant_of(Ev("text", 0, 5, "participant:pilpres-2024/02")) == "pilpres-2024/02"
    assert participant_of(Ev("text", 0, 5, "tagged account:pilpres-2024/02")) is None
    listed = Ev("text", 0, 1, "number:1->pilpres-2024/01 (one of several ballot numbers listed)")
    assert participant_of(listed) is None


def test_possible_needs_both_an_evaluative_word_and_a_participant() -> None:
    assert possible({"text.evaluative_word": [], "text.participant": []})
    assert not possible({"text.evaluative_word": []})
    assert not possible({"text.participant": []})


def test_read_one_sided_without_evaluation_adds_nothing() -> None:
    feats = Features()
    feats.found["text.participant"] = [Ev("text", 0, 6, "participant:pilpres-2024/03")]

    def fail(orig: str, track: bool) -> NormText:
        raise AssertionError("no field needs its offsets")

    read_one_sided(Spoken(text="Ganjar"), feats, [], fail)
    assert FEATURE not in feats.found


def test_spoken_holds_what_the_author_wrote_in_each_spoken_field_and_nothing_else() -> None:
    spoken = Spoken.of(_post("Ganjar itu ceroboh", transcript="Anies hebat"))
    assert [spoken.written(field) for field in sorted(SPOKEN)] == [
        "Ganjar itu ceroboh",
        "Anies hebat",
    ]
    assert spoken.written("media_description") == ""
    assert spoken.written("target.text") == ""


def test_features_evidence_is_empty_for_a_feature_not_found() -> None:
    feats = Features()
    ev = Ev("text", 0, 6, "participant:pilpres-2024/03")
    feats.add("text.participant", ev)
    assert list(feats.evidence("text.participant")) == [ev]
    assert list(feats.evidence("text.evaluative_word")) == []


def test_thanks_said_to_one_participant_is_evaluation_of_that_side(engine: Engine) -> None:
    """Gratitude is a verdict too: thanks to one candidate for what their campaign gave."""
    post = _post("Wah kenyang, terima kasih Pak Ganjar untuk makan gratisnya")
    assert any(ev.label.startswith(f"{LABEL}:pilpres-2024/03") for ev in _one_sided(engine, post))
    assert RULE in _rules(engine, post)


def test_thanks_to_rival_sides_alike_takes_no_side(engine: Engine) -> None:
    post = _post("Terima kasih Pak Ganjar dan Pak Prabowo atas debat yang santun")
    assert _one_sided(engine, post) == []


def test_a_verdict_said_of_one_of_several_sides_named_is_one_sided(engine: Engine) -> None:
    """Rival sides named, the verdict beside one of them alone: that side is judged, the others
    are only mentioned (and the names are no even list)."""
    post = _post("Paslon 02 hambar banget gagasannya, tiap sesi cuma jadi juri 01 sama 03")
    assert any(ev.label.startswith(f"{LABEL}:pilpres-2024/02") for ev in _one_sided(engine, post))
    assert RULE in _rules(engine, post)


@pytest.mark.parametrize(
    "text",
    [
        "Prabowo sombong, Ganjar lemah, Anies besar mulut",  # each side judged
        "debat Prabowo sombong Ganjar",  # a verdict between two names
    ],
)
def test_verdicts_on_several_sides_single_nobody_out(engine: Engine, text: str) -> None:
    assert _one_sided(engine, _post(text)) == []


def test_a_pious_exclamation_of_admiration_beside_one_side_is_a_verdict(engine: Engine) -> None:
    post = _post("gaji presidennya nanti disumbangkan, Prabowo memang begitu subhanallah")
    assert any(ev.label.startswith(f"{LABEL}:pilpres-2024/02") for ev in _one_sided(engine, post))
