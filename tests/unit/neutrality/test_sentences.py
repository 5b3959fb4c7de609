"""The sentence-end patterns every reader shares (neutrality.sentences)."""

from __future__ import annotations

import re

import pytest

from neutrality import sentences


def _ends(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Ayo coblos. Besok pagi", 1),
        ("Mantap!!! Lanjut", 1),
        ("Baca di tempo.co hari ini", 0),  # a domain's dot
        ("Naik 1.5 persen", 0),  # a decimal
        ("baris satu\nbaris dua", 1),
        ("Selesai.", 1),  # at the end of the text
    ],
)
def test_end_is_a_run_of_marks_before_a_blank_or_a_line_break(text: str, ends: int) -> None:
    assert _ends(sentences.END, text) == ends


def test_an_ellipsis_glued_to_the_next_word_ends_a_sentence_only_with_its_own_pattern() -> None:
    text = "Pak Anies the best...debat semalam"
    assert _ends(sentences.END, text) == 0
    assert _ends(sentences.END_OR_ELLIPSIS, text) == 1
    assert _ends(sentences.END_OR_ELLIPSIS, "menunggu\u2026hasil") == 1


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Coblos No. 2 ya", 0),  # an abbreviation's stop
        ("Kab. Bandung dan Kec. Cepu", 0),
        ("visi misi paslon. Kedua paslon hadir", 1),
        ("Siap? Lanjut", 1),
        ("baris satu\nbaris dua", 1),
    ],
)
def test_an_abbreviations_stop_is_no_end(text: str, ends: int) -> None:
    assert _ends(sentences.END_NOT_ABBREVIATION, text) == ends


def test_stop_is_any_mark_glued_or_not() -> None:
    assert sentences.STOP.search("di TPS. 57 persen") is not None
    assert sentences.STOP.search("No. 2") is not None
    assert sentences.STOP.search("tanpa tanda apa pun") is None


def test_prose_ends_where_a_capital_follows_a_full_stop_or_semicolon() -> None:
    text = "Ia hadir di Jakarta. Menurut panitia acara dimulai pukul 09.00; Semua tamu datang."
    assert _ends(sentences.PROSE_END, text) == 2  # not "09.00", not the last stop
