"""Every term the engine looks for, built once at load from the catalogue and the pack's lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from neutrality.catalogue import Catalogue, place_key
from neutrality.matcher import Kind, Matcher, Meaning, QuickFilter
from neutrality.normalise import Normaliser, name_cuts
from neutrality.spelling import name_variants
from neutrality.wordclasses import TERMS_OF_ADDRESS

PLACES_KEPT = 4_096  # localities whose regency names are remembered (a worker sees a few)

_NAMES = (Kind.ALIAS, Kind.CAMPAIGN, Kind.GROUP)  # spelled every way people spell them
MIN_COMPOUND = 5  # shortest name looked for inside a hashtag (#ganjarpresidenrakyat)
# The words of a superior speaking to the people who answer to them: who is addressed (staff,
# village heads, RT), the speaker's standing ("saya selaku camat"), an order or a sanction. In
# a recording (a transcript, a described video or photo) they are worth a full look with no
# campaign word beside them: a superior directs staff for a candidate in words of loyalty,
# command or audit ("satu komando", "loyal ke beta", "ku saya di monev"), which no anchor
# names. Names of pack lists.
SETTING_LISTS = ("asn_audience", "authority_cue", "directive_cue", "sanction_cue")
# Words that make a campaign slogan of a name they are run together with in a hashtag
# ("#bustamimenang", "#mualemgubernur", "#pilihmualem"): winning, voting, support, candidacy and
# the offices a race fills. Names of pack lists.
SLOGAN_LISTS = ("win_outcome", "call_to_vote", "support", "candidate_word", "office_title")
CHOICE_LIST = "call_to_vote"  # the list whose verbs may name the one voted for (choice.py)
MIN_SLOGAN_WORD = 3  # shorter list words ("ri") run together with a name say nothing


@dataclass(frozen=True)
class TermList:
    """A named pack list of literal terms."""

    name: str
    terms: tuple[str, ...]
    anchor: bool = False
    description: str = ""


@dataclass
class Lexicon:
    normaliser: Normaliser
    matcher: Matcher  # token-bounded, over normalised fields
    compound: Matcher  # unbounded, over hashtag bodies
    quick: QuickFilter  # first look: anchors and obfuscation triggers
    # first look at a recording: a superior addressing staff (SETTING_LISTS), see Engine
    setting: QuickFilter
    # Collision-risk names (weak aliases) run together ("badja", "ahy"), each with the
    # participants it may name: written as a hashtag, or as a marked word of one, they are read
    # as the name (features.py).
    tag_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The first words of each regency's pairs' weak names (normalised), by `Race.place_key`:
    # not anchors of the first look, which asks for the author's regency's names alone (a word
    # of a text is compared with them; "ja far", a name written "Ja'far", by its first word).
    local_names: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # Every name and slogan of a participant with a ballot number (strong or weak) run together,
    # each with the participants it may name: a hashtag that joins one to that participant's
    # number ("#PKSnomor8", "#AMIN1", "#SatSet3") is read as two signals agreeing (features.py).
    numbered_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The words of the SLOGAN_LISTS run together ("menang", "pastimenang", "pilih"): a
    # collision-risk name joined with one in a hashtag is a slogan built on it (features.py).
    slogan_words: frozenset[str] = frozenset()
    # names_of_place by the locality as written: asked for every event, computed once per place
    _by_place: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)

    def names_of_place(self, province: str, regency: str) -> frozenset[str]:
        """The first words of the weak names of the pairs running in this regency."""
        names = self._by_place.get((province, regency))
        if names is None:
            if len(self._by_place) >= PLACES_KEPT:
                self._by_place.clear()
            names = self.local_names.get(place_key(province, regency), frozenset())
            self._by_place[(province, regency)] = names
        return names


def _number_terms(cat: Catalogue) -> list[tuple[str, Meaning]]:
    lang = cat.language
    assert lang is not None
    # every word for a number counts ("dua", Javanese "loro", Sundanese "dua"), not only the last
    words: dict[int, list[str]] = {}
    for word, value in lang.number_words.items():
        words.setdefault(value, []).append(word)
    numbers = sorted({p.number for p in cat.participants.values() if p.number is not None})
    out: list[tuple[str, Meaning]] = []
    for strong, forms in ((True, lang.strong_number_forms), (False, lang.weak_number_forms)):
        for form in forms:
            for n in numbers:
                if form == "{0n}" and n >= 10:
                    continue  # a bare two-digit number is not a ballot number by itself
                term = form.replace("{0n}", f"{n:02d}").replace("{n}", str(n))
                spelled = (
                    [term.replace("{w}", w) for w in words.get(n, ())] if "{w}" in term else [term]
                )
                out += [(t, Meaning(Kind.NUMBER, value=n, strong=strong)) for t in spelled]
    return out


# Ballot positions that name a number only once the race is known (its last or middle number,
# or a count from the end): the Meaning's key says which, the race resolves it (features.py).
RELATIVE_POSITIONS = frozenset({"first", "last", "middle", "from_end"})


def _position_terms(cat: Catalogue) -> list[tuple[str, Meaning]]:
    """Ballot numbers said as positions: "nomor urut kedua" (2), "nomor setelah satu" (2),
    "nomor dua dari kanan", "nomor terakhir" (resolved against the race). {o} is an ordinal
    word, {n} a number (a digit or a number word)."""
    lang = cat.language
    assert lang is not None
    numbers = sorted({p.number for p in cat.participants.values() if p.number is not None})
    spelled: dict[int, list[str]] = {n: [str(n)] for n in numbers}
    ordinals: dict[int, list[str]] = {}
    for word, value in lang.number_words.items():
        spelled.setdefault(value, []).append(word)
    for word, value in lang.ordinal_words.items():
        ordinals.setdefault(value, []).append(word)
    shift = {"next": 1, "previous": -1}
    out: list[tuple[str, Meaning]] = []
    for strong, forms in ((True, lang.strong_position_forms), (False, lang.weak_position_forms)):
        for form, position in forms.items():
            key = position if position in RELATIVE_POSITIONS else ""
            if "{" not in form:
                out.append((form, Meaning(Kind.NUMBER, key, value=0, strong=strong)))
                continue
            for n in numbers:
                value = n + shift.get(position, 0)
                if value not in numbers:
                    continue  # "nomor setelah tiga" in a race of three names nobody
                words = ordinals.get(n, []) if "{o}" in form else spelled.get(n, [])
                for word in words:
                    term = form.replace("{o}", word).replace("{n}", word).replace("{w}", word)
                    out.append((term, Meaning(Kind.NUMBER, key, value=value, strong=strong)))
    return out


def raw_terms(cat: Catalogue, lists: dict[str, TermList]) -> list[tuple[str, Meaning]]:
    """(term as written, meaning) for everything matchable; normalised later."""
    lang = cat.language
    assert lang is not None
    out: list[tuple[str, Meaning]] = []
    for p in cat.participants.values():
        # A regent's or mayor's pair's one-word names are read only where the author is of the
        # regency (features.py), so they make no event worth a full look by themselves: the
        # first look asks for them by the author's regency (`Lexicon.local_names`).
        anchored = not cat.races[p.race_id].regency
        out += [(t, Meaning(Kind.ALIAS, p.id)) for t in p.aliases]
        out += [
            (t, Meaning(Kind.ALIAS, p.id, strong=False, anchor=anchored)) for t in p.weak_aliases
        ]
        out += [(t, Meaning(Kind.CAMPAIGN, p.id)) for t in p.campaign_terms]
        out += [(t, Meaning(Kind.CAMPAIGN, p.id, strong=False)) for t in p.weak_campaign_terms]
        out += [(t, Meaning(Kind.GROUP, p.id)) for t in p.groups]
    out += _number_terms(cat)
    out += _position_terms(cat)
    out += [
        (t, Meaning(Kind.GESTURE, value=n, strong=False)) for t, n in lang.gesture_emoji.items()
    ]
    out += [
        (t, Meaning(Kind.GESTURE, "weak", value=n, strong=False, anchor=False))
        for t, n in lang.weak_gesture_emoji.items()
    ]
    out += [
        (t, Meaning(Kind.GESTURE, value=n, strong=False)) for t, n in lang.gesture_phrases.items()
    ]
    out += [(t, Meaning(Kind.GESTURE, value=n)) for t, n in lang.strong_gesture_phrases.items()]
    for kind, words in lang.race_kind_words.items():
        out += [(w, Meaning(Kind.RACE_KIND, kind, anchor=False)) for w in words]
    for tl in lists.values():
        out += [(t, Meaning(Kind.LIST, tl.name, anchor=tl.anchor)) for t in tl.terms]
    return out


def _choice_anchors(normalised: list[tuple[str, Meaning]]) -> set[str]:
    """Each one-word call to vote before each term of address ("pilih pak", "coblos bu",
    "menangkan kang"): a person named as the one to vote for (`neutrality.choice`), whom the
    catalogue may not know, is worth a full look with no other anchor in the post."""
    verbs = {
        t for t, m in normalised if m.kind is Kind.LIST and m.key == CHOICE_LIST and " " not in t
    }
    return {f"{verb} {title}" for verb in verbs for title in TERMS_OF_ADDRESS}


def build_lexicon(cat: Catalogue, lists: dict[str, TermList]) -> Lexicon:
    """Normalise every term the way posts are normalised, then build both automata."""
    assert cat.language is not None
    raw = raw_terms(cat, lists)
    plain = Normaliser(cat.language)
    normalised = [(plain.normalise(t).text.strip(), m) for t, m in raw]
    normalised += [
        (variant, m) for t, m in normalised if m.kind in _NAMES for variant in name_variants(t)
    ]
    vocabulary = frozenset(tok for t, _ in normalised for tok in t.split() if tok.isalpha())
    names = frozenset(
        tok for t, m in normalised if m.kind in _NAMES for tok in t.split() if tok.isalpha()
    )
    # Words before "kita" in a term ("pilihan kita"): read with the regional possessive too.
    possessed = frozenset(
        words[-2] for t, _ in normalised if len(words := t.split()) >= 2 and words[-1] == "kita"
    )
    normaliser = Normaliser(cat.language, vocabulary, names, possessed)
    matcher = Matcher()
    compound = Matcher(boundaries=False)
    for term, meaning in normalised:
        matcher.add(term, meaning)
        if meaning.kind in (Kind.ALIAS, Kind.CAMPAIGN, Kind.GROUP) and meaning.strong:
            squeezed = term.replace(" ", "")
            if len(squeezed) >= MIN_COMPOUND:
                compound.add(squeezed, meaning)
    matcher.build()
    compound.build()
    anchors = sorted({t for t, m in normalised if m.anchor} | _choice_anchors(normalised))
    slang = [k.casefold() for k in normaliser.slang]  # the language's slang and split clitics
    quick = QuickFilter(anchors, [*slang, *name_cuts(names)])
    setting_terms = {t for t, m in normalised if m.kind is Kind.LIST and m.key in SETTING_LISTS}
    setting = QuickFilter(sorted(setting_terms), [])
    local_names: dict[tuple[str, str], set[str]] = {}
    for term, meaning in normalised:
        if meaning.kind is Kind.ALIAS and not meaning.anchor:
            race = cat.races[cat.participants[meaning.key].race_id]
            local_names.setdefault(race.place_key, set()).add(term.split(" ", 1)[0])
    tag_names: dict[str, tuple[str, ...]] = {}
    for term, meaning in normalised:
        if meaning.kind is Kind.ALIAS and not meaning.strong:
            squeezed = term.replace(" ", "")
            if meaning.key not in tag_names.get(squeezed, ()):
                tag_names[squeezed] = (*tag_names.get(squeezed, ()), meaning.key)
    numbered: dict[str, tuple[str, ...]] = {}
    for term, meaning in normalised:
        if (
            meaning.kind in (Kind.ALIAS, Kind.CAMPAIGN)
            and cat.participants[meaning.key].number is not None
        ):
            squeezed = term.replace(" ", "")
            if squeezed.isalpha() and meaning.key not in numbered.get(squeezed, ()):
                numbered[squeezed] = (*numbered.get(squeezed, ()), meaning.key)
    local = {place: frozenset(terms) for place, terms in local_names.items()}
    slogans = {
        squeezed
        for name in SLOGAN_LISTS
        if name in lists
        for term in lists[name].terms
        if len(squeezed := "".join(ch for ch in term.casefold() if ch.isalnum())) >= MIN_SLOGAN_WORD
    }
    return Lexicon(
        normaliser,
        matcher,
        compound,
        quick,
        setting,
        tag_names,
        local,
        numbered_names=numbered,
        slogan_words=frozenset(slogans),
    )
