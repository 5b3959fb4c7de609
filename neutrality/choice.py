"""The person a call to vote names when the catalogue does not know them.

Many candidates are not in the catalogue (every caleg and DPD candidate, a regency's pair
for a civil servant whose regency is not known, a pair of an election not loaded), so an
official's recorded "harus milih Pak Wiryo Sastro" or "menangkan Bu Rina" names nobody the
catalogue can find. The words themselves say a person is meant: a vote verb, then a term of
address, then a capitalised word that is no term Netra knows. That is a candidate named, as
"calon" or "paslon" would be; an office after the honorific ("pilih Pak Bupati") or a
lower-case word is not.

A vote is also given to someone in the dative ("bulatkan suara untuk DIYO", "berikan suara itu
juga untuk DIYO", "ini dukungan untuk Pak Sudewo jadi bupati"): the `vote_given` list ends on
the vote or support, a few words may stand between it and "untuk"/"kepada", and the one it goes
to is named as above or, for a vote ("suara"), by a pair's or a candidate's acronym written in
capitals (DIYO, AMIN): support goes to many things (UMKM, a programme), a vote only to a
candidate.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from neutrality.normalise import NormText

NAMED_CHOICE = "a person named as the one to vote for (a term of address and a name)"
GIVEN_CHOICE = "a vote or support given to someone named (a name or a candidate's acronym)"
MIN_NAME = 3  # letters: shorter words after an honorific are initials or particles
MAX_ACRONYM = 8  # letters: a longer word in capitals is shouting, not a pair's acronym
# Words between the vote given and the one it goes to ("suara itu juga untuk", "suara kita
# nanti kepada"): a bounded bridge, so a vote and a name far apart are not joined.
BRIDGE_WORDS = 3
RECIPIENT_MARKERS = frozenset({"untuk", "kepada", "buat", "bagi", "ke", "utk"})
# Adverbs of repetition between a vote verb and the one voted for ("pilih kembali Pak X",
# "menangkan lagi Bu Y"): a closed class; re-electing someone names them as electing does.
AGAIN = frozenset({"kembali", "lagi", "ulang"})


def named_choice(
    norm: NormText, end: int, honorifics: Collection[str], vocabulary: Collection[str]
) -> int | None:
    """Where "<honorific> <Name>" right after a call to vote ending at `end` ends, or None.

    Offsets are in the normalised text. The name must be written with a capital in the original
    (reporters and officials write names so; a common word is not) and must not be a word of the
    lexicon (offices, audiences, slogans and catalogued names are read by their own lists)."""
    text = norm.text
    if text[end : end + 1] != " ":
        return None
    words = text[end + 1 :].split(" ", 3)
    if words and words[0] in AGAIN:  # "pilih kembali Pak X": re-electing is electing
        end += 1 + len(words[0])
        words = words[1:]
    if len(words) < 2 or words[0] not in honorifics:
        return None
    name = words[1]
    if len(name) < MIN_NAME or not name.isalpha() or name in vocabulary or name in honorifics:
        return None
    if not _capitalised(norm.orig, name):
        return None
    return end + 1 + len(words[0]) + 1 + len(name)


def _capitalised(orig: str, name: str) -> bool:
    """Whether `name` is written somewhere in `orig` with a capital first letter."""
    return any(
        m.group(0)[0].isupper()
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", orig, re.IGNORECASE)
    )


def given_choice(
    norm: NormText,
    end: int,
    vote: bool,
    honorifics: Collection[str],
    vocabulary: Collection[str],
) -> int | None:
    """Where the one a vote or support ending at `end` is given to ends, or None.

    The words after `end`: up to BRIDGE_WORDS words, then a recipient marker ("untuk",
    "kepada"), unless the phrase itself ended on one; then "<honorific> <Name>" as for
    `named_choice` or, when `vote` (the phrase gives a vote, not support), an acronym written in
    capitals that is no word of the lexicon."""
    text = norm.text
    if text[end : end + 1] != " ":
        return None
    words = text[end + 1 :].split(" ", BRIDGE_WORDS + 3)
    before = text[:end].rsplit(" ", 1)[-1]
    at = 0
    if before not in RECIPIENT_MARKERS:
        markers = [i for i, w in enumerate(words[: BRIDGE_WORDS + 1]) if w in RECIPIENT_MARKERS]
        if not markers:
            return None
        at = markers[0] + 1
    offset = end + 1 + sum(len(w) + 1 for w in words[:at])
    if at >= len(words):
        return None
    named = named_choice(norm, offset - 1, honorifics, vocabulary)
    if named is not None:
        return named
    name = words[at]
    if not vote or not MIN_NAME <= len(name) <= MAX_ACRONYM or not name.isalpha():
        return None
    if name in vocabulary or name in honorifics or not _in_capitals(norm.orig, name):
        return None
    return offset + len(name)


def _in_capitals(orig: str, name: str) -> bool:
    """Whether `name` is written somewhere in `orig` wholly in capitals (an acronym)."""
    return any(
        m.group(0).isupper()
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", orig, re.IGNORECASE)
    )
