"""Names written one letter off or glued to their honorific (misspelt.py, features.py `_slips`)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neutrality import Engine
from neutrality.misspelt import _SAME_START, ENCLITIC, GLUED, SLIP, NameSpeller, one_edit
from schemas import Outcome, Post

PILPRES_2024 = "2024-01-10T09:00:00+07:00"  # Pilpres 2024 campaign
PILPRES_2014 = "2014-06-10T09:00:00+07:00"  # neither Anies nor Prabowo 2024 in season


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("anis", "anies", True), ("perabowo", "prabowo", True), ("brabowo", "prabowo", True),
     ("parbowo", "prabowo", True), ("anies", "anies", False), ("anisa", "anies", False),
     ("prbwo", "prabowo", False), ("ganjar", "ganjarx", True)],
)  # fmt: skip
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected
    assert one_edit(b, a) is expected


def _speller() -> NameSpeller:
    return NameSpeller(["anies", "prabowo", "ganjar", "ahok"], {"anda", "pilih"}, ["pak", "bu"])


@pytest.mark.parametrize(
    ("word", "expected"),
    [("anis", ("anies", SLIP)), ("perabowo", ("prabowo", SLIP)),
     ("brabowo", ("prabowo", SLIP)),  # b for p: the same sound, voiced
     ("pakprabowo", ("prabowo", GLUED)), ("pakahok", ("ahok", GLUED)),
     ("banjar", None),  # another first letter, another word
     ("prabowolah", ("prabowo", ENCLITIC)), ("aniesnya", ("anies", ENCLITIC)),
     ("ganjarpun", ("ganjar", ENCLITIC)),
     ("prabowolat", None),  # no particle of the language after the name
     ("ahoc", None),  # a name of four letters is read only as written
     ("anies", None), ("pilih", None), ("anisa", None), ("ani", None)],
)  # fmt: skip
def test_name_of(word: str, expected: tuple[str, str] | None) -> None:
    assert _speller().name_of(word) == expected


def test_a_slip_is_read_only_near_a_cue() -> None:
    text = "kemarin anis datang ke pasar lalu makan siang bersama warga kami pilih"
    cue = text.index("pilih")
    assert _speller().find(text, []) == []
    assert _speller().find(text, [cue]) == []  # more than NEAR_WORDS words away
    near = "jujur saya tdk akan pilih anis"
    at = near.index("anis")
    assert _speller().find(near, [near.index("pilih")]) == [(at, at + 4, "anies", SLIP)]


def _post(text: str, when: str = PILPRES_2024, **kw: Any) -> Post:
    """A comment under a debate video, as most slips are written."""
    data = {"platform": "youtube", "post_id": "p1", "account_id": "youtube:asn.test",
            "action": "comment", "text": text, "event_time": when,
            "target": {"kind": "post", "name": "Debat Capres 2024 (YouTube)"}, **kw}  # fmt: skip
    return Post.model_validate(data)


def _labels(engine: Engine, post: Post) -> list[str]:
    analysis = engine.analyse(post, None, complete=True)
    if analysis.features is None:  # the first look found nothing to read further
        return []
    return [ev.label for evs in analysis.features.found.values() for ev in evs]


def test_a_misspelt_name_near_a_vote_is_the_participant(engine: Engine) -> None:
    post = _post("Setelah nonton debat jujur sya tdk akan pilih anis, terlalu berambisi")
    assert f"{SLIP} (anies):pilpres-2024/01" in _labels(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


def test_a_name_glued_to_its_honorific_is_the_participant(engine: Engine) -> None:
    post = _post("saya semakin yakin pilih pakPrabowo")
    assert f"{GLUED} (prabowo):pilpres-2024/02" in _labels(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


def test_a_slip_far_from_any_cue_or_out_of_season_names_nobody(engine: Engine) -> None:
    far = _post(
        "anis tadi pagi datang ke kantor kecamatan membawa berkas, lalu pulang. Debat nanti",
        target={"kind": "post", "name": "Video kegiatan kantor kecamatan"},
    )
    assert not any(label.startswith(SLIP) for label in _labels(engine, far))
    old = _post("Jujur saya tidak akan pilih anis", when=PILPRES_2014)
    assert engine.decide(old).outcome is Outcome.PASS
    # the name as written is read in any season: only the slip waits for it
    written = _post("Jujur saya tidak akan pilih Anies", when=PILPRES_2014)
    assert engine.decide(written).outcome is Outcome.FLAG


def _slip_by_every_name(speller: NameSpeller, names: list[str], word: str) -> str | None:
    """The reference the lookup table must agree with: every name of MIN_NAME letters or more
    tried in turn (same first letter or one said alike, one edit away), read when exactly one
    is."""
    close = [
        name
        for name in names
        if len(name) >= 5
        and (name[0] == word[0] or (name[0], word[0]) in _SAME_START)
        and one_edit(word, name)
    ]
    return close[0] if len(close) == 1 else None


def test_the_lookup_by_first_letter_and_length_finds_what_trying_every_name_finds() -> None:
    names = ["anies", "prabowo", "ganjar", "gibran", "golkar", "khofifah", "djarot", "ahok"]
    speller = NameSpeller(names, {"anda", "pilih"}, ["pak", "bu"])
    words = {"kantor", "kemarin", "rumah", "banjar", "tanjar", "ganjal", "gibrab", "khofifa"}
    for name in names:  # every one-letter slip of every name, and more
        for i in range(len(name) + 1):
            for c in "abdgkpstjcvfzo":
                words.update((name[:i] + c + name[i:], name[:i] + c + name[i + 1 :]))
            words.update(
                (
                    name[:i] + name[i + 1 :],
                    name[:i] + name[i + 1 : i + 2] + name[i : i + 1] + name[i + 2 :],
                )
            )
    for word in sorted(w for w in words if len(w) >= 4 and w not in {"anda", "pilih", *names}):
        read = speller.name_of(word)
        expected = _slip_by_every_name(speller, names, word)
        assert (read[0] if read is not None and read[1] == SLIP else None) == expected, word


def test_a_word_read_again_reads_the_same() -> None:
    speller = _speller()
    text = "ayo pilih anis dan perabowo, pilih anis"
    first = speller.find(text, [4, 27])
    assert first == speller.find(text, [4, 27])
    assert [name for _, _, name, _ in first] == ["anies", "prabowo", "anies"]


_WORDS = st.sampled_from(["ayo", "pilih", "anis", "perabowo", "rumah", "pakahok", "x", "2", "dan"])


@settings(max_examples=300)
@given(
    words=st.lists(_WORDS, max_size=30),
    seps=st.lists(st.sampled_from([" ", "  ", " 2 ", "!", " ✌ "]), min_size=30, max_size=30),
    cues=st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=4),
)
def test_the_quick_find_finds_what_reading_word_by_word_finds(
    words: list[str], seps: list[str], cues: list[int]
) -> None:
    """Windows without a name are passed over by set operations, the word a cue falls in is
    counted in the text before it: the same slips, in the same order, as the reference."""
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    cues = [c % (len(text) + 1) for c in cues]
    assert _speller().find(text, cues) == _speller().find_slow(text, cues)
    warm = _speller()
    warm.find_slow(text, cues)  # every word read before: the quick way reads the memory
    assert warm.find(text, cues) == warm.find_slow(text, cues)


def test_a_name_with_a_particle_glued_on_is_the_participant(engine: Engine) -> None:
    post = _post("Debat kali ini Pak PrabowoLah yang top")
    assert f"{ENCLITIC} (prabowo):pilpres-2024/02" in _labels(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


def test_a_comment_answering_a_race_reads_a_slip_anywhere_in_it(engine: Engine) -> None:
    """Under a debate's video the race is what the conversation is about: a slip needs no cue
    beside it ("pak prabwo" in a taunt about his defence budget)."""
    text = "Mmg anggaranmu disetujui pak prabwo tp orng komentari kinerjamu, jgn sok jago"
    assert f"{SLIP} (prabowo):pilpres-2024/02" in _labels(engine, _post(text))
    # the same words under a video about something else: no cue near, no slip read
    other = _post(text, target={"kind": "post", "name": "Video kegiatan kantor kecamatan"})
    assert not any(label.startswith(SLIP) for label in _labels(engine, other))


def test_names_any_tells_the_quick_look_a_slip_may_be_there() -> None:
    speller = _speller()
    assert speller.names_any("aku pilih p anis")
    assert speller.names_any("mantap pakprabowo")
    assert not speller.names_any("aku pilih yang jujur")
    assert not speller.names_any("anda pilih")  # known words are never slips
    assert speller.names_any("aku pilih p anis")  # remembered the same


def test_the_quick_look_lets_a_slip_beside_a_cue_through(engine: Engine) -> None:
    # no anchor word for the quick look: only the slip names a participant
    post = _post("Aku pilih p anis", target={"kind": "post"})
    assert engine.decide(post).outcome is Outcome.FLAG
    assert engine.analyse(post, full_path=True).decision.outcome is Outcome.FLAG
