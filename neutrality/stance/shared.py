"""Content passed on: links written into the words, publishers, retweets, read-more lines, and
headlines that credit their speaker.

A post that links the story it speaks of, retweets news, carries a share button's credit or a
publisher's "Baca selengkapnya" line is passing the story on; a headline credited to a speaker
before its colon ("Cak Imin: ... Kita Menang") is that speaker's. A shortened link hides what it
leads to, so beside the author's own voice (or a candidate called "Pak X") it is their link, not
a story (`SHORTENERS`, `named_in_address`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from neutrality.featureset import Ev, Features
from neutrality.stance.newsroom import FIRST_LETTER
from neutrality.stance.quotation import has_quote, quoted_spans
from neutrality.stance.voice import PERSONS, own_voice
from neutrality.stance.words import HEARERS, words_of
from neutrality.wordclasses import FIRST_PERSONS, NAME_TITLES, TERMS_OF_ADDRESS
from schemas import Post

# A publisher's name (a domain, or a newsroom word) as the name of the account shared from.
PUBLISHER = re.compile(
    r"\.(?:com|id|co|net|org|tv|news)\b|\b(?:news|berita|tribun|pos|times|media|kabar|"
    r"detik|kompas|antara|tempo|suara|okezone|liputan|radar|harian|koran|tv)\b(?!\s+sosial)",
    re.IGNORECASE,
)

# A broadcast named as such in a video's title or description ("LIVE - Debat ...", "siaran
# langsung", "live broadcast", "live streaming"): a channel airs the event, as a newsroom does.
BROADCAST = re.compile(
    r"\b(?:live|broadcast|siaran\s+langsung|streaming|livestream)\b", re.IGNORECASE
)

# A share button's credit closing a shared title: "<title> via @detikcom", "... via @YouTube",
# then at most links and hashtags: the words before it are the publisher's title, passed on
# (the credit alone closing a saying is read past by `signed_saying`, `_SHARE_CREDIT`).
TITLE_CREDIT = re.compile(
    r"\svia\s+@[A-Za-z0-9_.]{2,}(?=(?:\s+(?:https?://\S+|pic\.twitter\.com/\S+|#\w+))*\s*$)"
)
SHARE_CREDIT = "register:report (a share button's credit)"
# A retweet: the marker "RT" and the account whose words follow, as "RT @akun: ..." or, in
# exported tweet collections, "RT ... [RE akun]" closing the text. "RT" alone also opens a
# neighbourhood's name ("RT 05 warga ..."), so the marker counts only with an account credited.
_RETWEET = re.compile(r"\s*RT\s+(?:@\w+\s*:\s*|(?=.*\[RE\s+@?\w+\]\s*$))", re.DOTALL)
RELAYED_NEWS = "register:report (a retweet of news, nothing of the sharer's own)"
PUBLISHER_LINK = "register:report (a link to a publisher)"
# "awak" is a first person in eastern Malay, and a noun (crew) before the crew's domain: "kepada
# awak media" is how a story says it spoke to reporters.
_CREW = re.compile(r"\bawak(?= (?:media|redaksi|kapal|pesawat)\b)", re.IGNORECASE)

MAX_LINKS_READ = 20  # links of one post read for their host
# Platforms whose host names may carry a newsroom word ("news.detik.com" is a publisher;
# "tiktok.com" is where anyone posts).
_SOCIAL = (
    "facebook.com", "instagram.com", "tiktok.com", "x.com", "twitter.com", "youtube.com",
    "youtu.be", "whatsapp.com", "t.me", "threads.net",
)  # fmt: skip
# Link shorteners: the host of a shortened link is the shortener's, never the publisher's. X
# wraps every link in a tweet as t.co (the author's own photo, a quoted tweet, a campaign page
# alike), and `.co` or `.com` in the shortener's name would read it as a news domain.
SHORTENERS = frozenset({
    "t.co", "bit.ly", "s.id", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "cutt.ly", "lnkd.in",
    "dlvr.it", "is.gd", "shorturl.at", "rebrand.ly", "tiny.cc", "fb.me", "trib.al",
})  # fmt: skip
LONG_NAME = 50  # a target "name" this long is a title (a video, a shared article), not an account

# A link written into the words, as X and Facebook show a shared article: its address (often cut
# short with "…") or "pic.twitter.com/…" for an attached picture. It is where the words point,
# not words of the author's: a headline followed by its link is still a headline.
_TEXT_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+(?:\s*…)?", re.IGNORECASE)
_LINK_STARTS = ("http", "www.", "pic.twitter.com")


def text_links(text: str) -> list[re.Match[str]]:
    """The links written into a text (see `_TEXT_LINK`), in order."""
    if not any(start in text for start in _LINK_STARTS):
        return []
    return list(_TEXT_LINK.finditer(text))


def without_links(text: str, links: list[re.Match[str]]) -> str:
    """The text with its written links taken out, for the readers of its shape (headline, news
    prose, the author's own voice). An ellipsis right before a link goes with it: the platform
    cut the story's text there ("... nomor urut 02 Prabowo… https://t.co/x"), which is nobody's
    doubled punctuation."""
    if not links:
        return text
    parts, cut = [], 0
    for m in links:
        parts.append(text[cut : m.start()].rstrip().removesuffix("…"))
        cut = m.end()
    parts.append(text[cut:])
    return " ".join(" ".join(parts).split())


def publisher_links(urls: list[str]) -> list[tuple[int, str]]:
    """(index, host) of the links to a news publisher (a newsroom word or a news domain in the
    host name): a post that links the story it speaks of is passing news on."""
    out = []
    for i, url in enumerate(urls[:MAX_LINKS_READ]):
        try:
            host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        except ValueError:  # not a URL a reader could follow
            continue
        if host and PUBLISHER.search(host.removeprefix("www.")) and not host.endswith(_SOCIAL):
            out.append((i, host))
    return out


# A headline that opens with its speaker and a colon ("Cak Imin: Insya Allah Kita Menang, ..."),
# as news sites title what someone said: two to four capitalised words, then the headline's
# words from a capital.
_SPEAKER_COLON = re.compile(
    r"^\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})[ \t]*:[ \t]+(?=[A-Z\"“‘'])"
)
_HEADLINE_END = re.compile(r"\n|[ \t]{2,}|[.!?](?=\s)")
# An HTML entity a scraper left in the text ("&gt", "&amp;"): no word of anyone's.
_HTML_ENTITY = re.compile(r"&(?:gt|lt|amp|quot|nbsp)\b;?")
SPEAKER_HEADLINE = "register:report (a headline's words credited to the speaker before its colon)"
# Terms of address a post calls someone by ("Pak X: ...", "Mbak Y: ..."), where a newsroom's
# headline names its speaker bare or by a title that is part of a public name ("Cak Imin",
# "Gus Yahya"): every term of address but those titles.
_VOCATIVES = TERMS_OF_ADDRESS - NAME_TITLES
# Words that cannot name a speaker: persons and hortatives (closed classes).
_NOT_SPEAKERS = FIRST_PERSONS | frozenset(["ayo", "yuk", "mari", "kamu", "kalian", "anda"])


def speaker_headline(orig: str) -> re.Match[str] | None:
    """The speaker a headline credits before a colon, in a text passed on beside a link:
    "Cak Imin: Insya Allah AMIN Menang, Kita Tolong ..." is what the speaker said, the first
    person, the prayer and the wish theirs, up to the headline's end (a line break, a wide gap
    or a stop). Nothing of the sharer's own may follow it (no exclamation, nothing of
    `own_voice`: a cheer, an emoji, a particle); the speaker is two to four capitalised words,
    no person or hortative among them (a one-word opener, "Ingat:", "Bismillah:", is no name
    this reader can tell), nor a name called by a term of address (`_VOCATIVES`), nor a name
    after a title whom the words speak to ("Cak X: Kami Dukung Anda")."""
    if ":" not in orig[:60]:
        return None
    credited = _SPEAKER_COLON.match(orig)
    if credited is None:
        return None
    if not {w.casefold() for w in credited.group(1).split()}.isdisjoint(_NOT_SPEAKERS):
        return None
    end = _HEADLINE_END.search(orig, credited.end())
    said = orig[credited.end() : end.start() if end else len(orig)]
    if credited.group(1).split()[0].casefold() in _VOCATIVES or (
        credited.group(1).split()[0].casefold() in TERMS_OF_ADDRESS
        and not HEARERS.isdisjoint(w.casefold() for w in words_of(said))
    ):
        return None  # "Pak X: Lanjutkan", "Cak X: Kami Dukung Anda": X addressed
    rest = without_links(orig[end.end() :], text_links(orig[end.end() :])) if end else ""
    rest = _HTML_ENTITY.sub(" ", rest)
    if "!" in rest or own_voice(rest, pronoun=False):
        return None
    return credited


# A publisher's read-more line before its link, as a share button writes it under a lead
# ("Baca selengkapnya: https://...", "Baca di https://...", "Simak selengkapnya di ..."): the
# verbs of reading a story (a closed class), then the link.
_READ_MORE = re.compile(
    r"(?<![\w-])(?:(?:baca|simak)(?:[ \t]+(?:selengkapnya|juga|beritanya|artikelnya))?"
    r"|selengkapnya)(?:[ \t]+(?:di|pada))?[ \t]*:?[ \t]*(?=https?://|www\.|pic\.twitter\.com/)",
    re.IGNORECASE,
)
READ_MORE = "register:report (a publisher's read-more line before its link)"


def read_more(orig: str, bare: str) -> re.Match[str] | None:
    """The read-more line a publisher's share closes its lead with, when the words before it
    are the lead alone: no first or second person, no hortative, no exclamation or question,
    nothing of `own_voice` (a cheer, an emoji, a particle). What the lead says of a participant
    (praise, blame, support) it tells; a sharer who adds a word of their own keeps the text
    theirs. `bare` is the text without its links."""
    if "aca" not in orig and "imak" not in orig and "engkap" not in orig:
        return None
    m = _READ_MORE.search(orig)
    if m is None:
        return None
    if "!" in bare or "?" in bare or own_voice(bare):
        return None
    if not {w.casefold() for w in words_of(bare)}.isdisjoint(PERSONS):
        return None
    return m


def relayed_news(post: Post, found: dict[str, list[Ev]], bare: str) -> Ev | None:
    """A retweet ("RT @akun: ...", "RT ... [RE akun]") whose words are news: a report cue read
    in them (a publisher's link, figures, a verb of saying, news prose; a shortened link alone
    hides what it leads to and is not enough), and nothing of a speaker of their own outside
    the quotations it carries: no first or second person, no hortative, no exclamation or
    question, nothing of `own_voice` (a cheer, an emoji, a particle). The retweet gives the
    words to the account it credits, and the words tell, from a capital and in the third
    person, what someone did or said: a story passed on. A retweet with a cheer, a call or a
    question of its own is read as before."""
    if "RT" not in post.text[:8]:
        return None
    relay = _RETWEET.match(post.text)
    if relay is None:
        return None
    if not any(
        (ev.field == "text" or ev.field.startswith("urls["))
        and not (ev.label == PUBLISHER_LINK and ev.excerpt in SHORTENERS)
        for ev in found.get("report", ())
    ):
        return None
    # words in quotation marks are the speaker's the story quotes ("Saya juga salaman," kata X)
    spans = quoted_spans(bare) if has_quote(bare) else []
    for start, end in reversed(spans):
        bare = bare[:start] + " " + bare[end:]
    bare = _CREW.sub(" ", bare)
    if "!" in bare or "?" in bare or own_voice(bare):
        return None
    # a newsroom writes its sentence from a capital; "pak prabowo adalah ..." is someone's own
    first = FIRST_LETTER.search(post.text, relay.end())
    if first is None or first.group().islower():
        return None
    if not {w.casefold() for w in words_of(bare)}.isdisjoint(PERSONS):
        return None
    return Ev("text", relay.start(), relay.end(), RELAYED_NEWS, raw=True)


# Accounts tagged at the end of the words, after everything said: "... perubahan positif @akun".
# A credit ("via @outlet", "| @outlet", "sumber: @outlet") names where a story came from.
_TAGGED_AT_END = re.compile(r"(?:^|\s)((?:@\w{2,}\s*)+)$")
_CREDIT_BEFORE = frozenset(
    {"via", "lewat", "oleh", "by", "sumber", "source", "dari", "|", "-", "–"}
)


def tags_a_reader(bare: str) -> bool:
    """Whether the words (links taken out) end by tagging one or more accounts, not credited as
    a source: a post that closes by tagging people addresses them, which a newsroom's lead to
    its story never does (it names its subject inside the sentence, or credits itself with
    "via"). Read only beside a shortened link, which hides whether the words are a story's:
    out of the words of X's posts, "... langkah menuju perubahan positif @akun https://t.co/…"
    is the author talking to someone."""
    found = _TAGGED_AT_END.search(bare.rstrip(" .…"))
    if found is None:
        return False
    before = bare[: found.start(1)].rstrip(" :").split()
    if not before:
        return False  # only tags: nothing said to anyone
    return before[-1].casefold() not in _CREDIT_BEFORE


def named_in_address(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], field: str
) -> bool:
    """Whether the field calls a participant by a term of address ("Pak Prabowo", "Bu
    Risma", "Mas Ganjar"): how a person speaks of a candidate, where a newsroom's own words give
    the name and the office. Read only where the shape alone would make the words a story's:
    beside a shortened link, which hides where it leads, and in prose shaped like news."""
    text = texts.get(field, "")
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.field == field and ev.start and not ev.raw:
                before = text[max(0, ev.start - 8) : ev.start].split()[-1:]
                if before and before[0] in TERMS_OF_ADDRESS:
                    return True
    return False
