"""One side judged across a post (discourse.py): leader predication and sustained evaluation."""

from __future__ import annotations

from typing import Any

from neutrality import Engine
from neutrality.discourse import FEATURE, LABEL, possible
from neutrality.featureset import Ev
from schemas import Outcome, Post

CAMPAIGN = "2024-01-10T09:00:00+07:00"  # Pilpres 2024 campaign
AFTER = "2024-07-15T09:00:00+07:00"  # the vote is over
RULE = "N02.judges-one-side-at-length"


def _post(text: str, when: str = CAMPAIGN, **kw: Any) -> Post:
    data = {"platform": "x", "post_id": "p1", "account_id": "x:asn.test",
            "action": "post", "text": text, "event_time": when, **kw}  # fmt: skip
    return Post.model_validate(data)


def _sustained(engine: Engine, post: Post) -> list[Ev]:
    analysis = engine.analyse(post, None, complete=True)
    assert analysis.features is not None
    return analysis.features.found.get(FEATURE, [])


def _rules(engine: Engine, post: Post) -> list[str]:
    return [h.rule_id for h in engine.decide(post).hits]


def test_it_needs_a_participant_named_in_the_text() -> None:
    assert possible({"text.participant"})
    assert not possible({"text.evaluation_cue"})


def test_a_leader_noun_predicated_of_a_name_is_read_with_its_modifier(engine: Engine) -> None:
    text = "Anies sosok pemimpin yang sabar dan tekun. Beliau bekerja untuk warga. https://t.co/ab"
    labels = [ev.label for ev in _sustained(engine, _post(text))]
    assert f"{LABEL}:pilpres-2024/01 (leader predicated: sosok pemimpin)" in labels
    assert "participant:pilpres-2024/01" in labels


def test_leader_predication_beats_the_shape_of_news_prose_and_goes_to_review(
    engine: Engine,
) -> None:
    text = "Prabowo adalah seorang negarawan sejati. Selama menjabat beliau bekerja keras. https://t.co/x"
    decision = engine.decide(_post(text))
    hit = next(h for h in decision.hits if h.rule_id == RULE)
    assert hit.review_only
    assert any("negarawan" in e.excerpt for e in hit.evidence)
    assert decision.outcome is not Outcome.PASS


def test_a_title_cased_slogan_of_leadership_is_a_predicate(engine: Engine) -> None:
    labels = [ev.label for ev in _sustained(engine, _post("Pak Ganjar Pemimpin Harapan Bangsa."))]
    assert any("leader predicated: Pemimpin Harapan" in label for label in labels)


def test_whose_leader_someone_is_is_a_fact_not_praise(engine: Engine) -> None:
    assert not _sustained(engine, _post("Prabowo pemimpin Gerindra hadir di Bandung hari ini."))


def test_a_noun_closing_its_clause_or_after_a_comma_is_no_predicate(engine: Engine) -> None:
    assert not _sustained(engine, _post("Anies, sosok yang dikenal publik, tiba di Medan."))
    assert not _sustained(engine, _post("Yang dibahas Ganjar hari ini soal pemimpin."))


def test_rivals_judged_alike_are_no_one_side(engine: Engine) -> None:
    text = "Ganjar pemimpin yang tegas, Anies pemimpin yang cerdas, Prabowo pemimpin yang berani."
    assert not _sustained(engine, _post(text))


def test_a_question_and_a_speaker_are_not_the_authors_verdict(engine: Engine) -> None:
    assert not _sustained(engine, _post("Apakah Ganjar sosok pemimpin yang tepat untuk kita?"))
    assert not _sustained(engine, _post("Anies menegaskan pemimpin yang baik harus jujur."))


def test_a_dateline_keeps_the_post_a_report(engine: Engine) -> None:
    text = "JAKARTA, Kompas.com - Prabowo sosok pemimpin yang dikenal tegas. Ia ke pasar hari ini."
    assert RULE not in _rules(engine, _post(text))


def test_the_rule_holds_only_until_the_vote(engine: Engine) -> None:
    text = "Prabowo sosok pemimpin yang tegas. Beliau bekerja keras untuk rakyat."
    assert RULE in _rules(engine, _post(text))
    assert RULE not in _rules(engine, _post(text, AFTER))


def test_evaluation_in_several_sentences_referring_back_is_sustained(engine: Engine) -> None:
    text = "Prabowo itu sombong sekali. Beliau juga ceroboh kalau bicara. Ini pendapat saya."
    labels = [ev.label for ev in _sustained(engine, _post(text))]
    assert any(
        label.startswith(f"{LABEL}:pilpres-2024/02 (judged in 2 sentences") for label in labels
    )


def test_one_evaluative_sentence_is_not_a_sustained_verdict(engine: Engine) -> None:
    text = "Prabowo itu sombong sekali. Kemarin hujan turun di Bogor. Saya pulang cepat."
    assert not _sustained(engine, _post(text))


def test_a_second_sentence_about_someone_else_does_not_count(engine: Engine) -> None:
    text = "Prabowo itu sombong sekali. Tetangga saya ceroboh menyetir mobil."
    assert not _sustained(engine, _post(text))


def test_the_items_of_a_numbered_list_are_said_of_the_side_that_heads_it(engine: Engine) -> None:
    text = (
        "Daftar tim Anies yang korup 1. Budi - koruptor bansos 2. Joko - pembohong. https://t.co/a"
    )
    labels = [ev.label for ev in _sustained(engine, _post(text))]
    assert any(label.startswith(f"{LABEL}:pilpres-2024/01 (judged in") for label in labels)
    plain = "Tim Anies hadir korup di sini. Budi itu koruptor bansos. Joko juga pembohong."
    assert not _sustained(engine, _post(plain))  # sentences that do not refer back


def test_a_plain_person_noun_is_a_predicate_after_a_copula_before_a_relative_clause(
    engine: Engine,
) -> None:
    text = "Anies adalah orang yang punya rekam jejak panjang. Beliau bekerja untuk warga."
    labels = [ev.label for ev in _sustained(engine, _post(text))]
    assert any("leader predicated: orang yang" in label for label in labels)
    assert not _sustained(engine, _post("Anies adalah orang Jakarta. Dia tinggal di sana."))
    assert not _sustained(engine, _post("Anies bertemu orang yang antre di pasar."))
