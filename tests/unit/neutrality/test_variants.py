"""Twisted spellings of catalogued names: found within bounded edits, never an everyday word,
counted only in an election context, under their own feature and evidence label."""

from __future__ import annotations

import pytest

from neutrality import Engine
from neutrality.catalogue import Locality
from neutrality.variants import (
    MAX_LOOKUPS,
    NameVariants,
    dictionary_words,
    edit_distance,
    everyday,
)
from schemas import Outcome, Post

WORDS = frozenset({"ganjal", "anus", "jahat", "dua", "ubah", "gilir", "kami", "pintu", "abah"})
NAMES = ["jokowi", "prabowo", "muhaimin", "anies", "anies baswedan", "ahok", "ahok djarot"]


@pytest.fixture(scope="module")
def reader() -> NameVariants:
    return NameVariants(NAMES, WORDS)


def _written(reader: NameVariants, text: str) -> list[tuple[str, str, bool]]:
    return [(v.written, v.name, v.vouched) for v in reader.find(text)]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("jokowi", "jokowok", 2), ("airin", "airim", 1), ("muhaimin", "muhhaimin", 1),
     ("prabowo", "prabwoo", 1), ("anies", "anus", 2)],
)  # fmt: skip
def test_edit_distance_counts_swaps_as_one(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 3) == distance
    assert edit_distance(a, b, distance - 1) == distance  # past the bound: bound + 1


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [("rakyat lengserkan jokowok", "jokowok", "jokowi"),
     ("muhhaimin lucu", "muhhaimin", "muhaimin"),
     ("prabwoo presidenku", "prabwoo", "prabowo")],
)  # fmt: skip
def test_a_twisted_single_name_is_found(
    reader: NameVariants, text: str, written: str, name: str
) -> None:
    assert (written, name, False) in _written(reader, text)


def test_one_edit_for_short_names_two_for_longer_ones(reader: NameVariants) -> None:
    assert _written(reader, "aniez") == [("aniez", "anies", False)]
    assert _written(reader, "anuz") == []  # two edits from a five-letter name
    assert _written(reader, "jokowok") == [("jokowok", "jokowi", False)]
    assert _written(reader, "jakowok") == []  # the start of the name is kept in a variant


def test_everyday_words_and_their_inflections_are_never_names() -> None:
    assert everyday("ganjal", WORDS)
    assert everyday("berdua", WORDS)  # ber- + dua
    assert everyday("mengubah", WORDS)  # meng- + ubah
    assert everyday("giliran", WORDS)  # gilir + -an
    assert not everyday("jokowok", WORDS)
    reader = NameVariants(["ganjar"], WORDS)
    assert _written(reader, "pintu diganjal ganjal") == []


def test_a_name_that_is_an_everyday_word_is_read_exactly_or_not_at_all() -> None:
    reader = NameVariants(["ganjal"], WORDS)
    assert _written(reader, "ganjil") == []


def test_the_rest_of_a_name_vouches_for_a_deeper_twist(reader: NameVariants) -> None:
    assert _written(reader, "anus baswedan jual kata") == [("anus", "anies", True)]
    assert _written(reader, "anus") == []  # alone an everyday word


def test_a_name_standing_alone_vouches_for_nothing(reader: NameVariants) -> None:
    # "ahok jahat" says Ahok is wicked: "jahat" is no twisted "djarot"
    assert _written(reader, "ahok jahat") == []


def test_names_themselves_are_not_variants(reader: NameVariants) -> None:
    assert _written(reader, "jokowi prabowo anies baswedan") == []


def test_lookups_are_bounded_per_field() -> None:
    reader = NameVariants(["jokowi"], frozenset())
    text = " ".join(["jokowox"] * (MAX_LOOKUPS + 20))
    assert len(reader.find(text)) == MAX_LOOKUPS


def test_the_general_word_list_is_loaded() -> None:
    words = dictionary_words()
    assert len(words) > 20_000
    assert {"ganjal", "prabu", "salah"} <= words


# ---------------------------------------------------------------- in the engine


def _post(text: str, when: str = "2024-01-20T09:00:00+07:00", **extra: object) -> Post:
    fields: dict[str, object] = {
        "platform": "x",
        "post_id": "v1",
        "account_id": "x:asn.variant",
        "text": text,
        "action": "post",
        "event_time": when,
    }
    return Post.model_validate(fields | extra)


def test_a_twisted_name_with_blame_in_an_election_post_is_judged_lower(engine: Engine) -> None:
    a = engine.analyse(
        _post("Capres 2019 jangan pilih jokowok tukang pencitraan!", "2019-03-20T09:00:00+07:00")
    )
    assert a.decision.outcome is not Outcome.PASS
    hit = next(h for h in a.decision.hits if h.rule_id == "N02.name-variant")
    # alone below a flag and below an exact name's rule: weaker evidence than the name
    assert hit.score < engine.pack.flag_at
    assert hit.score < engine.rules_by_id["N02.campaign-post"].score
    assert "N02.campaign-post" not in {h.rule_id for h in a.decision.hits}
    features = [ev.feature for ev in hit.evidence]
    assert any(f.startswith("name variant: jokowok ~ jokowi->") for f in features)
    assert any(ev.excerpt == "jokowok" for ev in hit.evidence)


def test_the_same_words_with_the_name_itself_flag(engine: Engine) -> None:
    a = engine.analyse(
        _post("Capres 2019 jangan pilih jokowi tukang pencitraan!", "2019-03-20T09:00:00+07:00")
    )
    assert a.decision.outcome is Outcome.FLAG


def test_no_election_context_no_name(engine: Engine) -> None:
    a = engine.analyse(_post("Prabwoo menang lomba mewarnai #juara"), full_path=True)
    assert a.features is not None
    assert "text.name_variant" not in a.features.found


def test_a_twisted_nickname_needs_its_race_named(engine: Engine) -> None:
    jakarta = Locality("Banten")
    alone = engine.analyse(_post("Pilgub Banten: airim lebih jelas"), jakarta, full_path=True)
    assert alone.features is not None and "text.name_variant" not in alone.features.found
    rival = engine.analyse(
        _post("Pilgub Banten: Dimyati gagap, airim lebih jelas", "2024-10-15T09:00:00+07:00"),
        jakarta,
        full_path=True,
    )
    assert rival.features is not None
    labels = [ev.label for ev in rival.features.found.get("text.name_variant", [])]
    assert labels and labels[0].startswith("name variant: airim ~ airin->")


def test_an_account_handle_is_not_a_twisted_name(engine: Engine) -> None:
    a = engine.analyse(_post("Pilgub Jatim: ibu @KhofifahIP dan Luluk", "2024-10-15T09:00:00+07:00",
                             mentions=["@KhofifahIP"]), full_path=True)  # fmt: skip
    assert a.features is not None
    assert "text.name_variant" not in a.features.found


def test_a_twisted_name_in_a_field_without_exact_hits_maps_to_its_text(engine: Engine) -> None:
    post = _post(
        "Prabwoo pasti menang",
        action="comment",
        target={"kind": "post", "account": "x:warga", "text": "Siapa capres pilihanmu?"},
    )
    a = engine.analyse(post, full_path=True, complete=True)
    assert a.features is not None
    ev = a.features.found["text.name_variant"][0]
    hit = next(h for h in a.decision.hits if h.rule_id == "N02.name-variant")
    assert ev.label.startswith("name variant: prabwoo ~ prabowo->")
    assert any(e.excerpt == "Prabwoo" for e in hit.evidence)


def test_the_language_files_guard_words_are_never_names(engine: Engine) -> None:
    guard = engine.extractor.variants.guard
    lang = engine.catalogue.language
    assert lang is not None and set(lang.not_name_variants) <= guard
    assert engine.extractor.variants.find("rahmat bagja bilang") == []
