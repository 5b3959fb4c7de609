"""Whose support is it: the subject of a support or vote verb, read from the written words."""

from __future__ import annotations

import pytest

from neutrality.holder import Holder, Subject, locate, subject_of, transitive


def _subject(text: str, verb: str) -> Subject | None:
    at = text.index(verb)
    return subject_of(text, at, at + len(verb))


@pytest.mark.parametrize(
    ("text", "verb", "words"),
    [
        # a named organisation (two capitalised words) before a verb of declaring
        ("Projo Jabar deklarasi dukung X di Pilpres 2024", "dukung", "Projo Jabar"),
        # a group noun, past an auxiliary
        ("Relawan DGP8 gunungkidul siap menangkan X", "menangkan", "Relawan DGP8 gunungkidul"),
        # a title or role, in lower case
        ("para ulama dan kiai kampung dukung X", "dukung", "para ulama dan kiai kampung"),
        # a single capitalised word that does not open its clause is a name
        ("kemarin Zulhas resmi dukung X", "dukung", "kemarin Zulhas"),
        # an acronym
        ("PDIP dukung X", "dukung", "PDIP"),
    ],
)
def test_a_third_party_before_the_verb(text: str, verb: str, words: str) -> None:
    subject = _subject(text, verb)
    assert subject is not None
    assert subject.holder is Holder.THIRD_PARTY
    assert subject.words == words
    assert text[subject.start : subject.end] == words


def test_the_speaker_a_headline_credits_after_its_claim() -> None:
    text = "Mantap dukung X di Pilpres 2024, Yenny Wahid: Sudah melalui pergulatan"
    subject = _subject(text, "dukung")
    assert subject is not None
    assert subject.holder is Holder.THIRD_PARTY
    assert text[subject.start : subject.end] == "Yenny Wahid"
    # a comma with no colon after the name credits nobody
    assert (
        _subject("Mantap dukung X di Pilpres 2024, Yenny Wahid sudah berdiskusi", "dukung") is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "saya dukung X",
        "Kami relawan siap menangkan X",  # the author in the group
        "gue resmi pilih X",
    ],
)
def test_the_author_holds_a_first_person_verb(text: str) -> None:
    verb = next(v for v in ("dukung", "menangkan", "pilih") if v in text)
    subject = _subject(text, verb)
    assert subject is not None and subject.holder is Holder.AUTHOR


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Dukung X!", "Dukung"),  # an imperative opens its clause with the verb
        ("Ayo pilih X", "pilih"),  # after a hortative
        ("Mantap! Projo dukung X", "dukung"),  # one capital opening a clause may be any word
        ("Hanya dengan memenangkan X, negara selamat", "memenangkan"),  # after a preposition
        ("Kalau cinta JOKOWI pasti dukung Y", "dukung"),  # inside a condition
        ("Klaim X benar 2024 Dukung Y", "Dukung"),  # a capital after lower case opens anew
        ("bukan salah dia saja Makanya coblos X", "coblos"),  # after a connective
        ("Gacoan | Anies Baswedan | dukung X", "dukung"),  # a bar between titles
    ],
)
def test_no_subject(text: str, verb: str) -> None:
    assert _subject(text, verb) is None


def test_the_person_addressed_holds_no_support_this_reader_knows() -> None:
    # whether the clause asks them is neutrality.question's to say
    assert _subject("@akun Jadi loe pilih mana, X apa Y?", "pilih") is None
    assert _subject("Kamu pilih X kan?", "pilih") is None
    assert _subject("kamu pilih X saja", "pilih") is None


def test_locate_finds_the_same_word_counted_as_often() -> None:
    orig = "Dukung! Relawan dukung X"
    norm = "dukung relawan dukung x"
    assert locate(orig, norm, norm.index("dukung", 1), len(norm) - 2) == (16, 22)
    assert locate(orig, norm, 0, 6) == (0, 6)
    # a word normalisation changed is not guessed at
    assert locate("Relawan dkg X", "relawan dukung x", 8, 14) is None


def test_transitive_verbs_only() -> None:
    assert transitive("siap menangkan")
    assert transitive("mendukung")
    assert transitive("pilih")
    assert not transitive("menang")  # the participant is the subject of a win
    assert not transitive("presiden 2024")


@pytest.mark.parametrize(
    ("text", "verb", "words"),
    [
        # an acronym glossed in parentheses is part of the name, not a clause of its own
        (
            "Partai Cahaya Nusa (PCN) resmi mendukung X di Pilpres",
            "mendukung",
            "Partai Cahaya Nusa (PCN)",
        ),
        # a counted crowd with a modifier of place: the head before the locative
        (
            "Ribuan petani kopi di kabupaten Lembah Hijau mendeklarasikan dukungan kepada X",
            "dukungan",
            "Ribuan petani kopi",
        ),
        ("Relawan dari Kota Baru siap memenangkan X", "memenangkan", "Relawan"),
        # a reflexive after a verb of declaring is no subject of its own
        ("Ikatan Guru Nusantara menyatakan diri mendukung X", "mendukung", "Ikatan Guru Nusantara"),
    ],
)
def test_a_third_party_named_with_a_gloss_or_a_modifier(text: str, verb: str, words: str) -> None:
    subject = _subject(text, verb)
    assert subject is not None
    assert subject.holder is Holder.THIRD_PARTY
    assert text[subject.start : subject.end] == words


def test_a_purpose_clause_takes_the_subject_of_its_clause() -> None:
    text = "Partai Karya Rakyat resmi bekerja sama dengan Partai Suara Desa untuk mendukung X"
    subject = _subject(text, "mendukung")
    assert subject is not None and subject.holder is Holder.THIRD_PARTY
    assert subject.words == "Partai Karya Rakyat"
    # a first person opening the clause holds it
    own = _subject("Kita semua bersatu untuk memilih X", "memilih")
    assert own is not None and own.holder is Holder.AUTHOR
    # a capitalised first word alone names nobody; a condition leaves the clause unread
    assert _subject("Saatnya Indonesia bersatu untuk memilih X", "memilih") is None
    assert _subject("Kalau Partai Karya Rakyat sepakat untuk mendukung X", "mendukung") is None


def test_a_modifier_does_not_hide_a_clause() -> None:
    # a relative or a condition in the phrase still leaves no plain subject
    assert _subject("Warga yang di kampung dukung X", "dukung") is None
    assert _subject("Kalau warga di kampung dukung X", "dukung") is None
    # the author in a place is still the author
    own = _subject("saya di Jakarta dukung X", "dukung")
    assert own is not None and own.holder is Holder.AUTHOR


def test_the_complement_of_a_verb_of_saying_is_its_speakers() -> None:
    # a third party's "bahwa" clause: its pronouns are the speaker's
    text = "Ketua Umum Partai Nusa Raya Budi Santoso memastikan bahwa kita akan memenangkan X"
    subject = _subject(text, "memenangkan")
    assert subject is not None and subject.holder is Holder.THIRD_PARTY
    assert subject.words == "Ketua Umum Partai Nusa Raya Budi Santoso"
    # the author's own declaration stays the author's
    own = _subject("Saya tegaskan bahwa kami mendukung X", "mendukung")
    assert own is not None and own.holder is Holder.AUTHOR
    # with no speaker named the complement's own subject holds the verb
    again = _subject("Perlu diingat bahwa kita harus pilih X", "pilih")
    assert again is not None and again.holder is Holder.AUTHOR
