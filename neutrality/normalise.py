"""Indonesian social-media text to a canonical form for matching, with offsets back to the original.

The same steps run in two modes: fast (no offsets, used for every post) and tracked (offsets for
every character, used only when evidence has to be shown). Both produce the same string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from neutrality.catalogue import Language

# Punctuation and emoji joiners become spaces (same length, so offsets do not move).
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’„«»–—…•·¡¿"
_SPACE_CHARS = (
    _PUNCT + "\ufe0f\ufe0e\u200d\u200b\u00a0" + "".join(chr(c) for c in range(0x1F3FB, 0x1F400))
)
_TRANSLATE = {ord(c): " " for c in _SPACE_CHARS}

_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\W\d_]+")
_LEET_TOKEN = re.compile(
    r"(?<![a-z0-9@$!])(?=[a-z0-9@$!]*[a-z])(?=[a-z0-9@$!]*[0-9@$!])[a-z0-9@$!]+"
)
_STRETCH = re.compile(r"([a-z])\1{2,}")
_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z] ){2,}[a-z](?![a-z0-9])")
_WS = re.compile(r"\s{2,}|[^\S ]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_EDGE_SPACE = re.compile(r"^ +| +$")
_ANY = re.compile(r"[\s\S]+")
# An emoji written as its Unicode name, as exports and archives of posts render them
# ("<Victory Hand>", "<FACE WITH TEARS OF JOY>"): read as the emoji a reader would have seen.
EMOJI_NAME = re.compile(r"<([A-Za-z][A-Za-z &'-]{2,60})>")

Repl = Callable[[re.Match[str]], str | None]


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised field: `text` is what is matched, `orig` what the person wrote."""

    orig: str
    text: str
    starts: list[int] | None = None  # original start of each normalised character
    ends: list[int] | None = None  # original end (exclusive) of each normalised character
    quick: bool = False  # `text` is the quick form (see `quick_form`), equal to the full one

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for a normalised [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.orig)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


class _Tracked:
    """A string plus per-character original offsets; rewrites keep the mapping."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = list(range(len(text)))
        self.ends = list(range(1, len(text) + 1))

    def sub(self, pattern: re.Pattern[str], repl: Repl) -> None:
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None:
                continue
            a, b = m.span()
            out.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            out.append(new)
            if len(new) == b - a:
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
            elif new:
                lo = self.starts[a] if b > a else (self.starts[a] if a < len(self.starts) else 0)
                hi = self.ends[b - 1] if b > a else lo
                starts.extend([lo] * len(new))
                ends.extend([hi] * len(new))
            pos = b
        if not out:
            return
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        self.text = "".join(out)
        self.starts = starts
        self.ends = ends


def emoji_by_name(m: re.Match[str]) -> str | None:
    """The emoji a `<Name>` stands for (its Unicode name, with or without " sign"), else None."""
    name = m.group(1).replace("&", "and").upper()
    for candidate in (name, f"{name} SIGN"):
        try:
            return unicodedata.lookup(candidate)
        except KeyError:
            continue
    return None


def _emoji_repl(m: re.Match[str]) -> str:
    return emoji_by_name(m) or m.group(0)


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def _camel(m: re.Match[str]) -> str:
    return " " + " ".join(_CAMEL.findall(m.group(1)))


def _collapse(m: re.Match[str]) -> str:
    return m.group(1)


def _drop(_m: re.Match[str]) -> str:
    return ""


def _space(_m: re.Match[str]) -> str:
    return " "


# The ASCII part of the punctuation table as a bytes table: the quick form's fast lane.
_ASCII_BLANK = bytes(ord(" ") if chr(i) in _SPACE_CHARS else i for i in range(256))
_LEET_SYMBOL = re.compile(r"[a-z][@$]|[@$][a-z]")


def quick_form(raw: str) -> str | None:
    """The cheap first form of a field: folded, punctuation blanked, spaces collapsed. None when
    only the full normaliser can read it (leetspeak written with @ or $, an emoji by name).
    When the quick filter finds no obfuscation trigger in it, it equals what
    `Normaliser.normalise` would produce."""
    if "<" in raw and EMOJI_NAME.search(raw):
        return None
    if raw.isascii():
        folded = raw.lower()
        blanked = folded.encode().translate(_ASCII_BLANK).decode()
    else:
        folded = _fold(raw)
        blanked = folded.translate(_TRANSLATE)
    if ("@" in folded or "$" in folded) and _LEET_SYMBOL.search(folded):
        return None
    return " ".join(blanked.split())


_WORDS = re.compile(r"\S+")


def quick_offsets(raw: str, text: str) -> NormText:
    """Offsets for an ASCII field whose normalised form `text` is its quick form: folding and
    blanking keep every character in place, so the only change is that each run of blanks became
    one space, and the offsets follow from where the words are. The same offsets the tracked
    normaliser computes, without its per-character rewrites (tests hold the two together)."""
    starts: list[int] = []
    ends: list[int] = []
    blanked = raw.lower().encode().translate(_ASCII_BLANK).decode()
    previous_end = -1
    for m in _WORDS.finditer(blanked):
        a, b = m.span()
        if previous_end >= 0:  # the one space standing for the blanks between two words
            starts.append(previous_end)
            ends.append(a)
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))
        previous_end = b
    return NormText(raw, text, starts, ends)


def one_tag_offsets(raw: str, text: str) -> NormText | None:
    """Offsets for a field that is one ASCII hashtag ("#PrabowoGibran2024"), else None; the
    offsets the tracked normaliser records, without its per-character rewrites. A tag split into
    words changes length, so every normalised character stands for the whole tag; a tag of one
    word ("#prabowo") keeps its letters in place when nothing after the split rewrote them."""
    tag = _HASHTAG.fullmatch(raw) if raw.isascii() else None
    if tag is None:
        return None
    split = _camel(tag).lower().translate(_TRANSLATE)
    n = len(text)
    if len(split) != len(raw):
        return NormText(raw, text, [0] * n, [len(raw)] * n)
    first = len(split) - len(split.lstrip(" "))
    if split.strip(" ") != text:  # a later step rewrote it (a stretched or spaced word)
        return None
    return NormText(raw, text, list(range(first, first + n)), list(range(first + 1, first + n + 1)))


class Normaliser:
    """Built once from the catalogue's language data and the vocabulary of known terms."""

    def __init__(self, language: Language, vocabulary: frozenset[str] = frozenset()) -> None:
        self.vocabulary = vocabulary
        self._leet = str.maketrans(language.leet)
        self.slang = dict(language.slang)
        keys = sorted(self.slang, key=len, reverse=True)
        self._slang_re = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![a-z0-9])"
        )

    # Each step is a (pattern, replacement) so fast and tracked modes share the logic.
    def _leet_repl(self, m: re.Match[str]) -> str | None:
        word = m.group(0).translate(self._leet)
        return word if word in self.vocabulary else None

    def _spaced_repl(self, m: re.Match[str]) -> str | None:
        word = m.group(0).replace(" ", "")
        return word if word in self.vocabulary else None

    def _slang_repl(self, m: re.Match[str]) -> str:
        return self.slang[m.group(0)]

    def normalise(self, orig: str, track: bool = False) -> NormText:
        """Canonical text for matching; with track=True also the offsets back to `orig`."""
        if track:
            return self._tracked(orig)
        s = EMOJI_NAME.sub(_emoji_repl, orig) if "<" in orig else orig
        s = _HASHTAG.sub(_camel, s) if "#" in s else s
        s = _fold(s)
        if self.vocabulary:
            s = _LEET_TOKEN.sub(lambda m: self._leet_repl(m) or m.group(0), s)
        s = s.translate(_TRANSLATE)
        s = _STRETCH.sub(r"\1", s)
        if self.vocabulary:
            s = _SPACED.sub(lambda m: self._spaced_repl(m) or m.group(0), s)
        s = _WS.sub(" ", s)
        s = self._slang_re.sub(self._slang_repl, s)
        return NormText(orig, s.strip(" "))

    def _tracked(self, orig: str) -> NormText:
        buf = _Tracked(orig)
        if "<" in orig:
            buf.sub(EMOJI_NAME, emoji_by_name)
        if "#" in buf.text:
            buf.sub(_HASHTAG, _camel)
        folded = _fold(buf.text)
        if buf.text.isascii():
            buf.text = folded
        else:
            fine = _Tracked(buf.text)
            fine.starts, fine.ends = buf.starts, buf.ends
            fine.sub(_NON_ASCII, lambda m: _fold(m.group(0)))
            fine.text = fine.text.lower()
            if fine.text == folded:
                buf = fine
            else:  # composition across characters: fall back to whole-field offsets
                buf.sub(_ANY, lambda m: _fold(m.group(0)))
        if self.vocabulary:
            buf.sub(_LEET_TOKEN, self._leet_repl)
        buf.text = buf.text.translate(_TRANSLATE)
        buf.sub(_STRETCH, _collapse)
        if self.vocabulary:
            buf.sub(_SPACED, self._spaced_repl)
        buf.sub(_WS, _space)
        buf.sub(self._slang_re, self._slang_repl)
        buf.sub(_EDGE_SPACE, _drop)
        return NormText(orig, buf.text, buf.starts, buf.ends)
