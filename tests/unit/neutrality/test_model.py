"""The learned second opinion: features, training determinism, thresholds, explanation."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netra.bench.engine import generate
from neutrality import Engine, model
from neutrality.catalogue import Participant
from neutrality.model import (
    _TOKEN,
    CANDIDATE_ROLE,
    MAX_CHARS,
    NO_NAMES,
    PARTY_ROLE,
    Model,
    NameMask,
    _fold,
    _tokens,
    _word_grams,
    choose_threshold,
    data_digest,
    ngrams,
    train,
)
from schemas import Action, Platform, Post, Target, TargetKind
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


def test_log_count_ratios_weigh_what_each_side_uses_more() -> None:
    """An n-gram only violations use is positive, one only neutral items use negative, one
    both use alike near zero; the smoothing keeps every ratio finite."""
    np = pytest.importorskip("numpy")
    sparse = pytest.importorskip("scipy.sparse")
    x = sparse.csr_matrix(np.array([[1, 0, 1], [1, 0, 1], [0, 1, 1], [0, 1, 1]], dtype=float))
    y = np.array([1, 1, 0, 0])
    ratios = model.log_count_ratios(x, y, smoothing=1.0)
    assert ratios[0] > 0 > ratios[1]
    assert abs(ratios[2]) < 1e-9
    assert np.isfinite(ratios).all()


def test_training_records_its_settings_and_the_ratios_change_what_is_learnt() -> None:
    """The shipped way of training scales the n-grams by their log-count ratios; the model
    records how it was trained, and the scaled fit learns other weights than the plain one
    while still ranking every partisan training text above every neutral one. (That a saved
    model scores by its weights alone is the formula test below.)"""
    pytest.importorskip("sklearn")
    posts = [_post(t) for t in PARTISAN + NEUTRAL]
    labels = [True] * len(PARTISAN) + [False] * len(NEUTRAL)
    scaled = train(posts, labels, posts, labels, seed=7)
    plain = train(posts, labels, posts, labels, seed=7, smoothing=None)
    assert scaled.meta["log_count_ratio_smoothing"] == model.NB_SMOOTHING
    assert plain.meta["log_count_ratio_smoothing"] is None
    assert scaled.meta["regularisation"] == plain.meta["regularisation"]
    assert scaled.weights != plain.weights
    scores = [scaled.opinion(p).probability for p in posts]
    assert min(scores[: len(PARTISAN)]) > max(scores[len(PARTISAN) :])


def _participant(
    name: str, *aliases: str, weak: tuple[str, ...] = (), party: bool = False
) -> Participant:
    return Participant(
        id=f"r/{name}", name=name, number=1, race_id="r", party=party, aliases=aliases,
        weak_aliases=weak,
    )  # fmt: skip


MASK = NameMask.of([
    _participant("Anies Baswedan", "anies", "abw"),
    _participant("Muzakir Manaf-Fadhlullah", "mualem", "muzakir manaf", "dek fadh", weak=("amin",)),
    _participant("Partai Golkar", "golkar", party=True),
    _participant("RK", "rk"),  # too short to be read as a name alone
])  # fmt: skip


def test_names_are_read_as_their_roles() -> None:
    assert MASK.apply(["pilih", "anies", "baswedan", "aja"]) == ["pilih", CANDIDATE_ROLE, "aja"]
    assert MASK.apply(["pilih", "anies", "aja"]) == ["pilih", CANDIDATE_ROLE, "aja"]
    # a pair written name after name is one role; a party is a party
    assert MASK.apply(["mualem", "dek", "fadh", "dan", "golkar"]) == [
        CANDIDATE_ROLE, "dan", PARTY_ROLE,
    ]  # fmt: skip
    # a name's first word alone, a weak alias and a short name stay words
    assert MASK.apply(["muzakir", "amin", "rk", "dek"]) == ["muzakir", "amin", "rk", "dek"]
    words = ["rapat", "di", "kantor"]
    assert MASK.apply(words) is words  # no name: the list itself, no copy
    assert NO_NAMES.apply(["anies"]) == ["anies"]


_MASK_WORDS = ["pilih", "anies", "baswedan", "mualem", "muzakir", "manaf", "dek", "fadh", "golkar",
               "amin", "rk", "abw", "dan", "aja", CANDIDATE_ROLE]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MASK_WORDS), max_size=12))
def test_apply_reads_names_as_the_word_by_word_reference_does(words: list[str]) -> None:
    """`apply` copies the words between names a run at a time: the same list as the reference
    that reads one word at a time, names next to names and roles written as words included."""
    assert MASK.apply(words) == MASK._apply_word_by_word(words)


def test_a_role_has_one_ngram_and_every_field_is_masked() -> None:
    post = _post("Ayo pilih Mualem").model_copy(
        update={"target": Target(kind=TargetKind.POST, text="Golkar menang")}
    )
    grams = ngrams(post, MASK)
    assert {f"w:{CANDIDATE_ROLE}", f"b:pilih_{CANDIDATE_ROLE}", f"t:{PARTY_ROLE}"} <= set(grams)
    assert not any("muale" in g or "golk" in g for g in grams)
    assert f"w:{CANDIDATE_ROLE}" in ngrams(_post("pilih anies"), MASK)


def test_what_is_learnt_of_one_candidate_carries_to_another(tmp_path: Path) -> None:
    """Trained on names as roles, the model scores a call for a candidate it never saw as it
    scores one for the candidates it did; a model that reads names needs them to load."""
    pytest.importorskip("sklearn")
    seen = ["ayo pilih anies", "dukung anies menang", "anies presiden kita"] * 4
    neutral = ["anies hadir di rapat", "berita anies hari ini", "jadwal kunjungan anies"] * 4
    posts = [_post(t) for t in seen + neutral]
    labels = [True] * len(seen) + [False] * len(neutral)
    fitted = train(posts, labels, posts, labels, seed=7, names=MASK)
    unseen = fitted.opinion(_post("ayo pilih mualem")).probability
    assert unseen == fitted.opinion(_post("ayo pilih anies")).probability
    assert unseen > fitted.opinion(_post("mualem hadir di rapat")).probability
    path = tmp_path / "model.json"
    path.write_text(fitted.to_json(), encoding="utf-8")
    with pytest.raises(ValueError, match="names as roles"):
        Model.load(path)
    assert Model.load(path, MASK).opinion(_post("pilih mualem")) == fitted.opinion(
        _post("pilih mualem")
    )


def test_the_engine_reads_the_catalogues_names_as_roles(engine: Engine) -> None:
    assert engine.model is not None and engine.model.names.by_first
    assert engine.model.names.apply(["pilih", "prabowo"]) == ["pilih", CANDIDATE_ROLE]


def test_the_shipped_model_is_small_and_versioned(engine: Engine) -> None:
    assert engine.model is not None and engine.pack.model_path is not None
    assert engine.pack.model_path.stat().st_size < 20_000_000
    assert engine.model.meta["trained_on"] and "test" not in str(engine.model.meta["trained_on"])
    assert 0 < engine.model.possible_at <= engine.model.partisan_at


def test_the_shipped_model_was_trained_on_the_corpus_as_it_is(engine: Engine) -> None:
    """A labelled item added to, or corrected in, the train or dev part changes what the model
    must learn and where its thresholds sit: the shipped model records a digest of the files it
    was trained and thresholded on, and this fails until `netra model train` is run again."""
    assert engine.model is not None
    meta = engine.model.meta
    root = Path(__file__).resolve().parents[3]
    files = [root / f for f in [*meta["trained_on"], meta["thresholds_on"]]]
    assert meta["data_sha256"] == data_digest(files), (
        "the train or dev corpus changed since the model was trained: run `netra model train`"
    )


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
        assert model.opinion(post).found == frozenset(ngrams(post, model.names)) & model.vocabulary


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


def _reference_tokens(text: str) -> list[str]:
    """The model's words as first defined: folded character by character, found by the regex."""
    if text.isascii():
        return _TOKEN.findall(text.lower())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _TOKEN.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


_PAIRS: dict[int, dict[tuple[str, str], str]] = {}


def _reference_pairs(model: Model) -> dict[tuple[str, str], str]:
    """The weighted word pairs by their two words (made once per model, for the test's speed)."""
    if id(model) not in _PAIRS:
        _PAIRS[id(model)] = {
            (first, second): g
            for g in model.weights
            if g.startswith("b:")
            for first, _, second in [g[2:].partition("_")]
        }
    return _PAIRS[id(model)]


def _reference_opinion(model: Model, post: Post) -> tuple[float, dict[str, float]]:
    """The scoring formula as it stood before its caches: the weighted n-grams in one dict, an
    n-gram kept where it was first seen (the context, the word pairs in text order, then each
    distinct word in the order it first appears, each word's in its own order), the margin the
    sum of the values in that order. Floating-point sums depend on their order, so the scorer
    must keep it exactly. Names are read as roles first, as the model was trained."""
    weights = model.weights
    m = MAX_CHARS
    roles = model.names.apply  # names read as their roles, in every field
    own = roles(
        _reference_tokens(f"{post.text[:m]} {post.transcript[:m]} {' '.join(post.hashtags)[:m]}")
    )
    media = roles(_reference_tokens(post.media_description[:m])) if post.media_description else []
    target = (
        roles(_reference_tokens(f"{(post.target.name or '')[:m]} {post.target.text[:m]}"))
        if post.target is not None
        else []
    )
    context = [f"a:{post.action.value}", *(f"m:{t}" for t in media), *(f"t:{t}" for t in target)]
    found = {g: weights[g] for g in context if g in weights}
    pairs = _reference_pairs(model)
    for pair in itertools.pairwise(own):
        if pair in pairs:
            found[pairs[pair]] = weights[pairs[pair]]
    for word in dict.fromkeys(own):
        for g in _word_grams(word):
            if g in weights:
                found[g] = weights[g]
    margin = model.bias + sum(found.values())
    a, b = model.calibration
    x = a * margin + b
    probability = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
    return probability, found


def _assert_scores_as_the_formula(model: Model, post: Post) -> None:
    probability, found = _reference_opinion(model, post)
    opinion = model.opinion(post)
    assert opinion.probability.hex() == probability.hex(), post
    assert list(opinion.weighted.items()) == list(found.items()), "same n-grams, same order"


def test_scores_are_the_formula_bit_for_bit_on_the_bench_and_model_texts(engine: Engine) -> None:
    """Every cache and shortcut of `Model.opinion` leaves each score bit-identical to the
    formula, on the bench's posts (a few thousand, some with accents) and the model's texts,
    with and without a transcript, hashtags, a media description and a target."""
    model = engine.model
    assert model is not None
    posts = generate(3000, partisan_share=0.3)
    for text in [*PARTISAN, *NEUTRAL]:
        posts.append(_post(text))
        posts.append(
            _post(text).model_copy(
                update={
                    "transcript": "mari kita dukung bersama nomor dua",
                    "hashtags": ["PrabowoGibran2024", "Coblos02"],
                    "media_description": f"Poster: {text}",
                    "target": Target(kind=TargetKind.POST, name="Relawan 02", text=text),
                    "action": Action.SHARE,
                }
            )
        )
    assert any(not p.text.isascii() for p in posts), "the bench has accented posts"
    for post in posts:
        _assert_scores_as_the_formula(model, post)


_WORDS = ["dukung", "Prabowo", "Gibran", "coblos", "nomor", "dua", "periode", "rapat", "dinas"]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(_WORDS) | st.text(alphabet="abcdéèüİ\u0301\u0327ﬁ①019 -#", max_size=12),
        max_size=30,
    ),
    transcript=st.sampled_from(["", "kita dukung dua periode", "Pílkada dámai"]),
    hashtags=st.lists(st.sampled_from(["Coblos02", "AMIN", "pemilu_damai"]), max_size=3),
)
def test_scores_are_the_formula_bit_for_bit_on_any_words(
    engine: Engine, words: list[str], transcript: str, hashtags: list[str]
) -> None:
    model = engine.model
    assert model is not None
    post = _post(" ".join(words)).model_copy(
        update={"transcript": transcript, "hashtags": hashtags}
    )
    _assert_scores_as_the_formula(model, post)


@settings(max_examples=500)
@given(st.text(alphabet="aeiouAÉ\u0301\u0308\u0327\u20dd ﬁ①ÅåİıßŉǅẞΣ-", max_size=40))
def test_folding_deletes_exactly_the_combining_marks(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    expected = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert _fold(text) == (text.lower() if text.isascii() else expected)


_SCORE_SCRIPT = """
from neutrality import Engine
from netra.sample import sample_posts, sample_registry
from schemas import Post
model = Engine.load().model
assert model is not None
lines = sample_posts(sample_registry(50), 600, partisan_share=0.5).posts
posts = [Post.model_validate_json(line) for line in lines]
print(" ".join(model.opinion(p).probability.hex() for p in posts))
"""


def test_scores_do_not_depend_on_the_process_hash_seed() -> None:
    """Two worker processes (each with its own hash seed) must score an event to the same bit:
    a set's order would make a float sum, and so a score at a threshold, differ between them."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _SCORE_SCRIPT], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_every_combining_mark_lies_in_the_planes_the_fold_reads() -> None:
    """The accent fold deletes the combining marks of the first two planes only (a faster
    start): this Python's Unicode database must have none beyond them."""
    beyond = [
        hex(i)
        for i in range(model.COMBINING_PLANES, sys.maxunicode + 1)
        if unicodedata.combining(chr(i))
    ]
    assert not beyond
