"""Someone else's words: quotations, signed sayings, news leads and closing attributions.

Words in quotation marks attributed to their speaker (`attributed_quotation`), a saying signed
"~ Jokowi" (`signed_saying`), a lead whose subject is a third party before a verb of saying
(`told_lead`) and speech closed by "kata X" (`closing_attribution`) belong to that speaker:
their first person and their exhortation are not the sharer's. Each reader gives up when the
sharer adds a word of their own (an exclamation, a question, anything of `own_voice`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from neutrality import sentences
from neutrality.featureset import Ev
from neutrality.holder import Holder, subject_of
from neutrality.normalise import NormText, quick_offsets
from neutrality.stance.voice import PERSONS, own_voice
from neutrality.stance.words import first_person, has_dash, words_of

# Verbs of saying, asking, admitting, claiming, greeting and reminding, in the third-person meN-
# forms news leads write ("Calon presiden nomor urut 1 X meminta ...", "X mengucapkan selamat
# kepada Y"): a closed grammatical class. With a third party as their subject (holder.py) the
# sentence tells what that person said; the words after the verb are theirs.
_TELLING_VERBS = frozenset(
    [
        "mengatakan", "menyatakan", "mengaku", "mengakui", "menyebut", "menyebutkan",
        "meminta", "mengucapkan", "mengingatkan", "menegaskan", "menjelaskan", "mengungkapkan",
        "mengungkap", "menyampaikan", "menuturkan", "menambahkan", "mengklaim", "menilai",
        "menganggap", "mengajak", "mengimbau", "menghimbau", "mendesak", "menyerukan",
        "berharap", "berpesan", "mengapresiasi", "memuji", "mengkritik", "menyindir",
        "membantah", "menepis", "menyoroti",
    ]
)  # fmt: skip
TOLD_BY_SUBJECT = "register:report (words told of the subject named)"
# Two to four capitalised words closing the text read up to a verb: a person's name.
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}[ \t]+$")
LEAD_WORDS = 20  # a lead names its speaker and their verb among the first words
LEAD_SENTENCES = 2  # a lead is a sentence or two: more is a story, or the author's comment on it
# The verbs grouped by their prefix ("me(?:ngaku|...)|ber(?:harap|...)"): the same matches as a
# flat alternation, found a third as fast, as most places fail on the prefix once, not per verb.
_TELLING = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        prefix
        + "(?:"
        + "|".join(sorted(v[len(prefix) :] for v in _TELLING_VERBS if v.startswith(prefix)))
        + ")"
        for prefix in ("me", "ber")
    )
    + r")(?![\w-])",
    re.I,
)
assert all(v.startswith(("me", "ber")) for v in _TELLING_VERBS)  # every verb has its group
#: The quotation marks `quoted_spans` pairs: a field without any has no quoted span.
QUOTE_CHARS = frozenset('"“”„«»')
_QUOTE_MARKS = tuple(sorted(QUOTE_CHARS))
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{8,})[\"“”„«»]")
# An opening mark with no closing one before a truncation mark that ends the text.
_CUT_SHORT = re.compile(r"[\"“„«]([^\"“”„«»]{8,}?)\s*(?:…|\.\.\.)\s*$")

# A quotation closed by a comma or a full stop and followed by who said it, as Indonesian news
# writes every quote (`"...," kata Bagja`, `"...," tegasnya`, `"...," demikian Hasanudin`), or
# opened after a speaker and a colon or comma (`Bagja mengatakan, "..."`, `Kata Bagja: "..."`).
_ATTRIBUTION_VERBS = (
    "kata|ujar|ucap|tutur|ungkap|jelas|tegas|sebut|imbuh|tambah|terang|papar|pungkas|tutup|"
    "lanjut|pinta|harap|demikian|menurut|said|says|added|told"
)
_QUOTE_THEN_SPEAKER = re.compile(
    rf"(?:[,.!?…]\s*[\"”»]\s*[-–—,]?\s*[^\W\d_]{{3,}}nya|[\"”»]\s*[-–—,]?\s*"
    rf"(?:{_ATTRIBUTION_VERBS})\w*)\b",
    re.IGNORECASE,
)
_SPEAKER_THEN_QUOTE = re.compile(
    rf"\b(?:(?:{_ATTRIBUTION_VERBS})\w*|mengatakan|menyatakan|menegaskan|menjelaskan)"
    r"(?:\s+[^\W\d_][\w.'’-]*){0,4}\s*[:,]\s*[\"“«]",
    re.IGNORECASE,
)
ATTRIBUTED_QUOTE = "register:report (a quotation attributed to its speaker)"


def attributed_quotation(text: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """The attribution of a quotation, when the text quotes someone and, outside the quotation
    marks, says only who spoke: no exclamation or question of the author's, nothing of
    `own_voice`. The quoted words are the speaker's, whatever they urge; a sharer who adds
    their own cheer ("Mantap!") or first person around the quote is speaking too."""
    if not spans:
        return None
    m = _QUOTE_THEN_SPEAKER.search(text) or _SPEAKER_THEN_QUOTE.search(text)
    if m is None:
        return None
    outside, cut = [], 0
    for start, end in spans:
        outside.append(text[cut : max(cut, start - 1)])
        cut = end + 1
    outside.append(text[cut:])
    rest = " ".join(outside)
    if "!" in rest or "?" in rest or own_voice(rest):
        return None
    return m


# A saying signed with its speaker's name after a tilde, as quotations are shared ("Bukan
# kesulitan yang membuat kita takut ... ~ Jokowi"): one to four capitalised words closing it.
_SPEAKER = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
_SIGNATURE = re.compile(rf"~[ \t]*{_SPEAKER}")
# The same signature written with dashes, as sayings and quote cards are also signed: in dashes
# closing the text ("... Lamun siro pinter, ojo minteri -Ir. Joko Widodo-"), or after the
# closing quotation mark ("“Saya Butuh Menteri Eksekutor” - Joko Widodo"). A dash before names
# closing a text is not one by itself: "pasti pilih no 1 Anies – Muhaimin" names a pair.
_DASH_SIGNATURE = re.compile(
    rf"(?:(?<=\s)[-–—][ \t]*{_SPEAKER}[ \t]*[-–—]|(?<=[”\"»])[ \t]*[-–—][ \t]*{_SPEAKER})$"
)
SIGNATURE_TAIL = 80  # characters at the end of a text a dashed signature is looked for in
# The credit a news site's share button writes after what it shares ("... via @KATADATAcoid"):
# read past, it leaves the saying and its signature closing the text.
_SHARE_CREDIT = re.compile(r"\s+via[ \t]+@\w+$", re.IGNORECASE)
SIGNED_SAYING = "register:report (a saying signed with its speaker's name)"


def has_quote(text: str) -> bool:
    """Whether a quotation mark is in the text (a substring test each: intersecting the marks
    with the text builds a set of its characters)."""
    return any(mark in text for mark in _QUOTE_MARKS)


def signed_saying(text: str) -> re.Match[str] | None:
    """The last signature of a text made of sayings each signed "~ Speaker" (or "- Speaker"
    in dashes or after a quotation, see `_DASH_SIGNATURE`): when the text ends with a signature
    every word in it belongs to a saying, so the words (first person and exhortation included)
    are the speakers', not the sharer's; a question or exclamation addressed to the reader
    between them ("Setuju?") is the sharer's own."""
    stripped = text.rstrip(" \t\n\"”'’.…")
    if "?" in stripped:
        return None
    last = None
    if "~" in stripped:
        for m in _SIGNATURE.finditer(stripped):
            last = m
    if last is None and "via" in stripped:
        credit = _SHARE_CREDIT.search(stripped)
        if credit is not None:
            stripped = stripped[: credit.start()]
    if last is None and has_dash(stripped[-SIGNATURE_TAIL:]):
        last = _DASH_SIGNATURE.search(stripped, max(0, len(stripped) - SIGNATURE_TAIL))
    if last is None or last.end() != len(stripped):
        return None
    return last


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of text inside quotation marks (someone else's words when attributed),
    and a quotation the platform cut short: an opening mark never closed before the text ends
    on a truncation mark ("petisi \"Joko Widodo: STOP ARREST OF …"), quoted to the cut."""
    spans = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]
    cut = _CUT_SHORT.search(text, spans[-1][1] + 1 if spans else 0)
    if cut is not None:
        spans.append((cut.start(1), cut.end(1)))
    return spans


def told_lead(field: str, text: str, bare: str) -> Ev | None:
    """A news lead: a sentence or two whose first clause names a third party (a name, a title,
    a group; holder.py) as the subject of a verb of saying (`_TELLING_VERBS`) among its first
    LEAD_WORDS words, with nothing of a speaker of the text's own (no first or second person,
    no hortative, no exclamation or question, nothing of `own_voice`). What follows the verb is
    the subject's word, as a story tells it ("X mengaku ... yang luar biasa"); a comment of the
    author's own after it (a cheer, a particle, "saya") keeps the text theirs. The shape is
    read in `bare` (the words without their links); the evidence spans the subject and the
    verb in `text`, what the person wrote in `field`."""
    if "!" in bare or "?" in bare:
        return None
    m = _TELLING.search(text)
    if m is None or len(words_of(text[: m.start()])) > LEAD_WORDS:
        return None
    if len(sentences.PROSE_END.findall(bare)) + 1 > LEAD_SENTENCES:
        return None
    if own_voice(bare) or not {w.casefold() for w in words_of(bare)}.isdisjoint(PERSONS):
        return None
    subject = subject_of(text, m.start(), m.end())
    if subject is not None:
        if subject.holder is not Holder.THIRD_PARTY:
            return None
        return Ev(field, subject.start, m.end(), TOLD_BY_SUBJECT, raw=True)
    # an appositive before the name ("saingan X pada pilpres 2024 yaitu Y mengucapkan") hides
    # the subject from the holder reader: the capitalised name right before the verb is it
    name = _NAME_BEFORE.search(text, 0, m.start())
    if name is None:
        return None
    return Ev(field, name.start(), m.end(), TOLD_BY_SUBJECT, raw=True)


# Speech closed by its attribution, as news writes what someone said without quotation marks
# ("..., kata Jokowi di Gelora Bung Karno, Sabtu (13/4/2019)."): a comma, a verb of saying
# (`_ATTRIBUTION_VERBS`, with or without "-nya"), the speaker's capitalised name, then at most
# where and when it was said, closing the text.
_CLOSING_ATTRIBUTION = re.compile(
    rf",[ \t]*(?:{_ATTRIBUTION_VERBS})(?:nya)?[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}"
    r"(?P<tail>[^.!?\n]{0,80})\.?\s*$"
)
CLOSING_ATTRIBUTION = "register:report (speech closed by its speaker's attribution)"


def closing_attribution(text: str) -> re.Match[str] | None:
    """The attribution closing a text of someone's speech ("Sebab itu kita harus ..., kata
    Jokowi di GBK, Sabtu (13/4/2019)."): what comes before it, its first person and its
    exhortation included, is the speaker's. Only where the text has nothing of a sharer of its
    own: no exclamation or question, nothing of `own_voice` but a pronoun (the speaker's), no
    first person in the tail after the name ("kata ibu saya" is the author's family talking)."""
    if "," not in text or "!" in text or "?" in text:
        return None
    m = _CLOSING_ATTRIBUTION.search(text)
    if m is None or first_person(m.group("tail")):
        return None
    if own_voice(text, pronoun=False):
        return None
    return m


# A verb of saying written after the words it reports, with its enclitic ("ungkapnya").
_POSTPOSED = re.compile(r"\w+nya\b", re.IGNORECASE)


def mapped(
    field: str,
    norms: dict[str, NormText],
    normalise: Callable[[str, bool], NormText] | None,
    tracked: dict[str, NormText],
) -> NormText | None:
    """The field normalised with its original offsets, computed once and kept in `tracked`;
    None when it cannot be mapped to what was written (no normaliser to map it with)."""
    known = tracked.get(field)
    if known is not None:
        return known
    norm = norms.get(field)
    if norm is None:
        return None
    if norm.starts is None:
        known = quick_offsets(norm.orig, norm.text) if norm.quick else None
        if known is None:
            if normalise is None:
                return None
            known = normalise(norm.orig, True)
        norm = known
    tracked[field] = norm
    return norm


def written_span(
    field: str,
    start: int,
    end: int,
    norms: dict[str, NormText],
    normalise: Callable[[str, bool], NormText] | None,
    tracked: dict[str, NormText],
) -> tuple[int, int] | None:
    """The span, in what the person wrote, of the normalised span [start, end) of `field`;
    None when the field cannot be mapped."""
    norm = mapped(field, norms, normalise, tracked)
    return None if norm is None else norm.span(start, end)


def one_sentence(
    field: str,
    start: int,
    end: int,
    norms: dict[str, NormText],
    normalise: Callable[[str, bool], NormText] | None,
    tracked: dict[str, NormText],
) -> bool:
    """Whether the normalised span [start, end) of `field` lies within one sentence of what
    the person wrote (normalising drops the marks that end one). False when the field cannot
    be mapped."""
    span = written_span(field, start, end, norms, normalise, tracked)
    if span is None:
        return False
    return sentences.END_OR_ELLIPSIS.search(tracked[field].orig, *span) is None


def said_sentences(
    field: str,
    cues: list[Ev],
    norms: dict[str, NormText],
    normalise: Callable[[str, bool], NormText] | None,
    tracked: dict[str, NormText],
) -> list[tuple[int, int]] | None:
    """The reach of a verb of saying with no quotation marks: the spans, in what the person
    wrote, of the sentence of the first verb in `cues` and of every sentence after it (news goes
    on: "X mengatakan, ... . Ia menambahkan ..."); a verb written after its words, opening its
    own sentence ("... mendatang. ungkapnya"), reaches back to the sentence before. What the
    author wrote before it is their own: "Pak Anies the best... debat ... mengkritik pemimpin
    sebelumnya" praises in the author's voice, and only what follows the verb is told of.

    None when the field cannot be mapped to what was written. `tracked` keeps the field
    normalised with its original offsets for `in_said_sentence`."""
    norm = mapped(field, norms, normalise, tracked)
    if norm is None:
        return None
    starts = [norm.span(ev.start, ev.end or ev.start + 1)[0] for ev in cues if ev.start is not None]
    text = norm.orig
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in (*sentences.END_OR_ELLIPSIS.finditer(text), None):
        end = m.start() if m is not None else len(text)
        spans.append((begin, end))
        if m is None:
            break
        begin = m.end()
    first = len(spans)
    for k, (a, b) in enumerate(spans):
        held = [at for at in starts if a <= at < b]
        if not held:
            continue
        closing = any(_POSTPOSED.match(text, at) and not text[a:at].strip(" ,") for at in held)
        first = min(first, k - 1 if closing and k > 0 else k)
    return spans[first:]


def in_said_sentence(
    ev: Ev, spans: dict[str, list[tuple[int, int]]], tracked: dict[str, NormText]
) -> bool:
    """Whether a cue starts, in what the person wrote, inside its field's `said_sentences`."""
    found = spans.get(ev.field)
    norm = tracked.get(ev.field)
    if found is None or norm is None or ev.start is None:
        return False
    at = ev.start if ev.raw else norm.span(ev.start, ev.end or ev.start + 1)[0]
    return any(a <= at < b for a, b in found)
