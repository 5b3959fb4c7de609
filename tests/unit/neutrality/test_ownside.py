"""Whose words name the side the learned model's lone opinion is about (ownside.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from neutrality import Engine
from neutrality.featureset import Ev, Features
from neutrality.normalise import NormText
from neutrality.ownside import (
    ACT_LABEL,
    FEATURE,
    GENERIC_FEATURE,
    GENERIC_LABEL,
    OWN_LABEL,
    PAST_FEATURE,
    PAST_LABEL,
    REPLY_FEATURE,
    REPLY_LABEL,
    possible,
    read_own_side,
    read_reply_side,
)
from neutrality.readings import NEUTRAL_READINGS, neutral_readings
from schemas import Outcome, Post

CAMPAIGN = "2024-01-08T09:00:00+07:00"  # Pilpres 2024 campaign
DEBATE = {"kind": "post", "name": "Debat Perdana Cawapres 2024 (iNews, YouTube)"}
PARTY_VIDEO = {"kind": "post", "name": "video TikTok akun Gerindra tentang program makan bergizi"}
CALEG_POST = {
    "kind": "post",
    "account": "fb:caleg.hendra",
    "name": "Hendra Caleg DPRD Dapil 3",
    "text": "Mohon doa dan dukungannya",
}
MODEL_RULES = {"N02.model-second-opinion", "N04.engage-candidacy"}


@pytest.fixture(scope="module")
def eager_engine(engine: Engine) -> Engine:
    """The shipped pack and model with the model's lower threshold near zero: the model has an
    opinion on every post, so what keeps a rule silent here is whose words name the side, not
    where the shipped weights happen to score one example."""
    assert engine.model is not None
    model = dataclasses.replace(engine.model, possible_at=0.01)
    return Engine(engine.pack, engine.catalogue, engine.lexicon, model)


def _post(text: str, action: str = "post", **kw: Any) -> Post:
    data = {"platform": "facebook", "post_id": "p1", "account_id": "fb:asn.test",
            "action": action, "text": text, "event_time": CAMPAIGN, **kw}  # fmt: skip
    return Post.model_validate(data)


def _side(engine: Engine, post: Post) -> list[Ev]:
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    return analysis.features.found.get(FEATURE, [])


def _no_normaliser(text: str, track: bool) -> NormText:
    raise AssertionError("a field without quotation marks needs no offsets")


def test_a_comment_naming_the_side_in_its_own_words_has_it(engine: Engine) -> None:
    evs = _side(engine, _post("Prabowo- Gibran semakin terdepan", "comment", target=DEBATE))
    assert evs
    assert {ev.field for ev in evs} == {"text"}  # the debate's name is not the author's
    assert all(ev.label.startswith(f"{OWN_LABEL}: ") for ev in evs)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("min cara ngatasin lag di game gimana ya", PARTY_VIDEO),  # a question off the topic
        ("Kalo ada yg berani hukum mati koruptor baru dah", DEBATE),  # nobody named
        ("pak kapan jalan desa kami diperbaiki", CALEG_POST),  # a request, nobody named
    ],
)
def test_a_comment_whose_words_name_nobody_does_not_take_the_posts_side(
    eager_engine: Engine, text: str, target: dict[str, str]
) -> None:
    engine = eager_engine
    post = _post(text, "comment", target=target)
    assert _side(engine, post) == []
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    assert "model.possible" in analysis.features.found  # the model alone would have raised it
    decision = engine.decide(post)
    assert MODEL_RULES.isdisjoint(h.rule_id for h in decision.hits)
    assert decision.outcome is Outcome.PASS


def test_a_comment_with_no_words_is_its_act_on_the_content(eager_engine: Engine) -> None:
    engine = eager_engine
    post = _post("", "comment", target=CALEG_POST)
    evs = _side(engine, post)
    assert evs and all(ev.label.startswith(f"{ACT_LABEL}: ") for ev in evs)
    assert {ev.field for ev in evs} <= {"target.name", "target.text"}
    decision = engine.decide(post)
    assert decision.outcome is Outcome.REVIEW
    hit = next(h for h in decision.hits if h.rule_id == "N02.model-second-opinion")
    shown = [ev.feature for ev in hit.evidence]
    assert any(f.startswith("model:") for f in shown)  # the model's score and n-grams
    assert any(f.startswith(f"{ACT_LABEL}: ") for f in shown)  # and the side it rests on


def test_a_share_with_words_still_passes_the_content_on() -> None:
    """Only a comment answers the content: a share (or like, follow) takes it up, words or not."""
    cue = Ev("target.name", 0, 5, "candidate_word (candidate_word)")
    for action, kept in (("share", True), ("comment", False)):
        feats = Features(found={"target.candidate_word": [cue]})
        read_own_side(_post("mantap", action), feats, [], _no_normaliser)
        assert (FEATURE in feats.found) is kept, action


def test_a_side_inside_quotation_marks_is_not_the_authors(engine: Engine) -> None:
    quoted = _post('Saya baru saja menandatangani petisi "Prabowo Subianto: hentikan penangkapan"')
    assert _side(engine, quoted) == []
    assert "N02.model-second-opinion" not in {h.rule_id for h in engine.decide(quoted).hits}
    plain = _post("Saya baru saja menandatangani petisi untuk Prabowo Subianto")
    assert {ev.field for ev in _side(engine, plain)} == {"text"}


def test_the_explanation_names_the_authors_words(engine: Engine) -> None:
    decision = engine.decide(_post("Prabowo- Gibran semakin terdepan", "comment", target=DEBATE))
    hit = next(h for h in decision.hits if h.rule_id == "N02.model-second-opinion")
    own = [ev for ev in hit.evidence if ev.feature.startswith(f"{OWN_LABEL}: ")]
    assert own and all(ev.field == "text" for ev in own)
    assert any(ev.feature.startswith("model:") for ev in hit.evidence)


def test_possible_reads_the_cues_it_may_keep() -> None:
    assert possible({"text.participant"})
    assert possible({"target.candidate_word"})
    assert possible({"register.endorse"})
    assert not possible({"text.political_context", "model.possible"})


def test_a_directive_names_a_side_only_in_a_recording() -> None:
    """A superior's words to staff with no campaign word are a recording's; typed, "harus" is
    a modal verb."""
    cue = Ev("text", 0, 5, "directive_cue (directive_cue)")
    typed = Features(found={"text.directive_cue": [cue]})
    read_own_side(_post("harus menerima hasil ini dengan lapang dada"), typed, [], _no_normaliser)
    assert FEATURE not in typed.found
    spoken = Features(found={"text.directive_cue": [Ev("transcript", 0, 5, cue.label)]})
    recording = _post("", transcript="Semua ketua RT saya minta satu komando, loyal ke pimpinan")
    read_own_side(recording, spoken, [], _no_normaliser)
    assert [ev.field for ev in spoken.found[FEATURE]] == ["transcript"]


TV_DEBATE = {"kind": "post", "name": "Debat Capres 2024 (tvOne News, YouTube)"}
ONE_SIDE_RULE = "N02.model-second-opinion-one-side"


def _found(engine: Engine, post: Post) -> dict[str, list[Ev]]:
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    return analysis.features.found


def test_a_reply_singling_out_one_candidate_under_a_broadcast_goes_to_review(
    engine: Engine,
) -> None:
    """The broadcast's neutral register is the video's: it silences the model's lone opinion
    on the commenter's words only where they single out nobody."""
    post = _post("Tetep Ganjar Pranowo dong", "comment", target=TV_DEBATE)
    found = _found(engine, post)
    assert "target.register.neutral" in found
    assert {ev.label for ev in found[REPLY_FEATURE]} == {
        f"{REPLY_LABEL}: participant:pilpres-2024/03"
    }
    decision = engine.decide(post)
    assert decision.outcome is Outcome.REVIEW
    hit = next(h for h in decision.hits if h.rule_id == ONE_SIDE_RULE)
    shown = [ev.feature for ev in hit.evidence]
    assert any(f.startswith("model:") for f in shown)  # the model's score and n-grams
    assert any(f.startswith(f"{REPLY_LABEL}: ") for f in shown)  # and whom it singles out
    assert "N02.model-second-opinion" not in {h.rule_id for h in decision.hits}


@pytest.mark.parametrize(
    "text",
    [
        "Kok paslon 2, 3 seperti selalu melihat kebawah saat memberi pertanyaan ya",  # listed
        "Pak Mahfud bagus, Gibran juga bagus",  # two rivals weighed
        "semua calon mantap pilihanku tetap di hati g perlu saya sebutkan",  # a candidate word
        "suaranya mirip bgt Pak Jokowi",  # a past election's figure, not a participant now
        "Siapapun yg jdi persiden yg pnting masarakat kcil sejahtera amin",  # a prayer's amen
    ],
)
def test_a_reply_that_singles_out_nobody_stays_silenced_by_the_broadcast(
    engine: Engine, text: str
) -> None:
    post = _post(text, "comment", target=TV_DEBATE)
    assert REPLY_FEATURE not in _found(engine, post)
    assert ONE_SIDE_RULE not in {h.rule_id for h in engine.decide(post).hits}


def test_only_a_comment_with_words_of_its_own_is_a_reply() -> None:
    """A post, a share or a comment with no words has no reply of its own to single anyone
    out; the act's rules read it."""
    ev = Ev("text", 0, 6, "participant:pilpres-2024/03")
    for action, text, kept in (
        ("comment", "Ganjar", True),
        ("post", "Ganjar", False),
        ("share", "Ganjar", False),
        ("comment", "", False),
    ):
        feats = Features(found={"text.participant": [ev], FEATURE: [ev]})
        read_reply_side(_post(text, action), feats, lambda pid: True)
        assert (REPLY_FEATURE in feats.found) is kept, (action, text)


def test_a_reply_names_one_side_only_in_its_own_words() -> None:
    """Read on what side.own kept: a name inside quotation marks or a question is not there."""
    named = Ev("text", 0, 6, "participant:pilpres-2024/03")
    feats = Features(found={"text.participant": [named], FEATURE: []})
    read_reply_side(_post("Ganjar", "comment"), feats, lambda pid: True)
    assert REPLY_FEATURE not in feats.found
    out_of_season = Features(found={"text.participant": [named], FEATURE: [named]})
    read_reply_side(_post("Ganjar", "comment"), out_of_season, lambda pid: False)
    assert REPLY_FEATURE not in out_of_season.found


def test_an_account_tagged_in_the_address_block_is_whom_the_post_addresses(
    engine: Engine,
) -> None:
    """A handle a post closes or opens with addresses the account; one inside the sentence is
    a name the author uses."""
    joke = _post("Paguyuban Suami Gaji Pas-pasan mengucapkan terima kasih istriku @jokowi")
    assert not any("jokowi" in ev.label or ev.excerpt == "jokowi" for ev in _side(engine, joke))
    assert FEATURE not in _found(engine, joke)
    inline = _post(
        "beliau berharap @jokowi bisa meningkatkan kesejahteraan petani karet",
        event_time="2019-03-15T09:00:00+07:00",  # his own race in season
    )
    assert [ev.label for ev in _side(engine, inline)] == [
        f"{OWN_LABEL}: tagged account:pilpres-2019/01"
    ]


def test_a_superiors_instruction_named_as_a_noun_is_a_directive(engine: Engine) -> None:
    """ "Itu arahannya kita" names the instruction ("arahan", as "perintah" is the noun of an
    order): in a recording it is the superior's side taken, as "saya minta" is."""
    post = _post(
        "",
        transcript="Itu arahan kita dari atas. Kau pilih DPR RI yang mana?",
        media_description="rekaman suara lurah dengan ketua RT",
    )
    evs = _side(engine, post)
    assert any(ev.field == "transcript" and "directive_cue" in ev.label for ev in evs)
    post = _post(
        "",
        transcript="Yang disampaikan pak camat itu ultimatum dari atas",
        media_description="rekaman rapat sekcam dengan tenaga honorer",
    )
    assert any("directive_cue" in ev.label for ev in _side(engine, post))


def _past_cue(field: str = "text") -> Ev:
    return Ev(field, 0, 6, "participant:pilpres-2019/01")


def test_a_candidate_of_an_election_over_is_no_side_of_a_race_being_run() -> None:
    feats = Features(found={"text.participant": [_past_cue()]})
    read_own_side(_post("Kekayaan Jokowi naik"), feats, [], _no_normaliser, lambda pid: True)
    assert FEATURE not in feats.found
    past = feats.found[PAST_FEATURE]
    assert [ev.label for ev in past] == [f"{PAST_LABEL}: participant:pilpres-2019/01"]


def test_a_candidate_of_a_race_not_over_or_of_an_unknown_one_is_the_authors_side() -> None:
    for election_over in (lambda pid: False, None):
        feats = Features(found={"text.participant": [_past_cue()]})
        read_own_side(_post("Kekayaan Jokowi naik"), feats, [], _no_normaliser, election_over)
        assert FEATURE in feats.found and PAST_FEATURE not in feats.found


@pytest.mark.parametrize(
    "other",
    [
        {"text.political_context": [Ev("text", 20, 26, "list:political_context")]},  # "pilgub"
        {"text.electoral_stake": [Ev("text", 20, 32, "list:electoral_stake")]},  # "kalah di"
        {"register.endorse": [Ev("text", 20, 26, "register:endorse (support)")]},  # another cue
    ],
)
def test_a_past_participant_counts_beside_talk_of_an_election_or_another_own_cue(
    other: dict[str, list[Ev]],
) -> None:
    """A past election's figure may be put forward for the next one ("R1 2029, boleh kalah di
    pilgub"); beside another cue of the author's own it is shown with it."""
    feats = Features(found={"text.participant": [_past_cue()], **other})
    read_own_side(_post("Jokowi R1 lagi, pilgub"), feats, [], _no_normaliser, lambda pid: True)
    assert PAST_FEATURE not in feats.found
    assert any(
        ev.label == f"{OWN_LABEL}: participant:pilpres-2019/01" for ev in feats.found[FEATURE]
    )


def test_a_figure_of_a_past_election_alone_leaves_the_models_opinion_unraised(
    eager_engine: Engine,
) -> None:
    """The 2019 race's participant in a 2023 post about his wealth: no side of a race being
    run, and with no election spoken of the President is an office-holder, so no rule that
    reads the model's lone opinion is asked (features.py, `exception.office_holder`)."""
    engine = eager_engine
    post = _post(
        "Harta pak Jokowi bertambah terus tiap tahun", event_time="2023-06-01T09:00:00+07:00"
    )
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    found = analysis.features.found
    assert FEATURE not in found
    assert PAST_FEATURE in found
    assert "exception.office_holder" in found
    assert MODEL_RULES.isdisjoint(h.rule_id for h in engine.decide(post).hits)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Kinerja PDIP di DPR makin terasa tiap tahun", "2025-06-01T09:00:00+07:00"),  # a party
        ("Ganjar Pranowo blusukan lagi ke pasar tiap pagi", "2018-03-01T09:00:00+07:00"),  # later
    ],
)
def test_a_party_or_a_name_of_a_later_race_is_never_past(
    engine: Engine, text: str, day: str
) -> None:
    """A party stands in every election; a name the catalogue ties to a later race may be a
    candidate in an earlier one it does not hold: neither is a past election's candidate."""
    analysis = engine.analyse(_post(text, event_time=day), None, complete=True)
    assert analysis.features is not None
    assert PAST_FEATURE not in analysis.features.found
    assert FEATURE in analysis.features.found


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Format debat capres tahun ini membosankan sekali", "election event"),
        ("Moderator debat cawapres atau capres kurang tegas", "election event"),
        ("Visi misi capres harus dibaca semua warga", "election event"),
        ("Ketiga capres wajib hadir di acara kampus kami", "quantified"),
        ("Harusnya undang 3 capres ini ke studio kita", "quantified"),
        ("Bagus, lebih dari 3 pasang capres-cawapres", "quantified"),  # count, classifier
        ("Cukup dua orang cawapres saja yang debat malam ini", "quantified"),
        ("Semoga kedua paslon dan cawapres menjaga kedamaian", "quantified"),
        ("Para capres tampil lebih santai malam ini", "quantified"),
        ("Lebih banyak capres lebih baik untuk demokrasi", "quantified"),  # a number left open
        ("Siapa pun capres yang kalian suka, tetap rukun", "free-choice"),
        ("Siapa pun dukungan kalian, tetap rukun ya", "free-choice"),
    ],
)
def test_a_candidate_word_for_an_event_for_all_or_for_any_names_no_side(
    engine: Engine, text: str, why: str
) -> None:
    found = _found(engine, _post(text, "comment", target=TV_DEBATE))
    assert FEATURE not in found
    generic = found[GENERIC_FEATURE]
    assert all(ev.label.startswith(f"{GENERIC_LABEL} (") for ev in generic)
    labels = " ".join(ev.label for ev in generic)
    word = {"election event": "election event", "quantified": "quantified over all"}
    assert word.get(why, why) in labels


@pytest.mark.parametrize(
    "text",
    [
        "Saya pilih paslon nomor 2 saja",  # a ballot number
        "Capres pilihanku paling jujur",  # the author's own choice
        "Capres yang satu itu paling jujur",  # a demonstrative on one of them
        "Debat capres 02 tadi paling bagus",  # the event's modifier numbered
        "Capres 02 harus menang, semua tetangga setuju",  # a quantifier in another clause
    ],
)
def test_a_candidate_word_pointing_to_one_side_still_names_it(engine: Engine, text: str) -> None:
    found = _found(engine, _post(text, "comment", target=TV_DEBATE))
    assert FEATURE in found
    assert GENERIC_FEATURE not in found


def test_a_generic_candidate_word_is_shown_as_no_side_named(engine: Engine) -> None:
    post = _post("Debat capres makin seru tahun ini", "comment", target=TV_DEBATE)
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    shown = dict(neutral_readings(analysis.features))
    assert GENERIC_FEATURE in shown
    assert GENERIC_FEATURE in NEUTRAL_READINGS


@pytest.mark.parametrize(
    ("text", "singled_out"),
    [
        ("AYOLAH RAKYAT INDONESIA.... AMIN AJA", True),  # the pair, as the extractor reads it
        ("Semoga debatnya lancar dan rakyat makin cerdas, amin", False),  # a prayer's amen
    ],
)
def test_a_reply_singles_out_the_pair_amin_as_the_extractor_reads_it(
    engine: Engine, text: str, singled_out: bool
) -> None:
    found = _found(engine, _post(text, "comment", target=TV_DEBATE))
    assert (REPLY_FEATURE in found) is singled_out
