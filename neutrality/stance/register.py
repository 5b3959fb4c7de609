"""The register reader: per side of a post, the registers its words are in, as features.

`read_register` runs the readers of the other modules in turn over the author's words and over
the content acted on: the structural cues of news (shape, links, quotation), the cue lists by
register, then each endorsing word, read as a warning, voter education, a report or
endorsement by what the readers say of it, then the sides taken by structure, the parity of
rivals, and the hashtags a sharer adds. A register whose cues weigh enough becomes
`register.<kind>` (or `target.register.<kind>`), its evidence the cues.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from neutrality.featureset import Ev, Features, Scanned
from neutrality.normalise import NormText

# `words.first_person` and `votes.education` are called through their modules: the reader has
# locals of those names (a field's first person read, the education found per vote word).
from neutrality.stance import votes, words
from neutrality.stance.alike import (
    EQUATIVE,
    EVERY_CANDIDATE,
    MUTUAL_SUPPORT,
    RECIPROCAL,
    SAID_OF_THE_ELECTION,
    SUPPORTS_THE_ELECTION,
    candidates_alike,
    drop_absent_candidates,
    either_outcome,
    even_handed,
    judged_alone,
    reciprocal,
    rivals_alike,
    said_of_the_election,
    signalled,
    supports_the_election,
    undecided,
    whoever_wins,
)
from neutrality.stance.allegation import LABEL as ALLEGATION
from neutrality.stance.allegation import alleged
from neutrality.stance.cues import (
    ATTRIBUTION_LISTS,
    CUE_LISTS,
    ENDORSE_LISTS,
    EVALUATION_LIST,
    HOLDER_LISTS,
    KEYS,
    NEUTRAL_REGISTERS,
    OTHERS_SUPPORT,
    REGISTER_WEIGHT,
    SIDES,
    SPOKEN_FIELDS,
    SUBJECT_KEYS,
    SUBJECT_SUPPORT,
    VERDICT_FEATURES,
    WORDS_ONLY_LISTS,
    keep,
    take_out,
    weak_cue,
    weight,
)
from neutrality.stance.membership import FEATURE as MEMBERSHIP_FEATURE
from neutrality.stance.membership import OTHERS_MEMBERSHIP, others_membership
from neutrality.stance.negation import (
    FORBIDDEN_ROLE,
    RECEIVED,
    REFRAIN,
    declared,
    followed_by,
    forbidden_roles,
    negated,
    orders_by_others,
    quantifies_people,
    received_order,
    refraining_orders,
    told_of,
)
from neutrality.stance.newsroom import (
    FACT_CHECK,
    FIGURES,
    PERCENT,
    cheering_kicker,
    dateline,
    headline,
    named_first,
    news_prose,
    subject_before,
)
from neutrality.stance.quotation import (
    ATTRIBUTED_QUOTE,
    CLOSING_ATTRIBUTION,
    SIGNED_SAYING,
    attributed_quotation,
    closing_attribution,
    has_quote,
    in_said_sentence,
    one_sentence,
    quoted_spans,
    said_sentences,
    signed_saying,
    told_lead,
    written_span,
)
from neutrality.stance.ruledout import ruled_out
from neutrality.stance.shared import (
    BROADCAST,
    LONG_NAME,
    PUBLISHER,
    PUBLISHER_LINK,
    READ_MORE,
    SHARE_CREDIT,
    SHORTENERS,
    SPEAKER_HEADLINE,
    TITLE_CREDIT,
    named_in_address,
    publisher_links,
    read_more,
    relayed_news,
    speaker_headline,
    tags_a_reader,
    text_links,
    without_links,
)
from neutrality.stance.sides import (
    COMPARISON,
    WISHED_CONDUCT,
    allegiance,
    beside,
    mood,
    ousted,
    singled_out,
    thanks_to_account,
    unbeaten,
    verdict_prose,
    wished_conduct,
)
from neutrality.stance.support import (
    SUPPORT_SPOKEN_OF,
    held_by_subject,
    others_support,
    ruled_fields,
    support_spoken_of,
)
from neutrality.stance.tags import OUTLET_TAGS, outlet_tags, sharers_tags, slogan_line
from neutrality.stance.voice import conversational, own_voice, voiced_fields
from neutrality.stance.votes import (
    CONTEST_WON,
    RESULT_FIGURE,
    contest_won,
    hortative,
    no_call,
    result_figure,
    vote_stated,
)
from neutrality.stance.words import (
    ADVERBIAL,
    RELATIVE,
    WordIndex,
    has_dash,
    opening,
    participant_words,
    word_before_in,
)
from neutrality.wordclasses import word_set
from schemas import Post, TargetKind

FORGET_WORDS = ("lupa", "lali", "hilap", "poho", "sampai lupa", "ampe lupa", "sampe lupa")

IMPERATIVE_AT = 3  # an endorsing verb among the first words of a title-case line is imperative
ENUMERATION_MIN = 3  # participants named together that make a list, in races with more

# A title-case line that judges a participant with nobody quoted ("Pidato Ganjar Mewakili
# Keresahan Rakyat, Prabowo-Gibran Stress") is the author's verdict dressed as a headline: a
# newsroom puts praise and blame in someone's mouth ("Habib: ...", "kata X").
HEADLINE_VERDICT = "praise or blame in a headline nobody is quoted in"

# The word right before a verb of saying that keeps it from attributing what follows: a relative
# "yang" (it describes the noun before) or a preposition or conjunction (it tells how or when).
_NOT_ATTRIBUTING = RELATIVE | ADVERBIAL

# Conjunctions and prepositions that open a subordinate clause or a phrase: a verb after one of
# them is what the clause is about, not an order.
_SUBORDINATORS = word_set(
    "karena krn sebab gara gegara akibat usai setelah stlh sesudah sebelum jelang menjelang "
    "pasca soal terkait demi saat ketika sejak jika bila kalau tanpa "
)

_HORTATIVE_OBJECTS = ("participant", "call_to_vote", "support", "endorse_cue", "candidate_word")


def possessed_by_author(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], field: str
) -> bool:
    """Whether a support word of the field carries the first-person enclitic ("Presidenku",
    "Idolaku", "Pilihanku"): the author's own, which a newsroom's headline never writes, however
    many capitals the line has ("Bapak Anies Rasyid Baswedan Presidenku"). The pack's terms
    ending in "ku" are written with the enclitic, so their match says so."""
    text = texts.get(field, "")
    return any(
        ev.field == field and ev.start is not None and text[ev.start : ev.end].endswith("ku")
        for name in ("support", "endorse_cue", "first_person")
        for key in keys[name]
        for ev in feats.found.get(key, ())
    )


def _partisan_objects(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    education: dict[tuple[str, int | None], str],
) -> set[tuple[str, int | None]]:
    """Where the partisan words a hortative may urge stand (a name, a vote, support, an
    endorsing or candidate word), other than a hand sign (too weak to be the object) and the
    words read as voter education."""
    return {
        (ev.field, ev.start)
        for name in _HORTATIVE_OBJECTS
        for key in keys[name]
        for ev in feats.found.get(key, ())
        if not ev.label.startswith("gesture:") and (ev.field, ev.start) not in education
    }


_SETTING_WARN_CUE = "register:warn (warn_cue)"  # a neutrality word naming a recording's setting


def _authors_own_words(
    bare: str,
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    field: str,
) -> bool:
    """Whether the words beside a shortened link are the author's own, so the link is theirs
    and not a story's: their own voice (a cheer, an emoji, a particle; not a pronoun, which
    news prose quotes), a candidate called by a term of address, or words that close by
    tagging someone. `bare` is the field's words without its links."""
    return (
        own_voice(bare, pronoun=False)
        or named_in_address(feats, keys, texts, field)
        or tags_a_reader(bare)
    )


def read_register(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    participants_by_race: dict[str, dict[str, set[str]]],
    race_sizes: dict[str, int] | None = None,
    normalise: Callable[[str, bool], NormText] | None = None,
    past: Callable[[str], bool] | None = None,
) -> None:
    """Add register features for the author's side and the target's side.

    `participants_by_race` holds, per side ("own", "target") and race, the participants named;
    `race_sizes` how many participants each race has (a list of all of them is information).
    `normalise` is the lexicon's normaliser, to map a verb of saying to what the person wrote
    (`said_sentences`); without it a field with one is read as reported throughout. `past`
    tells a candidate of an election already over on the post's day (its tags weigh no side
    of a race being run, `sharers_tags`).
    """
    target = post.target
    originals = {
        "own": [("text", post.text), ("transcript", post.transcript)],
        "target": [("target.text", target.text), ("target.name", target.name or "")]
        if target is not None
        else [],
    }
    by_side: dict[str, list[Scanned]] = {"own": [], "target": []}
    for sc in scanned:
        by_side["target" if sc.zone == "target" else "own"].append(sc)
    for side, prefix, _ in SIDES:
        if not by_side[side] and not any(orig for _, orig in originals[side]):
            continue
        keys = KEYS[side]
        found: dict[str, list[Ev]] = {}
        quoted: dict[str, list[tuple[int, int]]] = {}
        texts = {sc.field: sc.norm.text for sc in by_side[side]}
        attributed: set[str] = set()
        said_by_someone: set[str] = set()
        # Content that is news by its shape (shared from a publisher, a dateline, a headline with
        # no first-person words) is reported: endorsing words in it are the subject's.
        reported: set[str] = set()
        # Reported by a verb of saying alone, with no quotation marks: only the sentences it
        # reaches are the speaker's (field -> their spans in what the person wrote).
        said_spans: dict[str, list[tuple[int, int]]] = {}
        attributed_quote: set[str] = set()  # fields quoting someone with their attribution
        norms = {sc.field: sc.norm for sc in by_side[side]}
        offsets_of: dict[str, NormText] = {}  # fields normalised with their original offsets
        saying_at: dict[str, list[Ev]] = {}  # the verbs of saying, per field
        headlined: set[str] = set()  # read as news by its title case alone, nobody quoted
        # read as news by a dateline, a publisher, its prose or a fact-checker's verdict
        newsroom: set[str] = set()
        shapes: dict[str, str] = {}  # each field's words without the links written into them
        passed_on: set[str] = set()  # fields beside a link or shaped as a headline
        for field, orig in originals[side]:
            if not orig:
                continue
            links = text_links(orig) if field in ("text", "target.text") else []
            bare = shapes[field] = without_links(orig, links)
            # A group's or an account's name is what it is called, never a story's headline or
            # dateline ("One - Man Once Again", a WhatsApp group): only a post's is a title.
            a_name = (
                field == "target.name" and target is not None and target.kind is not TargetKind.POST
            )
            # Title case in a transcript is the transcriber's (names capitalised), never a
            # headline: spoken words have no case of their own.
            shaped = (
                (
                    field in ("text", "target.text")
                    or (field != "transcript" and len(orig) > LONG_NAME)
                )
                and not a_name
                and headline(bare)
                and not possessed_by_author(feats, keys, texts, field)
            )
            if links or (shaped and field in SPOKEN_FIELDS):
                passed_on.add(field)
            credit = TITLE_CREDIT.search(orig) if field == "text" and "via" in orig else None
            if credit is not None:
                found.setdefault("report", []).append(
                    Ev(field, credit.start(), credit.end(), SHARE_CREDIT, raw=True)
                )
            if field == "text" and side == "own":
                # A shortened link hides what it leads to: beside words in the author's own
                # voice it is their link, not a story (`_authors_own_words`).
                own_words: bool | None = None  # read once, only beside a shortened link
                for link in links:
                    for _, host in publisher_links([link.group()]):
                        if host in SHORTENERS:
                            if own_words is None:
                                own_words = _authors_own_words(bare, feats, keys, texts, field)
                            if own_words:
                                continue
                        found.setdefault("report", []).append(
                            Ev(
                                field,
                                link.start(),
                                link.end(),
                                PUBLISHER_LINK,
                                host,
                                raw=True,
                            )
                        )
            spans = quoted_spans(orig) if has_quote(orig) else []
            if spans:
                quoted[field] = spans
                said = attributed_quotation(orig, spans) if field in SPOKEN_FIELDS else None
                if said is not None:
                    found.setdefault("report", []).append(
                        Ev(field, said.start(), said.end(), ATTRIBUTED_QUOTE, raw=True)
                    )
                    attributed.add(field)
                    said_by_someone.add(field)
                    attributed_quote.add(field)
            signed = (
                signed_saying(bare)
                if field in SPOKEN_FIELDS and ("~" in bare or has_dash(bare))
                else None
            )
            if signed is not None:
                found.setdefault("report", []).append(
                    Ev(field, signed.start(), signed.end(), SIGNED_SAYING, raw=True)
                )
                attributed.add(field)
                said_by_someone.add(field)
                reported.add(field)  # its first person is the speakers', not the sharer's
            m = PERCENT.search(orig) if "%" in orig or "ersen" in orig else None
            if m is not None:
                found.setdefault("report", []).append(
                    Ev(field, m.start(), m.end(), FIGURES, raw=True)
                )
            m = FACT_CHECK.match(orig) if orig.lstrip().startswith("[") else None
            if m is not None:
                found.setdefault("debunk", []).append(
                    Ev(
                        field,
                        m.start(),
                        m.end(),
                        "register:debunk (a fact-check verdict)",
                        raw=True,
                    )
                )
                reported.add(field)
                newsroom.add(field)
            m = read_more(orig, bare) if field in ("text", "target.text") else None
            if m is not None:
                found.setdefault("report", []).append(
                    Ev(field, m.start(), m.end(), READ_MORE, raw=True)
                )
                reported.add(field)
                newsroom.add(field)
            m = None if a_name else dateline(orig, named_first(feats, keys, field))
            if m is not None:
                found.setdefault("report", []).append(
                    Ev(field, m.start(), m.end(), "register:report (dateline)", raw=True)
                )
                reported.add(field)
                newsroom.add(field)
            aired = field == "target.name" and BROADCAST.search(orig)
            if field == "target.name" and (PUBLISHER.search(orig) or aired):
                why = "a broadcast" if aired else "shared from a publisher"
                found.setdefault("report", []).append(
                    Ev(field, None, None, f"register:report ({why})", orig)
                )
                reported.update(("target.text", "target.name"))
                newsroom.update(("target.text", "target.name"))
            if (
                field in ("text", "target.text")
                and news_prose(bare)
                and not verdict_prose(feats, keys, texts, field)
                and not named_in_address(feats, keys, texts, field)
            ):
                found.setdefault("report", []).append(
                    Ev(field, None, None, "register:report (news prose)", orig[:80])
                )
                reported.add(field)
                newsroom.add(field)
            if shaped and not cheering_kicker(bare, feats, keys, field):
                found.setdefault("report", []).append(
                    Ev(field, None, None, "register:report (headline)", orig[:80])
                )
                first_person = any(
                    ev.field == field
                    for key in keys["first_person"]
                    for ev in feats.found.get(key, ())
                )
                # An imperative at the start ("Menangkan X", "Rapatkan barisan, coblos X") is a
                # slogan in title case, not a headline about someone else; after a conjunction
                # or preposition ("Gegara Dukung X, ...", "Usai Coblos X") the verb is no order.
                imperative = any(
                    ev.field == field
                    and ev.start is not None
                    and ev.start < opening(texts.get(field, ""), IMPERATIVE_AT)
                    and _SUBORDINATORS.isdisjoint(texts.get(field, "")[: ev.start].split())
                    and not subject_before(feats, keys, field, ev.start)
                    and not any(
                        neg.field == field and neg.start is not None and neg.start < ev.start
                        for k in keys["negation_cue"]
                        for neg in feats.found.get(k, ())
                    )
                    for key in (*keys["call_to_vote"], *keys["endorse_cue"])
                    for ev in feats.found.get(key, ())
                )
                if not first_person and not imperative:
                    reported.add(field)
                    if ":" not in bare:
                        headlined.add(field)
        if side == "own":
            for i, host in publisher_links(post.urls):
                if host in SHORTENERS and _authors_own_words(
                    shapes.get("text", ""), feats, keys, texts, "text"
                ):
                    continue  # a shortened link beside the author's own voice (see above)
                found.setdefault("report", []).append(
                    Ev(f"urls[{i}]", None, None, PUBLISHER_LINK, host)
                )
        named_at: set[tuple[str, int | None]] = {
            (ev.field, ev.start)
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
            if ev.start is not None
        }
        named_ends: set[tuple[str, int | None]] = {
            (ev.field, ev.end)
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
            if ev.end is not None and not ev.raw
        }
        for name, register in CUE_LISTS.items():
            for key in keys[name]:
                for ev in feats.found.get(key, ()):
                    if name in WORDS_ONLY_LISTS and ev.field not in SPOKEN_FIELDS:
                        continue
                    if (
                        name in ATTRIBUTION_LISTS
                        and ev.field in SPOKEN_FIELDS
                        and declared(ev, texts, named_at)
                    ):
                        continue  # "kami ... menyatakan": the speaker's own declaration
                    if name in ATTRIBUTION_LISTS and word_before_in(ev, texts, _NOT_ATTRIBUTING):
                        continue  # "Rano yg dianggap ...", "santai dalam menjelaskan"
                    found.setdefault(register, []).append(
                        Ev(ev.field, ev.start, ev.end, f"register:{register} ({name})")
                    )
                    if register == "report":
                        attributed.add(ev.field)
                    if name in ATTRIBUTION_LISTS and ev.field in SPOKEN_FIELDS:
                        said_by_someone.add(ev.field)
                        if ev.start is not None:
                            saying_at.setdefault(ev.field, []).append(ev)
        # Reported speech without quotation marks ("Prabowo ajak warga coblos 02, ujarnya"):
        # an attribution and no first-person or imperative words of the author in that field.
        # A field passed on (a link, a headline), quoting someone or reported by its shape is
        # reported throughout; one whose only sign is a verb of saying in the author's words
        # is reported from that verb's sentence on (`said_sentences`).
        if said_by_someone:
            voiced = {ev.field for k in keys["first_person"] for ev in feats.found.get(k, ())}
            voiced |= {f for f, orig in originals[side] if words.first_person(orig)}
            for field in said_by_someone - voiced:
                reach = (
                    None
                    if field in reported
                    or field in attributed_quote
                    or field in passed_on
                    or field not in saying_at
                    else said_sentences(field, saying_at[field], norms, normalise, offsets_of)
                )
                if reach is None:
                    reported.add(field)
                else:
                    said_spans[field] = reach
        if side == "own":
            for field, orig in originals[side]:
                lead = told_lead(field, orig, shapes.get(field, orig)) if orig else None
                if lead is not None and field not in voiced_fields(feats, keys, [(field, orig)]):
                    found.setdefault("report", []).append(lead)
                    said_by_someone.add(field)
                    reported.add(field)
                elif field in SPOKEN_FIELDS and orig and (closing := closing_attribution(orig)):
                    # "..., kata Jokowi di GBK, Sabtu (13/4/2019).": the words before are his
                    found.setdefault("report", []).append(
                        Ev(field, closing.start(), closing.end(), CLOSING_ATTRIBUTION, raw=True)
                    )
                    said_by_someone.add(field)
                    reported.add(field)
                elif field in passed_on and field in SPOKEN_FIELDS and orig:
                    credited = speaker_headline(orig)
                    if credited is not None:
                        # the words after the colon are the speaker's, their first person too
                        found.setdefault("report", []).append(
                            Ev(
                                field,
                                credited.start(1),
                                credited.end(1),
                                SPEAKER_HEADLINE,
                                raw=True,
                            )
                        )
                        said_by_someone.add(field)
                        reported.add(field)
        relayed_tags: set[str] = set()
        if side == "own" and not any(
            ev.field == "text" for k in keys["first_person"] for ev in feats.found.get(k, ())
        ):
            relay = relayed_news(post, found, shapes.get("text", ""))
            if relay is not None:
                # the retweeted account's words, its hashtags with them: what they say of a
                # participant they tell, as a shared story does
                found.setdefault("report", []).append(relay)
                relayed_tags = {f"hashtags[{i}]" for i in range(len(post.hashtags))}
                reported |= {"text"} | relayed_tags
                newsroom.add("text")
        outlet_tagged: set[tuple[str, int | None]] = set()
        if side == "own" and "#" in post.text:
            outlet_run = outlet_tags(post, feats, keys, {sc.field: sc.norm for sc in by_side[side]})
            if outlet_run is not None:
                found.setdefault("report", []).append(outlet_run[0])
                outlet_tagged = outlet_run[1]
        # "yang tidak dukung X" is a condition (a threat's shape), not a prohibition, and
        # "jangan lupa coblos" (don't forget to vote) negates the forgetting, not the vote. A
        # negation inside a threat ("tidak segan-segan", "kontrak tidak diperpanjang") belongs
        # to the threat, not to the order before it.
        threats: set[tuple[str, int, int]] = set()
        for key in keys["threat_cue"]:
            for ev in feats.found.get(key, ()):
                if ev.start is not None and ev.end is not None:
                    threats.add((ev.field, ev.start, ev.end))
        negation_evs = [
            ev
            for key in keys["negation_cue"]
            for ev in feats.found.get(key, ())
            if ev.start is not None
            and ev.end is not None
            and not any(
                f == ev.field and start <= ev.start and ev.end <= end for f, start, end in threats
            )
            and not (" " + texts.get(ev.field, "")[: ev.start]).rstrip().endswith(" yang")
            and not texts.get(ev.field, "")[ev.end :].lstrip().startswith(FORGET_WORDS)
        ]
        negation_starts = {(ev.field, ev.start) for ev in negation_evs}
        negations = {(ev.field, ev.end) for ev in negation_evs}
        # A hand sign is weak evidence of a side: in words that warn ("bagi yang terbiasa foto
        # dengan dua jari, harap menahan diri") it is the act warned about, nobody named.
        warned = not feats.found.keys().isdisjoint(keys["warn_cue"])
        named_here = any(
            not (warned and ev.label.startswith("gesture:"))
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
        )
        drop_absent_candidates(feats, keys, texts)
        if not named_here:
            for ev in candidates_alike(feats, keys, texts):
                found.setdefault("warn", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:warn ({EVERY_CANDIDATE})")
                )
            for ev in refraining_orders(feats, keys, texts, negation_starts):
                found.setdefault("warn", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:warn ({REFRAIN})")
                )
            for ev in forbidden_roles(feats, keys, texts, negation_evs):
                found.setdefault("warn", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:warn ({FORBIDDEN_ROLE})")
                )
        for ev in others_support(feats, keys, texts):
            found.setdefault("report", []).append(
                Ev(ev.field, ev.start, ev.end, f"register:report ({OTHERS_SUPPORT})")
            )
        if side == "own":
            for ev in others_membership(feats, keys["membership"], texts):
                feats.add(MEMBERSHIP_FEATURE, Ev(ev.field, ev.start, ev.end, OTHERS_MEMBERSHIP))
        for field, subject in held_by_subject(
            feats,
            SUBJECT_KEYS[side],
            texts,
            originals[side],
            (passed_on, reported | said_spans.keys(), shapes),
            {sc.field: sc.norm for sc in by_side[side]},
        ):
            found.setdefault("report", []).append(
                Ev(
                    field,
                    subject.start,
                    subject.end,
                    f"register:report ({SUBJECT_SUPPORT})",
                    raw=True,
                )
            )
        unspecific = {
            (ev.field, ev.start)
            for key in keys["unspecific_object"]
            for ev in feats.found.get(key, ())
            if not quantifies_people(ev, texts)
        }
        # What a hortative ("ayo", "jangan lupa") urges: only a partisan word after it makes
        # it endorsement ("jangan lupa tanda tangan saksi" urges nothing partisan).
        # A vote for an office, by criteria, or for a date and place is voter education.
        education: dict[tuple[str, int | None], str] = {}
        spoken = dict(originals[side])
        for key in keys["call_to_vote"]:
            for ev in feats.found.get(key, ()):
                cue = votes.education(ev, texts, named_here, spoken)
                if cue is not None:
                    education[(ev.field, ev.start)] = cue
        # Read at the first hortative that asks for it (most fields have none): nothing from
        # here to the loop below changes the features it reads (`orders_by_others` keeps only
        # directives), nor `education`.
        partisan: set[tuple[str, int | None]] | None = None
        figured = {ev.field for ev in found.get("report", ()) if ev.label.endswith("(figures)")}
        # Passive orders told of, not given: the hearer-less "diminta", "diarahkan" before a vote.
        received = [
            ev
            for key in keys["received_directive"]
            for ev in feats.found.get(key, ())
            if ev.start is not None and told_of(ev, texts)
        ]
        # Active orders told of: a superior named as the subject of a verb of ordering ("Camat
        # mengarahkan untuk memilih X", "pak Kades menyuruh kami"), the speaker not among them.
        told_orders = orders_by_others(feats, keys, texts, named_at)
        if told_orders:
            found.setdefault("report", []).extend(told_orders)
            received += told_orders
        # A field that quotes someone with a reporting cue is reported speech: the endorsement
        # cues in it are the quoted speaker's, not the author's.
        # Praise or blame is a side taken only when it is said of someone the author names:
        # accounts tagged with @ are whom a reply is addressed to, not whom it judges.
        evaluated = any(
            not ev.label.startswith("tagged account:")
            and not (warned and ev.label.startswith("gesture:"))
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
        )
        if named_here and not evaluated and side == "own":
            thanks = thanks_to_account(originals[side], feats, keys)
            if thanks is not None:
                found.setdefault("programme", []).append(thanks)
        lists = (*ENDORSE_LISTS, EVALUATION_LIST) if evaluated else ENDORSE_LISTS
        words_at = WordIndex(texts)
        # After the vote, praise a wish reaches is conduct asked of the office-holder-elect.
        wished: set[tuple[str, int]] = set()
        if evaluated and side == "own":
            wished, leaders = wished_conduct(
                feats,
                keys,
                texts,
                reported | said_by_someone,
                partial(one_sentence, norms=norms, normalise=normalise, tracked=offsets_of),
                words_at,
            )
            if leaders:
                found.setdefault("programme", []).extend(leaders)
        judged_words = (
            participant_words(feats, keys, texts, words_at) if evaluated and headlined else {}
        )
        no_calls: set[tuple[str, int | None]] = set()
        # Fields that warn or administer in their own cue words: a support noun there with
        # nobody named is what is warned about or administered (see `support_spoken_of`).
        ruled = {} if named_here else ruled_fields(found, texts, feats, keys)
        span_written = partial(written_span, norms=norms, normalise=normalise, tracked=offsets_of)
        for name in lists:
            for key in keys[name]:
                for ev in feats.found.get(key, ()):
                    if not named_here and (
                        (ev.field, ev.start) in negation_starts or negated(ev, negations, texts)
                    ):
                        found.setdefault("warn", []).append(
                            Ev(ev.field, ev.start, ev.end, "register:warn (negated endorsement)")
                        )
                        continue
                    if not named_here and alleged(ev, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, ALLEGATION)
                        )
                        continue
                    if (
                        not named_here
                        and (ev.field in SPOKEN_FIELDS or ev.field.startswith(_TAG_FIELD))
                        and followed_by(ev, unspecific, texts)
                    ):
                        found.setdefault("warn", []).append(
                            Ev(ev.field, ev.start, ev.end, "register:warn (nobody in particular)")
                        )
                        continue
                    register_of = ruled.get(ev.field)
                    if (
                        register_of is not None
                        and name == "endorse_cue"
                        and support_spoken_of(ev, texts, spoken, span_written)
                    ):
                        found.setdefault(register_of, []).append(
                            Ev(
                                ev.field,
                                ev.start,
                                ev.end,
                                f"register:{register_of} ({SUPPORT_SPOKEN_OF})",
                            )
                        )
                        continue
                    if not named_here and reciprocal(ev, texts):
                        found.setdefault("warn", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:warn ({MUTUAL_SUPPORT})")
                        )
                        continue
                    if (
                        not named_here
                        and name == "endorse_cue"
                        and supports_the_election(ev, texts, named_at)
                    ):
                        found.setdefault("warn", []).append(
                            Ev(
                                ev.field,
                                ev.start,
                                ev.end,
                                f"register:warn ({SUPPORTS_THE_ELECTION})",
                            )
                        )
                        continue
                    if name == "first_person" and hortative(ev, texts):
                        if partisan is None:
                            partisan = _partisan_objects(feats, keys, education)
                        if not followed_by(ev, partisan, texts):
                            continue
                    if result_figure(ev, figured, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({RESULT_FIGURE})")
                        )
                        continue
                    if name in _HOLDER_LISTS_SET and reciprocal(ev, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, RECIPROCAL)
                        )
                        continue
                    if name == EVALUATION_LIST and (ev.field, ev.start) in wished:
                        found.setdefault("programme", []).append(
                            Ev(ev.field, ev.start, ev.end, WISHED_CONDUCT)
                        )
                        continue
                    if name == EVALUATION_LIST and said_of_the_election(ev, texts, named_at):
                        # "pilpres yang damai dan berintegritas": the process judged
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, SAID_OF_THE_ELECTION)
                        )
                        continue
                    if name in _HOLDER_LISTS_SET and contest_won(ev, texts, named_ends):
                        # "X memenangkan Pilpres", "jika memenangkan Pilpres": a win told
                        if name == "call_to_vote":
                            no_calls.add((ev.field, ev.start))
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({CONTEST_WON})")
                        )
                        continue
                    if name == "call_to_vote" and no_call(ev, texts):
                        # "usai nyoblos", "pilih siapa?": told of or asked, not urged, so no
                        # call to vote for any rule either
                        no_calls.add((ev.field, ev.start))
                        continue
                    stated = None if named_here else vote_stated(name, ev, texts)
                    if stated is not None:
                        # "para ASN bisa memilih", "silakan mendukung, tetapi hanya di bilik
                        # suara": the right to vote stated; "ketika dirinya memilih": its time
                        # told. Nobody is urged.
                        no_calls.add((ev.field, ev.start))
                        found.setdefault("educate", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:educate ({stated})")
                        )
                        continue
                    if received_order(ev, received, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({RECEIVED})")
                        )
                        continue
                    # The words a call to vote was read in are read so in every list that has
                    # them ("pilihlah" is a call to vote and an endorsing word): voter
                    # education for one is voter education for all.
                    cue = education.get((ev.field, ev.start))
                    if cue is not None:
                        found.setdefault("educate", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:educate ({cue})")
                        )
                        continue
                    if (
                        name == EVALUATION_LIST
                        and ev.field in headlined - newsroom - said_by_someone
                        and ev.field not in quoted
                        and beside(ev, judged_words, words_at)
                    ):
                        found.setdefault("endorse", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:endorse ({HEADLINE_VERDICT})")
                        )
                        continue
                    if (ev.field, ev.start) in outlet_tagged:
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({OUTLET_TAGS})")
                        )
                        continue
                    if (
                        ev.field in reported
                        or (ev.field in quoted and ev.field in attributed)
                        or in_said_sentence(ev, said_spans, offsets_of)
                    ):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, "register:report (reported speech)")
                        )
                        continue
                    found.setdefault("endorse", []).append(
                        Ev(ev.field, ev.start, ev.end, f"register:endorse ({name})")
                    )
        if side == "own" and any(phase in feats.found for phase in votes.AFTER_THE_VOTE):
            for key in keys["support"]:
                for ev in take_out(feats, key, partial(votes.result_placed, texts=texts)):
                    found.setdefault("report", []).append(
                        Ev(ev.field, ev.start, ev.end, f"register:report ({votes.RESULT_PLACED})")
                    )
        for key in keys["call_to_vote"] if no_calls else ():
            evs = feats.found.get(key)
            if evs:
                keep(feats, key, evs, [ev for ev in evs if (ev.field, ev.start) not in no_calls])
        named = participants_by_race[side]
        balanced = [race for race, ids in named.items() if len(ids) > 1]
        if named_here:
            # Someone else's words (reported, attributed, or a survey's figures) are not a wish
            # or a comparison of the author's.
            others = reported | said_by_someone
            others |= {ev.field for ev in found.get("report", ()) if "(figures)" in ev.label}
            moods = mood(feats, keys, texts, others, compare=bool(balanced))
            moods += allegiance(feats, keys, texts, others)
            moods += singled_out(feats, keys, texts, others, spoken)
            moods += ousted(feats, keys, texts, others)
            moods += ruled_out(feats, keys, texts, others)
            moods += unbeaten(feats, keys, texts, others)
            for ev, cue in moods:
                if cue == COMPARISON and ev.field in attributed:
                    continue  # surveys and results compare participants too
                if received_order(ev, received, texts):
                    continue  # "kami diminta memenangkan X": the order, read above
                found.setdefault("endorse", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:endorse ({cue})")
                )
        # Praise or blame said of two participants of one race alike ("sama baiknya", "begitu
        # pula sebaliknya") takes neither side: the evaluation is even-handed.
        if balanced and "endorse" in found:
            even = even_handed(feats, keys, texts)
            also, rival_objects = rivals_alike(feats, keys, texts)
            even.update((f, ev) for f, ev in also.items() if f not in even)
            if even or rival_objects:
                kept = [
                    ev
                    for ev in found["endorse"]
                    if not (ev.field in even and ev.label.endswith(f"({EVALUATION_LIST})"))
                    and (ev.field, ev.start) not in rival_objects
                ]
                if len(kept) < len(found["endorse"]):
                    found.setdefault("report", []).extend((*even.values(), *rival_objects.values()))
                if kept:
                    found["endorse"] = kept
                else:
                    del found["endorse"]
        elif balanced:
            # with no endorsement read, parity counts only where it is said of a quality:
            # "sama baiknya", or a parity word beside praise or support ("sama-sama hadir" is
            # two people at one event)
            judged = {
                ev.field
                for name in (EVALUATION_LIST, "support")
                for key in keys[name]
                for ev in feats.found.get(key, ())
            }
            found.setdefault("report", []).extend(
                ev
                for field, ev in even_handed(feats, keys, texts).items()
                if field in judged or EQUATIVE.fullmatch(texts.get(field, "")[ev.start : ev.end])
            )
        # With a participant named, "kalah atau menang #tetapahok" is loyalty whatever the
        # outcome; with nobody named, both outcomes accepted wish nobody the win.
        for ev in () if named_here else either_outcome(feats, keys, texts):
            found.setdefault("warn", []).append(ev)
        if side == "own" and "endorse" in found:
            whoever_wins(feats, keys, texts, found)
        if side == "own" and "endorse" in found:
            undecided(texts, found)
        # Every participant of a race (or ENUMERATION_MIN of a large one) named side by side is
        # a list, as news and KPU posts give it; two of three named is a choice being weighed.
        # A list with one of them singled out by their slogan, hashtag or hand sign is not even.
        sizes = race_sizes or {}
        singled = signalled(feats, keys)
        if balanced and side == "own":
            # a verdict said of one of them alone singles that one out of the list
            verdicts = [
                ev
                for key in (*keys[EVALUATION_LIST], *VERDICT_FEATURES)
                for ev in feats.found.get(key, ())
            ]
            references = [ev for key in keys["participant"] for ev in feats.found.get(key, ())]
            alone = judged_alone(texts, verdicts, references) if verdicts else None
            if alone is not None:
                singled.setdefault(alone.rsplit("/", 1)[0], set()).add(alone)
        listed = [
            race
            for race in balanced
            if len(named[race]) >= min(sizes.get(race, 2), ENUMERATION_MIN)
            and len(singled.get(race, ())) != 1
        ]
        if listed and "endorse" not in found:
            found.setdefault("report", []).append(
                Ev(
                    "participants",
                    None,
                    None,
                    "register:report (several participants of one race)",
                    ", ".join(sorted(listed)),
                )
            )
        # News words ("hasil", "debat", "ternyata") in a field spoken in the author's own voice
        # (particles, emoji, doubled punctuation, first person) are the author's topic, not a
        # newsroom's register; structural and strong cues still count there.
        chatty = {f for f, orig in originals[side] if orig and own_voice(shapes.get(f, orig))}
        if side == "own" and conversational(post):
            chatty.add("text")
        if side == "own" and post.transcript and "warn" in found:
            # A recording's words are the speaker's statement; the description names its
            # setting ("sambutan di acara Deklarasi Netralitas"), which warns nobody by itself.
            found["warn"] = [
                ev
                for ev in found["warn"]
                if not (ev.field == "media_description" and ev.label == _SETTING_WARN_CUE)
            ]
            if not found["warn"]:
                del found["warn"]
        for register, evs in found.items():
            if register == "report" and chatty:
                evs = [
                    ev
                    for ev in evs
                    if not (ev.field in chatty and (weak_cue(ev) or ev.label == FIGURES))
                ]
                if not evs:
                    continue
                found[register] = evs
            if register == "endorse" or weight(evs, texts, chatty) >= REGISTER_WEIGHT:
                feats.found[f"{prefix}.{register}"] = evs
        neutral = [r for r in NEUTRAL_REGISTERS if f"{prefix}.{r}" in feats.found]
        if side == "own" and neutral and "endorse" not in found:
            # The hashtags a sharer adds are their own words, whatever the body they tag: a
            # slogan or an endorsing word there is not part of the news it is attached to.
            newsrooms_tags = relayed_tags | {
                f for f, _ in outlet_tagged if f.startswith(_TAG_FIELD)
            }
            # An endorsing word of a tag read above as a warning (its object nobody in
            # particular, "#DukungHasilPemilu2024": the result; or negated) endorses no side here
            # either.
            unspecific = {
                (ev.field, ev.start)
                for ev in found.get("warn", ())
                if ev.field.startswith(_TAG_FIELD)
            }
            tagged = [
                ev
                for ev in sharers_tags(post, feats, keys, newsrooms_tags, past)
                + slogan_line(post.text, feats, keys, texts)
                if (ev.field, ev.start) not in unspecific
            ]
            if tagged:
                found["endorse"] = tagged
                feats.found[f"{prefix}.endorse"] = tagged
        if "endorse" not in found and neutral:
            feats.found[f"{prefix}.neutral"] = [ev for r in neutral for ev in found[r]]


_HOLDER_LISTS_SET = frozenset(HOLDER_LISTS)
# A hashtag's words read as a field ("#DukungHasilPemilu2024" as "dukung hasil pemilu 2024").
_TAG_FIELD = "hashtags["
