"""The other ways people spell a name: old Indonesian spelling and the vowel y.

Indonesian names keep the spelling of the year they were registered ("Djarot", "Tjahaja",
"Soebianto", "Noeringhati") while posts write them as they are said today ("Jarot", "Cahaya"),
and the y and i of names swap freely ("Sylvi", "Silvy", "Edi", "Edy", "Sandi", "Sandy"). The
catalogue lists a name once; the lexicon looks for every spelling these rules give, so a
candidate is recognised however a post spells them. The rules are spelling reforms and
conventions of the language, not a list of examples: they apply to every name in the catalogue,
including names imported from candidate lists.

Only names are varied (aliases, campaign terms, supporter groups): a variant of a cue word could
collide with an everyday word, a variant of a name cannot become more common than the name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

MIN_VARIED = 4  # shorter tokens are acronyms or nicknames ("ahy", "edy"): spelled as listed

# The 1947 and 1972 reforms: a word written with an old digraph is read with the new letters;
# in such a word a lone j is the old y ("tjahaja" -> "cahaya").
_OLD_MARKER = re.compile(r"dj|tj|oe|sj|nj")
_OLD_TO_NEW = (("dj", "\0"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("oe", "u"))
# y written for the vowel i: after a consonant and not before a vowel ("sylvi", "riezky")
_VOWEL_Y = re.compile(r"(?<=[b-df-hj-np-tv-z])y(?![aeiou])")
_FINAL_I = re.compile(r"(?<=[b-df-hj-np-tv-z])i$")


def _modern(token: str) -> str:
    if not _OLD_MARKER.search(token):
        return token
    for old, new in _OLD_TO_NEW:
        token = token.replace(old, new)
    return token.replace("j", "y").replace("\0", "j")


def _vowel_y_as_i(token: str) -> str:
    return _VOWEL_Y.sub("i", token)


def _final_i_as_y(token: str) -> str:
    return _FINAL_I.sub("y", token)


_RULES: tuple[Callable[[str], str], ...] = (_modern, _vowel_y_as_i, _final_i_as_y)


def _apply(term: str, rules: tuple[Callable[[str], str], ...]) -> str:
    tokens = term.split(" ")
    out = []
    for token in tokens:
        if len(token) >= MIN_VARIED and token.isalpha():
            for rule in rules:
                token = rule(token)
        out.append(token)
    return " ".join(out)


def name_variants(term: str) -> list[str]:
    """Every other spelling of a (normalised, lower-case) name; the name itself not included.
    Each rule applies to all tokens at once, so a name has at most 2**3 - 1 variants."""
    seen = {term}
    out: list[str] = []
    for size in range(1, len(_RULES) + 1):
        for rules in itertools.combinations(_RULES, size):
            variant = _apply(term, rules)
            if variant not in seen:
                seen.add(variant)
                out.append(variant)
    return out


__all__ = ["name_variants"]
