"""The neutral readings: features that take a side away from what the rules read.

A rule fires on a name beside a vote or support word; what holds it down, or makes a pass of a
post that names a candidate, are the registers and exceptions the engine reads beside them:
news passed on (a publisher's link, a dateline, a quotation given to its speaker, a third
party's support in a headline: holder.py), a warning to stay neutral, administering an
election, educating voters, "whoever wins" (neutrality/stance/), an outlet's or reporter's post
(`exception.news`, features.py), a genuine question or a newsroom's open question
(question.py), a request to the one named (request.py), candidates whose elections are over
named with no race being run spoken of (`exception.office_holder`, features.py), and the
learned model's opinion where the author names no side of their own (ownside.py). An
explanation lists each one found, for every outcome, so that a supervisor sees why a post
passed as well as why it was flagged. They are named here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator

from neutrality.featureset import Ev, Features
from neutrality.ownside import FEATURE as OWN_SIDE
from neutrality.ownside import GENERIC_FEATURE as GENERIC_SIDE
from neutrality.ownside import PAST_FEATURE as PAST_SIDE
from neutrality.question import FEATURE as ASKED
from neutrality.question import NEWSROOM_FEATURE as NEWSROOM_ASKED
from neutrality.request import FEATURE as REQUESTED
from neutrality.stance.membership import FEATURE as OTHERS_MEMBERSHIP

MODEL_ALONE = "model.alone"  # a reading made here, not by the engine: see `neutral_readings`
_MODEL_FEATURES = ("model.partisan", "model.possible")

# Feature key -> what it is, in the words a supervisor reads. The own side's registers (the
# author's words, "register.*") and the acted-on content's ("target.register.*") are read apart;
# `register.neutral` is left out (it is the union of the own side's neutral registers).
NEUTRAL_READINGS: dict[str, str] = {
    "register.report": "news passed on",
    "register.warn": "a warning, no side",
    "register.administer": "administering the election",
    "register.debunk": "a hoax debunked",
    "register.programme": "a programme explained",
    "register.educate": "voter education",
    "target.register.report": "the content acted on passes news on",
    "target.register.warn": "the content acted on warns",
    "target.register.administer": "the content acted on administers the election",
    "target.register.debunk": "the content acted on debunks a hoax",
    "target.register.programme": "the content acted on explains a programme",
    "target.register.educate": "the content acted on educates voters",
    "exception.news": "news (the exception for reporting)",
    "exception.gotv": "a call to vote for no one (the exception for turnout)",
    "exception.debunk": "a debunking (the exception for hoaxes)",
    "exception.office_title": "named by office, not as a candidate",
    "exception.rank": "a number that ranks (the first, the second), not a ballot number",
    ASKED: "asked, no side",
    NEWSROOM_ASKED: "the content acted on is news that asks (an open question), no call",
    OTHERS_MEMBERSHIP: "a party membership said of someone else, not the author's",
    REQUESTED: "a request to the one named to act, no vote or support asked",
    PAST_SIDE: "a candidate of an election already over, no side of a race being run",
    "exception.office_holder": (
        "every candidate named is of an election already over, no race being run spoken of: "
        "an office-holder or a past campaign"
    ),
    GENERIC_SIDE: "a candidate word for an event, for all of them or for any: no side named",
    MODEL_ALONE: "the model's opinion alone, no side the author names",
}


def neutral_readings(feats: Features) -> Iterator[tuple[str, list[Ev]]]:
    """The neutral readings found, in the order of NEUTRAL_READINGS, with their evidence. The
    model's opinion counts as one when the model read the post as partisan or possibly so and
    the author's own words or act name no side (`side.own` absent), as the model-alone rules
    require."""
    found = feats.found
    for key in NEUTRAL_READINGS:
        if key == MODEL_ALONE:
            if OWN_SIDE not in found:
                model = [ev for name in _MODEL_FEATURES for ev in found.get(name, ())]
                if model:
                    yield key, model
            continue
        evs = found.get(key)
        if evs:
            yield key, list(evs)
