"""A question that asks takes no side; a rhetorical one still does (question.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from neutrality import Engine
from neutrality.explain import explain_json
from neutrality.featureset import Features
from neutrality.ownside import FEATURE as OWN_SIDE
from neutrality.question import (
    FEATURE,
    NEWSROOM_FEATURE,
    Kind,
    asked,
    open_questions,
    questions,
)
from schemas import Outcome, Post

CAMPAIGN = "2024-01-20T09:00:00+07:00"  # Pilpres 2024 campaign
DEBATE = {"kind": "post", "name": "Debat Capres 2024 (tvOne News, YouTube)"}
MODEL_RULES = frozenset(
    {
        "N02.model-second-opinion",
        "N02.model-second-opinion-reply",
        "N02.model-second-opinion-one-side",
    }
)
_NO_FEATURES = Features()


def _post(text: str, action: str = "post", **kw: Any) -> Post:
    data = {"platform": "x", "post_id": "q1", "account_id": "x:asn.test",
            "action": action, "text": text, "event_time": CAMPAIGN, **kw}  # fmt: skip
    return Post.model_validate(data)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jadi kalian pilih mana, Anies atau Prabowo?", Kind.ALTERNATIVES),
        ("Dari empat nama ini, siapa yang menurut kalian cocok?", Kind.ADDRESSEE),
        ("Kalau putusan itu batal, apakah pencalonannya batal??", Kind.CONDITIONAL),
        ("Bagaimana nasibnya jika dia menang....?", Kind.CONDITIONAL),
        ("Apakah pemilu nanti akan jujur?", Kind.FACT),
        ("Adakah capres yang berani menolak politik uang?", Kind.FACT),  # "is there": asks
        ("Serius itu mbak Yeni ikut ke paslon tiga?", Kind.CONFIRMATION),
        ("Benarkah calon nomor dua mundur?", Kind.CONFIRMATION),
    ],
)
def test_a_genuine_question_is_read_with_what_it_asks(text: str, kind: Kind) -> None:
    found = questions(text)
    assert [q.kind for q in found] == [kind]
    assert text[found[0].start : found[0].end].rstrip(".") == text.rstrip(".?")


@pytest.mark.parametrize(
    "text",
    [
        "Siapa lagi kalau bukan dia?",  # one side as the only answer
        "Presiden kita selain dia siapa?",  # an exception clause
        "Bukankah dia yang terbaik, menurut kalian?",  # a negated question particle
        "Masih ragu pilih mana?",  # a presupposing frame
        "Apakah kalian siap memenangkan nomor dua?",  # readiness asked of an audience
        "Mau pemimpin yang mana? Pilih nomor dua!",  # answered with a vote imperative
        "Siapa yang paling cocok menurut kalian? Dia dong!",  # answered with an exclamation
        "Siap?",  # no interrogative: a tag, not a question
        "Apa yang dicari?",  # an interrogative, but nothing asked of the reader
        "Prabowo presiden kita?",  # no interrogative and nothing asked to be confirmed
        "Serius, siapa lagi kalau bukan dia?",  # a confirmation word cannot undo "siapa lagi"
        "Masa sih benar dia curang?",  # "masa" expects the answer no: a leading frame
    ],
)
def test_a_rhetorical_or_leading_question_is_not_genuine(text: str) -> None:
    assert questions(text) == []


def test_a_confirmation_asked_after_a_conjunction_asks_only_its_clause() -> None:
    text = "Debatnya tadi Anies unggul tapi serius nih jurinya nanti jurdil?"
    found = questions(text)
    assert [q.kind for q in found] == [Kind.CONFIRMATION]
    assert text[found[0].start : found[0].end] == "serius nih jurinya nanti jurdil"


@pytest.mark.parametrize("marks", ["... ?", "…?", " ?!", "?"])
def test_a_question_mark_after_a_trailing_ellipsis_closes_the_question(marks: str) -> None:
    text = f"Kalian bakal pilih siapa{marks} Soalnya dua-duanya bagus"
    found = questions(text)
    assert [q.kind for q in found] == [Kind.ADDRESSEE]
    assert asked(found, text.index("pilih")) == found[0]
    assert asked(found, text.index("Soalnya")) is None


def test_a_question_mark_in_a_link_ends_no_sentence() -> None:
    text = "Lihat https://x.com/a/status/1?s=19 apakah kalian pilih mana, A atau B?"
    found = questions(text)
    assert len(found) == 1
    assert found[0].start == 0  # the link's mark is no sentence break
    assert asked(found, text.index("pilih")) == found[0]
    assert asked(found, len(text)) is None


def test_a_genuine_question_voids_endorsement_and_the_lone_opinion(engine: Engine) -> None:
    post = _post("Menurut anda siapa yang cocok mendampingi Ganjar?")
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.decision.outcome is Outcome.PASS
    assert analysis.features is not None
    found = analysis.features.found
    assert "text.evaluation_cue" not in found  # "cocok" asked about, not said
    assert [ev.label for ev in found[FEATURE]] == [f"question:ask ({Kind.ADDRESSEE.value})"]
    assert OWN_SIDE not in found  # the name is in the question: the author names no side
    # the same words said, not asked, take a side
    said = engine.analyse(_post("Menurut saya Ganjar yang cocok"), None, complete=True)
    assert said.decision.outcome is not Outcome.PASS


def test_a_comment_asking_which_side_is_not_sent_to_review(engine: Engine) -> None:
    post = _post("Jadi kalian pilih mana, Anies atau Prabowo?", action="comment")
    assert engine.decide(post).outcome is Outcome.PASS


@pytest.mark.parametrize(
    "text",
    ["Masih ragu pilih Ganjar-Mahfud?", "Mau pemimpin yang jujur? Pilih Anies!"],
)
def test_a_rhetorical_question_still_takes_a_side(engine: Engine, text: str) -> None:
    decision = engine.decide(_post(text))
    assert decision.outcome is Outcome.FLAG
    assert "N02.campaign-post" in {h.rule_id for h in decision.hits}


def test_words_beside_a_question_still_count(engine: Engine) -> None:
    post = _post("Siapa capres pilihan kalian? Saya dukung Ganjar-Mahfud")
    assert engine.decide(post).outcome is Outcome.FLAG


def test_the_explanation_shows_the_question_read(engine: Engine) -> None:
    post = _post("Kalau putusan MK batal, apakah pencalonan Gibran batal?")
    shown = explain_json(engine.decide(post), engine, post)
    assert shown["outcome"] == "pass"
    assert shown["questions"] == [
        {
            "field": "text",
            "excerpt": "Kalau putusan MK batal, apakah pencalonan Gibran batal",
            "asks": Kind.CONDITIONAL.value,
        }
    ]
    plain = _post("Prabowo meresmikan jembatan di Garut hari ini.")
    assert "questions" not in explain_json(engine.decide(plain), engine, plain)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("Apakah Gibran harus didiskualifikasi?", "Gibran harus didiskualifikasi!"),
        ("Apakah hanya Anies yang bisa memimpin?", "Hanya Anies yang bisa memimpin!"),
    ],
)
def test_a_genuine_question_voids_a_side_singled_out_or_to_be_removed(
    engine: Engine, asked: str, said: str
) -> None:
    """The exclusive focus and the verbs of removal are side-taking words too: asked, they
    take no side."""
    post = _post(asked)
    assert FEATURE in (engine.analyse(post, complete=True).features or _NO_FEATURES).found
    assert engine.decide(post).outcome is Outcome.PASS
    assert engine.decide(_post(said)).outcome is Outcome.FLAG


@pytest.fixture(scope="module")
def certain_engine(engine: Engine) -> Engine:
    """The shipped pack and model with both thresholds near zero: the model is sure of every
    post, so what keeps its rules silent is how the post is read, not where the shipped
    weights happen to score one example."""
    assert engine.model is not None
    model = dataclasses.replace(engine.model, partisan_at=0.01, possible_at=0.01)
    return Engine(engine.pack, engine.catalogue, engine.lexicon, model)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        (
            "Jadi kamu pilih mana, Ganjar atau Prabowo?",
            "Ganjar dan Prabowo datang ke pasar pagi ini.",
        ),
        ("Apakah Ganjar datang ke debat malam ini?", "Ganjar datang ke debat malam ini."),
        ("Serius itu Yenny ikut ke Ganjar?", "Yenny ikut ke Ganjar."),
    ],
)
@pytest.mark.parametrize(
    ("action", "target"), [("post", None), ("comment", None), ("comment", DEBATE)]
)
def test_a_question_that_asks_raises_no_lone_opinion_of_the_model(
    certain_engine: Engine, asked: str, said: str, action: str, target: dict[str, str] | None
) -> None:
    """Not even at the model's partisan level, nor in a reply: the names a genuine question
    asks about are no side, however the n-grams score them. The same names said are left to
    the model."""
    extra = {"target": target} if target else {}
    question = certain_engine.decide(_post(asked, action, **extra))
    assert question.outcome is Outcome.PASS
    assert MODEL_RULES.isdisjoint(h.rule_id for h in question.hits)
    statement = certain_engine.decide(_post(said, action, **extra))
    assert not MODEL_RULES.isdisjoint(h.rule_id for h in statement.hits)


SURVEY_LEAD = (
    "Jelang Pemilu, Elektabilitas Prabowo-Gibran Tembus 50%, Pilpres 2024 Satu Putaran? "
    "JAKARTA - Dua minggu sebelum hari pencoblosan, elektabilitas Prabowo-Gibran tembus di "
    "angka 50%. Hal itu diketahui dari survei yang digelar Selasa kemarin."
)


def test_a_headline_asks_without_an_interrogative() -> None:
    [found] = open_questions(SURVEY_LEAD)
    assert found.kind is Kind.HEADLINE
    assert SURVEY_LEAD[found.start : found.end].endswith("Satu Putaran")
    assert open_questions("Masih ragu? Coblos 02!") == []  # leading, and answered
    assert open_questions("Pilpres 2024 satu putaran? Pasti!") == []  # answered


def test_a_newsrooms_open_question_calls_nobody_to_vote(engine: Engine) -> None:
    """A shared survey lead that asks whether a pair wins in one round passes; the same words
    in a supporter's voice, with no newsroom's words around them, still chant the slogan."""
    shared = _post("", "share", target={"kind": "post", "text": SURVEY_LEAD})
    shown = explain_json(engine.decide(shared), engine, shared)
    assert shown["outcome"] == "pass"
    [asked_here] = [r for r in shown["readings"] if r["feature"] == NEWSROOM_FEATURE]
    assert asked_here["evidence"][0]["excerpt"].endswith("Pilpres 2024 Satu Putaran")
    chant = _post(
        "", "share", target={"kind": "post", "text": "Prabowo-Gibran satu putaran? Pasti!"}
    )
    assert engine.decide(chant).outcome is not Outcome.PASS
