"""Whose party membership it is: the author's, or someone the author speaks of.

SKB form N09 is a civil servant's own membership of a party: a card shown ("sudah punya KTA"), a
joining announced ("Resmi bergabung dengan PKS"), an office taken ("Dilantik jadi pengurus DPC").
A membership noun is also how people speak of others: "Kader Golkar diminta mulai bergerak",
"caleg yg direkrut itu kader yg punya nama", "Anggota/kader PKS ketangkap", "rekrut abdur jadi
kader". On the real corpus none of the rule's hits was the author's own membership; where it
was a post's only hit, it was a false alarm.

`others_membership` takes out a membership noun (`_NOUNS`) unless the author holds it: a first
person within a few words of it ("saya kader PDIP", "kader kami"), or a verb of becoming that
opens its clause with nobody before it ("Alhamdulillah resmi jadi pengurus ranting"). Cards and
verbs of joining (`kta`, "bergabung dengan") are the author's act unless the same reading finds
a subject; they are left to the rule. Word classes, not phrases of particular posts.
"""

from __future__ import annotations

from neutrality.featureset import Ev, Features
from neutrality.stance.cues import take_out
from neutrality.wordclasses import FIRST_PERSONS, word_set

FEATURE = "membership.others"  # a neutral reading (neutrality.readings)
OTHERS_MEMBERSHIP = "membership:others (a party membership said of someone else)"
# The membership list's nouns of a member or an office (first words, as normalised): a person
# holding them is named, which is whom the words speak of unless the author is that person.
_NOUNS = word_set("kader pengurus ketua sekretaris bendahara anggota party")
BEFORE_WINDOW = 4  # "saya sudah lama jadi kader": the pronoun a few words before the noun
AFTER_WINDOW = 2  # "kader kami", "pengurus dpc kami": the possessor right after the noun
# Verbs of becoming: with nothing before them in their clause, the subject is the author.
_BECOMING = word_set("jadi jd menjadi sebagai sbg dilantik terpilih diangkat resmi")
# Modifiers of an office between the verb and the noun ("dilantik sbg wakil bendahara DPC").
_OFFICE_MODIFIERS = word_set("wakil wk plt plh pj")
# What may stand before a verb of becoming that opens a clause: greetings, time, aspect.
_OPENERS = word_set(
    "alhamdulillah bismillah akhirnya kini sekarang hari ini baru saja sudah telah udah sdh "
    "resmi secara insyaallah mulai per tahun bangga senang bahagia siap"
)


def others_membership(feats: Features, keys: tuple[str, ...], texts: dict[str, str]) -> list[Ev]:
    """Take out the membership nouns no first person holds, and return them (see the module
    docstring). `keys` are the side's membership features."""
    return [
        ev for key in keys for ev in take_out(feats, key, lambda ev: _held_by_others(ev, texts))
    ]


def _held_by_others(ev: Ev, texts: dict[str, str]) -> bool:
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    if not words or words[0] not in _NOUNS:
        return False
    before = text[: ev.start].split()
    after = text[ev.end :].split()[:AFTER_WINDOW]
    if not FIRST_PERSONS.isdisjoint(before[-BEFORE_WINDOW:]) or not FIRST_PERSONS.isdisjoint(after):
        return False
    return not _becoming_opens(before)


def _becoming_opens(before: list[str]) -> bool:
    """Whether the words before a membership noun end in a verb of becoming (and openers) with
    nothing else before them in the field: "Dilantik jadi pengurus", "Alhamdulillah resmi jadi
    kader"; not "rekrut abdur jadi kader"."""
    at = len(before)
    while at > 0 and before[at - 1] in _OFFICE_MODIFIERS:
        at -= 1
    end = at
    while at > 0 and before[at - 1] in _BECOMING:
        at -= 1
    if at == end:
        return False
    return all(word in _OPENERS for word in before[:at])
