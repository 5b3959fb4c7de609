"""Hashtags: whose they are, the sharer's or the newsroom's.

The hashtags a sharer adds are their own words whatever the body they tag: a slogan, a call to
vote or a participant tagged with a number there endorses (`sharers_tags`), as does a slogan
written as the post's last line (`slogan_line`). The run of tags a newsroom closes its story
with, one of them its own ("#detikPemilu"), is the outlet's (`outlet_tags`). A tag used as a
word of a sentence ("Tagar #X trending") is read with the sentence; `trailing_tags` are the
others, set apart after or between the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from neutrality.featureset import Ev, Features
from neutrality.normalise import NormText
from neutrality.stance.shared import text_links
from schemas import Post

SHARERS_TAG = "the sharer's own hashtag"
# What in a hashtag endorses whatever the body says: a participant's slogan, a call to vote, a
# win or support word.
_TAG_LISTS = ("call_to_vote", "endorse_cue", "support")
NUMBERED_TAG = "a participant tagged with a number"
SLOGAN_TAG = "a participant's slogan tagged after the post's words"
_NUMBERED_TAG = re.compile(r"[^\W\d_]\d{1,4}$|^\d{1,4}[^\W\d_]")


def sharers_tags(
    post: Post,
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    relayed: Collection[str] = (),
    past: Callable[[str], bool] | None = None,
) -> list[Ev]:
    """Endorsing words in the post's own hashtags (not in its body), a participant's slogan
    tagged after the body ("... #PrabowoSalahkanSBY"; "Tagar #X trending di Twitter" speaks of
    the tag in its sentence), and a participant's name tagged with a number (a ballot number or
    the election year, "#PrabowoGibran2024", "#KhofifahEmil02"); slogans and numbered names
    only while one participant of a race is tagged so (a tag for each pair is even). The tags
    of a retweeted story (`relayed`) are its newsroom's words, not the sharer's: a vote or
    support word there names nobody of theirs ("#MauMemilih"); a participant's slogan or
    numbered name chants whoever tags it, and stays. A candidate of an election already over
    (`past`: the 2019 race's pairs in 2023) is no side of the race being run, and a tag of
    theirs ("#Jokowinomics", a programme's name) does not make another's slogan even."""
    out = [
        Ev(ev.field, ev.start, ev.end, f"register:endorse ({SHARERS_TAG})", raw=ev.raw)
        for name in _TAG_LISTS
        for key in keys[name]
        for ev in feats.found.get(key, ())
        if ev.field.startswith("hashtags[") and ev.field not in relayed
    ]
    numbered = {
        f"hashtags[{i}]" for i, tag in enumerate(post.hashtags) if _NUMBERED_TAG.search(tag)
    }
    trailing = trailing_tags(post) - numbered
    if not numbered and not trailing:
        return out
    named = [
        ev
        for name in ("campaign_term", "participant")
        for key in keys[name]
        for ev in feats.found.get(key, ())
        if ev.field in numbered or (ev.field in trailing and ev.label.startswith("campaign:"))
    ]
    by_race: dict[str, set[str]] = {}
    for ev in named:
        pid = ev.label.rsplit(">", 1)[-1].split(":", 1)[-1]
        if past is None or not past(pid):
            by_race.setdefault(pid.rsplit("/", 1)[0], set()).add(pid)
    if not by_race or any(len(pids) > 1 for pids in by_race.values()):
        return out
    out += [
        Ev(
            ev.field,
            ev.start,
            ev.end,
            f"register:endorse ({NUMBERED_TAG if ev.field in numbered else SLOGAN_TAG})",
            raw=ev.raw,
        )
        for ev in named
    ]
    return out


SLOGAN_LINE = "a participant's slogan in a line after the post's sentences"
# The last sentence stop of a text: what follows it is a line of its own.
_LAST_STOP = re.compile(r"[.!?](?=\s)")
_NOT_LETTER = re.compile(r"[^\w]+")
SLOGAN_LINE_MIN = 2  # words of a slogan line: one word after a stop is a sentence's tail


def slogan_line(
    text: str, feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """A participant's campaign slogan written as the post's last line, after its sentences
    and before any link ("... dan Rano Karno. Mas Pram Bang Doel Jakarta Menyala https://.."):
    the words of hashtags written without the hash, as a sharer signs a news lead with the
    pair's slogan. The line is set apart by a sentence stop before it, carries no stop of its
    own, and every word of it is capitalised (a slogan, not a sentence); only one participant
    of a race may be so signed (a slogan for each pair is even)."""
    if not text or ("." not in text and "!" not in text and "?" not in text):
        return []
    links = text_links(text)
    end = len(text)
    for link in reversed(links):  # the links that close the text
        if text[link.end() : end].strip():
            break
        end = link.start()
    stops = [m.end() for m in _LAST_STOP.finditer(text, 0, end)]
    if not stops:
        return []
    # The line opens at the last stop, or at a hashtag after it that the slogan starts with
    # ("... di Pasar Munjul #UntungnyaAdaPramDoel Mas Pram Bang Doel"): a tag ends a sentence
    # as a stop does when only capitalised words follow it.
    opens = [stops[-1], *(i for i in range(stops[-1], end) if text[i] == "#")]
    line = ""
    for start in opens:
        words = text[start:end].split()
        if len(words) >= SLOGAN_LINE_MIN and all(w.lstrip("#")[:1].isupper() for w in words):
            line = text[start:end]
            break
    if not line:
        return []
    plain = f" {' '.join(_NOT_LETTER.sub(' ', line).casefold().split())} "
    norm = texts.get("text", "")
    terms = [
        ev
        for key in keys["campaign_term"]
        for ev in feats.found.get(key, ())
        if ev.field == "text"
        and not ev.raw
        and ev.start is not None
        and f" {norm[ev.start : ev.end]} " in plain
    ]
    sides = {ev.label.split(":", 1)[-1] for ev in terms}
    races = {pid.rsplit("/", 1)[0] for pid in sides}
    if not terms or len(races) != len(sides):
        return []
    return [Ev(ev.field, ev.start, ev.end, f"register:endorse ({SLOGAN_LINE})") for ev in terms]


# A token of the text: a hashtag, an account, a link, or a word with the punctuation after it.
_TOKEN = re.compile(r"\S+")
_SENTENCE_STOP = frozenset(".!?…:;,")


def trailing_tags(post: Post) -> set[str]:
    """The fields of the post's hashtags that its text does not use as a word of a sentence
    ("Tagar #JokowiMundurlah trending": a word on either side of it, no stop between): tags
    set apart after or between the words, and tags not written in the text at all."""
    if not post.hashtags:
        return set()
    tokens = _TOKEN.findall(post.text) if "#" in post.text else []
    in_sentence = set()
    for i in range(1, len(tokens) - 1):
        tag, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if (
            tag.startswith("#")
            and _is_word(before)
            and before[-1] not in _SENTENCE_STOP
            and _is_word(after)
            and tag[-1] not in _SENTENCE_STOP
        ):
            in_sentence.add(tag.casefold())
    out = set()
    for i, tag in enumerate(post.hashtags):
        written = (tag if tag.startswith("#") else f"#{tag}").casefold()
        if written not in in_sentence:
            out.add(f"hashtags[{i}]")
    return out


# The hashtags closing a text, links between them: where a newsroom's share puts its tags.
_TAG_RUN = re.compile(r"(?<!\S)(?:#\w+|https?://\S+)(?:\s+(?:#\w+|https?://\S+|…))*\s*$")
_TAG_BODY = re.compile(r"#(\w+)")
# A newsroom's own tag: its name opening or closing the tag ("#detikPemilu", "#Sindonews",
# "#AdadiKompas", "#kbanews"): the newsroom words of `PUBLISHER` that are no common word when
# glued to another ("pos", "media", "suara", "kabar" open ordinary tags and are left out).
_OUTLET_TAG = re.compile(
    r"^(?:detik|kompas|tribun|tempo|okezone|liputan|antara|radar|harian|koran)"
    r"|(?:news|berita|kompas|times|com)$",
    re.IGNORECASE,
)
OUTLET_TAGS = "a newsroom's hashtags, shared with its story"
_TAGGED_LISTS = ("call_to_vote", "endorse_cue", "support")


def outlet_tags(
    post: Post,
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    norms: dict[str, NormText],
) -> tuple[Ev, set[tuple[str, int | None]]] | None:
    """The hashtags a newsroom closes its shared story with, when one of them is its own
    ("... #detikPemilu #DebatCapres2024 #WaktunyaMilih https://t.co/x"): the run of tags
    closing the text is the outlet's, copied with its lead, so a vote or support word in one
    of them ("#WaktunyaMilih") is the newsroom's turnout tag, not the sharer's call. A tag
    naming a participant stays the sharer's to answer for (a pair's campaign tag chants
    whoever posts it; `sharers_tags` reads those). Returns the run's evidence and the
    (field, start) of each vote or support word read in its other tags."""
    text = post.text
    run = _TAG_RUN.search(text)
    if run is None:
        return None
    tags = [
        (run.start() + m.start(), run.start() + m.end(), m.group(1))
        for m in _TAG_BODY.finditer(run.group())
    ]
    if not any(_OUTLET_TAG.search(body) for _, _, body in tags):
        return None
    norm = norms.get("text")
    if norm is None or norm.orig != text:
        return None
    bodies = {h.lstrip("#").casefold(): i for i, h in enumerate(post.hashtags)}
    named_fields: set[str] = set()
    named_spans: list[tuple[int, int]] = []
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.field == "text" and ev.start is not None and ev.end is not None and not ev.raw:
                named_spans.append(norm.span(ev.start, ev.end))
            else:
                named_fields.add(ev.field)
    free = [
        (start, end, body)
        for start, end, body in tags
        if not any(s < end and start < e for s, e in named_spans)
        and f"hashtags[{bodies.get(body.casefold(), -1)}]" not in named_fields
    ]
    fields = {
        f"hashtags[{bodies[body.casefold()]}]" for _, _, body in free if body.casefold() in bodies
    }
    out: set[tuple[str, int | None]] = set()
    for name in _TAGGED_LISTS:
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.field in fields:
                    out.add((ev.field, ev.start))
                elif (
                    ev.field == "text"
                    and ev.start is not None
                    and ev.end is not None
                    and not ev.raw
                ):
                    s, e = norm.span(ev.start, ev.end)
                    if any(start <= s and e <= end for start, end, _ in free):
                        out.add((ev.field, ev.start))
    if not out:
        return None
    return Ev("text", run.start(), run.end(), f"register:report ({OUTLET_TAGS})", raw=True), out


def _is_word(token: str) -> bool:
    return not token.startswith(("#", "@", "http", "www.", "pic.twitter.com")) and any(
        c.isalpha() for c in token
    )
