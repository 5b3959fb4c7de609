"""Names written with a slip of the keyboard or the ear, or glued to the honorific before them.

Comments and tweets spell candidates as they sound or as the thumb falls: "Anis" for Anies,
"perabowo" and "brabowo" for Prabowo, "pakPrabowo" with the honorific run into the name,
"PrabowoLah" with a particle run onto it. The lexicon finds every spelling the language's
conventions give (spelling.py); these are slips, one letter off, and no list could hold them
all. A word one edit away from a catalogued name is
that name only where the rest of the sentence speaks of a candidacy, a vote or support (the
extractor passes the words near such a cue), so an everyday word that happens to lie one letter
from a name stays that word everywhere else.

The search is bounded: only catalogued single-word names of MIN_NAME letters or more are read
(a shorter name has too many neighbours among everyday words), only words of MIN_WORD letters
or more that are not themselves a known term, and each word is compared only with the names
of its first letter (or one said alike) and of a length at most one letter off, found in one
lookup in a table built once at load.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable

MIN_NAME = 5  # a name this long or longer is matched one edit away
MIN_WORD = 4  # "anis" (Anies): a shorter word is read only as written
MIN_GLUED = 4  # the name after a glued honorific ("pakahok") is read as written, this long
SLIP = "a name misspelt"
GLUED = "a name glued to its honorific"
ENCLITIC = "a name with a particle glued to it"
# The enclitic particles Indonesian writes joined to the word before ("Prabowolah yang top",
# "Aniesnya", "Ganjarpun"): a closed grammatical class, read off a name as an honorific is.
ENCLITICS = ("lah", "kah", "tah", "pun", "nya")
NEAR_WORDS = 6  # words between a cue and the slip it makes a name
_WORD = re.compile(r"[a-z]+")
# ASCII text with every byte but a-z blanked: its words by `str.split`, as `_WORD` finds them.
_LETTERS_ONLY = bytes(i if ord("a") <= i <= ord("z") else ord(" ") for i in range(256))
WORDS_KEPT = 65_536  # words whose reading is remembered
_UNREAD = ("", "")  # a word not read yet (no reading is this)
# A slip keeps the name's first letter, or swaps it for the letter said with the same mouth and
# the other voice (b/p, d/t, g/k, f/p/v, j/c, s/z: "brabowo"): a word with another first letter
# is another word ("banjar" is not Ganjar).
_SOUNDS_ALIKE = (
    ("b", "p"),
    ("d", "t"),
    ("g", "k"),
    ("f", "p"),
    ("f", "v"),
    ("p", "v"),
    ("j", "c"),
    ("s", "z"),
)
_SAME_START = frozenset({*_SOUNDS_ALIKE, *((b, a) for a, b in _SOUNDS_ALIKE)})


def one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by exactly one insertion, deletion, substitution or swap of
    two neighbouring letters (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):  # one letter inserted at i
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:  # one letter substituted at i
        return True
    return a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]


class NameSpeller:
    """Finds catalogued names written one letter off, or glued to an honorific."""

    def __init__(
        self, names: Iterable[str], known: Collection[str], honorifics: Collection[str]
    ) -> None:
        """`names`: single-word names (normalised) that may be misspelt; `known`: every word of
        the lexicon (a known term is read as itself, never as a slip); `honorifics`: the terms
        of address that may be glued before a name."""
        self._names = frozenset(n for n in names if n.isalpha() and len(n) >= MIN_GLUED)
        self._known = frozenset(known) | self._names
        # Honorifics by length, longest first: at most one of each length begins a word, so one
        # slice and one lookup per length find what trying each honorific in turn would.
        self._honorifics = frozenset(honorifics)
        self._honorific_lengths = tuple(sorted({len(h) for h in honorifics}, reverse=True))
        # The names a word could be one edit from, by its first letter and length: the same
        # first letter or one said alike, and a length at most one letter off. Most words have
        # none, and cost one lookup.
        near: dict[tuple[str, int], list[str]] = {}
        for name in sorted(self._names):
            if len(name) < MIN_NAME:
                continue
            firsts = {name[0]} | {b for a, b in _SAME_START if a == name[0]}
            for first in firsts:
                for length in (len(name) - 1, len(name), len(name) + 1):
                    near.setdefault((first, length), []).append(name)
        self._near = {key: tuple(names) for key, names in near.items()}
        # What each word read as (words recur: "pilih", "dukung", everyday words beside a cue),
        # up to WORDS_KEPT of them (memory stays bounded), and which of them read as a name.
        self._read: dict[str, tuple[str, str] | None] = {}
        self._named: set[str] = set()

    def name_of(self, word: str) -> tuple[str, str] | None:
        """(name, how) for the one catalogued name `word` is glued to (GLUED) or a slip of
        (SLIP), else None."""
        if len(word) < MIN_WORD or word in self._known:
            return None
        for length in self._honorific_lengths:
            if len(word) - length >= MIN_GLUED and word[:length] in self._honorifics:
                rest = word[length:]
                if rest in self._names:
                    return rest, GLUED
        for clitic in ENCLITICS:
            if word.endswith(clitic) and word[: -len(clitic)] in self._names:
                return word[: -len(clitic)], ENCLITIC
        near = self._near.get((word[0], len(word)))
        if near is None:
            return None
        close = [name for name in near if one_edit(word, name)]
        return (close[0], SLIP) if len(close) == 1 else None

    def names_any(self, text: str) -> bool:
        """Whether any word of `text` (normalised) reads as a catalogued name written with a
        slip or glued to its honorific: the quick look's test that the full look may find a
        name here (`find` then asks for a cue beside it)."""
        # The words are runs of ASCII lower-case letters (`_WORD`): any other character, an
        # emoji or a letter of another script among them, is one more separator, so it may
        # become a "?" first and any text go through the C calls an ASCII one does (`_WORD`
        # over a text with one emoji cost more than the rest of this test).
        words = text.encode("ascii", "replace").translate(_LETTERS_ONLY).decode().split()
        named = self._remember(words)
        if named is None:  # the memory is full: read them without remembering
            return any(self.name_of(word) is not None for word in set(words))
        return named

    def _remember(self, words: list[str]) -> bool | None:
        """Read the words not read before and remember their readings (words recur: "pilih",
        "dukung", everyday words); whether any of `words` reads as a name. None, and nothing
        remembered, when that would hold more than WORDS_KEPT words."""
        known = self._read
        unread = set(words).difference(known)
        if len(known) + len(unread) > WORDS_KEPT:
            return None
        for word in unread:
            reading = known[word] = self.name_of(word)
            if reading is not None:
                self._named.add(word)
        return not self._named.isdisjoint(words)

    def find(self, text: str, cues: Collection[int]) -> list[tuple[int, int, str, str]]:
        """(start, end, name, how) of each slip in `text` (normalised) within NEAR_WORDS words of a
        cue starting at one of the offsets `cues`.

        Most windows of words around a cue hold no slip: their words are found as strings (no
        match object each), the word a cue falls in is counted in the text up to it, and a window
        whose words were all read before and none as a name costs two set operations. Only a
        window with a name in it is read word by word (`find_slow`, the reference). Every text
        is split by C string calls, not the regex: any character but an ASCII letter separates
        words (`_WORD`), and one that is not ASCII becomes one "?" (one character for one, so
        offsets hold; see `names_any`). The word a cue falls in is the last word starting at or
        before it: the number of words in the text up to it, less one."""
        letters = text.encode("ascii", "replace").translate(_LETTERS_ONLY).decode()
        words = letters.split()
        # No word of the whole text reads as a name (all read before, the usual case): no
        # window around a cue holds one either, and where each cue falls is not needed.
        if self._remember(words) is False:
            return []
        at = sorted({len(letters[: cue + 1].split()) - 1 for cue in cues})
        seen = -1
        for cue in at:
            lo = max(cue - NEAR_WORDS, seen + 1)
            hi = min(cue + NEAR_WORDS + 1, len(words))
            if lo >= hi:
                continue
            seen = hi - 1
            # a name in the window, or the memory full: read as the reference does
            if self._remember(words[lo:hi]) is not False:
                return self.find_slow(text, cues)
        return []

    def find_slow(self, text: str, cues: Collection[int]) -> list[tuple[int, int, str, str]]:
        """`find` word by word, with each word's match: the reference `find` is held to, and the
        way for a text with a slip in it."""
        words = list(_WORD.finditer(text))
        starts = [m.start() for m in words]
        at = sorted({bisect_right(starts, cue) - 1 for cue in cues})
        out: list[tuple[int, int, str, str]] = []
        seen = -1
        known = self._read
        for cue in at:
            for i in range(max(cue - NEAR_WORDS, seen + 1), min(cue + NEAR_WORDS + 1, len(words))):
                seen = i
                word = words[i].group()
                read = known.get(word, _UNREAD)
                if read is _UNREAD:
                    if len(known) >= WORDS_KEPT:
                        known.clear()
                        self._named.clear()
                    read = known[word] = self.name_of(word)
                    if read is not None:
                        self._named.add(word)
                if read is not None:
                    out.append((words[i].start(), words[i].end(), *read))
        return out
