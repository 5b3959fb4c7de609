"""Indonesian social-media text to a canonical form for matching, with offsets back to the original.

The same steps run in two modes: fast (no offsets, used for every post) and tracked (offsets for
every character, used only when evidence has to be shown). Both produce the same string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final

import ahocorasick

from neutrality.catalogue import Language
from neutrality.valueslots import ValueSlots

# Punctuation and emoji joiners become spaces (same length, so offsets do not move).
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’„«»–—…•·¡¿"
_SKIN_TONES = "".join(chr(c) for c in range(0x1F3FB, 0x1F400))
_SPACE_CHARS = _PUNCT + "\ufe0f\ufe0e\u200d\u00a0" + _SKIN_TONES
# Characters a reader does not see, dropped wherever they are ("Pra\u200bbowo" reads "Prabowo"):
# zero-width space and non-joiner, soft hyphen, word joiner and invisible operators, direction
# marks and overrides, the byte-order mark, the combining grapheme joiner, the Mongolian vowel
# separator, Hangul fillers and the tag characters. The zero-width joiner stays: it builds emoji.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0"
) | frozenset(chr(c) for c in range(0xE0000, 0xE0080))
# Letters of other scripts and styles that a reader takes for Latin ones, after NFKC and case
# folding (which already map fullwidth, mathematical, circled and superscript letters): the
# idea of Unicode's confusable skeleton (UTS #39, confusables.txt), on a curated table of the
# lookalikes of the letters Indonesian is written in. Cyrillic, Greek, small capitals and IPA.
CONFUSABLE = {
    # Cyrillic, capital and small (a capital may look like another letter than its small form)
    "А": "a", "В": "b", "Е": "e", "Ё": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p",
    "С": "c", "Т": "t", "У": "y", "Х": "x", "Ѕ": "s", "І": "i", "Ї": "i", "Ј": "j", "Ү": "y",
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    # Armenian
    "ց": "g", "ո": "n", "ս": "u", "օ": "o",
    # Greek, capital and small
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ς": "s",
    # small capitals and IPA letters
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ɡ": "g", "ɑ": "a",
    # Latin lookalikes that do not decompose
    "ı": "i", "ȷ": "j", "ℓ": "l", "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ƀ": "b",
    "ɨ": "i", "ʉ": "u",
}  # fmt: skip
_TRANSLATE = {ord(c): " " for c in _SPACE_CHARS}
_BLANKABLE = re.compile("[" + "".join(re.escape(c) for c in sorted(_SPACE_CHARS)) + "]")
# The ASCII part of the punctuation table as a bytes table: the fast lane for ASCII text.
_ASCII_BLANK = bytes(ord(" ") if chr(i) in _SPACE_CHARS else i for i in range(256))


def whole_words(words: list[str]) -> re.Pattern[str]:
    """One pattern for any of `words` standing alone (no letter or digit on either side).

    The lookahead on the first characters comes before the lookbehind so that the regex engine
    can skip ahead to a possible first character; with the lookbehind first it tries every
    position (35 times slower on a field of emoji). Longer words should come first."""
    if not words:
        return re.compile(r"(?!)")
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(
        rf"(?=[{firsts}])(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z0-9])"
    )


# What `whole_words` allows on neither side of a word: a lower-case ASCII letter or a digit.
_WORD_EDGE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _blank(text: str) -> str:
    """Punctuation and symbols read as spaces, one for one (offsets stay in place). ASCII goes
    through a bytes table (a dict translate costs a lookup per character: 1.3 µs on a post's
    line, 0.8 ms on a full field of emoji); otherwise the regex class skips runs that need
    nothing."""
    if text.isascii():
        return text.encode().translate(_ASCII_BLANK).decode()
    return _BLANKABLE.sub(" ", text)


_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\W\d_]+")
_LEET_TOKEN = re.compile(
    r"(?=[a-z0-9@$!])(?<![a-z0-9@$!])(?=[a-z0-9@$!]*[a-z])(?=[a-z0-9@$!]*[0-9@$!])[a-z0-9@$!]+"
)
_LEET_CHAR = re.compile(r"[0-9@$!]")  # what every leet token holds besides letters
_STRETCH = re.compile(r"([a-z])\1{2,}")
# The lookahead asks for the shortest run ("a b c") first: the regex engine rejects most
# positions on it before the lookbehind (a third faster than a lookahead on one letter).
_SPACED = re.compile(r"(?=[a-z] [a-z] [a-z])(?<![a-z0-9])(?:[a-z] ){2,}[a-z](?![a-z0-9])")
_WS = re.compile(r"\s{2,}|[^\S ]")
# Characters folding may change: not ASCII, and not the pictographs, dingbats and emoji joiners
# that fold to themselves (a test holds every one of them to it), which fill emoji-heavy posts.
SELF_FOLDING = ((0x2600, 0x27BF), (0x1F300, 0x1FAFF), (0xFE0F, 0xFE0F), (0x200D, 0x200D))
_FOLDABLE = re.compile(
    "[^\\x00-\\x7f" + "".join(f"{chr(a)}-{chr(b)}" for a, b in SELF_FOLDING) + "]"
)
_ANY = re.compile(r"[\s\S]+")
# An emoji written as its Unicode name, as exports and archives of posts render them
# ("<Victory Hand>", "<FACE WITH TEARS OF JOY>"): read as the emoji a reader would have seen.
EMOJI_NAME = re.compile(r"<([A-Za-z][A-Za-z &'-]{2,60})>")

# A keycap digit with or without its emoji presentation selector ("4⃣", "4️⃣"): one form.
KEYCAP = re.compile("([0-9#*])[\ufe0e\ufe0f]?\u20e3")


def _keycap(m: re.Match[str]) -> str:
    return m.group(1) + "\ufe0f\u20e3"


Repl = Callable[[re.Match[str]], str | None]


class NormText(ValueSlots):
    """A normalised field: `text` is what is matched, `orig` what the person wrote.

    A plain class with slots, not a frozen dataclass (see `ValueSlots`): one is made for every
    field judged.
    """

    __slots__ = ("ends", "orig", "quick", "starts", "text")
    _fields = ("orig", "text", "starts", "ends", "quick")

    orig: Final[str]
    text: Final[str]
    starts: Final[list[int] | None]  # original start of each normalised character
    ends: Final[list[int] | None]  # original end (exclusive) of each normalised character
    quick: Final[bool]  # `text` is the quick form (see `quick_form`), equal to the full one

    def __init__(
        self,
        orig: str,
        text: str,
        starts: list[int] | None = None,
        ends: list[int] | None = None,
        quick: bool = False,
    ) -> None:
        self.orig = orig
        self.text = text
        self.starts = starts
        self.ends = ends
        self.quick = quick

    def _values(self) -> tuple[str, str, list[int] | None, list[int] | None, bool]:
        return (self.orig, self.text, self.starts, self.ends, self.quick)

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

    def strip_spaces(self) -> None:
        """Drop spaces at both ends (a regex `^ +| +$` tries the end at every position)."""
        head = len(self.text) - len(self.text.lstrip(" "))
        tail = len(self.text.rstrip(" "))
        if head == 0 and tail == len(self.text):
            return
        tail = max(tail, head)
        self.text = self.text[head:tail]
        self.starts = self.starts[head:tail]
        self.ends = self.ends[head:tail]

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


def _seen_table() -> dict[int, str | None]:
    """One translation table for what a reader sees: invisible characters and combining marks
    are nothing, a confusable letter is its Latin twin, an accented Latin letter its base letter
    (Indonesian is written without accents: "Prabówo" is "Prabowo")."""
    table: dict[int, str | None] = {ord(c): None for c in INVISIBLE}
    for block in _COMBINING_BLOCKS:
        table.update({c: None for c in block})
    for block in _ACCENTED_LATIN_BLOCKS:
        for c in block:
            base = "".join(
                d for d in unicodedata.normalize("NFD", chr(c)) if not unicodedata.combining(d)
            )
            if base != chr(c) and base.isascii():
                table[c] = base
    table.update({ord(c): twin for c, twin in CONFUSABLE.items()})
    return table


_COMBINING_BLOCKS = (
    range(0x0300, 0x0370),
    range(0x1AB0, 0x1B00),
    range(0x1DC0, 0x1E00),
    range(0x20D0, 0x20DD),
    range(0x20E1, 0x20E2),
    range(0x20E5, 0x20F1),
    range(0xFE20, 0xFE30),
)
_ACCENTED_LATIN_BLOCKS = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))
_SEEN = _seen_table()


def _char_class(codes: list[int]) -> str:
    """A regex character class of `codes` written as ranges (a class of single characters
    beyond the Basic Multilingual Plane is tested one by one)."""
    parts = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(
            re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else "")
        )
        start = previous = code
    return "[" + "".join(parts) + "]"


_SEEN_ANY = re.compile(_char_class(sorted(_SEEN)))


def _fold(text: str) -> str:
    """Compatibility folding (NFKC), what a reader sees (`_seen_table`), lower case. Every step
    works character by character, so the tracked mode, which folds one character at a time,
    gets the same string. Confusables are looked up before case folding (a capital may look like
    another letter than its small form: Greek capital eta reads "H", small eta "n"), and again
    after it (folding may add a combining mark: "İ" folds to "i" and a dot)."""
    if text.isascii():
        return text.lower()
    if len(text) == 1:  # the tracked mode folds one character at a time: look each up once
        known = _FOLDED_CHARS.get(text)
        if known is None:
            known = _FOLDED_CHARS[text] = _fold_text(text)
        return known
    return _fold_text(text)


_FOLDED_CHARS: dict[str, str] = {}  # bounded by the characters Unicode has


def _fold_text(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded.lower()
    if _SEEN_ANY.search(folded):  # a search is cheaper than a translation that changes nothing
        folded = folded.translate(_SEEN)
    folded = folded.casefold()
    return folded.translate(_SEEN) if _SEEN_ANY.search(folded) else folded


def _camel(m: re.Match[str]) -> str:
    return " " + " ".join(_CAMEL.findall(m.group(1)))


# A digit written for a letter inside a hashtag's word ("#JakartaM3nyala", "#Kem3nangan"): it
# splits the word in two for `_CAMEL`, so the normaliser reads it as its letter first when the
# word it sits in then reads as a known one (`Normaliser._hashtag`).
_LEET_IN_TAG = re.compile(r"(?<=[A-Za-z])[0-9](?=[A-Za-z])")


def camel_pieces(body: str) -> list[tuple[int, int]]:
    """The (start, end) of each word an author marked inside a hashtag body by case or digits
    ("BaDjaUntukJakarta": Ba, Dja, Untuk, Jakarta; "AHY4all": AHY, 4, all), as the normaliser
    splits it."""
    return [m.span() for m in _CAMEL.finditer(body)]


def _collapse(m: re.Match[str]) -> str:
    """A stretched letter ("mantaaap") is the letter once; a word that is nothing but one letter
    repeated ("PPP", "www") is written that way on purpose and stays whole: squeezed, the party's
    acronym PPP became "p", the chat abbreviation of "pak" ("p Ganjar")."""
    a, b = m.span()
    text = m.string
    if (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()):
        return m.group(0)
    return m.group(1)


def _space(_m: re.Match[str]) -> str:
    return " "


def _join(m: re.Match[str]) -> str:
    return m.group(0).replace(" ", "")


# Pronoun enclitics ("-ku" my, "-mu" your) that chat writes apart from their word ("pilihan ku",
# "idola ku", "presiden mu"); a stem shorter than this is a word of its own ("aku", "ibu mu").
CLITICS = ("ku", "mu")
MIN_CLITIC_STEM = 4


def clitic_joins(vocabulary: frozenset[str]) -> dict[str, str]:
    """The lexicon's words that end in a pronoun enclitic, written apart, each to its word:
    "pilihan ku" reads "pilihanku" as the support list has it. Derived from the vocabulary, so
    every such term of every list is read however the clitic is written."""
    return {
        f"{word[:-2]} {word[-2:]}": word
        for word in vocabulary
        if word.endswith(CLITICS) and len(word) - 2 >= MIN_CLITIC_STEM and word.isalpha()
    }


# The possessive enclitic of Makassarese and Bugis Indonesian, "-ta" ("pilihanta", "calonta"):
# the polite "kita" of South Sulawesi, written onto its noun. A stem shorter than this is not
# cut ("berita", "cerita", "kereta" end in "ta" on a stem of four letters or fewer).
REGIONAL_POSSESSIVE = "ta"
MIN_POSSESSIVE_STEM = 5


def regional_possessives(possessed: frozenset[str], vocabulary: frozenset[str]) -> dict[str, str]:
    """The words the lexicon has before "kita" (`possessed`: "pilihan kita", "calon kita") with
    the Makassarese possessive written onto them, each to the word and "kita": "pilihanta"
    reads "pilihan kita" as the endorsement list has it. A joined form that is itself a word of
    the lexicon is left alone."""
    return {
        f"{word}{REGIONAL_POSSESSIVE}": f"{word} kita"
        for word in possessed
        if len(word) >= MIN_POSSESSIVE_STEM
        and word.isalpha()
        and f"{word}{REGIONAL_POSSESSIVE}" not in vocabulary
    }


MIN_CUT_NAME = 5  # letters in a name word that is looked for cut in two
MIN_PIECE = 2


def name_cuts(names: frozenset[str]) -> list[str]:
    """Every way to cut each name word in two pieces of at least MIN_PIECE letters, with a
    space between them ("prabowo" -> "pr abowo", "pra bowo", ...)."""
    return sorted(
        {
            f"{name[:i]} {name[i:]}"
            for name in names
            if len(name) >= MIN_CUT_NAME and name.isalpha()
            for i in range(MIN_PIECE, len(name) - MIN_PIECE + 1)
        }
    )


_LEET_SYMBOL = re.compile(r"[a-z][@$]|[@$][a-z]")


# The quick form of ASCII in one bytes table: capitals to small letters, punctuation to spaces,
# and so the separators `str.split` splits on and `bytes.split` does not (\x1c-\x1f). The
# control characters no split removes are deleted by the first pass, so that a change of length
# says the field holds one (its form is then not plain, and the second pass keeps them).
_ASCII_FOLD_BLANK = bytes(
    ord(" ") if chr(i) in _SPACE_CHARS or chr(i).isspace() else ord(chr(i).lower())
    for i in range(128)
) + bytes(range(128, 256))
_ASCII_CONTROL = bytes(i for i in range(128) if not (chr(i).isprintable() or chr(i).isspace()))


def quick_form(raw: str) -> str | None:
    """The cheap first form of a field: folded, punctuation blanked, spaces collapsed. None when
    only the full normaliser can read it (leetspeak written with @ or $, an emoji by name).
    When the quick filter finds no obfuscation trigger in it, it equals what
    `Normaliser.normalise` would produce."""
    read = quick_read(raw)
    return None if read is None else read[0]


def quick_read(raw: str) -> tuple[str, bool] | None:
    """`quick_form` and whether it is plain (lower-case ASCII letters, digits and single spaces:
    the automata then skip their own test, see `matcher._PLAIN`), both from one pass over an
    ASCII field. A field with any other character is not called plain."""
    if ("<" in raw and EMOJI_NAME.search(raw)) or "\u20e3" in raw:
        return None
    if raw.isascii():
        if ("@" in raw or "$" in raw) and _LEET_SYMBOL.search(raw.lower()):
            return None
        data = raw.encode()
        blanked = data.translate(_ASCII_FOLD_BLANK, _ASCII_CONTROL)
        if len(blanked) == len(data):
            return b" ".join(blanked.split()).decode(), True
        return b" ".join(data.translate(_ASCII_FOLD_BLANK).split()).decode(), False
    folded = _fold(raw)
    if ("@" in folded or "$" in folded) and _LEET_SYMBOL.search(folded):
        return None
    return " ".join(_blank(folded).split()), False


_WORDS = re.compile(r"\S+")


def quick_offsets(raw: str, text: str) -> NormText | None:
    """Offsets for a field whose normalised form `text` is its quick form, when folding keeps
    every character in place (ASCII, and emoji and pictographs, which fold to themselves; None
    for any other field): then blanking keeps them in place too, the only change is that each
    run of blanks became one space, and the offsets follow from where the words are. The same
    offsets the tracked normaliser computes, without its per-character rewrites (tests hold the
    two together)."""
    if raw.isascii():
        blanked = raw.lower().encode().translate(_ASCII_BLANK).decode()
    elif _FOLDABLE.search(raw) is None:
        blanked = _blank(raw.lower())
    else:
        return None
    starts: list[int] = []
    ends: list[int] = []
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


def one_tag(raw: str) -> bool:
    """Whether a field is one ASCII hashtag alone: `one_tag_offsets` finds its offsets."""
    return raw.isascii() and _HASHTAG.fullmatch(raw) is not None


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

    def __init__(
        self,
        language: Language,
        vocabulary: frozenset[str] = frozenset(),
        names: frozenset[str] = frozenset(),
        possessed: frozenset[str] = frozenset(),
    ) -> None:
        """`possessed`: the words the lexicon's terms have before "kita" (see
        `regional_possessives`)."""
        self.vocabulary = vocabulary
        # A name cut in two by a dot, space, underscore or hyphen ("Pra.bowo", "Gan_jar") reads
        # as the name: every cut of every name word (the pieces at least two letters long).
        self._cuts = ahocorasick.Automaton()
        for form in name_cuts(names):
            self._cuts.add_word(form, form)
        if len(self._cuts):
            self._cuts.make_automaton()
        self._leet = str.maketrans(language.leet)
        self.slang = (
            regional_possessives(possessed, vocabulary)
            | clitic_joins(vocabulary)
            | dict(language.slang)
        )
        keys = sorted(self.slang, key=len, reverse=True)
        self._slang_re = whole_words(keys)
        # The same keys in an automaton: one C pass tells whether any stands alone in a text
        # (`_has_slang`), which most texts have none of; the regex, an alternation tried at
        # nearly every character, runs only on a text that has one.
        self._slang_words = ahocorasick.Automaton()
        for key in keys:
            self._slang_words.add_word(key, len(key))
        if len(self._slang_words):
            self._slang_words.make_automaton()

    def _hashtag(self, m: re.Match[str]) -> str:
        """A hashtag split into the words its case and digits mark (`_camel`), after any digit
        written for a letter inside one of them is read as that letter: "#JakartaM3nyala" is
        "jakarta menyala" where the digit alone would cut it into "jakarta m 3 nyala". The word
        is the digit's case-marked piece ("M3nyala"), and it must then be known; "#AHY4all"
        ("for all") and "#Pilkada2024" keep their digits."""
        body = m.group(1)
        if self.vocabulary and _LEET_IN_TAG.search(body):
            body = _LEET_IN_TAG.sub(self._tag_letter, body)
        return " " + " ".join(_CAMEL.findall(body))

    def _tag_letter(self, m: re.Match[str]) -> str:
        body, at = m.string, m.start()
        start, end = at, at + 1
        if body[end].isupper():  # a word in capitals ("#M3NYALA"): its capitals either side
            while start > 0 and body[start - 1].isupper():
                start -= 1
            while end < len(body) and body[end].isupper():
                end += 1
        else:  # a word in small letters, opened by at most one capital ("M3nyala")
            while start > 0 and body[start - 1].islower():
                start -= 1
            if start > 0 and body[start - 1].isupper():
                start -= 1
            while end < len(body) and body[end].islower():
                end += 1
        word = body[start:end].lower().translate(self._leet)
        return word[at - start] if word in self.vocabulary else m.group(0)

    # Each step is a (pattern, replacement) so fast and tracked modes share the logic.
    def _leet_repl(self, m: re.Match[str]) -> str | None:
        word = m.group(0).translate(self._leet)
        return word if word in self.vocabulary else None

    def _spaced_repl(self, m: re.Match[str]) -> str | None:
        """Letters spaced out ("g a n j a r") read as the word they spell, or as two known words
        when they run together ("G a n j a r M a h f u d")."""
        word = m.group(0).replace(" ", "")
        if word in self.vocabulary:
            return word
        for i in range(2, len(word) - 1):
            if word[:i] in self.vocabulary and word[i:] in self.vocabulary:
                return f"{word[:i]} {word[i:]}"
        return None

    def _cut_names(self, text: str) -> re.Pattern[str] | None:
        """The names cut in two in `text`, as a pattern (None when there is none, the usual
        case: one pass of an automaton). A cut counts when its pieces are not both words the
        lexicon knows on their own ("ke pala" stays two words when both are known)."""
        if not len(self._cuts) or " " not in text:
            return None
        found = set()
        n = len(text)
        for end, form in self._cuts.iter(text):
            start = end - len(form) + 1
            inside_a_word = (start > 0 and text[start - 1].isalnum()) or (
                end + 1 < n and text[end + 1].isalnum()
            )
            if inside_a_word:
                continue
            first, second = form.split(" ")
            if first in self.vocabulary and second in self.vocabulary:
                continue
            found.add(form)
        if not found:
            return None
        return whole_words(sorted(found))

    def _slang_repl(self, m: re.Match[str]) -> str:
        return self.slang[m.group(0)]

    def _has_slang(self, text: str) -> bool:
        """Whether a slang key stands alone in `text` (no lower-case letter or digit on either
        side, as `whole_words` asks): `_slang_re` can match only then, so without one it is not
        run. The automaton reports every occurrence of every key, the regex's among them."""
        if not len(self._slang_words):
            return False
        n = len(text)
        for end, length in self._slang_words.iter(text):
            start = end - length + 1
            if (start == 0 or text[start - 1] not in _WORD_EDGE) and (
                end + 1 == n or text[end + 1] not in _WORD_EDGE
            ):
                return True
        return False

    def normalise(self, orig: str, track: bool = False) -> NormText:
        """Canonical text for matching; with track=True also the offsets back to `orig`."""
        if track:
            return self._tracked(orig)
        s = EMOJI_NAME.sub(_emoji_repl, orig) if "<" in orig else orig
        s = KEYCAP.sub(_keycap, s) if "\u20e3" in s else s
        s = _HASHTAG.sub(self._hashtag, s) if "#" in s else s
        s = _fold(s)
        if self.vocabulary and _LEET_CHAR.search(s):  # a leet token needs one of them
            s = _LEET_TOKEN.sub(lambda m: self._leet_repl(m) or m.group(0), s)
        s = _blank(s)
        s = _STRETCH.sub(_collapse, s)
        if self.vocabulary:
            s = _SPACED.sub(lambda m: self._spaced_repl(m) or m.group(0), s)
        # What `_WS.sub(" ", s)` leaves once the ends are stripped below (both read whitespace
        # as str.isspace does), in one C call instead of a regex tried at every character.
        s = " ".join(s.split())
        cut = self._cut_names(s)
        if cut is not None:
            s = cut.sub(_join, s)
        if self._has_slang(s):
            s = self._slang_re.sub(self._slang_repl, s)
        return NormText(orig, s.strip(" "))

    def _tracked(self, orig: str) -> NormText:
        buf = _Tracked(orig)
        if "<" in orig:
            buf.sub(EMOJI_NAME, emoji_by_name)
        if "\u20e3" in orig:
            buf.sub(KEYCAP, _keycap)
        if "#" in buf.text:
            buf.sub(_HASHTAG, self._hashtag)
        folded = _fold(buf.text)
        if buf.text.isascii():
            buf.text = folded
        else:
            fine = _Tracked(buf.text)
            fine.starts, fine.ends = buf.starts, buf.ends
            fine.sub(_FOLDABLE, lambda m: _fold(m.group(0)))
            fine.text = fine.text.lower()
            if fine.text == folded:
                buf = fine
            else:  # composition across characters: fall back to whole-field offsets
                buf.sub(_ANY, lambda m: _fold(m.group(0)))
        if self.vocabulary and _LEET_CHAR.search(buf.text):
            buf.sub(_LEET_TOKEN, self._leet_repl)
        buf.text = _blank(buf.text)
        buf.sub(_STRETCH, _collapse)
        if self.vocabulary:
            buf.sub(_SPACED, self._spaced_repl)
        if "  " in buf.text or not buf.text.isprintable():  # else _WS cannot match
            buf.sub(_WS, _space)
        cut = self._cut_names(buf.text)
        if cut is not None:
            buf.sub(cut, _join)
        if self._has_slang(buf.text):
            buf.sub(self._slang_re, self._slang_repl)
        buf.strip_spaces()
        return NormText(orig, buf.text, buf.starts, buf.ends)
