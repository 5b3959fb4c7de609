"""Flags that would not fit the flags topic are cut by rule, and say what was cut."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.flagfit import CUTS, ELLIPSIS, encoded, fit_flag
from agents.judge import judge_post
from schemas import Flag, Post
from schemas.post import MAX_TAG_CHARS, MAX_TEXT_CHARS, MAX_URL_CHARS
from streams.pseudonyms import NipPseudonyms
from streams.ruleguard import RuleGuard
from streams.rulepack import EngineHolder

HOLDER = EngineHolder(None)
KEYS = NipPseudonyms(b"netra-unit-test-nip-key-0123456789")
CAMPAIGN = "Ayo coblos Prabowo-Gibran nomor 2, menang satu putaran! "


def judged(post: Post) -> Flag:
    guard = RuleGuard(share=0.5, min_events=1_000_000, window_seconds=60.0)
    flag, _ = judge_post(post, None, HOLDER, guard, KEYS, datetime.now(UTC), budget_ms=60_000.0)
    assert flag is not None
    return flag


def largest_post() -> Post:
    """An event just under the 1 MiB event limit: every field full, campaign words first,
    four-byte characters after them."""
    long_text = CAMPAIGN + "\U0001f5f3" * (MAX_TEXT_CHARS - len(CAMPAIGN))
    tag = "#Prabowo" + "\U0001f5f3" * (MAX_TAG_CHARS - 8)
    return Post.model_validate(
        {
            "platform": "facebook",
            "post_id": "huge",
            "account_id": "fb:asn.huge",
            "action": "share",
            "text": long_text,
            "transcript": long_text,
            "media_description": long_text,
            "hashtags": [tag] * 200,
            "mentions": ["@" + "\U0001f5f3" * (MAX_TAG_CHARS - 1)] * 200,
            "urls": ["https://example.id/" + "x" * (MAX_URL_CHARS - 19)] * 100,
            "target": {"kind": "post", "text": long_text, "name": "n" * 1000},
            "event_time": "2024-01-15T09:00:00+07:00",
        }
    )


def test_an_ordinary_flag_is_published_as_it_is() -> None:
    flag = judged(
        Post.model_validate(
            {
                "platform": "x",
                "post_id": "small",
                "account_id": "x:asn",
                "action": "post",
                "text": CAMPAIGN,
                "event_time": "2024-01-15T09:00:00+07:00",
            }
        )
    )
    fitted = fit_flag(flag, 512 * 1024)
    assert fitted is not None
    assert fitted[0] is flag and fitted[1] == encoded(flag)
    assert flag.trimmed == []


def test_the_largest_valid_event_gives_a_flag_cut_to_fit_that_says_what_was_cut() -> None:
    post = largest_post()
    assert len(post.model_dump_json().encode()) <= 1024 * 1024, "a valid event for the judge"
    flag = judged(post)
    assert len(encoded(flag)) > 900 * 1024, "the whole flag is close to the flags topic's 1 MiB"
    fitted = fit_flag(flag, 512 * 1024)
    assert fitted is not None
    cut, raw = fitted
    assert len(raw) <= 512 * 1024
    assert Flag.model_validate_json(raw) == cut
    cut_fields = {t.field: t for t in cut.trimmed}
    assert cut_fields["text"].size == MAX_TEXT_CHARS
    assert cut_fields["text"].kept == len(cut.post.text) < MAX_TEXT_CHARS
    assert cut.post.text == flag.post.text[: len(cut.post.text)]
    assert {"transcript", "media_description", "target.text", "hashtags"} <= set(cut_fields)
    # The judgement is untouched: same outcome, rules, score and evidence positions.
    assert cut.decision.outcome is flag.decision.outcome
    assert [h.rule_id for h in cut.decision.hits] == [h.rule_id for h in flag.decision.hits]
    assert cut.decision.score == flag.decision.score
    for whole, kept in zip(flag.decision.hits, cut.decision.hits, strict=True):
        for a, b in zip(whole.evidence, kept.evidence, strict=False):
            assert (a.field, a.start, a.end, a.feature) == (b.field, b.start, b.end, b.feature)


def test_a_tighter_bound_takes_a_tighter_cut() -> None:
    flag = judged(largest_post())
    loose = fit_flag(flag, 512 * 1024)
    tight = fit_flag(flag, 64 * 1024)
    assert loose is not None and tight is not None
    assert len(tight[1]) <= 64 * 1024 < len(loose[1])
    assert len(tight[0].post.text) <= CUTS[-1].field_chars * 5


def test_long_excerpts_are_cut_with_a_mark() -> None:
    flag = judged(largest_post())
    hit = flag.decision.hits[0]
    long_evidence = hit.evidence[0].model_copy(update={"excerpt": "x" * 5000})
    hit = hit.model_copy(update={"evidence": [long_evidence]})
    decision = flag.decision.model_copy(update={"hits": [hit]})
    fitted = fit_flag(flag.model_copy(update={"decision": decision}), 512 * 1024)
    assert fitted is not None
    excerpt = fitted[0].decision.hits[0].evidence[0].excerpt
    assert excerpt.endswith(ELLIPSIS) and len(excerpt) <= CUTS[0].excerpt_chars + 1
    assert "evidence.excerpt" in {t.field for t in fitted[0].trimmed}


def test_a_bound_nothing_can_meet_gives_none() -> None:
    assert fit_flag(judged(largest_post()), 1_000) is None
