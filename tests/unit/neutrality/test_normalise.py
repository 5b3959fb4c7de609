from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neutrality import Engine
from neutrality.normalise import (
    SELF_FOLDING,
    _fold,
    clitic_joins,
    one_tag_offsets,
    quick_form,
    quick_offsets,
    regional_possessives,
    whole_words,
)
from schemas import Action, Platform, Post

SAMPLES = [
    "Semakin yakin bahwa bapak Prabowo adalah pilihan ku,",
    "Sy dukung G a n j a r, gasssss!!",
    "Pr4b0w0 presidenku #GerakCepatGanjarMahfud",
    "Jgn lupa nyoblos no. 2 yg penting   ☝️✌️🤟",
    "Ｆｕｌｌ ｗｉｄｔｈ Ｐｒａｂｏｗｏ and ß straße",
    "  leading and trailing  ",
    "Caf\u0065\u0301 e\u0301 composed",
    "Ayo <Victory Hand> #AhokDjarot <Raising Hands> <FACE WITH TEARS OF JOY>",
]


def _post(text: str, day: dt.date) -> Post:
    """A post on X at 09:00 WIB of `day`."""
    return Post(
        platform=Platform.X,
        post_id="n1",
        account_id="x:asn",
        action=Action.POST,
        text=text,
        event_time=dt.datetime.combine(day, dt.time(9), dt.timezone(dt.timedelta(hours=7))),
    )


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_and_tracked_modes_agree(engine: Engine, text: str) -> None:
    n = engine.lexicon.normaliser
    assert n.normalise(text).text == n.normalise(text, track=True).text


def test_obfuscations_are_undone(engine: Engine) -> None:
    n = engine.lexicon.normaliser
    assert "ganjar" in n.normalise("G a n j a r").text.split()
    assert "prabowo" in n.normalise("Pr4b0w0").text.split()
    assert n.normalise("gasssss").text == "gas"
    assert n.normalise("#GerakCepatGanjarMahfud").text == "gerak cepat ganjar mahfud"
    assert n.normalise("yg dgn nyoblos").text == "yang dengan coblos"
    assert n.normalise("no. 2").text == "no 2"


def test_a_word_of_one_repeated_letter_is_not_squeezed(engine: Engine) -> None:
    """A stretched letter inside a word is one letter; an acronym of one letter ("PPP") stays,
    else it reads as the chat "p" (pak) and names the party in "p Ganjar"."""
    n = engine.lexicon.normaliser
    for track in (False, True):
        assert n.normalise("Mantaaap PPP, www", track=track).text == "mantap ppp www"

    def named(text: str) -> set[str]:
        return {p.id for p in engine.decide(_post(text, dt.date(2024, 1, 20))).participants}

    assert "pileg-2024/17" in named("coblos PPP nomor 17")
    assert "pileg-2024/17" not in named("yang banyak coblos p Ganjar gua ikut")


def test_leet_only_when_it_yields_a_known_word(engine: Engine) -> None:
    n = engine.lexicon.normaliser
    assert n.normalise("02 dan 2024 dan teman2").text == "02 dan 2024 dan teman2"


@pytest.mark.parametrize(
    ("tag", "read"),
    [
        ("#JakartaM3nyala", "jakarta menyala"),  # the digit no longer cuts the word in two
        ("#M3NYALA", "menyala"),  # a word in capitals
        ("#Kem3nangan", "kemenangan"),
        ("#AHY4all", "ahy 4 all"),  # "for all": "yaall" is no known word
        ("#PKS4Jakarta", "pks 4 jakarta"),
        ("#Pilkada2024", "pilkada 2024"),
    ],
)
def test_a_digit_for_a_letter_inside_a_hashtag_word(engine: Engine, tag: str, read: str) -> None:
    n = engine.lexicon.normaliser
    assert n.normalise(tag).text == read
    assert n.normalise(tag, track=True).text == read


def test_a_campaign_hashtag_in_leetspeak_is_the_campaign_hashtag(engine: Engine) -> None:
    def rules(tag: str) -> set[str]:
        text = f"Orang tua jadi lebih tenang kalau Jakarta dipimpin orang baik {tag}"
        post = _post(text, dt.date(2024, 11, 10))
        return {h.rule_id for h in engine.decide(post).hits}

    assert "N02.campaign-hashtag" in rules("#JakartaMenyala")
    assert rules("#JakartaM3nyala") == rules("#JakartaMenyala")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Sy dukung G a n j a r, gasssss!!", "ganjar", "G a n j a r"),
        ("Salam dari Pr4b0w0 ya", "prabowo", "Pr4b0w0"),
        ("Jgn lupa nyoblos ya", "coblos", "nyoblos"),
        ("Ｐｒａｂｏｗｏ menang", "prabowo", "Ｐｒａｂｏｗｏ"),
    ],
)
def test_offsets_map_back_to_original(engine: Engine, text: str, word: str, expected: str) -> None:
    norm = engine.lexicon.normaliser.normalise(text, track=True)
    start = norm.text.index(word)
    a, b = norm.span(start, start + len(word))
    assert text[a:b] == expected


def test_an_emoji_written_by_its_name_is_read_as_the_emoji(engine: Engine) -> None:
    n = engine.lexicon.normaliser
    text = "Ayo coblos <Victory Hand> <Face With Tears of Joy> <Not An Emoji>"
    norm = n.normalise(text, track=True)
    assert "\u270c" in norm.text and "\U0001f602" in norm.text
    assert "not an emoji" in norm.text  # an unknown name stays words
    start = norm.text.index("\u270c")
    assert norm.span(start, start + 1) == (11, 25)  # the whole "<Victory Hand>"


def test_a_hand_sign_by_name_counts_as_the_hand_sign(engine: Engine) -> None:
    assert quick_form("coblos <Victory Hand>") is None  # only the full normaliser reads it
    post = Post(
        platform=Platform.X,
        post_id="n1",
        account_id="x:asn",
        action=Action.POST,
        text="Ayo coblos <Victory Hand> #Pemilu2024",
        event_time=dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    )
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    named = analysis.features.found["text.participant"]
    assert any(ev.label.startswith("gesture:") for ev in named)


PLAIN_FIELDS = [
    "Ayo coblos Prabowo-Gibran, satu putaran!",
    "  rapat   dinas\tbesok (pukul 09.00) di aula...  ",
    "Salam dua jari -- dari kami",
    "a",
    "Abah Anies the next president ☝️ bersama",
    "Senam pagi 💪🏽, sehat selalu!! 👨\u200d👩\u200d👧",
    "🔥🔥 rapat   dinas 🔥",
]
ONE_TAGS = [
    "#PrabowoGibran2024",
    "#prabowo",
    "#AHY",
    "#dua_jari",
    "#_x_",
    "#a__b",
    "#2024",
    "#menaaaang",
]


@pytest.mark.parametrize("text", PLAIN_FIELDS)
def test_quick_offsets_equal_the_tracked_ones(engine: Engine, text: str) -> None:
    n = engine.lexicon.normaliser
    quick = quick_form(text)
    tracked = n.normalise(text, track=True)
    assert quick == tracked.text
    fast = quick_offsets(text, quick)
    assert fast is not None
    assert (fast.starts, fast.ends) == (tracked.starts, tracked.ends)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="aAbdnoprs 29!,.-\t☝✌🔥💪🏽\ufe0f\u200dé", max_size=40))
def test_quick_offsets_equal_the_tracked_ones_on_generated_fields(
    engine: Engine, text: str
) -> None:
    """Wherever the quick form is the normalised form and folding keeps characters in place,
    the offsets from word positions are the tracked normaliser's."""
    quick = quick_form(text)
    tracked = engine.lexicon.normaliser.normalise(text, track=True)
    if quick is None or quick != tracked.text:
        return
    fast = quick_offsets(text, quick)
    if fast is not None:
        assert (fast.starts, fast.ends) == (tracked.starts, tracked.ends)


@pytest.mark.parametrize("text", ["Prabówo ☝️", "Ｐｒａｂｏｗｏ", "pra\u200bbowo", "İstanbul"])
def test_quick_offsets_defer_where_folding_moves_characters(text: str) -> None:
    quick = quick_form(text)
    assert quick is not None
    assert quick_offsets(text, quick) is None


@pytest.mark.parametrize("tag", ONE_TAGS)
def test_one_tag_offsets_equal_the_tracked_ones_or_defer(engine: Engine, tag: str) -> None:
    n = engine.lexicon.normaliser
    tracked = n.normalise(tag, track=True)
    fast = one_tag_offsets(tag, n.normalise(tag).text)
    if tag == "#menaaaang":  # rewritten after the split: only the tracked normaliser knows
        assert fast is None
        return
    assert fast is not None
    assert (fast.text, fast.starts, fast.ends) == (tracked.text, tracked.starts, tracked.ends)


def test_one_tag_offsets_are_for_one_ascii_tag_only(engine: Engine) -> None:
    assert one_tag_offsets("#satu #dua", "satu dua") is None
    assert one_tag_offsets("#Ｐｒａｂｏｗｏ", "prabowo") is None
    assert one_tag_offsets("prabowo", "prabowo") is None


# What a reader reads at a glance, Netra reads: each family of disguise, with the word it hides.
DISGUISES = [
    ("Cyrillic letters", "Dukung Pr\u0430b\u043ew\u043e", "prabowo"),
    ("Cyrillic capitals", "\u0410HY", "ahy"),
    ("Greek capitals", "\u0391\u0397\u03a5", "ahy"),
    ("small capitals", "ᴘʀᴀʙᴏᴡᴏ", "prabowo"),
    ("zero-width space", "Pra\u200bbowo", "prabowo"),
    ("soft hyphen", "Gan\u00adjar", "ganjar"),
    ("word joiner and direction mark", "An\u2060ies\u200e", "anies"),
    ("combining accent", "Prabo\u0301wo", "prabowo"),
    ("precomposed accent", "Prabówo", "prabowo"),
    ("a dot inside a name", "Pra.bowo", "prabowo"),
    ("an underscore inside a name", "Gan_jar", "ganjar"),
    ("a space inside a name", "Ani es", "anies"),
    ("letters spaced across two names", "G a n j a r M a h f u d", "ganjar mahfud"),
    ("fullwidth letters", "Ｇａｎｊａｒ", "ganjar"),
    ("mathematical bold", "𝐆𝐚𝐧𝐣𝐚𝐫", "ganjar"),
]


@pytest.mark.parametrize(("family", "text", "word"), DISGUISES)
def test_disguised_words_read_as_a_reader_reads_them(
    engine: Engine, family: str, text: str, word: str
) -> None:
    n = engine.lexicon.normaliser
    fast = n.normalise(text).text
    tracked = n.normalise(text, track=True)
    assert word in fast, family
    assert tracked.text == fast, family
    start = fast.index(word)
    a, b = tracked.span(start, start + len(word))
    assert a < b and text[a:b].strip(), family  # the evidence points at the disguised word


def test_known_words_side_by_side_are_not_joined(engine: Engine) -> None:
    n = engine.lexicon.normaliser
    assert n.normalise("Prabowo Gibran").text == "prabowo gibran"
    assert n.normalise("rapat di kantor bupati").text == "rapat di kantor bupati"


@pytest.mark.parametrize("keycap", ["4\ufe0f\u20e3", "4\u20e3", "4\ufe0e\u20e3"])
def test_every_keycap_form_is_one_form(engine: Engine, keycap: str) -> None:
    n = engine.lexicon.normaliser
    assert n.normalise(f"pilih {keycap}").text == n.normalise("pilih 4\ufe0f\u20e3").text
    assert quick_form(f"pilih {keycap}") is None  # only the full normaliser reads keycaps


def test_the_characters_skipped_by_the_tracked_fold_fold_to_themselves() -> None:
    for first, last in SELF_FOLDING:
        for code in range(first, last + 1):
            assert _fold(chr(code)) == chr(code), hex(code)


def test_whole_words_finds_what_a_lookbehind_first_pattern_finds() -> None:
    """The fast form (first characters looked ahead, then the lookbehind) matches exactly the
    plain form on text with words inside words, digits, emoji and edges."""
    words = ["gw", "ga", "gak", "dukungannya", "no1", "x"]
    plain = re.compile(r"(?<![a-z0-9])(?:" + "|".join(words) + r")(?![a-z0-9])")
    fast = whole_words(words)
    rng = random.Random(7)
    alphabet = ["g", "a", "w", "k", "x", "1", "n", "o", " ", "-", "\U0001f5f3", "dukungannya"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
    assert whole_words([]).search("anything") is None


def test_a_clitic_written_apart_joins_its_word(engine: Engine) -> None:
    norm = engine.lexicon.normaliser
    assert (
        norm.normalise("bapak Prabowo adalah pilihan ku,").text == "bapak prabowo adalah pilihanku"
    )
    tracked = norm.normalise("adalah pilihan ku!", track=True)
    assert tracked.text == "adalah pilihanku"
    assert tracked.orig[slice(*tracked.span(7, 16))] == "pilihan ku"
    # only words the lexicon has with the clitic, and never a short word of its own
    joins = clitic_joins(frozenset(["pilihanku", "aku", "ibumu", "idolaku"]))
    assert joins == {"pilihan ku": "pilihanku", "idola ku": "idolaku"}


def test_the_makassarese_possessive_reads_as_kita(engine: Engine) -> None:
    norm = engine.lexicon.normaliser
    assert norm.normalise("kita taumi pilihanta semua").text == "kita taumi pilihan kita semua"
    tracked = norm.normalise("Sudah tau calonta toh", track=True)
    assert tracked.text == "sudah tau calon kita toh"
    assert tracked.orig[slice(*tracked.span(10, 20))] == "calonta"
    # news and stories end in "ta" on short stems: never cut
    assert norm.normalise("berita cerita kereta").text == "berita cerita kereta"
    # only words the lexicon has before "kita", long enough, whose joined form is no word of it
    joins = regional_possessives(frozenset(["pilihan", "mari", "beri"]), frozenset(["berita"]))
    assert joins == {"pilihanta": "pilihan kita"}


def test_a_clitic_written_apart_is_seen_by_the_quick_look(engine: Engine) -> None:
    post = Post.model_validate(
        {"platform": Platform.X, "post_id": "c1", "account_id": "x:asn", "action": Action.POST,
         "text": "Semakin yakin bahwa bapak Prabowo adalah pilihan ku",
         "event_time": dt.datetime(2024, 1, 7, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))}
    )  # fmt: skip
    assert engine.decide(post).outcome.value != "pass"
