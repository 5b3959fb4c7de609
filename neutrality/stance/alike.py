"""Words said of no side in particular: every candidate alike, rival sides alike, whoever wins,
the author's choice not made yet, the election itself.

A rule stated of all candidates ("semua paslon"), a candidate that is absent or fictitious,
support for one another ("saling mendukung"), winning and losing accepted alike, parity said of
two participants ("sama baiknya"), praise given to rivals alike, words to whoever wins, a choice
still weighed ("saya belum menentukan pilihan"), and praise of the election itself pick no
side. `judged_alone` tells, where rival sides are named, the one a verdict singles out.
"""

from __future__ import annotations

import re

from neutrality.featureset import Ev, Features
from neutrality.stance.cues import EVALUATION_LIST, SPOKEN_FIELDS, keep
from neutrality.stance.negation import COORDINATORS
from neutrality.stance.words import RELATIVE, UNIVERSAL, WordIndex, participant_words
from neutrality.wordclasses import COPULAS, ELECTION_EVENTS, ELECTIONS, FIRST_PERSONS, word_set

# Reciprocal markers (Indonesian "saling", Sundanese "silih"): a closed grammatical class whose
# verb's object is its own subjects ("saling mendukung": support one another).
_RECIPROCALS = frozenset(["saling", "slg", "silih"])
MUTUAL_SUPPORT = "support for one another, nobody in particular"
EVERY_CANDIDATE = "every candidate alike"

EITHER_OUTCOME = "winning and losing accepted alike"
OUTCOME_WINDOW = 5  # words between a win word and the losing it is joined to
# Words of losing an election (Indonesian and regional "kalah", English): the antonyms of the
# win words, a closed class.
_LOSING = frozenset(["kalah", "lose", "losing", "defeat"])
_READY = "siap"  # "siap menang, siap kalah": readiness repeated for each outcome
# "Still" (Indonesian, Javanese, English) opening what follows the pair, a word or a hashtag
# ("#tetap02"): loyalty whatever the outcome, not both outcomes accepted.
_STILL = ("tetap", "tetep", "panggah", "still")

# The collective numerals that count a race's candidates all together (beside the universal
# quantifiers of stance.words, UNIVERSAL): a closed grammatical class.
_ALL_OF_THEM = frozenset(["keduanya", "kedua duanya", "ketiganya", "ketiga tiganya", "keempatnya"])

WHOEVER_WINS = "whoever wins"
# A free-choice relative about the winner ("siapapun yang jadi presiden", "siapa pun
# pemenangnya", Javanese "sopo wae sing dadi", Sundanese "saha wae nu jadi"): the author speaks
# to any winner, so praise, blame or support words in that sentence pick no side. The tail is
# the class of words that name winning or the office won; at most WHOEVER_GAP words between.
WHOEVER_GAP = 3
WHOEVER_NAMED_WINDOW = 3  # words between a participant's name and praise that stays a side
_WHOEVER = re.compile(
    r"\b(?:siapa ?pun|sapa ?(?:wae|wa|bae)|sopo ?(?:wae|ae)|saha ?(?:wae|bae|ge))\b"
    rf"(?:\s+\S+){{0,{WHOEVER_GAP}}}?\s+"
    r"(?:jadi|terpilih|menang|pemenang|dadi|kapilih|meunang|presiden|pemimpin|gubernur|bupati"
    r"|wali ?kota|kepala daerah)(?:nya|e)?\b"
)

EVEN_HANDED = "register:report (said of both alike)"
EQUATIVE = re.compile(r"\bsama [^\W\d_]{3,}nya\b")
# A noun made with the circumfix ke-...-an ("kepribadiannya", "kebijakannya"): after "sama" it
# is the object of a feeling ("simpati sama kepribadiannya", sympathy for his personality),
# not the quality of an equative, which is an adjective ("sama baiknya").
_NOMINAL = re.compile(r" ke[^\W\d_]+annya$")

ABSENCE_WINDOW = 2  # "tanpa gambar paslon": words between "without" and the candidate word
_ABSENCE = frozenset(["tanpa", "tnpa"])
_NOT_REAL = frozenset(["fiktif", "rekaan", "karangan", "dummy"])


def even_handed(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> dict[str, Ev]:
    """Per field, the first parity cue in it: a `parity_cue` word ("sebaliknya", "keduanya")
    or the equative "sama <quality>-nya" ("sama baiknya", "sama kuatnya")."""
    out: dict[str, Ev] = {}
    for key in keys["parity_cue"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw and ev.field not in out:
                out[ev.field] = Ev(ev.field, ev.start, ev.end, EVEN_HANDED)
    for field, text in texts.items():
        if field not in out and "sama " in text:
            m = next((m for m in EQUATIVE.finditer(text) if not _NOMINAL.search(m.group())), None)
            if m is not None:
                out[field] = Ev(field, m.start(), m.end(), EVEN_HANDED)
    return out


# Additive particles: "Y juga keren" says of Y what was said of someone before.
_ADDITIVES = word_set("juga jg pun pula")
# What joins the members of a list of names once punctuation is read away.
_LIST_JOINS = word_set("dan atau serta maupun sama")
RIVALS_ALIKE = "register:report (said of rival sides alike)"


def rivals_alike(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> tuple[dict[str, Ev], dict[tuple[str, int | None], Ev]]:
    """Praise and support given to rival sides alike, read by structure: an additive particle
    after a participant whose rival of the same race is named before it ("Pak X keren, mas Y
    juga keren": the praise of Y repeats what was said of X), per field; and a praise or
    support word whose object is a list of rival participants ("mau dukung X, Y, Z semuanya
    satu Indonesia"), per cue word. Participants of one side (a pair's two names) are no
    rivals: "Prabowo hebat, Gibran juga hebat" still takes a side."""
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.raw or ev.start is None or ev.end is None or ev.field not in texts:
                continue
            if not ev.label.startswith("participant:"):
                continue  # an account tagged is whom a reply addresses
            mentions.setdefault(ev.field, []).append((ev.start, ev.end, ev.label.split(":", 1)[1]))
    fields: dict[str, Ev] = {}
    for field, found in mentions.items():
        found.sort()
        text = texts[field]
        for j, (_, end, pid) in enumerate(found):
            after = text[end:].split(None, 1)
            if not after or after[0] not in _ADDITIVES:
                continue
            race = pid.rsplit("/", 1)[0]
            alike = {p for _, _, p in found[: j + 1] if p.rsplit("/", 1)[0] == race}
            # a rival named before it, and none of the race named only after ("X jelek, Y juga
            # jelek, tapi Z hebat" singles Z out)
            later = {p for _, _, p in found[j + 1 :] if p.rsplit("/", 1)[0] == race}
            if len(alike) > 1 and later <= alike:
                at = end + text[end:].index(after[0])
                fields[field] = Ev(field, at, at + len(after[0]), RIVALS_ALIKE)
                break
    listed: dict[tuple[str, int | None], Ev] = {}
    for name in ("support", "endorse_cue", EVALUATION_LIST):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.start is None or ev.end is None or ev.field not in mentions:
                    continue
                pids = _listed_after(texts[ev.field], ev.end, mentions[ev.field])
                if len({p.rsplit("/", 1)[0] for p in pids}) == 1 and len(pids) > 1:
                    listed[(ev.field, ev.start)] = Ev(ev.field, ev.start, ev.end, RIVALS_ALIKE)
    return fields, listed


def _listed_after(text: str, at: int, mentions: list[tuple[int, int, str]]) -> set[str]:
    """The participants named one after another from offset `at` on (only spaces or a list's
    joining word between them): the object a cue word there governs."""
    pids: set[str] = set()
    for start, end, pid in mentions:
        if start < at:
            continue
        between = text[at:start].split()
        if len(between) > 1 or (between and between[0] not in _LIST_JOINS):
            break
        pids.add(pid)
        at = end
    return pids


# The author's choice not made yet: a first person, then "belum" (not yet) before a verb of
# deciding or choosing, or "masih" (still) before one of weighing. Closed grammatical classes:
# the pronouns (holder.py), the aspect words, and the verbs of deciding, choosing and weighing.
_UNDECIDED = re.compile(
    rf"\b(?:{'|'.join(sorted(FIRST_PERSONS))})(?: [^ ]+){{0,2}}? "
    r"(?:(?:belum|blm|belom|blom)(?: bisa| mau| juga| jg)? (?:menentukan|tentukan|nentuin|"
    r"memutuskan|putuskan|mutusin|memilih|milih|pilih|punya pilihan|ada pilihan|yakin)"
    r"|masih (?:menimbang|nimbang|nimbang2|mempertimbangkan|bingung|ragu))\b"
)
UNDECIDED = "register:report (the author's choice not made yet)"
_WEIGHED_LISTS = ("support", "endorse_cue")


def undecided(texts: dict[str, str], found: dict[str, list[Ev]]) -> None:
    """Read a field where the author says their choice is not made ("saya belum menentukan
    pilihan", "aku masih nimbang") as weighing, not giving, support: the support words in it
    ("dukung X juga masih nimbang") name a side considered. A call to vote, a wish, a
    comparison or the author's first-person declaration stays endorsement."""
    spans = {
        f: m
        for f, text in texts.items()
        # "belum", "blm", "blom" or "masih" is in every match: a substring test spares most
        # fields the regex, which tries each of its pronouns at every word
        if ("bel" in text or "bl" in text or "masih" in text)
        and (m := _UNDECIDED.search(text)) is not None
    }
    if not spans:
        return
    kept = [
        ev
        for ev in found["endorse"]
        if not (ev.field in spans and ev.label[ev.label.find("(") + 1 : -1] in _WEIGHED_LISTS)
    ]
    if len(kept) == len(found["endorse"]):
        return
    found.setdefault("report", []).extend(
        Ev(f, m.start(), m.end(), UNDECIDED) for f, m in spans.items()
    )
    if kept:
        found["endorse"] = kept
    else:
        del found["endorse"]


def whoever_wins(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    found: dict[str, list[Ev]],
) -> None:
    """Read a field that speaks to whoever wins ("siapapun nanti yang jadi presiden harus
    jujur") as a warning to any winner: the praise, blame and support words read as endorsement
    in it are said of no one in particular. Not where a participant is singled out by a slogan,
    number, hand sign or hashtag, nor where the author votes or declares for someone ("siapapun
    yang menang, saya tetap pilih X"): a first person or a call to vote keeps the field's
    endorsement."""
    if signalled(feats, keys):
        return
    spans = {field: m for field, text in texts.items() if (m := _WHOEVER.search(text)) is not None}
    if not spans:
        return
    committed = {
        ev.field
        for name in ("first_person", "call_to_vote")
        for key in keys[name]
        for ev in feats.found.get(key, ())
    }
    fields = spans.keys() - committed
    if not fields:
        return
    words = WordIndex(texts)
    named = participant_words(feats, keys, texts, words)

    def said_of_someone(ev: Ev) -> bool:
        """Praise beside a participant's name ("..., Ahok tetap yang terbaik") still takes a
        side; the word that is itself read as the name is not its own predicate."""
        if ev.start is None or ev.field not in named:
            return False
        at = words.at(ev.field, ev.start)
        return any(0 < abs(at - p) <= WHOEVER_NAMED_WINDOW for p in named[ev.field])

    kept = [ev for ev in found["endorse"] if ev.field not in fields or said_of_someone(ev)]
    if len(kept) == len(found["endorse"]):
        return
    found.setdefault("warn", []).extend(
        Ev(field, m.start(), m.end(), f"register:warn ({WHOEVER_WINS})")
        for field, m in spans.items()
        if field in fields
    )
    if kept:
        found["endorse"] = kept
    else:
        del found["endorse"]


def signalled(feats: Features, keys: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """Per race, the participants a campaign term, a hand sign or a hashtag on this side
    points at (a hashtag for each of them is even again)."""
    out: dict[str, set[str]] = {}
    for name in ("campaign_term", "gesture", "participant"):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if name == "participant" and not ev.field.startswith("hashtags["):
                    continue
                pid = ev.label.rsplit(">", 1)[-1].split(":", 1)[-1]
                out.setdefault(pid.rsplit("/", 1)[0], set()).add(pid)
    return out


# Where rival sides are named, words between a verdict and the one side it is said of alone.
BESIDE_WORDS = 3


def judged_alone(texts: dict[str, str], verdicts: list[Ev], references: list[Ev]) -> str | None:
    """Where the author's words name rival sides, the one participant every evaluative word is
    said of, if there is one: each verdict beside a name (within BESIDE_WORDS words) stands
    beside that participant's and no other's ("Paslon 02 hambar gagasannya, tiap sesi jadi juri
    01 sama 03"). Two sides each judged ("X sombong, Y lemah"), a verdict between two names, or
    none beside any name single nobody out (None). A verdict beside one of several names
    coordinated ("Terima kasih Pak Anies dan Pak Prabowo atas debatnya") is said of them all
    (see `_coordinated_names`). `texts` are the normalised fields (one space between words),
    the spans of `verdicts` and `references` in them."""
    judged: set[str] = set()
    for ev in verdicts:
        text = texts.get(ev.field)
        if text is None or ev.start is None or ev.end is None or ev.raw:
            continue
        near: set[str] = set()
        beside: list[Ev] = []
        for ref in references:
            if ref.field != ev.field or ref.start is None or ref.end is None or ref.raw:
                continue
            if ref.label.startswith("tagged account:"):
                continue  # whom a reply is addressed to, not whom it judges
            lo, hi = (ev.end, ref.start) if ev.start <= ref.start else (ref.end, ev.start)
            if (text.count(" ", lo, hi) - 1 if hi > lo else 0) <= BESIDE_WORDS:
                near.add(ref.label.rsplit(">", 1)[-1].split(":", 1)[-1])
                beside.append(ref)
        near |= _coordinated_names(text, beside, references, verdicts)
        if len(near) > 1:
            return None  # a verdict between two sides
        judged |= near
    return next(iter(judged)) if len(judged) == 1 else None


# Between two names of one list: a comma, an ampersand or a coordinator ("dan", "serta", and
# "sama" as Indonesian joins names), then at most a term of address ("dan Pak").
_NAME_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:(?:dan|serta|maupun|atau|sama|and)\s+)?|&\s*|(?:dan|serta|maupun|atau|sama|and)\s+)"
    r"(?:[^\W\d_]+\s+)?$"
)


def _coordinated_names(
    text: str, beside: list[Ev], references: list[Ev], verdicts: list[Ev]
) -> set[str]:
    """The participants named in one list with a name a verdict stands beside ("Pak Anies dan
    Pak Prabowo", "Anies, Prabowo"): joined by a comma or a coordinator (COORDINATORS, and
    "sama" as Indonesian joins names), at most a term of address between, and no verdict
    between them ("Prabowo hebat dan Anies" is no list). A list is read from name to name, so
    a verdict on its first member reaches the last."""
    joined: set[str] = set()
    members = list(beside)
    seen = {(ref.start, ref.end) for ref in members}
    while members:
        ref = members.pop()
        if ref.start is None or ref.end is None:
            continue
        for other in references:
            if other.field != ref.field or other.start is None or other.end is None:
                continue
            if (other.start, other.end) in seen or other.label.startswith("tagged account:"):
                continue
            lo, hi = (ref.end, other.start) if ref.start < other.start else (other.end, ref.start)
            if hi <= lo or not _NAME_LIST_GAP.match(text[lo:hi]):
                continue  # overlapping spans are one name's words read twice
            if any(
                v.field == ref.field and v.start is not None and lo <= v.start < hi
                for v in verdicts
            ):
                continue
            seen.add((other.start, other.end))
            joined.add(other.label.rsplit(">", 1)[-1].split(":", 1)[-1])
            members.append(other)
    return joined


RECIPROCAL = f"register:report ({MUTUAL_SUPPORT})"


# Nouns of the election as a process: praise or blame qualifying one of them through "yang"
# ("pelaksanaan Pilpres yang damai dan berintegritas") is said of the election, not of a side.
_ELECTION_NOUNS = ELECTIONS | word_set("demokrasi pesta kampanye debat penyelenggaraan pelaksanaan")
QUALIFIER_WINDOW = 4  # words from "yang" to the praise, coordinated qualities between
SAID_OF_THE_ELECTION = "register:report (praise or blame of the election itself)"


def said_of_the_election(
    ev: Ev, texts: dict[str, str], named_at: set[tuple[str, int | None]]
) -> bool:
    """Whether a praise or blame word qualifies an election noun: "<noun> yang" within
    QUALIFIER_WINDOW words before it, no participant named between ("pemilu yang dimenangkan
    X, hebat" praises X)."""
    if ev.start is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    before = text[: ev.start].split()[-QUALIFIER_WINDOW - 1 :]
    for i in range(len(before) - 1, 0, -1):
        if before[i] in RELATIVE:
            if before[i - 1] not in _ELECTION_NOUNS:
                return False
            at = text.rfind(f" {before[i]} ", 0, ev.start)
            return not any(
                f == ev.field and s is not None and at < s < ev.start for f, s in named_at
            )
    return False


# Nouns of the event's running that may stand before its name ("perhelatan demokrasi").
_RUNNING = word_set(
    "pesta perhelatan gelaran penyelenggaraan pelaksanaan suksesnya kesuksesan sukses "
    "kelancaran lancarnya terselenggaranya jalannya tahapan proses"
)
# A reason or identity clause after the support word: "dukungan, karena ini merupakan ...".
_REASONS = word_set("karena krn sebab")
_DEMONSTRATIVES = word_set("ini itu tersebut tsb")
# Words between a fronted object and its verb: modals, the subject pronoun, "mari".
_FRONTED_GAP = FIRST_PERSONS | word_set("harus wajib perlu patut mesti mari ayo tetap terus akan")
FRONTED_GAP = 3  # words between a fronted "ini" and the support verb ("ini harus kita dukung")
ANTECEDENT_WINDOW = 15  # words back from a fronted "ini" to the election it stands for
# Words of a side: a candidate, a pair, a party, a person addressed ("calon ini harus kita
# dukung", "nomor 2"), and a ballot number. A field with one of them names more than the election.
_BALLOT_NUMBER = re.compile(r"0?\d{1,2}")
_CANDIDATE_NOUNS = word_set(
    "calon paslon capres cawapres caleg cagub cawagub cabup cawabup cawalkot kandidat nomor no "
    "pasangan partai sosok tokoh beliau bapak pak ibu bu"
)
SUPPORTS_THE_ELECTION = "support for the election itself, nobody's side"


def supports_the_election(
    ev: Ev, texts: dict[str, str], named_at: set[tuple[str, int | None]]
) -> bool:
    """Whether what a support word supports is the election itself, though not its object (an
    election right after it is the object reader's, `unspecific_object`): a clause saying what
    it is ("memberikan dukungan, karena ini merupakan perhelatan demokrasi lokal"), or a fronted
    demonstrative standing for the election named before it ("Pemilu 2024 ini marilah kita
    sukseskan ..., dan ini harus kita dukung"), nobody named between, and no word of a side
    (`_CANDIDATE_NOUNS`, a ballot number) anywhere in the field. The appeal officials make for
    the election to succeed; it gives no candidate a vote."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text.split()
    if not _CANDIDATE_NOUNS.isdisjoint(words) or any(_BALLOT_NUMBER.fullmatch(w) for w in words):
        return False  # "... dan ini harus kita dukung, nomor 2 menang": a side is there too
    if _said_to_be_the_election(text[ev.end :].split()[:6]):
        return True
    before = text[: ev.start].split()
    gap = 0
    while before and before[-1] in _FRONTED_GAP and gap < FRONTED_GAP:
        before.pop()
        gap += 1
    if not before or before[-1] not in _DEMONSTRATIVES:
        return False
    before.pop()
    if before and (before[-1] in ELECTION_EVENTS or before[-1].isdigit()):
        # "pemilu ini harus kita dukung", "pilkada 2024 ini ..."
        head = before[-2] if before[-1].isdigit() and len(before) > 1 else before[-1]
        return head in ELECTION_EVENTS
    window = before[-ANTECEDENT_WINDOW:]
    events = [i for i, w in enumerate(window) if w in ELECTION_EVENTS]
    if not events:
        return False
    at = text.rfind(window[events[-1]], 0, ev.start)
    return not any(f == ev.field and s is not None and at < s < ev.start for f, s in named_at)


def _said_to_be_the_election(after: list[str]) -> bool:
    """Whether the words after a support word say that what it supports is the election: a
    reason with a demonstrative and a copula ("karena ini merupakan"), nouns of the event's
    running ("perhelatan"), then the event. (An election as the object right after the support
    word is the object reader's, `unspecific_object`.)"""
    if len(after) < 4 or after[0] not in _REASONS or after[1] not in _DEMONSTRATIVES:
        return False
    if after[2] not in COPULAS:
        return False
    i = 3
    while i < len(after) and after[i] in _RUNNING:
        i += 1
    return i < len(after) and after[i] in ELECTION_EVENTS


def either_outcome(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """Winning and losing accepted alike: a win word and a word of losing (`_LOSING`) joined by
    a coordinator or a repeated readiness ("siap untuk menang dan siap juga untuk kalah",
    "menang atau kalah", "kalah maupun menang"), within OUTCOME_WINDOW words, and no "still"
    after the pair ("kalah atau menang, tetap ...": loyalty whatever the outcome). The appeal for
    peace that officials and village heads make to every candidate: it wishes nobody the win.
    In words, not a media label; the caller reads it only with nobody named."""
    out: list[Ev] = []
    for key in keys["win_outcome"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or ev.field not in SPOKEN_FIELDS:
                continue
            text = texts.get(ev.field, "")
            before = text[: ev.start].split()[-OUTCOME_WINDOW:]
            after = text[ev.end :].split()[:OUTCOME_WINDOW]
            for between, lost_first in ((after, False), (list(reversed(before)), True)):
                if not _LOSING.isdisjoint(between):
                    lost_at = min(i for i, w in enumerate(between) if w in _LOSING)
                    joined = between[:lost_at]
                    # what follows the pair: "kalah atau menang #tetapahok" stays loyal
                    rest = after if lost_first else after[lost_at + 1 :]
                    if rest and rest[0].startswith(_STILL):
                        break
                    if not COORDINATORS.isdisjoint(joined) or _READY in joined:
                        out.append(
                            Ev(ev.field, ev.start, ev.end, f"register:warn ({EITHER_OUTCOME})")
                        )
                        break
    return out


def reciprocal(ev: Ev, texts: dict[str, str]) -> bool:
    """A support word right after a reciprocal marker (`_RECIPROCALS`): "kepala desa dan
    pengawas pemilu harus saling mendukung" asks the people named to support one another, as
    agencies ask of the bodies that run an election; it gives nobody a side."""
    if ev.start is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 20) : ev.start].split()[-1:]
    return bool(before) and before[0] in _RECIPROCALS


def drop_absent_candidates(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> None:
    """A candidate word that says there is no candidate ("twibbon tanpa gambar paslon") or no
    real one ("contoh surat suara dengan paslon fiktif") refers to nobody."""
    for key in keys["candidate_word"]:
        evs = feats.found.get(key)
        if not evs:
            continue
        keep(feats, key, evs, [ev for ev in evs if not _absent(ev, texts)])


def candidates_alike(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """Take out the candidate words of a field that speaks of every candidate alike, and return
    what says so. A candidate word after a universal quantifier ("semua paslon diperbolehkan
    berkampanye", "setiap calon punya hak yang sama") or a field that counts the candidates all
    together after naming them ("paslon ... wajib diperbolehkan ketiganya"; in words, not a
    media label, whose "keduanya" counts the people pictured) is a rule or a fact stated of
    all of them, as Bawaslu and heads of office explain it: no candidate is singled out. Not
    when a first person owns them ("semua caleg kita"). Called only with nobody named."""
    out: list[Ev] = []
    alike: set[str] = set()
    first_candidate: dict[str, int] = {}  # where each field's first candidate word starts
    for key in keys["candidate_word"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw:
                first_candidate[ev.field] = min(ev.start, first_candidate.get(ev.field, ev.start))
    for key in keys["parity_cue"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.raw or ev.field not in SPOKEN_FIELDS:
                continue  # a media label's "keduanya" counts the people pictured
            if (
                texts.get(ev.field, "")[ev.start : ev.end] in _ALL_OF_THEM
                and first_candidate.get(ev.field, ev.start) < ev.start
            ):
                alike.add(ev.field)
                out.append(ev)
    for key in keys["candidate_word"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw:
                continue
            text = texts.get(ev.field, "")
            before = text[max(0, ev.start - 20) : ev.start].split()[-1:]
            after = text[ev.end : ev.end + 20].split()[:1]
            if before and before[0] in UNIVERSAL and not (after and after[0] in FIRST_PERSONS):
                alike.add(ev.field)
                out.append(ev)
    if alike:
        for key in keys["candidate_word"]:
            evs = feats.found.get(key)
            if evs:
                keep(feats, key, evs, [ev for ev in evs if ev.field not in alike])
    return out


def _absent(ev: Ev, texts: dict[str, str]) -> bool:
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    before = text[max(0, ev.start - 30) : ev.start].split()[-ABSENCE_WINDOW:]
    after = text[ev.end : ev.end + 20].split()[:1]
    return not _ABSENCE.isdisjoint(before) or not _NOT_REAL.isdisjoint(after)
