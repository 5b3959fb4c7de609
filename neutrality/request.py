"""Whether a sentence in the author's words asks something of someone (a request or a petition).

A citizen who writes "Pak Jokowi, tolong turunkan harga tiket pesawat", "Pak Ganjar dan Pak
Mahfud, titip dipikirkan program SDM untuk Indonesia Timur" or "Saran untuk Anies-Sandi: bicarakan
tarif dengan TransJakarta" names a candidate, but as the one the request is addressed to: the
author asks an office-holder or a contender to act, and takes no side by it. Out of fold, on
publishers the model had not seen, such requests were among the learned model's lone false
alarms (the model reads a name beside policy words as partisan). A campaign request is different:
"mohon doa dan dukungannya", "tolong pilih nomor 2", "tolong jangan pilih X" ask for a vote or
support, and a request that carries a wish to win, praise or any other endorsement cue still
takes a side.

The reader looks at the structure of each sentence of what the person wrote:

- it holds a word of request (`_REQUEST`: "tolong", "mohon", "titip", "saran", "usul", "tagih"
  and their spoken forms), not an apology or a leave-taking ("mohon maaf", "mohon izin",
  `_FORMULAIC`), which asks nothing;
- it asks for no vote and no support: none of the vote and support word stems (`_ELECTORAL`)
  stands in it, and no endorsement cue the pack's lists find (the lists a genuine question
  voids, `neutrality.question.VOIDED_LISTS`) starts inside it.

In a recording (a transcript) that addresses the speaker's own staff (the pack's audience list:
"kepala dusun", "ketua RT", "para guru"), a request is the superior's directive, the act N10
forbids, not a petition to an office-holder: "saya mohon kita semua satu komando" asks staff to
fall in line. No request is read in such a transcript, so the directive stays a side the speaker
names (`neutrality.ownside`).

Such a sentence is kept as FEATURE with its span in what the person wrote, so the explanation
a supervisor reads shows it, and the own-side reader (`neutrality.ownside`) does not count a
name inside it as a side the author names. Only the learned model's lone opinion rests on that
reading: a rule that reads a campaign cue is not silenced by it.

Word classes, not phrases: each set below names its class.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from neutrality.featureset import Ev, Features, Scanned
from neutrality.normalise import NormText
from neutrality.onesided import original_span, with_offsets
from neutrality.question import VOIDED_LISTS
from neutrality.wordclasses import word_set
from schemas import Post

FEATURE = "request.addressed"
LABEL = "request:asks the one named to act"
# The author's spoken fields (a media description is a reporter's, not a request).
SPOKEN = ("text", "transcript")
# The staff a superior addresses (the pack's audience list).
STAFF = "text.asn_audience"
_ENDORSING_KEYS = tuple(f"text.{name}" for name in VOIDED_LISTS)


# Words of request and petition: asking (tolong, mohon), entrusting a concern (titip), advising
# (saran, usul) and holding someone to a promise (tagih), with their spoken and suffixed forms.
_REQUEST = word_set(
    "tolong tolonglah tolongin tlg tlong tulung mohon mohonlah memohon titip titipan nitip "
    "saran saranku usul usulan usulku tagih menagih nagih"
)
# What follows "mohon"/"tolong" in a formula that asks nothing of the one named: an apology, a
# request for permission or leave, thanks.
_FORMULAIC = word_set("maaf maap ampun izin ijin pamit diri undur")
# Stems of voting and support: a request holding one asks for a vote ("tolong pilih", "mohon
# dukungannya", "mohon doa restu", "titip suara"), which is campaigning.
_ELECTORAL = re.compile(
    r"^(?:di|ter|me|mem|men|meng|ber)?(?:pilih|coblos|contreng|tusuk|dukung|menang|doa|restu"
    r"|suara|vote|kawal|sukses|amanah)"
)
# Substrings every request word holds: a text with none of them is read no further.
_REQUEST_STEMS = word_set("tol tlg tlong tulung moh titip nitip saran usul tagih nagih")
_WORD = re.compile(r"[^\W\d_]+")
_BREAK = re.compile(r"[.!?…\n]+(?!\w)")  # a mark inside a word or link is no break


class Request(NamedTuple):
    """A sentence that asks something of someone: its span in what the person wrote."""

    start: int
    end: int


def requests(text: str) -> list[Request]:
    """The sentences of `text` (as the person wrote it) that ask the one named to act and ask
    for no vote or support, in order (see the module docstring)."""
    lowered = text.casefold()
    if not any(stem in lowered for stem in _REQUEST_STEMS):
        return []
    out: list[Request] = []
    start = 0
    for m in (*_BREAK.finditer(lowered), None):
        end = m.start() if m else len(lowered)
        if _asks_to_act(_WORD.findall(lowered[start:end])):
            out.append(Request(start, end))
        if m is None:
            break
        start = m.end()
    return out


def _asks_to_act(words: list[str]) -> bool:
    """Whether a sentence's words make a request that asks for no vote or support."""
    asking = False
    for i, word in enumerate(words):
        if word in _REQUEST and not (i + 1 < len(words) and words[i + 1] in _FORMULAIC):
            asking = True
        if _ELECTORAL.match(word):
            return False
    return asking


def read_requests(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> None:
    """Add FEATURE with the requests in the author's spoken fields that hold no endorsement cue
    of the pack's lists (spans in what the person wrote). Run after the lists are matched and
    before the own-side reader, which reads FEATURE.

    `normalise` is the lexicon's normaliser, to map a cue's span to what the person wrote."""
    orig = {"text": post.text, "transcript": post.transcript}
    found: list[Ev] = []
    for field in SPOKEN:
        if field == "transcript" and any(ev.field == field for ev in feats.evidence(STAFF)):
            continue  # a superior asking their own staff directs them (module docstring)
        candidates = requests(orig[field])
        if not candidates:
            continue
        endorsing = _cue_starts(field, feats, scanned, normalise)
        for r in candidates:
            if any(r.start <= at < r.end for at in endorsing):
                continue  # a request carrying a wish, praise or another endorsement takes a side
            found.append(Ev(field, r.start, r.end, LABEL, orig[field][r.start : r.end], True))
    if found:
        feats.found[FEATURE] = found


def _cue_starts(
    field: str,
    feats: Features,
    scanned: list[Scanned],
    normalise: Callable[[str, bool], NormText],
) -> list[int]:
    """Where the endorsement cues of `field` start in what the person wrote."""
    evs = [ev for key in _ENDORSING_KEYS for ev in feats.evidence(key) if ev.field == field]
    if not evs:
        return []
    norm = next((sc.norm for sc in scanned if sc.field == field), None)
    if norm is None:
        return [0]  # cues whose place cannot be told: no request is trusted
    tracked = with_offsets(norm, normalise)
    return [original_span(tracked, ev)[0] for ev in evs if ev.start is not None]


__all__ = ["FEATURE", "LABEL", "Request", "read_requests", "requests"]
