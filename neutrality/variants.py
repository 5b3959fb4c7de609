"""Mangled and mocking spellings of catalogued names: "jokowok", "airim", "Muhhaimin", "Anus
Baswedan".

People who campaign against a candidate rarely spell the name right: they twist it into a jeer
("jokowok", "Anus Baswedan"), or type it fast ("Muhhaimin", "airim"). The exact matcher cannot see
these, and no list of them can be complete, so this reader looks for words within one or two
edits of a catalogued name:

* a name word of at least MIN_NAME letters may differ by one edit (insertion, deletion,
  substitution or swap of neighbours), by two from LONG_NAME letters on; the first PREFIX letters
  must be kept (a jeer keeps the name recognisable, and it is what makes the lookup cheap);
* a word of the language is never a variant ("ganjal" is not Ganjar, "prabu" not Prabowo, "anis"
  not Anies): the general word list (the Sastrawi root-word dictionary, shipped with its package),
  the words of the pack's own terms, the slang table, and the language file's `not_name_variants`
  (names and words of everyday posts that the dictionary lacks) are the guard, kept as data;
* in a name of several words ("anies baswedan"), one word may be twisted when the others stand
  beside it exactly ("anus baswedan"): the exact neighbour vouches for it, so there the guard
  yields, unless the neighbour is itself an everyday word ("abah anis" stays Anis) or a name that
  stands alone (in "ahok jahat" the word is said of Ahok).

The reader only finds candidates; the feature extractor counts one only where the post is about
an election (features.py), under its own feature (`<zone>.name_variant`) and evidence label, so a
rule gives it a lower score than an exact name.

Linear in the post: each word is looked up at most once, through a deletion index (every string
a name gives with up to two letters dropped after its prefix, built at load), at most
MAX_WORDS words per field, MAX_CANDIDATES names per word, and each candidate checked by a bounded
edit distance.
"""

from __future__ import annotations

import importlib.resources
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from neutrality.catalogue import Catalogue
from neutrality.matcher import Kind, Matcher

MIN_NAME = 5  # shorter name words ("ahy", "imin", "emil") are spelled as listed
LONG_NAME = 6  # from here a name word may differ by two edits ("jokowi" -> "jokowok")
MIN_WRITTEN = 4  # shortest written word read as a variant ("anus")
MAX_WRITTEN = 20  # longer "words" are URLs or run-together text, not a name
VOUCHED_EDITS = 2  # edits allowed in a word beside the rest of its name written exactly
PREFIX = 2  # letters a variant keeps from the start of the name
MAX_WORDS = 256  # words of one field read
MAX_LOOKUPS = 32  # unknown words of one field looked up in the deletion index
MAX_CANDIDATES = 8  # names one written word is checked against
_WORD = re.compile(r"[a-z]+")
_DICTIONARY = ("Sastrawi", "Stemmer/data/kata-dasar.txt")


@cache
def dictionary_words() -> frozenset[str]:
    """The general Indonesian word list (root words) the Sastrawi package ships."""
    package, path = _DICTIONARY
    text = importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


# Indonesian affixes, so an inflected everyday word ("berdua", "merubah", "giliran", "jadilah")
# is known by its root: a prefix with the root's first letter it swallowed, and up to two
# suffixes. Generous on purpose: a wrong root only keeps a word from being read as a name.
_PREFIXES = (
    ("meny", "s"), ("mem", "p"), ("men", "t"), ("meng", "k"), ("peny", "s"), ("pem", "p"),
    ("pen", "t"), ("peng", "k"), ("mem", ""), ("men", ""), ("meng", ""), ("me", ""), ("ber", ""),
    ("be", ""), ("per", ""), ("pe", ""), ("di", ""), ("ter", ""), ("te", ""), ("ke", ""),
    ("se", ""), ("pen", ""), ("pem", ""), ("peng", ""),
)  # fmt: skip
_SUFFIXES = ("nya", "lah", "kah", "pun", "kan", "an", "i", "ku", "mu")
MIN_ROOT = 3


def everyday(word: str, words: frozenset[str]) -> bool:
    """Whether a word is in the word list as it stands or as a root with affixes."""
    if word in words:
        return True
    bases = {word}
    for _ in range(2):
        bases |= {b[: -len(s)] for b in bases for s in _SUFFIXES if b.endswith(s)}
    for base in bases:
        if len(base) >= MIN_ROOT and base in words:
            return True
        for prefix, swallowed in _PREFIXES:
            if base.startswith(prefix):
                root = swallowed + base[len(prefix) :]
                if len(root) >= MIN_ROOT and root in words:
                    return True
    return False


def allowed_edits(name: str) -> int:
    return 1 if len(name) < LONG_NAME else 2


def edit_distance(a: str, b: str, bound: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), or bound + 1 as soon
    as it must exceed `bound`."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > bound:
            return bound + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletions(word: str, most: int) -> set[str]:
    """The word with up to `most` letters dropped after its first PREFIX letters."""
    out = {word}
    head, tail = word[:PREFIX], word[PREFIX:]
    for k in range(1, most + 1):
        for drop in itertools.combinations(range(len(tail)), k):
            out.add(head + "".join(c for i, c in enumerate(tail) if i not in drop))
    return out


@dataclass(frozen=True, slots=True)
class Variant:
    """A written word read as a twisted spelling of a name; offsets index the normalised text."""

    start: int
    end: int
    written: str
    name: str  # the catalogued name word it twists
    term: str  # the catalogued term (whole name) the word stands for
    vouched: bool  # another word of that name stands beside it exactly


@dataclass(frozen=True, slots=True)
class _Multi:
    tokens: tuple[str, ...]
    varied: int  # which token may be twisted
    anchor: int  # which exact token the lookup starts from
    others: tuple[tuple[int, str], ...]  # the tokens that must stand exactly, by position


class NameVariants:
    """Built once from the normalised name terms; `find` is called per field."""

    def __init__(self, terms: Iterable[str], guard: frozenset[str]) -> None:
        self.guard = guard
        self.known: set[str] = set()  # every word of every name: a name is no variant
        self._index: dict[str, list[str]] = {}  # deletion key -> single-word names
        self._single: set[str] = set()
        self._prefixes: set[str] = set()  # the first PREFIX letters of the indexed names
        self._shortest, self._longest = 0, 0
        self._multi: dict[str, list[_Multi]] = {}  # exact anchor word -> names of several words
        for term in terms:
            tokens = tuple(term.split())
            if not tokens or not all(t.isalpha() and t.isascii() for t in tokens):
                continue
            self.known.update(tokens)
            if len(tokens) == 1:
                self._single.add(tokens[0])
                continue
            for i, tok in enumerate(tokens):
                if len(tok) >= MIN_NAME:
                    anchor = 1 if i == 0 else 0
                    others = tuple((j, t) for j, t in enumerate(tokens) if j != i)
                    entry = _Multi(tokens, i, anchor, others)
                    self._multi.setdefault(tokens[anchor], []).append(entry)
        indexed = [n for n in sorted(self._single) if len(n) >= MIN_NAME and not everyday(n, guard)]
        for name in indexed:  # a name that is an everyday word is read exactly or not at all
            for key in _deletions(name, allowed_edits(name)):
                self._index.setdefault(key, []).append(name)
            self._prefixes.add(name[:PREFIX])
        if indexed:
            self._shortest = max(MIN_WRITTEN, min(map(len, indexed)) - 2)
            self._longest = min(MAX_WRITTEN, max(map(len, indexed)) + 2)

    def find(self, text: str) -> list[Variant]:
        words = [
            (m.start(), m.end(), m.group())
            for _, m in zip(range(MAX_WORDS), _bounded_words(text), strict=False)
        ]
        out: list[Variant] = []
        lookups = 0
        for idx, (start, end, word) in enumerate(words):
            if word in self.known:
                out += self._vouched(words, idx)
                continue
            if (
                not self._shortest <= len(word) <= self._longest
                or word[:PREFIX] not in self._prefixes
                or word in self.guard
                or lookups >= MAX_LOOKUPS
            ):
                continue
            lookups += 1
            name = self._closest(word)
            if name is not None and not everyday(word, self.guard):
                out.append(Variant(start, end, word, name, name, vouched=False))
        return out

    def _closest(self, word: str) -> str | None:
        seen: set[str] = set()
        best: tuple[int, str] | None = None
        for key in _deletions(word, 2):
            for name in self._index.get(key, ()):
                if name in seen:
                    continue
                seen.add(name)
                if len(seen) > MAX_CANDIDATES:
                    return best[1] if best else None
                bound = allowed_edits(name)
                d = edit_distance(word, name, bound)
                if d <= bound and (best is None or d < best[0]):
                    best = (d, name)
        return best[1] if best else None

    def _vouched(self, words: list[tuple[int, int, str]], idx: int) -> list[Variant]:
        """Names of several words anchored on the exact word at idx with one word twisted."""
        out = []
        for multi in self._multi.get(words[idx][2], ()):
            first = idx - multi.anchor
            if first < 0 or first + len(multi.tokens) > len(words):
                continue
            start, end, written = words[first + multi.varied]
            name = multi.tokens[multi.varied]
            # the cheap tests first: the twisted word keeps the name's start and is no name
            if written[:PREFIX] != name[:PREFIX] or len(written) < MIN_WRITTEN:
                continue
            if written == name or written in self.known:
                continue
            others = multi.others
            if any(words[first + i][2] != t for i, t in others):
                continue
            if everyday(written, self.guard) and any(
                t in self._single or everyday(t, self.guard) for _, t in others
            ):
                # an everyday word beside an everyday word, or beside a name that stands alone
                # ("ahok jahat" says Ahok is wicked): nothing vouches for it
                continue
            bound = VOUCHED_EDITS  # the exact neighbour vouches for a deeper twist ("anus")
            if edit_distance(written, name, bound) <= bound:
                out.append(Variant(start, end, written, name, " ".join(multi.tokens), True))
        return out


def build_name_variants(cat: Catalogue, matcher: Matcher) -> NameVariants:
    """The reader for a catalogue's person names (parties are words of the language: "bulan
    bintang", "gerakan"), as the matcher spells them (old and new spellings included), guarded
    by the dictionary, every non-name word of the pack's terms and the language's slang and
    `not_name_variants`."""
    lang = cat.language
    assert lang is not None
    persons = {pid for pid, p in cat.participants.items() if not p.party}
    names: list[str] = []
    vocabulary: set[str] = set()
    for term, meanings in matcher.terms.items():
        if any(m.kind is Kind.ALIAS and m.key in persons for m in meanings):
            names.append(term)
        elif not any(m.kind in (Kind.ALIAS, Kind.CAMPAIGN, Kind.GROUP) for m in meanings):
            vocabulary.update(term.split())
    slang = {w for k, v in lang.slang.items() for w in (k.casefold(), *v.casefold().split())}
    guard = dictionary_words() | vocabulary | slang | {w.casefold() for w in lang.not_name_variants}
    return NameVariants(names, frozenset(guard))


def _bounded_words(text: str) -> Iterable[re.Match[str]]:
    """Runs of letters standing alone (not glued to digits: "pr4bowo" is the normaliser's)."""
    n = len(text)
    for m in _WORD.finditer(text):
        a, b = m.start(), m.end()
        if (a > 0 and text[a - 1].isalnum()) or (b < n and text[b].isalnum()):
            continue
        yield m


__all__ = [
    "NameVariants",
    "Variant",
    "build_name_variants",
    "dictionary_words",
    "edit_distance",
]
