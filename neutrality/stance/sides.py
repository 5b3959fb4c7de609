"""Sides taken by the shape of the words, not a cue word: a wish, a comparison, allegiance,
exclusive focus, defeat, a verdict.

A wish for a named participant's victory and a comparison between participants (`mood`), the
author placing themself beside one (`allegiance`), one singled out of the field ("hanya X yang
bisa", `singled_out`), one nobody can defeat (`unbeaten`), one to be defeated or removed
(`ousted`), and news-shaped prose that is the author's verdict on one side (`verdict_prose`)
endorse or oppose. Thanks to an office-holder's account with nothing electoral is gratitude for
their office (`thanks_to_account`), and after the vote a wish of conduct is asked of the
office-holder-elect (`wished_conduct`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from neutrality.featureset import Ev, Features
from neutrality.stance.cues import (
    EVALUATION_LIST,
    EXCLUSIVE_LIST,
    HOLDER_LISTS,
    OUSTER_LIST,
    VERDICT_FEATURES,
)
from neutrality.stance.negation import COORDINATORS
from neutrality.stance.voice import own_voice
from neutrality.stance.words import RELATIVE, WordIndex, participant_words, within
from neutrality.wordclasses import FIRST_PERSONS, LEADER_NOUNS, TERMS_OF_ADDRESS, word_set

COMPARISON = "comparison between participants"

MOOD_WINDOW = 8  # words between a wish and the victory it wishes, or a participant and either

# Words that may stand between "saya" and a participant in a statement of allegiance ("saya
# untuk Bu Risma", "aku tetap 02", "kami pro X"): prepositions, particles and honorifics only, so
# "saya bertemu X" (an event) is not one.
_LINKING = word_set(
    "untuk utk ke for tetap pro tim team ikut nomor no nomer selalu pasti sama cinta bu ibu "
    "pak bapak mas mbak mba bang kak cak gus abah "
)
ALLEGIANCE_WINDOW = 3  # words between the pronoun and the participant


def mood(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    others: set[str],
    compare: bool,
) -> list[tuple[Ev, str]]:
    """Wishes for a named participant's victory, and comparisons between participants of one
    race (`compare`), in the author's own fields: each returned with its cue's description.

    A wish is an optative cue followed within MOOD_WINDOW words by a victory word, with a
    participant within MOOD_WINDOW words of that victory ("semoga AHY menang", "moga pak
    Basuki dan pak Djarot terpilih"). A comparison is a comparative cue within MOOD_WINDOW words
    of a participant, in a field where participants of one race are named together.
    Word positions are looked up by bisection, so the work grows as n log n in the cues found.
    """
    words = WordIndex(texts)
    where = participant_words(feats, keys, texts, words)
    if not where:
        return []

    def near(field: str, word: int) -> bool:
        return within(where.get(field, []), word, MOOD_WINDOW)

    out: list[tuple[Ev, str]] = []
    wins: dict[str, list[int]] = {}
    for key in keys["win_outcome"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None:
                wins.setdefault(ev.field, []).append(words.at(ev.field, ev.start))
    for positions in wins.values():
        positions.sort()
    for wish in (ev for k in keys["optative_cue"] for ev in feats.found.get(k, ())):
        if wish.field in others or wish.end is None or wish.field not in wins:
            continue
        at = words.at(wish.field, wish.end)
        positions = wins[wish.field]
        i = bisect_left(positions, at)
        while i < len(positions) and positions[i] - at <= MOOD_WINDOW:
            if near(wish.field, positions[i]):
                out.append((wish, "wish for a victory"))
                break
            i += 1
    if compare:
        for cue in (ev for k in keys["comparative_cue"] for ev in feats.found.get(k, ())):
            if cue.field in others or cue.start is None:
                continue
            if near(cue.field, words.at(cue.field, cue.start)):
                out.append((cue, COMPARISON))
    return out


def beside(ev: Ev, where: dict[str, list[int]], words: WordIndex) -> bool:
    """A cue right after a participant's name, as its predicate ("Anies Ambisius", "Gibran
    Terbukti Curang"); a word further on ("Prabowo-Gibran Sapu Bersih") belongs to a verb."""
    if ev.start is None or ev.field not in where:
        return False
    word = words.at(ev.field, ev.start)
    i = bisect_left(where[ev.field], word - 1)
    return i < len(where[ev.field]) and where[ev.field][i] == word - 1


# Thanks addressed to a tagged account ("terimakasih pak @jokowi", "thanks @ridwankamil"): the
# class of thanking words, an honorific or two at most, then the handle.
_THANKS_TO = re.compile(
    r"\b(?:terima ?kasih|terimakasih|makasih|maturnuwun|matur nuwun|hatur nuhun|trims|thanks?|"
    r"thank you)(?:[ \t]+[^\W\d_]+){0,2}[ \t]*@\w+",
    re.IGNORECASE,
)
THANKS_TO_ACCOUNT = "register:programme (thanks addressed to an office-holder's account)"
# What makes thanks electoral: a vote, a slogan, a number or hand sign, an endorsing word, or
# words of the election itself.
_ELECTORAL = ("call_to_vote", "campaign_term", "endorse_cue", "gesture", "political_context")


def thanks_to_account(
    originals: list[tuple[str, str]], feats: Features, keys: dict[str, tuple[str, ...]]
) -> Ev | None:
    """Thanks addressed to an account a participant holds, in a post that names them only by
    that tag and says nothing of the election: gratitude to an office-holder for their
    office's work ("mantap, semoga roda ekonomi papua berjalan lebih efektif. terimakasih pak
    @jokowi"), not a side taken; a vote, slogan, number or election word keeps it partisan."""
    if any(key in feats.found for name in _ELECTORAL for key in keys[name]) or any(
        k.endswith(".number") for k in feats.found
    ):
        return None
    for field, orig in originals:
        m = _THANKS_TO.search(orig) if orig and "@" in orig else None
        if m is not None:
            return Ev(field, m.start(), m.end(), THANKS_TO_ACCOUNT, raw=True)
    return None


# After the vote a wish whose words are conduct asks it of the office-holder-elect ("semoga
# amanah dalam menjalankan tanggung jawab ini ya pak X", "semoga pak X jadi pemimpin yang adil"):
# the evaluative word is what is wished, not a verdict on a rival, and the winner needs no votes.
WISHED_CONDUCT = "register:programme (conduct wished of the office-holder after the vote)"
WISH_REACH = 6  # words between a wish and the conduct it wishes
# Conviction words of the optative list are the author's forecast, not a wish.
_FORECASTS = word_set("pasti pastinya yakin optimis")
# What keeps a wish partisan wherever it is: a vote, a slogan, support, a number or hand sign, a
# victory or a removal (the endorsing words outside the wish are read as before).
_PARTISAN = (
    "call_to_vote",
    "campaign_term",
    "endorse_cue",
    "gesture",
    "support",
    "win_outcome",
    OUSTER_LIST,
)
_LEADER_WORD = re.compile(r"\b(?:" + "|".join(sorted(LEADER_NOUNS)) + r")\b")


def wished_conduct(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    others: set[str],
    one_sentence: Callable[[str, int, int], bool],
    words: WordIndex,
) -> tuple[set[tuple[str, int]], list[Ev]]:
    """After voting day (`phase.post_election`), the evaluative words and leader nouns a wish
    reaches in the author's own fields: within WISH_REACH words after an optative cue, in its
    sentence (`one_sentence` tells, from what the person wrote; `words` numbers the words of
    `texts`). Returned are the places of the evaluation cues so read (no verdict) and evidence
    for each wish of conduct found (the programme register: the office and how it is to be
    held). Nothing when the post says anything partisan beside (`_PARTISAN`, a ballot number):
    the reading is the whole post's."""
    if "phase.post_election" not in feats.found:
        return set(), []
    if any(key in feats.found for name in _PARTISAN for key in keys[name]) or any(
        key.endswith(".number") for key in feats.found
    ):
        return set(), []
    wishes: dict[str, list[tuple[int, int]]] = {}  # field -> (wish end, its word number)
    for wish in (ev for key in keys["optative_cue"] for ev in feats.found.get(key, ())):
        if wish.field in others or wish.raw or wish.start is None or wish.end is None:
            continue
        if texts.get(wish.field, "")[wish.start : wish.end] in _FORECASTS:
            continue
        wishes.setdefault(wish.field, []).append((wish.end, words.at(wish.field, wish.end)))
    if not wishes:
        return set(), []

    def reached(field: str, start: int) -> bool:
        word = words.at(field, start)
        return any(
            end <= start and word - at <= WISH_REACH and one_sentence(field, end, start)
            for end, at in wishes.get(field, ())
        )

    conduct = {
        (ev.field, ev.start)
        for key in keys[EVALUATION_LIST]
        for ev in feats.found.get(key, ())
        if ev.start is not None and not ev.raw and reached(ev.field, ev.start)
    }
    found = [
        Ev(field, m.start(), m.end(), WISHED_CONDUCT)
        for field in wishes
        for m in _LEADER_WORD.finditer(texts.get(field, ""))
        if reached(field, m.start())
    ]
    return conduct, found


def allegiance(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """The author placing themself beside a participant or their support, in their own
    words: "aku pendukung X", "kami dukung", "saya untuk Bu X", "aku tetap 02"."""
    out: list[tuple[Ev, str]] = []
    for name in HOLDER_LISTS:
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.start is None or ev.raw or ev.field in others:
                    continue
                before = texts.get(ev.field, "")[max(0, ev.start - 30) : ev.start].split()[-2:]
                if not FIRST_PERSONS.isdisjoint(before):
                    out.append((ev, "first person"))
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.raw or ev.field in others:
                continue
            before = texts.get(ev.field, "")[max(0, ev.start - 60) : ev.start].split()
            for word in reversed(before[-(ALLEGIANCE_WINDOW + 1) :]):
                if word in FIRST_PERSONS:
                    out.append((ev, "first person beside a participant"))
                    break
                if word not in _LINKING:
                    break
    return out


# Words that cancel an exclusive focus (`exclusive_focus`: "bukan hanya X", not only X,
# others too) or ask it ("apakah hanya X yang ...").
_NOT_ONLY = word_set("bukan tidak tak gak ga nggak ngga enggak not apakah apa masa masak")

EXCLUSIVE_RELATIVE_WINDOW = 2  # words between the participant and the "yang" after them
# Negation and aspect opening the relative clause ("hanya X yang tidak hadir", "yang sudah
# melapor", "yang belum datang"): what the clause tells is an event, not a rank.
_EVENT_ASPECT = word_set(
    "tidak tak gak ga nggak ngga enggak belum blm bukan sudah sdh telah udah lagi sedang masih"
)
SINGLED_OUT = "the only one of the field"


# Modals of ability and fitness, possession and the superlative: a relative clause opened by one
# ranks its subject ("yang bisa", "yang layak", "yang punya", "yang paling"); a closed class.
_RANKING = word_set(
    "bisa bs mampu sanggup layak pantas pantes cocok pas tepat berani dapat pasti punya memiliki "
    "mempunyai paling ter"
)
RANK_WINDOW = 4  # words of the relative clause read for a ranking word or a verdict


def _ranks(
    text: str,
    name_end: int,
    words: int,
    verdicts: set[tuple[str, int | None]],
    field: str,
) -> bool:
    """Whether the relative clause after a singled-out name (its "yang" the `words`-th word
    after the name, counted from 0) ranks it: its first word a modal of ability or fitness,
    possession or the superlative (`_RANKING`), or a verdict among its first RANK_WINDOW
    words."""
    tail = text[name_end:].split(" ")[1:]  # the words after the name
    clause = tail[words + 1 : words + 1 + RANK_WINDOW]
    if clause and clause[0] in _RANKING:
        return True
    start = name_end + 1 + len(" ".join(tail[: words + 1])) + 1
    end = start + len(" ".join(clause))
    return any(f == field and at is not None and start <= at < end for f, at in verdicts)


# The copulas that may stand between a name and the "satu-satunya" said of it.
_COPULAS = word_set("adalah ialah merupakan yakni memang emang lah")
_SOLE = ("satu satunya", "satu2nya")  # the focus particles that follow what they single out


def _sole_after(
    text: str, name_end: int, focus_at: dict[tuple[str, int], Ev], field: str
) -> int | None:
    """The end of a "satu-satunya" said of the name that ends at `name_end`, a copula at most
    between them ("Prabowo adalah satu-satunya harapan", "X satu-satunya capres yang layak"):
    the particle after its noun. "Hanya" after a name restricts what they do ("X hanya
    bicara"), and singles nobody out."""
    at = name_end + 1
    nxt = text.find(" ", at)
    if nxt != -1 and text[at:nxt] in _COPULAS:
        at = nxt + 1
    for ev in (focus_at.get((field, at + len(sole))) for sole in _SOLE):
        if ev is not None and ev.start == at and ev.end is not None:
            return ev.end
    return None


def unbeaten(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """A participant nobody can defeat, in the author's own words: a negated existential
    ("tidak ada yang", "gak ada yang") before a verb of defeat (`ouster_cue`), a modal of
    ability at most between them, and the participant right after the verb ("gak ada yang
    bisa ngalahin Prabowo"). The whole field ranked below one side, as exclusive focus does."""
    out: list[tuple[Ev, str]] = []
    for key in keys[OUSTER_LIST]:
        if key in feats.found:
            break
    else:
        return out  # no verb of defeat (most posts): no names to index
    starts: dict[str, set[int]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw:
                starts.setdefault(ev.field, set()).add(ev.start)
    for key in keys[OUSTER_LIST]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or ev.field in others:
                continue
            text = texts.get(ev.field, "")
            if _NONE_CAN.search(text, 0, ev.start) is None:
                continue
            at = ev.end + 1
            while at not in starts.get(ev.field, set()):
                nxt = text.find(" ", at)
                if nxt == -1 or text[at:nxt] not in TERMS_OF_ADDRESS:
                    break
                at = nxt + 1
            else:
                out.append((ev, UNBEATEN))
    return out


UNBEATEN = "a participant nobody can defeat"
# "tidak ada yang (bisa|mampu|...) " right before the verb: nobody (can) defeat.
_NONE_CAN = re.compile(
    r"\b(?:tidak|tak|gak|ga|nggak|ngga|enggak|ndak|gada|belum) ada (?:lagi )?(?:yang|yg) "
    r"(?:(?:bisa|mampu|sanggup|dapat|akan|bakal|bakalan) )?$"
)


VERDICT_PROSE_MIN = 2  # verdict words that make prose about one side the author's own
VERDICT_PROSE_REACH = 14  # words between a verdict and the name it is said of (one clause)


def verdict_prose(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], field: str
) -> bool:
    """Whether prose shaped like news (`news_prose`) is the author's verdict on one side: no
    attribution in it (no reporting verb, no headline verb), and either VERDICT_PROSE_MIN
    verdict words (`evaluation_cue`, `evaluative_word`) within a clause of a name, every
    participant it names on one side ("Ganjar memiliki ciri kepemimpinan yang sangat cocok
    ... merakyat ... tidak otoriter"), or a participant singled out by exclusive focus
    ("hanya X sosok yang pas"). A story gives praise and blame to the people it quotes;
    unattributed, they are the writer's."""
    if any(
        ev.field == field
        for name in ("report_cue", "headline_verb")
        for key in keys[name]
        for ev in feats.found.get(key, ())
    ):
        return False
    sides: set[str] = set()
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.field == field and not ev.raw and not ev.label.startswith("tagged account:"):
                sides.add(ev.label.rsplit(">", 1)[-1].split(":", 1)[-1])
    if not sides or len({pid.rsplit("/", 1)[0] for pid in sides}) != len(sides):
        return False  # nobody named, or rival sides: a comparison is read elsewhere
    words = WordIndex(texts)
    named = participant_words(feats, keys, texts, words).get(field, [])
    verdicts = [
        ev
        for key in (*keys[EVALUATION_LIST], *VERDICT_FEATURES, "target.evaluative_word")
        for ev in feats.found.get(key, ())
        if ev.field == field
        and ev.start is not None
        and within(named, words.at(field, ev.start), VERDICT_PROSE_REACH)
    ]
    if len(verdicts) >= VERDICT_PROSE_MIN:
        return True
    return any(ev.field == field for ev, _ in singled_out(feats, keys, texts, set(), {}))


def singled_out(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    others: set[str],
    spoken: dict[str, str],
) -> list[tuple[Ev, str]]:
    """A participant singled out by exclusive focus in the author's own words: "hanya Pak X
    yang bisa memperbaiki", "cuma X capres yang merdeka", "satu-satunya X yang ...". The focus
    particle (`exclusive_focus`) must come right before the name (terms of address aside) and
    a relative "yang" shortly after it, so the name is the one the clause is said of: the
    author ranks that side above every rival, a comparison with the whole field in one phrase.
    "Bukan hanya X" (not only), names coordinated under the focus ("hanya X dan Y yang"), a
    question ("apakah hanya X yang ...") and a clause telling an event ("hanya X yang belum
    hadir") single nobody out. The clause must rank: a modal of
    ability or fitness, possession or a superlative ("yang bisa", "yang layak", "yang punya",
    "yang paling"), a verdict, or words in the author's own voice around it ("yang Merdeka
    !!!"); "hanya X yang hadir kemarin" in plain words tells who came. Returned with the
    particle and the name as the evidence."""
    out: list[tuple[Ev, str]] = []
    focus_at: dict[tuple[str, int], Ev] = {}
    for key in keys[EXCLUSIVE_LIST]:
        for ev in feats.found.get(key, ()):
            if ev.end is not None and not ev.raw and ev.field not in others:
                focus_at[(ev.field, ev.end)] = ev
    if not focus_at:
        return out  # no focus particle (most posts): the verdicts need no index
    verdicts = {
        (ev.field, ev.start)
        for key in (*keys[EVALUATION_LIST], *VERDICT_FEATURES)
        for ev in feats.found.get(key, ())
    }
    voiced: dict[str, bool] = {}
    seen: set[tuple[str, int]] = set()
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or (ev.field, ev.start) in seen:
                continue
            text = texts.get(ev.field)
            if text is None:
                continue
            # back over the terms of address to the word before them
            at = ev.start - 1
            while at > 0:
                word_start = text.rfind(" ", 0, at) + 1
                if text[word_start:at] not in TERMS_OF_ADDRESS:
                    break
                at = word_start - 1
            focus = focus_at.get((ev.field, at))
            if focus is None or focus.start is None:
                sole = _sole_after(text, ev.end, focus_at, ev.field)
                if sole is not None:
                    seen.add((ev.field, ev.start))
                    out.append((Ev(ev.field, ev.start, sole, "exclusive focus"), SINGLED_OUT))
                continue
            before = text[: focus.start].split()[-1:]
            if before and before[0] in _NOT_ONLY:
                continue
            after = text[ev.end : ev.end + 80].split()[: EXCLUSIVE_RELATIVE_WINDOW + 2]
            relative = next((i for i, w in enumerate(after) if w in RELATIVE), None)
            if relative is None or relative > EXCLUSIVE_RELATIVE_WINDOW:
                continue
            if not COORDINATORS.isdisjoint(after[:relative]) or "sama" in after[:relative]:
                continue  # "hanya X dan Y yang ...": the focus covers both
            if after[relative + 1 : relative + 2] and after[relative + 1] in _EVENT_ASPECT:
                continue  # "hanya X yang belum hadir": an event told, no rank
            if not _ranks(text, ev.end, relative, verdicts, ev.field):
                if ev.field not in voiced:
                    voiced[ev.field] = own_voice(spoken.get(ev.field, ""))
                if not voiced[ev.field]:
                    continue
            seen.add((ev.field, ev.start))
            out.append((Ev(ev.field, focus.start, ev.end, "exclusive focus"), SINGLED_OUT))
    return out


# Who may stand right before an ordered defeat for it to be an order ("ayo kalahkan X",
# "kita tumbangkan X", "harus kalahkan X", "bersatu untuk kalahkan X"): hortatives, the first
# person plural, modals of obligation and the purpose and joining words of a rallying call.
_OUSTER_ORDERS = word_set(
    "ayo ayok yuk mari kita kami harus wajib mesti musti kudu segera siap untuk utk dan terus "
    "bersama bersatu let lets"
)
# Modals that hold a removal due ("X harus didiskualifikasi", "X layak dicoret").
_DUE = word_set("harus wajib mesti musti kudu layak pantas perlu sebaiknya segera must should")
OUSTER_WINDOW = 3  # words between the participant and the modal, or the modal and the verb
OUSTED = "a participant to be defeated or removed"


def ousted(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """A participant the author orders defeated or holds due for removal, in their own words:
    the active verb (`ouster_cue`, its bare imperative form, not the declarative meN- form)
    opening the words or after a hortative, a first person plural or a modal, with the
    participant right after it (terms of address aside: "ayo
    kalahkan X", "kita tumbangkan Pak X"); or the passive verb after a modal of obligation
    that follows the participant ("X harus didiskualifikasi", "X layak di coret"). A negation
    before the verb or the modal ("jangan jegal X", "X tidak harus didiskualifikasi") and a
    verb told of ("MK menolak mendiskualifikasi X") order nothing. Opposition campaigning:
    the evidence is the verb."""
    out: list[tuple[Ev, str]] = []
    for key in keys[OUSTER_LIST]:
        if key in feats.found:
            break
    else:
        return out  # no verb of defeat (most posts): no names to index
    starts: dict[str, set[int]] = {}
    ends: dict[str, set[int]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and ev.end is not None and not ev.raw:
                starts.setdefault(ev.field, set()).add(ev.start)
                ends.setdefault(ev.field, set()).add(ev.end)
    for key in keys[OUSTER_LIST]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or ev.field in others:
                continue
            text = texts.get(ev.field, "")
            before = text[: ev.start].split()
            declarative = text.startswith("me", ev.start)  # "mengalahkan": told, not ordered
            if not declarative and _ordered_against(
                text, ev.end, before, starts.get(ev.field, set())
            ):
                out.append((ev, OUSTED))
                continue
            # the passive: "didiskualifikasi", or "di" written apart ("di diskualifikasi")
            if text[ev.start : ev.end].startswith("di") or before[-1:] == ["di"]:
                words = before[:-1] if before[-1:] == ["di"] else before
                if _due_removal(text, words, ends.get(ev.field, set())):
                    out.append((ev, OUSTED))
    return out


def _ordered_against(text: str, end: int, before: list[str], name_starts: set[int]) -> bool:
    """Whether an active verb of defeat ending at `end` is an order against the participant
    right after it: the verb opens the words or follows a word of `_OUSTER_ORDERS` (not itself
    negated), and a name starts right after it, terms of address aside."""
    if before and before[-1] not in _OUSTER_ORDERS:
        return False
    if len(before) > 1 and before[-2] in _NOT_ONLY:
        return False  # "tidak harus kalahkan X"
    at = end + 1
    while at not in name_starts:  # past the terms of address to the name
        nxt = text.find(" ", at)
        if nxt == -1 or text[at:nxt] not in TERMS_OF_ADDRESS:
            return False
        at = nxt + 1
    return True


def _due_removal(text: str, before: list[str], name_ends: set[int]) -> bool:
    """Whether the words before a passive verb of removal hold it due of a participant: a modal
    of obligation within OUSTER_WINDOW words before the verb, not negated, and a participant's
    name ending within OUSTER_WINDOW words before the modal."""
    for back in range(1, min(OUSTER_WINDOW, len(before)) + 1):
        if before[-back] not in _DUE:
            continue
        if back < len(before) and before[-back - 1] in _NOT_ONLY:
            return False
        # the character offset where the modal starts, to measure back to a name
        modal_at = len(" ".join(before[:-back])) + (1 if len(before) > back else 0)
        lead = text[:modal_at].rstrip()
        for _ in range(OUSTER_WINDOW + 1):
            if len(lead) in name_ends:
                return True
            cut = lead.rfind(" ")
            if cut == -1:
                return False
            lead = lead[:cut]
        return False
    return False
