"""A call to vote naming someone the catalogue does not know (neutrality/choice.py): the pure
reader, and the engine reading it as a generic candidate reference in an official's speech."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from neutrality import Engine
from neutrality.choice import given_choice, named_choice
from neutrality.normalise import NormText
from neutrality.wordclasses import TERMS_OF_ADDRESS
from schemas import Post

VOCABULARY = frozenset({"bupati", "camat", "rt"})


def _end(orig: str, verb: str) -> int | None:
    text = orig.casefold()
    return named_choice(
        NormText(orig, text), text.index(verb) + len(verb), TERMS_OF_ADDRESS, VOCABULARY
    )


def test_an_honorific_and_a_capitalised_name_after_a_vote_verb_is_a_choice() -> None:
    orig = "harus pilih Pak Wiryo Sastro"
    end = _end(orig, "pilih")
    assert end is not None and orig.casefold()[:end].endswith("pak wiryo")


def test_an_office_a_lower_case_word_or_no_honorific_is_not_a_name() -> None:
    assert _end("mari pilih Pak Bupati yang baru", "pilih") is None  # an office (a known word)
    assert _end("kalau bingung pilih pak siapa", "pilih") is None  # written in lower case
    assert _end("pilih Wiryo Sastro", "pilih") is None  # no term of address before it
    assert _end("pilih Pak Al", "pilih") is None  # too short to be read as a name


def test_an_uncatalogued_name_in_an_order_to_vote_is_seen_and_shown(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech(
        "Tinggal seminggu lagi pilkada, saya minta satu pilihan, harus milih Pak Wiryo Sastro"
    )
    decision = engine.decide(post)
    hit = next(h for h in decision.hits if h.rule_id == "N02.generic-candidate")
    # the supervisor reads which words named the person voted for
    assert any("Pak Wiryo" in e.excerpt for e in hit.evidence)


def test_the_same_order_naming_an_office_is_not_a_named_choice(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech("Tinggal seminggu lagi pilkada, saya minta satu pilihan, harus milih Pak Bupati")
    assert "N02.generic-candidate" not in {h.rule_id for h in engine.decide(post).hits}


def _given(orig: str, phrase: str, vote: bool = True) -> int | None:
    text = orig.casefold()
    end = text.index(phrase) + len(phrase)
    return given_choice(NormText(orig, text), end, vote, TERMS_OF_ADDRESS, VOCABULARY)


def test_a_vote_given_to_an_acronym_or_a_named_person_is_a_choice() -> None:
    orig = "Saya sudah bulatkan suara untuk DIYO"
    end = _given(orig, "bulatkan suara")
    assert end is not None and orig.casefold()[:end].endswith("untuk diyo")
    # a few words may stand between the vote and the one it goes to
    orig = "berikan suara itu juga untuk DIYO"
    end = _given(orig, "berikan suara")
    assert end is not None and orig.casefold()[:end].endswith("diyo")
    # support given to a person named with a term of address
    orig = "ini dukungan untuk Pak Sudewo jadi bupati"
    end = _given(orig, "dukungan untuk", vote=False)
    assert end is not None and orig.casefold()[:end].endswith("pak sudewo")


def test_support_for_an_acronym_a_far_name_or_an_office_is_not_a_choice() -> None:
    # support goes to many things: only a vote goes to an acronym
    assert _given("terima kasih atas dukungan untuk UMKM desa", "dukungan untuk", False) is None
    # too many words between the vote and the recipient
    assert _given("berikan suara di TPS pagi hari nanti untuk DIYO", "berikan suara") is None
    # an office, a lower-case word, a word of the lexicon
    assert _given("suara untuk Pak Bupati", "suara untuk") is None
    assert _given("suara untuk rakyat kecil", "suara untuk") is None
    assert _given("suara untuk RT", "suara untuk") is None


def test_a_vote_given_to_an_acronym_in_a_speech_is_a_generic_candidate(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech("Masyarakat yang memilih saya kemarin, berikan suara itu juga untuk DIYO")
    decision = engine.decide(post)
    hit = next(h for h in decision.hits if h.rule_id == "N02.generic-candidate")
    assert any("DIYO" in e.excerpt for e in hit.evidence)


def test_a_vote_given_to_an_acronym_under_a_prohibition_is_a_warning(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech("Jangan berikan suara untuk DIYO hanya karena uang, tolak politik uang")
    assert "N02.generic-candidate" not in {h.rule_id for h in engine.decide(post).hits}


def test_re_electing_a_named_person_names_them() -> None:
    orig = "ayo pilih kembali Pak Wiryo Sastro"
    end = _end(orig, "pilih")
    assert end is not None and orig.casefold()[:end].endswith("pak wiryo")
    # the Buginese title "Andi" is a term of address before a name
    orig = "menangkan lagi Andi Irwansyah"
    end = _end(orig, "menangkan")
    assert end is not None and orig.casefold()[:end].endswith("andi irwansyah")
    assert _end("pilih kembali musa ahmad", "pilih") is None  # still no name written as one


def test_a_joined_group_calling_to_vote_for_a_named_person_is_partisan(engine: Engine) -> None:
    post = Post.model_validate(
        {
            "platform": "whatsapp",
            "post_id": "g1",
            "account_id": "wa:asn",
            "action": "join_group",
            "event_time": "2024-10-20T09:00:00+07:00",
            "target": {
                "kind": "group",
                "name": "Relawan Kampung",
                "text": "Mari kita pilih kembali Pak Wiryo Sastro, bupati kita",
            },
        }
    )
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    assert "target.named_choice" in analysis.features.found
    assert "N04.engage-partisan-content" in {h.rule_id for h in analysis.decision.hits}


@pytest.mark.parametrize(
    "text",
    ["Ayo pilih Pak Wiryo Sastro untuk bupati", "Jangan lupa coblos Bu Rina Kartika ya"],
)
def test_the_first_look_lets_a_call_to_vote_for_a_person_through(engine: Engine, text: str) -> None:
    """A call to vote before a term of address is an anchor of the first look: the person
    named may be nobody the catalogue knows."""
    post = Post.model_validate(
        {"platform": "x", "post_id": "c", "account_id": "x:asn", "action": "post", "text": text,
         "event_time": "2024-11-05T09:00:00+07:00"}
    )  # fmt: skip
    analysis = engine.analyse(post)
    assert analysis.features is not None
    assert "text.named_choice" in analysis.features.found
