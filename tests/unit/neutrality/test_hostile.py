"""Generated hostile posts: whatever a schema-valid event holds, the engine decides it.

Hypothesis builds posts from the pieces attackers and odd clients send: names and cue words of
the catalogue, ballot numbers, hand-sign emoji and emoji written by name, invisible and
combining characters, confusable letters, punctuation runs, long repeats, hashtags and mentions
at their limits. For every one the engine must return a decision (never raise), the fast and
the full path must agree, and every piece of evidence must point at the characters it quotes.
Time is not asserted here (no timed unit tests): `netra bench worst` measures the slowest post.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neutrality import Engine
from schemas import Action, Outcome, Platform, Post, Target, TargetKind
from schemas.post import MAX_NAME_CHARS, MAX_TAG_CHARS, MAX_TEXT_CHARS

PIECES = [
    "Prabowo", "Gibran", "Ganjar", "Anies", "AMIN", "Ahok", "Djarot", "Sylvi", "02", "nomor 3",
    "no. 1", "coblos", "pilih", "menangkan", "dukung", "ayo", "jangan lupa", "semoga menang",
    "yang mendukung", "dukungan dari", "pilih yang", "memilih presiden", "tanpa paslon",
    "kata Bawaslu", "ujarnya", "HOAKS", "ASN wajib netral", "bapak ibu guru", "kontrak tidak",
    "#PrabowoGibran2024", "@ganjarpranowo", "✌️", "☝", "🤟", "3️⃣", "<Victory Hand>", "<Nope>",
    "\u200b", "\u00ad", "\u0301", "\u202e", "ɢ", "Ρrabowo", "P r a b o w o", "pr4b0w0", "!!",
    "...", "“", "”", ":", "-", "\n", "  ", "ê", "ß", "ﬁ", "Ａ", "😂", "𝐏𝐫𝐚𝐛𝐨𝐰𝐨", "(12/10)",
    "Jakarta — ", "14 Februari", "tps", "yg", "dgn",
]  # fmt: skip

pieces = st.sampled_from(PIECES) | st.text(max_size=12)
texts = st.lists(pieces, max_size=60).map(" ".join).map(lambda t: t[:MAX_TEXT_CHARS])
tags = st.lists(
    st.lists(pieces, max_size=6).map("".join).map(lambda t: t[:MAX_TAG_CHARS]), max_size=12
)
WHEN = st.datetimes(
    min_value=dt.datetime(2016, 1, 1),
    max_value=dt.datetime(2026, 12, 31),
    timezones=st.just(dt.timezone(dt.timedelta(hours=7))),
)


@st.composite
def posts(draw: st.DrawFn) -> Post:
    action = draw(st.sampled_from(list(Action)))
    target = None
    if draw(st.booleans()):
        target = Target(
            kind=draw(st.sampled_from(list(TargetKind))),
            account=draw(st.sampled_from([None, "ig:prabowo", "x:aniesbaswedan", "ig:someone"])),
            name=draw(texts.map(lambda t: t[:MAX_NAME_CHARS])) or None,
            text=draw(texts),
        )
    return Post(
        platform=draw(st.sampled_from(list(Platform))),
        post_id="h1",
        account_id="ig:asn.hostile",
        action=action,
        text=draw(texts),
        transcript=draw(texts),
        media_description=draw(texts),
        hashtags=draw(tags),
        mentions=draw(tags),
        target=target,
        event_time=draw(WHEN),
    )


HOSTILE = settings(
    max_examples=150,
    deadline=None,  # time is the benchmark's business
    derandomize=True,  # the same posts on every run: a failure reproduces
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@HOSTILE
@given(post=posts())
def test_every_generated_post_gets_a_decision(engine: Engine, post: Post) -> None:
    decision = engine.decide(post)
    assert decision.outcome in set(Outcome)
    assert decision.pack_version == engine.pack_version
    assert (decision.outcome is Outcome.PASS) == (not decision.hits)


@HOSTILE
@given(post=posts())
def test_fast_and_full_path_agree_on_generated_posts(engine: Engine, post: Post) -> None:
    fast = engine.analyse(post).decision
    full = engine.analyse(post, full_path=True).decision
    assert (fast.outcome, sorted(h.rule_id for h in fast.hits)) == (
        full.outcome,
        sorted(h.rule_id for h in full.hits),
    )


@HOSTILE
@given(post=posts())
def test_evidence_quotes_the_characters_it_points_at(engine: Engine, post: Post) -> None:
    for hit in engine.decide(post).hits:
        for evidence in hit.evidence:
            if evidence.start is None or evidence.end is None:
                continue
            original = post.field_text(evidence.field)
            assert 0 <= evidence.start <= evidence.end <= len(original)
            assert original[evidence.start : evidence.end] == evidence.excerpt
