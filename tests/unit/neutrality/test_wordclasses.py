"""The shared closed classes: each reader derives its own from these, so their shape matters."""

from neutrality.wordclasses import (
    FIRST_PERSONS,
    NAME_TITLES,
    SECOND_PERSONS,
    TERMS_OF_ADDRESS,
    word_set,
)


def test_word_set_reads_a_space_separated_class() -> None:
    assert word_set(" pak  bu\nmas ") == frozenset({"pak", "bu", "mas"})


def test_name_titles_are_terms_of_address() -> None:
    # the headline reader calls to someone with TERMS_OF_ADDRESS - NAME_TITLES
    assert NAME_TITLES <= TERMS_OF_ADDRESS
    assert {"pak", "bu", "mas", "mbak"}.isdisjoint(NAME_TITLES)


def test_the_persons_do_not_overlap_and_keep_out_the_kilometre() -> None:
    assert FIRST_PERSONS.isdisjoint(SECOND_PERSONS)
    assert FIRST_PERSONS.isdisjoint(TERMS_OF_ADDRESS)
    assert "km" not in SECOND_PERSONS
