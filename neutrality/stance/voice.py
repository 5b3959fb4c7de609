"""The author's own voice: marks of someone speaking for themself, which a newsroom never writes.

A conversational particle, doubled punctuation, an emoji, a prayer's vocative, chat spelling
or a first-person pronoun outside a quoted speaker's words (`own_voice`) make the words the
author's: news words there are the author's topic, and a headline, a lead or a quotation with
them is passed on with a comment of the sharer's. `conversational` (a comment or a reply) and
`voiced_fields` (a first-person cue or pronoun) tell the same of a whole field.
"""

from __future__ import annotations

import re
from itertools import compress

from neutrality.featureset import Features
from neutrality.normalise import EMOJI_NAME, emoji_by_name
from neutrality.stance.words import HEARERS, first_person, words_of
from neutrality.wordclasses import FIRST_PERSONS, word_set
from schemas import Action, Post

_DIGIT_DOUBLED = re.compile(r"^[^\W\d_]{2,}2(?:an|nya|kan|lah|in)?$", re.IGNORECASE)
_VOWELS = frozenset("aeiou")

# Who speaks or is spoken to: first- and second-person pronouns (Indonesian and the regional
# forms the stance reader knows) and the hortatives that address a hearer.
PERSONS = (
    FIRST_PERSONS
    | (HEARERS - word_set("bapak ibu saudara saudari sekalian semua rekan teman"))
    | word_set("ayo yuk mari")
)
_DOUBLED = re.compile(r"!!|\?\?|\.\.|…")
# Marks a platform leaves, which are nobody's voice: the ellipsis with which a shared story's
# text is cut before its link ("... pasangan nomor urut 02 Prabowo… https://t.co/x"), the link
# itself ("https" is a lower-case word of consonants, as chat spelling is) and HTML entities an
# export left escaped ("&gt", "&amp;").
_CUT_BEFORE_LINK = re.compile(r"…(?=\s*(?:https?://|www\.))")
# A long text that ends in an ellipsis glued to its last word was cut by the platform that
# shortens long texts ("... tidak terlepas dari kontribusi Na…"); a short one ending so trails
# off in its author's voice ("Prabowo menang…").
_CUT_AT_END = re.compile(r"(?<=\w)…\s*$")
CUT_LENGTH = 100  # characters: the shortest text read as cut by `_CUT_AT_END`
_LINK = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
_HTML_ENTITY = re.compile(r"&(?:gt|lt|amp|quot|apos|nbsp);?", re.IGNORECASE)
# Pictographs, dingbats, symbols and the joiner/variation marks emoji are built with.
_EMOJI = re.compile("[\u2600-\u27bf\u200d\ufe0f\U0001f000-\U0001faff]")
_PARTICLES = word_set(
    "dong sih deh kok yuk nih aja aje tuh mah loh lho wkwk wkwkwk haha hahaha hehe gan bro "
    "kan kah toh tho ae wae "
    # interjections: exclamations of feeling and pious exclamations
    "alhamdulillah masyaallah masya subhanallah astaghfirullah astagfirullah bismillah wah "
    "waduh aduh duh hadeh astaga anjir wow hore "
    # wishes and prayers in the speaker's own name (a newsroom puts them only in a quote): a
    # figure beside one is a hope ("Insyaallah menang 70 persen"), not a result. "amin" is
    # left out: it is also a pair's name (Anies-Muhaimin).
    "insyaallah insya inshaallah insha semoga moga aamiin "
)
# A prayer's vocative ("Ya Allah", "Ya Rabb", "Duh Gusti"): a person speaking to God in their
# own name, which a newsroom writes only inside someone's quoted words. A closed class of
# formulas, like the pious exclamations among `_PARTICLES`.
_PRAYER_VOCATIVE = re.compile(
    r"\b(?:ya+|duh|wahai)[ \t,]+(?:allah|alloh|rabb|robb|rabbi|robbi|tuhan|gusti)\b", re.IGNORECASE
)


def _chat_spelling(word: str) -> bool:
    """Spelling of chat, never of a newsroom: a word doubled by a digit ("coba2", "mdh2an") or a
    lower-case word shortened to its consonants ("yg", "dgn", "sdh", "th"; acronyms are
    capitals)."""
    if "2" in word:
        return bool(_DIGIT_DOUBLED.search(word))
    return len(word) > 1 and word.islower() and _VOWELS.isdisjoint(word)


def _chat_spelled(text: str, words: tuple[str, ...]) -> bool:
    """`any(map(_chat_spelling, words))` for the words of `text`. Without a "2" in the text (most
    texts) only a word with no vowel can be chat spelling: those few are picked out by C calls
    (`isdisjoint` over each word's letters) before `_chat_spelling` reads them, instead of a
    Python call for every word."""
    if "2" in text:
        return any(map(_chat_spelling, words))
    return any(map(_chat_spelling, compress(words, map(_VOWELS.isdisjoint, words))))


def own_voice(text: str, *, pronoun: bool = True) -> bool:
    """Marks of someone speaking for themself, which a newsroom headline never carries: a
    conversational particle ("dong", "sih", "nih"), doubled punctuation ("!!", "..", "??"), an
    emoji (or its name, "<Victory Hand>"), a prayer's vocative ("Ya Allah"), or a
    first-person pronoun outside a quoted speaker's words (before any colon). `pronoun=False`
    leaves the pronoun out: news prose carries "kita" in the speech it tells ("kita hormati
    saja, kata Anies") and in names ("Teman Kita"), so where a story is to be told from a post
    in its author's own voice, only the marks a newsroom never writes count. The marks a
    platform leaves (`_CUT_BEFORE_LINK`, `_CUT_AT_END`, `_LINK`, `_HTML_ENTITY`) are not read
    as any of these."""
    if "…" in text:
        text = _CUT_BEFORE_LINK.sub(" ", text)
        if len(text) >= CUT_LENGTH:
            text = _CUT_AT_END.sub("", text)
    if "http" in text or "www." in text:
        text = _LINK.sub(" ", text)
    if "&" in text:
        text = _HTML_ENTITY.sub(" ", text)
    if _DOUBLED.search(text) or _EMOJI.search(text):
        return True
    if _prayed_to(text):
        return True
    if "<" in text and any(_pictograph(m) for m in EMOJI_NAME.finditer(text)):
        return True
    found = words_of(text)
    if not _PARTICLES.isdisjoint(map(str.casefold, found)) or _chat_spelled(text, found):
        return True
    if not pronoun:
        return False
    speaker = text.split(":", 1)[0]
    return first_person(speaker)


def _prayed_to(text: str) -> bool:
    """Whether `text` has a prayer's vocative (`_PRAYER_VOCATIVE`). In ASCII text (most) the
    regex runs only where one of the names it ends with is written, in any case: tried at every
    word, ignoring case, it costs more than the rest of `own_voice`."""
    if text.isascii():
        low = text.lower()  # the names in every match, of `_PRAYER_VOCATIVE`'s second group:
        if not (
            "allah" in low
            or "alloh" in low
            or "rabb" in low
            or "robb" in low
            or "tuhan" in low
            or "gusti" in low
        ):
            return False
    return _PRAYER_VOCATIVE.search(text) is not None


def conversational(post: Post) -> bool:
    """Whether the author's text is a turn in a conversation: a comment on someone's post, or a
    reply that opens by addressing an account ("@GunRomli Prabowo ... ternyata ..."). A
    newsroom does not write its stories as replies, so news words there are the author's topic."""
    return post.action is Action.COMMENT or post.text.lstrip().startswith("@")


def _pictograph(m: re.Match[str]) -> bool:
    """Whether a `<Name>` stands for a pictograph: a Unicode emoji name, or a name in title case
    ("<Raising Hands>", "<Face With Tears Of Joy>") as exported social-media text writes the
    emoji it cannot carry. Prose never puts capitalised words in angle brackets."""
    if emoji_by_name(m):
        return True
    words = m.group(1).split()
    return all(w[:1].isupper() for w in words if w.isalpha())


def voiced_fields(
    feats: Features, keys: dict[str, tuple[str, ...]], originals: list[tuple[str, str]]
) -> set[str]:
    """The fields where the author speaks as themself: a first-person or hortative cue, or a
    first-person pronoun in their words."""
    voiced = {ev.field for k in keys["first_person"] for ev in feats.found.get(k, ())}
    return voiced | {f for f, orig in originals if orig and first_person(orig)}
