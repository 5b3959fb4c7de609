from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neutrality.engine import Engine
from neutrality.matcher import Kind, Matcher, Meaning, QuickFilter, common_first


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


def test_quick_filter_fast_way_needs_plain_text() -> None:
    q = QuickFilter(["p", "02"], [])
    assert q.look("p") == (True, False)
    assert q.look("ap 02x") == (False, False)
    assert q.look("p!") == (True, False)  # punctuation is a boundary: the bounded way reads it
    assert q.look("P") == (False, False)  # the filter reads folded text only


_PIECES = st.sampled_from(["p", "ga", "pan", "02", "prabowo", "dua jari", "yg", "a", " ", "x"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        st.lists(_PIECES, max_size=12).map("".join),
        st.text(alphabet="abgnopr02 !#✌", max_size=30),
    )
)
def test_quick_filter_fast_way_agrees_with_the_bounded_one(engine: Engine, text: str) -> None:
    """The spaced automaton finds what the boundary checks accept, on the pack's own terms."""
    quick = engine.lexicon.quick
    assert quick.look(text) == quick.look_bounded(f" {text} ")


def test_scan_of_plain_text_keeps_boundaries_and_offsets() -> None:
    m = _matcher()
    assert m.scan("cuaca panas sekali") == []
    assert [(a, b) for _, a, b in m.scan("pan prabowo gibran pan")] == [(0, 3), (4, 18), (19, 22)]


def test_a_term_with_a_space_at_an_end_is_matched_the_bounded_way() -> None:
    m = Matcher()
    m.add("dua ", Meaning(Kind.NUMBER, value=2))
    m.build()
    assert m.scan("dua jari") == m.scan_bounded("dua jari") != []


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pieces=st.lists(
        st.sampled_from(
            ["prabowo", "gibran", "02", "nomor urut", "2", "pan", "dua", "jari", "coblos", "a"]
        ),
        max_size=10,
    ),
    glue=st.sampled_from([" ", "", "x", "  "]),
)
def test_scan_of_plain_text_agrees_with_the_bounded_one(
    engine: Engine, pieces: list[str], glue: str
) -> None:
    """Same hits, same order, on the pack's own terms."""
    text = glue.join(pieces)
    matcher = engine.lexicon.matcher
    assert matcher.scan(text) == matcher.scan_bounded(text)


def test_common_characters_come_first_and_word_initials_after_a_space() -> None:
    keys = ["zona", " pilih ", "apa", " zona ", "q"]
    assert sorted(keys, key=common_first) == [" pilih ", " zona ", "apa", "zona", "q"]
    assert common_first(" p")[1] < common_first(" a")[1]  # "p" begins more words than "a"
    assert common_first("ap")[0] < common_first("pa")[0]  # "a" is the commoner letter


def test_hits_do_not_depend_on_the_order_terms_are_added() -> None:
    terms = ["prabowo gibran", "prabowo", "bowo", "gibran", "pan", "pa", "✌", "02"]
    built = []
    for order in (terms, terms[::-1]):
        m = Matcher()
        for term in order:
            m.add(term, Meaning(Kind.LIST, term))
        m.build()
        built.append(m)
    for text in ["coblos prabowo gibran 02", "Prabowo-Gibran ✌✌ pan!", "pa pan prabowogibran"]:
        first, second = (
            [([x.key for x in meanings], a, b) for meanings, a, b in m.scan(text)] for m in built
        )
        assert first == second
        assert first  # every text holds terms
