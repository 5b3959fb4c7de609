"""A side ruled out of the author's choice: "asal jangan X", "yang penting bukan X".

Indonesians campaign against a side by conceding everything else: "siapa saja asal jangan X"
(anyone, as long as not X), "yang penting bukan dari X" (what matters is: not X), "pokoke ojo
X" in Javanese. The shape is a concession of free choice (asal, asalkan, yang penting, pokoknya,
their Javanese and Sundanese forms) joined to a negator, both kept as one closed list of the
pack (`anyone_but`, so a rule author extends it without code), and a participant right after it
(a preposition, "si", a relative "yang", a party or candidate noun, or a term of address may
stand between: "asal jangan dari partai X", "yang penting bukan si X"). It rules one side out,
the opposition the label guidelines count as campaigning; the evidence is the construction,
which the explanation shows beside the name.

The construction is also the second sign a weak name needs: a party's emblem ("banteng") or a
nickname right after "asal jangan" is that side, as it would be beside a campaign word
(`name_starts`, read by the extractor). Everything else is the stance reader's: a concession
inside a question or someone else's words rules nothing out, and a construction whose object
is no participant ("asal jangan nambah utang") is nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from neutrality.featureset import Ev, Features
from neutrality.stance.cues import ANYONE_BUT_LIST
from neutrality.wordclasses import TERMS_OF_ADDRESS, word_set

RULED_OUT = "a participant ruled out (anyone but)"
# Words that may stand between the construction and the name: a preposition, the personifying
# "si", a relative, and the nouns of a party, a pair, a candidate or a camp ("asal jangan dari
# partai X", "yang penting bukan paslon X", "asal bukan kubu X").
_BETWEEN = word_set(
    "dari dr si sang yang yg sama partai parpol paslon pasangan calon capres cawapres caleg "
    "cagub cawagub cabup cawabup cawalkot kubu kelompok golongan orang org nomor no"
)
REACH = 3  # words that may stand between the construction and the name
# What may follow a weak name the construction makes a name: the end of the words, or particles
# and intensifiers that close the clause ("asal jangan banteng lagi", "... banteng deh"). A verb
# after it makes the word what it says ("asal jangan banteng masuk sawah": the animal).
_CLOSERS = word_set(
    "lagi deh dong donk aja saja ya yah yaa lah sih kok kan pokoknya ajah bro gan pak bu nih tuh "
    "loh lho"
)


def name_starts(text: str, end: int) -> list[int]:
    """Where a name may start after the construction ending at `end` in `text` (normalised):
    right after it, or after up to REACH words of `_BETWEEN` or terms of address."""
    out: list[int] = []
    at = end + 1 if text[end : end + 1] == " " else end
    for _ in range(REACH + 1):
        if at >= len(text):
            break
        out.append(at)
        nxt = text.find(" ", at)
        if nxt == -1:
            break
        word = text[at:nxt]
        if word not in _BETWEEN and word not in TERMS_OF_ADDRESS:
            break
        at = nxt + 1
    return out


def starts_after(cues: Iterable[Ev], texts: Mapping[str, str]) -> set[tuple[str, int]]:
    """(field, offset) where a name may start after each construction in `cues` (`name_starts`);
    cues in someone's raw words or without a place are skipped. The one walk both readers use:
    the weak-name reader (a name there needs no other sign) and `ruled_out`."""
    return {
        (ev.field, at)
        for ev in cues
        if ev.end is not None and not ev.raw
        for at in name_starts(texts.get(ev.field, ""), ev.end)
    }


def closes_clause(text: str, end: int) -> bool:
    """Whether the word ending at `end` in `text` (normalised) ends its words or the next word
    is a closing particle (`_CLOSERS`). Only the next word is read: normalised text keeps no
    sentence marks, so what follows a closer may be the next sentence ("... banteng lagi.
    Semua sama")."""
    rest = text[end:].split(None, 1)
    return not rest or rest[0] in _CLOSERS


def ruled_out(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """A participant ruled out of the author's choice, in their own words: the `anyone_but`
    construction with a participant's name starting right after it (`name_starts`). Fields in
    `others` (someone else's words) are skipped."""
    cues = [ev for key in keys[ANYONE_BUT_LIST] for ev in feats.found.get(key, ())]
    if not cues:
        return []  # most posts
    named = {
        (ev.field, ev.start)
        for key in keys["participant"]
        for ev in feats.found.get(key, ())
        if ev.start is not None and not ev.raw
    }
    return [
        (ev, RULED_OUT)
        for ev in cues
        if ev.start is not None
        and ev.field not in others
        and not named.isdisjoint(starts_after((ev,), texts))
    ]
