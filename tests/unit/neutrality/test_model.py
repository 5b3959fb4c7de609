"""The learned second opinion: features, training determinism, thresholds, explanation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neutrality import Engine
from neutrality.model import _TOKEN, Model, _fold, _tokens, choose_threshold, ngrams, train
from schemas import Action, Platform, Post
from tests.unit.neutrality.model_texts import NEUTRAL, PARTISAN

WHEN = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _post(text: str) -> Post:
    return Post(
        platform=Platform.FACEBOOK, post_id="m", account_id="fb:a", text=text,
        action=Action.POST, event_time=WHEN,
    )  # fmt: skip


def _fit(seed: int = 7) -> Model:
    posts = [_post(t) for t in PARTISAN + NEUTRAL]
    labels = [True] * len(PARTISAN) + [False] * len(NEUTRAL)
    return train(posts, labels, posts, labels, seed=seed)


def test_ngrams_cover_words_pairs_characters_and_target() -> None:
    feats = ngrams(_post("Dukung Dua Periode"))
    assert {"w:dukung", "b:dua_periode", "c:<duk", "a:post"} <= set(feats)


def test_choose_threshold_is_the_highest_recall_at_the_precision() -> None:
    scores = [0.9, 0.8, 0.7, 0.6, 0.5]
    labels = [True, True, False, True, False]
    assert choose_threshold(scores, labels, 0.95) == 0.8
    assert choose_threshold(scores, labels, 0.7) == 0.6
    assert choose_threshold([0.5], [False], 0.95) > 1.0  # never fires


def test_training_is_deterministic_and_separates(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    first, second = _fit(), _fit()
    assert first.to_json() == second.to_json()
    partisan = first.opinion(_post("ayo dukung lanjutkan dua periode"))
    neutral = first.opinion(_post("rapat koordinasi di kantor dinas"))
    assert partisan.probability > neutral.probability
    assert any(d.startswith(("w:", "b:", "c:")) for d in partisan.drivers)
    path = tmp_path / "model.json"
    path.write_text(first.to_json(), encoding="utf-8")
    assert Model.load(path).opinion(_post("dukung dua periode")) == first.opinion(
        _post("dukung dua periode")
    )


def test_the_shipped_model_is_small_and_versioned(engine: Engine) -> None:
    assert engine.model is not None and engine.pack.model_path is not None
    assert engine.pack.model_path.stat().st_size < 20_000_000
    assert engine.model.meta["trained_on"] and "test" not in str(engine.model.meta["trained_on"])
    assert 0 < engine.model.possible_at <= engine.model.partisan_at


def test_decisions_carry_the_model_score_and_its_ngrams(engine: Engine) -> None:
    post = Post(
        platform=Platform.TIKTOK, post_id="t", account_id="tt:a", action=Action.POST,
        event_time=WHEN,
        transcript="bapak ibu guru sekalian mari kita dukung bersama calon bupati kita nomor dua",
    )  # fmt: skip
    decision = engine.decide(post)
    assert decision.model_score is not None
    model_hits = [h for h in decision.hits if h.rule_id == "N02.model-second-opinion"]
    if model_hits:
        assert model_hits[0].evidence[0].feature.startswith("model:")


def test_opinion_reads_the_same_ngrams_as_training(engine: Engine) -> None:
    """The scorer's shortcuts (known n-grams per word, word pairs looked up as pairs) find
    exactly the weighted n-grams of `ngrams`."""
    model = engine.model
    assert model is not None
    texts = [*PARTISAN, *NEUTRAL, "Ayo coblos Prabowo-Gibran, satu putaran! #PrabowoGibran2024"]
    for text in texts:
        post = _post(text)
        assert model.opinion(post).found == frozenset(ngrams(post)) & model.vocabulary


@settings(max_examples=500)
@given(st.text(alphabet="abcXYZ019 _-#@!.,\t\n\x00\x7féüİ✌", max_size=40))
def test_words_split_by_string_calls_are_the_regex_tokens(text: str) -> None:
    """ASCII text is split with a byte table, other text by the regex: the same words."""
    assert _tokens(text) == _TOKEN.findall(_fold(text))


def test_known_grams_are_the_words_weighted_ngrams_and_memory_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import neutrality.model as model_module

    model = Model(
        weights={"w:dukung": 1.5, "c:<duk": 0.5, "w:periode": -0.25},
        bias=0.0,
        calibration=(1.0, 0.0),
        partisan_at=0.9,
        possible_at=0.5,
        meta={},
    )
    monkeypatch.setattr(model_module, "KNOWN_WORDS", 2)
    assert dict(model.known_grams("dukung")) == {"w:dukung": 1.5, "c:<duk": 0.5}
    assert dict(model.known_grams("rapat")) == {}
    assert dict(model.known_grams("periode")) == {"w:periode": -0.25}
    assert len(model._known_grams) <= 2, "the words remembered stay within KNOWN_WORDS"
    # a word forgotten is looked up again, with the same result
    assert dict(model.known_grams("dukung")) == {"w:dukung": 1.5, "c:<duk": 0.5}
