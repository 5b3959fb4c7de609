"""Stance and register: is the text endorsing someone, or reporting, warning, administering,
debunking, explaining a programme or educating voters?

Naming a candidate is not supporting one. A civil servant who shares a quick-count headline, an
agency that quotes Bawaslu's warning, a KPU officer announcing the ballot numbers all name
participants; none of them campaigns. The register is read separately for the author's own words
(text, transcript, hashtags, media) and for the content acted on (a liked or shared post), from
two kinds of cue:

* lexical cues, kept as data in the pack's lists (`report_cue`, `warn_cue`, `administer_cue`,
  `programme_cue`, `gotv`, `debunk`, and the endorsement lists `first_person`, `call_to_vote`,
  `endorse_cue`), so a rule author can extend them without code;
* structural cues that hold in any wording: a headline (most words capitalised, no first person),
  a dateline ("JAKARTA, Kompas.com -"), news prose (several declarative sentences about third
  persons with nothing of a speaker in them), percentages (results and surveys, unless spoken in
  the author's own voice), quotation marks with a reporting verb (someone else's words), and a
  balanced enumeration of several participants of one race (a list of pairs is information, not
  a choice).

Endorsement wins when it is the author's own: a first-person or imperative cue outside quoted
speech. Each register becomes a feature (`register.<kind>` for the author's words,
`target.register.<kind>` for the content acted on) with the cue as its evidence, so the
explanation a supervisor reads says *why* a post was read as news or as a warning.

The package, one concern a module, each importing only those listed before it: `words` (the
words of a field and the closed classes the readers share), `cues` (the registers, their cue
lists, the weight of a cue), `voice` (the author's own voice), `newsroom` (headline, kicker,
dateline, news prose), `quotation` (someone else's words: quotations, signed sayings, leads),
`shared` (links, publishers, retweets, read-more lines), `tags` (the sharer's hashtags and the
newsroom's), `negation` (negations, orders to refrain, orders told of), `votes` (votes that urge
nobody), `support` (whose support it is), `alike` (words said of no side in particular), `sides`
(sides taken by structure: wish, comparison, exclusive focus, defeat), and `register` (the reader
that runs them all).
"""

from __future__ import annotations

from neutrality.stance.alike import (
    EITHER_OUTCOME,
    EVEN_HANDED,
    EVERY_CANDIDATE,
    MUTUAL_SUPPORT,
    RIVALS_ALIKE,
    SAID_OF_THE_ELECTION,
    SUPPORTS_THE_ELECTION,
    UNDECIDED,
    judged_alone,
)
from neutrality.stance.cues import SUBJECT_SUPPORT, possible_registers, register_features
from neutrality.stance.negation import ORDER_TOLD, REFRAIN
from neutrality.stance.newsroom import headline, news_prose
from neutrality.stance.quotation import (
    ATTRIBUTED_QUOTE,
    CLOSING_ATTRIBUTION,
    QUOTE_CHARS,
    SIGNED_SAYING,
    TOLD_BY_SUBJECT,
    attributed_quotation,
    closing_attribution,
    quoted_spans,
    signed_saying,
)
from neutrality.stance.register import read_register
from neutrality.stance.ruledout import RULED_OUT
from neutrality.stance.shared import (
    READ_MORE,
    RELAYED_NEWS,
    SHORTENERS,
    SPEAKER_HEADLINE,
    read_more,
    speaker_headline,
    tags_a_reader,
    text_links,
    without_links,
)
from neutrality.stance.sides import OUSTED, SINGLED_OUT, THANKS_TO_ACCOUNT, UNBEATEN
from neutrality.stance.support import SUPPORT_SPOKEN_OF
from neutrality.stance.tags import OUTLET_TAGS, SLOGAN_LINE, SLOGAN_TAG, trailing_tags
from neutrality.stance.voice import own_voice
from neutrality.stance.votes import BALLOT_VOTE, CONTEST_WON, RIGHT_VOTE, TIME_TOLD
from neutrality.stance.words import words_of

__all__ = [
    "ATTRIBUTED_QUOTE",
    "BALLOT_VOTE",
    "CLOSING_ATTRIBUTION",
    "CONTEST_WON",
    "EITHER_OUTCOME",
    "EVEN_HANDED",
    "EVERY_CANDIDATE",
    "MUTUAL_SUPPORT",
    "ORDER_TOLD",
    "OUSTED",
    "OUTLET_TAGS",
    "QUOTE_CHARS",
    "READ_MORE",
    "REFRAIN",
    "RELAYED_NEWS",
    "RIGHT_VOTE",
    "RIVALS_ALIKE",
    "RULED_OUT",
    "SAID_OF_THE_ELECTION",
    "SHORTENERS",
    "SIGNED_SAYING",
    "SINGLED_OUT",
    "SLOGAN_LINE",
    "SLOGAN_TAG",
    "SPEAKER_HEADLINE",
    "SUBJECT_SUPPORT",
    "SUPPORTS_THE_ELECTION",
    "SUPPORT_SPOKEN_OF",
    "THANKS_TO_ACCOUNT",
    "TIME_TOLD",
    "TOLD_BY_SUBJECT",
    "UNBEATEN",
    "UNDECIDED",
    "attributed_quotation",
    "closing_attribution",
    "headline",
    "judged_alone",
    "news_prose",
    "own_voice",
    "possible_registers",
    "quoted_spans",
    "read_more",
    "read_register",
    "register_features",
    "signed_saying",
    "speaker_headline",
    "tags_a_reader",
    "text_links",
    "trailing_tags",
    "without_links",
    "words_of",
]
