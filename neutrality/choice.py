"""The person a call to vote names when the catalogue does not know them.

Most races are not in the catalogue (508 regent and mayor races, every caleg), so an official's
recorded "harus milih Pak Musa Ahmad" or "menangkan Bu Rina" names nobody the catalogue can
find. The words themselves say a person is meant: a vote verb, then a term of address, then a
capitalised word that is no term Netra knows. That is a candidate named, as "calon" or "paslon"
would be; an office after the honorific ("pilih Pak Bupati") or a lower-case word is not.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from neutrality.normalise import NormText

NAMED_CHOICE = "a person named as the one to vote for (a term of address and a name)"
MIN_NAME = 3  # letters: shorter words after an honorific are initials or particles


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
    words = text[end + 1 :].split(" ", 2)
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
