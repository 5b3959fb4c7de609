"""Allegations: support that someone is said to have given, not support the author gives.

"Kasus dugaan dukungan itu masih berproses di Bawaslu", "ASN yang diduga mendukung salah satu
calon", "kepala desa dituding mengkampanyekan paslon": a support or vote word that an
allegation word governs (an alleged act, a suspicion, an accusation) tells of a case, as
supervisors, reporters and the accused themselves speak of it. Like a negation, the allegation
governs the endorsing word within a short window before it; and like a negation it is read only
where no participant is named in the field (with a name, "dugaan" can frame the author's own
side-taking: "dugaan saya, X menang"). Only in words (`SPOKEN_FIELDS`): a media description's
"diduga bentuk dukungan" is a reporter's account of the act the picture shows, which is the
act judged.
"""

from __future__ import annotations

from neutrality.featureset import Ev
from neutrality.stance.cues import SPOKEN_FIELDS
from neutrality.wordclasses import word_set

ALLEGATION_WINDOW = 2  # words between an allegation word and the endorsing word it governs
LABEL = "register:report (an allegation told)"
# Nouns and passive verbs of alleging, suspecting and accusing: a closed class.
_ALLEGING = word_set(
    "dugaan diduga terduga disangka sangkaan dituduh tuduhan dituding tudingan disinyalir "
    "ditengarai dilaporkan laporan indikasi terindikasi"
)


def alleged(ev: Ev, texts: dict[str, str]) -> bool:
    """Whether an allegation word stands within ALLEGATION_WINDOW words before the endorsing
    word `ev` (in the normalised field), in words rather than a media description."""
    if ev.start is None or ev.raw or ev.field not in SPOKEN_FIELDS:
        return False
    # rsplit with a bound reads only the last words, not the whole field before the cue
    before = texts.get(ev.field, "")[: ev.start].rsplit(None, ALLEGATION_WINDOW)
    return any(word in _ALLEGING for word in before[-ALLEGATION_WINDOW:])


__all__ = ["LABEL", "alleged"]
