"""The slowest valid posts: inputs built to the schema's limits, timed through the engine.

A worker judges posts one at a time, so one slow post stalls its partition. Each family below
pushes one dimension to what the schema allows (field length, list length, obfuscation the
normaliser undoes, matches per field, extreme dates); the figure is the slowest decide.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from neutrality import Engine, Locality
from schemas import Action, Platform, Post, Target, TargetKind
from schemas.post import MAX_NAME_CHARS, MAX_TAG_CHARS, MAX_TEXT_CHARS, MAX_URL_CHARS

TARGET_MS = 50.0
WIB = dt.timezone(dt.timedelta(hours=7))
ADDRESSED = "Ayo coblos Prabowo, kamu "  # a call the full look reads, then "you"
DENSE = "coblos prabowo gibran 02 ✌️ dukung anies ganjar nomor urut 1 ☝️ #AMIN relawan tkn "


def _fill(unit: str, limit: int = MAX_TEXT_CHARS) -> str:
    return (unit * (limit // len(unit) + 1))[:limit]


def _post(**fields: object) -> Post:
    base: dict[str, object] = {
        "platform": Platform.X,
        "post_id": "worst",
        "account_id": "x:asn",
        "action": Action.POST,
        "event_time": dt.datetime(2024, 1, 20, 9, 0, tzinfo=WIB),
    }
    base.update(fields)
    return Post.model_validate(base)


def largest_event(account_id: str = "x:asn", post_id: str = "worst") -> Post:
    """An event just under the 1 MiB event limit: every field and list full, campaign words
    first and four-byte characters after them (its flag would not fit the flags topic whole)."""
    wide = "\U0001f5f3"  # 4 bytes in UTF-8
    opening = "Ayo coblos Prabowo-Gibran nomor 2, menang satu putaran! "
    text = opening + wide * (MAX_TEXT_CHARS - len(opening))
    return _post(
        post_id=post_id,
        account_id=account_id,
        action=Action.SHARE,
        text=text,
        transcript=text,
        media_description=text,
        hashtags=["#Prabowo" + wide * (MAX_TAG_CHARS - 8)] * 200,
        mentions=["@" + wide * (MAX_TAG_CHARS - 1)] * 200,
        urls=["https://example.id/" + "x" * (MAX_URL_CHARS - 19)] * 100,
        target=Target(kind=TargetKind.POST, text=text, name="n" * MAX_NAME_CHARS),
    )


def families() -> dict[str, Callable[[], Post]]:
    """Name -> builder of one worst-case post (built fresh, outside the timing)."""
    dense = _fill(DENSE)
    tags = [_fill("PrabowoGibran2024GanjarMahfudAniesMuhaimin", MAX_TAG_CHARS)] * 200
    return {
        "every text field full of campaign terms": lambda: _post(
            text=dense,
            transcript=dense,
            media_description=dense,
            hashtags=tags,
            # every mention a candidate's account (each is looked up and named)
            mentions=["@prabowo", "@aniesbaswedan", "@ganjarpranowo"] * 66,
            urls=["https://example.org/" + "a" * 2000] * 100,
            action=Action.SHARE,
            target=Target(
                kind=TargetKind.POST,
                account="x:tkn_prabowogibran",
                name=dense[:MAX_NAME_CHARS],
                text=dense,
            ),
        ),
        "the largest event in bytes": largest_event,
        "200 long hashtags of names": lambda: _post(text="x", hashtags=tags),
        "spaced-out letters": lambda: _post(text=_fill("g a n j a r p r a n o w o ")),
        "leetspeak": lambda: _post(text=_fill("pr4b0w0 g1br4n 4n13s g4nj4r c0bl0s ")),
        "stretched letters": lambda: _post(text=_fill("dukuuuuuuung praboooooowo ")),
        "hand-sign emoji only": lambda: _post(text=_fill("✌️☝️🤟👌")),
        "one word repeated": lambda: _post(text=_fill("prabowo ")),
        # a call with a closing run of handles after "you" (features.written_mentions), and
        # the same run with one word after it: the run is looked for from the text's end, once
        "a call, then handles to the end after a second person": lambda: _post(
            text=ADDRESSED + _fill("@a ", MAX_TEXT_CHARS - len(ADDRESSED))
        ),
        "a call, then handles and one word": lambda: _post(
            text=ADDRESSED + _fill("@a ", MAX_TEXT_CHARS - len(ADDRESSED) - 1) + "x"
        ),
        "no separators": lambda: _post(text=_fill("prabowogibrananiesganjar")),
        "a like of a full-length caption": lambda: _post(
            action=Action.LIKE,
            target=Target(kind=TargetKind.POST, account="x:someone", text=dense),
        ),
        "year 1, east of Greenwich": lambda: _post(
            text="coblos 02",
            event_time=dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14))),
        ),
        "year 9999, west of Greenwich": lambda: _post(
            text="coblos 02",
            event_time=dt.datetime(
                9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))
            ),
        ),
    }


@dataclass(frozen=True)
class WorstCase:
    family: str
    median_ms: float
    max_ms: float
    outcome: str


def run(runs: int = 5) -> list[WorstCase]:
    engine = Engine.load()
    locality = Locality("Jawa Tengah", "Kabupaten Blora")
    out = []
    for name, build in families().items():
        post = build()
        engine.decide(post, locality)  # warm the caches a long-running worker has
        seconds = []
        outcome = ""
        for _ in range(runs):
            t0 = time.perf_counter()
            outcome = engine.decide(post, locality).outcome.value
            seconds.append((time.perf_counter() - t0) * 1000)
        out.append(WorstCase(name, statistics.median(seconds), max(seconds), outcome))
    return out
