"""Names are recognised however a post spells them: old spelling and the vowel y."""

from __future__ import annotations

import pytest

from neutrality.spelling import name_variants


@pytest.mark.parametrize(
    ("name", "spelled"),
    [
        ("djarot", "jarot"),  # dj -> j (1972)
        ("basuki tjahaja purnama", "basuki cahaya purnama"),  # tj -> c, and the old j is y
        ("soeharto", "suharto"),  # oe -> u (1947)
        ("sjahrir", "syahrir"),  # sj -> sy
        ("agus sylvi", "agus silvy"),  # the vowel y and a final i swap
        ("sandi", "sandy"),
        ("riezky", "riezki"),
    ],
)
def test_other_spellings_of_a_name(name: str, spelled: str) -> None:
    assert spelled in name_variants(name)


@pytest.mark.parametrize("name", ["ahy", "edy", "gemoy", "mulyono", "yahya", "anies baswedan"])
def test_acronyms_consonant_y_and_plain_names_stay_as_listed(name: str) -> None:
    assert name_variants(name) == []


def test_a_name_has_few_variants_and_never_itself() -> None:
    variants = name_variants("noeringhati sylviana")
    assert "noeringhati sylviana" not in variants
    assert len(variants) == len(set(variants)) <= 7
