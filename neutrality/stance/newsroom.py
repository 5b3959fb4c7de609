"""The shapes a newsroom writes in: a headline, its kicker, a dateline, news prose, a
fact-checker's verdict, figures.

These are structural cues that hold in any wording: a line in title case with nothing of a
person's own voice (`headline`), a one-word kicker before it ("Sah!") unless it is the author's
cheer, a dateline ("JAKARTA, Kompas.com -"), several declarative sentences about third persons
(`news_prose`), a bracketed verdict ("[HOAKS]") and percentages. A field so shaped is read as
news passed on: the endorsing words in it are the subject's, told, not the author's.
"""

from __future__ import annotations

import re

from neutrality import sentences
from neutrality.featureset import Features
from neutrality.stance.cues import EVALUATION_LIST, MOOD_LISTS
from neutrality.stance.voice import PERSONS, own_voice
from neutrality.stance.words import has_dash, words_of

# Percentages make a field read as results or a survey, unless it is spoken in the author's own
# voice ("alhamdulillah ... mendekati 50%"): then they are the author's topic, as news words are.
FIGURES = "register:report (figures)"

PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?(?:%|persen\b)", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ ]{2,40}?)(?P<where>,\s*[A-Za-z0-9.' ]{2,30})?"
    r"(?:\s*(?P<outlet>\([A-Za-z]+\)))?(?P<gap>\s*)[-–—]\s"
)

# A fact-checker's verdict opening the line in brackets, as Indonesian fact-checks label the
# claim they examine ("[SALAH] ...", "[HOAKS] ...", "[DISINFORMASI] ..."): the claim is checked.
FACT_CHECK = re.compile(
    r"\s*\[\s*(?:salah|hoaks|hoax|disinformasi|misinformasi|fitnah|menyesatkan|keliru|"
    r"konten yang menyesatkan|konteks yang salah|konten palsu|konten yang dimanipulasi|"
    r"konten tiruan|satire|false|misleading)\s*\]",
    re.IGNORECASE,
)

_SMALL_WORDS = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "pada",
        "dengan",
        "atau",
        "oleh",
        "dalam",
        "akan",
        "ini",
        "itu",
        "jadi",
        "sebagai",
        "bagi",
        "soal",
        "usai",
        "jelang",
        "hingga",
        "saat",
        "tak",
        "tidak",
        "vs",
    ]
)
MIN_HEADLINE_WORDS = 5

PROSE_MIN_WORDS = 30
PROSE_MIN_SENTENCES = 2

# A newsroom kicker: one capitalised word and an exclamation opening a headline ("Sah! Daftar
# Nomor Urut ...", "Resmi! KPU Tetapkan ..."). A cheer of the author's ("Menang!", "Mantap!") has
# the same shape: the stance reader tells them apart by the word (see `cheering_kicker`).
_KICKER = re.compile(r"^\s*[A-Z][^\W\d_]{1,15}!\s+(?=[A-Z0-9])")


def kicker(text: str) -> re.Match[str] | None:
    """The one-word exclamation opening a headline, if there is one."""
    return _KICKER.match(text) if "!" in text[:20] else None


# A hashtag or an account tagged in the text: capitalised as the tag or the handle is spelled
# ("#AgusYudhoyono", "@PDI_Perjuangan"), not as a headline's words are.
_TAG_OR_HANDLE = re.compile(r"[#@][\w.]+")
# The first letter of a line (past quotes, digits and punctuation).
FIRST_LETTER = re.compile(r"[^\W\d_]")


def headline(text: str) -> bool:
    """Most content words capitalised (Title Case), as news headlines are written, and nothing
    of a person's own voice in it (see `own_voice`). A one-word kicker before it ("Sah!") is
    how newsrooms open a headline, and is read past. Hashtags and tagged accounts are not words
    of the line: "Ingat, fokus dan menangkan #AHY #AgusYudhoyono" is not written in title case."""
    if text.islower() or text.isupper():
        return False
    # A newsroom writes a headline from a capital; a line opening in lower case is a person's
    # sentence or a description of what a photo or post shows ("foto X dan Y sebagai bakal
    # calon bupati"), however many names in it are capitalised.
    first = FIRST_LETTER.search(text)
    if first is not None and first.group().islower():
        return False
    opened = kicker(text)
    if opened is not None:
        text = text[opened.end() :]
    prose = _TAG_OR_HANDLE.sub(" ", text) if "#" in text or "@" in text else text
    words = [w for w in words_of(prose) if w.casefold() not in _SMALL_WORDS]
    # An exclamation closing the line or before any quoted speaker ("Habib: Pilih X!") is the
    # author's, and a newsroom headline carries none.
    exclaims = text.rstrip().endswith("!") or "!" in text.split(":", 1)[0]
    if len(words) < MIN_HEADLINE_WORDS or exclaims:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    shouting = sum(1 for w in words if w.isupper() and len(w) > 3)
    if capital / len(words) < 0.7 or shouting / len(words) >= 0.5:
        return False
    return not own_voice(text)


def news_prose(text: str) -> bool:
    """Several declarative sentences about third persons, as a news story is written: at least
    PROSE_MIN_WORDS words in PROSE_MIN_SENTENCES sentences, with nothing of a speaker in them (no
    first- or second-person pronoun, no exclamation or question, no hortative, nothing of
    `own_voice`). What such a text says of a participant's support it tells, not gives."""
    if "!" in text or "?" in text:
        return False
    words = words_of(text)
    if len(words) < PROSE_MIN_WORDS:
        return False
    if len(sentences.PROSE_END.findall(text)) + 1 < PROSE_MIN_SENTENCES:
        return False
    if not {w.casefold() for w in words}.isdisjoint(PERSONS):
        return False
    return not own_voice(text)


def dateline(text: str, named_first: bool) -> re.Match[str] | None:
    """A news dateline opening the text: a place or newsroom marked as one (a comma part,
    "(ANTARA)", a domain, capitals: "JAKARTA, Kompas.com -", "Bandung (ANTARA) -",
    "Suara.com -"), or one plain word set off by spaced dash ("Jakarta - "). A candidate
    pair written with a dash ("Khofifah - Emil", "Prabowo- Gibran", "Pasti Ganjar - Mahfud")
    is not one: a plain word that names a participant, several plain words, or a dash
    written against the word joins names; nor is a sentence ended before the dash."""
    m = _DATELINE.match(text) if has_dash(text[:80]) else None
    if m is None:
        return None
    place = m.group("place").strip()
    if sentences.END_NOT_ABBREVIATION.search(place):
        # a sentence of the author's before the dash ("Jakarta butuh PAKAR. Pramono Anung -
        # Rano Karno ..."): a dateline is a place or a newsroom, never a sentence
        return None
    if m.group("where") or m.group("outlet"):
        return m
    if "." in place or place.isupper():
        return m
    if " " in place or named_first or not m.group("gap"):
        return None
    return m


# What a kicker word must not be for the line to be a headline: the author's cheer, wish or call.
_CHEER_LISTS = ("call_to_vote", "endorse_cue", "support", EVALUATION_LIST, *MOOD_LISTS)


def cheering_kicker(
    text: str, feats: Features, keys: dict[str, tuple[str, ...]], field: str
) -> bool:
    """Whether the one-word exclamation opening the line is a cheer ("Menang! Prabowo ..."),
    a wish or a call rather than a newsroom kicker ("Sah!", "Resmi!")."""
    if kicker(text) is None:
        return False
    return any(
        ev.field == field and ev.start == 0 and not ev.raw
        for name in _CHEER_LISTS
        for key in keys[name]
        for ev in feats.found.get(key, ())
    )


def named_first(feats: Features, keys: dict[str, tuple[str, ...]], field: str) -> bool:
    """Whether the field's first word names a participant."""
    return any(
        ev.field == field and ev.start == 0 and not ev.raw
        for key in keys["participant"]
        for ev in feats.found.get(key, ())
    )


def subject_before(
    feats: Features, keys: dict[str, tuple[str, ...]], field: str, start: int
) -> bool:
    """A participant named before the verb in its field: the sentence has a subject ("Prabowo
    Nyoblos di TPS 08", "Ahok Ajak Warga ..."), so the verb tells what the subject did. An
    imperative opens its clause with the verb."""
    return any(
        ev.field == field and ev.start is not None and not ev.raw and ev.start < start
        for key in keys["participant"]
        for ev in feats.found.get(key, ())
    )
