"""A sanction made to hang on disloyalty is a threat, not a neutrality warning
(neutrality/coercion.py): the pure reader and the engine's reading of the two registers."""

from __future__ import annotations

from collections.abc import Callable

from neutrality import Engine
from neutrality.coercion import defection_threats
from neutrality.featureset import Ev
from schemas import Post


def _ev(text: str, term: str) -> Ev:
    start = text.index(term)
    return Ev("text", start, start + len(term), "list")


def test_disloyalty_followed_by_a_sanction_is_a_threat_span() -> None:
    text = "jika loyalitas rendah selaku pimpinan akan memberikan sanksi"
    (span,) = defection_threats(
        {"text": text}, [_ev(text, "loyalitas rendah")], [_ev(text, "memberikan sanksi")]
    )
    assert text[span.start : span.end] == "loyalitas rendah selaku pimpinan akan memberikan sanksi"


def test_a_sanction_before_the_condition_far_away_or_negated_is_no_threat() -> None:
    before = "sanksi menanti pelanggar walau beda pilihan"
    assert not defection_threats(
        {"text": before}, [_ev(before, "beda pilihan")], [_ev(before, "sanksi")]
    )
    far = (
        "beda pilihan itu biasa dan wajar dalam demokrasi kita semua tetap bersaudara "
        "soal disiplin kerja ada sanksi"
    )
    assert not defection_threats({"text": far}, [_ev(far, "beda pilihan")], [_ev(far, "sanksi")])
    negated = "walaupun beda pilihan jangan sampai dicoret dari dpt"
    assert not defection_threats(
        {"text": negated}, [_ev(negated, "beda pilihan")], [_ev(negated, "dicoret")]
    )


def test_a_superiors_sanction_for_low_loyalty_before_meeting_a_candidate_is_a_threat(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech(
        "Loyalitas yang diharapkan, jika loyalitas rendah selaku pimpinan akan memberikan sanksi. "
        "Besok kita rapat dengan salah satu calon"
    )
    decision = engine.decide(post)
    hit = next(h for h in decision.hits if h.rule_id == "N10.threat")
    # the supervisor reads the condition and the sanction together
    assert any("loyalitas rendah" in e.excerpt and "sanksi" in e.excerpt for e in hit.evidence)


def test_a_sanction_for_not_being_neutral_stays_a_warning(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech(
        "Bapak ibu ASN, yang tidak netral dan mendukung salah satu calon akan diberi sanksi"
    )
    assert "N10.threat" not in {h.rule_id for h in engine.decide(post).hits}
