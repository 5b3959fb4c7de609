"""Negations and orders: what a negation governs, orders to refrain, roles forbidden, orders told
of, and the speaker's own declaration.

An endorsing word a negation governs (`negated`, across the members of a list it opens,
`coordinated`), a directive whose content is a negation (`refraining_orders`), a campaign role
someone is told not to take (`forbidden_roles`) are warnings, the rule given or quoted. An order
told of (a passive "diminta" with no hearer, `told_of`; a superior as the subject of a verb of
ordering, `orders_by_others`) reports what someone else ordered; a verb of saying with the
speaker as its subject (`declared`) attributes nothing to anyone else.
"""

from __future__ import annotations

from neutrality.featureset import Ev, Features
from neutrality.stance.cues import SPOKEN_FIELDS, keep
from neutrality.stance.words import HEARERS, UNIVERSAL, reach
from neutrality.wordclasses import FIRST_PERSONS, word_set

NEGATION_WINDOW = 4  # words between a negation and the endorsing word it governs
DECLARER_WINDOW = 10  # words between a first-person subject and its verb of saying
# Words after which a pronoun is no subject ("kepada kami", "menurut saya", "bersama kita").
_NOT_SUBJECT = frozenset(
    [
        "kepada",
        "pada",
        "ke",
        "dengan",
        "untuk",
        "utk",
        "bagi",
        "oleh",
        "sama",
        "menurut",
        "bersama",
        "buat",
        "tentang",
        "terhadap",
        "antara",
        "dari",
    ]
)
# A negation governs every member of a list it opens ("tidak mengenakan atribut mendukung
# ataupun kode-kode dukungan", "jangan sampai ada kades atau lurah yang like atau komen
# memberikan dukungan"): past a coordinator its reach starts again, each member within
# NEGATION_WINDOW words, the whole within NEGATION_SCOPE words.
COORDINATORS = frozenset(["atau", "ataupun", "maupun", "dan", "serta", "or", "and", "nor"])
NEGATION_SCOPE = 12
# Under a negation, an escalating conjunction ("let alone", "even more so") adds one more member
# to what is refused ("jangan berpolitik praktis apalagi menggunakan jabatan dalam mendukung
# politisi"). Only here: between names ("Anies apalagi Prabowo") it joins no list of equals.
_ESCALATING = frozenset(["apalagi", "terlebih"])
_SCOPE_JOINERS = COORDINATORS | _ESCALATING

REFRAIN = "an instruction to refrain"
REFRAIN_WINDOW = 2  # purpose words between a directive and the negation it orders
_PURPOSE = frozenset(["untuk", "utk", "agar", "supaya", "biar", "buat", "spy"])
REFRAIN_SCOPE = NEGATION_SCOPE  # words after the negation that say what is refrained from
# The lists whose words make what is refrained from an act of the election.
_ELECTORAL = (
    "call_to_vote", "support", "endorse_cue", "campaign_term", "campaign_team", "candidate_word",
    "political_context", "participant", "gesture",
)  # fmt: skip
# Quantifiers before the people a directive tells ("seluruh kepala desa", "para guru").
_QUANTIFIERS = UNIVERSAL | {"para"}
FORBIDDEN_ROLE = "a campaign role forbidden"
ROLE_WINDOW = 3  # words between a negation and the campaign role it forbids
# Verbs of becoming and joining (and their particles) between a prohibition and a role.
_JOINING = frozenset(
    [
        "jadi",
        "menjadi",
        "ikut",
        "ikutan",
        "terlibat",
        "sebagai",
        "masuk",
        "bergabung",
        "gabung",
        "dalam",
        "ke",
        "secara",
        "aktif",
        "sampai",
        "sampe",
        "usah",
    ]
)

RECEIVED = "an instruction someone received"
ORDER_TOLD = "a superior's order told of"

# Active verbs of ordering (meN- forms): with a superior before them, an order told of.
_ACTIVE_ORDERS = frozenset(
    [
        "mengarahkan",
        "memerintahkan",
        "menyuruh",
        "menginstruksikan",
        "meminta",
        "memaksa",
        "mewajibkan",
        "menekan",
        "menggiring",
        "mengerahkan",
        "memobilisasi",
        "menugaskan",
    ]
)

RECEIVED_WINDOW_WORDS = 10  # words from a passive order to the vote or support it governs

# A passive order after one of these is a hypothesis or a condition, not a report; after a
# request or a modal ("mohon diarahkan", "harus dikerahkan") it is the polite imperative,
# addressed to the hearer.
CONDITIONS = word_set("kalau kalo klo jika jikalau bila apabila andai seandainya kl")
_IMPERATIVE_MARKERS = word_set(
    "mohon tolong harap silakan silahkan harus wajib mesti musti kudu perlu segera agar supaya "
    "biar please "
)


def told_of(order: Ev, texts: dict[str, str]) -> bool:
    """A passive order with no hearer as its subject and no condition or request before it:
    "Kordik diminta", "diarahkan untuk" tell of an order; "kalian diminta", "kalau diminta",
    "mohon diarahkan" do not."""
    before = texts.get(order.field, "")[: order.start].split()[-1:]
    return not before or not (
        before[0] in HEARERS or before[0] in CONDITIONS or before[0] in _IMPERATIVE_MARKERS
    )


def orders_by_others(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    named_at: set[tuple[str, int | None]],
) -> list[Ev]:
    """Take out the directives that are a superior's order told of, and return them.

    A superior (an office or an audience word: camat, kades, kepala dinas) right before an
    active verb of ordering is its subject ("Camat mengarahkan untuk memilih X"): the words
    tell what someone above ordered, as a whistle-blower tells reporters, unless the speaker
    is that superior ("saya selaku camat mengarahkan", see `declared`). Only in words (a
    media description is a reporter's account of the act itself)."""
    ends: dict[str, set[int]] = {}
    for name in ("asn_audience", "office_title"):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.field in SPOKEN_FIELDS and ev.end is not None and not ev.raw:
                    ends.setdefault(ev.field, set()).add(ev.end)
    if not ends:
        return []
    out: list[Ev] = []
    for field, at in ends.items():
        text = texts.get(field, "")
        for end in at:
            start = end + 1
            stop = text.find(" ", start)
            stop = len(text) if stop < 0 else stop
            if text[start:stop] not in _ACTIVE_ORDERS:
                continue
            verb = Ev(field, start, stop, f"register:report ({ORDER_TOLD})")
            if not declared(verb, texts, named_at):
                out.append(verb)
    if out:
        told = {(ev.field, ev.start) for ev in out}
        for key in keys["directive_cue"]:
            evs = feats.found.get(key)
            if evs:
                keep(feats, key, evs, [ev for ev in evs if (ev.field, ev.start) not in told])
    return out


def received_order(ev: Ev, received: list[Ev], texts: dict[str, str]) -> bool:
    """The endorsing word lies within RECEIVED_WINDOW_WORDS words after a passive order told
    of in its field: what was ordered, not what the author asks for."""
    if ev.start is None or not received:
        return False
    for order in received:
        if order.field != ev.field or order.end is None or order.end > ev.start:
            continue
        between = texts.get(ev.field, "")[order.end : ev.start].split()
        if len(between) < RECEIVED_WINDOW_WORDS:
            return True
    return False


def declared(ev: Ev, texts: dict[str, str], named_at: set[tuple[str, int | None]]) -> bool:
    """A verb of saying whose subject is the speaker ("kami dari forum ... menyatakan", "saya
    tegaskan"): a first-person pronoun, not the object of a preposition, among the
    DECLARER_WINDOW words before it, and no participant named between the two ("kita lihat
    Prabowo menyatakan" reports Prabowo). It declares; it attributes nothing to anyone else."""
    if ev.start is None:
        return False
    text = texts.get(ev.field, "")
    cut = ev.start
    for _ in range(DECLARER_WINDOW):
        cut = text.rfind(" ", 0, max(0, cut - 1))
        if cut < 0:
            cut = -1
            break
    before = text[cut + 1 : ev.start].split()
    at = cut + 1
    for i, word in enumerate(before):
        if word in FIRST_PERSONS and (i == 0 or before[i - 1] not in _NOT_SUBJECT):
            return not any(
                f == ev.field and s is not None and at < s < ev.start for f, s in named_at
            )
        at += len(word) + 1
    return False


def negated(ev: Ev, negations: set[tuple[str, int | None]], texts: dict[str, str]) -> bool:
    """A negation cue within the NEGATION_WINDOW words before the endorsing word."""
    if ev.start is None:
        return False
    text = texts.get(ev.field, "")
    before = text[: ev.start]
    cut = len(before)
    for _ in range(NEGATION_WINDOW):
        cut = before.rfind(" ", 0, cut - 1)
        if cut < 0:
            cut = 0
            break
    if any(f == ev.field and end is not None and cut <= end <= ev.start for f, end in negations):
        return True
    return any(
        f == ev.field and end is not None and end < cut and coordinated(text[end : ev.start])
        for f, end in negations
    )


def coordinated(between: str) -> bool:
    """Whether the words between a negation and an endorsing word are members of one list the
    negation opens: at least one coordinator (or escalating conjunction), each member shorter
    than NEGATION_WINDOW words, all within NEGATION_SCOPE words. A reduplication written with
    a space ("coba coba" for "coba-coba") is one word, as its hyphenated spelling is."""
    words = _one_word_reduplications(between.split())
    if len(words) > NEGATION_SCOPE or _SCOPE_JOINERS.isdisjoint(words):
        return False
    member = 0
    for word in words:
        if word in _SCOPE_JOINERS:
            member = 0
            continue
        member += 1
        if member > NEGATION_WINDOW - 1:
            return False
    return True


def _one_word_reduplications(words: list[str]) -> list[str]:
    """The words with a repeated word dropped: "coba coba" is the reduplication "coba-coba"."""
    return [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]


# Personal pronouns a universal quantifier can follow ("kita semua", "kalian sekalian"): a
# closed class. There "semua" counts the people spoken to, not the candidates voted for.
_PEOPLE_PRONOUNS = frozenset(["kita", "kami", "kalian", "anda", "mereka", "kamu", "sampeyan"])


def quantifies_people(ev: Ev, texts: dict[str, str]) -> bool:
    """An unspecific word that is a quantifier of the pronoun before it: "pilihan kita semua"
    (the choice of all of us) names a choice, it does not spread the vote over every candidate
    as "coblos semua capres" does."""
    if ev.start is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 12) : ev.start].split()[-1:]
    return bool(before) and before[0] in _PEOPLE_PRONOUNS


def followed_by(ev: Ev, starts: set[tuple[str, int | None]], texts: dict[str, str]) -> bool:
    """An unspecific object within the NEGATION_WINDOW words after the endorsing word."""
    if ev.end is None or not starts:
        return False
    cut = reach(texts.get(ev.field, ""), ev.end, NEGATION_WINDOW)
    return any(f == ev.field and s is not None and ev.end <= s <= cut for f, s in starts)


def refraining_orders(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    negation_starts: set[tuple[str, int | None]],
) -> list[Ev]:
    """Take out directives whose content is a negation of an act of the election
    (`_electoral_scope`), and return them.

    "ASN diminta tidak membuat keputusan yang menguntungkan calon", "pegawai harus untuk tidak
    ikut kampanye" order people to refrain: a neutrality rule being given or quoted, not an
    official directing staff for someone. With a participant named the caller keeps them
    ("kalian harus tidak pilih X" directs against X). The people told may stand between the
    directive and the negation ("kami minta timses menahan diri", "saya minta seluruh kepala
    desa tidak ..."): an audience or a campaign team named there is skipped to find the
    negation, and a campaign team told makes the refraining one of the election."""
    removed: list[Ev] = []
    hearers: dict[tuple[str, int], int] = {}
    for name in ("asn_audience", "campaign_team"):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.start is not None and ev.end is not None and not ev.raw:
                    at = (ev.field, ev.start)
                    hearers[at] = max(ev.end, hearers.get(at, 0))
    electoral: dict[str, list[int]] | None = None  # built once, only if a directive is read
    for key in keys["directive_cue"]:
        evs = feats.found.get(key)
        if not evs:
            continue
        if electoral is None:
            electoral = {}
            for name in _ELECTORAL:
                for cue in keys[name]:
                    for ev in feats.found.get(cue, ()):
                        if ev.start is not None:
                            electoral.setdefault(ev.field, []).append(ev.start)
        kept = []
        for ev in evs:
            negation = _refrained_at(ev, texts, negation_starts, hearers)
            if negation is not None and _electoral_scope(ev, negation, texts, electoral):
                removed.append(ev)
            else:
                kept.append(ev)
        keep(feats, key, evs, kept)
    return removed


def _electoral_scope(
    directive: Ev, at: int, texts: dict[str, str], electoral: dict[str, list[int]]
) -> bool:
    """Whether the refraining the directive orders concerns the election: a word of voting,
    support, campaigning or candidacy among the people told ("minta timses menahan diri") or
    within REFRAIN_SCOPE words of the negation at `at` ("diminta tidak ikut kampanye", "tidak
    membuat keputusan yang menguntungkan calon"). "Diminta tidak memakai seragam pegawai"
    refrains from nothing electoral: an instruction, and the rest of the text says what it
    serves."""
    starts = electoral.get(directive.field)
    if not starts or directive.end is None:
        return False
    end = reach(texts.get(directive.field, ""), at, REFRAIN_SCOPE)
    return any(directive.end <= start < end for start in starts)


def _refrained_at(
    ev: Ev,
    texts: dict[str, str],
    negation_starts: set[tuple[str, int | None]],
    hearers: dict[tuple[str, int], int] | None = None,
) -> int | None:
    """Where the negation opening what the directive asks starts, past any purpose word
    ("diminta untuk tidak", "harus agar tidak") and the people told (`hearers`: where an
    audience named in the field starts, and where it ends); None when it asks no refraining."""
    if ev.end is None or ev.raw:
        return None
    text = texts.get(ev.field, "")
    at = ev.end
    told = hearers or {}
    for _ in range(REFRAIN_WINDOW):
        while at < len(text) and text[at] == " ":
            at += 1
        word_end = text.find(" ", at)
        if text[at : word_end if word_end >= 0 else len(text)] in _QUANTIFIERS and word_end > 0:
            at = word_end + 1
        past = told.get((ev.field, at))
        if past is not None:
            at = past
            while at < len(text) and text[at] == " ":
                at += 1
        if (ev.field, at) in negation_starts:
            return at
        nxt = text.find(" ", at)
        if nxt < 0 or text[at:nxt] not in _PURPOSE:
            return None
        at = nxt
    return None


def forbidden_roles(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    negations: list[Ev],
) -> list[Ev]:
    """Campaign roles someone is told not to take: a negation, then only verbs of becoming or
    joining, then the role ("jangan jadi tim sukses", "tidak boleh terlibat sebagai tim
    kampanye"). The rule being given or quoted, as heads of office brief their staff; with a
    participant named the caller keeps them (the reader is not called when one is)."""
    starts: dict[str, list[int]] = {}
    for ev in negations:
        if ev.end is not None:
            starts.setdefault(ev.field, []).append(ev.end)
    out: list[Ev] = []
    for key in keys["campaign_team"]:
        for ev in feats.found.get(key, ()):
            ends = starts.get(ev.field)
            if not ends or ev.start is None:
                continue
            text = texts.get(ev.field, "")
            if any(
                end <= ev.start
                and len(between := text[end : ev.start].split()) <= ROLE_WINDOW
                and _JOINING.issuperset(between)
                for end in ends
            ):
                out.append(ev)
    return out
