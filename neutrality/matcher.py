"""One Aho-Corasick pass over the normalised text for every catalogue and pack term at once.

Matches respect token boundaries ("pan" does not match inside "panas"); emoji terms need none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

import ahocorasick


class Kind(IntEnum):
    ALIAS = 1  # a participant's name or nickname
    CAMPAIGN = 2  # a slogan, jingle or hashtag that is campaigning by itself
    NUMBER = 3  # a ballot-number form: "nomor urut 2", "02", "paslon dua"
    GESTURE = 4  # a hand sign: emoji or phrase ("dua jari")
    GROUP = 5  # a winning-team group name
    LIST = 6  # a term from one of the pack's lists (cues, exceptions, context)
    RACE_KIND = 7  # a word naming a kind of race: capres, cagub, caleg ...


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a matched term is read as. A term can carry several meanings."""

    kind: Kind
    key: str = ""  # participant id, list name or race kind
    value: int = 0  # ballot number for NUMBER and GESTURE
    strong: bool = True  # False: a collision-risk term that needs a second signal
    anchor: bool = True  # True: worth a full look even without other hits


Hit = tuple[tuple[Meaning, ...], int, int]
# The order in which an automaton's keys are added: pyahocorasick keeps a node's children in the
# order they were added and finds the next one by a linear search, so a node whose common
# children come first is left sooner (a tenth of the quick look's work is that search). Keys are
# added by the characters Indonesian text uses most (after a space: that words begin with most;
# counted on the quick forms of the real train part). The order changes no match and no order of
# matches: those depend only on the keys.
_COMMON = " aniekrtsumpdglobhyjwc20f14v3795z8x6q"
_COMMON_INITIAL = "pdsmkbatjignyhlcur2ewo1fv3054z7q8x69"
_RARE = len(_COMMON) + len(_COMMON_INITIAL)
# The ranks as characters, for `str.translate` (one C call per word, not a Python step per
# character): a character outside a table sorts after every ranked one, by code point.
_TABLE_SIZE = 0x3000  # beyond it (CJK and up) a character keeps its own code point
_BY_RANK = [chr(_RARE + i) for i in range(_TABLE_SIZE)]
_BY_INITIAL_RANK = list(_BY_RANK)
for _i, _c in enumerate(_COMMON):
    _BY_RANK[ord(_c)] = chr(_i)
for _i, _c in enumerate(_COMMON_INITIAL):
    _BY_INITIAL_RANK[ord(_c)] = chr(_i)
_SPACE_RANK = _BY_RANK[ord(" ")]


def common_first(key: str) -> str:
    """A sort key putting keys made of common characters first, character by character (see
    `_COMMON`); characters outside the tables follow, by code point. A key's first character is
    ranked among all characters: the root is where every failed step of a search returns; a
    character after a space among the characters words begin with."""
    head, *rest = key.split(" ")
    out = [head.translate(_BY_RANK)]
    for word in rest:
        out.append(_SPACE_RANK)
        if word:
            out.append(word[0].translate(_BY_INITIAL_RANK))
            out.append(word[1:].translate(_BY_RANK))
    return "".join(out)


# Lower-case ASCII letters, digits and spaces: where a term's boundaries are spaces.
_PLAIN = re.compile("[a-z0-9 ]*")  # meanings, start, end (end exclusive)


class Matcher:
    """Terms in, one automaton out; `scan` returns the boundary-respecting hits."""

    def __init__(self, boundaries: bool = True) -> None:
        self.boundaries = boundaries
        self._terms: dict[str, list[Meaning]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._spaced: ahocorasick.Automaton | None = None

    def add(self, term: str, meaning: Meaning) -> None:
        if not term:
            return
        bucket = self._terms.setdefault(term, [])
        if meaning not in bucket:
            bucket.append(meaning)

    @property
    def terms(self) -> dict[str, list[Meaning]]:
        return self._terms

    def build(self) -> None:
        automaton = ahocorasick.Automaton()
        # For plain text (lower-case ASCII letters, digits and spaces) the terms that can occur
        # in it, with their boundaries written in as spaces: see QuickFilter. Every such term
        # starts and ends with a letter or digit, so each gains one space on both sides, and
        # its hits come out in the same order as from the bounded automaton.
        spaced = ahocorasick.Automaton()
        exact = self.boundaries  # a plain term with a space at an end would need the bounded way
        padded: dict[str, tuple[tuple[Meaning, ...], int]] = {}
        for term in sorted(self._terms, key=common_first):
            meanings = tuple(self._terms[term])
            left = term[0].isalnum()
            right = term[-1].isalnum()
            automaton.add_word(term, (meanings, len(term), left, right))
            if _PLAIN.fullmatch(term):
                exact = exact and left and right
                padded[f" {term} "] = (meanings, len(term))
        for key in sorted(padded, key=common_first):
            spaced.add_word(key, padded[key])
        if self._terms:
            automaton.make_automaton()
            self._automaton = automaton
        if exact and len(spaced):
            spaced.make_automaton()
            self._spaced = spaced

    def scan(self, text: str, plain: bool = False) -> list[Hit]:
        """The hits in `text`; `plain` says the caller knows it is plain (see `_PLAIN`)."""
        if self._spaced is not None and (plain or _PLAIN.fullmatch(text)):
            # A key " term " whose trailing space is at i in " text " is the term at
            # [i - 1 - len(term), i - 1) in `text`.
            return [
                (meanings, end - length - 1, end - 1)
                for end, (meanings, length) in self._spaced.iter(f" {text} ")
            ]
        return self.scan_bounded(text)

    def scan_bounded(self, text: str) -> list[Hit]:
        """`scan` for any text, each hit's boundaries checked one by one (and the reference the
        plain-text way is tested against)."""
        automaton = self._automaton
        if automaton is None or not text:
            return []
        hits: list[Hit] = []
        n = len(text)
        check = self.boundaries
        for end, (meanings, length, left, right) in automaton.iter(text):
            start = end - length + 1
            if check:
                if left and start > 0 and text[start - 1].isalnum():
                    continue
                if right and end + 1 < n and text[end + 1].isalnum():
                    continue
            hits.append((meanings, start, end + 1))
        return hits


LEET_DIGITS = "0134578"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


class QuickFilter:
    """A cheap first look: could the full normalisation find anything worth judging?

    Built from the anchor terms plus triggers for every obfuscation the normaliser undoes
    (stretched letters, spaced-out letters, leetspeak digits, and the whole-word `triggers`:
    slang, names cut in two), so a post it rejects cannot match anything after full
    normalisation either.
    """

    def __init__(self, anchors: list[str], triggers: list[str]) -> None:
        automaton = ahocorasick.Automaton()
        entries: dict[str, tuple[int, bool, bool, bool]] = {}
        for term in triggers:
            if term:
                entries[term] = (len(term), term[0].isalnum(), term[-1].isalnum(), True)
        for c in LETTERS:
            entries[c * 3] = (3, False, False, True)  # gasss
            for d in LEET_DIGITS:
                entries[c + d] = (2, False, False, True)  # pr4bowo
                entries[d + c] = (2, False, False, True)
            for c2 in LETTERS:
                entries[f" {c} {c2} "] = (5, False, False, True)  # g a n j a r
        for term in anchors:
            if term and term not in entries:
                entries[term] = (len(term), term[0].isalnum(), term[-1].isalnum(), False)
        # The same entries with their boundaries written in as spaces, for a text made only of
        # lower-case ASCII letters, digits and spaces (most quick forms): there a term stands
        # alone exactly when a space (or the padding) borders it, so this automaton reports only
        # the hits that count and no boundary is checked in Python (short terms such as "p" or
        # "ga" occur inside many words).
        words: dict[str, bool] = {}
        for term in sorted(entries, key=common_first):
            _, left, right, trigger = entries[term]
            automaton.add_word(term, (_, left, right, trigger))
            padded = f"{' ' if left else ''}{term}{' ' if right else ''}"
            words[padded] = words.get(padded, False) or trigger
        automaton.make_automaton()
        self._automaton = automaton
        spaced = ahocorasick.Automaton()
        for padded in sorted(words, key=common_first):
            spaced.add_word(padded, words[padded])
        spaced.make_automaton()
        self._spaced = spaced

    def look(self, text: str, plain: bool = False) -> tuple[bool, bool]:
        """(an anchor or trigger was found, an obfuscation trigger was found); `plain` says the
        caller knows the text is plain (see `_PLAIN`): it is not matched against it again."""
        text = f" {text} "
        if plain or _PLAIN.fullmatch(text):
            found = False
            for _, trigger in self._spaced.iter(text):
                if trigger:
                    return True, True
                found = True
            return found, False
        return self.look_bounded(text)

    def look_bounded(self, text: str) -> tuple[bool, bool]:
        """`look` for any padded text, each hit's boundaries checked one by one: the way for
        text with punctuation, capitals or other scripts (and the reference the fast way is
        tested against)."""
        n = len(text)
        found = False
        for end, (length, left, right, trigger) in self._automaton.iter(text):
            start = end - length + 1
            if left and start > 0 and text[start - 1].isalnum():
                continue
            if right and end + 1 < n and text[end + 1].isalnum():
                continue
            if trigger:
                return True, True
            found = True
        return found, False
