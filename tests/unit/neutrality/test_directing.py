"""Directing staff with nobody named (N10): a superior's order or threat tied to votes by what
it is about (the other side, our side's votes), the audience given by a recording's setting,
accepting a partisan order, and groups of candidates the catalogue does not know."""

from __future__ import annotations

import datetime as dt

import pytest

from neutrality import Engine
from neutrality.explain import explain_json
from neutrality.features import GROUP_AUDIENCE
from schemas import Action, Platform, Post, Target, TargetKind

# A WhatsApp message during the Pilkada 2024 campaign, as a connector delivers it.
BASE = {
    "platform": Platform.WHATSAPP,
    "post_id": "d1",
    "account_id": "wa:asn",
    "event_time": dt.datetime(2024, 11, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
}


def _post(text: str = "", action: Action = Action.POST, **kw: object) -> Post:
    return Post.model_validate({**BASE, "text": text, "action": action, **kw})


def _rules(engine: Engine, post: Post) -> set[str]:
    return {h.rule_id for h in engine.decide(post).hits}


def _excerpts(engine: Engine, post: Post, rule_id: str) -> list[str]:
    return [e.excerpt for h in engine.decide(post).hits if h.rule_id == rule_id for e in h.evidence]


def test_an_order_about_our_votes_and_the_other_side_is_partisan_with_nobody_named(
    engine: Engine,
) -> None:
    post = _post("Seluruh RT RW wajib mendata warga yang mau ke kita dan memantau pergerakan lawan")
    assert "N10.directing-staff" in _rules(engine, post)
    # the supervisor sees which words tied the order to the vote
    assert "pergerakan lawan" in " ".join(_excerpts(engine, post, "N10.directing-staff"))


def test_the_same_order_with_no_electoral_stake_is_administration(engine: Engine) -> None:
    post = _post("Seluruh RT RW wajib mendata warga penerima bantuan dan melapor ke kelurahan")
    assert not engine.decide(post).hits


def test_the_audience_may_be_given_by_the_recordings_setting(engine: Engine) -> None:
    post = _post(
        media_description="rapat camat dengan kepala desa se-kecamatan",
        transcript="Semua harus cari suara, basis massa di tiap desa dijaga",
    )
    assert "N10.directing-staff" in _rules(engine, post)
    plain = _post(transcript="Semua harus cari suara, basis massa di tiap desa dijaga")
    assert "N10.directing-staff" not in _rules(engine, plain)


@pytest.mark.parametrize(
    "transcript",
    [
        "Yang tidak ikut cari suara, tidak segan-segan saya eksekusi",
        "Beta sebagai camat, yang tidak ikut cari suara akan beta eksekusi",
    ],
)
def test_a_negation_inside_a_threat_is_no_order_to_refrain(engine: Engine, transcript: str) -> None:
    post = _post(media_description="rekaman suara camat kepada kepala desa", transcript=transcript)
    found = engine.analyse(post, complete=True).features
    assert found is not None and "register.warn" not in found.found
    assert "N10.threat" in _rules(engine, post)


def test_a_neutrality_warning_to_village_heads_stays_a_warning(engine: Engine) -> None:
    post = _post("Bapak ibu kepala desa, dilarang mengarahkan warga ke salah satu calon")
    assert not engine.decide(post).hits


def test_accepting_a_partisan_instruction_takes_it_on(engine: Engine) -> None:
    order = Target(
        kind=TargetKind.POST, text="Semua guru kumpulkan KTP keluarga untuk tim pemenangan"
    )
    post = _post("Siap laksanakan pak", Action.COMMENT, target=order)
    assert "N10.accepting-order" in _rules(engine, post)
    duty = Target(kind=TargetKind.POST, text="Besok semua guru hadir apel pagi pukul 07.00")
    assert not engine.decide(_post("Siap laksanakan pak", Action.COMMENT, target=duty)).hits


def test_a_group_of_a_candidates_team_needs_no_catalogued_name(engine: Engine) -> None:
    group = Target(
        kind=TargetKind.GROUP, text="grup tim dan simpatisan paslon bupati Fulan-Fulanah"
    )
    assert "N04.join-campaign-group" in _rules(
        engine, _post(action=Action.JOIN_GROUP, target=group)
    )
    relief = Target(kind=TargetKind.GROUP, text="grup relawan bencana banjir Demak")
    assert not engine.decide(_post(action=Action.JOIN_GROUP, target=relief)).hits


def test_joining_a_group_whose_content_campaigns_is_engagement(engine: Engine) -> None:
    group = Target(
        kind=TargetKind.GROUP,
        text="menggalang dukungan untuk Khofifah-Emil nomor urut 2",
    )
    post = _post(action=Action.JOIN_GROUP, target=group)
    assert "N04.engage-partisan-content" in _rules(engine, post)


def test_a_threat_alone_is_worth_a_full_look(engine: Engine) -> None:
    # no name, no vote word, no other anchor: the threat word lets the first look through, so
    # the rules and the learned model see a superior's threat to staff
    post = _post(transcript="Kalau ada yang coba-coba main, tidak segan-segan saya eksekusi")
    analysis = engine.analyse(post)
    assert analysis.features is not None
    assert "text.threat_cue" in analysis.features.found


def test_a_superior_speaking_to_staff_in_a_recording_is_read_in_full(engine: Engine) -> None:
    """A recording where a superior addresses the people who answer to them gets the full
    look (and so the learned model) though no campaign word is in it: loyalty and command are
    how such orders are worded."""
    setting = "rekaman suara kepala desa kepada perangkat desa dan ketua RT"
    words = (
        "Semua ketua RT saya minta satu komando, loyal ke pimpinan, jangan ada yang main di luar"
    )
    recorded = engine.analyse(_post(media_description=setting, transcript=words))
    assert recorded.features is not None
    assert "text.directive_cue" in recorded.features.found  # a transcript is the author's words
    # the same words as a caption, with no recording, are finished on the first look
    assert engine.analyse(_post(words)).features is None
    # a recording with no superior addressing anyone is finished on the first look too
    holiday = _post(media_description="video ombak di pantai", transcript="Indah sekali hari ini")
    assert engine.analyse(holiday).features is None
    # in the content acted on (a liked post) the words are someone else's: no full look
    liked = _post(
        action=Action.LIKE,
        media_description="video ombak di pantai",
        target=Target(kind=TargetKind.POST, text=words),
    )
    assert engine.analyse(liked).features is None


def test_the_group_a_message_is_posted_in_is_its_audience(engine: Engine) -> None:
    """In a group of village officials a call for a candidate directs them, though the message
    names no audience; the supervisor sees the group as the evidence."""
    words = "Mohon bantuannya semua untuk menangkan calon bupati kita"
    officials = Target(kind=TargetKind.GROUP, name="WAG perangkat desa Sukamaju")
    post = _post(words, target=officials)
    assert "N10.directing-in-group" in _rules(engine, post)
    assert "WAG perangkat desa Sukamaju" in _excerpts(engine, post, "N10.directing-in-group")
    shown = explain_json(engine.decide(post), engine, post)
    group_hit = next(h for h in shown["hits"] if h["rule_id"] == "N10.directing-in-group")
    assert {"field": "target", "excerpt": "WAG perangkat desa Sukamaju"}.items() <= next(
        ev for ev in group_hit["evidence"] if ev["feature"] == GROUP_AUDIENCE
    ).items()
    friends = Target(kind=TargetKind.GROUP, name="Alumni SMA 1 angkatan 98")
    assert "N10.directing-in-group" not in _rules(engine, _post(words, target=friends))
    # a post answering someone's post is not said to its members
    answered = Target(kind=TargetKind.POST, name="WAG perangkat desa Sukamaju")
    assert "N10.directing-in-group" not in _rules(engine, _post(words, target=answered))


def test_a_paraphrased_chat_carries_its_instruction_in_the_groups_content(engine: Engine) -> None:
    group = Target(
        kind=TargetKind.GROUP,
        name="grup WhatsApp RT/RW Kelurahan Sukamaju",
        text="instruksi menggerakkan RT/RW mendata warga dan memantau pergerakan lawan",
    )
    assert "N10.directing-in-group" in _rules(engine, _post(action=Action.SHARE, target=group))
    duty = Target(
        kind=TargetKind.GROUP,
        name="grup WhatsApp RT/RW Kelurahan Sukamaju",
        text="instruksi menggerakkan RT/RW mendata warga penerima bantuan sembako",
    )
    assert not engine.decide(_post(action=Action.SHARE, target=duty)).hits


@pytest.mark.parametrize(
    "request_words",
    ["Aku minta", "Ambo minta", "Beta minta", "Kulo nyuwun"],
)
def test_a_request_in_any_first_person_is_a_directive(engine: Engine, request_words: str) -> None:
    post = Post(
        platform=Platform.WHATSAPP,
        post_id="d1",
        account_id="wa:asn",
        text="",
        action=Action.POST,
        transcript=f"{request_words} semua perangkat desa dukung petahana",
        event_time=dt.datetime(2024, 10, 15, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    )
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None and "text.directive_cue" in analysis.features.found
    assert "N10.directing-staff" in {h.rule_id for h in analysis.decision.hits}


@pytest.mark.parametrize(
    "text",
    [
        "Hadirki mendengar visi misi paslon dan orasi DPRD terpilih.",
        "Bapak ibu, ramaikan kampanye akbar calon bupati kita besok pagi",
        "Ayo datang ke deklarasi dukungan paslon nomor urut 2 malam ini",
    ],
)
def test_a_call_to_fill_a_candidates_event_is_mobilising(engine: Engine, text: str) -> None:
    """A call to come to a candidate's event, even in words news also uses ("visi misi",
    "terpilih"), is the author mobilising people for the candidate."""
    assert "N10.calling-to-campaign-event" in _rules(engine, _post(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ribuan warga hadiri kampanye akbar calon bupati di lapangan",  # who came: a report
        "Jangan hadiri kampanye paslon mana pun, jaga netralitas",  # a warning
        "Hadiri kampanye semua paslon dan dengarkan visi misi mereka",  # every pair
        "Ayo datang ke TPS tanggal 27 November, gunakan hak pilih",  # no candidate's event
    ],
)
def test_telling_of_warning_against_or_educating_about_campaign_events_is_no_call(
    engine: Engine, text: str
) -> None:
    assert "N10.calling-to-campaign-event" not in _rules(engine, _post(text))


def test_roles_addressed_with_a_quantifier_are_the_staff_directed(engine: Engine) -> None:
    """ "Semua RT wajib ...": the roles a superior addresses, quantified, are the audience."""
    post = _post("Semua RT wajib kumpulkan KTP warga untuk pendataan pendukung paslon kita")
    assert "N10.directing-staff" in _rules(engine, post)
    assert not _rules(engine, _post("Seluruh kepala desa diharapkan hadir rapat dana desa besok"))
