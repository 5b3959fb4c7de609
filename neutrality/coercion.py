"""A sanction made to hang on disloyalty: a superior's threat, not a neutrality warning.

"Jika loyalitas rendah, selaku pimpinan akan memberikan sanksi", "siapa yang menyeleweng silahkan
keluar", "kalau ngga nurut ya saya cabut PKH-nya": the sanction falls on whoever does not follow
the speaker's line. A neutrality warning uses the same sanction words for the opposite condition
("ASN yang tidak netral akan diberi sanksi"), so the sanction word alone reads as a warning. The
condition decides: a word of disloyalty (`disloyalty_cue`) followed within a few words by a
sanction (`sanction_cue`) is a threat. Its span becomes threat evidence, and the warning cues
inside it stop counting as a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from neutrality.featureset import Ev

DEFECTION_THREAT = "a sanction for disloyalty (a superior's threat)"
THREAT_WINDOW = 8  # words from the disloyalty to the sanction it brings on
# A sanction negated just before it ("jangan sampai dicoret", "tidak akan dipecat") threatens
# nobody. The normaliser has folded the colloquial negations (ga, gak, ngga, ora) to these.
NEGATORS = frozenset({"tidak", "tak", "jangan", "bukan", "tanpa", "belum"})
NEGATION_REACH = 2  # words before a sanction searched for a negation


def defection_threats(
    texts: Mapping[str, str], disloyal: Iterable[Ev], sanctions: Iterable[Ev]
) -> list[Ev]:
    """Spans from a disloyalty cue to the first sanction after it, within THREAT_WINDOW words,
    in the same field. Offsets are in the normalised text of each field (`texts`)."""
    by_field: dict[str, list[tuple[int, int]]] = {}
    for ev in sanctions:
        if ev.start is not None and ev.end is not None and not ev.raw:
            by_field.setdefault(ev.field, []).append((ev.start, ev.end))
    out: list[Ev] = []
    for ev in disloyal:
        if ev.start is None or ev.end is None or ev.raw:
            continue
        text = texts.get(ev.field, "")
        after = [
            (s, e) for s, e in by_field.get(ev.field, ()) if s >= ev.end and not _negated(text, s)
        ]
        if not after:
            continue
        start, end = min(after)
        if text[ev.end : start].count(" ") <= THREAT_WINDOW:
            out.append(Ev(ev.field, ev.start, end, DEFECTION_THREAT))
    return out


def _negated(text: str, start: int) -> bool:
    """Whether one of the NEGATION_REACH words before `start` is a negation."""
    return not NEGATORS.isdisjoint(text[:start].split()[-NEGATION_REACH:])


def inside(ev: Ev, spans: Iterable[Ev]) -> bool:
    """Whether `ev` lies within one of `spans` of its field."""
    return ev.start is not None and any(
        s.field == ev.field
        and s.start is not None
        and s.end is not None
        and ev.end is not None
        and s.start <= ev.start
        and ev.end <= s.end
        for s in spans
    )
