"""Whose support it is: someone else's, the subject's of a story, or nobody's.

"Yang mendukung X" and "pendukung X" describe other people unless the author puts themself there
(`others_support`); a support verb whose subject is a third party, in words passed on as news,
tells that party's support (`held_by_subject`); a support noun in an agency's account of the
election is the matter spoken of (`ruled_fields`, `support_spoken_of`). None is the author's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from neutrality.featureset import Ev, Features
from neutrality.holder import Holder, Subject, locate, subject_of, transitive
from neutrality.normalise import NormText
from neutrality.stance.cues import (
    HOLDER_LISTS,
    REGISTER_WEIGHT,
    SPOKEN_FIELDS,
    keep,
    take_out,
    weight,
)
from neutrality.stance.newsroom import kicker
from neutrality.stance.voice import own_voice
from neutrality.stance.votes import HORTATIVES
from neutrality.stance.words import RELATIVE
from neutrality.wordclasses import FIRST_PERSONS, word_set

SUPPORT_SPOKEN_OF = "support as the matter spoken of, nobody's given"
# The noun of "dukung" as written (the normaliser folds both to the verb's stem).
_SUPPORT_NOUNS = frozenset(["dukungan", "dukungannya"])
_WRITTEN_WORD = re.compile(r"[^\W_]+")

HOLDER_WINDOW = 3  # "saya siap jadi pendukung": the pronoun a few words before the support word
_HOLDER_NOUNS = ("pendukung", "simpatisan", "pemilih")
RECEIVED_WINDOW = 2  # words between a support word and the "dari"/"oleh" naming its source
_SOURCE_WORDS = frozenset(["dari", "oleh", "dr"])
_AGENT_WORDS = frozenset(["oleh"])  # the agent of a passive, whatever the verb
# Verbs of choosing (their normalised stems and spoken forms): "dari" after one is the field.
_CHOOSING = ("pilih", "milih", "coblos", "nyoblos", "contreng")
# Third-person pronouns naming who holds a support ("dukungan tim mereka", "dukungan beliau").
_THIRD_PERSONS = frozenset(["mereka", "beliau", "dia", "ia", "their", "his", "her"])
_REQUESTS = word_set(
    "mohon minta meminta memohon harap berharap butuh perlu ajak mengajak galang menggalang "
    "cari mencari "
)

# Words of time and aspect between a relative and its verb ("yang dari awal mendukung", "yg
# sudah lama dukung"): auxiliaries, adverbs and the time phrases' words.
_ASPECT_WORDS = word_set(
    "sudah udah sdh telah sempat pernah masih terus selalu tetap juga jg dari dr sejak awal "
    "dulu lama dahulu"
)
_SUPPORT_VERBS = ("dukung",)  # "warga yang coblos 02 dapat bansos" is a condition, kept


def ruled_fields(
    found: dict[str, list[Ev]],
    texts: dict[str, str],
    feats: Features,
    keys: dict[str, tuple[str, ...]],
) -> dict[str, str]:
    """The spoken fields that administer the election or warn, by the weight of their own cue
    words (`administer` first), in nobody's own voice: an agency's or a supervisor's account
    of the election. Own voice is a first-person phrase of the pack's (`first_person`), or a
    candidate word beside a first person ("dukungan kami tetap untuk calon bupati"); the one
    who gives the warning or the order ("Kami mengingatkan jajaran ASN ...") is no such first
    person, so a candidate word in their warning is whom the rule is about ("kegiatan
    kampanye pasangan calon"). Field -> register."""
    cue_starts: set[tuple[str, int | None]] = {
        (ev.field, ev.start)
        for register in ("warn", "administer")
        for ev in found.get(register, ())
    }
    own_voice_at = {ev.field for key in keys["first_person"] for ev in feats.found.get(key, ())}
    own_voice_at |= {
        ev.field
        for key in keys["candidate_word"]
        for ev in feats.found.get(key, ())
        if _first_person_voice(ev.field, texts.get(ev.field, ""), cue_starts)
    }
    out: dict[str, str] = {}
    for register in ("warn", "administer"):
        by_field: dict[str, list[Ev]] = {}
        for ev in found.get(register, ()):
            by_field.setdefault(ev.field, []).append(ev)
        for field, evs in by_field.items():
            if (
                field in SPOKEN_FIELDS
                and field not in own_voice_at
                and weight(evs, texts) >= REGISTER_WEIGHT
            ):
                out[field] = register
    return out


def _first_person_voice(field: str, text: str, cue_starts: set[tuple[str, int | None]]) -> bool:
    """Whether a first person in the words is someone's own voice: any first person but the
    subject right before a cue word of warning or administering ("kami mengingatkan")."""
    at = 0
    for word in text.split(" "):
        if word in FIRST_PERSONS and (field, at + len(word) + 1) not in cue_starts:
            return True
        at += len(word) + 1
    return False


def support_spoken_of(
    ev: Ev,
    texts: dict[str, str],
    originals: dict[str, str],
    written_span: Callable[[str, int, int], tuple[int, int] | None] | None = None,
) -> bool:
    """A support word written as the noun ("syarat dukungan minimal perseorangan", "ada bukti
    dukungan berupa video pengawasan", "verifikasi faktual dukungan calon perseorangan"): in a
    field that administers the election or warns (`ruled_fields`) it is the requirement
    counted or the finding reported, nobody's support given. The normaliser folds "dukungan" to
    "dukung", so the noun is read in the words as written: the same word of the field when the
    words line up, else the written word at the span `written_span` maps the match to (a
    hashtag split into words, a date read as one, change the count of words)."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    at = len(text[: ev.start].split())
    original = originals.get(ev.field, "")
    written = _WRITTEN_WORD.findall(original)
    if len(written) == len(text.split()):
        return at < len(written) and written[at].casefold() in _SUPPORT_NOUNS
    span = written_span(ev.field, ev.start, ev.end) if written_span is not None else None
    if span is None:
        return False
    word = _WRITTEN_WORD.match(original, span[0])
    return word is not None and word.group().casefold() in _SUPPORT_NOUNS


def others_support(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """Take out support words whose holder is someone else, and return them.

    "yang mendukung X" (those who support X) and "pendukung X" (X's supporters) describe other
    people unless the author puts themself there ("kami yang mendukung", "aku pendukung X").
    """
    removed: dict[tuple[str, int | None], Ev] = {}
    for name in HOLDER_LISTS:
        for key in keys[name]:
            for ev in take_out(feats, key, lambda ev: _held_by_others(ev, texts)):
                removed.setdefault((ev.field, ev.start), ev)
    return list(removed.values())


_HOLDER_OPENERS = FIRST_PERSONS | HORTATIVES  # a first-person term holds its own subject


def held_by_subject(
    feats: Features,
    keys: tuple[str, ...],
    texts: dict[str, str],
    originals: list[tuple[str, str]],
    passed_on: tuple[set[str], set[str], dict[str, str]],
    norms: dict[str, NormText] | None = None,
) -> list[tuple[str, Subject]]:
    """Take out support and vote words whose subject is not the author, and return each
    subject once: a third party named before the verb or credited as the speaker after it, in
    a field passed on as news (`passed_on`: the fields beside a link or shaped as a headline,
    those read as reported, and each field's words without links; nothing of the sharer's own
    voice may be in one, see `own_voice` and `kicker`); and, in any field, the person
    addressed in a question ("loe pilih mana?"). A first person or no subject (an imperative,
    a slogan) keeps the word, as does every word outside those fields; the author's own
    endorsement around it ("ayo kita juga") is read as before. `keys` are the side's features
    of the support, vote and first-person lists; `norms` each field's normalised text, which
    maps a verb folded to its stem ("mendukung", "memenangkan" read as "dukung", "menangkan")
    back to the word the person wrote."""
    evs_of = [(key, evs) for key in keys if (evs := feats.found.get(key)) is not None]
    read = [
        ev
        for _, evs in evs_of
        for ev in evs
        if ev.field in SPOKEN_FIELDS
        and not ev.raw
        and ev.start is not None
        and transitive(texts.get(ev.field, "")[ev.start : ev.end])
    ]
    if not read:
        return []
    linked, reported, shapes = passed_on
    news = {
        f
        for f in (linked | reported).intersection(ev.field for ev in read)
        if not own_voice(shapes.get(f, "")) and kicker(shapes.get(f, "")) is None
    }
    words = dict(originals)
    subjects = {(ev.field, ev.start): _subject(ev, texts, words, news, norms) for ev in read}
    for key, evs in evs_of:
        keep(feats, key, evs, [ev for ev in evs if subjects.get((ev.field, ev.start)) is None])
    found: dict[tuple[str, int, int], Subject] = {}
    for (field, _), subject in subjects.items():
        if subject is not None:
            found.setdefault((field, subject.start, subject.end), subject)
    return [(field, subject) for (field, _, _), subject in found.items()]


def _subject(
    ev: Ev,
    texts: dict[str, str],
    originals: dict[str, str],
    news: set[str],
    norms: dict[str, NormText] | None = None,
) -> Subject | None:
    """The subject of one support or vote word that takes it from the author, or None."""
    orig = originals.get(ev.field)
    if not orig or ev.start is None or ev.end is None:
        return None
    text = texts.get(ev.field, "")
    if text[ev.start : ev.end].split(" ", 1)[0] in _HOLDER_OPENERS:
        return None
    if ev.field not in news:
        return None
    span = _written_word(orig, text, ev.start, ev.end, (norms or {}).get(ev.field))
    subject = subject_of(orig, *span) if span is not None else None
    if subject is None or subject.holder is not Holder.THIRD_PARTY:
        return None
    if "#" in orig and _tagged_by_author(subject.words, orig):
        return None
    return subject


_HASHTAG = re.compile(r"#(\w+)")
_LETTERS = re.compile(r"[^\W\d_]+")


def _tagged_by_author(subject: str, orig: str) -> bool:
    """Whether the author tags the subject holding the support as a hashtag of their own
    ("#srikandidemokrat ... Srikandi Demokrat siap mendukung X"): two or more of its words
    written together as a tag the post carries. A newsroom tags the candidate or the topic; a
    group that tags itself is posting its own declaration, the author's side."""
    tags = {m.group(1).casefold() for m in _HASHTAG.finditer(orig)}
    words = [w.casefold() for w in _LETTERS.findall(subject)]
    return any(
        "".join(words[i:j]) in tags for i in range(len(words)) for j in range(i + 2, len(words) + 1)
    )


def _written_word(
    orig: str, text: str, start: int, end: int, norm: NormText | None
) -> tuple[int, int] | None:
    """Original [start, end) of the first word of normalised `text[start:end]`. Normalisation
    folds an affixed verb to its stem ("mendukung", "didukung", "dukungannya" to "dukung",
    "memenangkan" to "menangkan"): the normalised field's own offsets find the word as written,
    the form a newsroom writes; without them the same word is looked for (`locate`)."""
    if norm is not None and norm.starts is not None and norm.orig == orig and norm.text == text:
        word = text[start:end].split(" ", 1)[0]
        if word:
            written = norm.span(start, start + len(word))
            if orig[written[0] : written[1]].strip():
                return written
    return locate(orig, text, start, end)


# What a media description names the post by (its status, upload, caption, photo, video): a
# support word in a relative clause on one of these ("status Facebook yang mendukung ...",
# "unggahan yang mendukung ...") is the post's support, the author's, not someone else's.
_OWN_CONTENT = word_set(
    "status unggahan postingan posting post foto video gambar tulisan kalimat caption keterangan "
    "twibbon stiker poster konten story facebook instagram tiktok whatsapp"
)


def _held_by_others(ev: Ev, texts: dict[str, str]) -> bool:
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    if not words:
        return False
    before = text[max(0, ev.start - 40) : ev.start].split()[-HOLDER_WINDOW:]
    if words[0].startswith(_HOLDER_NOUNS):
        return FIRST_PERSONS.isdisjoint(before)
    relative_at = _relative_before(before)
    if relative_at is not None and any(v in words[0] for v in _SUPPORT_VERBS):
        before = before[: relative_at + 1]
        if ev.field == "media_description" and len(before) > 1 and before[-2] in _OWN_CONTENT:
            return False  # "status Facebook yang mendukung X": the post itself supports X
        return not (len(before) > 1 and before[0] in FIRST_PERSONS)
    return _received(text, ev.end, before, choosing=words[0].endswith(_CHOOSING))


def _relative_before(before: list[str]) -> int | None:
    """Where the relative "yang" stands before a support word, with at most the words of time
    and aspect between ("yang mendukung", "yg dr awal dukung", "yang sudah lama mendukung"):
    its index in `before`, else None."""
    for i in range(len(before) - 1, -1, -1):
        if before[i] in RELATIVE:
            return i
        if before[i] not in _ASPECT_WORDS:
            return None
    return None


def _received(text: str, end: int, before: list[str], choosing: bool = False) -> bool:
    """Support that comes from someone ("dengan dukungan penuh dari panwascam", "didukung oleh
    warga") is support the author received or describes, unless it comes from the author ("dari
    kami") or the author asks for it ("mohon dukungan dari bapak ibu"). After a verb of
    choosing, "dari" names the field chosen from ("jangan pilih dari banteng merah"), not a
    giver: only "oleh" ("dipilih oleh warga") names who chose."""
    after = text[end : end + 40].split()[: RECEIVED_WINDOW + 1]
    if not _THIRD_PERSONS.isdisjoint(after):
        return True  # "dengan dukungan tim mereka": whose support it is, said of others
    sources = _AGENT_WORDS if choosing else _SOURCE_WORDS
    for i, word in enumerate(after[:RECEIVED_WINDOW]):
        if word in sources:
            giver = after[i + 1] if i + 1 < len(after) else ""
            return giver not in FIRST_PERSONS and _REQUESTS.isdisjoint(before)
    return False
