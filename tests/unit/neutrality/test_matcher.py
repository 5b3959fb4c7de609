from __future__ import annotations

from neutrality.matcher import Kind, Matcher, Meaning, QuickFilter


def _matcher() -> Matcher:
    m = Matcher()
    m.add("pan", Meaning(Kind.ALIAS, "pileg-2024/12", strong=False))
    m.add("prabowo gibran", Meaning(Kind.ALIAS, "pilpres-2024/02"))
    m.add("✌", Meaning(Kind.GESTURE, value=2, strong=False))
    m.build()
    return m


def test_token_boundaries() -> None:
    m = _matcher()
    assert m.scan("cuaca panas sekali") == []
    assert m.scan("wajan dan pan") != []
    hits = m.scan("coblos prabowo gibran")
    assert [(a, b) for _, a, b in hits] == [(7, 21)]


def test_emoji_need_no_boundaries() -> None:
    assert len(_matcher().scan("salam✌✌")) == 2


def test_quick_filter_sees_obfuscation_and_anchors() -> None:
    q = QuickFilter(["prabowo"], ["yg"])
    assert q.look("halo prabowo") == (True, False)
    assert q.look("ini g a n j a r") == (True, True)
    assert q.look("gasss") == (True, True)
    assert q.look("pr4bowo")[1]
    assert q.look("selamat pagi semua") == (False, False)
