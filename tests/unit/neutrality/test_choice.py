"""A call to vote naming someone the catalogue does not know (neutrality/choice.py): the pure
reader, and the engine reading it as a generic candidate reference in an official's speech."""

from __future__ import annotations

from collections.abc import Callable

from neutrality import Engine
from neutrality.choice import named_choice
from neutrality.features import HONORIFICS
from neutrality.normalise import NormText
from schemas import Post

VOCABULARY = frozenset({"bupati", "camat", "rt"})


def _end(orig: str, verb: str) -> int | None:
    text = orig.casefold()
    return named_choice(NormText(orig, text), text.index(verb) + len(verb), HONORIFICS, VOCABULARY)


def test_an_honorific_and_a_capitalised_name_after_a_vote_verb_is_a_choice() -> None:
    orig = "harus pilih Pak Musa Ahmad"
    end = _end(orig, "pilih")
    assert end is not None and orig.casefold()[:end].endswith("pak musa")


def test_an_office_a_lower_case_word_or_no_honorific_is_not_a_name() -> None:
    assert _end("mari pilih Pak Bupati yang baru", "pilih") is None  # an office (a known word)
    assert _end("kalau bingung pilih pak siapa", "pilih") is None  # written in lower case
    assert _end("pilih Musa Ahmad", "pilih") is None  # no term of address before it
    assert _end("pilih Pak Al", "pilih") is None  # too short to be read as a name


def test_an_uncatalogued_name_in_an_order_to_vote_is_seen_and_shown(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech(
        "Tinggal seminggu lagi pilkada, saya minta satu pilihan, harus milih Pak Musa Ahmad"
    )
    decision = engine.decide(post)
    hit = next(h for h in decision.hits if h.rule_id == "N02.generic-candidate")
    # the supervisor reads which words named the person voted for
    assert any("Pak Musa" in e.excerpt for e in hit.evidence)


def test_the_same_order_naming_an_office_is_not_a_named_choice(
    engine: Engine, speech: Callable[[str], Post]
) -> None:
    post = speech("Tinggal seminggu lagi pilkada, saya minta satu pilihan, harus milih Pak Bupati")
    assert "N02.generic-candidate" not in {h.rule_id for h in engine.decide(post).hits}
