"""The explanation is one typed record: it survives JSON, says why a post passed (the neutral
readings) and is what the rich panel shows."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console

from neutrality import Engine
from neutrality.explain import explain, explain_json, explain_rich
from neutrality.explanation import Explanation
from neutrality.readings import MODEL_ALONE, NEUTRAL_READINGS
from schemas import Outcome, Post

CAMPAIGN = "2024-01-20T09:00:00+07:00"  # Pilpres 2024 campaign


def _post(text: str, **kw: Any) -> Post:
    data = {"platform": "x", "post_id": "e1", "account_id": "x:asn.test", "action": "post",
            "text": text, "event_time": CAMPAIGN, **kw}  # fmt: skip
    return Post.model_validate(data)


def _readings(engine: Engine, post: Post) -> tuple[Outcome, dict[str, list[tuple[str, str]]]]:
    shown = explain(engine.decide(post), engine, post)
    return shown.outcome, {
        r.feature: [(ev.excerpt, ev.feature) for ev in r.evidence] for r in shown.readings
    }


def _rendered(engine: Engine, post: Post) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(explain_rich(engine.decide(post), engine, post))
    return console.export_text()


def _has_section(rendered: str) -> bool:
    """Whether the panel has its "read as neutral" section."""
    return any(line.strip(" │") == "read as neutral" for line in rendered.splitlines())


def test_the_record_round_trips_through_json(engine: Engine) -> None:
    post = _post(
        "Ayo coblos 02!",
        target={"kind": "post", "account": "x:tim02", "text": "Jadi kalian pilih mana, Anies?"},
        action="share",
    )
    shown = explain(engine.decide(post), engine, post)
    assert shown.hits and re.fullmatch(r".+\.yaml:\d+", shown.hits[0].rule_file)
    data = explain_json(engine.decide(post), engine, post)
    assert Explanation.model_validate(data) == shown
    assert data["target"] == {"kind": "post", "account": "x:tim02",
                              "text": "Jadi kalian pilih mana, Anies?"}  # fmt: skip
    assert data["outcome"] == shown.outcome.value == "flag"
    assert all(h["description"] and h["rule_file"] for h in data["hits"])


def test_a_headline_passed_on_is_read_as_news(engine: Engine) -> None:
    post = _post("Projo Jabar deklarasi dukung Ganjar Pranowo, dikutip dari detik.com")
    outcome, readings = _readings(engine, post)
    assert outcome is Outcome.PASS
    assert ("Projo Jabar", "register:report (support of the subject named)") in readings[
        "register.report"
    ]
    assert readings["exception.news"] == readings["register.report"]
    text = _rendered(engine, post)
    assert _has_section(text)
    assert (
        "news passed on, news (the exception for reporting): 'dikutip dari' "
        "(register:report (news_style)); 'Projo Jabar' (register:report (support of the subject "
        "named))" in text
    )


def test_a_genuine_question_is_read_as_asking(engine: Engine) -> None:
    post = _post("Jadi kalian pilih mana, Anies atau Prabowo?")
    outcome, readings = _readings(engine, post)
    assert outcome is Outcome.PASS
    assert readings["question.asked"] == [
        ("Jadi kalian pilih mana, Anies atau Prabowo", "question:ask (alternatives offered)")
    ]
    # a question that asks takes no side: no rule may read the model's opinion of it, so the
    # model is not asked and the explanation shows no lone opinion (N02.model-second-opinion*)
    assert MODEL_ALONE not in readings
    assert engine.decide(post).model_score is None
    text = _rendered(engine, post)
    assert f"{NEUTRAL_READINGS['question.asked']}: 'Jadi kalian pilih mana" in text
    assert text.count("Jadi kalian pilih mana") == 2  # the reading and the original text, once each


def test_a_candidate_of_an_election_over_is_read_as_no_side(engine: Engine) -> None:
    """The 2019 race's participant in a 2023 post: shown as no side of a race being run and,
    with no election spoken of, as an office-holder; no rule reads the model's opinion of it."""
    post = _post("Harta pak Jokowi bertambah terus tiap tahun", event_time="2023-06-01T09:00:00Z")
    outcome, readings = _readings(engine, post)
    assert outcome is Outcome.PASS
    assert [label for _, label in readings["side.past"]] == [
        "a candidate of an election already over: participant:pilpres-2019/01"
    ]
    assert [label for _, label in readings["exception.office_holder"]] == [
        "a candidate of an election already over, and no race being run spoken of:pilpres-2019/01"
    ]
    assert not engine.decide(post).hits
    rendered = _rendered(engine, post)
    assert f"{NEUTRAL_READINGS['side.past']}: 'Jokowi'" in rendered
    assert f"{NEUTRAL_READINGS['exception.office_holder']}: 'Jokowi'" in rendered


def test_a_neutrality_warning_is_read_as_one(engine: Engine) -> None:
    post = _post("ASN dilarang mendukung paslon, jaga netralitas!")
    outcome, readings = _readings(engine, post)
    assert outcome is Outcome.PASS
    assert ("dilarang", "register:warn (warn_cue)") in readings["register.warn"]
    assert ("mendukung", "register:warn (negated endorsement)") in readings["register.warn"]
    assert "a warning, no side: 'dilarang'" in _rendered(engine, post)


def test_a_flag_lists_its_hits_and_no_neutral_reading_it_lacks(engine: Engine) -> None:
    post = _post("Ayo coblos 02!")
    shown = explain(engine.decide(post), engine, post)
    assert shown.outcome is Outcome.FLAG
    assert not any(r.feature.startswith(("register.", "exception.")) for r in shown.readings)
    text = _rendered(engine, post)
    assert "N02.campaign-post" in text
    assert not _has_section(text)


def test_without_the_post_there_is_nothing_to_read(engine: Engine) -> None:
    post = _post("Projo Jabar deklarasi dukung Ganjar Pranowo, dikutip dari detik.com")
    data = explain_json(engine.decide(post), engine)
    assert data["readings"] == []
    assert "target" not in data and "questions" not in data
