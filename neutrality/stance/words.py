"""Words of a field, as every reader of the stance package counts them.

The readers measure in words: a negation within a few words of a vote, a participant named right
before a verdict, a pronoun a few words before a support word. This module holds what they share
to do so: the words of a text (`words_of`, remembered for the post being read), word numbers of
character offsets (`WordIndex`, `within`, `opening`), where participants are named
(`participant_words`), a first-person pronoun (`first_person`), and the closed classes more than
one reader needs (the relative "yang", the pronouns, the hearers addressed, the terms of
address). It reads no cue of its own, so every other module may import it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from neutrality.featureset import Ev, Features
from neutrality.wordclasses import FIRST_PERSONS, SECOND_PERSONS, word_set

RELATIVE = frozenset(["yang", "yg"])


# Prepositions and conjunctions of time, manner and purpose that make a verb after them an
# adverbial ("santai dalam menjelaskan", "saat menyampaikan", "untuk menegaskan"): the verb
# tells how or when someone acted, not to whom the words that follow belong.
ADVERBIAL = word_set(
    "dalam saat ketika waktu sewaktu sambil tanpa sebelum sesudah setelah usai seusai selama "
    "untuk utk demi"
)


def word_before_in(ev: Ev, texts: dict[str, str], words: frozenset[str]) -> bool:
    """Whether the word right before a piece of evidence is one of `words`: the relative "yang"
    (`RELATIVE`) before a verb of saying makes it describe the noun it follows ("Rano yg
    dianggap mewakili orang Betawi"); a preposition or conjunction (`ADVERBIAL`) makes it tell
    how or when someone spoke ("Ganjar tetap santai dalam menjelaskan, 03 the best"). Neither
    gives the words after it to a speaker, as a headline's "Ganjar menjelaskan, ..." does."""
    if ev.start is None:
        return False
    before = texts.get(ev.field, "")[: ev.start].rsplit(None, 1)
    return bool(before) and before[-1] in words


# Universal quantifiers: every member of what follows ("semua calon", "seluruh kepala desa",
# "masing-masing paslon"), with their spoken and reduplicated forms. Not "para", which only makes
# a plural; the readers that also take a plural or a count add it to this class.
UNIVERSAL = word_set("semua seluruh segenap segala setiap tiap masing masing-masing masing2")

# Who may stand right before a passive order for it to be the author's own directive to them:
# second-person pronouns (Indonesian, Javanese, Sundanese, Betawi, eastern Malay) and the
# vocatives that address a group.
HEARERS = SECOND_PERSONS | word_set("bapak ibu saudara saudari sekalian semua rekan teman")

FIRST_PERSON = re.compile(rf"\b(?:{'|'.join(sorted(FIRST_PERSONS))})\b", re.I)
_FIRST_PERSON_LOWER = re.compile(rf"\b(?:{'|'.join(sorted(FIRST_PERSONS))})\b")


def first_person(text: str) -> bool:
    """Whether `text` has a first-person pronoun as a word (`FIRST_PERSON`). ASCII text is
    lowered and matched case-sensitively: the same matches (lowering keeps every ASCII
    character in place and a word a word) for a third of the time an ignore-case alternation
    takes; other text is matched as written."""
    if text.isascii():
        return _FIRST_PERSON_LOWER.search(text.lower()) is not None
    return FIRST_PERSON.search(text) is not None


WORD = re.compile(r"[^\W\d_][\w'’-]*")
# ASCII text with every byte that cannot be in a `WORD` blanked: its runs, less the digits,
# "_", "'" and "-" a word cannot start with, are the words `WORD` finds.
_WORD_BYTES = bytes(
    i if chr(i).isalnum() or chr(i) in "_'-" else ord(" ") for i in range(128)
) + bytes([ord(" ")] * 128)
_NOT_WORD_START = "0123456789_'-"
WORDS_KEPT = 64  # texts whose words are remembered: the fields of the post being read


@lru_cache(maxsize=WORDS_KEPT)
def words_of(text: str) -> tuple[str, ...]:
    """`WORD.findall(text)`: for ASCII text (most) by C string calls and one strip per word,
    a fraction of the regex's cost (it tests character classes at every character). Headline,
    news prose and own voice read the words of one field in turn: the last few texts' words
    are remembered."""
    if not text.isascii():
        return tuple(WORD.findall(text))
    runs = text.encode().translate(_WORD_BYTES).decode().split()
    return tuple(word for run in runs if (word := run.lstrip(_NOT_WORD_START)))


_SPACE = re.compile(" ")


def has_dash(text: str) -> bool:
    """Whether a dash of any length is in the text (three substring tests, no loop over it)."""
    return "-" in text or "–" in text or "—" in text


def opening(text: str, words: int) -> int:
    """Offset where the first `words` words of normalised text end."""
    return reach(text, -1, words)


def reach(text: str, at: int, words: int) -> int:
    """Offset where the `words` words after offset `at` of normalised text end (the text's end
    if it comes first): how far a word's scope runs."""
    end = at
    for _ in range(words):
        end = text.find(" ", end + 1)
        if end < 0:
            return len(text)
    return end


def participant_words(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    words: WordIndex,
) -> dict[str, list[int]]:
    """Per field, the sorted word numbers where a participant is named."""
    where: dict[str, list[int]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw and ev.field in texts:
                where.setdefault(ev.field, []).append(words.at(ev.field, ev.start))
    for positions in where.values():
        positions.sort()
    return where


def within(positions: list[int], word: int, window: int) -> bool:
    """Whether a sorted list of word numbers holds one within `window` words of `word`."""
    i = bisect_left(positions, word - window)
    return i < len(positions) and positions[i] <= word + window


class WordIndex:
    """Word number of a character offset in normalised text (single spaces between words),
    from the space offsets of each field, found once."""

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts
        self._spaces: dict[str, list[int]] = {}

    def at(self, field: str, offset: int) -> int:
        spaces = self._spaces.get(field)
        if spaces is None:
            text = self._texts.get(field, "")
            spaces = self._spaces[field] = [m.start() for m in _SPACE.finditer(text)]
        return bisect_left(spaces, offset)
