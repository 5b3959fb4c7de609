from __future__ import annotations

from neutrality.featureset import Ev, Scanned
from neutrality.normalise import NormText


def test_records_are_equal_and_hashed_by_value_as_dataclasses_are() -> None:
    a = Ev("text", 0, 7, "participant:pilpres-2024/02")
    b = Ev("text", 0, 7, "participant:pilpres-2024/02")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Ev("text", 0, 7, "participant:pilpres-2024/01")
    assert NormText("Abc", "abc") == NormText("Abc", "abc")
    assert NormText("Abc", "abc") != NormText("Abc", "abc", quick=True)
    norm = NormText("Abc", "abc")
    assert Scanned("text", "text", norm, []) == Scanned("text", "text", norm, [])


def test_records_of_different_classes_are_never_equal() -> None:
    assert Ev("text", None, None, "x") != ("text", None, None, "x", "", False)
    assert NormText("a", "a").__eq__(Ev("a", None, None, "a")) is NotImplemented


def test_repr_names_every_field_in_order() -> None:
    assert repr(Ev("text", 1, 2, "l", "e", True)) == (
        "Ev(field='text', start=1, end=2, label='l', excerpt='e', raw=True)"
    )
    assert repr(NormText("A", "a")) == (
        "NormText(orig='A', text='a', starts=None, ends=None, quick=False)"
    )
    assert repr(Scanned("text", "text", NormText("A", "a"), [])) == (
        "Scanned(field='text', zone='text', norm=NormText(orig='A', text='a', starts=None, "
        "ends=None, quick=False), hits=[])"
    )
